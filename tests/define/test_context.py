"""Sentences go through spaCy in batches bounded in sentences and in characters."""

from __future__ import annotations

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
