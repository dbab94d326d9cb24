"""The derivation scripts (scripts/, not a package) as modules, and WordNet, for the tests."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load_script(name: str):
    """scripts/<name>.py as a module (registered, so that one script can import another)."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wn(tmp_path_factory):
    """WordNet 3.0 opened as the scripts open it; without it (Debian's wordnet-base, NLTK)
    the tests that need it are skipped with the reason (`make lexicon` installs both)."""
    shared = load_script("derive_triggers")
    try:
        return shared.open_wordnet(shared.DEFAULT_WORDNET, tmp_path_factory.mktemp("wordnet"))
    except shared.MissingWordNet as exc:
        pytest.skip(f"WordNet unavailable: {exc} (`make lexicon` installs it)")
