"""Atomic, deterministic output files, and the package's settings.json (data kept out of the code)."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import srsly

from ..outputs import json_line


def write_text(path: Path, text: str) -> None:
    """Write text to a temporary file beside path, then os.replace it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data) -> None:
    write_text(path, srsly.json_dumps(data, indent=2, sort_keys=True) + "\n")


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    write_text(path, "".join(json_line(r) + "\n" for r in records))


@lru_cache(maxsize=None)
def settings() -> dict:
    """settings.json of this package (baseline configuration, report layout)."""
    return srsly.read_json(Path(__file__).with_name("settings.json"))
