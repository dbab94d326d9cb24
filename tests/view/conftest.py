"""The view's fixtures: a site of the small invented corpus with an evaluation against
a gold set made for the test, and headless Chromium (skipped, saying why, only where
Debian's chromium cannot be had)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import srsly



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


@pytest.fixture(scope="session")
def small_site(small_corpus, small_gold, tmp_path_factory) -> Path:
    from pipeline.evaluation import evaluate
    from pipeline.view import build

    root = tmp_path_factory.mktemp("site")
    pred = root / "outputs"
    shutil.copytree(small_corpus, pred)
    evaluate(small_gold, pred, pred / "eval")
    site, problems = build(pred, gold_dir=small_gold)
    assert problems == []
    return site


@pytest.fixture(scope="session")
def browser():
    from pipeline.view.browser import BrowserUnavailable, chromium

    try:
        with chromium(1280, 900) as driver:
            yield driver
    except BrowserUnavailable as err:
        pytest.skip(f"no headless browser here: {err}")
