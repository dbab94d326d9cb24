"""The corpus timeline drawn to scale: every dated event is a bar from `earliest` to
`latest` on one axis of years. Positions are computed here; the page's script only
shows and hides rows, using keys computed by the same filters as the `timeline`
command (pipeline.events.timeline), so the page and the command find the same rows."""
from __future__ import annotations

import math

from ..events.timeline import entity_keys, family, mention_forms
from ..corpus import Corpus

_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def year_position(iso_day: str, end_of_day: bool = False) -> float:
    """`1906-07-01` -> 1906.49...: years as a continuous axis (astronomical years, so
    `-0048-01-01` works too, which datetime cannot hold); leap days are averaged."""
    sign = -1 if iso_day.startswith("-") else 1
    year, month, day = (int(p) for p in iso_day.lstrip("-+").split("-"))
    return sign * year + (_DAYS_BEFORE_MONTH[month - 1] + day - 1 + end_of_day) / 365.25


def _ticks(low: float, high: float, wanted: int = 10) -> list[int]:
    span = max(high - low, 1.0)
    raw = span / wanted
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(int(step), 1)
    first = math.ceil(low / step) * step
    return list(range(int(first), int(high) + 1, step))


def timeline_context(corpus: Corpus) -> dict:
    rows = corpus.timeline
    forms = mention_forms(e for d in corpus.documents for e in d.layers["entities"])
    if not rows:
        return {"rows": [], "ticks": [], "families": [], "documents": [], "entities": []}
    starts = [year_position(r["earliest"]) for r in rows]
    ends = [year_position(r.get("latest") or r["earliest"], end_of_day=True) for r in rows]
    low, high = math.floor(min(starts)), math.ceil(max(ends))
    if high - low < 1:
        high = low + 1
    span = high - low

    def pct(x: float) -> float:
        return round(100 * (x - low) / span, 4)

    out = []
    for row, a, b in zip(rows, starts, ends):
        keys = sorted(entity_keys(row, forms))
        out.append({**row, "family": family(row["type"]), "left": pct(a), "width": round(pct(b) - pct(a), 4),
                    "names": "|" + "|".join(keys) + "|",
                    "interval": row["earliest"] if row.get("latest") in (None, row["earliest"])
                    else f"{row['earliest']} – {row['latest']}"})
    names = sorted({n for row in rows for n in row["entities"]}, key=str.casefold)
    return {"rows": out, "ticks": [{"year": y, "left": pct(y)} for y in _ticks(low, high)],
            "families": sorted({family(r["type"]) for r in rows}),
            "documents": sorted({r["doc_id"] for r in rows}), "entities": names, "low": low, "high": high}
