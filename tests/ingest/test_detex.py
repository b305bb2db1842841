"""LaTeX titles are shown as a reader sees them: accents, letters, dashes; math kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.ingest import read_inputs
from definiens.ingest.detex import detex
from definiens.model import Document


@pytest.mark.parametrize(
    ("tex", "shown"),
    [
        (r"\'Etale cohomology", "Étale cohomology"),
        (r"$\ell$-adic \'{e}tale cohomology", r"$\ell$-adic étale cohomology"),
        (r"Erd\H{o}s number", "Erdős number"),
        (r"proof of the Jordan H\"{o}lder theorem", "proof of the Jordan Hölder theorem"),
        (r"{\O}ystein Ore and Carl St{\o}rmer", "Øystein Ore and Carl Størmer"),
        (r"Karl Weierstra{\ss} and Jan \L{}ukasiewicz", "Karl Weierstraß and Jan Łukasiewicz"),
        (r"\'{\i}ndice and \c{c}a", "índice and ça"),
        (r"\emph{Poincar\'e} lemma", "Poincaré lemma"),
        (r"$\mathbb{R}$ is \textbf{complete}", r"$\mathbb{R}$ is complete"),
        (r"Riemann--Stieltjes integral---facts", "Riemann–Stieltjes integral—facts"),
        (r"``Esquisse d'un Programme''", "“Esquisse d'un Programme”"),
        (r"\TeX{} reference and \LaTeX symbols", "TeX reference and LaTeX symbols"),
        (r"x~y \& z \{a\}", "x y & z {a}"),
        ("  Division   Factorial ", "Division Factorial"),
    ],
)
def test_titles_are_de_texed(tex: str, shown: str) -> None:
    assert detex(tex) == shown


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \\{}$'\"`^~-_&%", max_size=30))
def test_detex_never_fails_and_leaves_no_markup_brace(text: str) -> None:
    shown = detex(text)
    assert shown == " ".join(shown.split())
    assert "{" not in shown.replace("\\{", "") or "$" in text or "\\" in text


@given(st.text(alphabet="abcdefghij XYZ,.()", max_size=40))
def test_plain_text_is_only_space_collapsed(text: str) -> None:
    assert detex(text) == " ".join(text.split())


def test_a_planetmath_title_is_read_de_texed(tmp_path: Path) -> None:
    entry = tmp_path / "14F20-EtaleCohomology.tex"
    entry.write_text(
        "\\pmtitle{\\'Etale cohomology}\n\\begin{document}\nLet $X$ be a scheme.\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    (document,) = read_inputs([entry])
    assert isinstance(document, Document)
    assert document.title == "Étale cohomology"
