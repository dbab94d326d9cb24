"""Outputs in the formats other tools read: TimeML, BRAT standoff, spaCy DocBin, CSV,
Parquet, JSON Schema (`python -m pipeline export`), and the timeline as table, CSV or
JSON (`python -m pipeline timeline`)."""
