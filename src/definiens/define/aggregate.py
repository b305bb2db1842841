"""Aggregation: the evidence of every (occurrence, mention) pair of a sentence, gathered per
(identifier, normalised meaning) into the features of one :class:`Candidate`.

Every identifier occurrence (a formula placeholder whose formula has the identifier, or the
identifier as a plain-text symbol; :mod:`.pairing`) is paired with every candidate mention of its
sentence; each surface variant of the mention becomes a candidate meaning of the identifier.
Distances, MLP score, definitional patterns, syntax and links are aggregated over the pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from definiens.define.candidate import Candidate, normalise
from definiens.define.context import Sentence
from definiens.define.feature_names import START
from definiens.define.mentions import Mention
from definiens.define.mlp_baseline import mlp_score
from definiens.define.ownership import names_the_formula
from definiens.define.pairing import Occurrence, Tokens, measure_pair
from definiens.model import Document

__all__ = ["DERIVED", "Aggregator", "Prepared"]

#: Variants made from part of a phrase (its head noun, modifier and head): a definitional
#: pattern speaks for the phrase as written ("let $Y$ be a closed subset"), so for these it
#: counts only as ``derived_pattern``, and their pairs never count as the identifier alone.
DERIVED = frozenset({"head", "head_adj", "head_eval", "compound"})


@dataclass
class Prepared:
    """A mention with its usable surface variants: (variant, form, key, normalised tf)."""

    mention: Mention
    variants: list[tuple[str, str, str, float]]


class Aggregator:
    """Collects pair evidence per (identifier, normalised form)."""

    def __init__(self, document: Document, tf: dict[str, int]) -> None:
        self.document = document
        self.tf = tf
        self.max_tf = max(tf.values(), default=1) or 1
        self.by_key: dict[tuple[str, str], Candidate] = {}
        self.length = len(document.text)
        self._keys: dict[str, str] = {}

    def prepare(self, mention: Mention) -> Prepared:
        """The per-mention work of :meth:`add`, done once per sentence."""
        variants = []
        for variant, written in mention.variants:
            form = written.replace("\u2019", "'")  # "Boltzmann’s constant": a plain apostrophe
            key = self._keys.get(form)
            if key is None:
                key = self._keys.setdefault(form, normalise(form))
            if len(key) >= 2:
                variants.append((variant, form, key, self.tf.get(key, 0) / self.max_tf))
        return Prepared(mention, variants)

    def add(
        self,
        tokens: Tokens,
        occurrence: Occurrence,
        prepared: Prepared,
        sentence: Sentence,
        n: int,
        measured: dict[tuple[int, bool, int], Any] | None = None,
    ) -> None:
        """Add the evidence of one (occurrence, mention) pair; ``measured`` keeps the pairs
        measured in the sentence, as :class:`_Evidence` (the identifiers of one formula share
        its token: one measurement serves them all)."""
        mention = prepared.mention
        if mention.first <= occurrence.token <= mention.last:
            return
        if mention.method == "count" and not (
            occurrence.alone and mention.first == occurrence.token + 1
        ):
            return  # "N particles" counts particles for N only, not for a longer formula
        if measured is None:
            evidence = _Evidence.of(tokens, occurrence, mention, sentence, self.length)
        else:
            at = (occurrence.token, occurrence.secondary, id(prepared))
            if at not in measured:
                measured[at] = _Evidence.of(tokens, occurrence, mention, sentence, self.length)
            evidence = measured[at]
        if evidence is None:
            return
        identifier = occurrence.identifier
        # "the fundamental identity $q = \\rho v$" names the formula, not q
        alone = occurrence.alone and not names_the_formula(mention, occurrence)
        for variant, form, key, tf in prepared.variants:
            score = mlp_score(evidence.distance, n, tf)
            candidate = self.by_key.get((identifier, key))
            if candidate is None:
                candidate = Candidate(identifier, form, key, values=dict(START))
                self.by_key[(identifier, key)] = candidate
            candidate.variants.add(variant)
            if variant in DERIVED:
                if evidence.patterns and alone:
                    candidate.values["derived_pattern"] = 1.0
                _update(candidate, evidence.without_patterns(), n, score, False)
            else:
                _update(candidate, evidence, n, score, alone)
                if alone and evidence.patterns and occurrence.written_alone:
                    candidate.written_alone = True
                    if occurrence.by_itself:  # its formula is the identifier, nothing more
                        candidate.statements.append((sentence.start, sentence.end))


class _Evidence:
    """What one measured (occurrence, mention) pair says, read once for all the variants of its
    mention; without ``patterns`` for the variants made from part of the phrase."""

    __slots__ = (
        "after", "bare", "close", "det_def", "det_indef", "distance", "first_pos", "flags",
        "is_link", "length", "mention", "noun_head", "pair", "patterns", "plain", "sentence",
    )  # fmt: skip

    def __init__(
        self,
        pair: dict[str, Any],
        mention: Mention,
        sentence: Sentence,
        length: int,
        patterns: bool = True,
    ) -> None:
        self.pair = pair
        self.distance = pair["distance"]
        self.after = pair["after"]
        self.patterns: set[str] = pair["patterns"] if patterns else set()
        self.flags: list[str] = pair["flags"]
        self.close = self.distance <= 3
        self.is_link = mention.method == "link"
        self.noun_head = float(self.is_link or mention.head_pos in ("NOUN", "PROPN"))
        self.bare = mention.bare
        self.det_indef = float(mention.determiner in ("a", "an"))
        self.det_def = float(mention.determiner == "the")
        self.first_pos = mention.start / max(length, 1)
        self.mention = mention
        self.sentence = sentence
        self.length = length
        self.plain: _Evidence | None = None

    @classmethod
    def of(
        cls,
        tokens: Tokens,
        occurrence: Occurrence,
        mention: Mention,
        sentence: Sentence,
        length: int,
    ) -> _Evidence | None:
        """The evidence of a pair, or None when the mention speaks of something else."""
        pair = measure_pair(tokens, occurrence, mention)
        return None if pair is None else cls(pair, mention, sentence, length)

    def without_patterns(self) -> _Evidence:
        """The same evidence without its patterns (for the variants of :data:`DERIVED`)."""
        if self.plain is None:
            self.plain = _Evidence(self.pair, self.mention, self.sentence, self.length, False)
        return self.plain


def _update(c: Candidate, e: _Evidence, n: int, score: float, alone: bool) -> None:
    """Aggregate the evidence ``e`` of one pair into candidate ``c``."""
    v = c.values
    distance = e.distance
    sentence = e.sentence
    patterns = e.patterns
    c.places.append((sentence.start, alone and bool(patterns)))
    if e.bare:
        v["term"] = 1.0
    if c.best is None or score > c.best[0]:
        c.best = (score, e.mention, sentence)
        v["det_indef"] = e.det_indef
        v["det_def"] = e.det_def
        if v["first_pos"] < 0:
            v["first_pos"] = e.first_pos
    if score > v["mlp"]:
        v["mlp"] = score
    if distance < v["dist"]:
        v["dist"] = distance
    if n < v["sent"]:
        v["sent"] = n
    v["pairs"] += 1
    if not e.after:
        v["before"] += 1
    if patterns:
        v["patterns"] += 1
    if e.close:
        v["close"] += 1
    for name in e.flags:
        v[name] = 1.0
    if e.is_link:
        v["link"] = 1.0
    v["noun_head"] = e.noun_head
    if alone:
        v["alone"] = 1.0
        if score > v["mlp_alone"]:
            v["mlp_alone"] = score
        if distance < v["dist_alone"]:
            v["dist_alone"] = distance
        if e.close:
            v["close_alone"] += 1
        if e.is_link:
            v["link_alone"] = 1.0
    for name in patterns:
        v["pattern_any"] = 1.0
        if alone:
            v[f"pat_{name}"] = 1.0
            v["alone_pattern"] = 1.0
        else:
            v["pattern_inside"] = 1.0
    if v["_last_sentence"] != sentence.index:
        v["_sentences"] += 1
        v["_last_sentence"] = sentence.index
