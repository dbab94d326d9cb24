"""General English rules that correct the small model's entity spans and labels.

Order: trim the span (determiners, titles, possessives, quotes), drop what is no name
(ideologies, lowercase words, markup), then relabel: the word before the name
(`the newspaper Pravda`, `the town of Gori`), the name's own head or first word
(`X Prison`, `Battle of X`, `X Party`), group-word suffixes (`-ist`, `-ik`), and a
locative preposition for one-word place names the model calls PERSON.
"""
from __future__ import annotations

import re
import unicodedata

import numpy
from spacy.attrs import DEP, ENT_IOB, IS_TITLE, LOWER, ORTH, POS
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

QUOTES = set("\"'“”‘’«»`")
TRIM_END = QUOTES | set(",.;:!?)]}–—-")
TRIM_START = QUOTES | set("([{–—-,.;:")
POSSESSIVES = {"'s", "’s", "'", "’"}
NUMERIC = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
GROUP_NOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"}
ROMAN = re.compile(r"[IVXLCDM]+")  # a regnal or list numeral, not an acronym


def fold_accents(text: str) -> str:
    """`Ciudad Juárez` -> `Ciudad Juarez`: WordNet spells names without diacritics."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Gazetteer(dict):
    """Place name -> GPE/LOC, looked up with or without diacritics (`Ciudad Juárez`
    finds WordNet's `Ciudad Juarez`)."""

    def get(self, name, default=None):
        return super().get(fold_accents(name), default)

    def __contains__(self, name) -> bool:
        return super().__contains__(fold_accents(name))

    def __getitem__(self, name):
        return super().__getitem__(fold_accents(name))


class LabelRules:
    """The word lists of models/entities/en/label_rules.json, as sets and tuples, and the
    general gazetteer places.json (derived from WordNet by scripts/derive_entity_lexicon.py)."""

    def __init__(self, r: dict, places: dict, person_nouns: dict, peoples: dict, vehicle_nouns: dict):
        self.places = Gazetteer((name, label) for label in ("LOC", "GPE") for name in places[label])
        self.peoples = set(peoples["names"])  # `Manchu`, `Habsburg`, `Venetian` (WordNet)
        self.people_plurals = set(peoples["plurals"])  # `Marathas`
        # nouns a people's name modifies as an adjective: rulers and nobles (WordNet), bodies of fighters
        self.people_heads = set(peoples["rulers"]) | set(r["group_head_nouns"]) | set(r["people_modifier_heads"])
        self.vehicle_nouns = set(vehicle_nouns["nouns"])  # `frigate`, `galleon` (WordNet)
        self.vehicle_prepositions = set(r["vehicle_prepositions"])
        self.vehicle_object_verbs = set(r["vehicle_object_verbs"])
        self.vehicle_subject_verbs = set(r["vehicle_subject_verbs"])
        self.person_nouns = set(person_nouns["nouns"])
        self.person_noun_ends = {noun.split("-")[-1] for noun in self.person_nouns}  # `son-in-law` ends in `law`
        self.strip_leading = set(r["strip_leading"])
        self.titles = set(r["strip_leading_titles"])
        self.ideology_suffixes = tuple(r["ideology_suffixes"])
        self.group_suffixes = tuple(r["group_suffixes"])
        self.first_word = {k: v for k, v in r["first_word_labels"].items() if v}
        self.last_word = {k: v for k, v in r["last_word_labels"].items() if v}
        self.context = {k: v for k, v in r["context_nouns"].items() if not k.startswith("_")}
        self.links = set(r["context_links"])
        self.locative = set(r["locative_prepositions"])
        self.place_only = set(r["place_only_prepositions"])
        self.missed_place_prepositions = tuple(r["missed_place_prepositions"])
        self.spatial = set(r["spatial_prepositions"])
        self.place_object_verbs = set(r["place_object_verbs"])
        self.direction_words = set(r["direction_words"])
        self.adjective_suffixes = tuple(r["adjective_suffixes"])
        self.group_heads = set(r["group_head_nouns"])
        self.language_verbs = set(r["language_verbs"])
        self.not_entities = set(r["not_entities_lower"])
        self.weak_heads = set(r["weak_head_words"])
        self.org_words = set(r["org_words_anywhere"])
        self.nickname_cues = re.compile(r["nickname_cues"], re.I)
        self.quoted_cues = re.compile(r["quoted_name_cues"], re.I)
        self.initials_skip = set(r["initials_skip_words"])
        self.demonyms = set(r["demonyms"])
        self.speech_verbs = set(r["speech_verbs"])
        self.work_cues = set(r["work_cues"])
        self.title_words = set(r["title_function_words"])
        self.place_titles = set(r["place_forming_titles"])
        self.era_words = set(r["era_words"])
        self.compass = set(r["compass_words"])
        self.unit_words = set(r["unit_words"])
        self.particles = set(r["name_particles"])
        self.front_words = set(r["front_words"])
        self.person_subject_verbs = set(r["person_subject_verbs"])
        self.person_passive_verbs = set(r["person_passive_verbs"])
        self.gendered = set(r["gendered_pronouns"])
        self.regnal = set(r["regnal_numerals"])
        # the word lists a rule looks for in every Doc, as string ids (see tokens_with);
        # the rules still test the sets themselves, these only skip the other words
        self.ids = {"regnal": string_ids(self.regnal), "work_cues": string_ids(self.work_cues),
                    "person_noun_ends": string_ids(self.person_noun_ends), "vehicle_nouns": string_ids(self.vehicle_nouns)}

    # -- spans ---------------------------------------------------------------
    def trim(self, span: Span) -> Span | None:
        """Span without leading determiners/titles/punctuation and trailing possessive/punctuation."""
        doc, start, end = span.doc, span.start, span.end
        label = span.label_
        while start < end and (doc[start].text in self.strip_leading or doc[start].is_space
                               or (doc[start].text in self.era_words and start > 0 and doc[start - 1].like_num)
                               or (end - start > 1 and doc[start].pos_ == "ADV" and doc[start].text.endswith("ly"))
                               or all(c in TRIM_START for c in doc[start].text)
                               or (end - start > 1 and doc[start].is_sent_start and doc[start].pos_ in ("SCONJ", "ADP", "CCONJ")
                                   and label not in ("WORK_OF_ART", "LAW"))
                               or (label == "PERSON" and end - start > 1 and (doc[start].text in self.titles
                                   or doc[start].text in self.demonyms
                                   or doc[start].text.lower().endswith(self.group_suffixes)))):
            start += 1
        while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_space
                               or (end - start > 1 and label not in NUMERIC and doc[end - 1].text[:1].islower()
                                   and (doc[end - 1].text not in ("of", "the", "and") or label == "PERSON"))
                               or all(c in TRIM_END for c in doc[end - 1].text)):
            end -= 1
        if start >= end:
            return None
        start, end = self._join_hyphens(doc, start, end, label)
        # A token may carry a glued quote or apostrophe (`''Pravda`): trim by characters.
        first, last = doc[start], doc[end - 1]
        if first.text[:1] not in QUOTES and last.text[-1:] not in QUOTES and not last.text.endswith(("'s", "’s")):
            return Span(doc, start, end, label=label)  # nothing glued: the tokens are the span
        s_char = first.idx + (len(first.text) - len(first.text.lstrip("".join(QUOTES))))
        e_text = last.text
        for p in ("'s", "’s"):
            if e_text.endswith(p) and len(e_text) > 2:
                e_text = e_text[: -len(p)]
        e_char = last.idx + len(e_text.rstrip("".join(QUOTES)))
        if s_char >= e_char:
            return None
        new = doc.char_span(s_char, e_char, label=label, alignment_mode="contract")
        if new is None or not len(new):
            return None
        return new

    @staticmethod
    def _join_hyphens(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
        """Names whole across a hyphen or en dash written without spaces: a person's name
        over a lower-case part (`Liu Wen` + `-kuan`), and a multi-word event, law or
        organisation name over a capitalised first part (`Zulu War` after `Anglo–`).
        Adjective compounds (`X-backed`) and pairs of names (`X-Y border`) stay apart."""
        def glued(i: int) -> bool:  # token i is a dash joined to both neighbours
            return 0 < i < len(doc) - 1 and doc[i].text in ("-", "–") and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_ and doc[i + 1].is_alpha and doc[i - 1].is_alpha
        if label == "PERSON":
            while end < len(doc) - 1 and glued(end) and doc[end + 1].is_lower:
                end += 2
        def particle(t) -> bool:  # `-ni`, `-e-`: a short lower-case name part, not a word (`-led`, `-in`)
            return t.is_lower and len(t.text) <= 3 and not t.is_stop and t.pos_ not in ("VERB", "ADP", "ADV", "AUX")
        if label not in NUMERIC and label != "NORP":  # `X-ni`, `X-e-Y`, `Abd-al-X`: names over particles
            while end < len(doc) - 1 and glued(end) and (particle(doc[end + 1]) or
                                                         (particle(doc[end - 1]) and doc[end + 1].is_title)):
                end += 2
        if label in ("EVENT", "LAW", "ORG") and end - start >= 2:
            while start >= 2 and glued(start - 1) and doc[start - 2].text[:1].isupper():
                start -= 2
        return start, end

    def is_name(self, span: Span) -> bool:
        text = span.text
        if len(span) == 1:
            token = span[0]
            if text in self.era_words and span.start > 0 and span.doc[span.start - 1].like_num:
                return False  # `310 BC`: the era belongs to the date
            if all(t.text in self.titles for t in span):
                return False
            if token.is_sent_start and token.pos_ == "ADJ" and text not in self.demonyms \
                    and not text.lower().endswith(self.group_suffixes):
                return False  # `Rapid industrialisation ...`
        if all(t.text in self.titles for t in span):  # `the General`, `Grand Admiral`: no one named
            return False
        if not any(c.isalpha() for c in text):
            return False
        if not (text[0].isupper() or text[0].isdigit() or self.particle_start(span)):
            return False
        if text.lower() in self.not_entities or (" " not in text and text.lower().endswith(self.ideology_suffixes)):
            return False  # `Marxism`, `Marxism–Leninism`; but `Institute of Marxism` is a name
        if any(t.text in ("[", "]") for t in span):
            return False
        return True

    def particle_start(self, span: Span) -> bool:
        """A personal name may open with a lower-case particle (`von X`, `d'X`)."""
        first = span[0].text
        return (first in self.particles and len(span) > 1 and span[1].text[:1].isupper()) \
            or (first[:2].lower() == "d'" and first[2:3].isupper())

    # -- labels --------------------------------------------------------------
    def context_label(self, span: Span) -> str | None:
        """Label given by a common noun right before the name, or `language` right after."""
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ == "language":
            return "LANGUAGE"
        if span.end < len(doc) and doc[span.end].is_lower and self.context.get(doc[span.end].text) == "LOC" \
                and span.start > 0 and doc[span.start - 1].lower_ == "the":
            return "LOC"  # `the X river`, `the X mountains`: the noun after names the kind of place
        i = span.start - 1
        closes = span.end >= len(doc) or doc[span.end].is_punct
        while i >= 0 and (doc[i].text in self.links or (closes and doc[i].text == ",")) and span.start - i <= 3:
            i -= 1
        if i >= 0:
            word = doc[i].lower_
            if word in self.context:
                return self.context[word]
            if span.label_ in ("NORP", "LANGUAGE") and (word in self.language_verbs or
                                                       (word == "in" and i > 0 and doc[i - 1].lemma_ in ("speak", "write", "publish", "fluent"))):
                return "LANGUAGE"
        return None

    def word_label(self, span: Span) -> str | None:
        words = [t.text for t in span if t.is_alpha or "-" in t.text]
        if len(words) >= 2:
            if words[0] in self.first_word:
                return self.first_word[words[0]]
            if words[-1] in self.last_word and not (span.label_ == "PERSON" and words[-1] in self.weak_heads):
                return self.last_word[words[-1]]
            for w in words:
                if w in self.org_words:
                    return "ORG"
        elif len(span) == 1:
            text = span.text
            if text in self.demonyms or (text.lower().endswith(self.group_suffixes) and text[0].isupper()
                                         and not _lone_name(span[0])):
                return "NORP"
        return None

    def title_person(self, span: Span) -> str | None:
        """A title before one to three proper nouns names a person (`General X`,
        `Commanding General X`, `President X`), inside the span or just before it."""
        doc = span.doc
        i = span.start
        while i < span.end and span.doc[i].text in self.titles:
            i += 1
        before = doc[span.start - 1] if span.start > 0 else None
        titled = (i > span.start and doc[span.start].text not in self.place_titles) or \
            (before is not None and before.text in self.titles and before.text not in self.place_titles
             and before.text[:1].isupper())
        rest = doc[i:span.end]
        if not (titled and 1 <= len(rest) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)):
            return None
        if i > span.start and span.label_ != "PERSON":
            # the model read `General X` as one organisation's name: a person only if the
            # document also writes X alone (`General Motors` never is `Motors`)
            surname = rest[-1].text
            if any(t.text in self.regnal for t in rest):
                return "PERSON"  # `Pope X IV`, `Emperor X IV Y`: no organisation holds a ruler's ordinal
            if not any(t.text == surname and not (span.start <= t.i < span.end) for t in doc):
                return None
        return "PERSON"

    def person_context(self, span: Span, person_tokens: set[int]) -> str | None:
        """A one-word name that speaks or thinks (`Service suggested`, `according to X`),
        dies, marries or is assassinated (`X died`), or is coordinated with a person
        (`Bukharin and Tomsky`: `person_tokens` are the tokens of the model's PERSON
        spans) is a person."""
        if len(span) != 1 or span.label_ == "PERSON":
            return None
        token, doc = span[0], span.doc
        if token.tag_ == "NNPS" and span.label_ == "NORP":
            return None  # `the Romans added`: a plural people, not one person
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in self.speech_verbs:
            return "PERSON"
        if (token.dep_ == "nsubj" and token.head.lemma_ in self.person_subject_verbs) or \
                (token.dep_ == "nsubjpass" and token.head.lemma_ in self.person_passive_verbs):
            return "PERSON"
        if span.start >= 2 and doc[span.start - 1].lower_ == "to" and doc[span.start - 2].lower_ == "according":
            return "PERSON"
        if token.dep_ == "nsubj" and self.owns_gendered(token.head) \
                and not (span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an")):
            return "PERSON"  # `X marched his army`; `the X embalmed his corpse` is a body's act
        if span.label_ in ("GPE", "LOC") and span.text in self.places:
            return None  # `between X and Philadelphia`: the model and the gazetteer say a place
        partners = [t for t in (token.head, *token.children) if t.dep_ == "conj" or token.dep_ == "conj"]
        if any(t.i in person_tokens for t in partners if t.i != token.i):
            return "PERSON"
        return None

    def owns_gendered(self, verb) -> bool:
        """Whether a verb's object, or the object of one of its prepositions, is a
        gendered reflexive or is owned by a gendered pronoun (`marched his army`, `with
        her fleet`, `took his own life`, `hanged himself`): its subject is then a person."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        return any(o.lower_ in self.gendered and o.lower_.endswith("self")
                   or any(c.dep_ == "poss" and c.lower_ in self.gendered for c in o.children) for o in objects)

    def regnal_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """`Hiero II`, `Pope X III`: a title-case proper noun and a Roman numeral after it,
        where the word before is no capitalised name word (a title may be: `Pope`), and the
        model found no other name over them (`covered`: not the numbers or the lower-case
        spans it makes of `between X II`); PERSON. Not a name's head word
        (`War II`) nor a demonym."""
        found = []
        for token in tokens_with(doc, ORTH, self.ids["regnal"]):
            if token.text not in self.regnal or token.i == 0:
                continue
            name = doc[token.i - 1]
            if not (name.pos_ == "PROPN" and name.is_title and name.is_alpha) or name.i in covered or token.i in covered:
                continue
            before = doc[name.i - 1] if name.i > 0 else None
            if before is not None and not name.is_sent_start and before.text[:1].isupper() \
                    and before.text not in self.titles:
                continue
            span = Span(doc, name.i, token.i + 1, label="PERSON")
            if self.word_label(span) is None and name.text not in self.demonyms:
                found.append(span)
        return found

    def with_epithet(self, span: Span) -> Span | None:
        """A ruler's name with its epithet, whole (`X the Great`, `X the Terrible`): the
        epithet is part of the name as a regnal numeral is (OntoNotes). The model gives
        the name alone (PERSON) or the three words under another label; either way the
        result is PERSON over `name the Epithet`. The epithet is one title-case word (an
        adjective or a noun: `the Conqueror`) that no capitalised word or noun goes on
        from, and no title or known place. `X the French emperor` is an apposition: a
        model span `X the French` is cut to the name. None when the span has no epithet."""
        doc = span.doc
        if span[0].pos_ != "PROPN" or not span[0].text[:1].isupper():
            return None
        if len(span) == 3 and span[1].text == "the":
            end = span.end  # the model took `X the Y` as one name
        elif span.label_ == "PERSON" and span.end + 1 < len(doc) and doc[span.end].text == "the":
            end = span.end + 2
        else:
            return None
        epithet = doc[end - 1]
        if not (epithet.is_title and epithet.is_alpha and epithet.tag_ in ("JJ", "JJS", "NNP", "NN")) \
                or epithet.text in self.titles or epithet.text in self.places or epithet.text in self.first_word \
                or epithet.text in self.last_word:
            return None
        if end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN") or doc[end].text[:1].isupper()):
            # `X the German king`: an apposition the model ran into the name
            return Span(doc, span.start, span.start + 1, label="PERSON") if len(span) == 3 else None
        return Span(doc, span.start, end, label="PERSON")

    def unnamed_subjects(self, doc: Doc) -> list[Span]:
        """One-word names the model missed altogether where the verb says a person acts:
        the subject of a verb only people do (`X died`, `X resigned`, `X said`), of a verb
        whose object is his or her own (`X defeated his brother`), or the passive subject
        of a verb done to people (`X was assassinated`, `X was released from prison`).
        PERSON. Candidates are found from the Doc's columns (proper-noun subjects outside
        every entity), not by visiting each token."""
        if not len(doc):
            return []
        cols = doc.to_array([POS, DEP, ENT_IOB])
        wanted = numpy.isin(cols[:, 1], [doc.vocab.strings["nsubj"], doc.vocab.strings["nsubjpass"]])
        rows = numpy.flatnonzero(wanted & (cols[:, 0] == PROPN) & (cols[:, 2] == 2)).tolist()
        found = []
        for i in rows:
            token = doc[i]
            if not (token.is_title and token.is_alpha and len(token) > 2) or token.tag_ == "NNPS" or token.text in self.demonyms \
                    or token.text in self.titles or token.text in self.places or token.lower_.endswith(self.ideology_suffixes):
                continue
            if any(c.dep_ in ("compound", "det", "poss", "amod") for c in token.children) \
                    or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
                continue  # part of a longer name or a common phrase (`the Council`)
            verb = token.head.lemma_
            person = token.dep_ == "nsubj" and (verb in self.person_subject_verbs or verb in self.speech_verbs
                                                or self.owns_gendered(token.head)) \
                or token.dep_ == "nsubjpass" and verb in self.person_passive_verbs
            if person:
                found.append(Span(doc, i, i + 1, label="PERSON"))
        return found

    def work_titles(self, doc: Doc) -> list[Span]:
        """Title-case runs right after a work cue (`his book, X`, `the novel X`,
        `titled X`, `published X`): titles of works the model rarely finds."""
        found = []
        for token in tokens_with(doc, LOWER, self.ids["work_cues"]):
            if token.lower_ not in self.work_cues:
                continue
            i = token.i + 1
            while i < len(doc) and doc[i].text in (",", '"', "“", "'", ":"):
                i += 1
            if i >= len(doc) or not doc[i].text[:1].isupper() or doc[i].is_sent_start:
                continue
            j = i
            while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].lower_ in self.title_words) and not doc[j].is_space:
                j += 1
            if j < len(doc) and doc[j].text in ("?", "!") and j > i:
                j += 1
            while j > i and doc[j - 1].lower_ in self.title_words:
                j -= 1
            if j - i >= 2:
                found.append(Span(doc, i, j, label="WORK_OF_ART"))
        return found

    def determiner_place(self, span: Span) -> str | None:
        """`the X` with X one proper noun the model calls PERSON is a place: English names
        people without an article. So is one it calls ORG/NORP/PRODUCT after a word of
        motion or position (`across the X`, `reached the X`)."""
        doc = span.doc
        if len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ != "the" \
                or (span.end < len(doc) and doc[span.end].text in POSSESSIVES):
            return None
        if span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
            return None  # `the X refinery`: a modifier, not the place itself
        if span.label_ == "PERSON":
            return "LOC"
        if span.label_ in ("ORG", "NORP", "PRODUCT") and span.start >= 2 and doc[span.start - 2].lower_ in self.spatial:
            return "LOC"
        return None

    def object_place(self, span: Span) -> str | None:
        """A place by its position: the object of a verb that only takes places (`besieged
        X`, `occupied X`), after `north of`/`the outskirts of`, or, when the model did not
        call it a person, coordinated with a name the model calls a place (`Y and X`)."""
        if len(span.text.split()) > 3 or span.label_ not in ("PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART"):
            return None
        root, doc = span.root, span.doc
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in self.place_object_verbs:
            return "GPE"
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in self.direction_words:
            return "GPE"
        partners = [t for t in (root.head, *root.children) if (t.dep_ == "conj" or root.dep_ == "conj") and t.i != root.i]
        if span.label_ != "PERSON" and any(t.ent_type_ in ("GPE", "LOC") and t.pos_ == "PROPN" and not (span.start <= t.i < span.end)
               for t in partners):
            return "GPE"
        return None

    def missed_places(self, doc: Doc, covered: set[int]) -> list[Span]:
        """A capitalised name of one to three proper nouns the model missed right after `at`
        or `near` (`defeated by a small force at X`, `at X Y`): a place, GPE. Not `in` (`in Parliament`), not
        a word that goes on into a longer name, a title, a demonym or a known person's
        name. Candidates come from the Doc's LOWER column, not a visit of every token."""
        if not len(doc):
            return []
        lower = doc.to_array(LOWER)
        rows = numpy.flatnonzero(numpy.isin(lower, [doc.vocab.strings[w] for w in self.missed_place_prepositions])).tolist()
        found = []
        for i in rows:
            j = i + 1
            if j >= len(doc) or j in covered:
                continue
            token = doc[j]
            if not (token.pos_ == "PROPN" and token.is_title and token.is_alpha and len(token) > 2) \
                    or token.text in self.titles or token.text in self.demonyms or token.text in self.first_word \
                    or token.text in self.last_word:
                continue
            k = j + 1  # a name of two or three words (`at Ain X`): the same checks on each
            while k < len(doc) and k - j < 3 and k not in covered and doc[k].pos_ == "PROPN" and doc[k].is_title \
                    and doc[k].is_alpha and doc[k].text not in self.titles and doc[k].text not in self.demonyms:
                k += 1
            if any(t.ent_type_ in ("DATE", "TIME") for t in doc[j:k]) or k < len(doc) and (doc[k].pos_ in ("PROPN", "NOUN") or doc[k].text in ("'s", "’s", "-")):
                continue  # a date the model found (`at Sunday dawn`), a longer name, a modifier
            span = Span(doc, j, k, label="GPE")
            head = self.word_label(span) if k - j > 1 else None  # `at X Place`: a building, FAC
            if head is None or head in ("FAC", "LOC", "GPE"):
                found.append(Span(doc, j, k, label=head or "GPE"))
        return found

    def missed_groups(self, doc: Doc, covered: set[int]) -> list[Span]:
        """Capitalised group adjectives the model missed, before a common noun: a demonym
        (`Soviet troops`) or a word with a group ending (`-ian`, `-ist`, `-ese`:
        `Carthaginian citizens`, `Royalist efforts`), a people's name (peoples.json:
        `Manchu banners`) or a proper adjective before a noun of rulers or fighters (`the
        Mughal prince`), not at a sentence's start; and a plural demonym or people
        standing as a noun phrase (`taken by the Greeks`, `against the Marathas`). NORP."""
        found = []
        for token in tokens_with(doc, IS_TITLE, _TRUE):  # title-case words only, from the Doc's column
            if token.i in covered or not token.is_title:
                continue
            if (token.text in self.demonyms or token.text in self.people_plurals) and token.tag_ in ("NNPS", "NNS") \
                    and token.dep_ in GROUP_NOUN_DEPS:
                lo = token.i  # `by the Greeks`: the people itself; `the Pontic Greeks` whole
                while lo > 0 and lo - 1 not in covered and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].is_title:
                    lo -= 1
                found.append(Span(doc, lo, token.i + 1, label="NORP"))
                continue
            if token.is_sent_start or token.i + 1 >= len(doc):
                continue
            nxt = doc[token.i + 1]
            if not (nxt.pos_ == "NOUN" and nxt.is_lower and token.dep_ in ("amod", "compound") and token.head.i == nxt.i):
                continue
            if token.text in self.demonyms or token.text in self.peoples \
                    or (token.tag_ in ("JJ", "NNP") and token.lower_.endswith(self.group_suffixes)
                        and token.lower_.endswith(("ian", "ist", "ese", "ish"))) \
                    or (nxt.text in self.people_heads and token.tag_ in ("JJ", "NNP") and token.is_alpha
                        and token.text not in self.places and token.text not in self.titles
                        and token.text not in self.first_word and token.text not in self.last_word):
                found.append(Span(doc, token.i, token.i + 1, label="NORP"))
        return found

    def vehicle_label(self, span: Span) -> str | None:
        """A ship's or an aircraft's name is PRODUCT (SPEC 3.2): right after a noun for a
        vessel or aircraft (`the frigate X`, `the cruiser "X"`; vehicle_nouns.json), after
        `aboard` (`aboard the X`), as the object of a verb done to ships (`torpedoed the X`,
        `X was scuttled`), or as a one-word `the X` doing what ships do (`the X sank`). Not
        a place, a people or a plural: `the Dutch sank` is a nation's act."""
        doc, start = span.doc, span.start
        i = start - 1
        while i >= 0 and doc[i].text in QUOTES | {"called", "named"} and start - i <= 2:
            i -= 1
        if i >= 0 and doc[i].lower_ in self.vehicle_nouns and doc[i].is_lower:
            return "PRODUCT"
        if span.text in self.places or span.text in self.demonyms or span.text in self.peoples \
                or span.label_ in NUMERIC or len(span) > 3:
            return None
        before = start - 1 if start > 0 and doc[start - 1].lower_ != "the" else start - 2
        if before >= 0 and doc[before].lower_ in self.vehicle_prepositions:
            return "PRODUCT"
        root = span.root
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in self.vehicle_object_verbs:
            return "PRODUCT"
        if len(span) == 1 and root.dep_ == "nsubj" and root.head.lemma_ in self.vehicle_subject_verbs \
                and root.tag_ == "NNP" and start > 0 and doc[start - 1].lower_ == "the":
            return "PRODUCT"
        return None

    def vehicle_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """One to three title-case proper nouns right after a lower-case noun for a vessel
        or aircraft (`the frigate X`) that the model missed: PRODUCT (see vehicle_label).
        Candidates come from the Doc's LOWER column (tokens_with), not a visit of every token."""
        found = []
        for noun in tokens_with(doc, LOWER, self.ids["vehicle_nouns"]):
            i = noun.i
            if not noun.is_lower or noun.whitespace_ != " ":
                continue
            end = i + 1
            # the tagger may read an unfamiliar name as a common noun (`the frigate X`, X NN)
            while end < len(doc) and end - i <= 3 and end not in covered and doc[end].pos_ in ("PROPN", "NOUN") \
                    and doc[end].is_title and doc[end].is_alpha and doc[end].text not in self.titles:
                end += 1
            if end > i + 1 and not (end < len(doc) and doc[end].text[:1].isupper()):
                found.append(Span(doc, i + 1, end, label="PRODUCT"))
        return found

    def people_adjective(self, span: Span) -> str | None:
        """A people's or a dynasty's name (peoples.json, from WordNet) that the model calls
        a place, a body or a person: NORP as the adjective of a common noun (`the Manchu
        court`, `Habsburg troops`) or as a plural people (`against the Marathas`, `the Don
        Cossacks`: a region's name before it)."""
        if span.label_ in ("NORP", "LANGUAGE") or span.label_ in NUMERIC:
            return None
        last = span[-1]
        if len(span) > 1 and all(t.is_title for t in span) and (last.text in self.people_plurals or
                                                                (last.text in self.demonyms and last.tag_ in ("NNPS", "NNS"))):
            return "NORP"  # `the Don Cossacks`, `the Volga Germans`: a people named by its region
        if len(span) != 1:
            return None
        token, doc = span[0], span.doc
        if token.text in self.people_plurals:  # the tagger often calls an unfamiliar plural NNP
            return "NORP"
        if token.text not in self.peoples or span.end >= len(doc):
            return None
        nxt = doc[span.end]
        if nxt.pos_ == "NOUN" and nxt.is_lower and token.dep_ in ("amod", "compound") and token.head.i == nxt.i:
            return "NORP"
        return None

    def adjective_group(self, span: Span) -> str | None:
        """A one-word name used as an adjective before a common noun (`Confederate troops`,
        `Royalist officers`) names a group of people: NORP, not the organisation; so does
        one the model calls a person right before a noun of fighters (`the Zulu army`,
        `Mohawk warriors`): English names no army after one man without a possessive."""
        if len(span) != 1:
            return None
        token = span[0]
        if span.label_ == "PERSON" and span.end < len(span.doc) and span.doc[span.end].lower_ in self.group_heads \
                and token.dep_ in ("amod", "compound", "nmod"):
            return "NORP"
        if span.label_ != "ORG":
            return None
        if (token.pos_ == "ADJ" or token.lower_.endswith(self.adjective_suffixes)) \
                and token.dep_ in ("amod", "compound") and token.head.pos_ == "NOUN" and token.head.i == token.i + 1:
            return "NORP"
        return None

    def split_run_on(self, span: Span) -> list[Span]:
        """The parts of a model span that runs one name into the next over what no name
        holds: a line break (a heading and the sentence under it, any label), a
        lower-case verb (`X returned Y`) or the preposition `to`, `at` or `near` (`sent X to Y`,
        `beaten by X at Y`;
        `Committee to Re-elect` has the infinitive marker and a hyphenated verb) in any
        label but titles, laws and events, whose names are phrases. Each part keeps the
        span's label for the rules to correct; a span without such a word is returned whole."""
        if len(span) < 3 or span.label_ in NUMERIC:
            return [span]
        phrase = span.label_ in ("WORK_OF_ART", "LAW", "EVENT") and not _names_at_place(span)
        cuts = [t.i for t in span[1:-1] if t.is_space and "\n" in t.text or not phrase and t.is_lower
                and (t.pos_ in ("VERB", "AUX") or t.lower_ in ("to", "at", "near") and t.pos_ == "ADP")
                and t.nbor(-1).text not in ("-", "–")]
        if not cuts:
            return [span]
        bounds = [span.start, *cuts, span.end]
        parts = [(lo if lo == span.start else lo + 1, hi) for lo, hi in zip(bounds, bounds[1:])]
        return [Span(span.doc, lo, hi, label=span.label_) for lo, hi in parts if lo < hi]

    def singular_group_name(self, span: Span) -> str | None:
        """A one-word NORP with a group ending standing alone as a bare singular noun
        phrase (`Diocletian divided the empire`) is a person's name (see _lone_name)."""
        if len(span) != 1 or span.label_ != "NORP" or span.text in self.demonyms:
            return None
        token = span[0]
        if token.lower_.endswith(self.group_suffixes) and token.text[:1].isupper() and _lone_name(token):
            return "PERSON"
        return None

    def compass_region(self, span: Span, place_tokens: dict[str, list[int]]) -> str | None:
        """A compass word before a place names a region of it (`North Georgia`, `Western
        Germany`): LOC, unless the gazetteer knows the whole as a state (`North Korea`,
        `West Virginia`). The place is one the gazetteer knows or the model labels a place
        elsewhere in the document (`place_tokens`, see place_token_index). A compass word
        before `Front` names a war's front: LOC."""
        doc = span.doc
        if len(span) < 2 or span[0].text not in self.compass or span.label_ == "LOC":
            return None
        rest = span[1:]
        if len(rest) == 1 and rest[0].text in self.front_words:
            return "LOC"
        if self.places.get(span.text) == "GPE" or span.label_ not in ("GPE", "ORG"):
            return None
        known = rest.text in self.places or _place_elsewhere(doc, [t.text for t in rest], span, place_tokens)
        return "LOC" if known else None

    def acronym_body(self, span: Span) -> str | None:
        """An acronym the model calls a person (`the CIA`, `MI6`) names a body: ORG.
        Personal names are not written in capitals; a regnal numeral (`II`) and an
        acronym the gazetteer knows as a place (`USSR`) are left to their own rules."""
        if len(span) != 1 or span.label_ != "PERSON" or not self.is_acronym(span.text):
            return None
        return "ORG"

    def is_acronym(self, text: str) -> bool:
        """Two or more capitals, maybe with digits (`KGB`, `MI6`), no numeral or place."""
        return sum(c.isalpha() for c in text) >= 2 and text.isupper() and text.isalnum() \
            and not ROMAN.fullmatch(text) and text not in self.places

    def plural_group(self, span: Span) -> str | None:
        """A plural proper noun of a nationality the model calls PERSON (`the Romans`,
        `many Mexicans`: tagged NNPS, singular in `-an`) is a group: NORP."""
        if len(span) != 1 or span.label_ != "PERSON" or span[0].tag_ != "NNPS":
            return None
        return "NORP" if span.text.endswith("ans") or span.text in self.demonyms else None

    def split_unit(self, span: Span, gpe_names: set[str]) -> list[Span] | None:
        """`US Eighth Army`, `Soviet Red Army`: a country or nationality before a unit's
        name of two or more words is no part of it (docs/annotation.md decision 32): GPE
        (a country the gazetteer or the document knows) or NORP (a demonym) + ORG."""
        if span.label_ != "ORG" or len(span) < 3 or span[-1].text not in self.unit_words:
            return None
        first = span[0].text
        if first in self.demonyms:
            label = "NORP"
        elif self.places.get(first) == "GPE" or first in gpe_names:
            label = "GPE"
        else:
            return None
        doc = span.doc
        return [Span(doc, span.start, span.start + 1, label=label), Span(doc, span.start + 1, span.end, label="ORG")]

    def titled_names(self, doc: Doc, covered: set[int]) -> list[Span]:
        """Names right after a capitalised title that the model missed (`Lieutenant
        Colonel X`, `Baron von X`, `Admiral d'X`): one to three title-case proper nouns,
        lower-case particles inside (name_particles), nothing else capitalised after.
        Organisations and places named after a title (`General Assembly`) are left out
        by their head word."""
        found = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.text not in self.titles or not token.text[:1].isupper() or token.text in self.place_titles:
                i += 1
                continue
            j = i
            while j < len(doc) and doc[j].text in self.titles:
                j += 1
            k = j
            while k < len(doc) and k not in covered and (
                    (doc[k].pos_ == "PROPN" and doc[k].is_title and not doc[k].is_sent_start)
                    or (doc[k].text[:2].lower() == "d'" and doc[k].text[2:3].isupper())
                    or (doc[k].text in self.particles and k + 1 < len(doc) and doc[k + 1].text[:1].isupper())):
                k += 1
            if j < k and k - j <= 4 and doc[k - 1].text not in self.particles \
                    and not (k < len(doc) and doc[k].text[:1].isupper()) and not any(t in covered for t in range(j, k)):
                span = Span(doc, j, k, label="PERSON")
                if self.word_label(span) is None and not any(t.text in self.demonyms for t in span):
                    found.append(span)
            i = max(k, i + 1)
        return found

    def person_noun_names(self, doc: Doc) -> list[Span]:
        """Runs of one to three title-case proper nouns right after a lower-case noun for
        a person (`the satrap X`), found by the model or not: PERSON (see person_noun_label)."""
        found = []
        for token in tokens_with(doc, ORTH, self.ids["person_noun_ends"]):
            # cheap test first: the noun's (last) word, then the full check
            if token.text not in self.person_noun_ends or not self.person_noun_before(doc, token.i + 1):
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                    and not doc[end].is_sent_start:
                end += 1
            if 1 <= end - token.i - 1 <= 3 and not (end < len(doc) and doc[end].text[:1].isupper()):
                span = Span(doc, token.i + 1, end, label="PERSON")
                if self.word_label(span) is None:  # `a young revolutionary Georgian`: a group word
                    found.append(span)
        return found

    def person_noun_before(self, doc: Doc, i: int) -> bool:
        """Whether doc[i] follows a lower-case noun for a person (person_nouns.json) with
        one space between: a common noun (`satrap`, `son-in-law`), or a noun the tagger
        reads as an adjective after a determiner (`his general X`)."""
        if i == 0:
            return False
        noun = doc[i - 1]
        if not noun.is_lower or noun.whitespace_ != " ":
            return False
        start = i - 1  # a hyphenated noun is several tokens: `son`, `-`, `in`, `-`, `law`
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_:
            start -= 2
        word = doc[start:i].text.lower()
        if word not in self.person_nouns:
            return False
        if noun.tag_ == "NN":
            return True
        return noun.tag_ == "JJ" and start > 0 and doc[start - 1].tag_ in ("DT", "PRP$")

    def person_noun_label(self, span: Span) -> str | None:
        """A name of one to three proper nouns right after a lower-case noun for a person
        (`the satrap X`, `his general X`, `the rebel leader X`; person_nouns.json, from
        WordNet) is that person: the noun is an apposition, as a title is. Not after `of`
        or a comma (`the son of X`, `the king, X`) where the name may be anything."""
        if span.label_ == "PERSON" or len(span) > 3 or not self.person_noun_before(span.doc, span.start):
            return None
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span) or self.word_label(span):
            return None
        return "PERSON"

    def copula_names(self, doc: Doc) -> set[str]:
        """Full names (two or three capitalised proper nouns, no organisation or place
        word) that are the subject of `be` with a noun for a person as its complement:
        `X (1852-1919) was a Swedish journalist`, `X is an American historian`, the
        opening of a biography. The model often reads such a name as an organisation,
        above all after a heading repeating it; the document's people include it. One
        word is left alone: `Athens was the leader of the league`."""
        names = set()
        if not len(doc):
            return names
        cols = doc.to_array([POS, DEP])  # proper-noun subjects only, found from the Doc's columns
        rows = numpy.flatnonzero((cols[:, 0] == PROPN) & (cols[:, 1] == doc.vocab.strings["nsubj"])).tolist()
        for token in (doc[i] for i in rows):
            if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.head.lemma_ != "be":
                continue
            if not any(c.dep_ == "attr" and c.pos_ == "NOUN" and c.lemma_.lower() in self.person_nouns
                       for c in token.head.children):
                continue
            start = token.i
            while start > 0 and token.i - start < 2 and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].head.i == token.i and doc[start - 1].pos_ == "PROPN":
                start -= 1
            span = self.trim(Span(doc, start, token.i + 1, label="PERSON"))  # `General X`: X
            if span is not None and len(span) >= 2 and all(t.text[:1].isupper() for t in span) \
                    and not self.word_label(span):
                names.add(span.text)
        return names

    def known_place(self, span: Span) -> str | None:
        """A name of two or more words the gazetteer knows whole (`Cape Town`, `Santa Fe`)
        is the place it says, before its first or last word says otherwise (`Cape X` is
        a cape, LOC): the whole name is better evidence than one of its words."""
        if len(span) < 2 or span.label_ in NUMERIC:
            return None
        return self.places.get(span.text)

    def gazetteer_label(self, span: Span) -> str | None:
        """The kind of place a general gazetteer gives the name (places.json: WordNet's
        instance nouns): an island, river, sea or region is LOC, a country or city GPE,
        whatever the model said (`Sicily` GPE -> LOC). A city is no person, organisation
        or product; a name the model calls NORP or a person stays so unless it is a
        natural place (a surname may be a city's name: the document decides those)."""
        label = self.places.get(span.text)
        if label is None or label == span.label_ or span.label_ in NUMERIC:
            return None
        if label == "GPE" and span.label_ not in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "PERSON", "LOC"):
            return None
        if label == "GPE" and span.label_ == "LOC" and len(span) > 1:
            return None  # `Western Georgia`-like regions the model found are not the state
        return label

    def after_place_preposition(self, span: Span) -> bool:
        """`at X`, `in X` (not `in X's`): a position where a name is a place, even one the
        document also uses as a surname."""
        doc = span.doc
        return span.start > 0 and doc[span.start - 1].lower_ in self.place_only \
            and not (span.end < len(doc) and doc[span.end].text in POSSESSIVES)

    def locative_label(self, span: Span) -> str | None:
        """A one-word name after `in`/`to`/`from`... that the model calls PERSON/NORP is a place."""
        doc = span.doc
        if span.label_ not in ("PERSON", "NORP", "ORG", "PRODUCT", "WORK_OF_ART") or len(span.text.split()) > 2:
            return None
        if span.start == 0 or doc[span.start - 1].lower_ not in self.locative:
            return None
        if span.start >= 2 and doc[span.start - 2].lower_ == "according":
            return None
        if span.end < len(doc) and doc[span.end].text in POSSESSIVES:
            return None
        if span.label_ == "NORP" and span.text.lower().endswith(self.group_suffixes):
            return None
        if len(span) == 1 and span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower \
                and span.root.dep_ in ("amod", "compound") and span.root.head.i == span.end:
            return None  # `to Roman ships`: the name modifies the preposition's object
        if span.label_ == "ORG" and self.last_word.get(span.text) == "ORG":
            return None  # `to Parliament`, `from the Navy`: an organisation's head word alone
        return "GPE"


_TRUE = (1,)  # a boolean column's value for true


def string_ids(words) -> numpy.ndarray:
    """The string ids of some words, sorted, to test a Doc's ORTH or LOWER column with."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


def tokens_with(doc: Doc, attr: int, ids: numpy.ndarray | tuple[int, ...]) -> list[Token]:
    """The tokens of doc, in order, whose attribute `attr` (ORTH, LOWER, IS_TITLE ...)
    has one of the values `ids`. Why: a rule that looks for a few words (a regnal
    numeral, a work cue) would otherwise make a Token object for every word of the Doc
    only to test it; one numpy test over the Doc's column skips the others."""
    if not len(doc):
        return []
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(attr), ids)).tolist()]


def _names_at_place(span: Span) -> bool:
    """`X at Y`, `X near Y` read as a title: two single proper nouns joined by a place
    preposition, with no quote before (`defeated X at Y`); a title of that shape
    would stand in quotes or have more words."""
    doc = span.doc
    return len(span) == 3 and span[1].lower_ in ("at", "near") and span[0].pos_ == span[2].pos_ == "PROPN" \
        and not (span.start > 0 and doc[span.start - 1].text in QUOTES)


def _lone_name(token) -> bool:
    """Whether a capitalised word with a group ending (`-ian`, `-ist`, `-ite`...) stands
    as a bare singular noun phrase of its own: subject, object or apposition, with no
    article, possessive or adjective, not plural, not a modifier, not hyphenated
    (`Diocletian divided the empire`, `under Hadrian`). Peoples and parties are named
    in the plural or as modifiers (`the Carthaginians`, `Royalist efforts`, `a leading
    Jacobin`), so such a word is a person's name, not a group."""
    if token.text.endswith("s") or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.pos_ == "ADJ" and token.dep_ not in ("nsubj", "nsubjpass"):
        return False  # an adjective the tagger made the subject (`X later defeated Y`) is a noun
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return False
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nmod") for c in token.children):
        return False
    if token.i > 0 and token.nbor(-1).lower_ in ("a", "an", "the"):
        return False
    return not (token.i + 1 < len(token.doc) and token.nbor(1).text in ("-", "–"))


def place_token_index(doc: Doc) -> dict[str, list[int]]:
    """Text -> indices of the Doc's tokens inside its GPE and LOC entities: built once per
    Doc, so that finding a place elsewhere in the document (compass_region) looks only
    at those tokens, not at every token (quadratic in length) nor at doc.ents (rebuilt
    on every access)."""
    index: dict[str, list[int]] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            for token in ent:
                index.setdefault(token.text, []).append(token.i)
    return index


def _place_elsewhere(doc: Doc, words: list[str], span: Span, place_tokens: dict[str, list[int]]) -> bool:
    """Whether the tokens `words` stand somewhere outside span as a place (every token
    inside a GPE or LOC): only tokens of `place_tokens` (place_token_index) can start such a run."""
    n = len(words)
    for i in place_tokens.get(words[0], ()):
        if span.start <= i < span.end or i + n > len(doc):
            continue
        window = doc[i:i + n]
        if [t.text for t in window] == words and all(t.ent_type_ in ("GPE", "LOC") for t in window):
            return True
    return False
