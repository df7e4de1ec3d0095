"""Spans such as ``{{ ... }}``, ``<!-- ... -->`` or a fenced block, found in time linear in the text.

A regular expression ``\\{\\{.*?\\}\\}`` searches to the end of the text for every ``{{``
that is never closed: a page of 150 KB of ``{{`` took half a minute. Here each kind of
span is an opener and a closer; the search for a closer remembers its last answer, and
since openers are met left to right, an answer holds for every opener up to the closer
it found (or, when there was none, for every later opener). Each character is searched
at most once per kind of closer, whatever the page.

The result is the one ``re.finditer`` gives for the alternation of ``opener.*?closer``:
the leftmost span, and at one position the first kind (in the given order) that closes.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """One kind of span.

    ``opener`` is matched where a span may start; ``closer`` is searched from the opener's
    end, and the span ends where it ends. A closer match with a group ``stop`` ends the search
    without a span (``\\)|(?P<stop>\\n)``: a link target does not go past its line). Without a
    closer, the opener's match is the whole span.
    """

    name: str
    opener: re.Pattern[str]
    closer: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    opener: re.Match[str]


class _Memo:
    """``pattern.search(text, pos)`` for positions that mostly grow, each character searched once."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.since = -1  # the position of the last search
        self.found: re.Match[str] | None = None  # what it found

    def search(self, pos: int) -> re.Match[str] | None:
        if self.since >= 0 and pos >= self.since:
            if self.found is None:
                return None  # nothing from an earlier position, so nothing from here
            if pos <= self.found.start():
                return self.found  # nothing between the earlier position and this match
        self.since, self.found = pos, self.pattern.search(self.text, pos)
        return self.found


class Scanner:
    """Finds spans of several kinds in a text; build it once, use it on many texts.

    Each kind keeps its next span ahead of the position reached, found by searching its
    opener (in C, over whole stretches of text) and asking its closer's memo; a kind
    whose closer is gone for good is dropped. An opener that starts later must
    end no earlier (fixed-length openers, or ones that run to their line's end) and must
    not hold a ``stop``.
    """

    def __init__(self, kinds: Sequence[Kind]) -> None:
        self.kinds = tuple(kinds)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Span]:
        """Spans that do not overlap, left to right, from ``pos`` (openers up to ``endpos``)."""
        end = len(text) if endpos is None else endpos
        memos: dict[re.Pattern[str], _Memo] = {}
        # The next span of each kind that still has one, by (start, the kind's rank).
        ahead: list[tuple[int, int, Span]] = []
        for rank, kind in enumerate(self.kinds):
            found = self._next(kind, text, pos, end, memos)
            if found is not None:
                ahead.append((found.start, rank, found))
        heapq.heapify(ahead)
        while ahead:
            start, rank, found = ahead[0]
            if start < pos:  # overlapped by the span just given: look again from past it
                again = self._next(self.kinds[rank], text, pos, end, memos)
                if again is None:
                    heapq.heappop(ahead)
                else:
                    heapq.heapreplace(ahead, (again.start, rank, again))
                continue
            yield found
            pos = found.end if found.end > found.start else found.start + 1

    @staticmethod
    def _next(kind: Kind, text: str, pos: int, end: int, memos: dict[re.Pattern[str], _Memo]) -> Span | None:
        """The first span of ``kind`` that starts at or after ``pos``."""
        while True:
            opened = kind.opener.search(text, pos)
            if opened is None or opened.start() > end:
                return None
            closer = kind.closer
            if closer is None:
                return Span(kind.name, opened.start(), opened.end(), opened)
            memo = memos.get(closer)
            if memo is None:
                memo = memos[closer] = _Memo(closer, text)
            closed = memo.search(opened.end())
            if closed is None:
                return None  # later openers end later: none of them closes either
            if "stop" in closer.groupindex and closed.group("stop") is not None:
                pos = max(closed.start(), opened.start() + 1)  # openers before the stop stop there too
            else:
                return Span(kind.name, opened.start(), closed.end(), opened)

    def sub(self, replace: Callable[[Span], str], text: str) -> str:
        """``text`` with every span replaced by ``replace(span)``."""
        parts, last = [], 0
        for span in self.finditer(text):
            parts += [text[last : span.start], replace(span)]
            last = span.end
        parts.append(text[last:])
        return "".join(parts)

    def match(self, text: str, pos: int = 0) -> Span | None:
        """The span starting at ``pos``, if one does."""
        for kind in self.kinds:
            opened = kind.opener.match(text, pos)
            if opened is None:
                continue
            if kind.closer is None:
                return Span(kind.name, pos, opened.end(), opened)
            closed = kind.closer.search(text, opened.end())
            if closed is not None and not ("stop" in kind.closer.groupindex and closed.group("stop") is not None):
                return Span(kind.name, pos, closed.end(), opened)
        return None
