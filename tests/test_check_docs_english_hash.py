"""An English page's source_hash is worked out only when a translation of it records one, once,
and the outdated findings are what hashing every English page gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.calls import first_arguments
from tests.support.docs_tree import copy_docs, read, write
from transdocs import check_paths
from transdocs.translations import source_hash as hashing


def _findings(docs: Path) -> list[tuple[str, int, str, str]]:
    return [(f.path, f.line, f.kind, f.message) for f in check_paths([str(docs)], jobs=1, use_cache=False)]


def _hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts source_hash is asked of."""
    texts: list[str] = first_arguments(monkeypatch, hashing, "source_hash")
    return texts


def test_an_english_page_is_hashed_once_and_only_for_a_translation_that_records_a_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = copy_docs(tmp_path)
    stamped = [path for path in sorted(docs.rglob("*.md")) if "source_hash:" in read(path)]
    assert len(stamped) > 5
    outdated = stamped[0]  # one translation records another hash than its English page's
    write(outdated, re.sub(r"source_hash: *\S+", "source_hash: 000000000000", read(outdated), count=1))
    texts = _hashed(monkeypatch)
    found = _findings(docs)
    assert sum(kind == "outdated" for _, _, kind, _ in found) == 1
    assert texts and len(texts) == len(set(texts))  # each English page's text once
    for path in stamped[1:]:  # the others record none
        write(path, re.sub(r"\nsource_hash: *\S+", "", read(path), count=1))
    texts.clear()
    _findings(docs)
    assert len(texts) == 1  # the English page of the one translation that still records a hash
