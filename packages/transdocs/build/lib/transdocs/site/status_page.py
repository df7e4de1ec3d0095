"""The translation status page: every page in every language, built into the site in each language.

The page has no Markdown source: the build adds ``<lang>/translation-status.md`` to
the files of every language before mkdocs-static-i18n sorts them (so it has a URL,
a nav entry and alternates like any page), then gives the current language's file its
Markdown, written from :func:`transdocs.tools.translation_status.translation_status` in the
language's words (``status_page:`` in ``docs/_data/<lang>.yml``). The checker never
sees it, so it is never "missing" or "outdated" itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from html import escape
from pathlib import Path, PurePosixPath

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from transdocs.site.notices import fill
from transdocs.site.site_text import SiteText
from transdocs.tools import translation_diff as diff
from transdocs.tools.translation_status import BROKEN, MISSING, OUTDATED, UNTRANSLATED, UP_TO_DATE, Cell, Status

STATUS_PAGE = "translation-status.md"
GUIDE_PAGE = "translating.md"  # the page for translators, linked when the docs have it
PROG = "llm-backends"


def add_sources(files: Files, config: MkDocsConfig, languages: Iterable[str]) -> Files:
    """Before static-i18n sorts the files: a status page in every language folder."""
    for language in languages:
        uri = f"{language}/{STATUS_PAGE}"
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def status_file(files: Files, language: str) -> File | None:
    """The status page among the files of the language being built."""
    return next((f for f in files.documentation_pages() if f.src_uri == f"{language}/{STATUS_PAGE}"), None)


# The first of the month is an ordinal where CLDR's long date has a plain day number:
# French writes "1er mars 2026", never "1 mars 2026".
FIRST_DAY = {"fr": "d'er'"}


def local_date(date: datetime, language: str) -> str:
    """``date`` as the reader's language writes a date (CLDR data, through Babel)."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    first = FIRST_DAY.get(locale.language)
    if first and date.day == 1:
        pattern = str(locale.date_formats["long"].pattern)
        return format_date(date.date(), format=re.sub(r"(?<![d'])d(?!d)", first, pattern), locale=locale)
    return format_date(date.date(), format="long", locale=locale)


def outdated_since(cell: Cell) -> datetime | None:
    """When the English page first changed after the translated version, if known."""
    change = cell.change
    return change.since.date if change is not None and change.since is not None else None


def is_outdated(cell: Cell) -> bool:
    """The translation translates an older English page (the notice and the status page say so)."""
    return cell.change is not None and cell.change.state in (diff.OUTDATED, diff.UNMATCHED, diff.NO_HISTORY)


def page_url(name: PurePosixPath, language: str, source: str, use_directory_urls: bool) -> str:
    """The site URL of page ``name`` (``retries.md``) in ``language``."""
    url = File(name.as_posix(), None, "", use_directory_urls).url
    return url if language == source else f"{language}/{url}"


class StatusPage:
    """The Markdown of the status page in one language."""

    def __init__(self, status: Status, text: SiteText, names: Mapping[str, str], config: MkDocsConfig) -> None:
        self.status, self.text, self.names, self.config = status, text, names, config
        self.project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()

    def _t(self, key: str) -> str:
        return self.text[f"status_page.{key}"]

    def _shown(self, path: Path) -> str:
        """A docs path as a contributor types it at the root of the repository."""
        return Path(os.path.relpath(path, self.project)).as_posix()

    def _link(self, name: PurePosixPath, language: str, here: str, label: str) -> str:
        url = get_relative_url(page_url(name, language, self._source, self.config.use_directory_urls), here)
        # target="_self": once Material has read the languages' sitemaps, it may take over a plain
        # link into another language's part of the site and open *this* page in that language.
        return f'<a href="{escape(url)}" hreflang="{escape(language)}" target="_self">{escape(label)}</a>'

    @property
    def _source(self) -> str:
        return self.status.source

    def _cell(self, name: PurePosixPath, cell: Cell, here: str) -> str:
        label = {
            UP_TO_DATE: "up_to_date",
            OUTDATED: "outdated",
            MISSING: "missing",
            UNTRANSLATED: "untranslated",
            BROKEN: "broken",
        }[cell.state]
        parts = [self._link(name, cell.language, here, self._t(label))]
        change = cell.change
        if is_outdated(cell) and change is not None:
            if change.state == diff.OUTDATED:
                parts.append(escape(fill(self._t("lines_changed"), lines=str(change.lines_changed))))
            since = outdated_since(cell)
            if since is not None:
                parts.append(escape(fill(self._t("since"), date=local_date(since, self.text.language))))
            elif change.state == diff.OUTDATED:
                parts.append(escape(self._t("not_committed")))
            else:
                parts.append(escape(self._t("date_unknown")))
            command = f"{PROG} translation-diff {self._shown(cell.path)}"
            parts.append(f"{escape(self._t('see_diff'))} <code>{escape(command)}</code>")
        if cell.state in (BROKEN, UNTRANSLATED):
            command = f"{PROG} check-docs {self._shown(cell.path)}"
            parts.append(f"{escape(self._t('see_findings'))} <code>{escape(command)}</code>")
        body = "".join(f'<span class="llm-status-line">{part}</span>' for part in parts)
        return f'<td class="llm-status-{cell.state}">{body}</td>'

    def markdown(self, here: str) -> str:
        """The page, for the status page at site URL ``here``."""
        languages = self.status.languages
        head = "".join(
            f'<th scope="col" lang="{escape(lang)}">{escape(self.names.get(lang, lang))}</th>' for lang in languages
        )
        rows = []
        for row in self.status.rows:
            english = self._link(row.name, self._source, here, row.name.as_posix())
            cells = "".join(self._cell(row.name, row.cells[lang], here) for lang in languages)
            rows.append(f'<tr><th scope="row"><code>{english}</code></th>{cells}</tr>')
        table = (
            '<div class="llm-status"><table>'
            f'<thead><tr><th scope="col">{escape(self._t("page"))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
        paragraphs = [f"# {self._t('title')}", self._t("intro")]
        if (self.status.docs / self._source / GUIDE_PAGE).is_file():
            paragraphs.append(fill(self._t("how"), link=f"[{self._t('how_link')}]({GUIDE_PAGE})"))
        if self.status.history_problem is not None:
            paragraphs.append(self._t("no_history"))
        return "---\nsearch:\n  exclude: true\n---\n\n" + "\n\n".join([*paragraphs, table]) + "\n"
