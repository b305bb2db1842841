"""Definitional patterns between an identifier and a candidate phrase in one sentence.

The words between the identifier's placeholder and the phrase decide the pattern:
"where E is the energy" (copula), "E denotes the energy" (denote), "let G be a group" (let),
"E, the energy," (apposition after), "the energy E" (apposition before), "the energy is called E"
or "the energy, denoted E" (called). Determiners next to the phrase are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

from definiens.define.concepts import EMPTY_QUALIFIERS

__all__ = [
    "LIST_GOES_ON",
    "PATTERNS",
    "match_patterns",
    "plain_gap",
    "word_before",
    "written_as",
]

PATTERNS = ("copula", "denote", "let", "appos_after", "appos_before", "comma_before", "called")

_DETERMINERS = {"a", "an", "the", "some", "any", "its", "their", "our", "this", "each", "every"}
_COPULA = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "is also",
    "are also",
    "will be",
    "to be",
    "being",
    "is just",
    "are just",
    "is now",
    "becomes",
    "is always",
    "are all",
    "is any",
    "are any",
    "=",
    ":=",
    "is defined to be",
    "is defined to be the",
}
_DENOTE = {
    "denotes",
    "denote",
    "denoted",
    "represents",
    "represent",
    "stands for",
    "stand for",
    "means",
    "refers to",
    "is called",
    "are called",
    "is defined as",
    "are defined as",
    "designates",
    "is denoted",
    "is the symbol for",
    "gives",
    "is used for",
    "as",
    "to denote",
    "to represent",
    "will denote",
    "shall denote",
    "we denote",
    "is known as",
    "is also known as",
    "known as",
    "also known as",
    "is also called",
    "also called",
    "called",
    "is referred to as",
    "referred to as",
    "is termed",
    "termed",
}
#: What :func:`word_before` gives for a symbol that goes on with a list of "symbol the phrase"
#: after a definition ("where $n$ is the …, $V$ the volume and $k$ the …").
LIST_GOES_ON = "<list>"
#: The words before a list that make its members definitions.
_INTRODUCERS = frozenset({"is", "are", "be", "where", "with", "denote", "denotes", "let"})
_WRITE_WORDS = {"write", "writes", "use", "uses", "using", "writing"}
_LET_WORDS = {"let", "suppose", "assume", "consider", "given", "take", "fix"}
_CALLED = {
    "denoted",
    "denoted by",
    "called",
    "written",
    "written as",
    "is denoted by",
    "is called",
    "are denoted by",
    "are called",
    "named",
    "by",
    "is written",
    "is written as",
    "denoted as",
    "symbolized by",
    "is represented by",
    "represented by",
    "is given by",
    "known as",
    "referred to as",
    "defined as",
    "is defined as",
}
_COMMA = {",", "(", ", namely", ":", "-"}
#: The articles that open a list item's phrase right after its symbol ("$T$ the temperature").
_ARTICLES = frozenset({"the", "a", "an"})
#: "The angular frequency (of the oscillator) is $\\omega$".
_COPULA_BEFORE = {"is", "are", "was", "were", "will be", "becomes", "equals", "is equal to"}


#: Adverbs a definition may carry between its words ("the fitted intercept is then $\\hat\\alpha$").
_ADVERBS = frozenset(
    {"then", "thus", "hence", "therefore", "simply", "usually", "often", "again", "now", "also"}
)


#: The verbs an adverb of :data:`_ADVERBS` may follow inside a pattern.
_ADVERB_AFTER = frozenset({"is", "are", "was", "were", "be", "becomes", "denotes", "denote"})


def _beside_a_verb(gap: Sequence[str], k: int) -> bool:
    """The adverb at ``k`` follows the verb of a pattern ("is then") or, inside the gap, comes
    right before it ("let $f$ now denote")."""
    if k > 0 and gap[k - 1] in _ADVERB_AFTER:
        return True
    return k < len(gap) - 1 and gap[k + 1] in _ADVERB_AFTER


def _strip_determiners(gap: Sequence[str]) -> list[str]:
    """The gap without determiners at its ends, without an adverb beside the verb of a
    pattern ("is then", "now denote"; not "if $x > 0$, then the …"), and without an empty
    qualifier next to the phrase after other words ("be distinct"; not "$X$ given the
    parameter")."""
    words = [
        word for k, word in enumerate(gap) if word not in _ADVERBS or not _beside_a_verb(gap, k)
    ]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    while len(words) > 1 and words[-1] in EMPTY_QUALIFIERS:
        words.pop()
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    while len(words) > 1 and words[0] in EMPTY_QUALIFIERS:
        words.pop(0)
    return words


#: How far back a list of "$m$ for the mass, $c$ for …" may reach for its "using" / "write".
_WRITE_REACH = 12
#: How far back a list item "$T$ the temperature" may reach for the definition word before it
#: ("$\\alpha$ is the growth rate of the prey in the absence of predators, $\\beta$ the rate…").
_LIST_REACH = 24


def word_before(lower: Sequence[str], at: int, following: str = "") -> str:
    """The word before token ``at``, for :func:`match_patterns` (``following``: the word after
    the symbol). A symbol that goes on with a list of "… for …" after "write" or "using"
    ("using $m$ for the mass and $c$ for the speed of light") reads as if the verb stood
    before it; one that goes on with a list of definitions after "and" or a comma gives
    :data:`LIST_GOES_ON`."""
    if at <= 0:
        return ""
    word = lower[at - 1]
    if word not in ("and", ","):
        return word
    window = lower[max(0, at - _WRITE_REACH) : at]
    verb = next((k for k, w in enumerate(window) if w in _WRITE_WORDS), None)
    if following == "for" and verb is not None and "for" in window[verb:]:
        return "using"
    if following in _ARTICLES:  # "…, $\\beta$ the rate": the list may reach further back
        window = lower[max(0, at - _LIST_REACH) : at]
    return LIST_GOES_ON if any(w in _INTRODUCERS for w in window) else word


#: Verbs after which "… the phrase as $x$" names the symbol ("writing the wavelength as
#: $\\lambda = c/\\nu$", "we model the response as $y_i = …$"; not "the same rank as $A$").
_WRITING_AS = frozenset(
    {
        "write", "writes", "writing", "express", "expresses", "expressing", "model", "models",
        "modelling", "denote", "denotes",
    }
)  # fmt: skip


def written_as(
    lower: Sequence[str], tags: Sequence[str], first: int, gap: Sequence[str]
) -> set[str]:
    """``{"called"}`` when the gap between a phrase starting at token ``first`` and the symbol
    after it is "as" and a verb of writing stands before the phrase."""
    if list(gap) != ["as"]:
        return set()
    verb = first - 1
    if verb > 0 and tags[verb] == "DT":
        verb -= 1
    return {"called"} if verb >= 0 and lower[verb] in _WRITING_AS else set()


def match_patterns(
    gap: Sequence[str], after: bool, previous_word: str = "", next_word: str = ""
) -> set[str]:
    """The patterns a gap of lower-case words matches.

    ``after`` says the phrase follows the identifier; ``previous_word`` is the word just before
    the identifier (to recognise "let G be ..."), ``next_word`` the word just after it.
    """
    words = _strip_determiners(gap)
    joined = " ".join(words)
    found: set[str] = set()
    if after:
        if joined in _COPULA:
            found.add("copula")
            if previous_word in _LET_WORDS and words[-1] == "be":
                found.add("let")
        said = " ".join(words[1:]) if words[:1] == [","] else joined  # "$Q$, known as the …"
        if said in _DENOTE or (previous_word in _WRITE_WORDS and joined == "for"):
            found.add("denote")  # "$E$ denotes the energy", "we write $\\mu$ for the mean"
        if gap and not words:
            found.add("appos_after")
            if previous_word == LIST_GOES_ON:
                found.add("copula")  # a verb left out: "… and $k$ the Boltzmann constant"
        if joined in (",", "(", "is a", ", a", ", the", ":", ", i.e.", ", namely", "-", "–", "—"):
            found.add("appos_after")
        if previous_word in _LET_WORDS and joined in ("be", "be any", "be some", "in"):
            found.add("let")
    else:
        if not gap:
            found.add("appos_before")
        elif joined in _COMMA and not (previous_word == LIST_GOES_ON and next_word in _ARTICLES):
            # not "…, $\\beta$ the rate": a list item of its own, after a phrase of the last
            found.add("comma_before")
        if joined in _CALLED or (words[:1] == [","] and " ".join(words[1:]) in _CALLED):
            found.add("called")  # "the number of particles, written $N$"
        if joined in _COPULA_BEFORE:
            found.add("copula")
    return found


def plain_gap(words: list[str]) -> list[str]:
    """The words of a gap without the blank lines around a display and without a
    "respectively" and the commas around it ("$I$ and $O$ are, respectively, the input and
    output manifolds")."""
    gap = [w for w in words if not w.isspace()]
    if "respectively" not in gap:
        return gap
    k = gap.index("respectively")
    start = k - 1 if k > 0 and gap[k - 1] == "," else k
    end = k + 2 if k + 1 < len(gap) and gap[k + 1] == "," else k + 1
    return gap[:start] + gap[end:]
