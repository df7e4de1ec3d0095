"""Check pages: stale defaults, broken encoding, drifted structure, outdated translations."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from transdocs.align.compare import Laid, lay_out
from transdocs.encoding.mojibake import check_text
from transdocs.languages import DEFAULT_LANGUAGE, base_language
from transdocs.languages.detect import prose_of, read_language
from transdocs.languages.words import has_words
from transdocs.pages.broken_placeholders import broken_placeholders
from transdocs.pages.broken_placeholders import message as placeholder_message
from transdocs.pages.discover import Discovery, Page
from transdocs.pages.document import Document
from transdocs.pages.html import html_language, read_html
from transdocs.pages.markdown import read_markdown
from transdocs.pages.reader import read_page, too_large
from transdocs.placeholders import uses_placeholders
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding, stale_default, untranslated, value_drift
from transdocs.statements.lexicon import lexicon
from transdocs.statements.page import page_values
from transdocs.statements.scope import Sections, applicable
from transdocs.statements.targets import stated_if_different, targets
from transdocs.translations.aligned_drift import aligned_findings
from transdocs.translations.frontmatter import front_matter_problem, recorded_hash
from transdocs.translations.git_outdated import git_outdated
from transdocs.translations.source_hash import source_hash
from transdocs.translations.structure import compare
from transdocs.translations.value_drift import Statements, numbered_statements
from transdocs.translations.value_drift import value_drift as find_drift


@dataclass(frozen=True)
class _English:
    """An English page, read once for all its translations."""

    text: str
    doc: Document | None  # None when the English page itself is unreadable
    values: Statements = field(default_factory=dict)  # numbers next to settings, per section (value drift)
    laid: Laid | None = None  # its sections and the places that state values (aligned value drift)


def _words_language(lang: str | None) -> str | None:
    """The language whose words read the page: ``zh`` for ``zh-Hans``; English for one without words."""
    if lang is None:
        return None
    base = base_language(lang)
    return base if has_words(base) else DEFAULT_LANGUAGE


def stale_findings(page: Page, doc: Document, lang: str | None, english: Document | None = None) -> list[Finding]:
    found: list[Finding] = []
    if not targets():
        return found  # no settings configured: no value to compare with
    sections: Sections | None = None
    for line, setting, value in page_values(doc, lexicon(_words_language(lang)), english):
        target = targets()[setting]
        if len(target.variants) > 1 or target.info.pages or target.info.section is not None:
            sections = sections or Sections.of(doc, english)
            scoped = applicable(target.variants, page.english or page.path, sections, line)
            if scoped is None:
                continue  # this name's defaults are for other pages or sections
            target = replace(target, info=scoped)
        stated = stated_if_different(target, value)
        if stated is not None:
            found.append(stale_default(page.shown, line, lang, target.info.label, stated, target.expected))
    return found


def _is_mdx(path: Path) -> bool:
    return path.suffix.lower() == ".mdx"


def _declared(page: Page) -> bool:
    """The page's language comes from where it is (a language folder, ``<html lang>``), not ``--lang``."""
    return page.format == "html" or (page.layout is not None and page.layout.name != "loose")


class Checker:
    """Checks pages one by one, reading each English original once."""

    def __init__(self, found: Discovery | None = None) -> None:
        self.english: dict[Path, _English | None] = {}
        self.discovery = found or Discovery()
        self.unstamped: list[Page] = []  # translations that record no source_hash
        self.english_of: dict[str, str] = {}  # translated page -> its English page, as shown
        # Whether an English page writes our placeholders (else "{{" means something else there).
        self.uses_placeholders = False
        self.stamped = False  # whether any translation records a source_hash

    def placeholder_noise(self, found: list[Finding]) -> list[Finding]:
        """``found`` without placeholder findings when no English page uses our placeholders."""
        if self.uses_placeholders:
            return found
        return [f for f in found if not (f.kind == kinds.STRUCTURE and f.message.startswith(_PLACEHOLDER_MESSAGES))]

    def unstamped_findings(self) -> list[Finding]:
        """Outdated findings of the translations that record no ``source_hash``.

        In a tree where some translations are stamped, a page without a stamp is news. In a
        tree never stamped the project keeps no stamps: a translation is outdated when git
        says its English page changed after it (and nothing is said without git history).
        """
        if self.stamped or any(_stamped_sibling(page) for page in self.unstamped[:_SIBLINGS_LOOKED_AT]):
            return [_no_hash(page) for page in self.unstamped]
        return git_outdated(self.unstamped, self.discovery.show)

    def english_page(self, path: Path) -> _English | None:
        if path not in self.english:
            if not path.is_file():
                self.english[path] = None
            elif too_large(path) is not None:  # its own finding says so; its translations are not compared
                self.english[path] = _English("", None)
            else:
                page = read_page(path)
                doc = read_markdown(page.text, mdx=_is_mdx(path)) if page.valid else None
                if doc is not None and not _is_mdx(path):
                    # Compare translations with what English meant; the broken token is English's finding.
                    doc.placeholders += broken_placeholders(page.text)
                self.uses_placeholders = self.uses_placeholders or uses_placeholders(page.text)
                self.english[path] = _English(
                    page.text,
                    doc,
                    numbered_statements(doc) if doc else {},
                    lay_out(doc, page.text) if doc else None,
                )
        return self.english[path]

    def check(self, page: Page) -> list[Finding]:
        oversize = too_large(page.path)
        if oversize is not None:
            return [Finding(page.shown, 1, page.lang, kinds.TOO_LARGE, message=oversize)]
        read = read_page(page.path)
        text, problem = read.text, read.problem
        lang = page.lang
        if read.valid and page.format == "html":
            lang = html_language(text) or lang
        reading = read_language(prose_of(text), lang) if read.valid else None
        if problem is None:
            problem = check_text(text, lang, reading)
        found = []
        if problem is not None:
            found.append(Finding(page.shown, problem.line, lang, kinds.ENCODING, message=problem.message))
        if not read.valid:
            return found
        if page.english is None:  # an English page, or one checked without its original
            self.uses_placeholders = self.uses_placeholders or uses_placeholders(text)
        doc = read_html(text) if page.format == "html" else read_markdown(text, mdx=_is_mdx(page.path))
        if page.format == "md":
            broken = front_matter_problem(text)
            if broken is not None:
                found.append(Finding(page.shown, broken[0], lang, kinds.STRUCTURE, message=broken[1]))
            if not _is_mdx(page.path) and problem is None:  # in MDX, braces are JSX; garbled text breaks them
                found += [
                    Finding(page.shown, line, lang, kinds.STRUCTURE, message=placeholder_message(name))
                    for line, name in broken_placeholders(text)
                ]
        if problem is None:
            written_in = lang
            if reading is not None and not reading.reads_as_expected and reading.lang is not None:
                written_in = reading.lang
                if _declared(page):
                    found.append(untranslated(page.shown, lang, reading.lang))
            elif lang is None and reading is not None:
                written_in = reading.lang
            # A page's stale defaults are read in the language it is really written in.
            original = self.english_page(page.english) if page.english is not None else None
            found += stale_findings(page, doc, written_in, original.doc if original is not None else None)
        if page.english is not None:
            # Garbled text breaks placeholders and headings too; its encoding finding says it all.
            found += self.translation_findings(page, text, doc, structure=problem is None)
        return _one_per_line(found)

    def translation_findings(self, page: Page, text: str, doc: Document, structure: bool) -> list[Finding]:
        assert page.english is not None
        shown_english = self.discovery.show(page.english)
        self.english_of[page.shown] = shown_english
        english = self.english_page(page.english)
        if english is None:
            message = f"no English page {shown_english}: remove this page or write the English one first"
            return [Finding(page.shown, 1, page.lang, kinds.STRUCTURE, message=message)]
        if english.doc is None:
            return []
        found = [
            Finding(page.shown, line, page.lang, kinds.STRUCTURE, message=message)
            for line, message in (compare(english.doc, doc, shown_english) if structure else [])
        ]
        if structure and len(english.doc.headings) == len(doc.headings):  # sections line up
            found += [
                value_drift(page.shown, d.line, page.lang, d.setting, d.stated, d.expected)
                for d in find_drift(english.values, doc)
            ]
        if structure:
            laid = english.laid or english.doc
            found += aligned_findings(page.shown, page.lang, laid, english.text, doc, text)
        current, recorded = source_hash(english.text), recorded_hash(text)
        if recorded is None:
            # Known only once every page is read: whether the tree is stamped at all (see check_paths).
            self.unstamped.append(page)
        else:
            self.stamped = True
        if recorded is not None and recorded != current:
            reason = f"translates an older {shown_english} (source_hash {recorded}, English is now {current})"
            changed = f"see what changed: translation-diff {page.shown}"
            message = f"{reason}; {changed}; update it, then run: stamp-translation {page.shown}"
            found.append(
                Finding(page.shown, 1, page.lang, kinds.OUTDATED, stated=recorded, expected=current, message=message)
            )
        return found


# Unstamped pages whose other translations are looked at, when only a few pages are checked.
_SIBLINGS_LOOKED_AT = 8


def _stamped_sibling(page: Page) -> bool:
    """Whether another language's translation of the same English page is stamped (the project stamps)."""
    if page.layout is None or page.english is None:
        return False
    for lang, path in page.layout.translations_of(page.english).items():
        if lang != page.lang and path != page.path and path.is_file():
            read = read_page(path)
            if read.valid and recorded_hash(read.text) is not None:
                return True
    return False


# How the placeholder findings begin (transdocs.pages.broken_placeholders, translations.structure).
_PLACEHOLDER_MESSAGES = (placeholder_message("").split("write")[0], "placeholders differ from English")


def _no_hash(page: Page) -> Finding:
    message = f"has no source_hash; update it, then run: stamp-translation {page.shown}"
    return Finding(page.shown, 1, page.lang, kinds.OUTDATED, message=message)


_VALUE_KINDS = (kinds.STALE, kinds.VALUE_DRIFT, kinds.TRANSLATED_VALUE)


def _one_per_line(found: list[Finding]) -> list[Finding]:
    """One kind of value finding per line: a stale default over drift from English, drift over a
    translated literal (a line naming two settings keeps both of its stale defaults)."""
    best: dict[int, int] = {}
    for f in found:
        if f.kind in _VALUE_KINDS:
            rank = _VALUE_KINDS.index(f.kind)
            best[f.line] = min(rank, best.get(f.line, rank))
    return [f for f in found if f.kind not in _VALUE_KINDS or best[f.line] == _VALUE_KINDS.index(f.kind)]
