"""Our method takes each document's whole text from the database (the run keeps it: no input
is read again); the documents the run skipped (no formula) join by their text; labels and
metadata never enter the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from definiens.cli.main import main
from definiens.ingest import from_text, parse
from definiens.model import Definiens, Identifier
from definiens.namespaces import Pair, from_document
from definiens.namespaces.text import body_tokens
from definiens.run.namespaces import load_documents
from definiens.store import Database

ENTRY = r"""\documentclass{article}
\usepackage{pmmeta}
\pmcanonicalname{%(name)s}
\pmtitle{%(title)s}
\pmclassification{msc}{%(msc)s}
\endmetadata
\begin{document}
%(body)s
\end{document}
"""


def _entry(folder: Path, name: str, msc: str, body: str) -> Path:
    path = folder / f"{msc[:2]}_Field" / f"{msc}-{name}.tex"
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {"name": name, "title": name.lower(), "msc": msc, "body": body}
    path.write_text(ENTRY % values, encoding="utf-8")
    return path


@pytest.mark.slow  # the run loads spaCy
def test_skipped_entries_join_by_their_text_kept_in_the_database(tmp_path: Path) -> None:
    inputs = tmp_path / "entries"
    _entry(inputs, "Martingale", "60G42", r"A martingale $X_n$ is a stochastic process.")
    _entry(inputs, "Coupling", "60E99", "Coupling compares two random variables on one space.")
    db = tmp_path / "results.db"
    assert main(["run", str(inputs), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    shutil.rmtree(inputs)  # the inputs are not read again
    with Database(db, readonly=True) as database:
        documents, _ = load_documents(database)
        only_db, _ = load_documents(database, full_text=False)
    by_id = {doc.doc_id: doc for doc in documents}
    skipped = by_id["60_Field/60E99-Coupling.tex"]
    assert skipped.labels == ("60",) and not skipped.pairs
    assert "random" in body_tokens(skipped) and "variable" in body_tokens(skipped)
    martingale = by_id["60_Field/60G42-Martingale.tex"]
    assert "stochastic" in body_tokens(martingale)
    for hidden in ("FORMULA", "X_n", "60G42", "pmclassification", "60_Field"):
        assert hidden not in martingale.text
    assert [doc.doc_id for doc in only_db] == ["60_Field/60G42-Martingale.tex"]
    assert only_db[0].text == ""
    assert main(["namespaces", "--db", str(db), "--no-text"]) == 0


def test_a_pipeline_document_as_the_clustering_sees_it() -> None:
    document = parse(
        from_text(
            "The energy <math>E = m c^2</math> of a body at rest.", "wikitext", title="Energy"
        )
    )
    document.formulas[0].identifiers = [Identifier(tex) for tex in ("E", "m", "c")]
    document.definitions = {"E": [Definiens("E", "energy", 0.9, "pattern", "The energy E.")]}
    doc = from_document(document)
    assert doc.doc_id == "Energy" and doc.labels == () and doc.names == ("Energy",)
    assert doc.pairs[0] == Pair("E", "energy", 0.9)
    assert {p.identifier for p in doc.pairs[1:]} == {"m", "c"}
    assert all(p.definiens == "" for p in doc.pairs[1:])
    assert doc.sentences == ("The energy E.",) and doc.formulas == ("E = m c^2",)
    assert "FORMULA" not in doc.text and body_tokens(doc) == ["energy", "body", "rest"]
