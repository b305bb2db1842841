"""Object types: what general type of object an identifier is, from TeX and text evidence.

A page often never states that ``n`` is an integer or ``x`` a variable; its formulas and words
show it. For every identifier this module gathers, over the whole document, evidence for a small
fixed vocabulary of types of mathematical objects (field-independent, nothing about particular
pages): a summation or product index or a subscript of another symbol ("index"); membership in a
number set such as ``\\mathbb{N}`` ("natural number"); application to an argument ``f(x)``
("function", and "variable" for the argument); an integration variable ("variable"); a type
word beside the symbol in the text ("integer n", "n is a positive integer"); and conventional
letter classes (``i, j, k`` for integers and indices, ``x, y, z, t`` for variables). Each type
with evidence becomes a candidate whose features (:data:`~.feature_names.TYPE_FEATURES`) the
learned ranker weighs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from definiens.define.junk import INSTRUCTIONS
from definiens.define.symbols import Symbol, find_symbols, text_forms
from definiens.formulas.spans import nested_and_written
from definiens.model import PLACEHOLDER_PREFIX, Document

__all__ = ["TypeEvidence", "type_evidence"]

_SETS = {
    "R": "real number", "N": "natural number", "Z": "integer", "C": "complex number",
    "Q": "rational number",
}  # fmt: skip
#: Type words of the text (lower case, singular or plural) and the type they name.
_WORDS = {
    "integer": "integer", "integers": "integer", "real": "real number", "reals": "real number",
    "natural": "natural number", "complex": "complex number", "rational": "rational number",
    "function": "function", "functions": "function", "map": "function", "set": "set",
    "sets": "set", "point": "point", "points": "point", "prime": "prime number",
    "primes": "prime number", "variable": "variable", "variables": "variable",
    "constant": "constant", "constants": "constant", "parameter": "parameter",
    "parameters": "parameter", "vector": "vector", "vectors": "vector", "matrix": "matrix",
    "matrices": "matrix", "coefficient": "coefficient", "coefficients": "coefficient",
    "index": "index", "indices": "index", "scalar": "scalar", "scalars": "scalar",
    "operator": "operator", "polynomial": "polynomial", "sequence": "sequence",
    "group": "group", "field": "field", "ring": "ring", "module": "module", "space": "space",
    "graph": "graph", "angle": "angle", "number": "number", "numbers": "number",
    "indeterminate": "indeterminate", "dimension": "dimension",
    "element": "element", "elements": "element", "matrix's": "matrix",
}  # fmt: skip
_NUMBER_WORDS = {"real", "natural", "complex", "rational"}
_PRIORS: dict[str, tuple[str, ...]] = {
    **{letter: ("integer", "index") for letter in "ijklmn"},
    **{letter: ("variable", "real number") for letter in "xyzt"},
    **{letter: ("function",) for letter in "fgh"},
}
#: The arguments of an application f(x), f(x_1, t): symbols only; "g(y - y_0)" is a product.
_ARGUMENT = r"\\?[A-Za-z]+(?:\s*_\s*\{?\s*[A-Za-z0-9]+\s*\}?)?"
_ARGUMENTS = rf"{_ARGUMENT}(?:\s*,\s*{_ARGUMENT})*"
#: Subscripts that name a direction or component (p_x, \\sigma_y), not an index.
_AXES = frozenset("xyz")
_SUMS = r"\\(?:sum|prod|bigcup|bigcap|bigoplus|bigotimes|lim|max|min|sup|inf|coprod)"
#: A number set as a space: R^n, \\mathbb{C}^{n}.
_SPACE = r"(?:\\mathbb\s*\{?\s*[RNZCQ]\s*\}?|\\[RNZCQ](?![A-Za-z]))"
_SET = r"\\in\s*(?:\\mathbb\s*\{?\s*([RNZCQ])\s*\}?|\\([RNZCQ])(?![A-Za-z]))"
_TEXT_BEFORE = re.compile(r"(?:([A-Za-z']+)\s+)?([A-Za-z']+)\s*$")
_TEXT_AFTER = re.compile(
    r"^\s*(?:is|be|are|denotes|denote|represents|,)\s+(?:an?\s+|the\s+|any\s+)?"
    r"(?:[a-z-]+\s+){0,2}?([a-z']+)"
)
_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}(\d+)")


@dataclass
class TypeEvidence:
    """Counts of TeX, text and letter-class evidence for each object type of one identifier."""

    tex: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    text: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    prior: set[str] = field(default_factory=set)

    def types(self) -> set[str]:
        """The types with evidence; letter-class types join only when TeX or text says more."""
        found = set(self.tex) | set(self.text)
        return found | self.prior if found else found

    def features(self, object_type: str) -> dict[str, float]:
        """The features of the candidate ``object_type`` (names: ``TYPE_FEATURES``)."""
        totals = {t: self.tex.get(t, 0.0) + self.text.get(t, 0.0) for t in self.types()}
        best = max(totals.values(), default=0.0)
        overall = sum(totals.values()) or 1.0
        return {
            "kind_cand": 1.0,
            "kind_tex": min(self.tex.get(object_type, 0.0), 5.0),
            "kind_text": min(self.text.get(object_type, 0.0), 5.0),
            "kind_prior": float(object_type in self.prior),
            "kind_top": float(best > 0 and totals[object_type] == best),
            "kind_share": totals[object_type] / overall,
        }


@lru_cache(maxsize=4096)
def _patterns(tex: str) -> tuple[re.Pattern[str], ...]:
    name = re.escape(tex)
    edge = r"(?![A-Za-z])"
    start = r"(?<![A-Za-z\\])"
    return (
        re.compile(rf"{_SUMS}\s*_\s*\{{?\s*{name}{edge}\s*(?:=|\\in|\\to|\\rightarrow|<|\\le)"),
        re.compile(rf"_\s*(?:{name}{edge}|\{{[^{{}}]*{start}{name}{edge}[^{{}}]*\}})"),
        re.compile(rf"{start}{name}{edge}\s*(?:,\s*[A-Za-z]\s*)*{_SET}"),
        re.compile(rf"{start}{name}\s*(?:\\left)?\s*\(\s*{_ARGUMENTS}\s*(?:\\right)?\s*\)"),
        re.compile(rf"{start}[A-Za-z]\s*(?:\\left)?\s*\(\s*(?:[^()]*,\s*)?{name}{edge}"),
        re.compile(
            rf"(?:\\,|\\;|\s|\}}|^)(?:d|\\mathrm\{{d\}}|\\operatorname\{{d\}})\s*{name}{edge}"
        ),
        re.compile(rf"{start}{name}\s*\^"),
        re.compile(rf"{_SPACE}\s*\^\s*\{{?\s*{name}{edge}"),
        re.compile(rf"{_SUMS}\s*_\s*\{{[^{{}}]*\}}\s*\^\s*\{{?\s*{name}{edge}"),
    )


#: A number set written as an identifier: its elements are that type of number.
_NUMBER_SET = re.compile(r"^(?:\\mathbb\{([RNZCQ])\}|\\([RNZCQ]))$")


def _tex_evidence(tex: str, ident: str, evidence: TypeEvidence, polynomial: bool) -> None:
    number_set = _NUMBER_SET.match(ident)
    if number_set is not None:
        evidence.tex[_SETS[number_set.group(1) or number_set.group(2)]] += 1
        return
    plain = len(ident) == 1 or (ident.startswith("\\") and ident[1:].isalpha())
    if not plain:
        return
    sums, subscript, member, applied, argument, integrated, power, space, upper = _patterns(ident)
    if "^" in tex:
        if space.search(tex):
            evidence.tex["dimension"] += 1
        if upper.search(tex):
            evidence.tex["integer"] += 1
    if "_" in tex:
        if "\\" in tex and sums.search(tex):
            evidence.tex["index"] += 1
            evidence.tex["integer"] += 0.5
        if ident.islower() and ident not in _AXES and subscript.search(tex):
            evidence.tex["index"] += 1
    if polynomial and "^" in tex and power.search(tex):
        evidence.tex["indeterminate"] += 1
    if "\\in" in tex:
        for match in member.finditer(tex):
            evidence.tex[_SETS[match.group(1) or match.group(2)]] += 1
    if "(" in tex:
        if ident.islower() and applied.search(tex):
            evidence.tex["function"] += 1
        if argument.search(tex):
            evidence.tex["variable"] += 1
    if "\\int" in tex and integrated.search(tex):
        evidence.tex["variable"] += 1


def _word_type(previous: str | None, word: str) -> str | None:
    """The type named by the word just before a symbol ("integer n", "real number x"); not
    the capitalised verb of an instruction ("Set $J = …$")."""
    if word[:1].isupper() and word.lower() in INSTRUCTIONS:
        return None
    object_type = _WORDS.get(word.lower())
    if object_type == "number":
        known = previous is not None and previous.lower() in _NUMBER_WORDS
        return _WORDS[previous.lower()] if previous is not None and known else None
    return object_type


def _alone_in_text(
    document: Document, alone: dict[int, str], symbols: Sequence[Symbol] | None
) -> list[Symbol]:
    """Where an identifier stands alone in the text: a one-identifier formula or a plain symbol
    (``symbols``, found here when not given)."""
    found: list[Symbol] = []
    for match in _PLACEHOLDER.finditer(document.text):
        ident = alone.get(int(match.group(1)))
        if ident is not None:
            found.append((match.start(), match.end(), ident))
    if symbols is None:
        forms = text_forms({i.tex for f in document.formulas for i in f.identifiers})
        symbols = find_symbols(document.text, forms)
    return found + list(symbols)


def _text_evidence(
    document: Document,
    alone: dict[int, str],
    evidence: dict[str, TypeEvidence],
    symbols: Sequence[Symbol] | None,
) -> None:
    text = document.text
    for start, end, ident in _alone_in_text(document, alone, symbols):
        before = _TEXT_BEFORE.search(text[max(0, start - 40) : start])
        if before is not None:
            object_type = _word_type(before.group(1), before.group(2))
            if object_type is not None:
                evidence[ident].text[object_type] += 1
        after = _TEXT_AFTER.match(text[end : end + 60])
        if after is not None:
            object_type = _WORDS.get(after.group(1))
            if object_type is not None and object_type != "number":
                evidence[ident].text[object_type] += 1


def type_evidence(
    document: Document, symbols: Sequence[Symbol] | None = None
) -> dict[str, TypeEvidence]:
    """Evidence of the object type of every identifier of ``document`` (canonical TeX keys);
    ``symbols``: its plain-text symbols when the caller has found them already."""
    evidence: dict[str, TypeEvidence] = defaultdict(TypeEvidence)
    alone: dict[int, str] = {}
    polynomial = "polynomial" in document.text.lower()
    nested_in, written = nested_and_written(document.formulas)
    for formula, nested in zip(document.formulas, nested_in, strict=True):
        shown = [i for i in formula.identifiers if i.tex not in nested]
        for ident in formula.identifiers:
            if ident.tex in nested:
                # read only in subscripts here ($a_{ij}$): an index, unless the page writes the
                # letter alone too (the n of $x_n$ and of "$n$ subintervals")
                if ident.tex not in written:
                    evidence[ident.tex].tex["index"] += 1
                continue
            _tex_evidence(formula.tex, ident.tex, evidence[ident.tex], polynomial)
        if len(shown) == 1:
            alone[formula.index] = shown[0].tex
    _text_evidence(document, alone, evidence, symbols)
    for tex, found in evidence.items():
        found.prior = set(_PRIORS.get(tex, ()))
    return {tex: found for tex, found in evidence.items() if found.types()}
