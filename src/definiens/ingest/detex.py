"""A line of LaTeX prose (a document's title) as a reader sees it: ``\\'Etale`` -> ``Étale``.

Accents (``\\'E``, ``\\"{o}``, ``\\H{o}``, ``{\\'e}``) become the accented letter, letter commands
(``\\ss``, ``\\o``, ``\\L``) their letter, text macros (``\\emph{…}``, ``\\textbf{…}``) their
content; ``~`` is a space, ``--`` an en dash, ``---`` an em dash, ````` `` ````` and ``''``
quotation marks, ``\\&``-style escapes their character. Other commands are dropped, keeping the
text of their arguments; braces go. Mathematics (``$…$``) is kept as written.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["detex"]

#: Accent commands and the combining mark each puts on the next letter.
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a",
}  # fmt: skip
#: Commands that stand for a letter or a word.
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "TeX": "TeX", "LaTeX": "LaTeX",
    "dag": "†", "S": "§", "P": "¶", "copyright": "©", "ldots": "…", "dots": "…",
}  # fmt: skip
#: Escaped characters; escaped braces wait as private-use characters while the others go.
_ESCAPES = {
    "&": "&", "%": "%", "$": "$", "_": "_", "#": "#", "{": "\ue000", "}": "\ue001", " ": " ",
}  # fmt: skip

_MATH = re.compile(r"(?<!\\)\$\$?(?:[^$\\]|\\.)*\$?\$")
_ACCENT = re.compile(
    r"\{?\\(['`^\"~=.]|[uvHckr](?![A-Za-z]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))\}?"
)
_COMMAND = re.compile(r"\\([A-Za-z]+)(\s*)|\\(.)")
_DASHES = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"))


def detex(text: str) -> str:
    """``text`` with its LaTeX markup read: accents, letters, text macros, dashes and quotes;
    ``$…$`` mathematics is left as written. White space is collapsed."""
    pieces = []
    end = 0
    for math in _MATH.finditer(text):
        pieces.append(_prose(text[end : math.start()]))
        pieces.append(math.group(0))
        end = math.end()
    pieces.append(_prose(text[end:]))
    return " ".join("".join(pieces).split())


def _accented(match: re.Match[str]) -> str:
    letter = match.group(2) or match.group(3)
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + _ACCENTS[match.group(1)])


def _command(match: re.Match[str]) -> str:
    name, space, symbol = match.group(1), match.group(2), match.group(3)
    if name is not None:
        if len(_LETTERS.get(name, "")) == 1 and len(name) <= 2:
            return _LETTERS[name]  # a letter inside a word: "Weierstra\ss{}e", "St\o rmer"
        # a text macro's argument stays as text (its braces go below); a word keeps its space
        return _LETTERS.get(name, "") + (" " if space else "")
    if symbol == "\\":
        return " "
    return _ESCAPES.get(symbol, "")


def _prose(text: str) -> str:
    text = _ACCENT.sub(_accented, text)
    text = _COMMAND.sub(_command, text)
    text = text.replace("{", "").replace("}", "").replace("~", " ")
    text = text.replace("\ue000", "{").replace("\ue001", "}")
    for tex, char in _DASHES:
        text = text.replace(tex, char)
    return text
