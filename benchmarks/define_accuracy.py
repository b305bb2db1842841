"""Definition accuracy on the NTCIR-11 dev formulas, by the mathosphere protocol.

Prints precision, recall and F1 on the 50 dev formulas for:

* our system: the learned ranker under grouped K-fold cross-validation (folds grouped by
  formula; the model and its decision settings for a fold come from the other folds only, so
  no formula is ever scored by a model that saw it);
* our re-implementation of the MLP ranking (Pagel & Schubotz 2014), top candidate per
  identifier with R >= 0.4 (no training);
* the mathosphere MLP output (``ntcir11-wiki/mlp-baseline-dev.csv``), scored here;
* the published SVM (CLEF 2017, 10-fold CV over all 100 formulas; figures from the paper).

With ``--fold-seeds N`` (default 3) the cross-validation is repeated over N shuffled fold
assignments and the mean is printed too (with 50 formulas one assignment is noisy).
With ``--errors FILE`` it writes, per formula, the true positives, false positives and missed
identifiers of our system (JSON) for error analysis.

Usage: ``.venv/bin/python benchmarks/define_accuracy.py [--data ../shared/data] [--folds 10]``

Data: ``ntcir11-wiki/pages-dev.xml``, ``gold-dev.json`` and ``mlp-baseline-dev.csv`` from the
shared data folder (``--data``, default ``../shared/data`` beside the repository; see
benchmarks/shared_data.py).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from definiens.define import Definer
from definiens.evaluate import Score, load_gold, load_ident_csv, query_rows, score, training
from definiens.evaluate.training import build_examples, cross_validate, load_pages
from shared_data import add_data_option, require

REPO = Path(__file__).resolve().parent.parent
PUBLISHED_SVM = (0.486, 0.281, 0.356)
FILES = (
    "ntcir11-wiki/pages-dev.xml",
    "ntcir11-wiki/gold-dev.json",
    "ntcir11-wiki/mlp-baseline-dev.csv",
)


def _line(name: str, p: float, r: float, f: float, note: str) -> str:
    return f"| {name:<32} | {p:9.3f} | {r:6.3f} | {f:5.3f} | {note} |"


def _row(name: str, result: Score, note: str) -> str:
    return _line(name, result.precision, result.recall, result.f1, note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_option(parser, *FILES)
    parser.add_argument("--folds", type=int, default=10, help="grouped CV folds (default 10)")
    parser.add_argument(
        "--fold-seeds", type=int, default=3, help="also average over N fold assignments"
    )
    parser.add_argument("--errors", type=Path, help="write our per-formula details (JSON)")
    args = parser.parse_args()
    require(parser, *(args.data / name for name in FILES))
    wiki = args.data / "ntcir11-wiki"
    gold = load_gold(wiki / "gold-dev.json")

    start = time.perf_counter()
    pages = load_pages([wiki / "pages-dev.xml"], [g.title for g in gold])
    examples = build_examples(gold, pages, Definer())
    ours, _ = cross_validate(examples, n_splits=args.folds)
    elapsed = time.perf_counter() - start
    repeats = [ours]
    for seed in range(1, args.fold_seeds):
        training.FOLD_SEED = seed
        repeats.append(cross_validate(examples, n_splits=args.folds)[0])
    training.FOLD_SEED = 0

    mlp = Definer(method="mlp")
    for document in pages.values():
        mlp(document)
    baseline = score(gold, query_rows(gold, pages))
    mathosphere = score(gold, load_ident_csv(wiki / "mlp-baseline-dev.csv"))

    print(f"NTCIR-11 Wikipedia dev: {len(gold)} formulas, {ours.gold_pairs} identifiers")
    print("| system                           | precision | recall | F1    | note |")
    print("|---|---|---|---|---|")
    print(_row("definiens (learned ranker)", ours, f"{args.folds}-fold CV grouped by formula"))
    print(_row("definiens MLP re-implementation", baseline, "no training; R >= 0.4, top 1"))
    print(_row("mathosphere MLP output", mathosphere, "mlp-baseline-dev.csv, scored here"))
    print(_line("SVM (CLEF 2017)", *PUBLISHED_SVM, "published, 10-fold CV, 100 formulas"))
    print(
        f"(ours: {ours.true_positives} TP, {ours.false_positives} FP; "
        f"cross-validation took {elapsed:.0f} s)"
    )
    if len(repeats) > 1:
        mean = [
            sum(getattr(r, k) for r in repeats) / len(repeats)
            for k in ("precision", "recall", "f1")
        ]
        print(
            f"(ours over {len(repeats)} fold assignments: P {mean[0]:.3f} R {mean[1]:.3f} "
            f"F1 {mean[2]:.3f}; F1 per assignment {', '.join(f'{r.f1:.3f}' for r in repeats)})"
        )
    if args.errors:
        args.errors.write_text(json.dumps(ours.details, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
