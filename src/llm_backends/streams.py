"""Streamed completions: the first chunk inside the retried attempt, the rest under the call's deadline.

An error before the first chunk is retried like any failed request. After it, an error
is raised, never retried: a retry would repeat output already read. ``total_timeout``
still holds for the rest: it is checked before each chunk, and a chunk still on its way
at the deadline is cut there (sync: :mod:`.deadline`; async: the wait is cancelled).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

from .deadline import cut_at
from .secrets import attach_attempts, redact

if TYPE_CHECKING:
    from .retrying import Budget

_NO_CHUNK = object()


class Opened:
    """A stream whose first chunk has been read: the provider's stream object (to close it) and the rest."""

    def __init__(self, stream: Any, chunks: Any, first: Any) -> None:
        self.stream, self.chunks, self.first = stream, chunks, first


def started(stream: Any) -> Opened:
    """Read the first chunk, inside the attempt."""
    chunks = iter(stream)
    return Opened(stream, chunks, next(chunks, _NO_CHUNK))


async def astarted(stream: Any) -> Opened:
    chunks = stream.__aiter__()
    try:
        first = await chunks.__anext__()
    except StopAsyncIteration:
        first = _NO_CHUNK
    return Opened(stream, chunks, first)


def _close(stream: Any) -> None:
    """Release the connection of a stream given up on (litellm's wrapper, else the SDK stream inside it)."""
    for owner in (stream, getattr(stream, "completion_stream", None)):
        close = getattr(owner, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                close()
            return


async def _aclose(stream: Any) -> None:
    close = getattr(stream, "aclose", None)
    if callable(close):
        with contextlib.suppress(Exception):
            await close()


def rest(opened: Opened, budget: Budget, model: str, attempts: Callable[[], int]) -> Iterator[Any]:
    """The chunks after the first; an error is raised with ``attempts`` set and keys masked."""
    try:
        if opened.first is _NO_CHUNK:
            return
        yield opened.first
        while True:
            if budget.remaining() <= 0:
                _close(opened.stream)
                raise budget.passed(model)
            with cut_at(budget.deadline()) as guard:
                try:
                    chunk = next(opened.chunks)
                except StopIteration:
                    return
                except Exception as exc:
                    if guard.cut:
                        raise budget.passed(model) from exc
                    raise
            yield chunk
    except Exception as exc:
        attach_attempts(exc, attempts())
        redact(exc, budget.settings)
        raise


async def arest(opened: Opened, budget: Budget, model: str, attempts: Callable[[], int]) -> AsyncIterator[Any]:
    """The async twin of :func:`rest`."""
    import asyncio

    try:
        if opened.first is _NO_CHUNK:
            return
        yield opened.first
        while True:
            left = budget.remaining()
            if left <= 0:
                await _aclose(opened.stream)
                raise budget.passed(model)
            scope = asyncio.timeout(left)
            try:
                async with scope:
                    chunk = await opened.chunks.__anext__()
            except StopAsyncIteration:
                return
            except TimeoutError as exc:
                if scope.expired():
                    await _aclose(opened.stream)
                    raise budget.passed(model) from exc
                raise
            yield chunk
    except Exception as exc:
        attach_attempts(exc, attempts())
        redact(exc, budget.settings)
        raise
