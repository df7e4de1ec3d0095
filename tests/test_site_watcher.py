"""mkdocs serve's watches move to the system's notifications, and a save still asks for a rebuild
(a read of a watched file, as every rebuild makes, and Python's bytecode do not)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from transdocs.site.watcher import QUIET_AFTER_SAVE, Changes, hear_saves_at_once


def test_a_save_asks_for_a_rebuild_through_the_native_observer(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(docs))
    server.watch(str(docs))  # watched twice (two plugins): still twice after the move
    assert type(server.observer) is PollingObserver
    polling_delay = server.build_delay
    assert hear_saves_at_once(server)
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(docs): 2}
    assert server.build_delay == QUIET_AFTER_SAVE < polling_delay  # a save's events come at once
    server.observer.start()
    try:
        (docs / "index.md").write_text("# Edited\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild
        server.unwatch(str(docs))
        server.unwatch(str(docs))  # MkDocs' own bookkeeping still works
        assert server._watched_paths == {}
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_a_server_already_watching_is_left_as_it_is(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.observer.start()
    try:
        polling_delay = server.build_delay
        assert not hear_saves_at_once(server)
        assert type(server.observer) is PollingObserver
        assert server.build_delay == polling_delay
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_reading_a_watched_file_asks_for_no_rebuild(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A rebuild reads every page: were a read a change, each rebuild would ask for the next one.
    The saved file is written down for the rebuild (it may rebuild that page's language only)."""
    docs = tmp_path / "docs"
    (docs / "__pycache__").mkdir(parents=True)
    read, saved = docs / "index.md", docs / "saved.md"
    read.write_text("# Read\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(docs))
    changes = Changes()
    assert hear_saves_at_once(server, changes)
    caplog.set_level(logging.DEBUG, logger="mkdocs.livereload")  # MkDocs logs each event it takes
    server.observer.start()
    try:
        time.sleep(0.2)  # the observer's watches are in place
        assert read.read_text(encoding="utf-8") == "# Read\n"
        (docs / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"bytecode")
        saved.write_text("# Saved\n", encoding="utf-8")  # heard after the two above: events come in order
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server._want_rebuild
        time.sleep(0.2)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()
    heard = [record.getMessage() for record in caplog.records if "Event" in record.getMessage()]
    assert heard, "MkDocs no longer logs the events it takes: this test cannot see them"
    assert all(str(saved) in message for message in heard), heard
    assert changes.take() == {str(saved)}  # files only, as MkDocs: not the folder the file was added to
    assert changes.take() == set()
