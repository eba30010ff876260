"""A misbehaving OpenAI-compatible teacher: a real http.server on 127.0.0.1, one kind of fault
per question. The question asked (the last message's text) names the fault, so one server
serves the window, a runner and a whole batch; any other question gets a proper answer.

It serves requests concurrently (a thread each) and counts how many it had at once
(`most_at_once`); it can be told to answer slowly (`delay_s`, so several requests overlap; a
test lets a number through with `let_through`) and
to refuse with 429 while more than `refuse_above` are in flight (a server's concurrency cap).
"""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CUT_TEXT = "The capital of Australia "
HUGE_CHARS = 1_000_000
SLOW_FIRST_BYTE_S = 4.0  # past the read timeout the tests set (1 s)


@dataclass(frozen=True)
class Fault:
    """What a fault should end as: the status and words of the message, and the text kept."""

    status: str  # "failed", or "done" for a fault the app may rightly tolerate
    words: str
    text: str | None = None  # the exact text kept, when known
    max_text: int | None = None  # an upper bound on the text kept


FAULTS: dict[str, Fault] = {
    "no-finish-reason": Fault("failed", "stopped mid-answer", CUT_TEXT),
    "cut-mid-answer": Fault("failed", "stopped mid-answer", CUT_TEXT),
    "html-502-with-200": Fault("failed", '("502 Bad Gateway") instead of an answer', ""),
    "empty-body": Fault("failed", "empty answer", ""),
    "non-json-line": Fault("failed", "not valid JSON", CUT_TEXT),
    "invalid-utf8": Fault("failed", "not valid UTF-8"),
    "endless-drip": Fault("failed", "still writing after"),
    "endless-line": Fault("failed", "still writing after", ""),
    "huge-answer": Fault("failed", "far more than asked", max_text=4096),
    "status-500": Fault("failed", "server had an error (500)", ""),
    "status-401": Fault("failed", "refused the API key (401)", ""),
    "status-404": Fault("failed", "no model called", ""),
    "status-429": Fault("failed", "rate-limiting", ""),
    "slow-first-byte": Fault("failed", "did not answer in time", ""),
    "wrong-content-type": Fault("failed", "not a streamed answer (application/json)", ""),
    "null-choices-only": Fault("failed", "empty answer", ""),
    "socket-closed-mid-chunk": Fault("failed", "connection to the teacher broke", CUT_TEXT),
    "choices-of-wrong-shape": Fault("failed", "shape this app does not know", ""),
    # Tolerated: a chunk with null choices among good ones, then a proper finish.
    "null-choices-then-answer": Fault("done", "", "Canberra."),
}


def chunk(
    content: str | None, finish: str | None = None, choices: Any = ..., usage: Any = None
) -> bytes:
    body: dict[str, Any] = {
        "id": "fault",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "fault",
        "choices": [
            {
                "index": 0,
                "delta": {} if content is None else {"content": content},
                "finish_reason": finish,
            }
        ]
        if choices is ...
        else choices,
    }
    if usage is not None:
        body["usage"] = usage
    return f"data: {json.dumps(body)}\n\n".encode()


class FaultyTeacher(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        request = json.loads(self.rfile.read(length) or b"{}")
        self.request = request
        mode = str(request["messages"][-1]["content"]).strip()
        server: Any = self.server
        owner: FaultServer = server.owner
        with server.lock:
            server.asked[mode] = server.asked.get(mode, 0) + 1
            server.bodies.append(request)
            owner.at_once += 1
            owner.most_at_once = max(owner.most_at_once, owner.at_once)
            over_cap = owner.refuse_above is not None and owner.at_once > owner.refuse_above
            if over_cap:
                owner.refused += 1
            server.lock.notify_all()
        handler: Callable[[], None] = getattr(self, "_" + mode.replace("-", "_"), self._good_answer)
        try:
            with contextlib.suppress(OSError):  # the app hung up (deadline, Stop): that is fine
                if over_cap:
                    self._whole(429, "application/json", b'{"error": {"message": "busy"}}')
                    return
                if owner.delay_s:  # answers slowly: until let through, or after delay_s
                    owner.tickets.acquire(timeout=owner.delay_s)
                handler()
        finally:
            with server.lock:
                owner.at_once -= 1
            self.close_connection = True

    # -- helpers ---------------------------------------------------------------------------

    def _head(
        self, status: int = 200, content_type: str = "text/event-stream", **more: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        for name, value in more.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def _send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _whole(self, status: int, content_type: str, body: bytes) -> None:
        self._head(status, content_type, Content_Length=str(len(body)))
        self._send(body)

    def _error(self, status: int) -> None:
        body = json.dumps({"error": {"message": f"fault {status}", "type": "x"}}).encode()
        self._whole(status, "application/json", body)

    # -- answers ---------------------------------------------------------------------------

    def _good_answer(self) -> None:
        self._head()
        self._send(chunk("Canberra.") + chunk(None, "stop") + b"data: [DONE]\n\n")

    def _with_usage(self) -> None:
        """A server that counts tokens itself: the final chunk, after the finish, has `usage`
        (as OpenAI sends it when asked with stream_options.include_usage) and no choices."""
        self._head()
        usage = {"prompt_tokens": 17, "completion_tokens": 5, "total_tokens": 22}
        last = chunk(None, choices=[], usage=usage)
        self._send(chunk("Canberra.") + chunk(None, "stop") + last + b"data: [DONE]\n\n")

    def _refuses_stream_options(self) -> None:
        """An older server that answers 400 to a field it does not know."""
        if "stream_options" in self.request:
            body = {"error": {"message": "Unrecognized request argument: stream_options"}}
            self._whole(400, "application/json", json.dumps(body).encode())
        else:
            self._good_answer()

    def _no_finish_reason(self) -> None:
        self._head()
        self._send(chunk("The capital ") + chunk("of Australia ") + b"data: [DONE]\n\n")

    def _cut_mid_answer(self) -> None:
        self._head()
        self._send(chunk("The capital ") + chunk("of Australia "))  # then the socket closes

    def _html_502_with_200(self) -> None:
        page = (
            b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
            b"</body>\r\n</html>\r\n"
        )
        self._whole(200, "text/html", page)

    def _empty_body(self) -> None:
        self._whole(200, "text/event-stream", b"")

    def _non_json_line(self) -> None:
        self._head()
        self._send(chunk("The capital ") + chunk("of Australia ") + b"data: {not json}\n\n")

    def _invalid_utf8(self) -> None:
        self._head()
        self._send(b'data: {"choices": [{"index": 0, "delta": {"content": "\xff\xfe"}}]}\n\n')

    def _endless_drip(self) -> None:
        self._head()
        while True:  # until the app hangs up
            self._send(chunk("drip "))
            time.sleep(0.05)

    def _endless_line(self) -> None:
        self._head()
        self._send(b'data: {"choices": [{"index": 0, "delta": {"content": "')
        while True:  # one line that never ends, until the app hangs up
            self._send(b"x" * 65536)
            time.sleep(0.01)

    def _huge_answer(self) -> None:
        self._head()
        piece = "x" * 10_000
        for _ in range(HUGE_CHARS // len(piece)):
            self._send(chunk(piece))
        self._send(chunk(None, "stop") + b"data: [DONE]\n\n")

    def _status_500(self) -> None:
        self._error(500)

    def _status_400(self) -> None:
        self._error(400)

    def _status_401(self) -> None:
        self._error(401)

    def _status_404(self) -> None:
        self._error(404)

    def _status_429(self) -> None:
        self._error(429)

    def _slow_first_byte(self) -> None:
        time.sleep(SLOW_FIRST_BYTE_S)
        self._good_answer()

    def _wrong_content_type(self) -> None:
        body = {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "fault",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "Canberra."},
                    "finish_reason": "stop",
                }
            ],
        }
        self._whole(200, "application/json", json.dumps(body).encode())

    def _null_choices_only(self) -> None:
        self._head()
        self._send(chunk(None, choices=None) + b"data: [DONE]\n\n")

    def _null_choices_then_answer(self) -> None:
        self._head()
        self._send(chunk(None, choices=None) + chunk("Canberra.") + chunk(None, "stop"))
        self._send(b"data: [DONE]\n\n")

    def _socket_closed_mid_chunk(self) -> None:
        self._head(Transfer_Encoding="chunked")
        data = chunk("The capital ") + chunk("of Australia ")
        self._send(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self._send(b'400\r\ndata: {"choices": [{"ind')  # a chunk of 1024 bytes, cut short

    def _choices_of_wrong_shape(self) -> None:
        self._head()
        self._send(chunk(None, choices=["not a choice"]) + b"data: [DONE]\n\n")

    def log_message(self, *args: Any) -> None:
        pass


class FaultServer:
    """The server, started on a free port; `asked` counts the requests per fault."""

    def __init__(self, delay_s: float = 0.0, refuse_above: int | None = None) -> None:
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FaultyTeacher)
        self._server.daemon_threads = True
        self.delay_s = delay_s  # each answer waits this long first, unless let through
        self.refuse_above = refuse_above  # 429 for a request beyond this many at once
        self.tickets = threading.Semaphore(0)  # answers let through before their delay
        self.at_once = 0
        self.most_at_once = 0
        self.refused = 0  # requests refused for being over `refuse_above`
        setattr(self._server, "owner", self)  # noqa: B010 - read by the handler
        self.asked: dict[str, int] = {}
        self.bodies: list[dict[str, Any]] = []  # each request's JSON body, in the order asked
        setattr(self._server, "asked", self.asked)  # noqa: B010 - read by the handler
        setattr(self._server, "bodies", self.bodies)  # noqa: B010
        self.changed = threading.Condition()  # notified as each request comes in
        setattr(self._server, "lock", self.changed)  # noqa: B010
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def wait_at_once(self, count: int, timeout: float = 30) -> bool:
        """Wait until `count` requests are in flight at the same time."""
        with self.changed:
            return self.changed.wait_for(lambda: self.at_once >= count, timeout)

    def let_through(self, count: int = 1_000_000) -> None:
        """Let `count` slow answers (waiting or still to come) be answered now."""
        self.tickets.release(count)

    def close(self) -> None:
        self.let_through()
        self._server.shutdown()
        self._server.server_close()
