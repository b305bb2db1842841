"""The SQLite connections of a results database: read-only readers, one serialised writer.

Like datasette's ``Database``: readers get read-only connections (SQLite URI ``mode=ro``, one
per thread), and all writes go through one serialised writer connection. The file is in WAL
mode, so readers (``stats``, ``define``, the web server) work while a run writes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from definiens.errors import StoreError
from definiens.store.schema import ADDED_COLUMNS, SCHEMA, SCHEMA_VERSION

__all__ = ["Connection"]

T = TypeVar("T")


class _VersionError(sqlite3.DatabaseError):
    """The file is a results database of another schema version (rolled back, then reported)."""


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """:class:`StoreError` if the file holds tables but not ours (another program's data)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if tables and "meta" not in tables:
        conn.close()
        raise StoreError(
            "not a definiens results database: it holds other tables", location=str(path)
        )


# What a database of an earlier schema version lacks (that cannot be rebuilt from it).
_MISSING = {1: "document text", 2: "scopes (sections, theorems) nor meanings per scope"}


def _version_problem(found: str | None) -> str | None:
    """What is wrong with a database of schema version ``found`` (None: nothing)."""
    if found is not None and found.isdigit() and int(found) == SCHEMA_VERSION:
        return None
    if found is not None and found.isdigit() and int(found) < SCHEMA_VERSION:
        return (
            f"written by an earlier definiens (schema {found}, now {SCHEMA_VERSION}): it keeps "
            f"no {_MISSING.get(int(found), 'scopes')}; make it again with 'definiens run'"
        )
    return (
        f"not a definiens results database of schema version {SCHEMA_VERSION}"
        f" (found {found or 'none'})"
    )


def _add_columns(conn: sqlite3.Connection) -> None:
    """Add the columns of :data:`ADDED_COLUMNS` a database of this version lacks."""
    for table, column, declaration in ADDED_COLUMNS:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


class Connection:
    """The connections to one database file (see :class:`~definiens.store.Database`)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        self._readers: list[sqlite3.Connection] = []
        if readonly:
            if not self.path.is_file():
                raise StoreError("no such results database", location=str(self.path))
            self._check_version()
        else:
            self._create()

    def _connect_writer(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            _refuse_foreign(conn, self.path)  # before WAL mode changes the file
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open for writing: {exc}", location=str(self.path)) from exc
        return conn

    def _writer_connection(self) -> sqlite3.Connection:
        if self.readonly:
            raise StoreError("database is open read-only", location=str(self.path))
        if self._writer is None:
            self._writer = self._connect_writer()
        return self._writer

    def read_connection(self) -> sqlite3.Connection:
        """This thread's read-only connection (``mode=ro``); rows are :class:`sqlite3.Row`."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                conn.execute("PRAGMA query_only = ON")
            except sqlite3.Error as exc:
                raise StoreError(
                    f"cannot open for reading: {exc}", location=str(self.path)
                ) from exc
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._write_lock:
                self._readers.append(conn)
        return conn

    def files(self) -> list[Path]:
        """The database file and the files SQLite keeps beside it (resolved paths)."""
        path = self.path.resolve()
        return [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]

    def close(self) -> None:
        """Close the writer and the readers of every thread."""
        with self._write_lock:
            readers, self._readers = self._readers, []
        for conn in readers:
            conn.close()
        self._local = threading.local()
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only query and return all its rows."""
        try:
            return self.read_connection().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"query failed: {exc}", location=str(self.path)) from exc

    def _check_version(self) -> None:
        try:
            rows = self.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        except StoreError:  # not SQLite, or SQLite without our tables
            rows = []
        problem = _version_problem(str(rows[0][0]) if rows else None)
        if problem:
            raise StoreError(problem, location=str(self.path))

    def _transaction(self, work: Callable[..., T], *args: Any) -> T:
        with self._write_lock:
            conn = self._writer_connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                result = work(conn, *args)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                message = str(exc) if isinstance(exc, _VersionError) else f"write failed: {exc}"
                raise StoreError(message, location=str(self.path)) from exc
            return result

    def _create(self) -> None:
        def create(conn: sqlite3.Connection) -> None:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if tables:
                found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                version = found.fetchone()
                problem = _version_problem(None if version is None else str(version[0]))
                if problem:
                    raise _VersionError(problem)
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            _add_columns(conn)
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

        try:
            self._transaction(create)
        except StoreError:
            self.close()
            raise
