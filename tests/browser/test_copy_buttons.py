"""The copy button of a code block puts exactly the snippet on the clipboard."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator

from tests.support.site import SITE_LANGUAGES as LANGUAGES
from tests.support.snippet_files import INCLUDE_LINE, SNIPPETS_DIR

from .reader import Reader
from .site_pages import source

pytestmark = pytest.mark.browser


_MARKER = re.compile(r"--8<-- \[(start|end):([^\]]+)\]")


def snippet_section(file: str, name: str) -> str:
    """The lines between ``--8<-- [start:name]`` and ``--8<-- [end:name]`` of ``snippets/<file>``."""
    lines = (SNIPPETS_DIR / file).read_text(encoding="utf-8").splitlines()
    markers = [(index, match.groups()) for index, line in enumerate(lines) if (match := _MARKER.search(line))]
    start = next(index for index, marker in markers if marker == ("start", name))
    end = next(index for index, marker in markers if marker == ("end", name) and index > start)
    return "\n".join(line for line in lines[start + 1 : end] if not _MARKER.search(line))


def _expected_snippets(language: str, page: str) -> list[str]:
    """One code per block of ``--8<-- "file:section"`` lines the page includes, in order.

    Include lines in a row fill one block (an import section, then the code that uses it).
    """
    blocks: list[list[str]] = []
    previous_was_include = False
    for line in source(language, page).read_text(encoding="utf-8").splitlines():
        match = INCLUDE_LINE.match(line)
        if match and not previous_was_include:
            blocks.append([])
        if match:
            blocks[-1].append(snippet_section(*match.group(1).split(":", 1)))
        previous_was_include = bool(match)
    # The site shows no trailing blank lines (ruff format puts two before a marker).
    return ["\n".join(sections).rstrip("\n") for sections in blocks]


def _reveal(block: Locator) -> None:
    """A block in a hidden tab (``=== "From source"``) is shown by clicking its tab, as a reader does."""
    if block.is_visible():
        return
    tab = block.evaluate(
        "pre => { const tab = pre.closest('.tabbed-block');"
        " return tab ? [...tab.parentElement.children].indexOf(tab) : -1; }"
    )
    assert tab >= 0, "a code block is hidden, and not by a tab"
    tabbed_set = block.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' tabbed-set ')][1]")
    tabbed_set.locator(".tabbed-labels > label").nth(tab).click()


@pytest.mark.parametrize("page", ["index", "retries"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_buttons_copy_the_code(open_reader: Callable[..., Reader], language: str, page: str) -> None:
    reader = open_reader(clipboard=True)
    reader.open(language, page)
    copy_label = reader.page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['clipboard.copy']"
    )
    blocks = reader.page.locator("article pre")
    assert blocks.count() > 0

    copied, shown = [], []
    for index in range(blocks.count()):
        block = blocks.nth(index)
        reader.page.evaluate("navigator.clipboard.writeText('')")  # no earlier copy can pass for this one
        _reveal(block)
        block.get_by_role("button", name=copy_label).click()
        copied.append(reader.page.evaluate("navigator.clipboard.readText()"))
        shown.append(block.locator("code").text_content() or "")

    assert [text.rstrip("\n") for text in shown] == copied, "a copy button did not copy its block's code"
    expected = _expected_snippets(language, page)
    assert expected, f"{source(language, page)} includes no snippet"
    found = [text for text in copied if text in expected]
    assert found == expected, "copied code blocks do not match the snippets the page includes, in order"
