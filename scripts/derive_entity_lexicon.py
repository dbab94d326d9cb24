"""Regenerate the entity stage's WordNet-derived data: models/entities/en/places.json, person_nouns.json, peoples.json and vehicle_nouns.json.

Why: the small model calls islands, rivers, seas and regions GPE (`Sicily`, `Manchuria`)
and sometimes calls a city a PERSON. SPEC 3.2 separates GPE (countries, cities, states:
places with a government) from LOC (non-political places). WordNet's instance nouns say
which kind of place a proper name is (`Sicily` instance of `island`, `Oder` of `river`,
`Philadelphia` of `city`), so the split is derived from a general lexical resource, not
from our documents.

What is derived (the runtime reads only the JSON, never WordNet):
- LOC: names with a natural-geography sense (an instance of a land form, a body of water,
  a geological formation, or a plain geographical area/region) and no sense that is a
  country, city/town, political unit, empire or colony (`Cuba` is an island and a country:
  not LOC). A first-level division that is also an island or natural area stays LOC
  (`Sicily`: island and Italian region).
- GPE: names whose senses are all places and at least one is a country, city/town,
  political unit, state or empire (`Philadelphia`), with no sense of a person (`Washington`
  is left out: the document decides).
Both lists leave out names that are also common nouns (`Reading`, `Turkey`) or that
WordNet also gives as something other than a place (a ship); a battle fought there is no
other thing (`Gettysburg` the town and the battle is GPE).

person_nouns.json: the single lower-case nouns whose most frequent WordNet sense is a
person (`satrap`, `general`, `son`; not `enemy` or `party`, whose first senses are groups).
Written right before a name (`the satrap X`, `his general X`), such a noun is an apposition
that makes the name a person's, as OntoNotes' titles do.

peoples.json: the capitalised words that name a people or one of its members (`Manchu`,
`Maratha`: noun.person senses under `inhabitant`, `native`, `Amerindian`, `African`...),
a dynasty (`Habsburg`, `Qing`: noun.group under `dynasty`) or an adjective pertaining to a
place or a people (`Venetian`, `Frankish`), with the plurals of the nouns (`Marathas`);
none that the gazetteer or WordNet also gives as a place (`York` the dynasty and the city).
Before a noun of rulers or fighters (`the Manchu court`, `Habsburg troops`) or standing as
a plural people (`against the Marathas`), such a word is NORP (SPEC 3.2), whatever the
model said. `rulers`: the lower-case nouns for rulers and nobles (hyponyms of `ruler` and
`aristocrat`: `emperor`, `sultan`, `prince`) that such a word modifies.

vehicle_nouns.json: the lower-case nouns with a sense under `craft` (a vessel or an aircraft:
`frigate`, `galleon`, `cruiser`, `bomber`) whose first sense is an artifact. Right before a
name (`the frigate X`) such a noun makes it a vehicle's: PRODUCT (SPEC 3.2, `Aurora` the ship).

Usage:  python scripts/derive_entity_lexicon.py [--wordnet DIR] [--check]
  --check  exit 1 when the committed file differs from what WordNet gives (nothing written).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from derive_triggers import DEFAULT_WORDNET, MissingWordNet, open_wordnet, wordnet_command, write_or_check  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "models" / "entities" / "en"
OUT = DATA / "places.json"
PERSON_NOUNS = DATA / "person_nouns.json"
PEOPLES = DATA / "peoples.json"
VEHICLE_NOUNS = DATA / "vehicle_nouns.json"

# Hypernyms (anywhere in the closure of an instance's class) that make a place natural...
NATURAL = ("land.n.04", "body_of_water.n.01", "geological_formation.n.01", "tableland.n.01",
           "desert.n.01", "forest.n.01")
# ...a plain region (the class itself, not a subclass such as `colony` or `city`)...
AREA = ("geographical_area.n.01", "region.n.03", "area.n.01", "tract.n.01", "french_region.n.01")
# ...or political (SPEC 3.2's GPE: countries, cities, states, provinces with a government).
POLITICAL = ("country.n.02", "municipality.n.01", "political_unit.n.01", "empire.n.01",
             "colony.n.03", "american_state.n.01", "state.n.04", "national_capital.n.01",
             "city.n.01", "town.n.01", "port.n.01", "province.n.01", "kingdom.n.02")
# ...or a division below a country (an Italian region, a province): political, but one that
# is also an island or a natural region is named as the place (`Sicily`).
DIVISION = ("administrative_district.n.01", "state.n.01")
# A region whose gloss calls it a state (`a former kingdom in north-central Europe`) was
# governed: WordNet files many historical states as plain geographical areas.
STATE_WORDS = ("kingdom", "country", "empire", "state", "republic", "principality", "duchy",
               "province", "city", "caliphate", "khanate", "sultanate")
REGION_WORDS = ("region", "area", "district", "territory", "land", "plain", "valley", "basin", "coast")
# A battle's name is its place's (`Waterloo` the town and the battle): the battle sense
# keeps the name a place.
BATTLE = "battle.n.01"
GENERATED = "Generated by scripts/derive_entity_lexicon.py from WordNet 3.0: rerun it, never edit this file."


def _kinds(synset, word: str) -> set[str]:
    """What one synset of a name makes it: 'natural', 'area', 'political', 'division'
    (a state or province below a country), 'group' (`Europe` as its nations), 'person',
    'common' (a lower-case noun: `turkey`), 'battle' (fought at the place of that name) or
    'other' (a ship...)."""
    kinds = set()
    classes = synset.instance_hypernyms()
    if synset.lexname() == "noun.person":
        return {"person"}
    if not classes:
        spelt = [lem.name() for lem in synset.lemmas() if lem.name().lower() == word.lower()]
        if synset.lexname() == "noun.group" and spelt and spelt[0][:1].isupper():
            return {"group"}
        return {"common"}  # a common-noun sense: the word is not only a name
    for cls in classes:
        closure = {cls.name()} | {h.name() for h in cls.closure(lambda s: s.hypernyms())}
        if BATTLE in closure:
            kinds.add("battle")  # named after its place (`Waterloo`): no other thing the name is
        elif closure & set(POLITICAL):
            kinds.add("political")
        elif closure & set(DIVISION):
            kinds.add("division")
        elif closure & set(NATURAL):
            kinds.add("natural")
        elif cls.name() in AREA:
            kinds.add("division" if _gloss_head(synset) in STATE_WORDS else "area")
        else:
            kinds.add("other")
    return kinds


def _gloss_head(synset) -> str | None:
    """The first word of the gloss that says what kind of place it is (`an ancient region
    of ...` -> region, `the ancient kingdom of ...` -> kingdom)."""
    for word in synset.definition().replace(",", " ").replace(";", " ").split():
        if word in STATE_WORDS or word in REGION_WORDS:
            return word
    return None


def derive(wn) -> dict[str, list[str]]:
    names: dict[str, set[str]] = {}
    for synset in wn.all_synsets("n"):
        if not synset.instance_hypernyms() or synset.lexname() not in ("noun.location", "noun.object"):
            continue
        for lemma in synset.lemmas():
            text = lemma.name().replace("_", " ")
            if text[:1].isupper() and text not in names:
                kinds: set[str] = set()
                for other in wn.synsets(lemma.name(), "n"):
                    kinds |= _kinds(other, lemma.name())
                names[text] = kinds
    unclear = {"person", "common", "other"}
    loc = sorted(n for n, k in names.items() if k & {"natural", "area"} and not k & ({"political"} | unclear))
    gpe = sorted(n for n, k in names.items() if (k & {"political", "division"}) and not k & unclear
                 and n not in loc)
    return {"LOC": loc, "GPE": gpe}


def person_nouns(wn) -> list[str]:
    """Lower-case one-word nouns (hyphenated ones too: `son-in-law`) whose first (most
    frequent) sense is noun.person."""
    out = set()
    for synset in wn.all_synsets("n"):
        if synset.lexname() != "noun.person":
            continue
        for lemma in synset.lemmas():
            word = lemma.name()
            if word.replace("-", "").isalpha() and word.islower() \
                    and wn.synsets(word, "n")[0].lexname() == "noun.person":
                out.add(word)
    return sorted(out)


# Classes whose (non-instance) members are members of a people: `Venetian`, `Aztec`, `Zulu`
PEOPLE_ROOTS = {"inhabitant.n.01", "native.n.01", "amerindian.n.01", "african.n.01", "tribesman.n.01"}
DYNASTY = "dynasty.n.01"
RULER_ROOTS = ("ruler.n.01", "aristocrat.n.01")


def _hypernyms(synset) -> set[str]:
    return {h.name() for h in synset.closure(lambda s: s.hypernyms())}


def _placename(wn, word: str) -> bool:
    """Whether WordNet gives the capitalised word as a place too (`York`, `Hanover`)."""
    return any(s.lexname() == "noun.location" and any(lem.name() == word for lem in s.lemmas())
               for s in wn.synsets(word, "n"))


def _plural(word: str, stems: set[str] = frozenset()) -> str | None:
    """The regular English plural of a people's noun (`Maratha` -> `Marathas`, `German` ->
    `Germans`; a compound of `man` on a word of `stems` is irregular: `Englishman` ->
    `Englishmen`); None where English keeps the singular (`Burmese`)."""
    if word.endswith(("man", "woman")) and word[:-3].removesuffix("wo") in stems:
        return word[:-3] + "men"
    if word.endswith(("s", "x", "z", "sh", "ch", "ese", "y", "i")):
        return None
    return word + "s"


def peoples(wn, places: dict[str, list[str]]) -> dict[str, list[str]]:
    """The names of peoples, their members, dynasties and the adjectives of places and
    peoples (see the module's docstring), their plurals, and the nouns for rulers."""
    known = set(places["LOC"]) | set(places["GPE"])
    nouns, adjectives = set(), set()
    for synset in wn.all_synsets("n"):
        if synset.instance_hypernyms():
            continue
        up = _hypernyms(synset)
        if (synset.lexname() == "noun.person" and up & PEOPLE_ROOTS) or \
                (synset.lexname() == "noun.group" and DYNASTY in up):
            nouns |= {lem.name() for lem in synset.lemmas() if lem.name()[:1].isupper() and lem.name().isalpha()}
    for synset in wn.all_synsets("a"):
        if synset.lexname() != "adj.pert":
            continue
        for lemma in synset.lemmas():
            word = lemma.name()
            if not (word[:1].isupper() and word.isalpha()):
                continue
            for noun in (p.synset() for p in lemma.pertainyms()):
                if noun.lexname() in ("noun.location", "noun.group") or \
                        (noun.lexname() == "noun.person" and _hypernyms(noun) & PEOPLE_ROOTS):
                    adjectives.add(word)
    names = sorted(w for w in nouns | adjectives if w not in known and not _placename(wn, w))
    stems = nouns | adjectives | known
    plurals = sorted(p for p in (_plural(w, stems) for w in nouns if w in names)
                     if p and p not in known and not _placename(wn, p))  # `the Balkans` is a region
    rulers = set()
    for root in RULER_ROOTS:
        for synset in wn.synset(root).closure(lambda s: s.hyponyms()):
            rulers |= {lem.name() for lem in synset.lemmas() if lem.name().islower() and lem.name().isalpha()
                       and wn.synsets(lem.name(), "n")[0].lexname() == "noun.person"}  # not `count`
    rulers |= {p for p in (_plural(w) for w in rulers) if p}
    return {"names": names, "plurals": plurals, "rulers": sorted(rulers)}


CRAFT = "craft.n.02"


def vehicle_nouns(wn) -> list[str]:
    """Lower-case one-word nouns with a sense under `craft` (vessels, aircraft) whose most
    frequent sense is an artifact (`cruiser`; not `tanker`, first a person)."""
    out = set()
    for synset in wn.synset(CRAFT).closure(lambda s: s.hyponyms()):
        for lemma in synset.lemmas():
            word = lemma.name()
            if word.islower() and word.isalpha() and wn.synsets(word, "n")[0].lexname() == "noun.artifact":
                out.add(word)
    return sorted(out)


def render(data: dict[str, list[str]]) -> str:
    body = {"_comment": GENERATED + " LOC: natural places and regions with no political sense; GPE: "
            "countries, cities and states with no sense of a person or a common noun.", **data}
    return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


def render_person_nouns(nouns: list[str]) -> str:
    body = {"_comment": GENERATED + " Nouns whose most frequent sense is a person: before a name they "
            "make it a person's (`the satrap X`).", "nouns": nouns}
    return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


def render_peoples(data: dict[str, list[str]]) -> str:
    body = {"_comment": GENERATED + " names: peoples, their members, dynasties and adjectives of places "
            "and peoples (`Manchu`, `Habsburg`, `Venetian`); plurals: the nouns' plurals; rulers: nouns "
            "for rulers and nobles. Before a noun of rulers or fighters such a name is NORP.", **data}
    return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


def outputs(wn) -> dict[Path, str]:
    places = derive(wn)
    vehicles = {"_comment": GENERATED + " Nouns for vessels and aircraft: before a name they make it "
                "a vehicle's (`the frigate X`).", "nouns": vehicle_nouns(wn)}
    return {OUT: render(places), PERSON_NOUNS: render_person_nouns(person_nouns(wn)),
            PEOPLES: render_peoples(peoples(wn, places)),
            VEHICLE_NOUNS: json.dumps(vehicles, indent=0, ensure_ascii=False) + "\n"}


def main(argv: list[str] | None = None) -> int:
    return wordnet_command("derive_entity_lexicon", __doc__.split("\n")[0], argv, _run)


def _run(wn, args) -> int:
    texts = outputs(wn)
    code = write_or_check("derive_entity_lexicon", texts, args.check, "run `make lexicon`")
    if args.check or code:
        return code
    places = json.loads(texts[OUT])
    nouns = json.loads(texts[PERSON_NOUNS])["nouns"]
    groups = json.loads(texts[PEOPLES])
    print(f"derive_entity_lexicon: {len(places['LOC'])} LOC and {len(places['GPE'])} GPE names, "
          f"{len(nouns)} person nouns, {len(groups['names'])} names of peoples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
