"""Lists of symbols in a sentence ("$x$, $y$ and $z$ are real numbers") and how a phrase pairs
with one member of a list: the i-th of a list of phrases with "respectively", one coordination's
part (:mod:`.distributed`), a singular phrase with one end of the list only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from definiens.define.mention import Mention

if TYPE_CHECKING:
    from definiens.define.pairing import Tokens

__all__ = ["coordinated", "its_part", "respectively", "singular_of_a_list"]


#: Words joining the symbols of a list: "$x$, $y$ and $z$", "$a$ or $b$".
_JOINERS = frozenset({",", "and", "or"})


def coordinated(lower: list[str], at: set[int]) -> dict[int, tuple[int, int]]:
    """For each symbol token in a run of two or more joined by commas, "and" or "or" (``$x$,
    $y$, and $z$ are real numbers"), the first and last token of its run."""
    groups: dict[int, tuple[int, int]] = {}
    run: list[int] = []
    for token in sorted(at):
        if run and all(w in _JOINERS for w in lower[run[-1] + 1 : token]) and token - run[-1] <= 3:
            run.append(token)
            continue
        _close(run, groups)
        run = [token]
    _close(run, groups)
    return groups


def _close(run: list[int], groups: dict[int, tuple[int, int]]) -> None:
    if len(run) > 1:
        for token in run:
            groups[token] = (run[0], run[-1])


def singular_of_a_list(
    tokens: Tokens, at: int, first: int, last: int, after: bool, lo: int
) -> set[str]:
    """The patterns a singular phrase holds for one end of a list only: "the Boltzmann
    constant $k_B$ and $N_A$" (the first), "$k_B$ and $N_A$ is Avogadro's number" (the last,
    which "is" agrees with)."""
    if not after:
        return set() if at == first else {"appos_before"}
    verb = tokens.lower[lo] if lo < len(tokens.lower) else ""
    return set() if at == last or verb not in ("is", "was") else {"copula"}


def its_part(tokens: Tokens, at: int, first: int, last: int, mention: Mention) -> bool:
    """The symbol stands at the mention's place in a list of as many symbols
    (:mod:`.distributed`)."""
    members = tokens.lists.get((first, last), [])
    if len(members) != mention.parts or members.index(at) != mention.part:
        return False
    # the list hangs off the coordination ("the heat capacities …, $C_V$ and $C_p$"), or both
    # off one verb ("$K_p$ and $K_i$ are the … gains"): not a coordination elsewhere
    head = mention.head_token
    governor = tokens.heads[first]
    return mention.first <= governor <= mention.last or governor == tokens.heads[head]


def respectively(tokens: Tokens, at: int, mention: Mention, hi: int) -> tuple[int, bool]:
    """With "respectively": where the gap before a list of phrases ends, and whether the
    pattern may hold for this symbol (the i-th symbol of its list pairs with the i-th phrase)."""
    chain = [mention.last]
    while tokens.conj[chain[-1]] and tokens.heads[chain[-1]] < chain[-1]:
        chain.append(tokens.heads[chain[-1]])
    has_conjuncts = len(chain) > 1 or any(
        tokens.conj[t] and tokens.heads[t] == mention.last for t in range(len(tokens.conj))
    )
    if "respectively" in tokens.lower and any(
        tokens.conj[t] for t in range(mention.first, mention.head_token)
    ):
        return hi, False  # "the red, green and blue components, respectively": parts only
    if not has_conjuncts:
        return hi, True  # one phrase for the whole list
    members = tokens.lists[tokens.groups[at]]
    return tokens.left[chain[-1]], members.index(at) == len(chain) - 1
