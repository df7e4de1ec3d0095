"""``stale-default``: a page states a default that differs from the code's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

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


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.doc is None or page.problem is not None or not context.targets:
        return []  # unreadable, garbled (its encoding finding says it all), or no settings to compare with
    # The module by its dotted name: "from transdocs.statements.stale import read_findings" also asked the
    # module for a __path__ it lacks (a failed look-up, about 1 µs a page for each name imported so), and
    # "from transdocs.statements import stale" ran importlib's _handle_fromlist (Python) at every page.
    import transdocs.statements.stale as stale

    return stale.read_findings(page, context.targets, context.languages)
