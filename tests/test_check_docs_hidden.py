"""Numbers as readers see them: hidden characters inside values, thousands separators by language.

A stale value written ``30\\u00ad0`` shows readers 300: it must be found as 300, and the
soft hyphen reported on its own line (``hidden-character``). ``1 024`` in French is 1024,
not 1; ``1.024`` in German likewise. Line numbers stay those of the file.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from transdocs.cli import EXIT_FINDINGS, EXIT_OK
from transdocs.pages import visible as visible_module
from transdocs.pages.visible import _FENCE, _QUICK, Hidden, _any_of, _clean_line, _grouped, group_marks, visible
from transdocs.report.findings import HIDDEN, STALE

CHECK_DOCS = [sys.executable, "-c", "import sys; from transdocs.cli import main; sys.exit(main())"]
DEFAULT = 600  # the settings file's timeout
# (how the page writes 300, what the finding names)
HIDDEN_300 = [
    ("30\u00ad0", "soft hyphen"),
    ("30\u200b0", "zero-width space"),
    ("30\u20600", "word joiner"),
    ("3\ufeff00", "zero-width no-break space"),
    ("30<!-- x -->0", "HTML comment"),
    ("3<span>0</span>0", "tag"),
    ("3&#48;0", "&#48;"),
    ("&#x33;00", "&#x33;"),
    ("30&shy;0", "soft hyphen"),
    ("\u202e003\u202c", "right-to-left override"),
]


def _check(tmp_path: Path, pages: dict[str, str], settings: dict[str, object]) -> list[dict[str, object]]:
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    args = ["--settings", "settings.json", "--env-prefix", "APP_", "--format", "json", "docs"]
    done = subprocess.run([*CHECK_DOCS, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (EXIT_OK, EXIT_FINDINGS), done.stderr
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize(
    ("written", "named"), HIDDEN_300, ids=[w.encode("unicode_escape").decode() for w, _ in HIDDEN_300]
)
def test_a_stale_value_behind_a_hidden_character_is_found_as_readers_see_it(
    tmp_path: Path, written: str, named: str
) -> None:
    english = "# Timeout\n\nSome intro.\n\nBy default, `APP_TIMEOUT` is 600 seconds.\n"
    french = f"# Délai\n\nUne intro.\n\nPar défaut, `APP_TIMEOUT` vaut {written} secondes.\n"
    found = _check(tmp_path, {"en/page.md": english, "fr/page.md": french}, {"timeout": DEFAULT})
    stale = [f for f in found if f["kind"] == STALE]
    hidden = [f for f in found if f["kind"] == HIDDEN]
    assert [(f["path"], f["line"], f["stated"]) for f in stale] == [("docs/fr/page.md", 5, "300")]
    assert [(f["path"], f["line"]) for f in hidden] == [("docs/fr/page.md", 5)]
    message = str(hidden[0]["message"])
    assert named in message and "readers see 300" in message
    assert all(ord(char) < 0x2000 or char in "«»" for char in message)  # the message shows no hidden character


def test_hidden_characters_in_code_blocks_and_between_words_are_left_alone() -> None:
    text = "word\u00adbreak and a\u200bb\n\n```toml\ntimeout = 30\u00ad0\n```\n\nنص\u200fعربي 60\u200f ثانية\n"
    seen = visible(text, "en")
    assert seen.text == text
    assert seen.hidden == []


@pytest.mark.parametrize(
    ("lang", "written", "value"),
    [
        ("fr", "1 024", 1024),
        ("fr", "1\u202f024", 1024),
        ("fr", "1\u00a0024", 1024),
        ("de", "1.024", 1024),
        ("pt", "1.024", 1024),
        ("en", "1,024", 1024),
        ("en", "1\u202f024", 1024),
        ("fr", "1 024 000", 1024000),
    ],
)
def test_thousands_separators_are_read_by_the_page_language(lang: str, written: str, value: int) -> None:
    line = f"The limit is {written} here."
    assert visible(line, lang).text == f"The limit is {value} here."


@pytest.mark.parametrize(
    ("lang", "written"),
    [("en", "1 024"), ("en", "1.024"), ("fr", "1,024"), ("de", "1,024"), ("en", "192.168.1.1"), ("de", "v1.024.3")],
)
def test_separators_of_other_languages_are_not_thousands(lang: str, written: str) -> None:
    line = f"The value is {written} here."
    assert visible(line, lang).text == line


def test_french_thousands_are_no_false_finding(tmp_path: Path) -> None:
    english = "# Limits\n\nSome intro.\n\nBy default, `APP_MAX_TOKENS` is 1,024.\n"
    pages = {
        "en/page.md": english,
        "fr/page.md": "# Limites\n\nUne intro.\n\nPar défaut, `APP_MAX_TOKENS` vaut 1 024.\n",
        "pt/page.md": "# Limites\n\nUma intro.\n\nPor padrão, `APP_MAX_TOKENS` é 1.024.\n",
    }
    found = _check(tmp_path, pages, {"max_tokens": 1024})
    assert [f for f in found if f["kind"] in (STALE, "value-drift")] == []
    stale = _check(tmp_path, {"fr/page.md": pages["fr/page.md"].replace("1 024", "2 048")}, {"max_tokens": 1024})
    assert [(f["kind"], f["stated"]) for f in stale if f["kind"] == STALE] == [(STALE, "2048")]


def _every_line(text: str, lang: str | None) -> tuple[str, list[Hidden]]:
    """``visible`` as it was first written: every line read (the fast one reads only the lines worth a look)."""
    grouped, marks = _grouped(group_marks(lang)), _any_of(group_marks(lang))
    found: list[Hidden] = []
    lines, fence = text.split("\n"), ""
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) else fence
            continue
        if opened:
            fence = opened.group(1)
            continue
        line = _clean_line(line, index + 1, found) if _QUICK.search(line) else line
        lines[index] = grouped.sub(lambda m: re.sub(r"\D", "", m.group(0)), line) if marks.search(line) else line
    return "\n".join(lines), found


def test_only_lines_worth_a_look_are_read_and_the_text_is_the_same() -> None:
    pieces = ["1", "23", "456", " ", "\u00a0", "\u202f", ".", ",", "٬", "٫", "<!-- -->", "-->", "<span>", "</b>", "<"]
    pieces += [
        "&#48;",
        "&shy;",
        "\u00ad",
        "\u200b",
        "```",
        "~~~",
        "````",
        "\n",
        "\n",
        "\t",
        "\u202e",
        "\u202c",
        "a",
        "<",
        "<sup>",
        "<a x>",
        "--8<--",
        "&#x31;",
        "&amp;",
        "&zwj;",
    ]
    rng = random.Random(16)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        lang = rng.choice(["en", "fr", "de", "ar", None])
        seen = visible(text, lang)
        assert (seen.text, seen.hidden) == _every_line(text, lang), (text, lang)


def test_pages_read_line_by_line_and_cut_where_they_change_read_the_same() -> None:
    """Our docs and the fixtures (real projects' pages among them), each read as every language: the lines
    worth a look are cut out of the page where they start, and the page is put together around them."""
    root = Path(__file__).parent.parent
    pages = sorted([*(root / "docs").rglob("*.md"), *(root / "tests" / "fixtures").rglob("*.md*")])
    texts = [page.read_text(encoding="utf-8", errors="replace") for page in pages]
    texts += [text.replace("\n", "\n\u200b1\u00a0000 ", 3) + "\n2,500" for text in texts[::7]]  # lines that change
    changed = 0
    for text in texts:
        for lang in ["en", "fr", "pt-BR", "ar", None]:
            seen = visible(text, lang)
            assert (seen.text, seen.hidden) == _every_line(text, lang), lang
            changed += seen.text != text
    assert changed > 100


def _plain_trigger(marks: str) -> re.Pattern[str]:
    """Where a line may change, as one pattern (what ``visible`` searched before it looked for each part
    alone): one character class first, then the look-arounds say whether the character found starts one."""
    hidden, mark = f"{visible_module._INVISIBLE}\u202d\u202e", re.escape(marks)
    first, grouped = (mark, f"(?<=\\d[{mark}])(?=\\d)") if " " not in marks else ("\\d", f"(?<=\\d)(?=[{mark}]\\d)")
    return re.compile(
        f"[{hidden}&<{first}]"
        f"(?:(?<=[{hidden}])|(?<=&)(?={visible_module._ENTITY.pattern[1:]})|(?<=<)(?=!--)"
        f"|(?:(?<=\\d<)|(?<=\\d{visible_module._SEPARATOR}<))(?={visible_module._TAG_NAME})|{grouped})"
    )


def test_the_lines_that_may_change_are_those_the_plain_pattern_finds() -> None:
    root = Path(__file__).parent.parent
    pages = [*(root / "docs").rglob("*.md"), *(root / "tests" / "fixtures").rglob("*.md")]
    texts = [page.read_text(encoding="utf-8", errors="replace") for page in sorted(pages)]
    pieces = ["1", "٣", "０", "23", " ", "\u00a0", "\u202f", "\u2009", ".", ",", "٬", "٫", "<!--", "<span>", "</b>"]
    pieces += ["<", "<sup>", "&#48;", "&shy;", "&amp;", "&", "\n", "a", "é", "中", *visible_module._HIDDEN_CHARS]
    rng = random.Random(18)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(20_000)]
    langs = [None, "en", "fr", "de", "pt-BR", "ar", "ja", "zh-Hans", "ru", "xx"]
    for marks in dict.fromkeys(group_marks(lang) for lang in langs):
        plain = _plain_trigger(marks)
        for text in texts:
            lines = {text.count("\n", 0, at) for at in visible_module._triggers(text, marks)}
            assert lines == {text.count("\n", 0, match.start()) for match in plain.finditer(text)}, (text, marks)
