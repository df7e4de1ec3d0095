"""A small OpenAI-compatible server on 127.0.0.1 that answers from a script.

Tests queue what the next requests get (a 429 with Retry-After, a 503, a slow reply,
a connection closed mid-response...) and read back how many requests arrived.
Real HTTP, real sockets: litellm and the OpenAI SDK talk to it as to any provider.
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
from typing import Any


@dataclass
class Reply:
    """One scripted answer. ``delay`` sleeps first; ``drop`` closes the socket mid-response."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None
    delay: float = 0.0
    drop: bool = False
    text: str = "Hello from the test server."
    echo_key: bool = False  # put the request's API key in the error message, as some providers do


def rate_limited(retry_after: str | None = None, *, code: str = "rate_limit_exceeded") -> Reply:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return Reply(status=429, headers=headers, error_code=code)


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
        reply, generation = state._next_reply(Received(self.path, body, time.monotonic(), dict(self.headers)))
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self._drop_mid_response()
            return
        state._log_status(reply.status, generation)
        if reply.status != 200:
            self._send_error(reply)
        elif urllib.parse.urlsplit(self.path).path.rstrip("/").endswith("/embeddings"):
            self._send_json(200, _embedding(body))
        else:
            self._send_json(200, _chat_completion(body, reply.text))

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            pass

    def _send_error(self, reply: Reply) -> None:
        code = reply.error_code or {401: "invalid_api_key", 404: "model_not_found"}.get(reply.status)
        message = f"scripted error {reply.status}" + (f" ({code})" if code else "")
        if reply.echo_key:
            message += f": incorrect API key provided: {self.headers.get('Authorization', '')}"
        error = {"message": message, "type": code or "server_error", "param": None, "code": code}
        self._send_json(reply.status, {"error": error}, reply.headers)

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
