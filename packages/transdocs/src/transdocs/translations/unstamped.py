"""Outdated findings of the translations that record no ``source_hash``.

In a tree where some translations are stamped, a page without a stamp is news. In a tree
never stamped the project keeps no stamps: a translation is outdated when git says its English
page changed after it (and nothing is said without git history).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from transdocs.pages.discover import Page
from transdocs.pages.reader import read_page
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding
from transdocs.translations.git_outdated import git_outdated
from transdocs.translations.hash_stamp import recorded_hash

# Unstamped pages whose other translations are looked at, when only a few pages are checked.
_SIBLINGS_LOOKED_AT = 8


def unstamped_findings(unstamped: Sequence[Page], stamped: bool, show: Callable[[Path], str]) -> list[Finding]:
    """``unstamped``'s findings; ``stamped``: whether any translation of the run records a source_hash."""
    if stamped or any(_stamped_sibling(page) for page in unstamped[:_SIBLINGS_LOOKED_AT]):
        return [_no_hash(page) for page in unstamped]
    return git_outdated(unstamped, show)


def _stamped_sibling(page: Page) -> bool:
    """Whether another language's translation of the same English page is stamped (the project stamps)."""
    if page.layout is None or page.english is None:
        return False
    for lang, path in page.layout.translations_of(page.english).items():
        if lang != page.lang and path != page.path and path.is_file():
            read = read_page(path)
            if read.valid and recorded_hash(read.text) is not None:
                return True
    return False


def _no_hash(page: Page) -> Finding:
    message = f"has no source_hash; update it, then run: stamp-translation {page.shown}"
    return Finding(page.shown, 1, page.lang, kinds.OUTDATED, message=message)
