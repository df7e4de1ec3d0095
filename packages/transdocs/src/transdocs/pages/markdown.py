"""Read a Markdown page into blocks with their line numbers.

A line-based reader of the Markdown our docs use (ATX headings, fenced code, pipe
tables, lists, admonitions and tabs), not a full CommonMark parser: the checker needs
source line numbers and the raw text with its placeholders, and must read thousands of
pages per second, which the Markdown libraries at hand (Python-Markdown) cannot give.
"""

from __future__ import annotations

import re
from itertools import count

from transdocs.pages.document import Code, Document, Prose, Table, Unlined, introduces_list
from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.html import read_fragment
from transdocs.pages.jsx_props import OPENING, prop_default
from transdocs.pages.line_search import within_lines
from transdocs.placeholders import BLOCK_LINE
from transdocs.spans import Kind, Scanner, Span

# What :func:`heading` reads, as a pattern (the tests compare them): re tries the end's optional parts
# at every character of the title (the lazy group), a tenth of the reader's time.
HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)(?:\s+#+)?(?:\s*\{[^}]*\})?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_TITLE = re.compile(r"""^\s*(?:!!!|\?\?\?\+?|===)\+?\s*(?:[\w-]+(?:\s+[\w-]+)*)?\s*(?:"(?P<title>[^"]*)")?""")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s*>\s?")
_CELL_SPLIT = re.compile(r"`[^`]*`|\\\||\|")
INCLUDE_MARK = "--8<--"
# The first characters of a title, directive, list item (but digits), definition or quote.
_MARKERS = "!?=:-*+>"
# The first characters of a list item or heading that :meth:`_Reader.read` reads without asking
# what else its line is (other digits: as any other line).
_ITEM_OR_HEADING = "-*+#0123456789"


def is_include(line: str) -> bool:
    """A pymdownx.snippets line (``--8<-- "file.py:section"``), not prose that mentions one."""
    return line.lstrip().startswith(INCLUDE_MARK)


def fence_language(info: str) -> str:
    """```` ```toml title="x" ```` -> ``toml``; ```` ``` { .toml } ```` -> ``toml``."""
    if info.isalnum():  # (most fences: one word, nothing to strip or split)
        return info.lower()
    word = info.strip().lstrip("{").strip().lstrip(".").split(maxsplit=1)
    return word[0].lower().rstrip("}") if word else ""


def heading(stripped: str) -> tuple[int, str] | None:
    """(level, title) of an ATX heading (``stripped``: its line without indent): ``## Title ## {#id}``
    -> ``(2, "Title")``, as :data:`HEADING` reads it. The title is the shortest text that leaves an end
    of closing hashes after a space, then attributes in braces, then spaces; found from the end."""
    title = stripped.lstrip("#")
    level = len(stripped) - len(title)
    if not 0 < level <= 6 or not title[:1].isspace():
        return None
    title = title.strip()
    if title.endswith("}"):  # attributes: from the first "{" after the "}" before the last one
        brace = title.find("{", title.rfind("}", 0, len(title) - 1) + 1)
        if brace < 0:
            return level, title
        title = title[:brace].rstrip()
    bare = title.rstrip("#")
    if len(bare) < len(title) and bare[-1:].isspace():
        title = bare.rstrip()
    return level, title


def split_cells(row: str) -> list[str]:
    """Cells of a pipe-table row; pipes inside inline code or escaped do not split."""
    row = row.strip()
    # (most rows) no escape, and no pipe in inline code (backticks pair as they come): every pipe splits
    if "\\" not in row and ("`" not in row or "|" not in "".join(row.split("`")[1:-1:2])):
        cells = list(map(str.strip, row.split("|")))  # (each cell stripped once, in C)
        if not cells[0]:
            del cells[0]
        if cells and not cells[-1]:
            del cells[-1]
        return cells
    cells, cursor, current = [], 0, ""
    for match in _CELL_SPLIT.finditer(row):
        if match.group(0) != "|":
            continue  # inline code or an escaped pipe: part of the cell
        current += row[cursor : match.start()]
        cells.append(current)
        current, cursor = "", match.end()
    cells.append(current + row[cursor:])
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _is_table_start(lines: list[str], i: int) -> bool:
    return "|" in lines[i] and i + 1 < len(lines) and "|" in lines[i + 1] and bool(_DELIMITER.match(lines[i + 1]))


# Docusaurus / remark-directive admonitions: ":::note Title", ":::tip[Title]", and ":::" closing.
_DIRECTIVE = re.compile(
    r"^\s*:{3,}\s*(?P<kind>[\w-]*)\s*(?:\[(?P<bracket>[^\]]*)\]|(?P<title>.*?))\s*(?:\{[^}]*\})?\s*$"
)
# A definition list's definition: ": text" under its term (PHP Markdown Extra, pymdownx def_list).
_DEFINITION = re.compile(r"^(\s{0,3}):(?!:)\s+(?=\S)")
# Config lines pasted without their fence: "[llm]", "num_retries = 4", "export LLM_X=4".
_CONFIG_TABLE_LINE = re.compile(r"^\s*\[[\w.\- \"']+\]\s*$")
_CONFIG_SET_LINE = re.compile(r"^\s*(?:export\s+|set\s+)?[\"']?[A-Za-z_][\w.-]*[\"']?\s*=\s*\S[^=]*$")


# Inline code (kept), MDX comments and HTML or JSX tags (blanked, their text kept); linear, see spans.
_TAGS = Scanner(
    [
        Kind("code", re.compile(r"`[^`\n]*`")),
        Kind("comment", re.compile(r"\{/\*"), re.compile(r"\*/\}|(?P<stop>\n)")),
        Kind(
            "tag",
            re.compile(r"</?[A-Za-z][\w.:-]*(?:\s+(?:[^<>\"'{}]|\"[^\"]*\"|'[^']*'|\{[^{}]*\})*)?/?>"),
        ),
    ]
)
# An HTML block the HTML reader reads: its table, list or definition list keeps its structure.
_HTML_BLOCK = re.compile(r"^\s{0,3}<(?:table|dl|ul|ol|p|h[1-6]|blockquote)\b", re.IGNORECASE)
_TITLE_ATTRIBUTE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)'|\{["'`]([^"'`]*)["'`]\})""")
_LABEL_ATTRIBUTE = re.compile(r"""\blabel=(?:"([^"]*)"|'([^']*)')""")
_LONGEST_TAG = 30  # lines a JSX tag's props may take
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?=\n|\Z)")
_ESM = re.compile(r"^(?:import|export)\s")  # MDX: module lines, not prose


def strip_tags(line: str, spans: list[Span] | None = None) -> str:
    """``line`` with HTML/JSX tags and MDX comments blanked (same length: offsets stay put); ``spans``:
    its spans of ``_TAGS`` when they were found already."""
    if spans is None:
        spans = list(_TAGS.finditer(line))
    parts, last = [], 0
    for span in spans:
        if span.kind != "code":
            parts += [line[last : span.start], " " * (span.end - span.start)]
            last = span.end
    parts.append(line[last:])
    return "".join(parts)


# Whether :meth:`_Reader.read` takes a line that can only be prose as such (off: as any other line,
# which the tests compare): one that starts with a letter (no heading, fence, list item, definition,
# quote, admonition, directive, placeholder or include mark) and holds no tag, MDX comment or table
# pipe. Half the lines of a page (an MDX page's ``import`` lines are not prose). On, a page without
# "{/*" is not searched for it line by line, and a line whose first character starts no title,
# directive, item, definition or quote goes on its paragraph as soon as it is no heading or table.
PLAIN_PROSE = True


def _unquoted(line: str) -> str:
    """``line`` without its blockquote mark (``> ``), if it has one."""
    return _QUOTE.sub("", line) if line.lstrip().startswith(">") else line


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _config_language(lines: list[str]) -> str | None:
    """``toml`` or ``env`` when every line of a paragraph is a config line, else None."""
    if not all(_CONFIG_TABLE_LINE.match(line) or _CONFIG_SET_LINE.match(line) for line in lines):
        return None
    if not any(_CONFIG_SET_LINE.match(line) for line in lines):
        return None
    toml = any(_CONFIG_TABLE_LINE.match(line) or " = " in line for line in lines)
    return "toml" if toml else "env"


class _Reader:
    def __init__(self, body: list[str], first_line: int, mdx: bool = False, comments: bool = True) -> None:
        # comments: whether the page may hold an MDX comment ("{/*"), asked of the page once, not of each line
        self.lines, self.first, self.mdx, self.comments = body, first_line, mdx, comments
        self.doc = Document()
        # The lines of the paragraph or list item being read, and the number of its first one (its lines
        # follow each other: whatever comes between two lines ends the block first).
        self.open: list[str] = []
        self.open_line = 0
        self.open_kind = "paragraph"
        self.list_intro = ""
        # Enclosing list items (or definitions): (marker indent, the item's block), outermost first.
        self.items: list[tuple[int, Prose]] = []
        self.open_indent = 0
        self.open_parent = ""
        self.section = ""
        self.last_paragraph: Prose | None = None  # may be a definition's term
        self.term: Prose | None = None  # the term of the definitions being read
        # The admonition being read: (indent of "!!!", or -1 for ":::" closed by ":::"), title.
        self.admonition: tuple[int, str] | None = None

    def flush(self) -> None:
        lines = self.open
        if not lines:
            return
        breaks: list[int] = []  # where each line after the first starts in the text
        if len(lines) == 1:  # (most blocks)
            text = lines[0]
        else:
            text = "\n".join(lines)
            offset = 0
            for line in lines[:-1]:
                offset += len(line) + 1
                breaks.append(offset)
        parent, first = self.open_parent, self.open_line
        if self.open_kind == "item":  # (what introduces its list, else an admonition's title)
            intro = self.list_intro or (self.admonition[1] if self.admonition is not None else "")
            block = Prose("item", text, first, breaks, intro, parent, self.section)
            self.doc.blocks.append(block)
            self.items.append((self.open_indent, block))
            self.last_paragraph = None
            self.open = []
            return
        # (a paragraph of config lines sets something: without "=", it is prose)
        config = _config_language(lines) if not parent and "=" in text else None
        if config is not None:
            intro = self.intro_text()
            self.doc.blocks.append(Code(config, first, list(zip(count(first), lines)), intro, unfenced=True))
            self.open, self.list_intro, self.last_paragraph = [], "", None
            return
        intro = self.admonition[1] if self.admonition is not None else ""  # "!!! note "Defaults"" introduces
        block = Prose("paragraph", text, first, breaks, intro, parent, self.section)
        self.doc.blocks.append(block)
        self.term = None
        if not parent:  # (only a paragraph ending in a colon, "。" or a space may introduce one)
            end = text[-1:]
            self.list_intro = text if (end in ":：。" or end.isspace()) and introduces_list(text) else ""
        self.last_paragraph = block
        self.open = []

    def add(self, block: Prose | Table | Code) -> None:
        if self.open:
            self.flush()
        self.doc.blocks.append(block)
        self.last_paragraph = self.term = None
        if not (isinstance(block, Prose) and block.kind == "title"):
            self.list_intro = ""

    def intro_text(self) -> str:
        """The prose right before what comes next: a paragraph or heading, and a tab's title."""
        blocks = self.doc.blocks
        last = blocks[-1] if blocks else None
        if not isinstance(last, Prose):
            return ""
        if last.kind != "title":  # (most: a paragraph or a heading alone)
            return last.text
        texts: list[str] = []
        for block in reversed(blocks):
            if not isinstance(block, Prose):
                break
            texts.insert(0, block.text)
            if block.kind != "title":
                break
        return "\n".join(texts)

    def intro(self) -> str:
        self.flush()
        return self.intro_text()

    def close_items(self, indent: int) -> None:
        """Leave the list items that a block at ``indent`` is not inside."""
        while self.items and self.items[-1][0] >= indent:
            self.items.pop()

    def start_block(self, kind: str, indent: int) -> None:
        """Open a paragraph or item at ``indent``; its parent is the nearest enclosing item."""
        if self.open:  # (most blocks start after a blank line, which ended the one before)
            self.flush()
        if self.items:
            self.close_items(indent)
        self.open_kind, self.open_indent = kind, indent
        self.open_parent = self.items[-1][1].text if self.items else ""

    def read(self) -> Document:
        i, lines, first = 0, self.lines, self.first
        size, shortcut, comments = len(lines), PLAIN_PROSE and not self.mdx, self.comments or not PLAIN_PROSE
        while i < size:
            line = lines[i]
            # Each block is told by the first characters of its line: a line is stripped once, and a
            # pattern is tried only on a line that starts as it must (most lines are prose).
            stripped = line.lstrip()
            if not stripped:  # (a line that holds something may still read as blank: see below)
                if self.open:  # (read_blank_line)
                    self.flush()
                if self.open_kind == "item":
                    self.open_kind = "paragraph"
                i += 1
                continue
            lead = stripped[0]
            if shortcut and lead.isalpha() and "<" not in line and "|" not in line and not (comments and "{/*" in line):
                # (PLAIN_PROSE) what the rest of this loop does with such a line, without asking what else it is
                # (leave_admonition, without the call: most lines are prose)
                if self.admonition is not None and self.admonition[0] >= 0 and _indent(line) <= self.admonition[0]:
                    self.flush()
                    self.admonition = None
                if not self.open:
                    if self.items:
                        self.start_block("paragraph", _indent(line))
                    else:  # (start_block, with nothing open to end and no item around: no call; the
                        # indent is not set: only an item's is read)
                        self.open_kind, self.open_parent = "paragraph", ""
                    self.open_line = first + i
                self.open.append(line)
                i += 1
                continue
            if (
                shortcut
                and lead in _ITEM_OR_HEADING
                and "<" not in line
                and "|" not in line
                and not (comments and "{/*" in line)
            ):
                # (PLAIN_PROSE) a list item or heading: what the rest of this loop does with it, as above
                item = _ITEM.match(line) if lead != "#" else None
                found = heading(stripped) if lead == "#" else None
                if item or found:
                    self.leave_admonition(line)
                    if found:
                        self.read_heading(i, found)
                    elif item:
                        self.read_item(i, line, item)
                    i += 1
                    continue
            if lead == "<" and stripped.startswith("<!--"):
                if self.open:
                    self.flush()
                i += 1
                if "-->" not in line:  # the lines up to the one that closes the comment are not read
                    while i < size and "-->" not in lines[i]:
                        i += 1
                    i += 1
                continue
            if lead in "`~" and stripped[:3] in ("```", "~~~"):  # (a fence opening: its mark, then its info string)
                info = stripped.lstrip(lead)
                i = self.read_fence(i, stripped[: len(stripped) - len(info)], info.lstrip())
                continue
            if "<" in line or (comments and "{/*" in line):
                if not self.open and _HTML_BLOCK.match(line):
                    i = self.read_html_block(i)
                    continue
                end = self.tag_end(i) if OPENING.match(line) else None
                if end is not None:  # a tag over several lines: <ParamField\n  path="x"\n>
                    self.read_props(i, "\n".join(lines[i : end + 1]))
                    self.read_tag_line(i, " ".join(lines[i : end + 1]))
                    i = end + 1
                    continue
                spans = list(_TAGS.finditer(line))
                for tag in spans:
                    self.read_props(i, line[tag.start : tag.end])
                text = strip_tags(line, spans)
                if line.strip() and not text.strip():
                    self.read_tag_line(i, line)
                    i += 1
                    continue
                line, stripped = text, text.lstrip()
            if self.mdx and not self.open and _ESM.match(line):
                line = stripped = ""
            lead = stripped[:1]
            if (
                not stripped
                or (lead == "{" and stripped.startswith("{{") and BLOCK_LINE.match(line))
                or (lead == "-" and stripped.startswith(INCLUDE_MARK))  # (is_include)
            ):
                self.read_blank_line(blank=not stripped)
                i += 1
                continue
            self.leave_admonition(line)
            found = heading(stripped) if lead == "#" else None
            if found:
                self.read_heading(i, found)
                i += 1
                continue
            if "|" in lines[i] and _is_table_start(lines, i):
                self.flush()
                self.close_items(_indent(line))
                i = self.read_table(i)
                continue
            if PLAIN_PROSE and lead not in _MARKERS and not lead.isdecimal():  # no title, directive, item, ...
                if not self.open:
                    self.start_block("paragraph", _indent(line))
                    self.open_line = first + i
                self.open.append(line)
                i += 1
                continue
            title = _TITLE.match(line) if lead in "!?=" and stripped[:3] in ("!!!", "???", "===") else None
            if title:
                self.flush()
                self.close_items(_indent(line))
                named = title.group("title") or ""
                self.add(Prose("title", named, self.first + i, section=self.section))
                if stripped[:3] != "===":
                    self.admonition = (_indent(line), named)
                i += 1
                continue
            directive = _DIRECTIVE.match(line) if lead == ":" and stripped.startswith(":::") else None
            if directive:
                self.flush()
                self.close_items(_indent(line))
                named = directive.group("bracket") or directive.group("title") or ""
                self.add(Prose("title", named, self.first + i, section=self.section))
                opening = bool(directive.group("kind"))
                self.admonition = (-1, named) if opening else None
                i += 1
                continue
            item = _ITEM.match(line) if lead in "-*+" or lead.isdecimal() else None
            if item:
                self.read_item(i, line, item)
                i += 1
                continue
            definition = _DEFINITION.match(line) if lead == ":" else None
            if definition and self.open and self.open_kind == "paragraph":
                self.flush()
            term = (self.last_paragraph or self.term) if definition else None
            if definition and term is not None:
                self.start_block("item", _indent(line))
                self.open_parent, self.term = term.text, term
                line = _unquoted(" " * definition.end() + line[definition.end() :])
            else:
                line = _QUOTE.sub("", line) if lead == ">" else line  # (_unquoted: stripped is its line's)
                if not self.open:
                    self.start_block("paragraph", _indent(line))
            if not self.open:  # (a block started here)
                self.open_line = first + i
            self.open.append(line)
            i += 1
        self.flush()
        return self.doc

    def leave_admonition(self, line: str) -> None:
        """End the ``!!!`` admonition being read when ``line`` is not indented inside it (the plain-prose
        shortcut in :meth:`read` does the same without a call)."""
        if self.admonition is not None and self.admonition[0] >= 0 and _indent(line) <= self.admonition[0]:
            self.flush()
            self.admonition = None

    def read_heading(self, i: int, found: tuple[int, str]) -> None:
        """A heading (``found``: its level and title) at line ``i``: it ends every list and starts a section."""
        line = self.first + i
        self.doc.headings.append((line, found[0]))
        self.items.clear()
        self.add(Prose("heading", found[1], line))
        self.section = found[1]

    def read_item(self, i: int, line: str, item: re.Match[str]) -> None:
        """The first line of a list item (``item``: its marker, up to where its text starts)."""
        self.start_block("item", _indent(line))  # (an item's line is no quote; start_block leaves none open)
        # (its text starts right after the match, which ends with spaces: a quote starts there)
        after = item.end()
        line = " " * after + line[after:]
        self.open_line = self.first + i
        self.open.append(_QUOTE.sub("", line) if line[after : after + 1] == ">" else line)

    def read_blank_line(self, blank: bool) -> None:
        """A line of no prose (blank, a block placeholder, an include) ends the paragraph; a blank one
        ends a list item too (what follows is a paragraph unless it is an item)."""
        if self.open:
            self.flush()
        if blank and self.open_kind == "item":
            self.open_kind = "paragraph"

    def tag_end(self, i: int) -> int | None:
        """The last line of a tag opened at line ``i`` and closed on a later line, if it is one.

        The tag is matched once over the lines up to a blank one (at most ``_LONGEST_TAG``): it
        ends at its first ``>`` outside quotes and braces, which must end a line after ``i``.
        """
        whole = "\n".join(self.lines[i : i + _LONGEST_TAG])
        blank = _BLANK_LINE.search(whole)
        whole = whole[: blank.start()] if blank else whole
        indent = len(whole) - len(whole.lstrip())
        found = _TAGS.match(whole, indent)
        if found is None:
            return None
        last = i + whole.count("\n", 0, found.end)
        line_end = whole.find("\n", found.end)
        rest = whole[found.end :] if line_end < 0 else whole[found.end : line_end]
        return last if last > i and not rest.strip() else None

    def read_props(self, i: int, tag: str) -> None:
        """A component's ``default`` prop for the setting it names, as a sentence (see jsx_props)."""
        found = prop_default(tag) if "default" in tag else None  # (no default prop without the word)
        if found is not None:
            offset, sentence = found
            line = self.first + i + tag.count("\n", 0, offset)
            self.doc.blocks.append(Prose("paragraph", sentence, line, section=self.section))

    def read_tag_line(self, i: int, line: str) -> None:
        """A line of tags only (``<Tabs>``, ``<Admonition title="Defaults">``, ``</div>``)."""
        self.flush()
        title = _TITLE_ATTRIBUTE.search(line)
        label = _LABEL_ATTRIBUTE.search(line)
        if title and not line.lstrip().startswith("</"):
            named = next(group for group in title.groups() if group is not None)
            self.add(Prose("title", named, self.first + i, section=self.section))
            self.admonition = (-1, named)
            return
        if line.lstrip().startswith("</") and self.admonition is not None and self.admonition[0] < 0:
            self.admonition = None
        # A tag ends the prose that introduces a code block; a tab's label is a title, as "=== "x"" is.
        self.add(Prose("tag", "", self.first + i, section=self.section))
        if label and not line.lstrip().startswith("</"):
            self.add(Prose("title", label.group(1) or label.group(2) or "", self.first + i, section=self.section))

    def read_html_block(self, i: int) -> int:
        """An HTML block, up to the next blank line, read by the HTML reader."""
        self.flush()
        self.close_items(_indent(self.lines[i]))
        end = i
        while end < len(self.lines) and self.lines[end].strip():
            end += 1
        fragment = read_fragment("\n".join(self.lines[i:end]), self.first + i)
        for block in fragment.blocks:
            if isinstance(block, Prose | Table) and not block.section:
                block.section = self.section
            self.add(block)
        return end

    def read_fence(self, i: int, mark: str, info: str) -> int:
        """A fenced code block opened at line ``i`` by ``mark`` (its run of backticks or tildes), whose
        info string (after the mark) is ``info``."""
        lang = fence_language(info)
        intro = self.intro()
        first, lines = self.first, self.lines
        start, body, size = first + i, [], len(lines)
        i += 1
        while i < size:
            line = lines[i]
            if mark in line and closes(line, mark):  # (a closing line holds the mark: only those are read)
                break
            body.append((first + i, line))
            i += 1
        self.doc.code_blocks.append((start, lang))
        self.add(Code(lang, start, body, intro))  # (which ends the list a paragraph introduced)
        return i + 1

    def read_table(self, i: int) -> int:
        header, start = split_cells(self.lines[i]), self.first + i
        rows = []
        i += 2
        while i < len(self.lines) and "|" in self.lines[i] and self.lines[i].strip():
            rows.append((self.first + i, split_cells(self.lines[i])))
            i += 1
        self.add(Table(header, start, rows, self.section))
        return i


def closes(line: str, mark: str) -> bool:
    """Whether ``line`` (no line break) closes a fence opened by ``mark``: only its mark's character,
    as many times or more, between spaces. Read by stripping: a match of re costs several times more."""
    body = line.strip()
    return len(body) >= len(mark) and not body.lstrip(mark[0])


# A placeholder searched in a whole page: what each line alone holds. Its one group is the name
# :func:`~transdocs.placeholders.placeholder_name` reads from PLACEHOLDER's two (the tests compare them).
# Each repeat is possessive (what follows it cannot start with what it repeats, so giving some back
# never matches more): re keeps no state to backtrack into (a tenth less a page).
NAMED_PLACEHOLDER = within_lines(re.compile(r"\{\{\s*+([A-Za-z_]\w*+(?:\.[A-Za-z_]\w*+)?+)\s*+\}\}"))


def read_markdown(text: str, mdx: bool = False) -> Document:
    """Blocks, headings, code blocks, placeholders and snippet includes of a page.

    ``mdx``: the page is MDX: ``import``/``export`` lines are skipped (JSX tags are
    skipped in every page, their text kept). Placeholders and includes are found when first asked,
    by name or with the line of each (see :class:`~transdocs.pages.document.Unlined`).
    """
    skip = front_matter_span(text)
    first_line = text.count("\n", 0, skip) + 1
    rest = text[skip:]
    if "\r" in rest:
        rest = rest.replace("\r\n", "\n")
    doc = _Reader(rest.split("\n"), first_line, mdx, "{/*" in rest).read()
    if "{{" in rest:
        doc.placeholders = Unlined(lambda: NAMED_PLACEHOLDER.findall(rest), lambda: _placeholders(rest, first_line))
    if INCLUDE_MARK in rest:
        doc.includes = Unlined(lambda: _includes(rest)[1], lambda: _numbered(rest, first_line, *_includes(rest)))
    return doc


def _placeholders(text: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, name) of each placeholder in ``text``: split at them, the text between two and
    each one's name alternate (no match object made), and a placeholder holds no line break."""
    parts = NAMED_PLACEHOLDER.split(text)
    found, line = [], first_line
    for at in range(1, len(parts), 2):
        line += parts[at - 1].count("\n")
        found.append((line, parts[at]))
    return found


def _includes(text: str) -> tuple[list[int], list[str]]:
    """Where the line of each line of ``text`` that :func:`is_include` starts, and that line stripped:
    the mark is found where it is (a search for the literal), and its line is one when only spaces
    come before it."""
    starts: list[int] = []
    names: list[str] = []
    at = text.find(INCLUDE_MARK)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if not text[start:at].strip():
            starts.append(start)
            names.append(text[start:end].strip())
        at = text.find(INCLUDE_MARK, end)
    return starts, names


def _numbered(text: str, first_line: int, starts: list[int], names: list[str]) -> list[tuple[int, str]]:
    """(line number, name) of each name, whose line starts at the offset beside it in ``starts``."""
    found: list[tuple[int, str]] = []
    line, counted = first_line, 0
    for start, name in zip(starts, names, strict=True):
        line += text.count("\n", counted, start)
        counted = start
        found.append((line, name))
    return found
