"""The copy button of a code block puts exactly the snippet on the clipboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator

from llm_backends.doctools.languages import LANGUAGES
from tests.support.snippet_files import SNIPPETS_DIR, includes, section_text

from .reader import Reader
from .site_pages import source

pytestmark = pytest.mark.browser


def _expected_snippets(language: str, page: str) -> list[str]:
    """The sections the page includes (``--8<-- "file:section"``), in order, read from ``snippets/``."""
    sections = [target.split(":", 1) for target in includes(source(language, page))]
    return [section_text(SNIPPETS_DIR / file, name) for file, name in sections]


def _reveal(block: Locator) -> None:
    """A block in a hidden tab (``=== "From source"``) is shown by clicking its tab, as a reader does."""
    if block.is_visible():
        return
    tab = block.evaluate("pre => { const tab = pre.closest('.tabbed-block');"
                         " return tab ? [...tab.parentElement.children].indexOf(tab) : -1; }")
    assert tab >= 0, "a code block is hidden, and not by a tab"
    tabbed_set = block.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' tabbed-set ')][1]")
    tabbed_set.locator(".tabbed-labels > label").nth(tab).click()


@pytest.mark.parametrize("page", ["index", "retries"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_buttons_copy_the_code(open_reader: Callable[..., Reader], language: str, page: str) -> None:
    reader = open_reader(clipboard=True)
    reader.open(language, page)
    copy_label = reader.page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                      ".translations['clipboard.copy']")
    blocks = reader.page.locator("article pre")
    assert blocks.count() > 0

    copied, shown = [], []
    for index in range(blocks.count()):
        block = blocks.nth(index)
        reader.page.evaluate("navigator.clipboard.writeText('')")  # no earlier copy can pass for this one
        _reveal(block)
        block.hover()
        block.get_by_role("button", name=copy_label).click()
        copied.append(reader.page.evaluate("navigator.clipboard.readText()"))
        shown.append(block.locator("code").text_content() or "")

    assert [text.rstrip("\n") for text in shown] == copied, "a copy button did not copy its block's code"
    expected = _expected_snippets(language, page)
    assert expected, f"{source(language, page)} includes no snippet"
    found = [text for text in copied if text in expected]
    assert found == expected, "copied code blocks do not match the snippets the page includes, in order"
