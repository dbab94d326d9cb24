"""Line-level layout: which lines are titles, headings or captions, and the section tree.

Works on the raw text only, so it is cheap and runs before the parser: heading and
caption lines then become segments of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_YEAR_END = re.compile(r"(?:\b1\d{3}|\b20\d{2}|\b\d{3}0s)\W{0,2}$")
_DATED = re.compile(r"\b\d{3,4}s?\s*(?:[–-]\s*\d{2,4})?\s*$")


@dataclass
class Line:
    start: int
    end: int
    text: str
    paragraph: int
    blank_before: bool
    blank_after: bool
    kind: str = "body"
    section: list[str] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets (stripped) and paragraph index."""
    lines: list[Line] = []
    pos = 0
    raw = text.split("\n")
    for i, chunk in enumerate(raw):
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            before = i == 0 or not raw[i - 1].strip()
            after = i == len(raw) - 1 or not raw[i + 1].strip()
            lines.append(Line(start, start + len(stripped), stripped, len(lines), before, after))
        pos += len(chunk) + 1
    return lines


def layout(text: str, rules: dict) -> list[Line]:
    """The classified lines of a text: what the segments stage and the runner (for a
    document processed in chunks) both read kind, paragraph and section from."""
    lines = split_lines(text)
    classify(lines, rules)
    return lines


def classify(lines: list[Line], rules: dict) -> None:
    """Set kind and section of every line in place."""
    for i, line in enumerate(lines):
        words = line.text.split()
        first = line.text[0]
        short = len(words) <= rules["heading_max_words"] and len(line.text) <= rules["heading_max_chars"]
        if first.islower() or not first.isalnum() and first not in "\"'“‘([":
            line.kind = "caption"
        elif short and line.text[-1] not in ".!?;,:" and len(lines) > 1:
            line.kind = "title" if i == 0 else "heading"
        elif (len(words) <= rules["caption_max_words"] and _YEAR_END.search(line.text)
              and not (line.blank_before and line.blank_after) and line.text.count(".") <= 1
              and "," in line.text):
            line.kind = "caption"
    _assign_sections(lines)


def _assign_sections(lines: list[Line]) -> None:
    """Nest headings: a heading right after another is its child; a dated heading
    (`Title: 1905–1912`) is a sibling of the last dated one; an undated heading that
    opens a run of headings starts a top-level section; a lone undated heading is a
    sibling of an undated predecessor and a child of a dated one."""
    stack: list[tuple[int, str, bool]] = []  # (level, text, dated)
    last_dated_level = None
    prev_heading = None  # (level, dated)
    for i, line in enumerate(lines):
        if line.kind != "heading":
            line.section = [t for _, t, _ in stack]
            continue
        dated = bool(_DATED.search(line.text))
        follows_heading = i > 0 and lines[i - 1].kind == "heading"
        opens_run = i + 1 < len(lines) and lines[i + 1].kind == "heading"
        if follows_heading and prev_heading:
            level = prev_heading[0] + 1
        elif dated and last_dated_level is not None:
            level = last_dated_level
        elif opens_run or prev_heading is None:
            level = 1
        elif not prev_heading[1]:
            level = prev_heading[0]
        else:
            level = prev_heading[0] + 1
        stack = [s for s in stack if s[0] < level]
        line.section = [t for _, t, _ in stack]
        stack.append((level, line.text, dated))
        if dated:
            last_dated_level = level
        prev_heading = (level, dated)
