"""check-docs' ``typography`` and ``glossary`` findings, on docs trees another project would have.

Typography rules are data in the language files (``[[typography]]``): French spacing around
high punctuation, no space between two CJK characters, full-width punctuation after CJK text;
a project adds rules of the same form for its own languages (German quotes, Spanish ¿…?). The
glossary is the project's file of words to use and words to avoid per language.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transdocs.batch import check_paths
from transdocs.checks import by_kind
from transdocs.checks.glossary import KIND as GLOSSARY
from transdocs.checks.typography import KIND as TYPOGRAPHY
from transdocs.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from transdocs.languages.typography import slips
from transdocs.languages.words import words
from transdocs.pages.markdown import read_markdown
from transdocs.pages.reader_view import markdown_lines
from transdocs.project import Project
from transdocs.report.findings import Finding

CHECK_DOCS = [sys.executable, "-c", "import sys; from transdocs.cli import main; sys.exit(main())"]
NBSP, NNBSP = "\u00a0", "\u202f"

ENGLISH = """# Retries

Note: a call retries 3 times. Why? Because networks fail!

Wait 2 seconds; then try again.
"""
FRENCH = f"""# Nouvelles tentatives

Remarque{NNBSP}: un appel réessaie 3 fois.

Pourquoi ? Parce que le réseau tombe en panne{NBSP}!
"""
JAPANESE = """# 再試行

呼び出しは 3 回まで再試行します。

最大 32 秒 となります。
"""


def _tree(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs"


def _found(docs: Path, kind: str, **options: str) -> list[Finding]:
    project = Project(base=docs.parent, **options)  # type: ignore[arg-type]
    return [f for f in check_paths([str(docs)], project=project, use_cache=False) if f.kind == kind]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CHECK_DOCS, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_a_french_and_a_japanese_slip_are_found_on_their_lines_and_nothing_on_english(tmp_path: Path) -> None:
    docs = _tree(tmp_path, {"en/retries.md": ENGLISH, "fr/retries.md": FRENCH, "ja/retries.md": JAPANESE})
    done = _run(tmp_path, "--format", "json", "docs")
    assert done.returncode == EXIT_OK, done.stderr  # a warning: the run passes without --strict
    found = [(f["path"], f["line"], f["lang"]) for f in json.loads(done.stdout) if f["kind"] == TYPOGRAPHY]
    assert found == [("docs/fr/retries.md", 5, "fr"), ("docs/ja/retries.md", 5, "ja")]
    assert _run(tmp_path, "--strict", "docs").returncode == EXIT_FINDINGS
    messages = [f.message for f in _found(docs, TYPOGRAPHY)]
    assert "an ordinary space before '?'" in messages[0] and "U+202F or U+00A0" in messages[0]
    assert "'秒 と'" in messages[1]


# Lines a French page writes correctly, or whose marks are not French punctuation.
FRENCH_CLEAN = f"""---
title: "Référence : les options"
---

# Options{NNBSP}: référence

Voir https://example.com/a?b=c:d et <https://example.com/x?y> ou [le guide](guide.md#a:b "Titre : x").

Le code `a ? b : c` et ``x ; y`` restent tels quels{NNBSP}; {{{{ retry.max_requests }}}} aussi.

{{% include "x : y" %}} et {{{{ settings_table }}}}

<span title="Titre : x" data-a="b ; c">texte</span> à 10:30, le 1:2, std::vector.

C'est génial :tada: et :+1:. «&nbsp;Citation&nbsp;» et «&#8239;autre&#8239;»{NNBSP}!

**Type{NNBSP}:** <code>(config: Config, options?: Options) => void</code>

!!! note "Remarque{NNBSP}?"

    Un contenu.

::: tip Astuce
Un conseil.
:::

| Option | Valeur |
| :--- | ---: |
| `a` | 1 |

```python
x = {{"a": 1}}  # Pourquoi ? : !
```

[ref]: https://example.com/a:b "Titre : x"
"""


def test_code_urls_placeholders_markup_and_correct_spaces_are_no_slip(tmp_path: Path) -> None:
    docs = _tree(tmp_path, {"en/page.md": "# Page\n\nText.\n", "fr/page.md": FRENCH_CLEAN})
    assert _found(docs, TYPOGRAPHY) == []


@pytest.mark.parametrize(
    ("line", "slipped"),
    [
        ("Attention : lisez ceci.", True),
        ("Attention: lisez ceci.", True),
        ("**Attention** : lisez ceci.", True),  # readers see "Attention :"
        ("La clé `a` : lisez ceci.", True),
        ("« Bonjour »", True),
        (f"«{NNBSP}Bonjour{NNBSP}»", False),
        ("Voir [la page](https://x.org/?a=b).", False),
        ("L'heure : 10:30.", True),
        ("L'heure\u00a0: 10:30.", False),
    ],
)
def test_french_spacing(line: str, slipped: bool) -> None:
    doc = read_markdown(line)
    seen = [text for _, text in markdown_lines(line, doc)]
    assert bool(slips(seen[0], words("fr").typography)) == slipped, seen


@pytest.mark.parametrize(
    ("line", "slipped"),
    [
        ("最大 32 秒 となります。", True),
        ("完了しました。 次へ進みます。", True),  # two sentences joined with an ASCII space
        ("设置项:超时", True),
        ("次のとおりです:", True),
        ("设置好了,然后重试。", True),
        ("呼び出しは 3 回まで `retry` を使います。", False),  # CJK beside digits and code: house style
        ("参考 [文档](guide.md) 了解更多。", False),  # a space beside a link: house style
        ("**注意** 这里。", False),
        ("ターゲット フレームワーク", False),  # katakana compound (ja)
        ("- 类型: `string`", False),  # a label before a value in code
        ("见 https://a.cn/x?y=1,2 说明。", False),
        ("设置：超时，然后重试！", False),
    ],
)
def test_cjk_spacing_and_punctuation(line: str, slipped: bool) -> None:
    lang = "ja" if any("\u3040" <= c <= "\u30ff" for c in line) else "zh"
    seen = [text for _, text in markdown_lines(line, read_markdown(line))]
    assert bool(slips(seen[0], words(lang).typography)) == slipped, seen


def test_a_built_html_page_is_read_as_readers_see_it(tmp_path: Path) -> None:
    article = (
        "<p>Attention : la valeur <code>a : b</code> vaut 300\u00a0s.</p>\n"
        '<p title="x : y">Tout va bien\u202f!</p>\n'
        "<table><tr><th>Clé</th></tr><tr><td>Valeur :</td></tr>\n<tr><td>Défaut\u00a0: 120</td></tr></table>"
    )
    page = f'<html lang="fr"><body><nav>Menu : x</nav><article>\n{article}\n</article></body></html>\n'
    site = tmp_path / "site" / "fr"
    site.mkdir(parents=True)
    (site / "index.html").write_text(page, encoding="utf-8")
    found = _found(tmp_path / "site", TYPOGRAPHY)
    assert [(f.line, f.lang) for f in found] == [(2, "fr"), (4, "fr")]


def test_an_english_page_has_no_typography_rules() -> None:
    assert words("en").typography == ()


def test_other_languages_write_rules_of_the_same_form(tmp_path: Path) -> None:
    rules = tmp_path / "languages"
    rules.mkdir()
    (rules / "de.toml").write_text(
        'name = "Deutsch"\nscripts = ["Latin"]\n\n[[typography]]\nrule = "quotes"\nopen = "„"\nclose = "“"\n'
        "instead = ['\"']\n",
        encoding="utf-8",
    )
    (rules / "es.toml").write_text(
        'name = "Español"\nscripts = ["Latin"]\n\n[[typography]]\nrule = "inverted"\nopen = "¿"\nclose = "?"\n',
        encoding="utf-8",
    )
    docs = _tree(
        tmp_path,
        {
            "en/page.md": '# Page\n\nSay "hello". Why? Because.\n',
            "de/page.md": '# Seite\n\nSag "hallo".\n\nSag „hallo“.\n',
            "es/page.md": "# Página\n\nDi hola. ¿Por qué? Porque.\n\nDi hola. Por qué? Porque.\n",
        },
    )
    found = _found(docs, TYPOGRAPHY, languages=str(rules))
    assert [(Path(f.path).parent.name, f.line) for f in found] == [("de", 3), ("es", 5)]


def test_a_bad_rule_is_one_line_naming_the_file(tmp_path: Path) -> None:
    rules = tmp_path / "languages"
    rules.mkdir()
    (rules / "fr.toml").write_text('[[typography]]\nrule = "kerning"\n', encoding="utf-8")
    _tree(tmp_path, {"en/page.md": "# Page\n", "fr/page.md": "# Page\n"})
    done = _run(tmp_path, "--languages", "languages", "docs")
    assert done.returncode == EXIT_USAGE
    assert done.stderr.count("\n") == 1 and "fr.toml: typography rule 1: rule:" in done.stderr


GLOSSARY_FR = """glossary:
  setting: {use: paramètre, avoid: [réglage, réglages]}
  retry: {use: nouvelle tentative, note: "une requête renvoyée", avoid: [réessai]}
"""


def test_a_glossary_slip_in_a_foreign_tree(tmp_path: Path) -> None:
    french = "# Réglages\n\nChaque paramètre compte.\n\nUn réglage, puis un `réglage` en code.\n"
    docs = _tree(tmp_path, {"en/page.md": "# Settings\n\nText.\n", "fr/page.md": french, "_data/fr.yml": GLOSSARY_FR})
    found = _found(docs, GLOSSARY)
    assert [(f.line, f.stated, f.expected) for f in found] == [
        (1, "Réglages", "paramètre"),
        (5, "réglage", "paramètre"),
    ]


def test_a_project_names_its_glossary_file(tmp_path: Path) -> None:
    terms = '[fr.glossary.setting]\nuse = "paramètre"\navoid = ["réglage"]\n'
    (tmp_path / "terms.toml").write_text(terms, encoding="utf-8")
    _tree(tmp_path, {"en/page.md": "# Settings\n", "fr/page.md": "# Page\n\nUn réglage.\n"})
    (tmp_path / "pyproject.toml").write_text('[tool.check-docs]\nglossary = "terms.toml"\n', encoding="utf-8")
    done = _run(tmp_path, "--format", "json", "docs")
    assert done.returncode == EXIT_OK, done.stderr
    assert [(f["kind"], f["line"]) for f in json.loads(done.stdout)] == [(GLOSSARY, 3)]
    (tmp_path / "pyproject.toml").unlink()
    done = _run(tmp_path, "--glossary", "terms.toml", "--strict", "docs")
    assert done.returncode == EXIT_FINDINGS and "'réglage': the glossary says 'paramètre'" in done.stdout


def test_the_kinds_explain_themselves() -> None:
    for kind in (TYPOGRAPHY, GLOSSARY):
        check = by_kind(kind)
        assert check is not None and check.severity == "warning" and check.explain
        done = _run(Path.cwd(), "--explain", kind)
        assert done.returncode == EXIT_OK and check.explain.split("\n")[0] in done.stdout


def test_a_changed_glossary_is_read_again_by_a_cached_run(tmp_path: Path) -> None:
    docs = _tree(tmp_path, {"en/page.md": "# Page\n\nText.\n", "fr/page.md": "# Page\n\nUn réglage.\n"})
    (docs / "_data").mkdir()
    glossary = docs / "_data" / "fr.yml"
    glossary.write_text("glossary:\n  setting: {use: paramètre}\n", encoding="utf-8")
    project = Project(base=tmp_path)
    assert [f for f in check_paths([str(docs)], project=project) if f.kind == GLOSSARY] == []
    glossary.write_text(GLOSSARY_FR, encoding="utf-8")  # the page is unchanged, its findings are not
    assert [f.line for f in check_paths([str(docs)], project=project) if f.kind == GLOSSARY] == [3]
