"""Shared fixtures: one extractor per session (models load once), paths, corpus skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.corpora import data_available

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_57712397612007e5.txt"

requires_corpora = pytest.mark.skipif(not data_available(), reason="../shared/data is not on this machine")


@pytest.fixture(scope="session")
def extractor():
    from pipeline import Extractor

    return Extractor(segmenter="jieba", use_ner=False)


@pytest.fixture(scope="session")
def extractor_with_ner():
    from pipeline import Extractor
    from pipeline.components import ner_available

    if not ner_available():
        pytest.skip("no trained NER model in pipeline/ner/model")
    return Extractor(segmenter="jieba", use_ner=True)


@pytest.fixture(scope="session")
def seed_record(extractor):
    from pipeline.ingest import read_file

    return extractor.extract_document(read_file(SEED))
