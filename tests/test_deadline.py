"""``total_timeout`` holds whatever the server does: a body trickled one byte at a time, a stream
that drips, for every call kind, sync and async, over real HTTP against the fault server.

Each read of a trickled body arrives well within ``timeout``, so no HTTP timeout ever
fires; only the call's own deadline can end it.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import litellm
import pytest

import llm_backends
from llm_backends.deadline import cut_at
from tests.support.openai_server import OpenAIServer, Reply

MESSAGES = [{"role": "user", "content": "Hello"}]
TOTAL, TIMEOUT = 1.5, 1.0  # every read of the slow replies below comes well within TIMEOUT
LATE = 0.6  # how far past total_timeout a call may end
TRICKLE = Reply(trickle=0.3)  # ~300 bytes of JSON: 90 s if nothing cuts it
DRIP = Reply(drip=0.5, text=" ".join(["word"] * 200))  # 100 s of chunks


async def _astream(**kwargs: Any) -> list[Any]:
    return [chunk async for chunk in await llm_backends.acompletion(MESSAGES, stream=True, **kwargs)]


CALLS: dict[str, tuple[Callable[..., Any], Reply]] = {
    "completion": (lambda **kw: llm_backends.completion(MESSAGES, **kw), TRICKLE),
    "acompletion": (lambda **kw: asyncio.run(llm_backends.acompletion(MESSAGES, **kw)), TRICKLE),
    "embedding": (lambda **kw: llm_backends.embedding(["a", "b"], **kw), TRICKLE),
    "aembedding": (lambda **kw: asyncio.run(llm_backends.aembedding(["a", "b"], **kw)), TRICKLE),
    "stream": (lambda **kw: list(llm_backends.completion(MESSAGES, stream=True, **kw)), DRIP),
    "astream": (lambda **kw: asyncio.run(_astream(**kw)), DRIP),
}


def _readers() -> list[str]:
    """Threads of this process still inside the HTTP client (the server's threads are not)."""
    found = []
    for ident, frame in sys._current_frames().items():
        if ident == threading.get_ident():
            continue
        files = []
        while frame is not None:
            files.append(frame.f_code.co_filename)
            frame = frame.f_back  # type: ignore[assignment]
        if any("/httpcore/" in name or "/httpx/" in name for name in files):
            found.append(str(ident))
    return found


@pytest.mark.parametrize("call", list(CALLS))
def test_a_slow_reply_is_cut_at_total_timeout(env: OpenAIServer, call: str) -> None:
    fn, reply = CALLS[call]
    fn()  # this call kind's first run in the process loads what litellm loads lazily: not what is measured
    env.reset()
    env.queue(*[reply] * 5)
    started = time.monotonic()
    with pytest.raises(litellm.Timeout, match="total_timeout") as excinfo:
        fn(total_timeout=TOTAL, timeout=TIMEOUT)
    elapsed = time.monotonic() - started
    assert elapsed < TOTAL + LATE, f"{call} took {elapsed:.2f} s"
    assert env.count == 1
    assert excinfo.value.attempts == 1  # type: ignore[attr-defined]
    assert _readers() == []  # nothing is left reading the trickle


def test_a_stream_read_slower_than_total_timeout_stops_at_the_next_chunk(env: OpenAIServer) -> None:
    env.queue(Reply(text=" ".join(["word"] * 50)))
    stream = llm_backends.completion(MESSAGES, stream=True, total_timeout=TOTAL, timeout=TIMEOUT)
    assert next(stream).choices[0].delta.content == "word"
    time.sleep(TOTAL)  # the caller is slow, not the server
    with pytest.raises(litellm.Timeout, match="total_timeout"):
        next(stream)


def test_a_fast_stream_is_read_to_its_end(env: OpenAIServer) -> None:
    env.queue(Reply(drip=0.01, text="one two three"))
    chunks = list(llm_backends.completion(MESSAGES, stream=True, total_timeout=TOTAL, timeout=TIMEOUT))
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "one two three"


def test_a_call_that_ends_in_time_is_never_cut(env: OpenAIServer) -> None:
    env.queue(Reply(trickle=0.001))
    reply = llm_backends.completion(MESSAGES, total_timeout=TOTAL, timeout=TIMEOUT)
    assert reply.choices[0].message.content == Reply().text


# --- the watchdog on plain sockets ------------------------------------------------------------


def _trickle_into(sock: socket.socket, stop: threading.Event) -> None:
    while not stop.wait(0.05):
        try:
            sock.send(b"x")
        except OSError:
            return


def test_the_watchdog_cuts_the_socket_a_thread_reads_at_its_deadline() -> None:
    reader, writer = socket.socketpair()
    stop = threading.Event()
    threading.Thread(target=_trickle_into, args=(writer, stop), daemon=True).start()
    started = time.monotonic()
    try:
        with cut_at(started + 0.5) as guard:
            _Reader(reader).read_to_the_end()
    finally:
        stop.set()
        reader.close()
        writer.close()
    assert guard.cut
    assert time.monotonic() - started < 0.5 + LATE


class _Reader:
    """Holds its socket as ``_sock``, as httpcore's stream and the standard library's socket file do."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def read_to_the_end(self) -> int:
        received = 0
        while chunk := self._sock.recv(1):
            received += len(chunk)
        return received


def test_the_watchdog_never_touches_a_socket_of_the_caller_frame() -> None:
    mine, other = socket.socketpair()
    try:
        with cut_at(time.monotonic() + 0.1) as guard:
            until = time.monotonic() + 0.3
            while time.monotonic() < until:  # past the deadline, in frames that hold no socket
                sum(range(1000))
        other.send(b"still open")
        assert mine.recv(100) == b"still open"
        assert not guard.cut
    finally:
        mine.close()
        other.close()
