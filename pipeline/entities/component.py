"""Named-entity component `hist_entities`.

Runs after spaCy's `ner`. It moves DATE/TIME mentions to doc.spans["timex_candidates"]
for the date stage, adds the constructions the small model misses (token patterns in
models/entities/en/patterns.jsonl, run by pipeline.matching where their anchor word
occurs), corrects spans and labels with general rules (labels.py), makes labels
consistent per document (one sense per discourse, decided by confident contexts) and
sets canonical names (canonical.py).
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..matching import AnchoredMatcher
from ..rules import RuleFiles
from . import canonical
from .labels import LabelRules, place_token_index, string_ids, tokens_with

TIME_LABELS = {"DATE", "TIME"}


class EntityStage(RuleFiles):
    """Owns models/entities/en/patterns.jsonl (token patterns with labels), label_rules.json,
    and the WordNet-derived places.json (general geography), person_nouns.json,
    peoples.json (peoples, dynasties and their adjectives) and vehicle_nouns.json."""

    stage = "entities"
    files = ("patterns.jsonl", "label_rules.json", "places.json", "person_nouns.json", "peoples.json",
             "vehicle_nouns.json")

    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.ruler = AnchoredMatcher(nlp.vocab)
        self.make_doc = nlp.make_doc
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.set_rules(self.read_rule_files(rules, nlp.lang))

    def set_rules(self, rule_files: dict) -> None:
        super().set_rules(rule_files)
        self.rules = LabelRules(rule_files["label_rules.json"], rule_files["places.json"],
                                rule_files["person_nouns.json"], rule_files["peoples.json"],
                                rule_files["vehicle_nouns.json"])
        self.ruler.clear()
        for rule in rule_files["patterns.jsonl"]:
            self.ruler.add(rule["label"], rule["pattern"])
        for label in ("LOC", "GPE"):
            if label in self.places:
                self.places.remove(label)
            self.places.add(label, [self.make_doc(n) for n in rule_files["places.json"][label]])

    def __call__(self, doc: Doc) -> Doc:
        # what is learnt about this Doc stays in locals: the component is shared by every Doc
        model_ents = _merge_person_fragments(list(doc.ents))
        person_tokens = {i for e in model_ents if e.label_ == "PERSON" and not self.rules.is_acronym(e.text)
                         for i in range(e.start, e.end)}
        doc.spans[ext.TIMEX_CANDIDATES] = [e for e in model_ents if e.label_ in TIME_LABELS]
        patterns = self.ruler(doc)
        candidates: list[tuple[Span, bool]] = []  # (span, confident)
        people = _person_names([self.rules.trim(e) for e in model_ents if e.label_ == "PERSON"],
                               self.rules.demonyms, model_ents, self.rules.place_only, self.rules.places)
        # `his general X`: X is a person wherever the document names him alone
        introduced = self.rules.person_noun_names(doc)
        people |= {s.text for s in introduced if not self.rules.after_place_preposition(s)}
        subjects = self.rules.copula_names(doc)  # `X (1852-1919) was a Swedish journalist`
        people |= subjects | {name.split()[-1] for name in subjects}  # and the surname alone
        place_tokens = place_token_index(doc)
        for span in patterns:
            if span.label_ in PLACE_LABELS and _name_goes_on(span):
                continue  # `X Temple Chronicle`: the head word is not the name's end
            fixed = self.rules.trim(span)
            if fixed is not None and self.rules.is_name(fixed):
                candidates.append((fixed, True))
        for ent in (part for e in model_ents for part in self.rules.split_run_on(e)):
            if ent.label_ in TIME_LABELS:
                continue
            fixed = self.rules.trim(ent)
            named = self.rules.with_epithet(fixed) if fixed is not None else None
            if named is not None:  # `X the Great`: the epithet belongs to the name
                candidates.append((named, True))
                continue
            if fixed is None or not self.rules.is_name(fixed) and fixed.label_ not in ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
                continue
            relabelled, confident = self.relabel(fixed, people, person_tokens, place_tokens)
            candidates.append((relabelled, confident))
        candidates.extend((s, True) for s in self.rules.work_titles(doc))
        candidates.extend((s, True) for s in introduced)
        model_tokens = {i for e in model_ents for i in range(e.start, e.end)}
        candidates.extend((s, False) for s in self.rules.titled_names(doc, model_tokens))
        non_person = {i for e in model_ents if e.label_ not in NUMERIC_LABELS | {"PERSON"} and e.text[:1].isupper()
                      for i in range(e.start, e.end)}  # not `between X II`, a number or no name at all
        candidates.extend((s, True) for s in self.rules.regnal_names(doc, non_person))
        candidates.extend((s, True) for s in self.rules.unnamed_subjects(doc))
        candidates.extend((s, True) for s in _name_parts(doc, people, [c for c, _ in candidates]))
        kept = _split_units(_resolve_overlaps(candidates), self.rules)
        kept += _gazetteer_mentions(doc, self.places(doc, as_spans=True), kept)
        kept += [(s, True) for s in self.rules.missed_groups(doc, {i for s, _ in kept for i in range(s.start, s.end)})]
        kept += [(s, True) for s in self.rules.vehicle_names(doc, {i for s, _ in kept for i in range(s.start, s.end)})]
        kept += _paired_places(doc, kept)
        kept += [(s, False) for s in self.rules.missed_places(doc, {i for s, _ in kept for i in range(s.start, s.end)})
                 if s.text not in people]
        kept = self.harmonise(_full_names_of_people(kept + _repeated_mentions(doc, kept), self.rules))
        kept = _defined_acronyms(doc, kept)
        kept = _short_forms(doc, kept, self.rules)
        ents = sorted((s for s, _ in kept), key=lambda s: s.start)
        doc.ents = ents
        canonical.assign(doc, list(doc.ents), self.rules)
        _acronym_labels(doc)
        return doc

    def relabel(self, span: Span, people: set[str], person_tokens: set[int],
                place_tokens: dict[str, list[int]]) -> tuple[Span, bool]:
        """A better label from the span's context, and whether that context is confident.
        `people`: full names and surnames of the Doc's people; `person_tokens`: tokens
        of the model's PERSON spans; `place_tokens`: labels.place_token_index of the Doc."""
        label = span.label_
        if label in ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            return span, False
        if canonical.follows_nickname_cue(span, self.rules):
            return Span(span.doc, span.start, span.end, label="PERSON"), True
        head_rule = self.rules.word_label(span) if len(span) > 1 else None
        if span.text in people and not head_rule and not self.rules.after_place_preposition(span):
            return Span(span.doc, span.start, span.end, label="PERSON"), True
        if label == "PERSON" and self.rules.places.get(span.text) == "GPE" and not self.rules.after_place_preposition(span) \
                and any(name.split()[0] == span.text for name in people if " " in name):
            # a city's name the model calls a person, and the first name of someone the
            # document names in full (`Florence` after `Florence X`): the gazetteer
            # does not make it a city
            return span, False
        for rule in (self.rules.context_label, self.rules.vehicle_label,
                     lambda s: self.rules.compass_region(s, place_tokens), self.rules.known_place, self.rules.word_label,
                     self.rules.title_person, self.rules.person_noun_label, self.rules.gazetteer_label, self.rules.acronym_body,
                     self.rules.plural_group, self.rules.people_adjective,
                     lambda s: self.rules.person_context(s, person_tokens), self.rules.locative_label,
                     self.rules.determiner_place, self.rules.object_place, self.rules.adjective_group,
                     self.rules.singular_group_name):
            new = rule(span)
            if new:
                relabelled = Span(span.doc, span.start, span.end, label=new)
                if new == "PERSON":  # a person's span drops its titles (`General X` -> `X`)
                    relabelled = self.rules.trim(relabelled) or relabelled
                return relabelled, True
        return span, False

    def harmonise(self, kept: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
        """One sense per discourse: an unconfident mention takes the label its text has
        most often in the document, a confident context counting three times."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for span, confident in kept:
            votes[span.text][span.label_] += 3 if confident else 1
        out = []
        for span, confident in kept:
            if not confident and votes.get(span.text):
                label = votes[span.text].most_common(1)[0][0]
                if label != span.label_:
                    span = Span(span.doc, span.start, span.end, label=label)
            out.append((span, confident))
        return out


NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# labels of head-word patterns (`X Temple`, `X River`) that end a name: a proper noun
# after the head means a longer name of something else (`X Temple Chronicle`); event,
# law and organisation names go on after their head word (`X Operation Y`, `Proclamation No. 5`)
PLACE_LABELS = {"FAC", "GPE", "LOC"}


def _repeated_mentions(doc: Doc, kept: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """One name, one entity per document: where the document names an entity and the
    model misses a later (or earlier) occurrence of exactly that name, the occurrence is
    a mention too (`Carthage` found in one sentence, missed in the next). Only runs of
    proper nouns outside every kept span; they get the label by vote (`harmonise`)."""
    names: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    label_of: dict[tuple[str, ...], str] = {}
    for span, _ in kept:
        words = tuple(t.text for t in span)
        if span.label_ in NUMERIC_LABELS or not span.text[:1].isupper() or len(span.text) < 3 \
                or not all(t.pos_ == "PROPN" for t in span):
            continue
        if words not in label_of:
            names[words[0]].append(words)
            label_of[words] = span.label_
    covered = {i for span, _ in kept for i in range(span.start, span.end)}
    found = []
    # only tokens that begin a known name can begin a repeated mention: found at once
    # from the Doc's ORTH column, not by looking at every token
    first_words = numpy.array([get_string_id(w) for w in names], dtype="uint64")
    starts = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), first_words)).tolist() if len(doc) else []
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the mention found last
        i = start
        match = None
        for words in sorted(names.get(doc[i].text, ()), key=len, reverse=True):
            end = i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words \
                    and not any(j in covered for j in range(i, end)) \
                    and all(t.pos_ == "PROPN" or _unknown_name(t, words, label_of[words]) for t in doc[i:end]) \
                    and not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()) \
                    and not (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()):
                match = Span(doc, i, end, label=label_of[words])
                break
        if match is not None:
            found.append((match, False))
            covered.update(range(match.start, match.end))
            i = match.end
    return found


def _unknown_name(token, words: tuple[str, ...], label: str) -> bool:
    """A one-word person's name the tagger read as a common noun (`X fled ...` with an
    unfamiliar X tagged NN): title case, not a sentence-initial ordinary word, since
    the document names that person elsewhere."""
    return len(words) == 1 and label == "PERSON" and token.pos_ == "NOUN" and token.is_title


def _name_goes_on(span: Span) -> bool:
    """Whether a proper noun in title case follows the span in its sentence: the name a
    head-word pattern found is then only the start of a longer one."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.pos_ == "PROPN" and nxt.is_title and not nxt.is_sent_start


def _split_units(kept: list[tuple[Span, bool]], rules: LabelRules) -> list[tuple[Span, bool]]:
    """`US Eighth Army` -> `US` + `Eighth Army` (LabelRules.split_unit); a country is one
    the document labels GPE elsewhere or the gazetteer knows."""
    gpe_names = {s.text for s, _ in kept if s.label_ == "GPE"}
    out = []
    for span, confident in kept:
        parts = rules.split_unit(span, gpe_names)
        out.extend([(p, True) for p in parts] if parts else [(span, confident)])
    return out


def _defined_acronyms(doc: Doc, kept: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """An acronym the text defines in parentheses after a name (`Long Name (LN)`) is
    that name's short form: every mention of it takes the name's label, and the
    mentions the model missed are added."""
    defined: dict[str, str] = {}
    fixed = []
    for span, confident in kept:  # the model may take `Long Name (LN` as one name
        if len(span) >= 4 and span[-2].text == "(" and span.end < len(doc) and doc[span.end].text == ")"                 and span[-1].text.isalpha() and span[-1].text.isupper():
            span, confident = Span(doc, span.start, span.end - 2, label=span.label_), True
        fixed.append((span, confident))
    kept = fixed
    for span, _ in kept:
        if len(span) >= 2 and span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            acro = doc[span.end + 1].text
            if acro.isalpha() and acro.isupper() and len(acro) >= 2:
                defined.setdefault(acro, span.label_)
    if not defined:
        return kept
    out = [(Span(doc, s.start, s.end, label=defined[s.text]), True) if s.text in defined and s.label_ != defined[s.text]
           else (s, c) for s, c in kept]
    covered = {i for s, _ in out for i in range(s.start, s.end)}
    out += [(Span(doc, t.i, t.i + 1, label=defined[t.text]), True) for t in doc
            if t.text in defined and t.i not in covered]
    return out


def _short_forms(doc: Doc, kept: list[tuple[Span, bool]], rules: LabelRules) -> list[tuple[Span, bool]]:
    """`the League` after `the Hanseatic League`: the head noun of an organisation's
    name, capitalised after `the`, is a short form of that name (OntoNotes marks it):
    an ORG mention wherever it stands alone, whatever label the model gave it, and the
    mentions the model missed are added. The head is the name's last word and its
    syntactic root, a singular noun and no demonym (`the Mongol` of `Grand Mongol` is
    an adjective elsewhere; `Party of X` ends in a place). Not where another capitalised
    word follows (`the League Council` is some other name)."""
    heads = {s[-1].text for s, _ in kept if s.label_ == "ORG" and len(s) >= 2 and s.root.i == s[-1].i
             and s[-1].is_title and s[-1].is_alpha and s[-1].tag_ in ("NN", "NNP") and s[-1].text not in rules.demonyms
             and s[-1].text not in rules.places and s[-1].lower_ not in rules.compass}
    if not heads:
        return kept
    def short(start: int, end: int) -> bool:
        return end - start == 1 and doc[start].text in heads and start > 0 and doc[start - 1].lower_ == "the" \
            and not (end < len(doc) and doc[end].text[:1].isupper())
    out = [(Span(doc, s.start, s.end, label="ORG"), True) if s.label_ not in ("ORG", "NORP", "LOC") and short(s.start, s.end)
           else (s, c) for s, c in kept]  # a group (`the Jacobins`), a region (`the North`) stay one
    covered = {i for s, _ in out for i in range(s.start, s.end)}
    out += [(Span(doc, t.i, t.i + 1, label="ORG"), True) for t in tokens_with(doc, ORTH, string_ids(heads))
            if t.i not in covered and t.pos_ in ("PROPN", "NOUN") and short(t.i, t.i + 1)]
    return out


def _gazetteer_mentions(doc: Doc, matches: list[Span], kept: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """Places of the general gazetteer (places.json) the model missed (`the Oder`): a
    match of proper nouns where no entity was found, not part of a longer run of
    capitalised words (`Oder Street` is some other name)."""
    covered = {i for span, _ in kept for i in range(span.start, span.end)}
    found = []
    for span in sorted(matches, key=lambda s: (s.start, -len(s))):
        if any(i in covered for i in range(span.start, span.end)) or not all(t.pos_ == "PROPN" for t in span):
            continue
        if (span.start > 0 and doc[span.start - 1].text[:1].isupper() and not doc[span.start - 1].is_sent_start) \
                or (span.end < len(doc) and doc[span.end].text[:1].isupper()):
            continue
        found.append((span, True))
        covered.update(range(span.start, span.end))
    return found


DASHES = ("-", "–", "—")


def _paired_places(doc: Doc, kept: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """The other end of a pair of places the model found one end of: `the X–Y road`
    (two names joined by a dash with no space) and `between X and Y`. The missed end, a
    run of one to three title-case proper nouns outside every entity, is a place of the
    found end's label (GPE, LOC). Found from the kept places, not by visiting tokens."""
    covered = {i for s, _ in kept for i in range(s.start, s.end)}

    def name_from(i: int, step: int) -> Span | None:
        lo = hi = i
        while 0 <= hi < len(doc) and abs(hi - i) < 3 and hi not in covered and doc[hi].pos_ == "PROPN" \
                and doc[hi].is_title and doc[hi].is_alpha and not doc[hi].is_sent_start:
            hi += step
        if hi == lo:
            return None
        start, end = (lo, hi) if step > 0 else (hi + 1, lo + 1)
        if (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()) or \
                (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()):
            return None  # part of a longer name
        return Span(doc, start, end)

    found = []
    for span, _ in kept:
        if span.label_ not in ("GPE", "LOC"):
            continue
        other = None
        end, start = span.end, span.start
        if end + 1 < len(doc) and doc[end].text in DASHES and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            other = name_from(end + 1, 1)  # `X–Y`, X found
        elif start >= 2 and doc[start - 1].text in DASHES and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            other = name_from(start - 2, -1)  # `X–Y`, Y found
        elif start > 0 and doc[start - 1].lower_ == "between" and end + 1 < len(doc) and doc[end].lower_ == "and":
            other = name_from(end + 1, 1)  # `between X and Y`, X found
        if other is not None:
            found.append((Span(doc, other.start, other.end, label=span.label_), True))
            covered.update(range(other.start, other.end))
    return found


def _full_names_of_people(kept: list[tuple[Span, bool]], rules: LabelRules) -> list[tuple[Span, bool]]:
    """A name of proper nouns ending in the surname of someone the context shows to be a
    person (`X died`, `General X`) is that person too, whatever the model labelled it,
    unless its own words give another label (`X River`, `Battle of X`)."""
    surnames = {s.text for s, confident in kept if confident and s.label_ == "PERSON" and len(s) == 1}
    out = []
    for span, confident in kept:
        if span.label_ not in ("PERSON",) and len(span) >= 2 and span[-1].text in surnames \
                and all(t.pos_ == "PROPN" for t in span) and rules.word_label(span) is None:
            span, confident = Span(span.doc, span.start, span.end, label="PERSON"), True
        out.append((span, confident))
    return out


def _merge_person_fragments(ents: list[Span]) -> list[Span]:
    """`Ivan` + `Petrovich` + `Pavlov`: PERSON pieces joined only by title-case
    proper nouns (a patronymic, a middle name) are one name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON":
            gap = ent.doc[prev.end: ent.start]
            if len(gap) <= 2 and all(t.pos_ == "PROPN" and t.is_title for t in gap) and \
                    all(not t.whitespace_ or t.whitespace_ == " " for t in ent.doc[prev.start: ent.end - 1]):
                out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
                continue
        out.append(ent)
    return out


def _name_parts(doc: Doc, people: set[str], taken: list[Span]) -> list[Span]:
    """Mentions of people the document names in full, where the model found nothing:
    the full name again (longest first), or the given name or surname alone (`Anna`,
    `Tolstoy`)."""
    full: dict[str, list[list[str]]] = {}  # first word -> the full names it begins, longest first
    for words in sorted((name.split() for name in people if " " in name), key=len, reverse=True):
        full.setdefault(words[0], []).append(words)
    parts = {w for name in people for w in name.split() if len(w) > 2 and w[0].isupper()}
    covered = {i for s in taken for i in range(s.start, s.end)}
    found = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        for words in full.get(token.text, ()):
            end = token.i + len(words)
            if end <= len(doc) and [t.text for t in doc[token.i:end]] == words and not covered & set(range(token.i, end)):
                found.append(Span(doc, token.i, end, label="PERSON"))
                covered.update(range(token.i, end))
                break
        else:
            if token.text in parts:
                found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return found


def _acronym_labels(doc: Doc) -> None:
    """An acronym written out elsewhere (`NEP`) takes the label of its long form."""
    ents = list(doc.ents)  # doc.ents rebuilds every span on each access: once here
    by_text = {e.text: e.label_ for e in ents}
    changed = False
    for n, e in enumerate(ents):
        canonical_name = e._.entity
        long_label = by_text.get(canonical_name) if canonical_name and canonical_name != e.text else None
        if long_label and long_label != e.label_ and e.label_ != "PERSON":
            ents[n] = Span(doc, e.start, e.end, label=long_label)
            ents[n]._.entity = canonical_name
            changed = True
    if changed:
        doc.ents = ents


def _person_names(spans, demonyms: set[str], model_ents: list[Span], place_only: set[str],
                  places: dict[str, str]) -> set[str]:
    """Full names the model found (two or more proper nouns) and their surnames:
    mentions of these strings are people wherever they occur in the document, whatever
    the model labels them there (it often calls a bare surname ORG or GPE), unless the
    document itself uses the word as a place: the model calls it a place after a
    preposition of place somewhere (`at X`, `in X`; `Germany` in a mislabelled span).
    A full name the gazetteer knows as a place (`places`: `Ciudad Juarez`, `San Antonio`,
    the model reading a first name in them) is no person's."""
    placed = {e.text for e in model_ents if e.label_ in ("GPE", "LOC", "FAC") and e.start > 0
              and e.doc[e.start - 1].lower_ in place_only
              and not (e.end < len(e.doc) and e.doc[e.end].text in ("'s", "’s", "'", "’"))}
    names = set()
    for span in spans:
        if span is None:
            continue
        words = span.text.split()
        if len(words) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span) \
                and words[-1] not in demonyms and span.text not in places:
            if words[-1] in placed:
                continue
            names.add(span.text)
            names.add(words[-1])
    return names


def _resolve_overlaps(candidates: list[tuple[Span, bool]]) -> list[tuple[Span, bool]]:
    """Non-overlapping set: pattern and confident spans first, then longer spans."""
    ordered = sorted(candidates, key=lambda c: (not c[1], -(c[0].end - c[0].start), c[0].start))
    taken: set[int] = set()
    out = []
    for span, confident in ordered:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        out.append((span, confident))
    return out


# `rules`: a folder holding patterns.jsonl and label_rules.json; None is the package's
# models/entities/en.
@Language.factory("hist_entities", default_config={"rules": None},
                  requires=["doc.ents", "token.tag", "token.dep"], assigns=["doc.ents", "span._.entity"])
def make_entities(nlp: Language, name: str, rules: str | None):
    return EntityStage(nlp, name, rules)
