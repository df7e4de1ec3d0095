"""Each language keeps its glossary as data: one word per idea, and the words it avoids.

The ``glossary:`` section of ``docs/_data/<lang>.yml`` gives, per English term, the word the
language uses and the words it avoids; the "Translating these docs" page renders it. Here every
avoided word is looked for in that language's pages, site text (the rest of
``docs/_data/<lang>.yml``) and navigation titles (``mkdocs.yml``).
"""

from __future__ import annotations

import pytest
import yaml

from tests.support.site import REPO, site_text, site_values
from transdocs.glossary import Term, slips
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES
from transdocs.site.blocks import render_block
from transdocs.site.site_text import load_site_text

DOCS = REPO / "docs"
DATA = DOCS / "_data"
TRANSLATIONS = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml as data: tags such as ``!ENV`` read as plain values."""


_MkDocsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_titles(language: str) -> str:
    """The language's ``nav_translations`` in mkdocs.yml, one title a line."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    (i18n,) = [plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin]
    (entry,) = [entry for entry in i18n["languages"] if entry["locale"] == language]
    return "\n".join(entry.get("nav_translations", {}).values())


def language_text(language: str) -> dict[str, str]:
    """Every page of the language, its site text (glossary apart) and its navigation titles."""
    texts = {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8") for path in sorted((DOCS / language).glob("*.md"))
    }
    texts[f"docs/_data/{language}.yml"] = "\n".join(site_text(language).values.values())
    texts["mkdocs.yml (nav_translations)"] = nav_titles(language)
    return texts


def test_every_language_file_has_a_glossary_of_the_english_terms() -> None:
    descriptions = {setting.name: setting.description for setting in site_values().settings}
    english = [term.english for term in site_text(DEFAULT_LANGUAGE).glossary]
    assert len(english) >= 12, "the English glossary lost its terms"
    for language in LANGUAGES:
        loaded = load_site_text(DATA, language, descriptions)
        assert [p for p in loaded.problems if "glossary" in p] == []
        assert [term.english for term in loaded.text.glossary] == english, f"docs/_data/{language}.yml"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_pages_use_the_glossary_words(language: str) -> None:
    terms = site_text(language).glossary
    found = []
    for where, text in language_text(language).items():
        for slip in slips(text, terms):
            line = text.count("\n", 0, slip.offset) + 1
            found.append(f"{where}:{line}: {slip.word!r} instead of {slip.use!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translating_page_shows_the_glossary_from_the_data(language: str) -> None:
    text = site_text(language)
    table = render_block("glossary_table", site_values(), text)
    assert "{{ glossary_table }}" in (DOCS / language / "translating.md").read_text(encoding="utf-8")
    for term in text.glossary:
        assert f"| {term.english} |" in table.text
        assert term.use in table.text and all(word in table.text for word in term.avoid)
    assert "{{" not in table.text  # placeholders in notes are filled in ({{ num_retries.env }})


AVOIDED = (Term("retry", "nouvelle tentative", avoid=("réessai",)),)


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Un réessai, puis il réessaie.", AVOIDED, ["réessai"]),  # whole Latin words only
        ("UN RÉESSAI", AVOIDED, ["réessai"]),
        ("والرموز في الدقيقة", (Term("token", "الرموز المميزة", avoid=("الرموز",)),), ["الرموز"]),
        ("الرموز المميزة في الدقيقة", (Term("token", "الرموز المميزة", avoid=("الرموز",)),), []),
        ("未设置的设置项", (Term("setting", "设置", avoid=("设置项",)),), ["设置项"]),  # the used word inside
        ("falha NA HORA.", (Term("at once", "imediatamente", avoid=("na hora",)),), ["na hora"]),
        ("falha na\n  hora com", (Term("at once", "imediatamente", avoid=("na hora",)),), ["na hora"]),  # wrapped
        ("مهام\n  الدُفعات", (Term("batch job", "دفعية", avoid=("مهام الدُفعات",)),), ["مهام الدُفعات"]),
        ("الرموز\n  المميزة", (Term("token", "الرموز المميزة", avoid=("الرموز",)),), []),  # the used word, wrapped
    ],
)
def test_an_avoided_word_is_found(text: str, terms: tuple[Term, ...], expected: list[str]) -> None:
    assert [slip.word for slip in slips(text, terms)] == expected
