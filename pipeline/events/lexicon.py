"""The event stage's rules (models/events/*.json, owned by the component) and word kinds.

A *kind* is a coarse semantic class of a token (person, place, org, position, ...):
sense constraints and value-role filters are written in kinds, so the rule files
describe English word classes, never particular names.
"""
from __future__ import annotations

import re

from spacy.tokens import Token


# entity label -> kinds it has (the rest of the kinds come from word lists)
LABEL_KINDS = {
    "PERSON": {"person", "name"},
    "NORP": {"group", "name"},
    "ORG": {"org", "name"},
    "GPE": {"place", "name"},
    "LOC": {"place", "name"},
    "FAC": {"place", "facility", "name"},
    "LAW": {"law", "policy", "agreement", "name"},
    "WORK_OF_ART": {"work", "name"},
    "EVENT": {"event", "name"},
    "PRODUCT": {"thing", "name"},
    "MONEY": {"money"},
    "LANGUAGE": {"language", "name"},
}


class EventRules:
    """The event stage's rule files (models/events/*.json, by file stem) and the
    tables derived from them, built once per component (no module-level cache: a
    component loaded from a saved pipeline uses the rules saved with it)."""

    FILES = ("triggers", "phrases", "senses", "lexicon", "cues", "roles")

    def __init__(self, data: dict):
        self.data = data
        self.word_classes = {k: frozenset(v) for k, v in data["lexicon"].items()}
        self.trigger_table = self._trigger_table()
        plain = {lem for (lem, pos) in self.trigger_table if pos == "NOUN"}
        senses = {k.split("/")[0] for k in data["senses"] if k.endswith("/NOUN")}
        self.noun_triggers = frozenset(plain | senses)  # `launched an attack` is no Enact
        classes = self.word_classes  # pronoun forms (lexicon.json)
        self.personal, self.feminine = classes["personal_pronouns"], classes["feminine_pronouns"]
        self.plural, self.neuter = classes["plural_pronouns"], classes["neuter_pronouns"]
        self.pronouns = self.personal | self.plural | self.neuter
        self.relative = classes["relative_pronouns"]
        self.possessive_reflexive = classes["possessive_reflexive_pronouns"]
        self.duration = re.compile(data["cues"]["duration_pattern"], re.I)  # `two years`: no date
        self._role_maps: dict[tuple[str, str], dict] = {}

    def _trigger_table(self) -> dict[tuple[str, str], str]:
        """(lemma, coarse POS) -> event type for unambiguous single-word triggers."""
        table = {}
        for etype, by_pos in self.data["triggers"].items():
            for pos, lemmas in by_pos.items():
                for lemma_ in lemmas:
                    table[(lemma_, pos)] = etype
        return table

    def role_map(self, etype: str, key: str) -> dict:
        """Slot -> role table of an event type, with the overrides of its trigger word."""
        if (etype, key) not in self._role_maps:
            roles = self.data["roles"]
            table = dict(roles["defaults"])
            table.update(roles["types"].get(etype, {}))
            table.update(roles["keys"].get(f"{key}/{etype}", {}))
            self._role_maps[(etype, key)] = table
        return self._role_maps[(etype, key)]


def coarse_pos(token: Token) -> str:
    pos = token.pos_
    if pos in ("VERB", "AUX"):
        return "VERB"
    if pos in ("NOUN", "PROPN"):
        return "NOUN"
    return pos


def lemma(token: Token) -> str:
    return token.lemma_.lower()


class Lexicon:
    """The rules as applied to one Doc: word kinds of its tokens, with the Doc's
    entities indexed once (doc.ents rebuilds every span on each access). Made for each
    document and dropped with it, so nothing outlives the document it refers to."""

    def __init__(self, rules: EventRules, doc):
        self.rules = rules
        self.data = rules.data
        self.word_classes = rules.word_classes
        self._ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}

    def entity_of(self, token: Token):
        """The named entity (doc.ents) covering this token, or None."""
        if not token.ent_type_:
            return None
        return self._ents.get(token.i)


def kinds(lx: Lexicon, token: Token | None) -> set[str]:
    """Coarse classes of a token: from its entity label, pronoun, POS and word lists."""
    if token is None:
        return {"none"}
    word_classes = lx.word_classes
    out = {"any"}
    low = token.lower_
    ent = lx.entity_of(token)
    if ent is not None:
        out |= LABEL_KINDS.get(ent.label_, set())
        text = ent.text.lower()
        for cls in ("school_nouns", "prison_nouns", "newspaper_nouns", "org_nouns", "decree_nouns", "agreement_nouns"):
            if any(w in text.split() for w in word_classes[cls]):
                out.add(cls.split("_")[0])
    elif low in lx.rules.personal or low in lx.rules.plural:
        out |= {"person", "pronoun"}
    elif low in lx.rules.neuter:
        out |= {"pronoun", "it"}
    else:
        lem = lemma(token)
        for cls, words in word_classes.items():
            if cls.endswith("_nouns") and lem in words:
                out.add(cls[: -len("_nouns")])
        if token.pos_ == "ADJ":
            out.add("adj")
        if token.pos_ == "PROPN":
            out.add("name")
        if token.pos_ == "VERB" and token.tag_ == "VBG":
            out.add("gerund")
            if any(c.dep_ == "dobj" and lemma(c) in word_classes["crime_nouns"] for c in token.children):
                out.add("crime")
        if coarse_pos(token) == "NOUN" and lem in lx.rules.noun_triggers:
            out.add("trigger")
        if any(c.dep_ == "amod" and lemma(c) in word_classes["crime_modifiers"] for c in token.children):
            out.add("crime")
    if "person" not in out and "group" not in out and "org" not in out and "place" not in out:
        out.add("thing")
    return out
