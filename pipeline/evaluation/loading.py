"""Reading gold and prediction folders into validated records.

Both sides go through the models of `pipeline.records`, so the scorer never sees a
shape the contract does not allow; the first bad line stops loading with an error
naming `file:line`, because a score over a half-read file would be silently wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..records import DOC_LAYERS, GOLD_LAYERS, LAYERS, Entity, Event, Region, Sentence, Timex, read_records

SCORED_LAYERS = DOC_LAYERS


class LoadError(Exception):
    """A folder or file that cannot be scored; the message names file:line and the reason."""


@dataclass
class Layers:
    """The records of one system (or the gold), each layer sorted by (doc_id, start, end, id)."""

    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    present: frozenset[str] = frozenset()  # the layers whose file exists (SPEC 4: a gold set may hold some)

    def has(self, name: str) -> bool:
        return name in self.present


def _read(path: Path, name: str) -> list:
    records = []
    try:
        for line in read_records(path, LAYERS[name][1]):
            if line.problem:
                raise LoadError(f"{path}:{line.line}: {line.problem}")
            records.append(line.record)
    except (OSError, UnicodeDecodeError) as err:
        raise LoadError(f"{path}: cannot read: {err}") from None
    return sorted(records, key=lambda r: (r.doc_id, r.start, r.end, r.id or ""))


def load_dir(path: Path, *, gold: bool = False) -> Layers:
    """Load a gold folder or a prediction folder (regions are not read).

    A missing layer file is an absent layer, not an empty one (`Layers.present`): a gold
    set annotated for time only (SPEC 4), a system without events. Only a gold set's
    regions.jsonl is required."""
    path = Path(path)
    if not path.is_dir():
        raise LoadError(f"{path}: not a directory")
    names = GOLD_LAYERS if gold else SCORED_LAYERS
    layers = Layers()
    present = set()
    for name in names:
        file = path / LAYERS[name][0]
        if not file.is_file():
            if gold and name == "regions":
                raise LoadError(f"{file}: missing (every gold set has regions.jsonl, SPEC 4)")
            continue
        setattr(layers, name, _read(file, name))
        present.add(name)
    layers.present = frozenset(present)
    return layers
