"""The subject of a formula: the identifier a sentence can name when it names the formula.

Prose names a whole relation or equation by its left-hand side: "Let $H \\subseteq G$ be a
subgroup" says what ``H`` is, "the sample mean $\\bar X_n = \\frac1n \\sum_i X_i$" what
``\\bar{X}_{n}`` is, "$f(x) = x^2$ is the square function" what ``f`` is. :func:`named`
finds that identifier: the only identifier before the first relation symbol at the top level
of the formula (``=``, ``<``, ``\\in``, ``\\subseteq``, ``:``…), or the first one when it is
applied to arguments (``f(x)``, ``F(s)``). A left-hand side with arithmetic (``x + y = z``)
names no single identifier, nor does a formula whose first relation is an arrow: "a morphism
$X \\to S$" names the morphism, "$f: X \\to Y$" names f by its colon.
"""

from __future__ import annotations

from definiens.formulas.spans import outer
from definiens.formulas.tokens import TokenStream, tokenize
from definiens.model import Formula, Identifier

__all__ = ["RELATIONS", "named", "names_a_map"]

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
#: Arrows: a formula whose first relation is one names a map, not its left side ("a morphism
#: $X \to S$", "the construction $M \mapsto \widetilde M$"; "$f: X \to Y$" names f by its
#: colon).
_ARROWS = frozenset(
    {
        "\\to", "\\mapsto", "\\rightarrow", "\\longrightarrow", "\\hookrightarrow",
        "\\twoheadrightarrow", "\\longmapsto",
    }
)  # fmt: skip
#: Arithmetic that makes a left-hand side an expression rather than a name.
_ARITHMETIC = frozenset({"+", "-", "*", "/", "\\cdot", "\\times", "\\pm", "\\mp", "\\frac"})
#: What else a formula naming its one identifier may hold: brackets, commas, dots, and the
#: relation or order symbol of a pair ("$(\\Gamma, \\geq)$").
_PLAIN = frozenset(
    {
        ",",
        ";",
        "(",
        ")",
        "[",
        "]",
        "\\{",
        "\\}",
        "\\langle",
        "\\rangle",
        "\\ldots",
        "\\dots",
        "\\cdots",
        ".",
        "\\,",
        "\\;",
        "\\!",
        "\\ ",
        "{",
        "}",
    }
)
_OPEN = frozenset({"{", "(", "[", "\\{", "\\langle", "\\lbrace"})
_CLOSE = frozenset({"}", ")", "]", "\\}", "\\rangle", "\\rbrace"})


def _first_relation(stream: TokenStream) -> tuple[int, str] | None:
    """The offset and text of the first relation or arithmetic symbol at bracket depth 0, or
    None."""
    depth = 0
    for text, start in zip(stream.texts, stream.starts, strict=True):
        if text in _OPEN:
            depth += 1
        elif text in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and (text in RELATIONS or text in _ARITHMETIC):
            return start, text
    return None


def _relation_at(stream: TokenStream) -> int | None:
    """The offset of the first relation symbol at bracket depth 0 (-1 when arithmetic or an
    arrow comes first), or None."""
    first = _first_relation(stream)
    if first is None:
        return None
    start, text = first
    return -1 if text in _ARROWS or text in _ARITHMETIC else start


def names_a_map(formula: Formula) -> bool:
    """The formula's first relation is an arrow: what a sentence names it is the map, none of
    its identifiers ("a morphism $X \\to S$", "the construction $M \\mapsto \\widetilde M$")."""
    if not any(arrow in formula.tex for arrow in _ARROWS):
        return False  # most formulas: no tokenizing
    first = _first_relation(tokenize(formula.tex))
    return first is not None and first[1] in _ARROWS


#: What a plain list of identifiers holds besides them ("$b, c$", "$x_1, \\ldots, x_n$").
_LIST = frozenset({",", "\\ldots", "\\dots", "\\cdots", ".", "\\,", "\\;", "\\ ", "{", "}"})

#: What else may be written with a formula's one identifier: a power or a prime ("$\\sigma^2$"),
#: brackets, the order of a pair ("$(\\Gamma, \\geq)$"), a relation.
_ALONE = _PLAIN | RELATIONS | {"^", "'", "\\prime", "*"}


def _rest(formula: Formula, stream: TokenStream, end: int | None = None) -> list[str]:
    """The tokens of the formula (``stream``) outside the places its identifiers are written
    (before offset ``end`` if given)."""
    size = len(formula.tex) if end is None else end
    taken = bytearray(size)
    for i in formula.identifiers:
        for s, e in i.spans or [(i.start, i.end)]:
            s, e = max(s, 0), min(e, size)
            if e > s:
                taken[s:e] = b"\x01" * (e - s)
    return [
        text
        for text, start in zip(stream.texts, stream.starts, strict=True)
        if (end is None or start < end) and not (0 <= start < size and taken[start])
    ]


def named(formula: Formula) -> set[str]:
    """The identifiers (canonical TeX) a sentence names when it names the formula: the subject
    of a relation or equation (module docstring), each identifier of a plain list
    ("$b, c$", "$x_1, \\ldots, x_n$"), or the one identifier of a formula that is little more
    ("$\\sigma^2$", "$(\\Gamma, \\geq)$"; not "$x^2 + 1$")."""
    identifiers = outer(formula.identifiers)  # not the running index i of x_i
    if not identifiers:
        return set()
    stream = tokenize(formula.tex)
    rest = _rest(formula, stream)
    if len(identifiers) == 1 and all(t in _ALONE or t.isdigit() for t in rest):
        return {identifiers[0].tex}
    if "," in rest and all(t in _LIST for t in rest):  # a list, not a tuple or an application
        return {i.tex for i in identifiers}
    at = _relation_at(stream)
    if at is None:
        return _applied(formula, identifiers)
    if at < 0:
        return set()
    before = sorted((i for i in identifiers if 0 <= i.start < at), key=lambda i: i.start)
    if len(before) == 1:
        return {before[0].tex}
    left = _rest(formula, stream, at)
    if len(before) > 1 and "," in left and all(t in _LIST for t in left):
        return {i.tex for i in before}  # "let $C, D \\subset X$ be connected components"
    if before and formula.tex[before[0].end : before[0].end + 1] == "(":
        return {before[0].tex}
    return set()


_ARGUMENTS = {"(": ")", "[": "]"}


def _applied(formula: Formula, identifiers: list[Identifier]) -> set[str]:
    """The identifier a formula applies to arguments and is nothing more: "$\\chi(G)$",
    "$x(t)$", "$h[n]$" (the chromatic number is chi, not G); ``identifiers``: its
    :func:`outer` ones."""
    placed = [i for i in identifiers if i.start >= 0]
    if not placed:
        return set()
    first = min(placed, key=lambda i: i.start)
    tex = formula.tex
    if tex[: first.start].strip():
        return set()
    rest = tex[first.end :].strip()
    close = _ARGUMENTS.get(rest[:1])
    if close is None or not rest.endswith(close) or _depth_ends_early(rest):
        return set()
    return {first.tex}


def _depth_ends_early(text: str) -> bool:
    """The bracket opened at ``text[0]`` closes before its end ("(a)(b)", "(a) + (b)")."""
    depth = 0
    for k, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0:
            return k != len(text) - 1
    return True
