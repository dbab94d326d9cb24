"""Grammatical slots of a trigger, normalised for voice, control, coordination and clauses.

A slot is a voice-independent grammatical function: `subj` is the doer (active subject
or passive by-phrase), `obj` the undergoer (object or passive subject), `prep:X` a
prepositional object, `poss`/`mod` a noun trigger's possessor or name modifier,
`attr` a predicative (`became X`, `appointed him X`). Role tables map slots to roles.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon, coarse_pos, lemma

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
CLAUSE_UP = {"xcomp", "advcl", "pcomp", "acomp"}


def preterite_only(lx: Lexicon, h: Token) -> bool:
    """True for a verb form that is a simple past and never a past participle
    (`withdrew`, `rode`, `took`: the participles are `withdrawn`, `ridden`, `taken`), by
    lemminflect's English inflection tables (models/events/en/preterites.json, made by
    scripts/derive_preterites.py). A verb whose preterite and participle share a form
    (`fled`, `sent`, `burned`) is not: the form alone cannot tell."""
    return h.lower_ in lx.rules.preterites_only.get(lemma(h).lower(), ())


def participle_only(lx: Lexicon, h: Token) -> bool:
    """True for a past participle that is never a simple past (`taken`, `driven`): its
    verb has preterites of their own (preterites.json) and this form is not one."""
    forms = lx.rules.preterites_only.get(lemma(h).lower())
    return bool(forms) and h.lower_ not in forms


def root_predicate(lx: Lexicon, h: Token) -> bool:
    """`The rebels counterattacked with their reserve.`: finding no other verb, the small
    model makes the noun the sentence's root and the verb its participle (`acl`), as if
    `the rebels (who were) counterattacked`. A past form that can be a simple past,
    right after the root noun (no comma between, no by-phrase), in a sentence that ends
    as a sentence does (a heading `Town taken` stays a participle), is the sentence's
    verb in the active voice, the noun its subject."""
    head = h.head
    if h.dep_ != "acl" or h.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT" or coarse_pos(head) != "NOUN":
        return False
    if head.i > h.i or any(t.is_punct for t in h.doc[head.i + 1:h.i]) or participle_only(lx, h):
        return False
    if any(c.dep_ == "agent" for c in h.children):
        return False
    return h.sent[-1].text in (".", "!", "?")


def is_passive(lx: Lexicon, h: Token) -> bool:
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in h.children):
        return True
    if root_predicate(lx, h):
        return False
    if h.tag_ != "VBN" and not (h.dep_ == "conj" and h.tag_ == "VBD" and not any(
            c.dep_ in SUBJ | {"dobj"} for c in h.children)):
        return False
    if preterite_only(lx, h):  # `was wounded and withdrew`: the tagger's VBN is wrong
        return False
    if h.dep_ == "advcl" and any(c.dep_ in SUBJ for c in h.children) \
            and not any(c.dep_ in ("aux", "dobj") for c in h.children):
        return True  # absolute construction: `With the city taken, ...` (the city undergoes it)
    if any(c.dep_ in SUBJ or c.dep_ == "aux" and lemma(c) == "have" for c in h.children):
        return False
    if h.dep_ in ("acl", "advcl", "acomp", "oprd") or h.i == h.sent.start:
        return True
    if h.dep_ == "conj":  # `was arrested and exiled` (the tagger often says VBD for the second verb)
        head_has_have = any(c.dep_ == "aux" and lemma(c) == "have" for c in h.head.children)
        no_obj = not any(c.dep_ == "dobj" for c in h.children)
        return is_passive(lx, h.head) and no_obj or h.tag_ == "VBN" and no_obj and not head_has_have
    return False


def _own(h: Token, passive: bool) -> list[tuple[str, Token]]:
    out = []
    for c in h.children:
        dep = c.dep_
        if dep in SUBJ:  # a passive's own subject: `With the city taken` (absolute)
            out.append(("obj" if passive else "subj", c))
        elif dep in PASS_SUBJ:
            out.append(("obj", c))
        elif dep == "dobj":
            out.append(("obj", c))
        elif dep == "dative":
            out.append(("dative", c))
        elif dep == "agent":
            out += [("subj", p) for p in c.children if p.dep_ == "pobj"]
        elif dep in ("attr", "oprd"):
            out.append(("attr", c))
        elif dep == "ccomp" and c.pos_ == "NOUN":  # `declared himself king`, parsed as a small clause
            out += [("obj", s) for s in c.children if s.dep_ in SUBJ] + [("attr", c)]
        elif dep == "poss" and not _classifier(c, h):
            out.append(("poss", c))
        elif dep in ("compound", "amod", "nmod", "npadvmod") and coarse_pos(h) == "NOUN":
            out.append(("mod", c))
        elif dep == "prep":
            out += prep_objects(c)
        elif dep == "advmod":  # `sent back to X`, `moved away from X`
            out += [x for p in c.children if p.dep_ == "prep" for x in prep_objects(p)]
    return out


def _classifier(poss: Token, h: Token) -> bool:
    """`workers' strikes`, `miners' meetings`: a bare plural genitive on a plural event noun
    says what kind of events they are, not who took part (`the dockers' strike` does)."""
    return poss.tag_ == "NNS" and h.tag_ == "NNS" and not poss.ent_type_ \
        and not any(d.dep_ in ("det", "poss") for d in poss.children)


def prep_objects(prep: Token) -> list[tuple[str, Token]]:
    """`prep:to` etc. for a preposition and its object(s); two-word prepositions kept whole."""
    name = prep.lower_
    for c in prep.children:
        if c.dep_ == "prep":  # `out of`, `because of`
            return [(f"prep:{name} {c.lower_}", p) for p in c.children if p.dep_ == "pobj"]
    return [(f"prep:{name}", c) for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a token belongs to (itself for a verb)."""
    cur = tok
    for _ in range(8):
        if coarse_pos(cur) == "VERB" or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def surface_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The grammatical subject(s) of a verb, looking up through coordination and control."""
    own = [c for c in verb.children if c.dep_ in SUBJ | PASS_SUBJ]
    if own or depth > 4 or verb.head.i == verb.i:
        return own
    if verb.dep_ in ("acl", "relcl"):
        return [verb.head]
    if verb.dep_ == "conj" or verb.dep_ in CLAUSE_UP:
        return surface_subjects(clause_verb(verb.head), depth + 1)
    return []


def inherited(lx: Lexicon, h: Token) -> list[tuple[str, Token]]:
    """Slots a verb without its own subject takes from the clause it depends on."""
    dep, head = h.dep_, h.head
    if head.i == h.i or dep == "relcl":  # relative pronouns are resolved in `slots`
        return []
    want = "obj" if is_passive(lx, h) else "subj"
    if dep == "acl" and lemma(head) in lx.word_classes["purpose_nouns"] and head.dep_ == "pobj":
        return [(want, t) for t in surface_subjects(clause_verb(head.head))]  # `sailed in order to attack`
    owners = [t for c in head.children if c.dep_ == "poss" for t in conjuncts(c)]
    if dep == "acl" and owners and lemma(head) not in lx.word_classes["directive_nouns"] \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children):
        return [(want, t) for t in owners]  # `the emperor's plans to invade X`: the possessor does it
    if dep == "acl":  # `X, arrested in ...` / `troops invading ...`
        return [("obj" if h.tag_ == "VBN" and not root_predicate(lx, h) else "subj", head)]
    if dep not in CLAUSE_UP and dep != "conj":
        return []
    gov = clause_verb(head)
    if gov.i == h.i:
        return []
    from_clause = dep == "pcomp" and head.lower_ == "from"  # `barred X from joining`
    if (dep == "xcomp" or from_clause) and not is_passive(lx, gov):  # object control: `forced him to resign`
        objs = [t for c in gov.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if objs:
            return [(want, t) for t in objs]
    return [(want, t) for t in surface_subjects(gov)]


def slots(lx: Lexicon, h: Token) -> list[tuple[str, Token]]:
    """All (slot, token) pairs of a trigger head, own dependents first."""
    passive = coarse_pos(h) == "VERB" and is_passive(lx, h)
    out = _object_complement(lx, _own(h, passive))
    if coarse_pos(h) == "VERB":
        out = causative(lx, h, out)
    if coarse_pos(h) == "VERB" and not any(s in ("subj", "obj") and t.dep_ in SUBJ | PASS_SUBJ
                                            for s, t in out):
        out += inherited(lx, h)
    if coarse_pos(h) == "VERB":
        out += orderer(lx, h)
    if coarse_pos(h) == "NOUN" and not any(s == "poss" for s, _ in out):
        out += light_verb_subject(lx, h)
    if coarse_pos(h) == "NOUN":
        out += support_verb_slots(lx, h, {s for s, _ in out})
        out += aspect_verb_slots(lx, h, {s for s, _ in out})
    for s, t in list(out):  # `signed a pact with X`: the object's own prepositions
        if s == "obj" and coarse_pos(t) == "NOUN":
            out += [("obj" + x[0], x[1]) for c in t.children if c.dep_ == "prep" for x in prep_objects(c)]
    fixed = []
    for s, t in out:
        if t.lower_ in lx.rules.relative and h.dep_ == "relcl":
            t = h.head
        fixed.append((s, t))
    if h.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in h.children):
        fixed.append(("prep:in", h.head))  # `returned to X, where he died`: the event happened in X
    return _reflexive_object(fixed)


def _reflexive_object(out: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """`X hanged himself`, `X declared himself king`: a reflexive object stands for the
    subject, who undergoes the event; the subject takes the object's slot (its role:
    the Victim of a death, the Person of a post) and the pronoun, no second mention, is
    left in slot `reflexive` for the sense rules (`hanged himself` is no execution)."""
    def reflexive(s: str, t: Token) -> bool:
        return s == "obj" and t.dep_ in ("dobj", "nsubj") and t.lower_.endswith(("self", "selves"))
    if not any(reflexive(s, t) for s, t in out) or not any(s == "subj" for s, _ in out):
        return out
    return [("reflexive" if reflexive(s, t) else "obj" if s == "subj" else s, t) for s, t in out]


def appointee(lx: Lexicon, position: Token) -> Token | None:
    """`appointed his son governor`, parsed with `son` a compound of `governor`: a kin
    or person noun (not itself a post) glued before a post noun is the one appointed."""
    if lemma(position) not in lx.word_classes["position_nouns"]:
        return None
    kin = [c for c in position.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < position.i
           and lemma(c) in lx.word_classes["person_nouns"] and lemma(c) not in lx.word_classes["position_nouns"]]
    return kin[-1] if kin else None


def _object_complement(lx: Lexicon, own: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """`appointed X governor`, `elected X president`: the small model often parses the
    name as a compound of the position noun, the noun as the object. The name (the last
    proper noun before the noun) is then the object, the position noun the complement;
    likewise the one taken `prisoner`, `captive` or `hostage` (captive_nouns).
    So is a pronoun it takes for a dative before a bare position noun (`elected him
    president`; `gave him the post` keeps its dative)."""
    out = []
    # `crowned him king`: the pronoun is parsed as a dative or as a first object
    datives = [t for s, t in own if s in ("dative", "obj") and t.tag_ == "PRP" and t.dep_ in ("dative", "dobj")]
    for slot, tok in own:
        if slot == "obj" and tok.dep_ == "dobj" and lemma(tok) in lx.word_classes["captive_nouns"]:
            # `took the emperor prisoner`, parsed with the one held a compound of `prisoner`
            held = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN")
                    and c.i < tok.i]
            if held or datives:
                out += [("obj", held[-1] if held else datives[0]), ("attr", tok)]
                continue
        if slot == "obj" and tok.dep_ == "dobj":  # `proclaimed X the emperor`, parsed as an apposition
            out += [("attr", c) for c in tok.children if c.dep_ == "appos" and lemma(c) in lx.word_classes["position_nouns"]]
        if slot == "obj" and tok.dep_ == "dobj" and lemma(tok) in lx.word_classes["position_nouns"]:
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
            if names or appointee(lx, tok) is not None:
                out += [("obj", names[-1] if names else appointee(lx, tok)), ("attr", tok)]
                continue
            if datives and not any(c.dep_ in ("det", "poss") for c in tok.children):
                out += [("obj", datives[0]), ("attr", tok)]  # `crowned him king`: `him` is no dative
                continue
        if tok in datives and any(s == "obj" and t.dep_ == "dobj" and lemma(t) in lx.word_classes["position_nouns"]
                                  and not any(c.dep_ in ("det", "poss") for c in t.children) for s, t in own):
            continue
        out.append((slot, tok))
    return out


def causative(lx: Lexicon, h: Token, own: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """`X had Y thrown in jail`, `X got Y released`: Y undergoes the participle's event and
    X causes it. The parser makes Y the participle's subject, with `had` either its
    auxiliary between two subjects or its governing verb."""
    if h.tag_ != "VBN":
        return own
    causers = lx.word_classes["causative_verbs"]
    subjects = [c for c in h.children if c.dep_ == "nsubj"]
    aux = [c for c in h.children if c.dep_ == "aux" and lemma(c) in causers]
    if len(subjects) == 2 and aux and subjects[0].i < aux[0].i < subjects[1].i:
        return [("obj", t) if t.i == subjects[1].i else (s, t) for s, t in own]
    if len(subjects) == 1 and h.dep_ in ("ccomp", "xcomp") and lemma(h.head) in causers \
            and coarse_pos(h.head) == "VERB":
        return [("obj", t) if t.i == subjects[0].i else (s, t) for s, t in own] + \
            [("subj", t) for t in surface_subjects(h.head)]
    return own


def orderer(lx: Lexicon, h: Token) -> list[tuple[str, Token]]:
    """`X ordered his forces to advance`: X, slot `orderer`, for the types whose role
    table names the one who sets the event going (a transport's Agent)."""
    if h.dep_ != "xcomp" or lemma(h.head) not in lx.word_classes["causer_verbs"]:
        return []
    return [("orderer", t) for t in surface_subjects(h.head)]


def light_verb_subject(lx: Lexicon, h: Token) -> list[tuple[str, Token]]:
    """`he attended the meeting`, `took part in the strike`: the verb's subject is a
    participant, slot `lsubj`; `causer` for a causer verb (`ordered the arrest`), `under`
    for a verb of undergoing (`suffered a defeat`, `evaded arrest`: the undergoer). A
    passive light verb gives its by-phrase (`the talks were attended by X`)."""
    words = lx.word_classes
    light, causers = words["light_verbs"], words["causer_verbs"]
    gov = h.head
    if h.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ("in", "on"):  # `took part in`
        gov = gov.head
    elif h.dep_ not in ("dobj", "nsubjpass"):
        return []
    if coarse_pos(gov) != "VERB" or lemma(gov) not in light | causers:
        return []
    slot = "causer" if lemma(gov) in causers else "under" if lemma(gov) in words["undergo_light_verbs"] else "lsubj"
    if is_passive(lx, gov):
        if h.dep_ != "nsubjpass":
            return []
        return [(slot, t) for c in gov.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for t in conjuncts(p)]
    if h.dep_ == "nsubjpass":
        return []
    return [(slot, t) for t in surface_subjects(gov)]


def support_verb_slots(lx: Lexicon, h: Token, present: set[str]) -> list[tuple[str, Token]]:
    """Participants a noun trigger's support verb carries (`declared war on X`, `launched
    an attack against X from Y`): the verb's prepositional objects, as the noun's own
    `prep:` slots where the noun has none of that preposition; and the subject of a
    state verb whose `under`-phrase is the trigger (`X was under occupation`), slot
    `under` (the undergoer)."""
    words = lx.word_classes
    gov = h.head
    if h.dep_ == "pobj" and gov.lower_ in words["state_prepositions"] and coarse_pos(gov.head) in ("VERB", "AUX"):
        # `X was under occupation`; a verb that puts someone in the state (`placed Y under
        # arrest`, `Y was kept under house arrest by X`): Y undergoes it and X causes it
        verb = gov.head
        objects = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if is_passive(lx, verb):
            return [("under", t) for t in surface_subjects(verb)] + \
                [("causer", t) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                 for t in conjuncts(p)]
        if objects:
            return [("under", t) for t in objects] + [("causer", t) for t in surface_subjects(verb)]
        return [("under", t) for t in surface_subjects(verb)]
    if h.dep_ == "pobj" and gov.lower_ == "to" and lemma(gov.head) in words["undergo_verbs"] and is_passive(lx, gov.head):
        return [("under", t) for t in surface_subjects(gov.head)]  # `X was subjected to raids`
    passive_light = h.dep_ == "nsubjpass" and is_passive(lx, gov)  # `talks were held by X in Y`
    if h.dep_ != "dobj" and not passive_light or coarse_pos(gov) != "VERB" \
            or lemma(gov) not in words["light_verbs"] | words["causer_verbs"]:
        return []
    out = []
    for c in gov.children:
        if c.dep_ == "prep" and c.i > h.i:
            out += [(s, t) for s, t in prep_objects(c) if s not in present]
    return out


def aspect_verb_slots(lx: Lexicon, h: Token, present: set[str]) -> list[tuple[str, Token]]:
    """`war broke out between X and Y`, `fighting raged near X`: a noun trigger that is
    the subject of a verb of beginning, going on or ending takes the verb's `between`,
    `against` and place phrases, where it has none of its own."""
    words = lx.word_classes
    gov = h.head
    if h.dep_ != "nsubj" or coarse_pos(gov) != "VERB" or lemma(gov) not in words["aspect_verbs"]:
        return []
    return [(s, t) for c in gov.children if c.dep_ == "prep" and c.lower_ in words["aspect_prepositions"]
            for s, t in prep_objects(c) if s not in present]


def companions(tok: Token) -> list[Token]:
    """`X along with Y`, `X together with Y`: Y (and its conjuncts) share X's part."""
    return [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("along", "together")
            for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
            for p in w.children if p.dep_ == "pobj" for t in conjuncts(p)]


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it (`X and Y`), in text order."""
    return sorted({tok, *tok.conjuncts}, key=lambda t: t.i)
