"""The NTCIR-11 scoring protocol: the mathosphere baseline figures and hand-made edge cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from definiens.errors import InputError
from definiens.evaluate.gold import accepted_forms, load_gold, normalise_identifier
from definiens.evaluate.scoring import IdentRow, load_ident_csv, score

DATA = Path(__file__).parent.parent / "data" / "ntcir11"


def _gold(tmp_path: Path, definitions: dict[str, list[object]], qid: str = "7") -> Path:
    entry = {
        "definitions": definitions,
        "formula": {"qID": qid, "oldId": "1", "fid": "0", "math_inputtex": "x", "title": "T_t"},
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([entry]), encoding="utf-8")
    return path


def _rows(*pairs: tuple[str, str], qid: str = "7") -> list[IdentRow]:
    return [IdentRow(qid, "T_t", ident, definiens) for ident, definiens in pairs]


def test_mathosphere_baseline_scores_as_published() -> None:
    result = score(load_gold(DATA / "gold-dev.json"), load_ident_csv(DATA / "mlp-baseline-dev.csv"))
    assert result.gold_pairs == 143
    assert (round(result.precision, 3), round(result.recall, 3), round(result.f1, 3)) == (
        0.140,
        0.189,
        0.161,
    )


def test_only_the_first_correct_definiens_counts(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, {"E": ["energy", "kinetic energy"], "m": ["mass"]}))
    result = score(gold, _rows(("E", "energy"), ("E", "kinetic energy"), ("E", "speed")))
    assert (result.true_positives, result.false_positives) == (1, 1)
    assert result.recall == pytest.approx(0.5)
    assert result.precision == pytest.approx(0.5)
    assert result.details[0]["missed"] == ["m"]


def test_repeated_wrong_row_is_a_false_positive_each_time(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, {"E": ["energy"]}))
    result = score(gold, _rows(("E", "speed"), ("E", "Speed"), ("E", "[[energy]]")))
    assert (result.true_positives, result.false_positives, result.duplicates) == (1, 2, 1)


def test_wikidata_id_and_label_without_parenthesis_are_accepted(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, {"k": [{"Q12503": "integer (number without a fraction)"}]}))
    for answer in ("Q12503", "q12503", "[[Integer]]", "  integer "):
        assert score(gold, _rows(("k", answer))).true_positives == 1, answer
    assert score(gold, _rows(("k", "integer (number without a fraction)"))).true_positives == 0


def test_identifier_whitespace_is_not_significant(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, {"E_{\\mathrm{k}}": ["kinetic energy"]}))
    assert score(gold, _rows(("E_{ \\mathrm {k} }", "kinetic energy"))).true_positives == 1
    assert normalise_identifier(" f_{c} ") == "f_{c}"


def test_rows_for_unlisted_identifiers_and_formulas_are_false_positives(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, {"E": ["energy"]}))
    rows = [*_rows(("c", "speed of light")), *_rows(("E", "energy"), qid="99")]
    result = score(gold, rows)
    assert (result.true_positives, result.false_positives) == (0, 2)


def test_accepted_forms_of_a_plain_string_and_a_wikidata_item() -> None:
    assert accepted_forms("[[Prime number]]") == {"prime number"}
    assert accepted_forms({"Q49008": " prime number (natural number > 1)"}) == {
        "q49008",
        "prime number",
    }


def test_csv_with_a_wrong_number_of_fields_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text('1,T,x,"a, b"\n2,T,y\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_ident_csv(path)


def test_quoted_fields_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text('1,"A,_B",x,"set, finite"\n', encoding="utf-8")
    assert load_ident_csv(path) == [IdentRow("1", "A,_B", "x", "set, finite")]


def test_missing_gold_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[1, 2]", "a gold entry is an object"),
        (
            '[{"formula": {"qID": "1", "title": "t", "math_inputtex": "x"}, '
            '"definitions": {"W": [5]}}]',
            "'definitions' maps",
        ),
        (
            '[{"formula": {"qID": "1", "title": "t", "math_inputtex": "x"}, '
            '"definitions": {"W": null}}]',
            "'definitions' maps",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_malformed_gold_file_is_one_input_error(tmp_path: Path, text: str, words: str) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=words):
        load_gold(gold)


def test_ident_csv_not_utf8_is_an_input_error_and_a_bom_is_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe1,a,b,c\n")
    with pytest.raises(InputError, match="not UTF-8"):
        load_ident_csv(bad)
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeff1,Title,x,variable\n".encode())
    assert load_ident_csv(bom)[0].qid == "1"
