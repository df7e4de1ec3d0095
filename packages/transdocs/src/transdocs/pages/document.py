"""A page as the checker reads it, whether it came from Markdown or from built HTML."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
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


@dataclass
class Table:
    header: list[str]
    line: int
    rows: list[tuple[int, list[str]]]
    section: str = ""


@dataclass
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


@dataclass
class Document:
    """Blocks in order, plus what the structure check compares between languages."""

    blocks: list[Block] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)  # (line, level)
    code_blocks: list[tuple[int, str]] = field(default_factory=list)  # (line, language)
    placeholders: list[tuple[int, str]] = field(default_factory=list)  # (line, name)
    includes: list[tuple[int, str]] = field(default_factory=list)  # (line, the --8<-- line)
