"""The API payload maps source spans into the plain text so the page can highlight them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from definiens.model import Definiens, Document, Formula, Identifier, OffsetMap, Scope
from definiens.web.payload import document_payload, sentence_span, source_to_text
from definiens.web.schemas import AnnotateResponse


def offsets() -> OffsetMap:
    # text "ab FORMULA0 cd" from source "ab $x$ cd": 'ab ' and ' cd' are copied
    mapping = OffsetMap()
    mapping.add(0, 0, 3)
    mapping.add(11, 6, 3)
    return mapping


def test_source_offsets_map_into_the_text() -> None:
    mapping = offsets()
    assert source_to_text(mapping, 1) == 1
    assert source_to_text(mapping, 7) == 12
    assert source_to_text(mapping, 4) == 11  # inside the formula: the next text segment
    assert source_to_text(mapping, 100) == 14
    assert source_to_text(mapping, -1) == -1


def test_payload_gives_occurrences_and_text_spans() -> None:
    formula = Formula(
        index=0,
        tex="x",
        text_start=3,
        text_end=11,
        identifiers=[Identifier("x", 0, 1, spans=[(0, 1)])],
    )
    document = Document(
        id="t",
        title="t",
        source="t.md",
        format="markdown",
        source_text="ab $x$ cd",
        text="ab FORMULA0 cd",
        offsets=offsets(),
        formulas=[formula],
        definitions={"x": [Definiens("x", "cd", 0.5, "pattern", "ab x cd", 7, 9)]},
    )
    payload = document_payload(document)
    assert payload["formulas"][0]["occurrences"] == [
        {"identifier": "x", "start": 0, "end": 1, "scope": -1}
    ]
    meaning = payload["definitions"]["x"][0]
    assert payload["text"][meaning["text_start"] : meaning["text_end"]] == "cd"


def test_each_occurrence_carries_the_scope_its_meanings_are_read_in() -> None:
    """E is the energy in the first section and a curve in the second: each formula's
    occurrences say which scope they read, and that scope's meanings come with their spans."""
    source = "# A\n\n$E$ is the energy.\n\n# B\n\n$E$ is a curve.\n"
    text = "A\n\nFORMULA0 is the energy.\n\nB\n\nFORMULA1 is a curve.\n"
    mapping = OffsetMap()
    for piece in ("A\n\n", " is the energy.\n\n", "B\n\n", " is a curve.\n"):
        mapping.add(text.index(piece), source.index(piece), len(piece))
    formulas = [
        Formula(
            k,
            "E",
            text_start=at,
            text_end=at + 8,
            identifiers=[Identifier("E", 0, 1, 1, [(0, 1)], k)],
        )
        for k, at in enumerate(m.start() for m in re.finditer("FORMULA", text))
    ]
    at_energy, at_curve = source.index("energy"), source.index("curve")
    energy = Definiens(
        "E", "energy", 0.9, "pattern", "$E$ is the energy.", at_energy, at_energy + 6, scope=0
    )
    curve = Definiens(
        "E", "curve", 0.8, "pattern", "$E$ is a curve.", at_curve, at_curve + 5, scope=1
    )
    middle = (source.index("# B"), text.index("B\n"))
    document = Document(
        id="s",
        title="s",
        source="s.md",
        format="markdown",
        source_text=source,
        text=text,
        offsets=mapping,
        formulas=formulas,
        scopes=[
            Scope("section", "A", 1, 0, middle[1], 0, middle[0]),
            Scope("section", "B", 1, middle[1], len(text), middle[0], len(source)),
        ],
        definitions={"E": [energy, curve]},
        scoped={0: {"E": [energy]}, 1: {"E": [curve]}},
    )
    payload = document_payload(document)
    AnnotateResponse.model_validate({**payload, "id": "s"})
    occurrences = [f["occurrences"] for f in payload["formulas"]]
    assert occurrences == [
        [{"identifier": "E", "start": 0, "end": 1, "scope": 0}],
        [{"identifier": "E", "start": 0, "end": 1, "scope": 1}],
    ]
    for formula in payload["formulas"]:
        (occurrence,) = formula["occurrences"]
        (meaning,) = payload["scoped"][str(occurrence["scope"])]["E"]
        assert meaning["scope"] == occurrence["scope"]
        assert payload["text"][meaning["text_start"] : meaning["text_end"]] in {"energy", "curve"}
        start, end = meaning["sentence_start"], meaning["sentence_end"]
        assert formula["text_start"] >= start and formula["text_end"] <= end
    assert [s["title"] for s in payload["scopes"]] == ["A", "B"]


def test_the_sentence_is_found_in_the_text_with_its_placeholders() -> None:
    text = "First one. By Einstein, FORMULA0, where FORMULA1 is the energy.  Next one."
    sentence = "By Einstein, $E = mc^2$, where $E$ is the energy."
    start = text.index("energy")
    s, e = sentence_span(text, sentence, start, start + 6)
    assert text[s:e].strip() == "By Einstein, FORMULA0, where FORMULA1 is the energy."


def test_without_the_sentence_the_boundaries_around_the_mention_are_used() -> None:
    text = "First one. Here x is the mass! Next."
    start = text.index("mass")
    s, e = sentence_span(text, "not in the text", start, start + 4)
    assert text[s:e] == "Here x is the mass!"
    assert sentence_span(text, "", -1, -1) == (-1, -1)


@given(
    text=st.text(alphabet="ab .!?\n$FORMUL0123", max_size=60),
    sentence=st.text(alphabet="ab .!?\n$\\{}()*+[]", max_size=30),
    start=st.integers(-2, 70),
    length=st.integers(0, 20),
)
def test_sentence_span_is_always_inside_the_text(
    text: str, sentence: str, start: int, length: int
) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    s, e = sentence_span(text, sentence, start, end)
    assert (s, e) == (-1, -1) or 0 <= s <= start < end <= e <= len(text)


@given(segments=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 5)), max_size=6))
def test_source_to_text_is_monotonic(segments: list[tuple[int, int]]) -> None:
    mapping, text_at, source_at = OffsetMap(), 0, 0
    for gap, length in segments:
        source_at += gap
        mapping.add(text_at, source_at, length)
        text_at, source_at = text_at + length, source_at + length
    mapped = [source_to_text(mapping, p) for p in range(source_at + 3)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= max(text_at, source_at + 3) for m in mapped)
