"""Each language keeps the glossary on its "Translating these docs" page: one word per idea.

The table of ``docs/<lang>/translating.md#glossary`` gives, per idea, the word the language
uses and the words it avoids. Here every avoided word is looked for in that language's pages,
site text (``docs/_data/<lang>.yml``) and navigation titles (``mkdocs.yml``), the glossary
itself excepted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.support.site import REPO
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES

DOCS = REPO / "docs"
TRANSLATIONS = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]
GLOSSARY = re.compile(r"^## [^\n]*\{ #glossary \}\n(?P<body>.*?)(?=^## )", re.MULTILINE | re.DOTALL)
NOTE = re.compile(r"\s*[(（][^)）]*[)）]")  # "(a note)" after a term
SEPARATORS = re.compile(r"\s*[,、،;；]\s*")
NONE = "—"


@dataclass(frozen=True)
class Term:
    english: str
    used: str  # the word the language uses, without its note
    avoided: tuple[str, ...]


def _terms(cell: str) -> list[str]:
    return [term for term in SEPARATORS.split(NOTE.sub("", cell).strip()) if term and term != NONE]


def table(language: str) -> list[list[str]]:
    """The cells of the glossary table of ``docs/<language>/translating.md``, header rows left out."""
    match = GLOSSARY.search((DOCS / language / "translating.md").read_text(encoding="utf-8"))
    assert match, f"docs/{language}/translating.md has no {{ #glossary }} section"
    rows = [line.strip().strip("|").split("|") for line in match["body"].splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]


def glossary(language: str) -> list[Term]:
    """A translation's table: the English term, the word used, the words avoided."""
    return [Term(english, _terms(used)[0], tuple(_terms(avoided))) for english, used, avoided in table(language)]


def _is_latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(char, "") for char in word if char.isalpha())


def occurrences(word: str, text: str) -> int:
    """Latin words count as whole words; Chinese, Japanese and Arabic ones as written (no spaces
    mark their words, and Arabic joins prefixes such as و to them)."""
    if _is_latin(word):
        return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))
    return text.count(word)


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml as data: tags such as ``!ENV`` read as plain values."""


_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_titles(language: str) -> str:
    """The language's ``nav_translations`` in mkdocs.yml, one title a line."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    (i18n,) = [plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin]
    (entry,) = [entry for entry in i18n["languages"] if entry["locale"] == language]
    return "\n".join(entry.get("nav_translations", {}).values())


def language_text(language: str) -> dict[Path, str]:
    """Every page of the language, glossary removed, its site text and its navigation titles."""
    files = [*sorted((DOCS / language).glob("*.md")), DOCS / "_data" / f"{language}.yml"]
    texts = {path: GLOSSARY.sub("", path.read_text(encoding="utf-8")) for path in files}
    return {**texts, REPO / "mkdocs.yml": nav_titles(language)}


def test_every_language_lists_the_english_terms() -> None:
    english = [row[0] for row in table(DEFAULT_LANGUAGE)]  # English: term and meaning
    assert english, "the English glossary is empty"
    for language in TRANSLATIONS:
        assert [term.english for term in glossary(language)] == english, f"docs/{language}/translating.md#glossary"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_pages_use_the_glossary_words(language: str) -> None:
    terms = glossary(language)
    found = []
    for path, text in language_text(language).items():
        for term in terms:
            # A used word may contain an avoided one ("الرموز المميزة" holds "الرموز"): blank it first.
            masked = text.replace(term.used, " ")
            for word in term.avoided:
                if count := occurrences(word, masked):
                    found.append(f"{path.relative_to(REPO)}: {word!r} ({count}x) instead of {term.used!r}")
    assert not found, "\n".join(found)


def test_an_avoided_word_is_found() -> None:
    assert occurrences("réessai", "Un réessai, puis il réessaie.") == 1
    assert occurrences("الرموز", "والرموز في الدقيقة") == 1
    assert occurrences("na hora", "falha NA HORA.") == 1
