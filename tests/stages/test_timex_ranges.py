"""pipeline/timexes/ranges.py: a SPEC range (one timex, `BEGIN/END`) taken apart into the
two endpoints TimeML and TIMEX2 write, and the DURATION between them. Texts written for
the test."""
import pytest

from pipeline.timexes.grammar import Grammar
from pipeline.timexes.ranges import endpoints, length


@pytest.fixture(scope="module")
def grammar():
    return Grammar.from_folder()


@pytest.mark.parametrize("text, value, first, last", [
    ("1683–1699", "1683/1699", (0, 4, "1683", "1683"), (5, 9, "1699", "1699")),
    ("1848-49", "1848/1849", (0, 4, "1848", "1848"), (5, 7, "49", "1849")),
    ("1870 to 1871", "1870/1871", (0, 4, "1870", "1870"), (8, 12, "1871", "1871")),
    ("1904 and 1905", "1904/1905", (0, 4, "1904", "1904"), (9, 13, "1905", "1905")),
    ("March–May 1809", "1809-03/1809-05", (0, 5, "March", "1809-03"), (6, 14, "May 1809", "1809-05")),
    ("2 to 9 May 1644", "1644-05-02/1644-05-09", (0, 1, "2", "1644-05-02"), (5, 15, "9 May 1644", "1644-05-09")),
    ("12 June - 3 July 1799", "1799-06-12/1799-07-03", (0, 7, "12 June", "1799-06-12"),
     (10, 21, "3 July 1799", "1799-07-03")),
    ("264 BC - 241 BC", "BC0264/BC0241", (0, 6, "264 BC", "BC0264"), (9, 15, "241 BC", "BC0241")),
    ("mid-1812 to 1814", "1812/1814", (0, 8, "mid-1812", "1812"), (12, 16, "1814", "1814")),
    ("June/July 1916", "1916-06/1916-07", (0, 4, "June", "1916-06"), (5, 14, "July 1916", "1916-07")),
    ("April-June 1521", "1521-04/1521-06", (0, 5, "April", "1521-04"), (6, 15, "June 1521", "1521-06")),
    ("30 April-2 May 1863", "1863-04-30/1863-05-02", (0, 8, "30 April", "1863-04-30"),
     (9, 19, "2 May 1863", "1863-05-02")),
])
def test_a_range_has_two_endpoints_with_their_values(grammar, text, value, first, last):
    a, b = endpoints(grammar, 1000, text, value)
    assert (a.start - 1000, a.end - 1000, a.text, a.value) == first
    assert (b.start - 1000, b.end - 1000, b.text, b.value) == last


@pytest.mark.parametrize("text, value", [("1812", "1812"), ("the spring of 1812", "1812-SP"), ("1840s", "184"),
                                          ("1683–1699", None)])
def test_a_timex_that_is_no_range_has_no_endpoints(grammar, text, value):
    assert endpoints(grammar, 0, text, value) is None


@pytest.mark.parametrize("earliest, latest, duration", [
    ("1683-01-01", "1699-12-31", "P17Y"),  # whole years, both counted
    ("1809-03-01", "1809-05-31", "P3M"),
    ("1799-06-12", "1799-07-03", "P22D"),
    ("-0263-01-01", "-0240-12-31", "P24Y"),  # 264 BC - 241 BC (astronomical years)
    ("1916-02-01", "1916-02-29", "P1M"),  # a leap February is a whole month
    ("1812-01-01", None, None),
])
def test_the_duration_between_the_endpoints_is_in_the_largest_whole_unit(earliest, latest, duration):
    assert length(earliest, latest) == duration
