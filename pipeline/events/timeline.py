"""A timeline of dated events: asserted, positive events with a time, sorted by date.

Works on SPEC records (events, timexes, sentences of one or more documents), so it can
run on a pipeline's outputs/ as well as on a gold set. The filters are the ones the
`timeline` command and the HTML view share: an event family or type, a document, and
an entity named by any referent of an argument or any form the document writes it in.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..records import TimelineRow
from ..schema import event_roles
from .coref import REFERENT_SEPARATOR


def referents(name: str) -> list[str]:
    """The referents of an argument's `entity` (`A; B` names two)."""
    return [part for part in name.split(REFERENT_SEPARATOR) if part]


def _names(argument: dict) -> list[str]:
    return referents(argument.get("entity") or argument["text"])


def summary(event: dict) -> str:
    """`Arrest-Jail: arrested (Person: Emma Goldman; Place: Chicago)`: the subtype, the
    trigger, then each role with its referents, roles in the order the type lists them
    (models/schema/event_types.json), so who did what to whom is never left to guess."""
    order = {role: i for i, role in enumerate(event_roles().get(event["type"], []))}
    by_role: dict[str, list[str]] = {}
    for arg in sorted(event.get("arguments", []), key=lambda a: (order.get(a["role"], len(order)), a["start"])):
        by_role.setdefault(arg["role"], []).extend(_names(arg))
    head = f"{event['type'].split('.', 1)[-1]}: {event['trigger']['text']}"
    if not by_role:
        return head
    roles = "; ".join(f"{role}: {', '.join(dict.fromkeys(names))}" for role, names in by_role.items())
    return f"{head} ({roles})"


def timeline_records(events: list[dict], timexes: list[dict], sentences: list[dict]) -> list[dict]:
    """Dated, asserted, positive events sorted by (earliest, document order), each with
    the interval `earliest`-`latest` its date denotes."""
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
        latest = time.get("latest") or tx.get("latest") or earliest
        rows.append(((earliest, ev["doc_id"], order.get(ev["sentence"], n), ev["trigger"]["start"]), TimelineRow(
            doc_id=ev["doc_id"], event=ev["id"], value=time.get("value") or tx.get("value"),
            earliest=earliest, latest=latest, type=ev["type"], summary=summary(ev), sentence=ev["sentence"],
            entities=sorted({name for a in ev.get("arguments", []) for name in _names(a)}),
        ).record()))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def family(event_type: str) -> str:
    """`Justice` of `Justice.Arrest-Jail`."""
    return event_type.split(".", 1)[0]


def type_matches(event_type: str, query: str) -> bool:
    """A query names the family (`Justice`), the subtype (`Arrest-Jail`) or the full
    type (`Justice.Arrest-Jail`), in any case."""
    q, t = query.casefold(), event_type.casefold()
    return q in (t, family(t), t.split(".", 1)[-1])


MentionForms = dict[tuple[str, str], set[str]]


def mention_forms(entities: Iterable[dict]) -> MentionForms:
    """(doc_id, canonical name) -> the casefolded forms the document writes it in
    (`goldman`, `red emma`, `emma goldman`), from entities.jsonl records."""
    forms: MentionForms = defaultdict(set)
    for ent in entities:
        name = ent.get("entity") or ent["text"]
        for ref in referents(name):
            forms[(ent["doc_id"], ref)].update((ref.casefold(), ent["text"].casefold()))
    return dict(forms)


def entity_keys(row: dict, forms: MentionForms | None = None) -> set[str]:
    """Every casefolded name a timeline row can be found by: each referent of its
    arguments and every form its document writes that referent in."""
    keys: set[str] = set()
    for ref in row.get("entities", []):
        keys.add(ref.casefold())
        keys |= (forms or {}).get((row["doc_id"], ref), set())
    return keys


def filter_timeline(records: Iterable[dict], entity: str | None = None, type_: str | None = None,
                    doc: str | None = None, forms: MentionForms | None = None) -> list[dict]:
    """Rows involving an entity (see entity_keys; forms from mention_forms), of an event
    family or type (see type_matches) and/or of one document (its doc_id)."""
    out = []
    for row in records:
        if entity is not None and entity.strip().casefold() not in entity_keys(row, forms):
            continue
        if type_ is not None and not type_matches(row["type"], type_):
            continue
        if doc is not None and row["doc_id"] != doc:
            continue
        out.append(row)
    return out
