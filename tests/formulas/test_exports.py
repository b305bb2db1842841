"""The public names of definiens.formulas do not drift."""

from __future__ import annotations

import definiens.formulas


def test_exported_members() -> None:
    assert sorted(definiens.formulas.__all__) == [
        "IdentifierResult",
        "TokenStream",
        "canonical_identifier",
        "extract_identifiers",
        "find_spans",
        "identify",
        "tokenize",
    ]
    for name in definiens.formulas.__all__:
        assert getattr(definiens.formulas, name) is not None


def test_result_unpacks_as_a_tuple() -> None:
    identifiers, flags = definiens.formulas.extract_identifiers("x_0")
    assert [i.tex for i in identifiers] == ["x_{0}"]
    assert flags == []


def test_canonical_identifier_reads_what_a_person_types() -> None:
    canonical = definiens.formulas.canonical_identifier
    assert [canonical(t) for t in ("α", "{\\alpha}", "$\\alpha$", " E_0 ")] == [
        "\\alpha",
        "\\alpha",
        "\\alpha",
        "E_{0}",
    ]
    assert canonical("mc") == "mc" and canonical("  ") == ""  # several or none: as given
