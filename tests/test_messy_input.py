"""Traditional Chinese, other encodings and long documents give the records of clean input."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from models import KnowledgeRecord, record_problems
from pipeline.chunks import chunk_spans, to_simplified
from pipeline.ingest import read_file
from tests.conftest import SEED

TO_TRADITIONAL = OpenCC("s2t")
# Big5 files in the wild are Taiwanese text: OpenCC's Taiwan standard (啟, 裡, 為) is what
# Big5 can encode, where plain s2t forms (啓, 裏, 爲) are outside it.
TO_TAIWAN = OpenCC("s2tw")


def entity_keys(record: KnowledgeRecord) -> set[tuple[str, str]]:
    return {(e.type, to_simplified(e.name)) for e in record.entities}


def claim_keys(record: KnowledgeRecord) -> list[tuple]:
    return [(c.start, c.end, c.value, c.unit, c.kind, c.qualifier, c.modality) for c in record.claims]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def traditional_seed(seed_text) -> str:
    converted = TO_TRADITIONAL.convert(seed_text)
    assert len(converted) == len(seed_text)  # the comparison below is offset for offset
    return converted


TRADITIONAL_PAIRS = [
    pytest.param("臺灣積體電路製造公司營收同比增長12.5%，達到3,000億元。", id="sentence"),
    pytest.param("著名", id="shared-character-kept"),
    pytest.param("", id="empty"),
    pytest.param("ＡＢＣ１２３ 😀 \u200b", id="no-chinese"),
]


@pytest.mark.parametrize("text", TRADITIONAL_PAIRS)
def test_to_simplified_is_one_to_one(text):
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert to_simplified(simplified) == simplified


def test_characters_that_are_simplified_too_are_kept():
    # 乾 is Traditional for 干 (dry) and a Simplified character of its own (乾隆, 基金通乾)
    assert to_simplified("基金通乾跌2.93%，於先生说") == "基金通乾跌2.93%，於先生说"
    assert to_simplified("臺灣積體電路") == "台湾积体电路"


def test_a_dateline_bar_written_as_a_han_radical_ends_no_name(extractor):
    # news sites write 丨 (U+4E28, a Han character) for a bar after the dateline
    text = "格隆汇8月2日丨云帆股份(603999.SH)公布，公司上半年营收 12 亿元。"
    record = extractor.extract(text)
    assert record_problems(record) == []
    company = next(e for e in record.entities if e.type == "ORG")
    assert company.name == "云帆股份"
    assert record.claims[0].subject == company.id
    assert all(text[m.start:m.end] == m.text for e in record.entities for m in e.mentions)


def test_traditional_seed_gives_the_simplified_records(extractor, seed_record, traditional_seed, tmp_path):
    path = tmp_path / f"{SEED.stem}.txt"
    path.write_text(traditional_seed, encoding="utf-8")
    record = extractor.extract_document(read_file(path))
    assert record_problems(record) == []
    assert record.document.text != seed_record.document.text  # really Traditional
    assert entity_keys(record) == entity_keys(seed_record)
    assert claim_keys(record) == claim_keys(seed_record)
    for claim in record.claims:  # quotes the original characters
        assert claim.text == record.document.text[claim.start:claim.end]


ENCODINGS = [
    pytest.param("gb18030", False, id="gb18030"),
    pytest.param("big5", True, id="big5-traditional"),
    pytest.param("utf-16", False, id="utf-16-bom"),
    pytest.param("utf-8-sig", False, id="utf-8-bom"),
]


@pytest.mark.parametrize("encoding, traditional", ENCODINGS)
def test_encoding_round_trip(extractor, seed_record, seed_text, tmp_path, encoding, traditional):
    text = TO_TAIWAN.convert(seed_text) if traditional else seed_text
    assert len(text) == len(seed_text)
    path = tmp_path / f"{SEED.stem}.txt"
    path.write_bytes(text.encode(encoding))
    document = read_file(path)
    assert document.metadata["encoding"].replace("-", "_").startswith(
        {"gb18030": "gb18030", "big5": "big5", "utf-16": "utf_16", "utf-8-sig": "utf_8"}[encoding])
    record = extractor.extract_document(document)
    assert record_problems(record) == []
    assert entity_keys(record) == entity_keys(seed_record)
    assert claim_keys(record) == claim_keys(seed_record)


CHUNK_TEXTS = [
    pytest.param("甲" * 50, 100, id="short-one-chunk"),
    pytest.param("\n".join(["段落内容。" * 10] * 40), 120, id="paragraphs"),
    pytest.param("句子。" * 500, 100, id="sentences-only"),
    pytest.param("字" * 1000, 64, id="no-boundary"),
]


@pytest.mark.parametrize("text, limit", CHUNK_TEXTS)
def test_chunks_cover_text_within_limit(text, limit):
    spans = chunk_spans(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= limit for start, end in spans)


def test_paragraph_chunks_cut_after_line_breaks():
    text = "\n".join(["某公司营收增长10%。"] * 100)
    for start, _end in chunk_spans(text, 200)[1:]:
        assert text[start - 1] == "\n"


def test_long_document_is_chunked_and_merged(extractor, monkeypatch):
    import pipeline

    paragraph = "星河科技公司CEO张明表示，公司今年营收同比增长12%，达到30亿元。"
    text = "\n".join([paragraph] * 60)
    monkeypatch.setattr(pipeline, "chunk_spans", lambda t: chunk_spans(t, 500))
    record = extractor.extract(text, published="2023-05-01")
    assert record_problems(record) == []
    assert any("chunks" in warning for warning in record.meta.warnings)
    names = [e.name for e in record.entities]
    assert len(names) == len(set(names))  # one entity across chunks
    assert len(record.claims) == 120
    person = next(e for e in record.entities if e.name == "张明")
    assert len(person.mentions) == 60
