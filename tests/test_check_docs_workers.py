"""Tasks shared by this process and forked workers (transdocs.workers), and Ctrl-C on a large run."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.docs_tree import make_docs_tree
from transdocs.workers import WorkerFailed, share

PARENT = os.getpid()


def _square(n: int) -> tuple[int, int, int]:
    time.sleep(0.003)  # long enough for every worker to take tasks before this process takes them all
    return n, n * n, os.getpid()


def _fails_in_a_worker(n: int) -> int:
    time.sleep(0.003)
    if os.getpid() != PARENT:
        raise ValueError(f"task {n} failed in a worker")
    return n


def _dies_in_a_worker(n: int) -> int:
    time.sleep(0.003)
    if os.getpid() != PARENT:
        os._exit(3)
    return n


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A run that waits forever for a worker fails here instead of hanging the suite."""
    signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.alarm(60)
    yield
    signal.alarm(0)
    assert multiprocessing.active_children() == []  # every worker was stopped and reaped


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_every_task_runs_exactly_once_in_this_process_and_each_worker(processes: int) -> None:
    results = list(share(range(150), _square, processes))
    assert sorted((n, square) for n, square, _ in results) == [(n, n * n) for n in range(150)]
    pids = {pid for _, _, pid in results}
    assert PARENT in pids  # this process works too
    assert len(pids) == processes


def test_an_error_in_a_worker_is_raised_in_the_run() -> None:
    with pytest.raises(ValueError, match="failed in a worker"):
        list(share(range(150), _fails_in_a_worker, 2))


def test_a_worker_that_dies_fails_the_run_instead_of_losing_its_tasks() -> None:
    with pytest.raises(WorkerFailed, match="exit code 3"):
        list(share(range(150), _dies_in_a_worker, 2))


def test_a_caller_that_stops_reading_stops_the_workers() -> None:
    results = share(range(10_000), _square, 3)
    next(results)
    results.close()  # the autouse fixture checks that no worker is left


def test_ctrl_c_stops_a_large_run_with_one_line_and_leaves_no_process(tmp_path: Path) -> None:
    docs = make_docs_tree(tmp_path, 400)  # 2,400 pages: workers are forked
    env = {**os.environ, "CHECK_DOCS_CACHE": "0"}
    run = subprocess.Popen(
        [sys.executable, "-m", "transdocs.cli", "--jobs", "2", str(docs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,  # no project configuration of ours
        process_group=0,  # Ctrl-C reaches the whole group, as from a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers = _children(run.pid)
    while not workers and run.poll() is None:
        time.sleep(0.02)
        workers = _children(run.pid)
    assert workers, "the run ended before it forked a worker"
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert (run.returncode, err.decode()) == (130, "check-docs: interrupted\n")
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []
