"""A scripted stand-in for llama.cpp: the runner protocol of core/running (events.Runner), with
answers written by the test instead of a model.

The fast tier (`pytest -m "not slow"`) uses it where a test needs a local model only to produce
events (an answer to mark, export or compare, a stream to stop); the same test's `real` variant
in the full suite runs the bundled model. It replaces `LocalRunner` where runners.py makes it, so
everything around the model stays real: the slot thread, the scheduler, the writer, the window.

The events come in the order LocalRunner sends them (loading on first use, facts, thinking,
streaming, text, finished), with the same facts about the model file and the prompt as sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.model_files.file_hash import sha256_of
from imitation_lens.core.model_files.gguf_header import (
    ModelFacts,
    ModelFileError,
    inspect_model_file,
)
from imitation_lens.core.running.events import (
    EmitFn,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    StreamMeter,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams
from imitation_lens.core.running.local_runner import NO_TEXT
from imitation_lens.core.running.prompting import PromptError, build_prompt

PACED_FROM = 10  # tokens: an answer this long is written at a model's pace (see Script.delay_s)


def default_answer(prompt: str) -> list[str]:
    """An answer that names its question, in word-sized pieces (as tokens stream), repeated:
    like a small model, it writes until its column's token limit."""
    words = f"A scripted answer to: {prompt.strip()}".split()
    return [words[0], *(f" {word}" for word in words[1:]), " Again:"]


_HEADERS: dict[tuple[str, int, int], ModelFacts] = {}
_HEADERS_LOCK = threading.Lock()


def _header_facts(path: Path) -> ModelFacts:
    """The file's header facts, read once per file version for the whole session (a 262k-token
    vocabulary takes a while to read, and every scripted load would read it again)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _HEADERS_LOCK:
        known = _HEADERS.get(key)
    if known is None:
        known = inspect_model_file(path)
        with _HEADERS_LOCK:
            _HEADERS[key] = known
    return known


@dataclass
class Script:
    """What the scripted models answer from now on (a test may change it between prompts)."""

    answer: Callable[[str], list[str]] = default_answer  # the pieces, from the user's prompt
    fill: bool = True  # repeat the pieces up to the column's token limit, as a model writes on
    error: str = ""  # fail with this message after the pieces (a llama.cpp error mid-answer)
    load_error: str = ""  # fail with this message while loading (a broken model file)
    # Between pieces; None: 5 ms for an answer of 10 tokens or more, so that a batch is still
    # running when a test pauses or follows it and 400 tokens stream for two seconds (a test
    # stops them), and none for the few-token answers tests only judge. A stop ends the wait.
    delay_s: float | None = None
    endless: bool = False  # keep writing until stopped


class ScriptedModels:
    """The scripted models of one test: the script they follow and what they were asked."""

    def __init__(self) -> None:
        self.script = Script()
        self.prompts: list[str] = []  # every prompt a scripted model was asked, in order
        self.loads = 0  # how many times a model was "loaded"
        self.closes = 0
        self.most_at_once = 0  # the most answers one batched scripted model wrote together
        self._lock = threading.Lock()

    def runner(
        self, source: LocalModel, params: SamplingParams, threads: int, models_dir: Path
    ) -> ScriptedRunner:
        """Made like LocalRunner (runners.py calls it on the slot's own thread)."""
        return ScriptedRunner(self, source, params, threads, models_dir)

    def batched_runner(
        self,
        source: LocalModel,
        params: SamplingParams,
        threads: int,
        models_dir: Path,
        sequences: int,
        facts: dict[str, Any] | None = None,
    ) -> ScriptedBatchedRunner:
        """Made like BatchedLocalRunner (core/batches/local_at_once.py calls it)."""
        inner = ScriptedRunner(self, source, params, threads, models_dir)
        return ScriptedBatchedRunner(self, inner, sequences, facts or {})

    def _asked(self, prompt: str) -> Script:
        with self._lock:
            self.prompts.append(prompt)
            return self.script

    def _count(self, what: str) -> None:
        with self._lock:
            setattr(self, what, getattr(self, what) + 1)


class ScriptedRunner:
    """One scripted "model"; like LocalRunner, used only from the thread that created it."""

    def __init__(
        self,
        models: ScriptedModels,
        source: LocalModel,
        params: SamplingParams,
        threads: int,
        models_dir: Path,
    ) -> None:
        self._models = models
        self._source = source
        self._params = params
        self._threads = threads
        self._models_dir = models_dir
        self._loaded: dict[str, Any] | None = None

    def _load(self, stop: threading.Event, script: Script) -> dict[str, Any] | None:
        """The model file's facts, read from its header as LocalRunner reads them."""
        path = (
            ensure_bundled_model(self._models_dir)
            if self._source.is_bundled
            else Path(self._source.path).expanduser()
        )
        facts = _header_facts(path)
        if script.load_error:
            raise ModelFileError(script.load_error)
        digest = sha256_of(path, self._models_dir, stop.is_set)
        if stop.is_set():
            return None
        self._models._count("loads")
        return {
            "model_file": facts.file_name,
            "model_path": str(facts.path),
            "model_sha256": digest,
            "model_name": facts.name,
            "model_architecture": facts.architecture,
            "model_quantization": facts.quantization,
            "model_size_label": facts.size_label,
            "model_size_bytes": facts.size_bytes,
            "chat_template": facts.chat_template,
        }

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        rid = request.response_id
        script = self._models._asked(request.prompt)
        meter = StreamMeter(rid, emit)
        facts: dict[str, Any] = {"threads": self._threads, "params": asdict(self._params)}

        def finish(status: Status, error: str = "") -> None:
            emit(FinishedEvent(rid, status, meter.text, error, facts | meter.timings()))

        try:
            if self._loaded is None:
                emit(StateEvent(rid, Status.LOADING))
                self._loaded = self._load(stop, script)
            if stop.is_set() or self._loaded is None:
                finish(Status.STOPPED)
                return
            model = dict(self._loaded)
            built = build_prompt(
                request.prompt, self._source.prompt_mode, model.pop("chat_template"), "", ""
            )
        except (ModelFileError, PromptError) as error:
            finish(Status.FAILED, str(error))
            return
        facts |= model | {
            "template": built.template,
            "prompt_sent": built.text,
            "tokens_in": len(built.text.split()) + 1,
            "params": asdict(self._params) | {"stop": built.stop, "add_bos": built.add_bos},
            "context_length": self._params.context_length,
            "scripted": True,  # never a real model's answer
        }
        emit(FactsEvent(rid, facts))
        emit(StateEvent(rid, Status.THINKING))
        self._stream(script, request.prompt, meter, emit, stop)
        meter.flush()
        if stop.is_set():
            finish(Status.STOPPED)
        elif script.error:
            finish(Status.FAILED, script.error)
        elif not meter.text.strip():
            finish(Status.FAILED, NO_TEXT)
        else:
            finish(Status.DONE)

    def _stream(
        self, script: Script, prompt: str, meter: StreamMeter, emit: EmitFn, stop: threading.Event
    ) -> None:
        pieces = script.answer(prompt)
        limit = None if script.endless else self._params.max_tokens
        if not script.fill and limit is not None:
            limit = min(limit, len(pieces))
        delay = script.delay_s
        if delay is None:
            delay = 0.005 if self._params.max_tokens >= PACED_FROM else 0.0
        written = 0
        while pieces and (limit is None or written < limit):
            # A stop ends the wait at once, as llama.cpp's abort callback ends a token.
            if stop.is_set() or (delay and stop.wait(delay)):
                return
            if written == 0:
                emit(StateEvent(meter.response_id, Status.STREAMING))
            meter.add(pieces[written % len(pieces)], written + 1)
            written += 1

    def close(self) -> None:
        if self._loaded is not None:
            self._models._count("closes")
        self._loaded = None


class ScriptedBatchedRunner:
    """A scripted model answering up to `sequences` questions at once, from any thread, like
    core/running/batched_local.BatchedLocalRunner: the same events as ScriptedRunner, with the
    number at once among the facts."""

    def __init__(
        self, models: ScriptedModels, inner: ScriptedRunner, sequences: int, facts: dict[str, Any]
    ) -> None:
        self._models = models
        self._inner = inner
        self.sequences = sequences
        self._facts = facts | {"questions_at_once": sequences}
        self._lock = threading.Lock()
        self._slots = threading.Semaphore(sequences)
        self._running = 0

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        def tagged(event: Any) -> None:
            if isinstance(event, FactsEvent):
                event = FactsEvent(event.response_id, event.facts | self._facts)
            elif isinstance(event, FinishedEvent):
                event = FinishedEvent(
                    event.response_id,
                    event.status,
                    event.text,
                    event.error,
                    event.facts | self._facts,
                )
            emit(event)

        with self._slots:
            with self._lock:
                if self._inner._loaded is None:  # the first answer loads the model, alone
                    self._inner.generate(request, tagged, stop)
                    return
                self._running += 1
                with self._models._lock:
                    self._models.most_at_once = max(self._models.most_at_once, self._running)
            try:
                self._inner.generate(request, tagged, stop)
            finally:
                with self._lock:
                    self._running -= 1

    def close(self) -> None:
        self._inner.close()
