"""Custom attributes every stage reads and writes (registered once, on import).

Span._.kind / paragraph / section   segments (doc.spans["segments"])
Span._.entity                       canonical referent of an entity mention (doc.ents)
Span._.timex                        TIMEX3 normalisation of a timex (doc.spans["timexes"]):
                                    a pipeline.annotations.TimexAnnotation
Doc._.events                        event frames: a list of pipeline.annotations.EventAnnotation
"""
from spacy.tokens import Doc, Span

from . import annotations  # noqa: F401  (their msgpack codec travels with the attributes)

SEGMENTS = "segments"
TIMEXES = "timexes"
TIMEX_CANDIDATES = "timex_candidates"

for _name in ("kind", "paragraph", "section", "entity", "timex"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
