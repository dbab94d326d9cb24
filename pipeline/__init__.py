"""Historical-text extraction pipeline: sentences, entities, timexes, event frames."""
__version__ = "0.1.0"
