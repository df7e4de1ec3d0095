"""Where a project keeps its translated pages, and which page translates which.

Layouts people use for translated docs:

- ``folder`` (mkdocs-static-i18n "folder"): ``docs/en/page.md`` and ``docs/fr/page.md``;
- ``suffix`` (mkdocs-static-i18n "suffix", Hugo by file name): ``docs/page.md`` (or
  ``page.en.md``) and ``docs/page.fr.md``;
- ``docusaurus``: ``docs/page.mdx`` and ``i18n/<locale>/docusaurus-plugin-content-docs/current/page.mdx``
  (the blog likewise, under ``blog/`` and ``docusaurus-plugin-content-blog``);
- ``hugo``: ``content/en/page.md`` and ``content/fr/page.md`` (a folder layout rooted at ``content``);
- ``root`` (Starlight, VuePress): English pages at the top of the docs folder and one folder per other
  language beside them, ``docs/guide/page.md`` and ``docs/zh/guide/page.md``; a folder counts as a
  language only when its pages mirror English pages (an ordinary ``id/`` folder is English content);
- ``loose``: files that say nothing about their language; ``--lang`` tells.

Languages are BCP 47 tags as written (``zh-Hans``, ``pt-BR``). Paths are absolute and
not resolved (a symlinked folder keeps its name), so callers can show them as given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from transdocs.languages.tags import is_language_tag
from transdocs.pages.walk import PAGE_SUFFIXES, walk_pages

SOURCE_LANGUAGE = "en"
LAYOUTS = ("folder", "suffix", "docusaurus", "hugo", "root", "loose")

_HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_DOCUSAURUS_CONFIGS = ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
# Docusaurus: English folder -> the plugin folder that holds its translations under i18n/<locale>/.
_DOCUSAURUS_AREAS = {"docs": "docusaurus-plugin-content-docs/current", "blog": "docusaurus-plugin-content-blog"}


class LayoutError(ValueError):
    """A configured layout that does not fit the files (a usage error)."""


def _tag_folders(folder: Path) -> list[str]:
    """Names of the subfolders of ``folder`` that are language tags."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        return [e.name for e in entries if is_language_tag(e.name) and e.is_dir()]


def _absolute(path: Path | str) -> Path:
    if isinstance(path, Path) and path.is_absolute() and ".." not in path.parts:
        return path  # pages found by walking an absolute folder: nothing to normalise
    return Path(os.path.abspath(path))


def _under(path: Path, folder: Path) -> Path | None:
    """``path`` relative to ``folder``, or None when it lies outside (string work: this runs per page)."""
    parts = _parts_under(path, folder)
    return None if parts is None else Path(*parts)


# Pages known to exist, by the text of their path made absolute (``os.path.abspath``: the pages discovery
# just found): a page found there needs no look at the disk, and is given as the very path known.
Known = Mapping[str, Path]
_NONE_KNOWN: Known = {}


def _parts_under(path: Path | str, folder: Path) -> tuple[str, ...] | None:
    """The parts of ``path`` (a path or its normalised text) relative to ``folder`` (``_under(path,
    folder).parts``, without making the path: a path's text is already normalised, so its parts are
    its text split), or None outside."""
    text, prefix = str(path), str(folder).rstrip(os.sep)
    if text == str(folder):
        return ()
    if not text.startswith(prefix + os.sep):
        return None
    return tuple(text[len(prefix) + 1 :].split(os.sep))


def _same_page(path: Path) -> Path:
    """``path``, or the page of the same name with another page suffix if only that exists."""
    if path.is_file():
        return path
    for suffix in PAGE_SUFFIXES:
        other = path.with_suffix(suffix)
        if other.is_file():
            return other
    return path


class Layout:
    """One project's translated pages: a root folder and the rule that pairs pages."""

    name = "loose"

    def __init__(self, root: Path | str, source: str = SOURCE_LANGUAGE, languages: Sequence[str] | None = None):
        self.root = _absolute(root)
        self.source = source
        self._configured = list(languages) if languages else None
        self._languages: list[str] | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.root)!r}, source={self.source!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and (other.root, other.source) == (self.root, self.source)

    def __hash__(self) -> int:
        return hash((type(self), self.root, self.source))

    def language_of(self, path: Path) -> str | None:
        """The page's language tag as written, or None when the layout does not say."""
        return None

    def english_of(self, path: Path, known: Known = _NONE_KNOWN) -> Path | None:
        """The source-language page a translated page translates (it may not exist); ``known``:
        files known to exist (the pages found, by their absolute path's text), which need no look at the disk."""
        return None

    def page_of(self, path: Path, absolute: str, known: Known = _NONE_KNOWN) -> tuple[str | None, Path | None]:
        """The page's :meth:`language_of` and, for a translation, its :meth:`english_of`: discovery asks
        both of every page, with ``absolute``, the text of ``path`` made absolute (``os.path.abspath``),
        which it has worked out already."""
        lang = self.language_of(path)
        return lang, self.english_of(path, known) if lang is not None and lang != self.source else None

    def translations_of(self, english: Path, known: Known = _NONE_KNOWN) -> dict[str, Path]:
        """Where each other language's translation of ``english`` is (or would be); ``known`` as
        for :meth:`english_of`."""
        return {}

    def english_pages(self) -> list[Path]:
        """Every source-language page of the project."""
        return []

    def languages(self) -> list[str]:
        """The languages present, the source language first (looked up once per layout)."""
        if self._languages is None:
            found = self._configured if self._configured is not None else self._present()
            self._languages = [self.source, *sorted(lang for lang in found if lang != self.source)]
        return self._languages

    def _present(self) -> Iterable[str]:
        return []

    def is_translation(self, path: Path) -> bool:
        lang = self.language_of(path)
        return lang is not None and lang != self.source


class LooseLayout(Layout):
    """Files outside any layout: every page is in the language given on the command line."""

    name = "loose"

    def __init__(self, root: Path | str = ".", lang: str | None = None):
        super().__init__(root)
        self.lang = lang

    def language_of(self, path: Path) -> str | None:
        return self.lang

    def languages(self) -> list[str]:
        return [self.lang] if self.lang else []


class _PairedLayout(Layout):
    """A layout where a page's language and its place in the language (the same for every
    language) come from its path: the other languages' pages are at the same place."""

    def _split(self, path: Path) -> tuple[str, tuple[str, ...]] | None:
        """(language, place) of ``path``, or None outside the layout."""
        return self._split_text(str(_absolute(path)))

    def _split_text(self, absolute: str) -> tuple[str, tuple[str, ...]] | None:
        """:meth:`_split` of the path whose absolute, normalised text is ``absolute``."""
        raise NotImplementedError

    def _at_parts(self, lang: str, place: tuple[str, ...]) -> tuple[str, ...]:
        """The parts, under the root, of the page at ``place`` in ``lang``."""
        raise NotImplementedError

    def _at(self, lang: str, place: tuple[str, ...], known: Known = _NONE_KNOWN) -> Path:
        """The page at ``place`` in ``lang``, or the page of the same name with another page suffix
        if only that exists (:func:`_same_page`)."""
        parts = self._at_parts(lang, place)
        if known:
            root = str(self.root)
            found = known.get((root if root.endswith(os.sep) else root + os.sep) + os.sep.join(parts))
            if found is not None:
                return found
        return _same_page(self.root.joinpath(*parts))

    # The last path split, and how (discovery asks a page's language, then its English page).
    _last: tuple[Path | None, tuple[str, tuple[str, ...]] | None] = (None, None)

    def _split_once(self, path: Path) -> tuple[str, tuple[str, ...]] | None:
        last = self._last
        if last[0] is path:
            return last[1]
        split = self._split(path)
        self._last = (path, split)
        return split

    def language_of(self, path: Path) -> str | None:
        split = self._split_once(path)
        return split[0] if split else None

    def english_of(self, path: Path, known: Known = _NONE_KNOWN) -> Path | None:
        split = self._split_once(path)
        if split is None or split[0] == self.source:
            return None
        return self._at(self.source, split[1], known)

    def page_of(self, path: Path, absolute: str, known: Known = _NONE_KNOWN) -> tuple[str | None, Path | None]:
        split = self._split_text(absolute)
        if split is None:
            return None, None
        return split[0], self._at(self.source, split[1], known) if split[0] != self.source else None

    def translations_of(self, english: Path, known: Known = _NONE_KNOWN) -> dict[str, Path]:
        split = self._split_once(english)
        if split is None or split[0] != self.source:
            return {}
        return {lang: self._at(lang, split[1], known) for lang in self.languages()[1:]}


class FolderLayout(_PairedLayout):
    """``<root>/<lang>/page.md`` against ``<root>/en/page.md`` (mkdocs-static-i18n folder)."""

    name = "folder"

    def _split_text(self, absolute: str) -> tuple[str, tuple[str, ...]] | None:
        parts = _parts_under(absolute, self.root)
        if parts is None or len(parts) < 2 or not is_language_tag(parts[0]):
            return None
        return parts[0], parts[1:]

    def _at_parts(self, lang: str, place: tuple[str, ...]) -> tuple[str, ...]:
        return (lang, *place)

    def english_pages(self) -> list[Path]:
        return walk_pages(self.root / self.source, html=False)

    def _present(self) -> Iterable[str]:
        return _tag_folders(self.root)


class HugoLayout(FolderLayout):
    """Hugo's content folder per language: ``content/<lang>/...``."""

    name = "hugo"


class SuffixLayout(Layout):
    """``page.fr.md`` next to ``page.md`` or ``page.en.md`` (mkdocs-static-i18n suffix, Hugo by name)."""

    name = "suffix"

    @staticmethod
    def _tag(path: Path) -> str | None:
        stem = path.name[: -len(path.suffix)] if path.suffix else path.name
        base, dot, tag = stem.rpartition(".")
        return tag if dot and base and is_language_tag(tag) else None

    def _base(self, path: Path, tag: str) -> Path:
        stem = path.name[: -len(path.suffix) - len(tag) - 1]
        return path.with_name(stem + path.suffix)

    def language_of(self, path: Path) -> str | None:
        path = _absolute(path)
        if _under(path, self.root) is None:
            return None
        tag = self._tag(path)
        if tag is None or (tag not in self.languages() and tag != self.source):
            return self.source
        return tag

    def _english_name(self, path: Path) -> Path:
        """``page.md`` for ``page.en.md`` and ``page.md``; the page itself otherwise."""
        tag = self._tag(path)
        return self._base(path, tag) if tag == self.source else path

    def english_of(self, path: Path, known: Known = _NONE_KNOWN) -> Path | None:
        path = _absolute(path)
        lang = self.language_of(path)
        if lang is None or lang == self.source:
            return None
        base = self._base(path, lang)
        tagged = base.with_name(f"{base.stem}.{self.source}{base.suffix}")
        return tagged if tagged.is_file() and not base.is_file() else _same_page(base)

    def translations_of(self, english: Path, known: Known = _NONE_KNOWN) -> dict[str, Path]:
        english = _absolute(english)
        if self.language_of(english) != self.source:
            return {}
        base = self._english_name(english)
        return {lang: _same_page(base.with_name(f"{base.stem}.{lang}{base.suffix}")) for lang in self.languages()[1:]}

    def english_pages(self) -> list[Path]:
        return [p for p in self._pages if self.language_of(p) == self.source]

    @cached_property
    def _pages(self) -> list[Path]:
        return walk_pages(self.root, html=False)

    def _present(self) -> Iterable[str]:
        """Tags used as a suffix on a page whose untagged (or source-tagged) original exists."""
        names = {p for p in self._pages}
        found = set()
        for page in self._pages:
            tag = self._tag(page)
            if tag is None or tag in found:
                continue
            base = self._base(page, tag)
            if any(base.with_suffix(s) in names for s in PAGE_SUFFIXES) or any(
                base.with_name(f"{base.stem}.{self.source}{s}") in names for s in PAGE_SUFFIXES
            ):
                found.add(tag)
        return found


class DocusaurusLayout(_PairedLayout):
    """``docs/...`` (and ``blog/...``) against ``i18n/<locale>/docusaurus-plugin-content-docs/current/...``."""

    name = "docusaurus"

    def _split_text(self, absolute: str) -> tuple[str, tuple[str, ...]] | None:
        """(language, (English folder, *page path in it))."""
        parts = _parts_under(absolute, self.root)
        if not parts:
            return None
        if parts[0] in _DOCUSAURUS_AREAS and len(parts) > 1:
            return self.source, parts
        if parts[0] != "i18n" or len(parts) < 3:
            return None
        for folder, area in _DOCUSAURUS_AREAS.items():
            depth = len(area.split("/"))
            if "/".join(parts[2 : 2 + depth]) == area and len(parts) > 2 + depth:
                return parts[1], (folder, *parts[2 + depth :])
        return None

    def _at_parts(self, lang: str, place: tuple[str, ...]) -> tuple[str, ...]:
        if lang == self.source:
            return place
        return ("i18n", lang, _DOCUSAURUS_AREAS[place[0]], *place[1:])

    def english_pages(self) -> list[Path]:
        return [page for folder in _DOCUSAURUS_AREAS for page in walk_pages(self.root / folder, html=False)]

    def _present(self) -> Iterable[str]:
        return _tag_folders(self.root / "i18n")


class RootLayout(_PairedLayout):
    """English pages at ``<root>/page.md``, translations at ``<root>/<lang>/page.md`` (Starlight, VuePress)."""

    name = "root"

    def __init__(
        self,
        root: Path | str,
        source: str = SOURCE_LANGUAGE,
        languages: Sequence[str] | None = None,
        found: Sequence[str] = (),
    ):
        super().__init__(root, source, languages)
        self._found = list(found)

    def _folders(self) -> frozenset[str]:
        return frozenset(self.languages()[1:])

    def _split_text(self, absolute: str) -> tuple[str, tuple[str, ...]] | None:
        parts = _parts_under(absolute, self.root)
        if not parts:
            return None
        if len(parts) > 1 and parts[0] in self._folders():
            return parts[0], parts[1:]
        return self.source, parts

    def _at_parts(self, lang: str, place: tuple[str, ...]) -> tuple[str, ...]:
        return place if lang == self.source else (lang, *place)

    def english_pages(self) -> list[Path]:
        folders = self._folders()
        return [p for p in walk_pages(self.root, html=False) if _first_part(p, self.root) not in folders]

    def _present(self) -> Iterable[str]:
        return self._found


# A language-tag folder beside English pages is a language when at least half of its pages mirror an
# English page's path and at least this many mirror, counted over the language folders that do so
# (several folders holding the same English pages' translations is evidence too); an ordinary ``id/``
# or ``es/`` folder holds pages of its own. Evidence is read from at most _SAMPLE pages in
# _SAMPLE_DIRS folders, so that a tag-named folder high up (``/tmp``, ``/bin``) costs no walk of the disk.
_MIN_MIRRORED = 3
_SAMPLE = 200
_SAMPLE_DIRS = 2000


def _first_part(page: Path, root: Path) -> str | None:
    parts = _parts_under(page, root)
    return parts[0] if parts is not None and len(parts) > 1 else None


def _mirrors(folder: Path, tag: str) -> int:
    """How many pages in ``folder/tag`` are at the place of a page in ``folder`` (0 when under half are)."""
    seen = mirrored = dirs = 0
    base = folder / tag
    for here, subdirs, files in os.walk(base):
        subdirs.sort()
        dirs += 1
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() not in PAGE_SUFFIXES:
                continue
            seen += 1
            place = (folder / os.path.relpath(here, base) / name).with_suffix("")
            mirrored += any(os.path.isfile(f"{place}{suffix}") for suffix in PAGE_SUFFIXES)
            if seen >= _SAMPLE:
                break
        if seen >= _SAMPLE or dirs >= _SAMPLE_DIRS:
            break
    return mirrored if 2 * mirrored >= seen else 0


def _mirrored_languages(folder: Path, source: str, evidence: bool = True) -> list[str]:
    """The language-tag subfolders of ``folder`` whose pages mirror the English pages beside them."""
    tags = [tag for tag in _tag_folders(folder) if tag != source]
    if not evidence:
        return sorted(tags)
    mirrored = {tag: count for tag in tags if (count := _mirrors(folder, tag))}
    if sum(mirrored.values()) < _MIN_MIRRORED:
        return []
    return sorted(tag for tag, count in mirrored.items() if count >= _MIN_MIRRORED or len(mirrored) > 1)


def _root_root(path: Path, source: str, evidence: bool = True) -> tuple[Path, list[str]] | None:
    """The folder ``path`` is (or ``path/docs``, or the folder above the language folder ``path`` is in)
    whose language-tag subfolders mirror its English pages, and those languages."""
    candidates = [path, path / "docs"] if path.is_dir() else []
    if evidence:
        for folder in path.parents:
            relative = _under(path, folder)
            if relative is not None and relative.parts and is_language_tag(relative.parts[0]):
                candidates.append(folder)
    for folder in candidates:
        if (folder / source).is_dir():
            continue  # the folder layout
        languages = _mirrored_languages(folder, source, evidence)
        relative = _under(path, folder)
        if languages and (relative is None or not relative.parts or relative.parts[0] in languages):
            return folder, languages
    return None


def _folder_root(path: Path, source: str) -> Path | None:
    """The folder above ``path`` that holds ``<source>/`` and ``path``'s language folder
    (or ``path/docs`` when that holds ``<source>/``: a project folder given as a whole)."""
    if (path / "docs" / source).is_dir():
        return path / "docs"
    for folder in (path, *path.parents):
        if (folder / source).is_dir():
            relative = _under(path, folder)
            if relative is not None and (not relative.parts or is_language_tag(relative.parts[0])):
                return folder
    return None


def _docusaurus_root(path: Path) -> Path | None:
    for folder in (path, *path.parents):
        if any((folder / name).is_file() for name in _DOCUSAURUS_CONFIGS):
            return folder
        i18n = folder / "i18n"
        if (
            i18n.is_dir()
            and (folder / "docs").is_dir()
            and any(p.is_dir() for p in i18n.glob("*/docusaurus-plugin-content-*"))
        ):
            return folder
    return None


def _hugo_root(path: Path) -> Path | None:
    for folder in (path, *path.parents):
        if (folder / "content").is_dir() and any((folder / name).is_file() for name in _HUGO_CONFIGS):
            return folder / "content"
    return None


def _has_suffix_pages(path: Path, source: str) -> bool:
    folder = path if path.is_dir() else path.parent
    probe = SuffixLayout(folder, source)
    if path.is_file():
        return probe.language_of(path) != source or bool(probe.translations_of(path))
    return len(probe.languages()) > 1


def _make(name: str, path: Path, source: str, lang: str | None, languages: Sequence[str] | None) -> Layout | None:
    """The layout ``name`` for ``path``, or None when ``path`` does not fit it."""
    if name == "docusaurus":
        root = _docusaurus_root(path)
        return DocusaurusLayout(root, source, languages) if root else None
    if name == "hugo":
        root = _hugo_root(path)
        if root is not None and _under(path, root) is not None:
            return HugoLayout(root, source, languages)
        return None
    if name == "folder":
        root = _folder_root(path, source)
        return FolderLayout(root, source, languages) if root else None
    if name == "root":
        found = _root_root(path, source) or _root_root(path, source, evidence=False)
        return RootLayout(found[0], source, languages, found[1]) if found else None
    if name == "suffix":
        return SuffixLayout(path if path.is_dir() else path.parent, source, languages)
    return LooseLayout(path if path.is_dir() else path.parent, lang)


def detect_layout(
    paths: Sequence[Path | str],
    configured: str | None,
    *,
    source: str = SOURCE_LANGUAGE,
    lang: str | None = None,
    languages: Sequence[str] | None = None,
) -> Layout:
    """The layout of the project the first of ``paths`` is in (``configured`` names one to use).

    Detection looks at the paths and the folders above them: a Docusaurus project
    (``docusaurus.config.*``, or ``i18n/*/docusaurus-plugin-content-*`` next to ``docs/``),
    a Hugo site (``hugo.toml`` and ``content/<lang>/``), a folder holding ``<source>/``
    and other language folders, English pages beside language folders that mirror them,
    pages with language suffixes, else loose files.
    Raises :class:`LayoutError` when a configured layout does not fit.
    """
    if configured is not None and configured not in LAYOUTS:
        raise LayoutError(f"unknown layout {configured!r}; choose one of: {', '.join(LAYOUTS)}")
    absolute = [_absolute(p) for p in paths] or [_absolute(".")]
    if configured is not None:
        for path in absolute:
            layout = _make(configured, path, source, lang, languages)
            if layout is not None:
                return layout
        raise LayoutError(f"{paths[0] if paths else '.'}: does not look like a {configured!r} layout")
    for path in absolute:
        for name in ("docusaurus", "hugo", "folder"):
            layout = _make(name, path, source, lang, languages)
            if layout is not None:
                return layout
        found = _root_root(path, source)
        if found is not None:
            return RootLayout(found[0], source, languages, found[1])
        if _has_suffix_pages(path, source):
            return SuffixLayout(path if path.is_dir() else path.parent, source, languages)
    return LooseLayout(absolute[0] if absolute[0].is_dir() else absolute[0].parent, lang)
