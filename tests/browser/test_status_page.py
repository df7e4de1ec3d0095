"""The translation status page, as a reader finds it: in their language, with links that lead to the pages."""

from __future__ import annotations

import pytest

from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES

from .reader import Reader
from .site_pages import page_path, site_text, title

pytestmark = pytest.mark.browser

STATUS = "translation-status"
PAGE = "retries"


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_reads_in_each_language_and_its_cells_lead_to_the_pages(reader: Reader, language: str) -> None:
    reader.open(language, STATUS)
    text = site_text(language)
    assert (reader.html_lang(), reader.heading()) == (language, text["status_page.title"])
    table = reader.page.locator("article table.llm-status-table")
    assert table.is_visible()
    assert table.locator("thead th").first.inner_text().strip() == text["status_page.page"]

    # The reader's own column (English readers: the first translation), on the retries row.
    target = language if language != DEFAULT_LANGUAGE else next(lang for lang in LANGUAGES if lang != language)
    row = table.locator("tbody tr").filter(has=reader.page.locator(f"th:has-text('{PAGE}.md')"))
    link = row.locator(f"td a[hreflang='{target}']")
    with reader.page.expect_navigation():
        link.click()
    reader.settle()
    assert (reader.path(), reader.html_lang(), reader.heading()) == (
        page_path(target, PAGE),
        target,
        title(target, PAGE),
    )


def test_the_translating_page_leads_to_the_status_page(reader: Reader) -> None:
    reader.open("fr", "translating")
    with reader.page.expect_navigation():
        reader.page.locator("article a[href='../translation-status/']").first.click()
    reader.settle()
    assert (reader.path(), reader.heading()) == (page_path("fr", STATUS), site_text("fr")["status_page.title"])
