"""Historical-text extraction pipeline: sentences, entities, timexes, event frames.

    import pipeline
    nlp = pipeline.load()            # one spaCy pipeline with every stage
    pipeline.run(["seeds"], "outputs")  # what `python -m pipeline run` does
"""
__version__ = "0.1.0"


def load(model: str | None = None, **options):
    """The whole chain as one spaCy `Language` (see pipeline.nlp.load)."""
    from .nlp import DEFAULT_MODEL, load as _load
    return _load(model or DEFAULT_MODEL, **options)


def run(inputs=("seeds",), out_dir="outputs", **options):
    """Process files/folders of .txt into SPEC JSONL files in out_dir (see pipeline.runner.run)."""
    from pathlib import Path

    from .runner import run as _run
    return _run([Path(p) for p in inputs], Path(out_dir), **options)
