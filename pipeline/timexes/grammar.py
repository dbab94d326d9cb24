"""A character-level grammar of English temporal expressions, compiled from the lexicon.

Why characters, not tokens: spaCy keeps `1932–33`, `mid-1903` and `24–25` as single
tokens, so a range's two endpoints often live inside one token. Each rule below is a
regular expression assembled from models/timexes/lexicon.json; `find` returns the
matches in a text (leftmost, longest), `parse` (in normalise.py) turns one into TIMEX3.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..rules import load_rules

DASH = r"\s?[–—-]\s?"


def _after(words) -> str:
    """Lookbehinds for `word ` and `Word ` (fixed width each, hence one per word)."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:])}
    return "(?:" + "|".join(rf"(?<=\b{re.escape(f)}\s)" for f in sorted(forms)) + ")"


def _alt(words, escape=True) -> str:
    items = sorted((w for w in words if not w.endswith("_")), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@lru_cache(maxsize=None)
def lexicon() -> dict:
    return load_rules("timexes", "lexicon.json")


@lru_cache(maxsize=None)
def pieces() -> dict[str, str]:
    lx = lexicon()
    # an abbreviation without its dot (`Oct`, `Sept`) is a month only before a number
    dotless = [m for m in lx["months"] if any(o != m and o.startswith(m) and not o.startswith(m + ".") for o in lx["months"])
               and not m.endswith(".")]
    month = rf"(?:{_alt([m for m in lx['months'] if m not in dotless])}|(?:{_alt(dotless)})(?=\s[0-9]))(?![a-z])"
    era_bc, era_ad, era_pre = (_alt(lx["eras"][k]) for k in ("bc", "ad_after", "ad_before"))
    era = rf"(?:{era_bc}|{era_ad})(?![A-Za-z])"
    number = r"[1-9][0-9]{0,3}"
    # a year with its era (`49 BC`, `AD 800`) has any number of digits; without, four
    # (`1903`), or three after a month (`25 December 800`) or a temporal preposition
    modern = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|,[0-9]|\s?(?:%|per cent|percent))"
    with_era = rf"(?:{number}\s?{era}|(?:{era_pre})\s?{number}(?![0-9]))"
    year = rf"(?:{with_era}|{modern})"
    year3 = r"[1-9][0-9]{2}(?![0-9]|[,.][0-9])"  # after a month: `25 December 800`
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    num = rf"(?i:\d+(?:\.\d+)?|{_alt(lx['number_words'])}|{_alt(lx['vague_numbers'])})"
    unit = _alt(lx["units"])
    mod_words = rf"(?i:{_alt(lx['mods'])})"
    season = _alt(lx["seasons"])
    # calendar dates, most specific first
    weekday = rf"(?:(?:{_alt(lx['weekdays'])}),?\s)?"
    date_core = (
        rf"{weekday}(?:[0-9]{{4}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"
        rf"|{day}\s(?:of\s)?{month}(?:,?\s{year}|\s{year3})"
        rf"|{month}\s{day}(?:(?:,\s?|\s){year}|,\s{year3})"
        rf"|{day}\s{month}{DASH}{day}\s{month},?\s{year}"
        rf"|{month}\s{day}{DASH}{month}\s{day},\s?{year}"
        rf"|{day}{DASH}{day}\s{month}(?:,?\s{year})?"
        rf"|{month}(?:{DASH}|/){month}\s{year}"
        rf"|{month}(?:,?\s(?:of\s)?{year}|\s{year3})"
        rf"|(?:{_alt(lx['holidays'])})\s{year}"
        rf"|{day}\s(?:of\s)?{month}|{month}\s{day}(?![0-9])"
        rf"|{number}(?:{DASH}|\s(?:to|and|until)\s){with_era}"
        rf"|{year}(?:{DASH}(?:{year}|[0-9]{{2}}(?![0-9])))?"
        rf")"
    )
    decade = rf"(?:(?:1[0-9]|20)[0-9]0s|[1-9][0-9]{{0,2}}0s\s?{era})"
    century = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)|{_alt(lx['ordinals'])})[\s-]century(?:\s{era})?)"
    return {"month": month, "year": year, "era": era, "era_bc": era_bc, "era_pre": era_pre, "number": number, "day": day, "num": num, "unit": unit, "mod": mod_words,
            "season": season, "date": date_core, "decade": decade, "century": century}


@lru_cache(maxsize=None)
def detector() -> re.Pattern:
    """One pattern whose alternatives are the kinds of expression, named by group."""
    p, lx = pieces(), lexicon()
    the = r"(?:[Tt]he\s)?"
    mod = rf"(?:{p['mod']}(?:\s|-|\s-))?"
    part_of_day = _alt(lx["parts_of_day"])
    same = _alt(lx["anaphoric_same"])
    nxt = _alt(lx["anaphoric_next"])
    prev = _alt(lx["anaphoric_prev"])
    later = _alt(lx["later_words"])
    earlier = _alt(lx["earlier_words"])
    cal_unit = r"(?:year|month|week|day|decade|spring|summer|autumn|fall|winter)"
    rules = [
        # ranges joined by words: `1934 and 1939` (after `between`), `1929 to 1953`, `January 1939 and June 1941`
        ("range_words", rf"(?<=[Bb]etween\s){mod}{p['date']}\sand\s{p['date']}"
                        rf"|{mod}{the}{mod}(?:{p['decade']}|{p['date']})\s(?:to|until|till|through)\s{the}(?:{p['decade']}|{p['date']})"),
        # `the last week of August`, `the first days of May 1921`: a part of the month (mod)
        ("part_of_month", rf"{the}(?i:{_alt(lx['month_parts'])})\s(?:(?:{p['num']})\s)?(?:days?|weeks?|fortnight)\sof\s(?:{p['date']}|{p['month']})"),
        ("part_of_date", rf"[Tt]he\searly\shours\sof\s{p['date']}|(?:[Tt]he\s)?(?:morning|afternoon|evening|night)\sof\s{p['date']}"),
        # `July 25 of that year`, `November of the same year`: one timex (SPEC 3.3)
        ("of_that_year", rf"(?:{p['day']}\s(?:of\s)?)?{p['month']}(?:\s{p['day']})?,?\s(?:{_alt(lx['same_year_phrases'])})(?![a-z])"),
        ("season", rf"{the}{mod}{the}(?:{p['season']})\s(?:of\s)?(?:{p['year']})(?:{DASH}[0-9]{{2,4}})?"),
        ("quarter", rf"{the}(?:first|second|third|fourth|last)\squarter\sof\s{p['year']}|{the}(?:{_alt(lx['halves'])})\shalf\sof\s{p['year']}"),
        ("decade", rf"{the}{mod}{the}{p['decade']}"),
        ("century", rf"{the}{mod}{the}{p['century']}"),
        ("date", rf"{mod}{p['date']}"),
        # a bare three-digit year where a temporal preposition says it is one (`in 476`)
        ("early_year", rf"{_after(lx['year_prepositions'])}[1-9][0-9]{{2}}(?![0-9]|[,.][0-9])(?!\s?(?:%|per cent|percent))"
                       rf"(?:(?:{DASH}|\sto\s)[1-9][0-9]{{1,2}}(?![0-9]))?"),
        ("month_alone", rf"{_after(lx['month_prepositions'])}"
                        rf"{mod}{the}{p['month']}(?:\s(?:to|until|till|through)\s{mod}{the}{p['month']})?(?!\s[A-Z])|(?:early|mid|late)[\s-]{p['month']}"),
        ("anaphoric", rf"(?i:{nxt})\s(?:{p['month']}|{cal_unit})|(?i:{same})\s(?:{p['month']}|{cal_unit})"
                      rf"|{p['mod']}\s(?:the\s)?(?:year|month)(?![a-z])"
                      rf"|(?i:{prev})\s{cal_unit}"),
        ("season_alone", rf"(?:{_after(lx['season_prepositions'])}{mod}{the}(?i:{p['season']})|{mod}(?:[Tt]he\s)(?i:{p['season']})"
                         rf"|(?:(?<=^)|(?<=\n)|(?<=[.;]\s))(?:Spring|Summer|Autumn|Fall|Winter))(?![a-z-])(?!\s(?:of\s)?[0-9])"),
        ("clock", rf"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]\s?(?:{_alt(lx['clock_suffixes'])})(?![A-Za-z])"
                  rf"|(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9:])|(?:1[0-2]|0?[1-9])\s?(?:{_alt([k for k, v in lx['clock_suffixes'].items() if v is not None])})(?![A-Za-z])"),
        ("day_part", rf"(?i:that|this|the\s(?:next|following|same|previous))\s(?:{part_of_day})(?![a-z-])"
                     rf"|{_after(lx['day_part_prepositions'])}(?:the\s)?(?:{part_of_day})(?![a-z-])"
                     rf"|(?:[Tt]onight|[Dd]aytime|[Nn]ight-time)(?![a-z])"),
        ("shift", rf"(?:(?i:{_alt(lx['duration_mods'])})\s)?(?:{p['num']})\s(?:{p['unit']})\s(?i:{later}|{earlier})(?![a-z])"),
        ("set", rf"(?i:every|each)\s(?:{cal_unit}|{p['month']})(?![a-z])|{_alt(lx['sets'])}|(?<![A-Za-z])per\s(?:{cal_unit}|hour)(?![a-z])"
                rf"|(?i:{_alt(lx['set_counts'])}|(?:{p['num']})\stimes)\s(?:a|an|per|each|every)\s(?:{cal_unit}|hour)(?![a-z])"),
        ("age", rf"(?:[Tt]he\s)?age\sof\s(?:{p['num']})(?:\sor\s(?:{p['num']}))?|(?<=at\s)age\s\d+"),
        ("duration", rf"(?:(?i:{_alt(lx['duration_mods'])})\s)?(?:(?:[Tt]he\s)?(?:next|last|past|first|following|previous)\s)?(?:{p['num']})(?:\s(?:more|further|long))?[\s-](?:{p['unit']})(?:\sand\sa\shalf)?(?![a-z])"
                     rf"|\bdecades\b(?!\s(?:of|ago)\b)|(?:[Tt]he\s)?(?:coming|following|next|past|last|preceding)\s(?:years|months|weeks|decades)(?![a-z])|(?<=[Oo]ver\s)the\s(?:years|decades)|a\s(?:{p['unit']})\sand\sa\shalf"),
        ("deictic", r"(?i:yesterday|tomorrow|(?:last|next)\s(?:year|month|week))(?![a-z])"),
        ("now", r"(?<![A-Za-z])now(?![a-z])"),
        ("ref", rf"(?:{_alt(lx['present_ref'] + lx['past_ref'] + lx['future_ref'])})(?![a-z])"),
    ]
    # Every expression starts with a word character: anchoring at \b lets the regex
    # engine skip most positions (3x faster scan, same matches).
    return re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in rules) + ")")


def find(text: str):
    """Yield (kind, start, end) for every expression in text, leftmost-longest."""
    for m in detector().finditer(text):
        yield m.lastgroup, m.start(), m.end()
