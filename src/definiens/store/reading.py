"""The queries of a results database: counts, meanings, names, tables for export."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from definiens.errors import StoreError
from definiens.store import statements as sql
from definiens.store.connection import Connection
from definiens.store.schema import TABLES
from definiens.store.texts import unpack_layout, unpack_text
from definiens.store.writing import key_batches

__all__ = ["Reading"]


def _plain_text_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A ``texts`` row with its text as plain text and its layout as plain JSON (for export):
    ``{"offsets": [[text_start, source_start, length], ...], "formulas": [[start, end], ...]}``."""
    doc, text, layout = row
    segments, spans = unpack_layout(layout) if layout else ([], [])
    plain = {"offsets": [list(s) for s in segments], "formulas": [list(s) for s in spans]}
    return doc, unpack_text(text), json.dumps(plain, separators=(",", ":"))


class Reading(Connection):
    """Read-only queries; each opens (once per thread) a ``mode=ro`` connection."""

    def committed(self, keys: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which of these ``(source, id)`` keys already have a committed document that need not
        be processed again: processed or skipped (a failed one is tried again)."""
        found: set[tuple[str, str]] = set()
        for source, part, marks in key_batches(keys):
            rows = self.execute(
                f"SELECT id FROM documents WHERE source = ? AND id IN ({marks})"
                " AND status != 'failed'",
                (source, *part),
            )
            found.update((source, row[0]) for row in rows)
        return found

    def last_run_options(self) -> dict[str, Any] | None:
        """The options the latest run was started with, or None before the first run."""
        rows = self.execute("SELECT options FROM runs ORDER BY run DESC LIMIT 1")
        if not rows:
            return None
        options = json.loads(rows[0][0] or "{}")
        return options if isinstance(options, dict) else {}

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

    def identifiers_like(self, identifiers: Sequence[str], limit: int = 5) -> list[str]:
        """Those of ``identifiers`` that some formula of the database has, and identifiers that
        equal one of them but for letter case: suggestions for an identifier not found."""
        found: dict[str, None] = {}
        for identifier in identifiers:
            rows = self.execute(
                "SELECT DISTINCT identifier FROM identifiers WHERE identifier = ?"
                " OR lower(identifier) = lower(?) ORDER BY identifier != ?, identifier LIMIT ?",
                (identifier, identifier, identifier, limit),
            )
            found.update((row[0], None) for row in rows)
        return list(found)[:limit]

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

    def sources(self) -> list[str]:
        """The inputs the documents were read from (each once)."""
        return [row[0] for row in self.execute("SELECT DISTINCT source FROM documents")]

    def column_types(self, table: str) -> list[tuple[str, str]]:
        """The columns of a table of the schema with their declared types (INTEGER, TEXT…)."""
        if table not in TABLES:
            raise StoreError(f"no such table: {table}", location=str(self.path))
        return [(row[1], row[2]) for row in self.execute(f"PRAGMA table_info({table})")]

    def columns(self, table: str) -> list[str]:
        """The column names of a table of the schema."""
        return [name for name, _ in self.column_types(table)]

    def iter_rows(self, table: str, batch: int = 10_000) -> Iterator[list[tuple[Any, ...]]]:
        """All rows of a table, in primary-key order, in batches of at most ``batch`` rows.

        The ``texts`` table comes out as plain text: its text, and its layout as JSON."""
        columns = self.columns(table)
        order = ", ".join(f'"{c}"' for c in columns[:3] if table != "texts" or c == "doc")
        cursor = self.read_connection().execute(f"SELECT * FROM {table} ORDER BY {order}")
        while rows := cursor.fetchmany(batch):
            if table == "texts":
                yield [_plain_text_row(tuple(row)) for row in rows]
            else:
                yield [tuple(row) for row in rows]
