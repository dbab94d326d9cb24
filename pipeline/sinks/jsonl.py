"""The SPEC JSONL files (SPEC 2): one file per layer, written atomically.

Every layer's records are appended in document order to files in the run's staging
folder; the timeline is sorted by date across the whole run (spilled to disk when
large); the runner publishes all files together (pipeline.outputs)."""
from __future__ import annotations

from typing import Mapping

from ..outputs import AtomicJsonlSet, SortedLines, Staging
from ..records import OUTPUT_LAYERS
from . import sinks

TIMELINE = "timeline"


@sinks.register("jsonl")
class JsonlSink:
    def __init__(self, staging: Staging):
        self.files = AtomicJsonlSet(staging, list(OUTPUT_LAYERS))
        self.timeline = SortedLines(staging.folder)

    def add(self, document: dict, layers: Mapping[str, list[dict]]) -> None:
        for layer in OUTPUT_LAYERS:
            if layer not in ("documents", TIMELINE):
                self.files.write(layer, layers.get(layer, []))
        for order, row in enumerate(layers.get(TIMELINE, [])):  # by date, then document order
            self.timeline.add([row.get("earliest") or "", row["doc_id"], order], row)
        self.files.write("documents", [document])

    def commit(self) -> None:
        self.files.write_lines(TIMELINE, self.timeline)
        self.files.close()

    def abort(self) -> None:
        self.files.abort()
        self.timeline.close()
