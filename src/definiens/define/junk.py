"""Phrases that are never a meaning: the words of the text's own apparatus ("Denote", "resp",
"Lemma"), an adjective or an empty noun alone ("nonzero", "case", "only way"), unbalanced
brackets, the chapter of a cross-reference, the verb that opens an instruction ("Set $J = …$",
"Integrating, …") and a name that only qualifies an adjective ("Lebesgue integrable")."""

from __future__ import annotations

from collections.abc import Sequence

from definiens.define.concepts import is_concept, is_evaluative
from definiens.define.words import HYPHENS, Words

__all__ = ["INSTRUCTIONS", "is_junk"]

#: Words that are never a meaning on their own: abbreviations, function words and the verbs and
#: nouns of the text's own apparatus that a tagger may take for nouns ("Denote", "resp").
_JUNK_WORDS = """
resp respectively denote denotes let define consider suppose assume note see cf eg ie etc
example examples instance quasi lemma theorem proposition corollary remark section chapter
figure table page exercise proof
"""
_JUNK = frozenset(_JUNK_WORDS.split())

#: Nouns that are a meaning of nothing, alone or after an empty qualifier ("in this case $k$
#: …", "the only way $r$ …"); an adjective or a noun before them makes a term ("limiting
#: case", "real part").
_EMPTY_ALONE_WORDS = """
case way fact thing one other others sort kind lot reason respect sense idea
"""
_EMPTY_ALONE = frozenset(_EMPTY_ALONE_WORDS.split())
_EMPTY_BEFORE = frozenset({"only", "same", "other", "general", "present", "latter", "former"})

#: Verbs that open an instruction of a computation ("Set $J = …$", "Put $y = 2x$"), which a
#: tagger may take for a noun at the start of a sentence.
_INSTRUCTION_WORDS = """
set put write take choose fix pick initialise initialize compute calculate integrate
differentiate substitute solve rearrange apply recall observe notice replace expand multiply
divide add subtract plug insert evaluate use combine compare simplify
"""
INSTRUCTIONS = frozenset(_INSTRUCTION_WORDS.split())

#: Adjectives of a property that are never a meaning alone but do make a term ("affine
#: scheme" is a kind of scheme, "affine" alone no meaning).
_PROPERTY_WORDS = """
affine quasi-affine quasi-compact quasi-separated separated noetherian irreducible standard
"""
_PROPERTIES = frozenset(_PROPERTY_WORDS.split())


def is_junk(w: Words, tokens: Sequence[int]) -> bool:
    """A phrase that is never a meaning: its head is a word of :data:`_JUNK`, an adjective
    that only qualifies ("nonzero") or an empty noun ("case", "only way"), it holds an
    unbalanced bracket ("quasi-compact (Lemma"), it names the chapter of a cross-reference
    ("(Algebra, Lemma 10.3)"), or it is the one word of an instruction's verb ("Set",
    "Integrating") or of a name before an adjective ("Lebesgue integrable")."""
    head = w.lower[tokens[-1]].strip(".")
    if head in _JUNK or (len(tokens) == 1 and _qualifies(head)) or _empty(w, tokens, head):
        return True
    if w.text[tokens[0]] in HYPHENS or _qualifiers_only(w, tokens):
        return True
    if _cites_a_chapter(w, tokens) or (len(tokens) == 1 and _opens_or_qualifies(w, tokens[0])):
        return True
    text = "".join(w.text[t] for t in tokens)
    return text.count("(") != text.count(")") or text.count("[") != text.count("]")


def _empty(w: Words, tokens: Sequence[int], head: str) -> bool:
    """The phrase is an empty noun, alone or after empty qualifiers ("case", "only way")."""
    return head in _EMPTY_ALONE and all(w.lower[t] in _EMPTY_BEFORE for t in tokens[:-1])


def _qualifiers_only(w: Words, tokens: Sequence[int]) -> bool:
    """The phrase holds only qualifying adjectives and hyphens ("quasi-affine")."""
    words = [w.lower[t] for t in tokens if w.text[t] not in HYPHENS]
    return len(words) > 1 and all(word in _JUNK or _qualifies(word) for word in words)


def _qualifies(word: str) -> bool:
    """An adjective that only qualifies ("nonzero", "affine")."""
    return word in _PROPERTIES or (is_evaluative(word) and not is_concept(word))


def _opens_or_qualifies(w: Words, t: int) -> bool:
    """The one word ``t`` is the verb that opens its sentence's instruction ("Set", "Initialise",
    "Integrating"; also the first word after a formula, a display that ends no sentence) or a
    name before an adjective it qualifies ("Lebesgue integrable")."""
    word = w.text[t]
    if not word[:1].isupper():
        return False
    if t + 1 < len(w) and w.pos[t] == "PROPN" and w.pos[t + 1] == "ADJ":
        return True
    before = next((k for k in range(t - 1, -1, -1) if w.text[k].strip()), -1)
    if any(w.text[k][:1].isalnum() for k in range(t)) and not w.placeholder[before]:
        return False  # not the first word of the sentence, nor the first after a display
    lower = w.lower[t]
    if lower.endswith("ing") and len(lower) >= 5:  # "Integrating, …", not "Shielding $S$ …"
        verb = w.pos[t] == "VERB" or (t + 1 < len(w) and w.text[t + 1] == ",")
        return (verb and len(lower) >= 8) or _instruction_verb(lower[:-3])
    return lower in INSTRUCTIONS


def _instruction_verb(stem: str) -> bool:
    """The stem of an -ing form is an instruction verb ("integrat", "sett", "rearrang")."""
    forms = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.add(stem[:-1])  # "sett": set
    return bool(forms & INSTRUCTIONS)


#: The words of a numbered statement a cross-reference points to.
_STATEMENTS = frozenset(
    {"lemma", "theorem", "proposition", "corollary", "remark", "section", "chapter",
     "definition", "example", "exercise", "situation", "equation"}
)  # fmt: skip


def _cites_a_chapter(w: Words, tokens: Sequence[int]) -> bool:
    """The phrase is a capitalised chapter name before ", Lemma" ("Algebra, Lemma 10.3")."""
    after = tokens[-1] + 2
    return (
        after < len(w)
        and w.text[tokens[0]][:1].isupper()
        and w.text[after - 1] == ","
        and w.lower[after] in _STATEMENTS
        and w.text[after][:1].isupper()
    )
