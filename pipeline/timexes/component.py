"""Date component `hist_timexes`: find, normalise and anchor temporal expressions.

Candidates are the grammar's matches (grammar.py) plus the base model's DATE/TIME
entities that the grammar missed (trimmed of leading prepositions, kept only when
normalise.py can read them). The stage owns its language's data (`rules`, default the
package's models/timexes/en/; saved with the pipeline, see rules.RuleFiles) and builds
its grammar and normaliser from it. Results go to doc.spans["timexes"], each span carrying
`span._.timex` = TimexAnnotation(type, value, mod, earliest, latest, anchor); `anchor` is the
(start, end) of the timex it was resolved from.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..annotations import TimexAnnotation
from ..rules import RuleFiles
from .anchoring import Narrative
from .calendar import civil, creation_date, day_number, interval, iso_key, iso_week, year_value
from .grammar import FILES, Grammar
from .normalise import Normaliser

LABEL = "TIMEX"
_DAY = re.compile(r"(?:BC)?\d{4}-\d{2}-\d{2}")


class TimexStage(RuleFiles):
    stage = "timexes"
    files = FILES

    def __init__(self, nlp: Language, name: str, dct: str | None = None, rules: str | None = None):
        self.name = name
        if dct is not None:
            creation_date(dct)  # a clear ValueError now, not a failed document later
        self.dct = dct
        self.set_rules(self.read_rule_files(rules, nlp.lang))

    def set_rules(self, rule_files: dict) -> None:
        """The grammar and normaliser of the language whose files these are."""
        super().set_rules(rule_files)
        self.grammar = Grammar(rule_files["lexicon.json"], rule_files["grammar.json"])
        self.lx = self.grammar.lexicon
        self.normaliser = Normaliser(self.grammar)
        words = sorted(self.lx["leading_prepositions"], key=len, reverse=True)
        self.leading = re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s+", re.I)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text is rebuilt from the tokens on every access
        found, readings = self._candidates(doc, text)
        narrative = Narrative()
        spans = []
        by_chars: dict[tuple[int, int], Span] = {}  # one timex per token span (Span._ is keyed by it)
        for start, end, kind in found:
            parsed = self.normaliser.parse(kind, readings.get((start, end), text[start:end]))
            if parsed is None:
                continue
            if kind == "anaphoric":
                parsed = self._stretch(doc, start, parsed) or parsed
            if kind == "season_in_name":
                named = self.grammar.patterns["season_name_year"].match(text, end)
                year = self.normaliser.absolute_value(named.group(1)) if named else None  # `the Spring Offensive of 1918`
                year = year if year and year.isdigit() else self._sentence_year(doc, text, end, found, parsed.relation[1])
                if year:
                    parsed = type(parsed)("DATE", f"{year}-{parsed.relation[1]}", None, None)
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            if span is None:
                continue
            if (span.start_char, span.end_char) in by_chars:  # `1932–(1939`: one token, two dates
                joined = by_chars[(span.start_char, span.end_char)]
                if _join(joined, parsed, end):  # the story's reference is the range, as if written at once
                    narrative.replace((span.start_char, span.end_char), joined._.timex["value"])
                continue
            if (glossed := self._glossed(text, start, end, parsed, spans)) is not None:
                # `9 June 1672 (O.S. 30 May)`: the same day in the other calendar; no step of the story
                span._.timex = replace(glossed._.timex, anchor=(glossed.start_char, glossed.end_char),
                                       chars=None if (span.start_char, span.end_char) == (start, end) else (start, end))
                spans.append(span)
                by_chars[(span.start_char, span.end_char)] = span
                continue
            anchor = None
            partner = _coordinated_year(text, end, found, parsed, self.grammar.patterns["coordination"])
            if partner is not None:
                value = (f"{partner[0]}-{parsed.relation[1]}" if parsed.relation[0] == "season"
                         else parsed.value.replace("XXXX", partner[0]))
                parsed = type(parsed)(parsed.type, value, parsed.mod, None)
                anchor = partner[1]
            value = parsed.value
            story = in_story(span, self.lx, later=_after_story(value, narrative.current()))
            if parsed.relation and parsed.relation[0] == "dct":
                # decision 65: the creation date's (--dct), unless quoted (`"We attack tomorrow," he
                # said`: the speaker's day is the story's); without --dct the story's, as reported
                # speech is told from it; with neither, what is known (`XXXX`). Never the story's step.
                if self.dct and not _quoted(text, start, self.lx):
                    value, anchor = self._from_dct(parsed.relation), None
                else:
                    value, anchor = narrative.resolve(None, _story_relation(parsed.relation))
                if value is None:
                    value, anchor = parsed.value, None
                story = False
            elif (clock := _time_of_any_day(parsed)) and (day := self._following_day(text, end, found, narrative)):
                # `at 5:30 a.m. on 6 June 1944`: that day's; the day itself is the story's next step
                value, anchor, story = f"{day[0]}{clock}", day[1], False
            elif parsed.relation:
                value, key = narrative.resolve(parsed.value, parsed.relation, flashback(span, self.lx))
                if value is None:
                    continue
                anchor = key
                if parsed.relation[0] in ("month_time", "short_year"):
                    story = False  # `night attacks` name how, `the Club of '89` names: no step of the story's time
            elif story and span.start > span.sent.root.i and (
                    _aside(text, narrative.current(), value, start) or _in_relative_clause(span) and
                    _same_paragraph(text, narrative.current(), start)):
                story = False
            if story and _after_story(value, narrative.current()) and (
                    _flash_forward(span, self.lx, parsed.relation is not None) or
                    _end_far_ahead(span, self.lx, value, narrative.current())):
                story = False  # `as late as 1781`, `grew to 200,000 by December`: a glimpse ahead
            if parsed.type in ("DATE", "TIME"):
                # a range dated from the story (`from October to March`) leaves it at its end;
                # `two decades earlier` looks back without moving the story there
                ref = value.split("/")[-1] if parsed.relation and value else value
                backward = parsed.relation and (parsed.relation[0] == "previous_month" or (
                    parsed.relation[0] == "weekday" and parsed.relation[2] < 0) or (
                    parsed.relation[0] == "shift" and (parsed.relation[2] < 0 or parsed.relation[3:] == (-1,))))
                narrative.add(ref, (span.start_char, span.end_char), story and not backward)
            earliest, latest = interval(value.split("T")[0] if value and parsed.type == "TIME" else value, parsed.type)
            span._.timex = TimexAnnotation(
                type=parsed.type, value=value, mod=parsed.mod, earliest=earliest, latest=latest, anchor=anchor,
                chars=None if (span.start_char, span.end_char) == (start, end) else (start, end))
            spans.append(span)
            by_chars[(span.start_char, span.end_char)] = span
        doc.spans[ext.TIMEXES] = spans
        return doc

    def _candidates(self, doc: Doc, text: str) -> tuple[list[tuple[int, int, str]], dict[tuple[int, int], str]]:
        """Grammar matches, then model DATE/TIME spans that overlap none of them; and
        what to read instead of the text of a listed day (`_listed_days`)."""
        names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("CARDINAL", "ORDINAL", "QUANTITY")]
        found, readings = [], {}
        for k, s, e in self.grammar.find(text):
            if not self._plausible(doc, text, s, e, k) or (
                    k not in ("season_in_name", "duration_in_name", "short_year") and
                    _inside_name(text[s:e], s, e, names)):  # decisions 51, 60; a year in a name is a timex (4)
                continue
            if k == "short_year":
                s -= 1  # the apostrophe is part of `'99`
            if k == "day_list":
                listed = _listed_days(text, s, e, self.grammar.patterns["day_list_parts"])
                found += [(a, b, "listed_day") for a, b, _ in listed]
                readings.update({(a, b): reading for a, b, reading in listed})
            else:
                found.append((s, e, k))
        taken = [(s, e) for s, e, _ in found]
        for ent in doc.spans.get(ext.TIMEX_CANDIDATES, []):
            cut = self.leading.match(ent.text)
            start = ent.start_char + (cut.end() if cut else 0)
            end = ent.end_char
            while end > start and text[end - 1] in ".,;:'’":
                end -= 1
            if start >= end or _overlaps(taken, start, end) or _after_marker(text, start, self.lx["number_markers"]) or \
                    _inside_name(text[start:end], start, end, names) or self._month_noun(doc, text, start, end):
                continue
            found.append((start, end, "date"))
        return sorted(found), readings

    def _glossed(self, text: str, start: int, end: int, parsed, spans: list[Span]) -> Span | None:
        """The timex a date glosses in another calendar (`9 June 1672 (O.S. 30 May)`, `8 July
        1709 (27 June O.S.)`: the Julian date of the same day): the day or month just before
        the parenthesis, when the gloss is marked by one of `calendar_glosses`. TIMEX3 values
        are of the Gregorian calendar the main date is written in, so the gloss has its value."""
        if not spans or parsed.type != "DATE" or "/" in (parsed.value or "/"):
            return None
        prev = spans[-1]
        info = prev._.timex
        gap = text[(info["chars"] or (prev.start_char, prev.end_char))[1]:start]
        rx = self.grammar.patterns
        marked = rx["gloss_before"].fullmatch(gap) or (
            rx["gloss_between"].fullmatch(gap) and rx["gloss_after"].match(text, end))
        if not marked or info["type"] != "DATE" or not info["value"] or len(info["value"]) != len(parsed.value):
            return None
        return prev

    def _stretch(self, doc: Doc, start: int, parsed):
        """`continued for the next year`, `within the following decade`: a stretch of time, a
        DURATION of one unit (decision 63), when the next or previous unit follows one of
        `stretch_prepositions` that hangs on a verb; `a campaign for the following year`, `26,496
        for the previous year` (on a noun or a number) name the calendar unit."""
        relation = parsed.relation
        if not relation or relation[0] not in ("shift", "step") or abs(relation[2]) != 1 or relation[3:]:
            return None
        code = self.lx["units"].get(relation[1])
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if code is None or span is None or span.start == 0:
            return None
        before = doc[span.start - 1]
        if before.lower_ not in self.lx["stretch_prepositions"] or before.head.pos_ not in ("VERB", "AUX"):
            return None
        return type(parsed)("DURATION", f"P1{code}")

    def _from_dct(self, relation: tuple) -> str | None:
        """A deictic expression's value from the creation date: `last year` (from_dct), or a
        season (`next summer`) as the story would date it if the creation date were its day."""
        if relation[1] == "season":
            seeded = Narrative()
            seeded.add(self.dct, None)
            return seeded.resolve(None, _story_relation(relation))[0]
        return from_dct(self.dct, relation[1], relation[2])

    def _sentence_year(self, doc: Doc, text: str, end: int, found: list, season: str) -> str | None:
        """The year of the first dated expression after a season in an operation's name
        in its sentence (`launched their summer offensive ... in June 1942`: 1942): the
        sentence dates the operation (decision 51). A winter dated by January or
        February began the year before. None when the sentence gives no year after it."""
        span = doc.char_span(end - 1, end, alignment_mode="expand")
        stop = span.sent.end_char if span is not None else end
        for start, finish, kind in found[bisect_left(found, (end,)):]:
            if start >= stop:
                return None
            value = self.normaliser.absolute_value(text[start:finish]) if kind == "date" else None
            if value and re.fullmatch(r"[0-9]{4}(?:-[0-9]{2})?(?:-[0-9]{2})?", value):
                year, month = int(value[:4]), int(value[5:7]) if len(value) > 4 else None
                return year_value(year - 1 if season == "WI" and month in (1, 2) else year)
        return None

    def _following_day(self, text: str, end: int, found: list, narrative: Narrative):
        """(day value, its span) of the day a time of day is written with, after it
        (`at 5:30 a.m. on 6 June 1944`, `at dawn, 4 May`, `at 9 p.m. local time on 3
        March`: grammar pattern `time_day_link`); None when no day follows. A day without
        a year is dated from the story as it would be on its own."""
        i = bisect_left(found, (end,))
        if i == len(found) or not self.grammar.patterns["time_day_link"].fullmatch(text[end:found[i][0]]):
            return None
        start, stop, kind = found[i]
        parsed = self.normaliser.parse(kind, text[start:stop])
        if parsed is None or parsed.type != "DATE" or (parsed.relation and parsed.relation[0] != "year"):
            return None
        value = narrative.resolve(parsed.value, parsed.relation)[0] if parsed.relation else parsed.value
        return (value, (start, stop)) if value and _DAY.fullmatch(value) else None

    def _month_noun(self, doc: Doc, text: str, start: int, end: int) -> bool:
        """A month name that is also a noun, read as the noun: `the March to the Sea`,
        `a March on the capital`, `along the March.` (a determiner or possessive before
        it and nothing after it in its clause; `the March offensive` is a month)."""
        if text[start:end] not in self.lx["month_homographs"]:
            return False
        if self.grammar.patterns["month_noun_after"].match(text, end):
            return True
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        nxt = doc[span.end] if span.end < len(doc) else None
        return doc[span.start - 1].tag_ in ("DT", "POS", "PRP$") and (nxt is None or nxt.is_punct)

    def _plausible(self, doc: Doc, text: str, start: int, end: int, kind: str) -> bool:
        """A bare number read as a year must not count things (`commanded 1500 troops`,
        `No. 1917`); `the 1932 harvests`, `1931 and 1932 harvests` are years. `now` is a
        timex only in present-tense narration (`the statue now stands`)."""
        if kind == "now":
            span = doc.char_span(start, end, alignment_mode="expand")
            return span is not None and span[0].head.tag_ in ("VBZ", "VBP")
        if kind == "date" and re.fullmatch(r"\d{4}", text[start:end]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                nxt = doc[span.end] if span.end < len(doc) else None
                prev = doc[span.start - 1] if span.start > 0 else None
                if nxt is not None and nxt.tag_ == "NNS" and not (
                        prev is not None and (prev.pos_ in ("DET", "CCONJ") or prev.tag_ == "PRP$" or prev.text == ",")):
                    return False
                if prev is not None and prev.text in self.lx["number_markers"] or _after_marker(
                        text, start, self.lx["number_markers"]):
                    return False
        if kind == "early_year" or re.search(r"(?<![0-9])[0-9]{3}$", text[start:end]):
            # `in 476`, `May 800`, not `in 300 ships`, `of 400 armed men`, `by 250 to 12`
            span = doc.char_span(start, end, alignment_mode="expand")
            nxt = doc[span.end] if span is not None and span.end < len(doc) else None
            if span is None or (nxt is not None and (nxt.tag_ in ("NN", "NNS", "JJ", "CD") or nxt.lower_ in self.lx["count_followers"])):
                return False
        return True


def _time_of_any_day(parsed) -> str | None:
    """The time-of-day part (`T05:30`, `TMO`) of a time not tied to another day by its
    own words: a clock time or day part on the story's day, or a bare `dawn`."""
    if parsed.type != "TIME" or not parsed.value or not parsed.value.startswith("XXXX-XX-XXT"):
        return None
    if parsed.relation is None:
        return parsed.value[len("XXXX-XX-XX"):]
    return parsed.relation[1] if parsed.relation[0] == "day_time" and parsed.relation[2] == 0 else None


def _after_marker(text: str, start: int, markers: list[str]) -> bool:
    """Whether a number follows a marker of numbering (`No. 2914`, however the tokenizer
    split the marker)."""
    before = text[max(0, start - 16):start].rstrip()
    return any(before.endswith(m) and (len(before) == len(m) or not before[-len(m) - 1].isalnum()) for m in markers)


def _governor(span: Span):
    """The word a timex belongs to: up the dependency tree from its root through
    prepositions to the first verb or noun (`wrote on the fighting in 1917`: fighting)."""
    tok = span.root.head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def in_story(span: Span, lx: dict, later: bool = False) -> bool:
    """Whether a date moves the narrative's time (SPEC 3.3). Not: a retrospective span
    (`since 1995`), a date given for comparison (`as in 1614`), a date that only places a source or a commemoration (its verb is one
    of `out_of_story_verbs`: `found in 2004`, `a monument erected in 1990`), or a date
    in commentary told in the present (`historians now date it to 1204`). Nor a date
    in parentheses (`the new code (1804)`: an aside) or one that names an earlier event
    as the modifier of a noun (`veterans of the May 1871 rising`); a modifier date
    `later` than the story's time names no earlier event: the story has moved on to it
    (`after the failure of the March 1702 assault`, told after 1701)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in lx["retrospective_prepositions"]:
        return False
    if span.start > 1 and f"{doc[span.start - 2].lower_} {doc[span.start - 1].lower_}" in lx["comparison_phrases"]:
        return False  # `arranged as in 1614`: another time, for comparison
    if span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")":
        return False
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.i >= span.end and \
            root.head.pos_ == "NOUN" and not root.head.dep_.startswith("nsubj") and \
            span.start > 0 and doc[span.start - 1].tag_ in ("DT", "PRP$", "POS") and not later:
        return False  # `the 1852 harvest failed`: the subject's date is the story's
    if _governor(span).lemma_.lower() in lx["out_of_story_verbs"] or _irrealis(span, lx):
        return False
    root = span.sent.root
    return not (root.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in root.children))


def _after_story(value: str | None, current) -> bool:
    """Whether a date begins after the story's latest date ends (None: no story yet)."""
    if current is None or not value:
        return False
    first, last = iso_key(interval(value)[0]), iso_key(interval(current[0].split("/")[-1])[1])
    return first is not None and last is not None and first > last


def _end_far_ahead(span: Span, lx: dict, value: str | None, current) -> bool:
    """Whether a date is the end of a state told ahead of the story (`the siege lasted
    until March 1939`, told in 1936): after one of `until_prepositions`, more than a
    year after the story's latest date. The narrative then goes back to where it was;
    an end within the year (`held out until March`) is usually its next step."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in lx["until_prepositions"]:
        return False
    first, last = iso_key(interval(value)[0]), iso_key(interval(current[0].split("/")[-1])[1])
    return first is not None and last is not None and first > (last[0] + 1, last[1], last[2])


def _flash_forward(span: Span, lx: dict, from_story: bool) -> bool:
    """Whether a date is reached only as a glimpse ahead of the story: after one of
    `flash_forward_phrases` (`as late as 1781`), after a deadline preposition once the
    sentence's verb is told when the date is dated from the story (`from_story`: `the
    force grew to 200,000 by December`; `By May, ...` opening a sentence is the story's
    next step, and `by May 1943` names its year to move the story there), in a clause of `flash_forward_clauses`
    (`by the time the fort fell in 1781`), or on a verb with one of `flash_forward_adverbs`
    (`he eventually returned in 1790`; not `two years later`, itself a timex; nor a
    plain `later`, the narrative's usual step forward, while `would later` is irrealis). The caller
    applies it only to dates after the story's time: such a date is resolved but the
    story goes on from where it was."""
    doc, sent = span.doc, span.sent
    before = " ".join(t.lower_ for t in doc[max(sent.start, span.start - 4):span.start])
    if any(before == p or before.endswith(" " + p) for p in lx["flash_forward_phrases"]):
        return True
    if from_story and span.start > sent.root.i and doc[span.start - 1].lower_ in lx["deadline_prepositions"]:
        return True
    head = " ".join(t.lower_ for t in doc[sent.start:span.start])
    if any(f" {c} " in f" {head} " for c in lx["flash_forward_clauses"]):
        return True
    verb = _governor(span)
    return any(c.dep_ == "advmod" and c.lower_ in lx["flash_forward_adverbs"] and not list(c.children)
               for c in verb.children)


def _irrealis(span: Span, lx: dict) -> bool:
    """A date of what was planned, expected or only possible, not of what happened:
    `a campaign planned for 1976`, `the port would be exposed in 1976`. Up the tree from
    the timex to its verb, a word (or its modifier) whose lemma is one of `plan_words`,
    or the verb's auxiliary one of `irrealis_auxiliaries`."""
    tok = span.root
    for _ in range(8):
        if tok.i not in range(span.start, span.end) and (tok.lemma_.lower() in lx["plan_words"] or any(
                c.dep_ == "amod" and c.lemma_.lower() in lx["plan_words"] for c in tok.children)):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return any(c.dep_ == "aux" and c.lower_ in lx["irrealis_auxiliaries"] for c in tok.children)
        tok = tok.head
    return False


def _quoted(text: str, start: int, lx: dict) -> bool:
    """Whether a position is inside quotation marks opened in its paragraph."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    opening, closing = lx["quotes"]["open"], lx["quotes"]["close"]
    straight = sum(line.count(q) for q in opening if q in closing)  # `"` opens and closes
    curly = (sum(line.count(q) for q in opening if q not in closing)
             - sum(line.count(q) for q in closing if q not in opening))
    return curly > 0 or straight % 2 == 1


def flashback(span: Span, lx: dict) -> bool:
    """A date whose clause is told in the past perfect (`In February, riots had begun`)
    steps back from the story's time. Only the date's own clause counts (`declared on
    9 May that the truce had ended` goes on with the story), and a deadline is
    none (`the attack had been repulsed by January`: what was done by then)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in lx["deadline_prepositions"]:
        return False
    verb = _clause_verb(span)
    return verb.tag_ == "VBN" and any(
        c.lower_ in lx["past_perfect_auxiliaries"] and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _clause_verb(span: Span):
    """The verb of the clause a timex belongs to: up the tree from its root to the first
    verb (through prepositions and nouns: `the raid of 4 May had failed`: failed)."""
    tok = span.root.head
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _aside(text: str, current, value: str | None, start: int) -> bool:
    """A date told after the story's latest date in the same paragraph and wholly before
    it, after its sentence's main verb, steps back for an aside (`... on 28 March. A
    council was set up on 5 November 1917.`): the story goes on from where it was, not
    from there. A date opening its sentence (`In July 1937, the council ...`, `With the
    outbreak of war in 1937, ...`) starts a thread of the story instead (the caller
    checks that)."""
    if current is None or value is None:
        return False
    ref, key = current
    if not isinstance(key, tuple) or "\n" in text[key[1]:start]:
        return False
    latest, story_start = iso_key(interval(value)[1]), iso_key(interval(ref.split("/")[0])[0])
    return latest is not None and story_start is not None and latest < story_start


def _same_paragraph(text: str, current, start: int) -> bool:
    return current is not None and isinstance(current[1], tuple) and "\n" not in text[current[1][1]:start]


def _in_relative_clause(span: Span) -> bool:
    """Whether a date sits in a relative clause (`an assault that lasted until the fall of
    the city in February 1945`): it dates what the clause adds, not the story's next step."""
    tok = span.root
    for _ in range(12):
        if tok.dep_ == "relcl":
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _join(span: Span, parsed, end: int) -> bool:
    """A second expression inside the token span of a timex: two absolute dates in order
    become the range they write (True); anything else is dropped (never a second timex)."""
    info = span._.timex
    value = parsed.value
    if not (info["type"] == parsed.type == "DATE" and info["anchor"] is None and parsed.relation is None
            and value and info["value"] and "/" not in value + info["value"]):
        return False
    earliest, latest = interval(f"{info['value']}/{value}")
    if earliest is None:
        return False
    start = info["chars"][0] if info["chars"] else span.start_char
    span._.timex = replace(info, value=f"{info['value']}/{value}", mod=None, earliest=earliest, latest=latest,
                           chars=(start, end))
    return True


def _listed_days(text: str, start: int, end: int, parts: re.Pattern) -> list[tuple[int, int, str]]:
    """`May 4 and 5, 1865`, `the 28 and 29 August`: one date per listed day (SPEC 3.3:
    a coordination that is no range is one timex per date), each read with the list's
    month and year: (start, end, reading) of `May 4` (`May 4, 1865`) and `5, 1865`
    (`May 5, 1865`); `the 28` (`28 August`) and `29 August`. The month goes with the
    first day when it is written first, else with the last; the year with the last."""
    month = year = None
    days = []
    for m in parts.finditer(text, start, end):  # a year first: `25 BC` is no day
        if m.group(1) and days:
            year = m
        elif m.group(2):
            month = m
        elif m.group(3):
            days.append(m)
    if month is None or len(days) < 2:
        return []
    month_first = month.start() < days[0].start()
    tail = f" {year.group(0)}" if year else ""
    listed = []
    for i, day in enumerate(days):
        a = month.start() if month_first and i == 0 else (
            start if i == 0 else day.start() - (4 if text[day.start() - 4:day.start()] == "the " else 0))
        b = end if i == len(days) - 1 else day.end()
        number = day.group(0).rstrip("stndrh")
        reading = f"{month.group(0)} {number}," if month_first else f"{number} {month.group(0)}"
        listed.append((a, b, reading + tail if tail else reading.rstrip(",")))
    return listed


def _coordinated_year(text: str, end: int, found: list, parsed, between: re.Pattern) -> tuple[str, tuple[int, int]] | None:
    """`October and then December 1926`, `the spring and early summer of 1843`: a date
    or season without a year coordinated with a following dated one takes its year
    (SPEC 3.3); returns (year, its span)."""
    if not (parsed.relation and parsed.relation[0] in ("year", "season")):
        return None
    for start, stop, _ in found:
        if start >= end:
            if between.fullmatch(text[end:start]):
                year = re.search(r"\d{4}", text[start:stop])
                return (year.group(0), (start, stop)) if year else None
            return None
    return None


def _story_relation(relation: tuple) -> tuple:
    """The story's reading of a deictic relation ("dct", unit, n[, season]): `next year` as
    `the following year`, `last winter` as the winter before the story's time."""
    if relation[1] == "season":
        return ("next_season" if relation[2] > 0 else "previous_season", relation[3])
    return ("shift",) + relation[1:]


def from_dct(dct: str | None, unit: str, n: int) -> str | None:
    """`yesterday`, `last year` ... relative to the document creation date (YYYY-MM-DD);
    None when there is none or the result leaves the four-digit years."""
    if not dct:
        return None
    y, m, d = creation_date(dct)
    if unit == "day":
        y, m, d = civil(day_number(y, m, d) + n)
        return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= y <= 9999 else None
    if unit == "week":
        year, week = iso_week(day_number(y, m, d) + 7 * n)
        return f"{year:04d}-W{week:02d}" if 1 <= year <= 9999 else None
    if unit == "month":
        total = y * 12 + m - 1 + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}" if 1 <= total // 12 <= 9999 else None
    return f"{y + n:04d}" if 1 <= y + n <= 9999 else None


def _inside_name(text: str, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """`February Revolution`, `July Days`: a month inside a name is no timex; a year is
    (SPEC: `Sino-Soviet Treaty of 1945` carries the timex `1945`). `names` are the
    Doc's entities, in order and disjoint: only the last one starting at or before
    `start` can hold the expression."""
    if re.search(r"\d{4}", text):
        return False
    i = bisect_right(names, (start, float("inf"))) - 1
    return i >= 0 and end <= names[i][1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (in order and disjoint): only the
    last one starting before `end` can."""
    i = bisect_left(spans, (end,)) - 1
    return i >= 0 and spans[i][1] > start


@Language.factory("hist_timexes", default_config={"dct": None, "rules": None},
                  requires=["doc.ents", "span._.entity", "span._.kind", "token.tag", "token.dep"],
                  assigns=["span._.timex"])
def make_timexes(nlp: Language, name: str, dct: str | None, rules: str | None):
    return TimexStage(nlp, name, dct, rules)
