"""The page cache and the worker processes change how fast check-docs is, never what it finds."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.docs_tree import append_paragraph, make_docs_tree, read, write
from transdocs import batch, cache_folder, page_cache
from transdocs.batch import check_paths
from transdocs.project import Project, load_project
from transdocs.report.findings import STALE

STATED = 5


def _settings(folder: Path, default: int) -> Path:
    path = folder / "settings.json"
    path.write_text(json.dumps([{"name": "num_retries", "env": "LLM_NUM_RETRIES", "default": default}]), "utf-8")
    return path


def _project(settings: Path, **more: Any) -> Project:
    return load_project().override(settings=str(settings), **more)


def _cache_files() -> list[Path]:
    folder = page_cache.folder()
    assert folder is not None
    return sorted(folder.glob("pages-*.json"))


def _poison() -> None:
    """Empty every cached page's findings: a run that still used these entries would hide its finding."""
    for path in _cache_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data["pages"].values():
            entry["findings"] = []
        path.write_text(json.dumps(data), encoding="utf-8")


def _tree(tmp_path: Path, pages: int) -> Path:
    """A stamped tree with findings of several kinds: stale defaults, garbled text, an unstamped page."""
    docs = make_docs_tree(tmp_path / "tree", pages)
    for number in range(0, pages, 7):
        append_paragraph(docs / "zh" / f"page{number:05d}.md", f"`LLM_NUM_RETRIES` 的默认值为 {STATED}。")
        append_paragraph(docs / "fr" / f"page{number:05d}.md", f"Par défaut, `LLM_NUM_RETRIES` vaut {STATED}.")
    arabic = docs / "ar" / "page00003.md"
    write(arabic, read(arabic).encode("utf-8").decode("cp1252", errors="replace"))
    japanese = docs / "ja" / "page00004.md"
    write(japanese, read(japanese).replace("source_hash:", "old_hash:"))
    (docs / "pt" / "page00005.md").unlink()
    return docs


def test_worker_processes_find_exactly_what_one_process_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _tree(tmp_path, 60)
    project = _project(_settings(tmp_path, 3))
    serial = check_paths([str(docs)], project=project, jobs=1, use_cache=False)
    pools: list[str] = []
    real_context = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        pools.append(str(method))
        return real_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    monkeypatch.setattr(batch, "POOL_THRESHOLD", 10)
    parallel = check_paths([str(docs)], project=project, jobs=2, use_cache=False)
    assert pools == ["fork"]
    assert {f.kind for f in serial} >= {STALE, "encoding", "outdated", "missing-translation"}
    assert parallel == serial


def test_worker_processes_tell_the_run_what_one_process_tells_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every field of every page's result crosses from the workers (findings, unstamped and stamped
    translations, English pages as shown, placeholders), not only what the findings show."""
    docs = _tree(tmp_path, 60)
    project = _project(_settings(tmp_path, 3))
    monkeypatch.setattr(batch, "POOL_THRESHOLD", 10)
    no_cache = page_cache.PageCache("", [], enabled=False)
    runs = [batch.check_pages(batch.project_context(project, [str(docs)]), no_cache, jobs) for jobs in (1, 2)]
    assert runs[0].unstamped and runs[0].stamped and runs[0].english_of and runs[0].uses_placeholders
    assert runs[1] == runs[0]


def test_a_second_run_from_the_cache_finds_what_the_first_found(tmp_path: Path) -> None:
    docs = _tree(tmp_path, 12)
    project = _project(_settings(tmp_path, 3))
    first = check_paths([str(docs)], project=project)
    assert _cache_files()
    assert (
        check_paths([str(docs)], project=project) == first == check_paths([str(docs)], project=project, use_cache=False)
    )
    _poison()
    assert check_paths([str(docs)], project=project) != first  # the second run did come from the cache


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "retries.md"
    page.write_text(f"# Retries\n\nThe default of `LLM_NUM_RETRIES` is {STATED}.\n", encoding="utf-8")
    return page


def _settings_changed(tmp_path: Path) -> Project:
    return _project(_settings(tmp_path, 4))


def _language_file_changed(tmp_path: Path) -> Project:
    words = tmp_path / "languages"
    words.mkdir(exist_ok=True)
    (words / "fr.toml").write_text('default = ["en sortie d\'usine"]\n', encoding="utf-8")
    return _project(tmp_path / "settings.json", languages=str(words))


def _option_changed(tmp_path: Path) -> Project:
    return _project(tmp_path / "settings.json", source_lang="en")


def _checker_changed(tmp_path: Path) -> Project:
    return _project(tmp_path / "settings.json")  # the test changed the bytes of check-docs itself


CHANGES: dict[str, Callable[[Path], Project]] = {
    "settings": _settings_changed,
    "language files": _language_file_changed,
    "options": _option_changed,
    "check-docs itself": _checker_changed,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_to_what_a_page_is_checked_against_brings_its_finding_back(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(tmp_path)
    project = _project(_settings(tmp_path, 3))
    found = check_paths([str(page)], lang="en", project=project)
    assert [(f.kind, f.stated, f.expected) for f in found] == [(STALE, str(STATED), "3")]
    _poison()
    assert check_paths([str(page)], lang="en", project=project) == []  # the cache, poisoned, hides it

    if change == "check-docs itself":
        original = cache_folder.toolkit()
        monkeypatch.setattr(page_cache, "toolkit", lambda: original + b"one byte different")
    changed = CHANGES[change](tmp_path)
    again = check_paths([str(page)], lang="en", project=changed)
    assert [(f.kind, f.stated) for f in again] == [(STALE, str(STATED))]


def test_an_edited_page_or_english_page_is_checked_again(tmp_path: Path) -> None:
    docs = _tree(tmp_path, 6)
    project = _project(_settings(tmp_path, 3))
    first = check_paths([str(docs)], project=project)
    _poison()
    page = docs / "zh" / "page00000.md"
    write(page, read(page) + "\n")
    english = docs / "en" / "page00001.md"
    write(english, read(english) + "\n")
    again = check_paths([str(docs)], project=project)
    assert [f for f in first if f.path == str(page)] == [f for f in again if f.path == str(page)] != []
    assert [f for f in again if "page00001" in f.path and f.kind == "outdated"]  # every translation of it


@pytest.mark.parametrize("relative", [False, True])
def test_a_run_keeps_few_english_pages_and_still_reads_every_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    """Memory stays flat on a big tree: an English page is kept only while its translations are
    checked (they are checked one after the other, with the English page itself, whether the
    tree was named by a relative path or not), and every file is still read once."""
    from transdocs import runner

    docs = _tree(tmp_path, 30)
    project = _project(_settings(tmp_path, 3))
    everything = check_paths([str(docs)], project=project, jobs=1, use_cache=False)
    if relative:
        monkeypatch.chdir(tmp_path)
        docs = docs.relative_to(tmp_path)
    reads: list[Path] = []
    kept: list[int] = []
    real_read, real_check_one = runner.read_within, batch.check_one

    def counted(path: Path) -> Any:
        reads.append(Path(path).absolute())
        return real_read(path)

    def check_one(checker: runner.Checker, page: Any) -> Any:
        kept.append(len(checker.english) + len(checker.shared))
        return real_check_one(checker, page)

    monkeypatch.setattr(runner, "read_within", counted)
    monkeypatch.setattr(batch, "check_one", check_one)
    monkeypatch.setattr(runner, "ENGLISH_KEPT", 2)
    found = check_paths([str(docs)], project=project, jobs=1, use_cache=False)

    def seen(findings: list[Any]) -> list[tuple[str, int, str, str]]:
        return [(Path(f.path).name, f.line, f.kind, f.message.replace(f"{tmp_path}/", "")) for f in findings]

    assert seen(found) == seen(everything)
    assert len(reads) == len(set(reads)) == len(list(docs.rglob("*.md")))
    assert max(kept) <= 3  # two English pages kept, and the one being checked as a page
