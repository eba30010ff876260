"""A local model answering several questions at once: several sequences in one llama.cpp batch.

A batch's local column decodes the next token of up to N answers in one `llama_decode` (one
context with N sequences, each with its own cache of the column's context length), so the
weights read for a pass serve N answers. Whether that is faster depends on the machine and the
model: with the bundled Gemma 3 270M on 2 cores it was not (docs/performance.md, "Local models,
several questions at once"), so batches use it only when asked (core/batches/local_at_once.py).

Each answer is made as the one-at-a-time runner (local_runner.py) makes it: the same prompt,
the same sampling chain as llama-cpp-python's completions (repeat penalty over the last 64
tokens, top-k, typical 1.0, top-p, min-p 0.05, temperature, a draw seeded with the column's
seed; greedy at temperature 0), the same stop strings, end of turn, token limit and events.
Each sequence has its own sampler and UTF-8 decoder: a character split across tokens is written
whole. `generate` may be called from several threads at once (core/batches/in_flight.py asks
from one thread per claimed answer) and returns when its answer has ended; one engine thread
owns the model and the context.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _, number
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.running.events import (
    EmitFn,
    FactsEvent,
    GenerationRequest,
    StateEvent,
    Status,
    StreamMeter,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams
from imitation_lens.core.running.local_runner import (
    LoadedFile,
    describe,
    load_file,
    prompt_for,
)
from imitation_lens.core.running.prompting import PromptError
from imitation_lens.core.running.sequence_answer import Answer, piece

log = logging.getLogger(__name__)

# As llama-cpp-python's completions (Llama's defaults), so both paths sample alike.
_PENALTY_LAST_N = 64
_MIN_P = 0.05
_TYPICAL_P = 1.0
_BATCH = 512  # tokens per llama_decode: llama-cpp-python's n_batch, as the memory estimate has
_IDLE_S = 0.05
_ABORTABLE = 64  # prompt tokens in a pass from which a pause may cut the pass short
_FAILED_INSIDE = (
    "The model stopped in the middle of its answer because of an error inside llama.cpp. Try "
    "the question again; if it keeps happening, try a shorter question or another model (the "
    "log has the details)."
)


class BatchedLocalRunner:
    """A local slot's runner for batches: up to `sequences` answers decoded together."""

    def __init__(
        self,
        source: LocalModel,
        params: SamplingParams,
        threads: int,
        models_dir: Path,
        sequences: int,
        facts: dict[str, Any] | None = None,
    ) -> None:
        self._source = source
        self._params = params
        self._threads = threads
        self._models_dir = models_dir
        self.sequences = max(1, sequences)
        self._extra = dict(facts or {})
        self._inbox: queue.Queue[Answer] = queue.Queue()
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._engine: threading.Thread | None = None
        self._active: list[Answer] = []  # the engine thread's
        self._failure = ""  # why the model could not be loaded: every answer fails with it
        self.most_at_once = 0  # the most answers decoded together (for tests and the bench)

    # -- any thread -------------------------------------------------------------------------

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        answer = Answer(request, emit, stop)
        with self._lock:
            if self._closing.is_set():  # closed, or the model could not be loaded
                answer.end(Status.FAILED if self._failure else Status.STOPPED, self._failure)
                return
            if self._engine is None:
                self._engine = threading.Thread(target=self._main, name="batched-local")
                self._engine.start()
            self._inbox.put(answer)
        answer.done.wait()

    def close(self) -> None:
        with self._lock:
            self._closing.set()
            engine = self._engine
        if engine is not None and engine is not threading.current_thread():
            engine.join()

    # -- the engine thread ------------------------------------------------------------------

    def _main(self) -> None:
        loaded: LoadedFile | None = None
        context: Any = None
        try:
            first = self._inbox.get()
            first.emit(StateEvent(first.request.response_id, Status.LOADING))
            try:
                loaded = load_file(self._source, self._models_dir, first.stop)
                context = self._new_context(loaded) if loaded is not None else None
            except ModelFileError as error:
                first.end(Status.FAILED, str(error))
                self._fail_waiting(str(error))
                return
            if loaded is None or context is None:  # stopped while loading
                first.end(Status.STOPPED)
                self._fail_waiting("")
                return
            self._inbox.put(first)
            self._serve(loaded, context)
        except Exception:  # every waiting answer must end, whatever went wrong
            log.exception("answering several questions at once failed")
            for answer in self._active:
                answer.end(Status.FAILED, _FAILED_INSIDE)
            self._fail_waiting(_FAILED_INSIDE)
        finally:
            self._fail_waiting(self._failure)  # none waits on an engine that has ended
            if context is not None:
                context.close()
            if loaded is not None:
                loaded.model.close()

    def _fail_waiting(self, error: str) -> None:
        with self._lock:
            self._failure = error
            self._closing.set()  # later questions end at once instead of waiting for no one
        while True:
            try:
                answer = self._inbox.get_nowait()
            except queue.Empty:
                return
            answer.end(Status.FAILED if error else Status.STOPPED, error)

    def _new_context(self, loaded: LoadedFile) -> Any:
        import llama_cpp
        from llama_cpp import _internals

        params = llama_cpp.llama_context_default_params()
        per_answer = self._params.context_length or 2048
        params.n_ctx = per_answer * self.sequences
        params.n_seq_max = self.sequences
        params.n_batch = params.n_ubatch = _BATCH
        params.n_threads = params.n_threads_batch = self._threads
        # One cache per sequence: an answer attends to its own tokens only, never to the
        # others' (and so cannot be swayed by them).
        params.kv_unified = False
        # As llama-cpp-python's Llama sets it (its flash_attn=False), so the numbers match the
        # one-at-a-time runner's; llama.cpp's own default (auto) may switch it on.
        params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
        context = _internals.LlamaContext(model=loaded.model, params=params, verbose=True)
        self._abort = llama_cpp.ggml_abort_callback(lambda _data: self._should_abort())
        self._no_abort = llama_cpp.ggml_abort_callback()  # NULL: no callback
        return context

    def _should_abort(self) -> bool:
        # Only when no answer in the pass wants it any more: aborting one answer's pass would
        # cut the others' too. A pause or a cancel stops them all.
        return self._closing.is_set() or all(a.stop.is_set() for a in self._active)

    def _serve(self, loaded: LoadedFile, context: Any) -> None:
        import llama_cpp

        free = list(range(self.sequences))
        batch = llama_cpp.llama_batch_init(_BATCH, 0, 1)
        memory = llama_cpp.llama_get_memory(context.ctx)
        try:
            while True:
                for answer in [a for a in self._active if a.stop.is_set()]:
                    self._retire(answer, Status.STOPPED, memory, free)
                if self._closing.is_set() and not self._active:
                    return
                while free and not self._closing.is_set():
                    try:
                        answer = self._inbox.get(timeout=0 if self._active else _IDLE_S)
                    except queue.Empty:
                        break
                    answer.seq = free.pop(0)
                    if self._begin(answer, loaded, context):
                        self._active.append(answer)
                        self.most_at_once = max(self.most_at_once, len(self._active))
                    else:
                        free.append(answer.seq)
                if not self._active:
                    continue
                status = self._decode(context, batch)
                if status == 2 or (status == 0 and self._closing.is_set()):
                    for answer in list(self._active):
                        self._retire(answer, Status.STOPPED, memory, free)
                elif status != 0:
                    log.warning(
                        "llama_decode returned %s with %s answers", status, len(self._active)
                    )
                    for answer in list(self._active):
                        self._retire(answer, Status.FAILED, memory, free, _FAILED_INSIDE)
                else:
                    self._sample(loaded, context, memory, free)
        finally:
            llama_cpp.llama_batch_free(batch)
            for answer in list(self._active):
                self._retire(answer, Status.STOPPED, memory, free)

    def _begin(self, answer: Answer, loaded: LoadedFile, context: Any) -> bool:
        """Build the answer's prompt and sampler; False when it ended before its first pass."""
        from llama_cpp import _internals

        rid = answer.request.response_id
        params = self._params
        answer.facts = {"threads": self._threads, "params": asdict(params)} | self._extra
        answer.facts["questions_at_once"] = self.sequences
        if answer.stop.is_set():
            answer.end(Status.STOPPED)
            return False
        try:
            built = prompt_for(loaded.model, loaded.facts, self._source, answer.request.prompt)
            tokens = loaded.model.tokenize(
                built.text.encode("utf-8"), add_bos=built.add_bos, special=True
            )
            context_length = params.context_length or 2048
            if len(tokens) >= context_length:
                raise PromptError(
                    _(
                        "The prompt is {tokens} tokens long, more than this column's "
                        "context of {context} tokens. Shorten it or raise the context length."
                    ).format(tokens=number(len(tokens)), context=number(context_length))
                )
        except PromptError as error:
            answer.end(Status.FAILED, str(error))
            return False
        answer.facts |= describe(loaded.facts, loaded.sha256, params, built, len(tokens))
        answer.emit(FactsEvent(rid, answer.facts))
        answer.emit(StateEvent(rid, Status.THINKING))
        answer.built = built
        answer.meter = StreamMeter(rid, answer.emit)
        answer.todo = list(tokens)
        answer.limit = min(params.max_tokens, context_length - len(tokens))
        make: Any = _internals.LlamaSampler  # untyped in llama-cpp-python
        sampler = make()
        sampler.add_penalties(loaded.model.n_vocab(), _PENALTY_LAST_N, params.repeat_penalty, 0, 0)
        if params.temperature == 0:
            sampler.add_greedy()
        else:
            sampler.add_top_k(params.top_k)
            sampler.add_typical(_TYPICAL_P, 1)
            sampler.add_top_p(params.top_p, 1)
            sampler.add_min_p(_MIN_P, 1)
            sampler.add_temp(params.temperature)
            sampler.add_dist(params.seed)
        answer.sampler = sampler
        return True

    def _decode(self, context: Any, batch: Any) -> int:
        """One pass: every answering sequence's next token, then as much prompt as fits."""
        import llama_cpp

        count = 0

        def put(answer: Answer, token: int, logits: bool) -> None:
            nonlocal count
            batch.token[count] = token
            batch.pos[count] = answer.pos
            batch.n_seq_id[count] = 1
            batch.seq_id[count][0] = answer.seq
            batch.logits[count] = logits
            answer.pos += 1
            if logits:
                answer.logits_at = count
            count += 1

        for answer in self._active:
            answer.logits_at = -1
            if not answer.todo:
                put(answer, answer.last, True)
        generating = count
        for answer in self._active:
            while answer.todo and count < _BATCH:
                put(answer, answer.todo.pop(0), not answer.todo)
        batch.n_tokens = count
        # llama.cpp calls the abort callback at every step of the graph: a Python call each,
        # which cost about a fifth of a one-token pass here. A pass of one token per answer
        # ends within a fraction of a second anyway; only reading long prompts needs it.
        check = self._abort if count - generating >= _ABORTABLE else self._no_abort
        llama_cpp.llama_set_abort_callback(context.ctx, check, None)
        return int(llama_cpp.llama_decode(context.ctx, batch))

    def _sample(self, loaded: LoadedFile, context: Any, memory: Any, free: list[int]) -> None:
        import llama_cpp

        vocab = loaded.model.vocab
        for answer in list(self._active):
            if answer.logits_at < 0:
                continue  # its prompt is still being read
            token = answer.sampler.sample(context, answer.logits_at)
            if llama_cpp.llama_vocab_is_eog(vocab, token):
                self._retire(answer, Status.DONE, memory, free)
                continue
            answer.made += 1
            answer.last = token
            if answer.add_text(piece(vocab, token)):
                self._retire(answer, Status.DONE, memory, free)
            elif answer.made >= answer.limit:
                answer.pass_on(len(answer.text))
                self._retire(answer, Status.DONE, memory, free)

    def _retire(
        self, answer: Answer, status: Status, memory: Any, free: list[int], error: str = ""
    ) -> None:
        import llama_cpp

        if answer in self._active:
            self._active.remove(answer)
        if status is Status.DONE:
            answer.pass_on(len(answer.text))
        # The sequence's cache is cleared for the next question that takes it.
        llama_cpp.llama_memory_seq_rm(memory, answer.seq, -1, -1)
        free.append(answer.seq)
        free.sort()
        answer.end(status, error)
