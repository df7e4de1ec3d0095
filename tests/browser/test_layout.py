"""Each page says which language it is in, and runs in that language's direction.

Arabic reads right to left: text, and the whole layout mirrored (navigation on the right,
table of contents on the left). Code stays left to right in every language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator

from llm_backends.doctools.languages import LANGUAGES, RIGHT_TO_LEFT

from .reader import Reader
from .site_pages import title

pytestmark = pytest.mark.browser


def _direction(locator: Locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def _centre_x(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box and box["width"] > 0, f"{locator} is not displayed"
    return box["x"] + box["width"] / 2


@pytest.mark.parametrize("page", ["index", "retries"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_declares_its_language_and_reads_in_its_direction(reader: Reader, language: str, page: str) -> None:
    reader.open(language, page)
    expected = "rtl" if language in RIGHT_TO_LEFT else "ltr"

    assert reader.html_lang() == language
    assert reader.heading() == title(language, page)
    shown = reader.page
    assert {selector: _direction(shown.locator(selector).first) for selector in ("body", ".md-content", "article")} \
        == dict.fromkeys(("body", ".md-content", "article"), expected)

    code = shown.locator("article pre code")
    assert code.count() > 0
    assert [_direction(code.nth(i)) for i in range(code.count())] == ["ltr"] * code.count()

    # Desktop layout: navigation, content and table of contents side by side, in reading order.
    navigation = _centre_x(shown.locator(".md-sidebar--primary"))
    content = _centre_x(shown.locator(".md-content"))
    contents_list = _centre_x(shown.locator(".md-sidebar--secondary"))
    in_reading_order = [navigation, content, contents_list]
    assert in_reading_order == sorted(in_reading_order, reverse=expected == "rtl"), (
        f"sidebar, content, table of contents at x = {in_reading_order}: not laid out {expected}")
