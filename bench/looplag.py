"""Event-loop lag: ``llm_backends.acompletion`` against a bare ``litellm.acompletion``.

A ticker task sleeps 1 ms again and again and records how late it wakes: the longest
delay is how long the loop was blocked. Measured for the first 200 concurrent calls of
a process (where litellm is imported: off the loop for us, by the user's own ``import
litellm`` before the loop for bare litellm) and for later rounds of 200 concurrent calls,
ours and bare alternating in one process, against the local test server in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from calls import API_KEY, MESSAGES, MODEL, test_server
from measure import BENCH, PYTHON, median, run_child
from report import Result, Row

MAX_RATIO = 1.2  # goal: 200 concurrent calls block the loop at most 1.2x as long as litellm's own
CONCURRENT = 200
TICK = 0.001


def run(quick: bool) -> Result:
    rounds = 2 if quick else 8
    with test_server() as url:
        first = {mode: median([_first_calls(url, mode) for _ in range(1 if quick else 3)]) for mode in ("ours", "bare")}
        sample = run_child(
            [PYTHON, str(BENCH / "looplag.py"), "--worker", url, "--rounds", str(rounds)], cwd=BENCH, timeout=900
        )
    lags = json.loads(sample.output.strip().splitlines()[-1])
    lag = {mode: median(lags[mode]) for mode in lags}
    result = Result("looplag")
    result.data = {"concurrent": CONCURRENT, "rounds": rounds, "longest_stall_s": lags, "first_call_stall_s": first}
    result.rows = [
        Row(f"loop stall, {CONCURRENT} concurrent acompletion / litellm's", lag["ours"] / lag["bare"], "x", MAX_RATIO),
        Row(f"loop stall, {CONCURRENT} concurrent llm_backends.acompletion", lag["ours"], "s"),
        Row(f"loop stall, {CONCURRENT} concurrent litellm.acompletion", lag["bare"], "s"),
        Row(
            f"loop stall, first {CONCURRENT} calls of a process / litellm's",
            first["ours"] / first["bare"],
            "x",
            MAX_RATIO,
        ),
        Row(
            f"loop stall, first {CONCURRENT} llm_backends.acompletion (litellm imported meanwhile)", first["ours"], "s"
        ),
        Row(f"loop stall, first {CONCURRENT} litellm.acompletion (litellm imported before)", first["bare"], "s"),
    ]
    return result


def _first_calls(url: str, mode: str) -> float:
    sample = run_child([PYTHON, str(BENCH / "looplag.py"), "--worker", url, "--first", mode], cwd=BENCH, timeout=300)
    return float(json.loads(sample.output.strip().splitlines()[-1]))


# --- the worker: runs in its own process --------------------------------------------


async def _longest_stall(start: Callable[[], Awaitable[Any]]) -> float:
    """How long the loop was blocked at most while ``start()`` ran, seen by a task that ticks every TICK.

    The work is started once the ticker runs: tasks created before it would run first, unseen.
    """
    stalls: list[float] = [0.0]
    done = False

    async def tick() -> None:
        while not done:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            stalls.append(time.perf_counter() - before - TICK)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)
    try:
        await start()
    finally:
        done = True
        await ticker
    return max(stalls)


def _ours(url: str) -> Callable[[], Awaitable[Any]]:
    os.environ.update(LLM_BASE_URL=url, LLM_MODEL=MODEL, LLM_API_KEY=API_KEY)
    import llm_backends

    return lambda: llm_backends.acompletion(MESSAGES)


def _bare(url: str) -> Callable[[], Awaitable[Any]]:
    """The same request with litellm alone: retries off, the same timeout and drop_params."""
    import litellm

    from llm_backends import LLMSettings

    defaults = LLMSettings()
    arguments = {
        "model": MODEL,
        "messages": MESSAGES,
        "api_base": url,
        "api_key": API_KEY,
        "timeout": defaults.timeout,
        "drop_params": defaults.drop_params,
        "num_retries": 0,
        "max_retries": 0,
    }
    return lambda: litellm.acompletion(**arguments)


def _many(call: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
    """CONCURRENT calls at once, started when the returned function is called."""
    return lambda: asyncio.gather(*[call() for _ in range(CONCURRENT)])


async def first_calls(url: str, mode: str) -> float:
    """The first CONCURRENT calls of a process: ours imports litellm meanwhile, off the loop; a user of
    bare litellm imports it before the loop runs."""
    call = _ours(url) if mode == "ours" else _bare(url)
    return await _longest_stall(_many(call))


async def concurrent(url: str, rounds: int) -> dict[str, list[float]]:
    """Rounds of CONCURRENT calls, ours and bare alternating, after one warm-up round each."""
    callers = {"ours": _ours(url), "bare": _bare(url)}
    lags: dict[str, list[float]] = {name: [] for name in callers}
    names = list(callers)
    for number in range(rounds + 1):
        for name in names if number % 2 == 0 else names[::-1]:
            lag = await _longest_stall(_many(callers[name]))
            if number:  # the first round warms clients and caches
                lags[name].append(lag)
    return lags


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="worker for the event-loop lag benchmark")
    parser.add_argument("--worker", required=True, metavar="URL")
    parser.add_argument("--first", choices=["ours", "bare"])
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    if args.first:
        print(json.dumps(asyncio.run(first_calls(args.worker, args.first))))
    else:
        print(json.dumps(asyncio.run(concurrent(args.worker, args.rounds))))
    sys.exit(0)
