"""Every page of every language, in the light and the dark scheme, passes axe-core's checks.

axe-core (Deque's accessibility engine, bundled by the axe-playwright-python package) runs
the WCAG 2 A and AA rules and its best practices on each built page in Chromium, as a reader
who prefers a light or a dark screen first sees it. A serious or critical violation fails the
test with the rule, the element and the page. So does ``landmark-unique``, though axe rates it
moderate: Material gives each code block's copy button an unnamed navigation landmark, which
the theme overrides undo (issue 19), and it must stay undone. On a phone, where code blocks and
tables scroll sideways, every page is checked again, colours aside (they do not change with the
screen's width).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.site import SITE_LANGUAGES as LANGUAGES
from tests.support.site import BuiltSite
from transdocs.languages import DEFAULT_LANGUAGE

from .conftest import PHONE
from .reader import Reader
from .site_pages import PAGES

pytestmark = pytest.mark.browser

AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# Colours are checked at desktop size, in both schemes; a phone's narrow screen changes layout only.
PHONE_OPTIONS: dict[str, Any] = {
    **AXE_OPTIONS,
    "rules": {"color-contrast": {"enabled": False}, "link-in-text-block": {"enabled": False}},
}
FAILING_IMPACTS = frozenset({"serious", "critical"})
KEPT_FIXED = frozenset({"landmark-unique"})
# The scheme a reader's system prefers -> the palette Material picks for it (mkdocs.yml).
PALETTES: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}
NODES_SHOWN = 5  # per rule and page; a theme-wide slip repeats on every element alike

_AXE = Axe()


def site_pages(site: Path, language: str) -> list[str]:
    """Every HTML page the built site has in ``language``, as paths under the site root:
    ``zh/``, ``zh/retries/``, ``zh/404.html``."""
    others = set(LANGUAGES) - {language}
    base = site if language == DEFAULT_LANGUAGE else site / language
    paths = []
    for file in sorted(base.rglob("*.html")):
        relative = file.relative_to(site)
        if relative.parts[0] not in others:
            paths.append(relative.as_posix().removesuffix("index.html"))
    return paths


def axe_problems(reader: Reader, options: dict[str, Any] = AXE_OPTIONS) -> list[str]:
    """axe-core's failing findings on the reader's page, one line each: page, rule, element."""
    results = _AXE.run(reader.page, options=options).response
    lines = []
    for violation in results["violations"]:
        if violation["impact"] not in FAILING_IMPACTS and violation["id"] not in KEPT_FIXED:
            continue
        nodes = violation["nodes"]
        for node in nodes[:NODES_SHOWN]:
            target = " >> ".join(map(str, node["target"]))  # a list only across frames or shadow roots
            # The first failed check says what is wrong with this element ("contrast of 4.47 (#717171
            # on #f5f5f5)"); the rule's help line says it in general.
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            detail = checks[0]["message"] if checks else violation["help"]
            lines.append(f"{reader.page.url}: {violation['id']} ({violation['impact']}) at {target}: {detail}")
        if len(nodes) > NODES_SHOWN:
            lines.append(f"{reader.page.url}: {violation['id']}: {len(nodes) - NODES_SHOWN} more elements like these")
    return lines


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_core(
    open_reader: Callable[..., Reader], built_site: BuiltSite, language: str, scheme: Literal["light", "dark"]
) -> None:
    problems = _check_every_page(open_reader(color_scheme=scheme), built_site, language, scheme, AXE_OPTIONS)
    assert not problems, f"axe-core, {language}, {scheme} scheme:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_core_on_a_phone(
    open_reader: Callable[..., Reader], built_site: BuiltSite, language: str
) -> None:
    problems = _check_every_page(open_reader(PHONE), built_site, language, "light", PHONE_OPTIONS)
    assert not problems, f"axe-core, {language}, on a phone:\n" + "\n".join(problems)


def _check_every_page(
    reader: Reader, built_site: BuiltSite, language: str, scheme: Literal["light", "dark"], options: dict[str, Any]
) -> list[str]:
    pages = site_pages(built_site.root, language)
    assert len(pages) > len(PAGES), f"{language}: only {pages} found in the built site"  # + status, 404
    problems = []
    for path in pages:
        reader.page.goto(reader.site_url + path)
        reader.settle()
        palette = reader.page.evaluate("document.body.dataset.mdColorScheme")
        assert palette == PALETTES[scheme], f"{path}: a reader preferring {scheme} got the {palette} palette"
        problems += axe_problems(reader, options)
    return problems


def test_axe_core_names_each_slip_the_theme_fixes(reader: Reader) -> None:
    """The theme's four fixes undone on one page: each comes back as a line naming rule, element and page."""
    reader.open(DEFAULT_LANGUAGE, "configuration")
    assert axe_problems(reader) == []
    reader.page.evaluate("""() => {
      document.querySelector('.md-search').removeAttribute('aria-label');
      document.querySelectorAll('nav.md-code__nav').forEach(nav => nav.removeAttribute('role'));
      document.body.style.setProperty('--md-code-hl-comment-color', '#0000008a');  // Material's own
      document.body.style.setProperty('--md-code-hl-variable-color', '#0000008a');
    }""")
    reader.page.add_style_tag(content=".md-typeset a { text-decoration: none !important; }")
    problems = axe_problems(reader)
    url = reader.url(DEFAULT_LANGUAGE, "configuration")
    for rule, element in [
        ("aria-dialog-name", ".md-search"),
        ("landmark-unique", ".md-code__nav"),
        ("color-contrast", "#__span-"),  # a token on a code block's line (line_spans: __span)
        ("link-in-text-block", "a"),
    ]:
        assert any(line.startswith(f"{url}: {rule} (") and element in line for line in problems), (rule, problems)
