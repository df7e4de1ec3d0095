"""``missing-translation``: an English page has no translation in a language folder that was checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "missing-translation"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="an English page has no translation in a language folder that was checked",
    affects="missing",
    explain="""An English page with no translation in a language whose folder was checked as a whole. Translate it
(then stamp it with stamp-translation).""",
)


def finish(context: Context) -> list[Finding]:
    """English pages whose translation is missing in a language folder that was checked as a whole."""
    from transdocs.report.findings import Finding

    missing = []
    known = context.discovery.known  # the pages found exist: only the others are looked for on disk
    for layout in context.discovery.layouts:
        for english in layout.english_pages():
            for lang, expected in layout.translations_of(english, known).items():
                # (a stat first: most translations exist, and whether a folder covers a path is a walk up its parents)
                if str(expected) not in known and not expected.is_file() and context.discovery.covers(expected):
                    message = f"no translation of {context.show(english)}"
                    missing.append(Finding(context.show(expected), 1, lang, KIND, message=message))
    return missing
