"""Notices at the top of a page: not translated yet, or translated from an older English page."""

from __future__ import annotations

import re
import unicodedata
from html import escape

from transdocs.languages.words import right_to_left
from transdocs.site.site_text import SiteText
from transdocs.site.site_values import CssClasses

NOTICE_CLASS = CssClasses.notice

_MARK = re.compile(r"\{(\w+)\}")


def fill(template: str, **parts: str) -> str:
    """``template`` with each ``{name}`` mark replaced by ``parts[name]``; unknown marks stay."""
    return _MARK.sub(lambda m: parts.get(m.group(1), m.group(0)), template)


def fill_html(template: str, **html: str) -> str:
    """Like :func:`fill`, for HTML: the template's text is escaped, the parts (HTML) are not."""
    pieces = _MARK.split(template)  # text, name, text, name, ..., text
    return "".join(
        escape(piece) if index % 2 == 0 else html.get(piece, escape("{" + piece + "}"))
        for index, piece in enumerate(pieces)
    )


def _sentence_gap(before: str) -> str:
    """What joins two sentences: nothing after a full-width stop ("。", "！"), as Chinese and
    Japanese write them; a space after any other."""
    return "" if before and unicodedata.east_asian_width(before[-1]) in ("F", "W") else " "


def _direction(language: str) -> str:
    return "rtl" if right_to_left(language) else "ltr"


def _notice(text: SiteText, kind: str, body_html: str, css_class: str) -> str:
    # data-search-exclude: the notice is not what the page is about.
    classes = escape(f"{css_class} {css_class}-{kind}")
    return (
        f'<div class="admonition info {classes}" lang="{text.language}" '
        f'dir="{_direction(text.language)}" data-search-exclude>'
        f'<p class="admonition-title">{escape(text[f"notices.{kind}.title"])}</p>'
        f"<p>{body_html}</p></div>"
    )


def untranslated_notice(text: SiteText, css_class: str = NOTICE_CLASS) -> str:
    """Said in the reader's language (``text``) above a page shown in English."""
    return _notice(text, "untranslated", escape(text["notices.untranslated.text"]), css_class)


def outdated_notice(
    text: SiteText,
    english_url: str,
    since: str | None = None,
    status_url: str | None = None,
    css_class: str = NOTICE_CLASS,
) -> str:
    """Said above a translation whose English page changed since it was translated: since when
    (``since``, a date in the reader's language), a link to the English page, and one to the
    translation status page."""
    link = f'<a href="{escape(english_url)}" hreflang="en">{escape(text["notices.outdated.link"])}</a>'
    template = text["notices.outdated.text"] if since else text["notices.outdated.text_undated"]
    body = fill_html(template, link=link, date=escape(since or ""))
    if status_url:
        status = f'<a href="{escape(status_url)}">{escape(text["notices.outdated.status_link"])}</a>'
        body += _sentence_gap(body) + fill_html(text["notices.outdated.status"], link=status)
    return _notice(text, "outdated", body, css_class)


def in_language(content_html: str, language: str) -> str:
    """Mark content written in another language than the site around it (screen readers, RTL)."""
    return f'<div lang="{language}" dir="{_direction(language)}">{content_html}</div>'
