"""Stale defaults: a page states a value for a setting other than its default in the code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from transdocs.languages import DEFAULT_LANGUAGE, base_language
from transdocs.languages.words import LanguageFiles
from transdocs.pages.discover import Page
from transdocs.pages.document import Document
from transdocs.report.findings import Finding, stale_default
from transdocs.statements.lexicon import lexicon
from transdocs.statements.page import code_evidence, page_values
from transdocs.statements.scope import Sections, applicable
from transdocs.statements.targets import Targets, stated_if_different

if TYPE_CHECKING:
    from transdocs.checks import PageRead


def words_language(lang: str | None, languages: LanguageFiles) -> str | None:
    """The language whose words read the page: ``zh`` for ``zh-Hans``; English for one without words."""
    if lang is None:
        return None
    base = base_language(lang)
    return base if languages.has_words(base) else DEFAULT_LANGUAGE


def stale_findings(
    page: Page,
    doc: Document,
    lang: str | None,
    english: Document | None,
    targets: Targets,
    languages: LanguageFiles,
    evidence: Sequence[frozenset[str]] | None = None,
) -> list[Finding]:
    """The stale defaults ``page`` states (read in ``lang``, the language it is written in).

    ``evidence``: ``code_evidence(english, ...)`` when the caller keeps it for every translation.
    """
    found: list[Finding] = []
    if not targets:
        return found  # no settings configured: no value to compare with
    sections: Sections | None = None
    lex = lexicon(words_language(lang, languages), targets, languages)
    for line, setting, value in page_values(doc, lex, english, evidence):
        target = targets.by_setting[setting]
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


def read_findings(read: PageRead, targets: Targets, languages: LanguageFiles) -> list[Finding]:
    """``stale_findings`` of a page as the runner read it (its document read, with no encoding problem).

    What the English original's code blocks show is the same for each of its translations: read once
    (``code_evidence``, kept with the English page)."""
    assert read.doc is not None
    english = read.english.doc if read.english is not None else None
    evidence = None
    if read.english is not None and english is not None:
        original = english
        evidence = read.english.once("code_evidence", lambda: code_evidence(original, targets, languages))
    return stale_findings(read.page, read.doc, read.written_in, english, targets, languages, evidence)
