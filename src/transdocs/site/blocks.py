"""Block placeholders (``{{ settings_table }}``...) rendered in a page's language.

Every value comes from an :class:`LLMSettings` instance, by default ``LLMSettings()``:
the package defaults, never the environment of whoever builds the site. Tables and the
chart are HTML (so descriptions are escaped, never read as Markdown); code examples are
fenced Markdown so they get highlighting and a copy button like any other code block.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from llm_backends.retry import retry_schedule
from llm_backends.settings import TOML_TABLE, LLMSettings, SettingInfo, format_value, setting_infos
from transdocs.site.chart import render_chart
from transdocs.site.site_text import SiteText


@dataclass(frozen=True)
class Block:
    """Rendered block: raw HTML to keep as is, or Markdown to be parsed with the page."""

    text: str
    is_html: bool


def shown_value(value: Any, text: SiteText) -> str:
    """A value as a page shows it: ``not set`` in the page's language, secrets masked."""
    return text["not_set"] if value is None else format_value(value)


def _code(content: str) -> str:
    """Code that wraps only after an underscore (``LLM_RETRY_<wbr>MAX_<wbr>WAIT``), not mid-word."""
    return f"<code>{escape(content).replace('_', '_<wbr>')}</code>"


def _cell(content: str, *, code: bool = False) -> str:
    return f'<td class="llm-code">{_code(content)}</td>' if code else f"<td>{escape(content)}</td>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    # No class attribute: Material styles (and makes scrollable) only tables without one.
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def settings_table(settings: LLMSettings, text: SiteText) -> Block:
    rows = []
    for info in setting_infos():
        value = getattr(settings, info.name)
        if value is None:
            default = _cell(text["not_set"])
        else:
            unit = f" {escape(text.values.get(f'units.{info.unit}', info.unit))}" if info.unit else ""
            default = f'<td class="llm-code">{_code(format_value(value))}{unit}</td>'
        rows.append(
            [
                _cell(info.env, code=True),
                _cell(info.key, code=True),
                _cell(info.type, code=True),
                default,
                _cell(text.description(info.name)),
            ]
        )
    headers = [text[f"settings_table.{column}"] for column in ("env", "key", "type", "default", "description")]
    return Block(_table(headers, rows), is_html=True)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    return format_value(value)


def config_toml(settings: LLMSettings, text: SiteText) -> Block:
    lines = [f"[{TOML_TABLE}]"]
    for info in setting_infos():
        value = getattr(settings, info.name)
        if value is None or info.secret:
            lines.append(f'# {info.key} = ""  # {shown_value(value, text)}')
        else:
            lines.append(f"{info.key} = {_toml_value(value)}")
    return Block("```toml\n" + "\n".join(lines) + "\n```", is_html=False)


def is_retry_setting(info: SettingInfo) -> bool:
    return info.name == "num_retries" or info.name.startswith("retry_")


def env_example(settings: LLMSettings, text: SiteText) -> Block:
    lines = [
        f"export {info.env}={shlex.quote(format_value(getattr(settings, info.name)))}"
        for info in setting_infos()
        if is_retry_setting(info)
    ]
    return Block("```bash\n" + "\n".join(lines) + "\n```", is_html=False)


def schedule_table(settings: LLMSettings, text: SiteText) -> Block:
    rows = retry_schedule(settings)
    if not rows:
        return Block(f"<p>{escape(text['schedule_table.none'])}</p>", is_html=True)
    headers = [text[f"schedule_table.{column}"] for column in ("retry", "shortest", "longest", "longest_total")]
    cells = [
        [_cell(str(row.retry)), *(_cell(format_value(v)) for v in (row.shortest, row.longest, row.longest_total))]
        for row in rows
    ]
    return Block(_table(headers, cells), is_html=True)


def schedule_chart(settings: LLMSettings, text: SiteText) -> Block:
    return Block(render_chart(retry_schedule(settings), text), is_html=True)


RENDERERS: dict[str, Callable[[LLMSettings, SiteText], Block]] = {
    "settings_table": settings_table,
    "config_toml": config_toml,
    "env_example": env_example,
    "schedule_table": schedule_table,
    "schedule_chart": schedule_chart,
}


def render_block(name: str, text: SiteText, settings: LLMSettings | None = None) -> Block:
    """Render block ``name`` in ``text``'s language from ``settings`` (default: the package defaults)."""
    return RENDERERS[name](settings or LLMSettings(), text)
