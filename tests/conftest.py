"""Shared fixtures: the real pipeline and the processed seeds, built once per session."""
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
