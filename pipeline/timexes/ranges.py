"""A range timex as its two endpoints, the way TimeML and TIMEX2 write ranges.

SPEC 3.3 makes a range written as one expression (`1914–1918`, `July to August 1935`)
ONE timex whose value is `BEGIN/END`. TimeML (and the TIMEX2 corpora: WikiWars, ACE)
mark each endpoint as its own timex and, in TimeML, relate them with a non-consuming
DURATION (`beginPoint`, `endPoint`). Tools that read TimeML do not know a `BEGIN/END`
value, and a TIMEX2 key counts a SPEC range as one false positive and two misses. The
records keep the SPEC's form; the TimeML export and the TIMEX2 figures of `make eval`
take ranges apart with `endpoints`.

Where the connector is (`–`, ` to `, ` and `, `/`) is the language's grammar
(models/timexes/<lang>/grammar.json, pattern `range_endpoints`): data, not code.
"""
from __future__ import annotations

from typing import NamedTuple

from .calendar import day_number, iso_key, month_length
from .grammar import Grammar


class Endpoint(NamedTuple):
    start: int  # character offsets in the document
    end: int
    text: str
    value: str


def endpoints(grammar: Grammar, start: int, text: str, value: str | None) -> tuple[Endpoint, Endpoint] | None:
    """The two endpoints of a range timex (`start`: its offset in the document), each
    with its half of the `BEGIN/END` value; None for a timex that is no range or whose
    text has no connector between two endpoints."""
    if not value or value.count("/") != 1:
        return None
    m = grammar.patterns["range_endpoints"].fullmatch(text)
    if not m:
        return None
    first, last = value.split("/")
    return (Endpoint(start + m.start(1), start + m.end(1), m.group(1), first),
            Endpoint(start + m.start(2), start + m.end(2), m.group(2), last))


def length(earliest: str | None, latest: str | None) -> str | None:
    """The TIMEX3 DURATION value of a range from its first to its last day, in the
    largest whole unit: `1914-01-01`..`1918-12-31` is P5Y, `1935-07-01`..`1935-08-31`
    P2M, `1848-06-04`..`1848-06-11` P8D. None without both days."""
    a, b = iso_key(earliest), iso_key(latest)
    if a is None or b is None or b < a:
        return None
    (y0, m0, d0), (y1, m1, d1) = a, b
    whole_months = d0 == 1 and d1 == month_length(y1, m1)
    if whole_months and m0 == 1 and m1 == 12:
        return f"P{y1 - y0 + 1}Y"
    if whole_months:
        return f"P{(y1 - y0) * 12 + m1 - m0 + 1}M"
    return f"P{day_number(y1, m1, d1) - day_number(y0, m0, d0) + 1}D"
