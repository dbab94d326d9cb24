"""Calendar arithmetic on TIMEX3 values: the interval (first day, last day) a value denotes.

dateparser knows nothing of decades, centuries, seasons, quarters, ISO ranges or years
before Christ, so the mapping from a TIMEX3 value to the days it covers lives here, in
one place, used by the date stage, the gold builder and the scorer alike.

Why our own day arithmetic instead of `datetime.date`: `date` stops at year 1 and
raises on a day the calendar lacks. Values here may name 49 BC (`BC0049`, astronomical
year -48, SPEC 3.3) or `February 29` of a year that has none; days are counted on the
proleptic Gregorian calendar for any integer year, and a value the calendar does not
have gives a null interval instead of an exception.
"""
from __future__ import annotations

import calendar
import re

# Seasons follow the meteorological northern-hemisphere convention; winter of year Y
# runs from December of Y to the end of February of Y+1.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_Y = r"(BC)?(\d{4})"
_DAY = re.compile(rf"^{_Y}-(\d{{2}})-(\d{{2}})(?:T.*)?$")
_MONTH = re.compile(rf"^{_Y}-(\d{{2}})$")
_YEAR = re.compile(rf"^{_Y}$")
_DECADE = re.compile(r"^(BC)?(\d{3})$")
_CENTURY = re.compile(r"^(BC)?(\d{2})$")
_SEASON = re.compile(rf"^{_Y}-(SP|SU|FA|WI)$")
_QUARTER = re.compile(rf"^{_Y}-Q([1-4])$")
_HALF = re.compile(rf"^{_Y}-H([12])$")
_WEEK = re.compile(rf"^{_Y}-W(\d{{2}})$")
_ISO = re.compile(r"^(-?)(\d{4})-(\d{2})-(\d{2})$")

MIN_YEAR, MAX_YEAR = -9998, 9999  # four digits either side (BC9999 is astronomical -9998)


def astronomical(bc: str | None, digits: str) -> int:
    """`BC0049` -> -48, `0476` -> 476: ISO 8601 year numbers (1 BC is year 0)."""
    n = int(digits)
    return 1 - n if bc else n


def year_value(year: int) -> str | None:
    """Astronomical year -> TIMEX3 year: -48 -> `BC0049`, 476 -> `0476`."""
    if year <= 0:
        return f"BC{1 - year:04d}" if 1 - year <= 9999 else None
    return f"{year:04d}" if year <= MAX_YEAR else None


def month_length(year: int, month: int) -> int:
    return (31, 29 if calendar.isleap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def is_day(year: int, month: int, day: int) -> bool:
    """True when the calendar has this day (astronomical year)."""
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= month_length(year, month)


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 on the proleptic Gregorian calendar, any year (H. Hinnant)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def civil(days: int) -> tuple[int, int, int]:
    """Inverse of day_number."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (month <= 2), month, day


def week_monday(year: int, week: int) -> int:
    """Day number of the Monday of ISO week `week` of `year` (week 1 holds January 4)."""
    jan4 = day_number(year, 1, 4)
    return jan4 - (jan4 + 3) % 7 + 7 * (week - 1)


def iso_week(days: int) -> tuple[int, int]:
    """(ISO year, week) of a day number: a week belongs to the year of its Thursday."""
    thursday = days - (days + 3) % 7 + 3
    year = civil(thursday)[0]
    return year, (thursday - week_monday(year, 1)) // 7 + 1


def iso(year: int, month: int, day: int) -> str | None:
    """ISO day with astronomical year (`-0048-01-01`); None outside four-digit years."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def iso_key(text: str) -> tuple[int, int, int] | None:
    """Sort key of an ISO day written by `iso`: string order is wrong for negative years."""
    m = _ISO.match(text or "")
    if not m:
        return None
    return (-1 if m[1] else 1) * int(m[2]), int(m[3]), int(m[4])


def _span_days(y0: int, m0: int, d0: int, y1: int, m1: int, d1: int):
    """(first, last) as (y, m, d) triples, last month/day may overflow into the next year."""
    while m1 > 12:
        y1, m1 = y1 + 1, m1 - 12
    if d1 == 0:
        d1 = month_length(y1, m1)
    if not (is_day(y0, m0, d0) and is_day(y1, m1, d1)):
        return None
    return (y0, m0, d0), (y1, m1, d1)


def _bounds(value: str):
    if m := _DAY.match(value):
        y, mo, d = astronomical(m[1], m[2]), int(m[3]), int(m[4])
        return _span_days(y, mo, d, y, mo, d)
    if m := _MONTH.match(value):
        y, mo = astronomical(m[1], m[2]), int(m[3])
        return _span_days(y, mo, 1, y, mo, 0)
    if m := _YEAR.match(value):
        y = astronomical(m[1], m[2])
        return _span_days(y, 1, 1, y, 12, 31)
    if m := _DECADE.match(value):
        if m[1]:  # BC049: 499 BC ... 490 BC
            first = astronomical("BC", str(int(m[2]) * 10 + 9))
            return _span_days(first, 1, 1, first + 9, 12, 31)
        y = int(m[2]) * 10
        return _span_days(max(y, 1), 1, 1, y + 9, 12, 31)
    if m := _CENTURY.match(value):
        if m[1]:  # BC04: 499 BC ... 400 BC (the digits name the hundreds, as `19` does)
            first = astronomical("BC", str(int(m[2]) * 100 + 99))
            return _span_days(first, 1, 1, first + 99, 12, 31)
        y = int(m[2]) * 100
        return _span_days(max(y, 1), 1, 1, y + 99, 12, 31)
    if m := _SEASON.match(value):
        y = astronomical(m[1], m[2])
        first, last = SEASON_MONTHS[m[3]]
        return _span_days(y, first, 1, y, last, 0)
    if m := _QUARTER.match(value):
        y, q = astronomical(m[1], m[2]), int(m[3])
        return _span_days(y, 3 * q - 2, 1, y, 3 * q, 0)
    if m := _HALF.match(value):
        y, h = astronomical(m[1], m[2]), int(m[3])
        return _span_days(y, 6 * h - 5, 1, y, 6 * h, 0)
    if m := _WEEK.match(value):
        y, w = astronomical(m[1], m[2]), int(m[3])
        monday = week_monday(y, w)
        if w < 1 or iso_week(monday) != (y, w):  # week 53 of a year that has 52
            return None
        return _span_days(*civil(monday), *civil(monday + 6))
    return None


def interval(value: str | None, type_: str = "DATE") -> tuple[str | None, str | None]:
    """ISO first and last day denoted by a DATE/TIME value or a `BEGIN/END` range.

    DURATION, SET, values with no calendar position (PAST_REF ...), days the calendar
    lacks (`1900-02-29`) and ranges whose end precedes their beginning give (None, None).
    Never raises.
    """
    if not value or type_ in ("DURATION", "SET"):
        return None, None
    begin, _, end = value.partition("/")
    first, last = _bounds(begin), _bounds(end or begin)
    if first is None or last is None:
        return None, None
    lo, hi = first[0], last[1]
    if lo > hi:
        return None, None
    return iso(*lo), iso(*hi)


def parts(value: str | None) -> tuple[int | None, int | None, int | None]:
    """(astronomical year, month, day) stated by a value's first endpoint; Nones if none."""
    if not value:
        return None, None, None
    m = re.match(rf"^{_Y}(?:-(\d{{2}}))?(?:-(\d{{2}}))?", value.split("/")[0])
    if not m:
        return None, None, None
    return astronomical(m[1], m[2]), int(m[3]) if m[3] else None, int(m[4]) if m[4] else None


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


def creation_date(text: str) -> tuple[int, int, int]:
    """A document creation date (`--dct`) as (year, month, day); ValueError if it is not
    a day of the calendar between 0001-01-01 and 9999-12-31 written in ASCII digits."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text or "")
    if m and 1 <= int(m[1]) and is_day(int(m[1]), int(m[2]), int(m[3])):
        return int(m[1]), int(m[2]), int(m[3])
    raise ValueError(f"the document creation date must be a calendar day YYYY-MM-DD between "
                     f"0001-01-01 and 9999-12-31, got {text!r}")
