"""LaTeX and Markdown → text: delimiters, environments, macros, metadata."""

from __future__ import annotations

from definiens.ingest import from_text, parse
from definiens.ingest.latex import latex_metadata
from definiens.model import Document


def spans_ok(doc: Document) -> bool:
    return all(
        doc.text[f.text_start : f.text_end] == f.placeholder
        and doc.offsets.span_to_source(f.text_start, f.text_end) == (f.source_start, f.source_end)
        for f in doc.formulas
    )


def test_latex_delimiters_and_environments() -> None:
    doc = parse(
        from_text(
            r"A $a$, $$b$$, \(c\), \[d\] and"
            "\n\\begin{equation}\\label{eq:1} e \\end{equation}"
            "\n\\begin{align*} f &= g \\nonumber \\end{align*}"
            "\n\\begin{eqnarray} h \\end{eqnarray} \\begin{alignat}{2} i \\end{alignat}",
            "latex",
        )
    )
    got = [(f.tex, f.display, f.markup) for f in doc.formulas]
    assert got == [
        ("a", False, "dollar"),
        ("b", True, "dollar"),
        ("c", False, "paren"),
        ("d", True, "paren"),
        ("e", True, "environment"),
        ("f &= g", True, "environment"),
        ("h", True, "environment"),
        ("i", True, "environment"),
    ]
    assert spans_ok(doc)


def test_latex_preamble_comments_and_macros() -> None:
    source = (
        "\\documentclass{article}\n\\newcommand{\\R}{\\mathbb{R}}\n\\begin{document}\n"
        "\\section{Groups}\nA \\emph{group} $G$ % a comment with $x$\nis \\textbf{nice}.\\label{s}"
        " Costs \\$5~only. See \\cite{book}.\n\\end{document}\ntrailing $z$"
    )
    doc = parse(from_text(source, "latex"))
    assert [f.tex for f in doc.formulas] == ["G"]
    assert doc.text == "\n\nGroups\n\n\nA group FORMULA0 is nice. Costs $5 only. See .\n"
    assert spans_ok(doc)


def test_latex_planetmath_links_and_metadata() -> None:
    source = (
        "\\pmtitle{prime number}\n\\pmclassification{msc}{11A41}\n\\pmclassification{msc}{11-00}"
        "\n\\pmdefines{prime}\n\\pmsynonym{prime}{PrimeNumber}\n\\begin{document}\n"
        "A \\PMlinkname{natural number}{NaturalNumber} $p>1$ is prime.\n\\end{document}"
    )
    doc = parse(from_text(source, "latex"))
    assert doc.text == "\nA natural number FORMULA0 is prime.\n"
    (link,) = doc.links
    assert (link.target, link.anchor) == ("NaturalNumber", "natural number")
    assert latex_metadata(source) == {
        "title": "prime number",
        "msc": ["11A41", "11-00"],
        "msc_top": ["11"],
        "defines": ["prime"],
        "synonyms": ["prime"],
    }


def test_latex_unclosed_environment_is_reported() -> None:
    doc = parse(from_text("x\n\\begin{equation} a = b\n\nrest", "latex"))
    assert doc.formulas == []
    assert "line 2" in str(doc.problems[0]) and "equation" in str(doc.problems[0])


def test_markdown_dollars_code_and_escapes() -> None:
    doc = parse(
        from_text(
            "Let $x$ and $$y = 1$$.\nPrices $5 or $10, \\$3 and `$a$` stay.\n```\n$b$\n```\n$c$"
        )
    )
    assert [(f.tex, f.display) for f in doc.formulas] == [
        ("x", False),
        ("y = 1", True),
        ("c", False),
    ]
    assert "Prices $5 or $10, $3 and  stay." in doc.text  # code is neither prose nor math
    assert "$b$" not in doc.text and ".\nPrices" in doc.text
    assert doc.problems == []
    assert spans_ok(doc)


def test_markdown_code_is_neither_prose_nor_math() -> None:
    source = (
        "The density is $f(x_i)$.\n```python\ndef normal(x, mu, sigma):\n    return mu\n```\n"
        "Call `normal(x, mu, sigma)` with the mean $\\mu$, or a`b`c; an unclosed ` stays."
    )
    doc = parse(from_text(source))
    assert [f.tex for f in doc.formulas] == ["f(x_i)", "\\mu"]
    assert doc.text == (
        "The density is FORMULA0.\n\n\nCall  with the mean FORMULA1, or a c; an unclosed ` stays."
    )
    assert spans_ok(doc)


def test_markdown_runs_of_dollar_signs_are_text() -> None:
    """A dollar whose next one follows a space opens nothing ("$a $b …" is read as one run of
    text); the run ends before a dollar that can open: "$b$" is a formula, "$d" unbalanced."""
    doc = parse(from_text("$a $5 $b$ and $c\t$d\n\n$e $$f$$ $g"))
    assert [f.tex for f in doc.formulas] == ["b", "f"]
    assert doc.text == "$a $5 FORMULA0 and $c\t$d\n\n$e FORMULA1 $g"
    assert [str(p) for p in doc.problems] == [
        "<text>: text: line 1: unbalanced $",
        "<text>: text: line 3: unbalanced $",
    ]
    assert spans_ok(doc)


def test_markdown_unbalanced_dollar_is_reported_once() -> None:
    doc = parse(from_text("One $x$.\n\nTwo $y is open\n\nThree $z$."))
    assert [f.tex for f in doc.formulas] == ["x", "z"]
    assert [str(p) for p in doc.problems] == ["<text>: text: line 3: unbalanced $"]


def test_latex_unclosed_openers_are_each_counted_and_their_text_kept() -> None:
    """151 unclosed ``\\(`` and ``\\[`` (one in a section): every one is counted,
    the first 100 listed with their line, and the text between them maps back to the source."""
    source = "\\( a\n" * 120 + "\\[ b\n\\section{c \\( d} " + "\\( e\n" * 29
    doc = parse(from_text(source, "latex"))
    problems = [(p.message, p.location) for p in doc.problems]
    assert problems[:100] == [("unclosed \\(", f"<text>: text: line {k}") for k in range(1, 101)]
    assert problems[100:] == [("51 more problems of this kind, not listed", "<text>: text")]
    assert doc.problems[-1].kind == "unbalanced-math"
    assert doc.text == " a\n" * 120 + " b\n\nc  d\n\n " + " e\n" * 29
    for position, char in enumerate(doc.text):
        if char in "abcde":
            assert source[doc.offsets.to_source(position)] == char
