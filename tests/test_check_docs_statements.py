"""Which sentences state a setting's value, and which value: the rules of prose.py, one case each.

The sentences are data, one table per language (tests/fixtures/statements/<lang>.toml), so
that a translator can add the sentences of their language without touching Python.

These check how a sentence is read (the value in seconds, a bool, a string), not
whether it is stale, so they hold whatever the package defaults are.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support.docs_tree import FIXTURE_DOCS, our_lexicon
from transdocs.languages import LANGUAGES
from transdocs.pages.markdown import read_markdown
from transdocs.statements.page import page_values
from transdocs.statements.prose import Context, statements
from transdocs.statements.tokens import tokenize
from transdocs.statements.values import Value


def read(value: Value) -> object:
    """The value as compared with a default: seconds for numbers with a unit."""
    if value.kind == "number":
        assert value.number is not None
        return value.number * (value.unit or 1)
    if value.kind == "bool":
        return value.flag
    return value.text


def found(lang: str, text: str, context: Context | None = None) -> list[tuple[str, object]]:
    return [(s.setting, read(s.value)) for s in statements(text, our_lexicon(lang), context or Context())]


def _sentences() -> tuple[list[tuple[str, str, list[tuple[str, object]]]], list[tuple[str, str]]]:
    """The per-language tables in tests/fixtures/statements/<lang>.toml."""
    stated, not_stated = [], []
    for path in sorted(SENTENCES.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        stated += [(path.stem, s["text"], [tuple(v) for v in s["values"]]) for s in table.get("stated", [])]
        not_stated += [(path.stem, s["text"]) for s in table.get("not_stated", [])]
    return stated, not_stated


SENTENCES = Path(__file__).resolve().parent / "fixtures" / "statements"
STATED, NOT_STATED = _sentences()


def test_every_language_has_sentences_of_both_kinds() -> None:
    assert {lang for lang, _, _ in STATED} == {lang for lang, _ in NOT_STATED} == set(LANGUAGES)


@pytest.mark.parametrize(("lang", "text", "expected"), STATED)
def test_a_statement_gives_each_setting_its_value(lang: str, text: str, expected: list) -> None:
    assert found(lang, text) == expected


@pytest.mark.parametrize(("lang", "text"), NOT_STATED)
def test_conditions_examples_and_other_numbers_are_not_statements(lang: str, text: str) -> None:
    assert found(lang, text) == []


def test_a_list_introduced_as_defaults_makes_colons_statements() -> None:
    item = "`LLM_NUM_RETRIES`: 8"
    assert found("en", item) == []
    assert found("en", item, Context(says_default=True)) == [("num_retries", 8)]


@pytest.mark.parametrize(
    ("lang", "intro", "stated"),
    [
        ("en", "The defaults are:", True),
        ("en", "Defaults, for example:", False),  # an example: no statement of the defaults
        ("en", "The values are:", False),
        ("fr", "Les valeurs par défaut :", True),
        ("fr", "Les valeurs :", False),
    ],
)
def test_a_page_reads_a_list_as_defaults_when_its_introduction_says_so(lang: str, intro: str, stated: bool) -> None:
    """The introduction is judged when an item's rule needs it (a colon, no default word of its own)."""
    page = read_markdown(f"{intro}\n\n- `LLM_NUM_RETRIES`: 8\n- `LLM_TIMEOUT`: 30\n")
    found = [(setting, read(value)) for _, setting, value in page_values(page, our_lexicon(lang))]
    assert found == ([("num_retries", 8), ("timeout", 30)] if stated else [])


def test_a_table_cell_speaks_about_its_row_setting() -> None:
    cell = "Time limit for one request, in seconds (default: 300)."
    assert found("en", cell) == []
    assert found("en", cell, Context(subject="timeout", subject_anywhere=True)) == [("timeout", 300)]


def test_the_checker_never_imports_litellm() -> None:
    code = (
        "import sys; from llm_backends.cli import main; "
        f"code = main(['check-docs', '--allow-import', {str(FIXTURE_DOCS)!r}]); "
        "print(code, 'litellm' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["0", "False"], done.stdout + done.stderr


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        ("ar", "يسمح بثلاث محاولات", 3),  # "allows three attempts": the pattern reads the prefix "ب" (with)
        ("ar", "وثلاث دقائق", 3),
        ("en", "ſix minutes", 6),  # letters re folds with others: "ſ" is "s" to it, "İ" is "i"
        ("en", "fİve minutes", 5),
    ],
)
def test_a_number_word_is_read_in_every_spelling_the_pattern_reads(lang: str, text: str, number: int) -> None:
    values = [t.value for t in tokenize(text, our_lexicon(lang)) if t.value is not None]
    assert [v.number for v in values] == [number]  # once a KeyError: a traceback for the whole run
