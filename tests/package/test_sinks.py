"""Output formats are sinks (pipeline.sinks): a registered one gets every document's
records and publishes only on commit; an unknown one is a usage error."""
import catalogue
import pytest
import srsly

import pipeline
from pipeline.records import DOC_LAYERS, LAYERS
from pipeline.runner import InputError
from pipeline.sinks import sinks

TEXT = "The council met in March 1850. It was dissolved a year later.\n"


class MemorySink:
    """A format for the test: keeps what it is given, and whether it was committed."""

    runs: list = []

    def __init__(self, out_dir):
        self.documents, self.layers, self.state = [], {}, "open"
        MemorySink.runs.append(self)

    def add(self, document, layers):
        self.documents.append(document)
        for name, records in layers.items():
            self.layers.setdefault(name, []).extend(records)

    def commit(self):
        self.state = "committed"

    def abort(self):
        self.state = "aborted"


@pytest.fixture
def memory_format():
    sinks.register("test-memory", func=MemorySink)
    MemorySink.runs = []
    yield MemorySink
    catalogue.REGISTRY.pop(("histextract", "sinks", "test-memory"), None)  # one registry per process


def test_a_registered_format_gets_the_records_the_jsonl_files_hold(nlp, tmp_path, memory_format):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "council.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    pipeline.run([tmp_path / "in"], out, nlp=nlp, formats=["jsonl", "test-memory"])
    (sink,) = memory_format.runs
    assert sink.state == "committed"
    assert sink.documents == list(srsly.read_jsonl(out / "documents.jsonl"))
    for layer in (*DOC_LAYERS, "timeline"):
        assert sink.layers[layer] == list(srsly.read_jsonl(out / LAYERS[layer][0])), layer
    assert [t["value"] for t in sink.layers["timexes"]] == ["1850-03", "1851"]


def test_an_unknown_format_is_a_usage_error_before_any_file(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="unknown output format 'xml'.*jsonl"):
        pipeline.run([tmp_path / "a.txt"], tmp_path / "out", nlp=nlp, formats=["jsonl", "xml"])
    assert list((tmp_path / "out").iterdir()) == []
