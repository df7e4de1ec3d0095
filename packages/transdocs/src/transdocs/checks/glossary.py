"""``glossary``: a translation uses a word its language's glossary avoids (transdocs.glossary)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from pathlib import Path

    from transdocs.glossary import Term
    from transdocs.report.findings import Finding

KIND = "glossary"
CHECK = Check(
    kind=KIND,
    severity="warning",
    description="a translation uses a word its glossary avoids, where the glossary's word is wanted",
    affects=None,
    explain="""A project that keeps a glossary (per language: English term -> the word used, and the words avoided)
gets one word per idea across its pages: "réglage" where the glossary says "paramètre" is reported on its line.
The glossary is the glossary: section of <docs>/_data/<lang>.yml by default (the layout of the MkDocs sites the
transdocs plugin builds), or the file glossary = "path/{lang}.yml" under [tool.check-docs] (or --glossary) names:
YAML (needs PyYAML), TOML or JSON, with the terms under glossary: or at the top. Code, URLs and markup are not
read. A warning: it fails the run only with --strict.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.doc is None or page.problem is not None or page.written_in is None:
        return []
    layout, lang = page.page.layout, page.written_in
    root, source = (layout.root, layout.source) if layout is not None else (None, context.source_lang)
    # Found once per run for each language and docs folder (not a path and a stat per page).
    terms: tuple[Term, ...] = context.once((KIND, lang, source, root), lambda: _avoiding(context, lang, root, source))
    if not terms:
        return []
    from transdocs.glossary import any_avoided
    from transdocs.report.findings import Finding
    from transdocs.style import glossary_slips, reader_lines

    doc, mdx = page.doc, page.page.path.suffix.lower() == ".mdx"
    lines = reader_lines(page.text, doc, page.page.format, mdx, any_avoided(terms))
    return [
        Finding(page.shown, line, page.lang, KIND, stated=written, expected=use, message=message)
        for line, written, use, message in glossary_slips(lines, terms)
    ]


def _avoiding(context: Context, lang: str, root: Path | None, source: str) -> tuple[Term, ...]:
    """The glossary terms of ``lang``'s pages under ``root``, when any of them avoids a word (else none)."""
    from transdocs.languages import base_language
    from transdocs.style import terms_for

    terms = terms_for(context.glossary, base_language(lang), root, base_language(source))
    return terms if any(term.avoid for term in terms) else ()
