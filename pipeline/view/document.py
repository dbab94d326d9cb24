"""One document's page: its paragraphs with entities, timexes and triggers marked,
and the event frames of each paragraph in the margin beside it."""
from __future__ import annotations

from itertools import groupby

from ..corpus import DocumentView
from .markup import Mark, render

NUMERIC = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _marks(doc: DocumentView) -> dict[str, list[Mark]]:
    """Sentence id -> the marks that start in it."""
    by_sentence: dict[str, list[Mark]] = {}
    for e in doc.layers["entities"]:
        css = "mk ent num" if e["label"] in NUMERIC else f"mk ent l-{e['label']}"
        by_sentence.setdefault(e["sentence"], []).append(
            Mark(e["start"], e["end"], css, {"data-id": e["id"], "title": f"{e['label']}: {e['entity']}"},
                 e["label"], rank=0))
    for t in doc.layers["timexes"]:
        by_sentence.setdefault(t["sentence"], []).append(
            Mark(t["start"], t["end"], "mk tx", {"data-id": t["id"], "title": f"{t['type']} {t.get('value')}"},
                 t.get("value") or t["type"], rank=1))
    for v in doc.layers["events"]:
        css = "mk trg" + ("" if v["polarity"] == "positive" and v["modality"] == "asserted" else " unreal")
        by_sentence.setdefault(v["sentence"], []).append(
            Mark(v["trigger"]["start"], v["trigger"]["end"], css, {"data-id": v["id"], "title": v["type"]},
                 v["type"].split(".", 1)[-1], rank=2))
    return by_sentence


def _frame(event: dict, entity_ids: dict[tuple[int, int], str], timexes: dict[str, dict]) -> dict:
    time = event.get("time") or {}
    timex = timexes.get(time.get("timex"), {})
    return {
        "id": event["id"], "type": event["type"], "trigger": event["trigger"]["text"],
        "date": time.get("value"), "date_text": timex.get("text"),
        "flags": [f for f in (event["polarity"] if event["polarity"] != "positive" else None,
                              event["modality"] if event["modality"] != "asserted" else None) if f],
        "arguments": [{"role": a["role"], "text": a["text"],
                       "entity": a["entity"] if a["entity"] != a["text"] else None} for a in event["arguments"]],
        "related": " ".join(filter(None, [entity_ids.get((a["start"], a["end"])) for a in event["arguments"]]
                                   + [time.get("timex")])),
    }


def document_context(doc: DocumentView) -> dict:
    """What document.html needs: paragraphs of rendered sentences with their frames,
    the counts, and every record by id (shown as JSON when clicked)."""
    text = doc.text
    marks = _marks(doc)
    entity_ids = {(e["start"], e["end"]): e["id"] for e in doc.layers["entities"]}
    timexes = {t["id"]: t for t in doc.layers["timexes"]}
    frames: dict[str, list[dict]] = {}
    for v in doc.layers["events"]:
        frames.setdefault(v["sentence"], []).append(_frame(v, entity_ids, timexes))
    paragraphs = []
    for number, sentences in groupby(doc.layers["sentences"], key=lambda s: s["paragraph"]):
        sentences = list(sentences)
        parts, previous_end = [], None
        for s in sentences:
            gap = text[previous_end:s["start"]] if previous_end is not None else ""
            parts.append({"id": s["id"], "gap": gap, "kind": s["kind"],
                          "html": render(text[s["start"]:s["end"]], marks.get(s["id"], []), s["start"])})
            previous_end = s["end"]
        kinds = {s["kind"] for s in sentences}
        paragraphs.append({"number": number, "sentences": parts,
                           "kind": "heading" if kinds & {"heading", "title"} else "body",
                           "frames": [f for s in sentences for f in frames.get(s["id"], [])]})
    title = next((s["text"] for s in doc.layers["sentences"] if s["kind"] == "title"), doc.doc_id)
    records = {r["id"]: r for layer in ("entities", "timexes", "events") for r in doc.layers[layer]}
    return {"doc": doc, "title": title, "paragraphs": paragraphs, "records": records,
            "counts": counts(doc)}


def counts(doc: DocumentView) -> dict[str, int]:
    layers = doc.layers
    return {"sentences": len(layers["sentences"]),
            "entities": sum(e["label"] not in NUMERIC for e in layers["entities"]),
            "numbers": sum(e["label"] in NUMERIC for e in layers["entities"]),
            "timexes": len(layers["timexes"]), "events": len(layers["events"])}
