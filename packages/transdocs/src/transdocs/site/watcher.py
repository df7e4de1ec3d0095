"""``mkdocs serve`` hears a save when it happens, not at its next look at the files.

MkDocs watches with watchdog's polling observer, which looks at every watched file twice a second:
a save waited a quarter of a second on average, half a second at worst, before the rebuild began
(the goal for a save to show is half a second in all). The operating system's own notification
(inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows; watchdog's ``Observer``)
tells at once. The server's watches are moved to it with MkDocs' own ``watch``, before the
server starts; anything unexpected (another MkDocs, no native observer, too many watches for the
system) leaves MkDocs' polling as it was. Network and some container file systems send no
notifications: ``serve_watcher: polling`` under the plugin in mkdocs.yml keeps MkDocs' way.
"""

from __future__ import annotations

from typing import Any

from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver


def hear_saves_at_once(server: Any) -> bool:
    """Move ``server``'s watches (a MkDocs LiveReloadServer not started yet) to a native observer."""
    polling = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if type(polling) is not PollingObserver or polling.is_alive():
        return False
    if not isinstance(paths, dict) or not isinstance(refs, dict) or not callable(getattr(server, "watch", None)):
        return False
    native = Observer()
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
    return True
