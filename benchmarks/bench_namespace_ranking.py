"""Namespaces in ranking: first-meaning precision and recall with and without them (issue 18).

The 55 annotated PlanetMath entries (``annotated/gold-planetmath.json``, 109 formulas, 257
identifiers) are part of the PlanetMath results database of bench_namespaces.py; it is
clustered with method ``ours`` (no labels), and an annotated entry inside a namespace is
re-ranked with its table (:func:`definiens.run.namespaces.rank_in_namespaces`): an identifier
its text gives no meaning inherits the namespace's best one, and a meaning the namespace also
gives gains. Both versions of the entries are scored with first-meaning scoring (what a reader
sees first), for the meanings the entries state, the inferred ones and all, per entry
(``grouped by page``: each entry is one page; the scores are over all pairs, and the per-page
changes are listed).

The meanings come from the shipped definitions model, which was trained on these annotated
formulas among others: the absolute figures are in-sample (define_accuracy.py has the
cross-validated ones); the difference with and without namespaces is what this measures.

    .venv/bin/python benchmarks/bench_namespace_ranking.py [--db benchmarks/out/planetmath.db] \
        [--min-support 2] [--min-share 0.0]

``--min-support`` / ``--min-share`` try a stricter rule (:func:`definiens.namespaces.rerank`:
table rows supported by fewer documents are ignored; a meaning is inherited only with that
share of the identifier's table score) than the one ``rank_in_namespaces`` uses (2, 0.0).

Data: the database of bench_namespaces.py (built by it from ``planetmath-tex.tar.gz``) and
``annotated/gold-planetmath.json`` with its entries (unpacked from ``planetmath-tex.tar.gz``
into ``--workdir``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from definiens.evaluate.first_meaning import score_first_meaning
from definiens.evaluate.queries import page_key, query_rows
from definiens.evaluate.sets import shared_sets
from definiens.namespaces import Clustering, discover, rerank
from definiens.pipeline import extract_documents
from definiens.run.namespaces import load_documents, rank_in_namespaces
from definiens.store import Database
from shared_data import add_data_option, require

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("stated", "inferred", "all")


def _figures(gold: list, documents: dict) -> tuple[dict[str, dict[str, float]], list]:
    result = score_first_meaning(gold, query_rows(gold, documents))
    return {p: result.parts[p].summary() for p in PARTS}, result.answers


def _ranked(pages: list, clustering: Clustering, ids: dict, support: int, share: float) -> list:
    if (support, share) == (2, 0.0):
        return rank_in_namespaces(pages, clustering, ids)
    out = []
    for page in pages:
        space = clustering.namespace_of(ids.get(page.id, page.id))
        kept = space is None
        out.append(page if kept else rerank(page, space, min_support=support, min_share=share))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/planetmath.db")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/planetmath-annotated"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--min-support", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.0)
    add_data_option(parser, "annotated/gold-planetmath.json", "planetmath-tex.tar.gz")
    args = parser.parse_args()
    require(
        parser, args.data / "annotated/gold-planetmath.json", args.data / "planetmath-tex.tar.gz"
    )
    require(parser, args.db, hint="make it with benchmarks/bench_namespaces.py first")
    with Database(args.db, readonly=True) as database:
        corpus, names = load_documents(database)
    clustering = discover(corpus, "ours", label_names=names, seed=args.seed)
    (annotated,) = shared_sets(args.data, args.workdir, ("planetmath",))
    pages = list(extract_documents([str(p) for p in annotated.inputs]))
    root = args.workdir / "planetmath"
    ids = {
        page.id: Path(page.source).resolve().relative_to(root.resolve()).as_posix()
        for page in pages
    }
    ranked = _ranked(pages, clustering, ids, args.min_support, args.min_share)
    inside = sum(a is not b for a, b in zip(pages, ranked, strict=True))
    out: dict[str, object] = {"pages": len(pages), "in_namespace": inside}
    answers = {}
    for label, docs in (("without", pages), ("with", ranked)):
        figures, answers[label] = _figures(annotated.gold, {page_key(d.title): d for d in docs})
        out[label] = figures
        print(
            f"{label} namespaces: "
            + "; ".join(
                f"{p} P {figures[p]['precision']:.3f} R {figures[p]['recall']:.3f} "
                f"({figures[p]['right']}/{figures[p]['answered']}/{figures[p]['gold_pairs']})"
                for p in PARTS
            )
        )
    changed = [
        (a.qid, a.identifier, a.stated, a.answer, b.answer, b.right)
        for a, b in zip(answers["without"], answers["with"], strict=True)
        if a.answer != b.answer
    ]
    print(f"{inside} of {len(pages)} entries in a namespace; {len(changed)} first meanings change:")
    for qid, ident, stated, before, after, right in changed:
        kind = "stated" if stated else "inferred"
        print(
            f"  {qid} {ident} ({kind}): {before!r} -> {after!r} ({'right' if right else 'wrong'})"
        )
    out["changed"] = changed
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
