"""Serve a built site folder on 127.0.0.1 under the path it is published at (like GitHub Pages)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class _SiteHandler(SimpleHTTPRequestHandler):
    """Files of the folder under ``mount``; every other path is a 404, as on the real host."""

    def __init__(self, *args: Any, mount: str, **kwargs: Any) -> None:
        self.mount = mount
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if not urlsplit(path).path.startswith(self.mount):
            return str(Path(self.directory) / ".outside-the-site")  # does not exist: 404
        return super().translate_path(path[len(self.mount) - 1 :])

    def log_message(self, format: str, *args: Any) -> None:  # one line per request is noise in test output
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (a page left mid-load): not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_folder(folder: Path, mount: str = "/") -> Iterator[str]:
    """Serve ``folder`` at ``http://127.0.0.1:<free port><mount>``; yields that URL, stops on exit."""
    if not (mount.startswith("/") and mount.endswith("/")):
        raise ValueError(f"mount must start and end with '/': {mount!r}")
    handler = partial(_SiteHandler, mount=mount, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
