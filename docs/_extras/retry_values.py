"""This project's own values on its docs site: the retry schedule, as placeholders and blocks.

The ``transdocs`` plugin documents any settings class; what only llm-backends has (the
retry schedule computed from the retry settings) reaches the pages through this file,
named in mkdocs.yml (``plugins: - transdocs: extras:``). It is build glue, kept apart
from both packages, and loaded afresh on every build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from llm_backends.retry import ScheduleRow, longest_call, retry_schedule
from llm_backends.settings import LLMSettings
from transdocs.settings.reader import format_value
from transdocs.site.blocks import cell, env_example, paragraph, table
from transdocs.site.chart import render_chart
from transdocs.site.site_text import SiteText
from transdocs.site.site_values import Block, SiteValues, Value
from transdocs.site.units import Quantity


def _schedule(site: SiteValues) -> list[ScheduleRow]:
    return retry_schedule(LLMSettings(**site.defaults))


def _seconds(rows: list[ScheduleRow], pick: Callable[[list[ScheduleRow]], float]) -> Quantity:
    return Quantity(pick(rows) if rows else 0, "second")


def placeholders(site: SiteValues) -> Mapping[str, Value]:
    """``{{ retry.max_requests }}``, the waits and the longest call, which render with their unit."""
    rows = _schedule(site)
    bound = longest_call(LLMSettings(**site.defaults))
    return {
        "retry.max_requests": site.defaults["num_retries"] + 1,
        "retry.first_wait_max": _seconds(rows, lambda r: r[0].longest),
        "retry.last_wait_max": _seconds(rows, lambda r: r[-1].longest),
        "retry.longest_total": _seconds(rows, lambda r: r[-1].longest_total),
        "retry.longest_call": Quantity(bound.longest, "second"),
        "retry.longest_call_without_limit": Quantity(bound.without_limit, "second"),
    }


def schedule_table(site: SiteValues, text: SiteText) -> Block:
    rows = _schedule(site)
    if not rows:
        return paragraph(text["schedule_table.none"])
    headers = [text[f"schedule_table.{column}"] for column in ("retry", "shortest", "longest", "longest_total")]
    cells = [
        [cell(str(row.retry)), *(cell(format_value(v)) for v in (row.shortest, row.longest, row.longest_total))]
        for row in rows
    ]
    return table(headers, cells)


def schedule_chart(site: SiteValues, text: SiteText) -> Block:
    return Block(render_chart(_schedule(site), text), is_html=True)


def is_retry_setting(name: str) -> bool:
    return name in ("num_retries", "total_timeout") or name.startswith("retry_")


def retry_env_example(site: SiteValues, text: SiteText) -> Block:
    """The retry settings, and the time limit of a whole call, as ``export`` lines."""
    names = [s.name for s in site.settings if is_retry_setting(s.name)]
    return env_example(site, names)


BLOCKS = {"env_example": retry_env_example, "schedule_table": schedule_table, "schedule_chart": schedule_chart}
