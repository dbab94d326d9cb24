"""Gold validator tests: the tiny gold of evalkit passes, and each kind of fault gives one
`file:line: message` (and bad input never raises)."""
from __future__ import annotations

import copy

import pytest
from evalkit import GOLD, TEXT, find, write_dir

from pipeline.gold.check import check_gold

S2 = (find("Stalin was"), find(" He moved"))          # offsets of the first body sentence
S3 = (find("He moved"), find("\nLenin"))


def test_good_gold_passes(gold_dir, seeds_dir):
    assert check_gold(gold_dir, seeds_dir) == []


def _set(layer: str, index: int, **changes):
    def change(gold):
        gold[layer][index].update(changes)
    return change


def _set_event(index: int, path: tuple, value):
    def change(gold):
        target = gold["events"][index]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _set_event_time(index: int, timex_index: int):
    def change(gold):
        t = gold["timexes"][timex_index]
        gold["events"][index]["time"] = {"timex": t["id"], "value": t["value"], "earliest": t["earliest"],
                                         "latest": t["latest"]}
    return change


GORI, STALIN = find("Gori"), find("Stalin")
CASES = {
    "offset and text": (_set("entities", 1, start=GORI + 1, end=GORI + 5),
                        f"entities.jsonl:2: span text 'Gori' != document[{GORI + 1}:{GORI + 5}] 'ori '"),
    "end beyond text": (_set("entities", 1, end=10_000),
                        f"entities.jsonl:2: span end 10000 is beyond the document ({len(TEXT)} characters)"),
    "outer white space": (_set("entities", 1, end=GORI + 5, text="Gori "),
                          "entities.jsonl:2: span text 'Gori ' has outer white space"),
    "bad label": (_set("entities", 1, label="CITY"),
                  "entities.jsonl:2: label: unknown entity label 'CITY' (allowed: CARDINAL, EVENT, FAC, GPE, "
                  "LANGUAGE, LAW, LOC, MONEY, NORP, ORDINAL, ORG, PERCENT, PERSON, PRODUCT, QUANTITY, WORK_OF_ART)"),
    "bad timex type": (_set("timexes", 0, type="YEAR"),
                       "timexes.jsonl:1: type: unknown timex type 'YEAR' (allowed: DATE, DURATION, SET, TIME)"),
    "bad role": (_set_event(0, ("arguments", 1, "role"), "Victim"),
                 "events.jsonl:1: arguments: role 'Victim' (argument 1) is not legal for Life.Be-Born "
                 "(allowed: Person, Place)"),
    "bad event type": (_set_event(0, ("type",), "Life.Reborn"), "events.jsonl:1: type: unknown event type 'Life.Reborn'"),
    "time in another sentence": (_set_event_time(1, 0),
                                 "events.jsonl:2: time.timex 'doc:t" + str(find("1878"))
                                 + "' is in sentence doc:s2, not in the event's sentence doc:s3"),
    "time value differs": (_set_event(0, ("time", "value"), "1879"),
                           f"events.jsonl:1: time.value '1879' != timex doc:t{find('1878')} value '1878'"),
    "time to no timex": (_set_event(0, ("time", "timex"), "doc:t999"),
                         "events.jsonl:1: time.timex 'doc:t999' is not a timex of doc"),
    "argument outside sentence": (_set_event(0, ("arguments", 1), {"role": "Place", "start": find("Tiflis"),
                                                                    "end": find("Tiflis") + 6, "text": "Tiflis",
                                                                    "entity": "Tiflis"}),
                                  f"events.jsonl:1: argument 1 (Place) {find('Tiflis')}-{find('Tiflis') + 6} "
                                  f"lies outside sentence doc:s2 ({S2[0]}-{S2[1]})"),
    "wrong sentence": (_set("entities", 0, sentence="doc:s3"),
                       f"entities.jsonl:1: span {STALIN}-{STALIN + 6} lies outside sentence doc:s3 ({S3[0]}-{S3[1]})"),
    "unknown sentence": (_set("entities", 0, sentence="doc:s9"),
                         "entities.jsonl:1: sentence 'doc:s9' is not a sentence of doc"),
    "unknown doc_id": (_set("entities", 0, doc_id="nodoc"),
                       "entities.jsonl:1: unknown doc_id 'nodoc' (No such file or directory)"),
    "duplicate id": (_set("entities", 2, id=GOLD["entities"][0]["id"]),
                     f"entities.jsonl:3: duplicate id '{GOLD['entities'][0]['id']}' (first on line 1)"),
    "anchor to nothing": (_set("timexes", 1, anchor="doc:nothing"),
                          "timexes.jsonl:2: anchor 'doc:nothing' is no timex or sentence id of doc"),
    "start not before end": (_set("entities", 0, end=STALIN),
                             f"entities.jsonl:1: record: start {STALIN} must be < end {STALIN}"),
    # an invalid record counts as absent: references to it are not reported again, but the
    # region that starts with it no longer starts at a gold sentence
    "missing field": (lambda gold: gold["sentences"][0].pop("kind"),
                      ["regions.jsonl:1: region start 0 is not the start of a gold sentence",
                       "sentences.jsonl:1: kind: Field required"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_reported(name, tmp_path, seeds_dir):
    change, expected = CASES[name]
    gold = copy.deepcopy(GOLD)
    change(gold)
    gold_dir = write_dir(tmp_path / "gold", gold)
    expected = [expected] if isinstance(expected, str) else expected
    assert check_gold(gold_dir, seeds_dir) == [f"{gold_dir}/{line}" for line in expected]


def test_valid_anchor_passes(tmp_path, seeds_dir):
    gold = copy.deepcopy(GOLD)
    gold["timexes"][1]["anchor"] = gold["timexes"][0]["id"]
    assert check_gold(write_dir(tmp_path / "gold", gold), seeds_dir) == []


def test_region_not_on_sentence_boundaries(tmp_path, seeds_dir):
    gold = copy.deepcopy(GOLD)
    gold["regions"][0]["end"] = find("Tiflis")
    gold_dir = write_dir(tmp_path / "gold", gold)
    assert check_gold(gold_dir, seeds_dir) == [
        f"{gold_dir}/regions.jsonl:1: region end {find('Tiflis')} is not at a line end",
        f"{gold_dir}/regions.jsonl:1: region end {find('Tiflis')} is not the end of a gold sentence",
        f"{gold_dir}/sentences.jsonl:3: sentence {S3[0]}-{S3[1]} lies in no region",
    ]


def test_text_between_sentences_must_be_annotated(tmp_path, seeds_dir):
    gold = copy.deepcopy(GOLD)  # s2 shortened: "in 1878." is left out of every sentence
    gold["sentences"][1].update(end=find(" in 1878"), text="Stalin was born in Gori")
    gold["entities"], gold["timexes"], gold["events"] = gold["entities"][:1], gold["timexes"][1:], gold["events"][1:]
    gold_dir = write_dir(tmp_path / "gold", gold)
    assert check_gold(gold_dir, seeds_dir) == [
        f"{gold_dir}/regions.jsonl:1: text 'in 1878.' between sentences doc:s2 and doc:s3 is in no sentence"]


def test_malformed_lines_never_raise(tmp_path, seeds_dir):
    gold_dir = write_dir(tmp_path / "gold", GOLD)
    with open(gold_dir / "timexes.jsonl", "a") as f:
        f.write('{"doc_id": "doc", "id": \n[1, 2]\n\n"text"\n')
    (gold_dir / "events.jsonl").write_bytes(b'{"doc_id": "\xff"}\n')
    (gold_dir / "regions.jsonl").unlink()
    problems = check_gold(gold_dir, seeds_dir)
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{gold_dir}/events.jsonl:0",      # cannot read: not UTF-8
        f"{gold_dir}/regions.jsonl:0",     # missing gold file
        f"{gold_dir}/sentences.jsonl:1",   # so every sentence lies in no region
        f"{gold_dir}/sentences.jsonl:2",
        f"{gold_dir}/sentences.jsonl:3",
        f"{gold_dir}/timexes.jsonl:3",     # malformed JSON
        f"{gold_dir}/timexes.jsonl:4",     # not an object
        f"{gold_dir}/timexes.jsonl:6",
    ]
    assert "cannot read: 'utf-8' codec can't decode byte 0xff" in problems[0]
    assert problems[1].endswith(": missing gold file (every gold set has regions.jsonl)")
    assert problems[5].startswith(f"{gold_dir}/timexes.jsonl:3: malformed JSON: ")
    assert problems[6:] == [f"{gold_dir}/timexes.jsonl:4: expected a JSON object, got list",
                            f"{gold_dir}/timexes.jsonl:6: expected a JSON object, got str"]


def test_missing_folders_are_problems(tmp_path):
    # SPEC 4: any layer may be absent from a gold set, but never its regions
    problems = check_gold(tmp_path / "nothing", tmp_path / "no-seeds")
    assert problems == [f"{tmp_path}/nothing/regions.jsonl:0: missing gold file (every gold set has regions.jsonl)"]


def test_a_timex_only_gold_set_is_checked_without_sentences(tmp_path, seeds_dir):
    timexes = [{k: v for k, v in t.items() if k != "sentence"} for t in GOLD["timexes"]]
    gold = write_dir(tmp_path / "gold", {"regions": GOLD["regions"], "timexes": timexes}, all_layers=False)
    assert check_gold(gold, seeds_dir) == []
    bad = [{**timexes[0], "start": timexes[0]["start"] + 1}]
    write_dir(gold, {"timexes": bad}, all_layers=False)
    assert len(check_gold(gold, seeds_dir)) == 1  # offsets are still checked against the text


def test_white_space_at_region_edges_is_allowed(tmp_path, seeds_dir):
    gold = copy.deepcopy(GOLD)
    gold["regions"][0]["end"] += 1  # takes in the line break after the paragraph
    assert check_gold(write_dir(tmp_path / "gold", gold), seeds_dir) == []


def test_years_bc_use_signed_astronomical_years(tmp_path, seeds_dir):
    """SPEC 2: 264 BC is written -0263; such days are valid and are ordered by year, not as strings
    (as strings '-0263-01-01' sorts after '-0240-12-31')."""
    gold = copy.deepcopy(GOLD)
    bc = {"value": "BC0264/BC0241", "earliest": "-0263-01-01", "latest": "-0240-12-31"}
    gold["timexes"][1].update(bc)
    gold["events"][1]["time"].update(bc)
    assert check_gold(write_dir(tmp_path / "good", gold), seeds_dir) == []
    reversed_ = {"earliest": "-0240-01-01", "latest": "-0263-12-31"}
    gold["timexes"][1].update(reversed_)
    gold["events"][1]["time"].update(reversed_)
    bad_dir = write_dir(tmp_path / "bad", gold)
    assert check_gold(bad_dir, seeds_dir) == [
        f"{bad_dir}/events.jsonl:2: time: earliest -0240-01-01 is after latest -0263-12-31",
        f"{bad_dir}/timexes.jsonl:2: record: earliest -0240-01-01 is after latest -0263-12-31"]
