"""The cyclic garbage collector runs rarely while pages are checked (transdocs.batch), and a Python
caller's own setting comes back after the run, whether it ends well or with an error."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from transdocs import runner
from transdocs.batch import check_paths
from transdocs.checks import Check, Context, PageRead, Unit, units
from transdocs.report.findings import Finding

CALLER = (1234, 11, 12)  # a caller's own thresholds, not Python's default


@pytest.fixture
def caller_threshold() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*CALLER)
    yield
    gc.set_threshold(*before)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    for lang, text in (("en", "# Retries\n\nRetried twice.\n"), ("fr", "# Nouvelles tentatives\n\nDeux fois.\n")):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "retries.md").write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def _with_check(monkeypatch: pytest.MonkeyPatch, run: object) -> None:
    unit = Unit(Check("demo", "warning", "a check written in a test", None), run, None)  # type: ignore[arg-type]
    monkeypatch.setattr(runner, "units", lambda: (*units(), unit))


@pytest.mark.usefixtures("caller_threshold")
def test_pages_are_checked_with_rare_collections_and_the_caller_s_setting_comes_back(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int, int]] = []

    def run(page: PageRead, context: Context) -> list[Finding]:
        seen.append(gc.get_threshold())
        return []

    _with_check(monkeypatch, run)
    check_paths([str(docs)], use_cache=False)

    assert len(seen) == 2
    assert all(first > 100 * CALLER[0] for first, _, _ in seen)
    assert gc.get_threshold() == CALLER


@pytest.mark.usefixtures("caller_threshold")
def test_a_check_that_fails_leaves_the_caller_s_setting(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def run(page: PageRead, context: Context) -> list[Finding]:
        raise RuntimeError("a check failed")

    _with_check(monkeypatch, run)
    with pytest.raises(RuntimeError, match="a check failed"):
        check_paths([str(docs)], use_cache=False)

    assert gc.get_threshold() == CALLER
