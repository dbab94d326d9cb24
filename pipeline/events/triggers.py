"""Trigger detection: multi-word phrases, then single words by lemma and POS, with sense
constraints for ambiguous words (models/events/en/phrases.json, triggers.json, senses.json).

A word inside a named entity or a timex is never a trigger (`World War II` is an EVENT
name, not a war mention); neither is a noun that only modifies another event word's
non-event head (`death` in `death penalty`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import LEMMA
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, coarse_pos, kinds, lemma, participant_kinds
from .syntax import is_passive, slots


@dataclass
class Trigger:
    start: int  # token offsets of the trigger span
    end: int
    head: Token  # the token whose dependents give the arguments
    type: str
    key: str  # lemma or phrase the type came from (role-table overrides use it)
    slots: list = field(default_factory=list)


def _alts(word: str) -> list[str]:
    alts = word.rstrip("?").split("|")
    return sorted({a for w in alts for a in (w, w.capitalize())})


def _phrase_head(span: Span) -> Token:
    first = span[0]
    if coarse_pos(first) == "VERB" or first.tag_.startswith("VB"):
        return first
    return span.root


def _holds(lx: Lexicon, cond: dict, h: Token, sl: list) -> bool:
    """True when every condition of a sense rule holds for trigger head `h`."""
    for key, want in cond.items():
        if key == "not":
            if _holds(lx, want, h, sl):
                return False
        elif key == "pos":
            if coarse_pos(h) not in want:
                return False
        elif key == "passive":
            if (coarse_pos(h) == "VERB" and is_passive(lx, h)) != want:
                return False
        elif key in ("obj", "subj", "attr", "mod", "poss", "dative", "reflexive"):
            toks = [t for s, t in sl if s == key]
            got = set().union(*(_slot_kinds(lx, t) for t in toks)) if toks else {"none"}
            if not got & set(want):
                return False
        elif key == "prep":
            for prep, kinds_wanted in want.items():
                toks = [t for s, t in sl if s == f"prep:{prep}"]
                got = set().union(*(_slot_kinds(lx, t) for t in toks)) if toks else {"none"}
                if not got & set(kinds_wanted):
                    return False
        elif key == "governor":
            gov = h.head.head if h.head.dep_ == "prep" else h.head
            if gov.i == h.i or lemma(gov) not in want:
                return False
        elif key == "sentence":
            if not any(lemma(t) in want and t.i != h.i for t in h.sent):
                return False
        elif key == "child":
            if not any(lemma(c) in want for c in h.children):
                return False
        elif key == "tag":
            if h.tag_ not in want:
                return False
        elif key == "next":
            nxt = h.nbor(1).lower_ if h.i + 1 < len(h.doc) else ""
            if nxt not in want:
                return False
        elif key == "prev":
            prv = h.nbor(-1).lower_ if h.i > 0 else ""
            if prv not in want:
                return False
        else:
            raise ValueError(f"unknown sense condition {key!r}")
    return True


def _slot_kinds(lx: Lexicon, tok: Token) -> set[str]:
    """What a sense rule may ask of a slot's word: its kinds, those of a name inside it,
    and as `wn_<kind>` the kinds of a common noun's most frequent WordNet sense
    (`rebels`: wn_person), which the narrower hand-made kinds lack."""
    return kinds(lx, tok) | _inner_kinds(lx, tok) | {"wn_" + k for k in participant_kinds(lx, tok)}


def _inner_kinds(lx: Lexicon, tok: Token) -> set[str]:
    """Kinds of the name inside a common-noun phrase (`the town of X`, `his son, X`)."""
    out = set()
    for c in tok.children:
        if c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of" and not tok.ent_type_:
            for p in [c] if c.dep_ == "appos" else [p for p in c.children if p.dep_ == "pobj"]:
                if p.ent_type_:
                    out |= kinds(lx, p)
    return out


def sense_types(lx: Lexicon, key: str, h: Token, sl: list) -> list[str]:
    """Types of an ambiguous word from its first matching sense rule (none: not an event)."""
    entry = lx.data["senses"][key]
    for rule in entry["rules"]:
        if _holds(lx, rule.get("if", {}), h, sl):
            got = rule.get("types", [rule.get("type")])
            return [t for t in got if t]
    default = entry.get("else")
    return [default] if default else []


def blocked_tokens(doc: Doc, timexes: list[Span]) -> set[int]:
    """Token indices that cannot be (part of) a trigger: inside entities or timexes."""
    out = set()
    for span in [*doc.ents, *timexes]:
        out.update(range(span.start, span.end))
    return out


def timex_spans(doc: Doc) -> list[Span]:
    for key in ("timexes", "timex_candidates"):
        if key in doc.spans:
            return list(doc.spans[key])
    return [e for e in doc.ents if e.label_ in ("DATE", "TIME")]


def _prefix_start(doc: Doc, i: int) -> int:
    """Include a split-off `re-` / `co-` prefix (`re-elected` tokenised as re, -, elected)."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("re", "co") \
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return i - 2
    return i


class TriggerPhrases:
    """The multi-word trigger phrases of phrases.json, as spaCy Matcher patterns over
    lemmas, one Matcher per phrase: a sentence runs only the phrases whose required
    words (all but `*` and `word?`) are all among its lemmas. The Matcher steps every
    pattern through every token; the table has about a hundred phrases and a sentence
    can hold one or two. `targets`: match key (`type::phrase`) -> type or `sense:...`."""

    def __init__(self, vocab, phrase_table: dict):
        self.vocab = vocab
        self.targets: dict[str, str] = {}
        # (rank in the table, Matcher) of phrases with no required word: every sentence
        self.unanchored: list[tuple[int, Matcher]] = []
        # first required word (lower case) -> [(the other required words' alternatives, rank, Matcher)]
        self.by_word: dict[str, list[tuple[list[set[str]], int, Matcher]]] = {}
        for etype, phrases in phrase_table.items():
            for phrase in phrases:
                key = f"{etype}::{phrase}"
                self.targets[key] = etype
                matcher = Matcher(vocab)
                matcher.add(key, [_phrase_pattern(phrase)])
                rank = len(self.targets)
                req = [{a.lower() for a in _alts(w)} for w in phrase.split() if w != "*" and not w.endswith("?")]
                if not req:
                    self.unanchored.append((rank, matcher))
                    continue
                for word in req[0]:
                    self.by_word.setdefault(word, []).append((req[1:], rank, matcher))

    def __call__(self, sent: Span, lemma_ids=None) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the phrases in a sentence, in Doc token offsets,
        ordered by start, then end, then the phrase's place in the table. `lemma_ids`:
        the Doc's LEMMA column, when the caller holds it (Lexicon.lemma_ids)."""
        lemmas = _lemmas(sent, lemma_ids)
        candidates = self.unanchored + [(rank, m) for word in lemmas for rest, rank, m in self.by_word.get(word, ())
                                        if all(alts & lemmas for alts in rest)]
        found = set()
        for rank, matcher in dict.fromkeys(candidates):
            for match_id, s, e in matcher(sent):
                found.add((s + sent.start, e + sent.start, rank, match_id))
        return [(match_id, s, e) for s, e, _, match_id in sorted(found)]


def _lemmas(sent: Span, lemma_ids=None) -> set[str]:
    """The sentence's lemmas in lower case, as `{t.lemma_.lower() for t in sent}`, read
    from the Doc's LEMMA column: each distinct lemma is looked up once, and no Token
    object is made for each word of every sentence. The column is read from the Doc
    here only when the caller does not hold it (a copy of the whole Doc's column for
    each sentence costs sentences x words)."""
    strings = sent.doc.vocab.strings
    if lemma_ids is None:
        lemma_ids = sent.doc.to_array(LEMMA)
    ids = lemma_ids[sent.start:sent.end]
    return {strings[i].lower() for i in set(ids.tolist())}


def _possible_words(lx: Lexicon, sent: Span) -> list[Token]:
    """The words of a sentence, in order, whose lemma (lower case) is one a single-word
    trigger can have (EventRules.trigger_lemmas): the only ones find_triggers can make
    a trigger of. Read from the Doc's LEMMA column, each distinct lemma tested once,
    so no Token is made for the nine words in ten that could not be one."""
    doc = sent.doc
    strings = doc.vocab.strings
    ids = lx.lemma_ids[sent.start:sent.end].tolist()
    wanted = {i for i in set(ids) if strings[i].lower() in lx.rules.trigger_lemmas}
    return [doc[sent.start + k] for k, i in enumerate(ids) if i in wanted]


def _phrase_pattern(phrase: str) -> list[dict]:
    """A phrase of phrases.json as a token pattern: words match lemmas (`|` alternatives,
    capitalised forms too), `word?` is optional, `*` is one optional non-punctuation token."""
    pattern = []
    for w in phrase.split():
        tok = {"LEMMA": {"IN": _alts(w)}} if w != "*" else {"IS_PUNCT": False}
        if w.endswith("?") or w == "*":
            tok["OP"] = "?"
        pattern.append(tok)
    return pattern


def find_triggers(lx: Lexicon, doc: Doc, sent: Span, phrases: TriggerPhrases,
                  blocked: set[int] | None = None) -> list[Trigger]:
    """Triggers of one sentence: phrases first (longest first), then single words."""
    if blocked is None:
        blocked = blocked_tokens(doc, timex_spans(doc))
    senses = lx.data["senses"]
    table = lx.rules.trigger_table
    targets = phrases.targets
    found: list[Trigger] = []
    used: set[int] = set()
    matches = sorted(phrases(sent, lx.lemma_ids), key=lambda m: (m[1] - m[2], m[1]))  # longest first
    for match_id, s, e in matches:
        if any(i in used or i in blocked for i in range(s, e)):
            continue
        span = doc[s:e]
        head = _phrase_head(span)
        etype = targets[doc.vocab.strings[match_id]]
        sl = [x for t in [head, *(t for t in span if t.i != head.i)] for x in slots(lx, t)
              if not s <= x[1].i < e]  # `took charge of X`: `of` hangs on `charge`
        sl = list(dict.fromkeys(sl))
        types = sense_types(lx, etype[6:], head, sl) if etype.startswith("sense:") else [etype]
        for t in types:
            found.append(Trigger(s, e, head, t, doc.vocab.strings[match_id].split("::")[1], sl))
        if types:
            used.update(range(s, e))
    heads = lx.word_classes["non_event_heads"]
    for tok in _possible_words(lx, sent):
        if tok.i in used or tok.i in blocked:
            continue
        pos = coarse_pos(tok)
        if pos == "ADJ" and tok.tag_ in ("VBN", "VBD"):
            pos = "VERB"
        if pos not in ("VERB", "NOUN", "ADJ") or tok.pos_ == "PROPN" and not tok.is_sent_start:
            continue
        if tok.dep_ in ("aux", "auxpass"):
            continue
        if tok.dep_ == "amod" and tok.lower_ in lx.word_classes["state_participles"]:
            continue  # `allied armies`, `armed men`: a state, not an event
        if tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound") and tok.head.i == tok.i + 1 \
                and coarse_pos(tok.head) == "NOUN":
            continue  # `the invading forces`: a description of the noun, no mention
        if tok.tag_ == "VBG" and tok.i + 1 < len(doc) and doc[tok.i + 1].head.i == tok.i \
                and lemma(doc[tok.i + 1]) in heads:
            continue  # `by firing squad` read as a verb and its object: the noun's modifier
        lem = lemma(tok)
        if pos == "NOUN" and tok.dep_ == "compound" and lemma(tok.head) in heads:
            continue
        sense_key = f"{lem}/{pos}"
        if sense_key in senses:
            sl = slots(lx, tok)
            types = sense_types(lx, sense_key, tok, sl)
        elif (lem, pos) in table:
            sl = slots(lx, tok)
            types = [table[(lem, pos)]]
        else:
            continue
        start = _prefix_start(doc, tok.i)
        if start < tok.i:  # the parser often heads `co-edited` by `co`: read both
            sl = sl + [x for x in slots(lx, doc[start]) if x not in sl]
        for t in types:
            found.append(Trigger(start, tok.i + 1, tok, t, lem, sl))
    return sorted(found, key=lambda t: (t.start, t.type))
