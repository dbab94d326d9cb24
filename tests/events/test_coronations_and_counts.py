"""On sentences written for the test: a coronation is the start of a reign (`crowned`,
`coronation`: Start-Position, the crowned the Person); `held in captivity` an arrest;
`elected him president` has `him` as the Person and the post as the Position, however
the parser attaches them; and a count of people (`Hundreds of prisoners`) is a
participant, its headless number the argument (SPEC 3.4, ACE)."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    ("She was crowned at Aachen in 1338.", "crowned", "Personnel.Start-Position",
     [A("Person", "She"), A("Place", "Aachen")]),
    ("The old bishop crowned him king in 1131.", "crowned", "Personnel.Start-Position",
     [A("Person", "him"), A("Position", "king")]),
    ("His coronation at Reims in 1223 was lavish.", "coronation", "Personnel.Start-Position",
     [A("Person", "His"), A("Place", "Reims")]),
    ("The envoys were held in captivity at the fortress.", "held in captivity", "Justice.Arrest-Jail",
     [A("Person", "envoys"), A("Place", "fortress")]),
    ("The council elected him president.", "elected", "Personnel.Elect",
     [A("Entity", "council"), A("Person", "him"), A("Position", "president")]),
    ("Hundreds of prisoners were executed in 1794.", "executed", "Justice.Execute", [A("Person", "Hundreds")]),
    ("Thousands of refugees fled into the hills.", "fled", "Movement.Transport",
     [A("Artifact", "Thousands"), A("Destination", "hills")]),
])
def test_frames(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


def test_a_real_dative_stays(nlp):
    """`sent envoys to the cities`: `to` may be parsed as a dative; the envoys stay the
    ones sent, not a post."""
    doc = parse(nlp, "The following spring the queen sent ambassadors to all the towns of the coast.")
    args = view(doc, frame(doc, "sent", "Movement.Transport"))[0]
    assert {A("Agent", "queen"), A("Artifact", "ambassadors")} <= set(args) and "Position" not in {a[0] for a in args}


@pytest.mark.parametrize("text,trigger,args", [
    ("In 1652 war broke out between England and the Dutch Republic.", "war",
     [A("Attacker", "England"), A("Attacker", "Dutch Republic")]),
    ("Fighting erupted between the rebels and the garrison in May.", "Fighting",
     [A("Attacker", "rebels"), A("Attacker", "garrison")]),
])
def test_a_war_that_breaks_out_between_two_sides(nlp, text, trigger, args):
    """The `between` phrase of a verb of beginning whose subject is the trigger."""
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, "Conflict.Attack"))[0] == sorted(args)
