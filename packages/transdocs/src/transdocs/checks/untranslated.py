"""``untranslated``: a page in a language's place is written in another language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "untranslated"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="a page in a language's place is written in another language",
    affects="untranslated",
    explain="""A page in a language's place (folder, suffix, <html lang>) that is written in another language, usually
English copied and not yet translated. Its defaults are checked in the language it is written in.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    reading = page.reading
    if page.doc is None or page.problem is not None or reading is None:
        return []  # unreadable, or garbled: its encoding finding says it all
    if reading.reads_as_expected or reading.lang is None:
        return []
    from transdocs.report.findings import untranslated

    return [untranslated(page.shown, page.lang, reading.lang)] if page.page.declares_language else []
