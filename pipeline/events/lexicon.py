"""The event stage's data files (models/events/*.json), loaded once, plus word kinds.

A *kind* is a coarse semantic class of a token (person, place, org, position, ...):
sense constraints and value-role filters are written in kinds, so the rule files
describe English word classes, never particular names.
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Token

from ..rules import load_rules

PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}
NEUTER = {"it", "its"}
PRONOUNS = PERSONAL | PLURAL | NEUTER
RELATIVE = {"who", "whom", "which", "that", "whose"}

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


@lru_cache(maxsize=None)
def data() -> dict:
    """All rule files of the stage, by file stem."""
    names = ("triggers", "phrases", "senses", "lexicon", "cues", "roles")
    return {n: load_rules("events", f"{n}.json") for n in names}


@lru_cache(maxsize=None)
def word_classes() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in data()["lexicon"].items()}


@lru_cache(maxsize=None)
def trigger_table() -> dict[tuple[str, str], str]:
    """(lemma, coarse POS) -> event type for unambiguous single-word triggers."""
    table = {}
    for etype, by_pos in data()["triggers"].items():
        for pos, lemmas in by_pos.items():
            for lemma in lemmas:
                table[(lemma, pos)] = etype
    return table


@lru_cache(maxsize=None)
def noun_triggers() -> frozenset[str]:
    """Lemmas that can be noun triggers (plain or ambiguous): `launched an attack` is no Enact."""
    plain = {lem for (lem, pos) in trigger_table() if pos == "NOUN"}
    senses = {k.split("/")[0] for k in data()["senses"] if k.endswith("/NOUN")}
    return frozenset(plain | senses)


def coarse_pos(token: Token) -> str:
    pos = token.pos_
    if pos in ("VERB", "AUX"):
        return "VERB"
    if pos in ("NOUN", "PROPN"):
        return "NOUN"
    return pos


def lemma(token: Token) -> str:
    return token.lemma_.lower()


_ENTS: list = [None, {}]  # (doc, token index -> entity span) of the doc being processed


def index_entities(doc) -> None:
    """Index doc.ents once per document (doc.ents rebuilds every span on each access)."""
    _ENTS[0], _ENTS[1] = doc, {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


@contextmanager
def entities_indexed(doc) -> Iterator[None]:
    """doc.ents indexed while a stage works on doc, and forgotten afterwards: the index
    refers to the Doc, which would otherwise stay alive (several MB for a long text)
    while the next document is parsed."""
    index_entities(doc)
    try:
        yield
    finally:
        _ENTS[0], _ENTS[1] = None, {}


def entity_of(token: Token):
    """The named entity (doc.ents) covering this token, or None."""
    if not token.ent_type_:
        return None
    if _ENTS[0] is not token.doc:
        index_entities(token.doc)
    return _ENTS[1].get(token.i)


def kinds(token: Token | None) -> set[str]:
    """Coarse classes of a token: from its entity label, pronoun, POS and word lists."""
    if token is None:
        return {"none"}
    out = {"any"}
    low = token.lower_
    ent = entity_of(token)
    if ent is not None:
        out |= LABEL_KINDS.get(ent.label_, set())
        text = ent.text.lower()
        for cls in ("school_nouns", "prison_nouns", "newspaper_nouns", "org_nouns", "decree_nouns", "agreement_nouns"):
            if any(w in text.split() for w in word_classes()[cls]):
                out.add(cls.split("_")[0])
    elif low in PERSONAL or low in PLURAL:
        out |= {"person", "pronoun"}
    elif low in NEUTER:
        out |= {"pronoun", "it"}
    else:
        lem = lemma(token)
        for cls, words in word_classes().items():
            if cls.endswith("_nouns") and lem in words:
                out.add(cls[: -len("_nouns")])
        if token.pos_ == "ADJ":
            out.add("adj")
        if token.pos_ == "PROPN":
            out.add("name")
        if token.pos_ == "VERB" and token.tag_ == "VBG":
            out.add("gerund")
            if any(c.dep_ == "dobj" and lemma(c) in word_classes()["crime_nouns"] for c in token.children):
                out.add("crime")
        if coarse_pos(token) == "NOUN" and lem in noun_triggers():
            out.add("trigger")
        if any(c.dep_ == "amod" and lemma(c) in word_classes()["crime_modifiers"] for c in token.children):
            out.add("crime")
    if "person" not in out and "group" not in out and "org" not in out and "place" not in out:
        out.add("thing")
    return out
