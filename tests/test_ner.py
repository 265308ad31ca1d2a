"""The statistical NER: recognizer API, offsets, a few generic sentences, corpora readers."""

from __future__ import annotations

import pytest

from evaluation.corpora import data_available
from pipeline.ner.recognizer import DEFAULT_MODEL_DIR, LABELS, NerSpan, StatisticalNER, chunks, model_available

requires_model = pytest.mark.skipif(not model_available(), reason=f"no trained NER model in {DEFAULT_MODEL_DIR}")
requires_corpora = pytest.mark.skipif(not data_available(), reason="../shared/data is not on this machine")

# Generic news sentences, none from the seed article.
SENTENCES = [
    "阿里巴巴集团董事局主席马云昨日在杭州表示，公司将继续加大投入。",
    "腾讯公司董事会主席马化腾在深圳出席了发布会。",
    "中国银行行长刘连舸表示，银行将支持小微企业发展。",
]


@pytest.fixture(scope="module")
def ner() -> StatisticalNER:
    if not model_available():
        pytest.skip(f"no trained NER model in {DEFAULT_MODEL_DIR}")
    return StatisticalNER.load()


def _check(text: str, spans: list[NerSpan]) -> None:
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.label in LABELS
        assert span.fine_label
        assert 0.0 <= span.score <= 1.0


def test_chunks_cover_text_and_stay_short():
    text = "第一句。第二句！" + "很长" * 400 + "，" + "又长" * 300 + "\n\n最后"
    pieces = chunks(text)
    assert all(end - start <= 512 for start, end in pieces)
    assert "".join(text[s:e] for s, e in pieces).replace("\n", "") == text.replace("\n", "")


@requires_model
def test_offsets_valid_on_arbitrary_text(ner):
    texts = [
        "", " ", "\n\n", "abc", "😀😀 马云 😀",
        "阿里巴巴 集团\t董事局主席  马 云\n昨日在 杭州表示。",
        "Apple Inc. 首席执行官 Tim Cook 访问北京。" * 3,
        "华为" * 600,  # one sentence longer than a chunk
        "\u3000　腾讯控股（00700.HK）\r\n今日公告：马化腾增持。🚀",
    ]
    for text in texts:
        _check(text, ner.predict(text))


@requires_model
def test_generic_sentences_find_person_and_org(ner):
    for text in SENTENCES:
        spans = ner.predict(text)
        labels = {s.label for s in spans}
        assert "PERSON" in labels, (text, spans)
        assert "ORG" in labels, (text, spans)
    people = {s.text for s in ner.predict(SENTENCES[0]) if s.label == "PERSON"}
    assert "马云" in people


@requires_model
def test_predict_many_equals_predict(ner):
    texts = SENTENCES + ["", "北京时间昨晚，苹果公司在加州库比蒂诺发布新品。\n" * 5]
    assert list(ner.predict_many(texts, batch_size=2)) == [ner.predict(t) for t in texts]


@requires_corpora
def test_corpus_readers():
    from pipeline.ner.data import read_corpus

    dev = read_corpus("cluener", "dev")
    assert len(dev) == 1343
    assert sum(len(spans) for _, spans in dev) == 3072
    text, spans = dev[0]
    assert (0, 3, "name") in spans and text[0:3] == "彭小军"


@requires_model
@requires_corpora
def test_scorer_and_small_benchmark_slice():
    from evaluation.bench_ner import span_prf

    gold = [{(0, 2, "PERSON"), (3, 5, "ORG")}]
    pred = [{(0, 2, "PERSON"), (3, 6, "ORG")}]
    scores = span_prf(gold, pred, ("PERSON", "ORG", "LOCATION"))
    assert scores["PERSON"]["f1"] == 1.0 and scores["ORG"]["f1"] == 0.0
    assert scores["micro"]["tp"] == 1 and scores["micro"]["fp"] == 1 and scores["micro"]["fn"] == 1


def test_bio_decoder_repairs_invalid_sequences():
    import numpy

    from pipeline.ner.tagging import BioDecoder, bio_tags

    tags = bio_tags(("name", "company"))  # O, B-name, I-name, B-company, I-company
    decoder = BioDecoder(tags)

    def probs(*rows):
        return numpy.array([[row.get(t, 0.0) for t in tags] for row in rows], dtype="float32")

    # valid argmax path: spans and mean probabilities straight from it
    valid = probs({"B-name": 0.9, "O": 0.1}, {"I-name": 0.7, "O": 0.3}, {"O": 1.0}, {"B-company": 0.6, "O": 0.4})
    spans = decoder.spans(valid)
    assert [(s, e, label) for s, e, label, _ in spans] == [(0, 2, "name"), (3, 4, "company")]
    assert abs(spans[0][3] - 0.8) < 1e-6
    # an I- with no B- before it: the best valid sequence is found instead (never a span opened by I-)
    invalid = probs({"O": 0.6, "B-name": 0.4}, {"I-name": 0.9, "O": 0.1}, {"I-company": 0.5, "B-company": 0.45, "O": 0.05})
    spans = decoder.spans(invalid)
    assert [(s, e, label) for s, e, label, _ in spans] == [(0, 2, "name"), (2, 3, "company")]
    assert all(0.0 <= score <= 1.0 for *_, score in spans)
    assert decoder.spans(numpy.zeros((0, len(tags)), dtype="float32")) == []
