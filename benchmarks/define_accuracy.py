"""Definition accuracy on every labelled formula, cross-validated grouped by page.

The labelled formulas are the 50 NTCIR-11 Wikipedia dev formulas and the 380 annotated ones
(other formulas of the same 50 pages, of a 31-page dump fragment, of 55 PlanetMath entries and
of three Stacks project chapters). Ten folds grouped by page: a formula is scored by a ranker,
calibration and threshold fitted on the pages of the other folds only. Printed:

* first-meaning scoring (what a reader sees when hovering: is the first meaning right?) per
  set, for the meanings the page states, the inferred ones and all;
* the NTCIR-11 protocol on the 50 NTCIR formulas, beside our MLP re-implementation, the
  mathosphere MLP output and the published SVM (CLEF 2017);
* the reliability of the score (of first meanings scored 0.8-0.9, how many were right);
* with ``--fold-seeds N`` the mean over N fold assignments (one assignment is noisy).

Usage: ``.venv/bin/python benchmarks/define_accuracy.py [--data DIR] [--fold-seeds 3]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from definiens.define import Definer
from definiens.evaluate import load_ident_csv, query_rows, score
from definiens.evaluate.examples import build_examples, load_pages
from definiens.evaluate.first_meaning import score_first_meaning
from definiens.evaluate.sets import ANNOTATED, NTCIR, shared_sets
from definiens.evaluate.training import cross_validate, out_of_fold_ntcir_rows, out_of_fold_rows
from shared_data import add_data_option, require

PUBLISHED_SVM = (0.486, 0.281, 0.356)
FILES = (
    "ntcir11-wiki/gold-dev.json",
    "ntcir11-wiki/pages-dev.xml",
    "ntcir11-wiki/mlp-baseline-dev.csv",
    "annotated/",
    "enwiki-sample-31.xml",
    "planetmath-tex.tar.gz",
    "latex/stacks/",
)
PARTS = ("stated", "inferred", "all")


def _first_meaning(results: Sequence, sets: Sequence[str]) -> dict[str, dict[str, tuple]]:
    table = {}
    for name in [*sets, "annotated"]:
        chosen = [
            r
            for r in results
            if r[0].example.set == name or (name == "annotated" and r[0].example.set != NTCIR)
        ]
        fm = score_first_meaning([r[0].example.query for r in chosen], out_of_fold_rows(chosen))
        table[name] = {
            p: (fm.parts[p].precision, fm.parts[p].recall, fm.parts[p].f1, fm.parts[p].gold)
            for p in PARTS
        }
    return table


def _reliability(results: Sequence) -> list[tuple[float, int, float]]:
    """(bin start, answers, share right) of the first meanings of the annotated gold pairs,
    by their score."""
    from definiens.evaluate.examples import accepted_for
    from definiens.evaluate.gold import normalise_definiens, normalise_identifier

    bins: dict[int, list[int]] = {b: [] for b in range(10)}
    for scored, _ in results:
        query = scored.example.query
        if scored.example.set == NTCIR:
            continue
        for ident, pairs in scored.ranked.items():
            if pairs and normalise_identifier(ident) in query.definitions:
                probability, candidate = pairs[0]
                accepted = accepted_for(query, ident, list(scored.ranked))
                right = normalise_definiens(candidate.form) in accepted
                bins[min(int(probability * 10), 9)].append(int(right))
    return [(b / 10, len(v), float(np.mean(v)) if v else 0.0) for b, v in bins.items()]


def _baselines(data: Path, gold: Sequence) -> tuple:
    wiki = data / "ntcir11-wiki"
    pages = load_pages([wiki / "pages-dev.xml"], gold)
    mlp = Definer(method="mlp")
    documents = {}
    for document in pages.documents:
        from definiens.evaluate.queries import page_key

        documents[page_key(document.title)] = mlp(document)
    return score(gold, query_rows(gold, documents)), score(
        gold, load_ident_csv(wiki / "mlp-baseline-dev.csv")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *FILES)
    parser.add_argument("--folds", type=int, default=10, help="grouped CV folds (default 10)")
    parser.add_argument("--fold-seeds", type=int, default=3, help="fold assignments to average")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    require(parser, *(args.data / name for name in FILES))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="definiens-pm-") as work:
        sets = shared_sets(args.data, Path(work))
        examples = build_examples(sets, Definer())
    built = time.perf_counter() - started
    runs = [cross_validate(examples, args.folds, seed) for seed in range(args.fold_seeds)]
    names = list(ANNOTATED)
    tables = [_first_meaning(results, names) for results in runs]
    ntcir_gold = [e.query for e in examples if e.set == NTCIR]
    ntcir = []
    for results in runs:
        chosen = [r for r in results if r[0].example.set == NTCIR]
        ntcir.append(score(ntcir_gold, out_of_fold_ntcir_rows(chosen)))
    mlp, mathosphere = _baselines(args.data, ntcir_gold)
    _print(args, examples, tables, ntcir, mlp, mathosphere, runs, built, started)


def _mean(values: Sequence[float]) -> float:
    return float(np.mean(values))


def _print(args, examples, tables, ntcir, mlp, mathosphere, runs, built, started) -> None:
    pages = len({e.group for e in examples})
    print(
        f"{len(examples)} labelled formulas of {pages} pages; {args.folds} folds grouped by "
        f"page, mean of {args.fold_seeds} fold assignments"
    )
    print("\nFirst meaning (precision / recall / F1; gold pairs):")
    print("| set | stated | inferred | all |")
    print("|---|---|---|---|")
    figures: dict[str, dict[str, list[float]]] = {}
    for name in tables[0]:
        cells = []
        for part in PARTS:
            p, r, f = (_mean([t[name][part][k] for t in tables]) for k in range(3))
            n = tables[0][name][part][3]
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f} ({n})")
            figures.setdefault(name, {})[part] = [round(p, 4), round(r, 4), round(f, 4), n]
        print(f"| {name} | " + " | ".join(cells) + " |")
    p, r, f = (_mean([getattr(s, k) for s in ntcir]) for k in ("precision", "recall", "f1"))
    print(f"\nNTCIR-11 dev, {ntcir[0].gold_pairs} identifiers of 50 formulas (P / R / F1):")
    print("| system | precision | recall | F1 | note |")
    print("|---|---|---|---|---|")
    print(f"| definiens | {p:.3f} | {r:.3f} | {f:.3f} | CV grouped by page, all labelled data |")
    for label, result, note in (
        ("definiens MLP re-implementation", mlp, "no training"),
        ("mathosphere MLP output", mathosphere, "mlp-baseline-dev.csv, scored here"),
    ):
        print(
            f"| {label} | {result.precision:.3f} | {result.recall:.3f} | {result.f1:.3f} | {note} |"
        )
    print(
        f"| SVM (CLEF 2017) | {PUBLISHED_SVM[0]:.3f} | {PUBLISHED_SVM[1]:.3f} | "
        f"{PUBLISHED_SVM[2]:.3f} | published, 10-fold CV, 100 formulas |"
    )
    print("\nReliability of the first meaning's score (annotated gold pairs, first assignment):")
    print("| score | answers | right |")
    print("|---|---|---|")
    reliability = _reliability(runs[0])
    for start, count, right in reliability:
        if count:
            print(f"| {start:.1f}-{start + 0.1:.1f} | {count} | {right:.2f} |")
    thresholds = [m.threshold for results in runs for _, m in results]
    print(
        f"\n(threshold of the fold models {min(thresholds):.2f}-{max(thresholds):.2f}; "
        f"examples built in {built:.0f} s, all in {time.perf_counter() - started:.0f} s)"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "first_meaning": figures,
                    "ntcir": [p, r, f],
                    "reliability": reliability,
                },
                indent=1,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
