"""`the League` after `the Hanseatic League`: the head noun of an organisation's name,
alone after `the`, is a mention of that organisation (ORG, its `entity` the full name
named last before it), whatever label the model gave it or if it found nothing. A
group's name, a region and a plural stay as they were. Every sentence is written for
the test."""


def _ents(doc):
    return [(e.text, e.label_, e._.entity) for e in doc.ents]


def test_the_head_noun_alone_is_the_organisation(nlp):
    doc = nlp("The Tessaline League was formed by six river towns. In 1402 the League declared war "
              "on the duke, and the League fleet sailed north.")
    got = [x for x in _ents(doc) if x[0] == "League"]
    assert got == [("League", "ORG", "Tessaline League")] * 2


def test_the_latest_full_name_is_the_referent(nlp):
    doc = nlp("The Provisional Assembly met in March. It was dissolved, and the Grand Assembly met in May. "
              "In June the Assembly voted for war.")
    assert [x for x in _ents(doc) if x[0] == "Assembly"] == [("Assembly", "ORG", "Grand Assembly")]


def test_a_group_named_after_the_article_keeps_its_label(nlp):
    """`the Mongol envoys` after `the Grand Mongol Council`: the head noun is `Council`;
    the people's adjective stays NORP."""
    doc = nlp("The Grand Mongol Council met in May. The Mongol envoys agreed.")
    assert _ents(doc) == [("Grand Mongol Council", "ORG", "Grand Mongol Council"), ("Mongol", "NORP", "Mongol")]
