"""Token patterns matched only where they can match: spaCy's Matcher, run per sentence
on the sentences that hold a word the pattern cannot do without.

spaCy's Matcher steps every pattern through every token of the Doc, and a pattern whose
first token tests a set of words (`{"TEXT": {"IN": [...]}}`) or a regex calls back into
Python at every token: on the seeds, two dozen entity patterns cost a third of the entity
stage. Most rule patterns name a word they need (`Treaty`, `River`, `Party`): its
*anchor*. Each pattern gets its own Matcher, and runs only on the sentences holding one
of its anchor words, found for all patterns at once from the Doc's attribute arrays.
A pattern with no anchor (every token optional or tested by shape only) runs on every
sentence.

The matches are those of one Matcher over the sentences: a pattern never spans two
sentences (names and phrases do not), duplicates are dropped and the result is sorted,
as spaCy's SpanRuler returns its matches.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

# token-pattern keys an anchor can come from, and the Doc attribute their values are
ANCHOR_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA}
REQUIRED_OPS = (None, "1", "+")


def anchor(pattern: list[dict]) -> tuple[int, list[str]] | None:
    """The (attribute, words) of the pattern's most selective required token that names
    its words (a string or an `IN` list): case-sensitive tests before `LOWER` ones (which
    are often function words like `the`), then the fewest alternatives. None when no
    required token names its words."""
    best = None
    for spec in pattern:
        if spec.get("OP") not in REQUIRED_OPS:
            continue
        for key, attr in ANCHOR_ATTRS.items():
            value = spec.get(key)
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words = list(value["IN"])
            else:
                continue
            rank = (key == "LOWER", len(words))
            if best is None or rank < best[0]:
                best = (rank, attr, words)
    return None if best is None else (best[1], best[2])


class AnchoredMatcher:
    """Labelled token patterns (`add(label, pattern)`), matched per sentence where their
    anchor occurs; calling it returns the sorted, deduplicated matches as Spans."""

    def __init__(self, vocab):
        self.vocab = vocab
        # per pattern: its Matcher, and its anchor (attribute, word ids) or None
        self.entries: list[tuple[Matcher, tuple[int, frozenset[int]] | None]] = []
        # per anchor attribute: the ids of all its anchor words (what _positions keeps)
        self.anchor_words: dict[int, numpy.ndarray] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def clear(self) -> None:
        self.entries = []
        self.anchor_words = {}

    def add(self, label: str, pattern: list[dict]) -> None:
        matcher = Matcher(self.vocab, validate=True)
        matcher.add(label, [pattern])  # validates the pattern: a bad rule fails here
        found = anchor(pattern)
        if found is not None:
            attr, words = found
            found = (attr, frozenset(get_string_id(w) for w in words))
            known = self.anchor_words.get(attr, numpy.empty(0, dtype="uint64"))
            self.anchor_words[attr] = numpy.union1d(known, numpy.array(sorted(found[1]), dtype="uint64"))
        self.entries.append((matcher, found))

    def __call__(self, doc: Doc) -> list[Span]:
        if not self.entries or not len(doc):
            return []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        starts = [s.start for s in sents]
        positions = self._positions(doc)
        found = set()
        for matcher, anchor_ in self.entries:
            if anchor_ is None:
                where = range(len(sents))
            else:
                index = positions[anchor_[0]]
                where = sorted({bisect_right(starts, i) - 1
                                for word in anchor_[1].intersection(index) for i in index[word]})
            for index in where:
                sent = sents[index]
                for key, start, end in matcher(sent):
                    if start != end:
                        found.add(Span(doc, sent.start + start, sent.start + end, label=key))
        return sorted(found)

    def _positions(self, doc: Doc) -> dict[int, dict[int, list[int]]]:
        """For each anchor attribute: anchor word id -> the token positions that have it.
        Only anchor words are indexed: one numpy test per attribute keeps the tokens
        that hold one of them (a few in a hundred), so the Python loop sees those only
        instead of every token of the Doc. Plain dicts, not per-pattern array searches:
        a Doc holds few distinct anchor words and most are looked up once."""
        positions: dict[int, dict[int, list[int]]] = {}
        if not self.anchor_words:
            return positions
        attrs = sorted(self.anchor_words)
        columns = doc.to_array(attrs).reshape(len(doc), len(attrs)).T
        for attr, column in zip(attrs, columns):
            index: dict[int, list[int]] = {}
            hits = numpy.flatnonzero(numpy.isin(column, self.anchor_words[attr]))
            for i, word in zip(hits.tolist(), column[hits].tolist()):
                index.setdefault(word, []).append(i)
            positions[attr] = index
        return positions
