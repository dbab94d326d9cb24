"""Output formats as sinks behind one small interface.

A sink is made for the run's staging folder (`pipeline.outputs.Staging`: a fresh
folder of the locked output folder) and is given, document by document, the records
of the run. It writes its files only through `staging.file(name)`; the runner
publishes every sink's files together, with one rename, after all have committed:

    class Sink(Protocol):
        def __init__(self, staging: Staging): ...
        def add(self, document: dict, layers: Mapping[str, list[dict]]) -> None: ...
        def commit(self) -> None: ...   # the run is complete: finish and close all its files
        def abort(self) -> None: ...    # the run failed: close its files (the folder is removed)

`document` is the documents.jsonl record; `layers` holds the records of
`pipeline.records.DOC_LAYERS` and `timeline` (empty for a failed document). Sinks are
registered by name in the `sinks` registry (a `catalogue` registry, as spaCy's own,
also read from the entry point group `histextract_sinks`), so a new format is one
module with a registered class, plus its test; `pipeline.run(..., formats=[...])`
picks them by name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Protocol

import catalogue

if TYPE_CHECKING:
    from ..outputs import Staging

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


def make_sink(name: str, staging: "Staging") -> Sink:
    """The sink registered as `name`, writing into the run's staging folder."""
    return sink_factory(name)(staging)
