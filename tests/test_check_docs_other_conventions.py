"""Other projects' conventions are not findings: pages shaped like real projects' docs.

A docs tree that never used our placeholders, our ``source_hash`` stamps or plain-text
file trees must get no finding for them; the same pages broken for real still do. The
pages are built here, shaped like the real ones that raised false alarms (file trees in
code blocks, JSX ``style={{ color: ... }}`` props, Handlebars-like templates).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.support.docs_tree import read, write
from transdocs import InputError, check_paths
from transdocs.languages.detect import prose_of
from transdocs.project import Project
from transdocs.report.findings import ENCODING, OUTDATED, STALE, STRUCTURE, VALUE_DRIFT
from transdocs.tools.stamp import stamp_paths

FILE_TREE = """\
# Output structure

The build writes one HTML file for each entry, under the output folder:

```bash
/dist
 └── [name].html
```

A larger project keeps its pages and layouts apart:

```text
src/
├── pages/
│   ├── index.astro
│   └── about.astro
└── layouts/
    └── Base.astro
```
"""


def test_box_drawing_characters_of_a_file_tree_are_not_mojibake(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "structure.md"
    page.parent.mkdir(parents=True)
    write(page, FILE_TREE)

    assert [f for f in check_paths([str(tmp_path / "docs")]) if f.kind == ENCODING] == []


def test_a_file_tree_that_went_through_a_code_page_is_still_mojibake(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "structure.md"
    page.parent.mkdir(parents=True)
    write(page, FILE_TREE.encode("utf-8").decode("cp1252", errors="replace"))
    first = next(n for n, line in enumerate(read(page).split("\n"), start=1) if not line.isascii())

    found = [(f.kind, f.line) for f in check_paths([str(tmp_path / "docs")])]

    assert (ENCODING, first) in found


ENGLISH = "# Guide\n\nThe server listens on port `4321` unless told otherwise.\n"
FRENCH = "# Guide\n\nLe serveur écoute sur le port `4321` sauf indication contraire.\n"


def git(folder: Path, *args: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    environment = {**os.environ, **identity, "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", *args], cwd=folder, env=environment, check=True, capture_output=True)


def never_stamped_tree(root: Path, names: list[str]) -> Path:
    """English and French pages of ``names``, committed together once, with no source_hash."""
    docs = root / "docs"
    for name in names:
        (docs / "en").mkdir(parents=True, exist_ok=True)
        (docs / "fr").mkdir(parents=True, exist_ok=True)
        write(docs / "en" / name, ENGLISH)
        write(docs / "fr" / name, FRENCH)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "pages")
    return docs


def outdated(docs: Path) -> list[str]:
    return sorted(Path(f.path).name for f in check_paths([str(docs)]) if f.kind == OUTDATED)


def test_a_never_stamped_tree_without_git_has_no_outdated_finding(tmp_path: Path) -> None:
    for lang, text in (("en", ENGLISH), ("fr", FRENCH)):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        write(tmp_path / "docs" / lang / "guide.md", text)

    assert outdated(tmp_path / "docs") == []


def test_a_never_stamped_translation_is_outdated_once_when_git_says_its_english_page_changed_after_it(
    tmp_path: Path,
) -> None:
    # Names git would quote without -z: a space, a tab, a newline, a quote, non-ASCII.
    names = ["guide.md", "two words.md", "tab\there.md", "new\nline.md", 'quo"te.md', "café.md"]
    docs = never_stamped_tree(tmp_path, names)
    assert outdated(docs) == []  # committed together: as new as each other

    for name in ("two words.md", "tab\there.md", "new\nline.md", 'quo"te.md', "café.md"):
        write(docs / "en" / name, ENGLISH.replace("4321", "3000"))
    git(tmp_path, "commit", "-q", "-am", "English changes port")
    write(docs / "fr" / 'quo"te.md', FRENCH.replace("4321", "3000"))
    git(tmp_path, "commit", "-q", "-am", "one translation follows")
    write(docs / "fr" / "café.md", FRENCH.replace("4321", "3000"))  # being updated, not committed yet

    found = [f for f in check_paths([str(docs)]) if f.kind == OUTDATED]

    assert sorted(Path(f.path).name for f in found) == ["new\nline.md", "tab\there.md", "two words.md"]
    assert all(f.line == 1 and f.lang == "fr" and "changed after this page" in f.message for f in found)


def test_in_a_stamped_tree_a_translation_without_its_stamp_is_still_outdated(tmp_path: Path) -> None:
    docs = never_stamped_tree(tmp_path, ["a.md", "b.md"])
    stamp_paths([docs / "fr" / "a.md"])

    found = [f for f in check_paths([str(docs)]) if f.kind == OUTDATED]

    assert [(Path(f.path).name, "no source_hash" in f.message) for f in found] == [("b.md", True)]


def test_one_unstamped_page_checked_alone_is_outdated_when_its_other_translations_are_stamped(
    tmp_path: Path,
) -> None:
    docs = never_stamped_tree(tmp_path, ["a.md"])
    (docs / "de").mkdir()
    write(docs / "de" / "a.md", "# Anleitung\n\nDer Server hört auf Port `4321`, wenn nichts anderes gesagt wird.\n")
    stamp_paths([docs / "de" / "a.md"])

    found = [f for f in check_paths([str(docs / "fr" / "a.md")]) if f.kind == OUTDATED]

    assert ["no source_hash" in f.message for f in found] == [True]


def put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path, text)


# Defaults of every JSON type, as real config references state them (Astro-, rsbuild-shaped).
SETTINGS = [
    {"name": "subsets", "env": None, "key": "subsets", "default": ["latin"]},
    {"name": "weights", "env": None, "key": "weights", "default": [400]},
    {"name": "build.client", "env": None, "key": "build.client", "default": "./client"},
    {"name": "server.port", "env": None, "key": "server.port", "default": 4321},
    {"name": "compressHTML", "env": None, "key": "compressHTML", "default": True},
    {"name": "security", "env": None, "key": "security", "default": {"checkOrigin": True}},
    {"name": "adapter", "env": None, "key": "adapter", "default": None},
    {"name": "wrapper", "env": None, "key": "wrapper", "default": "form"},
]
REFERENCE = """\
# Configuration reference

### subsets

**Type:** `string[]`<br>
**Default:** `{subsets}`

### weights

**Type:** `number[]`<br>
**Default:** `{weights}`

### build.client

**Type:** `string`<br>
**Default:** `{client}`

### server.port

**Type:** `number`<br>
**Default:** `{port}`

### compressHTML

**Type:** `boolean`<br>
**Default:** `{compress}`

### security

**Type:** `object`<br>
**Default:** `{security}`

### adapter

**Type:** `AstroIntegration`<br>
**Default:** `{adapter}`

## Form

| Property | Description | Type | Default |
| --- | --- | --- | --- |
| `wrapper` | The element that wraps the form | `string` | `{wrapper}` |
"""
STATED_AGREEING = {
    "subsets": "['latin']",
    "weights": "[ 400 ]",
    "client": '"./client"',
    "port": "4321",
    "compress": "true",
    "security": "{ checkOrigin: true }",
    "adapter": "undefined",
    "wrapper": "'form'",
}
STATED_STALE = {
    "subsets": "['latin', 'latin-ext']",
    "weights": "[400, 700]",
    "client": "'./dist/client'",
    "port": "3000",
    "compress": "false",
    "security": "{ checkOrigin: false }",
    "adapter": "'node'",
    "wrapper": "-",  # a table's dash: no default given, not a different one
}


def settings_file(folder: Path, settings: list[dict[str, object]]) -> Project:
    path = folder / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    return Project(settings=str(path))


def test_a_settings_file_takes_every_json_type_and_quotes_or_spacing_are_no_difference(tmp_path: Path) -> None:
    put(tmp_path / "docs" / "en" / "reference.md", REFERENCE.format(**STATED_AGREEING))
    put(tmp_path / "docs" / "fr" / "reference.md", REFERENCE.format(**STATED_STALE).replace("Default:", "Par défaut :"))

    found = check_paths([str(tmp_path / "docs")], project=settings_file(tmp_path, SETTINGS))

    stale = sorted((f.path.split("/")[-2], f.setting, f.stated) for f in found if f.kind == STALE)
    assert stale == sorted(
        ("fr", setting["key"], STATED_STALE[short])
        for setting, short in zip(SETTINGS, STATED_STALE, strict=True)
        if short != "wrapper"
    )


@pytest.mark.parametrize(
    "default",
    [["a", {"b": [1, None]}], {"nested": {"deep": [True, 1.5, "x"]}}, None, "", 0, False, [], {}, "x" * 500],
)
def test_no_default_in_a_settings_file_makes_the_check_refuse_to_run(tmp_path: Path, default: object) -> None:
    put(tmp_path / "docs" / "en" / "page.md", "# Page\n\n### option\n\n**Default:** `1`\n")
    settings = [{"name": "option", "env": None, "key": "option", "default": default}]

    found = check_paths([str(tmp_path / "docs")], project=settings_file(tmp_path, settings))

    assert all(f.kind == STALE for f in found)


# Component docs reuse option names with their own defaults (Arco-, Ant-shaped API tables).
SCOPED = [
    {"name": "size", "env": None, "key": "size", "default": "default", "pages": ["Button.md"]},
    {"name": "size", "env": None, "key": "size", "default": "large", "pages": ["Modal.md"]},
    {"name": "type", "env": None, "key": "type", "default": "secondary", "section": "Button"},
    {"name": "type", "env": None, "key": "type", "default": "text", "section": "Input"},
    {"name": "loading", "env": None, "key": "loading", "default": False},
]
HEADER = {"en": "|Property|Description|Type|DefaultValue|", "zh-CN": "|参数名|描述|类型|默认值|"}
BUTTON = """\
# Button

## API

### Button

{header}
|---|---|---|---|
|`size`|-|`'mini' \\| 'default' \\| 'large'`|`{size}`|
|`type`|-|`'primary' \\| 'secondary'`|`{button}`|
|`loading`|-|`boolean`|`{loading}`|

### {input}

{header}
|---|---|---|---|
|`type`|-|`'text' \\| 'password'`|`{input_type}`|
"""
MODAL = "# Modal\n\n## API\n\n{header}\n|---|---|---|---|\n|`size`|-|`'small' \\| 'large'`|`{size}`|\n"


def component_docs(root: Path, zh_button: dict[str, str], zh_modal_size: str) -> Path:
    english = {"size": "'default'", "button": "'secondary'", "loading": "false", "input": "Input"}
    put(root / "docs" / "en" / "Button.md", BUTTON.format(header=HEADER["en"], input_type="'text'", **english))
    put(root / "docs" / "en" / "Modal.md", MODAL.format(header=HEADER["en"], size="'large'"))
    put(root / "docs" / "zh-CN" / "Button.md", BUTTON.format(header=HEADER["zh-CN"], input="输入框", **zh_button))
    put(root / "docs" / "zh-CN" / "Modal.md", MODAL.format(header=HEADER["zh-CN"], size=zh_modal_size))
    return root / "docs"


def test_a_name_scoped_to_pages_or_sections_is_checked_against_the_default_of_its_scope(tmp_path: Path) -> None:
    agreeing = {"size": "'default'", "button": "'secondary'", "loading": "false", "input_type": "'text'"}
    docs = component_docs(tmp_path / "agree", agreeing, "'large'")
    assert check_paths([str(docs)], project=settings_file(tmp_path, SCOPED)) == []

    stale = {"size": "'large'", "button": "'primary'", "loading": "true", "input_type": "'password'"}
    docs = component_docs(tmp_path / "stale", stale, "'small'")

    found = check_paths([str(docs)], project=settings_file(tmp_path, SCOPED))

    # The translated heading "输入框" is the section "Input" through the English heading at its place.
    assert sorted((Path(f.path).name, f.setting, f.stated, f.expected) for f in found) == [
        ("Button.md", "loading", "true", "false"),
        ("Button.md", "size", "'large'", "default"),
        ("Button.md", "type", "'password'", "text"),
        ("Button.md", "type", "'primary'", "secondary"),
        ("Modal.md", "size", "'small'", "large"),
    ]


def test_a_scoped_name_outside_every_scope_is_not_checked(tmp_path: Path) -> None:
    put(tmp_path / "docs" / "en" / "Tag.md", MODAL.replace("Modal", "Tag").format(header=HEADER["en"], size="'mini'"))

    assert check_paths([str(tmp_path / "docs")], project=settings_file(tmp_path, SCOPED)) == []


@pytest.mark.parametrize(("field", "value"), [("pages", [1]), ("pages", {"a": 1}), ("section", ""), ("section", 3)])
def test_a_malformed_scope_is_one_line_naming_the_file_and_setting(tmp_path: Path, field: str, value: object) -> None:
    settings = [{"name": "size", "env": None, "key": "size", "default": "default", field: value}]

    with pytest.raises(InputError) as raised:
        check_paths([str(tmp_path)], project=settings_file(tmp_path, settings))

    assert "settings.json" in str(raised.value) and "'size'" in str(raised.value) and field in str(raised.value)


PORT_SETTINGS = [{"name": "server.port", "env": None, "key": "server.port", "default": 4321}]
PORT_PAGE = "# {title}\n\n### server.port\n\n**Type:** `number`<br>\n**{label}** `{port}`\n\n{text}\n"


def port_pages(root: Path, english_port: str, korean_port: str) -> Path:
    english = PORT_PAGE.format(title="Reference", label="Default:", port=english_port, text="The dev server's port.")
    korean = PORT_PAGE.format(title="참조", label="기본값:", port=korean_port, text="개발 서버가 수신하는 포트입니다.")
    put(root / "docs" / "en" / "ref.md", english)
    put(root / "docs" / "ko" / "ref.md", korean)
    return root / "docs"


def test_when_the_english_page_is_the_stale_side_the_translation_agreeing_with_the_settings_says_so(
    tmp_path: Path,
) -> None:
    docs = port_pages(tmp_path, english_port="3000", korean_port="4321")

    found = {
        Path(f.path).parent.name: f for f in check_paths([str(docs)], project=settings_file(tmp_path, PORT_SETTINGS))
    }

    assert (found["en"].kind, found["en"].line, found["en"].stated) == (STALE, 6, "3000")
    assert found["ko"].line == 6
    assert "the English page is stale" in found["ko"].message and f"{found['en'].path}:6" in found["ko"].message


def test_a_translation_that_disagrees_with_the_settings_and_its_english_page_is_blamed(tmp_path: Path) -> None:
    docs = port_pages(tmp_path, english_port="4321", korean_port="3000")

    [finding] = check_paths([str(docs)], project=settings_file(tmp_path, PORT_SETTINGS))

    assert (Path(finding.path).parent.name, finding.line, finding.stated) == ("ko", 6, "3000")
    assert finding.kind in (STALE, VALUE_DRIFT) and "English page is stale" not in finding.message


TEMPLATES = """\
# Error pages

The error template receives the error. Print its stack while you develop:

```handlebars
<pre>{{ error stack }}</pre>
<p>{{ message }}</p>
```

A cell border is set with `border={{ cell: true }}`, a colour with `style={{ color: "black" }}`.
"""


def test_double_braces_of_a_project_that_does_not_use_our_placeholders_are_not_broken_placeholders(
    tmp_path: Path,
) -> None:
    put(tmp_path / "docs" / "en" / "errors.md", TEMPLATES)
    translated = TEMPLATES.replace("# Error pages", "# Pages d'erreur").replace(
        "The error template receives the error. Print its stack while you develop:",
        "Le modèle reçoit l'erreur. Affichez sa pile pendant le développement :",
    )
    put(tmp_path / "docs" / "fr" / "errors.md", translated.replace("<p>{{ message }}</p>\n", ""))

    assert [f for f in check_paths([str(tmp_path / "docs")]) if f.kind == STRUCTURE] == []


def test_in_a_project_that_uses_our_placeholders_a_missing_brace_is_still_found(tmp_path: Path) -> None:
    ours = "Set `{{ num_retries.env }}` to change how often a call is retried.\n\n"
    put(tmp_path / "docs" / "en" / "retries.md", TEMPLATES.replace("The error", ours + "The error"))
    put(tmp_path / "docs" / "en" / "broken.md", "# Broken\n\nSet {{ num_retries.env } to retry less often.\n")

    found = [(Path(f.path).name, f.line) for f in check_paths([str(tmp_path / "docs")]) if f.kind == STRUCTURE]

    assert ("broken.md", 3) in found


def test_outdated_from_git_is_found_for_a_tree_given_as_a_relative_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = never_stamped_tree(tmp_path, ["guide.md"])
    write(docs / "en" / "guide.md", ENGLISH.replace("4321", "3000"))
    git(tmp_path, "commit", "-q", "-am", "English changes port")
    monkeypatch.chdir(tmp_path)

    found = [f for f in check_paths(["docs"]) if f.kind == OUTDATED]

    assert [(f.path, f.line) for f in found] == [(str(Path("docs", "fr", "guide.md")), 1)]


FENCES = """\
# Contributing

Run the tests:

```{run}
pnpm run test
```

The output looks like this:

```{output}
PASS  tests/index.test.ts
```

Configure the build:

```{config}
export default {{ mode: 'production' }};
```
"""


def fenced_pages(root: Path, translated: dict[str, str]) -> Path:
    put(root / "docs" / "en" / "contributing.md", FENCES.format(run="bash", output="", config="js"))
    french = FENCES.format(**translated).replace("Run the tests:", "Lancez les tests :")
    put(root / "docs" / "fr" / "contributing.md", french.replace("Configure the build:", "Configurez le build :"))
    return root / "docs"


def test_a_translation_that_retags_a_code_fence_with_an_alias_or_plain_text_has_no_structure_finding(
    tmp_path: Path,
) -> None:
    docs = fenced_pages(tmp_path, {"run": "sh", "output": "txt", "config": "javascript"})

    assert [f for f in check_paths([str(docs)]) if f.kind == STRUCTURE] == []


def test_a_code_fence_in_another_language_is_still_a_structure_finding(tmp_path: Path) -> None:
    docs = fenced_pages(tmp_path, {"run": "bash", "output": "", "config": "ts"})

    found = [f for f in check_paths([str(docs)]) if f.kind == STRUCTURE]

    fence = read(docs / "fr" / "contributing.md").split("\n").index("```ts") + 1
    assert [(f.line, "```js" in f.message) for f in found] == [(fence, True)]


@pytest.mark.parametrize(
    "front",
    [
        '+++\ntitle = "配置参考"\nweight = 20\ndraft = false\n[menu.main]\nparent = "reference"\n+++\n',  # Hugo
        "---\r\ntitle: 配置参考\r\nsidebar_label: 配置\r\n---\r\n",  # saved on Windows
        "\ufeff---\ntitle: 配置参考\ndescription: 服务器的全部选项\n---\n",  # with a byte order mark
        "---\ntitle: 配置参考\ni18nReady: true\n...\n",  # closed the YAML way
    ],
)
def test_front_matter_in_every_form_is_not_read_as_the_pages_prose(front: str) -> None:
    body = "# 配置\n\n服务器默认监听本机地址，修改后请重新启动服务器。\n"

    assert prose_of(front + body).split() == prose_of(body).split()


ANGLES = """\
# Polar coordinates

The start angle is measured in radians:

| Degrees | Radians | Position            |
| ------- | ------- | ------------------- |
| 0°      | 0       | 3 o'clock direction |
| 90°     | π/2     | 12 o'clock          |
| 180°    | π       | 9 o'clock           |
| 270°    | 3π/2    | 6 o'clock           |

```js
chart.coordinate({ type: 'polar', startAngle: -Math.PI / 2 }); // start from -π/2
```
"""
CJK_IN_CODE = """\
# Containers

Containers take a default title per locale:

```js
container({ locales: { '/zh/': { defaultInfo: '提示' } } });
```
"""


@pytest.mark.parametrize("text", [ANGLES, CJK_IN_CODE], ids=["greek-and-degrees", "cjk-in-code"])
def test_a_few_greek_letters_degrees_or_cjk_words_on_an_english_page_are_not_mojibake(
    tmp_path: Path, text: str
) -> None:
    put(tmp_path / "docs" / "en" / "page.md", text)

    assert [f for f in check_paths([str(tmp_path / "docs")]) if f.kind == ENCODING] == []
