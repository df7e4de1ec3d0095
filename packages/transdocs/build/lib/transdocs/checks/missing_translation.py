"""``missing-translation``: an English page has no translation in a language folder that was checked."""

from __future__ import annotations

from transdocs.checks import Check

KIND = "missing-translation"
CHECK = Check(
    kind=KIND,
    severity="error",
    description="an English page has no translation in a language folder that was checked",
    affects="missing",
    explain="""An English page with no translation in a language whose folder was checked as a whole. Translate it
(then stamp it with stamp-translation).""",
)
