"""Where each page of the docs is on the site, and what a reader should find on it.

Read from ``docs/``: a page the language does not have yet is shown in English under the
language's folder (static-i18n's fallback), with a notice.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.site import REPO
from transdocs.languages import DEFAULT_LANGUAGE

DOCS_DIR = REPO / "docs"
PAGES: tuple[str, ...] = tuple(sorted(path.stem for path in (DOCS_DIR / DEFAULT_LANGUAGE).glob("*.md")))

# A word from each language's retries page, as a reader would type it into the search box.
SEARCH_WORDS = {
    "en": "retries",
    "zh": "重试",
    "ja": "再試行",
    "fr": "tentatives",
    "pt": "tentativas",
    "ar": "المحاولات",
}

_H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


def page_path(language: str, page: str) -> str:
    """``("zh", "retries")`` -> ``"zh/retries/"``, relative to the site root; ``"index"`` is the home page."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix if page == "index" else f"{prefix}{page}/"


def is_translated(language: str, page: str) -> bool:
    return (DOCS_DIR / language / f"{page}.md").is_file()


def source(language: str, page: str) -> Path:
    """The Markdown file the page is built from: the translation, or the English page."""
    return DOCS_DIR / (language if is_translated(language, page) else DEFAULT_LANGUAGE) / f"{page}.md"


def title(language: str, page: str) -> str:
    """The page's ``# heading`` as written in its Markdown (attribute list removed)."""
    match = _H1.search(source(language, page).read_text(encoding="utf-8"))
    assert match, f"{source(language, page)} has no '# ' heading"
    return match.group(1).strip()
