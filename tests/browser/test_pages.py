"""Every page opens cleanly in every language; a page not translated yet says so.

"Cleanly" is checked after each test (see conftest): no request to another host, no
failed request, no console or script error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from llm_backends.doctools.languages import DEFAULT_LANGUAGE, LANGUAGES, RIGHT_TO_LEFT
from tests.support.site import SITE_PATH, copy_project, mkdocs_build

from .reader import Reader
from .server import serve_folder
from .site_pages import PAGES, is_translated, site_text, title

pytestmark = pytest.mark.browser

NOTICE = "article .llm-notice-untranslated"
TRANSLATIONS = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
UNTRANSLATED_PAGE = "troubleshooting"


def _check_untranslated_notice(reader: Reader, language: str, page: str) -> None:
    """The notice is on top, in the reader's language and direction; the English text below it reads LTR."""
    text = site_text(language)
    notice = reader.page.locator(NOTICE)
    assert notice.is_visible()
    assert notice.get_attribute("lang") == language
    assert notice.locator(".admonition-title").inner_text().strip() == text["notices.untranslated.title"]
    assert text["notices.untranslated.text"] in notice.inner_text()
    assert notice.evaluate("n => getComputedStyle(n).direction") == ("rtl" if language in RIGHT_TO_LEFT else "ltr")
    article_start = reader.page.locator("article").bounding_box()
    notice_box = notice.bounding_box()
    assert article_start and notice_box and notice_box["y"] - article_start["y"] < 100, "the notice is not on top"

    english = reader.page.locator("article [lang='en']").first
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert reader.heading() == title(DEFAULT_LANGUAGE, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_opens_in_its_language(reader: Reader, language: str) -> None:
    for page in PAGES:
        reader.open(language, page)
        assert reader.html_lang() == language, page
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
    site: Path = folder / "site"
    result = mkdocs_build(project, site, cwd=folder)
    assert result.returncode == 0, result.output
    with serve_folder(site, SITE_PATH) as url:
        yield url


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_untranslated_page_says_so_in_the_readers_language(
        open_reader: Callable[..., Reader], site_with_untranslated_page: str, language: str) -> None:
    reader = open_reader(site=site_with_untranslated_page)
    reader.open(language, UNTRANSLATED_PAGE)
    assert reader.html_lang() == language
    _check_untranslated_notice(reader, language, UNTRANSLATED_PAGE)
