"""The checker's Markdown reader against markdown-it-py, on the docs pages (CPU time per page).

    python bench/markdown_reader.py

Why the checker keeps its own line reader: it must read a page in well under a
millisecond (the check budget is about 0.7 ms per page, statements included), and it
needs source lines and raw placeholders, which markdown-it-py's token stream also gives
(``token.map``), but at several times the cost. markdown-it-py and mdit-py-plugins
(front_matter, deflist, container) are not dependencies: install them to compare.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pages() -> list[str]:
    paths = sorted(REPO.glob("docs/*/*.md")) + sorted(REPO.glob("tests/fixtures/*/*/*.md"))
    return [path.read_text(encoding="utf-8") for path in paths]


def _per_page(read: Callable[[str], object], pages: list[str], rounds: int = 5) -> float:
    for text in pages:
        read(text)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in pages:
            read(text)
        best = min(best, time.process_time() - start)
    return best / len(pages) * 1000


def main() -> int:
    from transdocs.pages.markdown import read_markdown

    pages = _pages()
    ours = _per_page(read_markdown, pages)
    print(f"{len(pages)} pages")
    print(f"transdocs line reader     {ours:7.3f} ms/page")
    try:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.container import container_plugin
        from mdit_py_plugins.deflist import deflist_plugin
        from mdit_py_plugins.front_matter import front_matter_plugin
    except ImportError:
        print("markdown-it-py / mdit-py-plugins not installed: pip install markdown-it-py mdit-py-plugins")
        return 0
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(deflist_plugin)
    parser.use(container_plugin, name="note").use(container_plugin, name="tip")
    full = _per_page(parser.parse, pages)
    block_rules = [rule for rule in parser.core.ruler.get_all_rules() if rule != "inline"]
    blocks = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(deflist_plugin)
    blocks.core.ruler.enableOnly(block_rules)
    block_only = _per_page(blocks.parse, pages)
    print(f"markdown-it-py, full      {full:7.3f} ms/page  ({full / ours:.1f}x)")
    print(f"markdown-it-py, blocks    {block_only:7.3f} ms/page  ({block_only / ours:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
