"""``unsupported-file``: a docs file of a type check-docs does not read was given."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "unsupported-file"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a docs file of a type check-docs does not read was given",
    affects=None,
    explain="""A file given on the command line that check-docs does not read (not .md, .mdx, .markdown or HTML): its
values are not checked. Pass folders or pages.""",
)


def finish(context: Context) -> list[Finding]:
    """Documentation files of a type check-docs does not read (reported, not skipped)."""
    if not context.discovery.unread:
        return []
    from transdocs.pages.walk import PAGE_SUFFIXES
    from transdocs.report.findings import Finding

    return [
        Finding(
            context.show(path),
            1,
            None,
            KIND,
            message=(
                f"not read: check-docs reads {', '.join(PAGE_SUFFIXES)} and HTML pages, not {path.suffix} files; "
                "its defaults are not checked"
            ),
        )
        for path in context.discovery.unread
    ]
