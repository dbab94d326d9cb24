"""The SPEC-compatible view of a TIMEX2 gold set sets items aside by category, never by item.
The text and records are written for the test."""
from __future__ import annotations

from pipeline.evaluation.conventions import ranges_as_endpoints, spec_compatible
from pipeline.evaluation.loading import Layers
from pipeline.records import Timex

TEXT = ("The truce of 1712-15 held; between 1720 and 1722 the former regent ruled, "
        "and now the court met every year on the day of the feast, and in March.")


def _t(text: str, attrs: dict, n: int, occ: int = 0, **fields) -> Timex:
    start = -1
    for _ in range(occ + 1):
        start = TEXT.index(text, start + 1)
    return Timex(doc_id="d", id=f"d:t{n}", start=start, end=start + len(text), text=text,
                 type=fields.pop("type", "DATE"), value=attrs.get("val"), source={"timex2": attrs}, **fields)


def test_categories_and_predictions_set_aside_with_them():
    gold = [_t("1712", {"val": "1712"}, 1), _t("15", {"val": "1715"}, 2), _t("1720", {"val": "1720"}, 3),
            _t("1722", {"val": "1722"}, 4), _t("former", {"val": "PAST_REF"}, 5), _t("now", {"val": "PRESENT_REF"}, 6),
            _t("every year", {"val": "XXXX", "set": "YES"}, 7, type="SET"),
            _t("the day of the feast", {"comment": "EC:EVENT-BASED", "val": "XXXX-XX-XX"}, 8),
            _t("March", {"val": "XXXX-03"}, 9)]
    pred = [Timex(doc_id="d", id="d:p1", start=13, end=20, text="1712-15", type="DATE", value="1712/1715"),
            Timex(doc_id="d", id="d:p2", start=gold[6].start, end=gold[6].end, text="every year", type="SET",
                  value="P1Y")]
    g, p, counts = spec_compatible(Layers(timexes=gold, present=frozenset({"timexes"})),
                                   Layers(timexes=pred, present=frozenset({"timexes"})), {"d": TEXT})
    assert counts == {"SET period": 1, "event-anchored": 1, "predictions set aside": 1, "range endpoint": 4,
                      "reference word": 2, "unspecified value": 1}
    assert [(t.text, t.value) for t in g.timexes] == [("every year", "P1Y")]
    assert [t.id for t in p.timexes] == ["d:p2"]  # the range over two set-aside endpoints goes with them


def test_ranges_as_endpoints_meet_a_timex2_key_element_by_element():
    """The SPEC range `1712-15` against TIMEX2's `1712` and `15`: one false positive and
    two misses as it stands, two matches once written as its endpoints."""
    from pipeline.evaluation.scoring import score
    from pipeline.timexes.grammar import Grammar

    gold = [_t("1712", {"val": "1712"}, 1), _t("15", {"val": "1715"}, 2), _t("March", {"val": "XXXX-03"}, 9)]
    pred = [Timex(doc_id="d", id="d:p1", start=13, end=20, text="1712-15", type="DATE", value="1712/1715",
                  earliest="1712-01-01", latest="1715-12-31"),
            Timex(doc_id="d", id="d:p2", start=gold[2].start, end=gold[2].end, text="March", type="DATE",
                  value="XXXX-03")]
    layers = Layers(timexes=pred, present=frozenset({"timexes"}))
    split, n = ranges_as_endpoints(layers, Grammar.from_folder())
    assert n == 1
    assert [(t.id, t.start, t.end, t.text, t.value, t.earliest, t.latest) for t in split.timexes] == [
        ("d:p1a", 13, 17, "1712", "1712", "1712-01-01", "1712-12-31"),
        ("d:p1b", 18, 20, "15", "1715", "1715-01-01", "1715-12-31"),
        ("d:p2", gold[2].start, gold[2].end, "March", "XXXX-03", None, None)]
    from pipeline.records import Region

    key = Layers(timexes=gold, regions=[Region(doc_id="d", start=0, end=len(TEXT))], present=frozenset({"timexes"}))
    before, after = (score(key, p)[0]["timexes"]["value"] for p in (layers, split))
    assert (before["tp"], before["fp"], before["fn"]) == (1, 1, 2)
    assert (after["tp"], after["fp"], after["fn"]) == (3, 0, 0)


def test_spec_ceiling_is_the_key_as_the_spec_writes_it():
    """The raw figure's ceiling: a tagger following the SPEC without error writes each pair
    of TIMEX2 endpoints as one range and does not mark what the SPEC does not take
    (`former`), so even it meets the key with misses and false positives."""
    from pipeline.evaluation.conventions import spec_ceiling
    from pipeline.evaluation.scoring import score
    from pipeline.records import Region

    gold = [_t("1712", {"val": "1712"}, 1, earliest="1712-01-01", latest="1712-12-31"),
            _t("15", {"val": "1715"}, 2, earliest="1715-01-01", latest="1715-12-31"),
            _t("1720", {"val": "1720"}, 3), _t("1722", {"val": "1722"}, 4),
            _t("former", {"val": "PAST_REF"}, 5), _t("March", {"val": "1723-03"}, 9)]
    key = Layers(timexes=gold, regions=[Region(doc_id="d", start=0, end=len(TEXT))], present=frozenset({"timexes"}))
    ideal, counts = spec_ceiling(key, {"d": TEXT})
    assert counts == {"range endpoint": 4, "ranges": 2, "reference word": 1}
    assert [(t.text, t.value, t.earliest, t.latest) for t in ideal.timexes] == [
        ("1712-15", "1712/1715", "1712-01-01", "1715-12-31"), ("1720 and 1722", "1720/1722", None, None),
        ("March", "1723-03", None, None)]
    value = score(key, ideal)[0]["timexes"]["value"]
    assert (value["tp"], value["fp"], value["fn"]) == (1, 2, 5)
