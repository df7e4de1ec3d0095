"""The shared corpus of other projects' real docs (``shared/corpora/real`` beside the clone, or one
folder up), and its snapshots that come with a settings file, read once for every test that compares
two readers on them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from transdocs.pages.document import Document
from transdocs.pages.markdown import read_markdown
from transdocs.settings.reader import load_settings
from transdocs.statements.targets import Targets

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = next(
    (base / "shared" / "corpora" / "real" for base in (ROOT.parent, ROOT.parent.parent) if (base / "shared").is_dir()),
    None,
)


def read_document(path: Path) -> Document:
    """``path`` parsed as Markdown, undecodable bytes replaced (a few real pages hold some)."""
    return read_markdown(path.read_text(encoding="utf-8", errors="replace"))


@cache
def snapshots_with_settings() -> tuple[tuple[Targets, tuple[Document, ...]], ...]:
    """Each snapshot with a ``settings.json``: its settings as targets, and its pages (Markdown and MDX,
    in path order) parsed. Empty when the corpus is not beside the clone."""
    found = []
    for settings in sorted(CORPUS.glob("*/*/settings.json")) if CORPUS is not None else []:
        targets = Targets(load_settings(str(settings), base=settings.parent))
        pages = sorted([*settings.parent.rglob("*.md"), *settings.parent.rglob("*.mdx")])
        found.append((targets, tuple(read_document(page) for page in pages)))
    return tuple(found)


def page_texts() -> list[str]:
    """The text of every page of our docs, the fixtures and, when it is beside the clone, the real
    corpus (Markdown and MDX, undecodable bytes replaced), in path order."""
    paths = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "tests" / "fixtures").rglob("*.md")]
    if CORPUS is not None and CORPUS.is_dir():
        paths += [path for path in CORPUS.rglob("*") if path.suffix in (".md", ".mdx") and path.is_file()]
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(paths)]
