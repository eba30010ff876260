"""What a column's header says: its state, where its model comes from, how the question was
asked, and how fast the answer came (the words only; SlotColumn shows them)."""

from __future__ import annotations

from typing import Any

from imitation_lens.core.model_files.bundled_model import DISPLAY_NAME
from imitation_lens.core.model_files.bundled_model import FILE_NAME as BUNDLED_FILE
from imitation_lens.core.model_files.bundled_model import SHA256 as BUNDLED_SHA256
from imitation_lens.core.model_files.trainable_base import DISPLAY_NAME as TRAINABLE_NAME
from imitation_lens.core.model_files.trainable_base import SHA256 as TRAINABLE_SHA256
from imitation_lens.core.model_files.trainable_base import TITLE as TRAINABLE_TITLE
from imitation_lens.core.model_files.trainable_base import is_trainable_base
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.running.prompting import GGUF_CHAT, QUESTION_ANSWER, TEACHER_STYLE
from imitation_lens.ui.plain_text import plain_tip

# (label shown, background, text colour): the word is always there, colour only helps.
STATE_STYLE: dict[str, tuple[str, str, str]] = {
    "idle": ("Idle", "#e8e8e8", "#333333"),
    Status.QUEUED: ("Waiting", "#e8e8e8", "#333333"),
    Status.LOADING: ("Loading model…", "#dbe8ff", "#123a7a"),
    Status.THINKING: ("Reading the prompt…", "#dbe8ff", "#123a7a"),
    Status.STREAMING: ("Writing…", "#d9f2dd", "#145a21"),
    Status.DONE: ("Done", "#e8e8e8", "#1d1d1d"),
    Status.STOPPED: ("Stopped", "#fff0c2", "#6b4a00"),
    Status.FAILED: ("Failed", "#ffd9d9", "#8a0010"),
    Status.INTERRUPTED: ("Interrupted", "#fff0c2", "#6b4a00"),
    "stopping": ("Stopping…", "#fff0c2", "#6b4a00"),
}

# How the question reached a local model, in the words of the column's Prompt style setting; the
# ids stored with each answer are for the data, not for the header.
_ASKED = {
    QUESTION_ANSWER: "asked as question and answer",
    TEACHER_STYLE: "asked after teacher-style examples",
    GGUF_CHAT: "asked through its chat template",
}


def describe_source(slot: SlotConfig) -> str:
    if isinstance(slot.source, Server):
        return f"{slot.source.model} via {slot.source.base_url}"
    if slot.source.is_bundled:
        return f"{DISPLAY_NAME} · Q4_K_M · built in"
    if is_trainable_base(slot.source.path):
        return TRAINABLE_TITLE
    return slot.source.path.replace("\\", "/").rsplit("/", 1)[-1]


def model_words(facts: dict[str, Any]) -> tuple[str, str | None] | None:
    """The model line once a run reported its facts, and its tooltip; None: nothing to change."""
    if facts.get("kind") == "imported":  # the set's own answer (core/batches/queued.py)
        return f"From {facts.get('model_name') or 'the imported set'}", None
    if facts.get("model_file"):
        if facts.get("model_sha256") == BUNDLED_SHA256 or facts["model_file"] == BUNDLED_FILE:
            # The same words as before the run (describe_source), with how it was asked.
            details = [DISPLAY_NAME, facts.get("model_quantization") or "", "built in"]
        elif facts.get("model_sha256") == TRAINABLE_SHA256:
            details = [TRAINABLE_NAME, facts.get("model_quantization") or "", "built in"]
        else:
            name = facts.get("model_name") or facts["model_file"]
            size = facts.get("model_size_label") or ""
            details = [name, "" if size.lower() in name.lower() else size]
            details.append(facts.get("model_quantization") or "")
        details.append(_ASKED.get(str(facts.get("template") or ""), ""))
        tip = plain_tip(f"{facts['model_file']}\nsha256 {facts.get('model_sha256') or 'unknown'}")
        return " · ".join(d for d in details if d), tip
    if facts.get("endpoint_model"):
        return f"{facts['endpoint_model']} via {facts.get('endpoint_base_url', '')}", None
    return None


def _tokens(count: int) -> str:
    return "1 token" if count == 1 else f"{count} tokens"


def speed_words(tokens_per_second: float | None, tokens_out: int | None) -> str:
    """How fast and how long; empty when there is nothing to say yet."""
    if tokens_per_second:
        return f"{tokens_per_second:.1f} tokens/s · {_tokens(tokens_out or 0)}"
    if tokens_out:
        return _tokens(tokens_out)
    return ""
