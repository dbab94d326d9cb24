"""TimeML: each document's text with its timexes as inline TIMEX3 and its event
triggers as EVENT, plus MAKEINSTANCE (polarity) and a TLINK from each dated event to
its timex: what HeidelTime, SUTime and the TempEval tools read and write.

Element and attribute names are TimeML 1.2's only. TIMEX3 `value` is the JSONL value
as is; a timex without a value has no `value`. A range (one SPEC timex, `BEGIN/END`) is
written as TimeML writes ranges (pipeline/timexes/ranges.py): a TIMEX3 DATE for each
endpoint and a non-consuming TIMEX3 DURATION with `beginPoint`/`endPoint`, which keeps
the record's tid, so an event dated by the range links to the DURATION.
Inline XML cannot cross elements: an event trigger that overlaps a timex is written
as MAKEINSTANCE/TLINK-less text (counted in the summary), and a timex overlapping an
earlier one is left out likewise. Characters XML 1.0 cannot hold are written as U+FFFD
(same length, so offsets still count from the start of TEXT).
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..corpus import DocumentView, load_corpus
from ..evaluation.files import write_text
from ..timexes.grammar import Grammar
from ..timexes.ranges import endpoints, length

# TimeML 1.2.1 (timeml.org, TimeML.xsd): elements and attributes this writer may use.
TIMEML_ATTRIBUTES = {
    "TimeML": set(), "DOCID": set(), "TEXT": set(),
    "TIMEX3": {"tid", "type", "functionInDocument", "beginPoint", "endPoint", "quant", "freq", "value", "mod",
               "anchorTimeID", "temporalFunction", "valueFromFunction", "comment"},
    "EVENT": {"eid", "class", "stem", "comment"},
    "MAKEINSTANCE": {"eiid", "eventID", "signalID", "cardinality", "tense", "aspect", "polarity", "pos",
                     "modality", "comment"},
    "TLINK": {"lid", "origin", "eventInstanceID", "timeID", "signalID", "relatedToEventInstance", "relatedToTime",
              "relType", "comment", "syntax"},
}
_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(chars: str) -> str:
    """Escaped for XML; a carriage return as a reference, since parsers turn a literal one into a line feed."""
    return escape(chars, {"\r": "&#13;"})


def local_id(record_id: str, prefix: str) -> str:
    """`doc:t12` -> `t12`, `doc:v3` -> `e3` (TimeML ids are unique in a document)."""
    return prefix + re.sub(r"^\D*", "", record_id.rsplit(":", 1)[-1])


def _element(name: str, attrs: dict, body: str | None = None) -> str:
    assert set(attrs) <= TIMEML_ATTRIBUTES[name], set(attrs) - TIMEML_ATTRIBUTES[name]
    attr_text = "".join(f" {k}={quoteattr(str(v), {chr(13): '&#13;'})}" for k, v in attrs.items() if v is not None)
    return f"<{name}{attr_text}/>" if body is None else f"<{name}{attr_text}>{body}</{name}>"


def document_xml(doc: DocumentView, grammar: Grammar | None = None) -> tuple[str, dict[str, int]]:
    """The TimeML file of one document, and what had to be left out. `grammar` finds
    the endpoints of ranges (default: the package's English one)."""
    grammar = grammar or Grammar.from_folder()
    text = _XML_INVALID.sub("\ufffd", doc.text)
    timexes = {t["id"]: t for t in doc.layers["timexes"]}
    tags, taken, skipped = [], [], {"timexes": 0, "events": 0}

    def free(start: int, end: int) -> bool:
        return all(end <= a or b <= start for a, b in taken)

    for t in sorted(timexes.values(), key=lambda t: (t["start"], -t["end"])):
        if not free(t["start"], t["end"]):
            skipped["timexes"] += 1
            continue
        taken.append((t["start"], t["end"]))
        anchor = timexes.get(t.get("anchor") or "")
        tid = local_id(t["id"], "t")
        attrs = {"tid": tid, "type": t["type"], "value": t.get("value"), "mod": t.get("mod"),
                 "anchorTimeID": local_id(anchor["id"], "t") if anchor else None,
                 "temporalFunction": "true" if t.get("anchor") else "false", "functionInDocument": "NONE"}
        ends = endpoints(grammar, t["start"], text[t["start"]:t["end"]], t.get("value")) if t["type"] == "DATE" else None
        span = length(t.get("earliest"), t.get("latest"))
        if ends is None or span is None:
            tags.append((t["start"], t["end"], "TIMEX3", attrs))
            continue
        for end_point, suffix in zip(ends, "ab"):
            tags.append((end_point.start, end_point.end, "TIMEX3", {**attrs, "tid": tid + suffix, "value": end_point.value}))
        tags.append((t["end"], t["end"], "TIMEX3", {**attrs, "type": "DURATION", "value": span, "mod": None,
                                                    "beginPoint": tid + "a", "endPoint": tid + "b"}))
    instances, links = [], []
    for v in doc.layers["events"]:
        start, end = v["trigger"]["start"], v["trigger"]["end"]
        if not free(start, end):
            skipped["events"] += 1
            continue
        taken.append((start, end))
        eid = local_id(v["id"], "e")
        tags.append((start, end, "EVENT", {"eid": eid, "class": "OCCURRENCE"}))
        eiid = "ei" + eid[1:]
        instances.append(_element("MAKEINSTANCE", {
            "eiid": eiid, "eventID": eid, "tense": "NONE", "aspect": "NONE", "pos": "UNKNOWN",
            "polarity": "POS" if v["polarity"] == "positive" else "NEG",
            "modality": None if v["modality"] == "asserted" else v["modality"]}))
        time = v.get("time") or {}
        if time.get("timex") in timexes:
            links.append(_element("TLINK", {"lid": "l" + eid[1:], "eventInstanceID": eiid,
                                            "relatedToTime": local_id(time["timex"], "t"), "relType": "IS_INCLUDED"}))
    body, at = [], 0
    for start, end, name, attrs in sorted(tags, key=lambda tag: tag[:2]):
        body.append(_text(text[at:start]))  # a non-consuming element (start == end) is empty
        body.append(_element(name, attrs, _text(text[start:end]) if end > start else None))
        at = end
    body.append(_text(text[at:]))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
           f"<DOCID>{_text(doc.doc_id)}</DOCID>\n<TEXT>{''.join(body)}</TEXT>\n"
           + "".join(line + "\n" for line in instances + links) + "</TimeML>\n")
    return xml, skipped


def write_timeml(pred_dir: Path, out_dir: Path, texts: Path | None = None) -> dict[str, int]:
    corpus = load_corpus(pred_dir, texts, strict=True)
    grammar = Grammar.from_folder()
    counts = {"documents": 0, "timexes": 0, "events": 0, "timexes_left_out": 0, "events_left_out": 0}
    for doc in corpus.documents:
        xml, skipped = document_xml(doc, grammar)
        write_text(Path(out_dir) / f"{doc.doc_id}.tml", xml)
        counts["documents"] += 1
        counts["timexes"] += len(doc.layers["timexes"]) - skipped["timexes"]
        counts["events"] += len(doc.layers["events"]) - skipped["events"]
        counts["timexes_left_out"] += skipped["timexes"]
        counts["events_left_out"] += skipped["events"]
    return counts
