"""Docs trees for the checker's tests and benchmarks, built from tests/fixtures/check_docs.

The fixture pages are written natively in every language and stamped; the helpers
copy them to a temporary folder (tests edit the copy) or multiply them into a large
tree for timing the checker.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES
from transdocs.languages.words import OURS
from transdocs.project import load_project
from transdocs.statements.lexicon import Lexicon, lexicon
from transdocs.statements.targets import Targets
from transdocs.translations.hash_stamp import stamped

REPO = Path(__file__).resolve().parent.parent.parent
FIXTURE_DOCS = Path(__file__).resolve().parent.parent / "fixtures" / "check_docs"
FIXTURE_PAGES = ("configuration.md", "retries.md")


@cache
def our_targets() -> Targets:
    """This repository's settings, as check-docs compares pages with them."""
    return load_project(REPO).override(allow_import=True).targets()


@cache
def real_prose() -> tuple[str, ...]:
    """The prose blocks of our docs and of every fixture page: the texts a rewritten reader must
    read as the plain one does."""
    from transdocs.pages.document import Prose
    from transdocs.pages.markdown import read_markdown

    pages = [*(REPO / "docs").rglob("*.md"), *(REPO / "tests" / "fixtures").rglob("*.md")]
    texts: list[str] = []
    for page in pages:
        texts += [b.text for b in read_markdown(page.read_text(errors="replace")).blocks if isinstance(b, Prose)]
    return tuple(texts)


def our_lexicon(lang: str | None) -> Lexicon:
    """The statement readers' patterns for ``lang`` with this repository's settings and our language files."""
    return lexicon(lang, our_targets(), OURS)


def use_our_check_docs_config(folder: Path) -> None:
    """Write this repository's ``[tool.check-docs]`` table into ``folder/pyproject.toml``, so
    check-docs run there checks against it (tests run in a temporary working folder)."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    table = re.search(r"^\[tool\.check-docs\]\n(?:[^\[].*\n|\n)*", text, re.MULTILINE)
    assert table, "pyproject.toml has no [tool.check-docs] table"
    (folder / "pyproject.toml").write_text(table.group(0), encoding="utf-8")


def copy_docs(target: Path, languages: Iterable[str] = LANGUAGES) -> Path:
    """A copy of the fixture docs (English plus ``languages``) in ``target/docs``."""
    docs = target / "docs"
    for lang in {DEFAULT_LANGUAGE, *languages}:
        shutil.copytree(FIXTURE_DOCS / lang, docs / lang)
    return docs


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


def garble(page: Path, code_page: str, errors: str) -> tuple[str, str]:
    """Pass ``page``'s UTF-8 bytes through ``code_page`` (dropping or replacing the bytes it has
    no character for) and save the result as UTF-8, as a wrong editor would; (before, after)."""
    original = read(page)
    garbled = original.encode("utf-8").decode(code_page, errors=errors)
    write(page, garbled)
    return original, garbled


def first_changed_line(before: str, after: str) -> int:
    """1-based number of the first line that differs (a page garbled by a wrong encoding)."""
    for number, (a, b) in enumerate(zip(before.split("\n"), after.split("\n"), strict=False), start=1):
        if a != b:
            return number
    raise AssertionError("the text did not change")


def line_of(path: Path, text: str) -> int:
    """1-based number of the first line of ``path`` that contains ``text``."""
    for number, line in enumerate(read(path).split("\n"), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not found in {path}")


def insert_after(path: Path, anchor: str, new_line: str) -> int:
    """Insert ``new_line`` after the first line starting with ``anchor``; return its line number."""
    lines = read(path).split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(anchor))
    lines.insert(index + 1, new_line)
    write(path, "\n".join(lines))
    return index + 2


def append_paragraph(path: Path, paragraph: str) -> int:
    """Append a paragraph (one line) at the end of the page; return its line number."""
    text = read(path).rstrip("\n") + "\n\n" + paragraph + "\n"
    write(path, text)
    return len(text.rstrip("\n").split("\n"))


def make_docs_tree(root: Path, pages: int) -> Path:
    """``pages`` pages in every language under ``root/docs``, stamped, as a real tree would be.

    Page *k* is a fixture page with its title numbered, so every page (and every
    English hash) differs.
    """
    docs = root / "docs"
    sources = {(lang, name): read(FIXTURE_DOCS / lang / name) for lang in LANGUAGES for name in FIXTURE_PAGES}
    for lang in LANGUAGES:
        (docs / lang).mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        name = FIXTURE_PAGES[number % len(FIXTURE_PAGES)]
        english = sources[DEFAULT_LANGUAGE, name].replace("\n", f" {number}\n", 1)
        write(docs / DEFAULT_LANGUAGE / f"page{number:05d}.md", english)
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE:
                continue
            translation = _numbered_title(sources[lang, name], number)
            write(docs / lang / f"page{number:05d}.md", stamped(translation, english))
    return docs


def _numbered_title(text: str, number: int) -> str:
    """The page with `` <number>`` after its first heading (front matter kept)."""
    head, separator, body = text.partition("\n# ")
    title, newline, rest = body.partition("\n")
    return f"{head}{separator}{title} {number}{newline}{rest}"
