"""``mkdocs serve`` hears a save when it happens, not at its next look at the files.

MkDocs watches with watchdog's polling observer, which looks at every watched file twice a second:
a save waited a quarter of a second on average, half a second at worst, before the rebuild began
(the goal for a save to show is half a second in all). The operating system's own notification
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows; watchdog's ``Observer``)
tells at once. The server's watches are moved to it with MkDocs' own ``watch``, before the
server starts; anything unexpected (another MkDocs, no native observer, too many watches for the
system) leaves MkDocs' polling as it was. Network and some container file systems send no
notifications: ``serve_watcher: polling`` under the plugin in mkdocs.yml keeps MkDocs' way.

The native observer also reports a file being opened and closed unwritten (inotify), which
MkDocs' handler takes for a change: every rebuild reads the docs, so each rebuild would ask for
the next one, without end. Only changes reach MkDocs here (what the polling observer reports),
and nothing under ``__pycache__``: Python writing bytecode after a rebuild imported an edited
module is no edit.

MkDocs then waits until no change came for ``build_delay`` (0.1 s) before it rebuilds, to take a
burst of changes in one rebuild; polling reported a burst at once anyway. Notifications of one
save (an editor's write and close, or its write to a new file and rename) come within a
millisecond or two of each other, so with them the wait is ``QUIET_AFTER_SAVE``: a tenth of the
half second a save may take to show. A burst spread wider (a ``git checkout``) may take two
rebuilds; the second shows the end state, as a save during a rebuild always did.

Each change's paths are also written down (``Changes``), so the rebuild can tell what it is for:
a save in one translation's folder rebuilds that language only (``one_language.py``).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

# What a look at a file, not a change to it, makes the native observer report.
NOT_A_CHANGE = frozenset({"opened", "closed_no_write"})
BYTECODE = "__pycache__"
QUIET_AFTER_SAVE = 0.02  # seconds without a change before a rebuild starts (MkDocs waits 0.1)


def is_change(event: FileSystemEvent) -> bool:
    """Whether ``event`` says a watched file changed (the events MkDocs' polling reports)."""
    if event.event_type in NOT_A_CHANGE:
        return False
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return not any(BYTECODE in os.fsdecode(path).replace("\\", "/").split("/") for path in paths if path)


class Changes:
    """The files changed since the last ``take()``: what MkDocs rebuilds for (it ignores folders too).

    The observer's thread adds; the build takes at its start. A change heard after the take is
    the next rebuild's (MkDocs starts one for it).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()

    def add(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        paths = {os.path.abspath(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p}
        with self._lock:
            self._paths |= paths

    def take(self) -> frozenset[str]:
        """The files changed since the last take, and forget them."""
        with self._lock:
            paths, self._paths = frozenset(self._paths), set()
        return paths


class _ChangesOnly(FileSystemEventHandler):
    """Passes ``handler`` the events that are changes (and writes them down in ``changes``)."""

    def __init__(self, handler: FileSystemEventHandler, changes: Changes | None = None) -> None:
        self._handler = handler
        self._changes = changes

    def dispatch(self, event: FileSystemEvent) -> None:
        if is_change(event):
            if self._changes is not None:
                self._changes.add(event)
            self._handler.dispatch(event)


def changes_only(observer: Any, changes: Changes | None = None) -> BaseObserver:
    """An ``observer`` (a class: watchdog's ``Observer`` is the one for this platform) whose
    handlers hear changes only, written down in ``changes`` as they come."""

    class ChangesOnly(observer):  # type: ignore[misc]  # watchdog types Observer as a protocol
        def schedule(
            self, event_handler: FileSystemEventHandler, path: str, recursive: bool = False, **options: Any
        ) -> ObservedWatch:
            handler = _ChangesOnly(event_handler, changes)
            watch: ObservedWatch = super().schedule(handler, path, recursive=recursive, **options)
            return watch

    native: BaseObserver = ChangesOnly()
    return native


def hear_saves_at_once(server: Any, changes: Changes | None = None) -> bool:
    """Move ``server``'s watches (a MkDocs LiveReloadServer not started yet) to a native observer,
    and start a rebuild ``QUIET_AFTER_SAVE`` after the last change; the changed files go to
    ``changes``. False when the watches stay as they were (nothing is written to ``changes``)."""
    polling = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if type(polling) is not PollingObserver or polling.is_alive():
        return False
    if not isinstance(paths, dict) or not isinstance(refs, dict) or not callable(getattr(server, "watch", None)):
        return False
    native = changes_only(Observer, changes)
    if isinstance(native, PollingObserver):
        return False  # no native notification on this system
    counts, old_refs = dict(paths), dict(refs)
    paths.clear()
    refs.clear()
    server.observer = native
    try:
        for path, count in counts.items():
            for _ in range(count):
                server.watch(path)
    except OSError:  # e.g. inotify's limit of watches: back to polling, as MkDocs set it up
        server.observer = polling
        paths.clear()
        paths.update(counts)
        refs.clear()
        refs.update(old_refs)
        return False
    if isinstance(getattr(server, "build_delay", None), float):
        server.build_delay = min(server.build_delay, QUIET_AFTER_SAVE)
    return True
