"""A small corpus written for these tests (no seed text), run once through the real pipeline."""
from pathlib import Path

import pytest

ALPHA = """Marguerite Delacroix

Marguerite Delacroix was a printer in Lyon. In March 1871, Delacroix was arrested in Lyon. She was released in 1872.

In 1874 Delacroix and Henri Bastide married in Geneva. In 1876 they moved to Basel. The Académie de Bâle elected Bastide in 1880.
"""

BETA = """Oskar Lindqvist

Oskar Lindqvist founded a newspaper in Uppsala in 1890. Lindqvist was elected to the town council in 1895. The police arrested Lindqvist in May 1899.
"""


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory, nlp) -> Path:
    """outputs/ of the pipeline on two invented documents (`alpha`, `beta`)."""
    from pipeline.runner import run

    root = tmp_path_factory.mktemp("small")
    (root / "texts").mkdir()
    (root / "texts" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (root / "texts" / "beta.txt").write_text(BETA, encoding="utf-8")
    summary = run([root / "texts"], root / "outputs", nlp=nlp)
    assert summary.failed == 0
    return root / "outputs"
