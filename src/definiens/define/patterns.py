"""Definitional patterns between an identifier and a candidate phrase in one sentence.

The words between the identifier's placeholder and the phrase decide the pattern:
"where E is the energy" (copula), "E denotes the energy" (denote), "let G be a group" (let),
"E, the energy," (apposition after), "the energy E" (apposition before), "the energy is called E"
or "the energy, denoted E" (called). Determiners next to the phrase are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["PATTERNS", "match_patterns", "word_before"]

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
#: What comes before a symbol that a list of "symbol the phrase" goes on with.
_LIST_WORDS = {"and", ",", "with", "while"}
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
    "defined by",
    "as",
    "defined as",
    "is defined by",
    "is defined as",
}
_COMMA = {",", "(", ", namely", ":", "-"}
#: "The angular frequency (of the oscillator) is $\\omega$".
_COPULA_BEFORE = {"is", "are", "was", "were", "will be", "becomes", "equals", "is equal to"}


#: Adverbs a definition may carry between its words ("the fitted intercept is then $\\hat\\alpha$").
_ADVERBS = frozenset({"then", "thus", "hence", "therefore", "simply", "usually", "often", "again"})


def _strip_determiners(words: Sequence[str]) -> list[str]:
    words = [word for word in words if word not in _ADVERBS]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    return words


#: How far back a list of "$m$ for the mass, $c$ for …" may reach for its "using" / "write".
_WRITE_REACH = 12


def word_before(lower: Sequence[str], at: int) -> str:
    """The word before token ``at``, for :func:`match_patterns`. A symbol that goes on with a
    list of "… for …" after "write" or "using" ("using $m$ for the mass and $c$ for the speed
    of light") reads as if the verb stood before it."""
    if at <= 0:
        return ""
    word = lower[at - 1]
    if word in ("and", ","):
        window = lower[max(0, at - _WRITE_REACH) : at]
        verb = next((k for k, w in enumerate(window) if w in _WRITE_WORDS), None)
        if verb is not None and "for" in window[verb:]:
            return "using"
    return word


def match_patterns(gap: Sequence[str], after: bool, previous_word: str = "") -> set[str]:
    """The patterns a gap of lower-case words matches.

    ``after`` says the phrase follows the identifier; ``previous_word`` is the word just before
    the identifier (to recognise "let G be ...").
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
            if previous_word in _LIST_WORDS:
                found.add("copula")  # a verb left out: "… and $k$ the Boltzmann constant"
        if joined in (",", "(", "is a", ", a", ", the", ":", ", i.e.", ", namely", "-", "–", "—"):
            found.add("appos_after")
        if previous_word in _LET_WORDS and joined in ("be", "be any", "be some", "in"):
            found.add("let")
    else:
        if not gap:
            found.add("appos_before")
        elif joined in _COMMA:
            found.add("comma_before")
        if joined in _CALLED or (words[:1] == [","] and " ".join(words[1:]) in _CALLED):
            found.add("called")  # "the number of particles, written $N$"
        if joined in _COPULA_BEFORE:
            found.add("copula")
    return found
