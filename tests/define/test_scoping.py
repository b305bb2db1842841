"""Meanings in scope (issue 14): a letter reused across sections gets, at each occurrence, the
meaning that holds where it stands, in every input format; a document without scopes behaves
as before; the meanings per scope survive the record form and the database."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from definiens import serial
from definiens.api import annotate
from definiens.define import Definer
from definiens.define.feature_names import FEATURES, SCOPE_FEATURES
from definiens.define.scoping import ScopedMatrix, stated_within
from definiens.formulas import identify
from definiens.ingest import from_text, parse
from definiens.model import Document
from definiens.store import Database, record_of

pytestmark = pytest.mark.slow

MARKDOWN = """# Mechanics

A body of mass $m$ moving at speed $v$ has $E = \\frac12 m v^2$, where $E$ is the kinetic energy.

# Number theory

Let $E$ be an elliptic curve over $\\mathbb{Q}$. The group $E(\\mathbb{Q})$ is finitely generated.
"""
#: A letter reused across sections, in a lemma and its proof (shared with the page tests).
LATEX = (Path(__file__).parents[1] / "data" / "scopes" / "reused-letter.tex").read_text()
WIKITEXT = """== Mechanics ==
A body of mass <math>m</math> at speed <math>v</math> has <math>E = \\tfrac12 m v^2</math>, \
where <math>E</math> is the kinetic energy.
== Curves ==
Let <math>E</math> be an elliptic curve over a field <math>K</math>. The set \
<math>E(K)</math> is a group.
"""
CASES = [(MARKDOWN, "markdown"), (LATEX, "latex"), (WIKITEXT, "wikitext")]


def _meanings_of_e(document: Document) -> dict[str, str]:
    """The first meaning of E at each formula it stands in, by the formula's TeX."""
    found = {}
    for formula in document.formulas:
        for identifier in formula.identifiers:
            if identifier.tex == "E":
                meanings = document.meanings(identifier)
                found[formula.tex] = meanings[0].text if meanings else ""
    return found


@pytest.mark.parametrize(("text", "format"), CASES, ids=[f for _, f in CASES])
def test_a_reused_letter_means_what_its_section_says(text: str, format: str) -> None:
    document = annotate(text, format)
    for tex, meaning in _meanings_of_e(document).items():
        expected = "kinetic energy" if "frac12" in tex else "elliptic curve"
        assert meaning == expected, tex


def test_the_proof_reads_the_meaning_stated_in_its_section() -> None:
    document = annotate(LATEX, "latex")
    proof = next(i for i, s in enumerate(document.scopes) if s.kind == "proof")
    (formula,) = [f for f in document.formulas if f.text_start >= document.scopes[proof].start]
    (e,) = [i for i in formula.identifiers if i.tex == "E"]
    assert document.meanings(e)[0].text == "elliptic curve"


STATEMENTS = r"""\documentclass{article}\begin{document}
\section{Curves and spaces}
\begin{lemma}
Let $X$ be a proper curve over a field $k$. Then $X$ is projective over $k$.
\end{lemma}
\begin{proof}
The curve $X$ has an ample invertible sheaf, hence $X \to \mathrm{Spec}(k)$ is projective.
\end{proof}
\begin{lemma}
Let $X$ be a topological space. Then $X$ is the union of its points.
\end{lemma}
\begin{proof}
Every point $x$ of $X$ lies in $X$.
\end{proof}
\end{document}"""


def test_a_proof_reads_the_meanings_its_statement_gives() -> None:
    """A letter reused by two lemmas of one section: each lemma's statement holds in its proof."""
    document = annotate(STATEMENTS, "latex")
    lemmas = [s for s in document.scopes if s.kind == "lemma"]
    expected = ["curve", "space"]  # "proper curve" or "curve"; "topological space" or "space"
    seen = []
    for formula in document.formulas:
        for identifier in formula.identifiers:
            if identifier.tex != "X":
                continue
            (lemma,) = [i for i, s in enumerate(lemmas) if s.start <= formula.text_start < s.end]
            meanings = document.meanings(identifier)
            assert meanings and meanings[0].text.endswith(expected[lemma]), formula.tex
            seen.append(lemma)
    assert sorted(set(seen)) == [0, 1] and len(seen) >= 6


LEMMA_AND_PROOF = r"""\section{Maps}
Let $f$ be a continuous function on the real line.
\begin{lemma}
Let $f : X \to Y$ be a finite morphism of schemes. Then $f_*\mathcal{O}_X$ is quasi-coherent.
\end{lemma}
\begin{proof}
Consider the induced map $f^\sharp : \mathcal{O}_Y \to f_*\mathcal{O}_X$.
The question is local on $Y$, so we may assume $f$ is affine, hence $f$ is the map of spectra.
\end{proof}"""


def test_a_proof_that_states_more_still_reads_its_statement() -> None:
    """What the proof says of $f$ on the way does not hide the lemma's "Let $f$ be …"."""
    document = annotate(LEMMA_AND_PROOF, "latex")
    (proof,) = [s for s in document.scopes if s.kind == "proof"]
    inside = [
        document.meanings(i)[0].text
        for f in document.formulas
        if proof.start <= f.text_start < proof.end
        for i in f.identifiers
        if i.tex == "f"
    ]
    assert inside == ["finite morphism of schemes"] * 3


REDEFINED_IN_PROOF = r"""\section{Maps}
Let $g$ be a map of sets.
\begin{lemma}
Let $f$ be a continuous function on $X$. Then $f$ is bounded on compact sets.
\end{lemma}
\begin{proof}
Let $f$ now denote the restriction of $f$ to a compact set $K$; the restriction $f$ is bounded.
\end{proof}"""


def test_a_proof_that_defines_a_letter_anew_reads_its_own_meaning() -> None:
    document = annotate(REDEFINED_IN_PROOF, "latex")
    (proof,) = [s for s in document.scopes if s.kind == "proof"]
    meanings = {
        proof.start <= f.text_start < proof.end: document.meanings(i)[0].text
        for f in document.formulas
        for i in f.identifiers
        if i.tex == "f"
    }
    assert meanings == {False: "continuous function", True: "restriction"}


def test_a_document_without_scopes_reads_the_meaning_stated_nearest() -> None:
    """Without its sections the letter is still read where each meaning is stated (passages),
    and the meanings over the whole document do not change."""
    definer = Definer()
    with_scopes = definer(identify(parse(from_text(WIKITEXT, "wikitext"))))
    assert with_scopes.scopes and with_scopes.scoped
    without = identify(parse(from_text(WIKITEXT, "wikitext")))
    without.scopes = []
    without = definer(without)
    assert without.definitions == with_scopes.definitions
    assert {s.kind for s in without.scopes} == {"passage"}
    assert _meanings_of_e(without) == _meanings_of_e(with_scopes)


def test_meanings_in_scope_survive_the_record_and_the_database(tmp_path: Path) -> None:
    document = annotate(LATEX, "latex")
    assert document.scoped
    again = serial.from_record(serial.to_record(document))
    assert _meanings_of_e(again) == _meanings_of_e(document)
    with Database(tmp_path / "r.db") as db:
        db.write_documents([record_of(document)], None)
        ((_, loaded),) = list(db.documents())
    assert loaded.scopes == document.scopes
    assert _meanings_of_e(loaded) == _meanings_of_e(document)


def _expected_row(candidate: Any, inside: list[tuple[int, bool]], total: int) -> list[float]:
    """A candidate's features in a scope, worked out plainly from where its pairs are."""
    scope_values = {
        "scoped": 1.0,
        "scope_pairs": math.log1p(len(inside)),
        "scope_share": len(inside) / (total or 1),
        "scope_pattern": float(any(stated for _, stated in inside)),
    }
    return [scope_values.get(name, candidate.values.get(name, 0.0)) for name in FEATURES]


@pytest.mark.parametrize(("text", "form"), CASES)
def test_scoped_rows_are_the_candidates_features_in_each_scope(text: str, form: str) -> None:
    """The define stage ranks, and training learns, from one feature matrix per identifier (no
    copy per scope): in the whole document its scope columns are 0, in a scope they count the
    candidate's pairs inside it."""
    document = identify(parse(from_text(text, form)))
    _, candidates = Definer().candidates(document)
    assert document.scopes and candidates["E"]
    for items in candidates.values():
        matrix = ScopedMatrix(items, FEATURES)
        whole = [
            [0.0 if name in SCOPE_FEATURES else c.values.get(name, 0.0) for name in FEATURES]
            for c in items
        ]
        assert matrix.rows(None).tolist() == whole
        for scope in document.scopes:
            inside = [[p for p in c.places if scope.start <= p[0] < scope.end] for c in items]
            total = sum(len(places) for places in inside)
            expected = [_expected_row(c, p, total) for c, p in zip(items, inside, strict=True)]
            assert matrix.rows(scope).tolist() == expected
            assert matrix.stated(scope).tolist() == stated_within(items, scope)


def test_one_heading_over_the_whole_text_is_the_document() -> None:
    """A Markdown file's single ``# Title`` is a scope around every formula: its meanings are
    the document's, as without the heading."""
    text = "# Energy\n\nBy Einstein, $E = mc^2$, where $E$ is the energy and $m$ the mass.\n"
    document = annotate(text, "markdown")
    assert [s.title for s in document.scopes] == ["Energy"]
    assert document.scoped == {}
    for formula in document.formulas:
        for identifier in formula.identifiers:
            assert identifier.scope == -1
            assert document.meanings(identifier) == document.definitions.get(identifier.tex, [])
    assert document.definitions["E"][0].text == "energy"


def test_on_the_dev_pages_scopes_change_no_meaning_of_the_whole_page() -> None:
    """On 12 NTCIR-11 dev pages: the meanings over the whole page are the same with and without
    their sections; an occurrence reads other meanings only in a section that states them."""
    from definiens.ingest import read_inputs

    pages = Path(__file__).parent.parent / "data" / "ntcir11" / "pages-dev-12.xml"
    definer = Definer()
    raw = [d for d in read_inputs([pages]) if isinstance(d, Document)]
    assert len(raw) == 12
    for page in raw:
        with_scopes = definer(identify(parse(page)))
        flat = identify(parse(from_text(page.source_text, "wikitext", title=page.title)))
        flat.scopes = []
        flat = definer(flat)
        assert with_scopes.definitions == flat.definitions, page.title
        for formula in with_scopes.formulas:
            for identifier in formula.identifiers:
                if identifier.scope >= 0:
                    assert with_scopes.scoped[identifier.scope][identifier.tex]


def _placed(form: str, *starts: int) -> Any:
    from definiens.define.candidate import Candidate

    return Candidate("x", form, form.lower(), places=[(start, True) for start in starts])


def test_a_scope_shows_only_the_meanings_with_evidence_inside_it() -> None:
    from definiens.define.passages import PASSAGE, PASSAGE_LEVEL
    from definiens.define.scoping import evidenced_in
    from definiens.model import Scope

    section = Scope("section", "Curves", 2, 100, 200)
    curve = _placed("elliptic curve", 120)
    energy = _placed("kinetic energy", 10)
    point = _placed("point", 150)
    scored = [(0.6, curve), (0.3, energy), (0.2, point)]
    assert evidenced_in(scored, section) == [(0.6, curve), (0.2, point)]
    # the first meaning stays, with or without evidence inside; the document and a passage
    # keep every meaning
    assert evidenced_in([(0.3, energy), (0.2, point)], section)[0][1] is energy
    assert evidenced_in(scored, None) == scored
    assert evidenced_in(scored, Scope(PASSAGE, "p", PASSAGE_LEVEL, 100, 200)) == scored
