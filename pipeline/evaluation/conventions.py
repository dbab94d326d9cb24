"""A SPEC-compatible view of a TIMEX2 gold set (the WikiWars articles).

TIMEX2 (ACE TERN 2005) and the SPEC's TIMEX3 conventions differ in ways a
SPEC-conformant tagger cannot match (`corpora/README.md`, the corpus README). Scoring
raw TIMEX2 gold mixes those differences with real errors, so `make eval` also reports a
figure with them set aside. What is set aside is decided by CATEGORY, by the rules below,
from the gold record's own TIMEX2 attributes (`source.timex2`) and text — never item by
item — and every category's count is reported beside the figure:

- `range endpoint`: two gold elements joined only by a range connector (`1957-60`,
  `1914 to 1918`, `between 1950 and 1953`): TIMEX2 marks each endpoint, SPEC one range.
- `reference word`: a `*_REF` value whose text is one of the words the SPEC does not
  take as a timex (`now` in narration of the past, `former`, `current`, …).
- `event-anchored`: elements the annotators marked `EVENT-BASED`, or that have no value
  (`the time he left office`, dates inside names).
- `unspecified value`: non-SET values with unknown digits (`XXXX-XX-XX`).
Fully unspecified SET values are not set aside but rewritten to the TIMEX3 period the
corpus README gives (`XXXX` → `P1Y`, `XXXX-XX` → `P1M`, …): category `SET period`.

A prediction overlapping a set-aside gold element and no kept one is set aside with it,
so a SPEC range over `1957-60` is neither a false positive nor a false negative.
Connectors, words and SET periods are data (settings.json `timex2_conventions`).

The same categories give the raw figure's ceiling (`spec_ceiling`): what a tagger that
follows SPEC 3.3 without a single error would score against the whole key, so that a
raw figure can be read against what the SPEC allows rather than against 1.0.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..records import Timex
from ..timexes.calendar import interval
from ..timexes.grammar import Grammar
from ..timexes.ranges import endpoints
from .files import settings
from .loading import Layers


def _rules() -> dict:
    return settings()["timex2_conventions"]


def _attrs(t: Timex) -> dict | None:
    source = getattr(t, "source", None)
    return source.get("timex2") if isinstance(source, dict) else None


def _range_pairs(timexes: list[Timex], texts: dict[str, str]) -> list[tuple[Timex, Timex]]:
    """Pairs of gold elements joined only by a range connector: TIMEX2's two endpoints of
    what the SPEC writes as one range."""
    rules = _rules()
    connector = re.compile(rules["range_connector"], re.I)
    between = re.compile(rules["range_opener"] + r"\s*$", re.I)
    pairs: list[tuple[Timex, Timex]] = []
    ordered = sorted(timexes, key=lambda t: (t.doc_id, t.start, -t.end))
    for a, b in zip(ordered, ordered[1:]):
        if a.doc_id != b.doc_id or b.start < a.end:
            continue
        text = texts[a.doc_id]
        gap = text[a.end:b.start]
        if connector.fullmatch(gap) or (re.fullmatch(r"\s+and\s+", gap)
                                        and between.search(text[max(0, a.start - 20):a.start])):
            pairs.append((a, b))
    return pairs


def category(t: Timex) -> str | None:
    """The convention category a single gold element falls in (ranges need the neighbours)."""
    attrs = _attrs(t)
    if attrs is None:
        return None
    rules = _rules()
    value = attrs.get("val")
    if value is None or "EVENT-BASED" in attrs.get("comment", ""):
        return "event-anchored"
    if value.endswith("_REF") and t.text.lower() in rules["reference_words"]:
        return "reference word"
    if attrs.get("set", "").upper() != "YES" and "X" in value:
        return "unspecified value"
    return None


def _classify(gold: list[Timex], texts: dict[str, str]) -> tuple[list[Timex], list[Timex], Counter]:
    """The gold elements the SPEC also takes as timexes (SET periods rewritten to the SPEC's
    value), the elements set aside, and the count of each category."""
    periods = _rules()["set_periods"]
    ranges = {t.id for pair in _range_pairs(gold, texts) for t in pair}
    counts: Counter = Counter()
    kept, aside = [], []
    for t in gold:
        cat = "range endpoint" if t.id in ranges else category(t)
        if cat:
            counts[cat] += 1
            aside.append(t)
            continue
        attrs = _attrs(t) or {}
        if attrs.get("set", "").upper() == "YES" and attrs.get("val") in periods:
            counts["SET period"] += 1
            t = replace_value(t, periods[attrs["val"]])
        kept.append(t)
    return kept, aside, counts


def spec_compatible(gold: Layers, pred: Layers, texts: dict[str, str]) -> tuple[Layers, Layers, dict[str, int]]:
    """Gold and predictions with the TIMEX2-only categories set aside; counts per category."""
    kept, aside, counts = _classify(gold.timexes, texts)

    def overlaps(p, pool) -> bool:
        return any(g.doc_id == p.doc_id and g.start < p.end and p.start < g.end for g in pool)

    preds = [p for p in pred.timexes if not (overlaps(p, aside) and not overlaps(p, kept))]
    counts["predictions set aside"] = len(pred.timexes) - len(preds)
    return (_with(gold, kept), _with(pred, preds), dict(sorted(counts.items())))


def spec_ceiling(gold: Layers, texts: dict[str, str]) -> tuple[Layers, dict[str, int]]:
    """What a tagger that follows SPEC 3.3 without error would write against this key: every
    element the SPEC also takes as a timex, with the key's value (a SET period in the SPEC's
    form); each pair of range endpoints as the one range the SPEC writes; nothing for the
    elements the SPEC does not take. Scored against the whole key, it is the ceiling of the
    raw figure; the counts say what keeps it below 1.0."""
    kept, _aside, counts = _classify(gold.timexes, texts)
    ranges = [a.model_copy(update={"id": f"{a.id}-{b.id}", "end": b.end, "text": texts[a.doc_id][a.start:b.end],
                                   "value": f"{a.value}/{b.value}", "earliest": a.earliest, "latest": b.latest})
              for a, b in _range_pairs(gold.timexes, texts)]
    counts["ranges"] = len(ranges)
    return _with(gold, sorted(kept + ranges, key=lambda t: (t.doc_id, t.start))), dict(sorted(counts.items()))


def replace_value(t: Timex, value: str) -> Timex:
    return t.model_copy(update={"value": value, "type": "SET", "earliest": None, "latest": None})


def _with(layers: Layers, timexes: list) -> Layers:
    return replace(layers, timexes=timexes)


def ranges_as_endpoints(layers: Layers, grammar: Grammar) -> tuple[Layers, int]:
    """The timexes with every range (SPEC: one timex, `BEGIN/END`) written as its two
    endpoints, as TIMEX2 and TimeML write ranges (pipeline/timexes/ranges.py; what `export
    --format timeml` writes); and how many ranges were taken apart. Against a TIMEX2 key
    this separates the range convention from every other difference."""
    out, split = [], 0
    for t in layers.timexes:
        ends = endpoints(grammar, t.start, t.text, t.value) if t.type == "DATE" else None
        if ends is None:
            out.append(t)
            continue
        split += 1
        for end, suffix in zip(ends, "ab"):
            earliest, latest = interval(end.value, t.type)
            out.append(t.model_copy(update={"id": t.id + suffix, "start": end.start, "end": end.end, "text": end.text,
                                            "value": end.value, "earliest": earliest, "latest": latest}))
    return replace(layers, timexes=out), split
