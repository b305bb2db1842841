"""A candidate phrase where it stands in a sentence (:class:`Mention`), as the mention finders
(:mod:`.mentions`, :mod:`.naming`, :mod:`.counting`) make it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from definiens.define.words import Words

__all__ = ["Mention", "mention_of"]


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

    @property
    def head_token(self) -> int:
        """The token of its head noun: :attr:`head`, else its last token."""
        return self.head if self.head >= 0 else self.last


def mention_of(
    w: Words, offset: int, span: tuple[int, int], lemma_of: int, text: str, **fields: Any
) -> Mention:
    """The mention of the tokens ``span`` (first, last) of a sentence's :class:`Words` starting
    at ``offset`` of ``Document.text``, with the lemma of token ``lemma_of`` (its head noun)."""
    first, last = span
    return Mention(
        text=text,
        first=first,
        last=last,
        start=offset + w.idx[first],
        end=offset + w.idx[last] + len(w.text[last]),
        head_lemma=w.lemma(lemma_of),
        **fields,
    )
