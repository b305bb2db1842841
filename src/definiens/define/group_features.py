"""Features over all the candidates of one identifier, and the last per-candidate features.

Ranks and gaps by MLP score and distance, a head noun shadowed by a longer, as close meaning, and
the properties of the phrase itself (words, concept word, in the title, capital, identifier
shape, surface variants).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

from definiens.define.candidate import (
    FUNCTION_WORDS,
    PREPOSITIONS,
    Candidate,
    normalise,
    preposition_at,
)
from definiens.define.concepts import is_concept, is_evaluative, is_vague
from definiens.formulas.vocabulary import COMMANDS
from definiens.model import Document

__all__ = ["finish", "head_word"]


def finish(candidates: list[Candidate], document: Document) -> None:
    """Set the group features of one identifier's ``candidates`` and finish each one's."""
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
    _extensions(candidates)
    for c in candidates:
        c.values["mlp_gap"] = best_mlp - c.values["mlp"]
        c.values["pairs_share"] = c.values["pairs"] / most_pairs
        _static_features(c, title, len(candidates))


def _shadow(candidates: Sequence[Candidate]) -> None:
    """Mark a meaning that only repeats the head of a longer, as close, specific meaning
    ("factor" beside "degeneracy factor"; not "integer" beside "positive integer")."""
    by_key = {c.key: c for c in candidates}
    for longer in candidates:
        tails = _tails(longer.key)
        if not tails or longer.values["inherited"]:
            continue
        for tail in tails:
            head = by_key.get(tail)
            if head is not None and _as_close(longer, head):
                head.values["shadowed"] = 1.0


@functools.lru_cache(maxsize=65536)
def _tails(key: str) -> tuple[str, ...]:
    """The shorter meanings a meaning of several words can shadow (its last words, longest
    first), none when its other words only qualify ("positive integer")."""
    words = key.split()
    if len(words) < 2 or all(is_evaluative(w) for w in words[:-1]):
        return ()
    return tuple(" ".join(words[cut:]) for cut in range(1, len(words)))


def _extensions(candidates: Sequence[Candidate]) -> None:
    """Mark a meaning that extends another by a prepositional phrase ("speed of light" beside
    "speed": ``extends``), and the one extended (``extended``)."""
    by_key = {c.key: c for c in candidates}
    for longer in candidates:
        cut = _core(longer.key)
        core = by_key.get(cut) if cut is not None else None
        if core is not None:
            longer.values["extends"] = 1.0
            core.values["extended"] = 1.0


@functools.lru_cache(maxsize=65536)
def _core(key: str) -> str | None:
    """The words of a meaning before its first preposition ("speed of light": "speed")."""
    words = key.split()
    cut = preposition_at(words)
    return " ".join(words[:cut]) if cut else None


def _as_close(a: Candidate, b: Candidate) -> bool:
    """``a`` is at least as close to the identifier as ``b`` (tokens, sentences, pairs)."""
    va, vb = a.values, b.values
    return va["dist"] <= vb["dist"] and va["sent"] <= vb["sent"] and va["pairs"] >= vb["pairs"]


def head_word(words: Sequence[str]) -> str:
    """The head noun of a meaning's words: the last word before its first preposition
    ("speed of light" -> "speed", "rate constant for electron transfer" -> "constant")."""
    at = preposition_at(words)
    return words[at - 1] if at is not None else (words[-1] if words else "")


@functools.lru_cache(maxsize=65536)
def _phrase_features(key: str) -> tuple[float, float, float, float, float, float]:
    """The features of a meaning's words (the same for every identifier and page): words,
    of_phrase, pp_phrase, concept, form_concept, vague."""
    words = key.split()
    head = head_word(words)
    concept = is_concept(head)
    return (
        float(len(words)),
        float("of" in words[1:-1]),
        float(any(w in PREPOSITIONS for w in words[1:-1])),
        float(concept),
        float(len(words) <= 2 and concept),
        float(is_vague(head)),
    )


#: Commands that dress a letter without changing it (``\\mathbf{v}``, ``\\hat{x}``, the
#: identify stage's fonts, accents and text commands), and braces.
_DRESSINGS = sorted(
    (name[1:] for name, (kind, _) in COMMANDS.items() if kind in ("font", "accent", "text")),
    key=len,
    reverse=True,
)
_DRESS = re.compile(r"\\(?:" + "|".join(_DRESSINGS) + r")(?![A-Za-z])|[{}\s]")


@functools.lru_cache(maxsize=65536)
def _initials(identifier: str, key: str) -> tuple[float, float]:
    """Whether a symbol's letters are the initials of a meaning's words, as physics writes
    them: ``m`` the mass, ``E_{\\mathrm{k}}`` the kinetic energy, ``V_{s}`` the source voltage.
    (1.0 when its letter begins the head word, 0.5 another word; 1.0 when a letter of its
    subscript begins another word.)"""
    plain = _DRESS.sub("", identifier)
    base, _, script = plain.partition("_")
    base = base.split("^")[0]  # x^{(i)}: the letter x
    words = [w for w in key.split() if w not in FUNCTION_WORDS and w[:1].isalpha()]
    if not words or len(base) != 1 or not base.isascii() or not base.isalpha():
        return 0.0, 0.0
    letter = base.lower()
    head = head_word(key.split())
    initial = 1.0 if head[:1] == letter else 0.5 if any(w[0] == letter for w in words) else 0.0
    script = script.split("^")[0]
    others = [w for w in words if w != head] if initial == 1.0 else words
    marks = script.isascii() and script.isalpha() and any(w[0] == script[0].lower() for w in others)
    return initial, float(initial > 0 and marks)


def _static_features(c: Candidate, title: str, count: int) -> None:
    v = c.values
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
    (
        v["words"],
        v["of_phrase"],
        v["pp_phrase"],
        v["concept"],
        v["form_concept"],
        v["vague"],
    ) = _phrase_features(c.key)
    v["in_title"] = float(c.key in title)
    v["capital"] = float(c.form[:1].isupper())
    v["candidates"] = math.log(count)
    v["id_length"] = float(len(c.identifier))
    v["id_greek"] = float(c.identifier.startswith("\\"))
    v["id_script"] = float("_" in c.identifier or "^" in c.identifier)
    # a guess from the kind of letter ("function" for f) owes nothing to the letter twice
    guess = c.best is None
    v["initial"], v["script_initial"] = (0.0, 0.0) if guess else _initials(c.identifier, c.key)
    for variant in c.variants:
        v[f"kind_{variant}"] = 1.0  # the feature's name predates "variant" (see feature_names)
