"""Gold files of the NTCIR-11 Wikipedia task (mathosphere, CLEF 2017): query formulas with the
accepted definiens of each identifier, and how definiens and identifiers are compared.

A gold file lists, for each query formula, its identifiers and their accepted definiens (plain
strings or Wikidata ``{id: label}`` objects). A queries file has the same form without
``definitions``. The protocol is described in ``docs/evaluation.md`` of the shared data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from definiens.errors import InputError

__all__ = [
    "GoldFormula",
    "accepted_forms",
    "load_gold",
    "normalise_definiens",
    "normalise_identifier",
]


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
    """One query formula of the gold file: identifiers mapped to their accepted definiens.

    The annotated sets add, per identifier, whether the text states the meaning (``stated``)
    and the quote that does (``evidence``), and for LaTeX documents the ``source`` file.
    """

    qid: str
    title: str
    tex: str
    fid: str = ""
    old_id: str = ""
    definitions: dict[str, list[set[str]]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    stated: dict[str, bool] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    source: str = ""

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
            source=str(entry.get("source", "")),
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
    _annotations(entry, gold, where)
    return gold


def _annotations(entry: dict[str, Any], gold: GoldFormula, where: str) -> None:
    """The annotated sets' ``stated`` (does the text say it?) and ``evidence`` (the quote)."""
    stated = entry.get("stated") or {}
    evidence = entry.get("evidence") or {}
    if not isinstance(stated, dict) or not all(isinstance(v, bool) for v in stated.values()):
        raise InputError("'stated' maps identifiers to true or false", location=where)
    if not isinstance(evidence, dict) or not all(isinstance(v, str) for v in evidence.values()):
        raise InputError("'evidence' maps identifiers to quotes", location=where)
    gold.stated = {normalise_identifier(k): v for k, v in stated.items()}
    gold.evidence = {normalise_identifier(k): v for k, v in evidence.items()}


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
