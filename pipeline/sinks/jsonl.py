"""The SPEC JSONL files (SPEC 2): one file per layer, written atomically.

Every layer's records are appended in document order to temporary files; the timeline
is sorted by date across the whole run (spilled to disk when large); `commit` renames
all files together (pipeline.outputs)."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..outputs import AtomicJsonlSet, SortedLines
from ..records import OUTPUT_LAYERS
from . import sinks

TIMELINE = "timeline"


@sinks.register("jsonl")
class JsonlSink:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.files = AtomicJsonlSet(self.out_dir, list(OUTPUT_LAYERS))
        self.timeline = SortedLines(self.out_dir)

    def add(self, document: dict, layers: Mapping[str, list[dict]]) -> None:
        for layer in OUTPUT_LAYERS:
            if layer not in ("documents", TIMELINE):
                self.files.write(layer, layers.get(layer, []))
        for order, row in enumerate(layers.get(TIMELINE, [])):  # by date, then document order
            self.timeline.add([row.get("earliest") or "", row["doc_id"], order], row)
        self.files.write("documents", [document])

    def commit(self) -> None:
        self.files.write_lines(TIMELINE, self.timeline)
        self.files.commit()

    def abort(self) -> None:
        self.files.abort()
        self.timeline.close()
