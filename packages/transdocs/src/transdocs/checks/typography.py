"""``typography``: punctuation and spacing the page's language does not use (languages/typography.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    import re

    from transdocs.report.findings import Finding

KIND = "typography"
CHECK = Check(
    kind=KIND,
    severity="warning",
    description="spacing or punctuation the page's language does not use (French ' :', '32 秒 となり', '例:')",
    affects=None,
    explain="""Readers of each language expect its own typography: French sets ; : ! ? » apart with a no-break space
(U+202F or U+00A0, so a line never breaks before them) and « before what it opens; Japanese and Chinese put no space
between two CJK characters and use full-width punctuation after CJK text (例：, not 例:). The rules are data, under
[[typography]] in the language's file (languages/data/<lang>.toml, or your own with --languages DIR): German quotes
„…“ and Spanish ¿…? are rules of the same form. Code, URLs, placeholders, tags and their attributes, link targets
and front matter are not read; built HTML pages are read as readers see them, values and units the build inserted
included. English pages have no rules. A warning: it fails the run only with --strict.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.doc is None or page.problem is not None or page.written_in is None:
        return []  # unreadable or garbled: its encoding finding says it all
    own = context.languages.words(page.written_in)
    if not own.typography:
        return []
    # Modules by their dotted names (see stale_default.run), the last two only for a page that may hold a slip.
    import transdocs.languages.typography as rules
    import transdocs.pages.reader_view as reader_view

    doc = page.doc
    wanted: re.Pattern[str] | None = None
    numbers: set[int] | None = None
    if page.page.format == "html":
        wanted = rules.trigger(own.typography)
    else:  # the lines a slip may stand in, found by searching the page: none in most pages
        numbers = reader_view.lines_holding(page.text, doc, rules.page_triggers(own.typography))
        if not numbers:
            return []
    import transdocs.report.findings as findings
    import transdocs.style as style

    lines = style.reader_lines(page.text, doc, page.page.format, _mdx(page), wanted, numbers)
    source = context.languages.words(context.source_lang)
    return [
        findings.Finding(page.shown, line, page.lang, KIND, message=m)
        for line, m in style.typography(lines, own, source)
    ]


def _mdx(page: PageRead) -> bool:
    return page.page.path.suffix.lower() == ".mdx"
