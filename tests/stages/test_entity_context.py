"""Entity labels decided by the document and the context, not only by the small model
(issue 13.4). Every sentence is written for the test; each case lists the exact
entities (text, label, canonical entity) of a short document."""
import pytest

CASES = [
    # a bare surname of a person named in full is that person, whatever the model says
    ("Tomás Quintero Ferrado challenged the old regime. Ferrado won the election in 1902, but "
     "Ferrado's cabinet quarrelled.",
     [("Tomás Quintero Ferrado", "PERSON", "Tomás Quintero Ferrado"), ("Ferrado", "PERSON", "Tomás Quintero Ferrado"),
      ("Ferrado", "PERSON", "Tomás Quintero Ferrado")]),
    # a first name that is also a city's (WordNet's gazetteer) stays the person the
    # document names in full, where the model calls it a person
    ("Pierre Dupont was born in Lyon in 1820. In 1854 Pierre sailed to Algiers.",
     [("Pierre Dupont", "PERSON", "Pierre Dupont"), ("Lyon", "GPE", "Lyon"), ("Pierre", "PERSON", "Pierre"),
      ("Algiers", "GPE", "Algiers")]),
    # a one-word name that speaks, or is shot or exiled, is a person whatever the model said
    ("Lincoln spoke at the cemetery. Lincoln was shot in 1865.",
     [("Lincoln", "PERSON", "Lincoln"), ("Lincoln", "PERSON", "Lincoln")]),
    ("Harrow was exiled to the island in 1815.", [("Harrow", "PERSON", "Harrow")]),
    # a facility by its head word; a longer name after the head is not that facility
    ("The army camped by the Harwick Bridge and stored powder in the Dunmere Arsenal.",
     [("Harwick Bridge", "FAC", "Harwick Bridge"), ("Dunmere Arsenal", "FAC", "Dunmere Arsenal")]),
    # a title before proper nouns makes a person, and the title is no part of the name
    ("Commanding General Brackley ordered a retreat. Brackley withdrew his army to the coast.",
     [("Brackley", "PERSON", "Brackley"), ("Brackley", "PERSON", "Brackley")]),
    # a one-word name that dies is a person, and so is the full name ending in it
    ("Hanno Barca led the army; Barca died in the following spring.",
     [("Hanno Barca", "PERSON", "Hanno Barca"), ("Barca", "PERSON", "Hanno Barca")]),
    # `the X` is no person; the era of a year is no entity; natural features are LOC
    ("In 310 BC the legion crossed the Danube and camped at Mill Creek.",
     [("Danube", "LOC", "Danube"), ("Mill Creek", "LOC", "Mill Creek")]),
    # a name is whole across a hyphen written without spaces
    ("The rebels were led by Liu Wen-kuan. Liu Wen-kuan was killed in the winter.",
     [("Liu Wen-kuan", "PERSON", "Liu Wen-kuan"), ("Liu Wen-kuan", "PERSON", "Liu Wen-kuan")]),
    # a compound event name is whole; an adjective compound keeps its name alone
    ("The Anglo–Zulu War ended in 1879. French-backed rebels later rose in the south.",
     [("Anglo–Zulu War", "EVENT", "Anglo–Zulu War"), ("French", "NORP", "French")]),
    # named military operations are events, numbered ones included
    ("Operation Red Harvest began in March. The second phase, Operation Stone 12, followed in May.",
     [("Operation Red Harvest", "EVENT", "Operation Red Harvest"), ("second", "ORDINAL", "second"),
      ("Operation Stone 12", "EVENT", "Operation Stone 12")]),
    # declarations and decrees without a `Treaty of` shape are laws
    ("The assembly adopted the Declaration of the Duties of the Citizen in 1790. The Harrow Decrees "
     "abolished the old tolls.",
     [("Declaration of the Duties of the Citizen", "LAW", "Declaration of the Duties of the Citizen"),
      ("Harrow Decrees", "LAW", "Harrow Decrees")]),
    # only places are besieged and occupied; a name the model finds once is found again
    ("The rebels besieged Talvora for a month. The army then occupied Talvora.",
     [("Talvora", "GPE", "Talvora"), ("Talvora", "GPE", "Talvora")]),
    ("The fleet of Ostrand was destroyed, and Ostrand sued for peace. Later Ostrand was occupied.",
     [("Ostrand", "GPE", "Ostrand"), ("Ostrand", "GPE", "Ostrand"), ("Ostrand", "GPE", "Ostrand")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_entities_from_context(nlp, text, expected):
    doc = nlp(text)
    assert [(e.text, e.label_, e._.entity) for e in doc.ents if e.label_ != "CARDINAL"] == expected


def test_places_by_position_and_groups_by_use(nlp):
    # the model calls the coordinated town ORG; `win X`, `north of X` take places
    doc = nlp("The general abandoned Pleiku and Kontum and retreated. The rebels won Tarnow "
              "and held the hills north of Kessing.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Pleiku", "GPE"), ("Kontum", "GPE"), ("Tarnow", "GPE"),
                                                     ("Kessing", "GPE")]
    # an allegiance adjective before a common noun is a group of people, not an organisation
    doc = nlp("In the spring the Confederate troops surrendered to the Royalist army.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Confederate", "NORP"), ("Royalist", "NORP")]


def test_across_the_name_is_a_place(nlp):
    doc = nlp("The brigade advanced across the Varna and reached the Sallow before winter.")
    assert [(e.text, e.label_) for e in doc.ents][-1] == ("Sallow", "LOC")


def test_a_surname_the_document_uses_as_a_place_stays_a_place(nlp):
    # `Norwood` names a person in full, but the document also puts a garrison *at*
    # Norwood: the word is no surname to spread, so the place keeps its place label
    doc = nlp("Edmund Norwood founded the colony. The governor sent troops to the fort, "
              "and the garrison at Norwood surrendered.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Edmund Norwood", "PERSON"), ("Norwood", "GPE")]


def test_a_facility_head_inside_a_longer_name_is_no_facility(nlp):
    doc = nlp("The Lindholm Temple Register lists the priests.")
    assert "Lindholm Temple" not in [e.text for e in doc.ents]
    assert all(e.label_ != "FAC" for e in doc.ents)
