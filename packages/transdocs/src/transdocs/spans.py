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

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from transdocs import regex_cache
from transdocs.fastscan import first_literals, guard


def lazily_closed(closer: str, found: str = "", missing: str = "") -> str:
    """A piece of a regular expression that reads a span's inside in one pass of ``re``: up to the
    first ``closer``, searched lazily and kept once found (an atomic group, as :class:`Scanner`
    keeps its search's first answer), then ``found``; or, when no closer comes, the rest of the
    text, then ``missing``. A caller that meets the second branch hands the text to a
    :class:`Scanner` instead: every later opener would search to the end again."""
    return rf"(?:(?>[\s\S]*?{closer}){found}|[\s\S]*{missing})"


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


class Span(NamedTuple):
    kind: str
    start: int
    end: int


_new_span = tuple.__new__  # a Span without the call of its generated __new__ (the scan's hot path)


# Inline flags for an opener's own flags, scoped to its branch of the search for every opener.
_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))


class Scanner:
    """Finds spans of several kinds in a text; build it once, use it on many texts.

    One search (in C) finds the next place where an opener of any kind matches, and which kind
    (the first in order, as an alternation does); its closer's memo says whether it closes, and
    if not, the later kinds are tried at the same place. A kind whose closer is gone for good
    leaves the search. An opener that starts later must end no earlier (fixed-length openers,
    or ones that run to their line's end) and must not hold a ``stop``.
    """

    def __init__(self, kinds: Sequence[Kind]) -> None:
        self.kinds = tuple(kinds)
        # The search for the openers of the kinds still searched (a bit mask), and which kind each
        # branch's last (empty) group stands for.
        self._searches: dict[int, tuple[re.Pattern[str], dict[int, int]]] = {}
        # Each kind as the scan reads it: its closer's slot among the closers (kinds with the same
        # closer share its memo; -1 without one), the closer, and whether a closer match may be a stop.
        slots: dict[re.Pattern[str], int] = {}
        self._plan: tuple[tuple[int, re.Pattern[str] | None, bool], ...] = tuple(
            (-1, None, False)
            if kind.closer is None
            else (slots.setdefault(kind.closer, len(slots)), kind.closer, "stop" in kind.closer.groupindex)
            for kind in self.kinds
        )
        self._closers = len(slots)
        self._names = tuple(kind.name for kind in self.kinds)

    def _guard(self, alternation: str) -> str:
        """The openers' alternation behind a look-ahead on the characters they can start with
        (:func:`transdocs.fastscan.guard`, which reads each branch's inline flags): ``re`` tries
        every branch at every position of the text; a position none can start at (most of them)
        then costs one check. Unguarded when one opener's first characters cannot be told."""
        return guard(alternation)

    def _search(self, live: int) -> tuple[re.Pattern[str], dict[int, int]]:
        """One pattern for the openers of the kinds in ``live``: each branch ends with an empty group."""
        known = self._searches.get(live)
        if known is None:
            known = self._searches[live] = (self._dispatch(live) if self.dispatch else None) or self._guarded(live)
        return known

    def _guarded(self, live: int) -> tuple[re.Pattern[str], dict[int, int]]:
        """The openers of the kinds in ``live`` as one alternation, behind :meth:`_guard`."""
        branches, kind_of, group = [], {}, 0
        for index, kind in enumerate(self.kinds):
            if live >> index & 1:
                branches.append(f"{self._branch(kind)}()")
                group += kind.opener.groups + 1
                kind_of[group] = index
        search = self._guard("|".join(branches)) if branches else r"(?!x)x"
        return regex_cache.compile(search), kind_of

    dispatch = True  # (off: the search behind a look-ahead, see _guard)

    def _dispatch(self, live: int) -> tuple[re.Pattern[str], dict[int, int]] | None:
        """The search for the openers of the kinds in ``live`` as one branch per character an opener
        starts with, when each opener's first characters are known single characters (None otherwise).

        A branch is the character, then (looking back at it) the openers that start with it, in the
        kinds' order, each ending with its kind's empty group: the pattern starts with a character
        set, so re skips to those characters in C, where a look-ahead guard costs a try at every
        position, and a character tries only its own openers. The match is that one character; the
        opener ends where its kind's group does (:meth:`_scan` reads ``end(lastindex)``).
        """
        by_char: dict[str, list[int]] = {}
        for index, kind in enumerate(self.kinds):
            if live >> index & 1:
                chars = first_literals(self._branch(kind))
                if chars is None:
                    return None
                for char in sorted(chars):
                    by_char.setdefault(char, []).append(index)
        if not by_char:
            return None
        parts, kind_of, group = [], {}, 0
        for char, indexes in by_char.items():
            branches = []
            for index in indexes:
                branches.append(f"{self._branch(self.kinds[index])}()")
                group += self.kinds[index].opener.groups + 1
                kind_of[group] = index
            parts.append(f"{re.escape(char)}(?<=(?=(?:{'|'.join(branches)}))[\\s\\S])")
        return regex_cache.compile("|".join(parts)), kind_of

    @staticmethod
    def _branch(kind: Kind) -> str:
        """``kind``'s opener as a branch of a search for several: its flags made inline."""
        flags = "".join(letter for flag, letter in _FLAGS if kind.opener.flags & flag)
        return f"(?{flags}:{kind.opener.pattern})"

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Span]:
        """Spans that do not overlap, left to right, from ``pos`` (openers up to ``endpos``)."""
        names = self._names
        for index, start, end in self._scan(text, pos, len(text) if endpos is None else endpos):
            yield _new_span(Span, (names[index], start, end))

    def _scan(self, text: str, pos: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(kind index, start, end) of each span: :meth:`finditer` without building spans.

        Each closer's search remembers its last answer (``since``: where it started, ``found``: what
        it found): positions mostly grow, so a search from a later position that the answer still
        covers (nothing was found, or the match starts after it) needs none; each character is
        searched once per closer.
        """
        plan = self._plan
        since: list[int] = [-1] * self._closers
        found: list[re.Match[str] | None] = [None] * self._closers
        live = (1 << len(plan)) - 1
        pattern, kind_of = self._search(live)
        while True:
            opened = pattern.search(text, pos)
            if opened is None:
                return
            at = opened.start()
            if at > end:
                return
            group = opened.lastindex or 0
            index = kind_of[group]
            after = opened.end(group)  # where the opener ends: its kind's group ends it
            while True:
                slot, closer, stops = plan[index]
                if closer is None:
                    span_end = after
                    break
                last = since[slot]
                closed = found[slot]
                if last < 0 or after < last or (closed is not None and after > closed.start()):
                    closed = found[slot] = closer.search(text, after)
                    since[slot] = after
                if closed is None:  # later openers end later: none of them closes either
                    live &= ~(1 << index)
                    pattern, kind_of = self._search(live)
                elif not (stops and closed.group("stop") is not None):
                    span_end = closed.end()
                    break
                index, again = self._later(index, live, text, at)  # it does not close here
                if again is None:
                    break
                after = again.end()
            if index < 0:
                pos = at + 1
                continue
            yield index, at, span_end
            pos = span_end if span_end > at else at + 1

    def _later(self, index: int, live: int, text: str, at: int) -> tuple[int, re.Match[str] | None]:
        """The first kind after ``index`` (of those in ``live``) whose opener matches at ``at``."""
        for other in range(index + 1, len(self.kinds)):
            if live >> other & 1:
                opened = self.kinds[other].opener.match(text, at)
                if opened is not None:
                    return other, opened
        return -1, None

    def sub(self, replace: Callable[[Span], str] | str, text: str) -> str:
        """``text`` with every span replaced by ``replace(span)``, or by ``replace`` when it is a string."""
        parts, last = [], 0
        if isinstance(replace, str):  # the text between spans, joined by it (no call per span)
            for _, start, end in self._scan(text, 0, len(text)):
                parts.append(text[last:start])
                last = end
            parts.append(text[last:])
            return replace.join(parts)
        names = self._names
        for index, start, end in self._scan(text, 0, len(text)):
            parts += [text[last:start], replace(_new_span(Span, (names[index], start, end)))]
            last = end
        parts.append(text[last:])
        return "".join(parts)

    def match(self, text: str, pos: int = 0) -> Span | None:
        """The span starting at ``pos``, if one does."""
        for kind in self.kinds:
            opened = kind.opener.match(text, pos)
            if opened is None:
                continue
            if kind.closer is None:
                return Span(kind.name, pos, opened.end())
            closed = kind.closer.search(text, opened.end())
            if closed is not None and not ("stop" in kind.closer.groupindex and closed.group("stop") is not None):
                return Span(kind.name, pos, closed.end())
        return None
