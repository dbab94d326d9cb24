"""Shared fixtures: the real pipeline, loaded once per test session."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    import pipeline

    return pipeline.load()
