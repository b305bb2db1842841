"""Whose a phrase is: the mentions of a sentence that speak of another symbol than the one
they stand beside, or of no symbol ("the closure of $A$" is not A, "$m$ edges" are no m)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from definiens.define.concepts import ATTRIBUTE_NOUNS
from definiens.define.mentions import Mention

if TYPE_CHECKING:
    from definiens.define.pairing import Occurrence, Tokens

__all__ = ["names_the_formula", "not_its_own"]

#: The nouns that name nothing but a formula, before or after it ("the fundamental identity
#: $q = \\rho v$", "$q = Q(\\rho)$ gives a hyperbolic equation").
ONLY_FORMULA_NOUNS = frozenset(
    {"identity", "equation", "inequality", "equality", "formula", "recurrence"}
)
#: The nouns that name a formula right before it: those, and nouns a verb after the formula
#: may also say of its subject ("let $\\mu = P \\circ X^{-1}$ be the law of $X$"); "the
#: identity $e$" still names e (a symbol that is its whole formula).
FORMULA_NOUNS = ONLY_FORMULA_NOUNS | {
    "relation", "law", "expression", "approximation", "definition"
}  # fmt: skip


def names_the_formula(mention: Mention, occurrence: Occurrence) -> bool:
    """The mention names an equation or inequality by the kind of formula it is: right before
    it ("the fundamental identity $q = \\rho v$"), or after it with a noun that names nothing
    else (:data:`ONLY_FORMULA_NOUNS`: "$q = Q(\\rho)$ gives a hyperbolic equation"). Not a
    phrase a verb says of the formula's subject ("let $R \\subseteq X \\times X$ be an
    equivalence relation", "let $f_n = …$ be the $n$-th Taylor approximation") nor one
    before a formula of another kind ("a binary relation $R \\subseteq A \\times B$", "the
    equations $E_1, \\ldots, E_n$")."""
    if not occurrence.equation:
        return False
    head = mention.head_lemma.lower()
    if mention.first > occurrence.token:
        return head in ONLY_FORMULA_NOUNS
    return mention.last + 1 == occurrence.token and head in FORMULA_NOUNS


#: Prepositions whose object is not the noun before them ("the closure of $A$"); not "by" or
#: "as", which name ("denote the mean by $\\mu$", "write the mean as $\\mu$").
_OBJECT_OF = frozenset({"of", "in", "on", "over", "from", "into", "onto", "to", "at", "for"})


def not_its_own(
    tokens: Tokens, at: int, first: int, last: int, mention: Mention, after: bool
) -> bool:
    """The mention speaks of another symbol, not of this occurrence: it stands right before
    another symbol outside this occurrence's list ("the centralizer of $B$ in $A$ is the
    subalgebra $C$": the subalgebra is C, not B), or, a plural noun phrase, right after another
    symbol (which counts it) and apart from this one ("$n$ vertices, $m$ edges": $m$ is no
    vertex), a plural noun phrase right after this symbol (which counts it: "$m$ edges"), or
    it follows the symbol after "of" as a property ("a morphism $f$ of finite type"), or the
    symbol is the object of a preposition after it ("the closure of $A$", "a sheaf on $X$",
    "roots of unity in $K$": neither is the symbol; but "a mass of $m$" gives m its value), or
    the mention calls the symbol a piece of notation ("the symbol $k$ to denote …")."""
    after_mention = mention.last + 1
    if not after and after_mention + 1 == first and _object_of(tokens, after_mention, mention):
        return True
    if not after and after_mention == first and _names_the_notation(tokens, mention, last):
        return True
    if (
        after_mention < len(tokens.lower)
        and tokens.is_symbol(after_mention)
        and not first <= after_mention <= last
    ):
        return True
    counter = mention.first - 1
    if _counted_by(tokens, counter, mention):
        if after_mention < first:
            return True  # another symbol before this one's list counts it
        if first == last == counter:
            return True  # this symbol counts it
    return after and mention.first == last + 2 and tokens.lower[last + 1] == "of"


def _object_of(tokens: Tokens, k: int, mention: Mention) -> bool:
    """The word ``k`` after the mention is a preposition whose object is not the mention ("the
    closure of", "a sheaf on"); not after a quantity, which the object gives a value ("the
    rate of $r$", "lower the temperature to $T_1$"), nor "of" after no article or "a"
    ("speeds of $v_1$ and $v_2$", "a mean of $\\mu$"), unless the mention is itself the object
    of "of" ("a component of velocity of $h$" gives h the component, not the velocity)."""
    word = tokens.lower[k]
    if word not in _OBJECT_OF:
        return False
    if mention.first > 0 and tokens.lower[mention.first - 1] == "of":
        return True  # "a component of velocity of $h$": the symbol is the whole phrase's
    if mention.head_lemma.lower() in _QUANTITIES:
        return False
    return not (word == "of" and mention.determiner in ("", "a", "an"))


#: Quantities a preposition's object gives a value to ("the rate of $r$").
_QUANTITIES = ATTRIBUTE_NOUNS | frozenset(
    {"speed", "velocity", "rate", "temperature", "pressure", "value", "voltage", "current",
     "energy", "frequency", "wavelength", "density", "distance", "time", "angle", "force",
     "momentum", "acceleration", "amplitude", "concentration", "resistance", "power",
     "intensity", "magnitude", "amount", "price", "cost", "probability", "level"}
)  # fmt: skip

#: Nouns that name a symbol as a piece of notation: "we use the symbol $k$ to denote …".
_NOTATION_NOUNS = frozenset({"symbol", "letter", "notation", "abbreviation"})
_NAMING_AFTER = frozenset({"denote", "denotes", "represent", "represents", "stands", "for"})


def _names_the_notation(tokens: Tokens, mention: Mention, last: int) -> bool:
    """The mention, a bare noun, calls the symbol a piece of notation that a verb after it
    gives a meaning ("the symbol $k$ to denote the quantum numbers", "the letter $c$ stands
    for …"; not "the Christoffel symbol $\\Gamma$ …")."""
    bare = mention.first == mention.head_token  # "the symbol", not "the Christoffel symbol"
    if not bare or tokens.lower[mention.head_token] not in _NOTATION_NOUNS:
        return False
    following = tokens.lower[last + 1 : last + 3]
    return bool(following) and (following[0] in _NAMING_AFTER or following[-1] in _NAMING_AFTER)


def _counted_by(tokens: Tokens, counter: int, mention: Mention) -> bool:
    """The mention is a plural noun phrase right after the symbol at token ``counter``, which
    counts it ("$m$ edges"); a count mention ("number of edges") is that symbol's own."""
    if counter < 0 or mention.method == "count" or not tokens.is_symbol(counter):
        return False
    return tokens.tags[mention.head_token] in ("NNS", "NNPS")
