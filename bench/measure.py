"""Timing and peak memory of child processes, and interleaved repetition.

Each measured thing runs in its own process, so its peak RSS is its own: ``RUSAGE_CHILDREN``
is a maximum over every child ever waited for and cannot tell them apart.
"""

from __future__ import annotations

import contextlib
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
# The interpreter that runs the benchmarks, and the scripts installed beside it: whichever
# environment the project is installed in, not necessarily .venv.
PYTHON = sys.executable
BIN = Path(sys.executable).parent
TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: a fair peak RSS (see _peak_wrapper)


def tool(name: str) -> str:
    """A console script of this environment (``mkdocs``, ``llm-backends``...), by its full path."""
    return str(BIN / name)


def missing(tools: Sequence[str], modules: Sequence[str]) -> list[str]:
    """Which of these console scripts and importable modules this environment lacks."""
    import importlib.util

    absent = [name for name in tools if not (BIN / name).exists()]
    return absent + [name for name in modules if importlib.util.find_spec(name) is None]


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for every child: no network price list, no MkDocs 2 banner, no LLM_* of the user.

    DOCS_LANGUAGE (build one language) goes too: a benchmark sets it when it means to.
    """
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("LLM_") and k != "DOCS_LANGUAGE"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode is what users run with
    env.update(LITELLM_LOCAL_MODEL_COST_MAP="True", NO_MKDOCS_2_WARNING="1")
    env.update(extra)
    return env


@dataclass(frozen=True)
class Sample:
    """One child process: wall time (s), peak resident memory (MB), exit code, output, and CPU
    time (s, user + system, its own children included: a shared machine's load leaves it be)."""

    wall: float
    peak_mb: float
    returncode: int
    output: str
    cpu: float = 0.0


class ChildFailed(RuntimeError):
    """A measured command exited non-zero: its numbers would be meaningless."""


class Child:
    """A measured child process, its output in a file (a full pipe cannot block it)."""

    def __init__(
        self, argv: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | str | None = None
    ) -> None:
        self.argv = [str(a) for a in argv]
        # Both live as long as the child, and wait() closes them.
        self._out = tempfile.TemporaryFile()  # noqa: SIM115
        self._peak = tempfile.NamedTemporaryFile("r")  # noqa: SIM115
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [*_peak_wrapper(self._peak.name), *self.argv],
            env=env or bench_env(),
            cwd=cwd,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            # A process group of its own (signal() stops the whole tree), but not a session: Linux
            # schedules each session as one group (autogroup), so a command in a new session gets
            # an equal share of a busy machine whatever its worker count, as if it ran in another
            # terminal. Kept in our session, it competes thread by thread with the load as a CI step
            # or a `make -j` target does, and using the cores counts on a loaded machine too.
            process_group=0,
            # Ctrl-C's signal as a user's terminal delivers it: a shell that starts this run in the
            # background ignores SIGINT, its children inherit that, and mkdocs serve (stopped with
            # it) would then run until the timeout kills it, GNU time with it, losing its peak RSS.
            preexec_fn=_interruptible,
        )

    def signal(self, signum: int) -> None:
        """Signal the child's whole process group (GNU time passes nothing on)."""
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)

    def alive(self) -> bool:
        """Still running? Asked without reaping it, so wait() still gets its resource usage."""
        if self.process.returncode is not None:
            return False
        return os.waitid(os.P_PID, self.process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None

    def output(self) -> str:
        self._out.seek(0)
        return self._out.read().decode("utf-8", "replace")

    def wait(self, timeout: float = 600, check: bool = True) -> Sample:
        """Wait for the exit (killing the child after ``timeout`` s); its wall time, peak RSS, output."""
        timer = threading.Timer(timeout, self.signal, (signal.SIGKILL,))
        timer.start()
        try:
            _, status, usage = os.wait4(self.process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        peak_kb = _read_peak(self._peak.read()) if TIME else usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime  # GNU time's usage holds the child it waited for
        sample = Sample(wall, peak_kb / 1024, self.process.returncode, self.output(), cpu)
        self._out.close()
        self._peak.close()
        if check and sample.returncode != 0:
            raise ChildFailed(f"{' '.join(self.argv)} exited {sample.returncode}:\n{sample.output[-3000:]}")
        return sample


def _interruptible() -> None:
    """In the child, before it runs the command: SIGINT does what it does by default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_child(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    timeout: float = 600,
    check: bool = True,
) -> Sample:
    """Run ``argv`` to completion; raise ChildFailed on a non-zero exit unless ``check`` is false."""
    return Child(argv, env=env, cwd=cwd).wait(timeout, check)


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


def interleaved(commands: Mapping[str, Callable[[], Sample]], runs: int, warmup: int = 1) -> dict[str, list[Sample]]:
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


def around(
    short: Callable[[], Sample], long: Callable[[], Sample], rounds: int, each: int
) -> list[tuple[list[Sample], Sample]]:
    """``rounds`` rounds of ``long`` once with ``short`` run ``each`` times around it, half before and
    half after (one more before when ``each`` is odd).

    On a machine whose load changes from second to second, a run of a few seconds sees the load of
    its moment and one of a minute sees the minute's average: one short run against one long run
    compares two different loads. Short runs spread over the time around the long one see about
    what it sees: compare their mean (:func:`spread_ratio`).
    """
    found: list[tuple[list[Sample], Sample]] = []
    for _ in range(rounds):
        before = [short() for _ in range(each - each // 2)]
        middle = long()
        found.append((before + [short() for _ in range(each // 2)], middle))
    return found


def spread_ratio(rounds: Sequence[tuple[Sequence[Sample], Sample]], measure: Callable[[Sample], float]) -> float:
    """Median over rounds of (mean ``measure`` of the short runs) / ``measure`` of the long run (see :func:`around`)."""
    return median(
        [statistics.fmean(measure(s) for s in shorts) / measure(long) for shorts, long in rounds if measure(long) > 0]
    )


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def paired_ratio(first: Sequence[Sample], second: Sequence[Sample]) -> float:
    """Median over rounds of first/second: each pair ran back to back, under the same load."""
    return median([a.wall / b.wall for a, b in zip(first, second, strict=True)])


def median_wall(samples: Sequence[Sample]) -> float:
    return median([s.wall for s in samples])


def median_cpu(samples: Sequence[Sample]) -> float:
    return median([s.cpu for s in samples])


def paired_cpu_ratio(first: Sequence[Sample], second: Sequence[Sample]) -> float:
    """Median over rounds of first/second CPU time (runs made back to back)."""
    return median([a.cpu / b.cpu for a, b in zip(first, second, strict=True) if b.cpu > 0])


def peak_mb(samples: Sequence[Sample]) -> float:
    return max((s.peak_mb for s in samples), default=float("nan"))
