"""Every reader reads every family of pathological input in linear time: the CPU time ratio
of an input eight times larger stays within x2.3 per doubling (``tests/scaling.py``; the
families are those of ``benchmarks/bench_scaling.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from definiens.ingest import from_text, parse, read_inputs
from definiens.model import Document
from scaling import LIMIT, growth, pathological

FAMILIES = [f for f in pathological().FAMILIES if f.target in ("wikitext", "latex", "markdown")]
DUMPS = [f for f in pathological().FAMILIES if f.target == "xmldump"]


@pytest.mark.parametrize("family", FAMILIES, ids=[f.label for f in FAMILIES])
def test_the_parsers_are_linear(family: Any) -> None:
    def run(text: str) -> None:
        parse(from_text(text, family.target))

    assert growth(family.make, run, max(1, family.size // 8)) <= LIMIT


@pytest.mark.parametrize("family", DUMPS, ids=[f.label for f in DUMPS])
def test_the_dump_reader_is_linear(family: Any, tmp_path: Path) -> None:
    files: dict[str, Path] = {}

    def run(text: str) -> None:
        path = files.get(text)
        if path is None:
            path = files[text] = tmp_path / f"dump-{len(files)}.xml"
            path.write_text(text, encoding="utf-8")
        for item in read_inputs([path]):
            if isinstance(item, Document):
                parse(item)

    assert growth(family.make, run, max(1, family.size // 8)) <= LIMIT
