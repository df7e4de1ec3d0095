"""Checking many pages: unchanged ones from the page cache, the rest on every core.

Pages are independent: a translation needs only itself and its English page. Above
:data:`POOL_THRESHOLD` pages to check, worker processes (forked, so they share the run's
configuration) each take groups of pages that translate the same English page, so each English
page is read by one worker. Results come back in page order: the run's findings are exactly
those of checking the pages one by one in this process (a test compares them).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from transdocs.page_cache import PageCache, PageResult
from transdocs.placeholders import uses_placeholders

if TYPE_CHECKING:
    from transdocs.pages.discover import Page
    from transdocs.report.findings import Finding
    from transdocs.runner import Checker

POOL_THRESHOLD = 200  # fewer pages than this: starting workers costs more than it saves
_GROUP = 24  # pages per task: enough to keep a worker busy, few enough to balance the cores


def jobs_wanted(jobs: int | None) -> int:
    """``jobs`` worker processes, by default one per core this process may use."""
    if jobs is not None:
        return max(1, jobs)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_one(checker: Checker, page: Page) -> PageResult:
    """One page, and what the run learns from it across pages. ``checker`` is left as it was:
    :func:`check_pages` tells it, in page order, for cached and checked pages alike."""
    unstamped, stamped, placeholders = len(checker.unstamped), checker.stamped, checker.uses_placeholders
    checker.stamped = checker.uses_placeholders = False
    found = checker.check(page)
    # Its English page's placeholders count for this page even when another page read it first.
    english = checker.english.get(page.english) if page.english is not None else None
    uses = checker.uses_placeholders or (english is not None and uses_placeholders(english.text))
    result = PageResult(
        tuple(found), len(checker.unstamped) > unstamped, checker.stamped, checker.english_of.get(page.shown), uses
    )
    del checker.unstamped[unstamped:]
    checker.stamped, checker.uses_placeholders = stamped, placeholders
    return result


# The forked workers' checker and pages (set before the pool starts; fork copies them).
_work: tuple[Checker, Sequence[Page]] | None = None


def _check_group(indexes: list[int]) -> list[tuple[int, PageResult]]:
    assert _work is not None
    checker, pages = _work
    return [(index, check_one(checker, pages[index])) for index in indexes]


def _groups(pages: Sequence[Page], todo: list[int]) -> list[list[int]]:
    """Pages with the same English page together, then cut into tasks of about :data:`_GROUP`."""
    by_english: dict[Any, list[int]] = {}
    for index in todo:
        page = pages[index]
        by_english.setdefault(page.english or page.path, []).append(index)
    tasks: list[list[int]] = [[]]
    for indexes in by_english.values():
        if len(tasks[-1]) >= _GROUP:
            tasks.append([])
        tasks[-1] += indexes
    return [task for task in tasks if task]


def _can_fork() -> bool:
    import multiprocessing  # only for large trees: its import costs a fifth of a small run

    return "fork" in multiprocessing.get_all_start_methods()


def check_pages(checker: Checker, pages: Sequence[Page], cache: PageCache, jobs: int | None = None) -> list[Finding]:
    """Every page's findings, in page order; ``checker`` learns which translations are stamped."""
    global _work
    results: dict[int, PageResult] = {}
    keys: dict[int, str] = {}
    todo: list[int] = []
    for index, page in enumerate(pages):
        if cache.path is not None:
            english = checker.discovery.show(page.english) if page.english is not None else None
            keys[index] = cache.key(page, english)
            hit = cache.get(keys[index])
            if hit is not None:
                results[index] = hit
                continue
        todo.append(index)
    workers = min(jobs_wanted(jobs), max(1, len(todo) // _GROUP))
    if workers > 1 and len(todo) >= POOL_THRESHOLD and _can_fork():
        _work = (checker, pages)
        import multiprocessing

        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for done in pool.imap_unordered(_check_group, _groups(pages, todo)):
                    results.update(done)
        finally:
            _work = None
    else:
        results.update((index, check_one(checker, pages[index])) for index in todo)
    found: list[Finding] = []
    for index, page in enumerate(pages):
        result = results[index]
        if index in keys and index in todo:
            cache.put(keys[index], result)
        found += result.findings
        if result.unstamped:
            checker.unstamped.append(page)
        if result.english_of is not None:
            checker.english_of[page.shown] = result.english_of
        checker.stamped = checker.stamped or result.stamped
        checker.uses_placeholders = checker.uses_placeholders or result.uses_placeholders
    cache.save()
    return found
