"""Shared fixtures: the real pipeline and the processed seeds, built once per session."""
from pathlib import Path

import pytest

SEEDS = {"000_09dcfff65826fb95": "seeds/000_09dcfff65826fb95.txt",
         "002_7a24aecd84c9c6ad": "seeds/002_7a24aecd84c9c6ad.txt"}


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """doc_id -> (text, Doc) for both seeds (the Doc stays referenced for its spans)."""
    from pipeline.documents import read_document

    out = {}
    for doc_id, path in SEEDS.items():
        text = read_document(path).text
        out[doc_id] = (text, nlp(text))
    return out


# A small corpus written for the view and export tests (no seed text), run once.
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
