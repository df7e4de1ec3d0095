"""What a rebuild under mkdocs serve takes from the last build is what it would have made again.

The theme's file list (site/theme_files.py) against Jinja's own listing as folders change,
Material's search entries (site/search_entries.py) against Material's own index as pages change, and
the site folder as MkDocs empties it when its old content is removed after the build (site/old_output.py).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import material
import pytest
from material.plugins.search.plugin import SearchIndex, SearchPlugin

from transdocs.site import search_entries, theme_files
from transdocs.site.old_output import OldOutput
from transdocs.site.search_entries import SearchEntries
from transdocs.site.theme_files import ListedOnce, list_theme_once

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def _settle(root: Path) -> None:
    """Date every folder under ``root`` a minute back, as folders not touched lately are."""
    past = time.time() - 60
    for folder, _, _ in os.walk(root):
        os.utime(folder, (past, past))


def _same_listing(folders: list[Path]) -> None:
    paths = [str(f) for f in folders]
    assert ListedOnce(paths).list_templates() == jinja2.FileSystemLoader(paths).list_templates()


def test_the_theme_listing_follows_every_change_of_its_folders(tmp_path: Path) -> None:
    theme, custom = tmp_path / "theme", tmp_path / "custom"
    (theme / "partials").mkdir(parents=True)
    (theme / "empty").mkdir()
    (theme / "base.html").write_text("")
    (theme / "partials" / "nav.html").write_text("")
    custom.mkdir()
    folders = [custom, theme]
    changes = [
        lambda: (theme / "partials" / "toc.html").write_text(""),  # a file added
        lambda: (theme / "partials" / "nav.html").unlink(),  # removed
        lambda: (theme / "base.html").rename(theme / "main.html"),  # renamed
        lambda: (theme / "empty" / "new.css").write_text(""),  # in a folder that held nothing
        lambda: (theme / "deep" / "er").mkdir(parents=True),  # folders without files...
        lambda: (theme / "deep" / "er" / "x.js").write_text(""),  # ...then a file in them
        lambda: (custom / "main.html").write_text(""),  # the same name in another folder
        lambda: (theme / "partials").rename(theme / "parts"),  # a folder renamed
    ]
    for change in changes:
        _settle(tmp_path)
        _same_listing(folders)
        _same_listing(folders)  # given again while nothing changed
        change()
        _same_listing(folders)


def test_a_listing_of_folders_changed_lately_is_not_kept(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("")
    ListedOnce([str(tmp_path)]).list_templates()
    assert (str(tmp_path),) not in theme_files._LISTED
    _settle(tmp_path)
    ListedOnce([str(tmp_path)]).list_templates()
    assert (str(tmp_path),) in theme_files._LISTED
    ListedOnce([str(tmp_path / "missing"), str(tmp_path)]).list_templates()
    assert (str(tmp_path / "missing"), str(tmp_path)) not in theme_files._LISTED


def test_materials_templates_are_listed_as_jinja_lists_them() -> None:
    _same_listing([MATERIAL_TEMPLATES])
    _same_listing([MATERIAL_TEMPLATES])


def test_a_theme_makes_environments_with_the_kept_listing(tmp_path: Path) -> None:
    from mkdocs.theme import Theme

    theme = Theme(name="material")
    config = SimpleNamespace(theme=theme)
    plain = theme.get_env()
    list_theme_once(config)
    list_theme_once(config)  # a second language's build wraps it again: still one listing
    env = theme.get_env()
    assert type(env.loader) is ListedOnce
    assert env.loader.searchpath == plain.loader.searchpath  # type: ignore[union-attr]
    assert env.list_templates() == plain.list_templates()


# --- Material's search entries -------------------------------------------------------------

_WORDS = ["retry", "重试", "速率限制", "設定", "backend", "<b>bold</b>", "a&amp;b", "", "timeout"]


def _toc_item(rng: random.Random, anchor: str, children: list[Any] | None = None) -> Any:
    """What Material reads of a table of contents item (MkDocs' make its URL '#' + id)."""
    url = rng.choice([f"#{anchor}", f"#{anchor}", f"other.html#{anchor}"])
    return SimpleNamespace(id=anchor, url=url, children=children or [])


def _html(rng: random.Random) -> tuple[str, list[Any]]:
    parts, toc = [], []
    for n in range(rng.randint(0, 4)):
        level = rng.choice([1, 2, 3])
        anchor = rng.choice(["intro", "usage", f"s{n}", ""])
        attr = f' id="{anchor}"' if anchor else ""
        parts.append(f"<h{level}{attr}>{rng.choice(_WORDS)} {n}</h{level}>")
        parts.append(f"<p>{' '.join(rng.choices(_WORDS, k=rng.randint(0, 6)))}</p>")
        if anchor and rng.random() < 0.8:
            toc.append(_toc_item(rng, anchor))
    return "".join(parts), toc


def _page(rng: random.Random, url: str) -> Any:
    content, toc = _html(rng)
    meta: dict[str, Any] = {}
    if rng.random() < 0.3:
        meta["title"] = rng.choice(["Front", "前"])
    if rng.random() < 0.3:
        meta["tags"] = rng.choice([["a", "b"], ["a", 1], "not a list"])
    if rng.random() < 0.3:
        meta["search"] = rng.choice([{"boost": 2}, {"boost": 3}, {"exclude": True}, {}])
    return SimpleNamespace(url=url, title=rng.choice(["Home", "首页"]), content=content, toc=toc, meta=meta)


def _changed(rng: random.Random, page: Any) -> Any:
    """The page again, with one of the things its entries are made from changed (or none)."""
    fresh = _page(rng, page.url)
    what = rng.choice(["content", "toc", "title", "meta", "child", "nothing", "nothing"])
    same = SimpleNamespace(**vars(page))
    same.toc = list(page.toc)
    same.meta = dict(page.meta)
    if what == "child":
        if not same.toc:
            return same
        same.toc[0] = _toc_item(rng, same.toc[0].id, [_toc_item(rng, rng.choice(["usage", "intro", "s2"]))])
    elif what == "meta":
        same.meta = fresh.meta
    elif what != "nothing":
        setattr(same, what, getattr(fresh, what))
    return same


def _plugin() -> SearchPlugin:
    plugin = SearchPlugin()
    plugin.load_config({})
    return plugin


def _build(entries: SearchEntries | None, pages: list[Any]) -> list[dict[str, Any]]:
    plugin = _plugin()
    plugin.search_index = SearchIndex()
    if entries is not None:
        entries.reuse(SimpleNamespace(plugins={"material/search": plugin}))  # type: ignore[arg-type]
    for page in pages:
        plugin.search_index.add_entry_from_context(page)
    return plugin.search_index.entries


@pytest.mark.parametrize("seed", range(40))
def test_rebuilt_entries_are_materials_own(seed: int) -> None:
    rng = random.Random(seed)
    pages = [_page(rng, url) for url in ["", "zh/", "zh/retries/", "ja/"]]
    entries = SearchEntries()
    for _ in range(8):  # builds, each after a save that changed some page (or none)
        pages = [_changed(rng, page) if rng.random() < 0.5 else page for page in pages]
        built = _build(entries, pages)
        assert built == _build(None, pages)
        for entry in built:  # what a later plugin may do to them leaves the next build's be
            entry["title"] += " (changed)"


def test_entries_are_made_again_only_for_changed_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1)
    pages = [_page(rng, url) for url in ["", "zh/", "ja/"]]
    entries = SearchEntries()
    _build(entries, pages)
    made: list[str] = []
    original = SearchIndex.add_entry_from_context

    def counting(index: SearchIndex, page: Any) -> None:
        made.append(page.url)
        original(index, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", counting)
    pages[1] = SimpleNamespace(**{**vars(pages[1]), "content": pages[1].content + "<p>new</p>"})
    _build(entries, pages)
    assert made == ["zh/"]


def test_entries_are_made_again_with_a_dictionary_or_another_material(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin()
    plugin.search_index = SearchIndex()
    config = SimpleNamespace(plugins={"material/search": plugin})
    plugin.config["jieba_dict_user"] = "words.txt"
    SearchEntries().reuse(config)  # type: ignore[arg-type]
    assert "add_entry_from_context" not in vars(plugin.search_index)
    plugin.config["jieba_dict_user"] = None
    monkeypatch.setattr(search_entries, "TESTED_MATERIAL", frozenset({"0.0"}))
    SearchEntries().reuse(config)  # type: ignore[arg-type]
    assert "add_entry_from_context" not in vars(plugin.search_index)


# --- the last build's output, removed after the rebuild --------------------------------------


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def _site(root: Path) -> Path:
    (root / "zh" / "retries").mkdir(parents=True)
    (root / "zh" / "retries" / "index.html").write_text("old")
    (root / "assets").mkdir()
    (root / "index.html").write_text("old")
    (root / ".git").mkdir()  # dot files: MkDocs spares them
    (root / ".nojekyll").write_text("")
    return root


def test_the_site_folder_is_left_as_mkdocs_empties_it(tmp_path: Path) -> None:
    from mkdocs.utils import clean_directory

    emptied, aside = _site(tmp_path / "a" / "site"), _site(tmp_path / "b" / "site")
    clean_directory(str(emptied))
    old = OldOutput()
    old.set_aside(aside)
    assert _tree(aside) == _tree(emptied) == [".git", ".nojekyll"]
    (aside / "index.html").write_text("new")  # the build writes while the old output waits
    old.remove()
    old.set_aside(tmp_path / "b" / "missing")  # nothing to set aside: no folder beside it
    old.finish()
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["site"]
    assert _tree(aside) == [".git", ".nojekyll", "index.html"]
