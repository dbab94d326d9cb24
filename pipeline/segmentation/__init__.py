"""Stage 1: segments (title, heading, body, caption) with paragraph and section."""
