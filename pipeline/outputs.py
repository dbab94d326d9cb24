"""Atomic JSONL output: every file is written to a temporary sibling and renamed only
when the whole run has succeeded, so an interrupted run leaves the previous outputs
intact and readable."""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path

import srsly

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


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

    def write(self, name: str, records: list[dict]) -> None:
        handle = self.handles[name]
        for rec in records:
            handle.write(srsly.json_dumps(rec) + "\n")

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
