"""One deadline per call that holds whatever the server does.

HTTP timeouts are per phase and per read: a server that sends one body byte every
0.3 s, or a stream chunk every 0.5 s, never lets a read time out, and a call runs for
minutes past ``total_timeout``. An async call is bounded with ``asyncio.timeout``,
which cancels the awaiting task; the HTTP client closes the connection on its way out.

A sync call cannot be cancelled, and abandoning it in a worker thread would leave the
thread reading for as long as the server trickles. Instead, a sync call registers its
deadline with one watchdog thread; when the deadline passes while the call is still
inside, the watchdog shuts down the socket that the calling thread is blocked on
(found in that thread's stack). The read returns at once, the HTTP client fails the
request on its own error path and discards the connection, and the caller raises a
timeout. Nothing is injected into the calling thread and no thread is left behind; a
call that ends in time costs two lock round trips.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading
import time
from types import FrameType

# While the deadline has passed but the calling thread is between reads, look again this often.
RECHECK = 0.02


class Guard:
    """One sync call (or one wait for a stream chunk) under a deadline; ``cut`` once the watchdog acted.

    ``boundary`` is the frame that entered the guard: the watchdog looks for a socket
    only in frames called from it, never in the caller's own (which may hold sockets
    of its own).
    """

    __slots__ = ("boundary", "cut", "deadline", "thread_id")

    def __init__(self, deadline: float, boundary: FrameType | None) -> None:
        self.deadline = deadline
        self.boundary = boundary
        self.thread_id = threading.get_ident()
        self.cut = False


def blocking_socket(frame: FrameType | None, boundary: FrameType | None) -> socket.socket | None:
    """The socket the innermost frame below ``boundary`` reads from or writes to.

    httpcore's sync stream and the standard library's socket file (``http.client``,
    urllib3) both keep it as ``self._sock``.
    """
    while frame is not None and frame is not boundary:
        owner = frame.f_locals.get("self")
        candidate = getattr(owner, "_sock", None) if owner is not None else None
        if isinstance(candidate, socket.socket):
            return candidate
        frame = frame.f_back
    return None


def _shut(sock: socket.socket) -> None:
    """Wake every read and write on ``sock``; its owner closes it on its error path. The plain
    socket's ``shutdown``, so that a TLS socket's own state is left to its owner."""
    with contextlib.suppress(OSError):  # already closed: nothing is blocked on it
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread for the whole process, started on the first sync call."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._guards: set[Guard] = set()
        self._thread: threading.Thread | None = None
        self._next_wake = float("inf")

    def enter(self, deadline: float, boundary: FrameType | None) -> Guard:
        guard = Guard(deadline, boundary)
        with self._lock:
            self._guards.add(guard)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="llm_backends-deadline", daemon=True)
                self._thread.start()
            if deadline < self._next_wake:
                self._changed.notify()
        return guard

    def leave(self, guard: Guard) -> None:
        with self._lock:
            self._guards.discard(guard)
            guard.boundary = None

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                for guard in [g for g in self._guards if g.deadline <= now and not g.cut]:
                    self._cut(guard)
                wakes = [g.deadline if g.deadline > now else now + RECHECK for g in self._guards if not g.cut]
                self._next_wake = min(wakes, default=float("inf"))
                self._changed.wait(None if not wakes else self._next_wake - now)

    @staticmethod
    def _cut(guard: Guard) -> None:
        """Shut down the socket the guarded thread is blocked on, if it is on one yet.

        ``cut`` is set first: the woken thread may read it as soon as the socket is shut.
        """
        frame = sys._current_frames().get(guard.thread_id)
        sock = blocking_socket(frame, guard.boundary)
        del frame
        if sock is not None:
            guard.cut = True
            _shut(sock)

    def _after_fork(self) -> None:
        """A forked child has no watchdog thread: start a new one on its first call."""
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._guards = set()
        self._thread = None
        self._next_wake = float("inf")


_watchdog = Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_watchdog._after_fork)


class cut_at:
    """Run the block in this thread; at ``deadline`` (``time.monotonic()``) the socket it is
    blocked on is shut down.

    After the block, ``guard.cut`` says whether that happened: the error the block raised
    then is the cut, to be reported as the call's timeout.
    """

    __slots__ = ("_deadline", "_guard")

    def __init__(self, deadline: float) -> None:
        self._deadline = deadline

    def __enter__(self) -> Guard:
        self._guard = _watchdog.enter(self._deadline, sys._getframe(1))
        return self._guard

    def __exit__(self, *exc: object) -> None:
        _watchdog.leave(self._guard)
