"""Build SPEC gold records from hand-written authoring files.

Annotators write, per region, the exact text of every sentence and, per sentence, the
mentions (by their text and, when the same string occurs more than once in the
sentence, its 0-based occurrence `occ`). This module locates them and assigns offsets
and ids, so nobody counts characters by hand; it checks as it goes and refuses files
whose strings cannot be found. See docs/annotation.md for the format.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import srsly

from pydantic import ValidationError

from ..documents import read_document
from ..records import GOLD_LAYERS, Argument, Entity, Event, EventTime, Region, Sentence, Timex, describe_error
from ..schema import ENTITY_LABELS, NUMERIC_LABELS, SENTENCE_KINDS, TIMEX_MODS, TIMEX_TYPES, event_roles
from ..timexes.calendar import interval


class AuthoringError(Exception):
    pass


def _find(haystack: str, needle: str, occ: int, where: str) -> int:
    """Offset of the occ-th whole-word occurrence of needle in haystack."""
    if not needle or needle != needle.strip():
        raise AuthoringError(f"{where}: empty text or text with outer white space: {needle!r}")
    left = r"(?<!\w)" if needle[0].isalnum() else ""
    right = r"(?!\w)" if needle[-1].isalnum() else ""
    hits = [m.start() for m in re.finditer(left + re.escape(needle) + right, haystack)]
    if occ >= len(hits):
        raise AuthoringError(f"{where}: {needle!r} occurrence {occ} not found (found {len(hits)})")
    return hits[occ]


def _record(model, where: str, **fields) -> dict:
    """A record built through its model (pipeline.records); a bad one is an AuthoringError."""
    try:
        return model(**fields).record()
    except ValidationError as err:
        raise AuthoringError(f"{where}: {describe_error(err)}") from None


def paragraph_index(text: str, offset: int) -> int:
    """0-based index of the non-blank line holding offset."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip())


class _DocBuilder:
    def __init__(self, doc_id: str, text: str):
        self.doc_id, self.text = doc_id, text
        self.records: dict[str, list[dict]] = {k: [] for k in GOLD_LAYERS}
        self.counters = {"s": 0, "e": 0, "t": 0, "v": 0}

    def new_id(self, prefix: str) -> str:
        self.counters[prefix] += 1
        return f"{self.doc_id}:{prefix}{self.counters[prefix]}"

    def span(self, sent: dict, item: Any, where: str, key: str = "text") -> dict:
        if isinstance(item, str):
            item = {key: item}
        needle, occ = item[key], int(item.get("occ", 0))
        local = _find(sent["text"], needle, occ, where)
        start = sent["start"] + local
        return {"start": start, "end": start + len(needle), "text": needle}

    def add_region(self, source: dict, name: str) -> None:
        cursor = int(source.get("start", 0))
        first = None
        single_block = "\n" not in self.text.strip()
        for p_no, para in enumerate(source["paragraphs"]):
            for s_no, sent in enumerate(para["sentences"]):
                where = f"{name}: paragraph {p_no} sentence {s_no}"
                start = self.text.find(sent["text"], cursor)
                if start < 0:
                    raise AuthoringError(f"{where}: sentence text not found after offset {cursor}: {sent['text'][:60]!r}")
                if first is not None and self.text[cursor:start].strip():
                    raise AuthoringError(f"{where}: text skipped before it: {self.text[cursor:start][:60]!r}")
                if not single_block and s_no == 0 and start > 0 and self.text[start - 1] != "\n":
                    raise AuthoringError(f"{where}: a paragraph must start at a line start")
                first = start if first is None else first
                end = start + len(sent["text"])
                cursor = end
                self.add_sentence(sent, start, end, para.get("section", []), where)
            if not single_block and cursor < len(self.text) and self.text[cursor] not in "\n":
                raise AuthoringError(f"{name}: paragraph {p_no} does not end at a line end")
        self.records["regions"].append(_record(Region, name, doc_id=self.doc_id, start=first, end=cursor))

    def add_sentence(self, sent: dict, start: int, end: int, section: list, where: str) -> None:
        kind = sent.get("kind", "body")
        if kind not in SENTENCE_KINDS:
            raise AuthoringError(f"{where}: unknown kind {kind!r}")
        sid = self.new_id("s")
        rec = _record(Sentence, where, doc_id=self.doc_id, id=sid, start=start, end=end, text=sent["text"],
                      kind=kind, paragraph=paragraph_index(self.text, start), section=list(section))
        self.records["sentences"].append(rec)
        ctx = {**rec}
        ents = []
        for item in sent.get("entities", []):
            span = self.span(ctx, item, f"{where} entity")
            label = item["label"]
            if label not in ENTITY_LABELS | NUMERIC_LABELS:
                raise AuthoringError(f"{where}: unknown entity label {label!r}")
            ent = _record(Entity, where, doc_id=self.doc_id, id=self.new_id("e"), sentence=sid, **span,
                          label=label, entity=item.get("entity", span["text"]))
            ents.append(ent)
        self.records["entities"].extend(ents)
        timexes = []
        for item in sent.get("timexes", []):
            span = self.span(ctx, item, f"{where} timex")
            type_, mod = item["type"], item.get("mod")
            if type_ not in TIMEX_TYPES or (mod is not None and mod not in TIMEX_MODS):
                raise AuthoringError(f"{where}: bad timex type/mod {type_!r}/{mod!r}")
            earliest, latest = interval(item["value"], type_)
            tx = _record(Timex, where, doc_id=self.doc_id, id=self.new_id("t"), sentence=sid, **span, type=type_,
                         value=item["value"], mod=mod, earliest=item.get("earliest", earliest),
                         latest=item.get("latest", latest), anchor=self.anchor(item.get("anchor"), where))
            timexes.append(tx)
            self.records["timexes"].append(tx)
        roles = event_roles()
        for item in sent.get("events", []):
            etype = item["type"]
            if etype not in roles:
                raise AuthoringError(f"{where}: unknown event type {etype!r}")
            trigger = self.span(ctx, item["trigger"], f"{where} trigger")
            args = []
            for arg in item.get("arguments", []):
                if arg["role"] not in roles[etype]:
                    raise AuthoringError(f"{where}: role {arg['role']!r} is not legal for {etype}")
                span = self.span(ctx, arg, f"{where} argument")
                same = [e for e in ents if (e["start"], e["end"]) == (span["start"], span["end"])]
                entity = arg.get("entity") or (same[0]["entity"] if same else span["text"])
                args.append(Argument(role=arg["role"], **span, entity=entity))
            time = None
            if item.get("time"):
                tspan = self.span(ctx, item["time"], f"{where} time")
                match = [t for t in timexes if (t["start"], t["end"]) == (tspan["start"], tspan["end"])]
                if not match:
                    raise AuthoringError(f"{where}: event time {tspan['text']!r} is not a timex of the sentence")
                t = match[0]
                time = EventTime(timex=t["id"], value=t["value"], earliest=t["earliest"], latest=t["latest"])
            polarity, modality = item.get("polarity", "positive"), item.get("modality", "asserted")
            if polarity not in ("positive", "negative") or modality not in ("asserted", "other"):
                raise AuthoringError(f"{where}: bad polarity/modality {polarity!r}/{modality!r}")
            self.records["events"].append(_record(
                Event, where, doc_id=self.doc_id, id=self.new_id("v"), sentence=sid, type=etype,
                trigger=trigger, arguments=args, time=time, polarity=polarity, modality=modality))

    def anchor(self, ref: Any, where: str) -> str | None:
        """Id of the most recent earlier timex (or heading) with the given text."""
        if not ref:
            return None
        needle = ref if isinstance(ref, str) else ref["text"]
        for tx in reversed(self.records["timexes"]):
            if tx["text"] == needle:
                return tx["id"]
        for s in reversed(self.records["sentences"]):
            if s["kind"] == "heading" and needle in s["text"]:
                return s["id"]
        raise AuthoringError(f"{where}: anchor {needle!r} is no earlier timex or heading of the gold")


def build(source_dir: Path, seeds_dir: Path) -> dict[str, list[dict]]:
    """Read every authoring file (sorted by name) and return the gold layers."""
    by_doc: dict[str, _DocBuilder] = {}
    for path in sorted(Path(source_dir).glob("*.json")):
        source = srsly.read_json(path)
        doc_id = source["doc_id"]
        if doc_id not in by_doc:
            by_doc[doc_id] = _DocBuilder(doc_id, read_document(Path(seeds_dir) / f"{doc_id}.txt").text)
        by_doc[doc_id].add_region(source, path.name)
    layers: dict[str, list[dict]] = {k: [] for k in GOLD_LAYERS}
    for doc_id in sorted(by_doc):
        for key, recs in by_doc[doc_id].records.items():
            layers[key].extend(sorted(recs, key=lambda r: (r["start"], r.get("end", 0))) if key != "events" else recs)
    return layers


def write(layers: dict[str, list[dict]], out_dir: Path) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for key, recs in layers.items():
        srsly.write_jsonl(out_dir / f"{key}.jsonl", recs)


if __name__ == "__main__":  # python -m pipeline.gold.author SOURCE_DIR SEEDS_DIR OUT_DIR
    import sys

    try:
        built = build(Path(sys.argv[1]), Path(sys.argv[2]))
    except AuthoringError as err:
        sys.exit(f"error: {err}")
    write(built, Path(sys.argv[3]))
    print({k: len(v) for k, v in built.items()})
