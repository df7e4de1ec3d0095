"""Every page of every language declares its language and reads in its direction.

Arabic reads right to left: its text, and the whole layout mirrored (navigation on the
right, table of contents on the left). Code stays left to right in every language. A page
not translated yet says so, in the reader's language. After each test, conftest checks
what the pages did: no request to another host, no failed request, no console error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Locator

from tests.support.site import SITE_LANGUAGES as LANGUAGES
from tests.support.site import SITE_PATH, copy_project, mkdocs_build, site_text
from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.languages.words import right_to_left

from .reader import Reader
from .server import serve_folder
from .site_pages import PAGES, is_translated, title

pytestmark = pytest.mark.browser

NOTICE = "article .llm-notice-untranslated"
TRANSLATIONS = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
UNTRANSLATED_PAGE = "troubleshooting"


def _direction(locator: Locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def _centre_x(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box and box["width"] > 0, f"{locator} is not displayed"
    return box["x"] + box["width"] / 2


def _check_direction(reader: Reader, language: str) -> None:
    """Text, layout and code run the way the language reads (desktop size: all three columns shown)."""
    expected = "rtl" if right_to_left(language) else "ltr"
    where = reader.path()
    for selector in ("body", ".md-content", "article"):
        assert _direction(reader.page.locator(selector).first) == expected, f"{where}: {selector}"

    code = reader.page.locator("article pre code")
    assert [_direction(code.nth(i)) for i in range(code.count())] == ["ltr"] * code.count(), f"{where}: code"

    columns = [
        _centre_x(reader.page.locator(selector))
        for selector in (".md-sidebar--primary", ".md-content", ".md-sidebar--secondary")
    ]
    assert columns == sorted(columns, reverse=expected == "rtl"), (
        f"{where}: navigation, content, table of contents at x = {columns}: not laid out {expected}"
    )


def _check_untranslated_notice(reader: Reader, language: str, page: str) -> None:
    """The notice is on top, in the reader's language and direction; the English text below it reads LTR."""
    text = site_text(language)
    notice = reader.page.locator(NOTICE)
    assert notice.is_visible()
    assert notice.get_attribute("lang") == language
    assert notice.locator(".admonition-title").inner_text().strip() == text["notices.untranslated.title"]
    assert text["notices.untranslated.text"] in notice.inner_text()
    assert _direction(notice) == ("rtl" if right_to_left(language) else "ltr")
    article, box = reader.page.locator("article").bounding_box(), notice.bounding_box()
    assert article and box and box["y"] - article["y"] < 100, "the notice is not at the top of the page"

    assert _direction(reader.page.locator("article [lang='en']").first) == "ltr"
    assert reader.heading() == title(DEFAULT_LANGUAGE, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_declares_its_language_and_reads_in_its_direction(reader: Reader, language: str) -> None:
    for page in PAGES:
        reader.open(language, page)
        assert reader.html_lang() == language, page
        _check_direction(reader, language)
        if is_translated(language, page):
            assert reader.heading() == title(language, page)
            assert reader.page.locator(NOTICE).count() == 0, f"{page} is translated but says it is not"
        else:
            _check_untranslated_notice(reader, language, page)


@pytest.fixture(scope="module")
def site_with_untranslated_page(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Iterator[str]:
    """A copy of the site where no language but English has the troubleshooting page."""
    folder = tmp_path_factory.mktemp("untranslated")
    project = copy_project(folder / "project")
    for language in TRANSLATIONS:
        (project / "docs" / language / f"{UNTRANSLATED_PAGE}.md").unlink()
    result = mkdocs_build(project, folder / "site", cwd=folder)
    assert result.returncode == 0, result.output
    with serve_folder(folder / "site", SITE_PATH) as url:
        yield url


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_untranslated_page_says_so_in_the_readers_language(
    open_reader: Callable[..., Reader], site_with_untranslated_page: str, language: str
) -> None:
    reader = open_reader(site=site_with_untranslated_page)
    reader.open(language, UNTRANSLATED_PAGE)
    assert reader.html_lang() == language
    _check_direction(reader, language)
    _check_untranslated_notice(reader, language, UNTRANSLATED_PAGE)
