"""check-docs' cache folder stays bounded: each kind of file keeps the ones used last."""

from __future__ import annotations

import json
import os
from pathlib import Path

from transdocs import cache_folder, page_cache
from transdocs.batch import check_paths
from transdocs.project import load_project
from transdocs.settings import cache as settings_cache


def _old_files(place: Path, names: list[str], text: str) -> list[Path]:
    """Files last used an hour ago and more, the first the most recent."""
    place.mkdir(parents=True, exist_ok=True)
    made = []
    for age, name in enumerate(names, start=1):
        path = place / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (1e9 - age, 1e9 - age))
        made.append(path)
    return made


def _docs(folder: Path) -> str:
    folder.mkdir()
    (folder / "index.md").write_text("# Home\n\nThe default of `LLM_TIMEOUT` is 30 s.\n", encoding="utf-8")
    return str(folder)


def test_a_run_that_writes_page_findings_keeps_the_files_used_last(tmp_path: Path) -> None:
    place = cache_folder.folder()
    assert place is not None
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps([{"name": "timeout", "env": "LLM_TIMEOUT", "default": 30}]), encoding="utf-8")
    project = load_project().override(settings=str(settings))
    first, second = _docs(tmp_path / "first"), _docs(tmp_path / "second")
    check_paths([first], project=project)
    (read_again,) = place.glob("pages-*.json")
    os.utime(read_again, (1, 1))  # older than any
    old = _old_files(place, [f"pages-{n:024x}.json" for n in range(page_cache._KEEP_FILES + 5)], "{}")

    check_paths([first], project=project)  # from the cache: reads its file, writes nothing
    check_paths([second], project=project)  # a new file: the oldest go

    left = set(place.glob("pages-*.json"))
    assert len(left) == page_cache._KEEP_FILES
    assert read_again in left
    assert old[0] in left and old[page_cache._KEEP_FILES - 3] in left
    assert not {*old[page_cache._KEEP_FILES - 2 :]} & left
    assert len(left - {*old, read_again}) == 1  # the second run's own file


def test_settings_read_from_a_class_keep_the_states_used_last() -> None:
    place = cache_folder.folder()
    assert place is not None
    other = _old_files(place, ["pages-1.json", "regex-1.marshal"], "{}")  # other kinds: not counted
    old = _old_files(place, [f"{n:032x}.json" for n in range(settings_cache._KEEP_FILES + 3)], "[]")
    settings_cache.save("f" * 32, [{"name": "timeout", "default": 30}])

    left = set(place.glob("*.json")) - set(other)
    assert len(left) == settings_cache._KEEP_FILES
    assert place / ("f" * 32 + ".json") in left
    assert old[settings_cache._KEEP_FILES - 2] in left and old[settings_cache._KEEP_FILES - 1] not in left
    assert all(path.exists() for path in other)
    assert json.loads((place / ("f" * 32 + ".json")).read_text(encoding="utf-8"))[0]["default"] == 30


def test_a_cache_that_cannot_be_listed_or_removed_is_left_be(tmp_path: Path) -> None:
    cache_folder.prune(tmp_path / "absent", "*.json", 1)  # no folder: nothing to do, no error
    cache_folder.used(tmp_path / "absent" / "x.json")
