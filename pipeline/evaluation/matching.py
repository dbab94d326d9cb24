"""One-to-one span matching, shared by every metric.

A predicted record may match at most one gold record and vice versa. Candidates are
pairs whose spans overlap (or coincide, for strict metrics) and that a metric finds
compatible (same label, type, role); they are taken greedily, exact spans first, then
the greatest overlap, then the smallest boundary difference, then document order, so
the result is deterministic and a duplicate prediction can never score twice.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

Key = tuple[str, int, int]  # doc_id, start, end


def overlap(a: Key, b: Key) -> int:
    """Characters two spans share (0 when in different documents or disjoint)."""
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def _overlapping(gold: Sequence[Key], pred: Sequence[Key]):
    """Yield (gold index, pred index) of every overlapping pair, without comparing all pairs."""
    by_doc: dict[str, list[tuple[int, int, int]]] = {}
    for pi, (doc, start, end) in enumerate(pred):
        by_doc.setdefault(doc, []).append((start, end, pi))
    longest = {}
    for doc, items in by_doc.items():
        items.sort()
        longest[doc] = max(end - start for start, end, _ in items)
    for gi, (doc, start, end) in enumerate(gold):
        items = by_doc.get(doc)
        if not items:
            continue
        # a pred overlapping [start, end) starts in (start - longest, end)
        lo = bisect_left(items, (start - longest[doc],))
        hi = bisect_left(items, (end,))
        for p_start, p_end, pi in items[lo:hi]:
            if p_end > start:
                yield gi, pi


def match(gold: Sequence[Key], pred: Sequence[Key], *, exact: bool = False,
          compatible: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, sorted by gold index.

    exact: only identical spans match (strict metrics); otherwise overlapping spans do.
    compatible(gi, pi): an extra condition on a pair (same label, same type ...).
    """
    candidates = []
    for gi, pi in _overlapping(gold, pred):
        g, p = gold[gi], pred[pi]
        same = g[1:] == p[1:]
        if (exact and not same) or (compatible is not None and not compatible(gi, pi)):
            continue
        distance = abs(g[1] - p[1]) + abs(g[2] - p[2])
        candidates.append((not same, -overlap(g, p), distance, gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def best_overlap(key: Key, others: Sequence[Key]) -> int | None:
    """Index of the record in others that best overlaps key (same preference as match), or None."""
    pairs = [(not (o[1:] == key[1:]), -overlap(key, o), abs(key[1] - o[1]) + abs(key[2] - o[2]), i)
             for i, o in enumerate(others) if overlap(key, o) > 0]
    return min(pairs)[-1] if pairs else None
