"""Pairing in a parsed sentence: where identifiers occur and how a mention relates to them.

An occurrence is a formula placeholder token (for each identifier of its formula) or a plain-text
symbol token; :func:`measure_pair` measures a (occurrence, mention) pair: token distance, direction,
definitional patterns between them, whether another formula stands between, and syntax links.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from definiens.define.candidate import PREPOSITIONS
from definiens.define.lists import coordinated, its_part, respectively, singular_of_a_list
from definiens.define.mentions import Mention
from definiens.define.ownership import not_its_own
from definiens.define.patterns import match_patterns, plain_gap, word_before, written_as
from definiens.define.words import Words
from definiens.formulas.spans import outer
from definiens.model import PLACEHOLDER_PREFIX, Formula, Identifier

__all__ = ["Occurrence", "Tokens", "measure_pair", "occurrences_in"]

#: A placeholder anywhere in a token: spaCy keeps "FORMULA7(FORMULA8" (W(r, k)) as one token.
_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}(\d+)")


@dataclass
class Occurrence:
    """An identifier at a token of a sentence; ``alone`` when nothing else is written with it
    (or the sentence names it by naming its formula); ``secondary`` when its formula names
    another identifier ("$G$" in "let $H \\subseteq G$ be a subgroup"): no definitional pattern
    of the sentence is about it."""

    identifier: str
    token: int
    alone: bool
    secondary: bool = False
    written_alone: bool = True  # not first written with a power or arguments ($s$, not $s^2$)
    by_itself: bool = True  # its formula is the identifier alone (not named with its formula)
    equation: bool = False  # its formula is an equation or inequality ("$q = \\rho v$")


#: What makes a short formula of one identifier another object: "$|H|$" (the order of H),
#: "$\\|x\\|$", "$\\deg v$".
_OPERATOR = re.compile(r"\||\\[lr]?[vV]ert|\\(?:deg|det|dim|ker|rank|tr|operatorname)(?![A-Za-z])")


#: A short formula giving a value ("$m = 0$"), not the identifier by itself.
_VALUE = re.compile(r"[=<>]")
#: The commands of an equation or inequality besides "=", "<", ">" (not a membership or an
#: inclusion: "a relation $R \\subseteq A \\times B$" is R).
_RELATION_COMMANDS = re.compile(r"\\(?:le|ge|leq|geq|neq|ne|approx|equiv|propto|ll|gg)(?![A-Za-z])")


def _is_alone(formula: Formula, shown: list[Identifier], tex: str) -> bool:
    """``tex`` is the one identifier ``shown`` of the formula (its :func:`outer` identifiers:
    $x_i$ is x_i alone, though i is read too), with little else written."""
    if len(formula.tex.strip()) > len(tex) + 4:
        return False
    if len(shown) != 1 or shown[0].tex != tex:
        return False
    ident = shown[0]
    if ident.start < 0:  # not placed: the length test alone
        return True
    outside = formula.tex[: ident.start] + " " + formula.tex[ident.end :]
    return _OPERATOR.search(outside) is None


def _powered(formula: Formula, identifier: Identifier) -> bool:
    """The identifier is first written with a power or applied to arguments: what is said of
    "$s^2 = …$" or "$\\sigma^2$" is said of the square, what is said of "$E(K)$" of the
    value."""
    return identifier.end >= 0 and formula.tex[identifier.end :].lstrip()[:1] in ("^", "(", "[")


def occurrences_in(
    tokens: Tokens,
    formulas: dict[int, Formula],
    names: dict[int, set[str]] | None = None,
    maps: frozenset[int] = frozenset(),
) -> list[Occurrence]:
    """The occurrences of a sentence: its plain-text symbols and its formulas' identifiers.

    An identifier that a sentence names when it names its formula (``names``: formula index ->
    the identifiers of :func:`definiens.formulas.roles.named`) counts as standing alone: "let
    $H \\subseteq G$ be a subgroup" defines ``H`` as "let $H$ be a subgroup" does. Every
    identifier of a formula that names a map (``maps``: formula indices, "a morphism $X \\to
    S$") is secondary.
    """
    names = names or {}
    found = [Occurrence(tex, at, True) for at, tex in tokens.symbols]
    for at, number in tokens.marks:
        formula = formulas.get(number)
        if formula is None:
            continue
        named = names.get(number, set())
        shown = outer(formula.identifiers)
        value = _VALUE.search(formula.tex) is not None
        equation = value or _RELATION_COMMANDS.search(formula.tex) is not None
        for ident in formula.identifiers:
            by_itself = not value and _is_alone(formula, shown, ident.tex)
            alone = by_itself or ident.tex in named
            secondary = (bool(named) or number in maps) and not alone
            powered = _powered(formula, ident)
            found.append(
                Occurrence(ident.tex, at, alone, secondary, not powered, by_itself, equation)
            )
    return found


@dataclass
class Tokens:
    """Plain lists of a parsed sentence's tokens, for fast pairing."""

    lower: list[str]
    heads: list[int]
    placeholders: list[int]  # placeholders[i]: placeholder and symbol tokens before token i
    marks: list[tuple[int, int]]  # (token, formula number) of each placeholder token
    symbols: list[tuple[int, str]]  # (token, identifier) of each plain-text symbol
    tags: list[str] = field(default_factory=list)
    groups: dict[int, tuple[int, int]] = field(default_factory=dict)  # coordinated symbols
    conj: list[bool] = field(default_factory=list)  # token i is a conjunct of an earlier one
    left: list[int] = field(default_factory=list)  # the first token of token i's subtree
    deps: list[str] = field(default_factory=list)

    def is_symbol(self, token: int) -> bool:
        """Whether token ``token`` is a formula placeholder or a plain-text symbol."""
        return self.placeholders[token + 1] > self.placeholders[token]

    @functools.cached_property
    def subjects(self) -> dict[int, int]:
        """The first subject of each verb that has one (verb token -> subject token)."""
        found: dict[int, int] = {}
        for token, dep in enumerate(self.deps):
            if dep in _SUBJECTS:
                found.setdefault(self.heads[token], token)
        return found

    @functools.cached_property
    def verbs_before(self) -> list[int]:
        """``verbs_before[i]``: how many tokens before token ``i`` are tagged as verbs."""
        counts = [0]
        for tag in self.tags:
            counts.append(counts[-1] + tag.startswith("VB"))
        return counts

    @functools.cached_property
    def lists(self) -> dict[tuple[int, int], list[int]]:
        """The symbol tokens of each list of symbols (its first and last token -> its tokens)."""
        found: dict[tuple[int, int], list[int]] = {}
        for token, group in sorted(self.groups.items()):
            found.setdefault(group, []).append(token)
        return found

    @classmethod
    def of(cls, words: Words) -> Tokens:
        """The lists of a parsed sentence's :class:`Words`."""
        lower = words.lower
        placeholders: list[int] = []
        marks: list[tuple[int, int]] = []
        symbols = words.symbols
        count = 0
        for i, text in enumerate(words.text):
            placeholders.append(count)
            if PLACEHOLDER_PREFIX in text:
                numbers = _PLACEHOLDER.findall(text)
                marks.extend((i, int(number)) for number in numbers)
                count += bool(numbers) or i in symbols
            else:
                count += i in symbols
        placeholders.append(count)
        found = cls(lower, words.heads, placeholders, marks, sorted(symbols.items()), words.tag)
        found.deps = words.dep
        found.groups = coordinated(lower, {t for t, _ in marks} | set(symbols))
        if "respectively" in lower:
            found.conj = [dep == "conj" for dep in words.dep]
            found.left = [words.left_edge(i) for i in range(len(words))]
        return found


_LONGEST_PATTERN = 6


def _sizes(tokens: Tokens, k: int) -> bool:
    """Token ``k`` is a formula between an article and a noun: "an $n \\times n$ matrix",
    "the $n$-dimensional space"."""
    return tokens.is_symbol(k) and k > 0 and tokens.lower[k - 1] in ("a", "an", "the")


#: Tags of the words of a prepositional phrase after a meaning ("of the oscillator").
_PHRASE_TAGS = frozenset(
    {"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "POS"}
)
_PREPOSITIONS = PREPOSITIONS | {"of"}


def _after_phrase(tokens: Tokens, lo: int, hi: int) -> set[str]:
    """Patterns before a symbol once a prepositional phrase after the meaning is passed over:
    "the angular frequency [of the oscillator] is $\\omega$"."""
    if hi - lo < 2 or tokens.lower[lo] not in _PREPOSITIONS:
        return set()
    k = lo + 1
    while k < hi and tokens.tags[k] in _PHRASE_TAGS:
        k += 1
    if k == lo + 1 or k >= hi:
        return set()
    return match_patterns(tokens.lower[k:hi], False) & {"copula", "called"}


#: The verb of "the kinetic energy of a body moving slowly *is* $E_k = …$".
_COPULA_VERBS = frozenset({"is", "are", "was", "were"})


def _subject_of_copula(tokens: Tokens, first: int, at: int, mention: Mention) -> bool:
    """The phrase is the subject of "is" and the formula right after "is" its complement,
    however long the phrase's own modifiers ("the kinetic energy of a body moving slowly is
    $E_k = …$"; the parse links both to the verb)."""
    verb = first - 1
    head = mention.head_token
    return (
        verb > mention.last
        and tokens.lower[verb] in _COPULA_VERBS
        and tokens.heads[head] == verb
        and tokens.heads[at] == verb
    )


def _in_a_modifier(tokens: Tokens, mention: Mention) -> bool:
    """The phrase is the object of a preposition, part of a longer subject: in "the
    chi-squared statistic with $k$ degrees of freedom is $Q$" or "the period of the pendulum
    is $T$", $Q$ is not "degrees of freedom", nor $T$ "pendulum"."""
    head = mention.head_token
    governor = tokens.heads[head]
    return governor < head and tokens.tags[governor] == "IN"


def _another_subject(tokens: Tokens, lo: int, hi: int, first: int, last: int) -> bool:
    """The verb "is" between the symbol (its list: ``first`` to ``last``) and the phrase has a
    subject of its own: "the degree of a vertex $v$ is the number of edges" says what the
    degree is, not $v$. Not when the symbol is that subject's apposition ("the map $f$ is the
    identity", "the numbers $p_{ij}$ are the transition probabilities", parsed as a second
    subject or not), nor beyond another verb (a misparse of a longer sentence: "the formula holds,
    where …, $c$ is the …")."""
    verb = next((k for k in range(lo, hi) if tokens.lower[k] in _COPULA_WORDS), None)
    if verb is None or not tokens.deps:
        return False
    # the first subject: a parse may give the verb two, "degree" and "$v$"
    subject = tokens.subjects.get(verb)
    if subject is None or subject >= first:
        return False
    if subject + 1 == first or tokens.heads[first] == subject:
        return False  # the symbol is the subject's apposition
    return tokens.verbs_before[first] == tokens.verbs_before[subject + 1]


_COPULA_WORDS = _COPULA_VERBS | {"be", "becomes"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def measure_pair(tokens: Tokens, occurrence: Occurrence, mention: Mention) -> dict[str, Any] | None:
    """Distance, direction, patterns and syntax flags of a mention seen from an occurrence;
    None when the mention speaks of something else (:func:`.ownership.not_its_own`).

    A symbol in a list of symbols is measured from the edge of its list ("$x$ and $y$ are real
    numbers" defines both); with "respectively", the i-th symbol of the list pairs with the
    i-th of a list of phrases only.
    """
    at = occurrence.token
    first, last = tokens.groups.get(at, (at, at))
    if mention.parts and not its_part(tokens, at, first, last, mention):
        return None
    after = mention.first > at
    if not_its_own(tokens, at, first, last, mention, after):
        return None
    if after and mention.first == last + 1 and _sizes(tokens, last):
        return None  # "an $m \times n$ matrix": the matrix is not n
    if after:
        lo, hi = (last + 1 if mention.first > last else at + 1), mention.first
        if hi - lo >= 2 and _sizes(tokens, hi - 1):
            hi -= 1  # "an $n \times n$ matrix": the formula sizes the noun, no gap word
    else:
        lo, hi = mention.last + 1, (first if mention.last < first else at)
    patterns: set[str] = set()
    gap_end, allowed = hi, True
    if tokens.conj and first != last and after and not mention.parts:
        gap_end, allowed = respectively(tokens, at, mention, hi)
    if gap_end - lo <= _LONGEST_PATTERN and allowed:
        gap = plain_gap(tokens.lower[lo:gap_end]) if gap_end > lo else []
        before = first if first < at and after else at
        following = tokens.lower[last + 1] if last + 1 < len(tokens.lower) else ""
        previous = word_before(tokens.lower, before, following)
        patterns = match_patterns(gap, after, previous, following)
        if not after and not patterns:
            patterns = _after_phrase(tokens, lo, gap_end)
            patterns = patterns or written_as(tokens.lower, tokens.tags, mention.first, gap)
        if occurrence.secondary and patterns:
            return None  # what the formula is said to be is its named identifier ("$H<G$ is a")
    if "copula" in patterns and (
        _another_subject(tokens, lo, gap_end, first, last)
        if after
        else _in_a_modifier(tokens, mention)
    ):
        patterns.discard("copula")
    if not after and "called" in patterns and _in_a_modifier(tokens, mention):
        patterns.discard("called")  # "the set of all probe functions is denoted by $F$"
    if not (after or patterns or occurrence.secondary) and _subject_of_copula(
        tokens, first, at, mention
    ):
        patterns = {"copula"}
    if patterns and mention.head_pos not in ("NOUN", "PROPN"):
        patterns -= {"appos_before", "comma_before"}
    if first != last and tokens.tags[mention.head_token] in ("NN", "NNP"):
        patterns -= singular_of_a_list(tokens, at, first, last, after, lo)
    head = mention.head_token
    blocked = hi > lo and tokens.placeholders[hi] > tokens.placeholders[lo]
    hi = max(hi, lo)
    flags = {
        "nearest": not blocked,
        "dep_direct": tokens.heads[head] == at or tokens.heads[at] == head,
        "dep_sibling": tokens.heads[head] == tokens.heads[at] and head != at,
    }
    return {
        "distance": max(hi - lo + 1, 1),
        "after": after,
        "patterns": patterns,
        "flags": [name for name, value in flags.items() if value],
    }
