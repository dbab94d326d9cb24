"""The comparison system: the plain spaCy model with none of the project's components.

Scoring it beside the pipeline shows what our stages add. It writes the same record
files as the pipeline: spaCy's sentences (all `body`), its named entities with their
labels unchanged (DATE/TIME become timexes, numeric labels are dropped), its DATE/TIME
entities as timexes valued by dateparser, and no events. dateparser is configured
(settings.json) to parse absolute expressions with a year only, so a value is never
completed from today's date; anything else gets value null.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..documents import read_document
from ..gold.author import paragraph_index  # one definition of "paragraph" for gold and baseline
from ..records import BASELINE_LAYERS, LAYERS, Document, Entity, Region, Sentence, Timex, read_records
from ..schema import ENTITY_LABELS
from ..timexes.calendar import interval
from .files import settings, write_jsonl
from .loading import LoadError



def _config() -> dict:
    return settings()["baseline"]


@lru_cache(maxsize=None)
def _nlp():
    import spacy  # loaded only when the baseline runs

    return spacy.load(_config()["model"])


@lru_cache(maxsize=None)
def _date_parser():
    from dateparser.date import DateDataParser

    cfg = _config()
    options = {k: v for k, v in cfg["dateparser_settings"].items() if not k.startswith("_")}
    options["RELATIVE_BASE"] = datetime.fromisoformat(cfg["relative_base"])
    return DateDataParser(languages=cfg["dateparser_languages"], settings=options)


def timex_value(text: str) -> str | None:
    """TIMEX3 value of an absolute date at dateparser's granularity (1878-12-18, 1878-12, 1878).

    The year must be written out in the text: dateparser reads `29 December` as December 2029.
    """
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings; the baseline then has no value
        return None
    chars = _config()["period_chars"].get(data.period)
    if data.date_obj is None or chars is None or not re.search(rf"(?<!\d){data.date_obj.year}(?!\d)", text):
        return None
    return data.date_obj.isoformat(timespec="minutes")[:chars]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without outer white space (SPEC 1); start == end when nothing is left."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, max(start + lead, start + len(piece.rstrip()))


def _doc_ids(regions: Path | Iterable) -> list[str]:
    if isinstance(regions, (str, Path)):
        path = Path(regions)
        path = path / LAYERS["regions"][0] if path.is_dir() else path
        records = []
        for line in read_records(path, Region):
            if line.problem:
                raise LoadError(f"{path}:{line.line}: {line.problem}")
            records.append(line.record)
        regions = records
    return sorted({r.doc_id if isinstance(r, Region) else r["doc_id"] for r in regions})


def annotate(doc_id: str, path: Path, nlp) -> dict[str, list[dict]]:
    """The baseline's records for one document, in document order."""
    document = read_document(path)
    text = document.text
    doc = nlp(text)
    out: dict[str, list[dict]] = {name: [] for name in BASELINE_LAYERS}
    sentence_of = {}  # spaCy sentence start token -> our sentence id
    for sent in doc.sents:
        start, end = _trim(text, sent.start_char, sent.end_char)
        if start == end:
            continue
        sid = f"{doc_id}:s{len(out['sentences']) + 1}"
        sentence_of[sent.start] = sid
        out["sentences"].append(Sentence(doc_id=doc_id, id=sid, start=start, end=end, text=text[start:end],
                                         kind="body", paragraph=paragraph_index(text, start),
                                         section=[]).record())
    timex_labels = set(_config()["timex_labels"])
    for ent in doc.ents:
        start, end = _trim(text, ent.start_char, ent.end_char)
        sid = sentence_of.get(ent.sent.start)
        if start == end or sid is None:
            continue
        span = {"doc_id": doc_id, "sentence": sid, "start": start, "end": end, "text": text[start:end]}
        if ent.label_ in timex_labels:
            value = timex_value(span["text"])
            earliest, latest = interval(value, ent.label_)
            out["timexes"].append(Timex(id=f"{doc_id}:t{len(out['timexes']) + 1}", type=ent.label_, value=value,
                                        earliest=earliest, latest=latest, **span).record())
        elif ent.label_ in ENTITY_LABELS:
            out["entities"].append(Entity(id=f"{doc_id}:e{len(out['entities']) + 1}", label=ent.label_,
                                          entity=span["text"], **span).record())
    out["documents"].append(Document(
        doc_id=doc_id, path=str(path), pipeline="baseline", pipeline_version=__version__,
        model=f"{nlp.meta['lang']}_{nlp.meta['name']}", model_version=nlp.meta["version"],
        sha256=document.sha256, chars=len(text), sentences=len(out["sentences"]),
    ).record())
    return out


def write_baseline(seeds_dir: Path, regions: Path | Iterable, out_dir: Path) -> dict[str, int]:
    """Run the baseline on every document that has a region and write its record files.

    regions: a gold folder, a regions.jsonl, or Region records / dicts with `doc_id`.
    Returns the number of records written per file.
    """
    doc_ids = _doc_ids(regions)
    missing = [d for d in doc_ids if not (Path(seeds_dir) / f"{d}.txt").is_file()]
    if missing:
        raise LoadError(f"{seeds_dir}: no text for {len(missing)} gold document(s) "
                        f"({', '.join(missing[:3])}{', …' if len(missing) > 3 else ''}); give the folder "
                        f"of the gold set's texts with --texts")
    nlp = _nlp()
    layers: dict[str, list[dict]] = {name: [] for name in BASELINE_LAYERS}
    for doc_id in doc_ids:
        for name, records in annotate(doc_id, Path(seeds_dir) / f"{doc_id}.txt", nlp).items():
            layers[name].extend(records)
    for name, records in layers.items():
        write_jsonl(Path(out_dir) / LAYERS[name][0], records)
    return {name: len(records) for name, records in layers.items()}
