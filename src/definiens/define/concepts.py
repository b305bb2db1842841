"""General mathematical type words and vague English nouns, as features of a candidate.

These are field-independent vocabularies of mathematics and English (what kind of object a
symbol can name; which nouns never say what a symbol is); they hold nothing about particular
pages or symbols.
"""

from __future__ import annotations

__all__ = [
    "ATTRIBUTE_NOUNS",
    "CONCEPTS",
    "EMPTY_QUALIFIERS",
    "EVALUATIVE",
    "NO_START",
    "VAGUE",
    "is_concept",
    "is_evaluative",
    "is_vague",
]

_CONCEPT_WORDS = """
number integer variable constant parameter coefficient function set element point vector
matrix space group ring field module algebra graph vertex edge node tree path polynomial
sequence series sum product index exponent power root angle length distance radius
diameter area volume mass energy velocity speed time temperature pressure force charge
frequency wavelength probability distribution density measure operator map mapping morphism
category object array list string word letter symbol alphabet language
relation predicate order degree dimension rank size limit derivative integral norm metric
topology manifold curve surface line plane circle sphere triangle polygon interval domain
range codomain image kernel basis subspace subgroup subset partition permutation
transformation determinant trace eigenvalue eigenvector scalar tensor quantity value
rate ratio fraction percentage factor weight cost price income utility acceleration momentum
current voltage resistance potential wave particle state hamiltonian lagrangian entropy
enthalpy coordinate axis origin prime divisor multiple modulus remainder quotient numerator
denominator base digit bit event outcome sample estimator statistic mean variance deviation
expectation
"""

_VAGUE_WORDS = """
case example way form following result fact property kind type sort instance thing part use
one other others notation definition theorem proof lemma section article page figure table
method approach idea problem question answer reason respect sense lot formula equation
expression term relationship year
"""

_EVALUATIVE_WORDS = """
positive negative non-negative nonnegative non-positive nonzero non-zero arbitrary given fixed
certain finite infinite small large sufficiently distinct different other new same
corresponding following particular general simple such some any each every appropriate
suitable unique single first second third last previous next initial final possible constant
"""

#: Words before a noun that say nothing of what it is ("distinct connected components", "an
#: arbitrary element"): a phrase starts after them.
EMPTY_QUALIFIERS = frozenset(
    {"distinct", "arbitrary", "given", "certain", "such", "some", "any", "each", "every",
     "appropriate", "suitable", "following"}
)  # fmt: skip

#: Words a phrase does not start with: the empty qualifiers, the verbs of a definition the
#: tagger joins to the phrase ("Define groups $D_0, D_1$"), the object of a naming the parser
#: joins to the name ("we call the result kinetic energy") and the adverbs that link sentences
#: ("first the means, and then the covariance").
NO_START = EMPTY_QUALIFIERS | {
    "define", "denote", "let", "consider", "suppose", "assume", "result", "then", "also",
    "now", "thus", "hence", "therefore", "again", "finally", "likewise", "similarly",
}  # fmt: skip

#: Nouns of an attribute an object has a value of: "of degree", bare, is not a term but that
#: value's name ("a polynomial of degree at most $n$", "a tensor field of type $(r, s)$").
_ATTRIBUTE_WORDS = """
degree order type rank dimension length size characteristic genus weight class valence
codimension multiplicity height width depth radius diameter mass charge volume area period
"""
ATTRIBUTE_NOUNS = frozenset(_ATTRIBUTE_WORDS.split())

#: Adjectives that qualify an object without changing its kind ("a positive integer").
EVALUATIVE = frozenset(_EVALUATIVE_WORDS.split())

#: Kinds of mathematical objects a symbol commonly names (head lemmas).
CONCEPTS = frozenset(_CONCEPT_WORDS.split())

#: Nouns that never say what a symbol is on their own.
VAGUE = frozenset(_VAGUE_WORDS.split())


def is_concept(lemma: str) -> bool:
    """Whether ``lemma`` names a general kind of mathematical object or quantity."""
    return lemma.lower() in CONCEPTS


def is_vague(lemma: str) -> bool:
    """Whether ``lemma`` is a noun that alone never says what a symbol means."""
    return lemma.lower() in VAGUE


def is_evaluative(word: str) -> bool:
    """Whether ``word`` qualifies an object without changing its kind ("positive", "given")."""
    return word.lower() in EVALUATIVE
