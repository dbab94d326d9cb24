"""A tiny document and record builders for the evaluation tests (scorer, validator, baseline).

Offsets are always computed from TEXT, never typed in, so every expected number in the
tests can be checked by reading the sentences below.
"""
from __future__ import annotations

from pathlib import Path

import srsly

from pipeline.records import LAYERS
from pipeline.timexes.calendar import interval

DOC = "doc"
SENTENCES = [("Early life", "heading"),
             ("Stalin was born in Gori in 1878.", "body"),
             ("He moved to Tiflis in May 1894.", "body"),
             ("Lenin died in 1924.", "body")]  # this line lies outside the region
TEXT = "Early life\n" + " ".join(t for t, _ in SENTENCES[1:3]) + "\n" + SENTENCES[3][0] + "\n"
REGION = {"doc_id": DOC, "start": 0, "end": TEXT.index("\nLenin")}


def find(text: str, occ: int = 0) -> int:
    start = -1
    for _ in range(occ + 1):
        start = TEXT.index(text, start + 1)
    return start


def sid(start: int) -> str:
    """Id of the sentence (of SENTENCES) holding the offset."""
    for n, (text, _) in enumerate(SENTENCES, 1):
        s = TEXT.index(text)
        if s <= start < s + len(text):
            return f"{DOC}:s{n}"
    raise AssertionError(f"offset {start} is in no sentence")


def _span(text: str, occ: int = 0) -> dict:
    start = find(text, occ)
    return {"start": start, "end": start + len(text), "text": text}


def sentence(text: str, kind: str = "body", id: str | None = None) -> dict:
    span = _span(text)
    n = next((i for i, (t, _) in enumerate(SENTENCES, 1) if t == text), span["start"])
    return {"doc_id": DOC, "id": id or f"{DOC}:s{n}", **span, "kind": kind, "paragraph": TEXT[:span["start"]].count("\n"),
            "section": []}


def entity(text: str, label: str, occ: int = 0, id: str | None = None) -> dict:
    span = _span(text, occ)
    return {"doc_id": DOC, "id": id or f"{DOC}:e{span['start']}-{span['end']}", "sentence": sid(span["start"]),
            **span, "label": label, "entity": text}


def timex(text: str, value: str | None, type: str = "DATE", id: str | None = None, **fields) -> dict:
    span = _span(text)
    earliest, latest = interval(value, type)
    rec = {"doc_id": DOC, "id": id or f"{DOC}:t{span['start']}", "sentence": sid(span["start"]), **span,
           "type": type, "value": value, "mod": None, "earliest": earliest, "latest": latest, "anchor": None}
    return {**rec, **fields}


def event(trigger: str, type: str, args=(), time: dict | None = None, id: str | None = None) -> dict:
    span = _span(trigger)
    arguments = [{"role": role, **_span(text), "entity": text} for role, text in args]
    when = None if time is None else {k: time[k] for k in ("value", "earliest", "latest")} | {"timex": time["id"]}
    return {"doc_id": DOC, "id": id or f"{DOC}:v{span['start']}", "sentence": sid(span["start"]), "type": type,
            "trigger": span, "arguments": arguments, "time": when, "polarity": "positive", "modality": "asserted"}


T1878 = timex("1878", "1878")
TMAY = timex("May 1894", "1894-05")
GOLD = {
    "sentences": [sentence("Early life", "heading"), sentence(SENTENCES[1][0]), sentence(SENTENCES[2][0])],
    "entities": [entity("Stalin", "PERSON"), entity("Gori", "GPE"), entity("Tiflis", "GPE")],
    "timexes": [T1878, TMAY],
    "events": [event("born", "Life.Be-Born", [("Person", "Stalin"), ("Place", "Gori")], T1878),
               event("moved", "Movement.Transport", [("Artifact", "He"), ("Destination", "Tiflis")], TMAY)],
    "regions": [REGION],
}


def write_dir(path: Path, layers: dict[str, list[dict]], all_layers: bool = True) -> Path:
    """Write layers as JSONL files into path; all_layers also writes the missing ones empty."""
    path.mkdir(parents=True, exist_ok=True)
    names = ("sentences", "entities", "timexes", "events", "regions") if all_layers else layers
    for name in names:
        srsly.write_jsonl(path / LAYERS[name][0], layers.get(name, []))
    return path
