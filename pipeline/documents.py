"""Reading input documents exactly as SPEC 1 defines them (utf-8-sig, no newline translation)."""
from __future__ import annotations

import codecs
import hashlib
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


def read_document(path: Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(path, err.strerror or str(err)) from None
    return Document(doc_id=path.stem, path=path, text=decode(data, path),
                    sha256=hashlib.sha256(data).hexdigest())
