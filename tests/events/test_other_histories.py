"""Classes of event mentions found by running the pipeline on short texts of other
histories (a Roman civil war, a war of succession, an air campaign, a colonial rising,
a dynasty's fall), each on sentences written for the test: suicides (`hanged himself`,
`took his own life`), people driven from a place, a place that fell or was taken in an
absolute clause, `its capture` (a place), aircraft and ships as attackers, a date
glued to the attackers, counted people as victims, and a person proclaimed or
declaring himself ruler."""
from __future__ import annotations

import pytest

from framekit import A, frame, parse, view


@pytest.mark.parametrize("text,trigger,etype,args", [
    # a reflexive object: the subject dies, no execution and no second mention
    ("The old sultan hanged himself in the palace.", "hanged", "Life.Die",
     [A("Victim", "old sultan"), A("Place", "palace")]),
    ("The beaten commander shot himself in the fortress.", "shot", "Life.Die",
     [A("Victim", "beaten commander"), A("Place", "fortress")]),
    ("Two days after the battle the old count took his own life.", "took his own life", "Life.Die",
     [A("Victim", "old count")]),
    # driven from / out of a place: a movement of people
    ("The peasants drove the tax collectors out of the valley.", "drove", "Movement.Transport",
     [A("Agent", "peasants"), A("Artifact", "tax collectors"), A("Origin", "valley")]),
    ("The bishop was driven from the city by a mob.", "driven", "Movement.Transport",
     [A("Artifact", "bishop"), A("Origin", "city"), A("Agent", "mob")]),
    # absolute clauses: the place undergoes the taking or the fall
    ("With the harbour taken, the fleet sailed west.", "taken", "Conflict.Attack", [A("Target", "harbour")]),
    ("The citadel having fallen, the defenders laid down their arms.", "fallen", "Conflict.Attack",
     [A("Target", "citadel")]),
    ("The fortress fell after a siege of nine weeks.", "fell", "Conflict.Attack", [A("Target", "fortress")]),
    # a neuter possessive on `capture` is the place taken
    ("After its capture, the town was burned.", "capture", "Conflict.Attack", [A("Target", "its")]),
    ("His capture of the bridge opened the road.", "capture", "Conflict.Attack",
     [A("Attacker", "His"), A("Target", "bridge")]),
    # aircraft and ships do the attacking
    ("Italian bombers attacked the harbour at dawn.", "attacked", "Conflict.Attack",
     [A("Attacker", "Italian bombers"), A("Target", "harbour")]),
    ("Enemy warships shelled the coastal forts.", "shelled", "Conflict.Attack",
     [A("Attacker", "Enemy warships"), A("Target", "coastal forts")]),
    # who withdraws his own men moves them: Agent and Artifact
    ("The margrave withdrew his knights from the valley.", "withdrew", "Movement.Transport",
     [A("Agent", "margrave"), A("Artifact", "knights"), A("Origin", "valley")]),
    # a date the parser hangs on the attackers is no part of them
    ("On 3 May 1941 Italian and German bombers attacked the harbour.", "attacked", "Conflict.Attack",
     [A("Attacker", "Italian and German bombers"), A("Target", "harbour")]),
    # counted people are the ones the event struck (a bare `people` stays generic, below)
    ("The storm of shells killed about 4,000 people.", "killed", "Life.Die", [A("Victim", "about 4,000 people")]),
    # made ruler by proclamation or by himself
    ("The legions proclaimed Severus the emperor.", "proclaimed", "Personnel.Start-Position",
     [A("Person", "Severus"), A("Position", "emperor")]),
    ("The mutineers proclaimed him king of the island.", "proclaimed", "Personnel.Start-Position",
     [A("Person", "him"), A("Position", "king")]),
    ("The young prince declared himself king.", "declared", "Personnel.Start-Position",
     [A("Person", "young prince"), A("Position", "king")]),
])
def test_other_history_frames(nlp, text, trigger, etype, args):
    doc = parse(nlp, text)
    assert view(doc, frame(doc, trigger, etype))[0] == sorted(args)


@pytest.mark.parametrize("text,trigger,types", [
    ("The assembly proclaimed a new tax.", "proclaimed", ["Government.Enact"]),
    ("The old merchant fell into debt.", "fell", []),
    ("The hangman hanged the rebel leader at noon.", "hanged", ["Justice.Execute"]),
    ("She drove the cattle to the market.", "drove", []),
    ("Hunger kills people in every war.", "kills", ["Life.Die"]),
    ("His capture at the ford ended the revolt.", "capture", ["Justice.Arrest-Jail"]),
])
def test_other_senses_stay(nlp, text, trigger, types):
    doc = parse(nlp, text)
    assert [e["type"] for e in doc._.events if doc.text[e["trigger"][0]:e["trigger"][1]] == trigger] == types


def test_an_instrument_is_a_weapon_or_a_vehicle(nlp):
    # ACE 2005 fills Instrument with weapons and vehicles only: losses are no means
    doc = parse(nlp, "The Swedes were repulsed with heavy losses.")
    assert view(doc, frame(doc, "repulsed", "Conflict.Attack"))[0] == [A("Target", "Swedes")]
    doc = parse(nlp, "The rebels attacked the fort with artillery and rifles.")
    assert view(doc, frame(doc, "attacked", "Conflict.Attack"))[0] == sorted(
        [A("Attacker", "rebels"), A("Target", "fort"), A("Instrument", "artillery"), A("Instrument", "rifles")])


def test_uncounted_people_stay_generic(nlp):
    doc = parse(nlp, "Hunger kills people in every war.")
    assert view(doc, frame(doc, "kills", "Life.Die"))[0] == []
