"""BRAT standoff (`.txt` + `.ann` per document, `annotation.conf`): what annotators
correct in BRAT or INCEpTION, and read back as a gold folder (`gold import --format brat`).

Every layer is written, so that a document read back gives the records it came from:
- segments: `Segment` text-bound annotations with a `Kind` attribute (title, heading,
  body, caption) and a note `{"paragraph": …, "section": […]}`;
- entities: text-bound annotations typed by their label, with a note `{"entity": …}`
  when the canonical name is not the mention;
- timexes: text-bound annotations typed DATE, TIME, DURATION or SET, with a note
  `{"value", "mod", "earliest", "latest"}`, and an `Anchor` relation to the timex or
  heading they were resolved from;
- events: the trigger typed by the event subtype (ACE's BRAT convention: `Marry`,
  `Arrest-Jail`; the family is its parent in annotation.conf), an event annotation
  whose arguments are their roles (a role given twice is `Person2`, as BRAT does)
  pointing to the entity with the same span and referent, else to an `Argument`
  annotation with a note `{"entity": …}`; its date as the `Time` argument; `Polarity`
  and `Modality` attributes when not positive/asserted.
A span that crosses a line break is written as fragments (`start end;start end`).
Notes are JSON, so an annotator edits a value and the reader takes it as written.
"""
from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from pathlib import Path

from ..corpus import DocumentView, load_corpus
from ..evaluation.files import write_text
from ..records import DOC_LAYERS, Entity, Event, EventTime, Sentence, Timex, Argument, Trigger
from ..schema import ENTITY_LABELS, NUMERIC_LABELS, SENTENCE_KINDS, TIMEX_TYPES, event_roles, labels

SEGMENT, ARGUMENT, TIME_ROLE, ANCHOR = "Segment", "Argument", "Time", "Anchor"


class BratError(Exception):
    """An .ann file that cannot be read; the message names file:line."""


def subtypes() -> dict[str, str]:
    """BRAT type name (the subtype) -> event type; subtypes are unique across families."""
    names = {t.split(".", 1)[1]: t for t in event_roles()}
    assert len(names) == len(event_roles()), "two event families share a subtype name"
    return names


def _fragments(text: str, start: int, end: int) -> tuple[str, str]:
    """BRAT offsets of a span (fragments at line breaks) and the text BRAT shows for it."""
    parts, at = [], start
    for m in re.finditer(r"[\r\n]+", text[start:end]):
        parts.append((at, start + m.start()))
        at = start + m.end()
    parts.append((at, end))
    parts = [(a, b) for a, b in parts if a < b]
    return ";".join(f"{a} {b}" for a, b in parts), " ".join(text[a:b] for a, b in parts)


class _Ann:
    """The lines of one .ann file, numbered per kind of annotation."""

    def __init__(self, text: str):
        self.text, self.lines, self.n = text, [], defaultdict(int)

    def add(self, kind: str, body: str) -> str:
        self.n[kind] += 1
        ident = f"{kind}{self.n[kind]}"
        self.lines.append(f"{ident}\t{body}")
        return ident

    def span(self, type_: str, start: int, end: int) -> str:
        offsets, shown = _fragments(self.text, start, end)
        return self.add("T", f"{type_} {offsets}\t{shown}")

    def note(self, target: str, data: dict) -> None:
        self.add("#", f"AnnotatorNotes {target}\t{json.dumps(data, ensure_ascii=False)}")


def document_ann(doc: DocumentView) -> str:
    ann = _Ann(doc.text)
    ids: dict[str, str] = {}  # record id -> T
    for s in doc.layers["sentences"]:
        t = ids[s["id"]] = ann.span(SEGMENT, s["start"], s["end"])
        ann.add("A", f"Kind {t} {s['kind']}")
        ann.note(t, {"paragraph": s["paragraph"], "section": s["section"]})
    by_span: dict[tuple[int, int, str], str] = {}
    for e in doc.layers["entities"]:
        t = ids[e["id"]] = ann.span(e["label"], e["start"], e["end"])
        by_span.setdefault((e["start"], e["end"], e["entity"]), t)
        if e["entity"] != e["text"]:
            ann.note(t, {"entity": e["entity"]})
    for x in doc.layers["timexes"]:
        t = ids[x["id"]] = ann.span(x["type"], x["start"], x["end"])
        ann.note(t, {k: x.get(k) for k in ("value", "mod", "earliest", "latest")})
    for x in doc.layers["timexes"]:
        if x.get("anchor") in ids:
            ann.add("R", f"{ANCHOR} Arg1:{ids[x['id']]} Arg2:{ids[x['anchor']]}")
    for v in doc.layers["events"]:
        subtype = v["type"].split(".", 1)[1]
        trigger = ann.span(subtype, v["trigger"]["start"], v["trigger"]["end"])
        args, seen = [], defaultdict(int)
        for a in v["arguments"]:
            key = (a["start"], a["end"], a["entity"])
            if key not in by_span:
                by_span[key] = ann.span(ARGUMENT, a["start"], a["end"])
                ann.note(by_span[key], {"entity": a["entity"]})
            seen[a["role"]] += 1
            args.append(f"{a['role']}{seen[a['role']] if seen[a['role']] > 1 else ''}:{by_span[key]}")
        time = v.get("time") or {}
        if time.get("timex") in ids:
            args.append(f"{TIME_ROLE}:{ids[time['timex']]}")
        e = ann.add("E", " ".join([f"{subtype}:{trigger}", *args]))
        if v["polarity"] != "positive":
            ann.add("A", f"Polarity {e} {v['polarity']}")
        if v["modality"] != "asserted":
            ann.add("A", f"Modality {e} {v['modality']}")
    return "".join(line + "\n" for line in ann.lines)


def annotation_conf() -> str:
    """annotation.conf: the types and attributes above, events under their families."""
    families: dict[str, list[str]] = defaultdict(list)
    for etype, roles in event_roles().items():
        family, subtype = etype.split(".", 1)
        args = [f"{role}*:<ENTITY>" for role in roles] + [f"{TIME_ROLE}?:{'|'.join(sorted(TIMEX_TYPES))}"]
        families[family].append(f"\t{subtype}\t{', '.join(args)}")
    lines = ["# histextract: SPEC records as BRAT standoff (pipeline/export/brat.py)", "[entities]", SEGMENT,
             ARGUMENT, *sorted(ENTITY_LABELS), *sorted(NUMERIC_LABELS), *sorted(TIMEX_TYPES), "", "[relations]",
             f"{ANCHOR}\tArg1:{'|'.join(sorted(TIMEX_TYPES))}, Arg2:{'|'.join(sorted(TIMEX_TYPES))}|{SEGMENT}",
             "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    for family in sorted(families):
        lines += [f"!{family}", *families[family]]
    lines += ["", "[attributes]", f"Kind\tArg:{SEGMENT}, Value:{'|'.join(sorted(SENTENCE_KINDS))}",
              f"Polarity\tArg:<EVENT>, Value:{'|'.join(labels()['polarities'])}",
              f"Modality\tArg:<EVENT>, Value:{'|'.join(labels()['modalities'])}", ""]
    return "\n".join(lines)


def write_brat(pred_dir: Path, out_dir: Path, texts: Path | None = None) -> dict[str, int]:
    corpus = load_corpus(pred_dir, texts, strict=True)
    out_dir = Path(out_dir)
    for doc in corpus.documents:
        write_text(out_dir / f"{doc.doc_id}.txt", doc.text)
        write_text(out_dir / f"{doc.doc_id}.ann", document_ann(doc))
    write_text(out_dir / "annotation.conf", annotation_conf())
    return {"documents": len(corpus.documents), **{k: sum(len(d.layers[k]) for d in corpus.documents)
                                                    for k in DOC_LAYERS}}


# --- reading back --------------------------------------------------------------------------

def _parse(path: Path) -> tuple[dict, dict, list, dict, dict]:
    spans, events, attrs, notes, relations = {}, {}, [], {}, []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            ident, body, *rest = line.split("\t")
            if ident.startswith("T"):
                type_, offsets = body.split(" ", 1)
                pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
                spans[ident] = (type_, min(a for a, _ in pieces), max(b for _, b in pieces), where)
            elif ident.startswith("E"):
                head, *args = body.split()
                events[ident] = (head.split(":", 1), [a.split(":", 1) for a in args], where)
            elif ident.startswith("A") or ident.startswith("M"):
                name, target, *value = body.split()
                attrs.append((name, target, value[0] if value else "true", where))
            elif ident.startswith("#"):
                _, target = body.split()
                notes[target] = json.loads(rest[0]) if rest and rest[0].strip().startswith("{") else {}
            elif ident.startswith("R"):
                name, a1, a2 = body.split()
                relations.append((name, a1.split(":", 1)[1], a2.split(":", 1)[1], where))
        except (ValueError, IndexError) as err:
            raise BratError(f"{where}: not a BRAT standoff line ({err}): {line[:80]!r}") from None
    return spans, events, attrs, notes, relations


def read_document(ann_path: Path) -> tuple[str, str, dict[str, list[dict]]]:
    """(doc_id, text, layers) of one .ann file and the .txt beside it."""
    ann_path = Path(ann_path)
    doc_id = ann_path.stem
    txt = ann_path.with_suffix(".txt")
    if not txt.is_file():
        raise BratError(f"{ann_path}: no {txt.name} beside it")
    with open(txt, encoding="utf-8", newline="") as f:
        text = f.read()
    spans, events, attrs, notes, relations = _parse(ann_path)
    by_target = defaultdict(dict)
    for name, target, value, _ in attrs:
        by_target[target][name] = value
    for ident, (_, start, end, where) in spans.items():
        if not 0 <= start < end <= len(text):
            raise BratError(f"{where}: offsets {start}-{end} outside {txt.name} ({len(text)} characters)")

    def of_type(types) -> list[str]:
        return sorted((t for t, s in spans.items() if s[0] in types), key=lambda t: (spans[t][1], -spans[t][2]))

    layers: dict[str, list[dict]] = {"sentences": [], "entities": [], "timexes": [], "events": []}
    record_id: dict[str, str] = {}
    segments = of_type({SEGMENT})
    starts = [spans[t][1] for t in segments]
    for n, t in enumerate(segments, 1):
        _, start, end, _ = spans[t]
        record_id[t] = f"{doc_id}:s{n}"
        note = notes.get(t, {})
        layers["sentences"].append(Sentence.build(
            doc_id=doc_id, id=record_id[t], start=start, end=end, text=text[start:end],
            kind=by_target[t].get("Kind", "body"), paragraph=note.get("paragraph", 0), section=note.get("section", [])))

    def sentence_of(char: int) -> str | None:
        i = bisect.bisect_right(starts, char) - 1
        return record_id[segments[i]] if i >= 0 else None

    for n, t in enumerate(of_type(ENTITY_LABELS | NUMERIC_LABELS), 1):
        label, start, end, _ = spans[t]
        record_id[t] = f"{doc_id}:e{n}"
        layers["entities"].append(Entity.build(
            doc_id=doc_id, id=record_id[t], sentence=sentence_of(start), start=start, end=end, text=text[start:end],
            label=label, entity=notes.get(t, {}).get("entity") or text[start:end]))
    anchors = {a1: a2 for name, a1, a2, _ in relations if name == ANCHOR}
    timex_tags = of_type(TIMEX_TYPES)
    for n, t in enumerate(timex_tags, 1):
        record_id[t] = f"{doc_id}:t{n}"
    timex_records = {}
    for t in timex_tags:
        type_, start, end, _ = spans[t]
        note = notes.get(t, {})
        timex_records[t] = Timex.build(
            doc_id=doc_id, id=record_id[t], sentence=sentence_of(start), start=start, end=end, text=text[start:end],
            type=type_, value=note.get("value"), mod=note.get("mod"), earliest=note.get("earliest"),
            latest=note.get("latest"), anchor=record_id.get(anchors.get(t, "")))
        layers["timexes"].append(timex_records[t])
    types = subtypes()
    frames = []
    for ident, ((subtype, trigger), args, where) in events.items():
        if subtype not in types or trigger not in spans:
            raise BratError(f"{where}: unknown event type {subtype!r} or trigger {trigger!r}")
        _, t_start, t_end, _ = spans[trigger]
        arguments, time = [], None
        for role, target in args:
            if target not in spans:
                raise BratError(f"{where}: argument {role}:{target} names no text-bound annotation")
            if role == TIME_ROLE and target in timex_records:
                x = timex_records[target]
                time = EventTime.shape(timex=x["id"], value=x["value"], earliest=x["earliest"], latest=x["latest"])
                continue
            _, a_start, a_end, _ = spans[target]
            name = notes.get(target, {}).get("entity") or text[a_start:a_end]
            arguments.append(Argument.shape(role=re.sub(r"\d+$", "", role), start=a_start, end=a_end,
                                            text=text[a_start:a_end], entity=name))
        frames.append((t_start, len(frames), Event.build(
            doc_id=doc_id, id="", sentence=sentence_of(t_start), type=types[subtype],
            trigger=Trigger.shape(start=t_start, end=t_end, text=text[t_start:t_end]), arguments=arguments,
            time=time, polarity=by_target[ident].get("Polarity", "positive"),
            modality=by_target[ident].get("Modality", "asserted"))))
    for n, (_, _, event) in enumerate(sorted(frames, key=lambda f: f[:2]), 1):
        event["id"] = f"{doc_id}:v{n}"
        layers["events"].append(event)
    return doc_id, text, layers


def ann_files(paths: list[Path]) -> list[Path]:
    """The .ann files named or inside the folders named, sorted."""
    found: list[Path] = []
    for p in map(Path, paths):
        found += sorted(p.glob("*.ann")) if p.is_dir() else [p]
    return sorted(found)


def import_brat(paths: list[Path], texts_dir: Path, gold_dir: Path) -> dict[str, int]:
    """Read BRAT documents into texts_dir/<doc_id>.txt and a SPEC gold folder (every
    layer; regions.jsonl: each whole document), so a corrected export becomes gold."""
    from ..evaluation.files import write_jsonl
    from ..gold.importers import SourceDocument, region_record

    files = ann_files(paths)
    if not files:
        raise BratError("no .ann files to import")
    layers: dict[str, list[dict]] = {"sentences": [], "entities": [], "timexes": [], "events": []}
    regions, seen = [], set()
    for path in files:
        doc_id, text, doc_layers = read_document(path)
        if doc_id in seen:
            raise BratError(f"{path}: doc_id {doc_id!r} is already used by another file")
        seen.add(doc_id)
        write_text(Path(texts_dir) / f"{doc_id}.txt", text)
        regions.append(region_record(SourceDocument(doc_id, text)))
        for name, records in doc_layers.items():
            layers[name] += records
    for name, records in layers.items():
        write_jsonl(Path(gold_dir) / f"{name}.jsonl", records)
    write_jsonl(Path(gold_dir) / "regions.jsonl", regions)
    return {"documents": len(files), **{k: len(v) for k, v in layers.items()}}
