"""Hypothesis strategies shared by test packages: whole documents as the stages leave them."""

from __future__ import annotations

from hypothesis import strategies as st

from definiens.model import (
    Definiens,
    Document,
    Formula,
    Identifier,
    OffsetMap,
    Problem,
    Scope,
)

__all__ = ["documents"]

_words = st.text(max_size=12)
_positions = st.integers(min_value=-1, max_value=10_000)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def _offsets(draw: st.DrawFn) -> OffsetMap:
    offsets = OffsetMap()
    text_at = source_at = 0
    for _ in range(draw(st.integers(0, 6))):
        text_at += draw(st.integers(0, 50))
        source_at += draw(st.integers(0, 50))
        length = draw(st.integers(1, 40))
        offsets.add(text_at, source_at, length)
        text_at += length
        source_at += length
    return offsets


@st.composite
def _formula(draw: st.DrawFn, index: int) -> Formula:
    texs = draw(st.lists(st.text(min_size=1, max_size=6), max_size=4, unique=True))
    return Formula(
        index=index,
        tex=draw(_words),
        display=draw(st.booleans()),
        markup=draw(st.sampled_from(["math", "template", "italic", "dollar", "paren"])),
        source_start=draw(_positions),
        source_end=draw(_positions),
        text_start=draw(_positions),
        text_end=draw(_positions),
        identifiers=[
            Identifier(
                tex,
                draw(_positions),
                draw(_positions),
                draw(st.integers(1, 9)),
                scope=draw(st.integers(-1, 2)),
            )
            for tex in texs
        ],
        flags=draw(st.lists(_words, max_size=2)),
    )


@st.composite
def _definitions(draw: st.DrawFn, scope: int = -1) -> dict[str, list[Definiens]]:
    keys = draw(st.lists(st.text(min_size=1, max_size=6), max_size=3, unique=True))
    return {
        key: [
            Definiens(
                identifier=key,
                text=draw(_words),
                score=draw(st.floats(allow_nan=False, allow_infinity=False)),
                method=draw(st.sampled_from(["pattern", "link", "noun_phrase", "namespace"])),
                sentence=draw(_words),
                source_start=draw(_positions),
                source_end=draw(_positions),
                link_target=draw(st.none() | _words),
                scope=scope,
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        for key in keys
    }


_scopes = st.builds(
    Scope,
    kind=st.sampled_from(["section", "theorem", "proof"]),
    title=_words,
    level=st.integers(1, 4),
    start=_positions,
    end=_positions,
    source_start=_positions,
    source_end=_positions,
)


@st.composite
def _scoped(draw: st.DrawFn, scopes: int) -> dict[int, dict[str, list[Definiens]]]:
    if not scopes:
        return {}
    indices = draw(st.lists(st.integers(0, scopes - 1), max_size=2, unique=True))
    scoped = {index: draw(_definitions(index)) for index in indices}
    return {index: meanings for index, meanings in scoped.items() if meanings}


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document with text, offset map, formulas, definitions, problems, scopes and meanings
    per scope (no links and no source text: the database keeps neither)."""
    scopes = draw(st.lists(_scopes, max_size=3))
    return Document(
        id=draw(st.text(min_size=1, max_size=10)),
        title=draw(_words),
        source=draw(_words),
        format=draw(st.sampled_from(["wikitext", "latex", "markdown"])),
        source_text="",
        text=draw(st.text(max_size=200)),
        offsets=draw(_offsets()),
        metadata=draw(st.dictionaries(st.text(max_size=6), _json_values, max_size=3)),
        formulas=[draw(_formula(i)) for i in range(draw(st.integers(0, 4)))],
        definitions=draw(_definitions()),
        problems=[
            Problem(draw(_words), draw(_words), draw(_words))
            for _ in range(draw(st.integers(0, 2)))
        ],
        scopes=scopes,
        scoped=draw(_scoped(len(scopes))),
    )
