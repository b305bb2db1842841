"""A coordination shared out over a list of symbols with "respectively".

"Here $K_p$ and $K_i$ are the proportional and integral gains, respectively": the phrase is
"proportional gain" for the first symbol and "integral gain" for the second. Four shapes are
read from the parse: coordinated modifiers of one head ("the proportional and integral gains"),
a bare noun coordinated with a compound ("the object and image distances"), coordinated
objects of a head's preposition ("the heat capacities at constant volume and constant pressure")
and coordinated modifiers of its one object ("the refractive indices of the first and second
medium"). The shared head is plural. Each part is a mention spanning the whole coordination
(the gap to the list is measured from its edges) that only the symbol at the same place of a
list of as many symbols takes, the list hanging off the coordination or off the same verb
(:func:`definiens.define.lists.its_part`, from :func:`definiens.define.pairing.measure_pair`).
"""

from __future__ import annotations

from collections.abc import Iterator

from definiens.define.mention import Mention, mention_of
from definiens.define.words import Words

__all__ = ["distributed_mentions"]

_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PLURALS = frozenset({"NNS", "NNPS"})


def distributed_mentions(w: Words, offset: int) -> Iterator[Mention]:
    """The parts of each coordination of a sentence that says "respectively"."""
    if "respectively" not in w.lower:
        return
    children: list[list[int]] = [[] for _ in range(len(w))]
    for token, governor in enumerate(w.heads):
        if governor != token:
            children[governor].append(token)
    for head in range(len(w)):
        # a head shared by several things is plural: "the proportional and integral gains",
        # not "the mass and kinetic energy"
        if w.tag[head] not in _PLURALS or w.placeholder[head]:
            continue
        for parts, first, last in _shapes(w, head, children):
            if len(parts) < 2 or any(not p for p in parts):
                continue
            for number, text in enumerate(parts):
                yield mention_of(
                    w, offset, (first, last), head, text, variants=[("phrase", text)],
                    head=head, part=number, parts=len(parts),
                )  # fmt: skip


def _shapes(w: Words, head: int, children: list[list[int]]) -> Iterator[tuple[list[str], int, int]]:
    """(the phrases, the first and last token of the coordination) of each shape at ``head``;
    ``children[t]``: the tokens whose head is ``t``."""
    lemma = w.lemma(head)
    # "the proportional and integral gains"
    for modifier in children[head]:
        if modifier < head and w.dep[modifier] in _MODIFIERS:
            chain = _last_conjunct(w, _conjuncts(w, modifier, children), head)
            if len(chain) > 1 and chain[-1] < head:
                words = [_words(w, t) for t in chain]
                yield [f"{text} {lemma}" for text in words], _left(w, chain[0]), head
    # "the object and image distances": "object" bare, "distances" with its compound
    if w.dep[head] == "conj" and w.heads[head] < head:
        first = w.heads[head]
        own = [t for t in children[first] if w.dep[t] in _MODIFIERS]
        compound = [t for t in children[head] if t < head and w.dep[t] in _MODIFIERS]
        if not own and w.tag[first] in _NOUNS and len(compound) == 1:
            parts = [f"{w.lower[first]} {lemma}", f"{w.lower[compound[0]]} {lemma}"]
            yield parts, first, head
    # "the heat capacities at constant volume and constant pressure"
    for prep in children[head]:
        if prep > head and w.tag[prep] == "IN":
            objects = [t for t in children[prep] if w.dep[t] == "pobj"]
            if objects:
                chain = _conjuncts(w, objects[0], children)
                if len(chain) > 1:
                    name = f"{_words(w, head, lemma)} {w.lower[prep]}"
                    yield [f"{name} {_words(w, t)}" for t in chain], _left(w, head), chain[-1]
                else:
                    yield from _modified_object(w, head, prep, objects[0], children)


def _modified_object(
    w: Words, head: int, prep: int, obj: int, children: list[list[int]]
) -> Iterator[tuple[list[str], int, int]]:
    """ "the refractive indices of the first and second medium": one object of the head's
    preposition with coordinated modifiers; each part keeps the object's article."""
    for modifier in children[obj]:
        if modifier < obj and w.dep[modifier] in _MODIFIERS:
            chain = _last_conjunct(w, _conjuncts(w, modifier, children), obj)
            if len(chain) > 1 and chain[-1] < obj:
                article = [w.lower[t] for t in children[obj] if t < modifier and w.tag[t] == "DT"]
                name = " ".join([_words(w, head, w.lemma(head)), w.lower[prep], *article])
                noun = w.lemma(obj)
                yield [f"{name} {_words(w, t)} {noun}" for t in chain], _left(w, head), obj


def _conjuncts(w: Words, first: int, children: list[list[int]]) -> list[int]:
    """``first`` and the tokens coordinated with it, in order."""
    chain = [first]
    while True:
        nxt = [t for t in children[chain[-1]] if w.dep[t] == "conj" and t > chain[-1]]
        if not nxt or w.placeholder[nxt[0]]:
            return chain
        chain.append(nxt[0])


def _last_conjunct(w: Words, chain: list[int], head: int) -> list[int]:
    """``chain`` and the modifier after its "and" that the parser hung off the head itself
    ("the red, green, and blue components": "blue" is the head's modifier)."""
    after = chain[-1] + 1
    while after < head and w.tag[after] in (",", "CC"):
        after += 1
    joined = "and" in w.lower[chain[-1] + 1 : after] or "or" in w.lower[chain[-1] + 1 : after]
    if joined and after < head and w.heads[after] == head and w.dep[after] in _MODIFIERS:
        return [*chain, after]
    return chain


def _words(w: Words, token: int, last: str | None = None) -> str:
    """The token with its own modifiers before it ("constant volume"), ``last`` for its word."""
    words = [w.text[t] for t in range(_left(w, token), token)] + [last or w.text[token]]
    return " ".join(words)


def _left(w: Words, token: int) -> int:
    """The first of the token's own modifiers before it, or the token."""
    start = token
    while start > 0 and w.heads[start - 1] == token and w.dep[start - 1] in _MODIFIERS:
        start -= 1
    return start
