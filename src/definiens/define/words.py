"""A parsed sentence as plain lists of token attributes, read once from spaCy's token arrays.

The mention finder (:mod:`.mentions`, :mod:`.naming`) and the pairing (:mod:`.pairing`) read
words, tags, parts of speech, dependencies and heads by token index from these lists instead of
building a spaCy ``Token`` object per look-up; :func:`noun_chunks` is spaCy's English noun
chunker on the same lists.
"""

from __future__ import annotations

import re
from typing import Any

from definiens.define.nlp import noun_lemma
from definiens.define.symbols import symbol_tokens
from definiens.model import PLACEHOLDER_PREFIX

__all__ = ["HYPHENS", "Words", "noun_chunks", "placeholder_tokens"]

#: The hyphens that join two words into one ("4-velocity", "$R$-module").
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})

_PLACEHOLDER = re.compile(rf"{PLACEHOLDER_PREFIX}\d+")
_ATTRIBUTES = ["ORTH", "LOWER", "TAG", "POS", "DEP", "SPACY", "IDX"]


class Words:
    """The tokens of a parsed sentence (``doc``): ``text[i]``, ``lower[i]``, ``tag[i]``,
    ``pos[i]`` and ``dep[i]`` as strings, ``heads[i]`` (absolute), ``ws[i]`` (the whitespace
    after it), ``idx[i]`` (its character offset in the sentence), and ``placeholder[i]``: a
    formula placeholder or a plain-text symbol (:func:`definiens.define.symbols.symbol_tokens`).
    """

    __slots__ = (
        "dep", "doc", "heads", "idx", "lower", "placeholder", "pos", "symbols", "tag", "text",
        "ws",
    )  # fmt: skip

    def __init__(self, doc: Any) -> None:
        import numpy as np

        self.doc = doc
        strings = doc.vocab.strings
        n = len(doc)
        rows = doc.to_array(_ATTRIBUTES).reshape(n, len(_ATTRIBUTES)).T.tolist() if n else []
        orth, lower, tag, pos, dep, spacy, idx = rows or [[]] * len(_ATTRIBUTES)
        self.text: list[str] = [strings[h] for h in orth]
        self.lower: list[str] = [strings[h] for h in lower]
        self.tag: list[str] = [strings[h] for h in tag]
        self.pos: list[str] = [strings[h] for h in pos]
        self.dep: list[str] = [strings[h] for h in dep]
        self.ws: list[str] = [" " if s else "" for s in spacy]
        self.idx: list[int] = idx
        relative = doc.to_array("HEAD").astype(np.int64) if n else np.zeros(0, np.int64)
        self.heads: list[int] = (relative + np.arange(n)).tolist()
        self.symbols: dict[int, str] = symbol_tokens(doc)
        marked = self.symbols
        self.placeholder: list[bool] = [
            i in marked or (PLACEHOLDER_PREFIX in t and _PLACEHOLDER.search(t) is not None)
            for i, t in enumerate(self.text)
        ]

    def __len__(self) -> int:
        return len(self.text)

    def length(self) -> int:
        """The length of the sentence's text (``len(doc.text)``, without making it)."""
        if not self.text:
            return 0
        return self.idx[-1] + len(self.text[-1]) + len(self.ws[-1])

    def lemma(self, i: int) -> str:
        """:func:`definiens.define.nlp.noun_lemma` of token ``i``: singular for a plural tag."""
        return noun_lemma(self.text[i], self.tag[i])

    def left_edge(self, i: int) -> int:
        """The first token of token ``i``'s subtree (spaCy's, which allows for non-projective
        parses)."""
        edge: int = self.doc[i].left_edge.i
        return edge


#: The dependencies of a noun phrase's head (spaCy's English noun chunker).
_NP_DEPS = frozenset(
    {"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"}
)
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def placeholder_tokens(words: Words) -> list[int]:
    """The tokens of a parsed sentence that are formula placeholders or plain-text symbols
    ("the speed of light c")."""
    return [i for i, marked in enumerate(words.placeholder) if marked]


def noun_chunks(words: Words) -> list[tuple[int, int]]:
    """The noun chunks of the sentence as (start, end) token spans: spaCy's English
    ``noun_chunks`` (``spacy/lang/en/syntax_iterators.py``), read from the lists."""
    chunks = []
    prev_end = -1
    pos, dep, heads = words.pos, words.dep, words.heads
    for i in range(len(pos)):
        if pos[i] not in _NOMINAL:
            continue
        left = words.left_edge(i)
        if left <= prev_end:
            continue
        if dep[i] in _NP_DEPS:
            prev_end = i
            chunks.append((left, i + 1))
        elif dep[i] == "conj":
            head = heads[i]
            while dep[head] == "conj" and heads[head] < head:
                head = heads[head]
            if dep[head] in _NP_DEPS:
                prev_end = i
                chunks.append((left, i + 1))
    return chunks
