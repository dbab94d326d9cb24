"""Historical-text extraction pipeline: sentences, entities, timexes, event frames.

    import pipeline
    nlp = pipeline.load()            # one spaCy pipeline with every stage
    pipeline.to_records(nlp(text))   # {layer: [record, ...]}: exactly the JSONL records
    pipeline.run(["seeds"], "outputs")  # what `python -m pipeline run` does
"""
__version__ = "0.1.0"


def load(model: str | None = None, **options):
    """The whole chain as one spaCy `Language` (see pipeline.nlp.load)."""
    from .nlp import DEFAULT_MODEL, load as _load
    return _load(model or DEFAULT_MODEL, **options)


def to_records(doc, doc_id: str = "doc", offset: int = 0) -> dict[str, list[dict]]:
    """The SPEC records of a Doc (see pipeline.writers.to_records)."""
    from .writers import to_records as _to_records
    return _to_records(doc, doc_id, offset)


def run(inputs=("seeds",), out_dir="outputs", **options):
    """Process files/folders of .txt into SPEC JSONL files in out_dir (see pipeline.runner.run)."""
    from pathlib import Path

    from .runner import run as _run
    return _run([Path(p) for p in inputs], Path(out_dir), **options)
