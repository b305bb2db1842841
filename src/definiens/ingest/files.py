"""Walk the inputs (files and folders) and read each with the reader of its kind; read a string.

Reading is the cheap part of the work: it runs in the main process and yields raw documents
(``source_text`` set, not yet parsed) that :func:`definiens.ingest.parse` turns into text,
possibly in worker processes. :func:`from_text` makes the same raw document from a string.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from definiens.errors import InputError, UsageError
from definiens.ingest.decompress import ReadPosition
from definiens.ingest.encoding import bom_encoding
from definiens.ingest.items import Failed, Item
from definiens.ingest.latex import latex_metadata
from definiens.ingest.notebook import notebook_markdown
from definiens.ingest.parse import FORMATS
from definiens.ingest.wikisyntax import categories
from definiens.ingest.xmldump import read_dump
from definiens.model import Document, Problem

__all__ = ["KINDS", "STOPPED", "file_kind", "from_text", "read_inputs", "unique_paths"]

logger = logging.getLogger(__name__)

KINDS = {
    ".xml": "mediawiki",
    ".xml.bz2": "mediawiki",
    ".tex": "latex",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".ipynb": "notebook",
}


def file_kind(path: Path) -> str | None:
    """The reader for ``path`` by its name (``mediawiki``, ``latex``, ``notebook``…), or None."""
    name = path.name.lower()
    for suffix, kind in KINDS.items():
        if name.endswith(suffix):
            return kind
    return None


def read_inputs(
    paths: Sequence[str | Path],
    *,
    namespaces: Collection[int] = (0,),
    include_redirects: bool = False,
    position: ReadPosition | None = None,
) -> Iterator[Item]:
    """Yield one item per page or file of the inputs, folders walked recursively in order.

    Raises :class:`~definiens.errors.InputError` for an input that cannot be read at all.
    ``position`` follows how far each dump file is read (for a progress bar).
    """
    for path in unique_paths(paths):
        if path.is_dir():
            for file in _walk(path):
                yield from _read_guarded(
                    file, path, namespaces, include_redirects, position, member=True
                )
        elif path.is_file():
            if file_kind(path) is None:
                raise InputError(
                    f"unknown kind of file (expected {', '.join(KINDS)})", location=str(path)
                )
            yield from _read_guarded(path, path.parent, namespaces, include_redirects, position)
        elif path.exists():
            raise InputError("not a regular file or folder", location=str(path))
        else:
            raise InputError("no such file or folder", location=str(path))


def from_text(
    text: str, format: str = "markdown", *, title: str = "text", id: str = "text"
) -> Document:
    """A raw document (not yet parsed) made from a string of wikitext, LaTeX or Markdown."""
    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    document = Document(id=id, title=title, source="<text>", format=format, source_text=text)
    if format == "wikitext":
        document.metadata["categories"] = categories(text)
    elif format == "latex":
        document.metadata.update(latex_metadata(text))
    return document


def unique_paths(paths: Sequence[str | Path]) -> list[Path]:
    """``paths`` in order, each file or folder once: a repeat, or a path inside a folder also
    given, is left out with a warning (reading it again would count its pages twice)."""
    seen: set[Path] = set()
    unique = []
    for given in paths:
        path = Path(given)
        key = path.resolve()
        if key in seen:
            logger.warning("%s: given more than once; read once", path)
            continue
        seen.add(key)
        unique.append(path)
    folders = [p.resolve() for p in unique if p.is_dir()]
    inside = [p for p in unique if any(f in p.resolve().parents for f in folders)]
    for path in inside:
        logger.warning("%s: inside a folder also given; read with that folder", path)
    return [p for p in unique if p not in inside]


#: The kind of the failed item that ends a file which broke off after some of its pages.
STOPPED = "input-stopped"


def _read_guarded(
    file: Path,
    base: Path,
    namespaces: Collection[int],
    include_redirects: bool,
    position: ReadPosition | None = None,
    *,
    member: bool = False,
) -> Iterator[Item]:
    """The items of one file. A file that breaks off after some items ends with a failed item
    of kind :data:`STOPPED`; a file of a folder that cannot be read at all becomes one failed
    item (the folder goes on); a file given by itself that cannot be read raises InputError."""
    count = 0
    try:
        for item in _read_file(file, base, namespaces, include_redirects, position):
            count += 1
            yield item
    except InputError as exc:
        if not count and not member:
            raise
        logger.debug("%s", exc)
        problem = Problem(STOPPED if count else "unreadable-file", exc.message, str(exc.location))
        yield Failed(str(file), file.relative_to(base).as_posix(), file.stem, problem)


def _walk(folder: Path) -> Iterator[Path]:
    """The readable files under ``folder``, recursively, in sorted order (hidden ones left).

    Anything else is left out with one warning per reason naming the files: files of other
    kinds, broken symbolic links, and what is not a regular file (a FIFO, a socket)."""
    left_out: dict[str, list[Path]] = {}
    for root, dirs, files in os.walk(folder, onerror=_walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root, name)
            if name.startswith("."):
                continue
            reason = _left_out(file)
            if reason is None:
                yield file
            else:
                left_out.setdefault(reason, []).append(file.relative_to(folder))
    for reason, paths in left_out.items():
        logger.warning("%s: %s", folder, _left_out_message(reason, paths))


#: How many files a "left out" warning names (the rest are counted).
NAMED = 10


def _left_out(file: Path) -> str | None:
    """Why a file of a folder is not read, or None when it is."""
    if file.is_symlink() and not file.exists():
        return "broken symbolic link"
    if file_kind(file) is None:
        return "not of a kind definiens reads"
    if not file.is_file():
        return "not a regular file"
    return None


def _left_out_message(reason: str, paths: list[Path]) -> str:
    names = ", ".join(p.as_posix() for p in paths[:NAMED])
    more = f" and {len(paths) - NAMED} more" if len(paths) > NAMED else ""
    what = "file" if len(paths) == 1 else "files"
    if reason == "broken symbolic link":
        what = "broken symbolic link" + ("" if len(paths) == 1 else "s")
        return f"{len(paths)} {what} left out: {names}{more}"
    return f"{len(paths)} {what} left out, {reason}: {names}{more}"


def _walk_error(exc: OSError) -> None:
    raise InputError(f"cannot read folder: {exc.strerror}", location=str(exc.filename)) from exc


def _read_file(
    path: Path,
    base: Path,
    namespaces: Collection[int],
    include_redirects: bool,
    position: ReadPosition | None = None,
) -> Iterator[Item]:
    kind = file_kind(path)
    source = str(path)
    if kind == "mediawiki":
        yield from read_dump(
            path,
            source,
            namespaces=namespaces,
            include_redirects=include_redirects,
            position=position,
        )
        return
    yield _read_text_file(path, base, source, kind or "markdown")


def _decode(data: bytes) -> tuple[str, tuple[str, str] | None]:
    """The text of a file's bytes (UTF-8, or as a byte order mark says) and, when some bytes
    are invalid (replaced), the message and the line to report."""
    encoding, skip = bom_encoding(data[:4]) or ("utf-8", 0)
    try:
        return data[skip:].decode(encoding), None
    except UnicodeDecodeError as exc:
        before = data[skip : skip + exc.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        text = data[skip:].decode(encoding, errors="replace")
        return text, (f"invalid {encoding.upper()} bytes replaced", f"line {line}")


def _read_text_file(path: Path, base: Path, source: str, kind: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", location=source) from exc
    text, invalid = _decode(data)
    doc_id = path.relative_to(base).as_posix()
    if kind == "notebook":
        text, kind = notebook_markdown(text, source), "markdown"
    document = Document(id=doc_id, title=path.stem, source=source, format=kind, source_text=text)
    if kind == "latex":
        _latex_fields(document, path)
    elif kind == "wikitext":
        document.title = path.stem.replace("_", " ")
        document.metadata["categories"] = categories(text)
    if invalid is not None:
        document.report("invalid-utf8", *invalid)
    logger.debug("read %s (%d characters)", source, len(text))
    return document


def _latex_fields(document: Document, path: Path) -> None:
    metadata = latex_metadata(document.source_text)
    title = metadata.pop("title", None)
    if isinstance(title, str) and title:
        document.title = title
    metadata["folder"] = path.parent.name
    document.metadata.update(metadata)
