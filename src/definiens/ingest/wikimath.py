"""Turn the wiki-formatted content of ``{{math|…}}`` / ``{{mvar|…}}`` templates into TeX.

Wikipedia writes such formulas with wiki markup and Unicode: ``''x''<sup>2</sup> &minus; 1``,
``{{sub|i}}``, ``'''v'''``, ``α``. The conversion is best effort: italics are dropped (TeX sets
letters in italics anyway), bold becomes ``\\mathbf``, superscripts and subscripts become ``^{}``
and ``_{}``, Greek letters and common operators become their TeX commands.
"""

from __future__ import annotations

import html
import re

__all__ = ["GREEK", "SYMBOLS", "split_template", "template_tex", "unicode_to_tex", "wiki_to_tex"]

GREEK = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon",
    "ϵ": r"\epsilon", "ζ": r"\zeta", "η": r"\eta", "θ": r"\theta", "ϑ": r"\vartheta",
    "ι": r"\iota", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi",
    "π": r"\pi", "ϖ": r"\varpi", "ρ": r"\rho", "ϱ": r"\varrho", "σ": r"\sigma",
    "ς": r"\varsigma", "τ": r"\tau", "υ": r"\upsilon", "φ": r"\varphi", "ϕ": r"\phi",
    "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega", "Γ": r"\Gamma", "Δ": r"\Delta",
    "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi", "Π": r"\Pi", "Σ": r"\Sigma",
    "Υ": r"\Upsilon", "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega",
}  # fmt: skip

SYMBOLS = {
    "−": "-", "–": "-", "×": r"\times", "·": r"\cdot", "⋅": r"\cdot", "±": r"\pm",
    "∓": r"\mp", "≤": r"\leq", "≥": r"\geq", "≠": r"\neq", "≈": r"\approx", "≡": r"\equiv",
    "∞": r"\infty", "∈": r"\in", "∉": r"\notin", "⊂": r"\subset", "⊆": r"\subseteq",
    "∪": r"\cup", "∩": r"\cap", "→": r"\to", "↦": r"\mapsto", "⇒": r"\Rightarrow",
    "⇔": r"\Leftrightarrow", "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∂": r"\partial",
    "∇": r"\nabla", "√": r"\sqrt", "′": "'", "″": "''", "∀": r"\forall", "∃": r"\exists",
    "∅": r"\emptyset", "ℝ": r"\mathbb{R}", "ℕ": r"\mathbb{N}", "ℤ": r"\mathbb{Z}",
    "ℚ": r"\mathbb{Q}", "ℂ": r"\mathbb{C}", "ℓ": r"\ell", "ħ": r"\hbar", "∘": r"\circ",
    "⊗": r"\otimes", "⊕": r"\oplus", "⟨": r"\langle", "⟩": r"\rangle", "∧": r"\wedge",
    "∨": r"\vee", "¬": r"\neg", "∼": r"\sim", "÷": r"\div", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ",
}  # fmt: skip

_UNICODE = {**GREEK, **SYMBOLS}
_UNICODE_RE = re.compile("|".join(map(re.escape, _UNICODE)))
_SUPSUB_TAG = re.compile(r"<(sup|sub)\s*>(.*?)</\1\s*>", re.I | re.S)
_SUPSUB_TEMPLATE = re.compile(r"\{\{\s*(sup|sub)\s*\|([^{}]*)\}\}", re.I)
_SIMPLE_TEMPLATES = {"=": "=", "!": "|", "pi": r"\pi", "e": "e", "i": "i", "'": "'"}
_TEMPLATE = re.compile(r"\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}")
_BOLD = re.compile(r"'''(.+?)'''")
_ITALIC = re.compile(r"''(.+?)''")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]")
_SPACES = re.compile(r"\s+")


def unicode_to_tex(text: str) -> str:
    """Replace Greek letters and common operators by their TeX commands."""

    def sub(match: re.Match[str]) -> str:
        tex = _UNICODE[match.group(0)]
        return tex + " " if tex.startswith("\\") and tex[-1].isalpha() else tex

    return _UNICODE_RE.sub(sub, text).strip()


def split_template(inner: str) -> tuple[str, list[str]]:
    """Split the inside of ``{{…}}`` at top-level ``|`` into its name and arguments."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(inner)
    while i < n:
        two = inner[i : i + 2]
        if two in ("{{", "[["):
            depth += 1
            i += 2
            continue
        if two in ("}}", "]]"):
            depth = max(0, depth - 1)
            i += 2
            continue
        if inner[i] == "|" and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
        i += 1
    parts.append(inner[start:])
    return parts[0].strip(), parts[1:]


def _positional(args: list[str]) -> str:
    """The first positional argument (``1=…`` counts), or an empty string."""
    for arg in args:
        name, eq, value = arg.partition("=")
        if not eq or not re.fullmatch(r"\s*[a-zA-Z_]\w*\s*|\s*\d+\s*", name):
            return arg
        if name.strip() == "1":
            return value
    return ""


def _inner_template(match: re.Match[str]) -> str:
    name = match.group(1).strip().lower()
    if name in _SIMPLE_TEMPLATES:
        return _SIMPLE_TEMPLATES[name]
    if name in ("math", "mvar", "nowrap", "italic", "ital"):
        return match.group(2) or ""
    return ""


def template_tex(inner: str) -> str:
    """The TeX of a math template given the text between its ``{{`` and ``}}``."""
    _, args = split_template(inner)
    return wiki_to_tex(_positional(args))


def wiki_to_tex(text: str) -> str:
    """The TeX of a fragment of wiki-formatted mathematics (``''x''<sub>i</sub>``)."""
    for _ in range(3):  # nested templates, innermost first
        text = _SUPSUB_TEMPLATE.sub(
            lambda m: f"{'^' if m[1].lower() == 'sup' else '_'}{{{m[2]}}}", text
        )
        new = _TEMPLATE.sub(_inner_template, text)
        if new == text:
            break
        text = new
    text = _SUPSUB_TAG.sub(lambda m: f"{'^' if m[1].lower() == 'sup' else '_'}{{{m[2]}}}", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _BOLD.sub(lambda m: rf"\mathbf{{{m.group(1)}}}", text)
    text = _ITALIC.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return _SPACES.sub(" ", unicode_to_tex(text)).strip()
