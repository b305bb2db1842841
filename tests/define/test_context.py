"""Sentences go through spaCy in batches bounded in sentences and in characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from definiens.define.context import MAX_BATCH_CHARS, _batches


@given(
    lengths=st.lists(st.integers(0, 2 * MAX_BATCH_CHARS), max_size=60),
    size=st.integers(1, 300),
)
def test_batches_cover_every_text_once_within_both_bounds(lengths: list[int], size: int) -> None:
    texts = ["x" * n for n in lengths]
    spans = _batches(texts, size)
    assert [i for start, end in spans for i in range(start, end)] == list(range(len(texts)))
    for start, end in spans:
        assert 0 < end - start <= size
        chars = sum(lengths[start:end])
        assert chars <= MAX_BATCH_CHARS or end - start == 1  # a longer text goes alone


def test_short_sentences_keep_whole_batches() -> None:
    assert _batches(["a sentence of forty characters, or so .."] * 600, 256) == [
        (0, 256),
        (256, 512),
        (512, 600),
    ]


def _sentences(markdown: str) -> list[str]:
    from definiens.define.context import select_sentences
    from definiens.formulas import identify
    from definiens.ingest import from_text, parse

    document = identify(parse(from_text(markdown, "markdown")))
    return [s.text_of(document).strip() for s in select_sentences(document)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "We form the statistic\n\n$$t = \\frac{\\bar x - \\mu_0}{s/\\sqrt n}.$$\n\n"
            "Under the null hypothesis, $t$ follows a $t$ distribution.",
            "We form",
            "Under the null",
        ),
        # inside a paragraph, when a capital follows
        (
            "The first law gives the net work done per cycle as\n$$W = Q_h - Q_c.$$\n"
            "The efficiency of the engine is the fraction of the heat turned into work.",
            "The first law",
            "The efficiency",
        ),
    ],
)
def test_a_display_ending_with_a_full_stop_ends_its_sentence(
    text: str, first: str, second: str
) -> None:
    sentences = _sentences(text)
    assert len(sentences) == 2
    assert sentences[0].startswith(first) and sentences[0].endswith("FORMULA0")
    assert sentences[1].startswith(second)


@pytest.mark.parametrize(
    "text",
    [
        "The energy is\n\n$$E = mc^2,$$\n\nwhere $c$ is the speed of light.",
        "The work is\n$$W = Q_h - Q_c,$$\nThe Efficiency being lower.",
    ],
)
def test_a_display_without_a_full_stop_joins_both_neighbours(text: str) -> None:
    assert len(_sentences(text)) == 1


def _wiki_sentences(wikitext: str) -> list[str]:
    from definiens.define.context import select_sentences
    from definiens.formulas import identify
    from definiens.ingest import from_text, parse

    document = identify(parse(from_text(wikitext, "wikitext")))
    return [" ".join(s.text_of(document).split()) for s in select_sentences(document)]


def test_a_soft_wrap_inside_a_wikitext_paragraph_ends_no_sentence() -> None:
    text = (
        "Here <math>x(t)</math> is the\nsystem state vector, <math>u(t)</math> is the\n"
        "control we try to\nfind.\n* an item\n* another item\nA line of its own\nThe next one.\n"
        "It first computes the sample mean,\n:<math>\\bar x = \\sum_j x_j/n</math>,\n"
        "and then the sum of squares.\n:position, denoted <math>x</math>,\n"
        ":velocity, denoted <math>v</math>."
    )
    assert _wiki_sentences(text) == [
        "Here FORMULA0 is the system state vector, FORMULA1 is the control we try to find.",
        "an item",
        "another item",
        "A line of its own",
        "The next one.",
        "It first computes the sample mean, FORMULA2, and then the sum of squares.",
        "position, denoted FORMULA3,",
        "velocity, denoted FORMULA4.",
    ]
