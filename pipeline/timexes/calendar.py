"""Calendar arithmetic on TIMEX3 values: the interval (first day, last day) a value denotes.

dateparser knows nothing of decades, centuries, seasons, quarters or ISO ranges, so the
mapping from a TIMEX3 value to the days it covers lives here, in one place, used by the
date stage, the gold builder and the scorer alike.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

# Seasons follow the meteorological northern-hemisphere convention; winter of year Y
# runs from December of Y to the end of February of Y+1.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _month_end(year: int, month: int) -> date:
    while month > 12:
        year, month = year + 1, month - 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _bounds(value: str) -> tuple[date, date] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), _month_end(y, mo)
    if m := _YEAR.match(value):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    if m := _SEASON.match(value):
        y = int(m[1])
        first, last = SEASON_MONTHS[m[2]]
        return date(y, first, 1), _month_end(y, last)
    if m := _QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if m := _WEEK.match(value):
        first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return first, date.fromisocalendar(int(m[1]), int(m[2]), 7)
    return None


def interval(value: str | None, type_: str = "DATE") -> tuple[str | None, str | None]:
    """ISO first and last day denoted by a DATE/TIME value or a `BEGIN/END` range.

    DURATION, SET and values with no calendar position (PAST_REF ...) give (None, None).
    """
    if not value or type_ in ("DURATION", "SET"):
        return None, None
    if "/" in value:
        begin, _, end = value.partition("/")
        first, last = _bounds(begin), _bounds(end)
        if first is None or last is None:
            return None, None
        return first[0].isoformat(), last[1].isoformat()
    bounds = _bounds(value)
    if bounds is None:
        return None, None
    return bounds[0].isoformat(), bounds[1].isoformat()


def granularity(value: str | None) -> str | None:
    """Coarsest unit a value is stated at: day, month, season, quarter, year, decade, century."""
    if not value:
        return None
    for name, pattern in (("day", _DAY), ("month", _MONTH), ("year", _YEAR), ("decade", _DECADE),
                          ("century", _CENTURY), ("season", _SEASON), ("quarter", _QUARTER),
                          ("half", _HALF), ("week", _WEEK)):
        if pattern.match(value):
            return name
    return None
