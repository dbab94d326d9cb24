"""What the stages leave on a Doc: typed values whose fields are the records' fields.

`span._.timex` is a `TimexAnnotation`, `doc._.events` a list of `EventAnnotation`
(with `ArgumentAnnotation`s). A field has the name and meaning of the record field
it becomes (pipeline.records: Timex, Event, Argument); where a record names another
record by id, the Doc has its character offsets (`anchor`, `time`; `trigger` is the
trigger's offsets), since ids exist only once `pipeline.to_records` numbers them.
Fields read as attributes (`timex.value`) or, like a record, by key (`timex["value"]`).

The values travel with a Doc's user data (`Doc.to_bytes`, `DocBin(store_user_data=True)`,
the worker processes of `nlp.pipe(n_process=2)`): they are registered with srsly's
msgpack codec on import, and come back as the same objects.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Optional

import srsly


class _RecordLike:
    """Key access as on a record dict: `a["role"]`, `a.get("entity")`."""

    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default=None):
        return getattr(self, key, default)


def _offsets(value) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass(frozen=True)
class TimexAnnotation(_RecordLike):
    """`span._.timex`. `anchor`: offsets of the timex (or heading) the value was resolved
    from; `chars`: the exact characters when a token runs past the expression (`1929,as`)."""

    type: str
    value: Optional[str] = None
    mod: Optional[str] = None
    earliest: Optional[str] = None
    latest: Optional[str] = None
    anchor: Optional[tuple[int, int]] = None
    chars: Optional[tuple[int, int]] = None

    def __post_init__(self):
        object.__setattr__(self, "anchor", _offsets(self.anchor))
        object.__setattr__(self, "chars", _offsets(self.chars))


@dataclass(frozen=True)
class ArgumentAnnotation(_RecordLike):
    role: str
    start: int
    end: int
    entity: Optional[str] = None  # canonical referent; the record falls back to the text


@dataclass(frozen=True)
class EventAnnotation(_RecordLike):
    """An item of `doc._.events`. `trigger`: the trigger's offsets; `time`: offsets of the
    timex that dates the event."""

    type: str
    trigger: tuple[int, int]
    arguments: tuple[ArgumentAnnotation, ...] = ()
    time: Optional[tuple[int, int]] = None
    polarity: str = "positive"
    modality: str = "asserted"

    def __post_init__(self):
        object.__setattr__(self, "trigger", _offsets(self.trigger))
        object.__setattr__(self, "time", _offsets(self.time))
        object.__setattr__(self, "arguments", tuple(
            a if isinstance(a, ArgumentAnnotation) else ArgumentAnnotation(**a) for a in self.arguments))


_CODEC_KEY = "__histextract__"
_TYPES = {cls.__name__: cls for cls in (TimexAnnotation, ArgumentAnnotation, EventAnnotation)}


def _encode(obj, chain=None):
    if type(obj).__name__ in _TYPES and isinstance(obj, _RecordLike):
        return {_CODEC_KEY: type(obj).__name__, "fields": [getattr(obj, f.name) for f in fields(obj)]}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    if isinstance(obj, dict) and _CODEC_KEY in obj:
        return _TYPES[obj[_CODEC_KEY]](*obj["fields"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("histextract_annotations", func=_encode)
srsly.msgpack_decoders.register("histextract_annotations", func=_decode)

