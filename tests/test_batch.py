"""The batch path: resume equals an uninterrupted run, failures isolated, order kept."""

from __future__ import annotations

import json

from pipeline.batch import read_done_ids, run_batch

SENTENCES = [
    "蓝海智造CEO 周一鸣表示，公司 2022 年营收同比增长 35% 达 12 亿元。",
    "“星河优选”联合创始人陈默透露，平台已有超过 3000 家商家入驻。",
    "据统计，去年全国新能源汽车销量约 680 万辆，同比增长 93.4%。",
    "青禾家居今年上半年净利润 2.3 亿元，较去年同期下降 12%。",
]


def _corpus(tmp_path, count=12, bad_lines=0):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"doc{i:03d}", "text": SENTENCES[i % len(SENTENCES)] * (1 + i % 3),
                         "published": "2023-03-15"}, ensure_ascii=False) for i in range(count)]
    for index in range(bad_lines):
        lines.insert(2 + 3 * index, "{broken json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _without_timing(path):
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record["meta"].pop("elapsed_ms")
    return records


def test_killed_then_resumed_run_equals_uninterrupted(tmp_path):
    corpus = _corpus(tmp_path)
    full = tmp_path / "full.jsonl"
    run_batch([corpus], full, use_ner=False)
    # A run killed after five records, in the middle of writing the sixth.
    resumed = tmp_path / "resumed.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    resumed.with_name("resumed.jsonl.partial").write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")
    summary = run_batch([corpus], resumed, use_ner=False, resume=True)
    assert (summary.ok, summary.skipped, summary.failed) == (7, 5, 0)
    assert _without_timing(resumed) == _without_timing(full)
    assert not resumed.with_name("resumed.jsonl.partial").exists()


def test_interrupted_output_never_looks_complete(tmp_path):
    corpus = _corpus(tmp_path, count=3)
    out = tmp_path / "out.jsonl"
    run_batch([corpus], out, use_ner=False)
    assert out.exists() and not out.with_name("out.jsonl.partial").exists()


def test_failures_become_error_lines_and_counts_add_up(tmp_path):
    corpus = _corpus(tmp_path, count=6, bad_lines=2)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([corpus], out, errors_path=errors, use_ner=False)
    error_lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert (summary.ok, summary.failed) == (6, 2)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert {e["stage"] for e in error_lines} == {"parse"}
    assert all("corpus.jsonl:" in e["message"] and "invalid JSON" in e["message"] for e in error_lines)


def test_two_workers_keep_input_order(tmp_path):
    corpus = _corpus(tmp_path, count=10)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([corpus], one, use_ner=False, workers=1)
    run_batch([corpus], two, use_ner=False, workers=2)
    assert _without_timing(one) == _without_timing(two)


def test_read_done_ids_cuts_torn_line(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"document": {"id": "a"}}\n{"document": {"id": "b"}}\n{"docu', encoding="utf-8")
    assert read_done_ids(path) == {"a", "b"}
    assert path.read_text(encoding="utf-8").endswith("}}\n")


def test_vocabularies_stay_bounded_over_a_long_run(extractor_with_ner):
    """A long batch runs in flat memory: the words documents add are freed every few hundred
    documents, in the pipeline's vocabulary and in the NER model's."""
    from pipeline.components import _statistical_ner

    recyclers = (extractor_with_ner._vocabulary, _statistical_ner()._vocabulary)
    strings = [recycler.nlp.vocab.strings for recycler in recyclers]
    for recycler in recyclers:
        recycler.close()
        recycler.every = 2
    try:
        base = [len(s) for s in strings]
        grown = []
        for n in range(8):  # every document brings words no other has
            extractor_with_ner.extract(f"青禾{n}号科技公司营收{n + 12}亿元，董事长林若{'溪湖海江河山川泉'[n]}称将扩张{n}{n}。")
            grown.append(len(strings[0]) - base[0])
        assert grown[1] > 0
        assert max(grown[2:]) <= 2 * grown[1]  # a zone holds two documents' words, not all eight
        for recycler in recyclers:
            recycler.close()
        assert [len(s) for s in strings] == base  # and closing frees them all
    finally:
        for recycler in recyclers:
            recycler.every = 256


def test_an_annotated_doc_outlives_the_vocabulary_recycling(extractor):
    """A Doc a user keeps from ``annotate`` is made outside the recycling zone: extracting
    hundreds of documents afterwards frees nothing it needs."""
    recycler = extractor._vocabulary
    recycler.every = 1
    try:
        extractor.extract("青禾科技公司营收12亿元。")  # a zone is open now
        doc = extractor.annotate("星海控股去年净利润为３亿元，翠微湖畔新品发布。")
        for n in range(3):
            extractor.extract(f"远山{n}号资本完成{n + 5}亿元融资。")
        assert doc.text == "星海控股去年净利润为３亿元，翠微湖畔新品发布。"
        assert [token.text for token in doc][:2] and all(token.text for token in doc)
    finally:
        recycler.every = 256
