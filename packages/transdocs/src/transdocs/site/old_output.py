"""Under ``mkdocs serve``, the last build's output is removed after the rebuild, not before it.

MkDocs empties the site folder before every build. On some file systems removing a folder
waits for the disk: on ext4 mounted with ``discard`` (this project's CI machine) each folder
took about 5 ms, and a one-language rebuild removed some twenty of them on its way to the
browser's reload. So before MkDocs empties the site folder, what it would remove (everything
but dot files, as MkDocs spares them) is moved into a folder beside it, one rename an entry,
and that folder is removed in a thread once the build is over. The site folder is the same at
every step MkDocs sees it; the folder beside it is gone before ``mkdocs serve`` exits.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path


class OldOutput:
    """The site folder's old content, set aside at each build and removed after it."""

    def __init__(self) -> None:
        self._aside: list[Path] = []
        self._removing: list[threading.Thread] = []

    def set_aside(self, site_dir: Path) -> None:
        """Before MkDocs empties ``site_dir``: its content (dot files aside) goes beside it."""
        entries = [e for e in os.listdir(site_dir) if not e.startswith(".")] if site_dir.is_dir() else []
        if not entries:
            return
        aside = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.old-", dir=site_dir.parent))
        self._aside.append(aside)
        for entry in entries:
            os.replace(site_dir / entry, aside / entry)

    def remove(self) -> None:
        """The build is over (or failed): what was set aside is removed in a thread."""
        aside, self._aside = self._aside, []
        self._removing = [thread for thread in self._removing if thread.is_alive()]
        if aside:
            thread = threading.Thread(target=_remove_all, args=(aside,), name="transdocs-old-output", daemon=True)
            thread.start()
            self._removing.append(thread)

    def finish(self) -> None:
        """The server stops: nothing is left beside the site folder."""
        self.remove()
        for thread in self._removing:
            thread.join()


def _remove_all(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
