"""The record shapes of SPEC 2 and 4, defined once.

Every record that is written goes through these models: `pipeline.to_records` (and so
the runner's writers), the gold builder and the baseline build records with
`Model(...).model_dump()`, and the gold validator and the scorer read files back
through the same models, so a shape or a closed vocabulary is changed here and
nowhere else. A model's field order is the key order of its JSONL lines (mixins are
listed so that inherited fields land in place). Extra fields are allowed (SPEC 2);
vocabularies come from `pipeline.schema` (models/schema/*.json). Checks that need the
document text (offsets, `text == document[start:end]`) or other records (sentence
ids) live in `pipeline.gold.check`, not here.

The layer lists (`DOC_LAYERS`, `OUTPUT_LAYERS`, `GOLD_LAYERS`) and the file of each
layer (`LAYERS`) are defined here too, and only here.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, Optional

import srsly
from pydantic import (BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, ValidationInfo,
                      field_validator, model_validator)

from .timexes.calendar import iso_key  # chronological order of signed ISO days
from .schema import ENTITY_LABELS, NUMERIC_LABELS, SENTENCE_KINDS, TIMEX_MODS, TIMEX_TYPES, event_roles, labels

_ISO_DAY = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")  # SPEC 2: BC years are astronomical, signed (-0048)



def _one_of(value: str, allowed, what: str) -> str:
    if value not in allowed:
        hint = f" (allowed: {', '.join(sorted(allowed))})" if len(allowed) <= 20 else ""
        raise ValueError(f"unknown {what} {value!r}{hint}")
    return value


def _enum(values, null: bool = False) -> dict:
    """A closed vocabulary as JSON Schema `enum` (for `export --format jsonschema`); the
    field's validator still checks it, with a message that lists the allowed values."""
    return {"enum": sorted(values) + ([None] if null else [])}


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")

    def record(self) -> dict:
        """The JSON-ready dict of one JSONL line (fields in declaration order)."""
        return self.model_dump()

    @classmethod
    def build(cls, **fields) -> dict:
        """The record of these fields in this model's shape, not validated: the runner
        validates a document's records at once (`drop_invalid`), so that one bad record
        is reported and dropped instead of costing the document. Nested records are
        given built (`Trigger.shape(...)`)."""
        return cls.shape(**fields).record()

    @classmethod
    def shape(cls, **fields):
        """An instance with these fields, not validated (pydantic's model_construct)."""
        return cls.model_construct(**fields)


class _Offsets(_Model):
    """Code-point offsets, end exclusive, not empty (SPEC 1)."""

    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if not self.start < self.end:
            raise ValueError(f"start {self.start} must be < end {self.end}")
        return self


class Span(_Offsets):
    """A character span with its text (SPEC 1)."""

    text: StrictStr = Field(min_length=1)


class Record(_Model):
    """Anything written one per line: it names its document and has an id unique in its file."""

    doc_id: StrictStr = Field(min_length=1)
    id: StrictStr = Field(min_length=1)


class InSentence(Record):
    """A record inside a sentence: the sentence's id follows its own. A gold set without
    sentences omits it (SPEC 4), and so does a record made without a segments stage."""

    sentence: Optional[StrictStr] = None

    def record(self) -> dict:
        out = self.model_dump()
        if out["sentence"] is None:
            del out["sentence"]
        return out


class SpanRecord(Span, Record):
    pass


class Document(_Model):
    """documents.jsonl: one per input file, with provenance and status.

    A failed document (not readable, or a stage raised) has no sha256 and chars, and
    its `error` says why. `id` is the doc_id (a document is its own record) and is not
    written.
    """

    doc_id: StrictStr = Field(min_length=1)
    id: Optional[StrictStr] = Field(default=None, exclude=True)
    path: StrictStr
    pipeline: Optional[StrictStr] = None
    pipeline_version: Optional[StrictStr] = None
    model: Optional[StrictStr] = None
    model_version: Optional[StrictStr] = None
    sha256: Optional[StrictStr] = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    chars: Optional[StrictInt] = Field(default=None, ge=0)
    sentences: StrictInt = Field(ge=0)
    status: StrictStr = "ok"
    error: Optional[StrictStr] = None

    @field_validator("status")
    @classmethod
    def _status(cls, v: str) -> str:
        return _one_of(v, ("ok", "failed"), "document status")

    @model_validator(mode="after")
    def _consistent(self):
        if self.id is None:
            self.id = self.doc_id
        if self.status == "ok" and (self.sha256 is None or self.chars is None):
            raise ValueError("a document with status ok has its sha256 and chars")
        if self.status == "failed" and not self.error:
            raise ValueError("a failed document says why in `error`")
        return self


class Sentence(SpanRecord):
    kind: StrictStr = Field(json_schema_extra=_enum(SENTENCE_KINDS))
    paragraph: StrictInt = Field(ge=0)
    section: list[StrictStr] = Field(default_factory=list)

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        return _one_of(v, SENTENCE_KINDS, "sentence kind")


class Entity(Span, InSentence):
    label: StrictStr = Field(json_schema_extra=_enum(ENTITY_LABELS | NUMERIC_LABELS))
    entity: StrictStr = Field(min_length=1)

    @field_validator("label")
    @classmethod
    def _label(cls, v: str) -> str:
        return _one_of(v, ENTITY_LABELS | NUMERIC_LABELS, "entity label")


class _IntervalChecks(_Model):
    """Checks of `earliest`/`latest` (declared by the subclass, where they stand in its
    lines): ISO days, first <= last."""

    @field_validator("earliest", "latest", check_fields=False)
    @classmethod
    def _iso_day(cls, v: str | None) -> str | None:
        if v is not None and not _ISO_DAY.match(v):
            raise ValueError(f"{v!r} is not an ISO day YYYY-MM-DD (years BC: -YYYY-MM-DD)")
        return v

    @model_validator(mode="after")
    def _ordered_interval(self):
        if self.earliest and self.latest and iso_key(self.earliest) > iso_key(self.latest):
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self


class Timex(_IntervalChecks, Span, InSentence):
    type: StrictStr = Field(json_schema_extra=_enum(TIMEX_TYPES))
    value: Optional[StrictStr] = None  # null when a system cannot normalise the expression
    mod: Optional[StrictStr] = Field(None, json_schema_extra=_enum(TIMEX_MODS, null=True))
    earliest: Optional[StrictStr] = None
    latest: Optional[StrictStr] = None
    anchor: Optional[StrictStr] = None

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        return _one_of(v, TIMEX_TYPES, "timex type")

    @field_validator("mod")
    @classmethod
    def _mod(cls, v: str | None) -> str | None:
        return None if v is None else _one_of(v, TIMEX_MODS, "timex mod")


class Trigger(Span):
    pass


class _Role(_Model):
    role: StrictStr


class Argument(Span, _Role):
    entity: StrictStr = Field(min_length=1)


class EventTime(_IntervalChecks):
    timex: StrictStr
    value: Optional[StrictStr] = None
    earliest: Optional[StrictStr] = None
    latest: Optional[StrictStr] = None


class Event(InSentence):
    """An event frame; its position (scope, sentence order) is its trigger's."""

    type: StrictStr = Field(json_schema_extra=_enum(event_roles()))
    trigger: Trigger
    arguments: list[Argument] = Field(default_factory=list)
    time: Optional[EventTime] = None
    polarity: StrictStr = Field("positive", json_schema_extra=_enum(labels()["polarities"]))
    modality: StrictStr = Field("asserted", json_schema_extra=_enum(labels()["modalities"]))

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        return _one_of(v, event_roles().keys(), "event type")

    @field_validator("polarity")
    @classmethod
    def _polarity(cls, v: str) -> str:
        return _one_of(v, labels()["polarities"], "polarity")

    @field_validator("modality")
    @classmethod
    def _modality(cls, v: str) -> str:
        return _one_of(v, labels()["modalities"], "modality")

    @field_validator("arguments")
    @classmethod
    def _roles(cls, args: list[Argument], info: ValidationInfo) -> list[Argument]:
        etype = info.data.get("type")
        if etype is None:  # the type itself failed; that error is reported
            return args
        legal = event_roles()[etype]
        for i, arg in enumerate(args):
            if arg.role not in legal:
                raise ValueError(f"role {arg.role!r} (argument {i}) is not legal for {etype} "
                                 f"(allowed: {', '.join(legal)})")
        return args

    @property
    def start(self) -> int:
        return self.trigger.start

    @property
    def end(self) -> int:
        return self.trigger.end


class TimelineRow(_Model):
    """timeline.jsonl: a dated, asserted, positive event with a one-line summary."""

    doc_id: StrictStr = Field(min_length=1)
    event: StrictStr
    value: Optional[StrictStr] = None
    earliest: StrictStr
    latest: StrictStr
    type: StrictStr
    summary: StrictStr
    sentence: StrictStr
    entities: list[StrictStr] = Field(default_factory=list)


class _RegionOf(_Model):
    doc_id: StrictStr = Field(min_length=1)
    id: Optional[StrictStr] = None


class Region(_Offsets, _RegionOf):
    """regions.jsonl of a gold set (SPEC 4): annotated text; no text field, id optional
    (and not written when absent)."""

    def record(self) -> dict:
        return self.model_dump(exclude_none=True)


# Layer name -> (file name, model): the one place that ties files to shapes.
LAYERS: dict[str, tuple[str, type[_Model]]] = {
    "documents": ("documents.jsonl", Document),
    "sentences": ("sentences.jsonl", Sentence),
    "entities": ("entities.jsonl", Entity),
    "timexes": ("timexes.jsonl", Timex),
    "events": ("events.jsonl", Event),
    "timeline": ("timeline.jsonl", TimelineRow),
    "regions": ("regions.jsonl", Region),
}
# The layers a Doc gives (`pipeline.to_records`), in the order ids cross-reference them.
DOC_LAYERS: tuple[str, ...] = ("sentences", "entities", "timexes", "events")
# What `pipeline run` writes, what the baseline writes, what a gold set may hold.
OUTPUT_LAYERS: tuple[str, ...] = ("documents", *DOC_LAYERS, "timeline")
BASELINE_LAYERS: tuple[str, ...] = ("documents", "sentences", "entities", "timexes")  # no events: "not predicted"
GOLD_LAYERS: tuple[str, ...] = (*DOC_LAYERS, "regions")


def drop_invalid(layers: dict[str, list[dict]]) -> list[dict]:
    """Remove from layers, in place, every record its layer's model rejects, so that a run never
    writes what its own eval would refuse (one bad date must not cost the whole folder).
    Returns what was dropped, `{layer, id, reason}` each: such a record is a bug to report,
    and the caller records it with its document."""
    dropped = []
    for name, records in layers.items():
        model = LAYERS[name][1]
        kept = []
        for record in records:
            try:
                model.model_validate(record)
            except ValidationError as err:
                dropped.append({"layer": name, "id": record.get("id"), "reason": describe_error(err)})
                continue
            kept.append(record)
        records[:] = kept
    return dropped


def describe_error(err: ValidationError) -> str:
    """One line per pydantic error: `field.path: message`, without pydantic's boilerplate."""
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "record"
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}")
    return "; ".join(parts)


class RecordLine(NamedTuple):
    """One non-blank line of a JSONL file: the record, or the problem that kept it from being one."""

    line: int
    record: _Model | None
    problem: str | None
    raw: object = None  # the parsed JSON, when it parsed (so a checker can still see its id)


def read_records(path: Path, model: type[_Model]) -> Iterator[RecordLine]:
    """Read a JSONL file line by line into model instances.

    Never raises for bad content (blank lines are skipped, as srsly does); the caller
    decides whether a problem is fatal (scorer) or a report line (gold check).
    Raises OSError / UnicodeDecodeError only when the file itself cannot be read.
    """
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = srsly.json_loads(line)
            except ValueError as err:
                yield RecordLine(line_no, None, f"malformed JSON: {err}")
                continue
            if not isinstance(data, dict):
                yield RecordLine(line_no, None, f"expected a JSON object, got {type(data).__name__}", data)
                continue
            try:
                yield RecordLine(line_no, model.model_validate(data), None, data)
            except ValidationError as err:
                yield RecordLine(line_no, None, describe_error(err), data)
