"""Namespace discovery on PlanetMath: the thesis's method and ours, side by side.

The identifier–definiens pairs come from the real pipeline: ``definiens run`` over the 9,477
PlanetMath entries writes them to a results database, which is the cache
(benchmarks/out/planetmath.db, gitignored). If it does not exist it is built once from
``--data``/planetmath-tex.tar.gz (extracted to /tmp/planetmath); that takes about 9 minutes on
two cores.

For each method it prints the number of namespaces (clusters with purity >= 0.8 w.r.t. the
entries' top-level MSC classes and >= 5 documents), the coverage (share of documents inside a
namespace: of the processed entries and of all 9,477) and the overall purity of the clustering.
``pairs`` is our previous method (pair tokens only, size-cut Ward tree); ``ours, no smoothing``
is ours without the nearest-neighbour smoothing, and ``ours' vectors, k-means`` our vectors
clustered the thesis's way (MiniBatchKMeans, k = N/10), to show what each part brings.

Overall purity rises with the number of clusters (a clustering into singletons is pure), so the
defaults are followed by pairs at the same number of clusters: the thesis's MiniBatchKMeans with
k set to the number of clusters our method found (default cut, and a finer cut: groups of at most
6 documents), and the thesis with one cluster per 2.3 documents (its own ratio as we read it,
9,750 clusters for 22,512 articles).

    .venv/bin/python benchmarks/bench_namespaces.py [--db benchmarks/out/planetmath.db]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from definiens.namespaces import (
    METHODS,
    Clustering,
    DocumentPairs,
    Method,
    discover,
    load_documents,
)
from definiens.store import Database

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = 9_477


def build_database(db: Path, data: Path, folder: Path) -> None:
    """Run the real pipeline over the PlanetMath entries (once; the database is the cache)."""
    if not folder.is_dir():
        with tarfile.open(data / "planetmath-tex.tar.gz") as archive:
            archive.extractall(folder.parent, filter="data")
    db.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "definiens", "run", str(folder), "--db", str(db)]
    subprocess.run([*command, "--no-progress"], check=True)


def load(db: Path) -> tuple[list[DocumentPairs], dict[str, str]]:
    with Database(db, readonly=True) as database:
        return load_documents(database)


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
    data: tuple[list[DocumentPairs], dict[str, str]], method: Method, label: str, seed: int
) -> dict[str, object]:
    documents, names = data
    start = time.process_time()
    clustering = discover(documents, method, label_names=names, seed=seed)
    summary = clustering.summary
    undefined, filled = inheritable(clustering)
    return {
        "method": label,
        "namespaces": summary.namespaces,
        "coverage": round(summary.coverage, 3),
        "coverage_of_9477": round(summary.covered / ENTRIES, 3),
        "covered": summary.covered,
        "purity": round(summary.purity, 3),
        "namespace_purity": round(summary.namespace_purity, 3),
        "clusters": summary.clusters,
        "clustered": summary.clustered,
        "documents": summary.documents,
        "cpu_seconds": round(time.process_time() - start, 1),
        "undefined_in_namespaces": undefined,
        "inherited": filled,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/planetmath.db")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/planetmath"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not args.db.is_file():
        build_database(args.db, args.data, args.folder)
    full = load(args.db)
    thesis, ours = METHODS["thesis"], METHODS["ours"]
    fine = dataclasses.replace(ours, max_size=6, slack=1)
    plain = dataclasses.replace(ours, smooth=0.0)
    flat = dataclasses.replace(ours, tree=False, docs_per_cluster=thesis.docs_per_cluster)
    rows = [
        measure(full, thesis, "thesis", args.seed),
        measure(full, ours, "ours", args.seed),
        measure(full, METHODS["pairs"], "pairs (old ours)", args.seed),
        measure(full, plain, "ours, no smoothing", args.seed),
        measure(full, flat, "ours' vectors, k-means", args.seed),
    ]
    clustered = int(str(rows[0]["clustered"]))
    for label, method, model in (("", ours, rows[1]), ("fine ", fine, None)):
        if model is None:
            model = measure(full, method, f"ours {label.strip()}", args.seed)
        per = clustered / int(str(model["clusters"]))
        same = dataclasses.replace(thesis, docs_per_cluster=per)
        rows += [measure(full, same, f"thesis k={model['clusters']}", args.seed)]
        if label:
            rows += [model]
    ratio = dataclasses.replace(thesis, docs_per_cluster=2.3)
    rows.append(measure(full, ratio, "thesis k=N/2.3", args.seed))
    header = f"{'method':<24}{'namespaces':>11}{'coverage':>10}{'of 9477':>9}{'purity':>8}"
    print(header + f"{'ns purity':>10}{'clusters':>9}{'clustered':>10}{'cpu s':>7}")
    for r in rows:
        print(
            f"{r['method']:<24}{r['namespaces']:>11}{r['coverage']:>10.3f}"
            f"{r['coverage_of_9477']:>9.3f}{r['purity']:>8.3f}{r['namespace_purity']:>10.3f}"
            f"{r['clusters']:>9}{r['clustered']:>10}{r['cpu_seconds']:>7}"
        )
    print(f"documents: {rows[0]['documents']} processed entries of {ENTRIES}")
    best = rows[1]
    print(
        f"ours: {best['inherited']} of {best['undefined_in_namespaces']} identifiers used "
        "without a definiens in namespace documents can inherit the namespace's meaning"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
