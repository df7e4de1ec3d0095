"""Block placeholders (``{{ settings_table }}``...) rendered in a page's language.

Every value comes from :class:`SiteValues`: the defaults of the configured settings,
never the environment of whoever builds the site. Tables are HTML (so descriptions are
escaped, never read as Markdown); code examples are fenced Markdown so they get
highlighting and a copy button like any other code block. A project's extras file adds
its own blocks (ours: the retry schedule), built with the helpers here.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from html import escape
from typing import Any

from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.languages.words import right_to_left
from transdocs.placeholders import PLACEHOLDER, placeholder_name
from transdocs.settings.documented import Setting
from transdocs.settings.reader import format_value
from transdocs.site.notices import fill
from transdocs.site.site_text import SiteText
from transdocs.site.site_values import Block, Renderer, SiteValues
from transdocs.site.units import Quantity, quantity_with_code


def code(content: str) -> str:
    """Code that wraps only after an underscore (``LLM_RETRY_<wbr>MAX_<wbr>WAIT``), not mid-word."""
    return f"<code>{escape(content).replace('_', '_<wbr>')}</code>"


def cell(content: str, *, code_class: str | None = None) -> str:
    """A table cell of text, or of code when ``code_class`` (``site.classes.code``) is given."""
    if code_class is None:
        return f"<td>{escape(content)}</td>"
    return _code_cell(code(content), code_class)


def _code_cell(html: str, code_class: str) -> str:
    return f'<td class="{escape(code_class)}">{html}</td>'


# A left-to-right run in right-to-left prose ("azure/<name>", "1 + num_retries", "multiplier *
# 2^(n-1)"): isolated, or the bidi algorithm moves its brackets and operators around.
_LTR_RUN = re.compile(r"[A-Za-z0-9][\w.,:;/<>()\[\]*^+\-=' ]*[\w)>\]]|[A-Za-z0-9]", re.ASCII)
_PAIRS = {")": "(", ">": "<", "]": "["}


def _isolated(run: str) -> str:
    while run and run[-1] in _PAIRS and run.count(_PAIRS[run[-1]]) < run.count(run[-1]):
        run = run[:-1]  # "prompt)" of "(prompt)": the bracket pairs with one outside the run
    return run


def prose_cell(content: str, language: str) -> str:
    """A cell of prose; in a right-to-left language, each left-to-right run sits in a ``<bdi>``."""
    if not right_to_left(language):
        return cell(content)
    html, position = [], 0
    for match in _LTR_RUN.finditer(content):
        if match.start() < position:
            continue
        run = _isolated(match.group(0)).rstrip()
        html.append(escape(content[position : match.start()]))
        html.append(f'<bdi dir="ltr">{escape(run)}</bdi>')
        position = match.start() + len(run)
    html.append(escape(content[position:]))
    return f"<td>{''.join(html)}</td>"


def table(headers: list[str], rows: list[list[str]]) -> Block:
    # No class attribute: Material styles (and makes scrollable) only tables without one.
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return Block(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>", is_html=True)


def paragraph(content: str) -> Block:
    return Block(f"<p>{escape(content)}</p>", is_html=True)


def fenced(language: str, lines: Iterable[str]) -> Block:
    return Block(f"```{language}\n" + "\n".join(lines) + "\n```", is_html=False)


def _default_cell(setting: Setting, text: SiteText, code_class: str) -> str:
    if setting.default is None:
        return cell(text["not_set"])
    if setting.unit and isinstance(setting.default, int | float) and not isinstance(setting.default, bool):
        return _code_cell(quantity_with_code(Quantity(setting.default, setting.unit), text.language), code_class)
    return cell(format_value(setting.default), code_class=code_class)


def settings_table(site: SiteValues, text: SiteText) -> Block:
    rows = [
        [
            cell(setting.env, code_class=site.classes.code),
            cell(setting.key, code_class=site.classes.code),
            cell(setting.type, code_class=site.classes.code),
            _default_cell(setting, text, site.classes.code),
            prose_cell(text.description(setting.name), text.language),
        ]
        for setting in site.settings
    ]
    headers = [text[f"settings_table.{column}"] for column in ("env", "key", "type", "default", "description")]
    return table(headers, rows)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    return format_value(value)


def config_toml(site: SiteValues, text: SiteText) -> Block:
    lines = [f"[{site.toml_table}]"] if site.toml_table else []
    for setting in site.settings:
        if setting.default is None or setting.secret:
            shown = text["not_set"] if setting.default is None else format_value(setting.default)
            lines.append(f'# {setting.key} = ""  # {shown}')
        else:
            lines.append(f"{setting.key} = {_toml_value(setting.default)}")
    return fenced("toml", lines)


def env_example(site: SiteValues, names: Iterable[str]) -> Block:
    """``export NAME=default`` for the settings ``names``, in the order of the settings."""
    wanted = set(names)
    return fenced(
        "bash",
        (f"export {s.env}={shlex.quote(format_value(s.default))}" for s in site.settings if s.name in wanted),
    )


def _markdown_cell(content: str, scalars: dict[str, str]) -> str:
    """A glossary cell as Markdown (its `code` stays code), placeholders filled in."""
    filled = PLACEHOLDER.sub(lambda m: scalars.get(placeholder_name(m), m.group(0)), content)
    return re.sub(r"[ \t\r\n]+", " ", filled).strip().replace("|", "\\|")  # no-break spaces stay


def glossary_table(site: SiteValues, text: SiteText) -> Block:
    """The language's glossary (``glossary:`` in its data file): term and meaning in the source
    language; the English term, the word used with its note, and the words avoided in a translation."""
    scalars = site.scalar_texts(text)
    if text.language == DEFAULT_LANGUAGE:
        headers = [text["glossary_table.term"], text["glossary_table.meaning"]]
        rows = [[term.english, term.note] for term in text.glossary]
    else:
        headers = [text["glossary_table.english"], text["glossary_table.word"], text["glossary_table.avoid"]]
        rows = [
            [
                term.english,
                fill(text["glossary_table.with_note"], word=term.use, note=term.note) if term.note else term.use,
                text["glossary_table.separator"].join(term.avoid) or "—",
            ]
            for term in text.glossary
        ]
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_markdown_cell(cell, scalars) for cell in row) + " |" for row in rows]
    return Block("\n".join(lines), is_html=False)


GENERIC: dict[str, Renderer] = {
    "settings_table": settings_table,
    "config_toml": config_toml,
    "glossary_table": glossary_table,
}


def renderers(site: SiteValues) -> dict[str, Renderer]:
    """Every block a page of this site may use: the generic ones and the project's extras."""
    return {**GENERIC, **site.extras.blocks}


def render_block(name: str, site: SiteValues, text: SiteText) -> Block:
    """Render block ``name`` in ``text``'s language from ``site``'s values."""
    return renderers(site)[name](site, text)
