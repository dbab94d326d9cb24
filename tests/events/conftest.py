"""The event tests share framekit (parse, frame, view, A); `nlp` is the session fixture
of tests/conftest.py."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # framekit, whatever pytest's import mode
