"""Event-frame component `hist_events` (SPEC 3.4): writes doc._.events.

Each frame is an EventAnnotation (pipeline.annotations): type, trigger (start, end),
arguments (role, start, end, entity), time (the dating timex's start, end) or None,
polarity, modality; character offsets, in document order.
Reads doc.ents (entity stage), doc.spans["timexes"] (falls back to the base model's
DATE/TIME mentions while the timex stage is absent) and the parse.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc._.events)
from ..annotations import EventAnnotation
from .arguments import arguments
from .attributes import clause_segments, modality, polarity, time_of
from .coref import resolve
from ..rules import RuleFiles
from .lexicon import EventRules, Lexicon
from .triggers import TriggerPhrases, blocked_tokens, find_triggers, timex_spans


class EventStage(RuleFiles):
    """Owns the rule files of models/events/en (triggers, phrases, senses, lexicon, cues,
    roles): read at construction (a broken file fails here, not on the first
    document), saved and loaded with the pipeline."""

    stage = "events"
    files = tuple(f"{stem}.json" for stem in EventRules.FILES)

    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.set_rules(self.read_rule_files(rules, nlp.lang))

    def set_rules(self, rule_files: dict) -> None:
        super().set_rules(rule_files)
        self.rules = EventRules({name.removesuffix(".json"): data for name, data in rule_files.items()})
        self.phrases = TriggerPhrases(self.vocab, self.rules.data["phrases"])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError(f"{self.name} needs sentence boundaries, entities and timexes: put a parser "
                             "and the stages before it (nlp.analyze_pipes() lists what is missing)")
        doc._.events = self._events(Lexicon(self.rules, doc), doc)
        return doc

    def _events(self, lx: Lexicon, doc: Doc) -> list[EventAnnotation]:
        coref = resolve(lx, doc)
        timexes = timex_spans(doc)
        blocked = blocked_tokens(doc, timexes)
        events = []
        sents = list(doc.sents)
        sentence_timexes = _by_sentence(sents, timexes)
        for sent in sents:
            triggers = [t for t in find_triggers(lx, doc, sent, self.phrases, blocked)
                        if not _generic_noun(t.head, timexes)]
            heads = {t.head.i for t in triggers}
            segment = clause_segments(sent) if triggers else None
            frames = []
            for trig in triggers:
                span = doc[trig.start:trig.end]
                tx = time_of(lx, trig.head, sentence_timexes[sent.start], heads, segment)
                frames.append((trig, EventAnnotation(
                    type=trig.type,
                    trigger=(span.start_char, span.end_char),
                    arguments=tuple(arguments(lx, trig, coref)),
                    time=(tx.start_char, tx.end_char) if tx is not None else None,
                    polarity=polarity(lx, trig.head),
                    modality=modality(lx, trig.head),
                )))
            events += _drop_consumed(self.rules, _drop_light(self.rules, frames))
        return sorted(events, key=lambda e: (e.trigger[0], e.type))


def _by_sentence(sents: list, timexes: list) -> dict[int, list]:
    """Sentence start -> the timexes inside that sentence, in their order: dating an
    event looks only at its own sentence, and scanning every timex of the Doc for
    every trigger made the stage quadratic in the document's length."""
    starts = [s.start for s in sents]
    out: dict[int, list] = {start: [] for start in starts}
    for tx in timexes:
        i = bisect_right(starts, tx.start) - 1
        if i >= 0 and tx.end <= sents[i].end:
            out[starts[i]].append(tx)
    return out


def _generic_noun(head, timexes) -> bool:
    """A nominal trigger that only modifies another noun (`strike leaders`, `war
    years`) names a kind of thing, not an event. (Descriptive adjectives do not make a
    mention generic: `armed peasant uprisings broke out` is specific.)"""
    return head.pos_ == "NOUN" and head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN")


def _drop_light(rules: EventRules, frames: list) -> list:
    """`initiated a crackdown`, `formed an alliance`: the object noun is the event, not the
    verb; but `ratified the treaty` enacts the treaty (document_verbs), which is its Policy."""
    light_types = set(rules.data["roles"]["yield_to_object_trigger"])
    documents = rules.word_classes["document_verbs"]
    noun_heads = {t.head.i for t, _ in frames if t.head.pos_ in ("NOUN", "PROPN")}
    return [(t, f) for t, f in frames
            if not (t.type in light_types and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in documents
                    and any(s == "obj" and tok.i in noun_heads for s, tok in t.slots))]


def _drop_consumed(rules: EventRules, frames: list) -> list[EventAnnotation]:
    """A noun trigger that is another event's value argument (`signed a pact`) is not an event."""
    values = set(rules.data["roles"]["value_roles"])
    taken = [(a.start, a.end) for t, f in frames for a in f.arguments if a.role in values]
    out, seen = [], set()
    for trig, frame in frames:
        s, e = frame.trigger
        if any(a <= s and e <= b for a, b in taken):
            continue
        key = (s, e, frame.type)
        if key not in seen:
            seen.add(key)
            out.append(frame)
    return out


@Language.factory("hist_events",
                  requires=["doc.sents", "doc.ents", "span._.entity", "span._.timex", "token.dep", "token.tag",
                            "token.lemma"],
                  assigns=["doc._.events"], default_config={"rules": None})
def make_event_stage(nlp: Language, name: str, rules: str | None) -> EventStage:
    """`rules`: a folder holding the six rule files; None is the package's models/events/en."""
    return EventStage(nlp, name, rules)
