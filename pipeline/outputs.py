"""One writer per output folder, and outputs that appear all at once.

A run into `out/` holds an exclusive lock on it (`OutputLock`) from before the model is
loaded until its files are in place; a second run fails at once, naming the holder.
The run writes its files into a fresh folder `out/.histextract/run-*` (`Staging`;
`AtomicJsonlSet` streams JSONL files into it) and publishes them with one rename:
`out/.histextract/current` is a symbolic link to the published folder, and each
`out/NAME` is a symbolic link to `.histextract/current/NAME`. Switching `current`
switches every file at once, so whenever the process stops (Ctrl-C, SIGTERM, SIGKILL,
a full disk, a power cut after the fsyncs) the visible files are all those of one
run. Folders left by killed runs are removed by the next run, under the lock.

Layout of an output folder:

    out/documents.jsonl -> .histextract/current/documents.jsonl   (one per output file)
    out/.histextract/lock        the lock; holds {pid, host, started, command} of its holder
    out/.histextract/current     -> run-<id>, the last completed run
    out/.histextract/run-<id>/   the files of that run (and, while a run works, its own)

Use:

    with OutputLock(out_dir) as lock:          # OutputBusy if another run holds it
        staging = Staging(lock)
        try:
            files = AtomicJsonlSet(staging, ["documents", "sentences"])
            files.write("documents", records)  # ...
            files.close()
            staging.commit()                   # all visible at once
        except BaseException:
            staging.abort()                    # the previous outputs stay
            raise
"""
from __future__ import annotations

import fcntl
import heapq
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import weakref
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

STATE = ".histextract"  # the hidden folder of an output folder (see the module docstring)
CURRENT = "current"
RUN_PREFIX = "run-"


class OutputBusy(Exception):
    """Another process holds the lock on the output folder; the message names it."""


class OutputError(Exception):
    """An output file could not be written (full disk, quota, I/O error); the message
    names the file and the reason. The previous outputs are intact."""


class OutputLock:
    """The exclusive right to write into an output folder, for one run.

    `acquire()` fails at once (never waits) with OutputBusy naming the holder's pid,
    host, start time and command. The lock is `flock(2)` on `out/.histextract/lock`:
    the kernel releases it when its holder exits, however it exits (SIGKILL too), so
    there is never a stale lock to remove by hand. Worker processes forked while it is
    held close their copy (`os.register_at_fork`), so a worker that outlives its run
    does not keep the folder locked. Not `filelock`: it truncates the lock file on
    every attempt, which would erase the holder's name that a refused run prints.

    Use as a context manager, or acquire()/release()."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.state = self.out_dir / STATE
        self.fd: int | None = None

    def acquire(self) -> "OutputLock":
        """Take the lock, then remove what killed runs left behind. Raises OutputBusy
        if another run holds it, OSError if the folder cannot be written."""
        self.state.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise OutputBusy(f"{self.out_dir} is in use by another run ({holder}); "
                             "wait for it to finish or write to another --out folder") from None
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        ref = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: (lock := ref()) is not None and lock._forget())
        _write_holder(fd)
        try:
            remove_stale(self.out_dir)
        except BaseException:
            self.release()
            raise
        return self

    def release(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the last descriptor releases the flock

    @property
    def held(self) -> bool:
        return self.fd is not None

    def _forget(self) -> None:
        """In a forked child: close the inherited descriptor (the parent keeps the lock)."""
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _write_holder(fd: int) -> None:
    """Who holds the lock, for the message of a run that is refused (best effort: a
    full disk must not stop the run here, it is reported where the outputs fail)."""
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "started": time.strftime("%Y-%m-%d %H:%M:%S"),
              "command": " ".join(getattr(sys, "orig_argv", sys.argv))}
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode(), 0)
    except OSError:
        pass


def _read_holder(fd: int) -> str:
    try:
        holder = json.loads(os.pread(fd, 65536, 0) or b"null")
        return (f"pid {holder['pid']} on {holder['host']}, started {holder['started']}: "
                f"{holder['command']}")
    except (OSError, ValueError, TypeError, KeyError):
        return "holder unknown"  # it has the lock but has not written its name yet


def remove_stale(out_dir: Path) -> list[Path]:
    """Remove what killed runs left in out_dir: their run folders (every `run-*` but the
    one `current` names), half-made links, and the `.NAME.jsonl.tmp-PID` files of
    versions before this layout. Call only with the lock held. Returns what it removed."""
    out_dir = Path(out_dir)
    state = out_dir / STATE
    keep = _current_run(state)
    removed = []
    for entry in (list(state.iterdir()) if state.is_dir() else []):
        if entry.name.startswith(RUN_PREFIX) and entry.name != keep:
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            removed.append(entry)
        elif entry.name.startswith(f"{CURRENT}."):
            entry.unlink(missing_ok=True)
            removed.append(entry)
    for entry in out_dir.iterdir():
        name = entry.name
        if name.startswith(".") and (".jsonl.tmp-" in name or ".jsonl.link-" in name) and not entry.is_dir():
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def _current_run(state: Path) -> str | None:
    try:
        return os.readlink(state / CURRENT)
    except OSError:
        return None


class Staging:
    """The fresh folder one run writes its output files into, published as a whole.

    Made from a held OutputLock: `out/.histextract/run-<id>/`. `file(name)` gives the
    path where output file `name` (e.g. `documents.jsonl`) is written and registers it
    for publication; a caller may keep its own work files in `self.folder` too (same
    file system; removed with the folder). `commit()` fsyncs the registered files and
    makes them all visible at once as `out/name` (see publish); `abort()` removes the
    folder and leaves the previous outputs as they were. Errors raise OutputError."""

    def __init__(self, lock: OutputLock):
        if not lock.held:
            raise ValueError("Staging needs a held OutputLock")
        self.out_dir = lock.out_dir
        stamp = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9}"
        self.folder = lock.state / f"{RUN_PREFIX}{stamp}"
        self.names: list[str] = []
        self.committed = False
        with _output_errors(self.folder):
            self.folder.mkdir()

    def file(self, name: str) -> Path:
        """Where output file `name` is written; it is published by commit()."""
        if name not in self.names:
            self.names.append(name)
        return self.folder / name

    def commit(self) -> None:
        """Make every registered file visible at once (files must be closed). Ctrl-C
        and SIGTERM arriving meanwhile are held until it is done; a SIGKILL leaves
        either the previous files or these, never some of each."""
        with _output_errors(self.folder):
            for name in self.names:
                with open(self.folder / name, "rb") as f:
                    os.fsync(f.fileno())
            _fsync_dir(self.folder)
            try:
                with _signals_deferred():
                    publish(self.out_dir, self.folder, self.names)
                    self.committed = True  # from here abort() must not remove the folder
            finally:
                if self.committed:  # also when a held Ctrl-C is raised now
                    remove_stale(self.out_dir)  # the previous run's folder

    def abort(self) -> None:
        """Remove the folder (unless commit() published it); the previous outputs stay."""
        if not self.committed:
            shutil.rmtree(self.folder, ignore_errors=True)


class AtomicJsonlSet:
    """JSONL files written line by line (streaming) into a Staging folder.

    `names` are file names without `.jsonl`. close() flushes them to disk; the
    Staging's commit() publishes them (with whatever else it holds). Writing errors
    raise OutputError."""

    def __init__(self, staging: Staging, names: list[str]):
        self.staging, self.names = staging, list(names)
        self.handles: dict[str, IO[str]] = {}
        try:
            for n in self.names:
                with _output_errors(staging.folder):
                    self.handles[n] = open(staging.file(f"{n}.jsonl"), "w", encoding="utf-8", newline="\n")
        except BaseException:
            self.abort()
            raise

    def write(self, name: str, records: Iterable[dict]) -> None:
        self.write_lines(name, map(json_line, records))

    def write_lines(self, name: str, lines: Iterable[str]) -> None:
        """Lines that are already JSON (one record each, no line break)."""
        handle = self.handles[name]
        with _output_errors(self.staging.folder / f"{name}.jsonl"):
            for line in lines:
                handle.write(line + "\n")

    def close(self) -> None:
        """All written: flush and close the files (Staging.commit publishes them)."""
        with _output_errors(self.staging.folder):
            for h in self.handles.values():
                h.flush()
                os.fsync(h.fileno())
                h.close()

    def abort(self) -> None:
        """Close the files without flushing errors (Staging.abort removes them)."""
        for h in self.handles.values():
            try:
                h.close()
            except OSError:  # a full disk fails the final flush too
                pass


def publish(out_dir: Path, folder: Path, names: list[str]) -> None:
    """Make folder (a complete, fsynced `run-*` folder in out/.histextract) the visible
    outputs of out_dir with one rename of the `current` link. `names` are the file
    names (`documents.jsonl`) to show as `out/NAME`.

    Before that, every `out/NAME` must be the link into `current`. A name that is
    still a plain file (written by a version before this layout, or by hand) is first
    adopted without changing what it shows: the plain files are hard-linked (else
    copied) into a folder of their own, `current` is pointed at it, and only then is
    each plain file replaced by its link. At every step each visible name shows the
    files of one run."""
    out_dir, folder = Path(out_dir), Path(folder)
    state = out_dir / STATE
    files = list(names)
    foreign = [f for f in files if os.path.lexists(out_dir / f) and not _is_our_link(out_dir / f)]
    if foreign:
        kept = state / f"{folder.name}-kept"
        kept.mkdir(exist_ok=True)
        for f in files:
            if (out_dir / f).exists():
                _link_or_copy(out_dir / f, kept / f)
        _fsync_dir(kept)
        _switch(state, kept.name)
    for f in files:
        if not _is_our_link(out_dir / f):
            tmp = out_dir / f".{f}.link-{os.getpid()}"
            tmp.unlink(missing_ok=True)
            os.symlink(Path(STATE) / CURRENT / f, tmp)
            os.replace(tmp, out_dir / f)
    _fsync_dir(out_dir)
    _switch(state, folder.name)


def _switch(state: Path, target: str) -> None:
    """Point state/current at state/target: a new link renamed over the old (atomic)."""
    tmp = state / f"{CURRENT}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, state / CURRENT)
    _fsync_dir(state)


def _is_our_link(path: Path) -> bool:
    try:
        return os.readlink(path) == str(Path(STATE) / CURRENT / path.name)
    except OSError:
        return False


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:  # another file system (a link of the user's), or no hard links
        shutil.copyfile(src, dst)
        with open(dst, "rb") as f:
            os.fsync(f.fileno())


@contextmanager
def _output_errors(where: Path):
    """OSError while writing outputs -> OutputError naming the folder and the reason."""
    try:
        yield
    except OutputError:
        raise
    except OSError as err:
        raise OutputError(f"cannot write {where}: {err.strerror or err}") from err


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
        with _output_errors(self.directory):
            run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=self.directory)
            try:
                for key, line in self.buffer:
                    run.write(json_line(key) + "\t" + line + "\n")
                run.flush()
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
