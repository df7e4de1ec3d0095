"""The cores other work leaves idle while a run starts: the worker pool takes only those (as ``make -l``).

A worker pays only on a core nobody else wants. On a machine that other work keeps busy (a shared CI
runner, a build beside), Linux shares the CPU by session (``sched_autogroup``), so more workers get no
more of it, and each costs work of its own (its caches, the memory it copies). Measured beside other
sessions' work: 1,020 pages took the same wall time with two workers as with one, and 8 % more CPU.

:class:`IdleClock` reads the kernel's idle time of this process's cores (``/proc/stat``) when a run
starts and again when it is about to start workers: the cores that stayed idle meanwhile are free.
Where that cannot be read (not Linux), or the while was too short to tell, every core counts as free.
"""

from __future__ import annotations

import os
from pathlib import Path

STAT = Path("/proc/stat")
MIN_TICKS = 10  # a core's clock ticks (1/100 s) needed to tell idle from busy: a shorter while tells nothing


def usable_cores() -> frozenset[int]:
    """The cores this process may run on."""
    try:
        return frozenset(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return frozenset(range(os.cpu_count() or 1))


def idle_ticks(stat: str, cores: frozenset[int]) -> tuple[int, int] | None:
    """The idle and all clock ticks of ``cores`` since boot, from a ``/proc/stat`` text; None if it lists none."""
    idle = total = 0
    listed = False
    for line in stat.splitlines():
        name, _, ticks = line.partition(" ")
        number = name[3:]
        if not (name.startswith("cpu") and number.isdigit() and int(number) in cores):
            continue
        # user nice system idle iowait irq softirq steal (guest time is counted in user already)
        counts = [int(count) for count in ticks.split()[:8] if count.isdigit()]
        if len(counts) < 5:
            return None
        idle += counts[3] + counts[4]
        total += sum(counts)
        listed = True
    return (idle, total) if listed else None


def _read_ticks(cores: frozenset[int]) -> tuple[int, int] | None:
    try:
        return idle_ticks(STAT.read_text(encoding="ascii"), cores)
    except (OSError, ValueError):
        return None


class IdleClock:
    """Started when a run starts; :meth:`free` tells how many of its cores stayed idle since."""

    def __init__(self) -> None:
        self.cores = usable_cores()
        self.start = _read_ticks(self.cores)

    def free(self) -> float | None:
        """Cores idle since the start, on average (None: not known)."""
        now = _read_ticks(self.cores)
        if self.start is None or now is None:
            return None
        idle, total = now[0] - self.start[0], now[1] - self.start[1]
        if total < MIN_TICKS * len(self.cores):
            return None
        return len(self.cores) * idle / total

    def workers(self) -> int:
        """This process and one worker a free core: at least one, at most a core each."""
        free = self.free()
        if free is None:
            return len(self.cores)
        return max(1, min(len(self.cores), 1 + int(free + 0.5)))
