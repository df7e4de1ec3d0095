"""What changed in an English page since the version a translation was made from.

The translation's ``source_hash`` names a content, not a commit: the version is found
by hashing each version of the English page in git history with the same
:func:`source_hash` as the stamp. From that version to the page on disk, the changed
lines are given with the sections (headings) they are in, so a translator updates
exactly those paragraphs. Front matter is left out of the comparison, as it is of
the hash; line numbers are those of the files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.markdown import read_markdown
from transdocs.tools.history import GitHistory, HistoryUnavailable, Version
from transdocs.translations.source_hash import normalized, source_hash

UP_TO_DATE, OUTDATED, UNSTAMPED, UNMATCHED, NO_HISTORY = (
    "up-to-date",  # the stamp is the hash of the English page as it is now
    "outdated",  # the stamp is an older version of the English page, found in history
    "unstamped",  # the translation has no source_hash
    "unmatched",  # no version in history has the stamped hash
    "no-history",  # the English page changed, but its history cannot be read
)
CONTEXT_LINES = 3
RECENT = 10  # versions shown when the stamp matches none

_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
_ANCHOR = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Section:
    """A heading of the English page; line 0 is the text before the first heading."""

    line: int
    heading: str  # as written, e.g. "## What is retried { #what-is-retried }"

    @property
    def title(self) -> str:
        return _ATTRIBUTES.sub("", self.heading.lstrip("#")).strip()

    @property
    def anchor(self) -> str | None:
        match = _ANCHOR.search(self.heading)
        return match.group(1) if match else None

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "heading": self.heading, "title": self.title, "anchor": self.anchor}


TOP = Section(0, "")


@dataclass(frozen=True)
class Change:
    """Lines ``old`` of the old English page became lines ``new`` of the current one.

    Ranges are (first, last), 1-based and inclusive; an empty side is (n + 1, n):
    nothing there, between lines n and n + 1.
    """

    old: tuple[int, int]
    new: tuple[int, int]
    sections: tuple[Section, ...]

    @property
    def size(self) -> int:
        """Lines changed: a line rewritten counts once, as a line added or removed does."""
        return max(self.old[1] - self.old[0] + 1, self.new[1] - self.new[0] + 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": {"first": self.old[0], "last": self.old[1]},
            "new": {"first": self.new[0], "last": self.new[1]},
            "sections": [section.as_dict() for section in self.sections],
        }


def _body(text: str) -> tuple[list[str], int]:
    """The page's lines after front matter, and how many lines the front matter takes."""
    text = normalized(text)
    span = front_matter_span(text)
    return text[span:].splitlines(keepends=True), text.count("\n", 0, span)


def sections_of(text: str) -> list[Section]:
    """The page's headings (not ``#`` lines in code blocks), in order."""
    lines = normalized(text).split("\n")
    return [Section(line, lines[line - 1].strip()) for line, _ in read_markdown(normalized(text)).headings]


def _sections_over(sections: list[Section], first: int, last: int) -> list[Section]:
    """The sections that lines first..last (a point when last < first) are in."""
    last = max(first, last)
    before = [s for s in sections if s.line <= first]
    return [before[-1] if before else TOP] + [s for s in sections if first < s.line <= last]


def line_changes(old: str, new: str) -> list[Change]:
    """Every changed run of lines from ``old`` to ``new``, with the sections it touches."""
    a, a_offset = _body(old)
    b, b_offset = _body(new)
    old_sections, new_sections = sections_of(old), sections_of(new)
    found = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        old_range = (a_offset + i1 + 1, a_offset + i2)
        new_range = (b_offset + j1 + 1, b_offset + j2)
        touched = _sections_over(new_sections, new_range[0] if j2 > j1 else max(new_range[1], 1), new_range[1])
        if i2 > i1:  # a removed heading names its section too
            touched += _sections_over(old_sections, *old_range)
        names: dict[str, Section] = {}
        for section in touched:
            names.setdefault(section.heading, section)
        found.append(Change(old_range, new_range, tuple(names.values())))
    return found


def _range(start: int, stop: int, offset: int) -> str:
    """A unified diff's range: "first,count" (count 1 omitted; an empty range names the line before)."""
    length = stop - start
    first = start + offset + (1 if length else 0)
    return str(first) if length == 1 else f"{first},{length}"


def unified(old: str, new: str, old_label: str, new_label: str, context: int = CONTEXT_LINES) -> str:
    """The unified diff from ``old`` to ``new``; each hunk header names its section, as git's do."""
    a, a_offset = _body(old)
    b, b_offset = _body(new)
    new_sections = sections_of(new)
    out = [f"--- {old_label}\n", f"+++ {new_label}\n"]
    for group in SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        first_change = next(op for op in group if op[0] != "equal")
        section = _sections_over(new_sections, b_offset + first_change[3] + 1, b_offset + first_change[3] + 1)[0]
        title = f" {section.heading}" if section.heading else ""
        out.append(f"@@ -{_range(i1, i2, a_offset)} +{_range(j1, j2, b_offset)} @@{title}\n")
        for tag, k1, k2, l1, l2 in group:
            if tag == "equal":
                out += [f" {line}" for line in a[k1:k2]]
                continue
            out += [f"-{line}" for line in a[k1:k2]]
            out += [f"+{line}" for line in b[l1:l2]]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


@dataclass(frozen=True)
class EnglishChange:
    """How the English page changed since the version a translation says it translates."""

    state: str  # UP_TO_DATE, OUTDATED, UNSTAMPED, UNMATCHED or NO_HISTORY
    english: Path
    stamp: str | None
    current_hash: str
    new_text: str
    version: Version | None = None  # the version whose hash is the stamp
    since: Version | None = None  # the first change after it; None when not committed yet
    old_text: str | None = None
    changes: tuple[Change, ...] = ()
    recent: tuple[Version, ...] = ()  # the page's latest versions, when no version matches
    problem: str | None = None  # why history could not be read (NO_HISTORY)
    shallow: bool = False  # the repository is a shallow clone: older versions are missing
    hashes: dict[str, str] = field(default_factory=dict)  # blob -> source_hash, for the log

    @property
    def lines_changed(self) -> int:
        return sum(change.size for change in self.changes)


def english_change(english: Path, new_text: str, stamp: str | None, history: GitHistory | None) -> EnglishChange:
    """Compare a translation's stamp with the English page's text now and in ``history``.

    ``history`` None means history is not wanted; git problems become NO_HISTORY.
    """
    current = source_hash(new_text)
    base = EnglishChange(UP_TO_DATE, english, stamp, current, new_text)
    if stamp is None:
        return replace(base, state=UNSTAMPED)
    if stamp == current:
        return base
    if history is None:
        return replace(base, state=NO_HISTORY)
    try:
        versions = history.versions(english)
        texts = history.texts([v.blob for v in versions])
    except HistoryUnavailable as exc:
        return replace(base, state=NO_HISTORY, problem=str(exc))
    hashes = {blob: source_hash(text) for blob, text in texts.items()}
    match = next((i for i, v in enumerate(versions) if hashes[v.blob] == stamp), None)
    if match is None:
        return replace(base, state=UNMATCHED, recent=tuple(versions[:RECENT]), shallow=history.shallow, hashes=hashes)
    version = versions[match]
    old_text = texts[version.blob]
    return replace(
        base,
        state=OUTDATED,
        version=version,
        since=versions[match - 1] if match > 0 else None,
        old_text=old_text,
        changes=tuple(line_changes(old_text, new_text)),
        shallow=history.shallow,
    )
