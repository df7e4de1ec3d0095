"""Per-call overhead: ``llm_backends.completion`` against a bare ``litellm.completion``.

Both talk to the local test server over loopback HTTP (the server in its own process,
so it does not share a GIL with the caller), with the same arguments: retries off, same
timeout, same drop_params. One worker process alternates small batches of each after a
warm-up; two more run one side each, for their peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from measure import BENCH, PYTHON, Sample, bench_env, median, run_child
from report import Result, Row

MAX_SLOWDOWN = 1.05  # goal: at most 5% slower than litellm alone
MODEL = "openai/test-model"
API_KEY = "sk-bench-not-a-real-key"
MESSAGES = [{"role": "user", "content": "Say hello."}]


@contextmanager
def test_server() -> Iterator[str]:
    """The benchmark's provider (provider.py) in a child process; yields its base URL."""
    process = subprocess.Popen(
        [PYTHON, str(BENCH / "provider.py")], env=bench_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def run(quick: bool) -> Result:
    calls, memory_calls = (40, 10) if quick else (400, 50)
    with test_server() as url:
        both = _worker(url, "both", calls=calls, warmup=5 if quick else 30)
        alone = {mode: _worker(url, mode, calls=memory_calls, warmup=0) for mode in ("ours", "bare")}
    times = json.loads(both.output.strip().splitlines()[-1])
    wall = {name: median(times[name]["wall"]) for name in times}
    cpu = {name: median(times[name]["cpu"]) for name in times}
    result = Result("calls")
    result.data = {
        "calls_each": len(times["ours"]["wall"]),
        "median_wall_s": wall,
        "median_cpu_s": cpu,
        "overhead_wall_s": wall["ours"] - wall["bare"],
        "peak_rss_mb": {"both": both.peak_mb, **{mode: s.peak_mb for mode, s in alone.items()}},
    }
    result.rows = [
        Row("llm_backends.completion / litellm.completion", wall["ours"] / wall["bare"], "x", MAX_SLOWDOWN),
        Row("llm_backends.completion, median per call", wall["ours"], "s"),
        Row("litellm.completion, median per call", wall["bare"], "s"),
        Row("CPU time per call, llm_backends / litellm (less noisy)", cpu["ours"] / cpu["bare"], "x"),
        Row("peak RSS: llm_backends.completion process", alone["ours"].peak_mb, "MB"),
        Row("peak RSS: litellm.completion process", alone["bare"].peak_mb, "MB"),
    ]
    return result


def _worker(url: str, mode: str, *, calls: int, warmup: int) -> Sample:
    argv = [
        PYTHON,
        str(BENCH / "calls.py"),
        "--worker",
        url,
        "--mode",
        mode,
        "--calls",
        str(calls),
        "--warmup",
        str(warmup),
    ]
    return run_child(argv, cwd=BENCH, timeout=300)


# --- the worker: runs in its own process --------------------------------------------


def _callers(url: str, mode: str) -> dict[str, Callable[[], Any]]:
    os.environ.update(LLM_BASE_URL=url, LLM_MODEL=MODEL, LLM_API_KEY=API_KEY)
    import litellm

    import llm_backends

    settings = llm_backends.load_settings()
    bare_arguments = {
        "model": MODEL,
        "messages": MESSAGES,
        "api_base": url,
        "api_key": API_KEY,
        "timeout": settings.timeout,
        "drop_params": settings.drop_params,
        "num_retries": 0,
        "max_retries": 0,
    }
    callers = {
        "ours": lambda: llm_backends.completion(MESSAGES),
        "bare": lambda: litellm.completion(**bare_arguments),
    }
    return callers if mode == "both" else {mode: callers[mode]}


def _timed(call: Callable[[], Any], count: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each call (CPU time is what the caller's own code costs)."""
    walls, cpus = [], []
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        reply = call()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        if not reply.choices[0].message.content:
            raise RuntimeError("empty reply from the test server")
    return walls, cpus


def worker(url: str, mode: str, calls: int, warmup: int, batch: int = 5) -> dict[str, dict[str, list[float]]]:
    """Alternate small batches (ours, bare, then bare, ours...) so drift in machine load hits both."""
    callers = _callers(url, mode)
    for call in callers.values():
        _timed(call, warmup)
    names = list(callers)
    times: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in names}
    for round_number in range(-(-calls // batch)):
        for name in names if round_number % 2 == 0 else names[::-1]:
            walls, cpus = _timed(callers[name], min(batch, calls - len(times[name]["wall"])))
            times[name]["wall"] += walls
            times[name]["cpu"] += cpus
    return times


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="worker for the per-call benchmark")
    parser.add_argument("--worker", required=True, metavar="URL")
    parser.add_argument("--mode", choices=["both", "ours", "bare"], default="both")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(worker(args.worker, args.mode, args.calls, args.warmup)))
    sys.exit(0)
