"""Streams answers from an OpenAI-compatible chat server (the teacher) with the `openai` client:
the runner of the "openai-compatible" kind (core/servers/kinds/openai_compatible.py)."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import time
from dataclasses import asdict
from typing import Any

import openai
from openai import Stream
from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.events import (
    EmitFn,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    StreamMeter,
)
from imitation_lens.core.running.lineup import SamplingParams, Server
from imitation_lens.core.servers import teacher_limits as limits
from imitation_lens.core.servers.secrets import find_api_key, looks_like_variable_name, redact

CONNECT_TIMEOUT_S = 10.0
# Local servers (llama.cpp, Ollama, LM Studio) accept any key; OpenAI's client insists on one.
PLACEHOLDER_KEY = "no-key-set"
_DONE = object()
# The settings put in each request: the only ones a server answer's stored params may claim.
SENT_SETTINGS = ("temperature", "top_p", "max_tokens", "seed")
# Servers (by address) that answered 400 to `stream_options` and then answered without it:
# asked without it for the rest of this run of the app, so each costs one refused request.
_REFUSE_STREAM_OPTIONS: set[str] = set()
_REFUSE_LOCK = threading.Lock()
# One client (and so one connection pool) per server, key and timeout, shared by every request
# of this run of the app: making an `openai.OpenAI` builds an SSL context (about 17 ms of CPU),
# which per answer was most of the app's own CPU in a batch with 8 questions at once (see
# docs/performance.md); the client is safe to share between threads. The keys stay in memory.
_CLIENTS: dict[tuple[str, str, float], openai.OpenAI] = {}
_CLIENTS_LOCK = threading.Lock()
_CLIENTS_KEPT = 16  # servers at most: more (a long session of changing addresses) start again


def sent_params(params: SamplingParams) -> dict[str, Any]:
    """The settings a request to a server carries, as they are stored with its answer: never
    the local-only ones (top_k, repeat_penalty, context_length, threads), which are not sent."""
    values = asdict(params)
    return {name: values[name] for name in SENT_SETTINGS}


def explain_api_error(error: Exception, server: Server) -> str:
    """Plain words for what went wrong talking to the teacher."""
    where = server.base_url
    if isinstance(error, openai.APITimeoutError):
        return _(
            "The teacher at {address} did not answer in time. Try again, or check the server."
        ).format(address=where)
    if isinstance(error, openai.APIConnectionError):
        return _(
            "Can't reach the teacher at {address}. Check the address and that you are online "
            "(or that the local server is running)."
        ).format(address=where)
    if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
        # The variable's name only where it is one: a key pasted there must not be quoted.
        if looks_like_variable_name(server.api_key_env):
            return _(
                "The teacher refused the API key ({status}). Check the key: it is read "
                "from the {variable} environment variable for this column."
            ).format(status=error.status_code, variable=server.api_key_env)
        return _(
            "The teacher refused the API key ({status}). Check the key: it is read "
            "from the keychain for this column."
        ).format(status=error.status_code)
    if isinstance(error, openai.RateLimitError):
        return _(
            "The teacher is rate-limiting requests or your quota is used up (429 Too Many "
            "Requests). Wait a minute and run again."
        )
    if isinstance(error, openai.NotFoundError):
        return _("The teacher has no model called '{model}' (404). Check the model id.").format(
            model=server.model
        )
    if isinstance(error, openai.InternalServerError):
        return _(
            "The teacher's server had an error ({status}). This is on their side; try again later."
        ).format(status=error.status_code)
    if isinstance(error, openai.APIStatusError):
        return _("The teacher answered with an error ({status}): {detail}").format(
            status=error.status_code, detail=error.message
        )
    return _("The teacher's answer could not be read: {detail}").format(detail=error)


def _retry_after(error: openai.APIStatusError) -> float | None:
    """The server's Retry-After header in seconds, when it sent one as a number."""
    value = error.response.headers.get("retry-after", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds < 3600 else None


def failure_facts(error: Exception) -> dict[str, Any]:
    """What kind of failure it was: the teacher column replays when "unreachable", and a batch
    slows down when "rate_limited" (with the server's Retry-After, when it gave one) or
    "server_error" (a 5xx: often a server with more requests than it can take)."""
    if isinstance(error, openai.RateLimitError):
        return {"failure": "rate_limited", "retry_after": _retry_after(error)}
    if isinstance(error, openai.InternalServerError):
        return {"failure": "server_error"}
    if isinstance(error, openai.APIConnectionError):  # timeouts are connection errors too
        return {"failure": "unreachable"}
    return {"failure": "error"}


class _Outcome:
    """How the stream ended, as the helper thread saw it."""

    def __init__(self) -> None:
        self.finish_reason: str | None = None
        self.fault = ""  # plain words for a stream that ended badly
        self.dropped = False  # the teacher sent more than asked; the rest was not read
        self.usage: dict[str, int] = {}
        self.stream: Stream[ChatCompletionChunk] | None = None

    def hang_up(self) -> None:
        """Close the connection from the waiting side: a stream stuck inside one endless line
        never reaches the helper thread's next look at `quit_reading`."""
        stream = self.stream
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.response.close()


class ServerRunner:
    """Talks to one server. The HTTP stream runs on a helper thread so Stop never waits on it."""

    def __init__(self, server: Server, params: SamplingParams) -> None:
        self._server = server
        self._params = params

    def _client(self, key: str | None) -> openai.OpenAI:
        read_s = limits.read_timeout_s()
        made = (self._server.base_url, key or PLACEHOLDER_KEY, read_s)
        with _CLIENTS_LOCK:
            client = _CLIENTS.get(made)
            if client is None:
                if len(_CLIENTS) >= _CLIENTS_KEPT:
                    _CLIENTS.clear()  # the old ones close when their streams end
                client = _CLIENTS[made] = openai.OpenAI(
                    base_url=made[0],
                    api_key=made[1],
                    max_retries=0,
                    timeout=openai.Timeout(read_s, connect=CONNECT_TIMEOUT_S),
                )
            return client

    def _open(
        self, key: str | None, messages: list[ChatCompletionMessageParam]
    ) -> Stream[ChatCompletionChunk]:
        """Start the stream, asking for the server's token counts (`stream_options`); a server
        that refuses that field (400) is asked once more without it, and remembered."""
        client = self._client(key)
        base_url = self._server.base_url
        with _REFUSE_LOCK:
            ask_usage = base_url not in _REFUSE_STREAM_OPTIONS
        if ask_usage:
            try:
                asked: Stream[ChatCompletionChunk] = client.chat.completions.create(
                    model=self._server.model,
                    messages=messages,
                    stream=True,
                    stream_options={"include_usage": True},
                    **sent_params(self._params),
                )
                return asked
            except openai.BadRequestError:
                pass  # perhaps an older server that refuses unknown fields: try without
        stream: Stream[ChatCompletionChunk] = client.chat.completions.create(
            model=self._server.model, messages=messages, stream=True, **sent_params(self._params)
        )
        if ask_usage:  # only now: a 400 for another reason fails again and is not remembered
            with _REFUSE_LOCK:
                _REFUSE_STREAM_OPTIONS.add(base_url)
        return stream

    def _pump(
        self,
        key: str | None,
        messages: list[ChatCompletionMessageParam],
        pieces: queue.Queue[Any],
        outcome: _Outcome,
        quit_reading: threading.Event,
    ) -> None:
        """Read the stream on a helper thread, keeping at most `chars_kept` characters."""
        params = self._params
        room = limits.chars_kept(params.max_tokens)
        try:
            stream = self._open(key, messages)
            outcome.stream = stream
            with stream:
                content_type = stream.response.headers.get("content-type", "")
                if "html" in content_type.lower():
                    outcome.fault = limits.web_page(next(stream.response.iter_bytes(), b""))
                    return
                chunks = 0
                for chunk in stream:
                    chunks += 1
                    if quit_reading.is_set():
                        return
                    if chunk.usage is not None:
                        outcome.usage["in"] = chunk.usage.prompt_tokens
                        outcome.usage["out"] = chunk.usage.completion_tokens
                    if not chunk.choices:
                        continue
                    choice = chunk.choices[0]
                    content = choice.delta.content if choice.delta is not None else None
                    if content:
                        if len(content) >= room:
                            pieces.put(content[:room])
                            outcome.dropped = True
                            return
                        room -= len(content)
                        pieces.put(content)
                    if choice.finish_reason:
                        outcome.finish_reason = str(choice.finish_reason)
                if not chunks and "event-stream" not in content_type.lower():
                    outcome.fault = limits.not_a_stream(content_type)
        except Exception as error:
            pieces.put(error)
        finally:
            pieces.put(_DONE)

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        rid = request.response_id
        meter = StreamMeter(rid, emit)
        messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": request.prompt}]
        facts: dict[str, Any] = {
            "endpoint_base_url": self._server.base_url,
            "endpoint_model": self._server.model,
            "template": "chat-messages",
            "prompt_sent": json.dumps(messages, ensure_ascii=False),
            "params": sent_params(self._params),
        }
        emit(FactsEvent(rid, facts))
        emit(StateEvent(rid, Status.THINKING))
        key = find_api_key(self._server.base_url, self._server.api_key_env)
        pieces: queue.Queue[Any] = queue.Queue()
        outcome = _Outcome()
        quit_reading = threading.Event()  # the helper thread stops at its next chunk
        threading.Thread(
            target=self._pump,
            args=(key, messages, pieces, outcome, quit_reading),
            name=f"teacher-{rid[:8]}",
            daemon=True,
        ).start()
        deadline = limits.deadline_s(self._params.max_tokens)
        ends_at = time.monotonic() + deadline
        streaming = False
        received = 0

        def failed(message: str, failure: str | dict[str, Any] = "error") -> None:
            quit_reading.set()
            outcome.hang_up()
            meter.flush()
            kind = {"failure": failure} if isinstance(failure, str) else failure
            timing = facts | meter.timings() | kind
            emit(FinishedEvent(rid, Status.FAILED, meter.text, redact(message, key), timing))

        while True:
            if stop.is_set():
                quit_reading.set()
                outcome.hang_up()
                emit(FinishedEvent(rid, Status.STOPPED, meter.text, facts=facts | meter.timings()))
                return
            if time.monotonic() > ends_at:
                failed(limits.past_deadline(deadline), "deadline")
                return
            try:
                item = pieces.get(timeout=0.05)
            except queue.Empty:
                continue
            if item is _DONE:
                break
            if isinstance(item, Exception):
                plain = limits.stream_fault(item)
                if plain is None and received and isinstance(item, openai.APIConnectionError):
                    # the client wraps a stream broken mid-answer: it is not "can't reach"
                    plain = limits.stream_fault(item.__cause__ or item) or _(limits.BROKE)
                if plain is not None:
                    failed(plain, "cut_off" if received else "error")
                else:
                    failed(explain_api_error(item, self._server), failure_facts(item))
                return
            if not streaming:
                streaming = True
                emit(StateEvent(rid, Status.STREAMING))
            received += 1
            meter.add(item, received)
        meter.flush()
        if "out" in outcome.usage:
            meter.tokens_out = outcome.usage["out"]
        if outcome.fault or outcome.dropped or outcome.finish_reason is None:
            if outcome.fault:
                failed(outcome.fault)
            elif outcome.dropped:
                failed(_(limits.TOO_LONG), "too_long")
            elif received:
                failed(limits.cut_off(True), "cut_off")
            else:
                failed(_(limits.EMPTY), "empty")
            return
        counts = {
            "tokens_in": outcome.usage.get("in"),
            # the server's own count when it gave one, else one token per streamed piece
            "tokens_counted_by": "server" if "out" in outcome.usage else "chunks",
            "finish_reason": outcome.finish_reason,
        }
        emit(FinishedEvent(rid, Status.DONE, meter.text, facts=facts | counts | meter.timings()))

    def close(self) -> None:
        pass
