"""A candidate phrase where it stands in a sentence (:class:`Mention`), as the mention finders
(:mod:`.mentions`, :mod:`.naming`, :mod:`.counting`) make it."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention"]


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
    #: One of ``parts`` phrases a coordination gives with "respectively" ("the proportional and
    #: integral gains": "integral gain" is part 1 of 2): only the symbol at that place of a
    #: list of as many takes it (:mod:`.distributed`).
    part: int = -1
    parts: int = 0
