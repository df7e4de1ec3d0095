"""Outdated translations of a tree that was never stamped, from git history.

A translation is outdated when its English page changed after the translation's last
change: one finding per page, naming both changes. Where git knows neither page, or
there is no git, nothing is reported: a tree without stamps or history gives no
outdated finding at all, instead of "no source_hash" on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from transdocs.pages.discover import Page
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.translations.last_change import last_changes


def git_outdated(pages: Sequence[Page], show: Callable[[Path], str]) -> list[Finding]:
    """An outdated finding for each translation whose English page changed after it."""
    pairs = [(page, page.english) for page in pages if page.english is not None]
    if not pairs:
        return []
    changes = last_changes({path for page, english in pairs for path in (page.path, english)})
    found = []
    for page, english in pairs:
        theirs, ours = changes.get(english), changes.get(page.path)
        if theirs is None or ours is None or theirs.age >= ours.age:
            continue  # unknown to git, or the translation is as new as its English page
        message = (
            f"{show(english)} changed after this page (English: {theirs.describe()}; "
            f"this page: {ours.describe()}); see what changed: git log -p {ours.commit}.. -- {show(english)}"
        )
        found.append(Finding(page.shown, 1, page.lang, kinds.OUTDATED, message=message))
    return found
