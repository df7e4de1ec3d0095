"""Under ``mkdocs serve``, a save that changes one language's pages only rebuilds that language.

mkdocs-static-i18n builds the default language as MkDocs' own build, after MkDocs has emptied
the site folder, then every other language from its ``on_post_build``: with six languages a
save showed after 1.35 s, against 0.28 s for one language alone. A rebuild whose every changed
file is under ``docs/<lang>/`` of one language that is not the default builds that language
alone, and keeps the rest of the site as the last build left it:

- ``plan`` (before static-i18n's ``on_config``) decides, and sets static-i18n's
  ``current_language`` so MkDocs' own build is that language's (as static-i18n's loop does);
- ``keep`` (``on_pre_build``, before MkDocs empties the site folder) moves everything else
  in the site folder aside, beside it;
- ``hold`` (``on_post_build``, before static-i18n's) tells static-i18n its loop over the other
  languages is running (its ``building`` flag), so it builds none;
- ``done`` (once the language and its search index, 404 page and sitemap are written) puts
  back what was kept: the files the language's build wrote outside its folder (the root
  404 page, search index, sitemap, theme assets) are the other languages' again.

The default language (English) is built alone, the same way, when every changed file is one of
its pages (``.md``) that every other language has translated: then no language shows that page
in its stead (fallback page, title, search entries), and nothing else of another language is
made from its text (the nav titles are mkdocs.yml's, the placeholders and blocks come from the
settings, the extras and ``docs/_data``; snippets are read from outside the docs). Its output
is the site root, so what is kept aside is the other languages' folders and the root sitemap
(``SITE_WIDE``: static-i18n's lists every language's pages, a build of English alone its own).
The first save that makes translations outdated changes their status page, and so rebuilds
every language; the writer's later saves of the page build English alone.

What the other languages show of a translation: whether it exists (the language menu,
sitemap alternates, fallback pages: the list of files under ``docs/`` must be the same as at
the last build), and its state on the status page and in the outdated notices (the status page
of every language, written again from the docs, must be the same text as the last build
wrote: the caller's ``status_unchanged``). Files an editor writes for a moment and removes or
renames (no longer there, and the list of files the same) and dot files (MkDocs never builds
them) are no change. Anything else rebuilds every language, as before: a change outside one
language's folder (mkdocs.yml, docs/_data, snippets, the theme, the package), an English file
that is not a page or that some language has not translated, files added, removed or renamed,
a status page that changes, a failed build, ``--dirty``, a change the watcher did not name
(MkDocs' polling watcher, ``serve_watcher: polling``), or a static-i18n other than the versions
this was tested with (``TESTED_I18N``: it relies on those two attributes). ``serve_rebuilds:
all`` under the plugin in mkdocs.yml turns it off (do so when another plugin writes a
language's files outside its folder, or writes into other languages' pages from an English
page: those would stay as the last full build wrote them).
``mkdocs build`` never comes here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from transdocs.site.watcher import BYTECODE, Changes

log = get_plugin_logger("transdocs")

# The mkdocs-static-i18n versions whose current_language and building this relies on (read in
# their plugin.py and reconfigure.py: the loop in on_post_build skips the language MkDocs' own
# build made and returns at once while building is set). Another version rebuilds every language.
TESTED_I18N = frozenset({"1.3.0", "1.3.1"})
KEPT_SUFFIX = ".kept"  # the folder beside the site folder that holds the rest of the site
# Files at the site root that a build of the default language alone writes otherwise than a build
# of every language: static-i18n's sitemap lists the pages of the languages built so far (with
# their alternates), so the default language's alone would list its own pages only.
SITE_WIDE = frozenset({"sitemap.xml", "sitemap.xml.gz"})
# The plugins known to make no page of one language from another language's files: search (each
# language's index is cut to its own pages by transdocs), static-i18n (its fallback pages: the
# default language's pages are built alone only when every language has its own), transdocs.
KNOWN_PLUGINS = frozenset({"search", "material/search", "i18n", "transdocs"})


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """static-i18n, when it is a tested version building language folders; else None."""
    plugin = config.plugins.get("i18n")
    try:
        installed = version("mkdocs-static-i18n")
    except PackageNotFoundError:
        return None
    if plugin is None or installed not in TESTED_I18N or type(plugin).__module__ != "mkdocs_static_i18n.plugin":
        return None
    if getattr(plugin.config, "docs_structure", None) != "folder" or not isinstance(plugin.building, bool):
        return None
    return plugin


def docs_files(docs_dir: Path) -> frozenset[str]:
    """Every file under ``docs_dir``, relative: the same list means no file came or went (Python's
    bytecode aside: loading an extras module under the docs writes some, and builds nothing)."""
    found: set[str] = set()
    for root, folders, names in os.walk(docs_dir):
        folders[:] = [folder for folder in folders if folder != BYTECODE]
        found.update(os.path.relpath(os.path.join(root, name), docs_dir) for name in names)
    return frozenset(found)


def built_changes(changed: Iterable[str], docs_dir: Path, files: frozenset[str]) -> frozenset[str]:
    """``changed`` but the files under ``docs_dir`` no build reads: those not there now (``files``,
    the same list as at the last build: an editor's temporary file, written and renamed or
    removed: ``sed -i``'s, vim's 4913 and backup) and dot files (MkDocs never builds them: vim's
    swap file). A change elsewhere stays, gone or not (a removed snippet changes pages)."""
    kept = set()
    for path in changed:
        relative = _relative(path, docs_dir)
        if relative and (os.path.join(*relative) not in files or any(part.startswith(".") for part in relative)):
            continue
        kept.add(path)
    return frozenset(kept)


def changed_language(changed: Iterable[str], docs_dir: Path, languages: Iterable[str], default: str) -> str | None:
    """The one language folder under ``docs_dir`` holding every changed file, unless it is the
    default language's; None when there is no such folder (or nothing changed)."""
    folders = {language for language in languages if language != default}
    found: set[str] = set()
    for path in changed:
        relative = _relative(path, docs_dir)
        if relative is None or len(relative) < 2 or relative[0] not in folders:
            return None  # outside the docs, in the docs' root, in the default language's folder...
        found.add(relative[0])
    return found.pop() if len(found) == 1 else None


def translated_default_pages(changed: Iterable[str], docs_dir: Path, languages: Iterable[str], default: str) -> bool:
    """Whether every changed file is a page (``.md``) in the default language's folder that
    every other language has translated: no language shows it in its stead (a fallback page,
    its title, its search entries), so no other language's pages are made from its text."""
    others = [language for language in languages if language != default]
    found = False
    for path in changed:
        relative = _relative(path, docs_dir)
        if relative is None or len(relative) < 2 or relative[0] != default or not relative[-1].endswith(".md"):
            return False  # outside its folder, or an image or a stylesheet every language copies
        if not all(docs_dir.joinpath(language, *relative[1:]).is_file() for language in others):
            return False
        found = True
    return found


def pages_read_elsewhere(config: MkDocsConfig, changed: Iterable[str]) -> bool:
    """Whether a page could be made from a changed file other than as that file's own page: a
    plugin or hook not known here (an include, a blog index, macros...), a Markdown extension that
    includes files, or pymdownx.snippets reading a folder that holds a changed file (its
    ``base_path``: the working folder unless set, which holds the docs)."""
    if set(config.plugins.keys()) - KNOWN_PLUGINS or config.hooks:
        return True
    extensions = [str(name) for name in config.markdown_extensions]
    if any("include" in name.lower() for name in extensions):
        return True
    if "pymdownx.snippets" not in extensions:
        return False
    options = config.mdx_configs.get("pymdownx.snippets") or {}
    if not options.get("restrict_base_path", True):
        return True
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else list(bases)
    folders = [os.path.realpath(os.fspath(base)) for base in bases]
    for path in changed:
        real = os.path.realpath(path)
        if any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders):
            return True
    return False


def _relative(path: str, docs_dir: Path) -> tuple[str, ...] | None:
    """``path``'s parts below ``docs_dir``, as given or with links resolved (a watcher may report
    either: macOS' names /private/var/... for /var/...); None when it is not below."""
    for file, folder in (
        (os.path.abspath(path), os.path.abspath(docs_dir)),
        (os.path.realpath(path), os.path.realpath(docs_dir)),
    ):
        try:
            relative = Path(file).relative_to(folder).parts
        except ValueError:
            continue
        return relative if ".." not in relative else None
    return None


class KeptAside:
    """What a build of ``language`` alone does not make, kept in a folder beside ``site_dir``: for a
    translation, everything but its folder; for the default language, whose pages are the site
    root (``others``: the other languages), their folders and the site-wide files (SITE_WIDE)."""

    def __init__(self, site_dir: Path, language: str, others: Iterable[str] | None = None) -> None:
        self.site_dir, self.language = site_dir, language
        self.others = None if others is None else frozenset(others)
        self.aside = site_dir.with_name(site_dir.name + KEPT_SUFFIX)

    def kept(self, entry: str) -> bool:
        """Whether ``entry`` of the site folder is another build's, kept from the last full build."""
        if self.others is None:
            return entry != self.language
        return entry in self.others or entry in SITE_WIDE

    def keep(self) -> None:
        _remove(self.aside)
        self.aside.mkdir()
        for entry in os.listdir(self.site_dir) if self.site_dir.is_dir() else []:
            if self.kept(entry):
                os.replace(self.site_dir / entry, self.aside / entry)

    def restore(self) -> None:
        """What the language's build wrote in the others' place goes; what was kept comes back."""
        for entry in os.listdir(self.site_dir):
            if self.kept(entry):
                _remove(self.site_dir / entry)
        for entry in os.listdir(self.aside):
            os.replace(self.aside / entry, self.site_dir / entry)
        self.aside.rmdir()

    def forget(self) -> None:
        _remove(self.aside)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class OneLanguageRebuilds:
    """The rebuilds of one ``mkdocs serve``: which build only one language, and their site folder."""

    def __init__(self) -> None:
        self.changes = Changes()
        self.heard = False  # the watcher writes down the changed files (site/watcher.py)
        self.language: str | None = None  # the language this build makes alone, if it does
        self._files: frozenset[str] | None = None  # the docs' files at the start of the last good build
        self._files_now: frozenset[str] | None = None
        self._i18n: Any = None
        self._others: list[str] | None = None  # the languages kept, when the default one is built alone
        self._kept: KeptAside | None = None

    def plan(self, config: MkDocsConfig, status_unchanged: Callable[[], bool]) -> str | None:
        """At the start of a build: the language to build alone, or None for every language."""
        changed = self.changes.take() if self.heard else frozenset()
        docs = Path(config.docs_dir)
        last, self._files_now = self._files, docs_files(docs)
        self.language = None
        if not changed or last is None or last != self._files_now:
            return None
        i18n = i18n_plugin(config)
        if i18n is None or i18n.current_language is not None:  # not a fresh static-i18n: it keeps no
            return None  # plugin across builds (no on_startup), so one that did is not the tested one
        languages, default = list(i18n.build_languages), i18n.default_language
        changed = built_changes(changed, docs, self._files_now)
        language = changed_language(changed, docs, languages, default)
        if (
            language is None
            and default in languages
            and translated_default_pages(changed, docs, languages, default)
            and not pages_read_elsewhere(config, changed)
        ):
            language = default
        if language is None or not status_unchanged():
            return None
        i18n.current_language = language  # static-i18n's on_config builds it, as in its own loop
        self.language, self._i18n = language, i18n
        self._others = [other for other in languages if other != default] if language == default else None
        where = "pages every language has translated" if self._others is not None else "its folder of the docs"
        log.info(
            f"only '{language}' is rebuilt: every change is in {where}; "
            "the other languages are kept from the last build"
        )
        return language

    def keep(self, config: MkDocsConfig) -> None:
        """Before MkDocs empties the site folder: the rest of the site goes aside."""
        if self.language is not None:
            self._kept = KeptAside(Path(config.site_dir), self.language, self._others)
            self._kept.keep()

    def hold(self) -> None:
        """Before static-i18n's on_post_build: it builds no other language."""
        if self._i18n is not None:
            self._i18n.building = True

    def done(self) -> None:
        """The build is over and good: the rest of the site comes back."""
        if self._kept is not None:
            self._kept.restore()
        self._end()
        self._files = self._files_now

    def failed(self) -> None:
        """The build failed: what was kept comes back, and the next build makes every language."""
        if self._kept is not None:
            try:
                self._kept.restore()
            except OSError:
                self._kept.forget()
        self._end()
        self._files = None

    def _end(self) -> None:
        if self._i18n is not None:
            self._i18n.building = False
        self.language, self._i18n, self._kept, self._others = None, None, None, None
