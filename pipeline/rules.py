"""Loading the rule files under models/ (data, not code).

The rules live in the top-level `models/` folder (the project's layout); the package
reaches them through `pipeline/models`, a link to that folder, so a checkout, an
editable install and a built wheel (where setuptools copies the files in as package
data) read them the same way: relative to the package, never to a checkout.
"""
from __future__ import annotations

from pathlib import Path

import srsly

MODELS_DIR = Path(__file__).parent / "models"


def rules_path(stage: str, name: str) -> Path:
    return MODELS_DIR / stage / name


def stage_rules_dir(stage: str, lang: str) -> Path:
    """The package's rule folder of a stage for a language: models/<stage>/<lang>/.
    A stage's words are data per language (as HeidelTime keeps resources per language),
    so supporting a second language is a new folder, not new code."""
    return MODELS_DIR / stage / lang


def read_rules(path: Path):
    """A JSON (or JSONL) rule file, without `_comment` keys."""
    path = Path(path)
    if path.suffix == ".jsonl":
        return list(srsly.read_jsonl(path))
    data = srsly.read_json(path)
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if not k.startswith("_")}
    return data


def load_rules(stage: str, name: str):
    """A rule file of a stage (models/<stage>/<name>), without `_comment` keys."""
    return read_rules(rules_path(stage, name))


class RuleFiles:
    """The rule files a pipeline component owns, saved with it.

    A component keeps the parsed files in `self.rule_files` ({file name: data}), read at
    construction from the folder its config names (`rules`, default the package's
    models/<stage>/<lang>/ for the nlp object's language), and implements spaCy's
    serialisation with them as SpanRuler does with its patterns: `nlp.to_disk` writes
    them into the component's folder and `spacy.load` reads them back from there, so a
    saved pipeline carries its rules.
    A subclass names its `stage` and `files` and rebuilds what it derives from the
    data in `set_rules`.
    """

    stage: str = ""
    files: tuple[str, ...] = ()

    def read_rule_files(self, folder: str | Path | None, lang: str = "en") -> dict:
        """The stage's files from folder (None: the package's models/<stage>/<lang>); a
        missing file or folder is a ValueError that names the stage, the folder and the files."""
        base = Path(folder) if folder else stage_rules_dir(self.stage, lang)
        missing = [name for name in self.files if not (base / name).is_file()]
        if missing:
            raise ValueError(f"{self.stage} rules: {base} has no {', '.join(missing)} "
                             f"(a stage's `rules` folder holds {', '.join(self.files)})")
        return {name: read_rules(base / name) for name in self.files}

    def set_rules(self, rule_files: dict) -> None:
        self.rule_files = rule_files

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.rule_files.items():
            if name.endswith(".jsonl"):
                srsly.write_jsonl(path / name, data)
            else:
                srsly.write_json(path / name, data)

    def from_disk(self, path, *, exclude=()):
        self.set_rules(self.read_rule_files(path))
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.msgpack_dumps(self.rule_files)

    def from_bytes(self, data: bytes, *, exclude=()):
        self.set_rules(srsly.msgpack_loads(data))
        return self
