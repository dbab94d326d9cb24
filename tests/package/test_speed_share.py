"""The speed goal of issue 13 as a guard in `make test`: the full pipeline must keep
>= 0.8x the base model's words/s (`make bench`, goal 1), i.e. our components may cost at
most a quarter of what spaCy's cost. Both are timed in this process on the same seed, so
a loaded machine slows both alike; the full measurement stays in `make bench`."""
from pathlib import Path

import pytest

from pipeline.benchmarking.worker import owner, time_components

MAX_SHARE = 0.25  # ours / spaCy's: 1 / (1 + 0.25) = 0.8 of the base model's speed


@pytest.mark.slow
def test_our_components_cost_at_most_a_quarter_of_spacys(nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))]
    assert len(texts) == 2
    shares = []
    for _ in range(2):  # a second pass only if the first was over: the machine may have slowed it
        seconds = time_components(nlp, texts)
        ours = sum(s for name, s in seconds.items() if name != "tokenizer" and owner(nlp.get_pipe(name)) == "ours")
        spacy_s = sum(s for name, s in seconds.items() if name == "tokenizer" or owner(nlp.get_pipe(name)) == "spaCy")
        shares.append(ours / spacy_s)
        if shares[-1] <= MAX_SHARE:
            break
    assert min(shares) <= MAX_SHARE, f"our components cost {min(shares):.2f} of spaCy's ({seconds})"
