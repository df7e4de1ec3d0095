"""The real projects of the ecosystem check and where their English pages and translations live.

Every project's tree is materialised in one layout check-docs reads, ``docs/en/<page>`` and
``docs/<lang>/<page>`` (as ../shared/corpora/real does), whatever layout the project uses, or
(``--as-is``) at the paths the project keeps them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECTS_FILE = HERE / "ecosystem" / "projects.json"
EXTS = (".md", ".mdx")


@dataclass(frozen=True)
class Project:
    """``layout``: ``root`` (English at the root, translations in ``<lang>/``), ``folder``
    (``<source>/`` and ``<lang>/``), ``suffix`` (``page.<suffix>.md``; ``langs`` maps a
    language to its suffix, ``""`` for none, as ``source`` may be), ``docusaurus`` (``<root>/`` and
    ``i18n/<lang>/docusaurus-plugin-content-docs/current/``), ``segment`` (a language folder
    ``depth`` folders below the root: ``button/demos/enUS/index.md``; ``langs`` maps a language to
    its folder, ``source`` is English's) or ``filename`` (the file is named for its language:
    ``button/docs/en-US.md``, the page is ``button/docs.md``)."""

    name: str
    repo: str
    root: str
    layout: str
    langs: dict[str, str]
    source: str = "en"
    licence: str = ""
    since: str | None = None
    pages: tuple[str, ...] = field(default_factory=tuple)  # only pages whose path starts so (mining)
    max_snapshots: int = 40  # pinned commits kept: those holding the most cases
    depth: int = 0  # ``segment``: how many folders below the root the language folder is

    def roots(self) -> list[str]:
        """The folders whose history holds the pages."""
        return [self.root, "i18n"] if self.layout == "docusaurus" else [self.root]

    def split(self, path: str) -> tuple[str, str] | None:
        """(language, page without the language) of a file, ``en`` for the English page."""
        if not path.endswith(EXTS):
            return None
        if self.layout == "docusaurus" and path.startswith("i18n/"):
            lang, _, rest = path[len("i18n/") :].partition("/")
            prefix = "docusaurus-plugin-content-docs/current/"
            return (lang, rest[len(prefix) :]) if lang in self.langs and rest.startswith(prefix) else None
        if self.root == ".":
            rel = path  # the languages are top-level folders of the repository
        elif path.startswith(self.root + "/"):
            rel = path[len(self.root) + 1 :]
        else:
            return None
        by_dir = {v or k: k for k, v in self.langs.items()}
        if self.layout == "segment":
            parts = rel.split("/")
            if len(parts) <= self.depth + 1:
                return None
            folder, page = parts[self.depth], "/".join(parts[: self.depth] + parts[self.depth + 1 :])
            return ("en", page) if folder == self.source else ((by_dir[folder], page) if folder in by_dir else None)
        if self.layout == "filename":
            folder, _, name = rel.rpartition("/")
            stem, _, ext = name.rpartition(".")
            if not folder:
                return None
            return (
                ("en", f"{folder}.{ext}")
                if stem == self.source
                else ((by_dir[stem], f"{folder}.{ext}") if stem in by_dir else None)
            )
        if self.layout == "docusaurus":
            return "en", rel
        if self.layout in ("root", "folder"):
            first, _, rest = rel.partition("/")
            if first in self.langs and rest:
                return first, rest
            if self.layout == "folder":
                return ("en", rest) if first == self.source and rest else None
            return "en", rel
        stem, _, ext = rel.rpartition(".")
        base, _, suffix = stem.rpartition(".")
        by_suffix = {v: k for k, v in self.langs.items()}
        if base and suffix == self.source:
            return "en", base + "." + ext
        if base and suffix in by_suffix:
            return by_suffix[suffix], base + "." + ext
        if "." not in stem.rsplit("/", 1)[-1]:
            if self.source == "":
                return "en", rel
            if "" in by_suffix:
                return by_suffix[""], rel
        return None

    def path(self, lang: str, page: str) -> str:
        """The repository path of ``page`` in ``lang``."""
        found = self._path(lang, page)
        return found[2:] if found.startswith("./") else found

    def _path(self, lang: str, page: str) -> str:
        if self.layout == "root":
            return f"{self.root}/{page}" if lang == "en" else f"{self.root}/{lang}/{page}"
        if self.layout == "docusaurus":
            return (
                f"{self.root}/{page}" if lang == "en" else f"i18n/{lang}/docusaurus-plugin-content-docs/current/{page}"
            )
        if self.layout == "folder":
            return f"{self.root}/{self.source if lang == 'en' else lang}/{page}"
        folder = self.source if lang == "en" else (self.langs[lang] or lang)
        if self.layout == "segment":
            parts = page.split("/")
            return "/".join([self.root, *parts[: self.depth], folder, *parts[self.depth :]])
        if self.layout == "filename":
            stem, _, ext = page.rpartition(".")
            return f"{self.root}/{stem}/{folder}.{ext}"
        stem, _, ext = page.rpartition(".")
        suffix = self.source if lang == "en" else self.langs[lang]
        return f"{self.root}/{stem}.{suffix}.{ext}" if suffix else f"{self.root}/{page}"

    def wanted(self, page: str) -> bool:
        return not self.pages or page.startswith(self.pages)


def materialised(project: Project, lang: str, page: str, as_is: bool = False) -> str:
    """Where a page is written in the checked tree: ``docs/<lang>/<page>``, or with ``as_is`` its
    path in the project (to measure whether check-docs recognises the project's own layout)."""
    return project.path(lang, page) if as_is else f"docs/{lang}/{page}"


def checked(project: Project, as_is: bool = False) -> list[str]:
    """The folders check-docs is pointed at in a materialised tree."""
    return project.roots() if as_is else ["docs"]


def load(path: Path = PROJECTS_FILE) -> list[Project]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for p in raw["projects"]:
        p = dict(p)
        p["pages"] = tuple(p.get("pages", ()))
        out.append(Project(**p))
    return out
