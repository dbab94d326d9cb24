"""The README's examples of reading the outputs run as written, on real outputs."""
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
MARKER = "<!-- README-EXAMPLE:"


def example_blocks() -> list[str]:
    """The ```python blocks that follow a README-EXAMPLE marker, up to the next heading."""
    text = README.read_text(encoding="utf-8")
    blocks = []
    for part in text.split(MARKER)[1:]:
        section = re.split(r"\n#{2,3} ", part, maxsplit=1)[0]
        blocks += re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return blocks


def test_readme_reads_and_joins_the_outputs(small_corpus, monkeypatch):
    blocks = example_blocks()
    assert blocks, "no README example found"
    monkeypatch.chdir(small_corpus.parent)
    scope: dict = {}
    exec(compile(blocks[0], "README.md", "exec"), scope)
    timexes, frame, joined = scope["timexes"], scope["frame"], scope["joined"]
    assert str(timexes["value"].dtype) == "string"
    lines = [len((small_corpus / f"{n}.jsonl").read_text(encoding="utf-8").splitlines()) for n in scope["FILES"]]
    assert [len(scope["frames"][n]) for n in scope["FILES"]] == lines == [2, 11, 15, 8, 8, 8]
    assert [scope["con"].sql(f"SELECT count(*) FROM {n}").fetchall()[0][0] for n in scope["FILES"]] == lines
    assert scope["con"].sql("SELECT value FROM timexes WHERE text = '1890'").fetchall() == [("1890",)]
    assert timexes.set_index("text").loc["1890", "value"] == "1890"
    moved = frame[frame["id"] == "alpha:v4"]
    assert moved[["role", "text", "entity", "label", "value"]].fillna("-").values.tolist() == [
        ["Artifact", "they", "Delacroix; Henri Bastide", "-", "1876"],
        ["Destination", "Basel", "Basel", "GPE", "1876"]]
    row = joined[(joined["event"] == "beta:v1") & (joined["role"] == "Place")]
    assert row[["text", "label", "date", "value"]].values.tolist() == [["Uppsala", "GPE", "1890", "1890"]]
    assert str(row["earliest"].iloc[0])[:10] == "1890-01-01"
