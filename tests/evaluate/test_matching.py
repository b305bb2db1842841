"""Which formula of a page a query names: by TeX (whitespace-insensitive) and position."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from definiens.evaluate.matching import find_formula
from definiens.ingest import Failed, Skipped, from_text, parse, read_inputs
from definiens.model import Document

DATA = Path(__file__).parents[1] / "data"


def wiki(text: str) -> Document:
    return parse(from_text(text, "wikitext", title="Page"))


def _pages(path: Path) -> list[Document]:
    return [parse(item) for item in read_inputs([path]) if not isinstance(item, (Skipped, Failed))]


@pytest.mark.parametrize(
    ("tex", "fid", "expected"),
    [("x^2", 0, 1), ("x^2", 2, 3), (" x ^ 2 ", None, 1), (r"y\,=\,1.", None, 2), ("z", None, None)],
)
def test_find_formula(tex: str, fid: int | None, expected: int | None) -> None:
    doc = wiki("''a'' <math>x^2</math> <math>y = 1</math> <math>x^2</math>")
    found = find_formula(doc, tex, fid)
    assert (found.index if found else None) == expected


def test_find_formula_locates_the_gold_formulas_of_the_copied_pages() -> None:
    """Each NTCIR gold formula (TeX + fid, the index of its <math> tag on the page) of the
    copied dev pages is found at its own tag."""
    gold = json.loads((DATA / "ntcir11" / "gold-dev.json").read_text(encoding="utf-8"))
    pages = {
        doc.title.replace(" ", "_"): doc for doc in _pages(DATA / "ingest" / "pages-dev-5.xml")
    }
    queries = [entry["formula"] for entry in gold if entry["formula"]["title"] in pages]
    assert len(queries) == 5
    for query in queries:
        doc = pages[query["title"]]
        tags = [m.start() for m in re.finditer("<math", doc.source_text)]
        found = find_formula(doc, query["math_inputtex"], int(query["fid"]))
        assert found is not None and found.source_start == tags[int(query["fid"])]
