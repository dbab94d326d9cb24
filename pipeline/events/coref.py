"""Pronoun referents for event arguments: a deliberately simple, documented heuristic.

he/him/his/she/her -> (1) a PERSON subject earlier in the same sentence (the main
clause's first), (2) the subject PERSON of the nearest previous sentence of the
paragraph that has one, (3) the last PERSON mentioned earlier in the paragraph,
(4) where the paragraph gives no candidate of the right gender, the document's main
subject (see `main_subject`), (5) else the last person referent of earlier paragraphs.
they/them/their -> a plural subject (coordinated names, a group, an organisation) or
the people a sentence names when it names two or more (`X married Y. They moved ...`:
both; in an earlier sentence only when one of them is its subject), sentence by
sentence from the pronoun's own back to the paragraph's first; but where the main
clause of the pronoun's sentence (before it) or of the sentence before has a plural
noun with no name for subject (`the two moved ... they`), that group is meant and the
pronoun stays unresolved; else the last group/organisation of the paragraph; else the
last plural subject of earlier paragraphs.
it/its -> the same with places, organisations, laws and products.
Gender is learnt on the way: a name once resolved from he/him/his (or introduced as
`his wife X`, `her son X`, by the gender words of lexicon.json) is male or female, and
a pronoun of the other gender skips it. An object pronoun (`the king removed him`) never
refers to its own clause's subject. Several referents (coordinated names, the people of
one sentence) make one `entity` joined with `; ` (docs/annotation.md, decision 16).
A bare surname of the main subject that the entity stage left unlabelled still counts
as a mention of the subject (`Wrenfield sailed ...` after `Tobias Wrenfield`).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import islice

import numpy
from spacy.attrs import DEP, ENT_TYPE, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .lexicon import EventRules, Lexicon, lemma
from .syntax import clause_verb, conjuncts, surface_subjects

# Several referents of one argument (`they` -> two people) share its `entity`, joined thus.
REFERENT_SEPARATOR = "; "

OBJECT_DEPS = {"dobj", "pobj", "dative", "nsubjpass"}

NEUTER_LABELS = {"ORG", "GPE", "LOC", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
GROUP_LABELS = {"NORP", "ORG", "GPE"}


def _paragraphs(doc: Doc) -> dict[int, int]:
    """Sentence start token -> paragraph (segments' attribute, else count of line breaks)."""
    starts = {seg.start: seg._.paragraph for seg in doc.spans.get("segments", []) if seg._.paragraph is not None}
    text = None  # Doc.text is built anew from every token on each access: once, and only if needed
    out, breaks, counted = {}, 0, 0  # line breaks before `counted`, counted once over the text
    for s in doc.sents:
        if s.start in starts:
            out[s.start] = starts[s.start]
            continue
        if text is None:
            text = doc.text
        breaks += text.count("\n", counted, s.start_char)
        counted = s.start_char
        out[s.start] = breaks
    return out


class _Ref:
    """A referent: its name, the label of its (first) mention and whether it is plural."""

    def __init__(self, name: str, label: str, plural: bool):
        self.name, self.label, self.plural = name, label, plural

    def __eq__(self, other):
        return isinstance(other, _Ref) and other.name == self.name

    def __hash__(self):
        return hash(self.name)


def _ent_ref(lx: Lexicon, ent: Span) -> _Ref:
    return _Ref(lx.entity_name(ent), ent.label_, ent.label_ == "NORP")


def _subject_ref(lx: Lexicon, tok: Token, resolved: dict[int, _Ref]) -> _Ref | None:
    refs = []
    for t in conjuncts(tok):
        ent = lx.entity_of(t)
        if ent is not None:
            refs.append(_ent_ref(lx, ent))
        elif t.i in resolved:
            refs.append(resolved[t.i])
    if not refs:
        return None
    if len(refs) == 1:
        return refs[0]
    return _Ref(REFERENT_SEPARATOR.join(r.name for r in refs), refs[0].label, True)


def _fits(rules: EventRules, ref: _Ref | None, pron: str, gender: dict | None = None) -> bool:
    if ref is None:
        return False
    if pron in rules.personal:
        want = "f" if pron in rules.feminine else "m"
        known = (gender or {}).get(ref.name)
        return ref.label == "PERSON" and not ref.plural and known in (None, want)
    if pron in rules.plural:
        return ref.plural or ref.label in GROUP_LABELS
    return ref.label in NEUTER_LABELS and not ref.plural


def _gender_cues(lx: Lexicon, doc: Doc) -> dict[str, str]:
    """Names introduced by a gendered noun: `his wife X`, `X, her son`, `Tsar X`."""
    female, male = lx.word_classes["female_nouns"], lx.word_classes["male_nouns"]
    out = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        near = [ent.root.head] + [c for c in ent.root.children if c.dep_ in ("appos", "compound")] \
            + [doc[i] for i in range(max(ent.start - 2, 0), ent.start)]
        for t in near:
            if lemma(t) in female:
                out[ent._.entity or ent.text] = "f"
            elif lemma(t) in male:
                out[ent._.entity or ent.text] = "m"
    return out


def main_subject(doc: Doc) -> _Ref | None:
    """The person a document is about: of the people its first two sentences name (a
    biography's title and opening sentence), the one the document names most often;
    where those name nobody, the person named most often if named at least twice. Names
    are counted by canonical name (`entity`), so a bare surname counts for the full name;
    ties go to the earlier first mention."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    count = Counter(e._.entity or e.text for e in persons)
    opening_end = max((s.end for s in islice(doc.sents, 2)), default=0)
    opening = [e._.entity or e.text for e in persons if e.start < opening_end]
    pool = list(dict.fromkeys(opening)) or [n for n in dict.fromkeys(e._.entity or e.text for e in persons)
                                            if count[n] >= 2]
    if not pool:
        return None
    return _Ref(max(pool, key=lambda n: (count[n], -pool.index(n))), "PERSON", False)


def _surname(main: _Ref | None) -> str | None:
    """The main subject's surname: the last word of a name of two or more words."""
    words = main.name.split() if main is not None else []
    return words[-1] if len(words) >= 2 else None


def _bare_surname(tok: Token, surname: str | None) -> bool:
    """An unlabelled proper noun that is the main subject's surname (`_surname`): a
    mention of the main subject the entity stage missed."""
    return surname is not None and tok.text == surname and not tok.ent_type_ and tok.pos_ == "PROPN"


# A sentence whose subject is a plural noun phrase with no name (`the two`, `the rebels`):
# `they` after it means that group, which has no canonical name to give.
UNNAMED_GROUP = _Ref("", "", True)


def _unnamed_plural_subject(tok: Token, root: Token, resolved: dict[int, _Ref]) -> bool:
    """A main-clause subject that is a plural noun or a number with no name (`the rebels`)."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ in ("", "CARDINAL") and tok.i not in resolved \
        and (tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "NUM") and doc_head_is_root(tok, root)


def _people(unnamed: bool, refs: list[_Ref], subjects: list[tuple[int, _Ref]] | None) -> _Ref | None:
    """The referent a later `they` takes from (the start of) a sentence: UNNAMED_GROUP
    where its main clause has an unnamed plural subject (`unnamed`); else the two or more
    people it names (`X married Y`), when one of them is among `subjects` (None: no such
    condition, for the pronoun's own sentence); else None."""
    if unnamed:
        return UNNAMED_GROUP
    names = list(dict.fromkeys(r.name for r in refs if r.label == "PERSON" and not r.plural))
    if len(names) < 2 or subjects is not None and not any(r.name in names for _, r in subjects):
        return None
    return _Ref(REFERENT_SEPARATOR.join(names), "PERSON", True)


def resolve(lx: Lexicon, doc: Doc) -> dict[int, str]:
    """Token index of each 3rd-person pronoun -> canonical name of its referent."""
    resolved: dict[int, _Ref] = {}
    gender = _gender_cues(lx, doc)
    topic: dict[str, _Ref] = {}
    main = main_subject(doc)
    if main is not None:
        topic["main"] = main
    para, subjects, mentions, people = None, [], [], []
    paragraphs = _paragraphs(doc)
    main_surname = _surname(main)
    relevant = _relevant_tokens(lx, doc, main_surname)
    for sent in doc.sents:
        p = paragraphs[sent.start]
        if p != para:
            para, subjects, mentions, people = p, [], [], []
        sent_subjects: list[tuple[int, _Ref]] = []
        sent_people: list[_Ref] = []
        root, unnamed = sent.root, False  # Span.root scans the sentence: once per sentence
        for tok in (doc[i] for i in relevant[bisect_left(relevant, sent.start):bisect_left(relevant, sent.end)]):
            unnamed = unnamed or _unnamed_plural_subject(tok, root, resolved)
            low = tok.lower_
            surname = _bare_surname(tok, main_surname)
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.ent_type_ or tok.i in resolved or surname):
                ref = main if surname else _subject_ref(lx, tok, resolved)
                if ref is not None:
                    sent_subjects.append((tok.i, ref))
            if low not in lx.rules.pronouns or tok.pos_ != "PRON":
                ent = lx.entity_of(tok)
                if ent is not None and ent.start == tok.i:
                    mentions.append(_ent_ref(lx, ent))
                    sent_people.append(mentions[-1])
                elif surname:
                    mentions.append(main)
                    sent_people.append(main)
                continue
            banned = _clause_subjects(lx, tok, resolved) if tok.dep_ in OBJECT_DEPS and \
                low not in lx.rules.possessive_reflexive else set()
            ref = _resolve_one(lx, low, tok, sent, sent_subjects, subjects, mentions,
                               [_people(unnamed, sent_people, None)] + people[::-1], topic, gender, banned)
            if ref is None:
                continue
            resolved[tok.i] = ref
            if low in lx.rules.personal and ref.name not in gender:
                gender[ref.name] = "f" if low in lx.rules.feminine else "m"
            if tok.dep_ in ("nsubj", "nsubjpass"):
                sent_subjects.append((tok.i, ref))
            if tok.dep_ != "poss":
                sent_people.append(ref)
        for _, ref in sent_subjects:
            for key, pron in (("personal", "he"), ("personal_f", "she"), ("plural", "they"), ("neuter", "it")):
                if _fits(lx.rules, ref, pron, gender):
                    topic[key] = ref
        subjects.append([r for _, r in sent_subjects])
        people.append(_people(unnamed, sent_people, sent_subjects))
    return {i: r.name for i, r in resolved.items()}


def _relevant_tokens(lx: Lexicon, doc: Doc, surname: str | None) -> list[int]:
    """The tokens `resolve` can learn or change anything at, in order: subjects, words
    of an entity, the pronouns it resolves and the main subject's bare surname. Every
    other word goes through its loop untouched; they are skipped here, found from the
    Doc's columns, so that no Token is made for each of them."""
    if not len(doc):
        return []
    cols = doc.to_array([DEP, ENT_TYPE, LOWER, ORTH])
    subjects = [doc.vocab.strings["nsubj"], doc.vocab.strings["nsubjpass"]]
    pronouns = [get_string_id(w) for w in lx.rules.pronouns]
    keep = numpy.isin(cols[:, 0], subjects) | (cols[:, 1] != 0) | numpy.isin(cols[:, 2], pronouns)
    if surname is not None:
        keep |= cols[:, 3] == get_string_id(surname)
    return numpy.flatnonzero(keep).tolist()


def _clause_subjects(lx: Lexicon, tok: Token, resolved: dict[int, _Ref]) -> set[str]:
    """Names of the subject of the clause an object pronoun belongs to (binding: not them)."""
    verb = clause_verb(tok.head if tok.dep_ != "nsubjpass" else tok)
    out = set()
    for s in surface_subjects(verb):
        if s.i == tok.i:
            continue
        ref = _subject_ref(lx, s, resolved)
        if ref is not None:
            out.add(ref.name)
    return out


def _resolve_one(lx, low, tok, sent, sent_subjects, subjects, mentions, people, topic, gender,
                 banned) -> _Ref | None:
    """`people`: the plural referent of the people each sentence of the paragraph names
    (None where fewer than two), this sentence's so far first, then nearest first."""
    def ok(ref):
        return _fits(lx.rules, ref, low, gender) and ref.name not in banned

    earlier = [r for i, r in sent_subjects if i < tok.i]
    root = sent.root  # Span.root scans the sentence: once per pronoun, not per subject
    root_subj = [r for i, r in sent_subjects if i < tok.i and doc_head_is_root(tok.doc[i], root)]
    for ref in root_subj + earlier[::-1]:
        if ok(ref):
            return ref
    if banned:  # an object pronoun: the nearest other name of the sentence first
        for ref in reversed(_sentence_mentions(lx, tok, sent)):
            if ok(ref):
                return ref
    plural = low in lx.rules.plural
    if plural and people[0] is UNNAMED_GROUP:
        return None
    if plural and people[0] is not None and ok(people[0]):
        return people[0]
    for n, (refs, named) in enumerate(zip(reversed(subjects), people[1:])):
        for ref in refs:
            if ok(ref):
                return ref
        if plural and named is UNNAMED_GROUP and n == 0:
            return None
        if plural and named not in (None, UNNAMED_GROUP) and ok(named):
            return named
    for ref in reversed(mentions):
        if ok(ref):
            return ref
    if low in lx.rules.personal:
        keys = ("main", "personal_f" if low in lx.rules.feminine else "personal")
    else:
        keys = ("plural",) if plural else ()
    for key in keys:
        ref = topic.get(key)
        if ref is not None and ok(ref):
            return ref
    return None


def _sentence_mentions(lx: Lexicon, tok: Token, sent: Span) -> list[_Ref]:
    return [_ent_ref(lx, e) for e in dict.fromkeys(lx.entity_of(t) for t in sent if t.i < tok.i and t.ent_type_) if e]


def doc_head_is_root(tok: Token, root: Token) -> bool:
    return tok.head == root or tok.head.head == root and tok.head.dep_ == "conj"
