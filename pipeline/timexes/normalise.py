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

from .calendar import astronomical, interval, iso_key, parts, year_value
from .grammar import DASH, lexicon, pieces


@dataclass
class Parsed:
    type: str
    value: str | None
    mod: str | None = None
    relation: tuple | None = None  # ("year",) | ("era",) | ("same", unit) | ("shift", unit, n) | ("next_month", m)


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
    """`2 February 1943` -> 1943-02-02, `August 1894` -> 1894-08, `29 December` -> XXXX-12-29,
    `15 March 44 BC` -> BC0044-03-15, `1939-08-23` -> itself."""
    holiday = _holiday(text)
    if holiday:
        return holiday
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return text  # ISO 8601 as written; a day the calendar lacks gets a null interval
    read = _day_month_year(text)
    if read is not None:
        return read or None
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


def _day_month_year(text: str) -> str | None:
    """Our reading of `[day] [month] [year] [era]` in any order English writes them:
    the value, '' when the words are a date but not a valid one, None when the text has
    other words (dateparser is asked then). Years of any length with an era, three or
    four digits without; a lone number of one or two digits after a month is its day."""
    p, lx = pieces(), lexicon()
    t = re.sub(r"(?<=[0-9])(?:st|nd|rd|th)\b", "", text)
    month = None
    if m := re.search(p["month"], t):
        month = lx["months"][m.group(0)]
        t = t[:m.start()] + " " + t[m.end():]
    bc = re.search(rf"(?<![A-Za-z])(?:{p['era_bc']})(?![A-Za-z])", t)
    t, era = re.subn(rf"(?<![A-Za-z])(?:{p['era_bc']}|{p['era']}|{p['era_pre']})(?![A-Za-z])", " ", t)
    if re.sub(r"\b(?:of|the)\b|[,\s]", "", t).strip("0123456789"):
        return None
    numbers = re.findall(r"[0-9]+", t)
    if not numbers and not month or len(numbers) > 2:
        return None
    day = year = None
    if len(numbers) == 2:
        day, year = int(numbers[0]), numbers[1]
    elif numbers and month and len(numbers[0]) <= 2 and not era:
        day = int(numbers[0])
    elif numbers:
        year = numbers[0]
    if year is not None and (int(year) == 0 or (len(year) < 3 and not era) or (not month and len(year) < 4 and not era)):
        return ""
    if (day is not None and not (month and 1 <= day <= 31)):
        return ""
    y = year_value(astronomical("BC" if bc else None, year)) if year else "XXXX"
    if not month:
        return y
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")


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


def _years(a: str, sep: str, b: str, era: str | None) -> str | None:
    """Two written year numbers joined by a dash or a word: `1932–33`, `480–479 BC`,
    `499 to 493 BC`; or `1939-08`, an ISO month (a hyphen, a month number, and a range
    that would run backwards)."""
    if sep == "-" and len(a) == 4 and len(b) == 2 and not era and 1 <= int(b) <= 12 and int(b) < int(a[2:]):
        return f"{a}-{b}"
    bc = bool(era and re.fullmatch(pieces()["era_bc"], era))
    if len(b) < len(a):
        full = a[: len(a) - len(b)] + b
        if not bc and int(full) < int(a):  # `1999–02`: the next century
            full = str(int(full) + 10 ** len(b))
        b = full
    if not era and (len(a) < 4 or len(b) < 4):
        return None
    first, last = (year_value(astronomical("BC" if bc else None, n)) for n in (a, b))
    return f"{first}/{last}" if first and last and int(a) and int(b) else None


def _earlier_year(a: str, b: str) -> str:
    """An endpoint that took its year from the other (`November 15 to February 15, 1989`):
    the year before when it would otherwise come after that other endpoint."""
    first, last = interval(a)[0], interval(b)[0]
    if first and last and iso_key(first) > iso_key(last):
        y = year_value(parts(a)[0] - 1)
        return y + a[a.index("-"):] if y else a
    return a


def _borrow_year(a: str, b: str) -> str:
    """`XXXX-11-15` with `1989-02-15` -> `1988-11-15` (see _earlier_year)."""
    y = year_value(parts(b)[0]) if parts(b)[0] is not None else None
    return _earlier_year(a.replace("XXXX", y), b) if y and a.startswith("XXXX") else a


def _range(text: str) -> str | None:
    """`1937–1938`, `1932–33`, `July–August 1935`, `24–25 October`, `1934 and 1939`."""
    p = pieces()
    m = re.fullmatch(rf"(?:(?:{p['era_pre']})\s?)?([0-9]{{1,4}})({DASH}|\s(?:to|and|until)\s)([0-9]{{1,4}})(?:\s?({p['era']}))?", text)
    if m:
        return _years(m.group(1), m.group(2), m.group(3), m.group(4))
    m = re.fullmatch(rf"({p['day']}){DASH}({p['day']})\s({p['month']})(?:,?\s({p['year']}))?", text)
    if m:
        tail = f" {m.group(3)}" + (f" {m.group(4)}" if m.group(4) else "")
        a, b = calendar_value(m.group(1) + tail), calendar_value(m.group(2) + tail)
        return f"{a}/{b}" if a and b else None
    m = re.fullmatch(rf"({p['month']})(?:{DASH}|/)({p['month']})\s({p['year']})", text)
    if m:
        a, b = calendar_value(f"{m.group(1)} {m.group(3)}"), calendar_value(f"{m.group(2)} {m.group(3)}")
        return f"{_earlier_year(a, b)}/{b}" if a and b else None
    m = re.fullmatch(r"(.+?)(?:\s(?:and|to|until|till|through)\s|\s?[–—]\s?|\s-\s|(?<=[A-Za-z.])-(?=[0-9]))(.+)", text)
    if m:
        a, b = absolute_value(_strip_mod(m.group(1))[0]), absolute_value(_strip_mod(m.group(2))[0])
        if a and b and "/" not in a and "/" not in b:
            if not b.startswith("XXXX"):
                a = _borrow_year(a, b)
            return f"{a}/{b}"
    return None


def absolute_value(text: str) -> str | None:
    """Value of a date without modifier: calendar string, decade, century or range."""
    p, lx = pieces(), lexicon()
    text = re.sub(r"^[Tt]he\s", "", text.strip())
    rng = _range(text)
    if rng:
        return rng
    if re.fullmatch(p["decade"], text):
        digits = re.match(r"[0-9]+", text).group(0)[:-1]
        return f"BC{int(digits):03d}" if re.search(p["era_bc"], text) else digits.zfill(3)
    m = re.fullmatch(rf"(?:(\d{{1,2}})(?:st|nd|rd|th)|({'|'.join(lx['ordinals'])}))[\s-]century(?:\s({p['era']}))?", text, re.I)
    if m:
        n = int(m.group(1)) if m.group(1) else lx["ordinals"][m.group(2).lower()]
        bc = m.group(3) and re.fullmatch(p["era_bc"], m.group(3))
        return f"{'BC' if bc else ''}{n - 1:02d}"
    return calendar_value(text)


def parse(kind: str, text: str) -> Parsed | None:
    """TIMEX3 reading of one matched expression; None when it is no timex after all."""
    lx = lexicon()
    low = text.lower()
    if kind == "set":  # `daily`, `every year`, `per month`, `twice a week`, `every summer`, `each May`
        word = low.split()[-1]
        if word in lx["sets"]:
            return Parsed("SET", lx["sets"][word])
        if word in lx["seasons"]:
            return Parsed("SET", f"XXXX-{lx['seasons'][word]}")
        month = lx["months"].get(text.split()[-1])
        if month:
            return Parsed("SET", f"XXXX-{month:02d}")
        unit = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D", "hour": "PT1H", "decade": "P10Y"}.get(word)
        return Parsed("SET", unit or "P1Y")
    if kind == "part_of_month":
        m = re.match(r"(?:the\s)?(\w+)\s.*?\sof\s(.+)$", text, re.I)
        value = absolute_value(m.group(2)) if m else None
        if not value or "/" in value:
            return None
        return Parsed("DATE", value, lx["month_parts"][m.group(1).lower()], ("year",) if "XXXX" in value else None)
    if kind == "of_that_year":  # `July 25 of that year`: the year of the reference, no rollover
        rest = re.sub(rf",?\s(?:{'|'.join(map(re.escape, lx['same_year_phrases']))})$", "", text)
        value = calendar_value(rest)
        return Parsed("DATE", value, None, ("year", "same")) if value and value.startswith("XXXX") else None
    if kind == "season_alone":  # `in the summer`, `Winter`: the year comes from the story
        rest, mod = _strip_mod(text)
        return Parsed("DATE", None, mod, ("season", lx["seasons"][rest.split()[-1].lower()]))
    if kind == "clock":  # `19:15`, `5:30 PM`, `03:00hrs`, `11 a.m.`: on the story's day when it has one
        m = re.match(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s?(.*)$", text)
        hour, minute, shift = int(m.group(1)), m.group(2) or "00", lx["clock_suffixes"].get(m.group(3))
        if shift is not None:
            hour = hour % 12 + shift
        return Parsed("TIME", f"XXXX-XX-XXT{hour:02d}:{minute}", None, ("day_time", f"T{hour:02d}:{minute}", 0))
    if kind == "day_part":  # `that afternoon`, `the next morning` (story's day); `at night` (any day)
        part = next((code for word, code in sorted(lx["parts_of_day"].items(), key=lambda kv: -len(kv[0]))
                     if low.endswith(word)), None)
        if part is None:
            return None
        t = part if part.startswith("T") else f"T{part}"
        head = low[: low.rfind(" ")] if " " in low else ""
        if head in ("that", "this", "the same") or head in lx["anaphoric_same"]:
            return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, 0))
        if head in lx["anaphoric_next"]:
            return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, 1))
        if head in lx["anaphoric_prev"]:
            return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, -1))
        return Parsed("TIME", f"XXXX-XX-XX{t}")
    if kind == "early_year":  # `in 476`; BC when the story is (anchoring.py)
        nums = re.findall(r"[0-9]+", text)
        if len(nums) > 1 and len(nums[1]) < len(nums[0]):
            nums[1] = nums[0][: len(nums[0]) - len(nums[1])] + nums[1]
        return Parsed("DATE", "/".join(year_value(int(n)) for n in nums), None, ("era",))
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
    if kind == "shift":  # `two days later`, `about a week earlier` (APPROX)
        mod = None
        for word in sorted(lx["duration_mods"], key=len, reverse=True):
            if low.startswith(word + " "):
                mod, low = lx["duration_mods"][word], low[len(word) + 1:]
                mod = "APPROX" if mod else None  # `over a year earlier`: a point, only approximate
                break
        m = re.match(rf"(.+?)\s({pieces()['unit']})\s(\w+)", low)
        n = _number(m.group(1)) if m else None
        if n is None:
            return None
        sign = -1 if m.group(3) in lx["earlier_words"] else 1
        return Parsed("DATE", None, mod, ("shift", _unit_name(m.group(2)), int(n) * sign))
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
        m = re.search(r"(\w+)\s(quarter|half)\sof\s(.+)$", text, re.I)
        year = absolute_value(m.group(3)) if m else None
        if not year or "-" in year or "/" in year:
            return None
        if m.group(2).lower() == "half":
            return Parsed("DATE", f"{year}-H{lx['halves'][m.group(1).lower()]}", None)
        idx = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group(1).lower()]
        return Parsed("DATE", f"{year}-Q{idx}", None)
    value = absolute_value(rest)
    if value is None:
        return None
    if "/" in value and mod in ("START", "MID", "END"):
        mod = None  # `the late 1920s to the 1930s`: the part-of modifier is one endpoint's
    relation = ("year",) if "XXXX" in value else None
    return Parsed("DATE", value, mod, relation)


def _unit_name(unit: str) -> str:
    code = lexicon()["units"][unit]
    return {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
            "H": "hour", "MIN": "minute"}.get(code, "day")


def _duration(low: str) -> Parsed | None:
    """`three years`, `about a week` (APPROX), `more than a century` (AFTER: longer than),
    `less than two weeks` (BEFORE), `the coming years` (PXY)."""
    lx = lexicon()
    for word in sorted(lx["duration_mods"], key=len, reverse=True):
        if low.startswith(word + " "):
            found = _duration(low[len(word) + 1:])
            return Parsed(found.type, found.value, lx["duration_mods"][word]) if found else None
    if re.fullmatch(r"decades", low):
        return Parsed("DURATION", "PXDE")
    vague = re.fullmatch(r"(?:the\s)?(?:coming|following|next|past|last|preceding\s)?\s?(years|months|weeks|decades)", low)
    if vague:  # `the coming years`, `over the years`: an unstated number of units
        return Parsed("DURATION", f"PX{lx['units'][vague.group(1)]}")
    clock = re.fullmatch(rf"(?:(.+?)\s)?({pieces()['unit']})", low)
    if clock and lx["units"][clock.group(2)] in ("H", "MIN") and clock.group(1) in lx["vague_numbers"]:
        return Parsed("DURATION", f"PTX{'M' if lx['units'][clock.group(2)] == 'MIN' else 'H'}")  # `a few hours`
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
    rest, mod = _strip_mod(text)
    if mod and re.sub(r"^the\s", "", rest.lower()) in ("year", "month"):  # `the end of the year`
        return Parsed("DATE", None, mod, ("same", unit))
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
