"""The syntax of wikitext as the scanner of :mod:`definiens.ingest.wikitext` sees it: the
regular expressions and word lists it matches, bracket pairing and categories."""

from __future__ import annotations

import re

__all__ = ["categories", "on_own_line", "pair_brackets"]

# The look-ahead on the first characters lets the regex engine skip plain prose quickly.
LINE_MARK = r"[*#:;]+|=|-{4,}|[ \t]*(?:\{\||\|\}|\|\||!!|\|[-+]?|!)"  # tables may be indented
TOKEN = re.compile(
    r"(?=[\n<&{\[|!'_])(?:"
    r"(?P<line>\n(?P<marker>" + LINE_MARK + r"))"
    r"|(?P<comment><!--|&lt;!--)"
    r"|(?P<tag>(?:<|&lt;)(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)"
    r"(?P<attrs>(?:\s(?:[^<>&]|&(?!gt;))*?)?)(?P<selfclose>/?)\s*(?:>|&gt;))"
    r"|(?P<template>\{\{)"
    r"|(?P<link>\[\[)"
    r"|(?P<ext>\[(?:https?:|ftp:)?//)"
    r"|(?P<cell>\|\||!!)"
    r"|(?P<quotes>'{2,})"
    r"|(?P<entity>&(?:[a-zA-Z]+[0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)"
    r"|(?P<magic>__[A-Z]+__))"
)
FIRST_LINE = re.compile(LINE_MARK)
# How far the closing of a tag is looked for, so that a page full of unclosed tags is still
# read in linear time.
MAX_SPAN = 200_000
INLINE_TEMPLATES = frozenset({"nowrap", "nobr", "small", "big", "center", "ital", "italic"})
NAMED_ARGUMENT = re.compile(r"\s*[\w -]+=(?!=)")
TEMPLATE_NAME = re.compile(r"\s*([^|{}]*?)\s*(?:\||$)")
MATH_OPEN = re.compile(r"(?:<|&lt;)math[\s>&/]", re.I)
INDENTED_TABLE = re.compile(r"[ \t]*\{\|")
HEADING = re.compile(r"(=+)[ \t]*(.+?)[ \t]*\1[ \t]*(?=$|<!--)", re.M)
SCRIPTS = r"(?:<(?:sub|sup)>(?:(?!</?su[bp]>)[^\n]){1,12}</su[bp]>)*"
ITALIC_LETTER = re.compile(
    r"(?P<q>'{2}|'{5})(?P<letter>[^\W\d_])(?P<inner>" + SCRIPTS + r")(?P=q)(?!')"
    r"(?P<outer>" + SCRIPTS + ")",
    re.I,
)
CELL_ATTRS = re.compile(r"[^|\[\]{}<>\n]*=[^|\[\]{}<>\n]*\|(?!\|)")
# Math, nowiki and comments are atomic for bracket matching: a "}}" or "|" in TeX is not markup.
# The content may not hold another tag of the same name, so that a failed attempt (an unclosed
# tag) stops at the next one and the whole scan stays linear.
ATOMIC = (
    r"(?:<|&lt;)(math|nowiki|pre|source|syntaxhighlight)\b(?:[^<>&]|&(?!gt;))*?(?:>|&gt;)"
    r"(?:(?!(?:<|&lt;)/?\1\b).)*(?:<|&lt;)/\1\s*(?:>|&gt;)|<!--(?:(?!<!--).)*?-->"
)
BRACKETS = re.compile(ATOMIC + r"|\{\{|\}\}|\[\[|\]\]", re.S | re.I)
BRACKETS_BAR = re.compile(ATOMIC + r"|\{\{|\}\}|\[\[|\]\]|\|", re.S | re.I)
IMAGE_OPTION = re.compile(
    r"|thumb(?:nail)?|frame(?:d|less)?|border|left|right|center|centre|none|upright[= \d.]*"
    r"|\d*x?\d+ ?px|(?:alt|link|page|class|lang|upright)=.*",
    re.I,
)
CATEGORY = re.compile(r"\[\[\s*category\s*:\s*([^\]|\n]+)", re.I)
INTERLANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z]+)*")
SKIP_CONTENT = frozenset(
    [
        "ref",
        "nowiki",
        "gallery",
        "references",
        "pre",
        "source",
        "syntaxhighlight",
        "timeline",
        "score",
        "graph",
        "imagemap",
        "hiero",
        "chem",
        "ce",
        "templatestyles",
        "mapframe",
        "inputbox",
        "categorytree",
        "math",
    ]
)
DROPPED_NAMESPACES = frozenset({"file", "image", "media", "category"})
#: What may follow a formula on its line for it to stand on a line of its own: at most two
#: characters besides white space (``, `` or ``.``).
_REST_OF_LINE = re.compile(r"[^\S\n]*(?:\S{1,2}[^\S\n]*)?(?:\n|\Z)")


def categories(source: str) -> list[str]:
    """The categories of a page, from its ``[[Category:…]]`` links, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in CATEGORY.finditer(source):
        seen.setdefault(match.group(1).strip().replace("_", " "), None)
    return list(seen)


def pair_brackets(src: str) -> dict[int, int]:
    """Where each ``{{`` and ``[[`` of ``src`` is closed (nesting counted), in one pass."""
    pairs: dict[int, int] = {}
    open_templates: list[int] = []
    open_links: list[int] = []
    for match in BRACKETS.finditer(src):
        token = match.group(0)
        if token == "{{":
            open_templates.append(match.start())
        elif token == "[[":
            open_links.append(match.start())
        elif token == "}}" and open_templates:
            pairs[open_templates.pop()] = match.start()
        elif token == "]]" and open_links:
            pairs[open_links.pop()] = match.start()
    return pairs


def on_own_line(src: str, start: int, stop: int, end: int) -> bool:
    """Whether only white space or an indent of colons precedes ``src[start:stop]`` on its
    line, and at most two characters follow it before the line ends (or ``end``); looked at
    without reading the whole line, which may be long."""
    i = start
    while i > 0 and src[i - 1] != "\n" and src[i - 1].isspace():
        i -= 1
    while i > 0 and src[i - 1] == ":":
        i -= 1
    while i > 0 and src[i - 1] != "\n" and src[i - 1].isspace():
        i -= 1
    if i > 0 and src[i - 1] != "\n":
        return False
    return _REST_OF_LINE.match(src, stop, end) is not None
