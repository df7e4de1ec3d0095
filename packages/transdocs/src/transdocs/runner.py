"""Check pages: read each page once, then run every check of :mod:`transdocs.checks` on it.

The runner reads; the checks judge. Reading a page gives a :class:`~transdocs.checks.PageRead`:
its text as decoded and as readers see its numbers, its declared language and the one it is
written in, its document, its encoding problem, and, for a translation, its English page (read
once for all its translations). Each check's ``run`` gets that and the run's
:class:`~transdocs.checks.Context`; a line keeps one kind of value finding (:func:`one_per_line`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from transdocs.align.compare import lay_out
from transdocs.checks import Context, EnglishRead, PageRead, units
from transdocs.encoding.mojibake import check_text
from transdocs.languages.detect import read_page_language
from transdocs.page_cache import PageResult
from transdocs.pages.broken_placeholders import ONCE as BROKEN_ONCE
from transdocs.pages.broken_placeholders import broken_placeholders
from transdocs.pages.broken_placeholders import message as placeholder_message
from transdocs.pages.discover import Page, absolute_text, working_folder
from transdocs.pages.document import Document
from transdocs.pages.html import html_language, read_html
from transdocs.pages.markdown import read_markdown
from transdocs.pages.reader import PageText, read_within
from transdocs.pages.visible import Visible, visible
from transdocs.placeholders import uses_placeholders
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.translations.hash_stamp import recorded_hash
from transdocs.translations.value_drift import numbered_statements


def _source_of(page: Page) -> str | None:
    """The language ``page``'s English original is written in (its layout's source language)."""
    return page.layout.source if page.layout is not None else None


def is_mdx(path: Path) -> bool:
    return path.suffix.lower() == ".mdx"


# English originals kept read at once. A run checks an English page's translations one after the
# other (see ``batch``), so a few suffice; keeping all of them grew memory with the tree.
ENGLISH_KEPT = 16


# A page decoded, as readers see it and parsed (the last two None when not valid), and for an English
# original its broken placeholders (else None: worked out by the structure check, when it asks).
MarkdownRead = tuple[PageText, Visible | None, Document | None, list[tuple[int, str]] | None]


def _alone(read: PageText | str) -> MarkdownRead | str:
    """An HTML page's reading: what was read (it is seen and parsed later), or why it was not."""
    return read if isinstance(read, str) else (read, None, None, None)


class Checker:
    """Checks pages one by one with the run's context, reading each English original once
    when its translations come together."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.english: OrderedDict[Path, EnglishRead | None] = OrderedDict()
        self.runs = [unit.run for unit in units() if unit.run is not None]
        # An English page is read as a page and as its translations' original: the first reading
        # waits here for the second (keyed by path and language), so the file is read and parsed once.
        pages = context.discovery.pages
        # Each path made absolute once, as text (``Path.absolute`` asks the system for the working folder
        # and builds a new path each time; an English page's path is asked for by each of its translations).
        # (by the path's text: a path hashes slowly the first time, its text is kept once asked)
        self.here = working_folder()
        self.absolute: dict[str, str] = {}
        for page in pages:
            for path in (page.path, page.english):
                if path is not None and str(path) not in self.absolute:
                    self.absolute[str(path)] = absolute_text(path, self.here)
        english = {self.absolute[str(page.english)] for page in pages if page.english is not None}
        self.originals = english & {self.absolute[str(page.path)] for page in pages}
        self.shared: dict[tuple[str, str | None], MarkdownRead] = {}

    def _absolute(self, path: Path) -> str:
        found = self.absolute.get(str(path))
        return found if found is not None else absolute_text(path, self.here)

    def _read_markdown(self, path: Path, lang: str | None) -> MarkdownRead | str:
        """``path``'s :data:`MarkdownRead`, once per original; or why it is not read (too large:
        :func:`~transdocs.pages.reader.read_within`). An original's broken placeholders are worked out
        here, once: its translations compare with what it meant, and its structure check reports them."""
        key = (self._absolute(path), lang)
        if key in self.shared:
            return self.shared.pop(key)
        read = read_within(path)
        if isinstance(read, str):
            return read
        seen = visible(read.text, lang) if read.valid else None
        doc = read_markdown(seen.text, mdx=is_mdx(path)) if seen is not None else None
        if key[0] not in self.originals:
            return read, seen, doc, None
        broken = None
        if seen is not None and doc is not None and not is_mdx(path):
            broken = broken_placeholders(seen.text, len(doc.placeholder_names()))
        self.shared[key] = (read, seen, doc, broken)
        return read, seen, doc, broken

    def english_page(self, path: Path, lang: str | None = None) -> EnglishRead | None:
        """The English page (in ``lang``, the layout's source language) of translations, read once."""
        if path in self.english:
            self.english.move_to_end(path)
        else:
            if len(self.english) >= ENGLISH_KEPT:
                self.english.popitem(last=False)
            lang = lang or self.context.source_lang
            absolute = self._absolute(path)
            # (a page the run found is a file: only a path no page was found at is asked of the system)
            found = (absolute, lang) in self.shared or absolute in self.originals or path.is_file()
            known = self._read_markdown(path, lang) if found else None
            if known is None:
                self.english[path] = None
            elif isinstance(known, str):  # too large: its own finding says so; its translations are not compared
                self.english[path] = EnglishRead("", None)
            else:
                page, seen, doc, broken = known
                text = seen.text if seen is not None else visible(page.text, lang).text
                if doc is not None and not is_mdx(path):
                    # Compare translations with what English meant; the broken token is English's finding.
                    # (A copy when it has some: the page's own reading may share this document, which
                    # nothing else changes; its placeholders' lines are worked out once, when first asked.)
                    broken = broken if broken is not None else broken_placeholders(text, len(doc.placeholder_names()))
                    if broken:
                        doc = replace(doc, placeholders=doc.placeholders + broken)
                self.english[path] = EnglishRead(
                    text,
                    doc,
                    numbered_statements(doc, self.context.targets) if doc else {},
                    lay_out(doc, text) if doc else None,
                    page.text,
                )
        return self.english[path]

    def read(self, page: Page) -> PageRead:
        """Everything the checks read of ``page``, read once."""
        known = self._read_markdown(page.path, page.lang) if page.format != "html" else _alone(read_within(page.path))
        if isinstance(known, str):  # too large
            return PageRead(page, lang=page.lang, written_in=page.lang, oversize=known)
        read, seen, doc, broken = known
        text, problem = read.text, read.problem
        lang = page.lang
        if read.valid and page.format == "html":
            lang = html_language(text) or lang
        languages = self.context.languages
        reading = read_page_language(text, lang, languages) if read.valid else None
        if problem is None:
            problem = check_text(text, lang, reading, languages, read.data or None)  # (b"": no bytes kept)
        found = PageRead(page, raw=text, lang=lang, written_in=lang, reading=reading, problem=problem)
        if broken is not None:
            found.once(BROKEN_ONCE, lambda: broken)
        if not read.valid:
            return found
        # Every check reads numbers as readers see them; what hid them is a finding of its own.
        if seen is None:  # an HTML page (a Markdown one was seen as it was read)
            seen = visible(text, lang)
            doc = read_html(seen.text)
        found.text, found.hidden, found.doc = seen.text, seen.hidden, doc
        if reading is not None and (lang is None or (not reading.reads_as_expected and reading.lang is not None)):
            found.written_in = reading.lang  # its defaults are read in the language it is really written in
        if page.english is not None:
            found.english_shown = self.context.show(page.english)
            found.english = self.english_page(page.english, _source_of(page))
            found.recorded_hash = recorded_hash(seen.text)
        return found

    def check(self, page: Page) -> tuple[list[Finding], PageRead]:
        """``page``'s findings, and what was read of it."""
        read = self.read(page)
        found: list[Finding] = []
        for run in self.runs:
            found += run(read, self.context)
        return one_per_line(found), read

    def result(self, page: Page) -> PageResult:
        """``page``'s findings, and what the run learns from it across pages."""
        found, read = self.check(page)
        state = unstamped(read)
        return PageResult(tuple(found), state is True, state is False, read.english_shown, page_uses_placeholders(read))


def unstamped(read: PageRead) -> bool | None:
    """Whether a translation compared with its English page records no source_hash (None: not one)."""
    if read.doc is None or read.english is None or read.english.doc is None:
        return None
    return read.recorded_hash is None


def page_uses_placeholders(read: PageRead) -> bool:
    """Whether the page (an English one) or its English page writes our placeholders."""
    if read.doc is not None and read.page.english is None and uses_placeholders(read.text):
        return True
    english = read.english
    return english is not None and bool(english.once("uses_placeholders", lambda: uses_placeholders(english.text)))


# How the placeholder findings begin (transdocs.pages.broken_placeholders, translations.structure_diff).
_PLACEHOLDER_MESSAGES = (placeholder_message("").split("write")[0], "placeholders differ from English")


def placeholder_noise(found: list[Finding]) -> list[Finding]:
    """``found`` without placeholder findings (for a run where no English page uses our placeholders)."""
    return [f for f in found if not (f.kind == kinds.STRUCTURE and f.message.startswith(_PLACEHOLDER_MESSAGES))]


_VALUE_KINDS = (kinds.STALE, kinds.VALUE_DRIFT, kinds.TRANSLATED_VALUE)


def one_per_line(found: list[Finding]) -> list[Finding]:
    """One kind of value finding per line: a stale default over drift from English, drift over a
    translated literal (a line naming two settings keeps both of its stale defaults)."""
    best: dict[int, int] = {}
    for f in found:
        if f.kind in _VALUE_KINDS:
            rank = _VALUE_KINDS.index(f.kind)
            best[f.line] = min(rank, best.get(f.line, rank))
    return [f for f in found if f.kind not in _VALUE_KINDS or best[f.line] == _VALUE_KINDS.index(f.kind)]
