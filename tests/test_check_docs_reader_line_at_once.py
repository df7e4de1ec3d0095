"""A line's spans replaced by one regular expression are replaced as the span scanner replaces them.

:func:`transdocs.pages.reader_view.markdown_line` replaces a line's code, placeholders, tags, link
targets... with ``_LINE_AT_ONCE`` (every span in C) and hands a line holding a URL, or where that
search could repeat itself (a closer missing), to the scanner. Both are compared here on the lines of
our docs, the fixtures, the real corpus's pages when it is beside the clone, and random lines made
of the pieces each kind of span is made of; most lines must be read the quick way, or the
comparison would show nothing.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

from transdocs.pages import reader_view

ROOT = Path(__file__).parent.parent
CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (ROOT.parent, ROOT.parent.parent) if (base / "shared").is_dir()),
    None,
)
_PIECES = [
    "`", "``", "<code>", "</code>", "<KBD x>", "</samp >", "<sampx>", "<!--", "<!-", "-", "-->", "{{", "}}",
    "{%", "%}", "{#", "#}", "{:", "{ #a", "{.b", "{:.c", "}", "<a>", "</a>", "<a b='c'>", '<a b="{">', "<a {x}>",
    "<X.y/>", "](", "][", ")", "]", "[", ":smile:", "a:b:", "::x:", ":x", ":+1:", " ", "a", "中", "\t", "\0", "<",
    ">", "/", "{", "http://x", "www.x", "&amp;", "\\", "*",
]  # fmt: skip


def _lines() -> list[str]:
    paths = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    if CORPUS is not None and CORPUS.is_dir():
        paths += [*CORPUS.rglob("*.md"), *CORPUS.rglob("*.mdx")]
    lines = [line for path in sorted(paths) for line in path.read_text(encoding="utf-8", errors="replace").split("\n")]
    rng = random.Random(18)
    return lines + ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(40_000)]


def test_lines_read_at_once_read_as_the_scanner_reads_them() -> None:
    lines = _lines()
    quick = 0
    for line in lines:
        read = reader_view.line_at_once(line)
        if read is not None:
            assert read == reader_view._LINE_SPANS.sub(reader_view._replace, line), repr(line)
            quick += 1
    assert quick > 0.6 * len(lines)


def test_a_line_whose_search_would_repeat_itself_is_left_to_the_scanner() -> None:
    """An opener never closed, or a URL: the line is the scanner's (and read as it reads it)."""
    for opener in ("<code>", "<!--", "{{", "{%", "{#", "{:#a", "](", "[a]("):
        line = "a " + opener * 20_000
        assert reader_view.line_at_once(line) is None, opener
        assert reader_view.markdown_line(line) == reader_view.markdown_line(line + " ")[:-1]
    assert reader_view.line_at_once("see https://example.org `x`") is None


def test_a_line_is_seen_as_the_scanner_and_the_plain_marks_read_it() -> None:
    """markdown_line reads every line at once when it can (not only those where a span may start): what
    it gives is the scanner's spans replaced, then Markdown's marks, then entities, as they were read."""
    marks = re.compile(reader_view.MARKUP_MARKS)
    for line in _lines():
        plain = marks.sub(reader_view._markup, reader_view._LINE_SPANS.sub(reader_view._replace, line))
        assert reader_view.markdown_line(line) == (html.unescape(plain) if "&" in plain else plain), repr(line)
