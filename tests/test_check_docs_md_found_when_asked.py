"""A Markdown page's placeholders and snippet includes are found only when asked, by name or with lines.

Comparing two pages reads the names alone; a line goes in a finding, which few pages have. Each way of
asking must answer what reading every line alone answers (the plain reading kept here), in either order.
"""

from __future__ import annotations

import random
from dataclasses import replace

from tests.support.real_corpus import page_texts
from transdocs.pages.document import Document
from transdocs.pages.front_matter import front_matter_span
from transdocs.pages.markdown import is_include, read_markdown
from transdocs.placeholders import PLACEHOLDER, placeholder_name


def _texts() -> list[str]:
    pieces = ["{{", "}}", " ", "\t", "\r", "\n", "\r\n", "a", "a.b", "--8<--", '"f"', "\u2003", "\x85", "---", "x"]
    rng = random.Random(14)
    return [*page_texts(), *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(20_000))]


def _plain(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(placeholders, includes) of ``text``, each (line, name), from its lines read one by one."""
    skip = front_matter_span(text)
    first = text.count("\n", 0, skip) + 1
    lines = text[skip:].replace("\r\n", "\n").split("\n")
    found = [(first + i, placeholder_name(m)) for i, line in enumerate(lines) for m in PLACEHOLDER.finditer(line)]
    return found, [(first + i, line.strip()) for i, line in enumerate(lines) if is_include(line)]


def test_names_and_lines_are_what_each_line_alone_holds_whichever_is_asked_first() -> None:
    for text in _texts():
        placeholders, includes = _plain(text)
        names_first = read_markdown(text)
        assert names_first.placeholder_names() == [name for _, name in placeholders], repr(text)
        assert names_first.include_names() == [name for _, name in includes], repr(text)
        assert names_first.placeholders == placeholders, repr(text)
        assert names_first.includes == includes, repr(text)
        assert names_first.placeholder_names() == [name for _, name in placeholders], repr(text)
        lines_first = read_markdown(text)
        assert lines_first.placeholders == placeholders, repr(text)
        assert lines_first.includes == includes, repr(text)
        assert lines_first.placeholder_names() == [name for _, name in placeholders], repr(text)
        assert lines_first.include_names() == [name for _, name in includes], repr(text)


def test_placeholders_set_as_a_list_are_read_back_and_named_from_it() -> None:
    doc = read_markdown('A {{ a.env }}\n\n--8<-- "x.py"\n\nB {{ b }}\n')
    broken = [(7, "c.default")]
    copy = replace(doc, placeholders=doc.placeholders + broken)
    assert copy.placeholders == [(1, "a.env"), (5, "b"), (7, "c.default")]
    assert copy.placeholder_names() == ["a.env", "b", "c.default"]
    assert copy.includes == doc.includes == [(3, '--8<-- "x.py"')]
    assert doc.placeholder_names() == ["a.env", "b"]


def test_documents_made_without_placeholders_do_not_share_a_list() -> None:
    first, second = Document(), Document()
    first.placeholders.append((1, "a"))
    first.includes.append((2, "--8<--"))
    assert second.placeholders == second.includes == []
    assert second.placeholder_names() == second.include_names() == []
    assert first.placeholder_names() == ["a"]
    assert first == Document(placeholders=[(1, "a")], includes=[(2, "--8<--")])
