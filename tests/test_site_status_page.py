"""The translation status page and the outdated notice on the built site, in every language.

The shared build (``built_site``) is our docs as they are; a copy in a fresh git
repository walks a translator's round: an English paragraph changes, the next build
marks that page outdated (since the commit's date) on the status page and on each
translation; after the translations are stamped, the build after that is clean again.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest

from llm_backends.cli import EXIT_OK, main
from tests.support.docs_tree import read, write
from tests.support.git_repo import commit_all, first_paragraph_line, git
from tests.support.site import REPO, BuiltSite, copy_project, mkdocs_build, site_text
from tests.support.site import SITE_LANGUAGES as LANGUAGES
from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.site.site_text import SiteText
from transdocs.site.status_page import local_date
from transdocs.tools.translation_status import translation_status

TRANSLATIONS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
STATUS = "translation-status"
PAGE = "retries"
LABELS = {"up-to-date": "up_to_date", "outdated": "outdated", "missing": "missing", "broken": "broken"}
LABELS["untranslated"] = "untranslated"
TRANSLATED_ON = datetime(2026, 2, 10, 8, 0, tzinfo=UTC)
CHANGED_ON = datetime(2026, 5, 20, 14, 45, tzinfo=UTC)


def words(docs: Path, language: str) -> SiteText:
    return site_text(language, docs / "_data")


def status_table(html: str) -> str:
    match = re.search(r'<div class="llm-status"><table>.*?</table>', html, re.DOTALL)
    assert match, "no status table on the page"
    return match.group(0)


def cells(html: str) -> dict[tuple[str, str], str]:
    """(page, language) -> the cell's text, one line per fact, from the status table."""
    table = status_table(html)
    found = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table, re.DOTALL):
        page = unescape(re.sub(r"<[^>]+>", "", row.split("</th>", 1)[0]))
        for lang, cell in zip(TRANSLATIONS, re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL), strict=True):
            lines = re.findall(r'<span class="llm-status-line">(.*?)</span>', cell, re.DOTALL)
            found[page, lang] = "\n".join(unescape(re.sub(r"<[^>]+>", "", line)) for line in lines)
    return found


def notice(html: str) -> str | None:
    match = re.search(r'<div class="admonition info llm-notice llm-notice-outdated".*?</div>', html, re.DOTALL)
    return match.group(0) if match else None


# --- the site as built from our docs -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_shows_every_page_in_every_language_with_working_links(
    built_site: BuiltSite, language: str
) -> None:
    html = built_site.html(language, STATUS)
    text = words(REPO / "docs", language)
    assert re.search(rf"<h1[^>]*>{re.escape(text['status_page.title'])}<a", html)
    assert f'<html lang="{language}"' in html
    headers = re.findall(r'<th scope="col" lang="([^"]+)">', status_table(html))
    assert headers == TRANSLATIONS

    status = translation_status(REPO / "docs", TRANSLATIONS, history=False)
    shown = cells(html)
    assert set(shown) == {(row.name.as_posix(), lang) for row in status.rows for lang in TRANSLATIONS}
    for row in status.rows:
        for lang in TRANSLATIONS:
            state = row.cells[lang].state
            assert shown[row.name.as_posix(), lang].split("\n")[0] == text[f"status_page.{LABELS[state]}"]

    here = built_site.page_path(language, STATUS).parent
    # target="_self" keeps Material's language switching from turning a link into another
    # language's page into a link to this status page in that language.
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" target="_self">', status_table(html))
    assert len(links) == len(status.rows) * (1 + len(TRANSLATIONS))
    for href, lang in links:
        target = (here / href).resolve() / "index.html"
        assert target.is_file(), f"{href} from the {language} status page"
        assert f'<html lang="{lang}"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translating_page_and_navigation_link_to_the_status_page(built_site: BuiltSite, language: str) -> None:
    html = built_site.html(language, "translating")
    title = words(REPO / "docs", language)["status_page.title"]
    assert re.search(r'<a href="\.\./translation-status/">[^<]+</a>', html), "link in the page text"
    assert re.search(
        rf'<a href="\.\./translation-status/" class="md-nav__link">\s*<span class="md-ellipsis">\s*{re.escape(title)}',
        html,
    ), "entry in the navigation, in the page's language"


def test_status_page_is_not_in_search_and_not_a_page_to_translate(built_site: BuiltSite) -> None:
    index = (built_site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f'"location":"{STATUS}/' not in index.replace(" ", "")
    assert not (REPO / "docs" / DEFAULT_LANGUAGE / f"{STATUS}.md").exists()


# --- a translator's round, in a git repository ---------------------------------------------------


def test_an_english_edit_shows_on_the_status_page_and_notices_until_translations_are_stamped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "docs", TRANSLATED_ON)
    english = docs / DEFAULT_LANGUAGE / f"{PAGE}.md"
    old = first_paragraph_line(read(english))
    write(english, read(english).replace(old, old + " Also for streams.", 1))
    commit_all(project, "retries: streams too", CHANGED_ON)

    first = BuiltSite(tmp_path / "site1", mkdocs_build(project, tmp_path / "site1", cwd=tmp_path))
    assert first.build.returncode == 0, first.build.output
    for language in LANGUAGES:
        text = words(docs, language)
        shown = cells(first.html(language, STATUS))
        when = local_date(CHANGED_ON, language)
        for lang in TRANSLATIONS:
            assert shown[f"{PAGE}.md", lang].split("\n") == [
                text["status_page.outdated"],
                text["status_page.lines_changed"].replace("{lines}", "1"),
                text["status_page.since"].replace("{date}", when),
                f"{text['status_page.see_diff']} llm-backends translation-diff docs/{lang}/{PAGE}.md",
            ]
        assert {state.split("\n")[0] for (page, _), state in shown.items() if page != f"{PAGE}.md"} == {
            text["status_page.up_to_date"]
        }
    for lang in TRANSLATIONS:
        said = notice(first.html(lang, PAGE))
        assert said is not None, lang
        text = words(docs, lang)
        assert local_date(CHANGED_ON, lang) in unescape(said)
        assert f'<a href="../../{PAGE}/" hreflang="en">' in said
        assert f'<a href="../{STATUS}/">{text["notices.outdated.status_link"]}</a>' in unescape(said)
        assert notice(first.html(lang, "configuration")) is None

    monkeypatch.chdir(project)
    assert main(["stamp-translation", *(f"docs/{lang}/{PAGE}.md" for lang in TRANSLATIONS)]) == EXIT_OK
    capsys.readouterr()
    second = BuiltSite(tmp_path / "site2", mkdocs_build(project, tmp_path / "site2", cwd=tmp_path))
    assert second.build.returncode == 0, second.build.output
    for language in LANGUAGES:
        up_to_date = words(docs, language)["status_page.up_to_date"]
        assert set(cells(second.html(language, STATUS)).values()) == {up_to_date}
    assert all(notice(second.html(lang, PAGE)) is None for lang in TRANSLATIONS)


def test_dates_are_written_as_each_language_writes_them() -> None:
    first, second = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC)
    assert local_date(first, "fr") == "1er mars 2026"  # an ordinal on the first of the month
    assert local_date(second, "fr") == "2 mars 2026"
    assert local_date(first, "fr-CA").startswith("1er ")
    assert local_date(first, "en") == "March 1, 2026"
