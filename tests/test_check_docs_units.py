"""A check is one module: the runner gives its ``run`` each page as read once, and its ``finish``
the run's context after the last page (ARCHITECTURE.md: where a new check goes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transdocs import batch, runner
from transdocs.batch import check_paths
from transdocs.checks import Check, Context, PageRead, Unit, units
from transdocs.report.findings import Finding

DEMO = "demo"


def test_a_new_check_gets_every_page_read_once_and_the_run_s_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    for lang, text in (("en", "# Retries\n\nRetried twice.\n"), ("fr", "# Nouvelles tentatives\n\nDeux fois.\n")):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "retries.md").write_text(text, encoding="utf-8")
    seen: list[tuple[str, str | None, bool, str | None]] = []

    def run(page: PageRead, context: Context) -> list[Finding]:
        english = page.english.text.splitlines()[0] if page.english is not None else None
        seen.append((Path(page.shown).parent.name, page.lang, page.doc is not None, english))
        return [Finding(page.shown, 1, page.lang, DEMO, message=page.text.splitlines()[0])]

    def finish(context: Context) -> list[Finding]:
        return [Finding(str(docs), 1, None, DEMO, message=f"{len(context.discovery.pages)} pages")]

    demo = Unit(Check(DEMO, "warning", "a check written in a test", None), run, finish)
    monkeypatch.setattr(runner, "units", lambda: (*units(), demo))
    monkeypatch.setattr(batch, "units", lambda: (*units(), demo))

    found = [
        (Path(f.path).name, f.lang, f.message) for f in check_paths([str(docs)], use_cache=False) if f.kind == DEMO
    ]

    assert sorted(seen) == [("en", "en", True, None), ("fr", "fr", True, "# Retries")]
    assert found == [
        ("docs", None, "2 pages"),
        ("retries.md", "en", "# Retries"),
        ("retries.md", "fr", "# Nouvelles tentatives"),
    ]
