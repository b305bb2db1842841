"""The features of a candidate meaning, by name: the registry the ranker model file refers to.

The shipped model (``model/ranker.json``) lists the feature names it weighs, so a name here never
changes meaning. Two groups keep an older ``kind_`` prefix: ``kind_<variant>`` says which surface
variant of a mention gave the candidate (:data:`VARIANTS`, set in :mod:`.group_features`), and
:data:`TYPE_FEATURES` are the evidence of an object-type candidate (:mod:`.object_types`).
"""

from __future__ import annotations

from definiens.define.patterns import PATTERNS

__all__ = ["FEATURES", "SCOPE_FEATURES", "SIBLING_FEATURES", "START", "TYPE_FEATURES", "VARIANTS"]

#: The surface variants of a mention (:mod:`.mentions`): the phrase as written, with its head
#: lemmatised, the head alone (after any, adjective, or evaluative modifiers), modifier and
#: head, a link's anchor and target, and "number of ..." for a counting symbol.
VARIANTS = (
    "phrase", "lemma", "head", "head_adj", "head_eval", "compound", "link_anchor", "link_target",
    "count", "unpicked", "of_compound",
)  # fmt: skip

#: The features of an object-type candidate ("integer", "function"; :mod:`.object_types`).
TYPE_FEATURES = ("kind_cand", "kind_tex", "kind_text", "kind_prior", "kind_top", "kind_share")

#: The features a candidate gets in the scope an occurrence reads its meaning in
#: (:mod:`.scoping`): whether there is one, its share of the evidence there, stated there.
SCOPE_FEATURES = ("scoped", "scope_pairs", "scope_share", "scope_pattern")

#: The features :mod:`.siblings` sets: a meaning taken from, or shared with, an index sibling.
SIBLING_FEATURES = ("inherited", "sibling")

FEATURES = (
    "mlp", "dist", "sent", "pairs", "sentences", "alone", "alone_pattern", "before", "nearest",
    "dep_direct", "dep_sibling", "link", "tf", "tf_norm", "words", "concept", "form_concept",
    "vague", "det_indef", "det_def", "first_pos", "in_title", "capital", "rank_mlp",
    "rank_dist", "candidates", "id_length", "id_greek", "id_script", "pattern_any",
    "patterns", "close", "mlp_gap", "pairs_share", "spread", "specific", "noun_head",
    "mlp_alone", "dist_alone", "close_alone", "pattern_inside", "owned_other", "link_alone",
    "page_term", "shadowed", "of_phrase", "pp_phrase", "derived_pattern", "extends", "extended",
    "term", "initial", "script_initial", *TYPE_FEATURES, *SIBLING_FEATURES, *SCOPE_FEATURES,
    *(f"pat_{p}" for p in PATTERNS), *(f"kind_{v}" for v in VARIANTS),
)  # fmt: skip

#: The starting values of a new candidate's features (aggregates start at their neutral value;
#: names starting with ``_`` are running counters removed when the features are finished).
START: dict[str, float] = {
    **dict.fromkeys(FEATURES, 0.0),
    "mlp": 0.0, "dist": 99.0, "sent": 99.0, "pairs": 0.0, "before": 0.0, "alone": 0.0,
    "nearest": 0.0, "dep_direct": 0.0, "dep_sibling": 0.0, "link": 0.0, "patterns": 0.0,
    "close": 0.0, "mlp_alone": 0.0, "dist_alone": 99.0, "close_alone": 0.0, "link_alone": 0.0,
    "_sentences": 0.0, "_last_sentence": -1.0, "first_pos": -1.0,
}  # fmt: skip
