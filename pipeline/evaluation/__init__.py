"""Scoring against the gold set (SPEC 5 and 6): loading, one-to-one matching, metrics,
reports, and the plain-spaCy baseline they are compared with."""
from .baseline import write_baseline
from .loading import Layers, LoadError, load_dir
from .render import readme_table
from .report import evaluate
from .scoring import score

__all__ = ["Layers", "LoadError", "evaluate", "load_dir", "readme_table", "score", "write_baseline"]
