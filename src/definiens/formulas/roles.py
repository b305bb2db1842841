"""The subject of a formula: the identifier a sentence can name when it names the formula.

Prose names a whole relation or equation by its left-hand side: "Let $H \\subseteq G$ be a
subgroup" says what ``H`` is, "the sample mean $\\bar X_n = \\frac1n \\sum_i X_i$" what
``\\bar{X}_{n}`` is, "$f(x) = x^2$ is the square function" what ``f`` is. :func:`subject`
finds that identifier: the only identifier before the first relation symbol at the top level
of the formula (``=``, ``<``, ``\\in``, ``\\subseteq``, ``\\to``, ``:``…), or the first one when
it is applied to arguments (``f(x)``, ``F(s)``). A left-hand side with arithmetic (``x + y =
z``) names no single identifier.
"""

from __future__ import annotations

from definiens.formulas.tokens import tokenize
from definiens.model import Formula

__all__ = ["RELATIONS", "subject"]

#: Relation symbols that end a left-hand side.
RELATIONS = frozenset(
    {
        "=", "<", ">", ":", "\\le", "\\leq", "\\ge", "\\geq", "\\neq", "\\ne", "\\in", "\\notin",
        "\\subset", "\\subseteq", "\\subsetneq", "\\supset", "\\supseteq", "\\to", "\\mapsto",
        "\\colon", "\\sim", "\\simeq", "\\cong", "\\equiv", "\\approx", "\\propto", "\\ni",
        "\\rightarrow", "\\longrightarrow", "\\coloneqq", "\\triangleq", "\\leqslant",
        "\\geqslant", "\\ll", "\\gg", "\\hookrightarrow", "\\twoheadrightarrow", "\\defeq",
    }
)  # fmt: skip
#: Arithmetic that makes a left-hand side an expression rather than a name.
_ARITHMETIC = frozenset({"+", "-", "*", "/", "\\cdot", "\\times", "\\pm", "\\mp", "\\frac"})
_OPEN = frozenset({"{", "(", "[", "\\{", "\\langle", "\\lbrace"})
_CLOSE = frozenset({"}", ")", "]", "\\}", "\\rangle", "\\rbrace"})


def _relation_at(tex: str) -> int | None:
    """The offset of the first relation symbol at bracket depth 0, or None."""
    stream = tokenize(tex)
    depth = 0
    for text, start in zip(stream.texts, stream.starts, strict=True):
        if text in _OPEN:
            depth += 1
        elif text in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and text in RELATIONS:
            return start
        elif depth == 0 and text in _ARITHMETIC:
            return -1
    return None


def subject(formula: Formula) -> str | None:
    """The identifier (canonical TeX) that the formula's left-hand side names, or None."""
    if len(formula.identifiers) == 1:
        return formula.identifiers[0].tex
    at = _relation_at(formula.tex)
    if at is None or at < 0:
        return None
    before = sorted((i for i in formula.identifiers if 0 <= i.start < at), key=lambda i: i.start)
    if len(before) == 1:
        return before[0].tex
    if before and formula.tex[before[0].end : before[0].end + 1] == "(":
        return before[0].tex
    return None
