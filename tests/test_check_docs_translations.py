"""check-docs on translations: broken encodings, drifted structure, outdated pages, stamping."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_backends.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from tests.support.docs_tree import FIXTURE_PAGES, append_paragraph, copy_docs, first_changed_line, garble, read, write
from transdocs import check_paths, fails
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES
from transdocs.pages.document import Document
from transdocs.pages.markdown import read_markdown
from transdocs.report.findings import ENCODING, MISSING, OUTDATED, STRUCTURE
from transdocs.translations.hash_stamp import recorded_hash, stamped
from transdocs.translations.source_hash import source_hash, strip_front_matter

TRANSLATIONS = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]

# The code pages a page of each language is typically mangled with.
MANGLED = [
    ("en", "cp1252"),
    ("fr", "cp1252"),
    ("fr", "latin-1"),
    ("pt", "cp1252"),
    ("pt", "latin-1"),
    ("zh", "gbk"),
    ("zh", "cp1252"),
    ("ja", "shift_jis"),
    ("ja", "latin-1"),
    ("ar", "cp1256"),
    ("ar", "cp1252"),
]


def first_non_ascii_line(text: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if not line.isascii())


def summary(findings: list) -> list[tuple[str, int, str]]:
    return [(f.kind, f.line, Path(f.path).name) for f in findings]


# --- encoding ----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "code_page"), MANGLED)
@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_utf8_read_through_a_wrong_code_page_is_an_encoding_finding(
    tmp_path: Path, lang: str, code_page: str, errors: str
) -> None:
    docs = copy_docs(tmp_path, [lang])
    original, mangled = garble(docs / lang / "retries.md", code_page, errors)

    findings = check_paths([str(docs)])

    assert summary(findings) == [(ENCODING, first_changed_line(original, mangled), "retries.md")]
    assert findings[0].lang == lang


@pytest.mark.parametrize(
    ("lang", "code_page"), [("zh", "gbk"), ("ja", "shift_jis"), ("ar", "cp1256"), ("fr", "cp1252"), ("pt", "latin-1")]
)
def test_a_file_saved_in_a_legacy_code_page_is_not_utf8(tmp_path: Path, lang: str, code_page: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "configuration.md"
    text = read(page)
    page.write_bytes(text.encode(code_page))

    findings = check_paths([str(docs)])

    assert summary(findings) == [(ENCODING, first_non_ascii_line(text), "configuration.md")]
    assert "not valid UTF-8" in findings[0].message


def test_letters_of_a_foreign_script_dominating_a_page_are_an_encoding_finding(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["zh"])
    page = docs / "zh" / "retries.md"
    original = read(page)
    mangled = original.encode("utf-8").decode("koi8_r")
    write(page, mangled)

    findings = check_paths([str(docs)])

    assert summary(findings) == [(ENCODING, first_changed_line(original, mangled), "retries.md")]
    assert "koi8_r" in findings[0].message  # every code page Python knows is tried


def test_replacement_characters_are_an_encoding_finding(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["ja"])
    page = docs / "ja" / "retries.md"
    lines = read(page).split("\n")
    index = next(i for i, line in enumerate(lines) if "指数バックオフ" in line)
    lines[index] = lines[index].replace("指数", "\ufffd\ufffd", 1)
    write(page, "\n".join(lines))

    assert summary(check_paths([str(docs)])) == [(ENCODING, index + 1, "retries.md")]


# --- structure ---------------------------------------------------------------------


def english_doc(docs: Path, name: str) -> Document:
    return read_markdown(read(docs / DEFAULT_LANGUAGE / name))


def remove_line(page: Path, index: int) -> None:
    lines = read(page).split("\n")
    del lines[index]
    write(page, "\n".join(lines))


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_removed_heading_is_reported_at_the_section_that_absorbed_it(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "retries.md"
    headings = read_markdown(read(page)).headings
    remove_line(page, headings[2][0] - 1)  # the third heading

    findings = check_paths([str(docs)])

    assert summary(findings) == [(STRUCTURE, headings[1][0], "retries.md")]
    assert findings[0].message.startswith(
        f"headings differ from English: {len(headings) - 1} here, {len(headings)} in "
    )


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_placeholder_replaced_by_its_value_is_reported_in_its_section(tmp_path: Path, lang: str) -> None:
    from tests.support.site import scalar_texts

    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "retries.md"
    # The translator typed the right number instead of the placeholder: not stale, but drifted.
    write(page, read(page).replace("{{ retry_max_wait.default }}", scalar_texts(lang)["retry_max_wait.default"]))
    english = english_doc(docs, "retries.md")
    english_line = next(line for line, name in english.placeholders if name == "retry_max_wait.default")
    section = sum(1 for line, _ in english.headings if line <= english_line)
    expected_line = read_markdown(read(page)).headings[section - 1][0]

    findings = check_paths([str(docs)])

    assert summary(findings) == [(STRUCTURE, expected_line, "retries.md")]
    assert findings[0].message == "placeholders differ from English: missing {{ retry_max_wait.default }}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_removed_snippet_include_is_reported(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    page = docs / lang / "retries.md"
    doc = read_markdown(read(page))
    include_line, include = doc.includes[0]
    remove_line(page, include_line - 1)

    findings = check_paths([str(docs)])

    assert summary(findings) == [(STRUCTURE, doc.headings[-1][0], "retries.md")]
    assert findings[0].message == f"snippet includes differ from English: missing {include}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_missing_page_and_a_page_without_english_original(tmp_path: Path, lang: str) -> None:
    docs = copy_docs(tmp_path, [lang])
    (docs / lang / "configuration.md").unlink()
    write(docs / lang / "extra.md", read(docs / lang / "retries.md"))

    findings = check_paths([str(docs)])

    assert [(f.kind, f.path, f.line) for f in findings] == [
        (MISSING, str(docs / lang / "configuration.md"), 1),
        (STRUCTURE, str(docs / lang / "extra.md"), 1),
    ]
    assert findings[0].message == f"no translation of {docs / DEFAULT_LANGUAGE / 'configuration.md'}"


def test_a_language_folder_that_does_not_exist_yet_is_not_missing_pages(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["zh"])

    assert check_paths([str(docs)]) == []


# --- outdated translations and stamping ----------------------------------------------


def test_changing_an_english_page_makes_its_translations_outdated_until_stamped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = copy_docs(tmp_path)
    english = docs / DEFAULT_LANGUAGE / "retries.md"
    old_hash = source_hash(read(english))
    append_paragraph(english, "Calls made from a batch job usually want fewer retries.")
    bodies = {lang: strip_front_matter(read(docs / lang / "retries.md")) for lang in TRANSLATIONS}

    findings = check_paths([str(docs)])

    assert [(f.kind, f.lang, Path(f.path).name, f.line) for f in findings] == [
        (OUTDATED, lang, "retries.md", 1) for lang in sorted(TRANSLATIONS)
    ]
    assert {(f.stated, f.expected) for f in findings} == {(old_hash, source_hash(read(english)))}
    assert not fails(findings, strict=False)
    assert fails(findings, strict=True)
    assert main(["check-docs", "--allow-import", str(docs)]) == EXIT_OK
    assert main(["check-docs", "--allow-import", "--strict", str(docs)]) == EXIT_FINDINGS

    capsys.readouterr()
    assert main(["stamp-translation", str(docs)]) == EXIT_OK
    assert f"{docs / 'zh' / 'retries.md'}: source_hash {source_hash(read(english))}" in capsys.readouterr().out

    assert check_paths([str(docs)]) == []
    assert main(["check-docs", "--allow-import", "--strict", str(docs)]) == EXIT_OK
    for lang in TRANSLATIONS:
        assert strip_front_matter(read(docs / lang / "retries.md")) == bodies[lang]


def test_stamping_keeps_other_front_matter_and_the_body_byte_for_byte(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path, ["fr"])
    page = docs / "fr" / "retries.md"
    body = strip_front_matter(read(page)).replace("\n", "\r\n")
    front = "---\r\ntitle: Nouvelles tentatives\r\nsource_hash: 000000000000\r\nhide:\r\n  - toc\r\n---\r\n"
    page.write_bytes((front + body).encode("utf-8"))
    english_hash = source_hash(read(docs / "en" / "retries.md"))

    assert main(["stamp-translation", str(page)]) == EXIT_OK

    expected = front.replace("000000000000", english_hash) + body
    assert page.read_bytes() == expected.encode("utf-8")


def test_stamping_adds_the_key_to_front_matter_that_lacks_it_or_front_matter_itself() -> None:
    english = "# Retries\n\nText.\n"
    value = source_hash(english)

    assert stamped("# Nouvelles tentatives\n", english) == f"---\nsource_hash: {value}\n---\n# Nouvelles tentatives\n"
    assert stamped("---\ntitle: x\n---\nCorps\n", english) == f"---\ntitle: x\nsource_hash: {value}\n---\nCorps\n"
    assert recorded_hash(stamped("Corps", english)) == value


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_fixture_translation_is_stamped_with_its_english_page(lang: str) -> None:
    from tests.support.docs_tree import FIXTURE_DOCS

    for name in FIXTURE_PAGES:
        english = read(FIXTURE_DOCS / DEFAULT_LANGUAGE / name)
        assert recorded_hash(read(FIXTURE_DOCS / lang / name)) == source_hash(english)


def test_stamp_translation_refuses_english_pages_loose_files_and_missing_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = copy_docs(tmp_path, ["pt"])
    loose = tmp_path / "loose.md"
    write(loose, "# Solto\n")
    before = read(docs / "pt" / "retries.md")

    for path in (docs / "en" / "retries.md", loose, tmp_path / "nope.md"):
        assert main(["stamp-translation", str(docs / "pt" / "retries.md"), str(path)]) == EXIT_USAGE
        error = capsys.readouterr().err
        assert str(path) in error
        assert "Traceback" not in error
    assert read(docs / "pt" / "retries.md") == before  # nothing is written when one path is wrong
