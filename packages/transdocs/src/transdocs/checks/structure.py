"""``structure``: a translation's headings, code blocks, placeholders, snippet includes or front matter differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "structure"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a translation's headings, code blocks, placeholders, snippet includes or front matter differ",
    affects="broken",
    explain="""A translation whose headings (count and levels), code blocks (count and languages), placeholders, snippet
includes or front matter differ from its English page, a broken placeholder, or a translation with no
English page. Prose is translated; everything else must match.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.doc is None:
        return []
    import transdocs.translations.structure_diff as structure_diff  # see stale_default.run

    return structure_diff.structure_findings(page)
