"""MkDocs hooks (``hooks:`` in mkdocs.yml): hand every event to :class:`SiteBuild`.

MkDocs loads this file by path, so imports are absolute. Priorities place these hooks
around mkdocs-static-i18n (-100) and Material's search (0); see ``build.py``.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from transdocs.site.build import NOT_FOUND, SiteBuild

site = SiteBuild()
_serving = False


def _fresh_site() -> SiteBuild:
    """A SiteBuild on freshly imported package modules.

    MkDocs keeps this hooks module (and so the package) loaded across the rebuilds of
    `mkdocs serve`; without a fresh import, an edited default in settings.py would not
    show until the server restarts (mkdocs.yml watches src/ for that edit).
    """
    fresh = ("llm_backends", "transdocs")
    for name in [m for m in sys.modules if m in fresh or m.startswith(tuple(f"{p}." for p in fresh))]:
        del sys.modules[name]
    from transdocs.site.build import SiteBuild as Fresh

    return Fresh()


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-110)  # after static-i18n has switched the config to the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # jieba (imported by Material's search for Chinese) prints "Loading model cost ..." on
    # every build; its import set its logger to DEBUG, so this must run after it.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    global site
    if _serving and site.idle:  # the first language of a rebuild
        site = _fresh_site()
    site.on_config(config)
    return config


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    site.env = env
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return site.on_page_markdown(markdown, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return site.on_page_content(html, page, config)


def on_page_context(context: dict[str, Any], config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    return site.on_page_context(context, config)  # after static-i18n's (50)


def on_template_context(context: dict[str, Any], config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    return site.on_template_context(context, config)


def on_post_page(output: str, config: MkDocsConfig, **_: Any) -> str:
    return site.rebase(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return site.rebase(output_content) if template_name == NOT_FOUND else output_content


@event_priority(-50)  # after Material's search has indexed this language, before static-i18n
def _after_language(config: MkDocsConfig) -> None:
    site.after_language(config)


@event_priority(-150)  # after static-i18n has built the other languages
def _after_site(config: MkDocsConfig) -> None:
    site.after_site(config)


on_post_build = CombinedEvent(_after_language, _after_site)


def on_build_error(error: Exception) -> None:
    site.on_build_error()
