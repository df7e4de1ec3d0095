"""``stale-default``: a page states a default that differs from the code's settings."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "stale-default"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page states a default that differs from the code's settings",
    affects="broken",
    explain="""A page states a value for a setting (in prose, a table, a code block or a component's props, in any
language with words) that differs from the default in the settings check-docs was given. Needs settings
(--settings, or settings = ... under [tool.check-docs]). Fix the page, or the settings.""",
)
