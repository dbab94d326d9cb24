"""Calendar arithmetic of the date stage cannot raise and never writes an impossible
interval (issue 12.1, 17.4): property tests over random days, anchors and ranges, with
the proleptic Gregorian calendar of `datetime.date` as the oracle where it reaches."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.timexes.anchoring import Narrative
from pipeline.timexes.calendar import (civil, creation_date, day_number, interval, iso_key, iso_week,
                                       year_value)
from pipeline.timexes.component import from_dct

YEARS = st.integers(min_value=-9998, max_value=9999)
YEAR_TEXT = YEARS.map(year_value).filter(bool)
MONTHS = st.integers(min_value=0, max_value=14)
DAYS = st.integers(min_value=0, max_value=32)


def _value(year: str, month: int, day: int, grain: str) -> str:
    return {"year": year, "month": f"{year}-{month:02d}", "day": f"{year}-{month:02d}-{day:02d}",
            "season": f"{year}-{['SP', 'SU', 'FA', 'WI'][month % 4]}", "quarter": f"{year}-Q{month % 5}",
            "week": f"{year}-W{day + 22:02d}", "decade": year[:-1], "century": year[:-2]}[grain]


VALUES = st.builds(_value, YEAR_TEXT, MONTHS, DAYS,
                   st.sampled_from(["year", "month", "day", "season", "quarter", "week", "decade", "century"]))


def _ordered(first, last) -> bool:
    return iso_key(first) <= iso_key(last)


@settings(max_examples=500)
@given(VALUES)
def test_any_value_gives_a_valid_interval_or_none(value):
    first, last = interval(value)
    assert (first is None) == (last is None)
    if first is not None:
        assert iso_key(first) and iso_key(last) and _ordered(first, last)


@settings(max_examples=500)
@given(VALUES, VALUES)
def test_any_range_is_ordered_or_null(a, b):
    first, last = interval(f"{a}/{b}")
    assert first is None or _ordered(first, last)


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31))
def test_days_agree_with_datetime(y, m, d):
    try:
        real = date(y, m, d)
    except ValueError:
        assert interval(f"{y:04d}-{m:02d}-{d:02d}") == (None, None)
        return
    assert interval(f"{y:04d}-{m:02d}-{d:02d}") == (real.isoformat(), real.isoformat())
    assert day_number(y, m, d) == real.toordinal() - date(1970, 1, 1).toordinal()
    assert civil(day_number(y, m, d)) == (y, m, d)
    assert iso_week(day_number(y, m, d))[1] == real.isocalendar()[1]


@settings(max_examples=300)
@given(st.sampled_from(["XXXX-02-29", "XXXX-03-31", "XXXX-10-17", "XXXX-04", "XXXX-SU"]), YEARS,
       st.sampled_from([None, 1, 2, 3, 10]))
def test_anchoring_any_template_on_any_year_never_raises(template, year, month):
    narrative = Narrative()
    anchor = year_value(year) + (f"-{month:02d}" if month else "")
    narrative.add(anchor, (0, 4))
    value, _ = narrative.resolve(template, ("year",))
    first, last = interval(value)
    assert first is None or _ordered(first, last)
    for unit in ("day", "week", "month", "year", "decade", "century"):
        for n in (-1000, -1, 1, 7000):
            shifted, _ = narrative.resolve(None, ("shift", unit, n))
            first, last = interval(shifted)
            assert first is None or _ordered(first, last)


@settings(max_examples=200)
@given(st.dates(), st.sampled_from(["day", "week", "month", "year"]), st.integers(min_value=-3, max_value=3))
def test_deictic_dates_never_overflow(day, unit, n):
    value = from_dct(day.isoformat(), unit, n)
    if value is not None:
        first, last = interval(value)
        assert first is not None and _ordered(first, last)


def test_a_february_29_the_year_lacks_keeps_what_is_known():
    narrative = Narrative()
    narrative.add("1900", (0, 4))
    assert narrative.resolve("XXXX-02-29", ("year",)) == ("XXXX-02-29", None)
    narrative.add("1904", (10, 14))
    assert narrative.resolve("XXXX-02-29", ("year",)) == ("1904-02-29", (10, 14))


@pytest.mark.parametrize("value,first,last", [
    ("BC0049", "-0048-01-01", "-0048-12-31"),
    ("BC0480/BC0479", "-0479-01-01", "-0478-12-31"),
    ("BC0044-03-15", "-0043-03-15", "-0043-03-15"),
    ("BC04", "-0498-01-01", "-0399-12-31"),
    ("BC049", "-0498-01-01", "-0489-12-31"),
    ("0476", "0476-01-01", "0476-12-31"),
    ("04", "0400-01-01", "0499-12-31"),
    ("1900-02-29", None, None),
    ("1939/1932", None, None),
    ("2020-W53", "2020-12-28", "2021-01-03"),
    ("2021-W53", None, None),
])
def test_intervals_of_early_and_impossible_values(value, first, last):
    assert interval(value) == (first, last)


@pytest.mark.parametrize("text", ["2023-02-30", "2024-13-01", "0000-01-01", "２０２４-０３-１５", "2024-3-15", "", "10000-01-01"])
def test_creation_date_must_be_a_calendar_day(text):
    with pytest.raises(ValueError, match="calendar day"):
        creation_date(text)


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "2024-02-29"])
def test_creation_date_extremes_are_accepted(text):
    assert creation_date(text)


def test_pipeline_rejects_a_bad_creation_date_at_load():
    import pipeline

    with pytest.raises(ValueError, match="2023-02-30"):
        pipeline.load(dct="2023-02-30")
