"""Worker processes only on the cores other work leaves idle (``transdocs.free_cores``), never a
different finding."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.test_check_docs_cache import _project, _settings, _tree
from transdocs import batch, free_cores
from transdocs.batch import check_paths
from transdocs.free_cores import IdleClock, idle_ticks

# Two cores of /proc/stat, a second apart: cpu0 busy all along, cpu1 idle a quarter of it (iowait counts as idle).
BEFORE = "cpu  900 0 100 2000 0 0 0 0 0 0\ncpu0 500 0 50 1000 0 0 0 0 0 0\ncpu1 400 0 50 1000 0 0 0 0 0 0\nintr 1\n"
AFTER = "cpu  1075 0 100 2020 5 0 0 0 0 0\ncpu0 600 0 50 1000 0 0 0 0 0 0\ncpu1 475 0 50 1020 5 0 0 0 0 0\nintr 2\n"


def test_idle_ticks_are_the_usable_cores_idle_and_iowait() -> None:
    assert idle_ticks(BEFORE, frozenset({0, 1})) == (2000, 3000)
    assert idle_ticks(AFTER, frozenset({0, 1})) == (2025, 3200)
    assert idle_ticks(AFTER, frozenset({1})) == (1025, 1550)
    assert idle_ticks(AFTER, frozenset({7})) is None  # a core it does not list
    assert idle_ticks("cpu0 1 2\n", frozenset({0})) is None  # too few fields to read


def _clock(monkeypatch: pytest.MonkeyPatch, *stats: str, cores: frozenset[int] = frozenset({0, 1})) -> IdleClock:
    texts = iter(stats)
    monkeypatch.setattr(free_cores, "usable_cores", lambda: cores)
    monkeypatch.setattr(free_cores, "_read_ticks", lambda wanted: idle_ticks(next(texts), wanted))
    return IdleClock()


def test_a_free_core_gets_a_worker_and_a_busy_one_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _clock(monkeypatch, BEFORE, AFTER)
    assert clock.free() == pytest.approx(2 * 25 / 200)
    assert _clock(monkeypatch, BEFORE, AFTER).workers() == 1  # a quarter of one core idle: no worker for it
    idle = AFTER.replace("cpu1 475 0 50 1020 5", "cpu1 400 0 50 1100 0")
    assert _clock(monkeypatch, BEFORE, idle).workers() == 2  # one core busy (this run), one idle
    eight = frozenset(range(8))
    stat = "".join(f"cpu{n} 0 0 0 1000 0 0 0 0 0 0\n" for n in range(8))
    later = "".join(f"cpu{n} {100 * (n >= 5)} 0 0 {1000 + 100 * (n < 5)} 0 0 0 0 0 0\n" for n in range(8))
    assert _clock(monkeypatch, stat, later, cores=eight).workers() == 6  # five idle cores and this run's


def test_what_cannot_be_told_counts_every_core_as_free(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _clock(monkeypatch, BEFORE, BEFORE).workers() == 2  # no tick passed: too short a while to tell
    assert _clock(monkeypatch, "", AFTER).workers() == 2  # no /proc/stat to read
    assert _clock(monkeypatch, BEFORE, "cpu0 1 2\n").workers() == 2


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="reads Linux's /proc/stat")
def test_cores_kept_busy_are_not_free() -> None:
    cores = len(os.sched_getaffinity(0))
    spin = "import time\nend = time.monotonic() + 5\nwhile time.monotonic() < end: pass"
    busy = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(cores)]
    try:
        time.sleep(0.3)  # the loops are running
        clock = IdleClock()
        time.sleep(0.5)
        free = clock.free()
    finally:
        for process in busy:
            process.kill()
            process.wait()
    assert free is not None
    assert free < 0.5
    assert clock.workers() == 1


def _pools(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    pools: list[str] = []
    real_context = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        pools.append(str(method))
        return real_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    monkeypatch.setattr(batch, "POOL_THRESHOLD", 10)
    return pools


def test_workers_only_on_free_cores_and_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _tree(tmp_path, 60)
    project = _project(_settings(tmp_path, 3))
    serial = check_paths([str(docs)], project=project, jobs=1, use_cache=False)
    pools = _pools(monkeypatch)
    monkeypatch.setattr(free_cores, "usable_cores", lambda: frozenset({0, 1}))
    monkeypatch.setattr(IdleClock, "workers", lambda self: 1)
    assert check_paths([str(docs)], project=project, use_cache=False) == serial
    assert pools == []  # the other core was busy: no worker
    assert check_paths([str(docs)], project=project, jobs=2, use_cache=False) == serial
    assert pools == ["fork"]  # asked for on the command line: two workers all the same
    monkeypatch.setattr(IdleClock, "workers", lambda self: 2)
    assert check_paths([str(docs)], project=project, use_cache=False) == serial
    assert pools == ["fork", "fork"]
