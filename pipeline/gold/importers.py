"""Gold sets that exist in the field, read into SPEC shapes.

Two inline forms are read: TIMEX2 (ACE TERN 2005, the WikiWars "keyinline" files:
`<DOC><DOCID/>…<DATETIME/>…<TEXT>… <TIMEX2 val=…>…</TIMEX2> …</TEXT></DOC>`) and
TimeML TIMEX3 (TempEval-3: `<TimeML><DOCID/><DCT><TIMEX3/></DCT><TEXT>… <TIMEX3 tid=…
type=… value=…>…</TIMEX3> <EVENT>…</EVENT> …</TEXT></TimeML>`).

The document text is the content of `<TEXT>` with every tag removed and XML entities
unescaped, byte for byte otherwise (the corpus README's definition), so offsets of the
imported records index that text. Only elements inside `<TEXT>` become records: the
creation-time header (`DATETIME`, `DCT`) is provenance, not text. Nested elements each
become a record. The element's original attributes are kept in the extra field
`source` of the record, so nothing the annotators wrote is lost; the SPEC fields are
derived from them (`type` of a TIMEX2, which has none; a `mod` TIMEX3 lacks is null).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Region, Timex
from ..schema import TIMEX_MODS
from ..timexes.calendar import interval

FORMATS = ("timex2", "timeml")


class GoldImportError(Exception):
    """A file that is not a well-formed document of the format asked for; the message names it."""


@dataclass
class Element:
    """One temporal element of the source: its span in the text and its attributes."""

    start: int
    end: int
    attrs: dict[str, str]


@dataclass
class SourceDocument:
    doc_id: str
    text: str
    elements: list[Element] = field(default_factory=list)


def _flatten(node: ET.Element, tag: str) -> tuple[str, list[Element]]:
    """The text under node with tags removed, and every `tag` element's span in it."""
    parts: list[str] = []
    found: list[Element] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == tag and el is not node:
            found.append(Element(start, length, dict(el.attrib)))

    walk(node)
    found.sort(key=lambda e: (e.start, -e.end))
    return "".join(parts), found


def detect_format(path: Path) -> str:
    """`timex2` for a `<DOC>` root, `timeml` for a `<TimeML>` root."""
    try:
        for _, el in ET.iterparse(path, events=("start",)):
            return {"DOC": "timex2", "TimeML": "timeml"}.get(el.tag) or _unknown(path, el.tag)
    except (ET.ParseError, OSError) as err:
        raise GoldImportError(f"{path}: not well-formed XML: {err}") from None
    raise GoldImportError(f"{path}: empty file")


def _unknown(path: Path, tag: str) -> str:
    raise GoldImportError(f"{path}: root element <{tag}> is neither <DOC> (TIMEX2) nor <TimeML> (TIMEX3)")


def read_inline(path: Path, fmt: str) -> SourceDocument:
    """Read one inline-annotated file (fmt `timex2` or `timeml`)."""
    if fmt not in FORMATS:
        raise GoldImportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise GoldImportError(f"{path}: not well-formed XML: {err}") from None
    text_node = root.find("TEXT")
    if text_node is None:
        raise GoldImportError(f"{path}: no <TEXT> element")
    docid = root.findtext("DOCID")
    doc_id = (docid or "").strip() or re.sub(r"(\.key)?\.(xml|tml)$", "", Path(path).name)
    text, elements = _flatten(text_node, "TIMEX2" if fmt == "timex2" else "TIMEX3")
    return SourceDocument(doc_id, text, elements)


def _timex2_type(attrs: dict[str, str]) -> str:
    """TIMEX2 has no type attribute: SET when `set="YES"`, DURATION for a `P…` value, TIME for
    a value with a time of day, else DATE (also for elements with no value)."""
    value = attrs.get("val", "")
    if attrs.get("set", "").upper() == "YES":
        return "SET"
    if value.startswith("P"):
        return "DURATION"
    if re.search(r"T(\d|MO|AF|EV|NI|DT)", value):
        return "TIME"
    return "DATE"


def _fields(el: Element, fmt: str) -> tuple[str, str | None, str | None]:
    """type, value, mod of an element in SPEC terms."""
    a = el.attrs
    if fmt == "timex2":
        type_, value = _timex2_type(a), a.get("val") or None
    else:
        type_, value = a.get("type", "DATE").upper(), a.get("value") or None
    mod = a.get("mod") or None
    return type_, value, (mod if mod in TIMEX_MODS else None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def timex_records(doc: SourceDocument, fmt: str) -> list[dict]:
    """SPEC timex records (no sentence ids: a timex-only gold set has no sentence layer)."""
    records = []
    # TimeML's non-consuming TIMEX3 (no text: a DURATION between two written dates,
    # `beginPoint`/`endPoint`) has no span to be a SPEC timex; in TIMEX2 every element
    # has text, and an empty one is an annotation error
    consuming = [el for el in doc.elements if fmt == "timex2" or el.end > el.start]
    for n, el in enumerate(consuming, 1):
        start, end = _trim(doc.text, el.start, el.end)
        if start == end:
            raise GoldImportError(f"{doc.doc_id}: an empty temporal element at offset {el.start}")
        type_, value, mod = _fields(el, fmt)
        try:
            earliest, latest = interval(value, type_) if value else (None, None)
        except ValueError:
            earliest = latest = None
        records.append(Timex(doc_id=doc.doc_id, id=f"{doc.doc_id}:t{n}", start=start, end=end,
                             text=doc.text[start:end], type=type_, value=value, mod=mod, earliest=earliest,
                             latest=latest, anchor=None, source={fmt: el.attrs}).record())
    return records


def region_record(doc: SourceDocument) -> dict:
    """The whole document as one region (its non-blank extent)."""
    start, end = _trim(doc.text, 0, len(doc.text))
    return Region(doc_id=doc.doc_id, id=f"{doc.doc_id}:r1", start=start, end=end).record()


def import_files(paths: list[Path], texts_dir: Path, gold_dir: Path, fmt: str = "auto") -> dict[str, int]:
    """Write each file's document text to texts_dir/<doc_id>.txt and a timex gold folder
    (regions.jsonl: whole documents; timexes.jsonl) to gold_dir. Files are read in name
    order; a doc_id met twice is an error (the second would overwrite the first)."""
    from ..evaluation.files import write_jsonl, write_text

    docs: list[tuple[SourceDocument, str]] = []
    for path in sorted(Path(p) for p in paths):
        f = detect_format(path) if fmt == "auto" else fmt
        doc = read_inline(path, f)
        if any(d.doc_id == doc.doc_id for d, _ in docs):
            raise GoldImportError(f"{path}: doc_id {doc.doc_id!r} is already used by another file")
        docs.append((doc, f))
    regions, timexes = [], []
    for doc, f in docs:
        write_text(Path(texts_dir) / f"{doc.doc_id}.txt", doc.text)
        regions.append(region_record(doc))
        timexes.extend(timex_records(doc, f))
    write_jsonl(Path(gold_dir) / "regions.jsonl", regions)
    write_jsonl(Path(gold_dir) / "timexes.jsonl", timexes)
    return {"documents": len(docs), "timexes": len(timexes)}
