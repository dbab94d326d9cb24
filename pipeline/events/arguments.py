"""Arguments of a trigger: grammatical slots mapped to roles by models/events/en/roles.json.

Arguments are named entities (the entity's own span), personal/possessive pronouns,
value-role noun phrases, and common-noun phrases that refer to a specific participant
(SPEC 3.4, ACE nominal mentions: `Soviet troops`, `the government`). A common noun in a
slot is first looked through to a name it introduces (`the town of X`, `his son, X`);
else its own phrase is the argument, from its first modifier to its head noun, without
a leading determiner or possessive and without what follows the head.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..annotations import ArgumentAnnotation
from ..schema import event_roles
from .lexicon import Lexicon, common_noun, kinds, lemma, participant_kinds
from .syntax import appointee, companions, conjuncts, prep_objects
from .triggers import timex_spans

VALUE_LEFT = {"compound", "amod", "nummod", "nmod", "quantmod", "advmod", "npadvmod"}
SINGLE = {"Place", "Destination", "Origin"}  # one mention (or one coordination) per event
NUMERIC = {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"}
PERSONLIKE = ["person", "group", "org", "pronoun", "place", "military"]
PARTICIPANTS = {"person", "group", "military", "org"}  # kinds of a noun that is itself the participant
NOMINAL_LEFT = {"amod", "compound", "nummod", "nmod", "npadvmod", "quantmod"}
QUANTIFIERS = {"several", "many", "some", "few", "numerous", "various", "all", "both", "most", "much"}  # not modifiers
NOT_SPECIFIC = {"any", "every", "each", "no", "either", "neither"}  # `any soldier`: no particular one
DROP_EDGE = {"det", "poss", "predet", "punct", "case", "prep", "cc"}


def _value_span(lx: Lexicon, tok: Token) -> Span | None:
    """The bare noun phrase of a value role: no determiner or possessive, no clauses."""
    ent = lx.entity_of(tok)
    if ent is not None:
        return ent
    doc = tok.doc
    if tok.pos_ == "VERB":  # `accused of plotting assassinations`
        toks = [tok] + [t for c in tok.children if c.dep_ in ("dobj", "compound", "prt") for t in c.subtree]
    else:
        toks = [tok]
        of_heads = lx.word_classes["of_heads"]
        glued = appointee(lx, tok)
        for c in tok.children:
            if c.i < tok.i and c.dep_ in VALUE_LEFT and c.ent_type_ not in ("PERSON", "ORG") and c != glued:
                toks += list(c.subtree)  # not the name a misparse hangs on it (`appointed X governor`)
            elif c.i > tok.i and c.dep_ == "prep" and c.lower_ == "of":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                bare = not any(d.dep_ in ("det", "poss") for o in objs for d in o.children) \
                    and not any(o.ent_type_ for o in objs)
                if objs and (tok.pos_ == "NUM" or bare and lemma(tok) in of_heads):
                    toks += list(c.subtree)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    lo, hi = _hyphen_edges(doc, lo, hi)
    while lo < hi and doc[lo].dep_ in DROP_EDGE and doc[lo].i != tok.i:
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].i != tok.i:
        hi -= 1
    return doc[lo:hi] if lo < hi else None


def _hyphen_edges(doc, lo: int, hi: int) -> tuple[int, int]:
    """Widen a span over words the tokenizer split at a hyphen (`de-X`, `non-aggression`)."""
    while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_ and not doc[lo - 2].whitespace_:
        lo -= 2
    while hi + 1 < len(doc) and doc[hi].text == "-" and not doc[hi - 1].whitespace_ and not doc[hi].whitespace_:
        hi += 2
    return lo, hi


def _named(lx: Lexicon, tok: Token, allowed: set[str]) -> list[Span]:
    """The entity or pronoun a slot token stands for, looking through a common noun."""
    if tok.lower_ in lx.rules.pronouns and tok.pos_ == "PRON" or tok.tag_ == "PRP$":
        return [tok.doc[tok.i:tok.i + 1]] if kinds(lx, tok) & allowed else []
    if tok.pos_ == "NUM" and tok.ent_type_ in ("", "CARDINAL") or tok.ent_type_ == "CARDINAL":  # `Hundreds` may be a noun
        return _counted(lx, tok, allowed)
    if tok.lower_ in lx.rules.negative:
        return []  # `none escaped`: no participant
    if tok.lower_ in lx.rules.indefinite and "pronoun" in kinds(lx, tok):
        # `others were executed`: the quantifier alone is the (headless) mention; with an
        # `of`-phrase the participants it names are (`most of the defenders fled`)
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if of:
            return [span for p in of for q in conjuncts(p) for span in _named(lx, q, allowed)]
        return [tok.doc[tok.i:tok.i + 1]] if "pronoun" in allowed else []
    ent = lx.entity_of(tok)
    if ent is not None:
        return [ent] if kinds(lx, tok) & allowed and ent.label_ not in NUMERIC else []
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return []
    if lemma(tok) in lx.word_classes["quantity_nouns"] and not tok.ent_type_:
        # `a large number of enemy troops`, `the bulk of the army`: the troops, the army
        parts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        return [span for p in parts for q in conjuncts(p) for span in _named(lx, q, allowed)]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    appos = [c for c in tok.children if c.dep_ == "appos"]
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    nominal = nominal_span(lx, tok)
    if nominal is not None and not participant_kinds(lx, tok) & allowed:
        nominal = None
    if nominal is None:
        looks = (appos, of, mods)
    elif participant_kinds(lx, tok) & (PARTICIPANTS | {"position"}) and "place" not in participant_kinds(lx, tok):
        # `the forces of X`, `the Count of X`: the forces, the count (but `the village of X` is X)
        looks = (appos,)
    else:  # `the town of X`, `British garrison` whole
        looks = (appos, of)
    for inner in looks:
        for p in inner:
            ent = lx.entity_of(p)
            if ent is not None and ent.label_ not in NUMERIC and kinds(lx, p) & allowed:
                return [e for e in (lx.entity_of(c) for c in conjuncts(p)) if e is not None]  # `towns of X and Y`
    return [nominal] if nominal is not None else []


def _counted(lx: Lexicon, tok: Token, allowed: set[str]) -> list[Span]:
    """A number standing for a group (ACE: the headless phrase is the mention): `Two of
    the divisions attacked` -> `Two`, `the other two secured the road` -> `other two`;
    only with an `of`-phrase naming participants or an `other`, never a bare count."""
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    other = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and c.lower_ == "other"]
    if of and not participant_kinds(lx, of[0]) & PARTICIPANTS & allowed or not of and not other:
        return []
    lo = other[0].i if other else tok.i
    return [tok.doc[lo:tok.i + 1]]


def nominal_span(lx: Lexicon, tok: Token) -> Span | None:
    """A common-noun participant's span (SPEC 3.4): its first modifier to its head noun,
    no determiner, possessive or what follows the head. None for nouns that name no
    specific participant (generic or quantified nouns, event nouns, times)."""
    if not common_noun(lx, tok) or tok.ent_type_ or "trigger" in kinds(lx, tok):
        return None
    if lemma(tok) in lx.word_classes["generic_nouns"] and not any(c.dep_ == "nummod" for c in tok.children):
        return None  # `famines kill people`; but `killed 2,000 people` counts the ones it struck
    if any(c.dep_ == "det" and c.lower_ in NOT_SPECIFIC for c in tok.children):
        return None
    left = [t for c in tok.children if c.i < tok.i and c.dep_ in NOMINAL_LEFT for t in c.subtree]
    lo = min([t.i for t in left] + [tok.i])
    doc = tok.doc
    lo, _ = _hyphen_edges(doc, lo, tok.i + 1)
    while lo < tok.i and (doc[lo].dep_ in DROP_EDGE or doc[lo].is_punct or doc[lo].lower_ in QUANTIFIERS
                          or _in_timex(doc, doc[lo].i)):
        lo += 1  # `In 1868 forces loyal to X`, `On 4 May 1940 German bombers`: the date the parser hangs on the noun
    return doc[lo:tok.i + 1]


def _in_timex(doc, i: int) -> bool:
    return any(span.start <= i < span.end for span in timex_spans(doc))


def _place_below(tok: Token, place_slots: set[str]) -> list[Token]:
    """Objects of a place preposition (`in`, `at`, `near` ...: the `prep:` slots the role
    tables' defaults make a Place) attached to a slot noun (`arrested by the police in X`,
    `destroyed two depots near the port`)."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep":
            out += [t for s, t in prep_objects(c) if s in place_slots]
    return out


def arguments(lx: Lexicon, trigger, coref: dict[int, str]) -> list[ArgumentAnnotation]:
    """The role-labelled arguments of one trigger, in text order."""
    legal = set(event_roles()[trigger.type])
    table = lx.rules.role_map(trigger.type, trigger.key)
    roles_cfg = lx.data["roles"]
    value_roles = set(roles_cfg["value_roles"])
    first_of = table.get("first_of", {})
    present = {s for s, _ in trigger.slots}
    winner = {role: next((s for s in order if s in present), None) for role, order in first_of.items()}
    out, seen = [], set()
    lo, hi = trigger.start, trigger.end
    place_slots = {s for s, role in roles_cfg["defaults"].items() if role == "Place"}
    below = [t2 for s, t in trigger.slots if s in ("subj", "obj") or s.startswith("prep:")
             for t2 in _place_below(t, place_slots)]
    extra = [("place_below", below[0])] if below else []
    for slot, tok in trigger.slots + extra:
        role_spec = "Place" if slot == "place_below" or _on_front(lx, slot, tok) else table.get(slot)
        if slot == "under" and role_spec is None:  # a type with no undergoer slot: as any light verb
            role_spec = table.get("lsubj")
        if "obj" in present and f"{slot}+obj" in table:  # `sent him` vs `he travelled`; `invaded X with Y`
            role_spec = table[f"{slot}+obj"]
        if not isinstance(role_spec, str):
            continue
        if slot == "place_below" and any(a["role"] == "Place" for a in out):
            continue
        group = [c for t in conjuncts(tok) for c in [t, *companions(t)]] if tok.pos_ != "VERB" else [tok]
        for t in group:
            if lo <= t.i < hi or t.is_punct:
                continue
            if slot == "mod" and _setting_noun(lx, t):
                continue
            spans = []
            for role in role_spec.split("|"):
                if role not in legal or role in winner and slot in first_of[role] and slot != winner[role]:
                    continue
                spans = _fill(lx, role, t, roles_cfg, value_roles)
                if spans:
                    break
            if role in SINGLE and any(a["role"] == role and a["slot"] != (slot, tok.i) for a in out):
                continue
            for span in spans:
                if span.start < hi and span.end > lo or any(a < span.end_char and span.start_char < b for a, b in seen):
                    continue
                seen.add((span.start_char, span.end_char))
                out.append({"role": role, "start": span.start_char, "end": span.end_char,
                            "entity": _entity_name(lx, span, coref, role in value_roles), "slot": (slot, tok.i)})
    if table.get("title_of"):
        out += _title_arguments(lx, trigger, table, out, coref)
    return [ArgumentAnnotation(a["role"], a["start"], a["end"], a["entity"])
            for a in sorted(out, key=lambda a: (a["start"], a["role"]))]


def _on_front(lx: Lexicon, slot: str, tok: Token) -> bool:
    """`on the eastern front`, `on the left flank`: where the event happens, whatever the
    type makes of other `on`-phrases (an attack `on X` has X as its Target)."""
    return slot == "prep:on" and lemma(tok) in lx.word_classes["front_nouns"]


def _setting_noun(lx: Lexicon, tok: Token) -> bool:
    """A common noun of place before an event noun says where or what kind it is, not who
    takes part (`house arrest`, `street fighting`, `border raid`): no argument."""
    if tok.ent_type_ or not common_noun(lx, tok):
        return False
    found = participant_kinds(lx, tok)
    return bool(found & {"place", "facility"}) and not found & (PARTICIPANTS | {"polity"})


def _title_arguments(lx: Lexicon, trigger, table: dict, out: list[dict], coref: dict[int, str]) -> list[dict]:
    """`U.S. President X resigned`: the title before a person's name is the Position of a
    personnel event, a state or organisation before it the Entity, where the event has
    none. Whose title counts is the role table's `title_of`, a list of roles (`Person`:
    the one who leaves a post) or slots (`obj` of `succeeded`: the predecessor, whose
    post the successor takes); a successor's own title (`General X succeeded Y`) is
    what he already was, not what he became."""
    doc = trigger.head.doc
    have = {a["role"] for a in out}
    sources = table["title_of"]
    names = [doc[a["slot"][1]] for a in out if a["role"] in sources]
    names += [t for s, t in trigger.slots if s in sources]
    extra: list[dict] = []
    for tok in names:
        ent = lx.entity_of(tok)
        if ent is None or ent.label_ != "PERSON":
            continue
        for t in reversed(doc[max(ent.start - 4, 0):ent.start]):
            if t.head.i not in range(ent.start, ent.end) and t.head.i not in range(t.i + 1, ent.end):
                break
            other = lx.entity_of(t)
            if other is not None and other.label_ in ("GPE", "ORG") and "Entity" not in have:
                span, role = other, "Entity"
            elif other is None and "position" in kinds(lx, t) and "Position" not in have:
                span, role = doc[t.i:t.i + 1], "Position"
            else:
                continue
            have.add(role)
            extra.append({"role": role, "start": span.start_char, "end": span.end_char,
                          "entity": _entity_name(lx, span, coref, role == "Position"), "slot": ("title", t.i)})
        if extra:
            break
    return extra


def _fill(lx: Lexicon, role: str, tok: Token, cfg: dict, value_roles: set[str]) -> list[Span]:
    """The span(s) a slot token gives for a role, or [] when it does not fit the role."""
    if role in value_roles:
        if "label" in kinds(lx, tok):  # `the name X`, `the pseudonym X`
            named = [c for c in tok.children if c.dep_ in ("appos", "compound", "oprd", "attr", "npadvmod")
                     and (c.ent_type_ or c.pos_ == "PROPN")]
            tok = named[0] if named else tok
        elif not tok.ent_type_:  # `the newspaper, X`: the name, not the description
            named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_]
            if named and kinds(lx, tok) & set(cfg["value_kinds"].get(role, ["any"])):
                return [lx.entity_of(named[0])]
        span = _value_span(lx, tok)
        if span is None or not kinds(lx, span.root) & set(cfg["value_kinds"].get(role, ["any"])):
            return []
        if any(t.start <= span.start and span.end <= t.end for t in timex_spans(span.doc)):
            return []  # `for a year`: a time, never a crime, policy or work (`a year of exile` is a sentence)
        if role != "Name" and (span.root.pos_ == "PRON" or span.label_ in ("PERSON", "NORP")):
            return []  # a person is never a policy, work or crime
        return [span]
    return _named(lx, tok, set(cfg["role_kinds"].get(role, PERSONLIKE)))


def _entity_name(lx: Lexicon, span: Span, coref: dict[int, str], value: bool) -> str:
    if len(span) == 1 and span.start in coref:
        return coref[span.start]
    ent = lx.entity_of(span[0])
    if ent is not None and ent.start == span.start and ent.end == span.end:
        return lx.entity_name(ent)
    return span.text
