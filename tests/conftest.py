"""Shared fixtures: the real pipeline and the processed seeds, built once per session."""
from pathlib import Path

import pytest
import srsly

SEEDS = {"000_09dcfff65826fb95": "seeds/000_09dcfff65826fb95.txt",
         "002_7a24aecd84c9c6ad": "seeds/002_7a24aecd84c9c6ad.txt"}


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()


@pytest.fixture
def no_reload(monkeypatch, nlp):
    """runner.run / the CLI use the session pipeline instead of loading the model again."""
    import pipeline.runner as runner

    monkeypatch.setattr(runner, "load", lambda model, dct=None, keep_tensor=True: nlp)
    return nlp


@pytest.fixture(scope="session")
def nlp_with_dct():
    """The whole chain with a document creation date (news-like texts), loaded once for
    every module that resolves deictic expressions against it."""
    import pipeline

    return pipeline.load(dct="2024-03-15")


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """doc_id -> (text, Doc) for both seeds (the Doc stays referenced for its spans)."""
    from pipeline.documents import read_document

    out = {}
    for doc_id, path in SEEDS.items():
        text = read_document(path).text
        out[doc_id] = (text, nlp(text))
    return out


@pytest.fixture(scope="session")
def seed_outputs(nlp, tmp_path_factory) -> Path:
    """outputs/ of `pipeline run seeds` with the session pipeline, made once for every
    test that compares another way of running or reading the seeds (an installed wheel,
    a saved pipeline, an export, the view) with it. Read-only: copy it to write in it."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("seed_run") / "outputs"
    summary = run([Path("seeds")], out, nlp=nlp)  # relative, as `make run`: documents.jsonl keeps the path
    assert summary.failed == 0
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


@pytest.fixture(scope="session")
def small_gold(small_corpus, tmp_path_factory) -> Path:
    """A gold set of the small corpus: its outputs with two deliberate differences (a
    person the pipeline missed, a year it got wrong), annotated over both documents."""
    gold = tmp_path_factory.mktemp("gold")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (small_corpus.parent / "texts").glob("*.txt")}
    layers = {name: list(srsly.read_jsonl(small_corpus / f"{name}.jsonl"))
              for name in ("sentences", "entities", "timexes", "events")}
    start = texts["alpha"].index("Marguerite Delacroix was")
    sentence = next(s["id"] for s in layers["sentences"] if s["doc_id"] == "alpha" and s["start"] <= start < s["end"])
    layers["entities"].append({"doc_id": "alpha", "id": "alpha:g1", "sentence": sentence, "start": start,
                               "end": start + 20, "text": "Marguerite Delacroix", "label": "PERSON",
                               "entity": "Marguerite Delacroix"})
    for t in layers["timexes"]:
        if t["doc_id"] == "beta" and t["text"] == "1895":
            t.update(value="1896", earliest="1896-01-01", latest="1896-12-31")
    for name, records in layers.items():
        srsly.write_jsonl(gold / f"{name}.jsonl", records)
    srsly.write_jsonl(gold / "regions.jsonl", [{"doc_id": d, "start": 0, "end": len(t)} for d, t in sorted(texts.items())])
    return gold
