"""The built documentation site: every value from the package, in every language.

One real ``mkdocs build --strict`` of the repository's docs is shared by the session
(``built_site``); two more builds of broken copies check the failure and notice paths.
"""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from html import escape, unescape
from pathlib import Path

import pytest

from llm_backends.retry import retry_schedule
from llm_backends.settings import LLMSettings, format_value, setting_infos
from tests.support.site import (
    EXTRAS,
    REPO,
    SITE_PATH,
    WRONG_API_KEY,
    BuiltSite,
    copy_project,
    mkdocs_build,
    parse_page,
    scalar_texts,
    site_text,
    site_values,
    wrong_settings,
)
from tests.support.site import SITE_LANGUAGES as LANGUAGES
from transdocs import check_paths
from transdocs.checks.glossary import KIND as GLOSSARY
from transdocs.checks.typography import KIND as TYPOGRAPHY
from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.languages.words import right_to_left
from transdocs.project import Project
from transdocs.report.findings import STALE
from transdocs.translations.source_hash import source_hash, strip_front_matter

PAGES = ("index", "backends", "configuration", "retries", "providers", "troubleshooting", "translating")
DOCS = REPO / "docs"


def content_language(language: str, page: str) -> str:
    """A page not translated yet is the English page (static-i18n's fallback)."""
    return language if (DOCS / language / f"{page}.md").is_file() else DEFAULT_LANGUAGE


def page_url(page: str) -> str:
    return "" if page == "index" else f"{page}/"


# --- the build itself ----------------------------------------------------------------------


def test_wrong_values_are_valid_and_differ_from_every_default() -> None:
    wrong = LLMSettings(**wrong_settings())
    assert all(getattr(wrong, info.name) != info.default for info in setting_infos())


def test_build_passes_strict_without_litellm_and_never_shows_the_builders_key(built_site: BuiltSite) -> None:
    assert "litellm imported during the build: False" in built_site.build.output
    leaked = [
        path
        for path in built_site.root.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".json", ".xml"}
        and WRONG_API_KEY in path.read_text(encoding="utf-8")
    ]
    assert leaked == []
    print(f"strict six-language build: {built_site.build.seconds:.1f} s")


# --- values on the pages --------------------------------------------------------------------


def _table_with(parser, first_header: str) -> list:
    for table in parser.tables:
        if table and table[0] and table[0][0].text.strip() == first_header:
            return table
    raise AssertionError(f"no table whose first column is {first_header!r}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_settings_table_shows_every_default(built_site: BuiltSite, language: str) -> None:
    text = site_text(content_language(language, "configuration"))
    table = _table_with(parse_page(built_site.html(language, "configuration")), text["settings_table.env"])
    header, *rows = table
    assert [cell.text.strip() for cell in header] == [
        text[f"settings_table.{column}"] for column in ("env", "key", "type", "default", "description")
    ]
    assert len(rows) == len(setting_infos())
    for row, info in zip(rows, setting_infos(), strict=True):
        env, key, type_, default, description = row
        assert (env.codes, key.codes, type_.codes) == ([info.env], [info.key], [info.type])
        if info.default is None:
            assert (default.codes, default.text.strip()) == ([], text["not_set"])
        else:
            assert default.codes == [format_value(info.default)]
        assert description.text.strip() == text.description(info.name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_config_toml_block_is_every_default(built_site: BuiltSite, language: str) -> None:
    blocks = [
        code
        for lang, code in parse_page(built_site.html(language, "configuration")).code_blocks
        if lang == "toml" and code.lstrip().startswith("[llm]")
    ]
    assert len(blocks) == 1
    parsed = tomllib.loads(blocks[0])["llm"]
    assert parsed == {
        info.key: info.default for info in setting_infos() if info.default is not None and not info.secret
    }
    commented = {line.split("=")[0].strip("# ") for line in blocks[0].splitlines() if line.startswith("#")}
    assert commented == {info.key for info in setting_infos() if info.default is None or info.secret}


@pytest.mark.parametrize("language", LANGUAGES)
def test_schedule_table_env_example_and_chart_follow_retry_schedule(built_site: BuiltSite, language: str) -> None:
    html = built_site.html(language, "retries")
    parser = parse_page(html)
    text = site_text(content_language(language, "retries"))
    _, *rows = _table_with(parser, text["schedule_table.retry"])
    shown = [tuple(float(cell.text) for cell in row) for row in rows]
    assert shown == [(r.retry, r.shortest, r.longest, r.longest_total) for r in retry_schedule()]

    exports = [code for lang, code in parser.code_blocks if lang == "bash" and "export LLM_NUM_RETRIES=" in code]
    settings = LLMSettings()
    expected = {
        f"export {info.env}={format_value(getattr(settings, info.name))}"
        for info in setting_infos()
        if EXTRAS.is_retry_setting(info.name)
    }
    assert len(exports) == 1 and set(exports[0].strip().splitlines()) == expected

    chart = re.search(r'<figure class="llm-chart">(.*?)</figure>', html, re.DOTALL)
    assert chart is not None
    svg = ET.fromstring(chart.group(1).split("<figcaption>")[0])
    bars = [rect for rect in svg.iter("{http://www.w3.org/2000/svg}rect") if rect.find("{*}title") is not None]
    assert len(bars) == 2 * len(retry_schedule())
    assert svg.get("direction") == "ltr"


# --- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_language_and_direction(built_site: BuiltSite, language: str) -> None:
    for page in PAGES:
        attributes = parse_page(built_site.html(language, page)).attributes
        assert attributes["html"]["lang"] == language
        assert attributes["body"]["dir"] == ("rtl" if right_to_left(language) else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_has_this_languages_pages_only(built_site: BuiltSite, language: str) -> None:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    index = json.loads((built_site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert pages == {page_url(page) for page in PAGES if content_language(language, page) == language}
    assert pages, "every language has translated pages by now"
    han = [entry["text"] for entry in index["docs"] if re.search(r"[\u4e00-\u9fff]", entry["text"])]
    if language == "zh":
        assert han and all("\u200b" in text for text in han)  # segmented by jieba
    else:
        assert not any("\u200b" in entry["text"] for entry in index["docs"])  # kanji left whole
    if language in ("ja", "fr", "pt"):
        assert index["config"]["lang"] == [language]


def test_language_menu_links_to_the_same_page_and_head_links_to_language_roots(built_site: BuiltSite) -> None:
    html = built_site.html("zh", "retries")
    menu = dict(re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"', html))
    assert {lang: href for href, lang in menu.items()} == {
        lang: "../../retries/" if lang == DEFAULT_LANGUAGE else ("./" if lang == "zh" else f"../../{lang}/retries/")
        for lang in LANGUAGES
    }
    head = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)
    assert dict((lang, href) for href, lang in head) == {
        lang: SITE_PATH + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_sitemap_and_404_page_per_language(built_site: BuiltSite, language: str) -> None:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    root = ET.parse(built_site.root / prefix / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    site_url = f"https://llm-backends.github.io{SITE_PATH}"
    assert {loc.removeprefix(site_url + prefix) for loc in locs if loc.startswith(site_url + prefix)} >= {
        page_url(page) for page in PAGES
    }
    if prefix:
        assert all(loc.startswith(site_url + prefix) for loc in locs)

    html = (built_site.root / prefix / "404.html").read_text(encoding="utf-8")
    parser = parse_page(html)
    text = site_text(language)
    assert parser.attributes["html"]["lang"] == language
    assert f"<h1>{text['not_found.title']}</h1>" in unescape(html)
    assert f'<a href="{SITE_PATH}{prefix}">{text["not_found.home"]}</a>' in unescape(html)
    assert f'"base": "{SITE_PATH}{prefix}"' in html


# --- broken or partial copies of the docs -------------------------------------------------------


def test_unknown_placeholder_fails_the_strict_build_naming_page_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "retries.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "A typo: {{ num_retries.defualt }} and a block used inline: {{ settings_table }}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", cwd=tmp_path)
    assert result.returncode != 0
    assert (
        "docs/en/retries.md:3: unknown placeholder {{ num_retries.defualt }}; did you mean {{ num_retries.default }}?"
    ) in result.output
    assert "docs/en/retries.md:3: block placeholder {{ settings_table }} must be alone on its own line" in result.output


def test_broken_front_matter_and_a_missing_brace_fail_the_strict_build_naming_page_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    french = project / "docs" / "fr" / "retries.md"
    french_lines = french.read_text(encoding="utf-8").splitlines()
    assert french_lines[0] == "---" and french_lines[1].startswith("source_hash:")
    french_lines.insert(2, 'title: "Nouvelles tentatives')  # a quote never closed
    french.write_text("\n".join(french_lines) + "\n", encoding="utf-8")
    japanese = project / "docs" / "ja" / "index.md"
    ja_lines = japanese.read_text(encoding="utf-8").splitlines()
    ja_lines.insert(5, "最大 {{ retry.max_requests } 回。")
    japanese.write_text("\n".join(ja_lines) + "\n", encoding="utf-8")
    notes = project / "docs" / "design" / "notes.md"  # excluded from the site: not a page, not checked
    notes.parent.mkdir(exist_ok=True)
    notes.write_text("A sketch: {{ settings_table }} inline, {{ retry.max_requests }, ---\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("exclude_docs: |\n", "exclude_docs: |\n  design/\n"))

    result = mkdocs_build(project, tmp_path / "site", cwd=tmp_path)

    assert result.returncode != 0
    assert "docs/fr/retries.md:3: broken front matter: while scanning a quoted scalar" in result.output
    assert "docs/ja/index.md:6: placeholder {{ retry.max_requests }} is missing a brace" in result.output
    assert "notes.md" not in result.output
    assert "Traceback" not in result.output


def test_untranslated_and_outdated_pages_say_so_in_the_readers_language(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "ja" / "troubleshooting.md").unlink(missing_ok=True)
    english = (docs / "en" / "retries.md").read_text(encoding="utf-8")
    for language, stamp in (("fr", "000000000000"), ("pt", source_hash(english))):
        page = docs / language / "retries.md"
        page.write_text(
            f"---\nsource_hash: {stamp}\n---\n" + strip_front_matter(page.read_text(encoding="utf-8")), encoding="utf-8"
        )
    result = mkdocs_build(project, tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.output
    site = BuiltSite(tmp_path / "site", result)

    fallback = site.html("ja", "troubleshooting")
    ja = site_text("ja", docs / "_data")
    title = re.escape(escape(ja["notices.untranslated.title"]))
    assert re.search(
        r'<div class="admonition info llm-notice llm-notice-untranslated" lang="ja" dir="ltr"'
        r'[^>]*><p class="admonition-title">' + title,
        fallback,
    )
    assert '<div lang="en" dir="ltr"><h1' in fallback
    index = json.loads((site.root / "ja" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(entry["location"].startswith("troubleshooting/") for entry in index["docs"])

    outdated = site.html("fr", "retries")
    fr = site_text("fr", docs / "_data")
    assert 'llm-notice-outdated" lang="fr"' in outdated
    assert f'<a href="../../retries/" hreflang="en">{escape(fr["notices.outdated.link"])}</a>' in outdated
    assert "llm-notice" not in site.html("pt", "retries")

    # No git history in this copy: the build still passes, and the status page says dates are unknown.
    assert escape(fr["notices.outdated.text_undated"].split("{link}")[0]) in outdated
    assert f'<a href="../translation-status/">{escape(fr["notices.outdated.status_link"])}</a>' in outdated
    status_page = unescape(site.html("fr", "translation-status"))
    assert fr["status_page.no_history"] in status_page
    retries_row = status_page[status_page.index("retries.md") :].split("</tr>")[0]
    assert retries_row.count(fr["status_page.date_unknown"]) == 1  # the fr cell; pt is up to date
    troubleshooting_row = status_page[status_page.index("troubleshooting.md") :].split("</tr>")[0]
    assert fr["status_page.missing"] in troubleshooting_row


# --- the checker reads what the build writes ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("stale", [1, 2, 3])
def test_the_checker_reads_a_rendered_value_with_its_unit(
    built_site: BuiltSite, tmp_path: Path, language: str, stale: int
) -> None:
    """A wait as the build renders it ("2 secondes", Arabic "ثانيتان") is read as its number of seconds.

    The built troubleshooting page states ``retry_max_wait`` with its unit; rendered for another
    value, exactly as the build would render it, the checker must report that value as stale.
    """
    built = built_site.page_path(language, "troubleshooting")
    shown = scalar_texts(language)["retry_max_wait.with_unit"]
    html = built.read_text(encoding="utf-8")
    assert html.count(shown) >= 1, f"the page no longer shows {shown!r}"
    site = tmp_path / "site"
    page = site / built.relative_to(built_site.root)
    page.parent.mkdir(parents=True)
    page.write_text(html, encoding="utf-8")
    assert [f.as_text() for f in check_paths([str(site)]) if f.kind == STALE] == []

    wrong = site_values().with_defaults(retry_max_wait=float(stale)).scalar_texts(site_text(language))
    page.write_text(html.replace(shown, wrong["retry_max_wait.with_unit"], 1), encoding="utf-8")

    findings = [f for f in check_paths([str(site)]) if f.kind == STALE]
    assert [(f.lang, f.setting, f.stated) for f in findings] == [(language, "LLM_RETRY_MAX_WAIT", str(stale))]


@pytest.mark.parametrize(
    ("pyproject_settings", "plugin_option", "message"),
    [
        (None, None, "transdocs plugin: no settings to document: set 'settings' under [tool.check-docs]"),
        ("llm_backends.settings:NoSuchClass", None, "llm_backends.settings has no NoSuchClass"),
        ("llm_backends.settings:LLMSettings", "no_such_package.settings:Settings", "cannot import no_such_package"),
    ],
)
def test_the_settings_come_from_tool_check_docs_or_the_plugin_option_and_a_wrong_one_is_one_line(
    tmp_path: Path, pyproject_settings: str | None, plugin_option: str | None, message: str
) -> None:
    project = copy_project(tmp_path / "project")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("settings = "))
    pyproject.write_text(
        text.replace(line, f'settings = "{pyproject_settings}"' if pyproject_settings else ""), encoding="utf-8"
    )
    if plugin_option:
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "  - transdocs:\n", f"  - transdocs:\n      settings: {plugin_option}\n"
            ),
            encoding="utf-8",
        )

    result = mkdocs_build(project, tmp_path / "site", cwd=tmp_path)

    assert result.returncode != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_plugin_class_names_are_options_with_neutral_defaults(tmp_path: Path, built_site: BuiltSite) -> None:
    """Our site names the classes its stylesheet styles (mkdocs.yml); a project that names none gets neutral ones."""
    assert '<td class="llm-code">' in built_site.html("en", "configuration")  # ours (the notice: test above)

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    options = [line for line in text.splitlines() if line.strip().startswith(("code_class:", "notice_class:"))]
    assert len(options) == 2, options
    for line in options:
        text = text.replace(line + "\n", "")
    config.write_text(text, encoding="utf-8")
    (project / "docs" / "ja" / "troubleshooting.md").unlink()  # shown in English, under a notice

    result = mkdocs_build(project, tmp_path / "site", cwd=tmp_path)

    assert result.returncode == 0, result.output
    site = BuiltSite(tmp_path / "site", result)
    notice = site.html("ja", "troubleshooting")
    assert 'class="admonition info transdocs-notice transdocs-notice-untranslated"' in notice
    table = site.html("en", "configuration")
    assert '<td class="transdocs-code">' in table
    assert "llm-code" not in table and "llm-notice" not in notice


def test_the_built_site_reads_with_each_languages_typography_and_glossary(built_site: BuiltSite) -> None:
    """Values and units the build inserts are checked as readers see them: no ordinary space before
    French high punctuation, none between two CJK characters, no glossary slip, no "秒钟"."""
    glossary = str(REPO / "docs" / "_data" / "{lang}.yml")
    found = check_paths([str(built_site.root)], project=Project(glossary=glossary), use_cache=False)
    assert [f.as_text() for f in found if f.kind in (TYPOGRAPHY, GLOSSARY)] == []
    zh = "".join(path.read_text(encoding="utf-8") for path in (built_site.root / "zh").rglob("*.html"))
    assert "秒" in zh and "秒钟" not in zh
