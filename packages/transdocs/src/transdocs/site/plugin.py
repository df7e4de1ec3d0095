"""The ``transdocs`` MkDocs plugin: placeholders, blocks, notices, per-language search.

List it after ``i18n`` in ``plugins:`` (mkdocs.yml)::

    plugins:
      - search
      - i18n: ...
      - transdocs:
          extras: docs/_extras/values.py           # optional: the project's own values and blocks

The settings it documents are those ``check-docs`` checks against: ``settings``,
``env-prefix`` and ``toml-table`` of ``[tool.check-docs]`` in the project's pyproject.toml
(found from mkdocs.yml's folder upward). ``settings: package.module:Name`` (a pydantic
model, a dataclass or a mapping), ``env_prefix`` and ``toml_table`` here override them.

Its events run at the priorities that place them around mkdocs-static-i18n (-100) and
Material's search (0): static-i18n builds English, then every other language from
English's ``on_post_build``, so each event below runs once per language. Under
``mkdocs serve``, a save in one translation's folder rebuilds that language only, and so
does a save of English pages every language has translated (``one_language.py``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from transdocs.site.build import NOT_FOUND, SiteBuild
from transdocs.site.compiled_templates import share_compiled_templates
from transdocs.site.old_output import OldOutput
from transdocs.site.one_language import OneLanguageRebuilds
from transdocs.site.search_entries import SearchEntries
from transdocs.site.site_values import CssClasses, SiteValues
from transdocs.site.theme_files import list_theme_once


class TransdocsConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config.__init_subclass__ is untyped
    """The plugin's options in mkdocs.yml."""

    settings = c.Optional(c.Type(str))  # "package.module:Name"; default: [tool.check-docs]
    env_prefix = c.Optional(c.Type(str))
    toml_table = c.Optional(c.Type(str))
    extras = c.Optional(c.File(exists=True))  # relative to mkdocs.yml
    data_dir = c.Type(str, default="_data")  # per-language site words, relative to docs_dir
    # Class names written into pages, for the project's CSS; the defaults are CssClasses'.
    code_class = c.Type(str, default=CssClasses.code)  # table cells of code (settings table)
    notice_class = c.Type(str, default=CssClasses.notice)  # the notices; "<class>-<kind>" too
    # How mkdocs serve hears saves: the system's notifications, or MkDocs' polling (site/watcher.py).
    serve_watcher = c.Choice(("native", "polling"), default="native")
    # What mkdocs serve rebuilds after a save of one language's pages (a translation's folder, or
    # English pages every language has translated): that language (the rest of the site is kept;
    # site/one_language.py says when), or every language.
    serve_rebuilds = c.Choice(("changed-language", "all"), default="changed-language")


def _forget_modules(names: set[str]) -> None:
    """Drop ``names`` and their submodules from ``sys.modules``, so the next import reads the files again."""
    for module in [m for m in sys.modules if m in names or m.startswith(tuple(f"{n}." for n in names))]:
        del sys.modules[module]


def _stamps(names: set[str]) -> dict[str, tuple[int, int]] | None:
    """(mtime, size) of every file of the modules ``names`` (a package: every file in its folders,
    its data too); None when one of them is not imported, so nothing can be said."""
    files: list[str] = []
    for name in names:
        module = sys.modules.get(name)
        if module is None:
            return None
        folders = list(getattr(module, "__path__", None) or [])
        if not folders:
            files += [module.__file__] if module.__file__ else []
        for folder in folders:
            for root, dirs, names_here in os.walk(folder):
                dirs[:] = [d for d in dirs if d != "__pycache__"]
                files += [os.path.join(root, f) for f in names_here]
    stamps = {}
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


class TransdocsPlugin(BasePlugin[TransdocsConfig]):  # type: ignore[no-untyped-call]  # as above
    def __init__(self) -> None:
        self._serving = False
        self._dirty = False
        self._one = OneLanguageRebuilds()  # which rebuilds of mkdocs serve make one language only
        self._entries = SearchEntries()  # under mkdocs serve: Material's search entries of unchanged pages
        self._old = OldOutput()  # under mkdocs serve: the last build's output, removed after the rebuild
        self._first = False  # this build is MkDocs' own, the first of a rebuild: it empties the site folder
        self._site: Any = None  # a SiteBuild, possibly from a fresh import of this package
        self._spec: tuple[str, str, str | None] | None = None
        self._loaded: dict[str, tuple[int, int]] | None = None  # the files of the modules _fresh_site reloads

    def _settings_spec(self) -> tuple[str, str, str | None]:
        """(settings, env prefix, TOML table): this plugin's options, else [tool.check-docs]."""
        from transdocs.errors import InputError
        from transdocs.project import load_project

        config_dir = Path(self.config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            project = load_project(config_dir)
        except InputError as exc:
            raise PluginError(f"transdocs plugin: {exc}") from None
        settings = self.config.settings or project.settings
        if not settings:
            raise PluginError(
                "transdocs plugin: no settings to document: set 'settings' under [tool.check-docs] in "
                "pyproject.toml (or 'settings:' under the plugin in mkdocs.yml), e.g. 'mypackage.settings:Settings'"
            )
        env_prefix = self.config.env_prefix if self.config.env_prefix is not None else project.env_prefix
        toml_table = self.config.toml_table if self.config.toml_table is not None else project.toml_table
        return settings, env_prefix or "", toml_table

    def site_values(self) -> SiteValues:
        """The settings and extras the config names, read now."""
        from transdocs.settings.documented import SettingsSpecError, documented_settings
        from transdocs.site.site_values import Extras, ExtrasError, load_extras

        if self._spec is None:
            self._spec = self._settings_spec()
        settings_spec, env_prefix, toml_table = self._spec
        try:
            base = Path(self.config.config_file_path or "mkdocs.yml").resolve().parent
            settings = documented_settings(settings_spec, env_prefix=env_prefix, base=base)
            extras = load_extras(Path(self.config.extras)) if self.config.extras else Extras()
        except (SettingsSpecError, ExtrasError) as exc:
            raise PluginError(f"transdocs plugin: {exc}") from None
        classes = CssClasses(code=self.config.code_class, notice=self.config.notice_class)
        return SiteValues(tuple(settings), toml_table, extras, classes)

    def _reloaded(self) -> set[str]:
        """The packages a rebuild imports afresh: the settings' and this toolkit."""
        settings_spec = self._spec[0] if self._spec else ""
        return {settings_spec.partition(":")[0].split(".")[0], "transdocs"} - {""}

    def _fresh_site(self) -> Any:
        """A SiteBuild on freshly imported modules, or the same one while their files are unchanged.

        MkDocs keeps plugins (and the modules they import) loaded across the rebuilds of
        ``mkdocs serve``; without a fresh import, an edited default in the settings module
        would not show until the server restarts (mkdocs.yml ``watch:`` lists its folder).
        A save of a page changes none of them: the loaded modules, and what the SiteBuild keeps
        across builds (each page's placeholder problems), are used again.
        """
        now = _stamps(self._reloaded())  # before importing: an edit while it runs shows next time
        if now is not None and now == self._loaded:
            return self._site
        self._loaded = now
        _forget_modules(self._reloaded())
        from transdocs.site.build import SiteBuild as Fresh

        return Fresh(self.site_values, self.config.data_dir)

    def on_startup(self, command: str, dirty: bool) -> None:
        self._serving, self._dirty = command == "serve", dirty

    @event_priority(-200)  # after every other plugin has added its watches
    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.serve_watcher == "native":
            from transdocs.site.watcher import hear_saves_at_once

            changes = self._one.changes if self.config.serve_rebuilds == "changed-language" else None
            self._one.heard = hear_saves_at_once(server, changes) and changes is not None
        return server

    def on_shutdown(self) -> None:
        self._one.failed()  # a build stopped half-way (Ctrl-C) leaves nothing beside the site folder
        self._old.finish()

    @event_priority(-90)  # before static-i18n chooses the language MkDocs' own build makes
    def _plan_before_i18n(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._serving and not self._dirty and (self._site is None or self._site.idle):
            self._first = True
            site = self._site
            self._one.plan(config, lambda: site is not None and bool(site.status_unchanged(config)))
        return config

    @event_priority(-110)  # after static-i18n has switched the config to the language being built
    def _config_after_i18n(self, config: MkDocsConfig) -> MkDocsConfig:
        # jieba (imported by Material's search for Chinese) prints "Loading model cost ..." on
        # every build; its import set its logger to DEBUG, so this must run after it.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        if self._site is None:
            self._site = SiteBuild(self.site_values, self.config.data_dir)
        elif self._serving and self._site.idle:  # the first language of a rebuild
            self._site = self._fresh_site()
        self._site.on_config(config)
        if self._serving:  # work a rebuild would repeat for what did not change
            self._entries.reuse(config)
            list_theme_once(config)
        if self._serving and self._loaded is None:  # the first build has imported them by now
            self._loaded = _stamps(self._reloaded())
        return config

    on_config = CombinedEvent(_plan_before_i18n, _config_after_i18n)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self._one.keep(config)  # a build of one language: the rest of the site is kept aside
        if self._first:  # what MkDocs is about to remove is removed after the build (static-i18n's
            self._first = False  # builds of the other languages empty nothing)
            self._old.set_aside(Path(config.site_dir))

    @event_priority(-90)  # before static-i18n (-100) sorts the files of the language being built
    def _files_before_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        return self._site.on_files_before_i18n(files, config)  # type: ignore[no-any-return]

    @event_priority(-110)  # after it: this language's translation status page gets its text
    def _files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        return self._site.on_files(files, config)  # type: ignore[no-any-return]

    on_files = CombinedEvent(_files_before_i18n, _files_after_i18n)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        # Each language's build, and each rebuild of mkdocs serve, has a new environment: the
        # theme's templates are compiled once (this module stays loaded across rebuilds).
        share_compiled_templates(env)
        self._site.env = env
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
        return str(self._site.on_page_markdown(markdown, page, config))

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
        return str(self._site.on_page_content(html, page, config))

    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, **_: Any) -> Any:
        return self._site.on_page_context(context, config)  # after static-i18n's (50)

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        return self._site.on_template_context(context, config)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return str(self._site.rebase(output))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return str(self._site.rebase(output_content)) if template_name == NOT_FOUND else output_content

    @event_priority(-50)  # after Material's search has indexed this language, before static-i18n
    def _after_language(self, config: MkDocsConfig) -> None:
        self._site.after_language(config)
        self._one.hold()  # a build of one language: static-i18n builds no other

    @event_priority(-150)  # after static-i18n has built the other languages
    def _after_site(self, config: MkDocsConfig) -> None:
        self._site.after_site(config)
        if self._serving and self._site.idle:
            self._one.done()
            self._old.remove()

    on_post_build = CombinedEvent(_after_language, _after_site)

    def on_build_error(self, error: Exception) -> None:
        if self._site is not None:
            self._site.on_build_error()
        self._one.failed()
        self._old.remove()
