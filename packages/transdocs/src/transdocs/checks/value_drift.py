"""``value-drift``: a translation states another value than its English page in the same place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "value-drift"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a translation states another value than its English page in the same place",
    affects="broken",
    explain="""A translated page states a value where its English page states another one in the same section, table row
or component prop. No settings needed, and it works for languages check-docs has no words for. When the
English page is the stale one (it contradicts the settings), the message says so and names its line.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if not page.compared:
        return []
    import transdocs.translations.value_drift as value_drift  # see stale_default.run

    return value_drift.drift_findings(page, context.targets)
