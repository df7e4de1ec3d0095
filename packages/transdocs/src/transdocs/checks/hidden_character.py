"""``hidden-character``: something readers do not see sits inside a number (pages.visible)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "hidden-character"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="an invisible character, comment, tag, entity or direction override sits inside a number",
    affects="broken",
    explain="""A soft hyphen, zero-width space, word joiner, <!-- --> or <span> inside a number, a digit written as
an entity (&#48;), or a right-to-left override around digits shows readers another number than the source
holds: 30<soft hyphen>0 reads 300. Every check reads the number as readers see it (so a stale 300 is found);
this finding says where the hidden part is, so the number can be written plainly.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if not page.hidden:
        return []
    from transdocs.report.findings import Finding

    return [Finding(page.shown, hidden.line, page.lang, KIND, message=hidden.message()) for hidden in page.hidden]
