"""WordNet for the lexicon tests, opened per module: NLTK's reader keeps every synset
it has read (1.5 million objects after one derivation), which would slow every garbage
collection, and the tests that count live objects, for the rest of a session."""
from __future__ import annotations

import pytest

from wordnet_scripts import load_script


@pytest.fixture(scope="module")
def wn(tmp_path_factory):
    """WordNet 3.0 opened as the scripts open it; without it (Debian's wordnet-base, NLTK)
    the tests that need it are skipped with the reason (`make lexicon` installs both)."""
    shared = load_script("derive_triggers")
    try:
        return shared.open_wordnet(shared.DEFAULT_WORDNET, tmp_path_factory.mktemp("wordnet"))
    except shared.MissingWordNet as exc:
        pytest.skip(f"WordNet unavailable: {exc} (`make lexicon` installs it)")
