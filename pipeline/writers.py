"""Doc -> SPEC records (one list per layer), with ids and cross-references.

`to_records(doc)` is the public form: exactly the records `pipeline run` writes for a
Doc. The records are built through the models of `pipeline.records` (the one
definition of their shapes), without validation: the runner validates each document's
records at once and drops (and reports) what a model rejects. A document may arrive as several Docs (chunks of a huge
text); `RecordBuilder.add` takes each with the offset of its first character so every
span is re-based onto the whole text, and numbers ids across the chunks.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from . import extensions as ext
from .annotations import TimexAnnotation
from .records import DOC_LAYERS, Argument, Entity, Event, EventTime, Sentence, Timex, Trigger

LAYERS = DOC_LAYERS  # the layers a builder fills (kept under this name for its importers)


def to_records(doc: Doc, doc_id: str = "doc", offset: int = 0) -> dict[str, list[dict]]:
    """The SPEC records of a Doc made by the full pipeline: {layer: [record, ...]} for
    sentences, entities, timexes and events, exactly as the JSONL files hold them.

    `doc_id` prefixes every id (`doc:s1`, `doc:e1` ...); `offset` is added to every
    character offset (for a Doc cut from a longer text)."""
    builder = RecordBuilder(doc_id)
    builder.add(doc, offset)
    return builder.layers


def _span(span, offset: int) -> dict:
    return {"start": span.start_char + offset, "end": span.end_char + offset, "text": span.text}


class RecordBuilder:
    """Collects the records of one document."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.layers: dict[str, list[dict]] = {k: [] for k in DOC_LAYERS}

    def _id(self, prefix: str, layer: str) -> str:
        return f"{self.doc_id}:{prefix}{len(self.layers[layer]) + 1}"

    def add(self, doc: Doc, offset: int = 0) -> None:
        """Append the records of a Doc whose text starts at `offset` in the document."""
        starts, ids = [], []
        heading_ids: dict[tuple[int, int], str] = {}
        for seg in doc.spans.get(ext.SEGMENTS, []):
            sid = self._id("s", "sentences")
            starts.append(seg.start_char)
            ids.append(sid)
            self.layers["sentences"].append(Sentence.build(
                doc_id=self.doc_id, id=sid, **_span(seg, offset), kind=seg._.kind,
                paragraph=seg._.paragraph, section=list(seg._.section or [])))
            if seg._.kind in ("heading", "title"):
                heading_ids[(seg.start_char, seg.end_char)] = sid

        def sentence_of(char: int) -> str | None:
            i = bisect.bisect_right(starts, char) - 1
            return ids[i] if i >= 0 else None  # white space between segments: the one before

        for ent in doc.ents:
            self.layers["entities"].append(Entity.build(
                doc_id=self.doc_id, id=self._id("e", "entities"), sentence=sentence_of(ent.start_char),
                **_span(ent, offset), label=ent.label_, entity=ent._.entity or ent.text))

        text = doc.text  # rebuilt from tokens on each access: once per Doc
        timexes = list(doc.spans.get(ext.TIMEXES, []))
        first = len(self.layers["timexes"]) + 1  # ids first: an anchor may point forward
        timex_ids = {(s.start_char, s.end_char): f"{self.doc_id}:t{first + n}" for n, s in enumerate(timexes)}
        timex_info: dict[tuple[int, int], TimexAnnotation] = {}
        for span in timexes:
            info = span._.timex or TimexAnnotation(type=None)  # no reading: a record its model rejects
            key = (span.start_char, span.end_char)
            tid = timex_ids[key]
            timex_info[key] = info
            anchor_id = None
            if info.anchor:
                anchor_id = timex_ids.get(info.anchor) or heading_ids.get(info.anchor)
            chars = info.chars
            where = ({"start": chars[0] + offset, "end": chars[1] + offset, "text": text[chars[0]:chars[1]]}
                     if chars else _span(span, offset))
            self.layers["timexes"].append(Timex.build(
                doc_id=self.doc_id, id=tid, sentence=sentence_of(span.start_char), **where,
                type=info.type, value=info.value, mod=info.mod,
                earliest=info.earliest, latest=info.latest, anchor=anchor_id))

        for event in doc._.events or []:
            t_start, t_end = event.trigger
            time = None
            if event.time in timex_ids:
                info = timex_info[event.time]
                time = EventTime.shape(timex=timex_ids[event.time], value=info.value,
                                       earliest=info.earliest, latest=info.latest)
            self.layers["events"].append(Event.build(
                doc_id=self.doc_id, id=self._id("v", "events"), sentence=sentence_of(t_start),
                type=event.type,
                trigger=Trigger.shape(start=t_start + offset, end=t_end + offset, text=text[t_start:t_end]),
                arguments=[Argument.shape(role=a.role, start=a.start + offset, end=a.end + offset,
                                          text=text[a.start:a.end], entity=a.entity or text[a.start:a.end])
                           for a in event.arguments],
                time=time, polarity=event.polarity, modality=event.modality))
