"""Over 200 deliberately broken or messy files through the batch CLI: every document is
accounted for (a record or exactly one error line naming the file and the cause), good
documents survive their mess, and nothing is written outside the output paths."""

from __future__ import annotations

import json
import random

import pytest
from opencc import OpenCC

from models import KnowledgeRecord, record_problems
from pipeline.cli import main

SENTENCES = [
    "星河科技公司CEO张明表示，公司今年第一季度营收同比增长12.5%，达到30亿元。",
    "据统计，去年全国新能源汽车销量约680万辆，同比增长93.4%。",
    "青禾家居董事长李华透露，门店数量已超过1200家，员工人数达到8000名。",
    "蓝鲸数据发布的报告显示，该平台日活跃用户数突破1.2亿。",
]
TO_TAIWAN = OpenCC("s2tw")
VARIANTS = 12  # files per kind


def _news(rng: random.Random) -> str:
    return "\n".join(rng.sample(SENTENCES, k=rng.randint(1, len(SENTENCES))))


def _html(body: str) -> str:
    return "".join(f"<p>{line}</p>" for line in body.split("\n"))


# Each kind: (file suffix, bytes maker, expected outcome, words the error must contain).
# Outcome "record" files must become a valid record whose text keeps the news.
KINDS = {
    "utf8": (".txt", lambda r: _news(r).encode(), "record", ()),
    "utf8_bom": (".txt", lambda r: b"\xef\xbb\xbf" + _news(r).encode(), "record", ()),
    "utf16": (".txt", lambda r: _news(r).encode("utf-16"), "record", ()),
    "gb18030": (".txt", lambda r: _news(r).encode("gb18030"), "record", ()),
    "big5": (".txt", lambda r: TO_TAIWAN.convert(_news(r)).encode("big5"), "record", ()),
    "crlf": (".md", lambda r: _news(r).replace("\n", "\r\n").encode(), "record", ()),
    "html_unclosed": (".html", lambda r: ("<html><body><div><p>" + _news(r).replace("\n", "<p><b>")).encode(),
                      "record", ()),
    "html_misnested": (".html", lambda r: ("<div><p><b><i>" + _news(r) + "</p></b></div></i>").encode(),
                       "record", ()),
    "html_scripts": (".html", lambda r: ("<script>var x='营收100亿元';</script><style>p{}</style>"
                                         + _html(_news(r))).encode(), "record", ()),
    "html_entities": (".html", lambda r: (_html(_news(r)) + "<p>A&amp;B&nbsp;&#x4e00;&lt;</p>").encode(),
                      "record", ()),
    "zero_width": (".txt", lambda r: "\u200b".join(_news(r)).encode(), "record", ()),
    "full_width": (".txt", lambda r: _news(r).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}).encode(),
                   "record", ()),
    "control_chars": (".txt", lambda r: ("\x00\x07" + _news(r) + "\x1b[0m").encode(), "record", ()),
    "long_line": (".txt", lambda r: ("".join(SENTENCES) * 150).encode(), "record", ()),
    "bad_yaml": (".md", lambda r: ("---\ntitle: [未闭合\nauthor: {\n---\n" + _news(r)).encode(), "record", ()),
    "front_matter_only": (".md", lambda r: b"---\ntitle: only a header\n---\n", "empty", ()),
    "empty": (".txt", lambda r: b"", "empty", ()),
    "whitespace": (".txt", lambda r: " \n\t\u3000\n".encode(), "empty", ()),
    "binary": (".txt", lambda r: bytes(r.getrandbits(8) for _ in range(400)) + b"\xff\xfe\xfd", "error",
               ("UTF-8", "byte")),
    "stray_byte": (".txt", lambda r: _news(r).encode()[:9] + b"\xff\xfe" + _news(r).encode()[9:], "error",
                   ("UTF-8", "byte")),
    "truncated_utf8": (".txt", lambda r: _news(r).encode()[:-1], "error", ("UTF-8", "byte")),
}
JSONL_LINES = [  # (line, outcome, words the error must contain)
    ('{"id": "j-good-%d", "text": "%s", "published": "2023-01-05"}', "record", ()),
    ('{"id": "j-broken-%d", "text": "未闭合', "error", ("invalid JSON", ":%d")),
    ('{"id": "j-notext-%d"}', "error", ("text", ":%d")),
    ('{"id": "j-badtype-%d", "text": 12345}', "error", ("text", ":%d")),
    ('["not", "an", "object", %d]', "error", ("object", ":%d")),
]


@pytest.fixture(scope="module")
def broken_corpus(tmp_path_factory):
    """The corpus folder and the expected outcome of every document id."""
    root = tmp_path_factory.mktemp("broken")
    corpus = root / "corpus"
    corpus.mkdir()
    rng = random.Random(20221125)
    expected: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for kind, (suffix, make, outcome, words) in KINDS.items():
        for index in range(VARIANTS):
            path = corpus / kind / f"{kind}_{index:02d}{suffix}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(make(rng))
            expected[path.stem] = (outcome, words, str(path))
    for part in range(3):
        path = corpus / f"feed_{part}.jsonl"
        lines = []
        for number in range(1, 22):
            if number == 8:
                lines.append("")  # blank lines are not documents
                continue
            template, outcome, words = JSONL_LINES[(number + part) % len(JSONL_LINES)]
            line = template.replace("%s", SENTENCES[number % len(SENTENCES)]).replace("%d", str(number))
            lines.append(line)
            doc_id = json.loads(line)["id"] if outcome == "record" else f"feed_{part}:{number}"
            expected[doc_id] = (outcome, tuple(w.replace("%d", str(number)) for w in words), f"{path}:{number}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, corpus, expected


@pytest.fixture(scope="module")
def batch_run(broken_corpus):
    root, corpus, expected = broken_corpus
    out, errors = root / "records.jsonl", root / "errors.jsonl"
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    code = main(["extract", str(corpus), "-o", str(out), "--errors", str(errors), "--no-ner",
                 "--workers", "2", "--doc-timeout", "20", "--quiet"])
    after = sorted(p.relative_to(root) for p in root.rglob("*"))
    records = [KnowledgeRecord.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    return code, expected, records, failures, set(after) - set(before)


def test_corpus_is_large_enough(broken_corpus):
    assert len(broken_corpus[2]) >= 200


def test_every_document_is_accounted_for_once(batch_run):
    code, expected, records, failures, _ = batch_run
    record_ids = [r.document.id for r in records]
    failure_ids = [f["id"] for f in failures]
    assert len(record_ids) == len(set(record_ids)) and len(failure_ids) == len(set(failure_ids))
    assert set(record_ids) | set(failure_ids) == set(expected)
    assert not set(record_ids) & set(failure_ids)
    assert code == 1  # some documents failed


@pytest.mark.parametrize("outcome", ["record", "empty", "error"])
def test_outcomes_match_the_kind_of_damage(batch_run, outcome):
    _, expected, records, failures, _ = batch_run
    ids = {doc_id for doc_id, (kind, _, _) in expected.items() if kind == outcome}
    if outcome == "error":
        assert ids == {f["id"] for f in failures}
    else:
        assert ids <= {r.document.id for r in records}


def test_good_documents_keep_their_news(batch_run):
    _, expected, records, _, _ = batch_run
    for record in records:
        assert record_problems(record) == []
        if expected[record.document.id][0] == "record":
            assert record.claims, record.document.source
            assert "var x" not in record.document.text  # scripts are stripped
        else:
            assert record.document.text == "" and "the document has no body text" in record.meta.warnings


def test_error_lines_name_the_file_and_the_cause(batch_run):
    _, expected, _, failures, _ = batch_run
    for failure in failures:
        _, words, where = expected[failure["id"]]
        assert where in failure["message"], failure
        assert failure["source"] == where and failure["stage"]
        assert all(word in failure["message"] for word in words), failure


def test_nothing_written_outside_the_output_paths(batch_run):
    *_, created = batch_run
    assert {str(p) for p in created} == {"records.jsonl", "errors.jsonl"}


def test_pathological_document_times_out_instead_of_hanging(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("营收增长10%达到5亿元，" * 200_000, encoding="utf-8")  # 2.4 MB, no paragraph breaks
    errors = tmp_path / "errors.jsonl"
    code = main(["extract", str(path), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors),
                 "--no-ner", "--workers", "1", "--doc-timeout", "0.5", "--quiet"])
    (failure,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert code == 1 and failure["stage"] == "timeout" and str(path) in failure["message"]
