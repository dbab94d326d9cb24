"""scripts/derive_preterites.py: the committed preterites.json is what lemminflect gives,
and its entries are the simple pasts that can never be participles."""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("derive_preterites", ROOT / "scripts" / "derive_preterites.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_file_is_what_lemminflect_gives(script):
    assert script.main(["--check"]) == 0


def test_entries_are_preterites_that_are_never_participles():
    # the committed table is what lemminflect gives (test above): read it, not derive it again
    table = json.loads((ROOT / "models" / "events" / "en" / "preterites.json").read_text(encoding="utf-8"))["verbs"]
    assert table["withdraw"] == ["withdrew"]   # participle `withdrawn`
    assert table["ride"] == ["rode"]           # participle `ridden`
    for verb in ("flee", "send", "burn", "march", "capture"):  # preterite = participle, or regular
        assert verb not in table
