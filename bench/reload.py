"""The edit-and-reload loop of ``mkdocs serve``: save a page, time until the page shows it.

Timed the way a browser tab gets there: MkDocs puts a script in every served page that asks
``/livereload/<epoch>/<id>`` and is answered once a newer build is visible; the tab then loads
the page again. The loop does the same (and again if that build came too early to hold the
save), so no polling interval sets a floor: what is timed is the file watcher's delay, MkDocs'
wait for the changes to stop, the rebuild, and serving the page. Each save must cost one
rebuild: the rebuilds the server logged are counted too (a server that rebuilds on its own
reads of the pages never stops).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docsproject import Project, languages, write_config
from measure import REPO, Child, bench_env, median, tool
from report import Row

SWITCH = "DOCS_LANGUAGE"  # mkdocs.yml: build (and serve) only this language
EDITED_LANGUAGE = "zh"
MAX_RELOAD_SECONDS = 0.5  # goal (issue 18): an edited page shows within half a second
REBUILT = "Reloading browsers"  # what MkDocs serve logs when a rebuild is visible
LANGUAGE_BUILT = "Building '"  # what mkdocs-static-i18n logs as it starts a language's build
LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\)")  # the script's call, in every served page
PATH_MEASURED = (
    "edit → reload: from writing the page to the page fetched again showing it, the way the browser "
    "tab's livereload script gets there (long-poll /livereload/, then reload), so no polling interval "
    "is in it"
)
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy


@dataclass
class Reloads:
    rows: list[Row] = field(default_factory=list)
    memory_rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def switch_supported() -> bool:
    """Whether mkdocs.yml reads the language switch (``build_only_locale: !ENV [DOCS_LANGUAGE, null]``)."""
    return SWITCH in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def measure(project: Project, quick: bool) -> Reloads:
    reloads = Reloads()
    default, _ = languages(project.config)
    page = project.docs / EDITED_LANGUAGE / "index.md"
    if not page.exists():
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes((project.docs / default / "index.md").read_bytes())
        reloads.notes.append(f"docs/{EDITED_LANGUAGE}/index.md does not exist yet; the English page was copied there")
    config = write_config(project.config, project.root / "mkdocs.serve.yml")
    mount = project.page_url_path(default, default)
    candidates = [project.page_url_path(EDITED_LANGUAGE, default), mount]  # a one-language build may serve at /

    reloads.notes.append(PATH_MEASURED)
    reloads.notes.append(_with_history(project.root))
    reloads.data["load_average_at_start"] = os.getloadavg()
    # A plain mkdocs serve: a save in one translation's folder rebuilds that language alone
    # (transdocs/site/one_language.py); an English page changes every language (its status page).
    every = serve_loop(config, page, candidates, edits=2 if quick else 5, env=bench_env())
    reloads.data["all_languages_s"] = every.times
    reloads.data["all_languages_built_per_save"] = every.languages_per_save
    reloads.rows.append(Row("mkdocs serve: edit → reload, all languages", median(every.times), "s", MAX_RELOAD_SECONDS))
    reloads.rows.append(Row("mkdocs serve: rebuilds per save, all languages", every.rebuilds_per_save, "x", 1.0))
    reloads.memory_rows.append(Row("peak RSS: mkdocs serve, all languages", every.peak_mb, "MB"))
    # An English page as a writer saves it again and again: the server starts on the page as it is,
    # so the first save makes its translations outdated (their status pages change: every language
    # is built); the later saves, the row, build English alone while every language translated it.
    english_page = project.docs / default / "index.md"
    every_en = serve_loop(
        config, english_page, [mount], edits=2 if quick else 4, env=bench_env(), mark_before_start=False
    )
    first_en, later_en = every_en.times[:1], every_en.times[1:]
    reloads.data["all_languages_english_page_first_save_s"] = first_en
    reloads.data["all_languages_english_page_s"] = later_en
    reloads.data["all_languages_english_page_built_per_save"] = every_en.languages_by_save
    every_en_label = "mkdocs serve: edit → reload, all languages, an English page"
    reloads.rows.append(Row(every_en_label, median(later_en), "s", MAX_RELOAD_SECONDS))
    reloads.notes.append(
        f"all languages: languages built per save, a {EDITED_LANGUAGE} page {every.languages_per_save:.1f}; "
        f"an English page saved {len(every_en.times)} times {every_en.languages_by_save} (the first save makes its "
        f"translations outdated: every language's status page changes, {median(first_en):.2f} s; the later saves "
        f"build English alone while every language has translated the page, median {median(later_en):.2f} s)"
    )

    label = f"mkdocs serve: edit → reload, {SWITCH}={EDITED_LANGUAGE}"
    if not switch_supported():
        reloads.rows.insert(0, Row(f"{label} (switch not implemented)", float("nan"), "s", MAX_RELOAD_SECONDS))
        reloads.notes.append(f"mkdocs.yml does not read {SWITCH}: every save rebuilds every language")
        return reloads
    one = serve_loop(config, page, candidates, edits=2 if quick else 5, env=bench_env(**{SWITCH: EDITED_LANGUAGE}))
    reloads.data["one_language_s"] = one.times
    reloads.rows.insert(0, Row(label, median(one.times), "s", MAX_RELOAD_SECONDS))
    per_save = f"mkdocs serve: rebuilds per save, {SWITCH}={EDITED_LANGUAGE}"
    reloads.rows.append(Row(per_save, one.rebuilds_per_save, "x", 1.0))
    reloads.memory_rows.append(Row(f"peak RSS: mkdocs serve, {SWITCH}={EDITED_LANGUAGE}", one.peak_mb, "MB"))
    # --dirty: MkDocs renders again only the pages whose source changed (links elsewhere may go stale).
    env = bench_env(**{SWITCH: EDITED_LANGUAGE})
    dirty = serve_loop(config, page, candidates, edits=2 if quick else 5, env=env, extra=["--dirty"])
    reloads.data["one_language_dirty_s"] = dirty.times
    reloads.rows.insert(1, Row(f"{label} --dirty", median(dirty.times), "s", MAX_RELOAD_SECONDS))
    # An English page: the status page then checks the page's translations again.
    english = serve_loop(
        config,
        project.docs / default / "index.md",
        [mount],
        edits=2 if quick else 5,
        env=bench_env(**{SWITCH: default}),
    )
    reloads.data["english_only_s"] = english.times
    english_label = f"mkdocs serve: edit → reload, {SWITCH}={default} (an English page)"
    reloads.rows.insert(2, Row(english_label, median(english.times), "s", MAX_RELOAD_SECONDS))
    reloads.data["load_average_at_end"] = os.getloadavg()
    return reloads


def _with_history(root: Path) -> str:
    """Give the copy the repository's git history (the status page reads it, as in a writer's
    checkout): its .git from a local clone, the copied files left as they are. Says what was done."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        return "no git history in the copy (no git, or the repository is not a checkout): the status page reads none"
    clone = root.parent / "history-clone"
    clone_argv = [git, "clone", "-q", "--local", "--no-checkout", str(REPO), str(clone)]
    subprocess.run(clone_argv, capture_output=True, check=True, timeout=300)
    (clone / ".git").rename(root / ".git")
    subprocess.run([git, "reset", "-q"], cwd=root, capture_output=True, check=True, timeout=300)
    return "the copy has the repository's git history (HEAD of the checkout; the copied files are the working tree's)"


@dataclass(frozen=True)
class Loop:
    times: list[float]
    peak_mb: float
    rebuilds_per_save: float  # rebuilds the server showed while the page was edited, per save
    languages_per_save: float  # languages static-i18n built in those rebuilds, per save
    languages_by_save: list[int]  # languages built for each save, as its page showed it


def serve_loop(
    config: Path,
    page: Path,
    candidates: list[str],
    edits: int,
    env: dict[str, str],
    extra: list[str] | None = None,
    mark_before_start: bool = True,
) -> Loop:
    """Start ``mkdocs serve`` (with ``extra`` options), then ``edits`` times: append a unique line to
    ``page``, time until it is served.

    The page is found among ``candidates`` (URL paths) by a marker written before the start, or,
    without ``mark_before_start`` (the server starts on the page as it is), as the first that is served.
    """
    port = _free_port()
    original = page.read_text(encoding="utf-8")
    probe = f"bench-probe-{uuid.uuid4().hex}" if mark_before_start else ""
    if mark_before_start:
        page.write_text(f"{original}\n\n{probe}\n", encoding="utf-8")
    argv = [tool("mkdocs"), "serve", "-f", config, "-a", f"127.0.0.1:{port}", *(extra or [])]
    server = Child(argv, env=env, cwd=config.parent)
    times: list[float] = []
    by_save: list[int] = []
    rebuilt_before = rebuilds = built_before = built = 0
    try:
        url = _find_page([f"http://127.0.0.1:{port}{path}" for path in candidates], probe, server)
        time.sleep(1.0)  # a rebuild the first request may have started is over
        rebuilt_before = server.output().count(REBUILT)
        built_before = server.output().count(LANGUAGE_BUILT)
        for _ in range(edits):
            marker = f"bench-edit-{uuid.uuid4().hex}"
            time.sleep(0.6)  # past one look of MkDocs' polling watcher, so edits do not merge
            html = _get(url, server) or ""  # the page as the tab holds it, with the epoch its script asks with
            page.write_text(f"{original}\n\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            _reload_until(url, html, marker, server, root=f"http://127.0.0.1:{port}")
            times.append(time.perf_counter() - start)
            by_save.append(server.output().count(LANGUAGE_BUILT) - built_before - sum(by_save))
        time.sleep(1.0)  # a rebuild the server would start on its own is logged by now
        rebuilds = server.output().count(REBUILT) - rebuilt_before
        built = server.output().count(LANGUAGE_BUILT) - built_before
    finally:
        page.write_text(original, encoding="utf-8")
        server.signal(signal.SIGINT)
        sample = server.wait(timeout=60, check=False)
    per_save = (rebuilds / len(times), built / len(times)) if times else (float("nan"), float("nan"))
    return Loop(times, sample.peak_mb, *per_save, by_save)


def _find_page(urls: list[str], probe: str, server: Child) -> str:
    deadline = time.perf_counter() + 300
    while time.perf_counter() < deadline:
        for url in urls:
            html = _get(url, server)
            if html is not None and probe in html:
                return url
        time.sleep(0.1)
    raise TimeoutError(f"none of {urls} served the edited page:\n{server.output()[-3000:]}")


def _get(url: str, server: Child, timeout: float = 120) -> str | None:
    if not server.alive():
        raise RuntimeError(f"mkdocs serve exited early:\n{server.output()[-3000:]}")
    try:
        with _opener.open(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError):
        return None


def _reload_until(url: str, html: str, marker: str, server: Child, root: str, timeout: float = 120) -> None:
    """As the tab's livereload script: wait for a newer build, load the page again; until it shows ``marker``."""
    deadline = time.perf_counter() + timeout
    while marker not in html:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{url} did not show the edit within {timeout} s:\n{server.output()[-3000:]}")
        script = LIVERELOAD.search(html)
        if script is None:  # no script (the page failed to load): ask again a little later
            time.sleep(0.005)
        else:  # answered when a newer build is visible (or after a minute, with the same epoch)
            _get(f"{root}/livereload/{script[1]}/{script[2]}", server)
        html = _get(url, server) or ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
