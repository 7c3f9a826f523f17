""" "Did you mean": a reader's misspelt word replaced by the closest word the
index holds, one edit away (a letter dropped, added, changed or two letters
swapped), the most frequent in the edition first."""

from __future__ import annotations

from . import engine
from .scope import Scope

LATIN = "abcdefghijklmnopqrstuvwxyz"
# Persian letters as normalised for the index (ک and ی, never ك ي ى).
PERSIAN = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ"
SHORTEST = 3
# Longer "words" are pasted strings, not typing slips; their neighbours
# number in the thousands.
LONGEST = 24
# Known one-edit neighbours compared by their counts, at most this many.
CANDIDATES = 6


def _alphabet(word: str) -> str:
    return PERSIAN if any("\u0600" <= ch <= "\u06ff" for ch in word) else LATIN


def edits(word: str) -> list[str]:
    """Every word one edit from `word`, swaps and drops first."""
    alphabet = _alphabet(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    drops = [a + b[1:] for a, b in splits if b]
    changes = [a + c + b[1:] for a, b in splits if b for c in alphabet]
    additions = [a + c + b for a, b in splits for c in alphabet]
    seen: dict[str, None] = {}
    for candidate in swaps + drops + changes + additions:
        if candidate != word and len(candidate) >= SHORTEST - 1:
            seen.setdefault(candidate)
    return list(seen)


def suggestion(scope: Scope, terms: list[str]) -> list[str] | None:
    """The query with each word the index does not know replaced by its best
    known neighbour, if that finds pieces in `scope`; else None."""
    known = engine.known_words(terms)
    unknown = [t for t in terms if t not in known and SHORTEST <= len(t) <= LONGEST]
    if not unknown:
        return None
    better = dict(zip(terms, terms, strict=True))
    for term in unknown:
        neighbours = engine.known_words(edits(term))[:CANDIDATES]
        counted = [
            (engine.matching(scope, [word], list).count(), word) for word in neighbours
        ]
        counted = [pair for pair in counted if pair[0]]
        if counted:
            better[term] = max(counted, key=lambda pair: pair[0])[1]
    suggested = [better[t] for t in terms]
    if suggested == terms or not engine.matching(scope, suggested, list).count():
        return None
    return suggested
