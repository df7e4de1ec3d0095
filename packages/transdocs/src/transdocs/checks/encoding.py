"""``encoding``: a page is not UTF-8 or went through a wrong code page (mojibake)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "encoding"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page is not UTF-8 or went through a wrong code page (mojibake)",
    affects="broken",
    explain="""A page that is not valid UTF-8, or whose text went through a wrong code page on its way (mojibake such as
'Ã©' for 'é', or CJK text read as Latin-1). The line named is the first garbled one.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    if page.problem is None:
        return []
    from transdocs.report.findings import Finding

    return [Finding(page.shown, page.problem.line, page.lang, KIND, message=page.problem.message)]
