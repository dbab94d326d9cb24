"""Fixtures of the evaluation tests: a seeds folder with the tiny document, and its gold set."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # evalkit, whatever pytest's import mode

from evalkit import DOC, GOLD, TEXT, write_dir  # noqa: E402


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    path = tmp_path / "seeds"
    path.mkdir()
    (path / f"{DOC}.txt").write_text(TEXT, encoding="utf-8", newline="")
    return path


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    return write_dir(tmp_path / "gold", GOLD)
