"""spaCy DocBin: one `Doc` per document carrying every layer, so that
`pipeline.to_records(doc, doc.user_data["doc_id"])` gives back the very records.

The Doc is rebuilt from the records (no model is run): the tokens are spaCy's English
tokenizer's, cut further at every record boundary so that each span is whole tokens;
segments and timexes are span groups (`doc.spans["segments"]`, `["timexes"]`) and
entities `doc.ents`, with the extension attributes the pipeline's stages set
(pipeline.extensions: kind/paragraph/section, entity, timex; `Doc._.events`). Read it
back with `DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)` after
`import pipeline.extensions`.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from .. import extensions as ext
from ..annotations import ArgumentAnnotation, EventAnnotation, TimexAnnotation
from ..corpus import DocumentView, load_corpus


def _boundaries(doc: DocumentView) -> set[int]:
    cuts = set()
    for layer in ("sentences", "entities", "timexes"):
        for r in doc.layers[layer]:
            cuts.update((r["start"], r["end"]))
    for v in doc.layers["events"]:
        cuts.update((v["trigger"]["start"], v["trigger"]["end"]))
        for a in v["arguments"]:
            cuts.update((a["start"], a["end"]))
    return cuts


def _tokens(nlp, text: str, cuts: set[int]) -> tuple[list[str], list[bool]]:
    """The tokenizer's tokens, each cut at the record boundaries inside it."""
    words, spaces = [], []
    for token in nlp.make_doc(text):
        start, end = token.idx, token.idx + len(token.text)
        inner = sorted(c for c in cuts if start < c < end)
        points = [start, *inner, end]
        for i, (a, b) in enumerate(zip(points, points[1:])):
            words.append(text[a:b])
            spaces.append(bool(token.whitespace_) and i == len(points) - 2)
    return words, spaces


def to_doc(nlp, doc: DocumentView) -> Doc:
    """A Doc whose records (pipeline.to_records) are doc's."""
    text = doc.text
    words, spaces = _tokens(nlp, text, _boundaries(doc))
    out = Doc(nlp.vocab, words=words, spaces=spaces)
    assert out.text == text
    out.user_data["doc_id"] = doc.doc_id

    def span(start: int, end: int, label: str = ""):
        s = out.char_span(start, end, label=label, alignment_mode="strict")
        assert s is not None, (doc.doc_id, start, end)
        return s

    segments = []
    for s in doc.layers["sentences"]:
        seg = span(s["start"], s["end"])
        seg._.kind, seg._.paragraph, seg._.section = s["kind"], s["paragraph"], list(s["section"])
        segments.append(seg)
    out.spans[ext.SEGMENTS] = segments
    ents = []
    for e in doc.layers["entities"]:
        ent = span(e["start"], e["end"], e["label"])
        ent._.entity = e["entity"]
        ents.append(ent)
    out.ents = ents
    where = {r["id"]: (r["start"], r["end"]) for layer in ("sentences", "timexes") for r in doc.layers[layer]}
    timexes = []
    for t in doc.layers["timexes"]:
        tx = span(t["start"], t["end"])
        tx._.timex = TimexAnnotation(type=t["type"], value=t.get("value"), mod=t.get("mod"),
                                     earliest=t.get("earliest"), latest=t.get("latest"),
                                     anchor=where.get(t.get("anchor") or ""))
        timexes.append(tx)
    out.spans[ext.TIMEXES] = timexes
    out._.events = [EventAnnotation(type=v["type"], trigger=(v["trigger"]["start"], v["trigger"]["end"]),
                                    arguments=tuple(ArgumentAnnotation(a["role"], a["start"], a["end"], a["entity"])
                                                    for a in v["arguments"]),
                                    time=where.get((v.get("time") or {}).get("timex") or ""),
                                    polarity=v["polarity"], modality=v["modality"]) for v in doc.layers["events"]]
    return out


def write_docbin(pred_dir: Path, out_dir: Path, texts: Path | None = None) -> dict[str, int]:
    corpus = load_corpus(pred_dir, texts, strict=True)
    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    for doc in corpus.documents:
        docbin.add(to_doc(nlp, doc))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / ".outputs.spacy.tmp"
    docbin.to_disk(tmp)
    tmp.replace(out_dir / "outputs.spacy")
    return {"documents": len(corpus.documents)}
