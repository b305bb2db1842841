"""The results database: one class owns the SQLite connections and every SQL statement.

Like datasette's ``Database``: readers get read-only connections (SQLite URI ``mode=ro``, one
per thread), and all writes go through one serialised writer connection. The file is in WAL
mode, so readers (``stats``, ``define``, the web server) work while a run writes. Every
document is written whole inside one transaction: a crash, even ``kill -9``, leaves each
document either fully written or absent.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from definiens.errors import StoreError
from definiens.store import statements as sql
from definiens.store.records import DocumentRecord
from definiens.store.schema import SCHEMA, SCHEMA_VERSION, TABLES

__all__ = ["Database"]

logger = logging.getLogger(__name__)

_KEY_BATCH = 500


def _document_row(rec: DocumentRecord) -> tuple[Any, ...]:
    return (rec.source, rec.id, rec.title, rec.format, rec.metadata, rec.status, rec.reason)


def _key_batches(keys: Sequence[tuple[str, str]]) -> Iterator[tuple[str, list[str], str]]:
    """``(source, ids, marks)`` for at most ``_KEY_BATCH`` ids of one source at a time, with
    ``marks`` the placeholders of an ``IN (...)`` list of them."""
    by_source: dict[str, list[str]] = {}
    for source, doc_id in keys:
        by_source.setdefault(source, []).append(doc_id)
    for source, ids in by_source.items():
        for start in range(0, len(ids), _KEY_BATCH):
            part = ids[start : start + _KEY_BATCH]
            yield source, part, ",".join("?" * len(part))


def _existing(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]]) -> list[int]:
    """The ``doc`` numbers of those ``(source, id)`` keys that are in ``documents``."""
    found: list[int] = []
    for source, part, marks in _key_batches(keys):
        sql = f"SELECT doc FROM documents WHERE source = ? AND id IN ({marks})"
        found.extend(row[0] for row in conn.execute(sql, (source, *part)))
    return found


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """:class:`StoreError` if the file holds tables but not ours (another program's data)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if tables and "meta" not in tables:
        conn.close()
        raise StoreError(
            "not a definiens results database: it holds other tables", location=str(path)
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Database:
    """A results database file: read-only readers and one serialised writer.

    ``Database(path)`` opens (creating if needed) a database for writing;
    ``Database(path, readonly=True)`` opens an existing one for reading only.
    """

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

    # -- connections ---------------------------------------------------------------------

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

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

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
        if not rows or int(rows[0][0]) != SCHEMA_VERSION:
            found = rows[0][0] if rows else "none"
            raise StoreError(
                f"not a definiens results database of schema {SCHEMA_VERSION} (found {found})",
                location=str(self.path),
            )

    # -- writing -------------------------------------------------------------------------

    def _transaction(self, work: Any, *args: Any) -> Any:
        with self._write_lock:
            conn = self._writer_connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                result = work(conn, *args)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"write failed: {exc}", location=str(self.path)) from exc
            return result

    def _create(self) -> None:
        def create(conn: sqlite3.Connection) -> None:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if tables:
                found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                version = found.fetchone()
                if version is None or int(version[0]) != SCHEMA_VERSION:
                    raise sqlite3.DatabaseError(f"schema version {version} is not {SCHEMA_VERSION}")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

        self._transaction(create)

    def write_documents(self, records: Iterable[DocumentRecord], run: int | None) -> int:
        """Write whole documents in one transaction, replacing earlier versions; return count."""
        return int(self._transaction(self._write_documents, list(records), run))

    @staticmethod
    def _write_documents(
        conn: sqlite3.Connection, records: list[DocumentRecord], run: int | None
    ) -> int:
        bare = [r for r in records if not (r.formulas or r.definitions or r.problems)]
        if bare:  # skipped and failed pages, most of a dump: in bulk
            # Only documents written before can have child rows (none in a first run).
            earlier = [(doc,) for doc in _existing(conn, [(r.source, r.id) for r in bare])]
            if earlier:
                for table in ("formulas", "definitions", "problems"):
                    conn.executemany(f"DELETE FROM {table} WHERE doc = ?", earlier)
            conn.executemany(
                sql.UPSERT_DOCUMENT.replace("RETURNING doc", ""),
                [(*_document_row(r), run) for r in bare],
            )
        for rec in records:
            if not (rec.formulas or rec.definitions or rec.problems):
                continue
            (doc,) = conn.execute(sql.UPSERT_DOCUMENT, (*_document_row(rec), run)).fetchone()
            for table in ("formulas", "definitions", "problems"):
                conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
            if rec.formulas:
                conn.executemany(sql.INSERT_FORMULA, [(doc, *row) for row in rec.formulas])
                conn.executemany(sql.INSERT_IDENTIFIER, [(doc, *row) for row in rec.identifiers])
            if rec.definitions:
                conn.executemany(sql.INSERT_DEFINITION, [(doc, *row) for row in rec.definitions])
            if rec.problems:
                rows = [(doc, seq, *p) for seq, p in enumerate(rec.problems)]
                conn.executemany(sql.INSERT_PROBLEM, rows)
        return len(records)

    def begin_run(self, options: dict[str, Any]) -> int:
        """Record the start of a run and return its id."""

        def begin(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO runs (started_at, options, resumed) VALUES (?, ?, ?)",
                (_now(), json.dumps(options, sort_keys=True), int(bool(options.get("resume")))),
            )
            return int(cursor.lastrowid or 0)

        return int(self._transaction(begin))

    def record_input(self, run: int, path: str, size: int | None, error: str | None) -> None:
        """Record an input of a run, with the error that stopped reading it, if any."""
        self._transaction(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?)", (run, path, size, error)
            )
        )

    def finish_run(self, run: int, status: str, counts: dict[str, int]) -> None:
        """Record the end of a run, its status and its page counts."""
        self._transaction(
            lambda conn: conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, pages = ?, processed = ?,"
                " skipped = ?, failed = ? WHERE run = ?",
                (
                    _now(),
                    status,
                    counts.get("pages", 0),
                    counts.get("processed", 0),
                    counts.get("skipped", 0),
                    counts.get("failed", 0),
                    run,
                ),
            )
        )

    def replace_namespaces(self, namespaces: Sequence[dict[str, Any]]) -> int:
        """Replace every namespace, in one transaction; return how many were written.

        Each namespace is a dict: ``name``, ``description`` (optional), ``definitions``: rows
        ``(identifier, definiens, score, documents)``, ``documents``: rows ``(doc, weight)``
        (``doc`` is ``documents.doc``).
        """

        def replace(conn: sqlite3.Connection) -> int:
            conn.execute("DELETE FROM namespaces")
            for space in namespaces:
                cursor = conn.execute(
                    "INSERT INTO namespaces (name, description) VALUES (?, ?)",
                    (space["name"], space.get("description", "")),
                )
                number = cursor.lastrowid
                conn.executemany(
                    "INSERT INTO namespace_definitions VALUES (?, ?, ?, ?, ?)",
                    [(number, *row) for row in space.get("definitions", [])],
                )
                conn.executemany(
                    "INSERT INTO namespace_documents VALUES (?, ?, ?)",
                    [(number, *row) for row in space.get("documents", [])],
                )
            return len(namespaces)

        return int(self._transaction(replace))

    def committed(self, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these ``(source, id)`` keys already have a committed document that need not
        be processed again: processed or skipped (a failed one is tried again)."""
        found: set[tuple[str, str]] = set()
        for source, part, marks in _key_batches(keys):
            rows = self.execute(
                f"SELECT id FROM documents WHERE source = ? AND id IN ({marks})"
                " AND status != 'failed'",
                (source, *part),
            )
            found.update((source, row[0]) for row in rows)
        return found

    # -- queries -------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts of the whole database: pages by status, formulas, identifiers, definitions."""
        counts = dict.fromkeys(("processed", "skipped", "failed"), 0)
        for status, n in self.execute("SELECT status, COUNT(*) FROM documents GROUP BY status"):
            counts[status] = n
        result: dict[str, Any] = {"pages": sum(counts.values()), **counts}
        for key, query in (
            ("formulas", "SELECT COUNT(*) FROM formulas"),
            ("identifiers", "SELECT COUNT(*) FROM identifiers"),
            ("distinct_identifiers", "SELECT COUNT(DISTINCT identifier) FROM identifiers"),
            ("definitions", "SELECT COUNT(*) FROM definitions"),
            ("problems", "SELECT COUNT(*) FROM problems"),
            ("runs", "SELECT COUNT(*) FROM runs"),
        ):
            result[key] = self.execute(query)[0][0]
        return result

    def meanings(
        self,
        identifier: str,
        *,
        title: str | None = None,
        namespace: str | None = None,
        limit: int = 10,
        examples: int = 3,
    ) -> list[dict[str, Any]]:
        """The meanings of ``identifier`` across the corpus, best first.

        Each document supports a meaning with its best score; meanings are ranked by the sum of
        these scores (so both support and confidence count). ``namespace`` reads the meanings a
        namespace inherits instead (table ``namespace_definitions``).
        """
        params = {"identifier": identifier, "title": title, "limit": limit}
        if namespace is not None:
            rows = self.execute(sql.NAMESPACE_MEANINGS, {**params, "namespace": namespace})
            return [{**dict(row), "examples": []} for row in rows]
        result = []
        for row in self.execute(sql.MEANINGS, params):
            sample = self.execute(
                sql.EXAMPLES, {**params, "meaning": row["meaning"], "limit": examples}
            )
            result.append({**dict(row), "examples": [dict(r) for r in sample]})
        return result

    def titles_like(self, title: str, limit: int = 5) -> list[str]:
        """Titles of documents that contain ``title`` (case-insensitive), for suggestions."""
        rows = self.execute(
            "SELECT title FROM documents WHERE title LIKE ? ORDER BY title LIMIT ?",
            (f"%{title}%", limit),
        )
        return [row[0] for row in rows]

    def has_title(self, title: str) -> bool:
        """Whether some document has exactly this title."""
        return bool(self.execute("SELECT 1 FROM documents WHERE title = ? LIMIT 1", (title,)))

    def column_types(self, table: str) -> list[tuple[str, str]]:
        """The columns of a table of the schema with their declared types (INTEGER, TEXT…)."""
        if table not in TABLES:
            raise StoreError(f"no such table: {table}", location=str(self.path))
        return [(row[1], row[2]) for row in self.execute(f"PRAGMA table_info({table})")]

    def columns(self, table: str) -> list[str]:
        """The column names of a table of the schema."""
        return [name for name, _ in self.column_types(table)]

    def iter_rows(self, table: str, batch: int = 10_000) -> Iterator[list[tuple[Any, ...]]]:
        """All rows of a table, in primary-key order, in batches of at most ``batch`` rows."""
        columns = self.columns(table)
        order = ", ".join(f'"{c}"' for c in columns[:3])
        cursor = self.read_connection().execute(f"SELECT * FROM {table} ORDER BY {order}")
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield [tuple(row) for row in rows]

    def rows_of(self, table: str, doc: int) -> list[dict[str, Any]]:
        """The rows of a child table (formulas, identifiers, …) that belong to document ``doc``."""
        self.columns(table)
        rows = self.execute(f"SELECT * FROM {table} WHERE doc = ?", (doc,))
        return [dict(row) for row in rows]
