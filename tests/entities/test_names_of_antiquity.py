"""One-word personal names of other cultures and ages, which the small model calls ORG,
NORP or nothing, found by evidence in the text rather than by lists of names: a gendered
pronoun the name's verb gives to its object (`X marched his army`), a Roman numeral after
the name (`Pope X III`), an adjective-tagged name standing as a subject, the same name
tagged as a common noun where the document names that person elsewhere, and `X at Y`
read as a title. Every sentence is written for the test."""
import pytest

CASES = [
    # `his` on the verb's object, `herself` as its object: the subject is a person
    ("Varrowen marched his legions across the pass.", [("Varrowen", "PERSON")]),
    ("Then Ostrada crowned herself in the great hall.", [("Ostrada", "PERSON")]),
    # a state keeps its own label: `its` says nothing of a person
    ("France sent its fleet to the island.", [("France", "GPE")]),
    # a name after `the` is a body's (`his` is someone else's)
    ("After his death the Senate burned his letters.", [("Senate", "ORG")]),
    # a Roman numeral after a name, after a title or at a sentence's start
    # (the model calls the first an organisation, the second an event with `between`)
    ("In 1210 Pope Urban IV summoned a council.", [("Urban IV", "PERSON")]),
    ("The war began between Dagobert II and the rebels.", [("Dagobert II", "PERSON")]),
    ("Tarkon II ruled the city for twenty years.", [("Tarkon II", "PERSON")]),
    # a longer name with a numeral is the model's (the war's name is an event)
    ("The veterans of World War II met in the town.", [("World War II", "EVENT")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_person_evidence_in_the_sentence(nlp, text, expected):
    got = [(e.text, e.label_) for e in nlp(text).ents if e.label_ not in ("DATE", "CARDINAL")]
    assert got == expected


def test_an_adjective_tagged_name_standing_as_subject_is_a_person(nlp):
    doc = nlp("Octavian later defeated Mark at the cape.")
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Octavian", "PERSON")


def test_a_name_tagged_as_a_common_noun_is_found_where_the_person_is_known(nlp):
    # the tagger reads the unfamiliar `Pompey` at the start as a common noun; the
    # document names that person in the next sentence
    doc = nlp("Pompey fled from the city to the coast. Later the senate recalled Pompey.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Pompey", "PERSON"), ("Pompey", "PERSON")]


def test_a_person_at_a_place_is_no_title(nlp):
    # the model reads `Antony at Actium` as a title and the second `Antony` as ORG
    doc = nlp("Octavian then defeated Antony at Actium, and Antony took his own life in Egypt.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Octavian", "PERSON"), ("Antony", "PERSON"), ("Actium", "GPE"), ("Antony", "PERSON"), ("Egypt", "GPE")]
