"""State of one multi-language site build, driven by the MkDocs plugin in ``plugin.py``.

mkdocs-static-i18n builds English first, then, from English's ``on_post_build``, runs a
full build per other language on the same config. So every event below runs once per
language; ``on_config`` tells which language is being built (``theme.language``, which
static-i18n sets), and ``_depth`` tells when the outermost (English) build ends, which
is when the site-wide files (root search index, 404 page, sitemaps) can be finished.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from transdocs.errors import InputError
from transdocs.languages import DEFAULT_LANGUAGE, LANGUAGES, split_docs_path
from transdocs.pages.reader import read_page
from transdocs.site import language_base, notices, search, sitemap, status_page
from transdocs.site.blocks import renderers
from transdocs.site.markdown_ext import PageContext, PlaceholderExtension, Problem, find_problems
from transdocs.site.site_text import LoadedText, SiteText, load_site_text
from transdocs.site.site_values import SiteValues
from transdocs.site.yaml_front_matter import unreadable_front_matter
from transdocs.tools.history import GitHistory, HistoryUnavailable
from transdocs.tools.translation_status import Status, translation_status

log = get_plugin_logger("transdocs")
NOT_FOUND = "404.html"


@dataclass
class _Language:
    """What one language's build leaves for the end of the whole build."""

    native_urls: set[str] = field(default_factory=set)  # pages written in this language
    root_index: tuple[dict[str, Any], list[dict[str, Any]]] | None = None
    not_found_page: bytes | None = None


class SiteBuild:
    """``load_values`` reads the settings and extras once per whole build (all languages);
    ``data_dir`` is the folder of ``<lang>.yml`` texts, relative to ``docs_dir``."""

    def __init__(self, load_values: Callable[[], SiteValues], data_dir: str = "_data") -> None:
        self._load_values = load_values
        self._data_dir = data_dir
        self.site: SiteValues | None = None
        self._depth = 0
        self._texts: dict[str, LoadedText] = {}
        self._reported: set[str] = set()
        self._raw_problems: dict[str, set[str]] = {}  # page source -> names reported with a line
        # A page's source -> its front matter problem and placeholder problems, found once (every
        # page is checked in the first language's on_config, then again as it is built; under
        # mkdocs serve, again at every rebuild). They depend on the source and on the names of
        # the placeholders and blocks, nothing else: kept while those names stay the same.
        self._problems_of: dict[str, tuple[tuple[int, str] | None, list[Problem]]] = {}
        self._problems_seen: set[str] = set()  # the sources looked up by this build
        self._names: tuple[frozenset[str], frozenset[str]] | None = None
        self._page_errors = 0
        self._languages: dict[str, _Language] = {}
        self._root_alternates: list[dict[str, str]] | None = None
        self.language = DEFAULT_LANGUAGE
        self.env: Any = None  # this language's Jinja environment, from on_env
        self._status: Status | None = None  # every translation's status, read once per site build
        # Each language's status page as the builds wrote it (its URL, its Markdown): a rebuild of
        # one language under mkdocs serve is right only while every one of them stays the same.
        self._status_pages: dict[str, tuple[str, str]] = {}
        self._status_ahead: Status | None = None  # read by status_unchanged for the build about to start
        self._status_unequal: Status | None = None  # read by it too, when a page differs: all are built
        self._status_url: str | None = None  # this language's status page
        # The docs' git history and the commit it was read at: kept across the rebuilds of mkdocs
        # serve while HEAD stays there (a save changes no history; a commit or checkout does).
        self._git: tuple[str, GitHistory] | None = None

    @property
    def idle(self) -> bool:
        """True between builds (no language is being built)."""
        return self._depth == 0

    # --- per build -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> None:
        if self._depth == 0:
            self._texts.clear()
            self._reported.clear()
            self._raw_problems.clear()
            self._page_errors = 0
            self._languages.clear()
            self.site = self._load_values()
            names = (frozenset(self.site.scalars), frozenset(renderers(self.site)))
            # Only the last build's pages stay: a page saved again and again leaves no trail.
            kept = self._problems_seen if names == self._names else set()
            self._problems_of = {source: found for source, found in self._problems_of.items() if source in kept}
            self._problems_seen, self._names = set(), names
            self._check_every_page(config)
            if self._status_ahead is None:  # every language is built: each writes its page again
                self._status_pages.clear()
            self._status = self._status_ahead or self._status_unequal  # read a moment ago, as the docs are
            self._status_ahead = self._status_unequal = None
        self._depth += 1
        self._status_url = None
        self.language = config.theme["language"] or DEFAULT_LANGUAGE
        self._languages[self.language] = _Language()
        if not any(isinstance(ext, PlaceholderExtension) for ext in config.markdown_extensions):
            extension = PlaceholderExtension(lambda: PageContext(self.text(config, DEFAULT_LANGUAGE), self.values))
            # MkDocs passes the list to Python-Markdown, which takes Extension instances too.
            config.markdown_extensions.append(extension)  # type: ignore[arg-type]
        alternates = config.extra.get("alternate")
        self._root_alternates = copy.deepcopy(alternates) if alternates else None
        self.text(config, self.language)

    def on_build_error(self) -> None:
        self._depth = 0
        self._status_ahead = self._status_unequal = None

    def _check_every_page(self, config: MkDocsConfig) -> None:
        """Broken front matter and placeholders in every language's pages, reported at once.

        A ``--strict`` build stops after the first language with a warning; checked here, in
        the first language's build, every page's problems are in that one report.
        """
        text = self.text(config, DEFAULT_LANGUAGE)
        docs, excluded = Path(config.docs_dir), config.exclude_docs
        for path in sorted(docs.rglob("*.md")):
            relative = path.relative_to(docs).as_posix()
            if relative.startswith(".") or "/." in relative or (excluded and excluded.match_file(relative)):
                continue  # not built (exclude_docs, dot files): its braces are not placeholders
            try:
                source = read_page(path).text
            except InputError:
                continue  # MkDocs reports a page it cannot read itself
            self._page_problems(source, path, text, config)

    @property
    def values(self) -> SiteValues:
        if self.site is None:
            raise RuntimeError("the site values are read in on_config; no build has started")
        return self.site

    # --- texts and problems ---------------------------------------------------------------

    def _warn_once(self, message: str) -> None:
        if message not in self._reported:
            self._reported.add(message)
            log.warning(message)

    def text(self, config: MkDocsConfig, language: str) -> SiteText:
        if language not in self._texts:
            data_dir = Path(config.docs_dir) / self._data_dir
            descriptions = {setting.name: setting.description for setting in self.values.settings}
            loaded = load_site_text(data_dir, language, descriptions)
            self._texts[language] = loaded
            if not loaded.file_found:
                log.info(
                    f"{_shown(data_dir / f'{language}.yml', config)} does not exist yet: '{language}' "
                    "pages show English table headings, descriptions and notices until it is added"
                )
            for problem in loaded.problems:
                self._warn_once(problem)
        return self._texts[language].text

    def _extension(self, config: MkDocsConfig) -> PlaceholderExtension:
        return next(ext for ext in config.markdown_extensions if isinstance(ext, PlaceholderExtension))

    def _report(self, problems: list[Problem], where: str, *, included: bool = False) -> None:
        for problem in problems:
            if included:
                message = (
                    f"{where}: {problem.message}, in text included by pymdownx.snippets "
                    f"(line {problem.line} of the page once snippets are included)"
                )
            else:
                message = f"{where}:{problem.line}: {problem.message}"
            if message not in self._reported:
                self._page_errors += 1
            self._warn_once(message)

    # --- pages -----------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        language = _content_language(page, config)
        text = self.text(config, language)
        raw = self._page_problems(page.file.content_string, page.file.abs_src_path, text, config)
        self._raw_problems[page.file.src_uri] = {problem.name for problem in raw}
        self._extension(config).page = PageContext(text=text, site=self.values)
        return markdown

    def _page_problems(
        self, source: str, path: str | Path | None, text: SiteText, config: MkDocsConfig
    ) -> list[Problem]:
        """Report the page's unreadable front matter and unresolved placeholders; return the latter."""
        if source not in self._problems_of:
            self._problems_of[source] = (unreadable_front_matter(source), find_problems(source, text, self.values))
        self._problems_seen.add(source)
        broken, raw = self._problems_of[source]
        if broken:
            self._report([Problem(broken[0], "front matter", broken[1])], _shown(path, config))
        if raw:
            self._report(raw, _shown(path, config))
        return raw

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        extension = self._extension(config)
        context, extension.page = extension.page, None
        if context:
            known = self._raw_problems.get(page.file.src_uri, set())
            self._report(
                [p for p in context.problems if p.name not in known],
                _shown(page.file.abs_src_path, config),
                included=True,
            )
        language = _content_language(page, config)
        reader = self.text(config, self.language)
        if language != self.language:
            return notices.untranslated_notice(reader, self.values.classes.notice) + notices.in_language(html, language)
        self._languages[self.language].native_urls.add(page.url)
        return self._outdated_notice(page, reader) + html

    # --- translation status --------------------------------------------------------------------

    def on_files_before_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        """The status page's source in every language, before static-i18n picks this language's files."""
        i18n = config.plugins.get("i18n")
        languages = getattr(i18n, "all_languages", None) or list(LANGUAGES)
        return status_page.add_sources(files, config, languages)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """This language's status page gets its text (the status is read once per site build)."""
        file = status_page.status_file(files, self.language)
        if file is None:
            return files
        if self._status is None:
            self._status = self._read_status(config)
            if self._status.history_problem:
                log.info(f"translation status: dates unknown ({self._status.history_problem})")
        page = status_page.StatusPage(self._status, self.text(config, self.language), _language_names(config), config)
        file.content_string = page.markdown(file.url)
        self._status_pages[self.language] = (file.url, file.content_string)
        self._status_url = file.url
        return files

    def _read_status(self, config: MkDocsConfig) -> Status:
        try:
            order = [lang for lang in _language_names(config) if lang != DEFAULT_LANGUAGE] or None
            return translation_status(Path(config.docs_dir), order, git=self._history(config))
        except InputError as exc:
            raise PluginError(f"translation status: {exc}") from None

    def status_unchanged(self, config: MkDocsConfig) -> bool:
        """Before a build (``config`` as mkdocs.yml says, before static-i18n's changes): whether the
        docs as they are now give every language's status page the text the last build wrote.
        Then the status read here is the next build's (under mkdocs serve, one language alone
        is rebuilt only when this holds: the others show every translation's state). A page's
        outdated notice says no more than its status cell: whether it is outdated (the cell's
        translation-diff line) and since when (the cell's date, written alike), with links made
        from the page's URL; so it stays the same too."""
        if not self._status_pages or self.site is None:
            return False
        try:
            status = self._read_status(config)
        except PluginError:
            return False  # the build says why
        names = _language_names(config)
        for language, (url, written) in self._status_pages.items():
            if status_page.StatusPage(status, self.text(config, language), names, config).markdown(url) != written:
                self._status_unequal = status  # every language is built, from the status just read
                return False
        self._status_ahead = status
        return True

    def _history(self, config: MkDocsConfig) -> GitHistory | None:
        """The history read for an earlier build while HEAD is the same commit, else a new one
        (HEAD is read before it: a commit landing meanwhile is read at the next build); None when
        git cannot be asked (translation_status then says why)."""
        docs, kept = Path(config.docs_dir), self._git
        try:
            git = kept[1] if kept else GitHistory.of(docs)
            head = git.head()
            if kept and head is not None and kept[0] == head:
                return git
            if kept:  # HEAD moved (a commit, a checkout): read history again
                git = GitHistory.of(docs)
        except HistoryUnavailable:
            self._git = None
            return None
        self._git = (head, git) if head is not None else None
        return git

    def _outdated_notice(self, page: Page, reader: SiteText) -> str:
        """Above a translation made from an older English page: since when, and where to look."""
        cell = self._status.cell_at(page.file.abs_src_path) if self._status and page.file.abs_src_path else None
        if self.language == DEFAULT_LANGUAGE or cell is None or not status_page.is_outdated(cell):
            return ""
        english_url = get_relative_url(page.url.removeprefix(f"{self.language}/"), page.url)
        since = status_page.outdated_since(cell)
        return notices.outdated_notice(
            reader,
            english_url,
            status_page.local_date(since, reader.language) if since else None,
            get_relative_url(self._status_url, page.url) if self._status_url else None,
            self.values.classes.notice,
        )

    def on_page_context(self, context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
        # static-i18n points config.extra.alternate at this page in each language. The
        # language menu keeps those links (page_alternates); the <head> links go back to
        # each language's root, where Material finds the sitemap it fetches for them.
        # static-i18n sets them as an attribute of config.extra, which Jinja reads before
        # the item of the same name; so read and write both.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        if alternates and self._root_alternates:
            context["page_alternates"] = alternates
            setattr(config.extra, "alternate", copy.deepcopy(self._root_alternates))  # noqa: B010
            config.extra["alternate"] = copy.deepcopy(self._root_alternates)
        return context

    def on_template_context(self, context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
        context["site_text"] = self.text(config, self.language).nested()
        return context

    def rebase(self, html: str) -> str:
        if self.language == DEFAULT_LANGUAGE:
            return html
        return language_base.rebase_config(html, f"{self.language}/")

    # --- end of each language, end of the site ----------------------------------------------

    def after_language(self, config: MkDocsConfig) -> None:
        """This language's search index and 404 page, before the next language overwrites them."""
        state, site_dir = self._languages[self.language], Path(config.site_dir)
        plugin = config.plugins.get("material/search") or config.plugins.get("search")
        if plugin is not None and hasattr(plugin, "search_index"):
            prefix = "" if self.language == DEFAULT_LANGUAGE else f"{self.language}/"
            entries = search.language_entries(plugin.search_index.entries, self.language, prefix, state.native_urls)
            index_config = search.material_search_config(config, plugin.config.fields, self.env)
            if self.language == DEFAULT_LANGUAGE:
                state.root_index = (index_config, entries)  # static-i18n rewrites the root one last
            else:
                search.write_index(site_dir / prefix / "search" / "search_index.json", index_config, entries)
        not_found = site_dir / NOT_FOUND
        if not_found.is_file():
            if self.language == DEFAULT_LANGUAGE:
                state.not_found_page = not_found.read_bytes()
            else:
                (site_dir / self.language).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(not_found, site_dir / self.language / NOT_FOUND)

    def after_site(self, config: MkDocsConfig) -> None:
        """Once every language is built: the English root files, and per-language sitemaps."""
        self._depth -= 1
        if self._depth > 0:
            return
        if self._page_errors and config.strict:  # every language's problems are reported by now
            raise PluginError(
                f"{self._page_errors} problem(s) in pages (placeholders, front matter); see the warnings above"
            )
        site_dir = Path(config.site_dir)
        english = self._languages.get(DEFAULT_LANGUAGE)
        if english and english.root_index:
            search.write_index(site_dir / "search" / "search_index.json", *english.root_index)
        if english and english.not_found_page:
            (site_dir / NOT_FOUND).write_bytes(english.not_found_page)
        if (site_dir / "sitemap.xml").is_file() and config.site_url:
            configured = [language for language in _language_names(config) if language in self._languages]
            built = configured + [language for language in self._languages if language not in configured]
            sitemap.write_language_sitemaps(site_dir, config.site_url, built, DEFAULT_LANGUAGE)


def _language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's name as the language menu shows it (static-i18n's ``languages``)."""
    i18n = config.plugins.get("i18n")
    configured = getattr(getattr(i18n, "config", None), "languages", None) or []
    return {str(item.locale): str(item.name) for item in configured if getattr(item, "name", None)}


def _content_language(page: Page, config: MkDocsConfig) -> str:
    """The language a page is written in: its folder under docs/."""
    located = split_docs_path(Path(config.docs_dir) / page.file.src_uri, config.docs_dir)  # a generated page too
    return located[0] if located else DEFAULT_LANGUAGE


def _shown(path: str | Path | None, config: MkDocsConfig) -> str:
    """A path as an author types it: relative to the folder of mkdocs.yml."""
    if path is None:
        return "?"
    try:
        return Path(path).resolve().relative_to(Path(config.config_file_path).resolve().parent).as_posix()
    except ValueError:
        return str(path)
