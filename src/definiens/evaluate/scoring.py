"""The NTCIR-11 scoring protocol for identifier definitions, and the "ident" CSV it scores.

An ident CSV lists proposed ``qId,title,identifier,definiens`` rows. :func:`score` counts, per
(formula, identifier), the first correct row as one true positive; every row that matches no
accepted definiens of its identifier in its formula is a false positive (rows for identifiers
the gold does not list included); further correct rows for an identifier count neither way.
Recall is over every (formula, identifier) pair of the gold file.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from definiens.errors import InputError
from definiens.evaluate.gold import GoldFormula, normalise_definiens, normalise_identifier

__all__ = [
    "IdentRow",
    "Score",
    "harmonic_mean",
    "load_ident_csv",
    "ratio",
    "score",
    "write_ident_csv",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IdentRow:
    """One row of an ident CSV: a proposed definiens of an identifier of a query formula."""

    qid: str
    title: str
    identifier: str
    definiens: str


def load_ident_csv(path: str | Path) -> list[IdentRow]:
    """Read an ident CSV (RFC 4180, no header, ``qId,title,identifier,definiens``)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _ident_rows(csv.reader(handle), str(path))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", location=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read ident CSV: {exc.strerror}", location=str(path)) from exc
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", location=str(path)) from exc


def _ident_rows(reader: Iterable[list[str]], where: str) -> list[IdentRow]:
    rows = []
    for number, fields in enumerate(reader, start=1):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != 4:
            raise InputError(
                f"expected 4 fields qId,title,identifier,definiens, got {len(fields)}",
                location=f"{where}: line {number}",
            )
        rows.append(IdentRow(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3]))
    return rows


def write_ident_csv(rows: Iterable[IdentRow], out: TextIO | str | Path) -> int:
    """Write rows as RFC 4180 CSV without header; returns the number of rows written."""
    if isinstance(out, (str, Path)):
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            return write_ident_csv(rows, handle)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    count = 0
    for row in rows:
        writer.writerow([row.qid, row.title, row.identifier, row.definiens])
        count += 1
    out.write(buffer.getvalue())
    return count


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0 when there is nothing to count."""
    return part / whole if whole else 0.0


def harmonic_mean(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass
class Score:
    """Precision, recall and F1 with the counts and per-formula details behind them."""

    true_positives: int
    false_positives: int
    gold_pairs: int
    duplicates: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return ratio(self.true_positives, self.gold_pairs)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def summary(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "gold_pairs": self.gold_pairs,
            "duplicates": self.duplicates,
        }


def _score_formula(gold: GoldFormula, rows: Sequence[IdentRow]) -> dict[str, Any]:
    found: set[str] = set()
    hits: list[list[str]] = []
    misses: list[list[str]] = []
    for row in rows:
        ident = normalise_identifier(row.identifier)
        if normalise_definiens(row.definiens) in gold.accepted(ident):
            if ident not in found:
                found.add(ident)
                hits.append([ident, row.definiens])
        else:
            misses.append([ident, row.definiens])
    return {
        "qid": gold.qid,
        "title": gold.title,
        "true_positives": hits,
        "false_positives": misses,
        "missed": sorted(set(gold.definitions) - found),
    }


def score(gold: Sequence[GoldFormula], rows: Iterable[IdentRow]) -> Score:
    """Score ident rows against the gold by the protocol.

    Every row is scored as written: a repeated wrong pair is a false positive each time (as in
    the mathosphere evaluation); repeats are counted in ``Score.duplicates``.
    """
    by_qid: dict[str, list[IdentRow]] = {g.qid: [] for g in gold}
    seen: set[tuple[str, str, str]] = set()
    duplicates = 0
    unknown: list[IdentRow] = []
    for row in rows:
        key = (row.qid, normalise_identifier(row.identifier), normalise_definiens(row.definiens))
        duplicates += key in seen
        seen.add(key)
        by_qid.get(row.qid, unknown).append(row)
    if unknown:
        logger.warning("%d rows name query ids absent from the gold file", len(unknown))
    details = [_score_formula(g, by_qid[g.qid]) for g in gold]
    tp = sum(len(d["true_positives"]) for d in details)
    fp = sum(len(d["false_positives"]) for d in details) + len(unknown)
    pairs = sum(len(g.definitions) for g in gold)
    return Score(tp, fp, pairs, duplicates=duplicates, details=details)
