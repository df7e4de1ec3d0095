"""A provider for the call benchmarks: an OpenAI-shaped chat completion, at once, every time.

The benchmarks measure what our retry loop adds to a call that succeeds, so the server
answers every ``POST`` with the same small reply, as fast as it can (the fault-injecting
server of the tests, ``tests/support/openai_server.py``, answers what each test queues).
Run as a script, it prints its base URL and serves until its stdin closes.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def _reply(model: str) -> bytes:
    body = {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Hello."}, "finish_reason": "stop"},
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }
    return json.dumps(body).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as providers serve
    # Without TCP_NODELAY, Nagle's algorithm and delayed ACKs stall every reply ~40 ms, which
    # would hide any overhead worth measuring (litellm alone takes a few ms here).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        payload = _reply(str(request.get("model", "test-model")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    # The listen backlog: 200 calls connect at once (the loop-lag benchmark), and with the default
    # of 5 the kernel drops the connections that do not fit; their clients retry seconds later.
    request_queue_size = 1024


def serve() -> None:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
    server.shutdown()


if __name__ == "__main__":
    serve()
