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


def _corpus_result(np1_s, np2_s, dask_s, peaks_mb, costs):
    words = 100_000
    engines = {name: {"wall_s": s, "words_per_s": words / s, "vs_base": (words / s) / 2000.0, "max_rss_kb": 200 * 1024,
                      "tree_rss_kb": 400 * 1024, "others_cores": 0.05, "command": name}
               for name, s in (("np1", np1_s), ("np2", np2_s), ("dask2", dask_s))}
    memory = {str(n): {"documents": n, "words": n * 50, "max_rss_kb": mb * 1024, "interval": [before, n],
                       "interval_words": (n - before) * 50, "s_per_1000_words": c * 1.1, "cpu_s_per_1000_words": c}
              for before, n, mb, c in zip((0, 200, 1000), (200, 1000, 2000), peaks_mb, costs)}
    return {"corpus": {"documents": 2000, "words": words, "long_documents": 40}, "base": {
        "words_per_s": 2000.0, "first_pass_words_per_s": 2050.0, "steady_words_per_s": 2100.0, "startup_s": 1.0, "rss_peak_kb": 300 * 1024},
        "engines": engines, "speedup": {"np2": np1_s / np2_s, "dask2": np1_s / dask_s}, "memory": memory,
        "memory_growth": max(peaks_mb) / min(peaks_mb) - 1, "cost_growth": max(costs) / min(costs) - 1}


def test_corpus_goals_pass_and_fail_on_their_thresholds():
    from pipeline.benchmarking import goals
    from pipeline.benchmarking.report import _measured

    good = goals.corpus_goals(_corpus_result(50.0, 29.0, 29.4, (200, 205, 210), (0.40, 0.41, 0.42)))
    assert [(g["id"], g["verdict"]) for g in good] == [(5, "PASS"), (6, "PASS"), (7, "PASS")]
    assert good[0]["measured"] == 1.0 and good[1]["measured"] == {"np2": 1.724, "dask2": 1.701}
    assert _measured(good[2]["measured"]) == "memory +5.0%, cost per word +5.0%"
    bad = goals.corpus_goals(_corpus_result(60.0, 36.0, 30.0, (200, 230, 240), (0.40, 0.41, 0.42)))
    assert [(g["id"], g["verdict"]) for g in bad] == [(5, "FAIL"), (6, "FAIL"), (7, "FAIL")]
    assert bad[0]["measured"] == 0.833 and bad[1]["measured"] == {"np2": 1.667, "dask2": 2.0}
    assert [g["verdict"] for g in goals.corpus_goals(None)] == ["SKIP"] * 3


def test_checkpoints_give_the_cost_of_each_stretch_of_one_run():
    points = [{"documents": 0, "words": 0, "wall_s": 0.0, "cpu_s": 0.0, "rss_peak_kb": 100_000},
              {"documents": 200, "words": 50_000, "wall_s": 25.0, "cpu_s": 20.0, "rss_peak_kb": 200_000},
              {"documents": 1000, "words": 250_000, "wall_s": 135.0, "cpu_s": 102.0, "rss_peak_kb": 210_000}]
    sizes = corpus.by_size(points)
    assert list(sizes) == ["200", "1000"]
    assert sizes["200"] == {"documents": 200, "words": 50_000, "max_rss_kb": 200_000, "interval": [0, 200],
                            "interval_words": 50_000, "s_per_1000_words": 0.5, "cpu_s_per_1000_words": 0.4,
                            "reference_cpu_s": None}
    assert sizes["1000"]["interval"] == [200, 1000] and sizes["1000"]["interval_words"] == 200_000
    assert sizes["1000"]["s_per_1000_words"] == 0.55 and sizes["1000"]["cpu_s_per_1000_words"] == 0.41


def test_cost_growth_counts_only_a_stretch_dearer_than_an_earlier_one():
    assert corpus.growth([0.56, 0.47, 0.46]) == 0.0  # cheaper as the caches fill: no growth
    assert round(corpus.growth([0.50, 0.45, 0.54]), 4) == 0.2  # the last is 20 % above the cheapest before it
    assert round(corpus.growth([0.40, 0.44, 0.48]), 4) == 0.2
    assert corpus.growth([]) is None


def test_costs_are_compared_at_the_machine_s_mean_speed():
    """A machine 20 % slower in the last stretch (its reference work took 1.2 times as
    long) makes a flat pipeline look 20 % dearer; at the mean speed it is flat again.
    Without reference timings the costs stay as measured."""
    costs, references = [0.50, 0.45, 0.54], [0.050, 0.050, 0.060]
    speed = corpus.relative_speed(references)
    assert [round(v, 4) for v in speed] == [1.0667, 1.0667, 0.8889]
    assert [round(c, 4) for c in corpus.at_mean_speed(costs, references)] == [0.5333, 0.48, 0.48]
    assert round(corpus.growth(costs), 4) == 0.2 and round(corpus.growth(corpus.at_mean_speed(costs, references)), 4) == 0.0
    assert corpus.at_mean_speed(costs, [None, None, None]) == costs and corpus.relative_speed([]) is None


def test_the_reference_work_is_timed_and_left_out_of_the_checkpoints(tmp_path):
    """The `checkpoints` worker on a few documents: every point has the reference work's
    mean CPU time, and the run's seconds do not include it (a point's CPU never exceeds
    the process's)."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(4):
        (folder / f"d{i}.txt").write_text(f"The envoy {i} reached the coast in 1801 and signed a treaty.\n",
                                          encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline.benchmarking.worker", "checkpoints", str(folder),
                           str(tmp_path / "out"), "2"], capture_output=True, text=True, check=True)
    points = json.loads(done.stdout.strip().splitlines()[-1])["points"]
    assert [p["documents"] for p in points] == [0, 2, 4]
    assert all(0 < p["reference_cpu_s"] < 5 for p in points)
    assert all(a["cpu_s"] <= b["cpu_s"] and a["wall_s"] <= b["wall_s"] for a, b in zip(points, points[1:]))
