"""The retry chart and the tables are on screen, and their numbers are the package's own."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, expect

from llm_backends import retry_schedule, setting_infos
from llm_backends.settings import format_value
from tests.support.site import SITE_LANGUAGES as LANGUAGES
from tests.support.site import site_text
from transdocs.site.units import Quantity, quantity_label

from .reader import Reader

pytestmark = pytest.mark.browser


def _scrolled_into_view(locator: Locator, *, whole: bool) -> None:
    """Scrolled to, it has a size and is on screen: all of it (to a pixel), or a good part."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, f"{locator} has no size"
    expect(locator).to_be_visible()
    expect(locator).to_be_in_viewport(ratio=0.99 if whole else 0.2)


def _table(reader: Reader, first_heading: str) -> Locator:
    """The table of the article whose first column heading is ``first_heading``."""
    heading = reader.page.locator("thead th:first-child").filter(has_text=re.compile(f"^{re.escape(first_heading)}$"))
    return reader.page.locator("article table").filter(has=heading)


def _rows(table: Locator) -> list[list[str]]:
    return table.locator("tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_retry_chart_is_drawn_from_the_schedule(reader: Reader, language: str) -> None:
    schedule = retry_schedule()
    reader.open(language, "retries")
    chart = reader.page.locator("article figure.llm-chart svg")
    _scrolled_into_view(chart, whole=True)

    # Two bars per retry (shortest, longest wait), each titled with its value, heights to scale.
    bars = chart.locator("rect:has(title)").evaluate_all(
        "bars => bars.map(bar => ({title: bar.querySelector('title').textContent,"
        " height: bar.getBBox().height, x: bar.getBoundingClientRect().x}))"
    )
    values = [value for row in schedule for value in (row.shortest, row.longest)]
    assert len(bars) == len(values)
    for bar, value in zip(bars, values, strict=True):
        assert re.search(rf"(?<![\d.]){re.escape(format_value(value))}(?![\d.])", bar["title"]), (bar["title"], value)
    scale = max(bar["height"] for bar in bars) / max(values)
    assert [round(bar["height"] / scale, 1) for bar in bars] == [round(value, 1) for value in values]

    # Labels: the longest wait above each bar, and retry numbers read left to right in every language.
    labels = chart.locator("text").all_text_contents()
    assert {format_value(row.longest) for row in schedule} <= set(labels)
    longest_bars_x = [bar["x"] for bar in bars[1::2]]
    assert longest_bars_x == sorted(longest_bars_x)

    table = _table(reader, site_text(language)["schedule_table.retry"])
    _scrolled_into_view(table, whole=True)
    assert _rows(table) == [
        [str(row.retry), *map(format_value, (row.shortest, row.longest, row.longest_total))] for row in schedule
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_settings_table_shows_every_setting_and_default(reader: Reader, language: str) -> None:
    text = site_text(language)
    reader.open(language, "configuration")
    table = _table(reader, text["settings_table.env"])
    _scrolled_into_view(table, whole=False)

    rows = _rows(table)
    defaults = table.locator("tbody tr td:nth-child(4)").evaluate_all(
        "cells => cells.map(cell => cell.querySelector('code')?.textContent ?? null)"
    )
    infos = setting_infos()
    assert [row[:3] for row in rows] == [[info.env, info.key, info.type] for info in infos]
    assert defaults == [None if info.default is None else format_value(info.default) for info in infos]
    for row, info in zip(rows, infos, strict=True):
        if info.default is None:
            assert row[3] == text["not_set"], info.name
        elif info.unit:  # the number and its unit in the language's words, from CLDR: "1 second", "2 ث"
            assert row[3] == quantity_label(Quantity(info.default, info.unit), language), info.name
        assert row[4] == text.description(info.name)
