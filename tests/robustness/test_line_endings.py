"""Line endings (issue 6, SPEC 1): text is the file's bytes decoded, never translated;
with \\r\\n endings every span still indexes the text exactly and no segment holds a \\r."""
from __future__ import annotations

import hashlib

import pipeline.runner as runner

from conftest import outputs, seed_paragraphs, span_problems, write


def _excerpt(n_paragraphs: int = 40) -> str:
    """The seed's title, lead and first sections: headings, captions and body text."""
    return "\n".join(seed_paragraphs()[:n_paragraphs]) + "\n"


def test_crlf_offsets_index_the_text_as_decoded(tmp_path, full_nlp):
    lf = _excerpt()
    crlf = lf.replace("\n", "\r\n")
    write(tmp_path / "lf" / "doc.txt", lf)
    path = write(tmp_path / "crlf" / "doc.txt", crlf)
    runner.run([tmp_path / "lf"], tmp_path / "out_lf", nlp=full_nlp)
    runner.run([path], tmp_path / "out_crlf", nlp=full_nlp)
    out_lf, out = outputs(tmp_path / "out_lf"), outputs(tmp_path / "out_crlf")

    (doc,) = out["documents"]
    assert doc["chars"] == len(crlf) == len(lf) + lf.count("\n")  # nothing translated
    assert doc["sha256"] == hashlib.sha256(crlf.encode()).hexdigest()
    assert span_problems(crlf, out) == []
    assert out["entities"] and out["timexes"] and out["events"]
    assert [s["text"] for s in out["sentences"] if "\r" in s["text"] or "\n" in s["text"]] == []
    # the same segmentation as with \n endings: a \r is line-end white space, not text
    assert [(s["text"], s["kind"], s["paragraph"], s["section"]) for s in out["sentences"]] == \
        [(s["text"], s["kind"], s["paragraph"], s["section"]) for s in out_lf["sentences"]]
    assert [(s["kind"]) for s in out["sentences"]].count("heading") >= 3


def test_lone_cr_and_mixed_endings_keep_exact_offsets(tmp_path, full_nlp):
    text = "Stalin was born in Gori.\rHe moved to Tiflis in 1894.\r\n\r\nLenin died in 1924.\n\r\nTrotsky fled.\r"
    path = write(tmp_path / "in" / "mixed.txt", text)
    summary = runner.run([path], tmp_path / "out", nlp=full_nlp)
    assert summary.failed == 0
    out = outputs(tmp_path / "out")
    assert out["documents"][0]["chars"] == len(text)
    assert span_problems(text, out) == []
    assert all(not s["text"].endswith("\r") and not s["text"].startswith(("\r", "\n")) for s in out["sentences"])
