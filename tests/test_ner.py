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


def _one_hot(tags, sequence, confidence=0.9):
    """Probabilities putting ``confidence`` on each tag of ``sequence``, the rest spread evenly."""
    import numpy

    probs = numpy.full((len(sequence), len(tags)), (1 - confidence) / (len(tags) - 1), dtype="float32")
    for i, tag in enumerate(sequence):
        probs[i, tags.index(tag)] = confidence
    return probs


def test_biluo_tags_round_trip_through_the_decoder():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from pipeline.ner.tagging import TagDecoder, doc_tags, entity_tags, scheme_of, spans_to_tags

    tags = entity_tags(("name", "company"), "biluo")
    assert scheme_of(tags) == "biluo" and scheme_of(entity_tags(("name",), "bio")) == "bio"
    spans = [(0, 1, "name"), (2, 5, "company"), (5, 7, "name"), (8, 9, "company")]
    sequence = spans_to_tags(spans, 9, "biluo")
    assert sequence == ["U-name", "O", "B-company", "I-company", "L-company", "B-name", "L-name", "O", "U-company"]
    doc = Doc(Vocab(), words=list("abcdefghi"))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    assert doc_tags(doc, "biluo") == sequence
    assert doc_tags(doc, "bio")[:3] == ["B-name", "O", "B-company"]
    decoded = TagDecoder(tags).spans(_one_hot(tags, sequence))
    assert [(s, e, label) for s, e, label, _ in decoded] == spans
    assert all(abs(p - 0.9) < 1e-6 for *_, p in decoded)


def test_biluo_viterbi_finds_the_best_valid_sequence():
    import numpy

    from pipeline.ner.tagging import TagDecoder, entity_tags

    tags = entity_tags(("name",), "biluo")  # O, B-name, I-name, L-name, U-name
    decoder = TagDecoder(tags, prune=None)

    def probs(*rows):
        return numpy.array([[row.get(t, 0.0) for t in tags] for row in rows], dtype="float32")

    # argmax B-name O is invalid (a B must be closed by an L): B-name L-name (0.6 * 0.4 = 0.24)
    # beats U-name O (0.3 * 0.5 = 0.15) and O O (0.1 * 0.5)
    matrix = probs({"B-name": 0.6, "U-name": 0.3, "O": 0.1}, {"O": 0.5, "L-name": 0.4, "I-name": 0.1})
    assert [(s, e, label) for s, e, label, _ in decoder.spans(matrix)] == [(0, 2, "name")]
    # a sequence may not end inside a span, nor start with I/L
    ending = probs({"O": 0.4, "I-name": 0.6}, {"O": 0.1, "B-name": 0.6, "U-name": 0.3})
    path = [tags[i] for i in decoder.best_path(ending)]
    assert path == ["O", "U-name"]
    # exhaustive check on a random matrix: the decoder's path scores best among valid sequences
    import itertools

    rng = numpy.random.default_rng(0)
    random = rng.dirichlet(numpy.ones(len(tags)), size=4).astype("float32")
    logp = numpy.log(random)
    best = max((seq for seq in itertools.product(range(len(tags)), repeat=4) if decoder._valid(numpy.array(seq))),
               key=lambda seq: logp[numpy.arange(4), seq].sum())
    assert decoder.best_path(random).tolist() == list(best)


def test_pruned_viterbi_and_transition_scores():
    import numpy

    from pipeline.ner.tagging import TagDecoder, Transitions, entity_tags, spans_to_tags

    tags = entity_tags(("name", "company"), "biluo")
    sequence = spans_to_tags([(1, 3, "company"), (5, 6, "name")], 8, "biluo")
    matrix = _one_hot(tags, sequence, 0.995)
    matrix[1] = _one_hot(tags, ["B-company"], 0.5)[0]
    matrix[2] = _one_hot(tags, ["O"], 0.5)[0]  # argmax B-company O: invalid, decoded between the sure O's
    exact = TagDecoder(tags, prune=None).best_path(matrix)
    assert TagDecoder(tags).best_path(matrix).tolist() == exact.tolist()
    # transition scores: counted sequences where company spans are long make B-company I-company L-company win
    counts = Transitions.count(tags, [["B-company", "I-company", "L-company"]] * 50 + [["O", "O"]] * 50)
    ambiguous = numpy.full((3, len(tags)), 0.01, dtype="float32")
    for i, row in enumerate([{"B-company": 0.9}, {"L-company": 0.5, "I-company": 0.4, "O": 0.1},
                             {"O": 0.5, "L-company": 0.45}]):
        for tag, p in row.items():
            ambiguous[i, tags.index(tag)] = p
    # alone: B L O (0.9 * 0.5 * 0.5) beats B I L (0.9 * 0.4 * 0.45); after B, the counts say I, not L
    plain = [tags[i] for i in TagDecoder(tags, prune=None).best_path(ambiguous)]
    weighted = [tags[i] for i in TagDecoder(tags, Transitions(tags, counts.counts, 1.0), prune=None).best_path(ambiguous)]
    assert plain == ["B-company", "L-company", "O"]
    assert weighted == ["B-company", "I-company", "L-company"]


def test_transitions_round_trip(tmp_path):
    from pipeline.ner.tagging import Transitions, entity_tags

    tags = entity_tags(("name",), "biluo")
    table = Transitions.count(tags, [["O", "U-name", "O"], ["B-name", "L-name"]])
    assert table.counts[len(tags), tags.index("O")] == 1  # sequence starts
    assert table.counts[tags.index("B-name"), tags.index("L-name")] == 1
    table.weight = 0.3
    table.to_disk(tmp_path)
    loaded = Transitions.from_disk(tmp_path)
    assert loaded.tags == tags and loaded.weight == 0.3 and (loaded.counts == table.counts).all()
    assert Transitions.from_disk(tmp_path / "missing") is None


def test_jieba_documents_carry_the_dictionary_part_of_speech():
    from spacy.vocab import Vocab

    from pipeline.ner.features import doc_builder

    doc = doc_builder("jieba+pos")(Vocab(), "北京大学喻会蛟表示")
    plain = doc_builder("jieba")(Vocab(), "北京大学喻会蛟表示")
    assert [t.text for t in doc] == [t.text for t in plain]
    lemmas = {t.text: t.lemma for t in doc}
    assert len(set(lemmas.values())) > 1  # different parts of speech, different feature values
    assert all(t.lemma == 0 for t in plain)
    assert [t.tag for t in doc] == [t.tag for t in plain]  # the domain flag is unchanged


def test_surname_flag_joins_the_part_of_speech_feature():
    from spacy.vocab import Vocab

    from pipeline.ner.features import doc_builder

    text = "蛟龙集团、喻会蛟表示"
    plain = {t.text: t.lemma for t in doc_builder("jieba+pos")(Vocab(), text)}
    flagged = {t.text: t.lemma for t in doc_builder("jieba+pos+surname")(Vocab(), text)}
    assert flagged["喻会"] != plain["喻会"]  # 喻 is a listed surname
    assert flagged["表示"] == plain["表示"] and flagged["集团"] == plain["集团"]
