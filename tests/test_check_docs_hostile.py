"""Hostile input to check-docs: pathological pages finish, oversized files are reported, deep files are one line.

Speed is measured in ``bench/hostile.py`` (time at 1x, 10x, 100x); the tests here assert
on work done (how many searches a scan makes) and that pathological pages finish at all,
in a child process with a generous timeout.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from transdocs.checks import all_checks
from transdocs.cli import EXIT_FINDINGS, EXIT_USAGE
from transdocs.datafile import MAX_DEPTH
from transdocs.languages.detect import prose_of
from transdocs.languages.words import MAX_ENTRIES, LanguageDataError, read_file
from transdocs.pages.markdown import strip_tags
from transdocs.pages.reader import MAX_PAGE_BYTES
from transdocs.report.findings import TOO_LARGE
from transdocs.spans import Kind, Scanner

CHECK_DOCS = [sys.executable, "-c", "import sys; from transdocs.cli import main; sys.exit(main())"]
# One opener of each construct the readers know, repeated to fill a page.
OPENERS = [
    "{{ ", "{% ", "<!-- ", "<a ", "<", "</", '<a b="', "<a b={", "<X a={", "{/* ", "[a](", "](", "![a](",
    "`", "```a\n", "~~~\n", "---\n", "| a ", "|a|\n|-|\n", '!!! note "', ":::note[", "&#", "<script>",
    "<code>", "<pre>", "{", "{{", "- ", "> ", "<X\n", '<X a="1"\n', "http://",
]  # fmt: skip


def _check_docs(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CHECK_DOCS, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


# The reader of prose as a single regular expression: the definition the scanner must keep
# (it searched to the end of the page for every opener never closed).
_PROSE_REGEX = re.compile(
    r"\A\ufeff?(?:---[ \t]*\r?\n.*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n.*?\n\+\+\+)[ \t]*\r?$"
    r"|^[ \t]*(?P<fence>```|~~~)[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$"
    r"|<(?P<raw>script|style|pre|code)\b.*?</(?P=raw)>"
    r"|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}|https?://\S+|\]\([^)\n]*\)|<[^>\n]*>|&\w+;|\{\s*#[\w-]+\s*\}",
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_PIECES = ["`", "{{", "}}", "{%", "%}", "<", ">", "</pre>", "<pre", "<CODE>", "</code>", "](", ")", "\n", "```"]
_PIECES += [
    "~~~",
    "---\n",
    "...",
    "+++\n",
    "\ufeff",
    "\r\n",
    "&a;",
    "&",
    "http://x",
    " ",
    "a",
    "{ #a }",
    "{",
    "#",
    "\t",
]


def test_prose_reads_as_the_regular_expression_did() -> None:
    rng = random.Random(20)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        assert prose_of(text) == _PROSE_REGEX.sub(" ", text), repr(text)


def test_tags_are_blanked_as_the_regular_expression_did() -> None:
    tag = re.compile(
        r"`[^`\n]*`|\{/\*.*?\*/\}|</?[A-Za-z][\w.:-]*(?:\s+(?:[^<>\"'{}]|\"[^\"]*\"|'[^']*'|\{[^{}]*\})*)?/?>"
    )
    pieces = ["`", "{/*", "*/}", "<a", "<X.Y", " b=", '"', "'", "{", "}", ">", "/>", "</a>", " ", "x", "\n"]
    rng = random.Random(20)
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = tag.sub(lambda m: m.group(0) if m.group(0)[0] == "`" else " " * len(m.group(0)), line)
        assert strip_tags(line) == expected, repr(line)


class _Counted:
    """A closer pattern that counts its searches."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.groupindex = self.pattern.groupindex
        self.searches = 0

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, pos)


@pytest.mark.parametrize(
    ("text", "closer"),
    [
        ("{{ " * 10_000, r"\}\}"),  # never closed: one search answers every opener
        ("{{ " * 10_000 + "}}", r"\}\}"),  # closed once at the end: one span, one search
        ("[a](" * 10_000, r"\)|(?P<stop>\n)"),  # the line ends first: one search per line
        ("[a](\n" * 10_000, r"\)|(?P<stop>\n)"),
    ],
)
def test_a_scan_searches_for_a_closer_once_per_stretch_not_once_per_opener(text: str, closer: str) -> None:
    counted = _Counted(closer)
    opener = re.compile(r"\{\{") if text.startswith("{") else re.compile(r"\]\(")
    spans = list(Scanner([Kind("k", opener, counted)]).finditer(text))  # type: ignore[arg-type]
    lines = text.count("\n") + 1
    assert counted.searches <= lines
    assert len(spans) == (1 if text.endswith("}}") else 0)


def test_pathological_pages_finish(tmp_path: Path) -> None:
    """150 KB of one opener, for every construct: all checked in one child that must finish."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, opener in enumerate(OPENERS):
        (pages / f"page{number}.md").write_text("# T\n\n" + opener * (150_000 // len(opener)), encoding="utf-8")
        (pages / f"page{number}.mdx").write_text("# T\n\n" + opener * (150_000 // len(opener)), encoding="utf-8")
    done = _check_docs("--lang", "en", "--format", "json", pages, cwd=tmp_path, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert {f["kind"] for f in json.loads(done.stdout)} <= {check.kind for check in all_checks()}


def test_a_page_over_the_size_limit_is_one_finding_not_a_read(tmp_path: Path) -> None:
    page = tmp_path / "huge.md"
    page.write_text("# Huge\n\n" + "{{ " * (MAX_PAGE_BYTES // 3 + 1), encoding="utf-8")
    small = tmp_path / "small.md"
    small.write_text("# Small\n\n" + "{{ " * (MAX_PAGE_BYTES // 3 - 10), encoding="utf-8")
    done = _check_docs("--lang", "en", page, small, cwd=tmp_path)
    assert done.returncode == EXIT_FINDINGS, done.stderr
    [line] = done.stdout.splitlines()
    assert line.startswith(f"{page}:1: [en] {TOO_LARGE} not checked: ")
    assert f"{MAX_PAGE_BYTES / 1e6:g} MB" in line


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_a_language_file_nested_deep_or_too_long_is_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "de.toml"
    deep.write_text(f'name = "Deutsch"\ndefault = {_nested(1000)}\n', encoding="utf-8")
    with pytest.raises(LanguageDataError, match=rf"^{deep}:2: not readable TOML: nested more than {MAX_DEPTH} deep$"):
        read_file(deep)
    long = tmp_path / "fr.toml"
    long.write_text("common_words = [" + ", ".join(f'"w{n}"' for n in range(MAX_ENTRIES + 1)) + "]\n")
    with pytest.raises(LanguageDataError, match=rf"^{long}: key 'common_words': .* over the {MAX_ENTRIES:,} "):
        read_file(long)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pyproject.toml", f"[tool.check-docs]\npaths = {_nested(1000)}\n", "pyproject.toml:2: not readable TOML"),
        ("pyproject.toml", '[tool.check-docs]\nlang = "fr"\n# caf\xe9\n', "pyproject.toml:3: not UTF-8 (byte 0xe9)"),
        ("pyproject.toml", "[tool.check-docs]\npaths = [\n", "pyproject.toml:3: not valid TOML"),
        ("settings.json", f'{{"a": {_nested(1000)}}}', "settings.json:1: not readable JSON"),
        ("settings.toml", f"a = {_nested(1000)}\n", "settings.toml:1: not readable TOML"),
        ("settings.toml", "a = \n", "settings.toml:1: not valid TOML"),
        ("settings.toml", "a = 'caf\xe9'\n", "settings.toml:1: not UTF-8 (byte 0xe9)"),
    ],
)
def test_configuration_files_that_cannot_be_read_are_one_line_with_path_and_line(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Index\n", encoding="utf-8")
    (tmp_path / name).write_bytes(content.encode("latin-1"))
    args: list[Any] = ["--lang", "en", "docs"]
    if name != "pyproject.toml":
        args = ["--settings", name, *args]
    done = _check_docs(*args, cwd=tmp_path)
    assert done.returncode == EXIT_USAGE
    [line] = done.stderr.splitlines()
    assert line.startswith("check-docs: ") and expected in line, line


@pytest.mark.parametrize("digits", [400, 5_000])
def test_a_number_of_thousands_of_digits_is_a_finding_not_a_traceback(tmp_path: Path, digits: int) -> None:
    number = "9" * digits
    for lang, sentence, header in (
        ("en", "The default of `LLM_TIMEOUT` is 60 seconds.", "| name | default |"),
        ("fr", f"La valeur par défaut de `LLM_TIMEOUT` est {number} secondes.", "| nom | défaut |"),
    ):
        value = "60" if lang == "en" else number
        page = tmp_path / "docs" / lang / "page.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"# T\n\n{sentence}\n\n{header}\n|---|---|\n| `LLM_TIMEOUT` | {value} |\n", encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"timeout": 60}', encoding="utf-8")
    done = _check_docs("--settings", "settings.json", "--env-prefix", "LLM_", "docs", cwd=tmp_path)
    assert done.returncode == EXIT_FINDINGS, done.stderr
    assert "Traceback" not in done.stderr
    kinds = {line.split("] ")[1].split(" ")[0] for line in done.stdout.splitlines()}
    assert "stale-default" in kinds
