"""Property-based (issue 6): for arbitrary Unicode text no stage raises, and every span
of every layer (sentences, entities, timexes, event triggers and arguments) satisfies
0 <= start < end <= len(text) and text == document[start:end]."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import pipeline.runner as runner

from conftest import outputs, records_of, span_problems, write

# Pieces that make the stages work (names, dates, event words, markup) mixed with the
# characters that break naive code: line ends, NUL and controls, combining marks, emoji
# (and ZWJ sequences), right-to-left scripts and marks, odd white space, a BOM.
WORDS = st.sampled_from([
    "Stalin", "Joseph Stalin", "Lenin", "Moscow", "the Soviet Union", "Pravda", "''Pravda''", "[who?]",
    "[page needed]", "Others[who?]", "In August 1903", "1917", "in 1878", "born", "was arrested", "married",
    "He", "died", ".", ",", "?", "!", "the", "Early life", "—", "(", ")", "\"", "'s",
])
ODD = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\r\n", "\r", "\x00", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029",
    "\u00a0", "\u200b", "\u200d", "\u200f", "\u202e", "\ufeff", "\u0301", "e\u0301", "\u0308\u0308",
    "😀", "👩‍👩‍👧", "🇬🇪", "שלום", "مرحبا بالعالم", "Ленин", "ჯუღაშვილი", "東京", "\U0010ffff",
])
TEXTS = st.lists(st.one_of(WORDS, ODD, st.text(max_size=6)), max_size=80).map(" ".join) | st.text(max_size=200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_span_of_every_layer_indexes_the_text(full_nlp, text):
    layers = records_of(full_nlp, text)
    assert span_problems(text, layers) == []
    for seg in layers["sentences"]:
        assert seg["text"].strip() and seg["text"] == seg["text"].strip()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(TEXTS, st.integers(min_value=20, max_value=120))
def test_chunked_runs_keep_every_span_exact(tmp_path, full_nlp, monkeypatch, doc_lengths, text, size):
    """The same through runner.run with chunks of 20-120 characters: re-based offsets."""
    monkeypatch.setattr(runner, "CHUNK_CHARS", size)
    doc_lengths.clear()
    path = write(tmp_path / "in" / "doc.txt", text)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp, resume=False)
    out = outputs(tmp_path / "out")
    assert summary.failed == 0, summary.errors
    assert max(doc_lengths) <= size
    assert out["documents"][0]["chars"] == len(text.removeprefix("\ufeff"))
    assert span_problems(text.removeprefix("\ufeff"), out) == []
