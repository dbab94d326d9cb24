"""Dates that cannot break records (issue 17.4): ISO dates, two dates inside one token,
a validated `--dct`, and ids unique by construction, over texts made of date fragments."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

import pipeline.runner as runner
from pipeline.cli import app
from pipeline.records import Timex
from pipeline.timexes.calendar import iso_key

from conftest import outputs, records_of, write


def _timexes(nlp, text):
    return records_of(nlp, text)["timexes"]


def _check(text, timexes):
    ids = [t["id"] for t in timexes]
    assert len(ids) == len(set(ids)), ids
    spans = [(t["start"], t["end"]) for t in timexes]
    assert len(spans) == len(set(spans)), spans
    for t in timexes:
        Timex.model_validate(t)  # earliest <= latest, ISO days
        assert text[t["start"]:t["end"]] == t["text"]
        if t["earliest"]:
            assert iso_key(t["earliest"]) <= iso_key(t["latest"])


@pytest.mark.parametrize("text,expression,value,earliest,latest", [
    ("The order was dated 1941-06-22 and filed.", "1941-06-22", "1941-06-22", "1941-06-22", "1941-06-22"),
    ("A draft of 1941-06 survives in the archive.", "1941-06", "1941-06", "1941-06-01", "1941-06-30"),
    ("The revolt of 1905-07 shook the empire.", "1905-07", "1905/1907", "1905-01-01", "1907-12-31"),
    ("A note dated 1941-02-30 is a forgery.", "1941-02-30", "1941-02-30", None, None),
])
def test_iso_dates(full_nlp, text, expression, value, earliest, latest):
    timexes = _timexes(full_nlp, text)
    _check(text, timexes)
    (t,) = [t for t in timexes if t["text"] == expression]
    assert (t["type"], t["value"], t["earliest"], t["latest"]) == ("DATE", value, earliest, latest)


@pytest.mark.parametrize("text", ["He served 1921–(\u200f1930 abroad.", "He served 1921–\u200f(1930 abroad.",
                                  "He served 1921\u200e–1930) abroad."])
def test_two_dates_in_one_token_are_one_timex(full_nlp, text):
    timexes = _timexes(full_nlp, text)
    _check(text, timexes)
    assert [(t["value"], t["earliest"], t["latest"]) for t in timexes] == [("1921/1930", "1921-01-01", "1930-12-31")]


def test_a_range_ending_in_a_decade_after_a_year_is_kept_not_raised(full_nlp):
    """Found by the property test below: `XXXX-01-14/193` made the anchoring compare a
    month with None (TypeError: the whole document was lost). What is known is kept."""
    text = "In 1932, from January 14 to the 1930s the talks ran."
    timexes = _timexes(full_nlp, text)
    _check(text, timexes)
    assert [(t["text"], t["value"], t["earliest"]) for t in timexes] == [
        ("1932", "1932", "1932-01-01"), ("January 14 to the 1930s", "XXXX-01-14/193", None)]


FRAGMENTS = st.sampled_from([
    "1939", "1939-08-23", "1939-08", "08", "23", "1932", "33", "1815", "476", "49", "BC", "B.C.", "AD", "CE",
    "February", "29", "February 29", "30 February", "March", "December", "January 14", "14 January",
    "spring", "winter", "the 1930s", "the 5th century", "century", "late", "early", "mid", "about",
    "In", "in", "from", "to", "until", "between", "and", "that year", "the following year", "a week later",
    "two days later", "In August", "On 17 September", "yesterday", "every year", "Heading: 1914–1918",
])
SEPARATORS = st.sampled_from([" ", "–", "-", "—", "/", "(", ")", "\u200f", "\u200e", ",", ", ", ". ", "\n\n", "\n", " to "])
DATE_TEXTS = st.lists(st.tuples(FRAGMENTS, SEPARATORS).map("".join), min_size=1, max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATE_TEXTS)
def test_texts_of_date_fragments_give_valid_unique_timexes(full_nlp, text):
    _check(text, _timexes(full_nlp, text))


def _cli(*args):
    return CliRunner().invoke(app, ["run", *map(str, args)])


@pytest.mark.parametrize("dct", ["2023-02-30", "2024-13-01", "0000-01-01", "２０２４-０３-１５", "24-03-15"])
def test_bad_creation_date_is_exit_2_before_any_work(tmp_path, monkeypatch, dct):
    def fail(*args, **kwargs):
        raise AssertionError("the model was loaded although --dct is unusable")
    monkeypatch.setattr(runner, "load", fail)
    path = write(tmp_path / "in" / "a.txt", "The minister resigned yesterday.")
    result = _cli(path, "--out", tmp_path / "out", "--dct", dct)
    assert result.exit_code == 2
    assert "--dct" in result.output and "calendar day" in result.output
    assert not (tmp_path / "out").exists()


# the day before 0001-01-01 has no four-digit year: what is known (decision 65)
@pytest.mark.parametrize("dct,value", [("9999-12-31", "9999-12-30"), ("0001-01-01", "XXXX-XX-XX")])
def test_creation_dates_at_the_ends_of_the_calendar_fail_no_document(tmp_path, dct, value):
    import pipeline

    path = write(tmp_path / "in" / "a.txt", "The minister resigned yesterday. He returns tomorrow, next year.")
    summary = runner.run([path], tmp_path / "out", nlp=pipeline.load(dct=dct))
    assert summary.failed == 0, summary.errors
    values = [t["value"] for t in outputs(tmp_path / "out")["timexes"] if t["text"] == "yesterday"]
    assert values == ([value] if value else [])
