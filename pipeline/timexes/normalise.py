"""One temporal expression -> TIMEX3 type, value and mod.

Calendar strings (`2 February 1943`, `Sept. 3, 1917`, `29 December`) go to dateparser's
`DateDataParser.get_date_data`, whose `period` tells the granularity; which parts were
actually written (a year or not) is decided here, so no part is ever taken from today.
Decades, centuries, seasons, ranges, modifiers, durations and anaphora are ours.
Expressions that need the narrative come back as a template value with `XXXX` for the
missing year plus a `relation` that anchoring.py resolves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser

from .grammar import DASH, lexicon, pieces


@dataclass
class Parsed:
    type: str
    value: str | None
    mod: str | None = None
    relation: tuple | None = None  # ("year",) | ("same", unit) | ("shift", unit, n) | ("next_month", m)


_PARSER = None


def _parser() -> DateDataParser:
    global _PARSER
    if _PARSER is None:
        _PARSER = DateDataParser(languages=["en"], settings={
            "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": datetime(2000, 1, 1),
            "PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False})
    return _PARSER


@lru_cache(maxsize=4096)
def calendar_value(text: str) -> str | None:
    """`2 February 1943` -> 1943-02-02, `August 1894` -> 1894-08, `29 December` -> XXXX-12-29."""
    holiday = _holiday(text)
    if holiday:
        return holiday
    if not (re.search(pieces()["month"], text) or re.fullmatch(r"\s*\d{4}\s*", text)):
        return None  # `a week later`, `the day`: dateparser would read them relative to a base
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(" of ", " "))
    data = _parser().get_date_data(clean)
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    has_year = re.search(r"\b\d{4}\b", text) is not None
    year = f"{d.year:04d}" if has_year else "XXXX"
    if period == "year":
        return year if has_year else None
    if period == "month":
        return f"{year}-{d.month:02d}"
    return f"{year}-{d.month:02d}-{d.day:02d}"


def _holiday(text: str) -> str | None:
    for name, md in lexicon()["holidays"].items():
        if text.startswith(name):
            y = re.search(r"\d{4}", text)
            return f"{y.group(0) if y else 'XXXX'}-{md}"
    return None


def _strip_mod(text: str) -> tuple[str, str | None]:
    """Split a leading modifier (`early`, `the end of`, `about`, `mid-`) from the rest."""
    mods = lexicon()["mods"]
    t = re.sub(r"^in or ", "", text)
    mod = None
    for _ in range(2):
        low = t.lower()
        low_nothe = re.sub(r"^the ", "", low)
        for word in sorted(mods, key=len, reverse=True):
            for cand, cut in ((low, 0), (low_nothe, len(low) - len(low_nothe))):
                if cand.startswith(word) and len(cand) > len(word) and cand[len(word)] in " -":
                    mod = mod or mods[word]
                    t = t[cut + len(word):].lstrip(" -")
                    break
            else:
                continue
            break
    t = re.sub(r"^(?:[Tt]he|of)\s", "", t)
    return t, mod


def _number(word: str) -> float | None:
    words = lexicon()["number_words"]
    w = word.lower()
    if w in words:
        return words[w]
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    return None


def _range(text: str) -> str | None:
    """`1937–1938`, `1932–33`, `July–August 1935`, `24–25 October`, `1934 and 1939`."""
    p = pieces()
    m = re.fullmatch(rf"({p['year']}){DASH}(\d{{2,4}})", text)
    if m:
        a, b = m.group(1), m.group(2)
        b = a[: 4 - len(b)] + b
        return f"{a}/{b}"
    m = re.fullmatch(rf"({p['day']}){DASH}({p['day']})\s({p['month']})(?:,?\s({p['year']}))?", text)
    if m:
        tail = f" {m.group(3)}" + (f" {m.group(4)}" if m.group(4) else "")
        a, b = calendar_value(m.group(1) + tail), calendar_value(m.group(2) + tail)
        return f"{a}/{b}" if a and b else None
    m = re.fullmatch(rf"({p['month']}){DASH}({p['month']})\s({p['year']})", text)
    if m:
        a, b = calendar_value(f"{m.group(1)} {m.group(3)}"), calendar_value(f"{m.group(2)} {m.group(3)}")
        return f"{a}/{b}" if a and b else None
    m = re.fullmatch(r"(.+?)\s(?:and|to|until|till|through)\s(.+)", text)
    if m:
        a, b = absolute_value(_strip_mod(m.group(1))[0]), absolute_value(_strip_mod(m.group(2))[0])
        if a and b and "/" not in a and "/" not in b:
            if a.startswith("XXXX") and not b.startswith("XXXX"):
                a = b[:4] + a[4:]
            return f"{a}/{b}"
    return None


def absolute_value(text: str) -> str | None:
    """Value of a date without modifier: calendar string, decade, century or range."""
    p = pieces()
    text = re.sub(r"^[Tt]he\s", "", text.strip())
    rng = _range(text)
    if rng:
        return rng
    if re.fullmatch(p["decade"], text):
        return text[:3]
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)[\s-]century|({'|'.join(lexicon()['ordinals'])})[\s-]century", text, re.I)
    if m:
        n = int(m.group(1)) if m.group(1) else lexicon()["ordinals"][m.group(2).lower()]
        return f"{n - 1:02d}"
    return calendar_value(text)


def parse(kind: str, text: str) -> Parsed | None:
    """TIMEX3 reading of one matched expression; None when it is no timex after all."""
    lx = lexicon()
    low = text.lower()
    if kind == "set":
        word = low.split()[-1]
        if word in lx["sets"]:
            return Parsed("SET", lx["sets"][word])
        unit = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D"}.get(word)
        return Parsed("SET", unit or "P1Y")
    if kind == "now":  # the component keeps it only in present-tense narration
        return Parsed("DATE", "PRESENT_REF")
    if kind == "ref":
        core = re.sub(r"^the ", "", low)
        for key, value in (("present_ref", "PRESENT_REF"), ("past_ref", "PAST_REF"), ("future_ref", "FUTURE_REF")):
            if low in lx[key] or core in lx[key]:
                return Parsed("DATE", value)
        return None
    if kind == "time":
        m = re.match(r"(\d{1,2})(?::(\d\d))?\s?(am|pm|a\.m\.|p\.m\.)", low)
        if m:
            hour = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
            return Parsed("TIME", f"XXXX-XX-XXT{hour:02d}:{m.group(2) or '00'}")
        part = lx["parts_of_day"].get(low)
        return Parsed("TIME", "XXXX-XX-XX" + (part if part.startswith("T") else f"T{part}")) if part else None
    if kind == "part_of_date":
        m = re.match(r"(?:the\s)?(early hours|morning|afternoon|evening|night)\sof\s(.+)", text, re.I)
        day = absolute_value(m.group(2)) if m else None
        if not day or len(day) != 10:
            return None
        part = lx["parts_of_day"]["the early hours" if m.group(1).lower() == "early hours" else m.group(1).lower()]
        return Parsed("TIME", f"{day}T{part}", "START" if m.group(1).lower() == "early hours" else None,
                      ("year",) if day.startswith("XXXX") else None)
    if kind == "age":
        nums = re.findall(r"\d+|[a-z]+", low.split("age", 1)[1])
        values = [_number(n) for n in nums if _number(n)]
        if not values:
            return None
        return Parsed("DURATION", f"P{int(values[0])}Y", "APPROX" if len(values) > 1 else None)
    if kind == "duration":
        return _duration(low)
    if kind == "shift":
        m = re.match(rf"(.+?)\s({pieces()['unit']})\s(\w+)", low)
        n = _number(m.group(1)) if m else None
        if n is None:
            return None
        sign = -1 if m.group(3) in lx["earlier_words"] else 1
        return Parsed("DATE", None, None, ("shift", _unit_name(m.group(2)), int(n) * sign))
    if kind == "anaphoric":
        return _anaphoric(text)
    if kind == "deictic":  # resolved against the document creation date, if any
        if low in ("yesterday", "tomorrow"):
            return Parsed("DATE", None, None, ("dct", "day", -1 if low == "yesterday" else 1))
        direction, unit = low.split()
        return Parsed("DATE", None, None, ("dct", unit, -1 if direction == "last" else 1))
    # calendar kinds: date, month_alone, season, quarter, decade, century, range_words
    rest, mod = _strip_mod(text)
    if kind == "season":
        m = re.search(rf"({pieces()['season']})\s(?:of\s)?(\d{{4}})", rest, re.I)
        return Parsed("DATE", f"{m.group(2)}-{lx['seasons'][m.group(1).lower()]}", mod) if m else None
    if kind == "quarter":
        m = re.search(r"(first|second|third|fourth|last)\s(quarter|half)\sof\s(\d{4})", rest, re.I)
        if not m:
            return None
        idx = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4 if m.group(2) == "quarter" else 2}[m.group(1).lower()]
        return Parsed("DATE", f"{m.group(3)}-{'Q' if m.group(2).lower() == 'quarter' else 'H'}{idx}", mod)
    value = absolute_value(rest)
    if value is None:
        return None
    if "/" in value and mod in ("START", "MID", "END"):
        mod = None  # `the late 1920s to the 1930s`: the part-of modifier is one endpoint's
    relation = ("year",) if "XXXX" in value else None
    return Parsed("DATE", value, mod, relation)


def _unit_name(unit: str) -> str:
    code = lexicon()["units"][unit]
    return {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century"}.get(code, "day")


def _duration(low: str) -> Parsed | None:
    lx = lexicon()
    if re.fullmatch(r"decades", low):
        return Parsed("DURATION", "PXDE")
    vague = re.fullmatch(r"(?:the\s)?(?:coming|following|next|past|last|preceding\s)?\s?(years|months|weeks|decades)", low)
    if vague:  # `the coming years`, `over the years`: an unstated number of units
        return Parsed("DURATION", f"PX{lx['units'][vague.group(1)]}")
    m = re.search(rf"(?:(.+?)\s(?:more\s|further\s|long\s)?|(.+?)-)({pieces()['unit']})(\sand\sa\shalf)?$", low)
    if not m:
        return None
    head = (m.group(1) or m.group(2) or "").strip()
    head = re.sub(r"^(?:the\s)?(?:next|last|past|first|following|previous)\s", "", head)
    code = lx["units"][m.group(3)]
    if head in lx["vague_numbers"]:
        return Parsed("DURATION", f"PX{code}")
    n = _number(head)
    if n is None:
        return None
    if m.group(4) and code == "DE":
        return Parsed("DURATION", f"P{int(n * 10 + 5)}Y")
    if m.group(4):
        return Parsed("DURATION", f"P{n + 0.5:g}{code}")
    if code == "H" or code == "MIN":
        return Parsed("DURATION", f"PT{int(n)}{'M' if code == 'MIN' else 'H'}")
    return Parsed("DURATION", f"P{n:g}{code}")


def _anaphoric(text: str) -> Parsed | None:
    lx = lexicon()
    low = text.lower()
    last = text.split()[-1]
    month = lx["months"].get(last)
    season = lx["seasons"].get(last.lower())
    unit = last.lower() if last.lower() in ("year", "month", "week", "day", "decade") else None
    head = low[: low.rfind(" ")].strip()
    for prefix in ("in ",):
        head = head[len(prefix):] if head.startswith(prefix) else head
    if head in lx["anaphoric_next"]:
        if unit == "decade":  # `the next decade`: a stretch of time, not a calendar decade
            return Parsed("DURATION", "P1DE")
        if month:
            return Parsed("DATE", None, None, ("next_month", month))
        if season:
            return Parsed("DATE", None, None, ("next_season", season))
        return Parsed("DATE", None, None, ("shift", unit, 1)) if unit else None
    if head in lx["anaphoric_prev"]:
        return Parsed("DATE", None, None, ("shift", unit, -1)) if unit else None
    if month:
        return Parsed("DATE", None, None, ("month", month))
    if season:
        return Parsed("DATE", None, None, ("season", season))
    return Parsed("DATE", None, None, ("same", unit)) if unit else None
