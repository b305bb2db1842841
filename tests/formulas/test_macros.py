"""A LaTeX document's own macros are expanded when its formulas are read."""

from __future__ import annotations

from definiens.formulas import extract_identifiers, identify
from definiens.formulas.macros import Macro, expand, find_macros
from definiens.ingest import from_text, parse

PREAMBLE = r"""\documentclass{article}
\newcommand{\real}{\mathbb{R}}
\newcommand{\pdiff}[2]{\frac{\partial #1}{\partial #2}}
\newcommand\norm[1]{\left\|#1\right\|}
\renewcommand*{\vec}[1]{\mathbf{#1}}
\DeclareMathOperator{\Hom}{Hom}
\def\ee{\mathrm{e}}
\def\loop{\loop x}
\newcommand{\sm}[1]{\@ifnextchar\bgroup{\sm@parens{#1}}{\sm@noparens{#1}}}
"""


def test_definitions_are_found() -> None:
    macros = find_macros(PREAMBLE)
    assert macros == {
        "\\real": Macro(0, "\\mathbb{R}"),
        "\\pdiff": Macro(2, "\\frac{\\partial #1}{\\partial #2}"),
        "\\norm": Macro(1, "\\left\\|#1\\right\\|"),
        "\\vec": Macro(1, "\\mathbf{#1}"),
        "\\Hom": Macro(0, "\\operatorname{Hom}"),
        "\\ee": Macro(0, "\\mathrm{e}"),
    }  # \loop calls itself and \sm uses LaTeX internals: both left out


def test_expansion_substitutes_arguments() -> None:
    assert expand(Macro(2, "\\frac{#1}{#2}"), ["a", "b_1"]) == "\\frac{{a}}{{b_1}}"
    assert expand(Macro(2, "#1#2"), ["a"]) == "{a}"


def test_formulas_read_through_macros() -> None:
    macros = find_macros(PREAMBLE)
    cases = {
        r"f\colon \real \to \real": ["f", "\\mathbb{R}"],
        r"\pdiff{u}{t} = \pdiff fx": ["u", "t", "f", "x"],
        r"\norm{\vec v}_2 \le \ee^{\lambda}": ["\\mathbf{v}", "\\mathrm{e}", "\\lambda"],
        r"\Hom(A, B)": ["A", "B"],
    }
    for tex, expected in cases.items():
        result = extract_identifiers(tex, macros)
        assert (result.tex, result.flags) == (expected, []), tex


def test_identifier_spans_cover_the_macro_call() -> None:
    result = extract_identifiers(r"x + \pdiff{u}{t}", find_macros(PREAMBLE))
    u = result.identifiers[1]
    assert (u.tex, u.start, u.end) == ("u", 4, 16)


def test_a_loop_is_cut_and_flagged() -> None:
    macros = {"\\a": Macro(0, "\\a\\a x")}
    result = extract_identifiers(r"\a", macros)
    assert result.tex == ["x"]
    assert "macro_loop" in result.flags


def test_stage_uses_the_macros_of_latex_documents_only() -> None:
    latex = PREAMBLE + "\\begin{document}\nLet $\\Hom(A, \\real)$ be given.\n\\end{document}\n"
    (formula,) = identify(parse(from_text(latex, "latex", title="t"))).formulas
    assert [i.tex for i in formula.identifiers] == ["A", "\\mathbb{R}"]
    markdown = "Let $\\Hom(A, B)$ be given."
    (formula,) = identify(parse(from_text(markdown, "markdown", title="t"))).formulas
    assert formula.flags == ["unknown_macro:\\Hom"]
