"""Export a results database for pandas, DuckDB or Spark: parquet, CSV or JSON Lines.

* ``parquet`` and ``csv`` write a folder with one file per table (``documents.parquet``,
  ``formulas.parquet``…), the columns of docs/schema.md, written in batches so memory stays flat.
* ``jsonl`` writes one file with one line per document, its formulas (each with its
  identifiers), definitions and problems nested in it.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from definiens.errors import StoreError, UsageError
from definiens.store.database import Database
from definiens.store.schema import TABLES

__all__ = ["FORMATS", "export", "write_jsonl"]

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


def _documents(database: Database) -> Iterator[dict[str, Any]]:
    for rows in database.iter_rows("documents", batch=1000):
        columns = database.columns("documents")
        for row in rows:
            doc = dict(zip(columns, row, strict=True))
            doc["metadata"] = json.loads(doc["metadata"])
            doc["formulas"], doc["definitions"], doc["problems"] = [], [], []
            if doc["status"] == "processed":
                _add_children(database, doc)
            yield doc


def _add_children(database: Database, doc: dict[str, Any]) -> None:
    identifiers: dict[int, list[dict[str, Any]]] = {}
    for ident in database.rows_of("identifiers", doc["doc"]):
        identifiers.setdefault(ident.pop("formula"), []).append(ident)
        ident.pop("doc")
    for formula in database.rows_of("formulas", doc["doc"]):
        formula.pop("doc")
        formula["flags"] = json.loads(formula["flags"])
        formula["identifiers"] = identifiers.get(formula["formula"], [])
        doc["formulas"].append(formula)
    for table in ("definitions", "problems"):
        for row in database.rows_of(table, doc["doc"]):
            row.pop("doc")
            doc[table].append(row)


def write_jsonl(database: Database, out: TextIO) -> int:
    """Write one JSON line per document to the open text stream ``out``; return how many."""
    count = 0
    for doc in _documents(database):
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
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
