"""The retry schedule as an inline SVG bar chart: no script, no request, readable offline.

Two bars per retry, the shortest and the longest wait. Text is drawn in
``currentColor`` so it follows the page's light or dark scheme; bar colours use
Material's palette variables, with fixed fallbacks for a chart copied out of the site.
The chart always reads left to right, also inside right-to-left pages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from html import escape
from typing import Protocol

from transdocs.settings.reader import format_value
from transdocs.site.site_text import SiteText
from transdocs.site.units import Quantity, quantity_label

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 40, 48
SHORTEST_COLOUR = ("--md-default-fg-color--light", "#8a8a8a")
LONGEST_COLOUR = ("--md-primary-fg-color", "#4051b5")


def _fill(colour: tuple[str, str]) -> str:
    variable, fallback = colour
    return f'fill="{fallback}" style="fill: var({variable}, {fallback})"'


class ScheduleRow(Protocol):
    """One retry: its number and the bounds of the wait before it, in seconds."""

    @property
    def retry(self) -> int: ...
    @property
    def shortest(self) -> float: ...
    @property
    def longest(self) -> float: ...


def nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``ticks`` gridlines."""
    raw = max(top, 1e-9) / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _label_width(label: str) -> float:
    """Rough width in pixels at 13 px: CJK characters are about twice as wide as Latin ones."""
    return sum(13.0 if ord(char) >= 0x2E80 else 7.5 for char in label)


def _text(x: float, y: float, content: str, *, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="currentColor"{extra}>{escape(content)}</text>'


def _bar_title(text: SiteText, retry: int, label: str, value: float) -> str:
    """A bar's tooltip in the language's own word order and punctuation (``chart.bar``):
    French needs a no-break space before its colon, Chinese and Japanese a full-width one."""
    wait = quantity_label(Quantity(value, "second"), text.language)
    marks = {"{label}": label, "{retry}": str(retry), "{value}": wait}
    return re.sub(r"\{(?:label|retry|value)\}", lambda match: marks[match.group(0)], text["chart.bar"])


def render_chart(rows: Sequence[ScheduleRow], text: SiteText) -> str:
    """The schedule chart for ``rows`` (waits in seconds), labelled in ``text``'s language."""
    title, description = text["chart.title"], text["chart.description"]
    if not rows:
        return f"<p>{escape(text['schedule_table.none'])}</p>"
    step = nice_step(max(row.longest for row in rows))
    top = step * math.ceil(max(row.longest for row in rows) / step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(rows)
    bar = min(28.0, slot * 0.32)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="schedule-chart-title schedule-chart-desc" direction="ltr" '
        f'font-family="inherit" font-size="13">',
        f'<title id="schedule-chart-title">{escape(title)}</title>',
        f'<desc id="schedule-chart-desc">{escape(description)}</desc>',
    ]
    for index in range(round(top / step) + 1):
        value = index * step
        y = y_of(value)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="currentColor" stroke-opacity="{0.6 if index == 0 else 0.15}"/>'
        )
        parts.append(_text(LEFT - 8, y + 4, format_value(float(value)), anchor="end"))
    for index, row in enumerate(rows):
        centre = LEFT + slot * (index + 0.5)
        for offset, value, colour, label in (
            (-bar, row.shortest, SHORTEST_COLOUR, text["chart.shortest"]),
            (0.0, row.longest, LONGEST_COLOUR, text["chart.longest"]),
        ):
            y = y_of(value)
            parts.append(
                f'<rect x="{centre + offset:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{TOP + plot_h - y:.1f}" {_fill(colour)}>'
                f"<title>{escape(_bar_title(text, row.retry, label, value))}</title></rect>"
            )
        parts.append(_text(centre + bar / 2, y_of(row.longest) - 5, format_value(row.longest), extra=' font-size="11"'))
        parts.append(_text(centre, TOP + plot_h + 18, str(row.retry)))
    parts.append(_text(LEFT + plot_w / 2, HEIGHT - 8, text["chart.x_axis"]))
    parts.append(
        _text(16, TOP + plot_h / 2, text["chart.y_axis"], extra=f' transform="rotate(-90 16 {TOP + plot_h / 2:.1f})"')
    )
    legend_x: float = LEFT
    for colour, label in ((SHORTEST_COLOUR, text["chart.shortest"]), (LONGEST_COLOUR, text["chart.longest"])):
        parts.append(f'<rect x="{legend_x:.1f}" y="12" width="12" height="12" {_fill(colour)}/>')
        parts.append(_text(legend_x + 18, 22, label, anchor="start"))
        legend_x += 18 + _label_width(label) + 24
    parts.append("</svg>")
    return f'<figure class="llm-chart">{"".join(parts)}<figcaption>{escape(description)}</figcaption></figure>'
