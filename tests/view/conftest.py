"""The view's fixtures: a site of the small invented corpus with an evaluation against
a gold set made for the test, and headless Chromium (skipped, saying why, only where
Debian's chromium cannot be had)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


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
