"""Canonical referents within a document (SPEC 2, `entity`).

A person's canonical name is the first mention in the document with two or more name
words ending in the same surname; one-word mentions take it, and longer mentions take
it when their first name agrees. Nicknames and pseudonyms the text introduces
(`nicknamed "Soso"`, `adopting the name "Koba"`) join the person they are given to.
Acronyms and short forms take the written-out name whose initials they spell; `the
League` takes the latest organisation name before it that ends in `League`.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span


def _initials(name: str, skip: set[str]) -> str:
    parts = re.split(r"[\s\-–]+", name)
    return "".join(p[0] for p in parts if p and p.lower() not in skip and p[0].isalpha()).upper()


def _name_words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text) if w[:1].isupper()]


def assign(doc: Doc, ents: list[Span], rules) -> None:
    """Set `span._.entity` on every entity mention of the document; `rules` (LabelRules)
    give the nickname cues and the words initials skip."""
    persons = [e for e in ents if e.label_ == "PERSON"]
    other_names = {e.text for e in ents if e.label_ != "PERSON"}  # `Germany` is no surname
    full_by_surname: dict[str, str] = {}
    for e in persons:
        words = _name_words(e.text)
        if len(words) >= 2 and words[-1] not in full_by_surname and words[-1] not in other_names \
                and all(t.pos_ == "PROPN" for t in e):
            full_by_surname[words[-1]] = e.text
    def by_surname(text: str) -> str:
        words = _name_words(text)
        if len(words) == 1 and words[0] in full_by_surname:
            return full_by_surname[words[0]]
        if len(words) >= 2 and words[-1] in full_by_surname:
            full = full_by_surname[words[-1]]
            if full.split()[0] == words[0]:
                return full
        return text

    for e in persons:
        e._.entity = by_surname(e.text)
    aliases = _nicknames(doc, persons, rules)
    for e in persons:
        if e.text in aliases:
            e._.entity = aliases[e.text]
    long_forms = {}
    for e in ents:
        if e.label_ != "PERSON" and len(e.text.split()) >= 2:
            long_forms.setdefault(_initials(e.text, rules.initials_skip), e.text)
    last_org: dict[str, str] = {}  # head word -> the latest full organisation name ending in it
    for e in ents:
        if e.label_ == "PERSON":
            continue
        text = e.text
        if re.fullmatch(r"[A-Z][A-Z.]{1,9}", text) and text.replace(".", "") in long_forms:
            e._.entity = long_forms[text.replace(".", "")]
        elif e.label_ == "ORG" and len(e) == 1 and text in last_org and e.start > 0 and doc[e.start - 1].lower_ == "the":
            e._.entity = last_org[text]  # `the League`: the organisation named in full before
        else:
            e._.entity = text
        if e.label_ == "ORG" and len(e) >= 2 and e.root.i == e[-1].i and e[-1].tag_ in ("NN", "NNP"):
            last_org[e[-1].text] = e._.entity  # its head noun, singular (`the Lancers` is no `Royal Lancers`)


def follows_nickname_cue(span: Span, rules) -> bool:
    """Whether a nickname cue (`nicknamed "X"`, `known as "X"`) stands just before span."""
    before = "".join(t.text_with_ws for t in span.doc[max(0, span.start - 8): span.start])
    return bool(rules.nickname_cues.search(before.rstrip(" \"'“‘")) or rules.quoted_cues.search(before.rstrip()))


def _clause_subject(span: Span):
    """The subject token of the clause the span belongs to (climbing the parse)."""
    token = span.root
    for _ in range(8):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if token.head is token:
            return None
        token = token.head
    return None


def _nicknames(doc: Doc, persons: list[Span], rules) -> dict[str, str]:
    """Map each nickname to the canonical name of the person it is given to: the
    subject of its clause, or for a pronoun subject the last person named before."""
    aliases: dict[str, str] = {}
    for e in persons:
        if not follows_nickname_cue(e, rules) or e._.entity != e.text:
            continue  # a name the document gives in full is nobody's alias
        subject = _clause_subject(e)
        owner = None
        if subject is not None and subject.pos_ != "PRON":
            owner = next((p for p in persons if p.start <= subject.i < p.end and p.text != e.text), None)
        if owner is None:
            start = subject.sent.start_char if subject is not None else e.sent.start_char
            earlier = [p for p in persons if p.end_char <= start and p.text != e.text and p.text not in aliases]
            owner = earlier[-1] if earlier else None
        if owner is not None:
            aliases[e.text] = owner._.entity or aliases.get(owner.text) or owner.text
    return aliases
