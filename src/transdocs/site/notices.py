"""Notices at the top of a page: not translated yet, or translated from an older English page."""

from __future__ import annotations

from html import escape

from transdocs.languages import RIGHT_TO_LEFT
from transdocs.site.site_text import LINK_MARK, SiteText


def _direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def _notice(text: SiteText, kind: str, body_html: str) -> str:
    # data-search-exclude: the notice is not what the page is about.
    return (
        f'<div class="admonition info llm-notice llm-notice-{kind}" lang="{text.language}" '
        f'dir="{_direction(text.language)}" data-search-exclude>'
        f'<p class="admonition-title">{escape(text[f"notices.{kind}.title"])}</p>'
        f"<p>{body_html}</p></div>"
    )


def untranslated_notice(text: SiteText) -> str:
    """Said in the reader's language (``text``) above a page shown in English."""
    return _notice(text, "untranslated", escape(text["notices.untranslated.text"]))


def outdated_notice(text: SiteText, english_url: str) -> str:
    """Said above a translation whose English page changed since it was translated."""
    link = f'<a href="{escape(english_url)}" hreflang="en">{escape(text["notices.outdated.link"])}</a>'
    before, _, after = text["notices.outdated.text"].partition(LINK_MARK)
    return _notice(text, "outdated", f"{escape(before)}{link}{escape(after)}")


def in_language(content_html: str, language: str) -> str:
    """Mark content written in another language than the site around it (screen readers, RTL)."""
    return f'<div lang="{language}" dir="{_direction(language)}">{content_html}</div>'
