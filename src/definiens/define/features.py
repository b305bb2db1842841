"""Candidate (identifier, meaning) pairs of a document and their features.

Every identifier occurrence (a formula placeholder whose formula has the identifier, or the
identifier as a plain-text symbol; ``pairing.py``) is paired with every candidate mention of its
sentence; each surface variant of the mention becomes a candidate meaning of the identifier.
Evidence over all pairs is aggregated per (identifier, normalised meaning): distances, MLP score,
definitional patterns, syntax, link, frequency, the kind of surface form and generic properties
of the phrase. Then index siblings share meanings (``siblings.py``), kind-of-object candidates
join (``kinds.py``) and each identifier's candidates get their group features (ranks, gaps, a
head noun shadowed by a longer meaning).
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from definiens.define.candidates import Mention, mentions
from definiens.define.concepts import is_concept, is_evaluative, is_vague
from definiens.define.context import Sentence
from definiens.define.kinds import KIND_FEATURES, kind_evidence
from definiens.define.mlp import mlp_score
from definiens.define.nlp import singular
from definiens.define.pairing import Occurrence, Tokens, find_occurrences, measure_pair
from definiens.define.patterns import PATTERNS
from definiens.define.siblings import SIBLING_FEATURES, share_meanings
from definiens.define.symbols import Symbol
from definiens.model import Document, Link

__all__ = ["FEATURES", "Candidate", "build_candidates", "normalise", "stem_of"]

KINDS = (
    "phrase", "lemma", "head", "head_adj", "head_eval", "compound", "link_anchor", "link_target",
    "count",
)  # fmt: skip
FEATURES = (
    "mlp", "dist", "sent", "pairs", "sentences", "alone", "alone_pattern", "before", "nearest",
    "dep_direct", "dep_sibling", "link", "tf", "tf_norm", "words", "concept", "form_concept",
    "vague", "det_indef", "det_def", "first_pos", "in_title", "capital", "rank_mlp",
    "rank_dist", "candidates", "id_length", "id_greek", "id_script", "pattern_any",
    "patterns", "close", "mlp_gap", "pairs_share", "spread", "specific", "noun_head",
    "mlp_alone", "dist_alone", "close_alone", "pattern_inside", "owned_other", "link_alone",
    "page_term", "shadowed", *KIND_FEATURES, *SIBLING_FEATURES,
    *(f"pat_{p}" for p in PATTERNS), *(f"kind_{k}" for k in KINDS),
)  # fmt: skip

_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)\s*$")


@functools.lru_cache(maxsize=16)
def _getter(names: tuple[str, ...]) -> Any:
    return operator.itemgetter(*names)


def normalise(text: str) -> str:
    """A meaning as compared: lower case, single spaces."""
    return " ".join(text.lower().split())


@dataclass
class Candidate:
    """A candidate meaning of an identifier with its aggregated features and best evidence."""

    identifier: str
    form: str
    key: str
    kinds: set[str] = field(default_factory=set)
    values: dict[str, float] = field(default_factory=dict)
    best: tuple[float, Mention, Sentence] | None = None

    def vector(self, names: Sequence[str] = FEATURES) -> list[float]:
        """The values of the features ``names`` (0.0 for any the candidate lacks)."""
        names = tuple(names)
        try:
            found = _getter(names)(self.values)
        except KeyError:
            return [self.values.get(name, 0.0) for name in names]
        return list(found) if len(names) != 1 else [found]

    @property
    def stem(self) -> str:
        """The meaning with its last word in the singular: "bits" and "bit" are one meaning."""
        words = self.key.split()
        return " ".join([*words[:-1], singular(words[-1])]) if words else self.key

    @property
    def method(self) -> str:
        if self.best is None:
            return "concept"
        if self.values.get("pattern_any"):
            return "pattern"
        if self.kinds & {"link_anchor", "link_target"}:
            return "link"
        if self.kinds & {"head", "compound"}:
            return "head_lemma"
        return "noun_phrase"


def stem_of(candidate: Candidate) -> str:
    """:attr:`Candidate.stem`, as a function (for :func:`definiens.define.ranker.choose`)."""
    return candidate.stem


@dataclass
class _Prepared:
    """A mention with its usable surface variants: (kind, form, key, normalised tf)."""

    mention: Mention
    variants: list[tuple[str, str, str, float]]


class _Aggregator:
    """Collects pair evidence per (identifier, normalised form)."""

    def __init__(self, document: Document, tf: dict[str, int]) -> None:
        self.document = document
        self.tf = tf
        self.max_tf = max(tf.values(), default=1) or 1
        self.by_key: dict[tuple[str, str], Candidate] = {}
        self._keys: dict[str, str] = {}

    def prepare(self, mention: Mention) -> _Prepared:
        """The per-mention work of :meth:`add`, done once per sentence."""
        variants = []
        for kind, form in mention.variants:
            key = self._keys.get(form)
            if key is None:
                key = self._keys.setdefault(form, normalise(form))
            if len(key) >= 2:
                variants.append((kind, form, key, self.tf.get(key, 0) / self.max_tf))
        return _Prepared(mention, variants)

    def add(
        self,
        tokens: Tokens,
        occurrence: Occurrence,
        prepared: _Prepared,
        sentence: Sentence,
        n: int,
    ) -> None:
        mention = prepared.mention
        if mention.first <= occurrence.token <= mention.last:
            return
        if mention.method == "count" and not (
            occurrence.alone and mention.first == occurrence.token + 1
        ):
            return  # "N particles" counts particles for N only, not for a longer formula
        pair = measure_pair(tokens, occurrence, mention)
        identifier = occurrence.identifier
        for kind, form, key, tf in prepared.variants:
            score = mlp_score(pair["distance"], n, tf)
            candidate = self.by_key.get((identifier, key))
            if candidate is None:
                candidate = Candidate(identifier, form, key, values=dict(_START))
                self.by_key[(identifier, key)] = candidate
            candidate.kinds.add(kind)
            self._update(candidate, pair, mention, sentence, n, score, occurrence.alone)

    def _update(
        self,
        c: Candidate,
        pair: dict[str, Any],
        mention: Mention,
        sentence: Sentence,
        n: int,
        score: float,
        alone: bool,
    ) -> None:
        v = c.values
        distance = pair["distance"]
        is_link = mention.method == "link"
        if c.best is None or score > c.best[0]:
            c.best = (score, mention, sentence)
            v["det_indef"] = float(mention.determiner in ("a", "an"))
            v["det_def"] = float(mention.determiner == "the")
            if v["first_pos"] < 0:
                v["first_pos"] = mention.start / max(len(self.document.text), 1)
        if score > v["mlp"]:
            v["mlp"] = score
        if distance < v["dist"]:
            v["dist"] = distance
        if n < v["sent"]:
            v["sent"] = n
        v["pairs"] += 1
        close = distance <= 3
        if not pair["after"]:
            v["before"] += 1
        if pair["patterns"]:
            v["patterns"] += 1
        if close:
            v["close"] += 1
        for name in pair["flags"]:
            v[name] = 1.0
        if is_link:
            v["link"] = 1.0
        v["noun_head"] = float(is_link or mention.head_pos in ("NOUN", "PROPN"))
        if alone:
            v["alone"] = 1.0
            if score > v["mlp_alone"]:
                v["mlp_alone"] = score
            if distance < v["dist_alone"]:
                v["dist_alone"] = distance
            if close:
                v["close_alone"] += 1
            if is_link:
                v["link_alone"] = 1.0
        for name in pair["patterns"]:
            v["pattern_any"] = 1.0
            if alone:
                v[f"pat_{name}"] = 1.0
                v["alone_pattern"] = 1.0
            else:
                v["pattern_inside"] = 1.0
        if v["_last_sentence"] != sentence.index:
            v["_sentences"] += 1
            v["_last_sentence"] = sentence.index


#: The starting values of the aggregated features of a candidate.
_START: dict[str, float] = {
    "mlp": 0.0, "dist": 99.0, "sent": 99.0, "pairs": 0.0, "before": 0.0, "alone": 0.0,
    "nearest": 0.0, "dep_direct": 0.0, "dep_sibling": 0.0, "link": 0.0, "patterns": 0.0,
    "close": 0.0, "mlp_alone": 0.0, "dist_alone": 99.0, "close_alone": 0.0, "link_alone": 0.0,
    "_sentences": 0.0, "_last_sentence": -1.0, "first_pos": -1.0,
}  # fmt: skip
_START = {**dict.fromkeys(FEATURES, 0.0), **_START}


def _term_frequencies(document: Document, keys: set[str]) -> dict[str, int]:
    text = document.text.lower()
    return {key: text.count(key) for key in keys}


def _finish(candidates: list[Candidate], document: Document) -> None:
    title = normalise(document.title.replace("_", " "))
    by_mlp = sorted(candidates, key=lambda c: -c.values["mlp"])
    by_dist = sorted(candidates, key=lambda c: c.values["dist"])
    for rank, c in enumerate(by_mlp, start=1):
        c.values["rank_mlp"] = math.log(rank)
    for rank, c in enumerate(by_dist, start=1):
        c.values["rank_dist"] = math.log(rank)
    best_mlp = by_mlp[0].values["mlp"] if by_mlp else 0.0
    most_pairs = max((c.values["pairs"] for c in candidates), default=1.0) or 1.0
    _shadow(candidates)
    for c in candidates:
        c.values["mlp_gap"] = best_mlp - c.values["mlp"]
        c.values["pairs_share"] = c.values["pairs"] / most_pairs
        _static_features(c, title, len(candidates))


def _shadow(candidates: Sequence[Candidate]) -> None:
    """Mark a meaning that only repeats the head of a longer, as close, specific meaning
    ("factor" beside "degeneracy factor"; not "integer" beside "positive integer")."""
    by_key = {c.key: c for c in candidates}
    for longer in candidates:
        words = longer.key.split()
        if (
            len(words) < 2
            or longer.values["inherited"]
            or all(is_evaluative(w) for w in words[:-1])
        ):
            continue
        for cut in range(1, len(words)):
            head = by_key.get(" ".join(words[cut:]))
            if head is not None and _as_close(longer, head):
                head.values["shadowed"] = 1.0


def _as_close(a: Candidate, b: Candidate) -> bool:
    """``a`` is at least as close to the identifier as ``b`` (tokens, sentences, pairs)."""
    va, vb = a.values, b.values
    return va["dist"] <= vb["dist"] and va["sent"] <= vb["sent"] and va["pairs"] >= vb["pairs"]


def _static_features(c: Candidate, title: str, count: int) -> None:
    v = c.values
    words = c.key.split()
    v["sentences"] = v.pop("_sentences", 0.0)
    v["first_pos"] = max(v["first_pos"], 0.0)
    v.pop("_last_sentence", None)
    v["before"] = v["before"] / v["pairs"] if v["pairs"] else 0.0
    v["pairs"] = math.log1p(v["pairs"])
    v["patterns"] = math.log1p(v.get("patterns", 0.0))
    v["close"] = math.log1p(v.get("close", 0.0))
    v["close_alone"] = math.log1p(v.get("close_alone", 0.0))
    v["dist_alone"] = math.log1p(v.get("dist_alone", 99.0))
    v["dist"] = math.log1p(v["dist"])
    v["words"] = float(len(words))
    v["concept"] = float(is_concept(words[-1]))
    v["form_concept"] = float(len(words) <= 2 and is_concept(words[-1]))
    v["vague"] = float(is_vague(words[-1]))
    v["in_title"] = float(c.key in title)
    v["capital"] = float(c.form[:1].isupper())
    v["candidates"] = math.log(count)
    v["id_length"] = float(len(c.identifier))
    v["id_greek"] = float(c.identifier.startswith("\\"))
    v["id_script"] = float("_" in c.identifier or "^" in c.identifier)
    for kind in c.kinds:
        v[f"kind_{kind}"] = 1.0


class _LinksByStart:
    """A document's links sorted by start, to find those of a sentence by bisection."""

    def __init__(self, links: Sequence[Link]) -> None:
        self.links = sorted(links, key=lambda link: link.start)
        self.starts = [link.start for link in self.links]

    def within(self, start: int, end: int) -> list[Link]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        return self.links[lo:hi]


def _page_terms(document: Document) -> set[str]:
    """The terms the page links (anchors and targets) and its title, normalised."""
    terms = {normalise(document.title.replace("_", " "))}
    for link in document.links:
        target = _DISAMBIGUATION.sub("", link.target.split("#", 1)[0].replace("_", " "))
        terms.add(normalise(link.anchor))
        terms.add(normalise(target))
    return terms


def build_candidates(
    document: Document, sentences: Sequence[Sentence]
) -> dict[str, list[Candidate]]:
    """Candidate meanings of every identifier mentioned in the parsed ``sentences``."""
    formulas = {f.index: f for f in document.formulas if f.identifiers}
    parsed = [s for s in sentences if s.doc is not None]
    tokens = {s.index: Tokens.of(s.doc) for s in parsed}
    occurrences = {s.index: find_occurrences(tokens[s.index], formulas) for s in parsed}
    first: dict[str, int] = {}
    for s in parsed:
        for o in occurrences[s.index]:
            first.setdefault(o.identifier, s.index)
    links = _LinksByStart(document.links)
    found = {s.index: mentions(s.doc, s.start, links.within(s.start, s.end)) for s in parsed}
    keys = {normalise(form) for ms in found.values() for m in ms for _, form in m.variants}
    aggregator = _Aggregator(document, _term_frequencies(document, keys))
    for s in parsed:
        if not occurrences[s.index]:
            continue
        prepared = [aggregator.prepare(m) for m in found[s.index]]
        for o in occurrences[s.index]:
            for p in prepared:
                aggregator.add(tokens[s.index], o, p, s, s.index - first[o.identifier])
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    spread: dict[str, int] = defaultdict(int)
    total: dict[str, float] = defaultdict(float)
    for (_, key), c in aggregator.by_key.items():
        spread[key] += 1
        total[key] += c.values["pairs"]
    owners: dict[str, set[str]] = defaultdict(set)
    for (ident, key), c in aggregator.by_key.items():
        if c.values.get("alone_pattern"):
            owners[key].add(ident)
    terms = _page_terms(document)
    for (ident, key), c in aggregator.by_key.items():
        c.values["page_term"] = float(key in terms)
        c.values["owned_other"] = float(bool(owners[key] - {ident}))
        c.values["spread"] = math.log(spread[key])
        c.values["specific"] = c.values["pairs"] / total[key] if total[key] else 0.0
        c.values["tf"] = math.log1p(aggregator.tf.get(c.key, 0))
        c.values["tf_norm"] = aggregator.tf.get(c.key, 0) / aggregator.max_tf
        grouped[ident].append(c)
    share_meanings(grouped, {i.tex for f in formulas.values() for i in f.identifiers})
    symbols = [symbol for s in sentences for symbol in s.symbols]
    _add_kinds(document, grouped, aggregator.tf, symbols)
    for items in grouped.values():
        _finish(items, document)
    return dict(grouped)


def _add_kinds(
    document: Document,
    grouped: dict[str, list[Candidate]],
    tf: dict[str, int],
    symbols: Sequence[Symbol],
) -> None:
    """Add (or mark) the kind-of-object candidates of every identifier with kind evidence."""
    text = document.text.lower()
    for ident, evidence in kind_evidence(document, symbols).items():
        items = grouped[ident]
        by_key = {c.key: c for c in items}
        for kind in sorted(evidence.kinds()):
            c = by_key.get(kind)
            if c is None:
                count = tf.get(kind, text.count(kind))
                c = Candidate(ident, kind, kind, values=dict(_START))
                c.values.update(tf=math.log1p(count), tf_norm=0.0, page_term=0.0)
                items.append(c)
            c.values.update(evidence.features(kind))
