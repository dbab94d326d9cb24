"""Atomic JSONL output: every file is written to a temporary sibling and renamed only
when the whole run has succeeded, so an interrupted run leaves the previous outputs
intact and readable."""
from __future__ import annotations

import heapq
import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

import srsly

_SIGNALS = {signal.SIGINT, signal.SIGTERM}

# Rows of a sorted output (the timeline) kept in memory before a sorted run is spilled
# to a temporary file: some 10 MB of JSON lines.
SPILL_ROWS = 20_000

# Characters JSON leaves unescaped that Python's str.splitlines (and some JSONL readers)
# take for line breaks: written as \u escapes so one record stays one line.
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record) -> str:
    """One JSONL line, compact, non-ASCII written as UTF-8 (`Académie`, not `Acad\\u00e9mie`)
    so the files read and grep as the text they come from. Only control characters and
    the Unicode line separators are escaped."""
    line = srsly.ujson.dumps(record, ensure_ascii=False, escape_forward_slashes=False)
    for char, escaped in _LINE_BREAKS.items():
        if char in line:
            line = line.replace(char, escaped)
    return line


class AtomicJsonlSet:
    """A set of JSONL files written line by line (streaming) and committed together."""

    def __init__(self, out_dir: Path, names: list[str]):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.final = {n: self.out_dir / f"{n}.jsonl" for n in names}
        self.temp = {n: self.out_dir / f".{n}.jsonl.tmp-{os.getpid()}" for n in names}
        self.handles = {}
        try:
            for n, p in self.temp.items():
                self.handles[n] = open(p, "w", encoding="utf-8", newline="\n")
        except BaseException:
            self.abort()  # e.g. a read-only folder: leave no half-opened temp files
            raise

    def write(self, name: str, records: Iterable[dict]) -> None:
        self.write_lines(name, map(json_line, records))

    def write_lines(self, name: str, lines: Iterable[str]) -> None:
        """Lines that are already JSON (one record each, no line break)."""
        handle = self.handles[name]
        for line in lines:
            handle.write(line + "\n")

    def commit(self) -> None:
        """Flush everything to disk, then rename all files. Ctrl-C / SIGTERM arriving
        during the renames is held until they are done, so the folder never mixes
        files of two runs."""
        for h in self.handles.values():
            h.flush()
            os.fsync(h.fileno())
            h.close()
        with _signals_deferred():
            for n in self.handles:
                os.replace(self.temp[n], self.final[n])
        _fsync_dir(self.out_dir)

    def abort(self) -> None:
        for n, h in self.handles.items():
            h.close()
        for p in self.temp.values():
            p.unlink(missing_ok=True)


class SortedLines:
    """Records to be written in key order, however many: kept in memory as JSON lines
    up to `limit` (default SPILL_ROWS), then spilled as sorted runs to anonymous
    temporary files that are merged at the end (so memory does not grow with the
    corpus). Equal keys keep the order in which they were added, as a stable sort
    would."""

    def __init__(self, directory: Path, limit: int | None = None):
        self.directory, self.limit = Path(directory), limit or SPILL_ROWS
        self.buffer: list[tuple[list, str]] = []
        self.runs: list[IO[str]] = []

    def add(self, key: list, record: dict) -> None:
        """key: a JSON list (strings, numbers) that orders the records."""
        self.buffer.append((list(key), json_line(record)))
        if len(self.buffer) >= self.limit:
            self._spill()

    def __iter__(self) -> Iterator[str]:
        """The JSON lines in key order; the temporary files are closed (deleted) after."""
        self.buffer.sort(key=_first)
        try:
            runs = [map(_parse_run_line, run) for run in self.runs]
            for _, line in heapq.merge(*runs, self.buffer, key=_first):
                yield line
        finally:
            self.close()

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs, self.buffer = [], []

    def _spill(self) -> None:
        self.buffer.sort(key=_first)
        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=self.directory)
        try:
            for key, line in self.buffer:
                run.write(json_line(key) + "\t" + line + "\n")
            run.seek(0)
        except BaseException:
            run.close()
            raise
        self.runs.append(run)
        self.buffer = []


def _first(item: tuple) -> list:
    return item[0]


def _parse_run_line(text: str) -> tuple[list, str]:
    key, line = text.rstrip("\n").split("\t", 1)  # JSON escapes tabs inside strings
    return srsly.json_loads(key), line


@contextmanager
def _signals_deferred():
    """Hold Ctrl-C / SIGTERM during the block and act on them right after it. Python
    runs signal handlers in the main thread only, so this swaps the handlers there (a
    blocked signal mask would not do: the signal may go to another thread, e.g. the
    progress bar's). In any other thread nothing is held."""
    received: list[int] = []
    try:
        old = {s: signal.signal(s, lambda signum, frame: received.append(signum)) for s in _SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        for s in dict.fromkeys(received):
            if callable(old[s]):
                old[s](s, None)  # e.g. KeyboardInterrupt, now that the files are all in place
            elif old[s] != signal.SIG_IGN:
                os.kill(os.getpid(), s)  # the default action (terminate)


def _fsync_dir(path: Path) -> None:
    """Make the renames themselves durable (best effort: not every OS allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json_atomic(path: Path, data) -> None:
    """Write JSON through a temporary sibling and rename; no temp file is left on failure."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        srsly.write_json(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
