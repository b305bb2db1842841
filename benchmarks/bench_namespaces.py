"""Namespace discovery on PlanetMath: the thesis's method and ours, side by side.

The identifier–definiens pairs come from the real pipeline: ``definiens run`` over the 9,477
PlanetMath entries writes them to a results database, which is the cache
(benchmarks/out/planetmath.db, gitignored). If it does not exist it is built once from
``--data``/planetmath-tex.tar.gz (extracted to /tmp/planetmath); that takes 4-10 minutes on
two cores. Our method also reads each entry's whole text from its source file (the path the
database records), and places the entries the run skipped (no formula) by their title and text.

For each method it prints the number of namespaces (coherent clusters of >= 5 documents, found
without labels: see definiens.namespaces.coherence), the share of all 9,477 entries inside one,
and against the labels: the coverage under the thesis's rule (clusters with purity >= 0.8 and
>= 5 documents) w.r.t. the entries' top-level MSC classes (any of them: ``of 8889``/``of 9477``)
and w.r.t. their FIRST MSC class alone (``1st cls``, issue 18's target >= 0.65: entries in
clusters of >= 5 entries of which >= 80% share their first class), and the overall purity.
``in ns`` counts the same entries inside the coherent namespaces only. ``--methods ours,thesis``
runs only those rows. ``--ceiling`` prints how well our vectors tell an entry's first class at
all: the share of entries whose 5 nearest neighbours mostly share it, and the 5-fold accuracy of
a linear SVM trained on the labels (for the figure only; the clustering never sees them).
Ablations: ``ours, database only`` does not read the sources (our previous default), ``ours,
processed only`` reads them but leaves out the skipped entries, ``pairs`` is our first method
(pair tokens only, size-cut Ward tree), ``ours, no smoothing`` drops the nearest-neighbour
smoothing, ``ours, splinters kept`` leaves the tree's groups of fewer than 5 documents as they
are (before issue 18) instead of joining them to the nearest larger group, ``ours' vectors,
k-means`` clusters our vectors the thesis's way (MiniBatchKMeans, k = N/10). Overall purity
rises with the number of clusters, so the thesis's method is also run with as many clusters
as ours found, and with its own ratio as we read it (k = N/2.3).

``--dev`` measures the NTCIR-11 dev F1 with and without namespaces: the 50 dev wiki pages go
through the pipeline (``extract``), join the PlanetMath entries in one clustering (they carry no
labels), and a page that falls inside a namespace is re-ranked with its table (``rerank``: its
identifiers without a meaning inherit the namespace's); both ident CSVs are written to
``--dev-out`` and scored as ``definiens evaluate`` does.

``--held-out`` checks the one weight chosen on this benchmark (the text block's): the entries
are split in two halves by a hash of their path; the weight is chosen on half A (best coverage)
and every weight is reported on half B, each half clustered by itself.

    .venv/bin/python benchmarks/bench_namespaces.py [--db benchmarks/out/planetmath.db] \
        [--methods ours,thesis] [--held-out] [--json benchmarks/out/bench_namespaces.json]

Data: ``planetmath-tex.tar.gz`` (to build the database and for the entries' text, extracted to
``--folder``) and, for ``--dev``, ``ntcir11-wiki/pages-dev.xml`` and ``gold-dev.json``, from the
shared data folder (``--data``, default ``../shared/data`` beside the repository; see
benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import numpy as np

from definiens.namespaces import (
    METHODS,
    Clustering,
    DocumentPairs,
    Method,
    discover,
    from_document,
)
from definiens.run.namespaces import load_documents
from definiens.store import Database
from shared_data import add_data_option, require

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = 9_477
PLANETMATH = "planetmath-tex.tar.gz"
DEV = ("ntcir11-wiki/pages-dev.xml", "ntcir11-wiki/gold-dev.json")
WEIGHTS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)

Data = tuple[list[DocumentPairs], dict[str, str]]


def build_database(db: Path, data: Path, folder: Path) -> None:
    """Run the real pipeline over the PlanetMath entries (once; the database is the cache)."""
    if not folder.is_dir():
        with tarfile.open(data / "planetmath-tex.tar.gz") as archive:
            archive.extractall(folder.parent, filter="data")
    db.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "definiens", "run", str(folder), "--db", str(db)]
    subprocess.run([*command, "--no-progress"], check=True)


FIRST: dict[str, str] = {}  # document id -> top-level MSC code of its first class


def load(db: Path, sources: bool) -> tuple[Data, set[str]]:
    """The documents (with the skipped entries when ``sources``) and the processed ones' ids;
    fills FIRST with each entry's first MSC class (top level)."""
    with Database(db, readonly=True) as database:
        data = load_documents(database, full_text=sources)
        entries = database.corpus_documents()
    processed = {e.doc for e in entries if e.status == "processed"}
    first = {e.doc: str(e.metadata["msc"][0])[:2] for e in entries if e.metadata.get("msc")}
    FIRST.update({doc.doc_id: first[doc.key] for doc in data[0] if doc.key in first})
    return data, {doc.doc_id for doc in data[0] if doc.key in processed}


def first_class_coverage(
    clustering: Clustering, entries: int, only: set[int] | None = None
) -> tuple[int, float]:
    """Entries in clusters of >= 5 entries of which >= 80% share their first MSC class, and
    their share of ``entries`` (the thesis's rule against the first class alone); with
    ``only``, just the clusters of those numbers count (the coherent namespaces)."""
    members: dict[int, list[str]] = {}
    for doc_id, cluster in clustering.assignments.items():
        if doc_id.endswith(".tex") and (only is None or cluster in only):
            members.setdefault(cluster, []).append(FIRST.get(doc_id, ""))
    covered = 0
    for labels in members.values():
        top = max(labels.count(label) for label in set(labels))
        if len(labels) >= 5 and top >= 0.8 * len(labels):
            covered += len(labels)
    return covered, covered / entries


def inheritable(clustering: Clustering) -> tuple[int, int]:
    """Identifiers used without a definiens in namespace documents, and how many of them the
    namespace's table can give a meaning (a row supported by >= 2 documents), as rerank does."""
    by_id = {doc.doc_id: doc for doc in clustering.documents}
    undefined = filled = 0
    for space in clustering.namespaces:
        known = {row.identifier for row in space.table if row.support >= 2}
        for doc_id in space.documents:
            uses = [p.identifier for p in by_id[doc_id].pairs if not p.definiens]
            undefined += len(uses)
            filled += sum(ident in known for ident in uses)
    return undefined, filled


def measure(
    data: Data, processed: set[str], method: Method, label: str, seed: int, entries: int = ENTRIES
) -> dict[str, object]:
    documents, names = data
    start = time.process_time()
    clustering = discover(documents, method, label_names=names, seed=seed)
    summary = clustering.summary
    pure = [s for s in clustering.clusters if (s.purity or 0) >= 0.8 and len(s.documents) >= 5]
    inside = [d for space in pure for d in space.documents]
    covered_entries = sum(d.endswith(".tex") for d in inside)
    covered_processed = sum(d in processed for d in inside)
    undefined, filled = inheritable(clustering)
    first_covered, first_share = first_class_coverage(clustering, entries)
    in_spaces = [d for space in clustering.namespaces for d in space.documents]
    spaces = {space.cluster for space in clustering.namespaces}
    first_in_spaces = first_class_coverage(clustering, entries, spaces)[1]
    coherences = [space.coherence for space in clustering.namespaces] or [0.0]
    return {
        "method": label,
        "namespaces": summary.namespaces,
        "namespace_coverage": round(sum(d.endswith(".tex") for d in in_spaces) / entries, 3),
        "coherence": round(summary.coherence, 3),
        "first_class_coverage": round(first_share, 3),
        "first_class_covered": first_covered,
        "first_class_in_namespaces": round(first_in_spaces, 3),
        "coherence_quartiles": [
            round(float(q), 2) for q in np.quantile(coherences, (0.25, 0.5, 0.75))
        ],
        "pure_clusters": len(pure),
        "coverage": round(covered_processed / len(processed), 3),
        "coverage_of_9477": round(covered_entries / entries, 3),
        "covered_entries": covered_entries,
        "purity": round(summary.purity, 3),
        "namespace_purity": round(summary.namespace_purity, 3),
        "clusters": summary.clusters,
        "clustered": summary.clustered,
        "documents": summary.documents,
        "cpu_seconds": round(time.process_time() - start, 1),
        "undefined_in_namespaces": undefined,
        "inherited": filled,
    }


def _print(rows: list[dict[str, object]], first: str = "of 8889", second: str = "of 9477") -> None:
    header = f"{'method':<28}{'namespaces':>11}{'in them':>8}{'coher.':>7}{'pure':>6}"
    header += f"{first:>9}{second:>9}{'1st cls':>8}{'in ns':>6}{'purity':>8}"
    print(header + f"{'ns purity':>10}{'clusters':>9}{'clustered':>10}{'cpu s':>7}")
    for r in rows:
        print(
            f"{r['method']:<28}{r['namespaces']:>11}{r['namespace_coverage']:>8.3f}"
            f"{r['coherence']:>7.2f}{r['pure_clusters']:>6}{r['coverage']:>9.3f}"
            f"{r['coverage_of_9477']:>9.3f}{r['first_class_coverage']:>8.3f}"
            f"{r['first_class_in_namespaces']:>6.3f}{r['purity']:>8.3f}"
            f"{r['namespace_purity']:>10.3f}{r['clusters']:>9}{r['clustered']:>10}"
            f"{r['cpu_seconds']:>7}"
        )
    for r in rows:
        print(f"{r['method']}: namespace coherence quartiles {r['coherence_quartiles']}")


def comparison(db: Path, seed: int, methods: set[str] | None = None) -> list[dict[str, object]]:
    """Every row (or those named in ``methods``: thesis, ours, "ours, processed only", …)."""
    full, processed = load(db, sources=True)
    wanted = methods or set()

    def keep(label: str) -> bool:
        return not wanted or label in wanted

    thesis, ours = METHODS["thesis"], METHODS["ours"]
    plain = dataclasses.replace(ours, smooth=0.0)
    flat = dataclasses.replace(ours, tree=False, docs_per_cluster=thesis.docs_per_cluster)
    only_processed = ([d for d in full[0] if d.doc_id in processed], full[1])
    plan = [
        ("thesis", lambda: full, thesis),
        ("ours", lambda: full, ours),
        ("ours, processed only", lambda: only_processed, ours),
        ("ours, database only", lambda: load(db, sources=False)[0], ours),
        ("pairs (first ours)", lambda: full, METHODS["pairs"]),
        ("ours, no smoothing", lambda: full, plain),
        ("ours, splinters kept", lambda: full, dataclasses.replace(ours, absorb=False)),
        ("ours' vectors, k-means", lambda: full, flat),
    ]
    rows = [
        measure(data(), processed, method, label, seed)
        for label, data, method in plan
        if keep(label)
    ]
    by_label = {str(r["method"]): r for r in rows}
    if "thesis" in by_label and "ours" in by_label and not wanted:
        per = int(str(by_label["thesis"]["clustered"])) / int(str(by_label["ours"]["clusters"]))
        same = dataclasses.replace(thesis, docs_per_cluster=per)
        rows.append(
            measure(full, processed, same, f"thesis k={by_label['ours']['clusters']}", seed)
        )
        ratio = dataclasses.replace(thesis, docs_per_cluster=2.3)
        rows.append(measure(full, processed, ratio, "thesis k=N/2.3", seed))
    _print(rows)
    print(f"documents: {len(processed)} processed entries of {ENTRIES}, {len(full[0])} placed")
    best = by_label.get("ours")
    if best:
        print(
            f"ours: {best['inherited']} of {best['undefined_in_namespaces']} identifiers used "
            "without a definiens in namespace documents can inherit the namespace's meaning"
        )
    return rows


def _nearest_agree(vectors: np.ndarray, first: np.ndarray, k: int = 5) -> float:
    """Share of the entries whose first class is the commonest among their k nearest others."""
    hits = 0
    for start in range(0, len(vectors), 1000):
        sims = vectors[start : start + 1000] @ vectors.T
        np.fill_diagonal(sims[:, start:], -np.inf)
        near = np.argpartition(-sims, k, axis=1)[:, :k]
        for row, neighbours in enumerate(first[near]):
            values, counts = np.unique(neighbours, return_counts=True)
            hits += values[np.argmax(counts)] == first[start + row]
    return hits / len(vectors)


def ceiling(db: Path, seed: int) -> dict[str, float]:
    """How far our vectors can tell an entry's first MSC class at all (labels read here only,
    for the figure): the share of entries whose 5 nearest neighbours mostly share it, and the
    5-fold accuracy of a linear SVM trained on the labels (a supervised bound of sorts)."""
    from sklearn.model_selection import KFold, cross_val_score
    from sklearn.svm import LinearSVC

    from definiens.namespaces.embed import embed, has_tokens

    (documents, _), _ = load(db, sources=True)
    method = METHODS["ours"]
    placed = [d for d in documents if has_tokens(d, method)]
    vectors = embed(placed, method, seed)[0]
    keep = np.array([d.doc_id.endswith(".tex") and bool(FIRST.get(d.doc_id)) for d in placed])
    vectors = vectors[keep]
    first = np.array([FIRST[d.doc_id] for d, kept in zip(placed, keep, strict=True) if kept])
    folds = KFold(5, shuffle=True, random_state=seed)
    svm = cross_val_score(LinearSVC(C=0.5), vectors, first, cv=folds).mean()
    result = {
        "entries": len(first),
        "knn5_agree": round(float(_nearest_agree(vectors, first)), 3),
    }
    result["svm_5fold"] = round(float(svm), 3)
    print(f"first MSC class from our vectors: {result}")
    return result


def _half(doc_id: str) -> str:
    return "AB"[hashlib.sha256(doc_id.encode()).digest()[0] % 2]


def held_out(db: Path, seed: int) -> dict[str, object]:
    """Choose the text block's weight on half A, report every weight on half B."""
    (documents, names), processed = load(db, sources=True)
    halves: dict[str, Data] = {
        half: ([d for d in documents if _half(d.doc_id) == half], names) for half in "AB"
    }
    ours, out = METHODS["ours"], {}
    for half in "AB":
        docs = halves[half][0]
        size = sum(d.doc_id.endswith(".tex") for d in docs)
        mine = {d.doc_id for d in docs} & processed
        rows = [measure(halves[half], mine, METHODS["thesis"], "thesis", seed, size)]
        for weight in WEIGHTS:
            blocks = tuple((n, weight if n == "text" else w) for n, w in ours.blocks)
            method = dataclasses.replace(ours, blocks=blocks)
            rows.append(measure(halves[half], mine, method, f"ours, text {weight}", seed, size))
        print(f"half {half}: {len(mine)} processed entries, {size} entries")
        _print(rows, "of proc.", "of all")
        out[half] = rows
    a_rows = out["A"][1:]
    chosen = max(a_rows, key=lambda r: float(str(r["coverage_of_9477"])))
    print(f"chosen on A: {chosen['method']}")
    return {"chosen_on_A": chosen["method"], "A": out["A"], "B": out["B"]}


def dev_f1(db: Path, data: Path, out: Path, seed: int) -> dict[str, object]:
    """Dev F1 with and without namespaces learnt on PlanetMath (see the module docstring)."""
    from definiens.evaluate import ident_rows_for, load_gold, score, write_ident_csv
    from definiens.namespaces import rerank
    from definiens.pipeline import extract_documents

    gold = load_gold(data / "ntcir11-wiki/gold-dev.json")
    pages = list(extract_documents([data / "ntcir11-wiki/pages-dev.xml"]))
    (documents, names), _ = load(db, sources=True)
    placed = [from_document(page) for page in pages]
    clustering = discover(documents + placed, "ours", label_names=names, seed=seed)
    spaces = [clustering.namespace_of(p.doc_id) for p in placed]
    reranked = [
        rerank(page, space) if space is not None else page
        for page, space in zip(pages, spaces, strict=True)
    ]
    inherited = [
        (page.title, identifier, items[0].text)
        for page in reranked
        for identifier, items in page.definitions.items()
        if items and items[0].method == "namespace"
    ]
    result: dict[str, object] = {
        "pages": len(pages),
        "in_namespace": sum(bool(s) for s in spaces),
        "inherited": inherited,
    }
    out.mkdir(parents=True, exist_ok=True)
    for label, docs in (("without", pages), ("with", reranked)):
        rows = ident_rows_for(docs, gold, indices=False)  # the NTCIR gold lists no index i
        write_ident_csv(rows, out / f"dev-{label}-namespaces.csv")
        figures = score(gold, rows)
        result[label] = {
            "precision": round(figures.precision, 3),
            "recall": round(figures.recall, 3),
            "f1": round(figures.f1, 3),
            "rows": len(rows),
        }
        print(f"dev {label} namespaces: {result[label]}")
    chosen = [f"{p.title} -> {s.name}" for p, s in zip(pages, spaces, strict=True) if s]
    print(f"{result['in_namespace']} of {len(pages)} dev pages in a namespace: {chosen}")
    print(f"{len(inherited)} identifiers inherit a meaning: {inherited}")
    result["assignments"] = chosen
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/planetmath.db")
    add_data_option(parser, PLANETMATH, *DEV)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/planetmath"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--held-out", action="store_true", help="also run the held-out check")
    parser.add_argument("--dev", action="store_true", help="also measure the dev F1")
    parser.add_argument(
        "--ceiling", action="store_true", help="also: how well our vectors tell the first class"
    )
    parser.add_argument("--dev-out", type=Path, default=Path("/tmp/namespaces-dev"))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--methods",
        help="only these rows, separated by commas, or by ';' when a row's name has a comma "
        "(e.g. 'ours,thesis' or 'ours;ours, splinters kept'; default all)",
    )
    args = parser.parse_args()
    if not args.db.is_file() and not args.folder.is_dir():
        require(parser, args.data / PLANETMATH)
    if args.dev:
        require(parser, *(args.data / name for name in DEV))
    if not args.db.is_file():
        build_database(args.db, args.data, args.folder)
    result: dict[str, object] = {}
    if args.held_out:
        result["held_out"] = held_out(args.db, args.seed)
    if args.ceiling:
        result["ceiling"] = ceiling(args.db, args.seed)
    if args.dev:
        result["dev"] = dev_f1(args.db, args.data, args.dev_out, args.seed)
    separator = ";" if args.methods and ";" in args.methods else ","
    methods = {m.strip() for m in args.methods.split(separator)} if args.methods else None
    result["comparison"] = comparison(args.db, args.seed, methods)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
