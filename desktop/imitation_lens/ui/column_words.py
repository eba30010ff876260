"""What a column's header says: its state, where its model comes from, how the question was
asked, and how fast the answer came (the words only; SlotColumn shows them)."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject

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
# The labels are translated where shown (state_words).
# cast: QT_TRANSLATE_NOOP returns its text, typed as object.
STATE_STYLE = cast(
    dict[str, tuple[str, str, str]],
    {
        "idle": (QT_TRANSLATE_NOOP("ColumnWords", "Idle"), "#e8e8e8", "#333333"),
        Status.QUEUED: (QT_TRANSLATE_NOOP("ColumnWords", "Waiting"), "#e8e8e8", "#333333"),
        Status.LOADING: (QT_TRANSLATE_NOOP("ColumnWords", "Loading model…"), "#dbe8ff", "#123a7a"),
        Status.THINKING: (
            QT_TRANSLATE_NOOP("ColumnWords", "Reading the prompt…"),
            "#dbe8ff",
            "#123a7a",
        ),
        Status.STREAMING: (QT_TRANSLATE_NOOP("ColumnWords", "Writing…"), "#d9f2dd", "#145a21"),
        Status.DONE: (QT_TRANSLATE_NOOP("ColumnWords", "Done"), "#e8e8e8", "#1d1d1d"),
        Status.STOPPED: (QT_TRANSLATE_NOOP("ColumnWords", "Stopped"), "#fff0c2", "#6b4a00"),
        Status.FAILED: (QT_TRANSLATE_NOOP("ColumnWords", "Failed"), "#ffd9d9", "#8a0010"),
        Status.INTERRUPTED: (QT_TRANSLATE_NOOP("ColumnWords", "Interrupted"), "#fff0c2", "#6b4a00"),
        "stopping": (QT_TRANSLATE_NOOP("ColumnWords", "Stopping…"), "#fff0c2", "#6b4a00"),
    },
)

# How the question reached a local model, in the words of the column's Prompt style setting; the
# ids stored with each answer are for the data, not for the header.
_ASKED = cast(
    dict[str, str],
    {
        QUESTION_ANSWER: QT_TRANSLATE_NOOP("ColumnWords", "asked as question and answer"),
        TEACHER_STYLE: QT_TRANSLATE_NOOP("ColumnWords", "asked after teacher-style examples"),
        GGUF_CHAT: QT_TRANSLATE_NOOP("ColumnWords", "asked through its chat template"),
    },
)


def _words(text: str) -> str:
    return QCoreApplication.translate("ColumnWords", text)


def state_words(state: str) -> str:
    """A column's state in words, in the interface's language."""
    return _words(STATE_STYLE[state][0])


class ColumnCounts(QObject):
    """Texts with a count: lupdate reads plural forms only from a class's self.tr()."""

    def tokens(self, count: int) -> str:
        # Two source texts, so English reads "1 token" / "2 tokens" without a catalogue.
        if count == 1:
            return self.tr("%n token", "", count)
        return self.tr("%n tokens", "", count)


def describe_source(slot: SlotConfig) -> str:
    if isinstance(slot.source, Server):
        return QCoreApplication.translate("ColumnWords", "{model} via {address}").format(
            model=slot.source.model, address=slot.source.base_url
        )
    if slot.source.is_bundled:
        built_in = QCoreApplication.translate("ColumnWords", "built in")
        return f"{DISPLAY_NAME} · Q4_K_M · {built_in}"
    if is_trainable_base(slot.source.path):
        return TRAINABLE_TITLE
    return slot.source.path.replace("\\", "/").rsplit("/", 1)[-1]


def model_words(facts: dict[str, Any]) -> tuple[str, str | None] | None:
    """The model line once a run reported its facts, and its tooltip; None: nothing to change."""
    if facts.get("kind") == "imported":  # the set's own answer (core/batches/queued.py)
        name = facts.get("model_name") or QCoreApplication.translate(
            "ColumnWords", "the imported set"
        )
        return QCoreApplication.translate("ColumnWords", "From {name}").format(name=name), None
    if facts.get("model_file"):
        built_in = QCoreApplication.translate("ColumnWords", "built in")
        if facts.get("model_sha256") == BUNDLED_SHA256 or facts["model_file"] == BUNDLED_FILE:
            # The same words as before the run (describe_source), with how it was asked.
            details = [DISPLAY_NAME, facts.get("model_quantization") or "", built_in]
        elif facts.get("model_sha256") == TRAINABLE_SHA256:
            details = [TRAINABLE_NAME, facts.get("model_quantization") or "", built_in]
        else:
            name = facts.get("model_name") or facts["model_file"]
            size = facts.get("model_size_label") or ""
            details = [name, "" if size.lower() in name.lower() else size]
            details.append(facts.get("model_quantization") or "")
        asked = _ASKED.get(str(facts.get("template") or ""))
        details.append(_words(asked) if asked else "")
        sha256 = facts.get("model_sha256") or QCoreApplication.translate("ColumnWords", "unknown")
        tip = plain_tip(f"{facts['model_file']}\nsha256 {sha256}")
        return " · ".join(d for d in details if d), tip
    if facts.get("endpoint_model"):
        words = QCoreApplication.translate("ColumnWords", "{model} via {address}")
        return (
            words.format(model=facts["endpoint_model"], address=facts.get("endpoint_base_url", "")),
            None,
        )
    return None


def _tokens(count: int) -> str:
    return ColumnCounts().tokens(count)


def speed_words(tokens_per_second: float | None, tokens_out: int | None) -> str:
    """How fast and how long; empty when there is nothing to say yet."""
    if tokens_per_second:
        speed = QCoreApplication.translate("ColumnWords", "{speed} tokens/s").format(
            speed=QLocale().toString(float(tokens_per_second), "f", 1)
        )
        return f"{speed} · {_tokens(tokens_out or 0)}"
    if tokens_out:
        return _tokens(tokens_out)
    return ""
