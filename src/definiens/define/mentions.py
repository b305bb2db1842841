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
from dataclasses import dataclass, field
from typing import Any

from definiens.define.concepts import is_concept, is_evaluative
from definiens.define.nlp import lemma
from definiens.define.symbols import symbol_tokens
from definiens.model import PLACEHOLDER_PREFIX, Link

__all__ = [
    "Mention",
    "find_mentions",
    "is_junk",
    "is_placeholder",
    "phrase_variants",
    "placeholder_tokens",
]

_DROP_LEADING = {"DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP", "PART", "SYM", "X", "SPACE"}
_DROP_TRAILING = {"PUNCT", "CCONJ", "ADP", "PART", "DET", "SYM", "SPACE"}
_WORD = re.compile(r"[A-Za-z]{2,}")
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}\d+")
_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass
class Mention:
    """One occurrence of a candidate phrase in a sentence (token span ``[first, last]``);
    ``variants`` are its surface variants as ``(variant, text)`` pairs."""

    text: str
    first: int
    last: int
    start: int
    end: int
    head_lemma: str
    head_pos: str = "NOUN"
    determiner: str = ""
    method: str = "noun_phrase"
    variants: list[tuple[str, str]] = field(default_factory=list)
    link_target: str | None = None
    head: int = -1  # the head noun's token when it is not the last ("speed" of light)
    bare: bool = False  # extended by a phrase without article: a term ("speed of light")


def is_placeholder(token: Any) -> bool:
    """A formula placeholder or a plain-text symbol ("the speed of light c")."""
    return _PLACEHOLDER.search(token.text) is not None or token.i in symbol_tokens(token.doc)


def placeholder_tokens(doc: Any) -> list[int]:
    """The tokens of a parsed sentence that :func:`is_placeholder` accepts, read from its token
    arrays (no spaCy token object is built for the others)."""
    strings = doc.vocab.strings
    marked = symbol_tokens(doc)
    return [
        i
        for i, orth in enumerate(doc.to_array("ORTH").tolist())
        if _PLACEHOLDER.search(strings[orth]) is not None or i in marked
    ]


def _trim(tokens: Sequence[Any]) -> list[Any]:
    """Cut determiners, numbers and punctuation at the edges, and stop at a placeholder."""
    kept: list[Any] = []
    for token in tokens:
        if is_placeholder(token):
            if kept:
                break
            continue
        kept.append(token)
    while kept and (kept[0].pos_ in _DROP_LEADING or not _WORD.search(kept[0].text)):
        if _hyphenated(kept):
            break
        kept.pop(0)
    while kept and kept[-1].pos_ in _DROP_TRAILING:
        kept.pop()
    return kept


#: Words that are never a meaning on their own: abbreviations, function words and the verbs and
#: nouns of the text's own apparatus that a tagger may take for nouns ("Denote", "resp").
_JUNK_WORDS = """
resp respectively denote denotes let define consider suppose assume note see cf eg ie etc
example examples instance quasi lemma theorem proposition corollary remark section chapter
figure table page exercise proof
"""
_JUNK = frozenset(_JUNK_WORDS.split())
_BRACKETS = str.maketrans("", "", "()[]{}")


def is_junk(tokens: Sequence[Any]) -> bool:
    """A phrase that is never a meaning: its head is a word of :data:`_JUNK` or an adjective
    that only qualifies ("nonzero"), or it holds an unbalanced bracket ("quasi-compact (Lemma")."""
    head = tokens[-1].lower_.strip(".")
    if head in _JUNK or (len(tokens) == 1 and is_evaluative(head) and not is_concept(head)):
        return True
    text = "".join(t.text for t in tokens)
    return text.count("(") != text.count(")") or text.count("[") != text.count("]")


def _hyphenated(tokens: Sequence[Any]) -> bool:
    """The first token is joined by a hyphen to a word: "4-velocity", "one-form"."""
    return (
        len(tokens) > 2
        and tokens[1].text in _HYPHENS
        and not tokens[0].whitespace_
        and not tokens[1].whitespace_
        and tokens[0].text.isalnum()
        and _WORD.search(tokens[2].text) is not None
    )


def _phrase(tokens: Sequence[Any]) -> str:
    return " ".join("".join(t.text_with_ws for t in tokens).split())


#: Leading words that only pick an object out ("the corresponding operator", "a given point"):
#: a variant without them is offered too. Words that change the kind ("positive") are kept.
_PICKING_WORDS = """
corresponding given arbitrary fixed certain such some any each every appropriate suitable same
particular following other respective usual above said aforementioned new
"""
_PICKING = frozenset(_PICKING_WORDS.split())


def phrase_variants(tokens: Sequence[Any], core: int | None = None) -> list[tuple[str, str]]:
    """The surface forms of a phrase; ``core`` is the number of tokens of its noun phrase
    before any prepositional extension ("sets | of labeled data": the head is "sets")."""
    core = len(tokens) if core is None else core
    head = tokens[core - 1]
    head_lemma = lemma(head) if head.pos_ == "NOUN" else head.text.lower()
    forms = [("phrase", _phrase(tokens))]
    lemma_phrase = (
        "".join(t.text_with_ws for t in tokens[: core - 1])
        + head_lemma
        + head.whitespace_
        + "".join(t.text_with_ws for t in tokens[core:])
    )
    forms.append(("lemma", " ".join(lemma_phrase.split())))
    picking = 0
    while picking < core - 1 and tokens[picking].lower_ in _PICKING:
        picking += 1
    if picking:
        forms.append(("unpicked", " ".join(lemma_phrase.split()[picking:])))
    if core == len(tokens):
        forms.extend(_head_forms(tokens, head, head_lemma))
    seen: set[str] = set()
    unique = []
    for variant, form in forms:
        if form and form.lower() not in seen:
            seen.add(form.lower())
            unique.append((variant, form))
    return unique


def _head_forms(tokens: Sequence[Any], head: Any, head_lemma: str) -> list[tuple[str, str]]:
    """The head noun alone, and modifier + head, of a noun phrase."""
    forms = []
    if len(tokens) > 1 and head.pos_ == "NOUN":
        modifiers = tokens[:-1]
        if all(is_evaluative(t.text) for t in modifiers):
            variant = "head_eval"
        elif all(t.pos_ in ("ADJ", "ADV", "VERB") for t in modifiers):
            variant = "head_adj"
        else:
            variant = "head"
        forms.append((variant, head_lemma))
    if len(tokens) > 2 and tokens[-2].pos_ in ("ADJ", "NOUN", "PROPN"):
        forms.append(("compound", f"{tokens[-2].text} {head_lemma}"))
    return forms


def _mention(
    tokens: Sequence[Any], offset: int, determiner: str, core: int | None = None
) -> Mention | None:
    kept = _trim(tokens) if core is None else list(tokens)
    if not kept or kept[-1].pos_ not in ("NOUN", "PROPN") or not _WORD.search(_phrase(kept)):
        return None
    if is_junk(kept):
        return None
    head = kept[-1]
    return Mention(
        text=_phrase(kept),
        first=kept[0].i,
        last=head.i,
        start=offset + kept[0].idx,
        end=offset + head.idx + len(head.text),
        head_lemma=lemma(head),
        head_pos=head.pos_,
        determiner=determiner,
        variants=phrase_variants(kept, core),
    )


def _determiner(chunk: Any) -> str:
    first = chunk[0]
    return first.lower_ if first.pos_ == "DET" else ""


#: Prepositions whose phrase can belong to a meaning ("speed of light", "rate constant for
#: electron transfer", "yield stress in uniaxial tension", "truncation at the tenths place").
#: Not "with": "a graph with vertex set $V$" is a graph.
_EXTENDING = frozenset({"of", "for", "in", "on", "at", "over", "between", "under"})
#: How many prepositional phrases a meaning may carry ("number of particles in one container").
_MAX_EXTENSIONS = 2


def _extension(chunk: Any, chunks_by_start: dict[int, Any]) -> Any | None:
    """The noun chunk after ``chunk`` and an extending preposition, or None."""
    after = chunk.end
    doc = chunk.doc
    if after + 1 < len(doc) and doc[after].lower_ in _EXTENDING:
        return chunks_by_start.get(after + 1)
    return None


def _names_a_symbol(chunk: Any) -> bool:
    """The phrase goes on into a symbol ("of order $n$", "vertex set $V$"): it names that
    symbol, it is not part of this meaning."""
    doc = chunk.doc
    return chunk.end < len(doc) and (
        is_placeholder(doc[chunk.end]) or doc[chunk.end].tag_ in ("NN", "NNS")
    )


def _extended(chunk: Any, mention: Mention, by_start: dict[int, Any], offset: int) -> list[Mention]:
    """The longer mentions of ``chunk`` with one or two prepositional phrases after it; each
    keeps its noun phrase's head for its lemma ("sets of labeled data" -> "set of labeled
    data") and pairs from the phrase's first token."""
    found: list[Mention] = []
    doc = chunk.doc
    if mention.last != chunk.end - 1:  # the chunk was cut at a formula
        return found
    tokens = list(doc[mention.first : mention.last + 1])
    core, current = len(tokens), chunk
    for _ in range(_MAX_EXTENSIONS):
        extension = _extension(current, by_start)
        if extension is None:
            break
        tail = _trim_end(extension)
        if len(tail) != len(extension) or any(is_placeholder(t) for t in tail):
            break
        if tail[-1].pos_ not in ("NOUN", "PROPN") or _names_a_symbol(extension):
            break
        tokens = [*tokens, doc[current.end], *tail]
        longer = _mention(tokens, offset, mention.determiner, core=core)
        if longer is None:
            break
        longer.head = mention.last
        longer.bare = not found and extension[0].pos_ not in ("DET", "PRON")
        found.append(longer)
        current = extension
    return found


def _trim_end(tokens: Sequence[Any]) -> list[Any]:
    kept = list(tokens)
    while kept and kept[-1].pos_ in _DROP_TRAILING:
        kept.pop()
    return kept


def _link_mentions(doc: Any, offset: int, links: Sequence[Link]) -> Iterator[Mention]:
    end_offset = offset + len(doc.text)
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
        head = span[-1]
        yield Mention(
            text=anchor,
            first=span[0].i,
            last=head.i,
            start=link.start,
            end=link.end,
            head_lemma=lemma(head),
            method="link",
            variants=variants,
            link_target=target or None,
        )


def find_mentions(doc: Any, offset: int, links: Sequence[Link] = ()) -> list[Mention]:
    """The candidate mentions of a parsed sentence starting at ``offset`` of ``Document.text``."""
    found: list[Mention] = []
    chunks = _with_roots(doc, list(doc.noun_chunks))
    by_start = {chunk.start: chunk for chunk in chunks}
    for chunk in chunks:
        mention = _mention(chunk, offset, _determiner(chunk))
        if mention is None:
            continue
        found.append(mention)
        found.extend(_extended(chunk, mention, by_start, offset))
    linked = list(_link_mentions(doc, offset, links))
    found = [m for m in found if not any(_inside(m, link) for link in linked)]
    return found + linked + list(_count_mentions(doc, offset))


_ROOT_MODIFIERS = frozenset({"det", "compound", "amod", "nmod", "poss"})


def _with_roots(doc: Any, chunks: list[Any]) -> list[Any]:
    """``chunks`` and the noun phrase of a sentence whose root is a noun, which spaCy leaves out
    of its noun chunks ("..., and $k$ the Boltzmann constant.")."""
    root_dep = doc.vocab.strings["ROOT"]
    # the roots found in the token array: no spaCy Token is made for the other tokens
    roots = [i for i, dep in enumerate(doc.to_array("DEP").tolist()) if dep == root_dep]
    for root in (doc[i] for i in roots):
        if root.pos_ not in ("NOUN", "PROPN") or is_placeholder(root):
            continue
        if any(c.start <= root.i < c.end for c in chunks):
            continue
        start = root.i
        while start > 0 and doc[start - 1].head.i == root.i:
            if doc[start - 1].dep_ not in _ROOT_MODIFIERS or is_placeholder(doc[start - 1]):
                break
            start -= 1
        chunks.append(doc[start : root.i + 1])
    chunks.sort(key=lambda chunk: chunk.start)
    return chunks


#: Words before a symbol that make it an object or a modifier, not the subject of a clause.
_COUNT_BEFORE = frozenset({"VERB", "AUX", "ADP", "DET", "ADJ", "NUM"})
#: Verbs of mathematical prose that spaCy's tagger takes for plural nouns after a symbol
#: ("as n increases", "f satisfies", "2 times"): never counted.
_VERB_WORDS = """
holds satisfies converges diverges increases decreases approaches coincides spans forces
accounts times tends equals denotes represents means contains exists belongs varies depends
lies gives becomes remains vanishes commutes acts maps sends defines yields implies
oscillates moves rotates travels falls grows decays changes runs
"""
_VERBS = frozenset(_VERB_WORDS.split())


def _counted(doc: Any, token: Any) -> Any | None:
    """The plural noun a symbol counts ("considers N particles", "the highest x bits"), or
    None; a symbol that begins a clause is its subject ("where f satisfies the ...")."""
    following = doc[token.i + 1]
    if following.tag_ not in ("NNS", "NNPS") or not following.is_alpha:
        return None
    if following.lower_ in _VERBS or token.i == 0 or doc[token.i - 1].pos_ not in _COUNT_BEFORE:
        return None
    after = doc[following.i + 1] if following.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("DET", "PRON"):
        return None
    return following if is_placeholder(token) else None


def _count_mentions(doc: Any, offset: int) -> Iterator[Mention]:
    """A symbol before a plural noun counts it: "N particles" gives "number of particles"."""
    strings = doc.vocab.strings
    tags = doc.to_array("TAG").tolist()
    for i in range(len(doc) - 1):
        if strings[tags[i + 1]] not in ("NNS", "NNPS"):
            continue  # what :func:`_counted` checks first, without building the tokens
        token = doc[i]
        following = _counted(doc, token)
        if following is not None:
            yield Mention(
                text=following.text,
                first=following.i,
                last=following.i,
                start=offset + following.idx,
                end=offset + following.idx + len(following.text),
                head_lemma=lemma(following),
                method="count",
                variants=[("count", f"number of {following.lower_}")],
            )


def _inside(mention: Mention, link: Mention) -> bool:
    """A noun phrase strictly inside a link anchor ("speed" in "[[speed of light]]")."""
    return (
        link.start <= mention.start
        and mention.end <= link.end
        and (mention.start, mention.end) != (link.start, link.end)
    )
