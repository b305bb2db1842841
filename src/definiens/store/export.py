"""Export a results database for pandas, DuckDB or Spark: parquet, CSV or JSON Lines.

* ``parquet`` and ``csv`` write a folder with one file per table (``documents.parquet``,
  ``formulas.parquet``…), the columns of docs/schema.md, written in batches so memory stays flat.
* ``jsonl`` writes one file with one line per document: the one document record of
  :mod:`definiens.serial` (formulas with their identifiers, definitions, problems, text and
  offset map nested in it) with the database's ``doc``, ``status`` and ``reason``.
"""

from __future__ import annotations

import csv
import logging
import os
from pathlib import Path
from typing import Any, TextIO

from definiens import serial
from definiens.errors import StoreError, UsageError
from definiens.model import Document
from definiens.store.database import Database
from definiens.store.entries import DocumentEntry
from definiens.store.schema import TABLES

__all__ = ["FORMATS", "export", "export_record", "write_jsonl"]

logger = logging.getLogger(__name__)

FORMATS = ("parquet", "csv", "jsonl")


def _arrow_schema(database: Database, table: str) -> Any:
    import pyarrow as pa

    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return pa.schema(
        [
            (name, types.get(kind.upper(), pa.string()))
            for name, kind in database.column_types(table)
        ]
    )


def _write_parquet(database: Database, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(database, table)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in database.iter_rows(table):
            columns = list(zip(*rows, strict=True))
            writer.write_table(
                pa.Table.from_arrays(
                    [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
                    schema=schema,
                )
            )
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _write_csv(database: Database, table: str, path: Path) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(database.columns(table))
        for rows in database.iter_rows(table):
            writer.writerows(rows)
            count += len(rows)
    return count


def export_record(entry: DocumentEntry, document: Document) -> dict[str, Any]:
    """The JSON Lines record of a database document: the one document record
    (:func:`definiens.serial.to_record`) with the database's ``doc``, ``status`` and
    ``reason`` added; :func:`definiens.serial.from_record` reads it back."""
    return {
        "doc": entry.doc,
        **serial.to_record(document),
        "status": entry.status,
        "reason": entry.reason,
    }


def write_jsonl(database: Database, out: TextIO) -> int:
    """Write one JSON line per document to the open text stream ``out``; return how many."""
    count = 0
    for entry, document in database.documents():
        out.write(serial.dumps(export_record(entry, document)) + "\n")
        count += 1
    return count


def _write_jsonl(database: Database, path: Path) -> int:
    with path.open("w", encoding="utf-8") as out:
        return write_jsonl(database, out)


def _is_database(target: Path, database: Database) -> bool:
    files = database.files()
    if target.resolve() in files:
        return True
    try:
        return target.exists() and files[0].exists() and os.path.samefile(target, files[0])
    except OSError:
        return False


def _check_targets(targets: list[Path], database: Database, out: Path) -> None:
    for target in targets:
        if _is_database(target, database):
            raise UsageError(
                f"{out}: the export would overwrite the database {database.path} it reads"
            )


def export(database: Database, fmt: str, out: str | Path) -> dict[str, int]:
    """Write the database to ``out`` in format ``fmt``; return rows (or documents) written.

    :class:`UsageError`, before anything is written, if the export would overwrite the
    database it reads (``out`` is the database file, or one of the files written is).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    out = Path(out)
    try:
        if fmt == "jsonl":
            if out.is_dir():
                raise UsageError(f"{out} is a folder; jsonl export writes one file")
            _check_targets([out], database, out)
            out.parent.mkdir(parents=True, exist_ok=True)
            return {"documents": _write_jsonl(database, out)}
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out} is a file; {fmt} export writes a folder, one file per table")
        _check_targets([out / f"{table}.{fmt}" for table in TABLES], database, out)
        out.mkdir(parents=True, exist_ok=True)
        write = _write_parquet if fmt == "parquet" else _write_csv
        return {table: write(database, table, out / f"{table}.{fmt}") for table in TABLES}
    except OSError as exc:
        raise StoreError(f"cannot write the export: {exc}", location=str(out)) from exc
