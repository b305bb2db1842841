"""Index variants of one symbol share their meanings (u^mu, u_nu and u are the 4-velocity)."""

from __future__ import annotations

import pytest

from definiens.define import Definer, define
from definiens.define.candidate import Candidate
from definiens.define.ordering import whole_term_first
from definiens.define.siblings import index_base, share_meanings
from definiens.formulas import identify
from definiens.ingest import from_text, parse


@pytest.mark.parametrize(
    ("tex", "base"),
    [
        ("u^{\\mu}", "u"),
        ("V_{1}", "V"),
        ("\\delta_{\\nu}^{\\mu}", "\\delta"),
        ("T_{\\alpha\\beta}", "T"),
        ("\\mathbf{m}_{1}", "\\mathbf{m}"),
        ("x", "x"),
        ("\\alpha", "\\alpha"),
        ("E_{\\mathrm{k}}", None),
        ("S_{i-1}", None),
        ("T_{AB}", None),
    ],
)
def test_index_base(tex: str, base: str | None) -> None:
    assert index_base(tex) == base


def _candidate(identifier: str, key: str, mlp: float) -> Candidate:
    return Candidate(identifier, key, key, {"phrase"}, {"mlp": mlp, "inherited": 0.0})


def test_siblings_get_the_meanings_they_lack_marked_inherited() -> None:
    grouped = {
        "u": [_candidate("u", "4-velocity", 0.9), _candidate("u", "particle", 0.2)],
        "u^{\\mu}": [_candidate("u^{\\mu}", "particle", 0.5)],
        "E_{\\mathrm{k}}": [_candidate("E_{\\mathrm{k}}", "kinetic energy", 0.9)],
    }
    share_meanings(grouped, ["u", "u^{\\mu}", "u_{\\nu}", "E_{\\mathrm{k}}", "E"])
    inherited = {c.key: c for c in grouped["u_{\\nu}"]}
    assert set(inherited) == {"4-velocity", "particle"}
    assert inherited["4-velocity"].identifier == "u_{\\nu}"
    assert inherited["4-velocity"].values["inherited"] == 1.0
    assert inherited["particle"].values["mlp"] == 0.5  # the sibling with the best evidence
    own = {c.key: c for c in grouped["u^{\\mu}"]}
    assert own["particle"].values["inherited"] == 0.0 and own["particle"].values["sibling"] == 1.0
    assert own["4-velocity"].values["inherited"] == 1.0
    assert grouped["u"][0].values["mlp"] == 0.9  # the originals are not changed by the copies
    assert [c.key for c in grouped["E_{\\mathrm{k}}"]] == ["kinetic energy"]
    assert "E" not in grouped


@pytest.mark.slow
def test_an_index_variant_is_defined_by_its_base_symbol() -> None:
    passage = (
        "Here <math>u</math> denotes the 4-velocity of the particle.\n\n"
        "In every inertial frame "
        "<math>u^\\mu u_\\mu = c^2</math>."
    )
    document = identify(parse(from_text(passage, "wikitext", title="passage")))
    definer = Definer()
    _, candidates = definer.candidates(document)

    def best(tex: str) -> Candidate:
        """The meaning shown first, below the threshold too."""
        items = candidates[tex]
        scores = definer.model.probabilities([c.vector(definer.model.features) for c in items])
        ranked = sorted(zip(scores.tolist(), items, strict=True), key=lambda pair: -pair[0])
        return whole_term_first(ranked)[0][1]

    assert best("u").key == "4-velocity"
    for tex in ("u^{\\mu}", "u_{\\mu}"):
        assert best(tex).key == "4-velocity"
        assert best(tex).values["inherited"] == 1.0
    assert define(document).definitions["u"][0].text == "4-velocity"
