"""A page's prose read by one regular expression is the prose the span scanner reads.

:func:`transdocs.languages.detect.prose_of` reads a text with ``_NOT_PROSE_AT_ONCE`` (every span in
C) and hands a text where that search could repeat itself (a closer missing, a second tag or link
target opened before the first stops) to the scanner. Both readings are compared here on our docs,
the fixtures, the real corpus's pages when it is beside the clone, and random texts made of the
pieces each kind of span is made of; most texts must be read the quick way, or the comparison
would show nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from tests.support.real_corpus import page_texts
from transdocs.languages import detect

_PIECES = [
    "`", "``", "{{", "}}", "{%", "%}", "{ #a }", "{#a}", "{", "}", "#", "<", ">", "<a>", "</a>", "<a b='c'>",
    "<pre>", "</pre>", "<CODE>", "</code>", "<script>", "</Script>", "<style>", "</style>", "<scripts",
    "](", "[a](b)", ")", "]", "[", "\n", "\r\n", "```", "```py\n", "\n```\n", "  ```\n", "~", "~~", "~~~", "\n~~~\n",
    "\t", " ", "    ", "\t```", " ~~~",
    "a", "é", "中文", "&amp;", "&", ";", "http://x.y", "HTTPS://a", "hTtp://", "h", "H", "\0",
    "---\n", "...", "+++\n", "\ufeff",
]  # fmt: skip


def _both(text: str) -> tuple[str, str, bool]:
    """(prose_of's reading, the scanner's reading, whether prose_of read it at once)."""
    front = detect._FRONT.match(text)
    body = "\n" + (text[front.end() :] if front else text)
    at_once = detect._NOT_PROSE_AT_ONCE.split(body + detect._END)[-1].endswith(detect._END)
    return detect.prose_of(text), detect._prose_by_spans(body, front is not None), at_once


def _random_texts(pieces: list[str], seed: int, longest: int) -> Iterator[str]:
    """30,000 texts of up to ``longest`` pieces each, the same every run."""
    rng = random.Random(seed)
    for _ in range(30_000):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))


def test_pages_read_at_once_read_as_the_scanner_reads_them() -> None:
    pages = page_texts()
    quick = 0
    for text in pages:
        for part in (text, *text.split("\n")):  # (mojibake reads a page's lines one by one)
            read, scanned, at_once = _both(part)
            assert read == scanned, part[:200]
            quick += at_once
    assert quick > 0.9 * sum(text.count("\n") + 2 for text in pages)


def test_random_texts_read_at_once_read_as_the_scanner_reads_them() -> None:
    quick = 0
    for text in _random_texts(_PIECES, seed=18, longest=16):
        read, scanned, at_once = _both(text)
        assert read == scanned, repr(text)
        quick += at_once
    assert quick > 10_000


def test_a_search_that_would_repeat_itself_is_left_to_the_scanner() -> None:
    """An opener never closed, or a second one inside the first's stretch: the text is the scanner's."""
    for opener in ("{{ ", "{% ", "<script>", "<pre>", "```a\n", "~~~a\n", "<a ", "<", "</", "[a](", "](x]("):
        text = "# T\n\n" + opener * 20_000
        assert not _both(text)[2], opener
        assert _both(text)[0] == _both(text)[1]


def test_a_closed_fence_is_read_at_once() -> None:
    """A fence's lines are passed over a line at a time up to the first closing line (a lazy search
    tried the closer after every character): the closing line found is the scanner's, and the page is
    read the quick way."""
    bodies = ["", "x = 1\n", "a ``` b\n```py\n", " ````\n~~~~x\n", "```x\n", "\n\n", "é\t```\\\n"]
    for mark in ("```", "~~~"):
        for body in bodies:
            for closing in (mark, f"  {mark}", f"\t{mark} \t", f"{mark}  "):
                for after in ("", "\n", "\nText `code` after.\n", f"\n{mark}\nmore\n{mark}\n"):
                    text = f"# T\n\n{mark}py\n{body}{closing}{after}"
                    read, scanned, at_once = _both(text)
                    assert read == scanned, repr(text)
                    assert at_once, repr(text)


def test_a_closed_raw_block_or_placeholder_is_read_at_once() -> None:
    """A raw block's or placeholder's inside is passed over a run of other characters at a time up to
    its first closer (a lazy search tried the closer after every character): the closer found is the
    scanner's, in any case for a tag, after look-alikes of its first character, and the page is read
    the quick way."""
    closed = {"<script>": "</script>", "<PRE class=a>": "</Pre>", "<code>": "</CODE>", "<style>": "</style>"}
    closed |= {"{{ ": "}}", "{% ": "%}"}
    insides = ["", "x", "a < b", "<</", "</scrip", "</pre", "}", "} }", "%", "% }", "{{", "{%", "é\n中文\n", "\n\n"]
    for opener, closer in closed.items():
        for inside in insides:
            for after in ("", "\n", closer[-1] * 2, f" {closer} more {closer}\n", "\nText `code` after.\n"):
                text = f"# T\n\nSome {opener}{inside}{closer[0]}{closer}{after}"
                read, scanned, at_once = _both(text)
                assert read == scanned, repr(text)
                assert at_once, repr(text)


def test_a_fence_is_found_at_its_mark_with_any_indentation() -> None:
    """A fence is found at its mark, after the line's spaces and tabs (a look-behind for each
    indentation): its span takes the indentation as the scanner's span from the line end does. Up to
    ``_FENCE_INDENT`` the page is read the quick way; deeper, or a ``~~~`` after a space or a tab, or a
    mark after spaces that do not open the line, is the scanner's."""
    for mark in ("```", "~~~"):
        for depth in range(detect._FENCE_INDENT + 4):
            for pad in (" " * depth, "\t" * depth, " \t" * (depth // 2) + " " * (depth % 2)):
                for before in ("", "Text `a` b\n", "x\n" + pad + "`c`\n", "y" + pad):
                    text = f"# T\n{before}\n{pad}{mark}py\ncode `x`\n{pad}{mark}\nAfter `b` b{mark} end.\n"
                    read, scanned, at_once = _both(text)
                    assert read == scanned, repr(text)
                    assert at_once == ((mark == "```" and depth <= detect._FENCE_INDENT) or depth == 0), repr(text)


_URL_PIECES = [
    "://", ":", "//", "/", "http", "https", "HTTP", "hTtPs", "h", "H", "t", "T", "p", "P", "s", "S", "ſ", "ttp",
    "x", " ", "\n", "`", "`a`", "<a>", "](", ")", "]", "&amp;", "{{", "}}", "é", "中",
]  # fmt: skip


def test_a_url_is_found_at_its_colon_and_takes_its_scheme() -> None:
    """A URL is found at its ``://``, its scheme (``http`` or ``https``, any case, and ``ſ`` as an
    ``s``) behind it, and the scheme goes with its span: the prose is the scanner's, found at the
    ``h``, for URLs after letters, spans, other URLs and look-alike schemes."""
    url = next(kind.opener for kind in detect._NOT_PROSE.kinds if kind.name == "url")
    urls = 0
    for text in _random_texts(_URL_PIECES, seed=15, longest=14):
        read, scanned, at_once = _both(text)
        assert read == scanned, repr(text)
        urls += at_once and url.search(text) is not None
    assert urls > 400
    for scheme in ("http", "https", "HTTPS", "htTpſ", "hhttp", "xhttps", "httpss", "ttps", "`http`s", "<a>https"):
        for after in ("://x", "://x y", "://", ":// x", "://x\nhttp://y", "://x`a`://b"):
            text = f"See {scheme}{after} and http://more.\n"
            read, scanned, at_once = _both(text)
            assert read == scanned, repr(text)
            assert at_once, repr(text)
