"""Why llama.cpp refused to load a model, in plain words.

llama-cpp-python raises only "Failed to load model from file"; the reason is in llama.cpp's log,
which route_llama_log sends to the "llama.cpp" logger on the loading thread.
"""

from __future__ import annotations

import logging
import threading

import gguf

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.gguf_header import ModelFacts

_MEMORY_WORDS = ("failed to allocate", "out of memory", "unable to allocate", "cannot allocate")


class LoadLog(logging.Handler):
    """Keeps llama.cpp's warnings and errors from the thread that created it (another column may
    be loading its own model at the same time)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._thread = threading.get_ident()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self._thread:
            self.lines.append(record.getMessage())


def load_failure(facts: ModelFacts, heard: LoadLog) -> str:
    log = "\n".join(heard.lines).lower()
    name = facts.file_name
    if "unknown model architecture" in log or facts.architecture not in _known():
        return _(
            "{name} holds a model of the kind '{architecture}', which this version of "
            "llama.cpp cannot run. Look for a GGUF of a model it supports, or a newer "
            "Imitation Lens."
        ).format(name=name, architecture=facts.architecture)
    if any(words in log for words in _MEMORY_WORDS):
        return _(
            "The computer ran out of memory loading {name}. Try a smaller model or a "
            "shorter context length."
        ).format(name=name)
    return _(
        "llama.cpp refused to load {name} ({model}): the file is complete but not "
        "a model it can run. It may be damaged or made for another program; download it again."
    ).format(name=name, model=facts.describe())


def _known() -> set[str]:
    return set(gguf.MODEL_ARCH_NAMES.values())
