"""Anchoring on story time (SPEC 3.3 revised, issue 12.3): dates outside the story do
not move it, months roll forward across a year end, a one-year range gives its earlier
endpoint the year before, the last story date carries across headings, flashbacks keep
the reference's year. Sentences written for the test."""
import pytest

from pipeline import extensions as ext

# (text, expression, type, value, mod, earliest, latest, anchor text or None)
CASES = [
    # forward rollover across a year end
    ("The siege tightened in November 1861. On 9 February, the garrison surrendered.",
     "9 February", "DATE", "1862-02-09", None, "1862-02-09", "1862-02-09", "November 1861"),
    ("The fleet wintered in port from December 1702. In March, it sailed south.",
     "March", "DATE", "1703-03", None, "1703-03-01", "1703-03-31", "December 1702"),
    # a winter runs into the next year: another season after it is that year's
    ("The army camped by the river in the winter of 1779. In spring, it marched south.",
     "spring", "DATE", "1780-SP", None, "1780-03-01", "1780-05-31", "the winter of 1779"),
    ("The army camped by the river in the winter of 1779. Over the winter, many men fell ill.",
     "the winter", "DATE", "1779-WI", None, "1779-12-01", "1780-02-29", "the winter of 1779"),
    # a little earlier than the reference: the story steps back, same year
    ("The southern army stalled in July 1809. In May, the northern army had crossed the hills.",
     "May", "DATE", "1809-05", None, "1809-05-01", "1809-05-31", "July 1809"),
    # a flashback in the past perfect keeps the year even far back
    ("The treaty was signed in December 1648. In January, the envoys had quarrelled over seats.",
     "January", "DATE", "1648-01", None, "1648-01-01", "1648-01-31", "December 1648"),
    # only the date's own clause counts, and a deadline is no flashback
    ("The rebels took the port in October 1712. On 4 January, the governor declared that the truce had ended.",
     "4 January", "DATE", "1713-01-04", None, "1713-01-04", "1713-01-04", "October 1712"),
    ("The siege began in December 1703. The first assault had been repulsed by January with heavy losses.",
     "January", "DATE", "1704-01", None, "1704-01-01", "1704-01-31", "December 1703"),
    # one year written for a range: the earlier endpoint takes the year before
    ("The blockade lasted from October 20 to March 2, 1805 along the coast.",
     "October 20 to March 2, 1805", "DATE", "1804-10-20/1805-03-02", None, "1804-10-20", "1805-03-02", None),
    ("The truce held November–February 1923 in the mountains.",
     "November–February 1923", "DATE", "1922-11/1923-02", None, "1922-11-01", "1923-02-28", None),
    # the end of a state told far ahead (`until`, more than a year on) leaves the story where it was
    ("The rising began in August 1821. The blockade lasted until May 1825, nearly four years. "
     "In early October, the rebels took the fortress.",
     "early October", "DATE", "1821-10", "START", "1821-10-01", "1821-10-31", "August 1821"),
    ("The town was invested in October 1644. It held out until March 1645. In April, the garrison marched out.",
     "April", "DATE", "1645-04", None, "1645-04-01", "1645-04-30", "March 1645"),
    # dates outside the story do not become the reference
    ("The mill burned in May 1871. Its ledger was found in 1998 in a cellar. In June, the workers left.",
     "June", "DATE", "1871-06", None, "1871-06-01", "1871-06-30", "May 1871"),
    ("The bridge opened in April 1883. A plaque has marked it since 1983. In August, a storm damaged it.",
     "August", "DATE", "1883-08", None, "1883-08-01", "1883-08-31", "April 1883"),
    ("The rebels seized the port in March 1798. A statue was unveiled in 1898 on the quay. In June, they lost it.",
     "June", "DATE", "1798-06", None, "1798-06-01", "1798-06-30", "March 1798"),
    # the last story date carries across a heading without a date
    ("The campaign opened in April 1757.\n\nThe northern front\n\nIn June, the second column marched.",
     "June", "DATE", "1757-06", None, "1757-06-01", "1757-06-30", "April 1757"),
    # a heading's own date is the reference of its section
    ("The campaign opened in April 1757.\n\nThe peace of 1763\n\nIn February, the envoys met.",
     "February", "DATE", "1763-02", None, "1763-02-01", "1763-02-28", "1763"),
    # a date in parentheses is an aside, not where the story goes on from
    ("The guild was founded in March 1820. Its charter (1766) was older. In May, it held a fair.",
     "May", "DATE", "1820-05", None, "1820-05-01", "1820-05-31", "March 1820"),
    # a date that names an earlier event as a noun's modifier is no reference either
    ("The council met in June 1848. It praised the leaders of the May 1831 strike. On 2 July, it closed.",
     "2 July", "DATE", "1848-07-02", None, "1848-07-02", "1848-07-02", "June 1848"),
    # but the date of the subject is story time
    ("The mill opened in March 1850. The 1852 harvest was poor. In August, the mill closed.",
     "August", "DATE", "1852-08", None, "1852-08-01", "1852-08-31", "1852"),
    # a number far older than the story's years, written without an era, is a count
    ("The brigade landed in April 1951 with a company of 300. In late May, it moved inland.",
     "late May", "DATE", "1951-05", "END", "1951-05-01", "1951-05-31", "April 1951"),
    # what was planned or only possible does not move the story
    ("The rebels struck in March 1874. The fort would be abandoned for a planned campaign in 1876. "
     "On 11 April, the rebels attacked again.",
     "11 April", "DATE", "1874-04-11", None, "1874-04-11", "1874-04-11", "March 1874"),
    ("The rebels struck in March 1874. A new offensive was planned for 1876. On 11 April, they attacked again.",
     "11 April", "DATE", "1874-04-11", None, "1874-04-11", "1874-04-11", "March 1874"),
    ("The rebels struck in March 1874. They took the fort in 1876. On 11 April, they attacked again.",
     "11 April", "DATE", "1876-04-11", None, "1876-04-11", "1876-04-11", "1876"),
    # `the previous April` looks back to the last April before the reference, and the
    # story does not move there
    ("The port fell in March 1917. The fort taken the previous April was lost.",
     "the previous April", "DATE", "1916-04", None, "1916-04-01", "1916-04-30", "March 1917"),
    ("The port fell in October 1917. The fort taken the previous April was lost.",
     "the previous April", "DATE", "1917-04", None, "1917-04-01", "1917-04-30", "October 1917"),
    ("The port fell in March 1917. The fort taken the previous April was lost. Earlier in the month, rain fell.",
     "Earlier in the month", "DATE", "1917-03", None, "1917-03-01", "1917-03-31", "March 1917"),
    ("The port fell in October 1917. Later in the year, the army rested.",
     "Later in the year", "DATE", "1917", None, "1917-01-01", "1917-12-31", "October 1917"),
    # a glimpse ahead (`as late as`, a deadline after the verb, `eventually`, `by the
    # time`) is resolved but the story goes on from where it was
    ("The envoys reached the coast in March 1702. As late as 1709 the court still doubted them. "
     "In June, the envoys sailed home.",
     "1709", "DATE", "1709", None, "1709-01-01", "1709-12-31", None),
    ("The envoys reached the coast in March 1702. As late as 1709 the court still doubted them. "
     "In June, the envoys sailed home.",
     "June", "DATE", "1702-06", None, "1702-06-01", "1702-06-30", "March 1702"),
    ("The militia numbered 400 in March 1812 and grew to 9,000 by December. In May, it fought its first battle.",
     "December", "DATE", "1812-12", None, "1812-12-01", "1812-12-31", "March 1812"),
    ("The militia numbered 400 in March 1812 and grew to 9,000 by December. In May, it fought its first battle.",
     "May", "DATE", "1812-05", None, "1812-05-01", "1812-05-31", "March 1812"),
    ("The bishop fled the city in May 1640. He eventually returned in 1652. In August, the rebels burned the abbey.",
     "August", "DATE", "1640-08", None, "1640-08-01", "1640-08-31", "May 1640"),
    ("The siege began in May 1640. By the time the walls fell in 1644, the bishop had fled to the coast. "
     "In August, the garrison ran out of bread.",
     "August", "DATE", "1640-08", None, "1640-08-01", "1640-08-31", "May 1640"),
    # ... but a sentence opening with the deadline, a deadline naming its year, or a plain
    # `later` (the narrative's step forward) moves it
    ("The army rested in May 1812. It later crossed the river in 1813. In August, it reached the coast.",
     "August", "DATE", "1813-08", None, "1813-08-01", "1813-08-31", "1813"),
    ("The militia numbered 400 in March 1812. By December, it had grown to 9,000. In May, it fought its first battle.",
     "May", "DATE", "1813-05", None, "1813-05-01", "1813-05-31", "December"),
    ("The army landed in March 1812 and took the capital by June 1813. In August, it marched north.",
     "August", "DATE", "1813-08", None, "1813-08-01", "1813-08-31", "June 1813"),
    # a noun's modifier date later than the story names no earlier event: the story moved on
    ("The duke lost the town in 1702. Despite the success of the June 1704 campaign, his allies wavered. "
     "On 3 August, the allies met at the castle.",
     "3 August", "DATE", "1704-08-03", None, "1704-08-03", "1704-08-03", "June 1704"),
    # a time of day written with its day takes that day, not the story's
    ("The fleet left port on 2 May 1805. At 5:30 a.m. on 14 June 1805 the guns opened fire.",
     "5:30 a.m.", "TIME", "1805-06-14T05:30", None, "1805-06-14", "1805-06-14", "14 June 1805"),
    ("The fleet left port on 2 May 1805. At 9:15 p.m. local time on 14 June the guns opened fire.",
     "9:15 p.m.", "TIME", "1805-06-14T21:15", None, "1805-06-14", "1805-06-14", "14 June"),
    ("The fleet left port on 2 May 1805. At 9:15 p.m. local time on 14 June the guns opened fire.",
     "14 June", "DATE", "1805-06-14", None, "1805-06-14", "1805-06-14", "2 May 1805"),
    ("The fleet left port on 2 May 1805. At dawn, 14 June, the guns opened fire.",
     "dawn", "TIME", "1805-06-14TMO", None, "1805-06-14", "1805-06-14", "14 June"),
    ("The fleet left port on 2 May 1805. At dawn the guns opened fire.",
     "dawn", "TIME", "XXXX-XX-XXTMO", None, None, None, None),
    # with only a date outside the story before it, that date is better than nothing
    ("The diary was published in 1923. On 4 May, the author reached the coast.",
     "4 May", "DATE", "1923-05-04", None, "1923-05-04", "1923-05-04", "1923"),
]


def _timex(doc, text):
    spans = [s for s in doc.spans[ext.TIMEXES] if s.text == text]
    assert spans, f"no timex {text!r}; found {[s.text for s in doc.spans[ext.TIMEXES]]}"
    return spans[-1]


@pytest.mark.parametrize("text,expression,type_,value,mod,earliest,latest,anchor", CASES, ids=[c[1] for c in CASES])
def test_story_time(nlp, text, expression, type_, value, mod, earliest, latest, anchor):
    doc = nlp(text)
    info = _timex(doc, expression)._.timex
    assert (info["type"], info["value"], info["mod"], info["earliest"], info["latest"]) == (type_, value, mod, earliest, latest)
    assert (doc.text[slice(*info["anchor"])] if info["anchor"] else None) == anchor


def test_nothing_before_it_nothing_guessed(nlp):
    doc = nlp("Early years\n\nIn June, the column marched north.")
    assert [s.text for s in doc.spans[ext.TIMEXES]] == []
