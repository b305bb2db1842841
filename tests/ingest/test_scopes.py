"""Scopes found by the readers (sections, theorem-like environments): golden cases per format,
and properties: scopes nest, lie inside the text, and every formula lies in the scopes around
its offset (splitting a document into scopes never loses an occurrence)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from definiens.define.scoping import ScopeIndex
from definiens.ingest import from_text, parse
from definiens.model import Document
from scaling import cpu_time

LATEX = r"""\documentclass{article}
\newtheorem{thm}{Theorem}
\begin{document}
\section{Mechanics}
Here $E = T + V$.
% \section{Commented out}
\subsection{Units}
\begin{thm}[Bézout]
Let $E$ be a curve.
\end{thm}
\begin{proof}
Clear for $E$.
\end{proof}
\section{Curves}
Then $E(K)$ is a group.
\end{document}
"""


def _parsed(text: str, format: str) -> Document:
    return parse(from_text(text, format, title="t"))


def test_latex_sections_and_theorem_like_environments() -> None:
    document = _parsed(LATEX, "latex")
    found = [(s.kind, s.title, s.level) for s in document.scopes]
    assert found == [
        ("section", "Mechanics", 2),
        ("section", "Units", 3),
        ("thm", "Theorem (Bézout)", 4),
        ("proof", "Proof", 5),
        ("section", "Curves", 2),
    ]
    mechanics, units, theorem, proof, curves = document.scopes
    assert mechanics.start <= units.start < theorem.start < proof.start < proof.end
    assert proof.end == theorem.end <= units.end == mechanics.end <= curves.start
    # the proof right after the theorem is read within it: it uses the theorem's notation
    assert document.text[theorem.start : theorem.end].split() == [
        "Let", "FORMULA1", "be", "a", "curve.", "Clear", "for", "FORMULA2."
    ]  # fmt: skip


def test_a_proof_nests_in_the_statement_right_before_it_only() -> None:
    source = (
        "\\begin{document}\n\\begin{lemma}\\label{a} Let $X$ be a curve. \\end{lemma}\n"
        "% the proof\n\\begin{proof} Clear for $X$. \\end{proof}\n"
        "\\begin{lemma} Let $Y$ be a group. \\end{lemma}\nA remark.\n"
        "\\begin{proof} So $Y$ is. \\end{proof}\n\\end{document}\n"
    )
    document = _parsed(source, "latex")
    first, first_proof, second, second_proof = document.scopes
    assert (first.kind, first_proof.kind, first_proof.level) == ("lemma", "proof", first.level + 1)
    assert first.start < first_proof.start and first_proof.end == first.end
    # text between the statement and the proof: the proof stands on its own
    assert second.end <= second_proof.start and second_proof.level == second.level


def test_comment_lines_before_a_proof_take_linear_time() -> None:
    """Separator lines of ``%`` between a statement and text before its proof: the check that
    only blanks, labels and comments stand between them does not backtrack (2^n ways to split
    n ``%`` made 26 of them take seconds)."""

    def chapter(width: int) -> str:
        pair = (
            "\\begin{lemma} Let $X$ be a curve. \\end{lemma}\n"
            + "%" * width
            + "\nWe now prove it.\n\\begin{proof} Clear. \\end{proof}\n"
        )
        return "\\begin{document}\n" + pair * 100 + "\\end{document}\n"

    narrow, wide = chapter(12), chapter(20)
    ratio = cpu_time(lambda: _parsed(wide, "latex")) / cpu_time(lambda: _parsed(narrow, "latex"))
    assert ratio < 4  # linear: about 1; the backtracking regex: about 2^8
    lemma, proof = _parsed(wide, "latex").scopes[:2]
    assert lemma.end <= proof.start  # text between them: the proof stands on its own


def test_wiki_and_markdown_headings() -> None:
    wiki = _parsed(
        "Intro <math>x</math>.\n== A ==\nText <math>y</math>.\n=== B ===\nMore.\n", "wikitext"
    )
    assert [(s.title, s.level) for s in wiki.scopes] == [("A", 1), ("B", 2)]
    markdown = _parsed("# A\n\n$x$\n\n```\n# not a heading\n```\n\nB\n---\n\n$y$\n", "markdown")
    assert [(s.title, s.level) for s in markdown.scopes] == [("A", 1), ("B", 2)]


_pieces = st.sampled_from(
    [
        "\n== Section ==\n",
        "\n=== Sub ===\n",
        "Text with <math>E = mc^2</math> here. ",
        "where <math>x_1</math> is a point. ",
        "<math>\\alpha</math>",
        "\n",
        "'''bold''' words. ",
    ]
)
_latex_pieces = st.sampled_from(
    [
        "\\section{S}\n",
        "\\subsection{T}\n",
        "\\begin{lemma}\n",
        "\\end{lemma}\n",
        "\\begin{proof}",
        "\\end{proof}",
        "Text $E = mc^2$ here. ",
        "where $x_1$ is a point. ",
        "% comment \\section{no}\n",
    ]
)


def _check(document: Document) -> None:
    size = len(document.text)
    index = ScopeIndex(document.scopes)
    for scope in document.scopes:
        assert 0 <= scope.start <= scope.end <= size
    # scopes nest: two scopes are disjoint or one holds the other
    for a in document.scopes:
        for b in document.scopes:
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end
            )
            assert disjoint or nested
    for formula in document.formulas:
        assert 0 <= formula.text_start <= size
        around = index.around(formula.text_start)
        holding = [
            i for i, s in enumerate(document.scopes) if s.start <= formula.text_start < s.end
        ]
        assert sorted(around) == sorted(holding)


@settings(max_examples=80, deadline=None)
@given(st.lists(_pieces, max_size=25))
def test_wiki_scopes_hold_every_formula(pieces: list[str]) -> None:
    _check(_parsed("".join(pieces), "wikitext"))


@settings(max_examples=80, deadline=None)
@given(st.lists(_latex_pieces, max_size=25))
def test_latex_scopes_hold_every_formula(pieces: list[str]) -> None:
    _check(_parsed("".join(pieces), "latex"))
