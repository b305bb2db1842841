"""The candidate meanings of every identifier of a document, with all their features.

:func:`build_candidates` pairs the identifier occurrences of each parsed sentence with its
mentions (:mod:`.aggregate`), adds the features of a meaning across the page (link or title
term, how many identifiers share it, term frequency), lets index siblings share meanings
(:mod:`.siblings`), adds object-type candidates (:mod:`.object_types`) and finishes each
identifier's candidates (:mod:`.group_features`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from definiens.define.aggregate import Aggregator
from definiens.define.candidate import Candidate, normalise
from definiens.define.context import Sentence
from definiens.define.distributed import distributed_mentions
from definiens.define.feature_names import START
from definiens.define.group_features import finish
from definiens.define.inline import with_formulas
from definiens.define.mentions import Mention, find_mentions
from definiens.define.naming import naming_mentions
from definiens.define.object_types import type_evidence
from definiens.define.pairing import Tokens, occurrences_in
from definiens.define.siblings import share_meanings
from definiens.define.symbols import Symbol
from definiens.define.words import Words
from definiens.formulas.roles import named, names_a_map
from definiens.memory import collector_paused
from definiens.model import Document, Formula, Link

__all__ = ["build_candidates"]

_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)\s*$")


def _term_frequencies(document: Document, keys: set[str]) -> dict[str, int]:
    text = document.text.lower()
    return {key: text.count(key) for key in keys}


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
    with collector_paused():
        return _build(document, sentences)


def _build(document: Document, sentences: Sequence[Sentence]) -> dict[str, list[Candidate]]:
    formulas = {f.index: f for f in document.formulas if f.identifiers}
    aggregator = _aggregate(document, [s for s in sentences if s.doc is not None], formulas)
    grouped = _page_features(document, aggregator)
    share_meanings(grouped, {i.tex for f in formulas.values() for i in f.identifiers})
    symbols = [symbol for s in sentences for symbol in s.symbols]
    _add_object_types(document, grouped, aggregator.tf, symbols)
    for items in grouped.values():
        finish(items, document)
    return dict(grouped)


def _aggregate(
    document: Document, parsed: Sequence[Sentence], formulas: dict[int, Formula]
) -> Aggregator:
    """Every (occurrence, mention) pair of each parsed sentence, aggregated per candidate."""
    words = {s.index: Words(s.doc) for s in parsed}
    tokens = {s.index: Tokens.of(words[s.index]) for s in parsed}
    marked = {number for t in tokens.values() for _, number in t.marks}
    names = {index: named(formula) for index, formula in formulas.items() if index in marked}
    maps = frozenset(index for index in names if names_a_map(formulas[index]))
    occurrences = {s.index: occurrences_in(tokens[s.index], formulas, names, maps) for s in parsed}
    first: dict[str, int] = {}
    for s in parsed:
        for o in occurrences[s.index]:
            first.setdefault(o.identifier, s.index)
    links = _LinksByStart(document.links)
    found = {
        s.index: with_formulas(_mentions(s, words[s.index], links, tokens[s.index]), formulas)
        for s in parsed
    }
    keys = {normalise(form) for ms in found.values() for m in ms for _, form in m.variants}
    aggregator = Aggregator(document, _term_frequencies(document, keys))
    for s in parsed:
        if not occurrences[s.index]:
            continue
        prepared = [aggregator.prepare(m) for m in found[s.index]]
        measured: dict[tuple[int, bool, int], Any] = {}
        for o in occurrences[s.index]:
            for p in prepared:
                aggregator.add(tokens[s.index], o, p, s, s.index - first[o.identifier], measured)
    return aggregator


def _mentions(
    sentence: Sentence, words: Words, links: _LinksByStart, tokens: Tokens
) -> list[Mention]:
    """The noun phrases, links and counts of a sentence, and the phrases naming its formulas
    that the chunker missed (:mod:`.naming`)."""
    within = links.within(sentence.start, sentence.end)
    found = find_mentions(sentence.doc, sentence.start, within, words)
    known = {(m.first, m.last) for m in found}
    found += naming_mentions(words, sentence.start, known)
    shared = list(distributed_mentions(words, sentence.start)) if tokens.lists else []
    if shared:  # "the proportional and integral gains": its parts, not the whole phrase
        spans = {(m.first, m.last) for m in shared}
        found = [m for m in found if not any(f <= m.first and m.last <= e for f, e in spans)]
    return found + shared


def _page_features(document: Document, aggregator: Aggregator) -> dict[str, list[Candidate]]:
    """The aggregated candidates by identifier, with the features of their meaning across the
    page: a link or title term, owned by another identifier, spread, specificity, frequency."""
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
    by_key: dict[str, tuple[float, float, float, float]] = {}  # the same for every identifier
    for key, count in spread.items():
        tf = aggregator.tf.get(key, 0)
        by_key[key] = (
            float(key in terms),
            math.log(count),
            math.log1p(tf),
            tf / aggregator.max_tf,
        )
    for (ident, key), c in aggregator.by_key.items():
        v = c.values
        v["page_term"], v["spread"], v["tf"], v["tf_norm"] = by_key[key]
        owned = owners.get(key)
        v["owned_other"] = float(bool(owned - {ident})) if owned else 0.0
        v["specific"] = v["pairs"] / total[key] if total[key] else 0.0
        grouped[ident].append(c)
    return grouped


def _add_object_types(
    document: Document,
    grouped: dict[str, list[Candidate]],
    tf: dict[str, int],
    symbols: Sequence[Symbol],
) -> None:
    """Add (or mark) the object-type candidates of every identifier with type evidence."""
    text = document.text.lower()
    for ident, evidence in type_evidence(document, symbols).items():
        items = grouped[ident]
        by_key = {c.key: c for c in items}
        for object_type in sorted(evidence.types()):
            c = by_key.get(object_type)
            if c is None:
                count = tf.get(object_type, text.count(object_type))
                c = Candidate(ident, object_type, object_type, values=dict(START))
                c.values.update(tf=math.log1p(count), tf_norm=0.0, page_term=0.0)
                items.append(c)
            c.values.update(evidence.features(object_type))
