"""Early and ancient dates (SPEC 3.3 revised, issue 12.2): years of one to four digits
where the context makes them years, eras, BC ranges, decades and centuries, with
astronomical-year intervals. Sentences written for the test."""
import pytest

from pipeline import extensions as ext

# (context, expression, type, value, mod, earliest, latest)
CASES = [
    ("The old fortress was abandoned in 612 after the flood.", "612", "DATE", "0612", None, "0612-01-01", "0612-12-31"),
    ("A new bishop was installed by 735 in the valley.", "735", "DATE", "0735", None, "0735-01-01", "0735-12-31"),
    ("The harbour silted up in 71 BC and was never dredged.", "71 BC", "DATE", "BC0071", None, "-0070-01-01", "-0070-12-31"),
    ("Coins of 212 B.C. were found beneath the floor.", "212 B.C.", "DATE", "BC0212", None, "-0211-01-01", "-0211-12-31"),
    ("The colony was settled around 650 BCE by traders.", "around 650 BCE", "DATE", "BC0650", "APPROX", "-0649-01-01", "-0649-12-31"),
    ("The province was reorganised in AD 43 by the governor.", "AD 43", "DATE", "0043", None, "0043-01-01", "0043-12-31"),
    ("The chapel was rebuilt in 1187 Anno Domini by the monks.", "1187 Anno Domini", "DATE", "1187", None, "1187-01-01", "1187-12-31"),
    ("The charter is dated Anno Domini 944 in the margin.", "Anno Domini 944", "DATE", "0944", None, "0944-01-01", "0944-12-31"),
    ("The aqueduct was finished in 97 CE under a new emperor.", "97 CE", "DATE", "0097", None, "0097-01-01", "0097-12-31"),
    ("The king was anointed on Christmas Day 751 by the abbot.", "Christmas Day 751", "DATE", "0751-12-25", None, "0751-12-25", "0751-12-25"),
    ("The tyrant was stabbed on the Ides of March, 61 BC, in the forum.", "the Ides of March, 61 BC", "DATE", "BC0061-03-15", None, "-0060-03-15", "-0060-03-15"),
    ("A comet was seen at Christmas 66 AD over the city.", "Christmas 66 AD", "DATE", "0066-12-25", None, "0066-12-25", "0066-12-25"),
    ("A synod met on 3 June 587 in the old basilica.", "3 June 587", "DATE", "0587-06-03", None, "0587-06-03", "0587-06-03"),
    ("The general was murdered on 9 October 31 BC near the camp.", "9 October 31 BC", "DATE", "BC0031-10-09", None, "-0030-10-09", "-0030-10-09"),
    ("The siege of 338–337 BC exhausted both cities.", "338–337 BC", "DATE", "BC0338/BC0337", None, "-0337-01-01", "-0336-12-31"),
    ("The league fought from 431 to 404 BC with few pauses.", "431 to 404 BC", "DATE", "BC0431/BC0404", None, "-0430-01-01", "-0403-12-31"),
    ("Bronze tools spread in the 7th century BC across the coast.", "the 7th century BC", "DATE", "BC06", None, "-0698-01-01", "-0599-12-31"),
    ("The script changed in the fourth century BC in the south.", "the fourth century BC", "DATE", "BC03", None, "-0398-01-01", "-0299-12-31"),
    ("Monasteries multiplied in the 6th century across the island.", "the 6th century", "DATE", "05", None, "0500-01-01", "0599-12-31"),
    ("The walls date from the 330s BC according to the survey.", "the 330s BC", "DATE", "BC033", None, "-0338-01-01", "-0329-12-31"),
    ("Trade revived in the late 2nd century BC along the river.", "the late 2nd century BC", "DATE", "BC01", "END", "-0198-01-01", "-0099-12-31"),
]

# a bare year takes the era of the story it is told in
ANCHORED = [
    ("The rebels took the citadel in 402 BC. In 399 they lost it again.", "399", "BC0399", "-0398-01-01", "-0398-12-31", "402 BC"),
    ("The rebels took the citadel in AD 402. In 409 they lost it again.", "409", "0409", "0409-01-01", "0409-12-31", None),
    ("The fleet sailed in 256 BC. In July, a storm wrecked it.", "July", "BC0256-07", "-0255-07-01", "-0255-07-31", "256 BC"),
]


def _timex(doc, text):
    spans = [s for s in doc.spans[ext.TIMEXES] if s.text == text]
    assert spans, f"no timex {text!r}; found {[s.text for s in doc.spans[ext.TIMEXES]]}"
    return spans[-1]


@pytest.mark.parametrize("context,text,type_,value,mod,earliest,latest", CASES, ids=[c[1] for c in CASES])
def test_early_dates(nlp, context, text, type_, value, mod, earliest, latest):
    info = _timex(nlp(context), text)._.timex
    assert (info["type"], info["value"], info["mod"], info["earliest"], info["latest"]) == (type_, value, mod, earliest, latest)


@pytest.mark.parametrize("context,text,value,earliest,latest,anchor", ANCHORED, ids=[c[1] for c in ANCHORED])
def test_era_of_the_story(nlp, context, text, value, earliest, latest, anchor):
    doc = nlp(context)
    info = _timex(doc, text)._.timex
    assert (info["value"], info["earliest"], info["latest"]) == (value, earliest, latest)
    assert (doc.text[slice(*info["anchor"])] if info["anchor"] else None) == anchor


@pytest.mark.parametrize("context,not_timex", [
    ("The garrison of 400 men held the pass.", "400"),
    ("In 300 ships the army crossed the strait.", "300"),
    ("By 250 votes to 12 the council agreed.", "250"),
    ("In 1793 the assembly voted by a margin of 120 to 410.", "120 to 410"),
    ("The convoy left in June 1917; about 240 Danes sailed with it.", "240"),
])
def test_numbers_that_are_not_early_years(nlp, context, not_timex):
    doc = nlp(context)
    assert not any(not_timex in s.text for s in doc.spans[ext.TIMEXES])
