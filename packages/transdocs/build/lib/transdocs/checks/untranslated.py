"""``untranslated``: a page in a language's place is written in another language."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "untranslated"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page in a language's place is written in another language",
    affects="untranslated",
    explain="""A page in a language's place (folder, suffix, <html lang>) that is written in another language, usually
English copied and not yet translated. Its defaults are checked in the language it is written in.""",
)
