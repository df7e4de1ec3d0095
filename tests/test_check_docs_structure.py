"""Statements read from a page's structure: nested list references, headings, definition
lists, admonitions (MkDocs and Docusaurus), in all six languages.

Each fixture page under tests/fixtures/structure/<lang>/ is a template (see
tests/support/templates.py): with the package defaults it checks clean; with wrong values,
every marker's line gives exactly one finding and nothing else does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.templates import render
from transdocs import check_paths
from transdocs.languages import LANGUAGES
from transdocs.report.findings import STALE, UNSUPPORTED

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "structure"
PAGES = sorted((p.parent.name, p.name) for p in FIXTURES.glob("*/*.*") if p.parent.name in LANGUAGES)


def stale_findings(path: Path, lang: str) -> list[tuple[int, str | None, str | None]]:
    return [(f.line, f.setting, f.stated) for f in check_paths([str(path)], lang) if f.kind == STALE]


def test_every_language_has_every_shape() -> None:
    shapes = {name for _, name in PAGES}
    assert shapes and {(lang, name) for lang in LANGUAGES for name in shapes} == set(PAGES)


@pytest.mark.parametrize(("lang", "name"), PAGES)
def test_wrong_values_are_found_on_their_lines(tmp_path: Path, lang: str, name: str) -> None:
    text, expected = render((FIXTURES / lang / name).read_text(encoding="utf-8"), stale=True)
    page = tmp_path / f"{lang}-{name}"
    page.write_text(text, encoding="utf-8")
    assert expected
    assert stale_findings(page, lang) == [(e.line, e.env, e.stated) for e in expected]


@pytest.mark.parametrize(("lang", "name"), PAGES)
def test_right_values_give_nothing(tmp_path: Path, lang: str, name: str) -> None:
    text, _ = render((FIXTURES / lang / name).read_text(encoding="utf-8"), stale=False)
    page = tmp_path / f"{lang}-{name}"
    page.write_text(text, encoding="utf-8")
    assert stale_findings(page, lang) == []


RESTATED = Path(__file__).resolve().parent / "fixtures" / "restated"
TRANSLATED = sorted(p.name for p in RESTATED.iterdir() if p.is_dir() and p.name != "en")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_block_at_the_place_of_an_english_defaults_block_restates_defaults(tmp_path: Path, lang: str) -> None:
    """The English page is current; its translation kept old values in the same block."""
    docs = tmp_path / "docs"
    for folder, stale in (("en", False), (lang, True)):
        text, _ = render((RESTATED / folder / "settings.md").read_text(encoding="utf-8"), stale=stale)
        (docs / folder).mkdir(parents=True)
        (docs / folder / "settings.md").write_text(text, encoding="utf-8")
    _, expected = render((RESTATED / lang / "settings.md").read_text(encoding="utf-8"), stale=True)
    found = [
        (f.path.split("docs/")[-1], f.line, f.setting, f.stated) for f in check_paths([str(docs)]) if f.kind == STALE
    ]
    assert expected
    assert found == [(f"{lang}/settings.md", e.line, e.env, e.stated) for e in expected]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_without_its_english_original_such_a_block_is_an_example(tmp_path: Path, lang: str) -> None:
    text, _ = render((RESTATED / lang / "settings.md").read_text(encoding="utf-8"), stale=True)
    page = tmp_path / "settings.md"
    page.write_text(text, encoding="utf-8")
    assert stale_findings(page, lang) == []


def test_a_folder_run_reads_mdx_and_reports_the_files_it_cannot_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    text, expected = render((FIXTURES / "en" / "reference.mdx").read_text(encoding="utf-8"), stale=True)
    (docs / "reference.mdx").write_text(text, encoding="utf-8")
    (docs / "guide.rst").write_text("Guide\n=====\n\n``LLM_NUM_RETRIES`` defaults to 1.\n", encoding="utf-8")
    (docs / "notes.adoc").write_text("= Notes\n", encoding="utf-8")
    found = check_paths([str(tmp_path / "docs")])
    stale = [(Path(f.path).name, f.line, f.setting) for f in found if f.kind == STALE]
    assert stale == [("reference.mdx", e.line, e.env) for e in expected]
    unread = sorted((Path(f.path).name, f.kind) for f in found if f.kind != STALE)
    assert unread == [("guide.rst", UNSUPPORTED), ("notes.adoc", UNSUPPORTED)]


def test_a_chinese_nested_list_reference_with_three_wrong_retry_defaults_gives_exactly_three_findings(
    tmp_path: Path,
) -> None:
    """Issue 9's done-when: `默认值：` child items under each setting's item."""
    template = (FIXTURES / "zh" / "nested-list.md").read_text(encoding="utf-8")
    page = tmp_path / "reference.md"
    stale, expected = render(template, stale=True)
    page.write_text(stale, encoding="utf-8")
    found = stale_findings(page, "zh")
    assert len(found) == 3
    assert {setting for _, setting, _ in found} == {"LLM_NUM_RETRIES", "LLM_RETRY_MIN_WAIT", "LLM_RETRY_MAX_WAIT"}
    assert found == [(e.line, e.env, e.stated) for e in expected]
    right, _ = render(template, stale=False)
    page.write_text(right, encoding="utf-8")
    assert stale_findings(page, "zh") == []
