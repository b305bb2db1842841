"""Request and response models of the HTTP API (they also make its OpenAPI description)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator

_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = [
    "AnnotateRequest",
    "AnnotateResponse",
    "DefiniensOut",
    "ErrorOut",
    "FormulaOut",
    "IdentifierOut",
    "OccurrenceOut",
]


class AnnotateRequest(BaseModel):
    """A text to annotate."""

    text: str = Field(description="the document as written")
    format: Literal["wikitext", "latex", "markdown"] = Field(
        "markdown", description="how it is written: wikitext, LaTeX, or Markdown/plain with $…$"
    )
    title: str = Field("text", max_length=500, description="a title for messages")

    @field_validator("text", "title", mode="before")
    @classmethod
    def _encodable(cls, value: object) -> object:
        """Lone surrogates (``\\ud800`` in the JSON) cannot be written as UTF-8: each becomes
        U+FFFD, as invalid bytes do when a file is read."""
        return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


class IdentifierOut(BaseModel):
    tex: str = Field(description="canonical TeX of the identifier")
    start: int = Field(description="start of its first occurrence in the formula's TeX")
    end: int
    count: int = Field(description="how many times it occurs in the formula")
    scope: int = Field(
        -1,
        description="where its meanings are read here: an index of `scopes` (its meanings are "
        "`scoped[scope]`), -1 for the whole document (`definitions`)",
    )


class OccurrenceOut(BaseModel):
    identifier: str = Field(description="canonical TeX of the identifier")
    start: int = Field(description="span of this occurrence in the formula's TeX")
    end: int
    scope: int = Field(
        -1,
        description="where its meanings are read: an index of `scopes` (its meanings are "
        "`scoped[scope]` where that has them), -1 for the whole document (`definitions`)",
    )


class FormulaOut(BaseModel):
    index: int
    tex: str
    display: bool
    markup: str = Field(
        description="how it was written: math, template, italic, dollar, paren, environment"
    )
    source_start: int = Field(description="span of the formula in the text as written")
    source_end: int
    text_start: int = Field(description="span of its placeholder in `text`")
    text_end: int
    identifiers: list[IdentifierOut]
    occurrences: list[OccurrenceOut] = Field(description="every occurrence of each identifier")
    flags: list[str]


class DefiniensOut(BaseModel):
    identifier: str
    text: str = Field(description="the meaning")
    score: float = Field(description="the ranker's confidence, 0 to 1")
    method: str = Field(description="the evidence: pattern, link, noun_phrase, namespace…")
    sentence: str = Field(description="the sentence it was read from")
    source_start: int = Field(description="its span in the text as written (-1: none)")
    source_end: int
    text_start: int = Field(description="the same span in `text` (-1: none)")
    text_end: int
    sentence_start: int = Field(description="the span of the sentence in `text` (-1: none)")
    sentence_end: int
    link_target: str | None
    scope: int = Field(-1, description="the index in `scopes` where it holds (-1: everywhere)")


class ScopeOut(BaseModel):
    kind: str = Field(description="section, or the environment's name (lemma, proof...)")
    title: str
    level: int
    start: int = Field(description="its span in `text`")
    end: int
    source_start: int = Field(description="its span in the text as written")
    source_end: int


class AnnotateResponse(BaseModel):
    id: str
    title: str
    source: str
    format: str
    metadata: dict[str, object]
    text: str = Field(description="plain text; formula i appears as the placeholder FORMULAi")
    offsets: list[list[int]] = Field(
        description="segments [text_start, source_start, length]: text offsets back to the source"
    )
    formulas: list[FormulaOut]
    links: list[dict[str, object]]
    definitions: dict[str, list[DefiniensOut]] = Field(
        description="identifier → its meanings over the whole document, best first"
    )
    scopes: list[ScopeOut] = Field(
        [],
        description="sections and theorem-like environments, outer before inner, then the "
        "passages where a letter restated without a heading holds (kind `passage`)",
    )
    scoped: dict[str, dict[str, list[DefiniensOut]]] = Field(
        {},
        description="scope index → identifier → its meanings in that scope, where they differ "
        "from the document's",
    )
    problems: list[dict[str, str]]
    layout: dict[str, object] = Field(
        description="how the page lays out `text`: {kind: markdown} (the text is Markdown), or "
        "{kind: blocks, from: source|text, blocks: [...], marks: [...]}: headings, paragraphs, "
        "environments and lists as spans of `text`"
    )


class ErrorOut(BaseModel):
    detail: str
