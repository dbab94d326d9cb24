"""Entities on the first seed's dev ranges: exact span, label and canonical referent.

The whole document is processed once (canonical names are document-wide). Each case
names a phrase of the text and the mention inside it.
"""
import pytest



@pytest.fixture(scope="module")
def seed_doc(seed_docs):
    return seed_docs["000_09dcfff65826fb95"]


def _mention(seed_doc, phrase, mention, occurrence=0):
    text, doc = seed_doc
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    start = at + phrase.index(mention)
    hits = [e for e in doc.ents if e.start_char == start]
    assert hits, f"no entity starts at {mention!r} in {phrase!r}"
    return hits[0]


# (phrase in the text, mention, text of the span, label, canonical entity)
CASES = [
    ("Joseph Vissarionovich Stalin was a Georgian", "Joseph", "Joseph Vissarionovich Stalin", "PERSON", "Joseph Stalin"),
    ("was a Georgian revolutionary", "Georgian", "Georgian", "NORP", "Georgian"),
    ("ruled the Soviet Union from", "Soviet", "Soviet Union", "GPE", "Soviet Union"),  # no leading `the`
    ("newspaper, Pravda, and raised", "Pravda", "Pravda", "ORG", "Pravda"),
    ("funds for Vladimir Lenin's Bolshevik", "Vladimir", "Vladimir Lenin", "PERSON", "Vladimir Lenin"),  # no `'s`
    ("Lenin's Bolshevik faction", "Bolshevik", "Bolshevik", "NORP", "Bolshevik"),
    ("Lenin died in January 1924.", "Lenin", "Lenin", "PERSON", "Vladimir Lenin"),
    ("was nicknamed \"Soso\"", "Soso", "Soso", "PERSON", "Joseph Stalin"),  # no quotes; joins its person
    ("adopting the nickname \"Koba\"", "Koba", "Koba", "PERSON", "Joseph Stalin"),
    ("part of the Tiflis Governorate", "Tiflis", "Tiflis Governorate", "GPE", "Tiflis Governorate"),
    ("speaking the Georgian language", "Georgian", "Georgian", "LANGUAGE", "Georgian"),
    ("married Kato Svanidze in a church", "Kato", "Kato Svanidze", "PERSON", "Kato Svanidze"),
    ("ceremony at Senaki in July", "Senaki", "Senaki", "GPE", "Senaki"),
    ("editorship of ''Pravda''", "Pravda", "Pravda", "ORG", "Pravda"),  # wiki markup quotes stay outside
    ("a mausoleum in Moscow's Red Square", "Red", "Red Square", "FAC", "Red Square"),
    ("arrested and interned in Bailov Prison", "Bailov", "Bailov Prison", "FAC", "Bailov Prison"),
    ("during the 1917 October Revolution", "October", "October Revolution", "EVENT", "October Revolution"),
    ("the Communist Party of the Soviet Union and premier", "Communist", "Communist Party of the Soviet Union", "ORG",
     "Communist Party of the Soviet Union"),
    ("Through the Five-Year Plans", "Five", "Five-Year Plans", "LAW", "Five-Year Plans"),
]


@pytest.mark.parametrize("phrase,mention,span_text,label,entity", CASES, ids=[c[1] + ":" + c[3] for c in CASES])
def test_entity(seed_doc, phrase, mention, span_text, label, entity):
    ent = _mention(seed_doc, phrase, mention)
    assert (ent.text, ent.label_, ent._.entity) == (span_text, label, entity)


def test_ideologies_are_not_entities(seed_doc):
    _, doc = seed_doc
    assert not [e.text for e in doc.ents if " " not in e.text and e.text.endswith("ism")]


def test_no_span_has_outer_quotes_possessive_or_determiner(seed_doc):
    _, doc = seed_doc
    bad = [e.text for e in doc.ents
           if e.text[0] in "\"'“‘" or e.text[-1] in "\"'”’" or e.text.endswith("'s") or e.text.split()[0] in ("the", "The")]
    assert bad == []


def test_dates_are_not_entities(seed_doc):
    _, doc = seed_doc
    assert {e.label_ for e in doc.ents} & {"DATE", "TIME"} == set()
