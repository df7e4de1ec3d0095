"""Timing and peak memory of child processes, and interleaved repetition.

Each measured thing runs in its own process, so its peak RSS is its own: ``RUSAGE_CHILDREN``
is a maximum over every child ever waited for and cannot tell them apart.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
VENV_BIN = REPO / ".venv" / "bin"
TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: a fair peak RSS (see _peak_wrapper)
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for every child: no network price list, no MkDocs 2 banner, no LLM_* of the user."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("LLM_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode is what users run with
    env.update(LITELLM_LOCAL_MODEL_COST_MAP="True", NO_MKDOCS_2_WARNING="1")
    env.update(extra)
    return env


@dataclass(frozen=True)
class Sample:
    """One child process: wall time (s), peak resident memory (MB), exit code and output."""

    wall: float
    peak_mb: float
    returncode: int
    output: str


class ChildFailed(RuntimeError):
    """A measured command exited non-zero: its numbers would be meaningless."""


def run_child(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    timeout: float = 600,
    check: bool = True,
) -> Sample:
    """Run ``argv`` to completion; its output is kept (in a file, so a full pipe cannot block it)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak_file:
        start = time.perf_counter()
        process = subprocess.Popen(
            [*_peak_wrapper(peak_file.name), *argv], env=env or bench_env(), cwd=cwd,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
        timer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
        peak_kb = _read_peak(peak_file.read()) if TIME else usage.ru_maxrss
    sample = Sample(wall=wall, peak_mb=peak_kb / 1024, returncode=process.returncode, output=output)
    if check and sample.returncode != 0:
        raise ChildFailed(f"{' '.join(map(str, argv))} exited {sample.returncode}:\n{output[-3000:]}")
    return sample


def _peak_wrapper(peak_path: str) -> list[str]:
    """Have GNU time, a small forked C program, report the peak RSS.

    A child forked from this Python process starts with a copy of this process's resident
    memory, and Linux counts that towards the child's ru_maxrss: small children would look
    as big as the runner.
    """
    return [TIME, "-f", "%M", "-o", peak_path, "--"] if TIME else []


def _read_peak(text: str) -> int:
    # GNU time writes "Command exited with non-zero status N" first when the child fails.
    return int(text.split()[-1]) if text.strip() else 0


def interleaved(
    commands: Mapping[str, Callable[[], Sample]], runs: int, warmup: int = 1
) -> dict[str, list[Sample]]:
    """Run every command ``runs`` times, round-robin, rotating who goes first.

    On a shared, noisy machine a slow spell then hits every command alike,
    so ratios stay fair even when absolute times drift.
    """
    names = list(commands)
    for _ in range(warmup):
        for name in names:
            commands[name]()
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for round_number in range(runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(commands[name]())
    return samples


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def median_wall(samples: Sequence[Sample]) -> float:
    return median([s.wall for s in samples])


def peak_mb(samples: Sequence[Sample]) -> float:
    return max((s.peak_mb for s in samples), default=float("nan"))
