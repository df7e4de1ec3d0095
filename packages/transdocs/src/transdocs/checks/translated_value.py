"""``translated-value``: a translation gives the English default text translated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "translated-value"
CHECK = Check(
    kind=KIND,
    severity="warning",
    description="a translation gives the English default text translated",
    affects=None,
    explain="""A translated page gives English's default text translated ('이 페이지에서' for 'On this page').
Fails only with --strict: some libraries localise their default texts. Keep the English literal otherwise.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if not page.compared:
        return []
    import transdocs.translations.value_drift as value_drift  # see stale_default.run

    return [finding for finding in value_drift.aligned_of(page) if finding.kind == KIND]
