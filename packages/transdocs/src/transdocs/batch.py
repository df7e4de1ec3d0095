"""A run of the checker: unchanged pages from the page cache, the rest on every core, then what
only the whole run can tell (the checks' ``finish``: missing and unstamped translations, files not read).

The per-page checker (:mod:`transdocs.runner`) and its readers are imported only when a page
has to be checked: a run whose pages all come from the cache costs little more than Python's start.
Pages are independent: a translation needs only itself and its English page. Above
:data:`POOL_THRESHOLD` pages to check, this process and forked workers (which share the run's
context) each take groups of pages that translate the same English page, so each English
page is read by one process (:mod:`transdocs.workers`). Results come back in page order: the run's
findings are exactly those of checking the pages one by one in this process (a test compares them).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from transdocs.checks import Context, units
from transdocs.languages import DEFAULT_LANGUAGE
from transdocs.page_cache import PageCache, PageResult, context_key
from transdocs.pages.discover import Page, absolute_text, discover, working_folder
from transdocs.project import Project, load_project
from transdocs.report import findings as kinds
from transdocs.report.findings import Finding

if TYPE_CHECKING:
    from transdocs.runner import Checker

POOL_THRESHOLD = 200  # fewer pages than this: starting workers costs more than it saves
_GROUP = 24  # pages per task: enough to keep a worker busy, few enough to balance the cores


def jobs_wanted(jobs: int | None) -> int:
    """``jobs`` processes checking pages (this one and its workers), by default one per core it may use."""
    if jobs is not None:
        return max(1, jobs)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_one(checker: Checker, page: Page) -> PageResult:
    """One page, and what the run learns from it across pages."""
    return checker.result(page)


# The checker and pages of the processes sharing a run (set before the workers fork; fork copies them).
_work: tuple[Checker, Sequence[Page]] | None = None


# A page's result as a worker sends it: its index, then the fields of its PageResult as a plain tuple
# (pickled in a few microseconds, where a class instance costs its class and its fields' names).
_Sent = tuple[int, tuple[Finding, ...], bool, bool, str | None, bool]


def _check_group(indexes: list[int]) -> list[_Sent]:
    assert _work is not None
    checker, pages = _work
    return [(index, *check_one(checker, pages[index])) for index in indexes]


def _groups(pages: Sequence[Page], todo: list[int]) -> list[list[int]]:
    """Pages with the same English page together, then cut into tasks of about :data:`_GROUP`."""
    by_english: dict[str, list[int]] = {}
    here = working_folder()
    for index in todo:
        page = pages[index]
        # (absolute: an English page's own path may be relative, its translations' link to it is not)
        by_english.setdefault(absolute_text(page.english or page.path, here), []).append(index)
    tasks: list[list[int]] = [[]]
    for indexes in by_english.values():
        if len(tasks[-1]) >= _GROUP:
            tasks.append([])
        tasks[-1] += indexes
    return [task for task in tasks if task]


@contextmanager
def _rare_collections() -> Iterator[None]:
    """The cyclic garbage collector run rarely while pages are checked, as mypy runs it.

    A page's objects are freed by reference counting as soon as it is done: they hold next to no
    cycles (6,000 pages peak at the same memory with the collector off). Collecting every 700 new
    objects, Python's default, cost 0.65 % of a page's work; the caller's setting comes back after.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _can_fork() -> bool:
    import multiprocessing  # only for large trees: its import costs a fifth of a small run

    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class Run:
    """The findings of every page, and what they tell across pages."""

    findings: list[Finding] = field(default_factory=list)
    unstamped: list[Page] = field(default_factory=list)  # translations that record no source_hash
    english_of: dict[str, str] = field(default_factory=dict)  # translated page -> its English page, as shown
    stamped: bool = False  # whether any translation records a source_hash
    uses_placeholders: bool = False  # whether an English page writes our placeholders


def _checked(context: Context, pages: Sequence[Page], todo: list[int], jobs: int | None) -> dict[int, PageResult]:
    """The results of the pages at ``todo``: on every core above :data:`POOL_THRESHOLD` pages, else here."""
    global _work
    from transdocs.runner import Checker

    checker = Checker(context)
    processes = min(jobs_wanted(jobs), max(1, len(todo) // _GROUP))
    if processes > 1 and len(todo) >= POOL_THRESHOLD and _can_fork():
        from transdocs.workers import share

        tasks = _groups(pages, todo)
        _work = (checker, pages)
        try:
            # The first task here: an English page and its translations import the checks' code
            # and build their languages' word patterns once, for every worker (each did it again).
            results = {index: check_one(checker, pages[index]) for index in tasks[0]}
            gc.freeze()  # the objects made so far stay shared with the workers, not copied by gc
            for done in share(tasks[1:], _check_group, processes):
                results.update((sent[0], PageResult(*sent[1:])) for sent in done)
            return results
        finally:
            gc.unfreeze()
            _work = None
    # translations of one English page one after the other, as each worker takes them
    return {index: check_one(checker, pages[index]) for task in _groups(pages, todo) for index in task}


def check_pages(context: Context, cache: PageCache, jobs: int | None = None) -> Run:
    """Every page's findings, in page order."""
    found = context.discovery
    pages = found.pages
    results: dict[int, PageResult] = {}
    keys: dict[int, str] = {}
    todo: list[int] = []
    for index, page in enumerate(pages):
        if cache.path is not None:
            english = found.show(page.english) if page.english is not None else None
            keys[index] = cache.key(page, english)
            hit = cache.get(keys[index])
            if hit is not None:
                results[index] = hit
                continue
        todo.append(index)
    if todo:
        with _rare_collections():
            results.update(_checked(context, pages, todo, jobs))
    run = Run()
    for index, page in enumerate(pages):
        result = results[index]
        if index in keys and index in todo:
            cache.put(keys[index], result)
        run.findings += result.findings
        if result.unstamped:
            run.unstamped.append(page)
        if result.english_of is not None:
            run.english_of[page.shown] = result.english_of
        run.stamped = run.stamped or result.stamped
        run.uses_placeholders = run.uses_placeholders or result.uses_placeholders
    cache.save()
    return run


def _across_pages(context: Context, run: Run) -> list[Finding]:
    """The pages' findings as the whole run sees them, then the checks' ``finish`` (each step
    imported only when it has work)."""
    context.unstamped, context.stamped = run.unstamped, run.stamped
    context.english_of, context.uses_placeholders = run.english_of, run.uses_placeholders
    findings = run.findings
    if any(f.kind == kinds.STALE for f in findings):
        from transdocs.translations.stale_side import english_is_stale

        findings = english_is_stale(findings, run.english_of)
    if not run.uses_placeholders and any(f.kind == kinds.STRUCTURE for f in findings):
        from transdocs.runner import placeholder_noise

        findings = placeholder_noise(findings)
    for unit in units():
        if unit.finish is not None:
            findings = findings + unit.finish(context)
    return findings


def _glossary_files(context: Context) -> list[tuple[str, bytes]]:
    """The glossary files the pages may read, with their bytes (findings depend on them: see the page cache)."""
    from transdocs.glossary import glossary_path
    from transdocs.languages import base_language

    places = {
        (base_language(page.lang), page.layout.root if page.layout is not None else None)
        for page in context.discovery.pages
        if page.lang is not None
    }
    files = []
    for lang, root in sorted(places, key=str):
        path = glossary_path(context.glossary, lang, root)
        if path is not None and path.is_file():
            files.append((str(path), path.read_bytes()))
    return files


def check_paths(
    paths: Iterable[str],
    lang: str | None = None,
    layout: str | None = None,
    source: str | None = None,
    project: Project | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
) -> list[Finding]:
    """Every finding for the given files and folders, sorted by path and line.

    ``project`` is the configuration (settings, layout...); by default the
    ``[tool.check-docs]`` table of the nearest pyproject.toml, with ``lang``, ``layout``
    and ``source`` overriding it; a ``module:object`` settings spec there is imported, as
    a Python caller's choice (the commands pass a project that imports only when asked).
    Pages unchanged since the last run come from the page cache (``use_cache``), the others are
    checked by ``jobs`` worker processes (default: one per core) when there are many.
    Raises :class:`InputError` for paths that do not exist or cannot be read, and for a
    configuration that cannot be used.
    """
    project = (project or load_project().override(allow_import=True)).override(
        lang=lang, layout=layout, source_lang=source
    )
    context = project_context(project, paths)
    # What findings depend on (not --strict, --allow-import or where the configuration was read).
    options = (project.settings, project.env_prefix, project.toml_table, project.layout, project.lang)
    settings = sorted(context.targets.by_setting.items())
    glossaries = _glossary_files(context)
    key = context_key(context.languages.extra, *options, project.source_lang, project.languages, settings, glossaries)
    folders = [str(folder) for folder in context.discovery.folders] or list(paths)
    cache = PageCache(key, folders, enabled=use_cache)
    return sorted(set(_across_pages(context, check_pages(context, cache, jobs))))


def project_context(project: Project, paths: Iterable[str]) -> Context:
    """The context of a run over ``paths``: the project's settings and language files, and the pages.

    Everything a run is configured with is here, passed to every check: nothing is kept in a
    module, so runs over two projects in one process (in turn, or page by page) each get their own answer.
    """
    targets = project.targets()
    languages = project.language_files()
    found = discover(list(paths), project.lang, project.layout, source=project.source_lang)
    source_lang = project.source_lang or DEFAULT_LANGUAGE
    glossary = project.glossary_pattern()
    return Context(found, targets, languages, source_lang=source_lang, strict=project.strict, glossary=glossary)
