"""Runs a GGUF model in-process with llama-cpp-python, streaming, stoppable at every stage."""

from __future__ import annotations

import ctypes
import logging
import threading
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _, number
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
from imitation_lens.core.running.load_failure import LoadLog, load_failure
from imitation_lens.core.running.prompting import BuiltPrompt, PromptError, build_prompt

_log = logging.getLogger("llama.cpp")
_log_lock = threading.Lock()
_log_callback: Any = None
# ggml's levels: 1 debug, 2 info, 3 warn, 4 error; 5 continues a line (progress dots): debug.
_LEVELS = {1: logging.DEBUG, 2: logging.INFO, 3: logging.WARNING, 4: logging.ERROR}


def route_llama_log() -> None:
    """Send llama.cpp's log to Python logging, once per process.

    llama-cpp-python's quiet mode (verbose=False) silences loading by pointing the process's
    stdout and stderr at /dev/null and back; two models loading at once race on that and can
    leave the whole process mute. Routing the log lets every load run with verbose=True.
    """
    global _log_callback
    import llama_cpp

    with _log_lock:
        if _log_callback is not None:
            return

        @llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
        def callback(level: int, text: bytes, _user_data: Any) -> None:
            _log.log(_LEVELS.get(level, logging.DEBUG), text.decode("utf-8", "replace").rstrip())

        _log_callback = callback
        llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))


# Flagged rather than shown as an empty "Done" (a damaged model answers this way), worded so it
# blames nothing: a small model also ends at once now and then.
NO_TEXT = (
    "The model wrote nothing for this question: it stopped before its first word. Try the "
    "question again; if every answer comes back empty, the model file may be damaged."
)
# llama_decode's return value when the abort callback asked it to stop: a stop, not a failure.
_ABORTED_MARK = "llama_decode returned 2"


@cache
def llama_versions() -> dict[str, str]:
    import llama_cpp

    info = llama_cpp.llama_print_system_info()
    return {
        "llama_cpp_python_version": str(llama_cpp.__version__),
        # The PyPI source distribution carries no llama.cpp commit; the binding's version pins it.
        "llama_cpp_version": f"vendored by llama-cpp-python {llama_cpp.__version__}",
        "llama_cpp_system_info": info.decode("utf-8", "replace").strip(),
    }


def _free_sampler(llm: Any) -> None:
    """Free the completion's sampler chain now.

    llama-cpp-python 0.3.x keeps it in a reference cycle (its free callback holds the object),
    so its native buffers (about 3 MB on a 262k vocabulary) wait for Python's rare full garbage
    collection: a 100-question batch grew by 15% (bench/batch_run.py). Each completion makes a
    new one, so closing the old one is safe.
    """
    sampler = getattr(llm, "_sampler", None)
    if sampler is not None and hasattr(sampler, "close"):
        sampler.close()
        llm._sampler = None


def prompt_for(model: Any, facts: ModelFacts, source: LocalModel, user_prompt: str) -> BuiltPrompt:
    """The prompt `model` (a Llama, or llama-cpp-python's LlamaModel) receives for `user_prompt`;
    shared with core/running/batched_local.py, so both paths send the same text."""
    bos = eos = ""
    if facts.chat_template:
        bos = model.detokenize([model.token_bos()], special=True).decode("utf-8", "replace")
        eos = model.detokenize([model.token_eos()], special=True).decode("utf-8", "replace")
    return build_prompt(user_prompt, source.prompt_mode, facts.chat_template, bos, eos)


def describe(
    facts: ModelFacts,
    sha256: str | None,
    params: SamplingParams,
    built: BuiltPrompt,
    tokens_in: int,
) -> dict[str, Any]:
    """What an answer records about the model, the prompt as sent and the settings."""
    return {
        "model_file": facts.file_name,
        "model_path": str(facts.path),
        "model_sha256": sha256,
        "model_name": facts.name,
        "model_architecture": facts.architecture,
        "model_quantization": facts.quantization,
        "model_size_label": facts.size_label,
        "model_size_bytes": facts.size_bytes,
        "template": built.template,
        "prompt_sent": built.text,
        "tokens_in": tokens_in,
        "params": asdict(params) | {"stop": built.stop, "add_bos": built.add_bos},
        "context_length": params.context_length,
    } | llama_versions()


def model_path(source: LocalModel, models_dir: Path) -> Path:
    if source.is_bundled:
        return ensure_bundled_model(models_dir)
    return Path(source.path).expanduser()


@dataclass
class LoadedFile:
    """A model file loaded without a context (core/running/batched_local.py makes its own)."""

    model: Any  # llama_cpp._internals.LlamaModel
    facts: ModelFacts
    sha256: str | None


def load_file(source: LocalModel, models_dir: Path, stop: threading.Event) -> LoadedFile | None:
    """Load `source`'s weights as the one-at-a-time runner does; None when stopped first.
    Raises ModelFileError with a plain message when the file cannot be loaded."""
    import llama_cpp
    from llama_cpp import _internals

    path = model_path(source, models_dir)
    facts = inspect_model_file(path)
    sha256 = sha256_of(path, models_dir, stop.is_set)
    if stop.is_set():
        return None
    route_llama_log()
    heard = LoadLog()
    _log.addHandler(heard)
    try:
        params = llama_cpp.llama_model_default_params()
        params.n_gpu_layers = 0  # as Llama's default, which the one-at-a-time runner keeps
        model = _internals.LlamaModel(path_model=str(path), params=params, verbose=True)
    except (ValueError, RuntimeError, OSError) as error:
        raise ModelFileError(load_failure(facts, heard)) from error
    finally:
        _log.removeHandler(heard)
    return LoadedFile(model, facts, sha256)


class LocalRunner:
    """Owns one llama.cpp model; used only from the thread that created it."""

    def __init__(
        self, source: LocalModel, params: SamplingParams, threads: int, models_dir: Path
    ) -> None:
        self._source = source
        self._params = params
        self._threads = threads
        self._models_dir = models_dir
        self._llm: Any = None
        self._facts: ModelFacts | None = None
        self._sha256: str | None = None
        self._stop = threading.Event()
        self._abort_callback: Any = None

    # -- loading ----------------------------------------------------------------------------

    def _model_path(self) -> Path:
        return model_path(self._source, self._models_dir)

    def _load(self, stop: threading.Event) -> None:
        import llama_cpp

        path = self._model_path()
        facts = inspect_model_file(path)
        self._sha256 = sha256_of(path, self._models_dir, stop.is_set)
        if stop.is_set():
            return
        context = self._params.context_length or 2048
        route_llama_log()
        heard = LoadLog()
        _log.addHandler(heard)
        try:
            # verbose=True: no process-wide stdout/stderr juggling (see route_llama_log). It
            # costs a few lines on stderr per load; redirecting sys.stderr would race the same way.
            llm = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=context,
                n_threads=self._threads,
                n_threads_batch=self._threads,
                seed=self._params.seed,
                verbose=True,
            )
            llm.verbose = False  # no timing report after every answer
        except (ValueError, RuntimeError, OSError) as error:
            raise ModelFileError(load_failure(facts, heard)) from error
        finally:
            _log.removeHandler(heard)
        # The abort callback is the only way to stop llama.cpp while it processes the prompt.
        self._abort_callback = llama_cpp.ggml_abort_callback(lambda _data: self._stop.is_set())
        llama_cpp.llama_set_abort_callback(llm.ctx, self._abort_callback, None)
        self._llm = llm
        self._facts = facts

    # -- generating -------------------------------------------------------------------------

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        rid = request.response_id
        meter = StreamMeter(rid, emit)
        self._stop = stop
        facts: dict[str, Any] = {"threads": self._threads, "params": asdict(self._params)}

        def finish(status: Status, error: str = "") -> None:
            emit(FinishedEvent(rid, status, meter.text, error, facts | meter.timings()))

        try:
            if self._llm is None:
                emit(StateEvent(rid, Status.LOADING))
                self._load(stop)
            if stop.is_set() or self._llm is None:
                finish(Status.STOPPED)
                return
            built = self._build(request.prompt)
            tokens = self._llm.tokenize(
                built.text.encode("utf-8"), add_bos=built.add_bos, special=True
            )
            facts |= self._describe(built, len(tokens))
            emit(FactsEvent(rid, facts))
            emit(StateEvent(rid, Status.THINKING))
            self._stream(built, tokens, meter, emit, stop)
        except (ModelFileError, PromptError) as error:
            finish(Status.FAILED, str(error))
            return
        except RuntimeError as error:
            if _ABORTED_MARK in str(error) or stop.is_set():
                finish(Status.STOPPED)
            else:
                _log.warning("llama.cpp stopped with an error: %s", error)
                finish(
                    Status.FAILED,
                    "The model stopped in the middle of its answer because of an error inside "
                    "llama.cpp. Try the question again; if it keeps happening, try a shorter "
                    "question or another model (the log has the details).",
                )
            return
        except MemoryError:
            finish(
                Status.FAILED,
                "The computer ran out of memory. Try a smaller model or a shorter context.",
            )
            return
        meter.flush()
        if stop.is_set():
            finish(Status.STOPPED)
        elif not meter.text.strip():
            # An answer with no text is never a plain "Done": a model with broken weights ends
            # this way, and an empty column would read as a model that chose to say nothing.
            finish(Status.FAILED, NO_TEXT)
        else:
            finish(Status.DONE)

    def _build(self, user_prompt: str) -> BuiltPrompt:
        assert self._facts is not None
        return prompt_for(self._llm, self._facts, self._source, user_prompt)

    def _describe(self, built: BuiltPrompt, tokens_in: int) -> dict[str, Any]:
        assert self._facts is not None
        return describe(self._facts, self._sha256, self._params, built, tokens_in)

    def _stream(
        self,
        built: BuiltPrompt,
        tokens: list[int],
        meter: StreamMeter,
        emit: EmitFn,
        stop: threading.Event,
    ) -> None:
        llm = self._llm
        params = self._params
        if len(tokens) >= llm.n_ctx():
            raise PromptError(
                _(
                    "The prompt is {tokens} tokens long, more than this column's "
                    "context of {context} tokens. Shorten it or raise the context length."
                ).format(tokens=number(len(tokens)), context=number(llm.n_ctx()))
            )
        stream = llm.create_completion(
            tokens,
            max_tokens=min(params.max_tokens, llm.n_ctx() - len(tokens)),
            temperature=params.temperature,
            top_p=params.top_p,
            top_k=params.top_k,
            repeat_penalty=params.repeat_penalty,
            seed=params.seed,
            stop=built.stop or None,
            stream=True,
        )
        streaming = False
        try:
            for chunk in stream:
                if stop.is_set():
                    break
                piece = chunk["choices"][0]["text"]
                if not piece:
                    continue
                if not streaming:
                    streaming = True
                    emit(StateEvent(meter.response_id, Status.STREAMING))
                meter.add(piece, max(1, llm.n_tokens - len(tokens)))
        finally:
            stream.close()
            _free_sampler(llm)
        meter.tokens_out = max(meter.tokens_out, llm.n_tokens - len(tokens))

    def close(self) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None
