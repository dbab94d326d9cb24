"""Temporal expressions in context: span, TIMEX3 type/value/mod and calendar interval.

Every example of SPEC 3.3 is here, plus the forms the date stage must handle beyond
dateparser (ranges, decades, seasons, modifiers, narrative anchoring).
"""
import pytest

from pipeline import extensions as ext

# (context, expression, type, value, mod, earliest, latest)
CASES = [
    # absolute dates at each granularity
    ("The congress opened on 26 October 1917 in the capital.", "26 October 1917", "DATE", "1917-10-26", None, "1917-10-26", "1917-10-26"),
    ("In August 1894, he enrolled at the seminary.", "August 1894", "DATE", "1894-08", None, "1894-08-01", "1894-08-31"),
    ("The party split in 1903 over membership.", "1903", "DATE", "1903", None, "1903-01-01", "1903-12-31"),
    ("He had complete control by the 1930s.", "the 1930s", "DATE", "193", None, "1930-01-01", "1939-12-31"),
    ("He was one of the most significant figures of the 20th century.", "the 20th century", "DATE", "19", None, "1900-01-01", "1999-12-31"),
    ("The famine peaked in the winter of 1932–33.", "the winter of 1932–33", "DATE", "1932-WI", None, "1932-12-01", "1933-02-28"),
    ("Production fell in the second quarter of 1941.", "the second quarter of 1941", "DATE", "1941-Q2", None, "1941-04-01", "1941-06-30"),
    ("The treaty was signed on Sept. 3, 1917 at noon.", "Sept. 3, 1917", "DATE", "1917-09-03", None, "1917-09-03", "1917-09-03"),
    ("Workers marched on May Day 1900 through the city.", "May Day 1900", "DATE", "1900-05-01", None, "1900-05-01", "1900-05-01"),
    # modifiers
    ("In early 1908 he travelled to Switzerland.", "early 1908", "DATE", "1908", "START", "1908-01-01", "1908-12-31"),
    ("He arrived at the village in late November 1903.", "late November 1903", "DATE", "1903-11", "END", "1903-11-01", "1903-11-30"),
    ("He was released in mid-1903 after a long detention.", "mid-1903", "DATE", "1903", "MID", "1903-01-01", "1903-12-31"),
    ("He ruled the country from the mid-1920s onwards.", "the mid-1920s", "DATE", "192", "MID", "1920-01-01", "1929-12-31"),
    ("Prices rose at the start of 1921 across the country.", "the start of 1921", "DATE", "1921", "START", "1921-01-01", "1921-12-31"),
    ("The army regrouped in the middle of 1942 near the river.", "the middle of 1942", "DATE", "1942", "MID", "1942-01-01", "1942-12-31"),
    ("Repression eased in the latter part of 1938 in most regions.", "the latter part of 1938", "DATE", "1938", "END", "1938-01-01", "1938-12-31"),
    ("The offensive stalled by the end of 1919 in the south.", "the end of 1919", "DATE", "1919", "END", "1919-01-01", "1919-12-31"),
    ("He fathered a son in or about December 1914 while in exile.", "about December 1914", "DATE", "1914-12", "APPROX", "1914-12-01", "1914-12-31"),
    ("A second son was born circa April 1917 in the north.", "circa April 1917", "DATE", "1917-04", "APPROX", "1917-04-01", "1917-04-30"),
    ("The town grew around 1880 when the railway came.", "around 1880", "DATE", "1880", "APPROX", "1880-01-01", "1880-12-31"),
    ("Few of them had joined the party before 1917 at all.", "before 1917", "DATE", "1917", "BEFORE", "1917-01-01", "1917-12-31"),
    ("Relations with the church improved after 1943 for a time.", "after 1943", "DATE", "1943", "AFTER", "1943-01-01", "1943-12-31"),
    # ranges written as one expression
    ("The purge lasted through 1937–1938 in every republic.", "1937–1938", "DATE", "1937/1938", None, "1937-01-01", "1938-12-31"),
    ("The famine of 1932–33 killed millions.", "1932–33", "DATE", "1932/1933", None, "1932-01-01", "1933-12-31"),
    ("He spent July–August 1935 on the coast.", "July–August 1935", "DATE", "1935-07/1935-08", None, "1935-07-01", "1935-08-31"),
    ("Many were executed between 1934 and 1939 on his orders.", "1934 and 1939", "DATE", "1934/1939", None, "1934-01-01", "1939-12-31"),
    # days of one month written with words (SPEC 3.3 ranges): the month and year of the end
    ("The congress sat from 4 to 11 June 1848 in the old hall.", "4 to 11 June 1848", "DATE",
     "1848-06-04/1848-06-11", None, "1848-06-04", "1848-06-11"),
    ("The fair was held between the 3rd and the 9th of May 1851.", "the 3rd and the 9th of May 1851", "DATE",
     "1851-05-03/1851-05-09", None, "1851-05-03", "1851-05-09"),
    ("He led the country from 1929 to 1953 without a rival.", "1929 to 1953", "DATE", "1929/1953", None, "1929-01-01", "1953-12-31"),
    ("Trade grew between January 1939 and June 1941 on both sides.", "January 1939 and June 1941", "DATE", "1939-01/1941-06", None, "1939-01-01", "1941-06-30"),
    ("Childhood to young adulthood: 1878–1899", "1878–1899", "DATE", "1878/1899", None, "1878-01-01", "1899-12-31"),
    # coordinations that are not ranges: one timex per date
    ("Fighting resumed in late 1943 and 1944 along the front.", "late 1943", "DATE", "1943", "END", "1943-01-01", "1943-12-31"),
    ("Fighting resumed in late 1943 and 1944 along the front.", "1944", "DATE", "1944", None, "1944-01-01", "1944-12-31"),
    ("He threatened to resign in October and then December 1926 over the issue.", "December 1926", "DATE", "1926-12", None, "1926-12-01", "1926-12-31"),
    ("The 1931 and 1932 harvests were poor across the region.", "1931", "DATE", "1931", None, "1931-01-01", "1931-12-31"),
    ("The 1931 and 1932 harvests were poor across the region.", "1932", "DATE", "1932", None, "1932-01-01", "1932-12-31"),
    ("Such purges had happened in the past as well.", "the past", "DATE", "PAST_REF", None, None, None),
    ("Historians will debate his legacy in the future too.", "the future", "DATE", "FUTURE_REF", None, None, None),
    ("The statue now stands in a museum of the city.", "now", "DATE", "PRESENT_REF", None, None, None),
    # durations, ages, sets, vague references
    ("He was sentenced to three years of exile in the north.", "three years", "DURATION", "P3Y", None, None, None),
    ("The journey took four weeks by sledge.", "four weeks", "DURATION", "P4W", None, None, None),
    ("The city fell within two days of the assault.", "two days", "DURATION", "P2D", None, None, None),
    ("The reconstruction took a decade and a half to complete.", "a decade and a half", "DURATION", "P15Y", None, None, None),
    ("He left school at age 12 to work in a factory.", "age 12", "DURATION", "P12Y", None, None, None),
    ("He embraced the doctrine at the age of fifteen and never left it.", "the age of fifteen", "DURATION", "P15Y", None, None, None),
    ("The festival is held every year in the capital.", "every year", "SET", "P1Y", None, None, None),
    ("It took decades to rebuild the economy.", "decades", "DURATION", "PXDE", None, None, None),
    ("The monument still stands today in the square.", "today", "DATE", "PRESENT_REF", None, None, None),
]

# narrative anchoring: the last line's expression is resolved against what precedes it
ANCHORED = [
    ("Revolution: 1917\n\nThe tsar abdicated in March 1917. In August, the army revolted.", "August", "1917-08", "1917-08-01", "1917-08-31", "March 1917"),
    ("Exile: 1913–1917\n\nHe was arrested in February 1913. On 17 September, he reached the camp.", "17 September", "1913-09-17", "1913-09-17", "1913-09-17", "February 1913"),
    ("War years: 1914–1918\n\nIn October, he was conscripted.", "October", "1914-10", "1914-10-01", "1914-10-31", "1914–1918"),
    ("He was elected in November 1901. That month, he travelled to the coast.", "That month", "1901-11", "1901-11-01", "1901-11-30", "November 1901"),
    ("He married in July 1906. The following year, his wife died.", "The following year", "1907", "1907-01-01", "1907-12-31", "July 1906"),
    ("The pact was signed in March 1907. In the same year, he moved to the city.", "the same year", "1907", "1907-01-01", "1907-12-31", "March 1907"),
    ("The offensive began in March 1942. The following August, the city was besieged.", "The following August", "1942-08", "1942-08-01", "1942-08-31", "March 1942"),
    ("The pact was signed in August 1939. A week later, the invasion began.", "A week later", "1939-08", "1939-08-01", "1939-08-31", "August 1939"),
    ("The raid took place on 24 October 1917. A week later, the ministers were arrested.", "A week later", "1917-10-31", "1917-10-31", "1917-10-31", "24 October 1917"),
    ("Police raided the offices on 24 October 1917. In the early hours of 25 October, the palace fell.", "the early hours of 25 October", "1917-10-25TMO", "1917-10-25", "1917-10-25", "24 October 1917"),
    ("He was exiled in 1927. Two years later, he was expelled from the country.", "Two years later", "1929", "1929-01-01", "1929-12-31", "1927"),
    ("He threatened to resign in October and then December 1926 over the issue.", "October", "1926-10", "1926-10-01", "1926-10-31", "December 1926"),
]


def _timex(doc, text):
    spans = [s for s in doc.spans[ext.TIMEXES] if s.text == text]
    assert spans, f"no timex {text!r}; found {[s.text for s in doc.spans[ext.TIMEXES]]}"
    return spans[-1]


@pytest.mark.parametrize("context,text,type_,value,mod,earliest,latest", CASES, ids=[c[1] for c in CASES])
def test_timex_normalisation(nlp, context, text, type_, value, mod, earliest, latest):
    info = _timex(nlp(context), text)._.timex
    assert (info["type"], info["value"], info["mod"], info["earliest"], info["latest"]) == (type_, value, mod, earliest, latest)
    assert info["anchor"] is None


@pytest.mark.parametrize("context,text,value,earliest,latest,anchor", ANCHORED, ids=[c[1] + ":" + c[2] for c in ANCHORED])
def test_timex_anchoring(nlp, context, text, value, earliest, latest, anchor):
    doc = nlp(context)
    info = _timex(doc, text)._.timex
    assert (info["value"], info["earliest"], info["latest"]) == (value, earliest, latest)
    start, end = info["anchor"]
    assert doc.text[start:end] == anchor


@pytest.mark.parametrize("context,not_timex", [
    ("Stalin was in the city when the February Revolution took place.", "February"),
    ("At this point the Central Committee met at the time of the crisis.", "the time"),
    ("He spoke at the 13th Party Congress against the opposition.", "13th"),
    ("Marxist governments now controlled a third of the world.", "now"),
    ("He commanded 1500 troops on the river.", "1500"),
])
def test_not_timexes(nlp, context, not_timex):
    doc = nlp(context)
    assert not any(not_timex in s.text for s in doc.spans[ext.TIMEXES])


def test_no_year_from_today(nlp):
    """An underspecified date with nothing to anchor it is dropped, never dated from today."""
    doc = nlp("On 17 September, the ship sailed.")
    assert [s._.timex["value"] for s in doc.spans[ext.TIMEXES]] == []


def test_seed_years_come_from_the_text(seed_docs):
    """SPEC 3.3 / issue: no value takes its year from the current date. Every year in a
    value over both seeds is written in the text or lies before 2026."""
    import re

    for doc_id, (text, doc) in seed_docs.items():
        for span in doc.spans[ext.TIMEXES]:
            for year in re.findall(r"\d{4}", span._.timex["value"] or ""):
                assert int(year) <= 2025 or year in text, (doc_id, span.text, span._.timex["value"])
        assert len(doc.spans[ext.TIMEXES]) > 50


@pytest.mark.parametrize("text,expression,value", [
    ("Prices rose sharply yesterday in the capital.", "yesterday", "2024-03-14"),
    ("The minister resigned last year after the scandal.", "last year", "2023"),
    ("The treaty will be signed next month in Geneva.", "next month", "2024-04"),
    ("Talks resumed last week between the parties.", "last week", "2024-W10"),
])
def test_document_creation_date(nlp_with_dct, expression, text, value):
    """With --dct (news), deictic expressions resolve against the creation date."""
    assert _timex(nlp_with_dct(text), expression)._.timex["value"] == value


def test_deictic_without_creation_date_is_not_guessed(nlp):
    """No creation date and no story date: a timex whose value keeps only what is known
    (decision 65, as SPEC 3.3 does for a day the calendar lacks), never today's year."""
    doc = nlp("The minister resigned last year after the scandal.")
    info = _timex(doc, "last year")._.timex
    assert (info["type"], info["value"], info["mod"], info["earliest"], info["latest"]) == ("DATE", "XXXX", None, None, None)
