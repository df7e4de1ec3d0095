"""``page-too-large``: a page over the size the checker reads, reported instead of read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "page-too-large"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page is over the size check-docs reads (generated or hostile), so it was not read",
    affects=None,
    explain="""A page larger than pages.reader.MAX_PAGE_BYTES (1 MB; real pages stay far below) is reported
instead of read, so a generated or hostile file cannot stall the run. Its values are not checked.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.oversize is None:
        return []
    from transdocs.report.findings import Finding

    return [Finding(page.shown, 1, page.lang, KIND, message=page.oversize)]
