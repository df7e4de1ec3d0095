"""Parts of the site build, without MkDocs: placeholders, blocks, texts, search base."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml

from llm_backends.retry import retry_schedule
from llm_backends.settings import LLMSettings, format_value, setting_infos
from tests.support.site import REPO, site_text, site_values
from transdocs.site.blocks import GENERIC, render_block, renderers
from transdocs.site.chart import nice_step
from transdocs.site.language_base import language_base, rebase_config
from transdocs.site.markdown_ext import PageContext, PlaceholderExtension, find_problems
from transdocs.site.notices import outdated_notice
from transdocs.site.site_text import load_site_text
from transdocs.site.site_values import SiteValues

DATA = REPO / "docs" / "_data"
DESCRIPTIONS = {info.name: info.description for info in setting_infos()}


@pytest.fixture
def english():
    return site_text("en")


def render(source: str, english, snippets: Path | None = None, site: SiteValues | None = None) -> str:
    site = site or site_values()
    extension = PlaceholderExtension(lambda: PageContext(english, site))
    extension.page = PageContext(text=english, site=site)
    extensions: list = ["tables", "pymdownx.superfences", extension]
    configs = {}
    if snippets is not None:
        extensions.insert(0, "pymdownx.snippets")
        configs = {"pymdownx.snippets": {"base_path": [str(snippets)], "check_paths": True}}
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(source)


def test_the_site_documents_the_configured_settings_with_our_extras() -> None:
    site = site_values()
    assert [(s.name, s.env, s.key, s.type, s.default, s.description, s.unit, s.secret) for s in site.settings] == [
        (i.name, i.env, i.key, i.type, i.default, i.description, i.unit, i.secret) for i in setting_infos()
    ]
    assert renderers(site).keys() == {*GENERIC, "env_example", "schedule_table", "schedule_chart"}


def test_the_site_build_never_names_our_package() -> None:
    """Our settings reach the plugin through mkdocs.yml; the retry values through the extras file."""
    toolkit = REPO / "packages" / "transdocs" / "src" / "transdocs"
    files = [*(toolkit / "site").rglob("*.py"), toolkit / "placeholders.py"]
    named = [p for p in files if re.search(r"^\s*(from|import) llm_backends", p.read_text(), re.M)]
    assert files and named == []


def test_scalars_blocks_and_escapes_render_from_the_package(english) -> None:
    values = site_values().scalar_texts(english)
    html = render(
        "Retries: {{ num_retries.default }}, key: {{ base_url.default }}.\n\n"
        "Literal: `\\{{ num_retries.default }}` and \\{{ settings_table }}.\n\n"
        "{{ schedule_table }}\n",
        english,
    )
    assert f"Retries: {values['num_retries.default']}, key: {english['not_set']}." in html
    assert "Literal: <code>{{ num_retries.default }}</code> and {{ settings_table }}." in html
    assert html.count("<tr>") == 1 + len(retry_schedule())


def test_placeholders_in_included_snippets_are_expanded(english, tmp_path: Path) -> None:
    (tmp_path / "part.md").write_text(
        "Up to {{ retry.max_requests }} requests.\n\n{{ env_example }}\n", encoding="utf-8"
    )
    html = render('--8<-- "part.md"\n', english, snippets=tmp_path)
    assert f"Up to {LLMSettings().num_retries + 1} requests." in html
    assert re.search(r'<div class="highlight"><pre>.*LLM_NUM_RETRIES.*</pre>', html, re.DOTALL)


def test_block_inside_an_admonition_keeps_its_indentation(english) -> None:
    extension = PlaceholderExtension(lambda: PageContext(english, site_values()))
    html = markdown.Markdown(extensions=["admonition", "pymdownx.superfences", extension]).convert(
        '!!! tip "Environment"\n\n    {{ env_example }}\n'
    )
    assert re.search(
        r'<div class="admonition tip">.*<div class="highlight"><pre>.*LLM_NUM_RETRIES.*</div>', html, re.DOTALL
    )


def test_blocks_change_when_the_defaults_change(english) -> None:
    default = site_values()
    changed = default.with_defaults(num_retries=2, timeout=33.0, retry_max_wait=3.0)
    schedule = render_block("schedule_table", changed, english).text
    assert schedule.count("<tr>") == 1 + 2 and schedule != render_block("schedule_table", default, english).text
    table = render_block("settings_table", changed, english).text
    assert "<code>33</code>" in table and f"<code>{format_value(LLMSettings().timeout)}</code>" not in table
    assert "retry_max_wait = 3\n" in render_block("config_toml", changed, english).text
    assert "export LLM_NUM_RETRIES=2\n" in render_block("env_example", changed, english).text
    chart = render_block("schedule_chart", changed, english).text
    assert chart.count(" before retry ") == 2 * 2
    none = render_block("schedule_table", default.with_defaults(num_retries=0), english).text
    assert english["schedule_table.none"] in none
    assert changed.scalar_texts(english)["retry.max_requests"] == "3"


def test_a_secret_value_is_never_written(english) -> None:
    from pydantic import SecretStr

    secret = "sk-secret-value-0123456789"
    site = site_values().with_defaults(api_key=SecretStr(secret))
    for name in renderers(site):
        assert secret not in render_block(name, site, english).text
    assert secret not in str(site.scalar_texts(english))


def test_unknown_and_unbalanced_placeholders_are_found_with_their_line(english) -> None:
    problems = find_problems(
        "# Title\n\n{{ num_retries.defualt }}\nok {{ retry.max_requests }}\n"
        "see {{ config_toml }}\n\\{{ nothing.here }}\nat most {{ retry.max_requests } requests\n"
        "and { timeout.default }} too\n",
        english,
        site_values(),
    )
    assert [(p.line, p.name) for p in problems] == [
        (3, "num_retries.defualt"),
        (5, "config_toml"),
        (7, "retry.max_requests"),
        (8, "timeout.default"),
    ]
    assert "did you mean {{ num_retries.default }}?" in problems[0].message
    assert "must be alone on its own line" in problems[1].message
    assert "missing a brace" in problems[2].message


def test_chart_is_standalone_svg_that_reads_left_to_right(english) -> None:
    figure = render_block("schedule_chart", site_values(), english).text
    svg = ET.fromstring(re.search(r"<svg.*</svg>", figure, re.DOTALL).group(0))
    assert svg.get("direction") == "ltr" and svg.get("role") == "img"
    texts = list(svg.iter("{http://www.w3.org/2000/svg}text"))
    assert texts and all(t.get("fill") == "currentColor" for t in texts)  # follows light and dark schemes
    assert not re.search(r"(?:href|src)=\"https?:", figure)
    assert [nice_step(x) for x in (32, 60, 7, 0.4)] == [10, 20, 2, 0.1]


# --- per-language texts --------------------------------------------------------------------------


def test_english_descriptions_come_from_the_package(english) -> None:
    assert all(english.description(info.name) == info.description for info in setting_infos())
    assert "descriptions" not in yaml.safe_load((DATA / "en.yml").read_text(encoding="utf-8"))


def test_a_language_file_missing_keys_is_reported_and_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text((DATA / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "xx.yml").write_text(
        "not_set: nicht gesetzt\nunits: {seconds: Sekunden}\nnotices: {outdated: {text: 'Veraltet seit {date}.'}}\n"
        "typo_key: x\n",
        encoding="utf-8",
    )
    loaded = load_site_text(tmp_path, "xx", DESCRIPTIONS)
    problems = "\n".join(loaded.problems)
    assert loaded.file_found and loaded.text["not_set"] == "nicht gesetzt"
    assert "missing key settings_table.env" in problems and "missing key descriptions.model" in problems
    assert "unknown key typo_key" in problems
    assert "notices.outdated.text: must contain {link}, where the English text has it" in problems
    assert (
        loaded.text["notices.outdated.text"]
        == load_site_text(tmp_path, "en", DESCRIPTIONS).text["notices.outdated.text"]
    )
    absent = load_site_text(tmp_path, "yy", DESCRIPTIONS)
    assert not absent.file_found and absent.problems == [] and absent.text["not_set"] == "not set"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yml")), ids=lambda p: p.stem)
def test_every_language_file_in_the_repository_is_complete(path: Path) -> None:
    assert load_site_text(DATA, path.stem, DESCRIPTIONS).problems == []


# --- search base ---------------------------------------------------------------------------------


def test_language_pages_point_materials_scripts_at_their_language_root() -> None:
    assert language_base("../..", "zh/") == "../../zh/"
    assert language_base("..", "ar/") == "../ar/"
    assert language_base("/llm-backends/", "ja/") == "/llm-backends/ja/"
    page = (
        '<p>x</p><script id="__config" type="application/json">'
        '{"base": "../..", "search": "a</b>", "translations": {"x": "l\'a"}}</script>'
    )
    rebased = rebase_config(page, "fr/")
    data = json.loads(re.search(r'application/json">(.*)</script>', rebased).group(1))
    assert data == {"base": "../../fr/", "search": "a</b>", "translations": {"x": "l'a"}}
    assert "</b>" not in rebased  # still safe inside <script>
    with pytest.raises(ValueError):
        rebase_config("<p>no config</p>", "fr/")


# --- numbers with units ---------------------------------------------------------------------------

# CLDR's forms (not our defaults): French singular for 0 to 1.x, Arabic bare singular for one,
# the dual for two, a plural for 3 to 10 and the singular again from 11.
UNIT_FORMS = [
    ("en", 1, "1 second"),
    ("en", 2, "2 seconds"),
    ("fr", 1, "1\xa0seconde"),
    ("fr", 1.5, "1,5\xa0seconde"),
    ("fr", 2, "2\xa0secondes"),
    ("pt", 2, "2 segundos"),
    ("ar", 1, "ثانية"),
    ("ar", 2, "ثانيتان"),
    ("ar", 3, "3 ثوان"),
    ("ar", 11, "11 ثانية"),
    ("ja", 2, "2 秒"),
    ("zh", 2, "2 秒"),  # the short form, spaced as the pages write "C 秒"; never "2秒钟"
    ("zh", 300, "300 秒"),
    ("en", 1500, "1500 seconds"),  # no grouping: "1,500" reads as 1.5 in half the languages
]


@pytest.mark.parametrize(("language", "seconds", "expected"), UNIT_FORMS)
def test_a_value_with_a_unit_reads_right_in_its_language(language: str, seconds: float, expected: str) -> None:
    """The number and its unit come from CLDR together: a page never types a unit after a value."""
    site = site_values().with_defaults(
        timeout=float(seconds), retry_min_wait=0.0, retry_multiplier=float(seconds), retry_max_wait=float(seconds)
    )
    text = site_text(language)
    rendered = render("{{ timeout.with_unit }} / {{ retry.first_wait_max }}", text, site=site)
    assert f"<p>{expected} / {expected}</p>" in rendered
    table = render_block("settings_table", site, text).text
    assert f"<code>{format_value(float(seconds))}</code>" in table  # the value as a config file holds it


@pytest.mark.parametrize("language", ["ar", "zh", "fr"])
def test_a_table_column_writes_its_unit_one_way(language: str) -> None:
    """Arabic's long form has no digit for 1 and 2 ("ثانيتان"): a column where those sit beside 60
    takes the short form for every row instead of mixing "2 ث" with "60 ثانية"."""
    text = site_text(language)
    units = set()
    for seconds in (1, 2, 3, 60):
        site = site_values().with_defaults(timeout=float(seconds))
        row = next(r for r in render_block("settings_table", site, text).text.split("<tr>") if "LLM_<wbr>TIMEOUT<" in r)
        units.add(re.sub(r"<code>[^<]*</code>|<[^>]+>|\d", "", row.split("</td>")[3]).strip())
    expected = {"ar": {"ث"}, "zh": {"秒"}, "fr": {"seconde", "secondes"}}[language]
    assert units == expected


def test_left_to_right_runs_in_arabic_descriptions_are_isolated() -> None:
    """ "azure/<name>" or "1 + num_retries" in an Arabic cell would be reordered by the bidi
    algorithm (">azure/<name", "num_retries + 1"): each sits in a <bdi>, brackets paired inside it."""
    table = render_block("settings_table", site_values(), site_text("ar")).text
    runs = re.findall(r'<bdi dir="ltr">(.*?)</bdi>', table)
    assert "azure/&lt;name&gt;" in runs and "1 + num_retries" in runs
    for run in runs:
        assert run.count("(") == run.count(")"), run
    assert "<bdi" not in render_block("settings_table", site_values(), site_text("fr")).text


@pytest.mark.parametrize("language", ["en", "zh", "ja", "fr"])
def test_the_outdated_notice_joins_its_sentences_as_the_language_does(language: str) -> None:
    body = re.sub(r"<[^>]+>", "", outdated_notice(site_text(language), "/en/", "date", "/status/"))
    first = site_text(language)["notices.outdated.text"].replace("{date}", "date").replace("{link}", "")
    stop = first.rstrip()[-1]
    wide = language in ("zh", "ja")
    assert (stop + " " in body) is not wide, body  # "。" then the next sentence at once; ". " elsewhere


def test_the_site_reads_settings_as_the_checker_does(tmp_path: Path) -> None:
    """One reader: a .json file works in the plugin too, with the same env names and secret marks."""
    from transdocs.settings.documented import documented_settings
    from transdocs.settings.reader import load_settings

    spec = tmp_path / "settings.json"
    spec.write_text('[{"name": "workers", "default": 4}, {"name": "api_token", "default": "abc"}]', encoding="utf-8")
    documented = {s.name: s for s in documented_settings(str(spec), env_prefix="APP_")}
    checked = {s.name: s for s in load_settings(str(spec), "APP_")}
    assert [(s.env, s.default, s.secret) for s in documented.values()] == [
        (s.env, s.default, s.secret) for s in checked.values()
    ]
    assert documented["workers"].env == "APP_WORKERS" and documented["api_token"].secret
