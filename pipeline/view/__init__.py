"""`python -m pipeline view`: a static, self-contained HTML site of an outputs folder.

Every page inlines its style, script and data (no network, no server: open
`view/index.html` from disk): an index of the documents, one page per document with
its entities, timexes and event triggers marked in the text and its event frames in
the margin (click anything for its JSON record), a timeline of the dated events drawn
to scale with filters, and, when an evaluation exists, its figures and errors.
"""
from ..corpus import CorpusError as ViewError
from .site import build

__all__ = ["ViewError", "build"]
