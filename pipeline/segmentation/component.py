"""Segmentation components.

`hist_segment_rules` runs before spaCy's parser and fixes boundaries the parser cannot
see or gets wrong: every line starts a segment, heading lines stay whole, no sentence
ends after an abbreviation or an initial (`St.`, `No. 227`, `H. G. Wells`), nor inside
square-bracket remnants (`[who?]`). The parser then places the remaining boundaries.
`hist_segments` runs after it and labels every segment with its kind, paragraph and
section path (doc.spans["segments"]).
"""
from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import SENT_START

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..rules import RuleFiles
from .lines import layout

_INITIAL = re.compile(r"^[A-Z]\.$")
CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def _after_footnotes(doc: Doc, closing) -> bool:
    """Whether the bracket groups ending at `closing` follow a sentence end: `1939.[1][2]`."""
    i = closing.i
    while i > 0 and doc[i].text == "]":
        while i > 0 and doc[i].text != "[":
            i -= 1
        i -= 1
    return i >= 0 and doc[i].text[-1:] in ".!?"


class _SegmentationRules(RuleFiles):
    """Both segmentation components own models/segmentation/en/rules.json (the layout of
    lines, abbreviations, sentence openers)."""

    stage = "segmentation"
    files = ("rules.json",)

    def set_rules(self, rule_files: dict) -> None:
        super().set_rules(rule_files)
        self.rules = rule_files["rules.json"]


class SegmentRules(_SegmentationRules):
    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.set_rules(self.read_rule_files(rules, nlp.lang))

    def set_rules(self, rule_files: dict) -> None:
        super().set_rules(rule_files)
        self.no_break = set(self.rules["no_break_after"])
        self.openers = set(self.rules["sentence_openers"])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lines = layout(doc.text, self.rules)
        doc.user_data["hist_lines"] = [(ln.start, ln.end, ln.kind, ln.paragraph, ln.section) for ln in lines]
        whole = {ln.start: ln.end for ln in lines if ln.kind in ("heading", "title")}
        heading_end = -1
        depth = 0
        prev = None
        newline = True  # a line break since the last word (true at the start)
        # 1 = starts a sentence, -1 = does not, 0 = the parser decides. Written in one
        # call: setting token.is_sent_start one by one rescans the Doc each time.
        values = numpy.zeros((len(doc), 1), dtype="int64")
        for token in doc:
            i = token.i
            if token.is_space:
                values[i] = -1 if i else 1
                newline = newline or "\n" in token.text
                continue
            idx = token.idx
            if prev is None or newline or "\n" in prev.whitespace_:
                values[i] = 1
                heading_end = whole.get(idx, -1)
            elif idx < heading_end or depth > 0:
                values[i] = -1
            elif not self._may_start_after(doc, prev, token) or self._no_break_after(prev, token):
                values[i] = -1
            elif prev.text == "]" and token.text[:1].isupper() and _after_footnotes(doc, prev):
                values[i] = 1  # the parser keeps `1939.[1][2] Next` together
            if token.text == "[":
                depth += 1
            elif token.text == "]" and depth:
                depth -= 1
            prev = token
            newline = False
        doc.from_array([SENT_START], values.astype("uint64"))  # spaCy's encoding of -1
        return doc

    @staticmethod
    def _may_start_after(doc: Doc, prev, token) -> bool:
        """Inside a line a sentence starts only after `.`, `!` or `?` (possibly followed
        by a closing quote or bracket) or after a closing parenthesis; never after `:`
        or `;`, and a quote glued to a full stop closes the sentence before it."""
        if token.text in CLOSERS and not prev.whitespace_ and prev.text[-1:] in ".!?":
            return False
        if prev.text[-1:] in ".!?" or prev.text == ")":
            return True
        if prev.text == "]":
            return _after_footnotes(doc, prev)
        if prev.text in CLOSERS and prev.i > 0 and doc[prev.i - 1].text[-1:] in ".!?":
            return True
        return False

    def _no_break_after(self, prev, token) -> bool:
        text = prev.text
        if text in self.no_break:
            return True
        if _INITIAL.match(text) or _DOTTED.match(text):
            return token.text not in self.openers and token.text not in ("(", '"', "“")
        return False


class Segments(_SegmentationRules):
    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.set_rules(self.read_rule_files(rules, nlp.lang))

    def __call__(self, doc: Doc) -> Doc:
        lines = doc.user_data.pop("hist_lines", None)
        if lines is None:
            lines = [(ln.start, ln.end, ln.kind, ln.paragraph, ln.section) for ln in layout(doc.text, self.rules)]
        line_starts = [ln[0] for ln in lines]
        spans = []
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            span = doc[tokens[0].i: tokens[-1].i + 1]
            i = max(bisect.bisect_right(line_starts, span.start_char) - 1, 0)
            _, _, kind, paragraph, section = lines[i]
            span._.kind = kind
            span._.paragraph = paragraph
            span._.section = list(section)
            spans.append(span)
        doc.spans[ext.SEGMENTS] = spans
        return doc


# `rules`: a folder holding rules.json; None is the package's models/segmentation/en.
@Language.factory("hist_segment_rules", default_config={"rules": None},
                  assigns=["token.is_sent_start"])
def make_segment_rules(nlp: Language, name: str, rules: str | None):
    return SegmentRules(nlp, name, rules)


@Language.factory("hist_segments", default_config={"rules": None}, requires=["doc.sents"],
                  assigns=["span._.kind", "span._.paragraph", "span._.section"])
def make_segments(nlp: Language, name: str, rules: str | None):
    return Segments(nlp, name, rules)
