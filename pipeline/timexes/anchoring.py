"""Resolving underspecified and anaphoric expressions against the narrative (SPEC 3.3).

Reading order, section by section: every dated expression becomes the reference for
what follows; at a new section the references are its headings' dates (`Russian
Revolution: 1917`), so a bare `In August` takes the year of the most recent date in
the same section, or the heading's (first) year. `that month` looks back for a date of
at least month precision; `a week later` after `August 1939` keeps the month (a
relative expression never gets finer than the date it is resolved from).
"""
from __future__ import annotations

from .calendar import SEASON_MONTHS, civil, day_number, is_day, parts as _parts, year_value

ORDER = {"year": 0, "month": 1, "day": 2}


class Narrative:
    """Reference dates seen so far in the current section, most recent last."""

    def __init__(self):
        self.scope: tuple | None = None
        self.refs: list[tuple[str, object]] = []  # (value, anchor key)
        self.heading_refs: dict[tuple, tuple[str, object]] = {}

    def enter(self, scope: tuple) -> None:
        if scope == self.scope:
            return
        self.scope = scope
        self.refs = [self.heading_refs[scope[:i]] for i in range(1, len(scope) + 1) if scope[:i] in self.heading_refs]

    def add(self, value: str | None, key: object, heading_scope: tuple | None = None) -> None:
        if _parts(value)[0] is None:
            return
        self.refs.append((value, key))
        if heading_scope is not None and heading_scope not in self.heading_refs:
            self.heading_refs[heading_scope] = (value, key)

    def _latest(self, need: str):
        for value, key in reversed(self.refs):
            y, m, d = _parts(value)
            if need == "year" or (need == "month" and m) or (need == "day" and d):
                return value, key, (y, m, d)
        return None

    def resolve(self, value: str | None, relation: tuple) -> tuple[str | None, object]:
        """(value, anchor key) of a relative expression; (None, None) when unresolvable."""
        kind = relation[0]
        if kind == "era":  # `in 476` is AD unless the story is told in years BC
            ref = self._latest("year")
            if not ref or ref[2][0] > 0:
                return value, None
            bc = [year_value(1 - int(y)) for y in value.split("/")]
            return "/".join(bc), ref[1]
        if kind == "year":
            ref = self._latest("year")
            if not ref:
                return None, None
            year = year_value(ref[2][0])
            resolved = value.replace("XXXX", year) if year else None
            y, m, d = _parts(resolved)
            if resolved is None or (d and not is_day(y, m, d)):
                return value, None  # `February 29` in a year without one: what is known (SPEC 3.3)
            return resolved, ref[1]
        if kind == "same":
            unit = relation[1]
            need = {"year": "year", "decade": "year", "month": "month", "week": "day", "day": "day"}.get(unit, "year")
            ref = self._latest(need) or self._latest("year")
            if not ref:
                return None, None
            y, m, d = ref[2]
            if unit == "decade":
                return (f"{y // 10:03d}" if y > 0 else None), ref[1]
            return _format(y, m if unit in ("month", "week", "day") else None, d if unit in ("week", "day") else None), ref[1]
        if kind in ("month", "next_month", "season", "next_season"):
            ref = self._latest("year")
            if not ref:
                return None, None
            y, m, _ = ref[2]
            target = relation[1]
            if kind == "next_month":
                y += 1 if m is None or m >= target else 0
            elif kind == "next_season":
                y += 1 if m is None or m >= SEASON_MONTHS[target][0] else 0
            year = year_value(y)
            if year is None:
                return None, None
            return (f"{year}-{target:02d}" if isinstance(target, int) else f"{year}-{target}"), ref[1]
        if kind == "shift":
            unit, n = relation[1], relation[2]
            ref = self._latest("year")
            if not ref:
                return None, None
            return _shift(ref[2], unit, n), ref[1]
        return None, None


def _format(y: int, m: int | None, d: int | None) -> str | None:
    """TIMEX3 value of an astronomical (year, month, day); None past four-digit years."""
    year = year_value(y)
    if year is None:
        return None
    if m and d:
        return f"{year}-{m:02d}-{d:02d}"
    if m:
        return f"{year}-{m:02d}"
    return year


def _shift(parts, unit: str | None, n: int) -> str | None:
    """The date n units after (before, n < 0) a stated date, never finer than it."""
    y, m, d = parts
    if unit in ("decade", "century", "year") or unit is None:
        years = n * {"decade": 10, "century": 100}.get(unit, 1)
        return _format(y + years, None, None)
    if unit == "month":
        if not m:
            return _format(y, None, None)
        total = y * 12 + (m - 1) + n
        return _format(total // 12, total % 12 + 1, None)
    days = n * (7 if unit == "week" else 1)
    if not (m and d):
        return _format(y, m, None)
    return _format(*civil(day_number(y, m, d) + days))
