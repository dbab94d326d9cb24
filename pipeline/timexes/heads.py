"""The words a temporal expression can start with, read off the grammar's regexes.

Why: the grammar is one large alternation, and trying all of it at every word of a
text was most of the timex stage's time. Only a small share of words can begin an
expression (a number, a month, `the`, `early`, `every` ...), and each such word can
begin only a few of the grammar's rules. Which ones is not a second list kept by hand
next to the grammar (it would drift from it): it is derived from each rule's regex, by
walking Python's parse of the pattern (`re._parser`) and collecting how a match can
begin. `HeadIndex.finditer` then tries, at each word, only the rules that word can
begin, in the grammar's order, and yields exactly what the alternation's `finditer`
would (an alternation takes its first alternative that matches).

Soundness, not precision: every way a rule can begin must be covered; covering more
only costs a failed attempt. So assertions (lookarounds, `\\b`) are ignored, case is
ignored (both sides are case-folded), and where the walk cannot follow (a wide class of
characters, a repeat) it stops and keeps the prefix read so far. When a rule could
start without a word character, or the walk gives up, `HeadIndex.of` returns None and
the caller scans the whole text with the alternation.
"""
from __future__ import annotations

import re

try:  # Python 3.11+: the regex parser's modules are private parts of `re`
    from re import _constants as C
    from re import _parser as P
except ImportError:  # Python 3.10 (requires-python): the same modules under their old names
    import sre_constants as C
    import sre_parse as P

_WORD = re.compile(r"\w")
_MAX_CLASS = 4     # a wider class of characters ends the walk (`[0-9]`: ten heads of one digit)
_MAX_HEAD = 4      # a prefix this long is enough to tell words apart; longer ones are cut
_MAX_HEADS = 20000  # more ways to begin than this: give up (the caller scans everything)
_MAX_KNOWN = 50000  # words whose rules HeadIndex keeps between texts (then it starts afresh)
_STOP = ((), 0)    # a frame that ends the walk with the prefix read so far
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
# possessive repeats and atomic groups came with Python 3.11
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC_GROUP = getattr(C, "ATOMIC_GROUP", None)
_DIGIT_CATEGORIES = (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT)
_NON_WORD_CATEGORIES = (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE, C.CATEGORY_NOT_WORD, C.CATEGORY_UNI_NOT_WORD,
                        C.CATEGORY_LINEBREAK, C.CATEGORY_UNI_LINEBREAK)


class _GiveUp(Exception):
    """The pattern can begin in a way that no set of head words describes."""


def _class_chars(items) -> set[str] | None:
    """The characters of a small explicit class (`[Tt]`), or None (negated, a category,
    a wide range)."""
    chars: set[str] = set()
    for op, av in items:
        if op == C.LITERAL:
            chars.add(chr(av))
        elif op == C.RANGE and av[1] - av[0] < 64:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def _is_digits(items) -> bool:
    """Whether a class matches digits only (`\\d`, `[0-9]`, `[1-9]`)."""
    for op, av in items:
        if op == C.CATEGORY and av in _DIGIT_CATEGORIES:
            continue
        if op == C.RANGE and ord("0") <= av[0] and av[1] <= ord("9"):
            continue
        if op == C.LITERAL and "0" <= chr(av) <= "9":
            continue
        return False
    return True


def _is_non_word(items) -> bool:
    """Whether a class matches no word character (`\\s`, `[\\s-]`): the word ends before it."""
    for op, av in items:
        if op == C.CATEGORY and av in _NON_WORD_CATEGORIES:
            continue
        if op == C.LITERAL and not _WORD.match(chr(av)):
            continue
        return False
    return True


class _Walk:
    """Collects (prefix, exact) pairs: a match begins with a word whose case-folded form
    equals `prefix` (exact: the pattern reads a non-word character right after it) or
    starts with it; `digit` when it can begin with any digit."""

    def __init__(self):
        self.heads: set[tuple[str, bool]] = set()
        self.digit = False

    def add(self, prefix: str, exact: bool) -> None:
        if not prefix:
            raise _GiveUp("a match can begin with no word character")
        self.heads.add((prefix[:_MAX_HEAD], exact and len(prefix) <= _MAX_HEAD))
        if len(self.heads) > _MAX_HEADS:
            raise _GiveUp("too many ways to begin")

    def walk(self, frames: tuple, prefix: str) -> None:
        """Follow the pattern from `frames` (innermost sequence first: (items, index))."""
        if len(prefix) > _MAX_HEAD:
            return self.add(prefix, False)
        if not frames:
            return self.add(prefix, False)
        (items, i), outer = frames[0], frames[1:]
        if frames[0] is _STOP:
            return self.add(prefix, False)
        if i == len(items):
            return self.walk(outer, prefix)
        op, av = items[i]
        after = ((items, i + 1),) + outer
        if op in _ZERO_WIDTH:
            return self.walk(after, prefix)
        if op == C.LITERAL:
            return self._read({chr(av)}, after, prefix)
        if op == C.IN:
            chars = _class_chars(av)
            if chars is not None and len(chars) <= _MAX_CLASS:
                return self._read(chars, after, prefix)
            if _is_non_word(av):  # the word ends here
                return self.add(prefix, True)
            if prefix:
                return self.add(prefix, False)
            if _is_digits(av):
                self.digit = True
                return None
            if chars is not None:  # a wide class at the start: each of its characters
                for c in chars:
                    self._read({c}, (_STOP,), prefix)
                return None
            raise _GiveUp("a match can begin with any of a category of characters")
        if op == C.BRANCH:
            for alternative in av[1]:
                self.walk(((alternative.data, 0),) + after, prefix)
            return None
        if op == C.SUBPATTERN:
            return self.walk(((av[3].data, 0),) + after, prefix)
        if _ATOMIC_GROUP is not None and op == _ATOMIC_GROUP:
            return self.walk(((av.data, 0),) + after, prefix)
        if op in _REPEATS:
            low, _, body = av
            if low == 0:
                self.walk(after, prefix)
            # one pass through the body, then whatever follows: the prefix so far
            return self.walk(((body.data, 0), _STOP), prefix)
        if prefix:  # ANY, NOT_LITERAL, a back-reference ...
            return self.add(prefix, False)
        raise _GiveUp(f"a match can begin with {op}")

    def _read(self, chars: set[str], after: tuple, prefix: str) -> None:
        for c in chars:
            if _WORD.match(c):
                self.walk(after, prefix + c.casefold())
            else:  # the word ends here: the text's word is exactly the prefix
                self.add(prefix, True)


def heads(pattern: re.Pattern) -> _Walk:
    """How a pattern's matches can begin; raises _GiveUp when no head words tell it."""
    walk = _Walk()
    try:
        walk.walk(((P.parse(pattern.pattern, pattern.flags).data, 0),), "")
    except RecursionError:
        raise _GiveUp("pattern too deep to walk") from None
    return walk


class HeadIndex:
    """For each word that can begin one of a list of patterns, which of them (by
    position in the list); `finditer` tries only those, in order."""

    def __init__(self, exact: dict[str, set[int]], prefixes: dict[str, set[int]], digit: set[int]):
        self.exact = exact
        self.prefixes = prefixes
        self.lengths = sorted({len(p) for p in prefixes})
        self.digit = digit
        self.words = re.compile(r"\w+")
        # word -> rules_of(word), kept from text to text: a corpus repeats its words
        # (`the`, `in`, numbers), and a short document's sentences alone repeat few.
        # Bounded (cleared at _MAX_KNOWN words) so that a long run's memory stays flat.
        self.known: dict[str, tuple[int, ...]] = {}

    @classmethod
    def of(cls, patterns: list[re.Pattern]) -> "HeadIndex | None":
        """The index of some patterns, or None when the matches of one of them cannot be
        told by their first word."""
        exact: dict[str, set[int]] = {}
        prefixes: dict[str, set[int]] = {}
        digit: set[int] = set()
        for i, pattern in enumerate(patterns):
            try:
                walk = heads(pattern)
            except _GiveUp:
                return None
            if walk.digit:
                digit.add(i)
            for head, is_exact in walk.heads:
                (exact if is_exact else prefixes).setdefault(head, set()).add(i)
        return cls(exact, prefixes, digit)

    def rules_of(self, word: str) -> tuple[int, ...]:
        """The patterns (in order) a word can begin."""
        w = word.casefold()
        found = set(self.exact.get(w, ()))
        for n in self.lengths:
            found.update(self.prefixes.get(w[:n], ()))
        if word[0].isdigit():
            found.update(self.digit)
        return tuple(sorted(found))

    def finditer(self, patterns: list[re.Pattern], text: str):
        """(index, match) for what the alternation of `patterns` (each anchored at `\\b`,
        the first that matches winning) yields with `finditer` over text. Matches are
        non-empty and begin at the start of a word (`HeadIndex.of` makes sure), so trying
        the patterns only there, past the end of the last match, is the same scan;
        `pattern.match(text, pos)` still sees the text before pos (lookbehinds)."""
        end = 0
        known = self.known
        if len(known) > _MAX_KNOWN:
            known.clear()
        for word in self.words.finditer(text):
            start = word.start()
            if start < end:
                continue
            w = word.group()
            candidates = known.get(w)
            if candidates is None:
                candidates = known[w] = self.rules_of(w)
            for i in candidates:
                m = patterns[i].match(text, start)
                if m is not None:
                    end = m.end()
                    yield i, m
                    break
