"""An outputs folder read back, for the view and the exports: each document's text
and records, and the timeline.

The text is read from the path documents.jsonl names (as `run` was given it), else
from `<texts>/<doc_id>.txt`; a document whose text cannot be found, or that changed
since the run (sha256), is reported, not shown with misplaced highlights.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import srsly

from .documents import DocumentError, read_document
from .writers import LAYERS


class CorpusError(Exception):
    """An outputs folder that cannot be read back; the message says what is missing."""


@dataclass
class DocumentView:
    doc_id: str
    text: str
    record: dict
    layers: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in LAYERS})


@dataclass
class Corpus:
    documents: list[DocumentView]
    timeline: list[dict]
    problems: list[str]

    def by_id(self) -> dict[str, DocumentView]:
        return {d.doc_id: d for d in self.documents}


def _jsonl(path: Path) -> list[dict]:
    return list(srsly.read_jsonl(path)) if path.is_file() else []


def _text(record: dict, texts: Path | None) -> str:
    candidates = [Path(record["path"])] if record.get("path") else []
    if texts is not None:
        candidates.append(texts / f"{record['doc_id']}.txt")
    for path in candidates:
        if path.is_file():
            document = read_document(path)
            if record.get("sha256") in (None, document.sha256):
                return document.text
            raise DocumentError(path, "changed since the run (sha256 differs): run the pipeline again")
    raise DocumentError(Path(record.get("path") or record["doc_id"]), "text not found (give --texts DIR)")


def load_corpus(pred_dir: Path, texts: Path | None = None, *, strict: bool = False) -> Corpus:
    """Documents (status ok) with their records, and the timeline, of an outputs folder.

    A document whose text cannot be had is left out and named in `problems`, or, when
    strict (an export, which must not lose a document silently), raises CorpusError."""
    pred_dir = Path(pred_dir)
    documents_file = pred_dir / "documents.jsonl"
    if not documents_file.is_file():
        raise CorpusError(f"{documents_file} not found: run `python -m pipeline run` first")
    docs: dict[str, DocumentView] = {}
    problems = []
    for record in _jsonl(documents_file):
        if record.get("status", "ok") != "ok":
            problems.append(f"{record['doc_id']}: not shown, the run failed on it: {record.get('error')}")
            continue
        try:
            docs[record["doc_id"]] = DocumentView(record["doc_id"], _text(record, texts), record)
        except DocumentError as err:
            if strict:
                raise CorpusError(f"{record['doc_id']}: {err}") from None
            problems.append(f"{record['doc_id']}: not shown: {err}")
    for layer in LAYERS:
        for rec in _jsonl(pred_dir / f"{layer}.jsonl"):
            if rec["doc_id"] in docs:
                docs[rec["doc_id"]].layers[layer].append(rec)
    timeline = [r for r in _jsonl(pred_dir / "timeline.jsonl") if r["doc_id"] in docs]
    return Corpus(list(docs.values()), timeline, problems)
