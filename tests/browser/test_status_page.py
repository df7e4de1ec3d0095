"""The translation status page, as a reader finds it: in their language, with links that lead to the pages."""

from __future__ import annotations

import pytest

from tests.support.site import SITE_LANGUAGES as LANGUAGES
from tests.support.site import site_text

from .reader import Reader
from .site_pages import page_path, title

pytestmark = pytest.mark.browser

STATUS = "translation-status"
PAGE = "retries"

# Material fetches each language's sitemap (one per <link rel=alternate>) to switch languages;
# once they are in, it may take over clicks on links into another language's part of the site
# (depending on which sitemap came first): the links must still lead where they say.
_SITEMAPS_LOADED = """() => {
  const wanted = document.querySelectorAll("link[rel=alternate]").length;
  const fetched = performance.getEntriesByType("resource").filter(e => e.name.endsWith("/sitemap.xml"));
  return fetched.length >= wanted;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_reads_in_each_language_and_its_cells_lead_to_the_pages(reader: Reader, language: str) -> None:
    reader.open(language, STATUS)
    text = site_text(language)
    assert (reader.html_lang(), reader.heading()) == (language, text["status_page.title"])
    table = reader.page.locator("article .llm-status table")
    assert table.is_visible()
    assert table.locator("thead th").first.inner_text().strip() == text["status_page.page"]

    # A cell in another language's column, on the retries row: the link leads to that page,
    # not to this status page in that language (what the language menu's links do).
    target = LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]
    reader.page.wait_for_function(_SITEMAPS_LOADED)
    row = table.locator("tbody tr").filter(has=reader.page.locator(f"th:has-text('{PAGE}.md')"))
    link = row.locator(f"a[hreflang='{target}']")
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
