"""Event frames (SPEC 3.4): triggers, arguments, pronoun referents, polarity, modality, time.

All lexical knowledge is data in models/events/en/; these modules only read it.
"""
