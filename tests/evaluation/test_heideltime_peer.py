"""HeidelTime as a peer: its TimeML aligned back onto the text; a real run where it can run."""
from __future__ import annotations

import pytest

from pipeline.evaluation.heideltime import align, tag, unavailable

TEXT = "In 212 BC the fleet sailed & waited.\nTwo days later it landed."
TIMEML = ('<?xml version="1.0"?>\n<TimeML>\nIn <TIMEX3 tid="t1" type="DATE" value="BC0212">212 BC</TIMEX3> '
          'the fleet sailed & waited.\n<TIMEX3 tid="t2" type="DATE" value="BC0212" mod="FOO">Two days later'
          '</TIMEX3> it landed.\n<TIMEX3 tid="t3" type="DATE" value="2000">not in the text</TIMEX3>\n</TimeML>\n')


def test_align_places_elements_on_the_text():
    recs = align(TEXT, TIMEML, "d")
    assert [(r["text"], r["value"], r["mod"]) for r in recs] == [("212 BC", "BC0212", None),
                                                                 ("Two days later", "BC0212", None)]
    for r in recs:
        assert TEXT[r["start"]:r["end"]] == r["text"]


def test_heideltime_runs_here():
    reason = unavailable()
    if reason:
        pytest.skip(f"HeidelTime cannot run on this machine: {reason}")
    import tempfile
    from pathlib import Path

    text = "The treaty was signed on 3 May 1815. Two days later the army left."
    with tempfile.TemporaryDirectory() as work:
        recs = align(text, tag(text, Path(work)), "d")
    assert [(r["text"], r["value"]) for r in recs] == [("3 May 1815", "1815-05-03"), ("Two days later", "1815-05-05")]
