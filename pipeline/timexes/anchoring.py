"""Resolving underspecified and anaphoric expressions against story time (SPEC 3.3).

Reading order through the whole document: every date of the story becomes the reference
for what follows, across section headings (a heading's own date is simply the most
recent one when its section starts; a section without one continues from the last date
before it). An expression with nothing before it to resolve it is dropped, never dated
from today. `that month` looks back for a date of at least month precision; `a week
later` after `August 1939` keeps the month (a relative expression never gets finer than
the date it is resolved from).

Which dates are story time is the component's decision (`in_story`): a date that only
places a source, a commemoration or a retrospective span is a timex but no reference.
Narration moves forward: a month more than half a year earlier in the calendar than
the reference's month (`December 1916 ... on 14 January`) is in the next year, unless
the date's clause is a flashback (told in the past perfect: `In February, riots had begun`),
which keeps the reference's year. A date reached by looking back (`two decades earlier`)
is not where the story goes on from. A month a little earlier than the reference keeps its
year: histories of several fronts step back often, and rarely by most of a year.
"""
from __future__ import annotations

from .calendar import SEASON_MONTHS, civil, day_number, is_day, parts as _parts, year_value


# A year of up to three digits written without an era is read as a year only when the
# story is near it: more than five centuries before the story's latest year, it would be
# a leap back no narrative makes without saying `AD` (`200 to 300 a month` in 2007).
ERA_GAP = 500


class Narrative:
    """Reference dates of the story seen so far, most recent last."""

    def __init__(self):
        self.refs: list[tuple[str, object]] = []  # (value, anchor key) of story dates
        self.others: list[tuple[str, object]] = []  # dates outside the story: a last resort

    def add(self, value: str | None, key: object, story: bool = True) -> None:
        if _parts(value)[0] is not None:
            (self.refs if story else self.others).append((value, key))

    def current(self) -> tuple[str, object] | None:
        """(value, key) of the story's latest date, if any."""
        return self.refs[-1] if self.refs else None

    def replace(self, key: object, value: str) -> None:
        """The date of `key` is now `value` (a date that turned out to open a range)."""
        for dates in (self.refs, self.others):
            if dates and dates[-1][1] == key:
                dates[-1] = (value, key)

    def _latest(self, need: str):
        for value, key in reversed(self.refs or self.others):
            y, m, d = _parts(value)
            if need == "year" or (need == "month" and m) or (need == "day" and d):
                return value, key, (y, m, d)
        return None

    def resolve(self, value: str | None, relation: tuple, flashback: bool = False) -> tuple[str | None, object]:
        """(value, anchor key) of a relative expression; (None, None) when unresolvable."""
        kind = relation[0]
        if kind == "era":  # `in 476` is AD unless the story is told in years BC
            ref = self._latest("year")
            if ref and ref[2][0] - int(value.split("/")[-1]) > ERA_GAP:
                return None, None  # `a company of 200` in a story of 1950: a count, not a year
            if not ref or ref[2][0] > 0:
                return value, None
            bc = [year_value(1 - int(y)) for y in value.split("/")]
            return "/".join(bc), ref[1]
        if kind == "year":
            ref = self._latest("year")
            if not ref:
                return None, None
            # a range without a year (`from October to March`) is dated by its end
            last = value.split("/")[-1]
            month = _parts(last.replace("XXXX", "0001"))[1]
            # `July 25 of that year`: the reference's year; `March of the following year`: the next
            shift = relation[2] if relation[1:2] == ("shift",) else 0
            same = len(relation) > 1
            y = ref[2][0] + shift + (0 if same else _rollover(ref[2][1], month, flashback))
            ends = [value.replace("XXXX", year_value(y) or "XXXX")]
            if "/" in value:
                first = value.split("/")[0]
                first_month = _parts(first.replace("XXXX", "0001"))[1]
                back = first_month is not None and month is not None and first_month > month  # October ... March
                ends = [first.replace("XXXX", year_value(y - back) or "XXXX"), last.replace("XXXX", year_value(y) or "XXXX")]
            for end in ends:
                ey, em, ed = _parts(end)
                if ey is None or (ed and not is_day(ey, em, ed)):
                    return value, None  # `February 29` in a year without one: what is known (SPEC 3.3)
            return "/".join(ends), ref[1]
        if kind == "same":
            unit = relation[1]
            need = {"year": "year", "decade": "year", "month": "month", "week": "day", "day": "day"}.get(unit, "year")
            ref = self._latest(need) or self._latest("year")
            if not ref:
                return None, None
            y, m, d = ref[2]
            if unit in ("decade", "century"):
                period = _period(y, unit, 0)
                return (period, ref[1]) if period else (None, None)
            return _format(y, m if unit in ("month", "week", "day") else None, d if unit in ("week", "day") else None), ref[1]
        if kind in ("month", "next_month", "previous_month", "season", "next_season", "previous_season"):
            ref = self._latest("year")
            if not ref:
                return None, None
            y, m, _ = ref[2]
            target = relation[1]
            if kind == "season" and relation[2:3] == ("shift",):  # `the spring of the following year`
                y += relation[3]
            elif kind == "season" and relation[2:] != ("same",):
                y = _season_year(ref[0], y, target)
                if target == "WI" and m in (1, 2):  # `the winter` told in January 1951 is 1950-WI (Dec-Feb)
                    y -= 1
            if kind == "month":
                y += _rollover(m, target, flashback)
            elif kind == "next_month":
                y += 1 if m is None or m >= target else 0
            elif kind == "previous_month":  # `the previous April`: the last April before the reference
                y -= 1 if m is None or m <= target else 0
            elif kind == "next_season":
                y += 1 if m is None or m >= SEASON_MONTHS[target][0] else 0
            elif kind == "previous_season":  # `last winter` said in January 1918: the one before 1917-WI
                if target == "WI" and m in (1, 2):
                    y, m = y - 1, m + 12
                y -= 0 if m is not None and m > SEASON_MONTHS[target][1] else 1
            year = year_value(y)
            if year is None:
                return None, None
            return (f"{year}-{target:02d}" if isinstance(target, int) else f"{year}-{target}"), ref[1]
        if kind == "day_of_month":  # `on the 14th`: the story's month; the next one when that day is past
            ref = self._latest("month")
            if not ref:
                return None, None
            (y, m, d), n = ref[2], relation[1]
            if d and n < d and not flashback:
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return (_format(y, m, n), ref[1]) if is_day(y, m, n) else (None, None)
        if kind == "day_time":  # `that afternoon`, `11 a.m.`: the day of the latest date, if it is a day
            ref = self._latest("year")
            if not ref or not ref[2][2]:
                return value, None
            day = _format(*civil(day_number(*ref[2]) + relation[2]))
            return (f"{day}{relation[1]}", ref[1]) if day else (value, None)
        if kind == "short_year":  # `'99` told in 1917: 1899, the nearest year written so
            ref = self._latest("year")
            if not ref or ref[2][0] <= 0:
                return None, None
            y, n = ref[2][0], relation[1]
            year = min((c * 100 + n for c in (y // 100 - 1, y // 100, y // 100 + 1)), key=lambda c: (abs(c - y), c))
            return year_value(year), ref[1]
        if kind == "weekday":  # ("weekday", ISO day 1-7, direction 1 / -1 / 0, time of day)
            ref = self._latest("year")
            if not ref or not ref[2][2]:
                return value, None  # no day to count from: what is known (`XXXX-WXX-4`), SPEC 3.3
            target, direction, t = relation[1:]
            days = day_number(*ref[2])
            weekday = (days + 3) % 7 + 1  # 1970-01-01 was a Thursday
            ahead, back = (target - weekday) % 7, (weekday - target) % 7
            step = (ahead or 7) if direction > 0 else -(back or 7) if direction < 0 else -back if flashback else ahead
            day = _format(*civil(days + step))
            return (f"{day}{t}", ref[1]) if day else (value, None)
        if kind == "month_time":  # `night attacks`: the year and month of the story's latest month
            ref = self._latest("month")
            if not ref:
                return value, None
            month = _format(ref[2][0], ref[2][1], None)
            return (f"{month}-XX{relation[1]}", ref[1]) if month else (value, None)
        if kind == "step":  # `the following decade`, `the previous century`: the whole period next to the story's
            ref = self._latest("year")
            period = _period(ref[2][0], relation[1], relation[2]) if ref else None
            return (period, ref[1]) if period else (None, None)
        if kind == "shift":  # ("shift", unit, n[, direction of a vague shift: 1 or -1])
            unit, n = relation[1], relation[2]
            ref = self._latest("year")
            if not ref:
                return None, None
            forward = n > 0 or (n == 0 and relation[3:] != (-1,))
            # `two years later` after `1702–1709` counts from the range's end
            start = _parts(ref[0].split("/")[-1]) if forward and "/" in ref[0] else ref[2]
            return _shift(start, unit, n), ref[1]
        return None, None


def _season_year(ref: str, y: int, season: str) -> int:
    """The year of a season told after a reference: a winter runs into the next year, so
    another season after it is that year's (`the army wintered in camp ... Early in
    spring`). Only seasons: a month after a winter was tried and misread the dates after
    a winter looked forward to (`we cannot hold out over the winter` ... `10 September`).
    The months' rule for seasons (a spring after an autumn or an October is the next
    year's) was tried and dropped: a section that steps back (a heading `Spring ...`
    after a story at the end of a year) is misread, and the WikiWars dev set lost a value."""
    return y + 1 if ref.split("/")[-1].endswith("-WI") and season != "WI" else y


def _rollover(ref_month: int | None, month: int | None, flashback: bool) -> int:
    """1 when a month told after the reference's month is in the next year: it comes
    more than half a year earlier in the calendar (`December 1916 ... 14 January`), so
    the next year is the nearer reading. Within half a year (`June 1941 ... In April`)
    the story is stepping back, as narratives of several fronts often do. A flashback
    (past perfect) never goes forward. (Going back a year for a past-perfect month later
    than the reference's was tried and dropped: `By May, the army had taken ...` is
    no flashback, and such sentences are common.)"""
    return int(bool(ref_month and month and ref_month - month > 6 and not flashback))


def _period(y: int, unit: str, n: int) -> str | None:
    """TIMEX3 value of the decade or century n periods after (n < 0: before) the one
    holding astronomical year y: 1720 -> `172`, `17`; the next: `173`, `18`. Years BC count
    down: 490 BC is in `BC049` (499-490 BC) and `BC04`, the next decade is `BC048`. None
    where the count would cross the era (no decade `000` before year 1)."""
    size, digits = (10, 3) if unit == "decade" else (100, 2)
    if y > 0:
        index = y // size + n
        return f"{index:0{digits}d}" if index >= 0 and (index > 0 or n == 0) else None
    index = (1 - y) // size - n
    return f"BC{index:0{digits}d}" if index >= 0 else None


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
    if unit in ("hour", "minute"):  # `six hours later`: the day itself, never finer
        return _format(y, m, d)
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
