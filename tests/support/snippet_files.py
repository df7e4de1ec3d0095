"""The docs' snippet files and the `--8<--` lines that include them, read the way the site build reads them.

Includes are expanded with pymdownx.snippets itself (``check_paths`` on, ``snippets/`` as the base
path, as in mkdocs.yml), so a test that passes here cannot disagree with the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from transdocs.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS_DIR = ROOT / "snippets"
DOCS_DIR = ROOT / "docs"

SECTION_START = re.compile(r"--8<-- \[start:([a-z][-_0-9a-z]*)\]", re.IGNORECASE)
INCLUDE_LINE = re.compile(r"""^\s*-+8<-+\s+["']([^"']+)["']\s*$""")


def snippet_files() -> list[Path]:
    """Every file in ``snippets/``: each one must be covered by tests/test_snippets.py."""
    return sorted(path for path in SNIPPETS_DIR.iterdir() if path.is_file() and not path.name.startswith("."))


def doc_pages() -> list[Path]:
    """``docs/<lang>/<page>.md`` for every language that has a folder."""
    return sorted(page for lang in LANGUAGES for page in (DOCS_DIR / lang).glob("*.md"))


def section_names(path: Path) -> list[str]:
    """Names of the ``--8<-- [start:name]`` sections of a snippet file, in order."""
    return SECTION_START.findall(path.read_text(encoding="utf-8"))


def includes(page: Path) -> list[str]:
    """The targets of the ``--8<-- "file:section"`` lines of a page, such as ``retries.py:per_call``."""
    return [m.group(1) for line in page.read_text(encoding="utf-8").splitlines() if (m := INCLUDE_LINE.match(line))]


def expand_includes(text: str) -> str:
    """``text`` with every ``--8<--`` include replaced by the lines it names; missing ones raise."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(SNIPPETS_DIR)], "check_paths": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.splitlines()))


def section_text(path: Path, section: str) -> str:
    """One section of a snippet file, as a page that includes it shows it."""
    return expand_includes(f'--8<-- "{path.relative_to(SNIPPETS_DIR).as_posix()}:{section}"')
