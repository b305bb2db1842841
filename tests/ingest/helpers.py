"""Shared helpers of the reader tests: where the test data is, reading it all."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from definiens.ingest import Failed, Skipped, parse, read_inputs
from definiens.model import Document

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


def read_all(paths: Sequence[str | Path], **options: Any) -> list[Any]:
    """Every item of the inputs, documents parsed."""
    return [
        parse(item) if isinstance(item, Document) else item
        for item in read_inputs(paths, **options)
    ]


def documents(items: list[Any]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failed(items: list[Any]) -> list[Failed]:
    return [item for item in items if isinstance(item, Failed)]


def skipped(items: list[Any]) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


def relative(value: Any) -> Any:
    """``value`` with the test data folder removed from every path (stable golden files)."""
    text = json.dumps(value, ensure_ascii=False)
    prefix = json.dumps(str(DATA) + "/")[1:-1]
    return json.loads(text.replace(prefix, ""))
