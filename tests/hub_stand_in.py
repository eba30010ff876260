"""A stand-in for the Hugging Face Hub: real HTTP servers on 127.0.0.1 that answer file downloads
the way huggingface.co does, as far as huggingface_hub 2.4.0 asks.

What 2.4.0 asks for a file (read in its file_download.py, and seen in `HubStandIn.seen`):
HEAD `/{repo}/resolve/{revision}/{file}`, whose answer must carry `X-Repo-Commit` and an ETag
(`X-Linked-Etag` wins over `ETag`) and gives the size (`X-Linked-Size`, else `Content-Length`);
then GET on that address, or on the `Location` the HEAD answer pointed to. No `/api/` calls.
For a large file the real Hub answers the HEAD with a redirect to a CDN on another host, and the
CDN serves the bytes with Range support; `cdn=True` (the default) does the same with a second
server on another port.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

COMMIT = "4f0c1e0d2b3a59687766554433221100ffeeddcc"
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<revision>[^/]+)/(?P<filename>.+)$")
_CDN = re.compile(r"^/cdn/(?P<sha256>[0-9a-f]{64})$")
_RANGE = re.compile(r"^bytes=(?P<start>\d+)-(?P<end>\d*)$")
_PIECE_BYTES = 16 * 1024


@dataclass
class StandInFile:
    """A file on the stand-in Hub. `served`, when set, is sent instead of `content`, while the
    headers (size, ETag = sha256) still describe `content`: a file damaged on the way."""

    content: bytes
    served: bytes | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def body(self) -> bytes:
        return self.content if self.served is None else self.served


@dataclass(frozen=True)
class Seen:
    """One request as the stand-in received it."""

    server: str  # "hub" or "cdn"
    method: str
    path: str
    range: str | None
    authorized: bool


class HubStandIn:
    """Start it, put files in `files[(repo_id, filename)]`, point huggingface_hub at `url`.

    `bytes_per_second` slows the bytes down (read for every 16 KiB, so it can be changed while a
    download runs); `stall_after_bytes` makes every answer go quiet after that many bytes, like a
    dead connection, until it is set back to None or stop(); `honour_ranges = False` answers Range requests with the whole
    file, as some proxies do; `gated` holds repo ids that answer like a gated repo without a
    login."""

    def __init__(self, *, bytes_per_second: int | None = None, cdn: bool = True) -> None:
        self.files: dict[tuple[str, str], StandInFile] = {}
        self.gated: set[str] = set()
        self.bytes_per_second = bytes_per_second
        self.honour_ranges = True
        self._stall_after_bytes: int | None = None
        self._flow = threading.Condition()
        self.cdn = cdn
        self._seen: list[Seen] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._servers: list[_Server] = []

    def add(
        self, repo_id: str, filename: str, content: bytes, served: bytes | None = None
    ) -> StandInFile:
        self.files[(repo_id, filename)] = StandInFile(content, served)
        return self.files[(repo_id, filename)]

    def start(self) -> HubStandIn:
        for role in ("hub", "cdn") if self.cdn else ("hub",):
            server = _Server(("127.0.0.1", 0), _Handler)
            server.owner, server.role = self, role
            # A short poll interval keeps stop() quick; the default waits up to half a second.
            threading.Thread(
                target=server.serve_forever, args=(0.05,), name=f"stand-in {role}", daemon=True
            ).start()
            self._servers.append(server)
        return self

    def stop(self) -> None:
        self._stopping.set()  # ends slowed-down answers still being sent
        with self._flow:
            self._flow.notify_all()
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> HubStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def stall_after_bytes(self) -> int | None:
        return self._stall_after_bytes

    @stall_after_bytes.setter
    def stall_after_bytes(self, value: int | None) -> None:
        with self._flow:
            self._stall_after_bytes = value
            self._flow.notify_all()  # answers waiting at the old limit go on

    @property
    def url(self) -> str:
        """The Hub address, to pass as `endpoint` (or HF_ENDPOINT)."""
        return self._address("hub")

    @property
    def seen(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)

    def _address(self, role: str) -> str:
        server = next((s for s in self._servers if s.role == role), None)
        if server is None:
            raise RuntimeError("the Hub stand-in is not running")
        return f"http://127.0.0.1:{server.server_address[1]}"

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self._seen.append(seen)

    def _flowing(self, offset: int) -> bool:
        stall = self._stall_after_bytes
        return self._stopping.is_set() or stall is None or offset < stall

    def _by_sha256(self, sha256: str) -> StandInFile | None:
        return next((f for f in list(self.files.values()) if f.sha256 == sha256), None)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    owner: HubStandIn
    role: str

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-answer (a cancelled download) is expected here


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, send_body: bool) -> None:
        owner, role = self.server.owner, self.server.role
        path = urlsplit(self.path).path
        owner._record(
            Seen(
                role, self.command, path, self.headers.get("Range"), "Authorization" in self.headers
            )
        )
        self.close_connection = True  # one request per connection: nothing lingers after stop()
        if role == "cdn":
            match = _CDN.match(path)
            found = owner._by_sha256(match["sha256"]) if match else None
            if found is None:
                self._status(404)
            else:
                self._file(found, send_body)
            return
        match = _RESOLVE.match(path)
        if match is None:
            self._status(404)  # e.g. /api/...: 2.4.0 does not ask, and a test would notice
            return
        repo, revision, filename = (
            match["repo"],
            unquote(match["revision"]),
            unquote(match["filename"]),
        )
        if repo not in {r for r, _ in owner.files} or repo in owner.gated:
            # What the Hub says without a login: 401 for a private or missing repo, and for a
            # gated one an error code saying so.
            code = "GatedRepo" if repo in owner.gated else "RepoNotFound"
            self._status(401 if code == "RepoNotFound" else 403, {"X-Error-Code": code})
            return
        if revision not in ("main", COMMIT):
            self._status(404, {"X-Error-Code": "RevisionNotFound"})
            return
        found = owner.files.get((repo, filename))
        if found is None:
            self._status(404, {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": COMMIT})
            return
        hub_headers = {
            "X-Repo-Commit": COMMIT,
            "X-Linked-Etag": f'"{found.sha256}"',
            "X-Linked-Size": str(len(found.content)),
        }
        if owner.cdn:
            location = f"{owner._address('cdn')}/cdn/{quote(found.sha256)}"
            self._status(302, {**hub_headers, "Location": location, "ETag": '"pointer"'})
        else:
            self._file(found, send_body, hub_headers)

    def _status(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def _file(
        self, file: StandInFile, send_body: bool, extra: dict[str, str] | None = None
    ) -> None:
        body = file.body
        start, end, status = 0, len(body) - 1, 200
        asked = self.headers.get("Range") if self.server.owner.honour_ranges else None
        if asked is not None:
            match = _RANGE.match(asked.strip())
            if match is None or int(match["start"]) >= len(body):
                self._status(416, {"Content-Range": f"bytes */{len(body)}"})
                return
            start, status = int(match["start"]), 206
            if match["end"]:
                end = min(int(match["end"]), len(body) - 1)
        self.send_response(status)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("ETag", f'"{file.sha256}"')
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(end + 1 - start))
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(body)}")
        self.send_header("Connection", "close")
        self.end_headers()
        if send_body:
            self._send(body[start : end + 1])

    def _send(self, data: bytes) -> None:
        owner = self.server.owner
        try:
            for offset in range(0, len(data), _PIECE_BYTES):
                with owner._flow:
                    owner._flow.wait_for(functools.partial(owner._flowing, offset))
                if owner._stopping.is_set():
                    return
                piece = data[offset : offset + _PIECE_BYTES]
                self.wfile.write(piece)
                rate = owner.bytes_per_second
                if rate:
                    # Pacing the bytes, not waiting for anything: stop() cuts it short.
                    owner._stopping.wait(len(piece) / rate)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: a cancelled download
