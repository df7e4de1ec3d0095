"""How a page is written, read as its readers see it: typography slips and glossary slips.

Both read the page's prose line by line (:mod:`transdocs.pages.reader_view`: no code, URLs,
markup or front matter), in the language the page is really written in. Typography rules
come from the language file (:mod:`transdocs.languages.typography`); glossary terms from the
project's glossary file (:mod:`transdocs.glossary`). Each check asks only for the lines whose
source can hold what it looks for (a mark, an avoided word): most lines are passed by.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from pathlib import Path

from transdocs import glossary
from transdocs.languages.typography import Rule, may_slip
from transdocs.languages.typography import slips as typography_slips
from transdocs.languages.words import Words
from transdocs.pages.document import Document
from transdocs.pages.reader_view import document_lines, markdown_lines

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def reader_lines(
    text: str,
    doc: Document,
    format: str,
    mdx: bool,
    wanted: re.Pattern[str] | None = None,
    numbers: Container[int] | None = None,
) -> list[tuple[int, str]]:
    """(line number, text as readers see it) of a page's prose (Markdown, or a built HTML page's
    article): with ``wanted``, only the lines whose source it finds something in; with ``numbers``
    (Markdown), only the lines numbered so."""
    if format == "html":
        lines: Iterator[tuple[int, str]] = document_lines(doc, wanted)
    else:
        lines = markdown_lines(text, doc, mdx, wanted, numbers)
    return list(lines)


def _in_source_language(line: str, own: Words, source: Words) -> bool:
    """A line written in the source language inside a translation ("`off`: do not replace the prompt"),
    as machine-assisted translations leave them: its typography is the source language's."""
    theirs, ours = set(source.common_words), set(own.common_words)
    found = [word.lower() for word in _WORD.findall(line)]
    return sum(word in theirs for word in found) >= 2 and not any(word in ours for word in found)


def typography(lines: list[tuple[int, str]], own: Words, source: Words) -> list[tuple[int, str]]:
    """(line, message) for each typography slip of the rules in ``own`` (the page's language)."""
    rules: tuple[Rule, ...] = own.typography
    found: list[tuple[int, str]] = []
    if not rules or not may_slip([line for _, line in lines], rules):
        return found
    for number, line in lines:
        slipped = typography_slips(line, rules)
        if slipped and not _in_source_language(line, own, source):
            found += [(number, message) for _, message in slipped]
    return found


def glossary_slips(lines: list[tuple[int, str]], terms: tuple[glossary.Term, ...]) -> list[tuple[int, str, str, str]]:
    """(line, word as written, the glossary's word, message) for each avoided word in ``lines``."""
    terms = tuple(term for term in terms if term.avoid)
    found: list[tuple[int, str, str, str]] = []
    if not terms:
        return found
    english = {term.use: term.english for term in terms}
    for number, line in lines:
        for slip in glossary.slips(line, terms):
            if _lists_term(line, english[slip.use]):
                continue  # a glossary table's row names the words to avoid
            written = line[slip.offset : slip.offset + len(slip.word)]
            message = f"{written!r}: the glossary says {slip.use!r} (it avoids {slip.word!r})"
            found.append((number, written, slip.use, message))
    return found


def _lists_term(line: str, english: str) -> bool:
    """Whether ``line`` is a table row whose first cell is the English term (a glossary's own table)."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return len(cells) > 2 and cells[0].lower() == english.lower()


def terms_for(
    configured: str | None, lang: str | None, docs_root: Path | None, source: str
) -> tuple[glossary.Term, ...]:
    """The glossary terms of ``lang`` (none for the source language or a page without one)."""
    if lang is None or lang == source:
        return ()
    path = glossary.glossary_path(configured, lang, docs_root)
    return glossary.load_terms(path, lang, configured is not None) if path is not None else ()
