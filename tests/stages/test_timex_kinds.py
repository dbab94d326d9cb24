"""Kinds of temporal expression beyond calendar dates (issue 12.4): times of day,
seasons without a year, SET periods and frequencies, `X of that year`, quantified
durations, modifiers at a sentence start, shifts in hours, month pairs. Sentences
written for the test; each asserts type, value, mod, earliest, latest."""
import pytest

from pipeline import extensions as ext

# (text, expression, type, value, mod, earliest, latest)
CASES = [
    # times of day: clock times and parts of the day, on the story's day when it has one
    ("The convoy left the harbour on 2 March 1917. At 19:15 it met the escort.",
     "19:15", "TIME", "1917-03-02T19:15", None, "1917-03-02", "1917-03-02"),
    ("The convoy left the harbour on 2 March 1917. At 5:40 p.m. it met the escort.",
     "5:40 p.m.", "TIME", "1917-03-02T17:40", None, "1917-03-02", "1917-03-02"),
    ("The river was crossed on the night of 3–4 May 1941 under fire.",
     "the night of 3–4 May 1941", "TIME", "1941-05-03TNI", None, "1941-05-03", "1941-05-03"),
    ("The ferry sank on 8 May 1902. That evening, divers searched the wreck.",
     "That evening", "TIME", "1902-05-08TEV", None, "1902-05-08", "1902-05-08"),
    ("The ferry sank on 8 May 1902. The next morning, divers searched the wreck.",
     "The next morning", "TIME", "1902-05-09TMO", None, "1902-05-09", "1902-05-09"),
    # `on the 14th`: a day of the story's month, the next month's when that day is past (decision 57)
    ("The envoy reached the camp on 3 May 1850. By the 10th, the talks had failed.",
     "the 10th", "DATE", "1850-05-10", None, "1850-05-10", "1850-05-10"),
    ("The squadron sailed on 28 December 1804 and anchored on the 2nd.",
     "the 2nd", "DATE", "1805-01-02", None, "1805-01-02", "1805-01-02"),
    ("The squadron sailed in 1804 and anchored on the 2nd.", None, None, None, None, None, None),
    # a season in the name of an operation is the story's season (decision 51); the winter
    # of a story in January or February is the one that began the December before
    ("In February 1863 the rebels opened the Winter Campaign in the hills.",
     "Winter", "DATE", "1862-WI", None, "1862-12-01", "1863-02-28"),
    ("In 1915 the front was quiet. The Spring Campaign of 1916 opened in the mountains.",
     "Spring", "DATE", "1916-SP", None, "1916-03-01", "1916-05-31"),
    # a season or a part of the day modifying an operation (decision 59): the story's
    # season; the part of the day in the story's month when the latest date has one
    ("In October 1863 the general's slow fall campaign ended in failure.",
     "fall", "DATE", "1863-FA", None, "1863-09-01", "1863-11-30"),
    ("The rebels rose in May 1921, long before the summer offensive.",
     "summer", "DATE", "1921-SU", None, "1921-06-01", "1921-08-31"),
    ("The dykes broke in 1672. The winter campaign of 1673 cost the invaders dearly.",
     "winter", "DATE", "1673-WI", None, "1673-12-01", "1674-02-28"),
    ("The peasants of the valley rose in 1798 in the Autumn Harvest Revolt.",
     "Autumn", "DATE", "1798-FA", None, "1798-09-01", "1798-11-30"),
    ("The line broke in May 1703. The allies then opened their summer offensive in June 1704.",
     "summer", "DATE", "1704-SU", None, "1704-06-01", "1704-08-31"),
    ("Spring offensives\n\nThe rebels rose in March 1821. In the spring offensives they took the hills.",
     "spring", "DATE", "1821-SP", None, "1821-03-01", "1821-05-31"),
    ("In April 1760 the regiment reached the fort. A dawn attack failed.",
     "dawn", "TIME", "1760-04-XXTMO", None, None, None),
    ("In mid April 1920 the police made arrests in a night-raid on the docks.",
     "night", "TIME", "1920-04-XXTNI", None, None, None),
    ("The rebels were chased out in 1799; night attacks resumed.",
     "night", "TIME", "XXXX-XX-XXTNI", None, None, None),
    ("The ice broke in January 1709. The winter was the coldest in memory.",
     "The winter", "DATE", "1708-WI", None, "1708-12-01", "1709-02-28"),
    # `noon`, `midnight` are clock times: on the story's day like `At 19:15`; a part of
    # the day without `that` / `the next` is not (decision 56)
    ("The convoy left the harbour on 2 March 1917. At noon it met the escort.",
     "noon", "TIME", "1917-03-02T12:00", None, "1917-03-02", "1917-03-02"),
    ("The convoy left the harbour in March 1917. At noon it met the escort.",
     "noon", "TIME", "XXXX-XX-XXT12:00", None, None, None),
    ("The raiders always crossed the border at night to avoid patrols.",
     "night", "TIME", "XXXX-XX-XXTNI", None, None, None),
    ("The guards were changed at dawn without a word.",
     "dawn", "TIME", "XXXX-XX-XXTMO", None, None, None),
    ("The bombardment went on from dawn until late afternoon.",
     "late afternoon", "TIME", "XXXX-XX-XXTAF", "END", None, None),
    ("The patrols slipped out before dawn and were back by noon.",
     "dawn", "TIME", "XXXX-XX-XXTMO", None, None, None),
    ("In the early morning the scouts crossed the ford.",
     "the early morning", "TIME", "XXXX-XX-XXTMO", "START", None, None),
    # seasons without a year take the story's year
    ("The canal was dug in 1827. In the spring, the first barges passed.",
     "the spring", "DATE", "1827-SP", None, "1827-03-01", "1827-05-31"),
    ("The canal was dug in 1827. During the winter, the locks froze.",
     "the winter", "DATE", "1827-WI", None, "1827-12-01", "1828-02-29"),
    ("The canal was dug in 1827. By late autumn, the locks were finished.",
     "late autumn", "DATE", "1827-FA", "END", "1827-09-01", "1827-11-30"),
    # SET: periods and frequencies
    ("The garrison was inspected daily by the colonel.", "daily", "SET", "P1D", None, None, None),
    ("Supply ships called twice a week at the island.", "twice a week", "SET", "P1W", None, None, None),
    ("The mine produced forty tons per day in good years.", "per day", "SET", "P1D", None, None, None),
    ("Every summer the herders drove the flocks uphill.", "Every summer", "SET", "XXXX-SU", None, None, None),
    ("Each month the council met in the old hall.", "Each month", "SET", "P1M", None, None, None),
    ("The levy brought in 3 million a year to the crown.", "a year", "SET", "P1Y", None, None, None),
    ("Desertions ran at 25 a week during the march.", "a week", "SET", "P1W", None, None, None),
    ("The ration was 2.5/day for each soldier.", "day", "SET", "P1D", None, None, None),
    # weekdays and intervals of more than one unit
    ("A cattle fair was held every Tuesday below the castle.", "every Tuesday", "SET", "XXXX-WXX-2", None, None, None),
    ("Each Friday the garrison drew its pay.", "Each Friday", "SET", "XXXX-WXX-5", None, None, None),
    ("The guild met on Sundays after mass.", "Sundays", "SET", "XXXX-WXX-7", None, None, None),
    ("Scouts rode out every other day to watch the fords.", "every other day", "SET", "P2D", None, None, None),
    ("The census was taken every ten years until the revolt.", "every ten years", "SET", "P10Y", None, None, None),
    ("Relief columns came every few weeks in the dry season.", "every few weeks", "SET", "PXW", None, None, None),
    ("The bell was rung once every hour through the night.", "once every hour", "SET", "PT1H", None, None, None),
    ("The siege took a year in the end.", "a year", "DURATION", "P1Y", None, None, None),
    # `X of that year` is one timex, in the reference's year (no rollover)
    ("The strike began in October 1911. In February of that year, wages had been cut.",
     "February of that year", "DATE", "1911-02", None, "1911-02-01", "1911-02-28"),
    ("The strike began in October 1911. On March 3 of the same year, wages had been cut.",
     "March 3 of the same year", "DATE", "1911-03-03", None, "1911-03-03", "1911-03-03"),
    ("The mill burned in the winter of 1760. In the summer of that year, it was rebuilt.",
     "the summer of that year", "DATE", "1760-SU", None, "1760-06-01", "1760-08-31"),
    ("The mill burned in the winter of 1760. In the summer, it was rebuilt.",
     "the summer", "DATE", "1761-SU", None, "1761-06-01", "1761-08-31"),
    ("The mill burned in May 1760. In the autumn of the same year, it was rebuilt.",
     "the autumn of the same year", "DATE", "1760-FA", None, "1760-09-01", "1760-11-30"),
    # `the Nth of Month`: the article is part of the expression (SPEC 3.3: determiners)
    ("The fort was handed over on the 14th of August 1762 to the fleet.",
     "the 14th of August 1762", "DATE", "1762-08-14", None, "1762-08-14", "1762-08-14"),
    ("The fort fell in 1762. On the 2nd of September, the fleet left.",
     "the 2nd of September", "DATE", "1762-09-02", None, "1762-09-02", "1762-09-02"),
    # feasts of a fixed date, with their year
    ("The lease ran out at Michaelmas 1642 and was not renewed.",
     "Michaelmas 1642", "DATE", "1642-09-29", None, "1642-09-29", "1642-09-29"),
    ("The first court sat on Lady Day, 1601, in the market hall.",
     "Lady Day, 1601", "DATE", "1601-03-25", None, "1601-03-25", "1601-03-25"),
    # a fortnight is two weeks
    ("The envoy landed on 3 May 1850. A fortnight later, he was received at court.",
     "A fortnight later", "DATE", "1850-05-17", None, "1850-05-17", "1850-05-17"),
    # `aged N` is an age
    ("Aged 20, the clerk left for the colonies.", "Aged 20", "DURATION", "P20Y", None, None, None),
    ("The old admiral died, aged seventy-two, in his house.", "aged seventy-two", "DURATION", "P72Y", None, None, None),
    # with a duration's modifier (decision 54)
    ("The poet died in exile, aged about sixty.", "aged about sixty", "DURATION", "P60Y", "APPROX", None, None),
    ("The abbess was still ruling, aged over 90.", "aged over 90", "DURATION", "P90Y", "AFTER", None, None),
    # `N and a half units`
    ("The blockade lasted two and a half years.", "two and a half years", "DURATION", "P2.5Y", None, None, None),
    ("The caravan rested for about four and a half days.", "about four and a half days", "DURATION", "P4.5D",
     "APPROX", None, None),
    # quantified durations keep their modifier
    ("The dynasty ruled for more than a century in the valley.", "more than a century", "DURATION", "P1CE", "AFTER", None, None),
    ("The crossing took about a week in calm weather.", "about a week", "DURATION", "P1W", "APPROX", None, None),
    ("The repairs lasted less than two months in the end.", "less than two months", "DURATION", "P2M", "BEFORE", None, None),
    ("The ceasefire held for nearly three years on the border.", "nearly three years", "DURATION", "P3Y", "APPROX", None, None),
    ("The truce held for over a year on the border.", "over a year", "DURATION", "P1Y", "AFTER", None, None),
    # `over the next ...` is a span of time, not `more than`: the preposition stays out
    ("Over the next few years the guild lost its charter.", "the next few years", "DURATION", "PXY", None, None, None),
    ("Over the past two decades the port had silted up.", "the past two decades", "DURATION", "P2DE", None, None, None),
    # halves of decades and centuries are modifiers (a year has its own half: 1648-H2)
    ("In the second half of the 1880s the mills closed one by one.",
     "the second half of the 1880s", "DATE", "188", "END", "1880-01-01", "1889-12-31"),
    ("The first half of the 14th century brought famine to the valley.",
     "The first half of the 14th century", "DATE", "13", "START", "1300-01-01", "1399-12-31"),
    ("Trade grew in the second half of 1701 along the coast.",
     "the second half of 1701", "DATE", "1701-H2", None, "1701-07-01", "1701-12-31"),
    # a modifier opening the sentence is kept
    ("Around 1640, the town walls were rebuilt.", "Around 1640", "DATE", "1640", "APPROX", "1640-01-01", "1640-12-31"),
    ("The end of 1723 brought a hard frost.", "The end of 1723", "DATE", "1723", "END", "1723-01-01", "1723-12-31"),
    ("By the end of the year, the harbour was full.", None, None, None, None, None, None),
    # shifts in hours stay on the reference's day
    ("The dam broke on 12 June 1889. Six hours later, the valley flooded.",
     "Six hours later", "DATE", "1889-06-12", None, "1889-06-12", "1889-06-12"),
    ("The dam broke on 12 June 1889. Three hours earlier, the guards had left.",
     "Three hours earlier", "DATE", "1889-06-12", None, "1889-06-12", "1889-06-12"),
    # months written as a pair
    ("The harvest of August/September 1874 was poor.",
     "August/September 1874", "DATE", "1874-08/1874-09", None, "1874-08-01", "1874-09-30"),
    ("Fighting paused from November to February, then resumed in 1813.",
     None, None, None, None, None, None),
    ("The garrison held out from April to June 1850 without relief.",
     "April to June 1850", "DATE", "1850-04/1850-06", None, "1850-04-01", "1850-06-30"),
    ("The truce held November to February, 1923 in the hills.",
     "November to February, 1923", "DATE", "1922-11/1923-02", None, "1922-11-01", "1923-02-28"),
    # `fall` as a season, not the noun of a collapse
    ("The port was blockaded in 1804. In the fall, the blockade was lifted.",
     "the fall", "DATE", "1804-FA", None, "1804-09-01", "1804-11-30"),
    ("The port was blockaded in 1804. By the fall of that year, it was lifted.",
     "the fall of that year", "DATE", "1804-FA", None, "1804-09-01", "1804-11-30"),
    # a season with its year, in either order and any case
    ("The mills closed in the Autumn of 1907 for good.",
     "the Autumn of 1907", "DATE", "1907-FA", None, "1907-09-01", "1907-11-30"),
    ("The 1909 summer was the driest on record.",
     "1909 summer", "DATE", "1909-SU", None, "1909-06-01", "1909-08-31"),
    ("The fleet gathered in the spring of 480 BC near the strait.",
     "the spring of 480 BC", "DATE", "BC0480-SP", None, "-0479-03-01", "-0479-05-31"),
    ("The fleet sailed in late autumn of 381 BC from the gulf.",
     "late autumn of 381 BC", "DATE", "BC0381-FA", "END", "-0380-09-01", "-0380-11-30"),
    # a season coordinated with another, a modifier after the article
    ("The siege began in May 1776. It lasted throughout the fall and winter.",
     "winter", "DATE", "1776-WI", None, "1776-12-01", "1777-02-28"),
    ("The canal was dug in 1827. In the early summer, the first barges passed.",
     "the early summer", "DATE", "1827-SU", "START", "1827-06-01", "1827-08-31"),
    # `ago` looks back from the story's time like `earlier`
    ("The envoy spoke in May 1871: \"Two years ago we were friends.\"",
     "Two years ago", "DATE", "1869", None, "1869-01-01", "1869-12-31"),
    # halves of a year; a weekday before a date
    ("Exports fell in the latter half of 1931 across the region.",
     "the latter half of 1931", "DATE", "1931-H2", None, "1931-07-01", "1931-12-31"),
    ("The assault began on Tuesday, March 4, 1919 before dawn.",
     "Tuesday, March 4, 1919", "DATE", "1919-03-04", None, "1919-03-04", "1919-03-04"),
    # a part of a month; month abbreviations without a dot before a number
    ("Rains fell in the last two weeks of April 1911 across the plain.",
     "the last two weeks of April 1911", "DATE", "1911-04", "END", "1911-04-01", "1911-04-30"),
    ("The mill reopened in 1911. In the first days of May, the looms ran again.",
     "the first days of May", "DATE", "1911-05", "START", "1911-05-01", "1911-05-31"),
    ("The charter was sealed on Sept 14, 1533 at the abbey.",
     "Sept 14, 1533", "DATE", "1533-09-14", None, "1533-09-14", "1533-09-14"),
    ("The repairs took a few hours at most.", "a few hours", "DURATION", "PTXH", None, None, None),
    # unstated numbers of units and the one unit just past are durations
    ("The port fell on 3 May 1805. In the following days, the fleet withdrew.",
     "the following days", "DURATION", "PXD", None, None, None),
    ("The port fell on 3 May 1805. The following day, the fleet withdrew.",
     "The following day", "DATE", "1805-05-04", None, "1805-05-04", "1805-05-04"),
    ("Over the past decade the town had doubled its mills.", "the past decade", "DURATION", "P1DE", None, None, None),
    ("In the last year, the harbour trade had collapsed.", "the last year", "DURATION", "P1Y", None, None, None),
    ("The coming centuries forgot the old fort.", "The coming centuries", "DURATION", "PXCE", None, None, None),
    # a count of units inside a name is a duration (decision 60)
    ("After the Forty Years' War the duchy was ruined.",
     "Forty Years", "DURATION", "P40Y", None, None, None),
    ("The Nine-Day War on the border ended in a truce.",
     "Nine-Day", "DURATION", "P9D", None, None, None),
    ("His brother died in the 3 Weeks Campaign on the coast.",
     "3 Weeks", "DURATION", "P3W", None, None, None),
    # a fortnight is two weeks; a bare plural unit after `within`, `for`, `after`, `by` is
    # an unstated number of them
    ("The envoys argued for a fortnight over the border.", "a fortnight", "DURATION", "P2W", None, None, None),
    ("The envoys argued for three fortnights over the border.", "three fortnights", "DURATION", "P6W", None, None, None),
    ("The duke died in 1154 and within weeks the barons rose.", "weeks", "DURATION", "PXW", None, None, None),
    ("The bridge, weakened by years of neglect, gave way.", "years", "DURATION", "PXY", None, None, None),
    # a date in another calendar glossing the date before it is that day (decision 61)
    ("The tsarina was crowned on 18 May 1724 (O.S. 7 May) in the cathedral.",
     "7 May", "DATE", "1724-05-18", None, "1724-05-18", "1724-05-18"),
    ("The port was taken on 10 August 1702 (30 July Old Style) by the fleet.",
     "30 July", "DATE", "1702-08-10", None, "1702-08-10", "1702-08-10"),
    ("The port was taken on 10 August 1702 (30 July) by the fleet.",
     "30 July", "DATE", "1702-07-30", None, "1702-07-30", "1702-07-30"),
    # a part of a holiday is that day's part, in the story's year; `two and half` is `two and a half`
    ("The militia gathered in December 1781. On Christmas night it rowed across the bay.",
     "Christmas night", "TIME", "1781-12-25TNI", None, "1781-12-25", "1781-12-25"),
    ("The fort held out for over three and half years against the rebels.",
     "over three and half years", "DURATION", "P3.5Y", "AFTER", None, None),
    # `June 20 of 1792`: one date
    ("The assembly met on March 3 of 1848 in the old hall.",
     "March 3 of 1848", "DATE", "1848-03-03", None, "1848-03-03", "1848-03-03"),
    # a list of days is one timex per day, each with the list's month and year (SPEC 3.3)
    ("The war dragged into 1865. The last forts surrendered on May 4 and 5, 1865.",
     "May 4", "DATE", "1865-05-04", None, "1865-05-04", "1865-05-04"),
    ("The war dragged into 1865. The last forts surrendered on May 4 and 5, 1865.",
     "5, 1865", "DATE", "1865-05-05", None, "1865-05-05", "1865-05-05"),
    ("The army crossed the river in August 1918, taking the ridge on the 28 and 29 August.",
     "the 28", "DATE", "1918-08-28", None, "1918-08-28", "1918-08-28"),
    ("The siege opened in March 1954. The last posts fell on May 6 and 7th, after a long fight.",
     "7th", "DATE", "1954-05-07", None, "1954-05-07", "1954-05-07"),
    ("The war began in 26 BC. The legions fought on May 4 and 5, 25 BC, near the river.",
     "5, 25 BC", "DATE", "BC0025-05-05", None, "-0024-05-05", "-0024-05-05"),
    ("The rains began in 1799. It rained on 3, 4 and 5 June 1799 and the river rose.",
     "4", "DATE", "1799-06-04", None, "1799-06-04", "1799-06-04"),
    # a range written without a year is dated by its end
    ("The fleet came home in March 1806. It had cruised from October to February off the cape.",
     "October to February", "DATE", "1805-10/1806-02", None, "1805-10-01", "1806-02-28"),
]


def _timexes(doc):
    return {s.text: s._.timex for s in doc.spans[ext.TIMEXES]}


@pytest.mark.parametrize("text,expression,type_,value,mod,earliest,latest", CASES, ids=[c[1] or c[0][:30] for c in CASES])
def test_kinds(nlp, text, expression, type_, value, mod, earliest, latest):
    doc = nlp(text)
    found = _timexes(doc)
    if expression is None:  # nothing before it to resolve it, or not a timex
        assert all(info["value"] is None or "XXXX" not in info["value"] for info in found.values()), found
        return
    assert expression in found, f"no timex {expression!r}; found {list(found)}"
    info = found[expression]
    assert (info["type"], info["value"], info["mod"], info["earliest"], info["latest"]) == (type_, value, mod, earliest, latest)


@pytest.mark.parametrize("text,not_timex", [
    ("The summer palace burned down in a fire.", "summer"),
    ("The winter offensive stalled on the river.", "winter"),  # no story date to place it
    ("In 1865 on May 4 and 12 divisions left the city.", "12"),  # a count, not a day
    ("Under Resolution 1483 the council took charge of the port.", "1483"),  # a numbered resolution
    ("In 1944 the battalion took Hill 1776 after a week.", "1776"),  # a numbered hill
    ("Twelve Years Later\n\nThe town was rebuilt in 1712.", "Twelve Years"),  # a heading's shift
    ("In 1930 the Three-Year Plan was adopted by the council.", "Three-Year"),  # a plan's term (decision 60)
    ("The mill burned in 1850. The evening paper reported the fire.", "evening"),
    ("He scored 3:1 in the final match.", "3:1"),
    ("The town grew in the last year of the old king.", "the last year"),
    ("The siege ended in 1804. After the fall of the old capital, the court fled.", "fall"),
    ("Fall of the Western Fort\n\nThe fort was taken in 1790.", "Fall"),
    ("In 1864 the army began its \"March to the Coast\" across the state.", "March"),
    ("In 1864 there were no battles along the March.", "March"),
    ("In 1789 the women began a March on the palace.", "March"),
    ("Cheese aged a few months was sold at the fair.", "aged"),
    ("In 1905 the crowd marched on the Winter Palace.", "Winter"),
    ("The raid of 4 June 1916 was led by the 12th Hussars and stopped on the 38th parallel.", "the 38th"),
    ("In June 1916 the regiment came second and the 12th came third.", "the 12th"),
])
def test_not_timexes(nlp, text, not_timex):
    doc = nlp(text)
    assert not any(not_timex in s.text for s in doc.spans[ext.TIMEXES])


@pytest.mark.parametrize("text,expression,value,anchor", [
    # the narrative resolves these; the creation date is not asked (issue 12.5)
    ("The harvest began on 20 August 1893. In the last week of August, rain came.",
     "the last week of August", "1893-08", "20 August 1893"),
    ("The general arrived on 4 June 1916. \"We attack tomorrow,\" he told the staff.",
     "tomorrow", "1916-06-05", "4 June 1916"),
    ("The general arrived on 4 June 1916. \u201cWe held the hill yesterday,\u201d he wrote.",
     "yesterday", "1916-06-03", "4 June 1916"),
    # deixis of the document itself does use it, and does not anchor what follows
    ("The mine opened on 2 May 1887. The archive released its plans yesterday. In June, the shaft flooded.",
     "yesterday", "2024-03-14", None),
])
def test_creation_date_only_for_deixis(nlp_with_dct, text, expression, value, anchor):
    doc = nlp_with_dct(text)
    found = {s.text: s._.timex for s in doc.spans[ext.TIMEXES]}
    info = found[expression]
    assert info["value"] == value
    assert (doc.text[slice(*info["anchor"])] if info["anchor"] else None) == anchor
    if anchor is None:  # the story goes on from its own date, not from --dct
        assert found["June"]["value"] == "1887-06"
