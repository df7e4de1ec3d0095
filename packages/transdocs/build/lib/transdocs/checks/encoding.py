"""``encoding``: a page is not UTF-8 or went through a wrong code page (mojibake)."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "encoding"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page is not UTF-8 or went through a wrong code page (mojibake)",
    affects="broken",
    explain="""A page that is not valid UTF-8, or whose text went through a wrong code page on its way (mojibake such as
'Ã©' for 'é', or CJK text read as Latin-1). The line named is the first garbled one.""",
)
