"""`pipeline.run`: files -> JSONL outputs, one document at a time (streaming).

Documents are read lazily, split into chunks when longer than the model can take
(at paragraph, then sentence, then white-space boundaries), passed through
`nlp.pipe` in batches, and their records appended to temporary files that replace the
previous outputs only when the run completes. A document that cannot be read, or on
which a stage raises, is recorded as failed; the others go on.
"""
from __future__ import annotations

import bisect
import re
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from spacy.util import ignore_error, minibatch

from . import __version__
from .documents import Document, DocumentError, read_document
from .nlp import DEFAULT_MODEL, load
from .records import DOC_LAYERS as LAYERS, Document as DocumentRecord, drop_invalid
from .rules import load_rules
from .events.timeline import timeline_records
from .segmentation.lines import layout
from .sinks import make_sink
from .writers import RecordBuilder

# A document longer than this is cut into chunks; context (canonical names, date
# anchoring, pronouns) does not cross a cut, so it is set above typical article length
# (an encyclopaedia biography is 50-150k characters) and well under spaCy's max_length.
CHUNK_CHARS = 200_000


class InputError(Exception):
    """A usage problem found before any work (missing path, duplicate doc ids ...)."""


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    invalid: int = 0  # records dropped because their model rejected them (bugs; see documents.jsonl)
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
    unique: dict[Path, Path] = {}
    for f in files:  # a file named twice (itself and in its folder) is one input, as first named
        unique.setdefault(f.resolve(), f)
    return sorted(unique.values(), key=lambda f: (f.stem, str(f)))


# A sentence end: . ! ? (and a closing quote or parenthesis), white space, then a capital
# letter or digit; `Others[who?] compare` is not one (a `]` after `?` is a citation remnant).
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces no longer than size that cover text exactly, cut at the last
    line break, else after the last sentence end, else at the last white space before the
    limit (else a hard cut). Line breaks and sentence ends are only used in the last
    three quarters of the window, so pieces stay large."""
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
                for m in _SENTENCE_END.finditer(window):
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
        n_process: int = 1, batch_size: int = 1, dct: str | None = None, nlp=None,
        on_document: Callable[[str, dict], None] | None = None,
        formats: Sequence[str] = ("jsonl",)) -> RunSummary:
    """Process inputs into out_dir (SPEC 2 files). Raises InputError for usage problems
    (before any output file is touched); a document that cannot be read or processed is
    recorded as failed and the others go on. Each document's records go to one sink per
    output format (pipeline.sinks), which publishes them when the run completes."""
    files = collect_inputs(inputs)
    check_out_dir(out_dir)
    nlp = nlp or load_pipeline(model, dct)
    outputs = _open_sinks(formats, Path(out_dir))
    started = time.perf_counter()
    summary = RunSummary()
    provenance = _provenance(nlp)
    try:
        for document, builder in _process(nlp, files, n_process, batch_size, summary):
            record = {"doc_id": builder.doc_id, "path": str(document.path), **provenance}
            rows: list[dict] = []
            if isinstance(document, Document):
                try:
                    rows = _timeline(builder)
                except Exception as err:  # a bug in the summary must not end the run either
                    document = _failure(summary, document.path, f"stage timeline failed: {type(err).__name__}: {err}")
            if isinstance(document, Document):
                record.update({"sha256": document.sha256, "chars": len(document.text),
                               "sentences": len(builder.layers["sentences"]), "status": "ok", "error": None})
                if invalid := drop_invalid(builder.layers):  # a bug, reported, never written
                    record["invalid_records"] = invalid
                    summary.invalid += len(invalid)
                layers = {**builder.layers, "timeline": rows}
                for layer in LAYERS:
                    summary.counts[layer] += len(builder.layers[layer])
            else:
                record.update({"sha256": None, "chars": None, "sentences": 0, "status": "failed",
                               "error": str(document.error)})
                layers = {}
            summary.documents += 1
            record = DocumentRecord(**record).record()
            for sink in outputs:
                sink.add(record, layers)
            if on_document:
                on_document(builder.doc_id, record)
            del document, builder, rows, layers  # not alive while the next document is processed
        for sink in outputs:
            sink.commit()
    except BaseException:
        _abort_all(outputs)
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _open_sinks(formats: Sequence[str], out_dir: Path) -> list:
    """One sink per output format; a folder that cannot be written is a usage error."""
    opened = []
    try:
        for name in formats:
            opened.append(make_sink(name, out_dir))
    except ValueError as err:
        _abort_all(opened)
        raise InputError(str(err)) from None
    except OSError as err:
        _abort_all(opened)
        raise InputError(f"cannot write to output folder {out_dir}: {err.strerror or err}") from None
    return opened


def _abort_all(sinks: list) -> None:
    for sink in sinks:
        sink.abort()


def check_out_dir(out_dir: Path) -> None:
    """Create the output folder, or say why it cannot be (a usage error, before any work)."""
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot write to output folder {out_dir}: {err.strerror or err}") from None


def load_pipeline(model: str = DEFAULT_MODEL, dct: str | None = None):
    """pipeline.nlp.load, with a model that is not installed reported as a usage error.
    Docs are not kept, so their vectors are dropped: less to send back from a worker."""
    try:
        return load(model, dct=dct, keep_tensor=False)
    except OSError as err:
        raise InputError(f"cannot load spaCy model {model!r}: {err}") from None


def _process(nlp, files: list[Path], n_process: int, batch_size: int, summary: RunSummary) -> Iterator:
    """Yield (Document, RecordBuilder) per input, in input order; a document that failed
    yields a _Failed in place of the Document (and a builder with no records).

    Chunks are never longer than CHUNK_CHARS nor nlp.max_length (both read at call time).
    A stage that raises makes spaCy drop that Doc (see _tolerant), and a failure spaCy
    cannot contain ends the nlp.pipe call it happens in (see _docs): every document with
    fewer chunks back than it has is then run again alone by _retry, which names the
    failing stage.

    spaCy is given plain strings, not (text, context) tuples: with `as_tuples` it
    tokenizes in this process and sends each worker a serialised Doc, some twenty times
    the text's size, which its multiprocessing buffer keeps for up to 57 documents. The
    chunks in flight are kept here instead, and each Doc that comes back is matched to
    the first of them with its text (the ones before it were dropped)."""
    size = min(CHUNK_CHARS, nlp.max_length)
    read: dict[int, tuple[Document | DocumentError, int]] = {}  # index -> (document, chunks)
    in_flight: deque[tuple[int, int, str]] = deque()  # (index, offset, text) sent, not back

    def chunks():
        for index, path in enumerate(files):
            document, pieces = _read(path, size)
            read[index] = document, len(pieces)
            for offset, chunk in pieces:
                in_flight.append((index, offset, chunk))
                yield chunk

    def finish(index: int, builder: RecordBuilder | None, received: int):
        path = files[index]
        document, total = read.pop(index) if index in read else (_read(path, size)[0], None)
        if isinstance(document, DocumentError):
            return _failure(summary, path, document), RecordBuilder(path.stem)
        if received != total:
            builder, error = _retry(nlp, document, size)
            if error is not None:
                return _failure(summary, path, error), RecordBuilder(path.stem)
        elif total > 1:
            _relayout(builder, document.text)
        return document, builder

    next_index, builder, received = 0, None, 0  # chunks of files[next_index] back so far
    with _tolerant(nlp):
        for doc in _docs(nlp, chunks(), n_process, batch_size):
            if doc is None:  # the batch is over: what is still in flight was dropped
                in_flight.clear()
                continue
            index, offset = _sent_as(doc, in_flight)
            while next_index < index:  # documents before this one lost chunks
                yield finish(next_index, builder, received)
                next_index, builder, received = next_index + 1, None, 0
            builder = builder or RecordBuilder(files[index].stem)
            try:
                builder.add(doc, offset)
            except Exception:  # the chunk is not counted: _retry reports the error
                continue
            finally:
                del doc  # our reference; spaCy's own go with its next Doc
            received += 1
            if received == read[index][1]:
                yield finish(index, builder, received)
                next_index, builder, received = index + 1, None, 0
    while next_index < len(files):  # documents after the last Doc that came back
        yield finish(next_index, builder, received)
        next_index, builder, received = next_index + 1, None, 0


def _sent_as(doc, in_flight: deque) -> tuple[int, int]:
    """(document index, offset) of the chunk doc was made from: spaCy returns Docs in the
    order it was given the texts, minus those it dropped, and a Doc's text is its input."""
    text = doc.text
    while in_flight:
        index, offset, chunk = in_flight.popleft()
        if chunk == text:
            return index, offset
    raise RuntimeError("spaCy returned a Doc whose text was not sent")


def _read(path: Path, size: int) -> tuple[Document | DocumentError, list[tuple[int, str]]]:
    """The document and its chunks; an unreadable one is its error and one empty chunk
    (an empty Doc keeps its place in the stream)."""
    try:
        document = read_document(path)
    except DocumentError as err:
        return err, [(0, "")]
    return document, split_chunks(document.text, size)


def _docs(nlp, texts: Iterator[str], n_process: int, batch_size: int) -> Iterator:
    """Docs for texts, in order, minus those a stage dropped.

    In one process each batch has its own nlp.pipe call. spaCy chains one generator per
    component, and each keeps the last Doc it passed on until the next one arrives: in
    a single stream the previous document (its tokens, spans and attributes, several MB
    for a long text) is still alive while the next one is parsed, the moment of peak
    memory. A finished call keeps nothing. With workers, spaCy's single stream is kept:
    the Docs live in the workers, which do not hold them across batches.
    A stage that raises ends the call it is in (see _until_error); in one process the
    next batch goes on, after a None that says every text sent so far is settled."""
    if n_process > 1:
        yield from _until_error(nlp.pipe(texts, n_process=n_process, batch_size=batch_size))
        return
    for batch in minibatch(texts, batch_size):
        yield from _until_error(nlp.pipe(batch, batch_size=batch_size))
        yield None


def _until_error(stream: Iterator) -> Iterator:
    """The items of stream until it raises. Components without a settable error handler
    (spaCy's parser and ner) end nlp.pipe when they raise; the caller then goes on one
    document at a time instead of ending the run."""
    while True:
        try:
            item = next(stream)
        except StopIteration:
            return
        except Exception:  # reported per document by _retry
            return
        yield item
        del item  # not kept alive while spaCy makes the next one


@contextmanager
def _tolerant(nlp):
    """While running, a stage that raises on a Doc makes spaCy drop that Doc instead of
    ending the whole run; the previous error handlers are restored afterwards. (Not via
    nlp.set_error_handler: it raises AttributeError on this model's parser and ner.)"""
    default, pipes = nlp.default_error_handler, []
    nlp.default_error_handler = ignore_error
    for _, pipe in nlp.pipeline:
        if hasattr(pipe, "set_error_handler"):
            try:
                previous = pipe.get_error_handler()
                pipe.set_error_handler(ignore_error)
            except AttributeError:
                continue
            pipes.append((pipe, previous))
    try:
        yield
    finally:
        nlp.default_error_handler = default
        for pipe, previous in pipes:
            pipe.set_error_handler(previous)


def _retry(nlp, document: Document, size: int) -> tuple[RecordBuilder, str | None]:
    """Run a document whose chunks did not all come back again, alone and in this
    process: a Doc lost with a failing neighbour in its batch now succeeds; a real
    failure is reported with the stage, the characters and the exception."""
    builder = RecordBuilder(document.doc_id)
    pieces = split_chunks(document.text, size)
    for offset, chunk in pieces:
        step = "tokenizer"
        try:
            doc = nlp.make_doc(chunk)
            for step, proc in nlp.pipeline:
                doc = proc(doc)
            step = "records"
            builder.add(doc, offset)
        except Exception as err:  # any bug in a stage must not end the run
            where = f" (characters {offset}-{offset + len(chunk)})" if len(pieces) > 1 else ""
            return builder, f"stage {step} failed{where}: {type(err).__name__}: {err}"
    if len(pieces) > 1:
        _relayout(builder, document.text)
    return builder, None


def _relayout(builder: RecordBuilder, text: str) -> None:
    """Chunks are laid out alone: paragraph numbers restart at 0, a heading that opens a
    chunk reads as the title, sections lose the headings of earlier chunks. Take kind,
    paragraph and section of every segment from the layout of the whole text instead,
    as the segments stage does for a text in one piece."""
    lines = layout(text, load_rules("segmentation", "rules.json"))
    starts = [line.start for line in lines]
    for rec in builder.layers["sentences"]:
        line = lines[max(bisect.bisect_right(starts, rec["start"]) - 1, 0)]
        rec.update(kind=line.kind, paragraph=line.paragraph, section=list(line.section))


class _Failed:
    def __init__(self, path: Path, error: DocumentError):
        self.path, self.error = path, error


def _failure(summary: RunSummary, path: Path, error: DocumentError | str) -> _Failed:
    """Count a failed document; its error names the file (`path: reason`)."""
    if not isinstance(error, DocumentError):
        error = DocumentError(path, error)
    summary.failed += 1
    summary.errors.append(str(error))
    return _Failed(path, error)


def _timeline(builder: RecordBuilder) -> list[dict]:
    return timeline_records(builder.layers["events"], builder.layers["timexes"], builder.layers["sentences"])
