"""Settle a dump page from its bytes, without the XML parser, when it is certainly skipped.

Most pages of a Wikipedia dump have no mathematics. Parsing their XML costs more than
decompressing them, so :func:`quick_skip` looks at the raw bytes of a ``<page>`` … ``</page>``
element instead. It gives an answer only when it can prove the XML parser would read the same
page without error and skip it for the same reason:

* the bytes contain nothing the parser could object to or read differently from the raw
  bytes: references other than ``&lt; &gt; &amp; &quot; &apos;`` (numeric ones included),
  control characters, ``]]>``, U+FFFE/U+FFFF, comments, CDATA, processing instructions;
* every ``<`` starts a plain tag (names without a prefix, quoted attributes, no duplicates)
  and the tags nest, from ``<page>`` to its ``</page>``;
* the page is in another namespace, a redirect, or the raw text of its last revision
  contains none of ``lt;math``, ``{{math``, ``{{ math``, ``{{mvar``, ``{{ mvar`` in any case:
  the parsed text then cannot match :func:`~definiens.ingest.items.has_math`, since the only
  way to write ``<`` in it is ``&lt;`` (``&amp;lt;`` for a literal ``&lt;``).

Anything else returns None and the page goes to the XML parser.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from definiens.ingest.items import Skipped

__all__ = ["namespace_number", "page_names", "plain_gap", "quick_skip"]

_BAD_REFERENCE = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos);)")
_BAD_SEQUENCES = (b"]]>", b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # not allowed in XML text
_CONTROL = bytes(range(9)) + b"\x0b\x0c" + bytes(range(14, 32))
_SUSPECT = _CONTROL + b"<>\xef"  # \xef starts U+FFFE and U+FFFF
_TAG = re.compile(
    rb"<(/?)([A-Za-z_][\w.-]*)((?:\s+(?:xml:)?[A-Za-z_][\w.-]*\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*)"
    rb"\s*(/?)>"
)
_ATTRIBUTE_NAME = re.compile(rb"([\w.:-]+)\s*=")
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
# "<math" is written "&lt;math" ("&amp;lt;math" for a literal "&lt;math"): both hold ";math".
_MATH_MARKERS = (
    re.compile(rb";[mM](?:[aA][tT][hH]|[vV][aA][rR])"),
    re.compile(rb"\{\{ ?[mM](?:[aA][tT][hH]|[vV][aA][rR])"),
)
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))


def namespace_number(text: str) -> int:
    """The namespace of a page from the text of its ``<ns>`` (0 when it is not a number)."""
    return int(text) if text.lstrip("-").isdigit() else 0


def plain_gap(data: bytes | bytearray) -> bool:
    """Whether bytes between pages leave the parser outside any comment or declaration, so that
    the pages after them may be settled from their bytes."""
    return b"<!" not in _COMMENT.sub(b"", bytes(data))


@dataclass
class _Fields:
    """Byte spans of what a page's tags hold, as ElementTree would read them."""

    title: tuple[int, int] | None = None
    id: tuple[int, int] | None = None
    ns: tuple[int, int] | None = None
    text: tuple[int, int] | None = None
    redirect: bool = False


def _content(page: bytes, after: int, empty: bytes) -> tuple[int, int]:
    """The span of an element's own text (up to its first child or its end tag)."""
    return (after, after) if empty else (after, page.find(b"<", after))


def _scan(page: bytes) -> _Fields | None:
    """The fields of ``page`` (one ``<page>`` element), or None if it is not plain."""
    if _BAD_REFERENCE.search(page):
        return None
    fields = _Fields()
    tags = _walk(page, fields)
    if tags is None:
        return None
    # Each tag holds one "<" and (mostly) one ">": any other byte deleted here needs a look.
    if len(page) - len(page.translate(None, _SUSPECT)) != 2 * tags and not _clean(page):
        return None
    return fields


def _clean(page: bytes) -> bool:
    """No control character, ``]]>``, U+FFFE or U+FFFF in ``page``."""
    if len(page.translate(None, _CONTROL)) != len(page):
        return False
    return not any(bad in page for bad in _BAD_SEQUENCES)


def _walk(page: bytes, fields: _Fields) -> int | None:
    """Check that every ``<`` of ``page`` starts a plain tag and that they nest; fill
    ``fields``; return the number of tags (None if the page is not plain)."""
    open_names: list[bytes] = []
    pos = tags = 0
    while True:
        start = page.find(b"<", pos)
        tag = _TAG.match(page, start) if start >= 0 else None
        if tag is None:
            return None
        tags += 1
        closing, name, attributes, empty = tag.groups()
        depth = len(open_names)
        if closing:
            if attributes or empty or not open_names or open_names.pop() != name:
                return None
        elif depth == 0 and (name != b"page" or pos):
            return None
        else:
            if attributes and _duplicates(attributes):
                return None
            if depth == 1:
                _child(fields, page, name, tag.end(), empty)
            elif depth == 2 and name == b"text" and open_names[1] == b"revision":
                fields.text = _content(page, tag.end(), empty)  # the last revision's: current
            if not empty:
                open_names.append(name)
        pos = tag.end()
        if not open_names:
            return tags if pos == len(page) else None


def _duplicates(attributes: bytes) -> bool:
    names = _ATTRIBUTE_NAME.findall(attributes)
    return len(set(names)) != len(names)


def _child(fields: _Fields, page: bytes, name: bytes, after: int, empty: bytes) -> None:
    if name == b"redirect":
        fields.redirect = True
    elif name in (b"title", b"id", b"ns") and getattr(fields, name.decode()) is None:
        setattr(fields, name.decode(), _content(page, after, empty))


def _text(raw: bytes) -> str:
    """Raw element text as the parser gives it (only the five named references occur)."""
    text = raw.decode("utf-8", "replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        for reference, char in _ENTITIES:
            text = text.replace(reference, char)
    return text


def _field(page: bytes, span: tuple[int, int] | None) -> str:
    return _text(page[span[0] : span[1]]) if span else ""


def _starts_redirect(text: bytes) -> bool:
    """Whether the parsed text would start (after white space) with ``#REDIRECT``."""
    size = 64
    while True:
        lead = _text(text[:size]).lstrip()
        if len(lead) >= 16 or size >= len(text):  # the first 9 characters are complete
            return lead[:9].upper() == "#REDIRECT"
        size *= 4


def _may_have_math(text: bytes) -> bool:
    return any(marker.search(text) for marker in _MATH_MARKERS)


def quick_skip(
    page: bytes, source: str, namespaces: Collection[int], include_redirects: bool
) -> Skipped | None:
    """The :class:`Skipped` item of a plain page without mathematics (see the module), or None
    when the page must go through the XML parser."""
    fields = _scan(page)
    if fields is None:
        return None
    title = _field(page, fields.title)
    page_id = _field(page, fields.id) or title
    namespace = namespace_number(_field(page, fields.ns).strip())
    if namespace not in namespaces:
        return Skipped(source, page_id, title, f"namespace {namespace}")
    text = page[fields.text[0] : fields.text[1]] if fields.text else b""
    if not include_redirects and (fields.redirect or _starts_redirect(text)):
        return Skipped(source, page_id, title, "redirect")
    if _may_have_math(text):
        return None
    return Skipped(source, page_id, title, "no math")


_FIRST_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_ANY_TAG = re.compile(rb"<[^>]*>")
_FIRST_ID = re.compile(rb"<id>\s*([^<]*?)\s*</id>")


def page_names(page: bytes | bytearray) -> tuple[str, str]:
    """The id and title of a page's bytes, as well as they can be read when the page is not
    well-formed (the first ``<id>`` and ``<title>``; empty when missing)."""
    title = _FIRST_TITLE.search(page)
    page_id = _FIRST_ID.search(page)
    return (
        _text(bytes(page_id.group(1))) if page_id else "",
        _text(_ANY_TAG.sub(b"", title.group(1))).strip() if title else "",
    )
