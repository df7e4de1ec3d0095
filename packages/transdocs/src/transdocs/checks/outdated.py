"""``outdated``: the English page changed since the translation was stamped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transdocs.checks import Check, Context, PageRead

if TYPE_CHECKING:
    from transdocs.report.findings import Finding

KIND = "outdated"
CHECK = Check(
    kind=KIND,
    severity="warning",
    description="the English page changed since the translation was stamped",
    affects="outdated",
    explain="""The English page changed since the version the translation records (source_hash in its front matter,
written by stamp-translation), or, in a tree never stamped, since the translation's last change in git.
Fails only with --strict. See what changed with translation-diff, update, then stamp-translation.""",
)


def run(page: PageRead, context: Context) -> list[Finding]:
    english, recorded = page.english, page.recorded_hash
    if page.doc is None or english is None or english.doc is None or recorded is None or recorded == english.hash:
        return []
    from transdocs.report.findings import Finding

    reason = f"translates an older {page.english_shown} (source_hash {recorded}, English is now {english.hash})"
    changed = f"see what changed: translation-diff {page.shown}"
    message = f"{reason}; {changed}; update it, then run: stamp-translation {page.shown}"
    return [Finding(page.shown, 1, page.page.lang, KIND, stated=recorded, expected=english.hash, message=message)]


def finish(context: Context) -> list[Finding]:
    """The translations that record no source_hash (known only once every page is read)."""
    if not context.unstamped:
        return []
    from transdocs.translations.unstamped import unstamped_findings

    return unstamped_findings(context.unstamped, context.stamped, context.show)
