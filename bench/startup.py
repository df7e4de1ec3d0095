"""Start-up cost: ``import llm_backends`` and ``llm-backends config`` against ``import litellm``.

Every run is a fresh interpreter. Net cost subtracts the median of a bare ``python -c pass``,
so the comparison is about what each import adds, not how fast Python starts.
"""

from __future__ import annotations

import tempfile

from measure import PYTHON, bench_env, interleaved, median_wall, peak_mb, run_child, tool
from report import Result, Row

# Goal: importing (or running the CLI) costs at most this share of litellm's import.
SHARE_OF_LITELLM = 0.05


def run(quick: bool) -> Result:
    env = bench_env()
    with tempfile.TemporaryDirectory() as cwd:  # no config.toml around for the CLI to read
        commands = {
            "python": [PYTHON, "-c", "pass"],
            "llm_backends": [PYTHON, "-c", "import llm_backends"],
            "cli": [tool("llm-backends"), "config"],
            "litellm": [PYTHON, "-c", "import litellm"],
        }
        samples = interleaved(
            {name: (lambda argv=argv: run_child(argv, env=env, cwd=cwd)) for name, argv in commands.items()},
            runs=3 if quick else 10,
            warmup=0 if quick else 1,
        )
    wall = {name: median_wall(runs) for name, runs in samples.items()}
    net = {name: wall[name] - wall["python"] for name in commands if name != "python"}
    peak = {name: peak_mb(runs) for name, runs in samples.items()}
    result = Result("import")
    result.data = {
        "runs": len(samples["python"]),
        "wall_median_s": wall,
        "net_median_s": net,
        "peak_rss_mb": peak,
        "wall_runs_s": {name: [round(s.wall, 4) for s in runs] for name, runs in samples.items()},
    }
    result.rows = [
        Row(
            "import llm_backends, net / import litellm, net",
            net["llm_backends"] / net["litellm"],
            "%",
            SHARE_OF_LITELLM,
        ),
        Row("llm-backends config, net / import litellm, net", net["cli"] / net["litellm"], "%", SHARE_OF_LITELLM),
        Row("import llm_backends, net", net["llm_backends"], "s"),
        Row("llm-backends config, net", net["cli"], "s"),
        Row("import litellm, net", net["litellm"], "s"),
        Row("python -c pass (subtracted)", wall["python"], "s"),
        Row("import llm_backends, wall", wall["llm_backends"], "s"),
        Row("llm-backends config, wall", wall["cli"], "s"),
        Row("import litellm, wall", wall["litellm"], "s"),
        Row("peak RSS: python -c pass", peak["python"], "MB"),
        Row("peak RSS: import llm_backends", peak["llm_backends"], "MB"),
        Row("peak RSS: llm-backends config", peak["cli"], "MB"),
        Row("peak RSS: import litellm", peak["litellm"], "MB"),
    ]
    return result
