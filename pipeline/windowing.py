"""Bounded memory for long documents: the base model's token encoders run in windows.

A spaCy `Tok2Vec` (hash embeddings, then a convolutional window encoder) allocates
about 15 kB of intermediate arrays per token of the batch it is given: a 25k-token
chunk (an encyclopaedia biography) costs some 350 MB at once, in the shared tok2vec and
again in the ner's own one. That transient, not the corpus, set the run's peak memory.

At prediction time we feed each encoder windows of at most `WINDOW_TOKENS` tokens,
each with as many tokens of context on both sides as the encoder can see (its
receptive field: the sum of its `expand_window` sizes), and keep only the window's own
rows. Every token therefore sees exactly the neighbours it saw before, so the vectors,
and every tag, parse and entity built on them, are those of the whole-document pass
(the test suite checks this). Training is not windowed.

Windows are also faster than one long pass (about 8% on the whole pipeline for a
25k-token chunk: the arrays stay in cache); 500 tokens is where time and memory level
off on this machine. The short texts of a batch and the windows of its long ones are
encoded together, in calls of at most `CALL_TOKENS` tokens: an encoder is faster on
several texts at once than on each alone, and the budget keeps the transient of a
call that of a few windows whatever the batch size. A window is not a copied Doc but a view (`_Window`) that gives
the feature extractor its rows of the Doc's attribute array.

The wrapping changes the encoder's forward function only, not its layers or weights:
`nlp.to_disk` saves the same weights, and the config's `after_pipeline_creation`
callback (`histextract.windowed.v1`) wraps the encoders again when `spacy.load` reads
the saved pipeline.

The attribute ruler is windowed for another reason (`window_attribute_ruler`): it
builds a Python tuple for every match in the Doc, some 29k small objects for a
25k-token chunk, and sorts them before setting a single attribute. Once freed, they
leave Python's small-object arenas scattered with survivors, so that each long
document raised peak memory by a few MB more. In windows the same matches are made a
thousand tokens' worth at a time, with the same result.
"""
from __future__ import annotations

from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model

WINDOW_TOKENS = 500
CALL_TOKENS = 2000
RULER_WINDOW_TOKENS = 1000
CALLBACK = "histextract.windowed.v1"


@registry.callbacks(CALLBACK)
def make_windowed(window: int = WINDOW_TOKENS, ruler_window: int = RULER_WINDOW_TOKENS) -> Callable:
    """The `[nlp.after_pipeline_creation]` callback that windows the encoders and the
    attribute ruler: set in the config by `pipeline.load`, it is saved with the
    pipeline, so `spacy.load` of a saved pipeline windows them again."""

    def windowed(nlp: Language) -> Language:
        window_encoders(nlp, window)
        window_attribute_ruler(nlp, window=ruler_window)
        return nlp

    return windowed


def window_encoders(nlp: Language, window: int = WINDOW_TOKENS) -> list[str]:
    """Make every Tok2Vec encoder in nlp's pipes predict in windows; return the names of
    the pipes whose encoder was wrapped (an encoder shared by listeners counts once)."""
    wrapped = []
    for name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if _is_encoder(node) and not getattr(node._func, "windowed", False):
                _wrap(node, window)
                wrapped.append(name)
    return wrapped


def receptive_field(encoder: Model) -> int:
    """How many tokens on each side can change a token's vector: one window per
    `expand_window` layer of the encoder."""
    return sum(node.attrs.get("window_size", 0) for node in encoder.walk() if node.name == "expand_window")


def _is_encoder(node: Model) -> bool:
    """spaCy's Tok2Vec architectures build chain(embed, encode) and keep both as refs."""
    return node.has_ref("embed") and node.has_ref("encode")


def _wrap(encoder: Model, window: int, budget: int = CALL_TOKENS) -> None:
    whole: Callable = encoder._func
    context = receptive_field(encoder.get_ref("encode"))

    def forward(model: Model, docs, is_train: bool):
        if is_train or (sum(len(doc) for doc in docs) <= budget and all(len(doc) <= window for doc in docs)):
            return whole(model, docs, is_train)
        pieces, keep = [], []  # encoder inputs, and (doc, rows of the piece to keep)
        for i, doc in enumerate(docs):
            if len(doc) <= window:
                pieces.append(doc)
                keep.append((i, 0, len(doc)))
                continue
            arrays: dict = {}
            for start in range(0, len(doc), window):
                end = min(start + window, len(doc))
                lo, hi = max(start - context, 0), min(end + context, len(doc))
                pieces.append(_Window(doc, lo, hi, arrays))
                keep.append((i, start - lo, end - lo))
        rows: list[list] = [[] for _ in docs]
        for group in _groups(pieces, budget):
            vectors = whole(model, [pieces[j] for j in group], False)[0]
            for j, array in zip(group, vectors):
                i, a, b = keep[j]
                rows[i].append(array[a:b])
        xp = model.ops.xp
        return [parts[0] if len(parts) == 1 else xp.concatenate(parts) for parts in rows], _no_backprop

    forward.windowed = True
    encoder._func = forward


def _groups(pieces: list, budget: int) -> Iterator[list[int]]:
    """Indices of pieces in order, in runs of at most `budget` tokens (a longer piece alone)."""
    group, size = [], 0
    for j, piece in enumerate(pieces):
        if group and size + len(piece) > budget:
            yield group
            group, size = [], 0
        group.append(j)
        size += len(piece)
    if group:
        yield group


class _Window:
    """Tokens lo:hi of a Doc as an encoder's input layers read a Doc: its length, vocab
    and `to_array` rows (spaCy's feature extractor calls `to_array(columns)`). Cheaper
    than `Span.as_doc()`, which copies every token; the Doc's array is made once per
    column set and shared by the windows through `arrays`."""

    __slots__ = ("doc", "lo", "hi", "arrays")

    def __init__(self, doc, lo: int, hi: int, arrays: dict):
        self.doc, self.lo, self.hi, self.arrays = doc, lo, hi, arrays

    @property
    def vocab(self):
        return self.doc.vocab

    def __len__(self) -> int:
        return self.hi - self.lo

    def to_array(self, columns):
        key = columns if isinstance(columns, (str, int)) else tuple(columns)
        if key not in self.arrays:
            self.arrays[key] = self.doc.to_array(columns)
        return self.arrays[key][self.lo:self.hi]


def _no_backprop(d_outputs):
    raise NotImplementedError("windowed encoders only predict; training runs the whole-document pass")


def window_attribute_ruler(nlp: Language, name: str = "attribute_ruler",
                           window: int = RULER_WINDOW_TOKENS) -> bool:
    """Make the attribute ruler `name` match and apply its rules window by window;
    False if there is no such pipe (or it is already windowed).

    Each rule sets attributes on one token of its match (`index`), and rules apply in
    their order, later ones winning. A window yields, in rule order, every match whose
    target token lies in it, found in the window widened by the longest pattern, so
    each token gets the same rules in the same order as in the whole-Doc pass. If a
    pattern repeats a token (`+`, `*`, `{n,m}`), the whole Doc is matched at once, as
    spaCy does."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    whole: Callable = ruler.match
    if getattr(whole, "windowed", False):
        return False

    def match(doc: Doc) -> Iterator[tuple]:
        longest = _longest_pattern(ruler.patterns) if len(doc) > window else None
        if longest is None:
            yield from whole(doc)
            return
        for start in range(0, len(doc), window):
            end = min(start + window, len(doc))
            lo = max(start - longest + 1, 0)
            found = []
            for match_id, s, e in ruler.matcher(doc[lo:min(end + longest - 1, len(doc))],
                                                allow_missing=True, as_spans=False):
                rule = int(ruler.vocab.strings[match_id])
                s, e = s + lo, e + lo
                index = ruler.indices[rule]
                target = s + index if index >= 0 else e + index
                if not s <= target < e:
                    target = s  # a bad index: spaCy's own error, raised in this window
                if start <= target < end:
                    found.append((rule, match_id, s, e))
            found.sort()  # the order AttributeRuler.match gives
            yield from found

    match.windowed = True
    ruler.match = match
    return True


def _longest_pattern(rules: list[dict]) -> int | None:
    """Tokens in the longest token pattern, or None if some pattern's length is open."""
    longest = 1
    for rule in rules:
        for pattern in rule["patterns"]:
            if any(spec.get("OP", "1") not in ("1", "!", "?") for spec in pattern):
                return None
            longest = max(longest, len(pattern))
    return longest
