"""Polarity, modality and time of an event mention (cue words in models/events/en/cues.json).

Negation and modality are read from the trigger and the chain of words governing it
within its sentence (`refused to return`, `threat of expulsion`, `tried to flee`).
Time follows docs/annotation.md decision 7: the timex attached to the trigger or its
clause, else a fronted timex framing a clause that contains the trigger, else a timex of
the sentence that no other trigger claims; durations and sets never date an event.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Span, Token

from .lexicon import Lexicon, coarse_pos, lemma
from .syntax import clause_verb

UP_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "pcomp", "nsubjpass",
           "acomp", "conj", "attr", "oprd", "compound", "nmod", "amod", "nsubj", "appos"}


def _governors(h: Token, limit: int = 4):
    """Words governing the trigger inside its sentence, nearest first, with the link dep."""
    cur = h
    for _ in range(limit):
        if cur.head.i == cur.i or cur.dep_ not in UP_DEPS:
            return
        dep = cur.dep_
        cur = cur.head
        yield dep, cur
        if dep in ("nsubj", "nsubjpass", "conj", "advcl", "ccomp") and coarse_pos(cur) == "VERB":
            return


def polarity(lx: Lexicon, h: Token) -> str:
    cues = lx.data["cues"]
    if any(c.dep_ == "neg" or lemma(c) in cues["negation_words"] and c.dep_ in ("det", "advmod")
           for c in h.children):
        return "negative"
    prev = h
    for dep, gov in _governors(h):
        framing = dep == "prep" and prev.lower_ in cues["circumstance_prepositions"]  # `after the war, X abandoned`
        if lemma(gov) in cues["negation_governors"] and dep in ("xcomp", "dobj", "pobj", "prep", "pcomp") \
                and not framing:
            return "negative"
        prev = gov
        if dep == "prep" and gov.lower_ in cues["negation_prepositions"]:
            return "negative"
        if dep in ("xcomp", "dobj") and any(c.dep_ == "neg" for c in gov.children):
            return "negative"  # `decided not to form`, `did not attend the meeting`
        if dep not in ("xcomp", "prep", "pobj"):
            break
    return "positive"


def modality(lx: Lexicon, h: Token) -> str:
    cues = lx.data["cues"]
    verbal = [g for d, g in _governors(h) if d in ("xcomp", "ccomp", "dobj", "conj", "advcl", "acomp", "nsubjpass", "nsubj")]
    for tok in [h, *verbal]:
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "aux" and low in cues["modal_auxiliaries"]:
                if not any(a.lower_ in cues["narrative_future"] for a in tok.children):
                    return "other"
            if c.dep_ == "mark" and low in cues["conditional_marks"]:
                return "other"
            if c.dep_ in ("advmod", "amod") and low in cues["modal_adverbs"]:
                return "other"
        if _purpose(tok, cues):
            return "other"
    for dep, gov in _governors(h):
        lem = lemma(gov)
        if coarse_pos(gov) == "VERB" and dep in ("nsubj", "nsubjpass") and lem in cues["modal_subject_verbs"]:
            return "other"  # `war was looming`
        if coarse_pos(gov) == "VERB" and _modal_frame(gov, dep, cues):
            return "other"  # `plans were made for X`, `it is possible that X`
        if coarse_pos(gov) == "VERB" and lem in cues["modal_verbs"] and dep in (
                "xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "acomp", "advcl"):
            negated = any(c.dep_ == "neg" for c in [*gov.children, *h.children])
            if not negated and not any(c.lower_ in cues["success_adverbs"] for c in gov.children):
                return "other"  # (`decided not to X` is a negative event, not a planned one)
        if coarse_pos(gov) == "NOUN" and lem in cues["modal_nouns"] and dep in ("prep", "pobj", "acl", "compound", "xcomp"):
            return "other"
        if coarse_pos(gov) == "ADJ" and lem in cues["modal_adjectives"]:
            return "other"
    return "asserted"


def _purpose(tok: Token, cues: dict) -> bool:
    """A purpose clause (`in order to punish`, `so as to reach`) states an aim, not an event."""
    to = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"]
    if not to or to[0].i < 2:
        return False
    before = " ".join(t.lower_ for t in tok.doc[to[0].i - 2:to[0].i])
    return before in cues["purpose_marks"]


def _modal_frame(verb: Token, dep: str, cues: dict) -> bool:
    """A verb that only frames the event as planned or possible: a plan noun is its
    subject or object (`plans were made for`, `made preparations to`), or a modal
    adjective is its complement and the event its clause (`it is possible that`)."""
    if dep in ("prep", "xcomp", "advcl") and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(c) in cues["modal_nouns"] for c in verb.children):
        return True
    return dep == "ccomp" and any(c.dep_ in ("acomp", "attr") and lemma(c) in cues["modal_adjectives"]
                                  for c in verb.children)


def timex_type(lx: Lexicon, span: Span) -> str | None:
    info = span._.timex
    if info is not None and info.type:
        return info.type
    return "DURATION" if lx.rules.duration.match(span.text.strip()) else "DATE"


def _attachment(tx: Span) -> Token:
    """The word a timex modifies: up through prepositions to a verb or a noun."""
    cur = tx.root
    for _ in range(6):
        if cur.head.i == cur.i:
            return cur
        if cur.i != tx.root.i and cur.dep_ != "prep" and (coarse_pos(cur) in ("VERB", "NOUN")):
            return cur
        cur = cur.head
    return cur


# TIMEX3 values of a season (`1951-WI`) or a part of the day (`1951-01-XXTNI`)
_SEASON_OR_PART_OF_DAY = re.compile(r"-(?:SP|SU|FA|WI)$|T(?:MO|MI|AF|EV|NI|DT)$")


def _time_word_modifier(t: Span) -> bool:
    """A season or a part of the day modifying a noun after it (`night attacks`, `the
    Winter Offensive`, decisions 51 and 59): it says when in the day or the year an
    operation happens, not on which date."""
    info = t._.timex
    value = info.value if info is not None else None
    return bool(value and _SEASON_OR_PART_OF_DAY.search(value)) and t.root.dep_ in ("compound", "amod", "nmod") \
        and t.root.head.i >= t.end


def time_of(lx: Lexicon, h: Token, timexes: list[Span], trigger_heads: set[int],
            segment: Callable[[int], int]) -> Span | None:
    """The timex of the sentence that dates an event whose trigger head is `h`;
    `segment` is clause_segments of that sentence, made once for all its triggers.
    A season or part of the day modifying a noun (`night attacks`) dates the event only
    when no other timex of the sentence does (decision 51: the calendar date wins)."""
    sent = h.sent
    cands = [t for t in timexes if t.start >= sent.start and t.end <= sent.end
             and timex_type(lx, t) not in ("DURATION", "SET")]
    dates = [t for t in cands if not _time_word_modifier(t)]
    if dates and len(dates) < len(cands):
        return _choose(lx, h, dates, trigger_heads, segment) or _choose(
            lx, h, [t for t in cands if t not in dates], trigger_heads, segment)
    return _choose(lx, h, cands, trigger_heads, segment)


def _choose(lx: Lexicon, h: Token, cands: list[Span], trigger_heads: set[int],
            segment: Callable[[int], int]) -> Span | None:
    """time_of among the candidates `cands` (timexes of h's sentence)."""
    sent = h.sent
    if not cands:
        return None
    same = [t for t in cands if segment(t.start) == segment(h.i)]
    if same:  # `On D1 X disbanded and on D2 Y surrendered`: each clause keeps its own date
        cands = same
    elif segment(h.i) > 0:  # a later clause without a date: the date opening the sentence
        opening = [t for t in cands if segment(t.start) == 0 and t.start <= sent.start + 1]
        if opening:
            return opening[0]
    att = {id(t): _attachment(t) for t in cands}
    clause = clause_verb(h)
    ancestors = {a.i for a in h.ancestors}

    def near(ts):
        return min(ts, key=lambda t: abs(t.start - h.i)) if ts else None

    direct = [t for t in cands if att[id(t)].i == h.i]
    if direct:
        return near(direct)
    own_clause = [t for t in cands if att[id(t)].i == clause.i
                  and not (clause.i in trigger_heads and clause.i != h.i and t.start > clause.i)]
    if own_clause:
        return near(own_clause)
    framing = [t for t in cands if att[id(t)].i in ancestors and t.end <= min(att[id(t)].i, h.i)]
    if framing:
        return near(framing)
    free = [t for t in cands if att[id(t)].i not in trigger_heads and coarse_pos(att[id(t)]) == "VERB"
            and (att[id(t)].i == sent.root.i or att[id(t)].i in ancestors)]
    if free:
        return near(free)
    # a date on the clause's subject or inside the trigger's own phrase (`The X War
    # (1700-1721) was fought`, `invasion of X (492-490 BC)`): it frames the event
    subjects = {c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
    own = [t for t in cands if att[id(t)].i not in trigger_heads
           and (att[id(t)].i in subjects or h in att[id(t)].ancestors)]
    if len(cands) == 1 and own:
        return own[0]
    # a date opening the sentence frames all its events (decision 15), also when the
    # parser hangs it on something else (`In 490 BC X and Y ...` read as one phrase)
    opening = [t for t in cands if t.start <= sent.start + 1 and h.i > t.end]
    return opening[0] if len(cands) == 1 and opening else None


def clause_segments(sent: Span) -> Callable[[int], int]:
    """Clause segments of a sentence: a new one starts at a coordinating conjunction that
    joins two clauses each with its own subject (`X disbanded and Y surrendered`), or at a
    semicolon. Returns token index -> segment number.

    It reads every token of the sentence, so it is made once per sentence, not once per
    trigger: per trigger, a sentence of thousands of words without punctuation (a long
    line cut into chunks) cost time quadratic in its length."""
    bounds = []
    for tok in sent:
        if tok.text == ";" or (tok.dep_ == "cc" and coarse_pos(tok.head) == "VERB" and any(
                c.dep_ == "conj" and c.i > tok.i and coarse_pos(c) == "VERB"
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.head.children)):
            bounds.append(tok.i)
    return lambda i: bisect_left(bounds, i)  # bounds ascend: the number of them before i
