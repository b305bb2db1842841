"""The page's styles can never reach inside a formula: no class of ours is one of KaTeX's,
neither of its style sheet nor of the HTML it writes (`\\text{}` is a span of class "text")."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from definiens.web.routes import STATIC

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
#: TeX that makes KaTeX write most of its kinds of HTML: text, fonts, fractions, roots,
#: accents, operators, matrices, arrays, delimiters, spacing, colours, boxes.
SAMPLES = [
    r"xy = yx \text{ for all } x",
    r"\frac{a}{b} + \sqrt[3]{x} + \hat{y} + \vec{v} + \overline{z} + \underbrace{ab}_{c}",
    r"\sum_{i=1}^{n} \int_0^\infty \prod \lim_{x \to 0} \left( \frac{1}{x} \right)",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix} \begin{array}{c|l} x & y \end{array}",
    r"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}",
    r"\mathbb{R} \mathcal{C} \mathfrak{g} \mathrm{d}x \mathbf{v} \boldsymbol{\alpha}",
    r"\operatorname{sin} x",
    r"\color{red}{x} \boxed{y} \fbox{z} \cancel{w} \not= \quad \, \! \; \hspace{1em}",
    r"\xrightarrow{f} \overset{!}{=} \stackrel{a}{b} \binom{n}{k} \tag{1} \rule{1em}{1em}",
]
SCRIPT = r"""
const katex = require(process.argv[1]);
const formulas = JSON.parse(require("fs").readFileSync(0, "utf8"));
const names = new Set();
for (const [tex, display] of formulas) {
  let html;
  const options = {displayMode: display, throwOnError: false, strict: "ignore"};
  try { html = katex.renderToString(tex, options); } catch (e) { continue; }
  for (const m of html.matchAll(/class="([^"]*)"/g)) {
    for (const n of m[1].split(/\s+/)) if (n) names.add(n);
  }
}
console.log(JSON.stringify([...names]));
"""

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_JS_CLASS = re.compile(
    r"""class(?:Name)?\s*[:=]\s*["'`]([^"'`$]+)["'`]|classList\.(?:add|toggle|remove|contains)\(\s*["'`]([^"'`$]+)"""
)


def css_classes(path: str) -> set[str]:
    text = _COMMENT.sub("", (STATIC / path).read_text(encoding="utf-8"))
    text = re.sub(r"url\([^)]*\)", "", text)
    selectors = re.sub(r"\{[^{}]*\}", "{}", text)  # leave out declarations (1.5rem, 0.8…)
    return set(_CLASS.findall(selectors))


def js_classes() -> set[str]:
    names: set[str] = set()
    for path in STATIC.glob("*.js"):
        for match in _JS_CLASS.finditer(path.read_text(encoding="utf-8")):
            names.update((match.group(1) or match.group(2)).split())
    return names


@cache
def katex_classes() -> frozenset[str]:
    """Every class of KaTeX's style sheet, and of the HTML it writes for real formulas (those
    of the test data and SAMPLES), rendered by the vendored KaTeX under Node."""
    from definiens.formulas import identify
    from definiens.ingest import from_text, parse

    formulas = [[tex, True] for tex in SAMPLES]
    for name, fmt in (
        ("page.wiki", "wikitext"),
        ("chapter.tex", "latex"),
        ("chapter.md", "markdown"),
    ):
        document = identify(parse(from_text((DATA / name).read_text(encoding="utf-8"), fmt)))
        formulas += [[f.tex, f.display] for f in document.formulas]
    run = subprocess.run(
        ["node", "-e", SCRIPT, str(STATIC / "vendor" / "katex" / "katex.min.js")],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return frozenset(json.loads(run.stdout)) | css_classes("vendor/katex/katex.min.css")


needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js for KaTeX")


@needs_node
def test_every_class_of_the_page_is_ours() -> None:
    """Classes the page sets or styles start with "d-"; the only others its styles name are
    KaTeX's own (the margin of a display formula), and only inside a formula of ours."""
    katex = katex_classes()
    ours = css_classes("style.css") | js_classes()
    assert ours, "no class found: the patterns of this test are broken"
    assert {"d-ident", "d-formula", "d-text", "d-card"} <= ours
    assert sorted(name for name in ours if not name.startswith("d-") and name not in katex) == []
    assert sorted(name for name in js_classes() if not name.startswith("d-")) == []
    css = _COMMENT.sub("", (STATIC / "style.css").read_text(encoding="utf-8"))
    for rule in re.findall(r"([^{}]+)\{", css):
        for selector in rule.split(","):
            names = _CLASS.findall(selector)
            if any(name in katex for name in names):
                assert names[0].startswith("d-"), f"KaTeX class styled outside ours: {selector}"


@needs_node
def test_no_class_of_ours_is_one_of_katex() -> None:
    katex = katex_classes()
    assert {"text", "mord", "mathnormal", "katex-display"} <= katex
    ours = {name for name in css_classes("style.css") | js_classes() if name.startswith("d-")}
    assert ours & katex == set()
    assert not any(name.startswith("d-") for name in katex)
