"""The search box finds pages in the reader's language, and never pages of another language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.site import SITE_LANGUAGES as LANGUAGES
from transdocs.languages import DEFAULT_LANGUAGE

from .reader import Reader
from .site_pages import SEARCH_WORDS, is_translated, page_path, source

pytestmark = pytest.mark.browser

# In the pages of every language (prose and code), so an index mixing languages would show it.
SHARED_WORD = "litellm"


def _language_and_page(path: str) -> tuple[str, str]:
    """``"ja/retries/"`` -> ``("ja", "retries")``; ``""`` -> ``("en", "index")``."""
    parts = [part for part in path.split("/") if part]
    language = parts.pop(0) if parts and parts[0] in LANGUAGES else DEFAULT_LANGUAGE
    return language, parts[0] if parts else "index"


def _search(reader: Reader, language: str, word: str) -> list[tuple[str, str]]:
    """(language, page) of every result link for ``word`` typed on the language's home page."""
    reader.open(language)
    reader.page.locator("input.md-search__input").click()
    # What an input method does (needed for 重试, 再試行, المحاولات): commit the word at once, then
    # a key is released. Material searches on key release.
    reader.page.keyboard.insert_text(word)
    reader.page.keyboard.press("End")
    expect(reader.page.locator(".md-search-result__list > li").first).to_be_visible()
    links = reader.page.locator(".md-search-result__list a").evaluate_all("links => links.map(a => a.href)")
    assert all(link.startswith(reader.site_url) for link in links), links
    return [_language_and_page(link.removeprefix(reader.site_url).split("?")[0].split("#")[0]) for link in links]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_readers_language_only(reader: Reader, language: str) -> None:
    native = SEARCH_WORDS[language]
    assert native in source(language, "retries").read_text(encoding="utf-8"), "pick a word from the page"

    for word in (native, SHARED_WORD):
        found = _search(reader, language, word)
        assert {lang for lang, _ in found} == {language}, f"{word!r} on {page_path(language, 'index')!r}: {found}"
        assert all(is_translated(language, page) for _, page in found), f"English fallbacks in results: {found}"
        if word == native:
            assert (language, "retries") in found
