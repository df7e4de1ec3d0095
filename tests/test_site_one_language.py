"""The parts of a one-language rebuild under mkdocs serve: which saves allow it, the rest of the
site kept across MkDocs' clean, and the static-i18n versions it trusts.
(tests/test_site_serve.py serves the whole site and saves pages.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.support.site import REPO, SITE_LANGUAGES
from transdocs.site import one_language
from transdocs.site.one_language import KeptAside, changed_language, docs_files, i18n_plugin

DEFAULT = SITE_LANGUAGES[0]
OTHERS = SITE_LANGUAGES[1:]


def _changed(docs: Path, *paths: str) -> str | None:
    return changed_language([str(docs / path) for path in paths], docs, SITE_LANGUAGES, DEFAULT)


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        ((f"{OTHERS[0]}/retries.md",), OTHERS[0]),
        ((f"{OTHERS[0]}/retries.md", f"{OTHERS[0]}/img/chart.png"), OTHERS[0]),  # its assets too
        ((f"{OTHERS[0]}/retries.md", f"{OTHERS[1]}/retries.md"), None),  # two languages
        ((f"{DEFAULT}/retries.md",), None),  # English: other languages show it or date from it
        ((f"{OTHERS[0]}/retries.md", f"{DEFAULT}/retries.md"), None),
        ((f"_data/{OTHERS[0]}.yml",), None),  # the language's words, read by every build
        (("index.md",), None),  # the docs' root
        (("../mkdocs.yml",), None),
        (("../snippets/retry.md",), None),
        (("xx/index.md",), None),  # not a language of the site
        ((), None),
    ],
)
def test_only_changes_in_one_translation_folder_name_a_language(
    tmp_path: Path, paths: tuple[str, ...], expected: str | None
) -> None:
    assert _changed(tmp_path / "docs", *paths) == expected


def test_a_change_named_through_a_link_is_in_its_language(tmp_path: Path) -> None:
    """A watcher may name the file with links resolved (macOS: /private/var/... for /var/...)."""
    real = tmp_path / "real-docs"
    (real / OTHERS[0]).mkdir(parents=True)
    (real / OTHERS[0] / "retries.md").write_text("x", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.symlink_to(real, target_is_directory=True)
    for named in (docs / OTHERS[0] / "retries.md", real / OTHERS[0] / "retries.md"):
        assert changed_language([str(named)], docs, SITE_LANGUAGES, DEFAULT) == OTHERS[0]
    assert changed_language([str(real / DEFAULT / "retries.md")], docs, SITE_LANGUAGES, DEFAULT) is None


def test_the_docs_files_leave_out_bytecode(tmp_path: Path) -> None:
    (tmp_path / "zh" / "img").mkdir(parents=True)
    (tmp_path / "_extras" / "__pycache__").mkdir(parents=True)
    for path in ("zh/index.md", "zh/img/a.png", "_extras/values.py", "_extras/__pycache__/values.cpython-311.pyc"):
        (tmp_path / path).write_text("x", encoding="utf-8")
    assert docs_files(tmp_path) == {
        os.path.join("zh", "index.md"),
        os.path.join("zh", "img", "a.png"),
        os.path.join("_extras", "values.py"),
    }


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


def test_the_rest_of_the_site_is_kept_across_the_clean_and_what_the_build_wrote_outside_goes(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    before = {
        "index.html": "en home",
        "404.html": "en 404",
        "search/search_index.json": "en index",
        "assets/app.js": "js",
        "zh/index.html": "zh home, old",
        "ja/index.html": "ja home",
    }
    for path, text in before.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    kept = KeptAside(site, "zh")
    kept.keep()
    assert sorted(os.listdir(site)) == ["zh"]
    shutil.rmtree(site / "zh")  # MkDocs' clean, then the zh build: its folder, and root files of its own
    written = {
        "zh/index.html": "zh home, new",
        "404.html": "zh 404",
        "search/search_index.json": "zh index",
        "sitemap.xml": "zh sitemap",
    }
    for path, text in written.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    kept.restore()
    assert _tree(site) == {**before, "zh/index.html": "zh home, new"}
    assert not kept.aside.exists()


def test_static_i18n_is_trusted_only_in_the_versions_tested(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    assert i18n_plugin(config) is config.plugins["i18n"]  # the installed one is a tested version
    monkeypatch.setattr(one_language, "TESTED_I18N", frozenset({"0.0.1"}))
    assert i18n_plugin(config) is None
