"""Atomic JSONL output: every file is written to a temporary sibling and renamed only
when the whole run has succeeded, so an interrupted run leaves the previous outputs
intact and readable."""
from __future__ import annotations

import os
from pathlib import Path

import srsly


class AtomicJsonlSet:
    """A set of JSONL files written line by line (streaming) and committed together."""

    def __init__(self, out_dir: Path, names: list[str]):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.final = {n: self.out_dir / f"{n}.jsonl" for n in names}
        self.temp = {n: self.out_dir / f".{n}.jsonl.tmp-{os.getpid()}" for n in names}
        self.handles = {n: open(p, "w", encoding="utf-8", newline="\n") for n, p in self.temp.items()}

    def write(self, name: str, records: list[dict]) -> None:
        handle = self.handles[name]
        for rec in records:
            handle.write(srsly.json_dumps(rec) + "\n")

    def commit(self) -> None:
        for n, h in self.handles.items():
            h.flush()
            os.fsync(h.fileno())
            h.close()
        for n in self.handles:
            os.replace(self.temp[n], self.final[n])

    def abort(self) -> None:
        for n, h in self.handles.items():
            h.close()
            self.temp[n].unlink(missing_ok=True)


def write_json_atomic(path: Path, data) -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    srsly.write_json(tmp, data)
    os.replace(tmp, path)
