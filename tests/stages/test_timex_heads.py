"""The grammar tries each rule only at the words that can begin it (heads.py): the
matches must be exactly those of the one big alternation it replaces."""
import re
from functools import lru_cache

from hypothesis import given, settings, strategies as st

from pipeline.timexes.grammar import Grammar
from pipeline.timexes.heads import HeadIndex


@lru_cache(maxsize=1)
def _grammar() -> Grammar:
    return Grammar.from_folder()


def _alternation(grammar: Grammar, text: str):
    return [(m.lastgroup, m.start(), m.end()) for m in grammar.detector.finditer(text)]


def test_every_english_rule_has_known_heads():
    assert _grammar().heads is not None  # the fast path is the one in use


def test_heads_of_a_small_grammar():
    rules = [re.compile(p) for p in (r"\b(?:(?i:every)\s(?:day|week))", r"\b(?:[1-9][0-9]{3})",
                                     r"\b(?:(?<=in\s)(?:the\s)?(?:spring|summer))", r"\b(?:daily)")]
    index = HeadIndex.of(rules)
    assert index.rules_of("Every") == (0,)
    assert index.rules_of("everything") == (0,)  # a long word is told by its first four letters
    assert index.rules_of("then") == ()  # `the` is followed by a space: a whole word
    assert index.rules_of("1917") == (1,)
    assert index.rules_of("The") == (2,)
    assert index.rules_of("summer") == (2,)
    assert index.rules_of("dailyness") == (3,)  # no boundary after `daily`: a prefix is enough
    assert index.rules_of("army") == ()
    text = "Back in the summer he wrote daily, every week, until 1917; in spring 1918 too."
    found = [(i, m.group()) for i, m in index.finditer(rules, text)]
    assert found == [(2, "the summer"), (3, "daily"), (0, "every week"), (1, "1917"), (2, "spring"), (1, "1918")]


def test_a_rule_that_can_begin_with_punctuation_falls_back_to_the_full_scan():
    assert HeadIndex.of([re.compile(r"\b(?:[0-9]+)"), re.compile(r"(?:\(c\.\s[0-9]+\))")]) is None
    assert HeadIndex.of([re.compile(r"\b(?:.+ago)")]) is None


SENTENCES = [
    "On 3 May 1921 the council met again; by late June it had dissolved.",
    "Every spring the river flooded, twice a year in wet decades.",
    "Around 480 BC the league was formed, and in the 2nd century AD it was forgotten.",
    "Three days later, at dawn, the garrison left; the next morning it was 06:30 hrs.",
    "From the early 1850s to the 1870s the port grew; about a week earlier it had burned.",
    "The treaty of 12–14 October 1648 ended it, though in the following year fighting resumed.",
    "She was born in 1806 and died at the age of 61, on Christmas Day 1867.",
    "Tomorrow, he said, or yesterday; today the archive stands, now as in the past.",
]

WORDS = sorted({w for s in SENTENCES for w in re.findall(r"\w+|[^\w\s]", s)})


def test_the_same_matches_as_the_alternation_on_written_sentences():
    grammar = _grammar()
    text = "\n".join(SENTENCES)
    found = list(grammar.find(text))
    assert found == _alternation(grammar, text)
    assert [text[s:e] for _, s, e in found][:6] == ["3 May 1921", "late June", "Every spring", "twice a year",
                                                   "decades", "Around 480 BC"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       st.lists(st.sampled_from([" ", " ", " ", "", "\n", ", ", "-"]), min_size=40, max_size=40))
def test_the_same_matches_as_the_alternation_on_any_mix_of_words(words, gaps):
    grammar = _grammar()
    text = "".join(w + g for w, g in zip(words, gaps))
    assert list(grammar.find(text)) == _alternation(grammar, text)

