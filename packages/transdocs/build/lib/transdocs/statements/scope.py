"""Which of a setting's scoped defaults applies where a page states it.

Real projects reuse option names with different defaults in different components
(``size`` of a button and of a modal, ``type`` of an input and of a tag). A settings
file may therefore give one name several defaults, each scoped to pages
(``"pages": ["button.md"]``, matched against the English page a translation
translates, so one scope covers every language) and/or to a section
(``"section": "Button"``: the heading's text, its ``{#id}`` or its anchor; the
section's sub-sections are in it; a translation's headings are matched through
the English heading at the same position when the headings line up). Where several
apply the most specific wins (the nearest heading's section, with pages before without,
then pages, then an unscoped default); where none applies the statement is not checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from transdocs.pages.document import Document, Prose
from transdocs.settings.reader import Setting

_ID = re.compile(r"\{\s*#([\w-]+)\s*\}")
_MARKUP = re.compile(r"[`*_~]|<[^>]*>|\[([^\]]*)\]\([^)]*\)")
_NOT_SLUG = re.compile(r"[^\w\- ]")
# A section scope outranks a pages scope; a nearer heading outranks the headings around it.
_SECTION = 1000


def _names(heading: str) -> set[str]:
    """What a scope may call a heading: its text, its explicit id, its anchor (all lower-cased)."""
    found = {match.group(1).lower() for match in _ID.finditer(heading)}
    text = _MARKUP.sub(lambda m: m.group(1) or "", _ID.sub("", heading)).strip().lower()
    if text:
        found.add(text)
        found.add(_NOT_SLUG.sub("", text).strip().replace(" ", "-"))
    return found


@dataclass(frozen=True)
class Sections:
    """The headings of a page (and of its English original), to tell which sections hold a line."""

    starts: list[int]
    levels: list[int]
    names: list[set[str]]
    english: list[set[str]] | None = None  # the English page's heading names, when they line up

    @classmethod
    def of(cls, doc: Document, english: Document | None = None) -> Sections:
        texts = [block.text for block in doc.blocks if isinstance(block, Prose) and block.kind == "heading"]
        starts = [line for line, _ in doc.headings]
        levels = [level for _, level in doc.headings]
        if len(texts) != len(starts):  # headings the reader saw differently: no section is known
            texts = [""] * len(starts)
        theirs = None
        if english is not None:
            english_texts = [b.text for b in english.blocks if isinstance(b, Prose) and b.kind == "heading"]
            if len(english_texts) == len(starts) and [lvl for _, lvl in english.headings] == levels:
                theirs = [_names(text) for text in english_texts]
        return cls(starts, levels, [_names(text) for text in texts], theirs)

    def around(self, line: int) -> list[set[str]]:
        """Names of the heading over ``line``, then of each heading it is nested in, nearest first."""
        index = bisect_right(self.starts, line) - 1
        found: list[set[str]] = []
        level = 10
        while index >= 0:
            if self.levels[index] < level:
                level = self.levels[index]
                found.append(self.names[index] | (self.english[index] if self.english is not None else set()))
            index -= 1
        return found


def _in_pages(setting: Setting, page: PurePath) -> bool:
    posix = page.as_posix()
    return any(
        posix == pattern or posix.endswith("/" + pattern.lstrip("/")) or fnmatchcase(posix, "*/" + pattern)
        for pattern in setting.pages
    )


def applicable(
    variants: tuple[Setting, ...], page: Path | None, sections: Sections | None, line: int
) -> Setting | None:
    """The default that applies on ``page`` (the English page's path) at ``line``, if any."""
    names: list[set[str]] | None = None
    best: tuple[int, Setting] | None = None
    for setting in variants:
        rank = 0
        if setting.pages:
            if page is None or not _in_pages(setting, page):
                continue
            rank += 1
        if setting.section is not None:
            if sections is None:
                continue
            if names is None:
                names = sections.around(line)
            wanted = setting.section.strip().lower()
            depth = next((n for n, found in enumerate(names) if wanted in found), None)
            if depth is None:
                continue
            rank += _SECTION - depth  # the nearest heading is the most specific
        if best is None or rank > best[0]:
            best = (rank, setting)
    return best[1] if best else None
