"""The benchmark's corpus of different texts (issue 15, part (c) of `make bench`): made
the same every time, mixed lengths, every document a different mix of paragraphs."""
from __future__ import annotations

from pipeline.benchmarking import corpus

from conftest import write


def _articles(folder):
    for a in range(3):
        paragraphs = [f"Article {a}, paragraph {p}: " + " ".join(f"word{a}x{p}x{w}" for w in range(40))
                      for p in range(20)]
        write(folder / f"article{a}.txt", "Title\n" + "\n".join(paragraphs) + "\n")
    return folder


def test_recombined_corpus_is_reproducible_and_mixes_lengths(tmp_path):
    texts = _articles(tmp_path / "texts")
    first = corpus.build(texts, 120, tmp_path / "one")
    second = corpus.build(texts, 120, tmp_path / "two")
    files = sorted((tmp_path / "one").iterdir())
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in sorted((tmp_path / "two").iterdir())]
    assert first == second
    assert (first["documents"], first["paragraphs_available"], first["long_documents"]) == (120, 60, 2)
    lengths = [len(f.read_text(encoding="utf-8").splitlines()) for f in files]
    assert lengths[49] == lengths[99] == corpus.LONG_PARAGRAPHS
    assert set(lengths) - {corpus.LONG_PARAGRAPHS} <= set(range(2, 6))
    assert len({f.read_text(encoding="utf-8") for f in files}) == 120  # no two documents alike
    assert "Title" not in (tmp_path / "one" / "doc00000.txt").read_text(encoding="utf-8")  # short lines are left out
    assert sum(first["words_each"]) == first["words"]
