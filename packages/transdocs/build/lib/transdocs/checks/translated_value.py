"""``translated-value``: a translation gives the English default text translated."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "translated-value"
CHECK = Check(
    kind=KIND,
    severity="warning",
    description="a translation gives the English default text translated",
    affects=None,
    explain="""A translated page gives English's default text translated ('이 페이지에서' for 'On this page').
Fails only with --strict: some libraries localise their default texts. Keep the English literal otherwise.""",
)
