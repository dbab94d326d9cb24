"""Reading input documents exactly as SPEC 1 defines them (utf-8-sig, no newline translation)."""
from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be read as text; carries the path and a one-line reason."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # picklable (worker processes): the default would call __init__(message)
        return type(self), (self.path, self.reason)


# The largest input file read as a document (`run --max-bytes`). Processing memory is
# bounded by chunking, but the text and its records are held whole: a 20 MB text
# (a long book is 3 MB) gives several hundred MB of records. Larger files are recorded
# as failed without being read, so /dev/zero-like inputs cannot exhaust memory.
MAX_BYTES = 20_000_000

# Documents (or chunks) per nlp.pipe batch, and characters per batch: the defaults of
# `pipeline run` (where the count is also the documents per task of a worker, fewer on
# a small corpus) and, for the count, of the pipeline that pipeline.load() returns.
# Chosen by measurement (docs/benchmark.md, "Batch size"): one process took 11-23 %
# less CPU at 16 than at 1 on different short articles (300 of them: 52.4 s against
# 67.9 s) for 7 % more peak memory (237 against 221 MB), with byte-identical outputs. Every Doc of
# a batch lives until the batch is done, so a batch also ends at BATCH_CHARS: a chunk
# of a long document (up to 200,000 characters) goes alone, and the peak of a corpus
# of long documents is that of batch size 1 (the seeds: 297 MB at both).
DEFAULT_BATCH_SIZE = 16
BATCH_CHARS = 50_000


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    text: str
    sha256: str


def decode(data: bytes, path: Path) -> str:
    """Decode bytes as utf-8-sig, naming the byte offset of the first invalid byte.

    The offset counts from the start of the file: the utf-8-sig codec reports it
    relative to the text after a BOM, so the BOM's 3 bytes are added back."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        at = err.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        raise DocumentError(path, f"not valid UTF-8 at byte {at} ({err.reason})") from None


def read_document(path: Path, max_bytes: int | None = None) -> Document:
    """Read one input file. Raises DocumentError for a file that is not a regular file
    (a FIFO is opened without blocking, so it cannot hang the run), is larger than
    max_bytes if given (checked before reading, and again while reading a file that
    grows), cannot be read, or is not UTF-8. (`pipeline.run` checks the size limit
    itself before it sends a document anywhere.)"""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise DocumentError(path, err.strerror or str(err)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(path, f"not a regular file ({file_kind(info.st_mode)})")
        if max_bytes is not None and info.st_size > max_bytes:
            raise DocumentError(path, too_large(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except OSError as err:
        raise DocumentError(path, err.strerror or str(err)) from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:
        raise DocumentError(path, too_large(len(data), max_bytes, growing=True))
    return Document(doc_id=path.stem, path=path, text=decode(data, path),
                    sha256=hashlib.sha256(data).hexdigest())


def too_large(size: int, max_bytes: int, growing: bool = False) -> str:
    what = f"more than {max_bytes:,} bytes (it grew while being read)" if growing else f"{size:,} bytes"
    return f"{what}, over the input size limit of {max_bytes:,} bytes (--max-bytes)"


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"
