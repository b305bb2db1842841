"""Namespaces of a corpus without labels: a shipped folder of 21 LaTeX chapters (PlanetMath
entries with their classification stripped, tests/data/namespaces/README.md) goes through
``definiens run`` and ``definiens namespaces``; namespaces are found, coherent, and named with
the corpus's own words."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from definiens.cli.main import main
from definiens.namespaces import MIN_COHERENCE, discover
from definiens.run.namespaces import define_in_namespace, load_documents
from definiens.store import Database

DATA = Path(__file__).parents[1] / "data" / "namespaces" / "unlabelled"
# What the test knows of the chapters (the data carries no such label): their subjects.
SUBJECTS = {
    "groups": {
        "Normalizer",
        "Centralizer",
        "FrattiniSubgroup",
        "MaximalSubgroup",
        "SubnormalSubgroup",
        "Stabilizer",
        "ClassEquationTheorem",
    },
    "graphs": {
        "EdgeCovering",
        "Matching",
        "Clique",
        "Bridge",
        "SizeofAGraph",
        "OrderofAGraph",
        "IndependentSetAndIndependenceNumber",
    },
}

pytestmark = pytest.mark.slow  # the run loads spaCy


@pytest.fixture(scope="module")
def chapters_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("unlabelled") / "chapters.db"
    assert main(["run", str(DATA), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    return db


def _corpus_words() -> set[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in DATA.glob("*.tex"))
    return set(re.findall(r"[a-z][a-z-]*[a-z]", text.lower()))


def test_the_chapters_carry_no_classification() -> None:
    for path in DATA.glob("*.tex"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\\pm[a-z]{3,}\{", text) and "msc" not in text.lower()
        assert not re.match(r"\d\d", path.name)


def test_namespaces_are_found_and_named_with_the_corpus_words(
    chapters_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = tmp_path / "namespaces.png"
    assert main(["namespaces", "--db", str(chapters_db), "--plot", str(picture)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("ours: 21 documents, 21 clustered in ")
    assert "have labels" not in first  # no purity without labels
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Database(chapters_db, readonly=True) as database:
        tables = database.namespace_tables()
        members = {
            name: {
                row[0]
                for row in database.execute(
                    "SELECT d.id FROM namespace_documents AS nd JOIN documents AS d USING (doc)"
                    " JOIN namespaces AS n USING (namespace) WHERE n.name = ?",
                    (name,),
                )
            }
            for name in (table.name for table in tables)
        }
        meanings = {t.name: define_in_namespace(database, "G", t.name) for t in tables}
    assert len(tables) >= 2 and f"{len(tables)} namespaces" in first
    words = _corpus_words()
    for table in tables:
        assert (table.label, table.purity) == ("", None) and table.coherence >= MIN_COHERENCE
        name_words = re.sub(r" \(\d+\)$", "", table.name).split(" · ")
        assert 1 <= len(name_words) <= 3 and set(name_words) <= words
    # the group chapters and the graph chapters each make a namespace of their own, in which
    # "G" means what it means there
    for subject, meaning in (("groups", "group"), ("graphs", "graph")):
        name, docs = max(
            members.items(),
            key=lambda item: len({Path(d).stem for d in item[1]} & SUBJECTS[subject]),
        )
        assert len({Path(d).stem for d in docs} & SUBJECTS[subject]) >= 0.8 * len(docs) >= 4
        assert meanings[name][0]["definiens"] == meaning


def test_a_corpus_of_one_cluster_is_named_too(chapters_db: Path) -> None:
    with Database(chapters_db, readonly=True) as database:
        documents, names = load_documents(database)
    groups = [doc for doc in documents if Path(doc.doc_id).stem in SUBJECTS["groups"]]
    clustering = discover(groups, "ours", label_names=names)
    assert len(clustering.clusters) == 1  # 7 documents: one cluster, the whole corpus
    name = clustering.clusters[0].name
    assert len(name.split(" · ")) == 3 and set(name.split(" · ")) <= _corpus_words()


def test_an_old_schema_3_file_gets_the_new_columns(chapters_db: Path, tmp_path: Path) -> None:
    """A schema 3 database written before namespaces had a label, purity and coherence."""
    copy = tmp_path / "old.db"
    copy.write_bytes(chapters_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        for column in ("label", "purity", "coherence"):
            conn.execute(f"ALTER TABLE namespaces DROP COLUMN {column}")
    with Database(copy, readonly=True) as database:  # read as it is: defaults
        assert all(t.label == "" and t.purity is None for t in database.namespace_tables())
    assert main(["namespaces", "--db", str(copy)]) == 0
    with Database(copy, readonly=True) as database:
        assert all(t.coherence >= MIN_COHERENCE for t in database.namespace_tables())
