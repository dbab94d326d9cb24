"""Huge documents (issue 6): a text longer than spaCy's max_length is processed in
chunks cut at line or sentence boundaries, every offset re-based onto the whole text;
a long line without punctuation is cut too, so no stage ever sees an unbounded Doc."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings, strategies as st

import pipeline.runner as runner
from pipeline.runner import split_chunks

from conftest import SEED2, outputs, seed_paragraphs, seed_text, span_problems, write


def _words_line(n_chars: int) -> str:
    """One line of real words from the seed, no punctuation, no line break."""
    line = " ".join(re.findall(r"[A-Za-z]+", seed_text()))
    while len(line) < n_chars:
        line = f"{line} {line}"
    return line[:n_chars].rstrip() + "s"


def _assert_pieces(text: str, pieces: list[tuple[int, str]], size: int) -> None:
    assert "".join(chunk for _, chunk in pieces) == text
    assert [offset for offset, _ in pieces] == [sum(len(c) for _, c in pieces[:i]) for i in range(len(pieces))]
    assert all(0 < len(chunk) <= size for _, chunk in pieces)


# -- split_chunks on its own ---------------------------------------------------------

def test_split_chunks_short_text_is_one_piece():
    assert split_chunks("Stalin died.\n", 100) == [(0, "Stalin died.\n")]
    assert split_chunks("", 100) == [(0, "")]


def test_split_chunks_cuts_at_the_last_line_break():
    text = "\n".join(seed_paragraphs()[:60]) + "\n"
    pieces = split_chunks(text, 4000)
    _assert_pieces(text, pieces, 4000)
    assert len(pieces) >= 10
    for (offset, _), (nxt, _) in zip(pieces, pieces[1:]):
        assert text[nxt] == "\n"  # every cut is at a line break...
        assert "\n" not in text[nxt + 1: offset + 4000]  # ...the last one inside the window


def test_split_chunks_cuts_after_a_sentence_end_when_no_line_break():
    text = seed_text(SEED2)
    assert "\n" not in text.strip()  # the second seed is one line
    pieces = split_chunks(text, 5000)
    _assert_pieces(text, pieces, 5000)
    for offset, chunk in pieces[:-1]:
        assert re.search(r"[.!?][\"'”’)]?\s+$", chunk), chunk[-40:]  # ends with a sentence end
        assert not chunk.rstrip().endswith("?]")
    assert all(re.match(r"[\"“‘(]?[A-Z0-9]", chunk) for _, chunk in pieces[1:])


def test_split_chunks_does_not_cut_after_a_citation_remnant():
    text = "x" * 50 + " Others[who?] compare Stalin with Ivan the Terrible and others " + "y" * 40
    pieces = split_chunks(text, 110)
    _assert_pieces(text, pieces, 110)
    assert all(not chunk.endswith("[who?] ") for _, chunk in pieces)


def test_split_chunks_cuts_a_long_line_without_punctuation_at_spaces():
    line = _words_line(300_000)
    pieces = split_chunks(line, 100_000)
    _assert_pieces(line, pieces, 100_000)
    assert len(pieces) == 4
    assert all(line[offset] == " " for offset, _ in pieces[1:])  # never inside a word
    assert all(len(chunk) > 99_900 for _, chunk in pieces[:-1])  # the last space before the limit


def test_split_chunks_hard_cut_when_there_is_no_white_space():
    text = "ჯუღაშვილი" * 50  # 450 letters, no space at all
    pieces = split_chunks(text, 100)
    _assert_pieces(text, pieces, 100)
    assert [len(c) for _, c in pieces] == [100, 100, 100, 100, 50]


_TEXT_PIECES = st.sampled_from(["Stalin", " ", "  ", "\n", "\r\n", ".", "? ", "! ", "[who?] ", "''", "The ",
                                "1917", "é", "\u0301", "😀", "\u05e9\u05dc\u05d5\u05dd", "\x00", "\t", "\u2028"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TEXT_PIECES, st.text(max_size=8)), max_size=120).map("".join),
       st.integers(min_value=1, max_value=80))
def test_split_chunks_property_cover_exactly_and_bounded(text, size):
    pieces = split_chunks(text, size)
    if text:
        _assert_pieces(text, pieces, size)
    else:
        assert pieces == [(0, "")]


# -- through the pipeline --------------------------------------------------------------

def test_document_longer_than_max_length_is_chunked_with_rebased_offsets(tmp_path, full_nlp, monkeypatch, doc_lengths):
    """The same code path as a 5 MB text, at a small scale: max_length and the chunk size
    lowered, a 40,000-character text of real paragraphs."""
    text = "\n".join(seed_paragraphs()[:60]) + "\n"
    whole = write(tmp_path / "whole" / "doc.txt", text)
    runner.run([whole], tmp_path / "out_whole", nlp=full_nlp)
    expected = outputs(tmp_path / "out_whole")
    assert doc_lengths == [len(text)]

    doc_lengths.clear()
    monkeypatch.setattr(runner, "CHUNK_CHARS", 4000)
    monkeypatch.setattr(full_nlp, "max_length", 5000)
    path = write(tmp_path / "chunked" / "doc.txt", text)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    out = outputs(tmp_path / "out")
    assert summary.failed == 0 and out["documents"][0]["status"] == "ok"
    assert len(text) > full_nlp.max_length
    assert len(doc_lengths) >= 10 and max(doc_lengths) <= 4000 and sum(doc_lengths) == len(text)

    assert span_problems(text, out) == []
    assert max(e["start"] for e in out["entities"]) > 35_000  # offsets re-based, not chunk-local
    assert max(t["start"] for t in out["timexes"]) > 35_000
    assert max(v["trigger"]["start"] for v in out["events"]) > 35_000
    # chunks are cut at line breaks: segments, their kind, paragraph and section are those
    # of the text processed in one piece (the layout is the whole text's, not the chunk's)
    key = lambda s: (s["start"], s["end"], s["kind"], s["paragraph"], s["section"])
    assert [key(s) for s in out["sentences"]] == [key(s) for s in expected["sentences"]]
    ids = [r["id"] for layer in ("sentences", "entities", "timexes", "events") for r in out[layer]]
    assert len(ids) == len(set(ids))


def test_heading_that_opens_a_chunk_is_not_a_title(tmp_path, full_nlp, monkeypatch, doc_lengths):
    paragraphs = seed_paragraphs()
    body = " ".join(paragraphs[7:9])  # ~1,500 characters of running text
    text = f"Joseph Stalin\n{body}\nEarly life\n{paragraphs[9]}\n"
    size = len(f"Joseph Stalin\n{body}\nEarly") + 1  # the window ends inside the heading
    assert [c[:11] for _, c in split_chunks(text, size)][1] == "\nEarly life"
    monkeypatch.setattr(runner, "CHUNK_CHARS", size)
    path = write(tmp_path / "in" / "doc.txt", text)
    runner.run([path], tmp_path / "out", nlp=full_nlp)
    assert len(doc_lengths) == 2  # processed in two chunks
    sentences = outputs(tmp_path / "out")["sentences"]
    assert span_problems(text, {"sentences": sentences, "entities": [], "timexes": [], "events": []}) == []
    heading = [s for s in sentences if s["text"] == "Early life"]
    assert [(s["kind"], s["paragraph"], s["section"]) for s in heading] == [("heading", 2, [])]
    assert [s["kind"] for s in sentences].count("title") == 1
    after = [s for s in sentences if s["start"] > heading[0]["end"]]
    assert after and all((s["paragraph"], s["section"]) == (3, ["Early life"]) for s in after)


def test_long_line_without_punctuation_is_cut_and_stays_fast(tmp_path, full_nlp, monkeypatch, doc_lengths):
    line = _words_line(300_000)
    monkeypatch.setattr(runner, "CHUNK_CHARS", 25_000)
    path = write(tmp_path / "in" / "line.txt", line)
    started = time.process_time()  # this process's CPU: a loaded machine stretches wall time, not this
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    seconds = time.process_time() - started
    assert summary.failed == 0
    assert max(doc_lengths) <= 25_000 and sum(doc_lengths) == len(line)
    out = outputs(tmp_path / "out")
    assert span_problems(line, out) == []
    assert sum(s["end"] - s["start"] for s in out["sentences"]) >= len(line) - len(doc_lengths)
    assert seconds < 90, f"{seconds:.0f} CPU s for 300,000 characters"


@pytest.mark.slow
def test_real_text_over_one_million_characters(tmp_path, full_nlp, doc_lengths):
    """Real sizes, the whole pipeline: more than spaCy's max_length (1,000,000) of real
    paragraphs with a 300,000-character line without punctuation in the middle, at the
    real CHUNK_CHARS (about 50 s on 2 cores)."""
    paragraphs = seed_paragraphs()
    lines, size = [], 0
    while size < 1_020_000:
        lines.append(paragraphs[len(lines) % len(paragraphs)] if len(lines) != 300 else _words_line(300_000))
        size += len(lines[-1]) + 1
    text = "\n".join(lines) + "\n"
    assert len(text) > full_nlp.max_length == 1_000_000
    path = write(tmp_path / "in" / "huge.txt", text)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    assert summary.failed == 0
    size = runner.CHUNK_CHARS
    assert len(doc_lengths) > len(text) // size and max(doc_lengths) <= size and sum(doc_lengths) == len(text)
    out = outputs(tmp_path / "out")
    assert span_problems(text, out) == []
    for layer, start in (("entities", "start"), ("timexes", "start"), ("events", "trigger")):
        last = out[layer][-1][start]
        assert (last if isinstance(last, int) else last["start"]) > 900_000, layer  # re-based to the end
    sentences = out["sentences"]
    assert sentences[-1]["end"] == len(text) - 1
    assert [s["paragraph"] for s in sentences] == sorted(s["paragraph"] for s in sentences)
    assert sentences[-1]["paragraph"] == len(lines) - 1  # paragraphs counted over the whole text
    assert [s["kind"] for s in sentences].count("title") == 1
