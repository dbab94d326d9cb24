"""Output formats as sinks behind one small interface.

A sink is made for an output folder and is given, document by document, the records
of the run; it makes them visible only on `commit`:

    class Sink(Protocol):
        def __init__(self, out_dir: Path): ...
        def add(self, document: dict, layers: Mapping[str, list[dict]]) -> None: ...
        def commit(self) -> None: ...   # the run is complete: publish all its files
        def abort(self) -> None: ...    # the run failed: leave the previous outputs as they were

`document` is the documents.jsonl record; `layers` holds the records of
`pipeline.records.DOC_LAYERS` and `timeline` (empty for a failed document). Sinks are
registered by name in the `sinks` registry (a `catalogue` registry, as spaCy's own,
also read from the entry point group `histextract_sinks`), so a new format is one
module with a registered class, plus its test; `pipeline.run(..., formats=[...])`
picks them by name.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Protocol

import catalogue

sinks = catalogue.create("histextract", "sinks", entry_points=True)


class Sink(Protocol):
    def add(self, document: dict, layers: Mapping[str, list[dict]]) -> None: ...

    def commit(self) -> None: ...

    def abort(self) -> None: ...


def sink_factory(name: str):
    """The factory registered as `name`; ValueError naming the known ones if none is
    (a run checks its formats with this before any work, and opens them at the end)."""
    from . import jsonl  # noqa: F401  (registers the built-in format)

    try:
        return sinks.get(name)
    except catalogue.RegistryError:
        known = ", ".join(sorted(sinks.get_all())) or "none"
        raise ValueError(f"unknown output format {name!r} (known: {known})") from None


def make_sink(name: str, out_dir: Path) -> Sink:
    """The sink registered as `name`, opened on out_dir."""
    return sink_factory(name)(Path(out_dir))
