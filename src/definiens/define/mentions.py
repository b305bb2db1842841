"""Candidate meanings in a parsed sentence: noun phrases and wiki links, with surface variants.

A noun phrase is a spaCy noun chunk with its determiner, numbers and formula placeholders cut
off ("the kinetic energy FORMULA4" gives "kinetic energy"); a chunk followed by ``of`` and
another chunk also gives the longer phrase ("speed of light"). Each mention carries the surface
forms a reader could give as its meaning: the phrase as written, the phrase with its head noun
lemmatised ("prime numbers" -> "prime number"), the head lemma alone ("positive integer" ->
"integer"), the modifier and head ("non-negative real numbers" -> "real number"), and for a wiki
link its anchor and target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from definiens.define.chunks import Chunk, sentence_chunks
from definiens.define.concepts import ATTRIBUTE_NOUNS, NO_START, is_evaluative
from definiens.define.counting import count_mentions
from definiens.define.junk import is_junk
from definiens.define.mention import Mention
from definiens.define.words import HYPHENS, Words
from definiens.model import Link

__all__ = [
    "Mention",
    "find_mentions",
    "glued",
    "phrase_variants",
]

_DROP_LEADING = {"DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP", "PART", "SYM", "X", "SPACE"}
_DROP_TRAILING = {"PUNCT", "CCONJ", "ADP", "PART", "DET", "SYM", "SPACE"}
_WORD = re.compile(r"[A-Za-z]{2,}")
_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)\s*$")


def _trim(w: Words, start: int, end: int) -> list[int]:
    """The tokens ``[start, end)`` without determiners, numbers, punctuation and empty
    qualifiers at the edges, stopping at a placeholder unless a hyphen joins it to the next
    word ("an invertible $\\mathcal{O}_X$-module", "$m$-th roots") or only a determiner is
    before it ("an $n \\times n$ matrix": matrix)."""
    kept: list[int] = []
    for i in range(start, end):
        if w.placeholder[i] and not glued(w, i, end):
            if any(w.pos[k] != "DET" for k in kept):
                break
            kept = []
            continue
        kept.append(i)
    while kept and (
        w.pos[kept[0]] in _DROP_LEADING
        or not _WORD.search(w.text[kept[0]])
        or (len(kept) > 1 and w.lower[kept[0]] in NO_START)
    ):
        if _hyphenated(w, kept):
            break
        kept.pop(0)
    while kept and w.pos[kept[-1]] in _DROP_TRAILING:
        kept.pop()
    return kept


def glued(w: Words, i: int, end: int | None = None) -> bool:
    """Token ``i`` is joined by a hyphen to a word after it (before ``end``): the formula of
    "$R$-module", "$k$-scheme", "$m$-th" is part of the phrase."""
    end = len(w) if end is None else end
    return (
        i + 2 < end
        and w.text[i + 1] in HYPHENS
        and not w.ws[i]
        and not w.ws[i + 1]
        and _WORD.search(w.text[i + 2]) is not None
    )


def _hyphenated(w: Words, tokens: Sequence[int]) -> bool:
    """The first token (of consecutive ``tokens``) is joined by a hyphen to a word:
    "4-velocity", "one-form"."""
    return len(tokens) > 2 and w.text[tokens[0]].isalnum() and glued(w, tokens[0])


def _with_ws(w: Words, tokens: Sequence[int]) -> str:
    text, ws = w.text, w.ws
    return "".join(text[t] + ws[t] for t in tokens)


def _phrase(w: Words, tokens: Sequence[int]) -> str:
    return " ".join(_with_ws(w, tokens).split())


#: Leading words that only pick an object out ("the corresponding operator", "a given point"):
#: a variant without them is offered too. Words that change the kind ("positive") are kept.
_PICKING_WORDS = """
corresponding given arbitrary fixed certain such some any each every appropriate suitable same
particular following other respective usual above said aforementioned new
"""
_PICKING = frozenset(_PICKING_WORDS.split())


def phrase_variants(
    w: Words, tokens: Sequence[int], core: int | None = None
) -> list[tuple[str, str]]:
    """The surface forms of the phrase of ``tokens`` (indices into ``w``); ``core`` is the
    number of tokens of its noun phrase before any prepositional extension ("sets | of labeled
    data": the head is "sets")."""
    core = len(tokens) if core is None else core
    head = tokens[core - 1]
    head_lemma = w.lemma(head) if w.pos[head] == "NOUN" else w.text[head].lower()
    forms = [("phrase", _phrase(w, tokens))]
    lemma_phrase = (
        _with_ws(w, tokens[: core - 1]) + head_lemma + w.ws[head] + _with_ws(w, tokens[core:])
    )
    forms.append(("lemma", " ".join(lemma_phrase.split())))
    picking = 0
    while picking < core - 1 and w.lower[tokens[picking]] in _PICKING:
        picking += 1
    if picking:
        forms.append(("unpicked", " ".join(lemma_phrase.split()[picking:])))
    if core == len(tokens):
        forms.extend(_head_forms(w, tokens, head, head_lemma))
    seen: set[str] = set()
    unique = []
    for variant, form in forms:
        if form and form.lower() not in seen:
            seen.add(form.lower())
            unique.append((variant, form))
    return unique


def _head_forms(
    w: Words, tokens: Sequence[int], head: int, head_lemma: str
) -> list[tuple[str, str]]:
    """The head noun alone, and modifier + head, of a noun phrase."""
    forms = []
    if len(tokens) > 1 and w.pos[head] == "NOUN":
        modifiers = tokens[:-1]
        if all(is_evaluative(w.text[t]) for t in modifiers):
            variant = "head_eval"
        elif all(w.pos[t] in ("ADJ", "ADV", "VERB") for t in modifiers):
            variant = "head_adj"
        else:
            variant = "head"
        forms.append((variant, head_lemma))
    if len(tokens) > 2 and w.pos[tokens[-2]] in ("ADJ", "NOUN", "PROPN"):
        forms.append(("compound", f"{w.text[tokens[-2]]} {head_lemma}"))
    return forms


def _mention(
    w: Words, kept: Sequence[int], offset: int, determiner: str, core: int | None = None
) -> Mention | None:
    """The mention of the tokens ``kept`` (trimmed), or None when they are no meaning; an
    extended one (``core`` given) may end in a word tagged as an adjective
    (:func:`_term_naming`)."""
    heads = ("NOUN", "PROPN", "ADJ") if core else ("NOUN", "PROPN")
    if not kept or w.pos[kept[-1]] not in heads:
        return None
    text = _phrase(w, kept)
    if not _WORD.search(text) or is_junk(w, kept):
        return None
    head = kept[-1]
    return Mention(
        text=text,
        first=kept[0],
        last=head,
        start=offset + w.idx[kept[0]],
        end=offset + w.idx[head] + len(w.text[head]),
        head_lemma=w.lemma(head),
        head_pos=w.pos[head],
        determiner=determiner,
        variants=phrase_variants(w, kept, core),
    )


def _determiner(w: Words, chunk: tuple[int, int]) -> str:
    first = chunk[0]
    return w.lower[first] if w.pos[first] == "DET" else ""


#: Prepositions whose phrase can belong to a meaning ("speed of light", "rate constant for
#: electron transfer", "yield stress in uniaxial tension", "truncation at the tenths place",
#: "height above the ground", "distance from the origin", "number of particles per unit volume").
#: Not "with": "a graph with vertex set $V$" is a graph.
_EXTENDING = frozenset(
    {"of", "for", "in", "on", "at", "over", "between", "under", "above", "below", "from",
     "per", "along", "across", "through"}
)  # fmt: skip
#: How many prepositional phrases a meaning may carry ("number of particles in one container").
_MAX_EXTENSIONS = 2


def _extension(w: Words, chunk: Chunk, chunks_by_start: dict[int, Chunk]) -> Chunk | None:
    """The noun chunk after ``chunk`` and an extending preposition ("of", or "due to":
    "the acceleration due to gravity"), or None."""
    after = chunk[1]
    if after + 1 < len(w) and w.lower[after] in _EXTENDING:
        return chunks_by_start.get(after + 1)
    if after + 2 < len(w) and w.lower[after] == "due" and w.lower[after + 1] == "to":
        return chunks_by_start.get(after + 2)
    return None


def _names_a_symbol(w: Words, chunk: Chunk) -> bool:
    """The phrase goes on into a symbol ("of order $n$", "vertex set $V$"): it names that
    symbol, it is not part of this meaning; so does a bare attribute ("of degree at most
    $n$", "of finite type")."""
    end = chunk[1]
    if end < len(w) and (w.placeholder[end] or w.tag[end] in ("NN", "NNS")):
        return True
    bare = w.pos[chunk[0]] not in ("DET", "PRON", "NUM")
    return bare and w.tag[end - 1] == "NN" and w.lower[end - 1] in ATTRIBUTE_NOUNS


def _extended(
    w: Words, chunk: Chunk, mention: Mention, by_start: dict[int, Chunk], offset: int
) -> list[Mention]:
    """The longer mentions of ``chunk`` with one or two prepositional phrases after it; each
    keeps its noun phrase's head for its lemma ("sets of labeled data" -> "set of labeled
    data") and pairs from the phrase's first token."""
    found: list[Mention] = []
    if mention.last != chunk[1] - 1:  # the chunk was cut at a formula
        return found
    tokens = list(range(mention.first, mention.last + 1))
    core, current = len(tokens), chunk
    for _ in range(_MAX_EXTENSIONS):
        extension = _extension(w, current, by_start)
        if extension is None:
            break
        tail = _trim_end(w, extension)
        if len(tail) != extension[1] - extension[0]:
            break
        named = _term_naming(w, mention, tail) if not found else None
        if named is not None:
            tail = named
        elif (
            any(w.placeholder[t] and not glued(w, t) for t in tail)
            or w.pos[tail[-1]] not in ("NOUN", "PROPN")
            or _names_a_symbol(w, extension)
        ):
            break
        tokens = [*tokens, *range(current[1], extension[0]), *tail]
        longer = _mention(w, tokens, offset, mention.determiner, core=core)
        if longer is None:
            break
        longer.head = mention.last
        # a term: "speed of light", "set of all probe functions" (not "charge of the particle")
        longer.bare = not found and (
            w.pos[extension[0]] not in ("DET", "PRON") or w.lower[extension[0]] == "all"
        )
        found.append(longer)
        if named is not None:
            longer.head_pos = mention.head_pos  # "light" in "speed of light" may read as ADJ
            break
        current = extension
    return found


def _term_naming(w: Words, mention: Mention, tail: list[int]) -> list[int] | None:
    """The words of a bare "of" phrase that ends at a symbol after a definite noun phrase,
    which the term as a whole names: "the speed of light $c$", "the coefficient of friction
    $\\mu$", "the new constant of integration $b$" (not "a group of order $n$", where the order
    is $n$), with the symbol in the last chunk or right after it. The tagger often reads the
    word before the symbol as its adjective ("light"); one such word is taken as a noun."""
    if mention.determiner != "the" or not tail:
        return None
    inside = w.placeholder[tail[-1]]
    words = tail[:-1] if inside else tail  # the symbol in the chunk or after it
    symbol = words[-1] + 1 if words else len(w)
    if symbol >= len(w) or not w.placeholder[symbol] or _bound_after(w, symbol):
        return None
    if not inside and w.tag[words[-1]] == "NNS" and w.lemma(mention.last) not in _COUNTS:
        return None  # "the union of sets $A_i$": the symbols are the sets
    if w.lower[words[0] - 1] != "of" or any(w.placeholder[t] for t in words):
        return None
    last = words[-1]
    if w.pos[words[0]] in ("DET", "PRON", "NUM") or w.lower[last] in ATTRIBUTE_NOUNS:
        return None  # "the cyclic group of order $n$": the order is $n$
    if w.pos[last] in ("NOUN", "PROPN"):
        return words
    adjective = len(words) == 1 and w.pos[last] == "ADJ" and not is_evaluative(w.lower[last])
    return words if adjective else None


#: Words after a symbol that make it a running variable the phrase before it describes, with
#: a formula after them: "the number of integers $k$ with $1 \le k \le n$" (k is an integer,
#: not the number; not "the speed of light $c$ with high precision").
_BINDING = frozenset({"with", "satisfying", "where"})
#: Heads of a term whose last noun is plural and still names one symbol after the chunk ("the
#: number of particles $N$").
_COUNTS = frozenset({"number", "amount", "count", "total", "fraction", "proportion", "share"})


def _bound_after(w: Words, symbol: int) -> bool:
    return (
        symbol + 2 < len(w)
        and w.lower[symbol + 1] in _BINDING
        and any(w.placeholder[t] for t in range(symbol + 2, min(symbol + 4, len(w))))
    )


def _trim_end(w: Words, chunk: Chunk) -> list[int]:
    kept = list(range(*chunk))
    while kept and w.pos[kept[-1]] in _DROP_TRAILING:
        kept.pop()
    return kept


def _link_mentions(w: Words, offset: int, links: Sequence[Link]) -> Iterator[Mention]:
    doc = w.doc
    end_offset = offset + w.length()
    for link in links:
        if link.start < offset or link.end > end_offset:
            continue
        span = doc.char_span(link.start - offset, link.end - offset, alignment_mode="expand")
        if span is None or not _WORD.search(link.anchor):
            continue
        target = link.target.split("#", 1)[0].replace("_", " ").strip()
        target = _DISAMBIGUATION.sub("", target)
        anchor = " ".join(link.anchor.split())
        variants = [("link_anchor", anchor)]
        if target and target.lower() != anchor.lower():
            variants.append(("link_target", target))
        yield Mention(
            text=anchor,
            first=span.start,
            last=span.end - 1,
            start=link.start,
            end=link.end,
            head_lemma=w.lemma(span.end - 1),
            method="link",
            variants=variants,
            link_target=target or None,
        )


def find_mentions(
    doc: Any, offset: int, links: Sequence[Link] = (), words: Words | None = None
) -> list[Mention]:
    """The candidate mentions of a parsed sentence starting at ``offset`` of ``Document.text``
    (``words``: its :class:`Words`, when already read)."""
    w = Words(doc) if words is None else words
    found: list[Mention] = []
    chunks = sentence_chunks(w)
    by_start = {chunk[0]: chunk for chunk in chunks}
    for chunk in chunks:
        mention = _mention(w, _trim(w, *chunk), offset, _determiner(w, chunk))
        if mention is None:
            continue
        found.append(mention)
        found.extend(_extended(w, chunk, mention, by_start, offset))
    linked = list(_link_mentions(w, offset, links))
    found = [m for m in found if not any(_inside(m, link) for link in linked)]
    return found + linked + list(count_mentions(w, offset))


def _inside(mention: Mention, link: Mention) -> bool:
    """A noun phrase strictly inside a link anchor ("speed" in "[[speed of light]]")."""
    return (
        link.start <= mention.start
        and mention.end <= link.end
        and (mention.start, mention.end) != (link.start, link.end)
    )
