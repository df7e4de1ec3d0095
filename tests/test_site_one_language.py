"""The parts of a one-language rebuild under mkdocs serve: which saves allow it, the rest of the
site kept across MkDocs' clean, and the static-i18n versions it trusts.
(tests/test_site_serve.py serves the whole site and saves pages.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.support.site import REPO, SITE_LANGUAGES
from transdocs.site import one_language
from transdocs.site.one_language import (
    KNOWN_PLUGINS,
    SITE_WIDE,
    KeptAside,
    built_changes,
    changed_language,
    docs_files,
    i18n_plugin,
    pages_read_elsewhere,
    translated_default_pages,
)

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


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


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
    _write(site, before)
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
    _write(site, written)
    kept.restore()
    assert _tree(site) == {**before, "zh/index.html": "zh home, new"}
    assert not kept.aside.exists()


def test_static_i18n_is_trusted_only_in_the_versions_tested(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    assert i18n_plugin(config) is config.plugins["i18n"]  # the installed one is a tested version
    monkeypatch.setattr(one_language, "TESTED_I18N", frozenset({"0.0.1"}))
    assert i18n_plugin(config) is None


def _docs_with_translations(docs: Path, missing: str | None = None) -> None:
    """retries.md in every language, but ``missing`` (``<lang>/retries.md``); an English image."""
    for language in SITE_LANGUAGES:
        (docs / language).mkdir(parents=True)
        if f"{language}/retries.md" != missing:
            (docs / language / "retries.md").write_text("x", encoding="utf-8")
    (docs / DEFAULT / "chart.png").write_bytes(b"png")
    (docs / DEFAULT / "only-english.md").write_text("x", encoding="utf-8")


@pytest.mark.parametrize(
    ("paths", "missing", "expected"),
    [
        ((f"{DEFAULT}/retries.md",), None, True),  # every language has its own: none shows this one
        ((f"{DEFAULT}/retries.md",), f"{OTHERS[-1]}/retries.md", False),  # one language shows it in its stead
        ((f"{DEFAULT}/only-english.md",), None, False),
        ((f"{DEFAULT}/chart.png",), None, False),  # not a page: every language's folder gets a copy
        ((f"{DEFAULT}/retries.md", f"{OTHERS[0]}/retries.md"), None, False),
        ((f"{DEFAULT}/retries.md", "_data/en.yml"), None, False),
        (("retries.md",), None, False),  # the docs' root, not the default language's folder
        (("../snippets/retry.md",), None, False),
        ((), None, False),
    ],
)
def test_only_default_language_pages_every_language_translated_build_it_alone(
    tmp_path: Path, paths: tuple[str, ...], missing: str | None, expected: bool
) -> None:
    docs = tmp_path / "docs"
    _docs_with_translations(docs, missing)
    changed = [str(docs / path) for path in paths]
    assert translated_default_pages(changed, docs, SITE_LANGUAGES, DEFAULT) is expected


def test_files_no_build_reads_are_no_change(tmp_path: Path) -> None:
    """An editor's file written and renamed or removed (sed -i, vim's 4913 and backup) and dot
    files under the docs are dropped; a file outside the docs stays, there or not."""
    docs = tmp_path / "docs"
    _docs_with_translations(docs)
    files = docs_files(docs)
    (docs / DEFAULT / ".retries.md.swp").write_text("x", encoding="utf-8")
    kept = [str(docs / DEFAULT / "retries.md"), str(tmp_path / "snippets" / "gone.md")]
    dropped = [str(docs / DEFAULT / name) for name in ("sedX1a2b3", "4913", "retries.md~", ".retries.md.swp")]
    assert built_changes([*kept, *dropped], docs, files) == frozenset(kept)


def _config(tmp_path: Path, snippets: str | None, plugins: str = "", hooks: str = "") -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    text = f"site_name: x\ndocs_dir: docs\n{plugins}{hooks}"
    if snippets is not None:
        text += f"markdown_extensions:\n  - pymdownx.snippets:\n{snippets}"
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_a_page_that_could_be_read_into_another_language_keeps_every_language_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # snippets' base_path is the working folder unless set
    changed = [str(tmp_path / "docs" / DEFAULT / "retries.md")]
    outside = "      base_path: [snippets]\n"
    assert not pages_read_elsewhere(_config(tmp_path, None), changed)
    assert not pages_read_elsewhere(_config(tmp_path, outside), changed)
    assert pages_read_elsewhere(_config(tmp_path, "      check_paths: true\n"), changed)
    assert pages_read_elsewhere(_config(tmp_path, "      base_path: docs\n"), changed)
    unrestricted = outside + "      restrict_base_path: false\n"
    assert pages_read_elsewhere(_config(tmp_path, unrestricted), changed)
    assert pages_read_elsewhere(_config(tmp_path, None, "plugins:\n  - material/tags\n"), changed)
    (tmp_path / "hook.py").write_text("", encoding="utf-8")
    assert pages_read_elsewhere(_config(tmp_path, None, hooks="hooks: [hook.py]\n"), changed)
    ours = load_config(str(REPO / "mkdocs.yml"))
    assert set(ours.plugins.keys()) <= KNOWN_PLUGINS
    assert not pages_read_elsewhere(ours, [str(REPO / "docs" / DEFAULT / "retries.md")])


def test_a_build_of_the_default_language_keeps_the_other_languages_and_the_site_wide_sitemap(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    before = {
        "index.html": "en home, old",
        "404.html": "en 404",
        "search/search_index.json": "en index, old",
        "assets/app.js": "js",
        **{name: "every language's sitemap" for name in SITE_WIDE},
        "zh/index.html": "zh home",
        "zh/sitemap.xml": "zh sitemap",
        "ja/index.html": "ja home",
    }
    _write(site, before)
    kept = KeptAside(site, DEFAULT, ["zh", "ja"])
    kept.keep()
    assert sorted(os.listdir(site)) == ["404.html", "assets", "index.html", "search"]
    for entry in os.listdir(site):  # MkDocs' clean, then the English build: the root, and its sitemaps
        shutil.rmtree(site / entry) if (site / entry).is_dir() else (site / entry).unlink()
    written = {
        "index.html": "en home, new",
        "404.html": "en 404",
        "search/search_index.json": "en index, new",
        "assets/app.js": "js",
        **{name: "English's sitemap" for name in SITE_WIDE},
        "zh/sitemap.xml": "cut from English's sitemap",
    }
    _write(site, written)
    kept.restore()
    new = {"index.html": "en home, new", "search/search_index.json": "en index, new"}
    assert _tree(site) == {**before, **new}
    assert not kept.aside.exists()
