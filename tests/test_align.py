"""Pairing an English page with its translation, and the defaults compared in aligned places."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transdocs import check_paths
from transdocs.align.compare import aligned_differences
from transdocs.align.sections import pair_sections, sections
from transdocs.cli import EXIT_FINDINGS, main
from transdocs.pages.html import read_html
from transdocs.pages.markdown import read_markdown
from transdocs.report.findings import STALE


def _diffs(english: str, translated: str, mdx: bool = False) -> list[tuple[int, str, str, str]]:
    found = aligned_differences(read_markdown(english, mdx), english, read_markdown(translated, mdx), translated)
    return [(a.line, a.setting, a.difference.stated.text, a.difference.expected.text) for a in found]


ENGLISH = """# Configuration

## `build.client`

**Type:** `string`<br />
**Default:** `'./client'`

Only applies when `multiple` is `true`; set `watch` to `true` to rebuild.

## `build.server`

- **Type:** `string`
- **Default:** `'./server'`

## Changed: `build.client` default

It moved.
"""


def test_default_lines_pair_by_section_in_a_language_with_no_word_file() -> None:
    korean = """# 구성

## `build.client`

**타입:** `string`<br />
**기본값:** `'./dist/client'`

`multiple`이 `false`일 때만 적용됩니다. 다시 빌드하려면 `watch`를 `false`로 설정하세요.

## `build.server`

- **타입:** `string`
- **기본값:** `'./server'`

## 변경: `build.client` 기본값

옮겨졌습니다.
"""
    # the Default line of build.client only: mentions in prose are no one's default
    assert _diffs(ENGLISH, korean) == [(6, "build.client", "'./dist/client'", "'./client'")]


def test_quotes_and_code_spans_do_not_make_a_difference() -> None:
    russian = ENGLISH.replace("**Default:** `'./client'`", '**По умолчанию:** `"./client"`').replace(
        "- **Default:** `'./server'`", "- **По умолчанию:** ./server"
    )
    assert _diffs(ENGLISH, russian) == []


def test_a_section_moved_or_added_still_pairs_by_its_option() -> None:
    english = "# A\n\n## `one`\n\n**Default:** `1`\n\n## `two`\n\n**Default:** `2`\n"
    spanish = (
        "# A\n\n## `two`\n\n**Por defecto:** `3`\n\n## `new`\n\n**Por defecto:** `9`\n\n"
        "## `one`\n\n**Por defecto:** `1`\n"
    )
    our, their = english.split("\n"), spanish.split("\n")
    pairs = pair_sections(
        sections(read_markdown(english), our, len(our)), sections(read_markdown(spanish), their, len(their))
    )
    assert {(e.key, t.key) for e, t in pairs if e.key} in ({("two", "two")}, {("one", "one")})
    # whichever side of the move is kept, nothing pairs across different options
    assert all(e.key == t.key for e, t in pairs if e.key and t.key)


def test_unequal_labelled_lines_pair_through_labels_learnt_on_the_page() -> None:
    english = (
        "# A\n\n## `x`\n\n**Type:** `number`\n**Default:** `1`\n\n"
        "## `y`\n\n**Type:** `number`\n**Since:** `2.0`\n**Default:** `5`\n"
    )
    german = "# A\n\n## `x`\n\n**Typ:** `number`\n**Standard:** `1`\n\n## `y`\n\n**Typ:** `number`\n**Standard:** `6`\n"
    assert _diffs(english, german) == [(11, "y", "6", "5")]


def test_table_rows_pair_by_their_key_cell_and_the_default_column_by_position() -> None:
    english = """# Button

|Property|Description|Type|DefaultValue|
|---|---|---|---|
|size|Size of the button. Only applies when `long` is `true`|string|`default`|
|long|Whether the width adapts|boolean|`-`|
|shape|Three shapes|string|`square`|
"""
    chinese = """# 按钮

|参数名|描述|类型|默认值|
|---|---|---|---|
|shape|按钮形状|string|`round`|
|size|按钮的尺寸，仅当 `long` 为 `false` 时生效|string|`default`|
|long|按钮宽度随容器自适应|boolean|无|
"""
    assert _diffs(english, chinese) == [(5, "shape", "round", "square")]


def test_component_props_pair_by_component_and_option() -> None:
    english = '# Ref\n\n<ParamField path="timeout" type="number" default={30}>\nSeconds.\n</ParamField>\n'
    french = '# Réf\n\n<ParamField path="timeout" type="number" default={60}>\nSecondes.\n</ParamField>\n'
    assert _diffs(english, french, mdx=True) == [(3, "timeout", "60", "30")]


def test_an_object_wrapping_the_option_is_its_value_only_when_the_page_writes_it_so() -> None:
    english = (
        "# A\n\n#### `proxy.persist`\n\n**Type:** `boolean`<br />\n**Default:** `true`\n\n"
        "#### `image.domains`\n\n**Type:** `Array<string>`<br />\n**Default:** `[]`\n"
    )
    french = (
        "# A\n\n#### proxy.persist\n\n**Type :** `{ persist?: boolean }`<br />\n"
        "**Par défaut :** `{ persist: true }`\n\n"
        "#### image.domains\n\n**Type :** `Array<string>`<br />\n**Par défaut :** `{domains: []}`\n"
    )
    assert _diffs(english, french) == [(11, "image.domains", "{domains: []}", "[]")]


def test_a_translated_default_text_is_marked_as_such() -> None:
    english = "# A\n\n## `label`\n\n**Default:** `'On this page'`\n"
    korean = "# A\n\n## `label`\n\n**기본값:** `'이 페이지에서'`\n"
    found = aligned_differences(read_markdown(english), english, read_markdown(korean), korean)
    assert [a.difference.translated for a in found] == [True]


def test_code_in_a_link_text_names_what_the_link_points_to_and_states_no_default(tmp_path: Path) -> None:
    page = tmp_path / "model.md"
    page.write_text(
        "# Model\n\n## `LLM_MODEL`\n\nThe default [`gpt-4-turbo` model card](https://example.com) lists its limits.\n"
    )
    assert [f for f in check_paths([str(page)], "en") if f.kind == STALE] == []
    page.write_text("# Model\n\n## `LLM_MODEL`\n\nThe default `gpt-4-turbo` model card lists its limits.\n")
    assert [f.stated for f in check_paths([str(page)], "en") if f.kind == STALE] == ["gpt-4-turbo"]


def test_the_readme_shows_what_check_docs_prints_on_a_project_with_no_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command = "$ check-docs docs\n"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme[readme.index(command) + len(command) :].split("```")[0]
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "no_settings", tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    assert main(["docs"]) == EXIT_FINDINGS
    assert capsys.readouterr().out == shown
    assert "translated-value" in shown and "value-drift" in shown


def test_a_default_given_as_a_config_block_compares_key_by_key() -> None:
    english = (
        "# dev.client\n\n- **Type:** `object`\n- **Default:**\n\n```js\nconst defaultConfig = {\n"
        "  path: '/hmr',\n  // By default it is set to location.port\n  port: '',\n  reconnect: 100,\n"
        "  overlay: {\n    errors: true,\n  },\n};\n```\n\nConfigures the client.\n"
    )
    chinese = (
        "# dev.client\n\n- **类型：** `object`\n- **默认值：**\n\n```js\nconst defaultConfig = {\n"
        "  path: \"/hmr\",\n  // 默认为 location.port\n  port: '',\n  reconnect: 50,\n"
        "  overlay: {\n    errors: false,\n  },\n};\n```\n\n配置客户端。\n"
    )
    assert [(line, setting, stated) for line, setting, stated, _ in _diffs(english, chinese)] == [
        (11, "dev.client: reconnect", "50"),
        (13, "dev.client: overlay.errors", "false"),
    ]


def test_a_default_given_as_nested_items_compares_its_literals() -> None:
    english = "# minify\n\n- **Default:**\n  - `true` when `target` is `web`.\n  - `false` when `target` is `node`.\n"
    chinese = (
        "# minify\n\n- **默认值：**\n  - 当 `target` 为 `web` 时为 `true`。\n  - 当 `target` 为 `node` 时为 `true`。\n"
    )
    assert _diffs(english, chinese) == [(4, "minify", "true", "false")]


def test_a_pairing_prefers_the_documented_option_over_a_heading_left_untranslated() -> None:
    english = (
        "# S\n\n## Setup\n\n### Actions\n\nText.\n\n### `session.cookie`\n\n**Default:** `astro-session`\n\n"
        "## API\n\n### `session.get()`\n\nText.\n"
    )
    french = (
        "# S\n\n## Installation\n\n### `session.cookie`\n\n**Par défaut :** `undefined`\n\n### Actions\n\nTexte.\n\n"
        "## API\n\n### `session.get()`\n\nTexte.\n"
    )
    assert _diffs(english, french) == [(7, "session.cookie", "undefined", "astro-session")]


def test_an_empty_default_cell_where_english_gives_one_is_a_difference() -> None:
    english = "# M\n\n| Option | Default | Description |\n| --- | --- | --- |\n| `aliases` | `{}` | Names |\n"
    polish = "# M\n\n| Opcja | Domyślnie | Opis |\n| --- | --- | --- |\n| `aliases` |  | Nazwy |\n"
    assert _diffs(english, polish) == [(5, "aliases", "nothing", "{}")]


def test_a_default_line_in_a_block_quote_pairs_too() -> None:
    english = "# C\n\n### `css.linter.enabled`\n\nEnables the linter.\n\n> Default: `true`\n"
    japanese = "# C\n\n### `css.linter.enabled`\n\nリンターを有効にします。\n\n> デフォルト: `false`\n"
    assert _diffs(english, japanese) == [(7, "css.linter.enabled", "false", "true")]


def test_a_built_page_s_labelled_lines_pair_as_the_markdown_ones() -> None:
    english = (
        "<h2>timeout</h2>\n<p><strong>Type:</strong> <code>int</code></p>\n"
        "<p><strong>Default:</strong> <code>30</code></p>\n"
    )
    french = (
        "<h2>timeout</h2>\n<p><strong>Type :</strong> <code>int</code></p>\n"
        "<p><strong>Par défaut :</strong> <code>60</code></p>\n"
    )
    found = aligned_differences(read_html(english), english, read_html(french), french)
    assert [(a.line, a.difference.stated.text, a.difference.expected.text) for a in found] == [(3, "60", "30")]


def test_a_section_left_in_the_translations_language_on_the_english_page_is_no_anchor() -> None:
    # antvis/G2 at 604c1e9184af (site/docs/manual/core/data/fetch.en.md): the English page keeps a
    # Chinese copy of two sections after its own; "## 开始使用" is in both pages but is no shared name
    table = "| 属性 | 类型 | 默认值 |\n| --- | --- | --- |\n| format | `string` | {} |\n"
    english = (
        "# Fetch\n\n## Overview\n\n### Usage\n\n## Getting Started\n\n## Configuration\n\n"
        + table.replace("{}", "`.` suffix")
        + "\n## 开始使用\n\n## 选项\n\n"
        + table.replace("{}", "`json`")
    )
    chinese = "# Fetch\n\n## 概述\n\n### 使用方式\n\n## 开始使用\n\n## 配置项\n\n" + table.replace("{}", "`.` 后缀")
    assert _diffs(english, chinese) == []
    # a name both pages write alike still pairs its section
    zig_en = english.replace("### Usage", "### Zig\n\n**Default:** `1`")
    zig_zh = chinese.replace("### 使用方式", "### Zig\n\n**默认值:** `2`")
    assert _diffs(zig_en, zig_zh) == [(7, "Zig", "2", "1")]


def test_a_row_named_default_under_translated_column_labels_is_no_transposed_table() -> None:
    # tusen-ai/naive-ui at 2ac0b01e (src/calendar/demos/*/index.demo-entry.md): a slot named `default`
    english = "# Calendar\n\n| Name | Parameters | Description |\n| --- | --- | --- |\n"
    english += "| default | `({ year: number })` | Each date. |\n"
    chinese = (
        "# 日历\n\n| 名称 | 参数 | 说明 |\n| --- | --- | --- |\n| default | `(props: { year: number })` | 每个日期 |\n"
    )
    assert _diffs(english, chinese) == []
    # a transposed table names its options in the header, alike in both languages
    english = "# Retry\n\n| | `timeout` | `retries` |\n| --- | --- | --- |\n| Default | `30` | `2` |\n"
    chinese = "# 重试\n\n| | `timeout` | `retries` |\n| --- | --- | --- |\n| 默认值 | `30` | `3` |\n"
    assert _diffs(english, chinese) == [(5, "retries", "3", "2")]


def test_sections_with_translated_headings_pair_by_the_options_their_tables_list() -> None:
    # starship/starship at e703d86b7efb (docs/config/README.md): English added a section the
    # German page lacks, so "## Battery"/"## Akkustand" no longer pair by order; its table does
    row = "| `{}` | `'{}'` | x |\n"
    table = "| Option | Default | Description |\n| --- | --- | --- |\n"
    english = (
        "# Config\n\n## Azure\n\n### Options\n\n"
        + table
        + row.format("format", "on")
        + row.format("style", "blue")
        + "\n#### Subscription Alias\n\nNew.\n\n## Battery\n\n### Options\n\n"
        + table
        + row.format("full_symbol", "F")
        + row.format("charging_symbol", "C")
    )
    german = (
        "# Konfiguration\n\n## Azure\n\n### Optionen\n\n"
        + table
        + row.format("format", "on")
        + row.format("style", "blue")
        + "\n## Akkustand\n\n### Optionen\n\n"
        + table
        + row.format("full_symbol", "F")
        + row.format("charging_symbol", "X")
    )
    assert _diffs(english, german) == [(19, "charging_symbol", "'X'", "'C'")]


def test_tables_pair_by_their_row_keys_when_the_sections_hold_different_numbers() -> None:
    # starship/starship at cfff77043e95 (docs/zh-TW/config/README.md): the translated Options
    # section holds a second table the English one no longer has
    table = "| Option | Default | Description |\n| --- | --- | --- |\n"
    english = "# Battery\n\n### Options\n\n" + table + "| `full_symbol` | `'F'` | full |\n| `format` | `'f'` | x |\n"
    chinese = (
        "# 電池\n\n### 選項\n\n"
        + table
        + "| `full_symbol` | `'•'` | 充飽 |\n| `format` | `'f'` | x |\n\n"
        + "| Variable | 說明 | x |\n| --- | --- | --- |\n| `percentage` | `'1'` | x |\n"
    )
    assert _diffs(english, chinese) == [(7, "full_symbol", "'•'", "'F'")]


def test_options_sections_listing_the_same_options_pair_under_their_parent_heading() -> None:
    # starship/starship at 20e10c550f4d: every language module lists format, version_format, ...;
    # "### Options" under "## Vagrant" (a name left alike) is the one under "## Vagrant"
    table = "| Option | Default |\n| --- | --- |\n| `format` | `'via'` |\n| `version_format` | `{}` |\n"
    english = (
        "# Config\n\n## Vagrant\n\n### Options\n\n" + table.format('"v${raw}"') + "\n### Example\n\nx\n\n"
        "## Zig\n\n### Options\n\n" + table.format('"v${raw}"') + "\n### Example\n\nx\n"
    )
    chinese = (
        "# 設定\n\n## Vagrant\n\n### 選項\n\n" + table.format("v{raw}") + "\n"
        "## Zig\n\n### 選項\n\n" + table.format('"v${raw}"') + "\n### 範例\n\nx\n"
    )
    assert _diffs(english, chinese) == [(10, "version_format", "v{raw}", '"v${raw}"')]
