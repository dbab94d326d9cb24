"""A timeline of dated events: asserted, positive events with a time, sorted by date.

Works on SPEC records (events, timexes, sentences of one or more documents), so it can
run on a pipeline's outputs/ as well as on a gold set.
"""
from __future__ import annotations

from ..records import TimelineRow

AGENT_ROLES = ("Agent", "Attacker", "Person", "Victim", "Defendant", "Artifact", "Entity", "Participant",
               "Author", "Buyer", "Giver", "Org", "Plaintiff", "Prosecutor", "Adjudicator", "Seller",
               "Recipient", "Beneficiary", "Target", "Institution", "Position", "Policy", "Agreement",
               "Work", "Name", "Crime", "Sentence", "Money", "Price", "Instrument", "Vehicle")
PLACE_WORDS = (("Place", "in"), ("Destination", "to"), ("Origin", "from"))


def summary(event: dict) -> str:
    """`Arrest-Jail: <person> arrested in <place>`: type, participants, trigger, places."""
    args = event.get("arguments", [])
    name = lambda a: a.get("entity") or a["text"]  # noqa: E731
    core = [name(a) for role in AGENT_ROLES for a in args if a["role"] == role]
    core = list(dict.fromkeys(core))
    words = [event["type"].split(".", 1)[-1] + ":"]
    if core:
        words.append(" and ".join(core))
    words.append(event["trigger"]["text"])
    for role, prep in PLACE_WORDS:
        places = [name(a) for a in args if a["role"] == role]
        if places:
            words.append(f"{prep} {' and '.join(places)}")
    return " ".join(words)


def timeline_records(events: list[dict], timexes: list[dict], sentences: list[dict]) -> list[dict]:
    """Dated, asserted, positive events sorted by (earliest, document order)."""
    tx_by_id = {t["id"]: t for t in timexes}
    order = {s["id"]: i for i, s in enumerate(sentences)}
    rows = []
    for n, ev in enumerate(events):
        time = ev.get("time")
        if not time or ev.get("polarity") != "positive" or ev.get("modality") != "asserted":
            continue
        tx = tx_by_id.get(time.get("timex"), {})
        earliest = time.get("earliest") or tx.get("earliest")
        if not earliest:
            continue
        rows.append(((earliest, ev["doc_id"], order.get(ev["sentence"], n), ev["trigger"]["start"]), TimelineRow(
            doc_id=ev["doc_id"], event=ev["id"], value=time.get("value") or tx.get("value"),
            earliest=earliest, type=ev["type"], summary=summary(ev), sentence=ev["sentence"],
            entities=sorted({a.get("entity") or a["text"] for a in ev.get("arguments", [])}),
        ).record()))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def filter_timeline(records: list[dict], entity: str | None = None, type_: str | None = None) -> list[dict]:
    """Rows involving an entity (canonical name, case-insensitive) and/or of a type
    (`Justice.Arrest-Jail` or just `Arrest-Jail`)."""
    out = []
    for row in records:
        if entity is not None and entity.casefold() not in {e.casefold() for e in row.get("entities", [])}:
            continue
        if type_ is not None and type_ not in (row["type"], row["type"].split(".", 1)[-1]):
            continue
        out.append(row)
    return out
