"""`gold import`: gold sets of the field (inline TIMEX2, inline TimeML TIMEX3) into SPEC shapes.

The XML below is written for the test; offsets are computed from the expected text."""
from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.gold.check import check_gold
from pipeline.gold.importers import GoldImportError, import_files, read_inline, timex_records

TIMEX2_DOC = """<DOC>
<DOCID>tiny_war</DOCID>
<DOCTYPE SOURCE="test"> HISTORY </DOCTYPE>
<DATETIME> <TIMEX2 val="2010-01-05">2010-01-05</TIMEX2> </DATETIME>
<TEXT>
The siege

In <TIMEX2 val="1702-04" mod="START">early April <TIMEX2 val="1702">1702</TIMEX2></TIMEX2> the Dutch &amp; Danish fleets sailed; they sailed again <TIMEX2 val="P1W" anchor_val="1702-04" anchor_dir="AFTER">a week</TIMEX2> later and <TIMEX2 set="YES" val="XXXX">every year</TIMEX2> after, at <TIMEX2 val="1702-05-02T19:15">19:15</TIMEX2> on <TIMEX2>the day of the battle</TIMEX2>.
</TEXT>
</DOC>
"""
TIMEX2_TEXT = ("\nThe siege\n\nIn early April 1702 the Dutch & Danish fleets sailed; they sailed again a week later "
               "and every year after, at 19:15 on the day of the battle.\n")

TIMEML_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny_news</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-03" temporalFunction="false" functionInDocument="CREATION_TIME">1998-03-03</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-03-02">Monday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT3H" mod="APPROX">about three hours</TIMEX3> &lt;again&gt;.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_timex2_text_nesting_entities_and_header(tmp_path):
    doc = read_inline(_write(tmp_path, "a.key.xml", TIMEX2_DOC), "timex2")
    assert doc.doc_id == "tiny_war" and doc.text == TIMEX2_TEXT
    recs = timex_records(doc, "timex2")
    # the DATETIME header is no record; the nested 1702 is one, after its parent
    assert [(r["text"], r["type"], r["value"], r["mod"]) for r in recs] == [
        ("early April 1702", "DATE", "1702-04", "START"), ("1702", "DATE", "1702", None),
        ("a week", "DURATION", "P1W", None), ("every year", "SET", "XXXX", None),
        ("19:15", "TIME", "1702-05-02T19:15", None), ("the day of the battle", "DATE", None, None)]
    for r in recs:
        assert doc.text[r["start"]:r["end"]] == r["text"] and "sentence" not in r
    assert recs[0]["earliest"] == "1702-04-01" and recs[0]["latest"] == "1702-04-30"
    assert recs[2]["source"] == {"timex2": {"val": "P1W", "anchor_val": "1702-04", "anchor_dir": "AFTER"}}
    assert recs[5]["earliest"] is None


def test_timeml_drops_events_and_creation_time(tmp_path):
    doc = read_inline(_write(tmp_path, "b.tml", TIMEML_DOC), "timeml")
    assert doc.text == "\nThe council met on Monday for about three hours <again>.\n"
    recs = timex_records(doc, "timeml")
    assert [(r["id"], r["text"], r["type"], r["value"], r["mod"]) for r in recs] == [
        ("tiny_news:t1", "Monday", "DATE", "1998-03-02", None),
        ("tiny_news:t2", "about three hours", "DURATION", "PT3H", "APPROX")]
    assert recs[1]["source"]["timeml"]["tid"] == "t2"


def test_cli_import_writes_texts_and_a_gold_set_that_checks(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write(src, "a.key.xml", TIMEX2_DOC)
    _write(src, "b.tml", TIMEML_DOC)
    res = CliRunner().invoke(app, ["gold", "import", str(src), "--texts", str(tmp_path / "texts"),
                                   "--out", str(tmp_path / "gold")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "texts" / "tiny_war.txt").read_bytes() == TIMEX2_TEXT.encode()
    assert sorted(p.name for p in (tmp_path / "gold").iterdir()) == ["regions.jsonl", "timexes.jsonl"]
    regions = list(srsly.read_jsonl(tmp_path / "gold" / "regions.jsonl"))
    assert [(r["doc_id"], r["start"], r["end"]) for r in regions] == [
        ("tiny_war", 1, len(TIMEX2_TEXT) - 1), ("tiny_news", 1, 57)]  # files in name order
    assert len(list(srsly.read_jsonl(tmp_path / "gold" / "timexes.jsonl"))) == 8
    assert check_gold(tmp_path / "gold", tmp_path / "texts") == []


def test_bad_input_is_a_clear_error(tmp_path):
    broken = _write(tmp_path, "c.xml", "<DOC><TEXT>In <TIMEX2 val='1900'>1900</TEXT></DOC>")
    with pytest.raises(GoldImportError, match="not well-formed XML"):
        import_files([broken], tmp_path / "t", tmp_path / "g")
    other = _write(tmp_path, "d.xml", "<html><TEXT>x</TEXT></html>")
    res = CliRunner().invoke(app, ["gold", "import", str(other), "--texts", str(tmp_path / "t"),
                                   "--out", str(tmp_path / "g")])
    assert res.exit_code == 1 and "neither <DOC> (TIMEX2) nor <TimeML>" in " ".join(res.output.split())
    assert "Traceback" not in res.output


ROOT = Path(__file__).resolve().parents[2]


def test_the_wikiwars_dev_corpus_in_the_repo():
    """The committed import of the sixteen articles: 2,159 timexes whose text is the text at
    their offsets, the same texts as a fresh import of the shared corpus where it is present."""
    texts, gold = ROOT / "corpora/wikiwars-train/texts", ROOT / "corpora/wikiwars-train/gold-timex2"
    records = list(srsly.read_jsonl(gold / "timexes.jsonl"))
    assert len(records) == 2159 and len({r["doc_id"] for r in records}) == 16
    assert check_gold(gold, texts) == []
    shared = ROOT.parent / "shared/corpora/wikiwars-train"
    if shared.is_dir():
        for path in sorted(shared.glob("*.xml"))[:3]:
            doc = read_inline(path, "timex2")
            assert (texts / f"{doc.doc_id}.txt").read_text(encoding="utf-8") == doc.text


def test_every_gold_folder_of_the_project_checks():
    """Each dev corpus of corpora/corpora.json whose gold exists passes `gold check`."""
    corpora = srsly.read_json(ROOT / "corpora/corpora.json")["corpora"]
    checked = 0
    for corpus in corpora:
        gold = ROOT / corpus["gold"]
        if (gold / "regions.jsonl").is_file():
            assert check_gold(gold, ROOT / corpus["texts"]) == [], corpus["name"]
            checked += 1
    assert checked >= 2  # the seeds' gold and the WikiWars TIMEX2 gold at least
