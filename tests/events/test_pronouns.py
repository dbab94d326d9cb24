"""Pronoun referents (issue 13.5) on the real pipeline, in short biographies written for
the test: `he` prefers the document's main subject where its paragraph offers no other
man; `they` after a sentence naming two people keeps both, joined with `; `
(docs/annotation.md, decision 16). Each row asserts whole frames; the timeline rows are
what a reader sees."""
from __future__ import annotations

import pytest

from pipeline.events import coref
from pipeline.events.lexicon import Lexicon
from pipeline.events.timeline import timeline_records
from pipeline.writers import RecordBuilder

from framekit import A, frame, parse, view

# The subject is named once in full, then by bare surname and `he`; another man is
# named in between, and the later paragraph names nobody.
SURVEYOR = ("Hesketh Marlow was a surveyor. In 1841 Marlow was arrested in Dover. Marlow met Samuel Hatch in 1845. "
            "Hatch built a mill near the river.\n\nHe died in 1862.")
# The other man is the subject of the sentence before `He`: the paragraph gives a candidate.
NEIGHBOUR = ("Hesketh Marlow was a surveyor. Marlow met Samuel Hatch in 1845. Hatch opened a shop in the harbour. "
             "He was arrested in 1847.")
WEAVER = ("Clara Voss was a weaver. In 1880 Voss married Martin Keller in Lyon. In 1884 they moved to Basel. "
          "Their friend Otto Kern joined them there.\n\nIn 1890 they returned to Lyon.")


def records(nlp, text):
    builder = RecordBuilder("d")
    builder.add(parse(nlp, text))
    return builder.layers


@pytest.mark.parametrize("text,trigger,etype,args,time", [
    # no man in the last paragraph: `He` is the main subject, not the last man named
    (SURVEYOR, "died", "Life.Die", [A("Victim", "He", "Hesketh Marlow")], "1862"),
    # `Hatch` is the previous sentence's subject: the paragraph's own candidate wins
    (NEIGHBOUR, "arrested", "Justice.Arrest-Jail", [A("Person", "He", "Samuel Hatch")], "1847"),
    # `they` after a sentence naming two people: both, in the order named
    (WEAVER, "moved", "Movement.Transport",
     [A("Artifact", "they", "Clara Voss; Martin Keller"), A("Destination", "Basel")], "1884"),
    (WEAVER, "joined", "Contact.Meet",
     [A("Entity", "Otto Kern"), A("Entity", "them", "Clara Voss; Martin Keller")], None),
    # a later paragraph that names no one keeps the last plural referent
    (WEAVER, "returned", "Movement.Transport",
     [A("Artifact", "they", "Clara Voss; Martin Keller"), A("Destination", "Lyon")], "1890"),
    # a nearer sentence whose subject is a group without a name: that group, unnamed
    ("Clara Voss met Martin Keller in Lyon in 1880. The town's weavers were angry. In 1884 they moved to Basel.",
     "moved", "Movement.Transport", [A("Artifact", "they"), A("Destination", "Basel")], "1884"),
])
def test_pronoun_arguments(nlp, text, trigger, etype, args, time):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype)) == (sorted(args), time, "positive", "asserted")


def test_timeline_follows_the_main_subject(nlp):
    layers = records(nlp, SURVEYOR)
    rows = timeline_records(layers["events"], layers["timexes"], layers["sentences"])
    assert [(r["earliest"], r["summary"], r["entities"]) for r in rows] == [
        ("1841-01-01", "Arrest-Jail: arrested (Person: Hesketh Marlow; Place: Dover)", ["Dover", "Hesketh Marlow"]),
        ("1845-01-01", "Meet: met (Entity: Hesketh Marlow, Samuel Hatch)", ["Hesketh Marlow", "Samuel Hatch"]),
        ("1862-01-01", "Die: died (Victim: Hesketh Marlow)", ["Hesketh Marlow"]),
    ]


def test_timeline_lists_every_referent_of_they(nlp):
    layers = records(nlp, WEAVER)
    rows = timeline_records(layers["events"], layers["timexes"], layers["sentences"])
    assert [(r["earliest"], r["summary"]) for r in rows] == [
        ("1880-01-01", "Marry: married (Person: Clara Voss, Martin Keller; Place: Lyon)"),
        ("1884-01-01", "Transport: moved (Artifact: Clara Voss, Martin Keller; Destination: Basel)"),
        ("1890-01-01", "Transport: returned (Artifact: Clara Voss, Martin Keller; Destination: Lyon)"),
    ]
    assert rows[1]["entities"] == ["Basel", "Clara Voss", "Martin Keller"]


@pytest.mark.parametrize("text,main", [
    (SURVEYOR, "Hesketh Marlow"),  # named in the opening sentence (and most often)
    # the opening (title and first sentence) names nobody: the person named most often,
    # counted by canonical name (`Marlow` counts for `Hesketh Marlow`)
    ("The harbour froze in 1840. The town grew. Samuel Hatch sold grain there. Hesketh Marlow was a surveyor. "
     "Marlow bought the mill in 1850.", "Hesketh Marlow"),
    ("The harbour froze in 1840. The town grew.", None),  # nobody named: no main subject
])
def test_main_subject(nlp, text, main):
    ref = coref.main_subject(parse(nlp, text))
    assert (ref.name if ref else None) == main


def test_resolution_is_by_token(nlp):
    """resolve() maps pronoun token indices to referent names and nothing else."""
    doc = parse(nlp, WEAVER)
    got = coref.resolve(Lexicon(nlp.get_pipe("hist_events").rules, doc), doc)
    assert {doc[i].text: name for i, name in got.items()} == {
        "they": "Clara Voss; Martin Keller", "Their": "Clara Voss; Martin Keller", "them": "Clara Voss; Martin Keller"}
