"""``value-drift``: a translation states another value than its English page in the same place."""

from __future__ import annotations

from transdocs.checks import Check

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
