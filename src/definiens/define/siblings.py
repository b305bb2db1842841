"""Index variants of one symbol share their meanings: ``u^{\\mu}``, ``u^{\\alpha}`` and ``u_{\\nu}``
are all the 4-velocity ``u``; ``V_{1}`` and ``V_{2}`` are volumes like ``V``.

A page defines such a symbol once, in one of its forms ("where u is the 4-velocity"), and writes
the other forms in its formulas. Two identifiers are siblings when they have the same base symbol
and their scripts are only indices: digits, Greek letters and single lower-case Latin letters,
and sums, differences and lists of them (``\\beta_{k+1}`` beside ``\\beta_{k}``);
``E_{\\mathrm{k}}`` and ``E_{\\mathrm{r}}`` are different quantities, not indices of ``E``. Each
identifier gets the candidate meanings of its siblings that it lacks, marked ``inherited``; the
bare symbol only those of its tensor-index forms (``u`` from ``u^{\\mu}``, but ``E`` is not a
rest energy because ``E_{0}`` is). A meaning that a sibling has too is marked ``sibling``. The
ranker weighs both.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from definiens.define.candidate import Candidate

__all__ = ["index_base", "share_meanings"]

#: How many meanings a family passes on at most: its strongest by MLP score (the weak ones of a
#: sibling never win, and a family of many indexed forms would multiply every candidate).
INHERITED = 12

_SCRIPTED = re.compile(
    r"^(?P<base>\\[A-Za-z]+(?:\{[A-Za-z]\})?|[A-Za-z])(?P<scripts>(?:\s*[_^]\s*\{[^{}]*\})+)$"
)
_SCRIPT = re.compile(r"[_^]\s*\{([^{}]*)\}")
_GREEK = (
    "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|"
    "pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega"
)
_GREEK_ONLY = re.compile(rf"^(?:\s*\\(?:{_GREEK})(?![A-Za-z]))+\s*$")
_INDEX = re.compile(rf"^(?:\s*(?:\\(?:{_GREEK})(?![A-Za-z])|[0-9]+|[a-z]))+\s*$")


def index_base(tex: str) -> str | None:
    """The base symbol of an identifier whose scripts are only indices (``u^{\\mu}`` -> ``u``),
    the identifier itself when it has no scripts, else None."""
    match = _SCRIPTED.match(tex)
    if match is None:
        return tex if "_" not in tex and "^" not in tex else None
    if all(_INDEX.match(script) for script in _SCRIPT.findall(match.group("scripts"))):
        return match.group("base")
    return None


def _families(identifiers: Iterable[str]) -> list[list[str]]:
    by_base: dict[str, list[str]] = defaultdict(list)
    for tex in identifiers:
        base = index_base(tex)
        if base is not None:
            by_base[base].append(tex)
    return [sorted(members) for members in by_base.values() if len(members) > 1]


def _tensor_index(tex: str) -> bool:
    """Scripts of Greek letters only (``u^{\\mu}``): the symbol itself, in tensor notation."""
    scripts = _SCRIPT.findall(tex)
    return bool(scripts) and all(_GREEK_ONLY.match(script) for script in scripts)


def _copy(candidate: Candidate, identifier: str) -> Candidate:
    values = {**candidate.values, "inherited": 1.0, "sibling": 1.0}
    return dataclasses.replace(
        candidate, identifier=identifier, variants=set(candidate.variants), values=values
    )


def share_meanings(grouped: dict[str, list[Candidate]], identifiers: Iterable[str]) -> None:
    """Give every identifier of ``identifiers`` the meanings of its index siblings (in place)."""
    for family in _families(identifiers):
        best: dict[str, Candidate] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for tex in family:
            for c in grouped.get(tex, []):
                owners[c.key].add(tex)
                if c.key not in best or c.values["mlp"] > best[c.key].values["mlp"]:
                    best[c.key] = c
        strongest = sorted(best.values(), key=lambda c: -c.values["mlp"])[:INHERITED]
        for tex in family:
            items = grouped.setdefault(tex, [])
            have = {c.key for c in items}
            for c in items:
                c.values["sibling"] = float(len(owners[c.key] - {tex}) > 0)
            bare = index_base(tex) == tex
            for c in strongest:
                if c.key not in have and (not bare or _tensor_index(c.identifier)):
                    items.append(_copy(c, tex))
