"""A page's prose as readers see it, line by line: what typography and glossary checks read.

Left out: front matter, code (fenced, inline, ``<pre>``, ``<code>``), HTML comments and tags with their
attributes, link targets and reference definitions, URLs, placeholders (``{{ … }}`` stands for
a value, ``{% … %}`` for nothing), attribute lists (``{ #id }``), emoji shortcodes
(``:smile:``), MDX ``import`` lines and Markdown's own marks (``**``, ``[``, ``\\``, a table's
delimiter row); where markup stood (emphasis, a link, a tag) the line holds
:data:`transdocs.languages.typography.MARKUP`. Entities are read as their characters (``&nbsp;`` is a no-break space).
A built HTML page is read through its article (:func:`transdocs.pages.html.read_html`). Every
step is linear in the line (see :mod:`transdocs.spans`).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Container, Iterable, Iterator

from transdocs import regex_cache
from transdocs.languages.typography import MARKUP
from transdocs.pages.document import Code, Document, Prose, Table
from transdocs.pages.front_matter import front_matter_span
from transdocs.spans import Kind, Scanner, Span, lazily_closed

# A value readers see where code or a placeholder is: a letter of no script rules look at.
_VALUE = "x"
_CODE = (Kind("code", re.compile(r"``"), re.compile(r"``")), Kind("code", re.compile(r"`"), re.compile(r"`")))
_URL = Kind("url", re.compile(r"(?<![\w+.-])[A-Za-z][\w+.-]*://[^\s<>()\[\]\"'`]*|\bwww\.[^\s<>()\[\]\"'`]+"))
_LINE_SPANS = Scanner(
    [
        *_CODE,
        Kind("code", re.compile(r"<(?:code|kbd|samp)\b[^<>\n]*>", re.I), re.compile(r"</(?:code|kbd|samp)\s*>", re.I)),
        Kind("comment", re.compile(r"<!--"), re.compile(r"-->")),
        Kind("value", re.compile(r"\{\{"), re.compile(r"\}\}")),
        Kind("template", re.compile(r"\{[%#]"), re.compile(r"[%#]\}")),
        Kind("attributes", re.compile(r"\{:?[ \t]*[#.][\w-]"), re.compile(r"\}")),
        Kind("tag", re.compile(r"</?[A-Za-z][\w.:-]*(?:\s(?:[^<>\"'{}]|\"[^\"\n]*\"|'[^'\n]*'|\{[^{}\n]*\})*)?/?>")),
        _URL,
        Kind("target", re.compile(r"\]\("), re.compile(r"\)")),
        Kind("target", re.compile(r"\]\["), re.compile(r"\]")),
        Kind("emoji", re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])")),
    ]
)
# A built page's text: its tags are gone, its inline code is in backticks (pages.html).
_HTML_SPANS = Scanner([*_CODE, _URL])
_REPLACEMENT = {"code": _VALUE, "value": _VALUE, "url": _VALUE, "target": "]", "tag": MARKUP}
# Markdown's own marks: emphasis, brackets of links, escapes, an image's "!". Replaced in most lines:
# as the character each starts with, then each branch of the plain pattern after it, looking back at
# that character (the pattern opens with a character class, so re skips to those characters in C;
# behind a look-ahead it tried a match at every position). The same matches as MARKUP_MARKS.
MARKUP_MARKS = r"!(?=\[)|[\[\]*]|~~|(?<![^\W_])_+|_+(?![^\W_])|\\(?=[^\w\s])"
_MARKUP = regex_cache.compile(
    r"[!\[\]*~_\\](?:(?<=!)(?=\[)|(?<=[\[\]*])|(?<=~)~|(?<=_)(?<![^\W_]_)_*|(?<=_)_*(?![^\W_])|(?<=\\)(?=[^\w\s]))"
)
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s")
_ESM = re.compile(r"^(?:import|export)\s")
_OPEN_TAG = re.compile(r"<[A-Za-z!/][^>]*$")
_RAW_BLOCK = re.compile(r"<(pre|script|style|code)\b", re.IGNORECASE)


def _replace(span: Span) -> str:
    return _REPLACEMENT.get(span.kind, "")


def _markup(match: re.Match[str]) -> str:
    return "" if match.group(0).startswith("\\") else MARKUP


# The spans of _LINE_SPANS but URLs, found by one regular expression in C (no Python work a span but
# its replacement's): each kind a branch opening with its first character (re skips to those in C),
# in the scanner's order among the kinds that share it; a closer searched lazily and kept once found
# (an atomic group, as the scanner's search); each kind's replacement named by an empty group closing
# its branch. A URL may start at any letter: a line holding "://" or "www." is the scanner's. Where re
# would search again and again (a closer missing: every later opener of its kind searches to the
# line's end), the branch takes the rest of the line in a group of its own, and the line is the
# scanner's too (linear in any line).
_AT_ONCE_REPLACEMENT: dict[str | None, str] = {None: ""}  # (by the name of the match's last group)
_names = itertools.count()


def _kind(replacement: str) -> str:
    name = f"k{next(_names)}"
    _AT_ONCE_REPLACEMENT[name] = replacement
    return f"(?P<{name}>)"


def _closed(closer: str, replacement: str | None = None) -> str:
    found = _kind(replacement) if replacement is not None else ""
    return lazily_closed(closer, found, f"(?P<again{next(_names)}>)")


_LINE_AT_ONCE = regex_cache.compile(
    "|".join(
        [
            "``" + _closed("``", _VALUE),
            "`" + _closed("`", _VALUE),
            r"<(?:(?i:(?:code|kbd|samp)\b[^<>\n]*>)" + _closed(r"(?i:</(?:code|kbd|samp)\s*>)", _VALUE),
            "!--" + _closed("-->"),
            r"/?[A-Za-z][\w.:-]*(?:\s(?:[^<>\"'{}]|\"[^\"\n]*\"|'[^'\n]*'|\{[^{}\n]*\})*)?/?>" + _kind(MARKUP) + ")",
            r"\{(?:\{" + _closed(r"\}\}", _VALUE),
            "[%#]" + _closed(r"[%#]\}"),
            r":?[ \t]*[#.][\w-]" + _closed(r"\}") + ")",
            r"\](?:\(" + _closed(r"\)", "]"),
            r"\[" + _closed(r"\]", "]") + ")",
            r":(?<![\w:]:)[a-z0-9_+-]+:(?![\w:])",  # (the emoji's look-behind after its ":")
        ]
    )
)


class _Again(Exception):
    """A closer of the line is missing: the scanner reads the line."""


def _at_once_replacement(match: re.Match[str]) -> str:
    found = _AT_ONCE_REPLACEMENT.get(match.lastgroup)
    if found is None:
        raise _Again
    return found


def line_at_once(line: str) -> str | None:
    """``line`` with its spans replaced as ``_LINE_SPANS.sub(_replace, line)`` replaces them, or None
    when the scanner must read it (a URL, or a closer missing)."""
    if "://" in line or "www." in line:
        return None
    try:
        return _LINE_AT_ONCE.sub(_at_once_replacement, line)
    except _Again:
        return None


def markdown_line(line: str) -> str:
    """One line of Markdown prose as readers see it (:data:`MARKUP` where markup stood). A line without
    a span is not searched for where one may start first: that was a second search of most lines
    (the one of :func:`line_at_once` finds nothing in them, as fast)."""
    quick = line_at_once(line)  # (the same text: a test compares both ways)
    seen = _LINE_SPANS.sub(_replace, line) if quick is None else quick
    seen = _MARKUP.sub(_markup, seen) if "\\" in seen else _MARKUP.sub(MARKUP, seen)  # (no call per mark)
    return html.unescape(seen) if "&" in seen else seen


def _code_lines(doc: Document) -> set[int]:
    """The lines of code blocks, their fences included."""
    lines: set[int] = set()
    for block in doc.blocks:
        if isinstance(block, Code):
            numbers = [number for number, _ in block.lines]
            if block.unfenced:
                lines.update(numbers)
            else:
                lines.update(range(block.line, (numbers[-1] if numbers else block.line) + 2))
    return lines


def lines_holding(text: str, doc: Document, searches: Iterable[tuple[str, re.Pattern[str]]]) -> set[int]:
    """The numbers of the lines :func:`markdown_lines` may read of the page (past its front matter, outside
    code blocks) in which one of ``searches`` (a character, and a pattern whose matches start with it and
    look past no line end) finds something. Each pattern searches the whole page, and only a page holding
    its character: most pages hold nothing any finds, even in code."""
    skip = front_matter_span(text)
    found = [match.start() for char, pattern in searches if char in text for match in pattern.finditer(text, skip)]
    if not found:
        return set()
    numbers, line, counted = set(), text.count("\n", 0, skip) + 1, skip
    for at in sorted(found):
        line += text.count("\n", counted, at)
        counted = at
        numbers.add(line)
    return numbers - _code_lines(doc)


def markdown_lines(
    text: str,
    doc: Document,
    mdx: bool = False,
    wanted: re.Pattern[str] | None = None,
    numbers: Container[int] | None = None,
) -> Iterator[tuple[int, str]]:
    """(line number, text as readers see it) for every prose line of a Markdown page; with ``wanted``,
    only for the lines whose source it finds something in, with ``numbers`` only for the lines numbered
    so (the others cannot hold what is looked for). Lines that may open a tag are read all the same."""
    skip = front_matter_span(text)
    first = text.count("\n", 0, skip) + 1
    code = _code_lines(doc)
    in_comment = in_tag = False
    raw_block: str | None = None
    for index, line in enumerate(text[skip:].split("\n")):
        number = first + index
        if number in code:
            continue
        if raw_block is not None:  # inside <pre>, <script>, <style>: until its closing tag
            if f"</{raw_block}" in line.lower():
                raw_block = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if in_tag:  # a tag whose attributes go on over lines
            end = line.find(">")
            if end < 0:
                continue
            in_tag, line = False, line[end + 1 :]
        if wanted is not None and not wanted.search(line) and "<" not in line:
            continue  # (a tag may open here and go on over the next lines)
        if numbers is not None and number not in numbers and "<" not in line and "&lt;" not in line:
            continue  # (or in what readers see of "&lt;", which ``numbers`` need not hold)
        # (each pattern asked only of a line holding a character it needs: "-", "]:", "<")
        if ("-" in line and _DELIMITER_ROW.match(line)) or ("]:" in line and _REFERENCE.match(line)):
            continue
        if mdx and _ESM.match(line):
            continue
        opened = _RAW_BLOCK.search(line) if "<" in line else None
        if opened and f"</{opened.group(1).lower()}" not in line[opened.end() :].lower():
            raw_block, line = opened.group(1).lower(), line[: opened.start()]
        if "<!--" in line and "-->" not in line[line.rindex("<!--") :]:
            in_comment, line = True, line[: line.rindex("<!--")]
        seen = markdown_line(line)
        unclosed = _OPEN_TAG.search(seen) if "<" in seen else None
        if unclosed:
            in_tag, seen = True, seen[: unclosed.start()]
        if seen.strip():
            yield number, seen


def html_line(text: str) -> str:
    """A line of a built page's text (entities read, tags gone, code in backticks) as readers see it."""
    return _HTML_SPANS.sub(_replace, text)


def document_lines(doc: Document, wanted: re.Pattern[str] | None = None) -> Iterator[tuple[int, str]]:
    """(line number, text as readers see it) for the prose and table cells of a built HTML page."""
    for block in doc.blocks:
        if isinstance(block, Prose):
            offset = 0
            for part in block.text.split("\n"):
                if wanted is not None and not wanted.search(part):
                    offset += len(part) + 1
                    continue
                seen = html_line(part)
                if seen.strip():
                    yield block.line_at(offset), seen
                offset += len(part) + 1
        elif isinstance(block, Table):
            rows = [(block.line, block.header), *block.rows]
            for number, cells in rows:
                seen = html_line(" | ".join(cells))
                if seen.strip():
                    yield number, seen
