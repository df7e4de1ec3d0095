"""Read a built HTML page (our MkDocs site) into the same blocks as a Markdown page.

Only the page's article is read (navigation and footers repeat on every page); inline
``<code>`` is kept in backticks so that prose reads the same as in Markdown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from transdocs.languages.tags import is_language_tag
from transdocs.pages.document import Code, Document, Prose, Table, introduces_list

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=[\"']?([A-Za-z]+)", re.IGNORECASE)
_ARTICLE = re.compile(r"<article\b.*</article>", re.IGNORECASE | re.DOTALL)
_LANGUAGE_CLASS = re.compile(r"\blanguage-([\w+-]+)")
_TEXT_TAGS = frozenset(
    {"p", "li", "dt", "dd", "figcaption", "summary", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td"}
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_SKIPPED_TAGS = frozenset({"script", "style", "svg", "nav", "button", "template", "noscript", "select"})


def html_language(text: str) -> str | None:
    """``<html lang="zh-Hans">`` -> ``zh``; any language, ours or not (``de``, ``ko``)."""
    match = _HTML_LANG.search(text[:2000])
    lang = match.group(1).lower() if match else None
    return lang if lang is not None and is_language_tag(lang) else None


class _Buffer:
    def __init__(self, tag: str, line: int) -> None:
        self.tag, self.line, self.current = tag, line, line
        self.parts: list[str] = []
        self.size = 0
        self.breaks: list[int] = []

    def add(self, text: str, line: int) -> None:
        self.breaks += [self.size] * max(0, line - self.current)
        self.current = line + text.count("\n")
        for index, char in enumerate(text):
            if char == "\n":
                self.breaks.append(self.size + index + 1)
        self.parts.append(text)
        self.size += len(text)


class _Reader(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = first_line - 1
        self.doc = Document()
        self.buffers: list[_Buffer] = []
        self.skipping = 0
        self.code_lang = ""
        self.pre: _Buffer | None = None
        self.inline_code = 0
        self.header: list[str] | None = None
        self.rows: list[tuple[int, list[str]]] = []
        self.row: list[str] | None = None
        self.row_line = 0
        self.table_line = 0
        self.list_intros: list[str] = []
        self.term = ""  # the last <dt>: whom the <dd> after it is about

    def line(self) -> int:
        return self.first + self.getpos()[0]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping or tag in _SKIPPED_TAGS:
            self.skipping += tag in _SKIPPED_TAGS
            return
        language = _LANGUAGE_CLASS.search(dict(attrs).get("class") or "")
        if language:
            self.code_lang = language.group(1).lower()
        if tag == "pre":
            self.pre = _Buffer(tag, self.line())
        elif self.pre is not None:
            return
        elif tag == "code":
            self.inline_code += 1
            self.write("`")
        elif tag in ("ul", "ol"):
            last = self.doc.blocks[-1] if self.doc.blocks else None
            intro = last.text if isinstance(last, Prose) and introduces_list(last.text) else ""
            self.list_intros.append(intro)
        elif tag == "table":
            self.header, self.rows, self.table_line = None, [], self.line()
        elif tag == "tr":
            self.row, self.row_line = [], self.line()
        elif tag in _TEXT_TAGS:
            self.buffers.append(_Buffer(tag, self.line()))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= tag in _SKIPPED_TAGS
            return
        if tag == "pre" and self.pre is not None:
            self.end_pre(self.pre)
        elif self.pre is not None:
            return
        elif tag == "code" and self.inline_code:
            self.inline_code -= 1
            self.write("`")
        elif tag in ("ul", "ol") and self.list_intros:
            self.list_intros.pop()
        elif tag == "tr" and self.row is not None:
            self.end_row(self.row)
        elif tag == "table":
            self.doc.blocks.append(Table(self.header or [], self.table_line, self.rows))
            self.header, self.rows = None, []
        elif tag in _TEXT_TAGS and self.buffers and self.buffers[-1].tag == tag:
            self.end_text(self.buffers.pop())

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.pre is not None:
            self.pre.add(data, self.line())
        elif self.buffers:
            self.buffers[-1].add(data, self.line())

    def write(self, text: str) -> None:
        if self.buffers:
            self.buffers[-1].add(text, self.line())

    def end_text(self, buffer: _Buffer) -> None:
        text = "".join(buffer.parts)
        if buffer.tag in ("th", "td"):
            if self.row is not None:
                # HTML's own white space collapses; a no-break space is text (French "défaut\u00a0: 120").
                self.row.append(_HTML_SPACE.sub(" ", text).strip(" "))
            return
        kind = "heading" if buffer.tag[0] == "h" and buffer.tag[1:].isdigit() else "paragraph"
        kind = "item" if buffer.tag == "li" else kind
        intro = self.list_intros[-1] if kind == "item" and self.list_intros else ""
        parent = self.term if buffer.tag == "dd" else ""
        if buffer.tag == "dt":
            self.term = text
        if text.strip():
            self.doc.blocks.append(Prose(kind, text, buffer.line, buffer.breaks, intro, parent))

    def end_row(self, row: list[str]) -> None:
        if self.header is None:
            self.header = row
        else:
            self.rows.append((self.row_line, row))
        self.row = None

    def end_pre(self, buffer: _Buffer) -> None:
        self.pre = None
        last = self.doc.blocks[-1] if self.doc.blocks else None
        intro = last.text if isinstance(last, Prose) else ""
        text = "".join(buffer.parts)
        lines = [(buffer.line + n, line) for n, line in enumerate(text.split("\n"))]
        self.doc.blocks.append(Code(self.code_lang, buffer.line, lines, intro))
        self.code_lang = ""


def read_fragment(text: str, first_line: int) -> Document:
    """An HTML block inside a Markdown page (a ``<table>``, ``<dl>``...), starting at ``first_line``."""
    reader = _Reader(first_line)
    reader.feed(text)
    reader.close()
    return reader.doc


def read_html(text: str) -> Document:
    """The article of a built page as blocks (structure lists stay empty)."""
    article = _ARTICLE.search(text)
    start = article.start() if article else 0
    reader = _Reader(text.count("\n", 0, start) + 1)
    reader.feed(article.group(0) if article else text)
    reader.close()
    return reader.doc
