"""Which formula of a page a query names: by its TeX, whitespace-insensitive, and its position.

A query (a gold formula) gives the formula's TeX and, as ``fid``, its index among the page's
``<math>`` formulas, as the NTCIR / mathosphere gold counts them.
"""

from __future__ import annotations

import re

from definiens.model import Document, Formula

__all__ = ["find_formula"]

_SPACING = re.compile(r"\\[,;:! ]|\\(?:displaystyle|textstyle|scriptstyle)\b|\s+")
_TRAILING = re.compile(r"[.,;:\\]+$")


def _tight(tex: str) -> str:
    return re.sub(r"\s+", "", tex)


def _loose(tex: str) -> str:
    tex = _SPACING.sub("", tex)
    tex = re.sub(r"\{([^{}])\}", r"\1", tex)
    return _TRAILING.sub("", tex)


def find_formula(document: Document, tex: str, fid: int | None = None) -> Formula | None:
    """The formula of ``document`` written ``tex`` (whitespace-insensitive), or None.

    ``fid`` is the formula's index among the page's ``<math>`` formulas (as the NTCIR /
    mathosphere gold counts them); when several formulas have the same TeX it picks the one
    nearest to it. If no formula matches exactly, spacing commands, braces around single
    characters and trailing punctuation are ignored; then a formula containing ``tex``, or
    contained in it, is accepted.
    """
    maths = sorted(
        (f for f in document.formulas if f.markup == "math"), key=lambda f: f.source_start
    )
    math_rank = {id(f): rank for rank, f in enumerate(maths)}

    def position(formula: Formula) -> int:
        return math_rank.get(id(formula), formula.index)

    def best(candidates: list[Formula]) -> Formula | None:
        if not candidates:
            return None
        if fid is None:
            return candidates[0]
        return min(candidates, key=lambda f: (abs(position(f) - fid), f.markup != "math"))

    for key in (_tight, _loose):
        wanted = key(tex)
        found = best([f for f in document.formulas if key(f.tex) == wanted])
        if found is not None:
            return found
    wanted = _loose(tex)
    if len(wanted) < 3:
        return None
    return best([f for f in document.formulas if _overlaps(_loose(f.tex), wanted)])


def _overlaps(have: str, wanted: str) -> bool:
    """One TeX contains the other, and the shorter is at least half the longer."""
    short, long = sorted((have, wanted), key=len)
    return len(short) * 2 >= len(long) and short in long
