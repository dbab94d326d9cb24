"""One temporal expression -> TIMEX3 type, value and mod.

Calendar strings (`2 February 1943`, `Sept. 3, 1917`, `29 December`) go to dateparser's
`DateDataParser.get_date_data`, whose `period` tells the granularity; which parts were
actually written (a year or not) is decided here, so no part is ever taken from today.
Decades, centuries, seasons, ranges, modifiers, durations and anaphora are ours.
Expressions that need the narrative come back as a template value with `XXXX` for the
missing year plus a `relation` that anchoring.py resolves.

The words and the patterns that take an expression apart are the language's data
(`patterns` of grammar.json, lexicon.json): a `Normaliser` is built from a `Grammar` and
reads only through it, so another language is another data folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateparser.date import DateDataParser

from .calendar import astronomical, interval, iso_key, parts, year_value
from .grammar import Grammar

_CACHE_SIZE = 4096  # calendar strings read per normaliser before its cache starts over


@dataclass
class Parsed:
    type: str
    value: str | None
    mod: str | None = None
    relation: tuple | None = None  # ("year",) | ("era",) | ("same", unit) | ("shift", unit, n) | ("next_month", m) ...


class Normaliser:
    """TIMEX3 readings of the expressions a grammar finds (`parse`)."""

    def __init__(self, grammar: Grammar):
        self.lx = grammar.lexicon
        self.rx = grammar.patterns
        self._dateparser: DateDataParser | None = None  # built on first use: it is slow to make
        self._calendar: dict[str, str | None] = {}
        self._mods = sorted(self.lx["mods"], key=len, reverse=True)
        self._duration_mods = sorted(self.lx["duration_mods"], key=len, reverse=True)
        self._parts_of_day = sorted(self.lx["parts_of_day"].items(), key=lambda kv: -len(kv[0]))

    def _parser(self) -> DateDataParser:
        if self._dateparser is None:
            self._dateparser = DateDataParser(languages=self.lx["dateparser_languages"], settings={
                "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": datetime(2000, 1, 1),
                "PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False})
        return self._dateparser

    def calendar_value(self, text: str) -> str | None:
        """`2 February 1943` -> 1943-02-02, `August 1894` -> 1894-08, `29 December` -> XXXX-12-29,
        `15 March 44 BC` -> BC0044-03-15, `1939-08-23` -> itself."""
        if text not in self._calendar:
            if len(self._calendar) >= _CACHE_SIZE:
                self._calendar.clear()
            self._calendar[text] = self._calendar_value(text)
        return self._calendar[text]

    def _calendar_value(self, text: str) -> str | None:
        holiday = self._holiday(text)
        if holiday:
            return holiday
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return text  # ISO 8601 as written; a day the calendar lacks gets a null interval
        read = self._day_month_year(text)
        if read is not None:
            return read or None
        if not (self.rx["month"].search(text) or re.fullmatch(r"\s*\d{4}\s*", text)):
            return None  # `a week later`, `the day`: dateparser would read them relative to a base
        clean = self.rx["ordinal_suffix"].sub("", self.rx["calendar_filler"].sub(" ", text))
        data = self._parser().get_date_data(clean)
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

    def _day_month_year(self, text: str) -> str | None:
        """Our reading of `[day] [month] [year] [era]` in any order the language writes
        them: the value, '' when the words are a date but not a valid one, None when the
        text has other words (dateparser is asked then). Years of any length with an
        era, three or four digits without; a lone number of one or two digits after a
        month is its day."""
        t = self.rx["ordinal_suffix"].sub("", text)
        month = None
        if m := self.rx["month"].search(t):
            month = self.lx["months"][m.group(0)]
            t = t[:m.start()] + " " + t[m.end():]
        bc = self.rx["era_bc_word"].search(t)
        t, era = self.rx["era_word"].subn(" ", t)
        if self.rx["date_noise"].sub("", t).strip("0123456789"):
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

    def _holiday(self, text: str) -> str | None:
        """`Christmas Day 800` -> 0800-12-25: after a holiday's name a number of three or four
        digits is a year, with or without an era (`Easter 33 AD`)."""
        named = re.sub(r"^[Tt]he\s", "", text)
        for name, md in self.lx["holidays"].items():
            if named.startswith(name):
                rest = named[len(name):].strip(" ,")
                if not rest:
                    return f"XXXX-{md}"
                if re.fullmatch(r"[0-9]{3,4}", rest):
                    return f"{int(rest):04d}-{md}"
                year = self._day_month_year(rest)
                return f"{year}-{md}" if year and "-" not in year else None
        return None

    def strip_mod(self, text: str) -> tuple[str, str | None]:
        """Split a leading modifier (`early`, `the end of`, `about`, `mid-`) from the rest."""
        mods = self.lx["mods"]
        t = self.rx["mod_lead"].sub("", text)
        mod = None
        for _ in range(2):
            low = t.lower()
            low_nothe = self.rx["the_lead"].sub("", low)
            for word in self._mods:
                for cand, cut in ((low, 0), (low_nothe, len(low) - len(low_nothe))):
                    if cand.startswith(word) and len(cand) > len(word) and cand[len(word)] in " -":
                        mod = mod or mods[word]
                        t = t[cut + len(word):].lstrip(" -")
                        break
                else:
                    continue
                break
        t = self.rx["article_lead"].sub("", t)
        return t, mod

    def _number(self, word: str) -> float | None:
        words = self.lx["number_words"]
        w = word.lower()
        if w in words:
            return words[w]
        tens, _, unit = w.partition("-")  # `seventy-nine`
        if words.get(tens, 0) >= 20 and words[tens] % 10 == 0 and 1 <= words.get(unit, 0) <= 9:
            return words[tens] + words[unit]
        if re.fullmatch(r"\d+(\.\d+)?", w):
            return float(w)
        return None

    def _years(self, a: str, sep: str, b: str, era: str | None) -> str | None:
        """Two written year numbers joined by a dash or a word: `1932–33`, `480–479 BC`,
        `499 to 493 BC`; or `1939-08`, an ISO month (a hyphen, a month number, and a range
        that would run backwards)."""
        if sep == "-" and len(a) == 4 and len(b) == 2 and not era and 1 <= int(b) <= 12 and int(b) < int(a[2:]):
            return f"{a}-{b}"
        bc = bool(era and self.rx["era_bc"].fullmatch(era))
        if len(b) < len(a):
            full = a[: len(a) - len(b)] + b
            if not bc and int(full) < int(a):  # `1999–02`: the next century
                full = str(int(full) + 10 ** len(b))
            b = full
        if not era and (len(a) < 4 or len(b) < 4):
            return None
        first, last = (year_value(astronomical("BC" if bc else None, n)) for n in (a, b))
        return f"{first}/{last}" if first and last and int(a) and int(b) else None

    def _range(self, text: str) -> str | None:
        """`1937–1938`, `1932–33`, `July–August 1935`, `24–25 October`, `1934 and 1939`."""
        if m := self.rx["year_range"].fullmatch(text):
            return self._years(m.group(1), m.group(2), m.group(3), m.group(4))
        if m := self.rx["day_range"].fullmatch(text):
            tail = f" {m.group(3)}" + (f" {m.group(4)}" if m.group(4) else "")
            a, b = self.calendar_value(m.group(1) + tail), self.calendar_value(m.group(2) + tail)
            return f"{a}/{b}" if a and b else None
        if m := self.rx["month_range"].fullmatch(text):
            a, b = self.calendar_value(f"{m.group(1)} {m.group(3)}"), self.calendar_value(f"{m.group(2)} {m.group(3)}")
            return f"{_earlier_year(a, b)}/{b}" if a and b else None
        if m := self.rx["range_split"].fullmatch(text):
            a, b = self.absolute_value(self.strip_mod(m.group(1))[0]), self.absolute_value(self.strip_mod(m.group(2))[0])
            if a and b and "/" not in a and "/" not in b:
                if not b.startswith("XXXX"):
                    a = _borrow_year(a, b)
                return f"{a}/{b}"
        return None

    def absolute_value(self, text: str) -> str | None:
        """Value of a date without modifier: calendar string, decade, century or range."""
        text = self.rx["article_lead_the"].sub("", text.strip())
        rng = self._range(text)
        if rng:
            return rng
        if self.rx["decade"].fullmatch(text):
            digits = re.match(r"[0-9]+", text).group(0)[:-1]
            return f"BC{int(digits):03d}" if self.rx["era_bc"].search(text) else digits.zfill(3)
        if m := self.rx["century_value"].fullmatch(text):
            n = int(m.group(1)) if m.group(1) else self.lx["ordinals"][m.group(2).lower()]
            bc = m.group(3) and self.rx["era_bc"].fullmatch(m.group(3))
            return f"{'BC' if bc else ''}{n - 1:02d}"
        return self.calendar_value(text)

    def parse(self, kind: str, text: str) -> Parsed | None:
        """TIMEX3 reading of one matched expression; None when it is no timex after all."""
        lx = self.lx
        low = text.lower()
        if kind == "set":  # `daily`, `every year`, `per month`, `twice a week`, `every summer`, `each May`
            words = low.split()
            word = words[-1]
            weekday = lx["weekdays"].get(text.split()[-1].removesuffix("s"))
            if weekday:  # `every Tuesday`, `on Sundays`
                return Parsed("SET", f"XXXX-WXX-{weekday}")
            if len(words) == 3 and words[0] == "every" and word in lx["units"]:  # `every other day`, `every three years`
                every = self._duration(" ".join(("two" if words[1] == "other" else words[1], word)))
                return Parsed("SET", every.value) if every else None
            if word in lx["sets"]:
                return Parsed("SET", lx["sets"][word])
            if word in lx["seasons"]:
                return Parsed("SET", f"XXXX-{lx['seasons'][word]}")
            month = lx["months"].get(text.split()[-1])
            if month:
                return Parsed("SET", f"XXXX-{month:02d}")
            return Parsed("SET", lx["set_units"].get(word, "P1Y"))
        if kind == "part_of_month":
            m = self.rx["part_of_month_value"].match(text)
            value = self.absolute_value(m.group(2)) if m else None
            if not value or "/" in value:
                return None
            return Parsed("DATE", value, lx["month_parts"][m.group(1).lower()], ("year",) if "XXXX" in value else None)
        if kind == "of_that_year":  # `July 25 of that year`: the year of the reference, no rollover
            value = self.calendar_value(self.rx["same_year_tail"].sub("", text))
            return Parsed("DATE", value, None, ("year", "same")) if value and value.startswith("XXXX") else None
        if kind == "weekday":  # `on Thursday`, `the following Monday`, `that Sunday night` (decision 64)
            m = self.rx["weekday_value"].match(text)
            head, part = (m.group(1) or "").lower(), lx["parts_of_day"].get((m.group(3) or "").lower())
            day = lx["weekdays"][m.group(2).capitalize()]
            t = f"T{part}" if part else ""
            return Parsed("TIME" if part else "DATE", f"XXXX-WXX-{day}{t}", None,
                          ("weekday", day, lx["weekday_directions"].get(head, 0), t))
        if kind == "day_of_month":  # `on the 14th`: a day of the story's month
            return Parsed("DATE", None, None, ("day_of_month", int(re.search(r"[0-9]+", text).group(0))))
        if kind == "of_other_year":  # `early March of the following year`: in the year after (before) the reference's
            for tail, shift in (("next_year_tail", 1), ("previous_year_tail", -1)):
                alone = self.rx[tail].sub("", text)
                if alone != text:
                    rest, mod = self.strip_mod(alone)
                    season = lx["seasons"].get(self.rx["the_lead"].sub("", rest.lower()))
                    if season:  # `the spring of the following year`
                        return Parsed("DATE", None, mod, ("season", season, "shift", shift))
                    value = self.absolute_value(rest)
                    return Parsed("DATE", value, mod, ("year", "shift", shift)) \
                        if value and value.startswith("XXXX") else None
            return None
        if kind == "season_in_name":  # `the Winter Offensive`, `a summer offensive`: the story's season (decision 51)
            return Parsed("DATE", None, None, ("season", lx["seasons"][low]))
        if kind == "day_part_modifier":  # `night attacks`, `a dawn raid`: in the story's month (decision 51)
            t = f"T{lx['day_part_modifier_words'][low]}"
            return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("month_time", t))
        if kind == "season_alone":  # `in the summer`, `Winter`: the year comes from the story
            alone = self.rx["same_year_tail"].sub("", text)  # `the spring of that year`: the reference's year
            rest, mod = self.strip_mod(alone)
            season = lx["seasons"][rest.split()[-1].lower()]
            return Parsed("DATE", None, mod, ("season", season) if alone == text else ("season", season, "same"))
        if kind == "clock":  # `19:15`, `5:30 PM`, `03:00hrs`, `11 a.m.`: on the story's day when it has one
            m = re.match(r"([0-9]{1,2})(?:[:.]([0-9]{2}))?\s?(.*)$", text)
            hour, minute, shift = int(m.group(1)), m.group(2) or "00", lx["clock_suffixes"].get(m.group(3))
            if shift is not None:
                hour = hour % 12 + shift
            return Parsed("TIME", f"XXXX-XX-XXT{hour:02d}:{minute}", None, ("day_time", f"T{hour:02d}:{minute}", 0))
        if kind == "day_part":  # `that afternoon`, `the next morning` (story's day); `at night`, `late evening` (any day)
            part = next((code for word, code in self._parts_of_day if low.endswith(word)), None)
            if part is None:
                return None
            t = part if part.startswith("T") else f"T{part}"
            head = low[: low.rfind(" ")] if " " in low else ""
            first, _, rest = low.partition(" ")
            if first in lx["mods"] and head not in lx["mods"]:  # `early the next morning`: that part, START
                inner = self.parse(kind, text[len(first) + 1:])
                return Parsed(inner.type, inner.value, lx["mods"][first], inner.relation) if inner else None
            if head.removeprefix("the ") in lx["mods"]:  # `late afternoon`, `the early morning`
                return Parsed("TIME", f"XXXX-XX-XX{t}", lx["mods"][head.removeprefix("the ")])
            if head in lx["anaphoric_same"]:
                return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, 0))
            if head in lx["anaphoric_next"]:
                return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, 1))
            if head in lx["anaphoric_prev"]:
                return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, -1))
            if ":" in t:  # `at noon`, `by midnight`: a clock time, on the story's day like `at 12:00`
                return Parsed("TIME", f"XXXX-XX-XX{t}", None, ("day_time", t, 0))
            return Parsed("TIME", f"XXXX-XX-XX{t}")
        if kind == "short_year":  # `'99`: the year with those digits nearest the story's (decision 66)
            return Parsed("DATE", None, None, ("short_year", int(text[-2:])))
        if kind == "early_year":  # `in 476`; BC when the story is (anchoring.py)
            nums = re.findall(r"[0-9]+", text)
            if len(nums) > 1 and len(nums[1]) < len(nums[0]):
                nums[1] = nums[0][: len(nums[0]) - len(nums[1])] + nums[1]
            return Parsed("DATE", "/".join(year_value(int(n)) for n in nums), None, ("era",))
        if kind == "now":  # the component keeps it only in present-tense narration
            return Parsed("DATE", "PRESENT_REF")
        if kind == "ref":
            core = self.rx["the_lead"].sub("", low)
            for key, value in (("present_ref", "PRESENT_REF"), ("past_ref", "PAST_REF"), ("future_ref", "FUTURE_REF")):
                if low in lx[key] or core in lx[key]:
                    return Parsed("DATE", value)
            return None
        if kind == "holiday_part":  # `Christmas night`: that part of the holiday, in the story's year
            day, part = text.rsplit(" ", 1)
            value = self._holiday(day)
            code = lx["parts_of_day"].get(part.lower())
            if not value or not code or len(value) != 10:
                return None
            return Parsed("TIME", f"{value}T{code}", None, ("year",) if value.startswith("XXXX") else None)
        if kind == "part_of_date":
            m, lead = self.rx["part_of_date_value"].match(text), None
            if m is None:  # `early in the morning of 29 April 1975`: START
                text, lead = self.strip_mod(text)
                m = self.rx["part_of_date_value"].match(text)
            day = self.absolute_value(m.group(2)) if m else None
            if day and "/" in day:  # `the night of 17-18 July 1936`: the part of the first day
                day = day.split("/")[0]
            if not day or len(day) != 10:
                return None
            part, mod = lx["parts_of_date"][m.group(1).lower()]
            return Parsed("TIME", f"{day}T{part}", lead or mod, ("year",) if day.startswith("XXXX") else None)
        if kind == "age":  # `at age 12`, `the age of eight or nine` (APPROX), `at age seventy-nine`
            said = self.rx["age_value"].search(low).group(1).strip()
            mod = None
            for word in self._duration_mods:  # `aged about 82`
                if said.startswith(word + " "):
                    mod, said = lx["duration_mods"][word], said[len(word) + 1:]
                    break
            nums = self.rx["age_numbers"].split(said)
            values = [self._number(n) for n in nums if self._number(n)]
            if not values:
                return None
            return Parsed("DURATION", f"P{int(values[0])}Y", "APPROX" if len(values) > 1 else mod)
        if kind == "duration_in_name":  # `the Thirty Years' War`, `the Six-Day War` (decision 60)
            number, unit = re.match(r"(.+?)[\s-]([a-z]+)$", low).groups()
            n, code = self._number(number), lx["units"].get(unit)
            if not n or code not in ("Y", "M", "W", "D", "H"):
                return None
            return Parsed("DURATION", f"PT{n:g}H" if code == "H" else f"P{n:g}{code}")
        if kind == "duration":
            return self._duration(low)
        if kind == "shift":  # `two days later`, `about a week earlier` (APPROX)
            mod = None
            for word in self._duration_mods:
                if low.startswith(word + " "):
                    mod, low = lx["duration_mods"][word], low[len(word) + 1:]
                    mod = "APPROX" if mod else None  # `over a year earlier`: a point, only approximate
                    break
            m = self.rx["shift_value"].match(low)
            if m and m.group(1) in lx["vague_numbers"]:
                # `a few years later`: no count to shift by; the anchor's value at the
                # unit's granularity, AFTER (BEFORE for `earlier`) (docs/annotation.md, 30)
                earlier = m.group(3) in lx["earlier_words"]
                return Parsed("DATE", None, "BEFORE" if earlier else "AFTER",
                              ("shift", self._unit(m.group(2))[0], 0, -1 if earlier else 1))
            n = self._number(m.group(1)) if m else None
            if n is None:
                return None
            sign = -1 if m.group(3) in lx["earlier_words"] else 1
            unit, per = self._unit(m.group(2))
            return Parsed("DATE", None, mod, ("shift", unit, int(n) * per * sign))
        if kind == "adjacent":  # `The day before,`, `the week after.`: one unit from the story's date
            _, unit, word = low.split()
            return Parsed("DATE", None, None, ("shift", lx["calendar_units"][unit], lx["adjacent_shifts"][word]))
        if kind == "anaphoric":
            return self._anaphoric(text)
        if kind == "unit_of_event":  # `the last month of the war`: the story's year (decision 30); a day: its day
            return Parsed("DATE", None, None, ("same", "day" if low.split()[-1].startswith("day") else "year"))
        if kind == "unit_part":  # `at month's end`, `by the year's close`: a part of the story's month or year
            m = self.rx["unit_part_value"].match(text)
            unit = lx["calendar_units"][m.group(1).lower()]
            return Parsed("DATE", None, lx["unit_parts"][m.group(2).lower()], ("same", unit))
        if kind == "deictic":  # against the creation date, else the story's (decision 65); the value keeps what is known
            if low in lx["deictic_days"]:
                return Parsed("DATE", _UNKNOWN["day"], None, ("dct", "day", lx["deictic_days"][low]))
            direction, unit = low.split()
            if unit in lx["seasons"]:  # `next summer`, `last winter`
                season = lx["seasons"][unit]
                return Parsed("DATE", f"XXXX-{season}", None, ("dct", "season", lx["deictic_directions"][direction], season))
            unit = lx["calendar_units"][unit]
            return Parsed("DATE", _UNKNOWN[unit], None, ("dct", unit, lx["deictic_directions"][direction]))
        # calendar kinds: date, month_alone, season, quarter, decade, century, range_words
        rest, mod = self.strip_mod(text)
        if kind == "season":
            m = self.rx["season_value"].search(rest)
            if not m:
                return None
            season, written = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))  # `1982 summer`
            year = self._day_month_year(written)  # `1907`, `480 BC` -> BC0480
            return Parsed("DATE", f"{year}-{lx['seasons'][season.lower()]}", mod) if year else None
        if kind == "quarter":
            m = self.rx["quarter_value"].search(text)
            year = self.absolute_value(m.group(3)) if m else None
            if not year or "-" in year or "/" in year:
                return None
            if m.group(2) is None:  # a half
                return Parsed("DATE", f"{year}-H{lx['halves'][m.group(1).lower()]}", None)
            return Parsed("DATE", f"{year}-Q{lx['quarters'][m.group(1).lower()]}", None)
        value = self.absolute_value(rest)
        if value is None:
            return None
        if "/" in value and mod in ("START", "MID", "END"):
            mod = None  # `the late 1920s to the 1930s`: the part-of modifier is one endpoint's
        relation = ("year",) if "XXXX" in value else None
        return Parsed("DATE", value, mod, relation)

    def _unit(self, unit: str) -> tuple[str, int]:
        """The calendar unit a unit word counts in, and how many of it: `weeks` (week, 1),
        `fortnight` (week, 2: its code is `2W`)."""
        m = re.fullmatch(r"([0-9]*)([A-Z]+)", self.lx["units"][unit])
        return _UNIT_NAMES.get(m.group(2), "day"), int(m.group(1) or 1)

    def _duration(self, low: str) -> Parsed | None:
        """`three years`, `about a week` (APPROX), `more than a century` (AFTER: longer than),
        `less than two weeks` (BEFORE), `the coming years`, `decades` (PXY)."""
        lx = self.lx
        low = self.rx["age_suffix"].sub("", low)  # `18 years old`, `26 years of age`, `a year's time`: P18Y, P1Y
        for word in self._duration_mods:
            if low.startswith(word + " "):
                found = self._duration(low[len(word) + 1:])
                return Parsed(found.type, found.value, lx["duration_mods"][word]) if found else None
        if vague := self.rx["vague_duration"].fullmatch(low):  # an unstated number of units
            return Parsed("DURATION", f"PX{lx['units'][vague.group(1)]}")
        clock = self.rx["clock_duration"].fullmatch(low)
        if clock and lx["units"][clock.group(2)] in ("H", "MIN") and clock.group(1) in lx["vague_numbers"]:
            return Parsed("DURATION", f"PTX{'M' if lx['units'][clock.group(2)] == 'MIN' else 'H'}")  # `a few hours`
        if half := self.rx["half_duration_value"].fullmatch(low):  # `two and a half years`
            n, code = self._number(half.group(1)), lx["units"][half.group(2)]
            if n is None:
                return None
            return Parsed("DURATION", f"P{int(n * 10 + 5)}Y" if code == "DE" else f"P{n + 0.5:g}{code}")
        m = self.rx["duration_value"].search(low)
        if not m:
            return None
        head = (m.group(1) or m.group(2) or "").strip()
        stripped = self.rx["duration_head"].sub("", head)
        code = lx["units"][m.group(3)]
        if stripped in lx["vague_numbers"]:
            return Parsed("DURATION", f"PX{code}")
        n = 1 if stripped == "" and head else self._number(stripped)  # `the past decade`: one
        if n is None:
            return None
        if m.group(4) and code == "DE":
            return Parsed("DURATION", f"P{int(n * 10 + 5)}Y")
        if m.group(4):
            return Parsed("DURATION", f"P{n + 0.5:g}{code}")
        if (many := re.fullmatch(r"([0-9]+)([A-Z]+)", code)):  # `a fortnight`: 2W a unit, so P2W
            n, code = n * int(many.group(1)), many.group(2)
        if code == "H" or code == "MIN":
            return Parsed("DURATION", f"PT{int(n)}{'M' if code == 'MIN' else 'H'}")
        return Parsed("DURATION", f"P{n:g}{code}")

    def _anaphoric(self, text: str) -> Parsed | None:
        lx = self.lx
        low = text.lower()
        last = text.split()[-1]
        month = lx["months"].get(last)
        season = lx["seasons"].get(last.lower())
        unit = lx["calendar_units"].get(last.lower())
        rest, mod = self.strip_mod(text)
        if mod and lx["calendar_units"].get(self.rx["article_lead_the"].sub("", rest.lower())) in _PERIODS + ("month",):
            return Parsed("DATE", None, mod, ("same", unit))  # `the end of the year`, `the end of the decade`
        if mod and rest != text:  # `the end of that year`, `the start of the following month`
            if re.search(r"(?i)\bthe\s$", text[: len(text) - len(rest)]):
                rest = text[len(text) - len(rest) - 4:]  # strip_mod also took `the` of `the following`
            inner = self._anaphoric(rest)
            return Parsed(inner.type, inner.value, mod, inner.relation) if inner and inner.type == "DATE" else None
        head = low[: low.rfind(" ")].strip()
        head = self.rx["anaphoric_lead"].sub("", head)
        if head in lx["anaphoric_next"]:
            if unit in _PERIODS[1:]:  # `the following decade`: the calendar decade after the story's (decision 63)
                return Parsed("DATE", None, None, ("step", unit, 1))
            if month:
                return Parsed("DATE", None, None, ("next_month", month))
            if season:
                return Parsed("DATE", None, None, ("next_season", season))
            return Parsed("DATE", None, None, ("shift", unit, 1)) if unit else None
        if head in lx["anaphoric_prev"]:
            if unit in _PERIODS[1:]:  # `the previous century`
                return Parsed("DATE", None, None, ("step", unit, -1))
            if month:
                return Parsed("DATE", None, None, ("previous_month", month))
            return Parsed("DATE", None, None, ("shift", unit, -1)) if unit else None
        if month:
            return Parsed("DATE", None, None, ("month", month))
        if season:
            return Parsed("DATE", None, None, ("season", season))
        return Parsed("DATE", None, None, ("same", unit)) if unit else None


# The value of a deictic expression with nothing to resolve it from: what it says is
# known (SPEC 3.3: `XXXX-02-29`), the rest unknown.
_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}

# Calendar units whose value is a whole period of years (`1720`, `172`, `17`): a part of
# one (`the end of the decade`) or the next one (`the following century`) is that period.
_PERIODS = ("year", "decade", "century")

# The anchoring's names of the lexicon's unit codes (language-neutral identifiers).
_UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
               "H": "hour", "MIN": "minute"}


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
