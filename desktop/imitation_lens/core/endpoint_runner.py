"""Streams answers from an OpenAI-compatible chat endpoint (the teacher) with the `openai` client."""

from __future__ import annotations

import json
import queue
import threading
from dataclasses import asdict
from typing import Any

import openai
from openai import Stream
from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam

from imitation_lens.core.generation import (
    EmitFn,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    StreamMeter,
)
from imitation_lens.core.lineup import Endpoint, SamplingParams
from imitation_lens.core.secrets import find_api_key, looks_like_variable_name, redact

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 120.0
# Local servers (llama.cpp, Ollama, LM Studio) accept any key; OpenAI's client insists on one.
_PLACEHOLDER_KEY = "no-key-set"
_DONE = object()


def explain_api_error(error: Exception, endpoint: Endpoint) -> str:
    """Plain words for what went wrong talking to the teacher."""
    where = endpoint.base_url
    if isinstance(error, openai.APITimeoutError):
        return f"The teacher at {where} did not answer in time. Try again, or check the server."
    if isinstance(error, openai.APIConnectionError):
        return (
            f"Can't reach the teacher at {where}. Check the address and that you are online "
            "(or that the local server is running)."
        )
    if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
        # The variable's name only where it is one: a key pasted there must not be quoted.
        named = looks_like_variable_name(endpoint.api_key_env)
        where_read = f"the {endpoint.api_key_env} environment variable" if named else "the keychain"
        return (
            f"The teacher refused the API key ({error.status_code}). Check the key: it is read "
            f"from {where_read} for this column."
        )
    if isinstance(error, openai.RateLimitError):
        return (
            "The teacher is rate-limiting requests or your quota is used up (429 Too Many "
            "Requests). Wait a minute and run again."
        )
    if isinstance(error, openai.NotFoundError):
        return f"The teacher has no model called '{endpoint.model}' (404). Check the model id."
    if isinstance(error, openai.InternalServerError):
        return (
            f"The teacher's server had an error ({error.status_code}). "
            "This is on their side; try again later."
        )
    if isinstance(error, openai.APIStatusError):
        return f"The teacher answered with an error ({error.status_code}): {error.message}"
    return f"The teacher's answer could not be read: {error}"


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
    slows down when "rate_limited" (with the server's Retry-After, when it gave one)."""
    if isinstance(error, openai.RateLimitError):
        return {"failure": "rate_limited", "retry_after": _retry_after(error)}
    if isinstance(error, openai.APIConnectionError):  # timeouts are connection errors too
        return {"failure": "unreachable"}
    return {"failure": "error"}


class EndpointRunner:
    """Talks to one endpoint. The HTTP stream runs on a helper thread so Stop never waits on it."""

    def __init__(self, endpoint: Endpoint, params: SamplingParams) -> None:
        self._endpoint = endpoint
        self._params = params

    def _client(self, key: str | None) -> openai.OpenAI:
        return openai.OpenAI(
            base_url=self._endpoint.base_url,
            api_key=key or _PLACEHOLDER_KEY,
            max_retries=0,
            timeout=openai.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        )

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        rid = request.response_id
        meter = StreamMeter(rid, emit)
        params = self._params
        messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": request.prompt}]
        facts: dict[str, Any] = {
            "endpoint_base_url": self._endpoint.base_url,
            "endpoint_model": self._endpoint.model,
            "template": "chat-messages",
            "prompt_sent": json.dumps(messages, ensure_ascii=False),
            "params": asdict(params),
        }
        emit(FactsEvent(rid, facts))
        emit(StateEvent(rid, Status.THINKING))
        key = find_api_key(self._endpoint.base_url, self._endpoint.api_key_env)
        pieces: queue.Queue[Any] = queue.Queue()
        usage: dict[str, int] = {}

        def pump() -> None:
            try:
                stream: Stream[ChatCompletionChunk] = self._client(key).chat.completions.create(
                    model=self._endpoint.model,
                    messages=messages,
                    temperature=params.temperature,
                    top_p=params.top_p,
                    max_tokens=params.max_tokens,
                    seed=params.seed,
                    stream=True,
                )
                with stream:
                    for chunk in stream:
                        if stop.is_set():
                            return
                        if chunk.usage is not None:
                            usage["in"] = chunk.usage.prompt_tokens
                            usage["out"] = chunk.usage.completion_tokens
                        if chunk.choices and chunk.choices[0].delta.content:
                            pieces.put(chunk.choices[0].delta.content)
            except Exception as error:
                pieces.put(error)
            finally:
                pieces.put(_DONE)

        threading.Thread(target=pump, name=f"teacher-{rid[:8]}", daemon=True).start()
        streaming = False
        received = 0
        while True:
            if stop.is_set():
                emit(FinishedEvent(rid, Status.STOPPED, meter.text, facts=facts | meter.timings()))
                return
            try:
                item = pieces.get(timeout=0.05)
            except queue.Empty:
                continue
            if item is _DONE:
                break
            if isinstance(item, Exception):
                message = redact(explain_api_error(item, self._endpoint), key)
                timing = facts | meter.timings() | failure_facts(item)
                emit(FinishedEvent(rid, Status.FAILED, meter.text, message, timing))
                return
            if not streaming:
                streaming = True
                emit(StateEvent(rid, Status.STREAMING))
            received += 1
            meter.add(item, received)
        meter.flush()
        if "out" in usage:
            meter.tokens_out = usage["out"]
        counts = {
            "tokens_in": usage.get("in"),
            "tokens_counted_from": "usage" if usage else "chunks",
        }
        emit(FinishedEvent(rid, Status.DONE, meter.text, facts=facts | counts | meter.timings()))

    def close(self) -> None:
        pass
