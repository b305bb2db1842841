"""Every place each identifier of a formula occurs: ``Identifier.spans``.

A page marks the identifiers of a formula by wrapping spans of its TeX (``\\htmlData{…}{…}``)
before KaTeX renders it, so every span must be complete TeX: balanced in braces, not ending in a
bare ``_`` or ``^``, never overlapping another.

The spans are the places where the parser read each identifier (:func:`keep_or_find_spans`), so
a differential ``d`` or the ``a`` of ``\\alpha`` is never an occurrence of ``d`` or ``a``. Where
those places cannot be marked as they are (a document's macro read at one call, scripts moved
onto a group), and for identifiers known without them, :func:`find_spans` looks for each
identifier, as first written and in canonical TeX, among the formula's tokens
(:func:`~definiens.formulas.tokens.tokenize`): the longest identifier wins at each place
(``x_i`` before ``x``), and nothing is looked for inside a text argument
(:data:`~definiens.formulas.vocabulary.TEXT_ARGUMENTS`: ``\\text{for all x}``,
``\\operatorname{max}``, ``\\mathrm{kg}``) or the size of a line break (``\\\\[.5em]``). An
identifier found nowhere that way is given the balanced head of its first written span
(``R^{\\mu}`` of ``{R^{\\mu}}_{\\alpha}``), unless that overlaps another span.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from definiens.formulas.tokens import TokenStream, tokenize
from definiens.formulas.vocabulary import ARRAY_ENVIRONMENTS, TEXT_ARGUMENTS
from definiens.model import Formula, Identifier

__all__ = ["find_spans", "inner", "keep_or_find_spans", "nested_and_written", "outer"]

_LINE_BREAK_SIZE = re.compile(r"\\\\\[[^\]]*\]")
_SKIPPED = frozenset({*TEXT_ARGUMENTS, "\\\\"})  # commands whose arguments are not searched

#: Token sequences that stand for the identifiers, each with the index of its identifier.
Patterns = dict[tuple[str, ...], int]
#: The spans found for each identifier, by index.
Spans = list[list[tuple[int, int]]]


def keep_or_find_spans(tex: str, identifiers: Sequence[Identifier]) -> None:
    """Keep the places where the parser read each identifier, if a page can mark them as they
    are; else find the spans with :func:`find_spans`.

    :func:`~definiens.formulas.identifiers.extract_identifiers` puts every place it read an
    identifier in its ``spans``. They are kept (in order) when each is complete and no two
    overlap, which is the case for all but about one formula in a hundred on PlanetMath.
    """
    if identifiers and not _markable(tex, identifiers):
        find_spans(tex, identifiers)


def _markable(tex: str, identifiers: Sequence[Identifier]) -> bool:
    places: list[tuple[int, int]] = []
    for identifier in identifiers:
        spans = identifier.spans
        if len(spans) > 1:
            spans.sort()
        for start, end in spans:
            text = tex[start:end]
            if text.rstrip()[-1:] in "_^" or not _braces_complete(text):
                return False  # empty, an incomplete script, or unbalanced
        places += spans
    if len(places) > 1:
        places.sort()
        end = -1
        for start, stop in places:
            if start < end:
                return False
            end = stop
    return True


def _braces_complete(text: str) -> bool:
    """Whether ``text`` (not empty, no bare script at its end) is balanced in braces: counted
    directly when nothing in it can escape a brace or hide one in a comment, else on its
    tokens."""
    if "{" not in text and "}" not in text:
        return True
    if "\\" in text or "%" in text:
        return bool(_pattern(text))
    return _balanced(text)  # its characters, as tokens


def find_spans(tex: str, identifiers: Sequence[Identifier]) -> None:
    """Set the ``spans`` of each of the ``identifiers`` of the formula ``tex``: every place its
    first written form or its canonical TeX is written (see the module).

    For identifiers known without the places the parser read them (made by hand, or read back
    from a record without spans), and for those places that cannot be marked as they are.

    >>> x_i, x = Identifier("x_{i}", 0, 3), Identifier("x", 27, 28)
    >>> find_spans(r"x_i + \\text{for x} + x_{i} x", [x_i, x])
    >>> x_i.spans, x.spans
    ([(0, 3), (21, 26)], [(27, 28)])
    """
    if not identifiers:
        return
    spans: Spans = [[] for _ in identifiers]
    _scan(tokenize(tex), _patterns(tex, identifiers), spans)
    for identifier, found in zip(identifiers, spans, strict=True):
        identifier.spans = found
    if not all(spans):
        _first_places(tex, identifiers)


def inner(identifiers: Sequence[Identifier]) -> set[str]:
    """The identifiers written only inside another identifier's spans: the running indices
    read in subscripts (``i`` of ``x_{i}``, :mod:`~definiens.formulas.collect`)."""
    if len(identifiers) < 2:
        return set()
    places = sorted(
        (start, -end, k)
        for k, identifier in enumerate(identifiers)
        for start, end in identifier.spans
        if start >= 0
    )
    outside: set[int] = set()
    cover = (-1, -1, -1)  # the span reaching furthest so far, and whose it is
    for start, negative_end, k in places:
        end = -negative_end
        if not (start >= cover[0] and end <= cover[1] and k != cover[2]):
            outside.add(k)
        if end > cover[1]:
            cover = (start, end, k)
    return {i.tex for k, i in enumerate(identifiers) if k not in outside and i.spans}


def outer(identifiers: Sequence[Identifier]) -> list[Identifier]:
    """The identifiers but the running indices inside others (:func:`inner`): what a sentence
    can name when it names the formula."""
    if len(identifiers) < 2:
        return list(identifiers)
    nested = inner(identifiers)
    return [i for i in identifiers if i.tex not in nested] if nested else list(identifiers)


def nested_and_written(formulas: Iterable[Formula]) -> tuple[list[set[str]], dict[str, None]]:
    """Per formula, the identifiers it reads only inside others (:func:`inner`), and the
    identifiers the formulas write outside any other, in order of first appearance: a letter in
    the first and never in the second is read only as a running index."""
    nested_in: list[set[str]] = []
    written: dict[str, None] = {}
    for formula in formulas:
        nested = inner(formula.identifiers)
        nested_in.append(nested)
        written.update((i.tex, None) for i in formula.identifiers if i.tex not in nested)
    return nested_in, written


# -- the token sequences to look for ---------------------------------------------------------


def _patterns(tex: str, identifiers: Sequence[Identifier]) -> Patterns:
    """The tokens of each identifier's first written span and canonical TeX, if balanced."""
    seen: Patterns = {}
    size = len(tex)
    for k, identifier in enumerate(identifiers):
        canonical = identifier.tex
        if 0 <= identifier.start < identifier.end <= size:
            source = tex[identifier.start : identifier.end]
            if source != canonical:
                texts = _pattern(source)
                if texts and texts not in seen:
                    seen[texts] = k
        texts = _pattern(canonical)
        if texts and texts not in seen:
            seen[texts] = k
    return seen


@functools.lru_cache(maxsize=8192)
def _pattern(source: str) -> tuple[str, ...]:
    """The tokens of ``source`` if they are complete: balanced in braces, not ending in a bare
    ``_`` or ``^``; else none."""
    texts = tuple(tokenize(source).texts)
    return texts if texts and texts[-1] not in ("_", "^") and _balanced(texts) else ()


def _balanced(texts: Sequence[str]) -> bool:
    """Whether the ``{`` and ``}`` among ``texts`` (tokens, or a string's characters) pair up."""
    depth = 0
    for text in texts:
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# -- the scan of the formula -----------------------------------------------------------------


def _scan(stream: TokenStream, patterns: Patterns, spans: Spans) -> None:
    """Non-overlapping matches, left to right, the longest first at each place."""
    texts, starts, ends = stream
    size = len(texts)
    by_first = _by_first_token(patterns)
    after = 0  # the first token not yet consumed by a match or a skipped argument
    for i in [i for i, text in enumerate(texts) if text in by_first or text in _SKIPPED]:
        if i < after:
            continue
        text = texts[i]
        for n, table in by_first.get(text, ()):
            k = table.get(tuple(texts[i : i + n]))
            if k is not None:
                spans[k].append((starts[i], ends[i + n - 1]))
                after = i + n
                break
        else:
            if text in TEXT_ARGUMENTS:
                after = _skip_text_arguments(texts, i)
            elif text == "\\\\" and i + 1 < size and texts[i + 1] == "[":
                after = _skip_bracket(texts, i + 1)  # the size of a line break, \\[.5em]


def _by_first_token(patterns: Patterns) -> dict[str, list[tuple[int, Patterns]]]:
    """The patterns by first token, then by length, the longest first."""
    tables: dict[str, dict[int, Patterns]] = {}
    for pattern, k in patterns.items():
        tables.setdefault(pattern[0], {}).setdefault(len(pattern), {})[pattern] = k
    return {first: sorted(by_size.items(), reverse=True) for first, by_size in tables.items()}


def _skip_text_arguments(texts: list[str], i: int) -> int:
    """The index after the text arguments of the command ``texts[i]``."""
    command = texts[i]
    count = TEXT_ARGUMENTS[command]
    j = i + 1
    if command == "\\operatorname" and j < len(texts) and texts[j] == "*":
        j += 1
    if count == 2 and j < len(texts) and texts[j] == "[":
        j = _skip_bracket(texts, j)
    for _ in range(count):
        after = _skip_group(texts, j)
        if command == "\\begin" and "".join(texts[j + 1 : after - 1]) in ARRAY_ENVIRONMENTS:
            after = _skip_group(texts, after)  # the column specification, {cc}
        j = after
    return j


def _skip_group(texts: list[str], i: int) -> int:
    """The index after the braced group starting at ``i`` (or after one token if not braced)."""
    if i >= len(texts) or texts[i] != "{":
        return i + 1
    depth = 0
    for j in range(i, len(texts)):
        text = texts[j]
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(texts)


def _skip_bracket(texts: list[str], i: int) -> int:
    """The index after the ``[…]`` starting at ``i``."""
    for j in range(i, len(texts)):
        if texts[j] == "]":
            return j + 1
    return len(texts)


# -- identifiers found nowhere ---------------------------------------------------------------


def _first_places(tex: str, identifiers: Sequence[Identifier]) -> None:
    """For identifiers found nowhere, the balanced head of their first written span.

    A first span that cuts a group (``R^{\\mu}}_{\\alpha}`` of ``{R^{\\mu}}_{\\alpha}``) or
    that lies inside a text argument still gets a mark on its head (``R^{\\mu}``).
    """
    seen = {identifier.tex for identifier in identifiers if identifier.spans}
    taken = [span for identifier in identifiers for span in identifier.spans]
    sizes = [m.span() for m in _LINE_BREAK_SIZE.finditer(tex)]
    for identifier in identifiers:
        start, end = identifier.start, identifier.end
        if identifier.tex in seen or not 0 <= start < end <= len(tex):
            continue
        tokens = tokenize(tex[start:end])
        n = _balanced_prefix(tokens.texts)
        if n == 0:
            continue
        place = (start + tokens.starts[0], start + tokens.ends[n - 1])
        if any(low <= place[0] < high for low, high in sizes):
            continue
        if all(place[1] <= low or high <= place[0] for low, high in taken):
            taken.append(place)
            identifier.spans.append(place)
            seen.add(identifier.tex)


def _balanced_prefix(texts: list[str]) -> int:
    """How many leading tokens form the longest complete prefix balanced in braces."""
    depth, best = 0, 0
    for n, text in enumerate(texts, 1):
        depth += (text == "{") - (text == "}")
        if depth < 0:
            break
        if depth == 0 and _complete(texts, n):
            best = n
    return best


def _complete(texts: list[str], n: int) -> bool:
    """Whether the first ``n`` tokens end where a group may end (not ``x_`` or ``\\mathbf``
    before its argument)."""
    last = texts[n - 1]
    if last in ("_", "^"):
        return False
    following = texts[n] if n < len(texts) else ""
    return not (last.startswith("\\") and last[1:].isalpha() and following in ("{", "["))
