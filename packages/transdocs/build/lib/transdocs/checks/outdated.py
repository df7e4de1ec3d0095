"""``outdated``: the English page changed since the translation was stamped."""

from __future__ import annotations

from transdocs.checks import Check

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
