"""Per-document results and their manifest: what makes a run resumable and incremental.

A run stores each finished document's records (all layers, already as JSON lines) in
a result file of the work area `OUT/.work/`, then appends one line to the manifest
`OUT/.work/manifest.jsonl`; the six output files are assembled from the result files
in document order once every document is done. A run that is interrupted or killed
therefore loses at most the documents in flight, and the next run skips every
document whose result is *current*: same doc id, same path label, same sha256 of the
bytes, status ok, and the same *fingerprint* -- a hash of the code and rules
(`pipeline/`, `models/`), the spaCy version, the loaded pipeline's components and
configuration (model, `--dct` ...) and the chunk size. Changing any of them makes
every result stale; changing a document makes its own result stale. Failed documents
are never current: the next run tries them again.

Result files are JSON lines: a header (doc id, label, sha256, fingerprint, status,
number of lines), then `layer<TAB>json` per record, as the worker made them; the
run hands them to its output sinks in document order, so assembling from stored
results gives the bytes of a run that never stopped.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import spacy
import srsly

from . import __version__
from .outputs import json_line
from .rules import MODELS_DIR

WORK_DIR = ".work"
RESULTS_DIR = "results"
MANIFEST = "manifest.jsonl"
PACKAGE_DIR = Path(__file__).resolve().parent
_TEMP = re.compile(r"\.tmp-\d+$")


@dataclass
class DocResult:
    """One document's outcome, as a worker of any engine returns it."""

    doc_id: str
    label: str
    sha256: str | None
    status: str  # "ok" or "failed"
    error: str | None
    lines: list[str] = field(default_factory=list)  # "layer\tjson" (documents first)
    words: int = 0  # white-space separated words of the text (progress, words/s)
    size: int = 0  # bytes of the input
    fingerprint: str = ""


def code_hash() -> str:
    """sha256 of the package's source and the rules under models/ (what a result depends
    on besides the model); cheap (some 70 small files)."""
    digest = hashlib.sha256()
    for base in (PACKAGE_DIR, MODELS_DIR):
        if not base.is_dir():
            continue
        files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix not in (".pyc", ".pyo")
                       and not any(part == "__pycache__" or part.startswith(".") for part in p.relative_to(base).parts))
        for p in files:
            digest.update(p.relative_to(base).as_posix().encode() + b"\0")
            digest.update(p.read_bytes())
    return digest.hexdigest()


def fingerprint(nlp, chunk_chars: int) -> str:
    """What a document's records depend on besides its bytes (see the module docstring)."""
    try:
        config = nlp.config.to_str()
    except Exception:  # a component with a config spaCy cannot write: its name still counts
        config = ""
    parts = [__version__, spacy.__version__, code_hash(), srsly.json_dumps(nlp.meta.get("base_model", {})),
             nlp.meta.get("version", ""), " ".join(nlp.pipe_names), config, str(chunk_chars)]
    return hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:32]


class WorkAreaError(Exception):
    """A result the manifest names cannot be read back (the work area was damaged)."""


class WorkArea:
    """The results of one output folder (`OUT/.work`), written by the main process only."""

    def __init__(self, out_dir: Path, fingerprint: str):
        self.root = Path(out_dir) / WORK_DIR
        self.results = self.root / RESULTS_DIR
        self.results.mkdir(parents=True, exist_ok=True)
        self.manifest = self.root / MANIFEST
        self.fingerprint = fingerprint
        for stale in self.results.iterdir():  # left by a killed run
            if _TEMP.search(stale.name):
                stale.unlink(missing_ok=True)
        self.entries = dict(self._read_manifest())
        self._log = None

    def _read_manifest(self) -> Iterator[tuple[str, dict]]:
        """doc id -> its latest entry; a torn last line (a killed run) is skipped."""
        try:
            with open(self.manifest, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = srsly.json_loads(line)
                    except ValueError:
                        continue
                    if isinstance(entry, dict) and isinstance(entry.get("doc_id"), str):
                        yield entry["doc_id"], entry
        except FileNotFoundError:
            return

    def _path(self, doc_id: str) -> Path:
        return self.results / f"{hashlib.sha256(doc_id.encode()).hexdigest()[:32]}.jsonl"

    def current(self, doc_id: str, label: str, sha256: str | None) -> bool:
        """Whether the stored result of doc_id is what processing it now would give."""
        entry = self.entries.get(doc_id)
        want = {"doc_id": doc_id, "label": label, "sha256": sha256, "fingerprint": self.fingerprint, "status": "ok"}
        if sha256 is None or not entry or any(entry.get(k) != v for k, v in want.items()):
            return False
        try:
            with open(self._path(doc_id), encoding="utf-8") as f:
                header = srsly.json_loads(f.readline())
        except (OSError, ValueError):
            return False
        return all(header.get(k) == v for k, v in want.items()) and header.get("lines") == entry.get("lines")

    def store(self, result: DocResult) -> None:
        """Write the result file (temporary sibling, then rename: a killed run never
        leaves half a result under its name), then record it in the manifest."""
        header = {"doc_id": result.doc_id, "label": result.label, "sha256": result.sha256,
                  "fingerprint": result.fingerprint, "status": result.status, "lines": len(result.lines)}
        path = self._path(result.doc_id)
        tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                f.write(srsly.json_dumps(header) + "\n")
                for line in result.lines:
                    f.write(line + "\n")
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if self._log is None:
            self._log = open(self.manifest, "a", encoding="utf-8", newline="\n")
        self._log.write(srsly.json_dumps(header) + "\n")
        self._log.flush()
        self.entries[result.doc_id] = header

    def lines(self, doc_id: str) -> Iterator[tuple[str, str]]:
        """(layer, rest) of every stored line of doc_id, as the manifest says it is."""
        entry = self.entries.get(doc_id)
        try:
            with open(self._path(doc_id), encoding="utf-8") as f:
                header = srsly.json_loads(f.readline())
                if entry is None or header.get("lines") != entry.get("lines") or header.get("doc_id") != doc_id:
                    raise WorkAreaError(f"{self.root}: the result of {doc_id!r} does not match the manifest; "
                                        "run again with --fresh")
                count = 0
                for line in f:
                    layer, rest = line.rstrip("\n").split("\t", 1)
                    count += 1
                    yield layer, rest
        except (OSError, ValueError) as err:
            raise WorkAreaError(f"{self.root}: cannot read the result of {doc_id!r} ({err}); "
                                "run again with --fresh") from None
        if count != header["lines"]:
            raise WorkAreaError(f"{self.root}: the result of {doc_id!r} is truncated; run again with --fresh")

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def compact(self) -> None:
        """Keep one manifest line per document whose result is still of use (current
        fingerprint, status ok; documents of other runs into this folder included, so
        they are free when they come back) and delete every other result file."""
        self.close()
        keep = {doc_id: e for doc_id, e in sorted(self.entries.items())
                if e.get("fingerprint") == self.fingerprint and e.get("status") == "ok"}
        tmp = self.manifest.with_name(f"{MANIFEST}.tmp-{os.getpid()}")
        try:
            srsly.write_jsonl(tmp, keep.values())
            os.replace(tmp, self.manifest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        wanted = {self._path(doc_id).name for doc_id in keep}
        for path in self.results.iterdir():
            if path.name not in wanted:
                path.unlink(missing_ok=True)
        self.entries = keep


def result_lines(record: dict, layers: dict[str, list[dict]]) -> list[str]:
    """The stored lines of one document: its documents.jsonl record, then every record
    of every layer (the timeline rows included), in order."""
    lines = ["documents\t" + json_line(record)]
    for layer, records in layers.items():
        lines.extend(f"{layer}\t{json_line(r)}" for r in records)
    return lines
