"""`pipeline.run`: inputs -> JSONL outputs, resumable, on one or many processes.

A run has three steps. (1) Every input (pipeline.sources) whose result in the work
area is current is skipped (pipeline.workarea). (2) The others are processed by an
engine -- in this process, a pool of worker processes (pipeline.pool) or a Dask
cluster (pipeline.dask_engine) -- which all call `process` and return records as
JSON lines, never Docs; each finished document is stored in the work area at once.
(3) The output files are assembled from the stored results in document order and
replace the previous outputs together. An interrupted run thus keeps the previous
outputs and loses at most the documents in flight; every engine gives the same bytes.

In `process`, documents are read lazily, split into chunks when longer than the model
can take (at paragraph, then sentence, then white-space boundaries) and passed through
`nlp.pipe` in batches. A document that cannot be read, or on which a stage raises, is
recorded as failed; the others go on.
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

import srsly
from spacy.util import ignore_error

from . import __version__
from .documents import BATCH_CHARS, MAX_BYTES, Document, DocumentError, too_large
from .nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL, ModelError, load
from .outputs import OutputError, OutputLock, Staging
from .records import DOC_LAYERS as LAYERS, Document as DocumentRecord, drop_invalid
from .rules import read_rules, stage_rules_dir
from .events.timeline import timeline_records
from .segmentation.lines import layout
from .sinks import make_sink, sink_factory
from .sources import InputError, Source, collect_sources
from .workarea import DocResult, WorkArea, WorkAreaError, fingerprint, result_lines
from .writers import RecordBuilder

# A document longer than this is cut into chunks; context (canonical names, date
# anchoring, pronouns) does not cross a cut, so it is set above typical article length
# (an encyclopaedia biography is 50-150k characters) and well under spaCy's max_length.
CHUNK_CHARS = 200_000

ENGINES = ("local", "dask")


class EngineError(Exception):
    """The run cannot go on (workers that cannot start, a cluster that runs other code);
    the outputs are untouched and every document finished so far is kept."""


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    invalid: int = 0  # records dropped because their model rejected them (bugs; see documents.jsonl)
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in LAYERS})
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: reason" of folder entries that are no documents
    processed: int = 0  # documents run through the pipeline by this run
    reused: int = 0  # documents whose stored result was current
    words: int = 0  # words of the processed documents


@dataclass(frozen=True)
class Plan:
    """What a run is about to do, for progress displays."""

    documents: int
    reused: int
    todo: int
    todo_bytes: int


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The files named or contained in paths, in document order (see pipeline.sources)."""
    return [s.file for s in collect_sources(paths) if s.file is not None]


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


def provenance(nlp) -> dict:
    base = nlp.meta.get("base_model", {})
    return {"pipeline": "histextract", "pipeline_version": __version__,
            "model": base.get("package", nlp.meta.get("name")), "model_version": base.get("version")}


def chunk_size(nlp) -> int:
    """Chunks are never longer than CHUNK_CHARS nor nlp.max_length (read at call time)."""
    return min(CHUNK_CHARS, nlp.max_length)


def run(inputs: Iterable[Path | str | Source] = ("seeds",), out_dir: Path = Path("outputs"), *,
        model: str = DEFAULT_MODEL, n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE, dct: str | None = None, nlp=None,
        engine: str = "local", scheduler: str | None = None, resume: bool = True,
        id_field: str = "id", text_field: str = "text", formats: Sequence[str] = ("jsonl",),
        on_start: Callable[[Plan], None] | None = None,
        on_document: Callable[[DocResult], None] | None = None, max_bytes: int = MAX_BYTES,
        lock: OutputLock | None = None, skipped: Sequence[str] = ()) -> RunSummary:
    """Process inputs into out_dir (SPEC 2 files). Raises InputError for usage problems
    (before any output file is touched); a document that cannot be read or processed is
    recorded as failed and the others go on. The outputs are assembled from the stored
    results, each document handed to one sink per output format (pipeline.sinks),
    which publishes them when the run completes.

    `resume` (the default) skips documents whose stored result is current; False runs
    every document again. `engine="dask"` runs on a Dask cluster: `scheduler`
    (tcp://HOST:PORT) or else a LocalCluster of `n_process` workers.

    The whole run holds the lock on out_dir (pipeline.outputs): OutputBusy if another
    run holds it; `lock` is one the caller already holds (the CLI takes it before
    loading the model, to refuse a second run at once). The sinks write into one
    Staging folder, published with one rename; OutputError when the work area or the
    outputs cannot be written (the previous outputs are then intact). An input larger
    than `max_bytes` is a failed document and is never read. `skipped`: what
    collect_sources skipped, for the summary."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    inputs = list(inputs)
    sources = inputs if all(isinstance(s, Source) for s in inputs) and inputs else \
        collect_sources(inputs, id_field=id_field, text_field=text_field)
    check_out_dir(out_dir)
    try:
        for name in formats:  # an unknown format is found before any work
            sink_factory(name)
    except ValueError as err:
        raise InputError(str(err)) from None
    held = lock or lock_out_dir(out_dir)
    try:
        nlp = nlp or load_pipeline(model, dct)
        return _run(sources, Path(out_dir), held, nlp, model, n_process, batch_size, dct, engine, scheduler,
                    resume, formats, on_start, on_document, max_bytes, skipped)
    finally:
        if lock is None:
            held.release()


def lock_out_dir(out_dir: Path) -> OutputLock:
    """The lock on out_dir, acquired: OutputBusy if another run holds it, InputError if
    the folder cannot be written."""
    try:
        return OutputLock(out_dir).acquire()
    except OSError as err:
        raise InputError(f"cannot write to output folder {out_dir}: {err.strerror or err}") from None


def _run(sources, out_dir: Path, lock: OutputLock, nlp, model, n_process, batch_size, dct, engine, scheduler,
         resume, formats, on_start, on_document, max_bytes: int, skipped: Sequence[str]) -> RunSummary:
    started = time.perf_counter()
    fp = fingerprint(nlp, chunk_size(nlp))
    try:
        area = WorkArea(Path(out_dir), fp)
    except OSError as err:
        raise InputError(f"cannot write to output folder {out_dir}: {err.strerror or err}") from None
    summary = RunSummary(documents=len(sources), skipped=list(skipped))
    sinks: list = []
    staging = None
    try:
        oversize = [s for s in sources if s.size > max_bytes]  # never read: failed at once
        for source in oversize:
            error = DocumentError(Path(source.label), too_large(source.size, max_bytes))
            _store(area, failed_result(source, error, provenance(nlp), fp), out_dir)
        todo = [s for s in sources  # a file is hashed only when a result of its doc id is stored
                if s.size <= max_bytes
                and not (resume and s.doc_id in area.entries and area.current(s.doc_id, s.label, s.sha256()))]
        summary.reused = len(sources) - len(todo) - len(oversize)
        if on_start:
            on_start(Plan(len(sources), summary.reused, len(todo), sum(s.size for s in todo)))
        engine_run = _engine(engine, nlp, n_process, batch_size, scheduler, fp, model, dct)
        for result in engine_run(todo):
            if result.fingerprint != fp:
                raise EngineError(f"a worker runs other code, rules or model than this process "
                                  f"(fingerprint {result.fingerprint or 'none'}, here {fp}): "
                                  "install the same version everywhere")
            _store(area, result, out_dir)
            summary.processed += 1
            summary.words += result.words
            if on_document:
                on_document(result)
        staging = Staging(lock)  # the output files exist only while assembled
        sinks = _open_sinks(formats, staging)
        _assemble(area, sources, sinks, summary)
        staging.commit()  # every sink's files become visible at once
        area.compact()
    except BaseException:
        _abort_all(sinks)
        if staging is not None:
            staging.abort()  # the previous outputs stay (a no-op once committed)
        raise
    finally:
        area.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _engine(engine: str, nlp, n_process: int, batch_size: int, scheduler: str | None, fp: str,
            model: str, dct: str | None) -> Callable[[list[Source]], Iterator[DocResult]]:
    """A function from the documents to process to their results (in any order)."""
    if engine == "dask":
        from .dask_engine import DaskEngine
        return DaskEngine(scheduler=scheduler, n_workers=n_process, batch_size=batch_size, model=model, dct=dct,
                          fingerprint=fp, provenance=provenance(nlp))
    if n_process > 1:
        from .pool import WorkerPool
        return WorkerPool(nlp, n_process, batch_size, fp)
    return lambda todo: process(nlp, todo, batch_size, fp)


def plan_tasks(sources: Sequence[Source], batch_size: int, min_bytes: int = 0,
               workers: int = 1) -> list[list[Source]]:
    """Tasks for parallel workers: longest documents first (so no worker is left with a
    long one at the end while the others idle), documents of similar size together
    (ties keep document order). A task holds at least batch_size documents, or fewer
    where the corpus is too small to give each of the workers four tasks (eight
    documents and two workers: one each, not all eight in one task), and, where an
    engine pays for every task (a Dask task is a scheduler round trip), at least
    `min_bytes` of text, so that short documents travel a few hundred at a time."""
    per_task = max(1, min(batch_size, len(sources) // (4 * max(workers, 1))))
    tasks, task, size = [], [], 0
    for source in sorted(sources, key=lambda s: -s.size):
        task.append(source)
        size += source.size
        if len(task) >= per_task and size >= min_bytes:
            tasks.append(task)
            task, size = [], 0
    return tasks + [task] if task else tasks


def _assemble(area: WorkArea, sources: list[Source], sinks: list, summary: RunSummary) -> None:
    """Hand the stored results to the sinks in document order, then commit them (the
    previous outputs are replaced together; the caller aborts them if anything fails)."""
    for source in sources:
        document, layers = None, {}
        for layer, line in area.lines(source.doc_id):
            if layer == "documents":
                document = srsly.json_loads(line)
            else:
                layers.setdefault(layer, []).append(srsly.json_loads(line))
        if document.get("status") == "ok":  # every layer, as the sink interface says
            layers = {layer: layers.get(layer, []) for layer in (*LAYERS, "timeline")}
        summary.invalid += len(document.get("invalid_records", ()))
        if document.get("status") != "ok":
            summary.failed += 1
            summary.errors.append(str(document.get("error")))
        for layer in LAYERS:
            summary.counts[layer] += len(layers.get(layer, ()))
        for sink in sinks:
            sink.add(document, layers)
        del document, layers
    for sink in sinks:
        sink.commit()


def process(nlp, sources: Sequence[Source], batch_size: int = DEFAULT_BATCH_SIZE, fp: str = "") -> Iterator[DocResult]:
    """The result of every source, in order: what each engine runs on its share."""
    prov = provenance(nlp)
    for source, document, builder in _process(nlp, sources, batch_size):
        record = {"doc_id": source.doc_id, "path": source.label, **prov}
        rows: list[dict] = []
        if isinstance(document, Document):
            try:
                rows = _timeline(builder)
            except Exception as err:  # a bug in the summary must not end the run either
                document = _failure(source, f"stage timeline failed: {type(err).__name__}: {err}")
        if isinstance(document, Document):
            record.update({"sha256": document.sha256, "chars": len(document.text),
                           "sentences": len(builder.layers["sentences"]), "status": "ok", "error": None})
            if invalid := drop_invalid(builder.layers):  # a bug, reported, never written
                record["invalid_records"] = invalid
            record = DocumentRecord(**record).record()
            yield DocResult(source.doc_id, source.label, document.sha256, "ok", None,
                            result_lines(record, {**builder.layers, "timeline": rows}), len(document.text.split()),
                            source.size, fp)
        else:
            yield failed_result(source, document.error, prov, fp)
        del document, builder, rows  # not alive while the next document is processed


def failed_result(source: Source, error: DocumentError | str, prov: dict, fp: str) -> DocResult:
    """The result of a document that failed (also made by engines whose worker died)."""
    if not isinstance(error, DocumentError):
        error = DocumentError(Path(source.label), error)
    record = DocumentRecord(doc_id=source.doc_id, path=source.label, **prov, sha256=None, chars=None,
                            sentences=0, status="failed", error=str(error)).record()
    return DocResult(source.doc_id, source.label, None, "failed", str(error), result_lines(record, {}),
                     0, source.size, fp)


def _store(area: WorkArea, result: DocResult, out_dir: Path) -> None:
    """Keep a finished document in the work area; a full disk is an OutputError."""
    try:
        area.store(result)
    except OSError as err:
        raise OutputError(f"cannot write {out_dir / '.work'}: {err.strerror or err}") from err


def _open_sinks(formats: Sequence[str], staging: Staging) -> list:
    """One sink per output format, writing into the run's staging folder."""
    opened = []
    try:
        for name in formats:
            opened.append(make_sink(name, staging))
    except BaseException:
        _abort_all(opened)
        raise
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
    """pipeline.nlp.load, with a model that is not installed or lacks a component the
    stages need reported as a usage error. Docs are not kept, so their vectors are
    dropped: less to send back from a worker."""
    try:
        return load(model, dct=dct, keep_tensor=False)
    except OSError as err:
        raise InputError(f"cannot load spaCy model {model!r}: {err}") from None
    except ModelError as err:
        raise InputError(str(err)) from None


def _process(nlp, sources: Sequence[Source], batch_size: int, max_chars: int = BATCH_CHARS) -> Iterator:
    """Yield (Source, Document, RecordBuilder) per input, in input order; a document that
    failed yields a _Failed in place of the Document (and a builder with no records).

    A stage that raises makes spaCy drop that Doc (see _tolerant), and a failure spaCy
    cannot contain ends the nlp.pipe call it happens in (see _docs): every document with
    fewer chunks back than it has is then run again alone by _retry, which names the
    failing stage.

    spaCy is given plain strings, not (text, context) tuples, and the chunks in flight
    are kept here: each Doc that comes back is matched to the first of them with its
    text (the ones before it were dropped)."""
    size = chunk_size(nlp)
    read: dict[int, tuple[Document | DocumentError, int]] = {}  # index -> (document, chunks)
    in_flight: deque[tuple[int, int, str]] = deque()  # (index, offset, text) sent, not back

    def chunks():
        for index, source in enumerate(sources):
            document, pieces = _read(source, size)
            read[index] = document, len(pieces)
            for offset, chunk in pieces:
                yield index, offset, chunk

    def sent():  # a batch is in flight from the moment it is handed to spaCy
        for batch in chunk_batches(chunks(), batch_size, max_chars):
            in_flight.extend(batch)
            yield [chunk for _, _, chunk in batch]

    def finish(index: int, builder: RecordBuilder | None, received: int):
        source = sources[index]
        document, total = read.pop(index) if index in read else (_read(source, size)[0], None)
        if isinstance(document, DocumentError):
            return source, _Failed(document), RecordBuilder(source.doc_id)
        if received != total:
            builder, error = _retry(nlp, document, size)
            if error is not None:
                return source, _failure(source, error), RecordBuilder(source.doc_id)
        elif total > 1:
            _relayout(builder, document.text, _layout_rules(nlp))
        return source, document, builder

    next_index, builder, received = 0, None, 0  # chunks of sources[next_index] back so far
    with _tolerant(nlp):
        for doc in _docs(nlp, sent()):
            if doc is None:  # the batch is over: what is still in flight was dropped
                in_flight.clear()
                continue
            index, offset = _sent_as(doc, in_flight)
            while next_index < index:  # documents before this one lost chunks
                yield finish(next_index, builder, received)
                next_index, builder, received = next_index + 1, None, 0
            builder = builder or RecordBuilder(sources[index].doc_id)
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
    while next_index < len(sources):  # documents after the last Doc that came back
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


def _read(source: Source, size: int) -> tuple[Document | DocumentError, list[tuple[int, str]]]:
    """The document and its chunks; an unreadable one is its error and one empty chunk
    (an empty Doc keeps its place in the stream)."""
    try:
        document = source.read()
    except DocumentError as err:
        return err, [(0, "")]
    return document, split_chunks(document.text, size)


def _docs(nlp, batches: Iterator[list[str]]) -> Iterator:
    """Docs for the texts of each batch, in order, minus those a stage dropped.

    Each batch has its own nlp.pipe call. spaCy chains one generator per component, and
    each keeps the last Doc it passed on until the next one arrives: in a single stream
    the previous document (its tokens, spans and attributes, several MB for a long
    text) is still alive while the next one is parsed, the moment of peak memory. A
    finished call keeps nothing. (Parallel runs use worker processes of our own, each
    running this, not spaCy's n_process: see pipeline.pool.)
    A stage that raises ends the call it is in (see _until_error); the next batch goes
    on, after a None that says every text sent so far is settled.

    Each call runs in a spaCy memory zone: the strings and lexemes its texts added to
    the vocabulary are freed when the batch is done (no Doc outlives it: its records
    are plain data). Without it the string store of a long run grows with every new
    word type of the corpus (85k -> 216k entries over 5,000 different documents)."""
    for batch in batches:
        with nlp.memory_zone():
            yield from _until_error(nlp.pipe(batch, batch_size=len(batch)))
        yield None


def chunk_batches(chunks: Iterable[tuple[int, int, str]], size: int,
                  max_chars: int) -> Iterator[list[tuple[int, int, str]]]:
    """(index, offset, text) chunks in order, in batches of at most `size` chunks and
    `max_chars` characters (a longer chunk alone): every Doc of a batch is alive until
    the batch is done, so a count alone would let a few long chunks together set the
    peak memory. spaCy's minibatch counts items only, and its minibatch_by_words yields
    an oversized item ahead of the batch it interrupts; the runner needs the order kept
    (see _sent_as)."""
    batch, chars = [], 0
    for chunk in chunks:
        if batch and (len(batch) >= size or chars + len(chunk[2]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(chunk)
        chars += len(chunk[2])
    if batch:
        yield batch


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
        _relayout(builder, document.text, _layout_rules(nlp))
    return builder, None


def _layout_rules(nlp) -> dict:
    """The layout rules of the pipeline's own segments stage (the rules it was built or
    loaded with), or the package's rules for the pipeline's language without one."""
    if "hist_segments" in nlp.pipe_names:
        return nlp.get_pipe("hist_segments").rules
    return read_rules(stage_rules_dir("segmentation", nlp.lang) / "rules.json")


def _relayout(builder: RecordBuilder, text: str, rules: dict) -> None:
    """Chunks are laid out alone: paragraph numbers restart at 0, a heading that opens a
    chunk reads as the title, sections lose the headings of earlier chunks. Take kind,
    paragraph and section of every segment from the layout of the whole text instead,
    as the segments stage does for a text in one piece."""
    lines = layout(text, rules)
    starts = [line.start for line in lines]
    for rec in builder.layers["sentences"]:
        line = lines[max(bisect.bisect_right(starts, rec["start"]) - 1, 0)]
        rec.update(kind=line.kind, paragraph=line.paragraph, section=list(line.section))


class _Failed:
    def __init__(self, error: DocumentError):
        self.error = error


def _failure(source: Source, error: str) -> _Failed:
    """A failed document; its error names the input (`path: reason`)."""
    return _Failed(DocumentError(Path(source.label), error))


def _timeline(builder: RecordBuilder) -> list[dict]:
    return timeline_records(builder.layers["events"], builder.layers["timexes"], builder.layers["sentences"])
