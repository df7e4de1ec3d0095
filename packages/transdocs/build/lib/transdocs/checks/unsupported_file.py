"""``unsupported-file``: a docs file of a type check-docs does not read was given."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "unsupported-file"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a docs file of a type check-docs does not read was given",
    affects=None,
    explain="""A file given on the command line that check-docs does not read (not .md, .mdx, .markdown or HTML): its
values are not checked. Pass folders or pages.""",
)
