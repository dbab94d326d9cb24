"""Historical-text extraction pipeline: sentences, entities, timexes, event frames.

    import pipeline
    nlp = pipeline.load()            # one spaCy pipeline with every stage
    pipeline.to_records(nlp(text))   # {layer: [record, ...]}: exactly the JSONL records
    pipeline.run(["seeds"], "outputs")  # what `python -m pipeline run` does

Importing the package registers its spaCy factories (`hist_segment_rules`,
`hist_segments`, `hist_entities`, `hist_timexes`, `hist_events`), its config callback
and its output formats; the `spacy_factories` entry points do the same for
`spacy.load` of a saved pipeline without an import.
"""
__version__ = "0.1.0"

from .nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL, STAGES  # noqa: E402  (registers the factories)
from .writers import to_records  # noqa: E402


def load(model: str | None = None, **options):
    """The whole chain as one spaCy `Language` (see pipeline.nlp.load)."""
    from .nlp import load as _load
    return _load(model or DEFAULT_MODEL, **options)


def run(inputs=("seeds",), out_dir="outputs", **options):
    """Process files/folders of .txt into SPEC JSONL files in out_dir (see pipeline.runner.run)."""
    from pathlib import Path

    from .runner import run as _run
    return _run([Path(p) for p in inputs], Path(out_dir), **options)


__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_MODEL", "STAGES", "load", "run", "to_records", "__version__"]
