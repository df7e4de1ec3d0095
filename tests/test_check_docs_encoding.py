"""Broken encodings and pages in the wrong language, on our own docs pages.

Mojibake is made here by real round trips (UTF-8 bytes decoded with a legacy code page,
dropping or replacing the bytes it has no character for), so no binary junk is committed.
A page written in another language than its folder's is ``untranslated``, not broken,
and its stale defaults are still read, in the language it is written in.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from llm_backends.settings import format_value, setting_infos
from tests.support.docs_tree import append_paragraph, first_changed_line, garble, read, write
from transdocs import check_paths
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES
from transdocs.report.findings import ENCODING, OUTDATED, STALE, UNTRANSLATED

REPO_DOCS = Path(__file__).resolve().parent.parent / "docs"
SENTENCES = tomllib.loads((Path(__file__).parent / "fixtures" / "languages" / "stale_sentences.toml").read_text())
RETRIES = next(info for info in setting_infos() if info.name == "num_retries")
STALE_RETRIES = format_value(float(RETRIES.default + 4))
CODE_PAGES = ("cp874", "cp1255", "cp1251", "gbk", "shift_jis", "cp1256")
# The English page's only non-ASCII characters are two symbols inside code spans; Shift-JIS
# drops the bytes it cannot pair, and what is left is too little to call broken.
UNSEEN = {("en", "shift_jis", "ignore")}
MOJIBAKE = [
    (lang, code_page, errors)
    for lang in LANGUAGES
    for code_page in CODE_PAGES
    for errors in ("ignore", "replace")
    if (lang, code_page, errors) not in UNSEEN
]
# (the language a page is written in, the folder it was put in): every language both ways.
MISPLACED = [
    ("fr", "ja"),
    ("en", "zh"),
    ("zh", "ja"),
    ("ja", "zh"),
    ("pt", "fr"),
    ("fr", "pt"),
    ("en", "ar"),
    ("ar", "en"),
]


def copy_repo_docs(target: Path, languages: list[str]) -> Path:
    docs = target / "docs"
    for lang in {DEFAULT_LANGUAGE, *languages}:
        shutil.copytree(REPO_DOCS / lang, docs / lang)
    return docs


def stale_sentence(lang: str) -> str:
    return SENTENCES[lang].format(env=RETRIES.env, value=STALE_RETRIES)


@pytest.mark.parametrize(("lang", "code_page", "errors"), MOJIBAKE)
def test_our_page_through_a_code_page_is_an_encoding_finding_at_its_first_broken_line(
    tmp_path: Path, lang: str, code_page: str, errors: str
) -> None:
    docs = copy_repo_docs(tmp_path, [lang])
    original, mangled = garble(docs / lang / "retries.md", code_page, errors)

    found = [(f.kind, f.line, f.lang) for f in check_paths([str(docs)])]

    assert found == [(ENCODING, first_changed_line(original, mangled), lang)]


def test_our_arabic_page_through_the_thai_code_page_names_it_and_the_lost_bytes(tmp_path: Path) -> None:
    docs = copy_repo_docs(tmp_path, ["ar"])
    original, mangled = garble(docs / "ar" / "configuration.md", "cp874", "ignore")
    assert len(mangled.encode("cp874")) < len(original.encode("utf-8"))  # bytes were lost

    [finding] = check_paths([str(docs)])

    assert (finding.kind, finding.line) == (ENCODING, first_changed_line(original, mangled))
    assert "cp874" in finding.message and "lost" in finding.message


def test_letters_of_a_script_foreign_to_the_page_dominating_it_are_an_encoding_finding(tmp_path: Path) -> None:
    """A conversion no code page explains: Arabic letters moved into the Hebrew block."""
    docs = copy_repo_docs(tmp_path, ["ar"])
    page = docs / "ar" / "retries.md"
    original = read(page)
    shifted = original.translate({code: code - 0x0621 + 0x05D0 for code in range(0x0621, 0x063B)})
    write(page, shifted)

    [finding] = check_paths([str(docs)])

    assert (finding.kind, finding.line) == (ENCODING, first_changed_line(original, shifted))
    assert "Hebrew letters dominate" in finding.message


@pytest.mark.parametrize(("written_in", "folder"), MISPLACED)
def test_a_page_in_another_language_is_untranslated_and_its_defaults_are_read_in_its_language(
    tmp_path: Path, written_in: str, folder: str
) -> None:
    docs = copy_repo_docs(tmp_path, [folder])
    page = docs / folder / "retries.md"
    shutil.copy(REPO_DOCS / written_in / "retries.md", page)
    line = append_paragraph(page, stale_sentence(written_in))

    # An English page has no source_hash: it is also reported outdated (which fails only --strict).
    found = [(f.kind, f.line, f.lang, f.stated) for f in check_paths([str(docs)]) if f.kind != OUTDATED]

    assert found == [(UNTRANSLATED, 1, folder, written_in), (STALE, line, written_in, STALE_RETRIES)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_our_pages_read_as_their_own_language(lang: str) -> None:
    found = check_paths([str(REPO_DOCS / lang)])
    assert [f for f in found if f.kind in (ENCODING, UNTRANSLATED)] == []


def test_lang_does_not_force_one_language_on_every_loose_page(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    lines = {}
    for lang in ("fr", "ja", "ar"):
        page = folder / f"{lang}.md"
        shutil.copy(REPO_DOCS / lang / "index.md", page)
        lines[lang] = append_paragraph(page, stale_sentence(lang))

    found = [(Path(f.path).stem, f.kind, f.line, f.lang) for f in check_paths([str(folder)], lang="ja")]

    assert found == sorted((lang, STALE, lines[lang], lang) for lang in ("fr", "ja", "ar"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_loose_page_without_lang_is_read_in_the_language_it_is_written_in(tmp_path: Path, lang: str) -> None:
    page = tmp_path / "page.md"
    shutil.copy(REPO_DOCS / lang / "index.md", page)
    line = append_paragraph(page, stale_sentence(lang))

    assert [(f.kind, f.line, f.lang) for f in check_paths([str(page)])] == [(STALE, line, lang)]


@pytest.mark.parametrize("tag", ["zh-Hans", "zh-TW", "pt-BR", "fr-CA"])
def test_a_language_tag_with_a_region_or_script_reads_its_base_languages_words(tmp_path: Path, tag: str) -> None:
    page = tmp_path / "page.md"
    base = tag.split("-")[0]
    shutil.copy(REPO_DOCS / base / "index.md", page)
    line = append_paragraph(page, stale_sentence(base))

    assert [(f.kind, f.line, f.lang) for f in check_paths([str(page)], lang=tag)] == [(STALE, line, tag)]
