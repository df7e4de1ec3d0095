"""Results of a run: goal rows, the text table, JSON, and the README's Performance section."""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from measure import PYTHON, bench_env, run_child

README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Row:
    """One measured value; ``limit`` is the goal's upper bound (None: reported, no goal)."""

    label: str
    value: float
    unit: str  # "s", "MB", "x" (a ratio), "%" (a fraction shown as percent)
    limit: float | None = None

    @property
    def passed(self) -> bool | None:
        if self.limit is None:
            return None
        return not math.isnan(self.value) and self.value <= self.limit

    def as_dict(self) -> dict[str, Any]:
        value = None if math.isnan(self.value) else self.value  # JSON has no NaN
        return {**asdict(self), "value": value, "goal": goal_text(self), "pass": self.passed}


@dataclass
class Result:
    """What one benchmark returns: rows for the table, raw numbers, and caveats worth reading."""

    name: str
    rows: list[Row] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"rows": [row.as_dict() for row in self.rows], "data": self.data, "notes": self.notes}


def format_value(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.3f}×"
    if unit == "%":
        return f"{value * 100:.1f} %"
    return f"{value:g}"


def goal_text(row: Row) -> str:
    return "" if row.limit is None else f"≤ {format_value(row.limit, row.unit)}"


def verdict(passed: bool | None) -> str:
    return {None: "", True: "PASS", False: "FAIL"}[passed]


def machine() -> dict[str, Any]:
    """Where the numbers come from: they mean little without it."""
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    probe = (
        "import sys, importlib.metadata as m; "
        "print(sys.version.split()[0], m.version('litellm'), m.version('mkdocs'), m.version('mkdocs-material'))"
    )
    python, litellm, mkdocs, material = run_child([PYTHON, "-c", probe], env=bench_env()).output.split()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": python,
        "litellm": litellm,
        "mkdocs": mkdocs,
        "mkdocs_material": material,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def to_json(meta: dict[str, Any], results: list[Result]) -> dict[str, Any]:
    rows = [row for result in results for row in result.rows]
    return {
        "meta": meta,
        "benchmarks": {result.name: result.as_dict() for result in results},
        "summary": {
            "passed": sum(row.passed is True for row in rows),
            "failed": sum(row.passed is False for row in rows),
        },
    }


def _cells(report: dict[str, Any]) -> list[list[str]]:
    return [
        [name, row["label"], format_value(row["value"], row["unit"]), row["goal"], verdict(row["pass"])]
        for name, bench in report["benchmarks"].items()
        for row in bench["rows"]
    ]


HEADERS = ["benchmark", "measurement", "value", "goal", "result"]


def text_table(report: dict[str, Any]) -> str:
    cells = _cells(report)
    widths = [max(len(c) for c in column) for column in zip(HEADERS, *cells, strict=False)]
    lines = [HEADERS, ["-" * w for w in widths], *cells]
    table = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)
    return "\n".join([table, *_note_lines(report), _summary_line(report)])


def _note_lines(report: dict[str, Any]) -> list[str]:
    return [f"note ({name}): {note}" for name, bench in report["benchmarks"].items() for note in bench["notes"]]


def _summary_line(report: dict[str, Any]) -> str:
    summary = report["summary"]
    return f"goals: {summary['passed']} passed, {summary['failed']} failed"


def markdown(report: dict[str, Any], heading: bool = True) -> str:
    """The README's Performance section (without its heading when it goes between the markers)."""
    meta = report["meta"]
    lines = ["## Performance", ""] if heading else []
    lines += [
        f"Measured by `python bench/run.py` on {meta['date']}: {meta['cpu']}, {meta['cores']} cores, "
        f"Python {meta['python']}, litellm {meta['litellm']}, MkDocs {meta['mkdocs']}, "
        f"Material {meta['mkdocs_material']}. Medians of interleaved runs on a shared machine "
        f"(load average at start {meta['load_average'][0]}); ratios compare runs made side by side. "
        "Run it again with `python bench/run.py` (`--only NAME`, `--quick`, `--json`; "
        "`--update-readme` rewrites this section).",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
        *("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in _cells(report)),
    ]
    notes = _note_lines(report)
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    lines += ["", _summary_line(report) + "."]
    return "\n".join(lines)


def update_readme(readme: Path, report: dict[str, Any]) -> None:
    """Rewrite the block between the bench markers; add it under "## Performance" if missing."""
    text = readme.read_text(encoding="utf-8")
    block = f"{README_START}\n{markdown(report, heading=False)}\n{README_END}"
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + f"\n\n## Performance\n\n{block}\n"
    readme.write_text(text, encoding="utf-8")


def save(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
