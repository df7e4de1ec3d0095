"""Site build: the six-language ``mkdocs build --strict`` against the same pages in English
only, and against the same six languages without our plugin; then the ``mkdocs serve``
edit-and-reload loop (see ``reload.py``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docsproject
import reload
from measure import (
    ChildFailed,
    Sample,
    interleaved,
    median_cpu,
    median_wall,
    paired_cpu_ratio,
    paired_ratio,
    peak_mb,
    run_child,
    tool,
)
from report import Result, Row

MAX_PLUGIN_COST = 1.10  # goal: the transdocs plugin adds at most 10% to the six-language build
MKDOCS = tool("mkdocs")


def _builder(config: Path, site: Path, strict: bool) -> Sample:
    argv = [MKDOCS, "build", "-f", config, "-d", site, *(["--strict"] if strict else [])]
    return run_child(argv, cwd=config.parent, timeout=600)


def run(quick: bool) -> Result:
    result = Result("site")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        project = docsproject.copy_project(Path(tmp) / "project")
        configs = {
            "six languages": project.config,
            "English only": docsproject.default_language_only(project.config),
            "six languages, no plugin": docsproject.without_our_code(project.config),
            # The plugin compiles the theme's templates once for all languages; this variant does
            # the same without the plugin, so the plugin's own work shows apart from that saving.
            "six languages, no plugin, templates compiled once": {
                **docsproject.without_our_code(project.config),
                "hooks": [str(Path(__file__).with_name("template_cache_hook.py"))],
            },
        }
        paths = {
            name: docsproject.write_config(config, project.root / f"mkdocs.{index}.yml")
            for index, (name, config) in enumerate(configs.items())
        }
        result.notes.append(
            "'no plugin' also leaves out the theme overrides and extra_css: "
            "their templates need what the plugin adds to the page context"
        )
        strict = {name: _passes_strict(path, Path(tmp) / "probe") for name, path in paths.items()}
        for name, passes in strict.items():
            if not passes:
                result.notes.append(f"'{name}' fails --strict, so it is timed without --strict")
        samples = interleaved(
            {name: (lambda p=path, s=strict[name]: _builder(p, Path(tmp) / "site", s)) for name, path in paths.items()},
            runs=1 if quick else 5,
            warmup=0,  # the --strict probe above already built each variant once
        )
        wall = {name: median_wall(runs) for name, runs in samples.items()}
        reloads = reload.measure(project, quick)
    result.data = {
        "runs": len(samples["six languages"]),
        "strict": strict,
        "build_median_s": wall,
        "ratios": "median over rounds of the ratio of builds run back to back",
        "build_runs_s": {name: [round(s.wall, 3) for s in runs] for name, runs in samples.items()},
        "peak_rss_mb": {name: peak_mb(runs) for name, runs in samples.items()},
        "reload": reloads.data,
    }
    six = samples["six languages"]
    result.rows = [
        Row(
            "six languages / six languages without the plugin",
            paired_ratio(six, samples["six languages, no plugin"]),
            "x",
            MAX_PLUGIN_COST,
        ),
        Row(
            "six languages / without the plugin, CPU time (steadier on a busy machine)",
            paired_cpu_ratio(six, samples["six languages, no plugin"]),
            "x",
        ),
        Row(
            "six languages / without the plugin, templates compiled once as the plugin does, CPU (its own work)",
            paired_cpu_ratio(six, samples["six languages, no plugin, templates compiled once"]),
            "x",
        ),
        Row("six languages / English only", paired_ratio(six, samples["English only"]), "x"),
        *(Row(f"mkdocs build, {name}", seconds, "s") for name, seconds in wall.items()),
        *(Row(f"mkdocs build, {name}, CPU", median_cpu(runs), "s") for name, runs in samples.items()),
        *reloads.rows,
        *(Row(f"peak RSS: mkdocs build, {name}", peak_mb(runs), "MB") for name, runs in samples.items()),
        *reloads.memory_rows,
    ]
    result.notes += reloads.notes
    return result


def _passes_strict(config: Path, site: Path) -> bool:
    try:
        _builder(config, site, strict=True)
    except ChildFailed:
        return False
    return True
