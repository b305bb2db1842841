"""Golden-file tests: each reader on real pages gives exactly the reviewed output.

Regenerate with ``DEFINIENS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/ingest/test_golden.py`` and
review the diff by eye.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from definiens import serial
from definiens.ingest import Failed, Skipped

from .helpers import DATA, read_all, relative

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("DEFINIENS_UPDATE_GOLDEN") == "1"

CASES = {
    "wiki-pages-dev-5": "pages-dev-5.xml",
    "wiki-enwiki-fragment-3": "enwiki-fragment-3.xml",
    "wikitext-file": "Antisymmetric_relation.wiki",
    "latex-planetmath": "planetmath",
    "markdown": "markdown",
    "notebook": "notebooks",
}


def _output(input_name: str) -> list[dict[str, Any]]:
    out = []
    for item in read_all([DATA / input_name]):
        if isinstance(item, Skipped | Failed):
            out.append({"item": type(item).__name__, **asdict(item)})
        else:
            record = serial.to_record(item)
            del record["offsets"]  # the golden files never held the offset map
            out.append(record)
    return list(relative(out))


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_matches_golden(name: str) -> None:
    got = _output(CASES[name])
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert len(got) == len(expected)
    for have, want in zip(got, expected, strict=True):
        assert have == want, f"{name}: {want.get('title')} differs from the golden file"
