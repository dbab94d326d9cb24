"""The site as files: self-contained pages, the record of every highlight, the
timeline's keys from the command's filters, reruns byte-identical."""
import re
from pathlib import Path

import srsly

from pipeline.events.timeline import filter_timeline, mention_forms
from pipeline.view import build
from pipeline.view.timeline import year_position


def test_pages_are_self_contained(small_site):
    pages = sorted(small_site.rglob("*.html"))
    assert [p.relative_to(small_site).as_posix() for p in pages] == [
        "docs/alpha.html", "docs/beta.html", "eval.html", "index.html", "timeline.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), page  # nothing fetched
        assert "<link" not in html and "<script src" not in html
        assert html.count("<style>") == 1 and "<script>" in html


def test_rerun_is_byte_identical(small_site, tmp_path):
    pred = small_site.parent
    before = {p: p.read_bytes() for p in small_site.rglob("*.html")}
    site, _ = build(pred, tmp_path)
    # same outputs, another folder: the same pages except the evaluation (no gold given here)
    for p, data in before.items():
        if p.name != "eval.html":
            assert (site / p.relative_to(small_site)).read_bytes() == data, p


def test_timeline_keys_come_from_the_command_filters(small_site):
    pred = small_site.parent
    rows = list(srsly.read_jsonl(pred / "timeline.jsonl"))
    forms = mention_forms(srsly.read_jsonl(pred / "entities.jsonl"))
    html = (small_site / "timeline.html").read_text(encoding="utf-8")
    by_event = {event: names for names, event in re.findall(r'data-names="([^"]*)" data-event="([^"]*)"', html)}
    assert len(by_event) == len(rows) == 8
    for name in ("lindqvist", "henri bastide", "académie de bâle"):
        assert sorted(e for e, k in by_event.items() if f"|{name}|" in k) == \
            sorted(r["event"] for r in filter_timeline(rows, entity=name, forms=forms))


def test_year_positions_are_to_scale():
    assert year_position("1906-01-01") == 1906.0
    assert abs(year_position("1906-12-31", end_of_day=True) - 1907.0) < 0.001
    assert year_position("-0048-01-01") == -48.0  # 49 BC in astronomical numbering
    assert year_position("1906-07-01") < year_position("1906-07-02") < year_position("1906-08-01")


def test_missing_outputs_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["view", "--pred", str(tmp_path)])
    assert result.exit_code == 2 and "documents.jsonl not found" in " ".join(result.output.split())
