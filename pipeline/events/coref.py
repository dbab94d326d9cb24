"""Pronoun referents for event arguments: a deliberately simple, documented heuristic.

he/him/his/she/her -> (1) a PERSON subject earlier in the same sentence (the main
clause's first), (2) the subject PERSON of the nearest previous sentence of the
paragraph that has one, (3) the last PERSON mentioned earlier in the paragraph,
(4) the last person referent of earlier paragraphs (the article's topic).
they/them/their -> a plural subject (coordinated names, a group, an organisation),
in the same order, else the last group/organisation of the paragraph.
it/its -> the same with places, organisations, laws and products.
Gender is learnt on the way: a name once resolved from he/him/his (or introduced as
`his wife X`, `her son X`, by the gender words of lexicon.json) is male or female, and
a pronoun of the other gender skips it. An object pronoun (`the king removed him`) never
refers to its own clause's subject. Coordinated names are joined with `; `.
"""
from __future__ import annotations

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
    text = doc.text  # built anew on every access: once here
    return {s.start: starts[s.start] if s.start in starts else text.count("\n", 0, s.start_char) for s in doc.sents}


class _Ref:
    """A referent: its name, the label of its (first) mention and whether it is plural."""

    def __init__(self, name: str, label: str, plural: bool):
        self.name, self.label, self.plural = name, label, plural

    def __eq__(self, other):
        return isinstance(other, _Ref) and other.name == self.name

    def __hash__(self):
        return hash(self.name)


def _ent_ref(ent: Span) -> _Ref:
    return _Ref(ent._.entity or ent.text, ent.label_, ent.label_ == "NORP")


def _subject_ref(lx: Lexicon, tok: Token, resolved: dict[int, _Ref]) -> _Ref | None:
    refs = []
    for t in conjuncts(tok):
        ent = lx.entity_of(t)
        if ent is not None:
            refs.append(_ent_ref(ent))
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


def resolve(lx: Lexicon, doc: Doc) -> dict[int, str]:
    """Token index of each 3rd-person pronoun -> canonical name of its referent."""
    resolved: dict[int, _Ref] = {}
    gender = _gender_cues(lx, doc)
    topic: dict[str, _Ref] = {}
    para, subjects, mentions = None, [], []
    paragraphs = _paragraphs(doc)
    for sent in doc.sents:
        p = paragraphs[sent.start]
        if p != para:
            para, subjects, mentions = p, [], []
        sent_subjects: list[tuple[int, _Ref]] = []
        for tok in sent:
            low = tok.lower_
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.ent_type_ or tok.i in resolved):
                ref = _subject_ref(lx, tok, resolved)
                if ref is not None:
                    sent_subjects.append((tok.i, ref))
            if low not in lx.rules.pronouns or tok.pos_ != "PRON":
                ent = lx.entity_of(tok)
                if ent is not None and ent.start == tok.i:
                    mentions.append(_ent_ref(ent))
                continue
            banned = _clause_subjects(lx, tok, resolved) if tok.dep_ in OBJECT_DEPS and \
                low not in lx.rules.possessive_reflexive else set()
            ref = _resolve_one(lx, low, tok, sent, sent_subjects, subjects, mentions, topic, gender, banned)
            if ref is None:
                continue
            resolved[tok.i] = ref
            if low in lx.rules.personal and ref.name not in gender:
                gender[ref.name] = "f" if low in lx.rules.feminine else "m"
            if tok.dep_ in ("nsubj", "nsubjpass"):
                sent_subjects.append((tok.i, ref))
        for _, ref in sent_subjects:
            for key, pron in (("personal", "he"), ("personal_f", "she"), ("plural", "they"), ("neuter", "it")):
                if _fits(lx.rules, ref, pron, gender):
                    topic[key] = ref
        subjects.append([r for _, r in sent_subjects])
    return {i: r.name for i, r in resolved.items()}


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


def _resolve_one(lx, low, tok, sent, sent_subjects, subjects, mentions, topic, gender, banned) -> _Ref | None:
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
    for refs in reversed(subjects):
        for ref in refs:
            if ok(ref):
                return ref
    for ref in reversed(mentions):
        if ok(ref):
            return ref
    if low in lx.rules.personal:
        ref = topic.get("personal_f" if low in lx.rules.feminine else "personal")
        return ref if ref is not None and ok(ref) else None
    return None


def _sentence_mentions(lx: Lexicon, tok: Token, sent: Span) -> list[_Ref]:
    return [_ent_ref(e) for e in dict.fromkeys(lx.entity_of(t) for t in sent if t.i < tok.i and t.ent_type_) if e]


def doc_head_is_root(tok: Token, root: Token) -> bool:
    return tok.head == root or tok.head.head == root and tok.head.dep_ == "conj"
