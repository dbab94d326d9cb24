"""Places that go in pairs or carry diacritics, and names that modify a noun
(docs/annotation.md decisions 72 and 73). Sentences written for the test; each asserts
the neighbouring entities too."""
import pytest

CASES = [
    # the other end of a dashed pair of places the model found one end of
    ("The Paris–Rouen road was cut by cavalry in December.", [("Paris", "GPE"), ("Rouen", "GPE")]),
    # names of people joined by a dash are left alone
    ("The Molotov–Ribbentrop pact was signed.", []),
    # a city the gazetteer knows stays a place beside a person the model found
    ("The militia waited between Cornwallis and Philadelphia for a week.",
     [("Cornwallis", "PERSON"), ("Philadelphia", "GPE")]),
    ("The cavalry stood between Clinton and Baltimore until dawn.", [("Clinton", "PERSON"), ("Baltimore", "GPE")]),
    # the gazetteer is read without diacritics
    ("In the spring the rebels won Ciudad Juárez.", [("Ciudad Juárez", "GPE")]),
    # a people's name modifying the object of `to` is no place
    ("The Romans fitted a boarding bridge to Roman ships.", [("Romans", "NORP"), ("Roman", "NORP")]),
    # a name the gazetteer knows whole outranks its first word (`Cape X` is a cape)
    ("The king was sent into exile in Cape Town.", [("Cape Town", "GPE")]),
    # a missed name of two words after `at` is a place too
    ("The sultan defeated the Mongols at Ain Jalut in 1260.", [("Mongols", "NORP"), ("Ain Jalut", "GPE")]),
    # ... or the building its head word says (`X Place`)
    ("The envoys met at Harrow Place in the evening.", [("Harrow Place", "FAC")]),
    # a title, a name and a regnal numeral inside the model's organisation: the person
    ("Emperor Romanos IV Diogenes was captured in the battle.", [("Romanos IV Diogenes", "PERSON")]),
    # a people named by its region
    ("The town was retaken from the Don Cossacks.", [("Don Cossacks", "NORP")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_places_in_pairs(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
