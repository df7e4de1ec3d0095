"""A small OpenAI-compatible fault server on 127.0.0.1 that answers from a script.

Tests queue what the next requests get (a 429 with Retry-After, a quota error, a 503, a
slow reply, a connection closed mid-response, a stream cut before or after its first
chunk...) and read back every request that arrived. Error bodies have the shape real
OpenAI answers have (``{"error": {"message", "type", "param", "code"}}``, the code in
``type``/``code``, never only in the message). Real HTTP, real sockets: litellm and the
OpenAI SDK talk to it as to any provider.
"""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

# How a streamed answer ends: complete with [DONE]; connection closed before any chunk
# or after the first; or a clean end of the HTTP body without the [DONE] marker.
# A distinctive key: tests look for it in everything printed, logged or raised.
API_KEY = "sk-integration-secret-42"
StreamEnd = Literal["done", "cut_before_first_chunk", "cut_after_first_chunk", "no_done_marker"]


@dataclass
class Reply:
    """One scripted answer. ``delay`` sleeps first; ``drop`` closes the socket mid-response.

    An error reply (status other than 200) sends ``error`` as OpenAI's error object;
    without one, a generic ``{"type": "server_error"}`` body. ``stream_end`` applies to
    requests with ``"stream": true``.
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error: dict[str, Any] | None = None
    delay: float = 0.0
    drop: bool = False
    text: str = "Hello from the test server."
    echo_key: bool = False  # append the request's API key to the error message, as some providers do
    echo_header: str = "Authorization"  # the request header echo_key echoes
    stream_end: StreamEnd = "done"
    # A slow server that never lets a read time out: the body one byte at a time, this many
    # seconds apart (``trickle``), or each chunk of a stream this many seconds after the last (``drip``).
    trickle: float = 0.0
    drip: float = 0.0


def _error(message: str, type: str, code: str | None, param: str | None = None) -> dict[str, Any]:
    return {"message": message, "type": type, "param": param, "code": code}


def rate_limited(retry_after: str | None = None) -> Reply:
    """A 429 as OpenAI sends it when requests per minute run out."""
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    message = (
        "Rate limit reached for test-model in organization org-test on requests per min (RPM): "
        "Limit 3, Used 3, Requested 1. Please try again in 20s."
    )
    return Reply(status=429, headers=headers, error=_error(message, "requests", "rate_limit_exceeded"))


def quota_exhausted() -> Reply:
    """OpenAI's 'out of credit' 429: the code is in ``type`` and ``code``, not in the message."""
    message = (
        "You exceeded your current quota, please check your plan and billing details. For more "
        "information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."
    )
    return Reply(status=429, error=_error(message, "insufficient_quota", "insufficient_quota"))


def bad_api_key(*, echo_key: bool = False) -> Reply:
    message = "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys."
    return Reply(status=401, error=_error(message, "invalid_request_error", "invalid_api_key"), echo_key=echo_key)


def model_not_found(model: str = "test-model") -> Reply:
    message = f"The model `{model}` does not exist or you do not have access to it."
    return Reply(status=404, error=_error(message, "invalid_request_error", "model_not_found"))


def context_window_exceeded() -> Reply:
    message = (
        "This model's maximum context length is 8192 tokens. However, your messages resulted in "
        "9000 tokens. Please reduce the length of the messages."
    )
    return Reply(status=400, error=_error(message, "invalid_request_error", "context_length_exceeded", "messages"))


def content_policy_violation() -> Reply:
    message = "Your request was rejected as a result of our safety system."
    return Reply(status=400, error=_error(message, "invalid_request_error", "content_policy_violation"))


class Headers(dict[str, str]):
    """Request headers, found in any case: HTTP names are case-insensitive, and the OpenAI SDK 3
    sends them in lower case where 2 sent ``Authorization``."""

    def __init__(self, items: Any) -> None:
        super().__init__((name.lower(), value) for name, value in items)

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name.lower())

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(name.lower(), default)


@dataclass
class Received:
    path: str
    body: dict[str, Any]
    at: float
    headers: dict[str, str]


class OpenAIServer:
    """Start with ``start()``; ``url`` is the base URL to give litellm (ends in /v1)."""

    def __init__(self, rate_limit_probability: float = 0.0, seed: int = 0) -> None:
        self.script: deque[Reply] = deque()
        self.requests: list[Received] = []
        self.statuses: list[int] = []
        self.rate_limit_probability = rate_limit_probability
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._generation = 0  # bumped by reset(): late replies to older requests are not logged
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control ----------------------------------------------------------------------

    def start(self) -> OpenAIServer:
        handler = type("Handler", (_Handler,), {"server_state": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def queue(self, *replies: Reply) -> None:
        self.script.extend(replies)

    def reset(self) -> None:
        with self._lock:
            self._generation += 1
            self.script.clear()
            self.requests.clear()
            self.statuses.clear()
            self.rate_limit_probability = 0.0

    @property
    def count(self) -> int:
        return len(self.requests)

    # -- serving ----------------------------------------------------------------------

    def _next_reply(self, received: Received) -> tuple[Reply, int]:
        with self._lock:
            self.requests.append(received)
            if self.script:
                return self.script.popleft(), self._generation
            if self.rate_limit_probability and self._random.random() < self.rate_limit_probability:
                return rate_limited("0"), self._generation
            return Reply(), self._generation

    def _log_status(self, status: int, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self.statuses.append(status)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_state: OpenAIServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self._send_json(200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {}
        state = self.server_state
        received = Received(self.path, body, time.monotonic(), Headers(self.headers.items()))
        reply, generation = state._next_reply(received)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self._drop_mid_response()
            return
        state._log_status(reply.status, generation)
        if reply.status != 200:
            self._send_error(reply)
        elif urllib.parse.urlsplit(self.path).path.rstrip("/").endswith("/embeddings"):
            self._send_json(200, _embedding(body), reply.headers, trickle=reply.trickle)
        elif body.get("stream"):
            self._send_stream(body, reply)
        else:
            self._send_json(200, _chat_completion(body, reply.text), reply.headers, trickle=reply.trickle)

    def _send_json(
        self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None, trickle: float = 0.0
    ) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if not trickle:
                self.wfile.write(data)
                return
            self.wfile.flush()
            for index in range(len(data)):
                time.sleep(trickle)
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            pass

    def _send_error(self, reply: Reply) -> None:
        error = dict(reply.error or _error(f"The server had an error ({reply.status}).", "server_error", None))
        if reply.echo_key:
            error["message"] += f" Key sent: {self.headers.get(reply.echo_header, '')}"
        self._send_json(reply.status, {"error": error}, reply.headers)

    def _send_stream(self, body: dict[str, Any], reply: Reply) -> None:
        """Server-sent events, chunked; ``reply.stream_end`` says how the stream ends."""
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if reply.stream_end == "cut_before_first_chunk":
                self._cut()
                return
            words = reply.text.split(" ")
            for index, word in enumerate(words):
                piece = word if index == 0 else " " + word
                if index and reply.drip:
                    time.sleep(reply.drip)
                self._send_chunk(f"data: {json.dumps(_stream_chunk(body, piece, None))}\n\n")
                if reply.stream_end == "cut_after_first_chunk":
                    self._cut()
                    return
            if reply.stream_end == "no_done_marker":
                self._send_chunk("")  # the body ends cleanly, without the final chunk or [DONE]
                return
            self._send_chunk(f"data: {json.dumps(_stream_chunk(body, '', 'stop'))}\n\n")
            self._send_chunk("data: [DONE]\n\n")
            self._send_chunk("")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send_chunk(self, text: str) -> None:
        data = text.encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _cut(self) -> None:
        """Close the connection in the middle of the chunked body."""
        self.close_connection = True
        self.connection.shutdown(2)

    def _drop_mid_response(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b'{"id": "chatcmpl-cut", "object": "chat.comp')
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(2)


def _chat_completion(body: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "test-model"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12},
    }


def _stream_chunk(body: dict[str, Any], text: str, finish_reason: str | None) -> dict[str, Any]:
    delta = {"role": "assistant", "content": text} if finish_reason is None else {}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "test-model"),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def _embedding(body: dict[str, Any]) -> dict[str, Any]:
    inputs = body.get("input", [])
    inputs = [inputs] if isinstance(inputs, str) else inputs
    vectors = [{"object": "embedding", "index": i, "embedding": [0.1, 0.2, 0.3]} for i in range(len(inputs))]
    return {
        "object": "list",
        "data": vectors,
        "model": body.get("model", "test-embedding"),
        "usage": {"prompt_tokens": 3, "total_tokens": 3},
    }
