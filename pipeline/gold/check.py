"""Validate a gold set against its seed documents (`python -m pipeline gold check DIR`).

The scorer trusts the gold, so everything it relies on is checked here: record shapes
and vocabularies (through `pipeline.records`), offsets against the text, sentence
membership, regions made of whole sentences, event times and anchors that resolve.
Every problem is one `file:line: message` string; bad input never raises.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..documents import DocumentError, read_document
from ..records import DOC_LAYERS, GOLD_LAYERS, LAYERS, Event, Sentence, Span, Timex, read_records

Problems = list[tuple[str, int, str]]  # (file, line, message); line 0 means the whole file


@dataclass(frozen=True)
class _Line:
    """A record with the place it was read from, for messages."""

    path: Path
    line: int
    rec: object

    def problem(self, message: str) -> tuple[str, int, str]:
        return str(self.path), self.line, message


class _Texts:
    """Seed texts by doc_id, read once; None when the document does not exist."""

    def __init__(self, seeds_dir: Path):
        self.seeds_dir = seeds_dir
        self.cache: dict[str, str | None] = {}
        self.reasons: dict[str, str] = {}

    def get(self, doc_id: str) -> str | None:
        if doc_id not in self.cache:
            path = self.seeds_dir / f"{doc_id}.txt"
            try:
                self.cache[doc_id] = read_document(path).text
            except DocumentError as err:
                self.cache[doc_id] = None
                self.reasons[doc_id] = err.reason
        return self.cache[doc_id]


def _load(path: Path, name: str, problems: Problems, broken: set[str]) -> list[_Line] | None:
    """Valid records of a file; problems get the others, broken the ids of invalid records
    (so references to them are not reported a second time). None for an absent layer
    (SPEC 4: a gold set may hold only some layers; regions.jsonl is always required)."""
    model = LAYERS[name][1]
    if not path.is_file():
        if name == "regions":
            problems.append((str(path), 0, "missing gold file (every gold set has regions.jsonl)"))
            return []
        return None
    lines = []
    try:
        for line in read_records(path, model):
            if line.problem:
                problems.append((str(path), line.line, line.problem))
                if isinstance(line.raw, dict) and isinstance(line.raw.get("id"), str):
                    broken.add(line.raw["id"])
            else:
                lines.append(_Line(path, line.line, line.record))
    except (OSError, UnicodeDecodeError) as err:
        problems.append((str(path), 0, f"cannot read: {err}"))
    return lines


def _unique_ids(lines: list[_Line], problems: Problems) -> dict[str, _Line]:
    first: dict[str, _Line] = {}
    for ln in lines:
        rid = getattr(ln.rec, "id", None)
        if rid is None:
            continue
        if rid in first:
            problems.append(ln.problem(f"duplicate id {rid!r} (first on line {first[rid].line})"))
        else:
            first[rid] = ln
    return first


def _duplicate_records(lines: list[_Line], problems: Problems) -> None:
    """The same record twice under different ids (a copied line, a record written twice):
    scored, it would count twice."""
    first: dict[str, _Line] = {}
    for ln in lines:
        key = json.dumps(ln.rec.model_dump(exclude={"id"}), sort_keys=True, default=str)
        if key in first and getattr(first[key].rec, "id", None) != getattr(ln.rec, "id", None):
            problems.append(ln.problem(f"duplicate of the record on line {first[key].line} "
                                       f"(id {getattr(first[key].rec, 'id', None)!r})"))
        first.setdefault(key, ln)


def _span_problems(span: Span, text: str, what: str, whitespace: bool = True) -> list[str]:
    """Offsets beyond the text, a text that is not document[start:end], and (whitespace)
    outer white space, which the gold never has (SPEC 1)."""
    if span.end > len(text):
        return [f"{what} end {span.end} is beyond the document ({len(text)} characters)"]
    out = []
    actual = text[span.start:span.end]
    if span.text != actual:
        out.append(f"{what} text {span.text!r} != document[{span.start}:{span.end}] {actual!r}")
    if whitespace and span.text != span.text.strip():
        out.append(f"{what} text {span.text!r} has outer white space")
    return out


def _spans(rec) -> list[tuple[str, Span]]:
    """The spans a record holds, named for messages."""
    if isinstance(rec, Event):
        return [("trigger", rec.trigger)] + [(f"argument {i} ({a.role})", a) for i, a in enumerate(rec.arguments)]
    return [("span", rec)]


def _check_record(ln: _Line, texts: _Texts, sentences: dict[str, _Line] | None, broken: set[str],
                  problems: Problems) -> None:
    """Offsets and text against the document; sentence membership when the set has sentences."""
    rec = ln.rec
    text = texts.get(rec.doc_id)
    if text is None:
        problems.append(ln.problem(f"unknown doc_id {rec.doc_id!r} ({texts.reasons[rec.doc_id]})"))
        return
    span_problems = [m for what, span in _spans(rec) for m in _span_problems(span, text, what)]
    problems.extend(ln.problem(m) for m in span_problems)
    if isinstance(rec, Sentence) or span_problems or sentences is None or rec.sentence in broken:
        return
    if rec.sentence is None:
        problems.append(ln.problem("no sentence id (required where the gold set has sentences)"))
        return
    sent = sentences.get(rec.sentence)
    if sent is None or sent.rec.doc_id != rec.doc_id:
        problems.append(ln.problem(f"sentence {rec.sentence!r} is not a sentence of {rec.doc_id}"))
        return
    s = sent.rec
    for what, span in _spans(rec):
        if not (s.start <= span.start and span.end <= s.end):
            problems.append(ln.problem(f"{what} {span.start}-{span.end} lies outside sentence "
                                       f"{s.id} ({s.start}-{s.end})"))


def _check_event_time(ln: _Line, timexes: dict[str, _Line], broken: set[str], problems: Problems) -> None:
    ev: Event = ln.rec
    if ev.time is None or ev.time.timex in broken:
        return
    tx = timexes.get(ev.time.timex)
    if tx is None or tx.rec.doc_id != ev.doc_id:
        problems.append(ln.problem(f"time.timex {ev.time.timex!r} is not a timex of {ev.doc_id}"))
        return
    t: Timex = tx.rec
    if t.sentence is not None and t.sentence != ev.sentence:
        problems.append(ln.problem(f"time.timex {t.id!r} is in sentence {t.sentence}, not in the "
                                   f"event's sentence {ev.sentence}"))
    for field in ("value", "earliest", "latest"):
        if getattr(ev.time, field) != getattr(t, field):
            problems.append(ln.problem(f"time.{field} {getattr(ev.time, field)!r} != timex {t.id} "
                                       f"{field} {getattr(t, field)!r}"))


def _check_anchor(ln: _Line, timexes: dict[str, _Line], sentences: dict[str, _Line] | None, broken: set[str],
                  problems: Problems) -> None:
    anchor = ln.rec.anchor
    if anchor is None or anchor in broken:
        return
    target = timexes.get(anchor) or (sentences or {}).get(anchor)
    if target is None or target.rec.doc_id != ln.rec.doc_id:
        problems.append(ln.problem(f"anchor {anchor!r} is no timex or sentence id of {ln.rec.doc_id}"))


def _check_regions(regions: list[_Line], sentences: list[_Line] | None, texts: _Texts, problems: Problems) -> None:
    """Regions are runs of whole sentences, every gold sentence is in one, nothing is skipped.
    Without a sentence layer only their bounds and overlaps can be checked."""
    whole_sentences = sentences is not None
    sentences = sentences or []
    by_doc: dict[str, list[_Line]] = {}
    for ln in sentences:
        by_doc.setdefault(ln.rec.doc_id, []).append(ln)
    for sents in by_doc.values():
        sents.sort(key=lambda ln: (ln.rec.start, ln.rec.end))
        for prev, cur in zip(sents, sents[1:]):
            if cur.rec.start < prev.rec.end:
                problems.append(cur.problem(f"sentence overlaps sentence {prev.rec.id} ({prev.path.name} "
                                            f"line {prev.line})"))
    regs = sorted(regions, key=lambda ln: (ln.rec.doc_id, ln.rec.start, ln.rec.end))
    for prev, cur in zip(regs, regs[1:]):
        if prev.rec.doc_id == cur.rec.doc_id and cur.rec.start < prev.rec.end:
            problems.append(cur.problem(f"region overlaps the region on line {prev.line}"))
    for ln in regs:
        r = ln.rec
        text = texts.get(r.doc_id)
        if text is None:
            problems.append(ln.problem(f"unknown doc_id {r.doc_id!r} ({texts.reasons[r.doc_id]})"))
            continue
        if r.end > len(text):
            problems.append(ln.problem(f"region end {r.end} is beyond the document ({len(text)} characters)"))
            continue
        # white space at a region's edges is no text: compare its stripped bounds
        if not whole_sentences:
            continue
        piece = text[r.start:r.end]
        start, end = r.start + len(piece) - len(piece.lstrip()), r.start + len(piece.rstrip())
        inside = [s for s in by_doc.get(r.doc_id, []) if r.start <= s.rec.start and s.rec.end <= r.end]
        if start not in {s.rec.start for s in inside}:
            problems.append(ln.problem(f"region start {r.start} is not the start of a gold sentence"))
        if end not in {s.rec.end for s in inside}:
            problems.append(ln.problem(f"region end {r.end} is not the end of a gold sentence"))
        for prev, cur in zip(inside, inside[1:]):
            gap = text[prev.rec.end:cur.rec.start]
            if gap.strip():
                problems.append(ln.problem(f"text {gap.strip()[:40]!r} between sentences {prev.rec.id} and "
                                           f"{cur.rec.id} is in no sentence"))
        if "\n" in text.strip():  # SPEC 4: whole paragraphs, where the text has line breaks
            if start > 0 and text[start - 1] != "\n":
                problems.append(ln.problem(f"region start {r.start} is not at a line start"))
            if end < len(text) and text[end] not in "\r\n":
                problems.append(ln.problem(f"region end {r.end} is not at a line end"))
    for s in sentences:
        if not any(r.rec.doc_id == s.rec.doc_id and r.rec.start <= s.rec.start and s.rec.end <= r.rec.end
                   for r in regions):
            problems.append(s.problem(f"sentence {s.rec.start}-{s.rec.end} lies in no region"))


def check_gold(gold_dir: Path, seeds_dir: Path) -> list[str]:
    """Every problem of the gold set in gold_dir, as `file:line: message`; [] when it is clean."""
    gold_dir, seeds_dir = Path(gold_dir), Path(seeds_dir)
    problems: Problems = []
    broken: set[str] = set()
    layers = {name: _load(gold_dir / LAYERS[name][0], name, problems, broken) for name in GOLD_LAYERS}
    ids = {name: _unique_ids(lines, problems) if lines is not None else None for name, lines in layers.items()}
    for lines in layers.values():
        _duplicate_records(lines or [], problems)
    texts = _Texts(seeds_dir)
    for name in DOC_LAYERS:
        for ln in layers[name] or []:
            _check_record(ln, texts, ids["sentences"], broken, problems)
    for ln in layers["events"] or []:
        _check_event_time(ln, ids["timexes"] or {}, broken, problems)
    for ln in layers["timexes"] or []:
        _check_anchor(ln, ids["timexes"], ids["sentences"], broken, problems)
    _check_regions(layers["regions"], layers["sentences"], texts, problems)
    return [f"{path}:{line}: {message}" for path, line, message in sorted(set(problems))]


def check_records(pred_dir: Path, texts_dir: Path | None, doc_ids: set[str]) -> list[str]:
    """What would make scores over a folder of records (predictions; a gold set whose
    texts are not at hand) wrong, as `file:line: message`:
    a line that is no record of its layer, ids used twice, a record written twice, and,
    for the documents in doc_ids (those a gold set scores), spans beyond the document or
    whose text is not the document's (not checked without texts_dir). [] when it is clean."""
    pred_dir = Path(pred_dir)
    problems: Problems = []
    texts = _Texts(Path(texts_dir)) if texts_dir is not None else None
    for name in DOC_LAYERS:
        lines = _load(pred_dir / LAYERS[name][0], name, problems, set())
        if lines is None:
            continue
        _unique_ids(lines, problems)
        _duplicate_records(lines, problems)
        for ln in lines:
            if texts is not None and ln.rec.doc_id in doc_ids and texts.get(ln.rec.doc_id) is not None:
                problems.extend(ln.problem(m) for what, span in _spans(ln.rec)
                                for m in _span_problems(span, texts.get(ln.rec.doc_id), what, whitespace=False))
    return [f"{path}:{line}: {message}" for path, line, message in sorted(set(problems))]
