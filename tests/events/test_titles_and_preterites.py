"""Two classes of argument errors, on sentences written for the test:

- a verb coordinated after a passive (`was wounded and withdrew`) is passive only when
  its form can be a past participle: `withdrew`, `went` are simple pasts, so the shared
  subject is their doer, not their undergoer;
- a title of rank or office (`the Count of X`, `the envoy`) names its holder: it is the
  participant (`Count`, not the place after `of`), and a person for sense rules
  (`met the envoy` is a meeting).
"""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("The Count of Savoy was wounded and withdrew to Turin.", "wounded", "Life.Injure", [A("Victim", "Count")]),
    ("The Count of Savoy was wounded and withdrew to Turin.", "withdrew", "Movement.Transport",
     [A("Artifact", "Count"), A("Destination", "Turin")]),
    ("In 1643 the consul was wounded and went to Naples.", "went", "Movement.Transport",
     [A("Artifact", "consul"), A("Destination", "Naples")]),
    ("The Duchess of Milan was imprisoned in 1499.", "imprisoned", "Justice.Arrest-Jail", [A("Person", "Duchess")]),
    ("The old king met the envoy in Lisbon in 1502.", "met", "Contact.Meet",
     [A("Entity", "old king"), A("Entity", "envoy"), A("Place", "Lisbon")]),
])
def test_title_holders_and_simple_pasts(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_a_shared_form_after_a_passive_stays_passive(nlp):
    """`defeated and killed`: `killed` is both past and participle, so it keeps the
    passive reading and its subject is the victim."""
    doc = parse(nlp, "The usurper was defeated and killed at the bridge.")
    assert view(doc, frame(doc, "killed", "Life.Die"))[0] == sorted([A("Victim", "usurper"), A("Place", "bridge")])


@pytest.mark.parametrize("text,types", [
    ("In 1730 the young deacon joined the archbishop at Toledo.", ["Contact.Meet"]),
    ("In 1730 the young deacon joined 40 priests in the cloister.", []),  # a counted body, not a meeting
])
def test_joining_a_title_holder_is_a_meeting_a_counted_crowd_is_not(nlp, text, types):
    doc = parse(nlp, text)
    assert [e["type"] for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == "joined"] == types
