"""read_page_language reads a page as read_language reads its prose, building the prose only when read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.calls import first_arguments
from transdocs.languages import detect
from transdocs.languages.words import OURS

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
# The shared real-docs corpus beside the repository (or beside its worktrees' folder).
REAL = next((f / "shared/corpora/real" for f in (REPO.parent, REPO.parent.parent) if (f / "shared").is_dir()), REPO)


def _pages() -> list[tuple[str, str]]:
    """(folder name, text) of our pages and of the real corpus's newest tree of each project."""
    found = [(page.parent.name, page.read_text(encoding="utf-8")) for page in sorted(DOCS.glob("*/*.md"))]
    for project in sorted(p for p in REAL.iterdir() if p.is_dir()) if REAL != REPO else []:
        trees = sorted(tree for tree in project.iterdir() if (tree / "docs").is_dir())
        if trees:
            pages = sorted(trees[-1].glob("docs/*/**/*.md*"))
            found += [
                (page.relative_to(trees[-1] / "docs").parts[0], page.read_text("utf-8", "replace")) for page in pages
            ]
    return found


@pytest.mark.parametrize("expected", [None, "folder", "de", "ko"])
def test_a_page_reads_as_its_prose_does(expected: str | None) -> None:
    """Every page, read as its folder's language (judged or not), as a language without a file, and
    with none expected: the same language, the same verdict, the same census."""
    for folder, text in _pages():
        lang = folder if expected == "folder" else expected
        by_prose = detect.read_language(detect.prose_of(text), lang, OURS)
        by_page = detect.read_page_language(text, lang, OURS)
        assert (by_page.lang, by_page.reads_as_expected) == (by_prose.lang, by_prose.reads_as_expected)
        assert by_page.census == by_prose.census


def test_the_prose_of_a_page_in_a_language_without_a_file_is_built_only_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = detect.prose_of
    built = first_arguments(monkeypatch, detect, "prose_of")
    text = "# Konfiguration\n\nDie Wiederholungen sind standardmäßig auf drei gesetzt.\n"
    reading = detect.read_page_language(text, "de", OURS)
    assert (reading.lang, reading.reads_as_expected, built) == (None, True, [])
    assert reading.census == detect.census(real(text))
    assert built == [text]
    detect.read_page_language(text, "fr", OURS)  # a language with a file is read at once
    assert built == [text, text]
