"""Stage 2: named entities (OntoNotes labels, SPEC 3.2) with canonical referents."""
