"""The identifiers of one formula: :func:`extract_identifiers`.

Three steps: a flat token stream (:mod:`~definiens.formulas.tokens`), a node tree
(:mod:`~definiens.formulas.structure`), and a walk that applies the identifier rules
(:mod:`~definiens.formulas.collect`), which also gives every place each identifier is read: the
spans a page marks (:mod:`~definiens.formulas.spans`). Pure Python, no TeX engine, never
raises on bad TeX.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from typing import NamedTuple

from definiens.formulas.collect import Index, Star, collect
from definiens.formulas.macros import Macro
from definiens.formulas.spans import keep_or_find_spans
from definiens.formulas.structure import build
from definiens.memory import collector_paused
from definiens.model import Identifier

__all__ = ["IdentifierResult", "canonical_identifier", "extract_identifiers"]


class IdentifierResult(NamedTuple):
    """Identifiers in order of first appearance, and flags naming what was malformed."""

    identifiers: list[Identifier]
    flags: list[str]

    @property
    def tex(self) -> list[str]:
        """The canonical TeX of the identifiers, in order."""
        return [identifier.tex for identifier in self.identifiers]


def extract_identifiers(
    tex: str,
    macros: Mapping[str, Macro] | None = None,
    indices: bool = True,
    tensors: bool = False,
) -> IdentifierResult:
    """The identifiers of the formula ``tex`` in canonical TeX, with spans and counts.

    ``Identifier.start``/``end`` is the first occurrence as read, ``Identifier.spans`` every
    place it was read that a page can mark (:func:`~.spans.keep_or_find_spans`).

    A running index read only inside subscripts (the ``i`` of ``x_{i}``) comes last, its spans
    inside its symbols' (:func:`~.spans.inner`); ``indices=False`` leaves it out.

    >>> extract_identifiers(r"W(2, k) > 2^k/k^\\varepsilon").tex
    ['W', 'k', '\\\\varepsilon']

    ``macros``: the document's own macros (:func:`~definiens.formulas.macros.find_macros`),
    expanded where used. ``tensors``: the document writes tensor indices (a lone
    ``u^{\\alpha}`` is then the symbol with its index, not a power). Malformed TeX gives
    best-effort identifiers and flags such as ``unbalanced_braces``, ``unknown_macro:\\\\foo``
    or ``unclosed_environment``; it never raises. A long formula is read with the cyclic
    garbage collector paused (its passes over the formula's many nodes would cost more than
    linear time).
    """
    if len(tex) < _LONG:
        return _extract(tex, macros, indices, tensors)
    with collector_paused():
        return _extract(tex, macros, indices, tensors)


#: Formulas at least this long are read with the collector paused (a few in a thousand).
_LONG = 2000


def _extract(
    tex: str, macros: Mapping[str, Macro] | None, indices: bool, tensors: bool
) -> IdentifierResult:
    found: dict[str, Identifier] = {}
    try:
        tree = build(tex, macros, tensors)
        stars, read = collect(tree, functools.partial(_occurs, found))
        flags = tree.flags
    except RecursionError:  # defence in depth: the reader bounds nesting at MAX_DEPTH
        stars, read, flags = [], [], ["too_deep"]
    identifiers = _settle_stars(found, stars) if stars else list(found.values())
    keep_or_find_spans(tex, identifiers)
    if indices and read:
        identifiers += _running_indices(read, identifiers)
    return IdentifierResult(identifiers, flags)


def _running_indices(read: list[Index], identifiers: list[Identifier]) -> list[Identifier]:
    """Identifiers for the running indices written only in subscripts (an index also written
    on its own is an identifier already), at the places inside a span of their symbol."""
    known = {i.tex for i in identifiers}
    places = sorted(span for i in identifiers for span in i.spans)
    starts = [start for start, _ in places]
    inner: dict[str, Identifier] = {}
    for letter, start, end in read:
        k = bisect.bisect_right(starts, start) - 1
        if letter in known or k < 0 or places[k][1] < end:
            continue  # written alone too, or its symbol's span was not kept
        _occurs(inner, letter, start, end)
    return list(inner.values())


def _occurs(found: dict[str, Identifier], tex: str, start: int, end: int) -> None:
    """Record an occurrence of ``tex`` at ``[start, end)`` in ``found``."""
    seen = found.get(tex)
    if seen is None:
        found[tex] = Identifier(tex, start, end, 1, [(start, end)])
    else:
        seen.count += 1
        seen.spans.append((start, end))


def _settle_stars(found: dict[str, Identifier], stars: list[Star]) -> list[Identifier]:
    """The identifiers, a starred one (``x^{*}``) read as its symbol (``x``) unless the symbol
    also occurs without the star: then the star makes another object."""
    starred = {tex for tex, _, _, _ in stars}
    plain = found.keys() - starred
    alone: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for tex, symbol, start, end in stars:
        if symbol not in plain:
            alone.setdefault(tex, (symbol, []))[1].append((start, end))
    if not alone:
        return list(found.values())
    settled: dict[str, Identifier] = {}
    for tex, identifier in found.items():
        if tex not in alone:
            settled[tex] = identifier
            continue
        symbol, spans = alone[tex]
        known = settled.get(symbol)
        if known is None:
            settled[symbol] = Identifier(symbol, *spans[0], len(spans), spans)
        else:
            known.spans = sorted(known.spans + spans)
            known.count += len(spans)
    return list(settled.values())


def canonical_identifier(text: str) -> str:
    """What one identifier written by a person is in the canonical TeX the results hold: ``α``,
    ``{\\alpha}`` and ``$\\alpha$`` are ``\\alpha``, ``E_0`` is ``E_{0}``. Text that holds no
    identifier, or several, comes back stripped but otherwise as given."""
    text = text.strip()
    if len(text) > 1 and text.startswith("$") and text.endswith("$"):
        text = text.strip("$").strip()
    found = extract_identifiers(text, indices=False).tex if text else []
    return str(found[0]) if len(found) == 1 else text
