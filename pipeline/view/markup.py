"""Text with its annotations as properly nested HTML, whatever the spans do.

Entities, timexes and event triggers may nest or cross (a trigger inside an EVENT
entity, an entity that runs past a timex). HTML elements must nest, so a span that is
still open when an inner one has to close is closed and reopened around it: each
piece is an element, and only the first piece of a span carries `data-first` (what a
count of highlighted records selects) and the last one its label, as displaCy puts
the label at the end of a span.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Mark:
    """A span to highlight: [start, end) in the text, an element with classes and
    data attributes, and an optional label shown at its end."""

    start: int
    end: int
    css: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)
    label: str | None = None
    rank: int = 0  # at equal spans the lower rank is the outer element


def _open(mark: Mark, first: bool) -> str:
    attrs = "".join(f' {k}="{escape(str(v))}"' for k, v in mark.attrs.items())
    return f'<span class="{mark.css}"{attrs}{" data-first" if first else ""}>'


def _close(mark: Mark, last: bool) -> str:
    label = f'<span class="lbl">{escape(mark.label)}</span>' if last and mark.label else ""
    return f"{label}</span>"


def render(text: str, marks: list[Mark], offset: int = 0) -> str:
    """HTML of text (which starts at `offset` of the document) with marks whose
    offsets are the document's; marks are clipped to the text, empty ones dropped."""
    end_of_text = offset + len(text)
    marks = [m for m in marks if m.start < end_of_text and m.end > offset and m.start < m.end]
    opens: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        opens.setdefault(max(m.start, offset), []).append(m)
    closes = {min(m.end, end_of_text) for m in marks}
    cuts = sorted(set(opens) | closes | {offset, end_of_text})
    out: list[str] = []
    stack: list[Mark] = []
    for n, pos in enumerate(cuts):
        # close what ends here; whatever is above it is closed and reopened after
        ending = {k for k, m in enumerate(stack) if min(m.end, end_of_text) == pos}
        if ending:
            lowest = min(ending)
            for k in range(len(stack) - 1, lowest - 1, -1):
                out.append(_close(stack[k], k in ending))
            stack = [m for k, m in enumerate(stack) if k not in ending]
            for m in stack[lowest:]:
                out.append(_open(m, False))
        for m in opens.get(pos, []):
            out.append(_open(m, True))
            stack.append(m)
        if n + 1 < len(cuts):
            out.append(escape(text[pos - offset:cuts[n + 1] - offset]))
    for m in reversed(stack):
        out.append(_close(m, True))
    return "".join(out)
