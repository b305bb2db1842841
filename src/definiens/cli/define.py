"""``definiens define``: what an identifier means across a corpus, from a results database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from definiens.errors import UsageError
from definiens.store import Database

__all__ = ["register", "run", "suggestions"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "define",
        help="the meanings of an identifier across a corpus, ranked",
        description="Print the meanings found for IDENTIFIER (TeX, e.g. 'E' or '\\alpha') in "
        "a results database, ranked by the summed best score of the documents that support "
        "each, with how many documents support it and example sources.",
    )
    parser.add_argument(
        "identifier",
        metavar="IDENTIFIER",
        help="the identifier, in TeX or Unicode ('\\alpha', 'α', 'E_0')",
    )
    parser.add_argument("--db", required=True, metavar="RESULTS", help="the database file")
    parser.add_argument("--doc", metavar="TITLE", help="only in the document with this title")
    parser.add_argument(
        "--namespace", metavar="NAME", help="the meanings inherited in this namespace"
    )
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="at most N meanings (default 10)"
    )
    parser.add_argument(
        "--examples",
        type=int,
        default=3,
        metavar="N",
        help="example sources per meaning (default 3)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def _identifier(text: str) -> str:
    """The identifier in the canonical TeX the database stores (see
    :func:`~definiens.formulas.canonical_identifier`)."""
    from definiens.formulas import canonical_identifier

    found = canonical_identifier(text)
    if not found:
        raise UsageError("IDENTIFIER is empty")
    return found


def _check_options(args: argparse.Namespace) -> None:
    if args.limit < 1:
        raise UsageError(f"--limit must be at least 1, not {args.limit}")
    if args.examples < 0:
        raise UsageError(f"--examples must be 0 or more, not {args.examples}")


def _check_scope(args: argparse.Namespace, database: Database) -> None:
    """:class:`UsageError` naming what exists if ``--doc`` or ``--namespace`` does not."""
    if args.doc is not None and not database.has_title(args.doc):
        near = database.titles_like(args.doc)
        hint = f" (did you mean: {', '.join(near)})" if near else ""
        raise UsageError(f"no document titled {args.doc!r} in {args.db}{hint}")
    if args.namespace is None:
        return
    names = database.namespace_names()
    if args.namespace not in names:
        if not names:
            hint = " (it has none: run 'definiens namespaces' first)"
        else:
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            hint = f" (it has: {shown})"
        raise UsageError(f"no namespace named {args.namespace!r} in {args.db}{hint}")


def _symbol_command(text: str) -> str | None:
    """The TeX command of a symbol written as a plain word (``alpha`` -> ``\\alpha``), or
    None: identifiers are stored in TeX, so ``alpha`` is the upright word, not the letter."""
    from definiens.formulas import canonical_identifier
    from definiens.formulas.vocabulary import COMMANDS

    word = text.strip().strip("$").strip()
    if not word.isalpha() or len(word) < 2:
        return None
    found = COMMANDS.get("\\" + word)
    if found is None or found[0] not in ("ident", "const"):
        return None
    return canonical_identifier("\\" + word) or None


def suggestions(text: str, identifier: str, database: Database) -> list[str]:
    """What the user may have meant when ``identifier`` (read from ``text``) has no meaning:
    the TeX command of a symbol written as a word, and identifiers of the database that differ
    from it only in letter case."""
    command = _symbol_command(text)
    candidates = [c for c in (command, identifier) if c]
    found = [c for c in database.identifiers_like(candidates) if c != identifier]
    if command and command != identifier and command not in found:
        found.insert(0, command)
    return found


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _print_text(identifier: str, meanings: list[dict[str, Any]]) -> None:
    print(f"{identifier}: {_plural(len(meanings), 'meaning')}, best first")
    for rank, meaning in enumerate(meanings, 1):
        docs = meaning["documents"]
        print(
            f"{rank:3}. {meaning['meaning']}  ({docs} document{'s' * (docs != 1)}, "
            f"best score {meaning['best']:.2f})"
        )
        for example in meaning["examples"]:
            sentence = " ".join(example["sentence"].split())
            if len(sentence) > 160:
                sentence = sentence[:157] + "..."
            where = f", in {example['scope']}" if example.get("scope") else ""
            print(
                f"       {example['title']} ({example['source']}#{example['id']}{where}, "
                f"{example['method']} {example['score']:.2f}): {sentence}"
            )


def run(args: argparse.Namespace) -> int:
    _check_options(args)
    identifier = _identifier(args.identifier)
    with Database(args.db, readonly=True) as database:
        _check_scope(args, database)
        meanings = database.meanings(
            identifier,
            title=args.doc,
            namespace=args.namespace,
            limit=args.limit,
            examples=args.examples,
        )
        near = [] if meanings else suggestions(args.identifier, identifier, database)
    if args.json:
        json.dump(
            {"identifier": identifier, "meanings": meanings},
            sys.stdout,
            indent=1,
            ensure_ascii=False,
        )
        print()
    elif meanings:
        _print_text(identifier, meanings)
    if not meanings:
        where = f" in {args.doc!r}" if args.doc else ""
        hint = f" (did you mean: {', '.join(near)})" if near else ""
        print(f"definiens: no meaning found for {identifier!r}{where}{hint}", file=sys.stderr)
        return 1
    return 0
