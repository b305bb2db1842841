"""The NTCIR-11 Wikipedia scoring protocol for identifier definitions (mathosphere, CLEF 2017).

A gold file lists, for each query formula, its identifiers and their accepted definiens; an
"ident" CSV lists proposed ``qId,title,identifier,definiens`` rows. :func:`score` counts, per
(formula, identifier), the first correct row as one true positive; every row that matches no
accepted definiens of its identifier in its formula is a false positive (rows for identifiers
the gold does not list included); further correct rows for an identifier count neither way.
Recall is over every (formula, identifier) pair of the gold file. The protocol is described in
``docs/evaluation.md`` of the shared data.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from definiens.errors import InputError

__all__ = [
    "GoldFormula",
    "IdentRow",
    "Score",
    "accepted_forms",
    "load_gold",
    "load_ident_csv",
    "normalise_definiens",
    "normalise_identifier",
    "score",
]

logger = logging.getLogger(__name__)

_WIKIDATA_ID = re.compile(r"^[Qq]\d+$")


def normalise_definiens(text: str) -> str:
    """A definiens as compared: ``[[``/``]]`` removed, trimmed, lower case."""
    return text.replace("[[", "").replace("]]", "").strip().lower()


def normalise_identifier(tex: str) -> str:
    """An identifier as compared: its canonical TeX without any whitespace."""
    return re.sub(r"\s+", "", tex)


def _strip_parenthesis(label: str) -> str:
    """A Wikidata label without its trailing description in parentheses."""
    label = label.strip()
    start = label.find("(")
    return label[:start].strip() if start > 0 else label


def accepted_forms(item: str | dict[str, str]) -> set[str]:
    """The normalised strings accepted for one gold item (plain string or ``{id: label}``)."""
    if isinstance(item, str):
        return {normalise_definiens(item)}
    forms: set[str] = set()
    for wikidata_id, label in item.items():
        forms.add(normalise_definiens(wikidata_id))
        forms.add(normalise_definiens(_strip_parenthesis(label)))
    forms.discard("")
    return forms


@dataclass
class GoldFormula:
    """One query formula of the gold file: identifiers mapped to their accepted definiens."""

    qid: str
    title: str
    tex: str
    fid: str = ""
    old_id: str = ""
    definitions: dict[str, list[set[str]]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)

    def accepted(self, identifier: str) -> set[str]:
        """Every accepted normalised definiens of ``identifier`` (empty when not in the gold)."""
        forms: set[str] = set()
        for item in self.definitions.get(normalise_identifier(identifier), []):
            forms |= item
        return forms


def _gold_entry(entry: dict[str, Any], where: str) -> GoldFormula:
    try:
        formula = entry["formula"]
        gold = GoldFormula(
            qid=str(formula["qID"]),
            title=str(formula["title"]),
            tex=str(formula["math_inputtex"]),
            fid=str(formula.get("fid", "")),
            old_id=str(formula.get("oldId", "")),
        )
    except KeyError as exc:
        raise InputError(f"gold entry lacks formula field {exc}", location=where) from exc
    except (TypeError, AttributeError) as exc:
        raise InputError(
            "a gold entry is an object with a 'formula' object", location=where
        ) from exc
    definitions = entry.get("definitions") or {}
    if not isinstance(definitions, dict) or not all(
        isinstance(items, list) and all(_is_item(item) for item in items)
        for items in definitions.values()
    ):
        raise InputError(
            "'definitions' maps each identifier to a list of strings or {id: label} objects",
            location=where,
        )
    for ident, items in definitions.items():
        key = normalise_identifier(ident)
        gold.definitions[key] = [accepted_forms(item) for item in items]
        gold.labels[key] = [
            item if isinstance(item, str) else _strip_parenthesis(next(iter(item.values()), ""))
            for item in items
        ]
    return gold


def _is_item(item: object) -> bool:
    if isinstance(item, str):
        return True
    return isinstance(item, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in item.items()
    )


def load_gold(path: str | Path) -> list[GoldFormula]:
    """Read a gold (or queries) JSON file; ``definitions`` may be absent in a queries file."""
    path = Path(path)
    try:
        entries = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror}", location=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at line {exc.lineno}", location=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", location=str(path)) from exc
    except RecursionError as exc:
        raise InputError("JSON nested too deeply", location=str(path)) from exc
    if not isinstance(entries, list):
        raise InputError("a gold file is a JSON list of entries", location=str(path))
    return [_gold_entry(entry, f"{path}: entry {i + 1}") for i, entry in enumerate(entries)]


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
        proposed = self.true_positives + self.false_positives
        return self.true_positives / proposed if proposed else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

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
