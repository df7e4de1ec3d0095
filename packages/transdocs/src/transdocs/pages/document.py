"""A page as the checker reads it, whether it came from Markdown or from built HTML."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, overload


@dataclass(slots=True)
class Prose:
    """A paragraph, list item, heading or admonition title, with its source lines."""

    kind: str
    text: str
    line: int
    # Offset in ``text`` where each source line after the first starts.
    breaks: list[int] = field(default_factory=list)
    # For a list item: the paragraph that introduces its list ("The defaults are:"), if any.
    intro: str = ""
    # The text this block hangs from: a nested item's parent item, a definition's term, a
    # paragraph's enclosing item ("- `X`" then "  - Default: 8"): whom "Default: 8" is about.
    parent: str = ""
    # The heading of the section the block is in ("### `X`" then "**Default:** 8").
    section: str = ""

    def line_at(self, offset: int) -> int:
        return self.line + bisect_right(self.breaks, offset)


@dataclass(slots=True)
class Table:
    header: list[str]
    line: int
    rows: list[tuple[int, list[str]]]
    section: str = ""


@dataclass(slots=True)
class Code:
    """A fenced code block: its language, its lines and the prose just before it."""

    lang: str
    line: int
    lines: list[tuple[int, str]]
    intro: str
    # Config lines found in prose (a page copied from a rendered site lost its fences).
    unfenced: bool = False


Block = Prose | Table | Code


def introduces_list(text: str) -> bool:
    """Whether a paragraph leads into what follows: "The defaults are:", "既定値は次のとおりです。".

    Japanese and Chinese end a list's lead-in with "。" and say "the following" (次の, 以下, 下記, 如下)
    instead of a colon. Most of their paragraphs end with "。": the four are searched one by one, where
    ``any`` over them called a method a word."""
    stripped = text.rstrip()
    if stripped.endswith((":", "：")):
        return True
    if not stripped.endswith("。"):
        return False
    return "次の" in stripped or "以下" in stripped or "下記" in stripped or "如下" in stripped


Found = list[tuple[int, str]]  # (line, name) of each thing of a kind, in page order


class Unlined:
    """Placeholders or snippet includes of a page, found only when asked: by name in page order
    (:meth:`names`), or each with its line (``lines``), which costs more."""

    def __init__(self, names: Callable[[], list[str]], lines: Callable[[], Found]) -> None:
        self.find_names, self.lines = names, lines
        self.found: list[str] | None = None

    def names(self) -> list[str]:
        if self.found is None:
            self.found = self.find_names()
        return self.found


class _LinedWhenRead:
    """A :class:`Document`'s placeholders or snippet includes (:data:`Found`), set as a list or as
    :class:`Unlined` (what the Markdown reader sets), which becomes the list when first read.

    Comparing two pages reads names alone (:meth:`Document.placeholder_names`,
    :meth:`Document.include_names`); a line goes only in a finding, which few pages have, and working
    the lines out costs more than finding the names (about 70 K instructions a page of our docs, where
    finding the names costs 100 K)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = "_" + name

    @overload
    def __get__(self, doc: None, owner: Any) -> None: ...
    @overload
    def __get__(self, doc: Document, owner: Any) -> Found: ...
    def __get__(self, doc: Document | None, owner: Any) -> Found | None:
        if doc is None:
            return None  # (the dataclass's default: no list shared by two documents)
        found: Found | Unlined = getattr(doc, self.key)
        if isinstance(found, Unlined):
            found = found.lines()
            setattr(doc, self.key, found)
        return found

    def __set__(self, doc: Document, found: Found | Unlined | None) -> None:
        # (not through ``doc.__dict__``: making it would slow every attribute of the document down)
        setattr(doc, self.key, [] if found is None else found)

    def names(self, doc: Document) -> list[str]:
        """The names alone, in page order (from the list, or found by name)."""
        found: Found | Unlined = getattr(doc, self.key)
        return found.names() if isinstance(found, Unlined) else [name for _, name in found]


_PLACEHOLDERS, _INCLUDES = _LinedWhenRead(), _LinedWhenRead()


@dataclass
class Document:
    """Blocks in order, plus what the structure check compares between languages."""

    blocks: list[Block] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (line, level)
    code_blocks: list[tuple[int, str]] = field(default_factory=list)  # (line, language)
    placeholders: _LinedWhenRead = _PLACEHOLDERS  # (line, name)
    includes: _LinedWhenRead = _INCLUDES  # (line, the --8<-- line)

    def placeholder_names(self) -> list[str]:
        """The placeholders' names in page order, their lines not worked out."""
        return _PLACEHOLDERS.names(self)

    def include_names(self) -> list[str]:
        """The snippet includes (each its ``--8<--`` line) in page order, their lines not worked out."""
        return _INCLUDES.names(self)
