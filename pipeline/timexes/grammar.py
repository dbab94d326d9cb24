"""A character-level grammar of temporal expressions, compiled from a language's data.

Why characters, not tokens: spaCy keeps `1932–33`, `mid-1903` and `24–25` as single
tokens, so a range's two endpoints often live inside one token. The words of a language
are in `models/timexes/<lang>/lexicon.json` and its expressions in
`models/timexes/<lang>/grammar.json` (regular-expression templates over named pieces
and lexicon entries); this module only expands and compiles them, so a second language
is a second data folder. A `Grammar` is built from the two parsed files (the timex
component owns them, see component.py) and holds no other state: `find` returns the
matches in a text (leftmost, longest alternative first), `patterns` the compiled
templates the normaliser reads one expression with (normalise.py).
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from ..rules import read_rules, stage_rules_dir
from .heads import HeadIndex

DASH = r"\s?[–—-]\s?"
DEFAULT_FOLDER = stage_rules_dir("timexes", "en")
FILES = ("lexicon.json", "grammar.json")
_PLACEHOLDER = re.compile(r"\{(?:(alt|cap|after):)?([A-Za-z_][\w.]*)\}")


def _after(words) -> str:
    """Lookbehinds for `word ` and `Word `: a lookbehind has a fixed width, so one per
    word length, each an alternation of the words of that length (fewer lookbehinds
    tried at every position of the scan)."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:])}
    by_len: dict[int, list[str]] = {}
    for f in sorted(forms):
        by_len.setdefault(len(f), []).append(re.escape(f))
    return "(?:" + "|".join(rf"(?<=\b(?:{'|'.join(fs)})\s)" for _, fs in sorted(by_len.items())) + ")"


def _alt(words, escape=True) -> str:
    items = sorted((w for w in words if not w.endswith("_")), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


def _expand(template: str, known: dict[str, str], lx: dict) -> str:
    """Fill `{piece}`, `{alt:key}`, `{cap:key}` (also capitalised), `{after:key}`;
    anything else (`{2}`) is regex syntax."""
    def fill(m: re.Match) -> str:
        how, name = m.group(1), m.group(2)
        if how is None:
            return known.get(name, m.group(0))
        words = lx
        for part in name.split("."):
            words = words[part]
        if how == "cap":  # `about` and `About`: cheaper for the scan than (?i:...)
            return _alt({f for w in words if not w.endswith("_") for f in (w, w[:1].upper() + w[1:])})
        return _alt(words) if how == "alt" else _after(words)
    return _PLACEHOLDER.sub(fill, template)


def _pieces(lx: dict, grammar: dict) -> dict[str, str]:
    """The named sub-patterns of a language, expanded in the order its grammar gives."""
    months = lx["months"]
    # an abbreviation without its dot (`Oct`, `Sept`) is a month only before a number
    dotless = [m for m in months if not m.endswith(".")
               and any(o != m and o.startswith(m) and not o.startswith(m + ".") for o in months)]
    abbreviated = rf"|(?:{_alt(dotless)})(?=\s[0-9])" if dotless else ""
    known = {"DASH": DASH, "month": rf"(?:{_alt([m for m in months if m not in dotless])}{abbreviated})(?![a-z])"}
    for name, template in grammar["pieces"].items():
        known[name] = _expand(template, known, lx)
    return known


class Grammar:
    """The temporal expressions of one language, compiled from its lexicon and grammar
    (the parsed `lexicon.json` and `grammar.json` of its folder)."""

    def __init__(self, lexicon: dict, grammar: dict):
        self.lexicon = lexicon
        self.pieces = _pieces(lexicon, grammar)
        rules = [(name, _expand(template, self.pieces, lexicon)) for name, template in grammar["rules"]]
        # The rules one by one, and which of them each word can begin (heads.py): `find`
        # tries only those at each word, a fifth of the cost of the alternation below.
        # Every expression starts with a word character, hence the \b.
        self._expanded = rules
        self.kinds = [name for name, _ in rules]
        self.rules = [re.compile(rf"\b(?:{rx})") for _, rx in rules]
        self.heads = HeadIndex.of(self.rules)
        # the templates the normaliser reads the parts of one expression with
        self.patterns = {name: re.compile(_expand(template, self.pieces, lexicon))
                         for name, template in grammar.get("patterns", {}).items()}

    @cached_property
    def detector(self) -> re.Pattern:
        """One pattern whose alternatives are the kinds of expression, named by group:
        what `find` scans with when the rules' heads cannot be known."""
        return re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in self._expanded) + ")")

    @classmethod
    def from_folder(cls, folder: str | Path = DEFAULT_FOLDER) -> "Grammar":
        """The grammar of a language folder (default the package's English one)."""
        lexicon, grammar = (read_rules(Path(folder) / name) for name in FILES)
        return cls(lexicon, grammar)

    def find(self, text: str):
        """Yield (kind, start, end) for every expression in text, leftmost-longest:
        what `detector.finditer` yields, found by trying at each word only the rules it
        can begin (the whole alternation everywhere if the rules' heads are unknown)."""
        if self.heads is None:
            for m in self.detector.finditer(text):
                yield m.lastgroup, m.start(), m.end()
            return
        for i, m in self.heads.finditer(self.rules, text):
            yield self.kinds[i], m.start(), m.end()
