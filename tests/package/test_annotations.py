"""`span._.timex` and `doc._.events` are typed values with the records' fields, and
travel with a Doc's bytes (the workers of `nlp.pipe(n_process=2)` send Docs so)."""
from spacy.tokens import Doc

import pipeline
from pipeline.annotations import ArgumentAnnotation, EventAnnotation, TimexAnnotation

TEXT = "In May 1814 the envoys signed the Treaty of Paris. Two weeks later the king returned to Paris."


def test_the_annotations_are_typed_and_read_like_records(nlp):
    doc = nlp(TEXT)
    first, second = (t._.timex for t in doc.spans["timexes"])
    assert first == TimexAnnotation("DATE", "1814-05", None, "1814-05-01", "1814-05-31", None, None)
    assert (second.value, second["value"], second.anchor) == ("1814-05", "1814-05", (3, 11))
    signed = doc._.events[0]
    assert isinstance(signed, EventAnnotation)
    assert (doc.text[slice(*signed.trigger)], signed.type, signed.time, signed.polarity) == \
        ("signed", "Contact.Agree", (3, 11), "positive")
    assert signed.arguments == (ArgumentAnnotation("Participant", 16, 22, "envoys"),  # a nominal participant (SPEC 3.4)
                                ArgumentAnnotation("Agreement", 34, 49, "Treaty of Paris"))
    records = pipeline.to_records(doc, "d")
    assert [(t["value"], t["anchor"]) for t in records["timexes"]] == [("1814-05", None), ("1814-05", "d:t1")]
    assert records["events"][0]["arguments"] == [
        {"role": "Participant", "start": 16, "end": 22, "text": "envoys", "entity": "envoys"},
        {"role": "Agreement", "start": 34, "end": 49, "text": "Treaty of Paris", "entity": "Treaty of Paris"}]


def test_they_survive_the_doc_bytes(nlp):
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.events == doc._.events
    assert [t._.timex for t in back.spans["timexes"]] == [t._.timex for t in doc.spans["timexes"]]
    assert pipeline.to_records(back, "d") == pipeline.to_records(doc, "d")
