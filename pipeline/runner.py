"""`pipeline.run`: files -> JSONL outputs, one document at a time (streaming).

Documents are read lazily, split into chunks when longer than the model can take
(at paragraph, then sentence, then white-space boundaries), passed through
`nlp.pipe` in batches, and their records appended to temporary files that replace the
previous outputs only when the run completes.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .documents import Document, DocumentError, read_document
from .nlp import DEFAULT_MODEL, load
from .outputs import AtomicJsonlSet
from .writers import LAYERS, RecordBuilder

CHUNK_CHARS = 100_000  # well under spaCy's max_length; parser memory grows with doc length


class InputError(Exception):
    """A usage problem found before any work (missing path, duplicate doc ids ...)."""


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in LAYERS})
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The .txt files named or contained in paths, sorted; errors before any work."""
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"no such file or folder: {p}")
        if p.is_dir():
            found = sorted(q for q in p.glob("*.txt") if q.is_file())
            if not found:
                raise InputError(f"no .txt files in folder: {p}")
            files.extend(found)
        else:
            files.append(p)
    seen: dict[str, Path] = {}
    for f in files:
        if f.stem in seen and seen[f.stem].resolve() != f.resolve():
            raise InputError(f"two inputs share the doc id {f.stem!r}: {seen[f.stem]} and {f}")
        seen[f.stem] = f
    unique = {f.resolve(): f for f in files}
    return sorted(unique.values(), key=lambda f: (f.stem, str(f)))


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces no longer than size, cut at the last paragraph break,
    else sentence end, else white space before the limit (else a hard cut)."""
    if len(text) <= size:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n")
            if cut < size // 4:
                m = None
                for m in re.finditer(r"[.!?][\"')\]]?\s", window):
                    pass
                cut = m.end() if m and m.end() > size // 4 else window.rfind(" ")
            if cut > 0:
                end = start + cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _provenance(nlp) -> dict:
    base = nlp.meta.get("base_model", {})
    return {"pipeline": "histextract", "pipeline_version": __version__,
            "model": base.get("package", nlp.meta.get("name")), "model_version": base.get("version")}


def run(inputs: Iterable[Path] = ("seeds",), out_dir: Path = Path("outputs"), *, model: str = DEFAULT_MODEL,
        n_process: int = 1, batch_size: int = 8, dct: str | None = None, nlp=None,
        on_document: Callable[[str, dict], None] | None = None) -> RunSummary:
    """Process inputs into out_dir (SPEC 2 files). Raises InputError for usage problems;
    a document that cannot be read is recorded as failed and the others go on."""
    files = collect_inputs(inputs)
    nlp = nlp or load(model, dct=dct)
    started = time.perf_counter()
    summary = RunSummary()
    provenance = _provenance(nlp)
    outputs = AtomicJsonlSet(Path(out_dir), ["documents", *LAYERS, "timeline"])
    timeline: list[dict] = []
    try:
        for document, builder in _process(nlp, files, n_process, batch_size, summary):
            record = {"doc_id": builder.doc_id, "path": str(document.path) if document else "", **provenance}
            if isinstance(document, Document):
                record.update({"sha256": document.sha256, "chars": len(document.text),
                               "sentences": len(builder.layers["sentences"]), "status": "ok", "error": None})
                for layer in LAYERS:
                    outputs.write(layer, builder.layers[layer])
                    summary.counts[layer] += len(builder.layers[layer])
                timeline.extend(_timeline(builder))
            else:
                record.update({"sha256": None, "chars": None, "sentences": 0, "status": "failed",
                               "error": document.error.reason})
            summary.documents += 1
            outputs.write("documents", [record])
            if on_document:
                on_document(builder.doc_id, record)
        timeline.sort(key=lambda r: (r["earliest"], r["doc_id"], r["order"]))
        for rec in timeline:
            rec.pop("order", None)
        outputs.write("timeline", timeline)
        outputs.commit()
    except BaseException:
        outputs.abort()
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _process(nlp, files: list[Path], n_process: int, batch_size: int, summary: RunSummary) -> Iterator:
    """Yield (Document, RecordBuilder) per input, in input order; failed reads yield a
    DocumentError in place of the Document (and a builder with no records)."""
    def chunks():
        for index, path in enumerate(files):
            try:
                document = read_document(path)
            except DocumentError as err:
                yield "", (index, path, err, 0, 1)
                continue
            pieces = split_chunks(document.text)
            for n, (offset, chunk) in enumerate(pieces):
                yield chunk, (index, path, document if n == 0 else None, offset, len(pieces))

    current = None  # (document, builder, remaining chunks)
    for doc, (index, path, payload, offset, total) in nlp.pipe(chunks(), as_tuples=True, n_process=n_process,
                                                               batch_size=batch_size):
        if isinstance(payload, DocumentError):
            summary.failed += 1
            summary.errors.append(str(payload))
            builder = RecordBuilder(path.stem)
            yield _Failed(path, payload), builder
            continue
        if payload is not None:
            current = [payload, RecordBuilder(payload.doc_id), total]
        current[1].add(doc, offset)
        current[2] -= 1
        if current[2] == 0:
            yield current[0], current[1]
            current = None


class _Failed:
    def __init__(self, path: Path, error: DocumentError):
        self.path, self.error = path, error


def _timeline(builder: RecordBuilder) -> list[dict]:
    try:
        from .events.timeline import timeline_records  # the events stage owns the summary format
    except ImportError:
        return []
    records = timeline_records(builder.layers["events"], builder.layers["timexes"], builder.layers["sentences"])
    for order, rec in enumerate(records):
        rec.setdefault("order", order)
    return records
