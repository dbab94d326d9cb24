"""Inputs as corpora come: files, folders read recursively, tables of texts, stdin.

Every input becomes a `Source`: a doc id, the label written as `path` in
documents.jsonl, and either a file to read or a text already in memory. Doc ids must
be unique and stable from run to run, because the work area (pipeline.workarea) keys
finished documents by them:

- a file named on the command line: its name without the extension (SPEC 1);
- a file found in a folder (at any depth): its path relative to that folder, without
  the extension, with `/` separators (`2019/03/article`): `a/001.txt` and `b/001.txt`
  stay two documents; files directly in the folder keep their plain stem;
- a row of a `.jsonl` or `.csv` table: the value of its id column (`--id-field`,
  default `id`); the text is the `--text-field` column (default `text`);
- `-`: standard input, one document with the doc id `stdin`.

Everything is checked before any work: a missing path, a folder without `.txt`
files, a table without its columns, an empty id or two inputs with one doc id are
an `InputError` naming the place.
"""
from __future__ import annotations

import csv
import errno
import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import srsly

from .documents import Document, DocumentError, decode, file_kind, read_document

TABLE_SUFFIXES = (".jsonl", ".csv")
STDIN = "-"


class InputError(Exception):
    """A usage problem found before any work (missing path, duplicate doc ids ...)."""


@dataclass(frozen=True)
class Source:
    """One document to process: a file (`file`) or a text held in memory (`data`)."""

    doc_id: str
    label: str  # `path` in documents.jsonl and the prefix of its error messages
    file: Path | None = None
    data: bytes | None = None

    @property
    def size(self) -> int:
        """Bytes to process: what dispatch orders by and progress estimates from."""
        if self.data is not None:
            return len(self.data)
        try:
            return self.file.stat().st_size
        except OSError:
            return 0

    def read(self) -> Document:
        """The document as SPEC 1 reads it; DocumentError if it cannot be read."""
        if self.file is not None:
            document = read_document(self.file)
            return Document(self.doc_id, Path(self.label), document.text, document.sha256)
        return Document(self.doc_id, Path(self.label), decode(self.data, Path(self.label)),
                        hashlib.sha256(self.data).hexdigest())

    def sha256(self) -> str | None:
        """sha256 of the bytes, without decoding; None when they cannot be read."""
        if self.data is not None:
            return hashlib.sha256(self.data).hexdigest()
        digest = hashlib.sha256()
        try:
            with open(self.file, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return None
        return digest.hexdigest()

    def in_memory(self) -> "Source":
        """The same source with its bytes read (for workers that cannot see this file
        system, e.g. a Dask cluster); an unreadable file stays a file (it fails there)."""
        if self.data is not None:
            return self
        try:
            return Source(self.doc_id, self.label, data=self.file.read_bytes())
        except OSError:
            return self


def collect_sources(paths: Iterable[Path | str], *, id_field: str = "id", text_field: str = "text",
                    stdin=None, skipped: list[str] | None = None) -> list[Source]:
    """Every document named by paths, in document order: sorted by doc id (then
    label); errors before any work. A file named twice (itself and in its folder)
    is one input, as first named. A path named must be a regular file or a folder (a
    FIFO or a device would block the run or never end). `skipped` receives
    `path: reason` for each `.txt` entry of a folder that is no regular file (FIFO,
    socket, device, broken link, link loop)."""
    sources: list[Source] = []
    seen_files: set[Path] = set()
    for p in paths:
        if str(p) == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            sources.append(Source("stdin", "<stdin>", data=stream.read()))
            continue
        p = Path(p)
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            raise InputError(f"no such file or folder: {p}") from None
        except OSError as err:
            raise InputError(f"cannot read {p}: {err.strerror or err}") from None
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            raise InputError(f"not a regular file: {p} ({file_kind(mode)})")
        if p.is_dir():
            found = list(_folder(p, skipped if skipped is not None else []))
            if not found:
                raise InputError(f"no .txt files in folder: {p}")
        elif p.suffix.lower() in TABLE_SUFFIXES:
            sources.extend(_table(p, id_field, text_field))
            continue
        else:
            found = [Source(p.stem, str(p), file=p)]
        for source in found:
            key = source.file.resolve()
            if key not in seen_files:
                seen_files.add(key)
                sources.append(source)
    by_id: dict[str, Source] = {}
    for source in sources:
        if source.doc_id in by_id:
            raise InputError(f"two inputs share the doc id {source.doc_id!r}: "
                             f"{by_id[source.doc_id].label} and {source.label}")
        by_id[source.doc_id] = source
    return sorted(sources, key=lambda s: (s.doc_id, s.label))


def _folder(root: Path, skipped: list[str]) -> Iterable[Source]:
    """The .txt files under root (any case of the suffix), at any depth; hidden files
    and folders (a work area, `.git`) are not documents, and links to folders are not
    followed (no loops). A `.txt` entry that is no regular file is added to skipped
    with its reason."""
    for folder, dirs, files in os.walk(root, onerror=_unreadable(skipped)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() != ".txt":
                continue
            if not path.is_file():
                skipped.append(f"{path}: {_why_not_a_file(path)}")
                continue
            relative = path.relative_to(root).with_suffix("")
            yield Source(relative.as_posix(), str(path), file=path)


def _why_not_a_file(path: Path) -> str:
    try:
        return f"not a regular file ({file_kind(path.stat().st_mode)})"
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink() and err.errno == errno.ENOENT:
            return "broken symbolic link"
        return err.strerror or str(err)


def _unreadable(skipped: list[str]):
    """os.walk's error handler: a sub-folder that cannot be listed is reported, not lost."""
    def onerror(err: OSError) -> None:
        skipped.append(f"{err.filename}: cannot read folder ({err.strerror or err})")
    return onerror


def _table(path: Path, id_field: str, text_field: str) -> list[Source]:
    """The rows of a JSONL or CSV table as documents; the label is `table#N` (N the
    1-based row, header not counted), which also prefixes a row's error messages."""
    try:
        rows = list(_jsonl_rows(path) if path.suffix.lower() == ".jsonl" else _csv_rows(path))
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as err:
        raise InputError(f"cannot read table {path}: {err}") from None
    if not rows:
        raise InputError(f"no rows in table: {path}")
    sources = []
    for n, row in enumerate(rows, 1):
        where = f"{path}#{n}"
        if not isinstance(row, dict):
            raise InputError(f"{where}: expected an object with {id_field!r} and {text_field!r}")
        for field in (id_field, text_field):
            if field not in row:
                raise InputError(f"{where}: no {field!r} field (--id-field / --text-field name them)")
        doc_id, text = row[id_field], row[text_field]
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        if not isinstance(doc_id, str) or not doc_id.strip():
            raise InputError(f"{where}: the id {doc_id!r} is not a non-empty string")
        if not isinstance(text, str):
            raise InputError(f"{where}: the text is not a string")
        sources.append(Source(doc_id, where, data=text.encode("utf-8")))
    return sources


def _jsonl_rows(path: Path):
    with open(path, encoding="utf-8-sig") as f:
        for line_no, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield srsly.json_loads(line)
                except ValueError as err:
                    raise ValueError(f"line {line_no}: malformed JSON ({err})") from None


def _csv_rows(path: Path):
    csv.field_size_limit(1 << 30)  # a row holds a whole article
    with open(path, encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f)


__all__ = ["InputError", "Source", "collect_sources", "DocumentError", "TABLE_SUFFIXES"]
