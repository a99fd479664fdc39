"""Writers on one SQLite file take turns through an OS file lock instead of SQLite's busy handler.

SQLite lets one connection write at a time. A connection that finds the file locked sleeps in
SQLite's busy handler (1, 2, 5, 10 ... up to 100 ms between tries), so under concurrent writes
from several processes a waiting writer mostly sleeps after the lock is already free: in the
scale layout on SQLite (two gunicorn workers and the Huey consumer) eight concurrent clients
created fewer tickets per second than one. A blocking `flock` on a file next to the database
wakes the next writer as soon as the current one is done. The busy handler stays as the
fallback for writers that do not take a turn.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

_local = threading.local()  # one open file per thread: flock excludes open files, not processes


def _lock_path() -> str | None:
    if connection.vendor != "sqlite":
        return None
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return name + ".writer-lock"


def _lock_file(path: str) -> int:
    files = getattr(_local, "files", None)
    if files is None:
        files = _local.files = {}
    fd = files.get(path)
    if fd is None:
        fd = files[path] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return fd


@contextmanager
def sqlite_writer_turn() -> Iterator[None]:
    """Wrap a short write transaction: waits for this database's writer turn on SQLite, does
    nothing elsewhere. Inside an outer transaction it does nothing either: that transaction may
    already hold SQLite's lock, and waiting for the turn then could stall the holder of the turn."""
    path = _lock_path()
    if path is None or connection.in_atomic_block:
        yield
        return
    try:
        fd = _lock_file(path)
    except OSError:  # no lock file beside the database: SQLite's busy handler still keeps order
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
