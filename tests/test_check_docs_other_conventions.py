"""Other projects' conventions are not findings: pages shaped like real projects' docs.

A docs tree that never used our placeholders, our ``source_hash`` stamps or plain-text
file trees must get no finding for them; the same pages broken for real still do. The
pages are built here, shaped like the real ones that raised false alarms (file trees in
code blocks, JSX ``style={{ color: ... }}`` props, Handlebars-like templates).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.docs_tree import read, write
from transdocs import check_paths
from transdocs.report.findings import ENCODING

FILE_TREE = """\
# Output structure

The build writes one HTML file for each entry, under the output folder:

```bash
/dist
 └── [name].html
```

A larger project keeps its pages and layouts apart:

```text
src/
├── pages/
│   ├── index.astro
│   └── about.astro
└── layouts/
    └── Base.astro
```
"""


def test_box_drawing_characters_of_a_file_tree_are_not_mojibake(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "structure.md"
    page.parent.mkdir(parents=True)
    write(page, FILE_TREE)

    assert [f for f in check_paths([str(tmp_path / "docs")]) if f.kind == ENCODING] == []


def test_a_file_tree_that_went_through_a_code_page_is_still_mojibake(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "en" / "structure.md"
    page.parent.mkdir(parents=True)
    write(page, FILE_TREE.encode("utf-8").decode("cp1252", errors="replace"))
    first = next(n for n, line in enumerate(read(page).split("\n"), start=1) if not line.isascii())

    found = [(f.kind, f.line) for f in check_paths([str(tmp_path / "docs")])]

    assert (ENCODING, first) in found
