"""Placeholders: how pages write a value that belongs to the package.

Pages write ``{{ num_retries.default }}`` instead of the number, so every language
shows the package's own value. Grammar: ``{{ <setting>.<attribute> }}`` where
attribute is ``default``, ``env``, ``key`` or ``type``, or ``{{ retry.<name> }}`` for
numbers derived from the retry defaults. Block placeholders (tables, the config.toml
example, the chart) are rendered by the site build and named in ``BLOCKS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from llm_backends.retry import retry_schedule
from llm_backends.settings import LLMSettings, format_value, setting_infos

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w]*)(?:\.([A-Za-z_]\w*))?\s*\}\}")
# A block placeholder alone on its line (the only place a block may stand).
BLOCK_LINE = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*(?P<name>[A-Za-z_]\w*)\s*\}\}[ \t]*$")

# Rendered by the site build (they need the page's language); listed here so the
# checker and the build agree on which names exist.
BLOCKS = frozenset({"settings_table", "config_toml", "env_example", "schedule_table", "schedule_chart"})


def _retry_values() -> dict[str, Callable[[LLMSettings], str]]:
    def schedule_value(pick: Callable[[list], float]) -> Callable[[LLMSettings], str]:
        return lambda s: format_value(pick(retry_schedule(s))) if s.num_retries else "0"

    return {
        "max_requests": lambda s: str(s.num_retries + 1),
        "first_wait_max": schedule_value(lambda rows: rows[0].longest),
        "last_wait_max": schedule_value(lambda rows: rows[-1].longest),
        "longest_total": schedule_value(lambda rows: rows[-1].longest_total),
    }


def scalar_values(settings: LLMSettings | None = None) -> dict[str, str]:
    """Every scalar placeholder name (``num_retries.default``...) and its text."""
    settings = settings or LLMSettings()
    values: dict[str, str] = {}
    for info in setting_infos():
        values[f"{info.name}.default"] = format_value(getattr(settings, info.name))
        values[f"{info.name}.env"] = info.env
        values[f"{info.name}.key"] = info.key
        values[f"{info.name}.type"] = info.type
    for name, compute in _retry_values().items():
        values[f"retry.{name}"] = compute(settings)
    return values


def placeholder_name(match: re.Match[str]) -> str:
    """``{{ num_retries.default }}`` -> ``num_retries.default``; ``{{ config_toml }}`` -> ``config_toml``."""
    head, attribute = match.group(1), match.group(2)
    return f"{head}.{attribute}" if attribute else head
