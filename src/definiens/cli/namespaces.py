"""``definiens namespaces``: discover identifier namespaces in a results database."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Any

from definiens.cli.paths import check_output
from definiens.errors import UsageError

__all__ = ["register", "run", "summary_line", "summary_lines"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "namespaces",
        help="discover identifier namespaces (notations shared by a field) in a database",
        description="Cluster the documents of a results database by their identifier-definiens "
        "pairs and words; clusters of >= 5 documents whose documents give their identifiers "
        "the same meanings more consistently than the rest of the corpus (coherence) become "
        "namespaces, each named by its most characteristic words and with a table identifier "
        "-> definiens. No labels are needed; where documents carry categories (PlanetMath: "
        "top-level MSC class), each namespace's majority label and purity are shown beside. "
        "The namespaces are stored in the database (see 'definiens define IDENTIFIER "
        "--namespace NAME') and a summary is printed.",
    )
    parser.add_argument("--db", required=True, metavar="RESULTS", help="the database file")
    parser.add_argument(
        "--method",
        choices=("thesis", "ours"),
        default="ours",
        help="the thesis's method (weak association, LSA, MiniBatchKMeans) or ours (default)",
    )
    parser.add_argument(
        "--export-assignments",
        metavar="FILE.csv",
        help="write the cluster of every clustered document (CSV: document,cluster)",
    )
    parser.add_argument("--plot", metavar="FILE.png", help="draw the documents and namespaces")
    parser.add_argument(
        "--no-text",
        "--no-sources",
        dest="no_text",
        action="store_true",
        help="leave out the documents' whole text, which the database keeps (by default our "
        "method reads it, and places the documents the run skipped by their text)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--show", type=int, default=10, metavar="N", help="list the N largest namespaces"
    )
    parser.set_defaults(func=run)


def summary_line(clustering: Any) -> str:
    """What the clustering did, in one line: documents, clusters, namespaces, coherence, and
    where documents carry labels, purity and the thesis's rule as figures."""
    from definiens.namespaces import MIN_COHERENCE, MIN_SIZE

    s = clustering.summary
    line = (
        f"{s.method}: {s.documents} documents, {s.clustered} clustered in {s.clusters} clusters, "
        f"{s.namespaces} namespaces (coherence >= {MIN_COHERENCE}, >= {MIN_SIZE} documents) "
        f"holding {s.covered} documents ({s.coverage:.3f}), mean coherence {s.coherence:.2f}"
    )
    if s.labelled:
        line += (
            f"; {s.labelled} documents have labels: purity {s.purity:.3f} "
            f"(in namespaces {s.namespace_purity:.3f}), {s.pure_clusters} clusters of purity "
            f">= 0.8 and >= {MIN_SIZE} documents hold {s.pure_covered}"
        )
    return line


def summary_lines(clustering: Any, show: int = 10) -> list[str]:
    """The printed summary of a clustering: one line, then the ``show`` largest namespaces."""
    from definiens.namespaces.plot import top_identifiers
    from definiens.run.namespaces import describe

    lines = [summary_line(clustering)]
    for space in clustering.namespaces[:show]:
        lines.append(f"  {space.name} [{describe(space)}]: " + "; ".join(top_identifiers(space)))
    return lines


def _export(clustering: Any, path: str) -> None:
    try:
        with Path(path).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["document", "cluster"])
            for doc_id, cluster in sorted(clustering.assignments.items()):
                writer.writerow([doc_id, cluster])
    except OSError as exc:
        raise UsageError(f"{path}: cannot write assignments: {exc}") from exc


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before any work, outputs that would overwrite the database or a document's
    source, and a plot in a format matplotlib cannot write or in a missing folder."""
    from definiens.store import Database

    with Database(args.db, readonly=True) as db:
        database = db.files()
        sources = db.sources()
    for option, path in (("--export-assignments", args.export_assignments), ("--plot", args.plot)):
        if path:
            check_output(path, [*database, *sources], option)
            if not Path(path).resolve().parent.is_dir():
                raise UsageError(f"{option} {path}: no such folder {Path(path).parent}")
    if args.plot:
        from matplotlib.figure import Figure

        kinds = Figure().canvas.get_supported_filetypes()
        if Path(args.plot).suffix.lstrip(".").lower() not in kinds:
            raise UsageError(
                f"--plot {args.plot}: give a file ending in one of .{', .'.join(sorted(kinds))}"
            )


def run(args: argparse.Namespace) -> int:
    from definiens.namespaces import discover
    from definiens.run.namespaces import load_documents, save_namespaces
    from definiens.store import Database

    if not Path(args.db).is_file():
        raise UsageError(f"{args.db}: no such results database")
    _check_outputs(args)
    with Database(args.db) as database:
        full_text = args.method == "ours" and not args.no_text
        documents, names = load_documents(database, full_text=full_text)
        if not any(doc.pairs for doc in documents):
            raise UsageError(f"{args.db}: no document has identifier-definiens pairs")
        clustering = discover(documents, args.method, label_names=names, seed=args.seed)
        save_namespaces(database, clustering)
    if args.export_assignments:
        _export(clustering, args.export_assignments)
    if args.plot:
        from definiens.namespaces.plot import plot_clustering

        plot_clustering(clustering, args.plot)
    print("\n".join(summary_lines(clustering, args.show)))
    return 0
