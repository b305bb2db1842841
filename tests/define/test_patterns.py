"""Definitional patterns, the MLP weights and the sentence splitter."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.define.context import split_sentences
from definiens.define.mlp_baseline import THRESHOLD, mlp_score, sentence_weight, token_weight
from definiens.define.nlp import load_pipeline, noun_lemma, singular
from definiens.define.patterns import LIST_GOES_ON, match_patterns, word_before


@pytest.mark.parametrize(
    ("gap", "after", "previous", "expected"),
    [
        (["is", "the"], True, "where", {"copula"}),
        (["denotes", "the"], True, "", {"denote"}),
        (["be", "a"], True, "let", {"copula", "let"}),
        ([",", "the"], True, "", {"appos_after"}),
        ([], False, "", {"appos_before"}),
        (["is", "called"], False, "", {"called"}),
        (["denoted", "by"], False, "", {"called"}),
        ([","], False, "", {"comma_before"}),
        (["stands", "for"], True, "", {"denote"}),
        (["and", "then", "some"], True, "", set()),
        ([",", "known", "as", "the"], True, "", {"denote"}),
        (["is", "then"], False, "", {"copula"}),
        ([",", "then", "the"], True, "if", set()),
        (["then", "the"], True, "", set()),
        (["as"], False, "", set()),
        (["defined", "by"], False, "", set()),
        (["the"], True, LIST_GOES_ON, {"appos_after", "copula"}),
        (["the"], True, "with", {"appos_after"}),
        (["the"], True, "and", {"appos_after"}),
        (["be", "distinct"], True, "let", {"copula", "let"}),
        (["given", "the"], True, "", set()),
        (["are", ",", "respectively", ",", "the"], True, "", set()),
    ],
    ids=["where-is", "denotes", "let-be", "apposition", "the-energy-E", "is-called",
         "denoted-by", "comma", "stands-for", "nothing", "known-as", "is-then",
         "if-then", "then", "same-as", "defined-by-a-condition", "list-goes-on", "with-the",
         "and-the", "be-distinct", "given-the", "respectively-before-plain-gap"],
)  # fmt: skip
def test_patterns(gap: list[str], after: bool, previous: str, expected: set[str]) -> None:
    assert match_patterns(gap, after, previous) == expected


_LONG_FIRST_ITEM = "FORMULA0 is the growth rate of the prey in the absence of predators , FORMULA1"


@pytest.mark.parametrize(
    ("sentence", "following", "expected"),
    [
        ("where FORMULA1 is the amount and FORMULA2", "the", LIST_GOES_ON),
        ("by Lemma 2 and FORMULA2", "the", "and"),
        ("using FORMULA1 for the mass and FORMULA2", "for", "using"),
        ("we use this law for air , and FORMULA2", "the", "and"),
        ("let FORMULA2", "be", "let"),
        # a list item "$\\beta$ the rate" reaches back past a long first item
        (_LONG_FIRST_ITEM, "the", LIST_GOES_ON),
        (_LONG_FIRST_ITEM, ",", ","),  # not a list item: the short reach
    ],
)
def test_the_word_before_a_symbol(sentence: str, following: str, expected: str) -> None:
    lower = sentence.lower().split()
    assert word_before(lower, len(lower) - 1, following) == expected


def test_token_weight_is_one_adjacent_and_half_at_five_tokens() -> None:
    assert token_weight(1) == pytest.approx(1.0)
    assert token_weight(5) == pytest.approx(0.5)
    assert token_weight(10) < 0.5


def test_sentence_weight_is_half_three_sentences_away() -> None:
    assert sentence_weight(0) == pytest.approx(1.0)
    assert sentence_weight(3) == pytest.approx(0.5)


def test_mlp_score_combines_with_alpha_beta_gamma() -> None:
    assert mlp_score(1, 0, 1.0) == pytest.approx(1.0)
    assert mlp_score(5, 3, 0.0) == pytest.approx((0.5 + 0.5) / 2.1)
    assert mlp_score(5, 3, 0.0) > THRESHOLD > mlp_score(9, 6, 0.0)
    assert not math.isnan(mlp_score(1000, 1000, 0.0))


def test_sentences_split_at_end_punctuation_and_lines() -> None:
    text = "One sentence. Another one!\nA third line"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "One sentence.",
        "Another one!",
        "A third line",
    ]


def test_soft_line_wraps_do_not_end_a_sentence() -> None:
    text = "where $c$ is the\nspeed of light.\nNext one\n\nHeading\n\nA list:\n* one\n* two"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "where $c$ is the\nspeed of light.",
        "Next one",
        "Heading",
        "A list:",
        "* one",
        "* two",
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_sentence_spans_cover_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [("integers", "integer"), ("matrices", "matrix"), ("classes", "class"), ("series", "series"),
     ("boxes", "box"), ("vertices", "vertex"), ("probabilities", "probability"),
     ("analysis", "analysis")],
)  # fmt: skip
def test_singular_of_plural_nouns(plural: str, singular_form: str) -> None:
    assert singular(plural) == singular_form


@pytest.mark.slow
def test_pipeline_sets_parts_of_speech_without_attribute_ruler() -> None:
    nlp = load_pipeline()
    assert "ner" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    doc = nlp("Let FORMULA0 be a finite group of prime numbers.")
    assert [c.text for c in doc.noun_chunks][-2:] == ["a finite group", "prime numbers"]
    assert doc[-2].pos_ == "NOUN" and noun_lemma(doc[-2].text, doc[-2].tag_) == "number"


def test_a_phrase_before_a_list_item_is_not_its_apposition() -> None:
    """ "…, where $n$ is the number of moles, $T$ the temperature": "moles" is not T's."""
    assert match_patterns([","], False, LIST_GOES_ON, "the") == set()
    # "the mass, $m$, and the acceleration": an apposition after all
    assert match_patterns([","], False, LIST_GOES_ON, ",") == {"comma_before"}
    assert match_patterns([","], False, ",", "the") == {"comma_before"}
