"""An English original's broken placeholders are worked out once (by the runner, for its translations
and its own structure check), and every finding is what each reading working them out alone gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.support.docs_tree import copy_docs, read, write
from transdocs import batch, check_paths, runner
from transdocs.pages.broken_placeholders import broken_placeholders
from transdocs.translations import structure_diff


def _broken_tree(tmp_path: Path) -> Path:
    """Our docs with broken placeholders in English pages and in a translation."""
    docs = copy_docs(tmp_path)
    for page, lang in (("retries.md", "en"), ("retries.md", "fr"), ("configuration.md", "en")):
        path = docs / lang / page
        text = read(path)
        if "{{ retry.max_requests }}" in text:
            text = text.replace("{{ retry.max_requests }}", "{{ retry.max_requests }", 1)
        write(path, text + "\nSee { llm.timeout }} and {{ llm.model\n")
    return docs


def _findings(docs: Path) -> list[tuple[str, int, str, str]]:
    return [(f.path, f.line, f.kind, f.message) for f in check_paths([str(docs)], jobs=1, use_cache=False)]


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts broken placeholders are worked out of, by the runner and by the structure check."""
    texts: list[str] = []

    def counted(text: str, whole: int | None = None) -> list[tuple[int, str]]:
        texts.append(text)
        return broken_placeholders(text, whole)

    monkeypatch.setattr(runner, "broken_placeholders", counted)
    monkeypatch.setattr(structure_diff, "broken_placeholders", counted)
    return texts


def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page read on its own (no English original shared): its broken placeholders worked out by
    whoever asks, as before they were shared."""
    real_init: Callable[..., None] = runner.Checker.__init__

    def init(self: runner.Checker, *args: Any) -> None:
        real_init(self, *args)
        self.originals = set()

    monkeypatch.setattr(runner.Checker, "__init__", init)


@pytest.mark.parametrize("reverse", [False, True])
def test_an_originals_broken_placeholders_are_worked_out_once_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reverse: bool
) -> None:
    docs = _broken_tree(tmp_path)
    with monkeypatch.context() as alone:
        _alone(alone)
        texts = _counted(alone)
        expected = _findings(docs)
        worked_out_alone = len(texts)
    assert sum("placeholder is missing a brace" in message for *_, message in expected) >= 3
    if reverse:  # each English page after its translations, not before them
        real_groups: Callable[..., list[list[int]]] = batch._groups

        def groups(pages: Sequence[Any], todo: list[int]) -> list[list[int]]:
            return [task[::-1] for task in real_groups(pages, todo)]

        monkeypatch.setattr(batch, "_groups", groups)
    texts = _counted(monkeypatch)
    assert _findings(docs) == expected
    assert len(texts) == len(set(texts)) < worked_out_alone  # (each English page's text once)
