"""Ingest: front matter, HTML to text, JSONL corpora, decoding."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import Failure, decode_bytes, document_from_text, html_to_text, iter_documents, read_file
from pipeline.ingest import IngestError, normalise_published
from tests.conftest import SEED

PUBLISHED = [
    pytest.param("Thu, 04 Aug 2022 07:39:07 GMT", "2022-08-04T07:39:07Z", id="rfc2822"),
    pytest.param("2022-08-04", "2022-08-04", id="iso-date"),
    pytest.param("2022-08-04T15:39:07+08:00", "2022-08-04T07:39:07Z", id="iso-offset-to-utc"),
    pytest.param("2022年8月4日", "2022-08-04", id="chinese-date"),
    pytest.param("not a date", None, id="unparseable-is-null"),
]


@pytest.mark.parametrize("raw, expected", PUBLISHED)
def test_published_normalised_to_iso(raw, expected):
    assert normalise_published(raw) == expected


def test_seed_front_matter_and_html_body():
    document = read_file(SEED)
    assert document.title.startswith("快手电商新流量造风")
    assert document.author == "IT 之家"
    assert document.published == "2022-08-04T07:39:07Z"
    assert document.categories == ["新媒体", "IT 之家", "分类资讯"]
    assert "<p" not in document.text and "data-vmark" not in document.text
    assert document.text.count("快手电商新流量造风") == 0  # <img title> duplicates are dropped
    assert document.text.count("（快手高级副总裁、快手电商负责人笑古对") == 1  # the caption kept once


HTML = [
    pytest.param("<p>一</p><p>二</p>", "一\n二", id="paragraphs"),
    pytest.param("<div>甲<br>乙</div>", "甲\n乙", id="line-break"),
    pytest.param("<p>A&amp;B &lt;3&gt; &#x4E2D;</p>", "A&B <3> 中", id="entities-decoded"),
    pytest.param("<script>var x='<p>';</script><style>p{}</style><p>正文</p>", "正文", id="script-style-dropped"),
    pytest.param("<p>未闭合<div>嵌套<p>错</div>", "未闭合\n嵌套\n错", id="broken-nesting"),
    pytest.param("<p>零\u200b宽\u00a0空格　全角</p>", "零宽 空格 全角", id="invisible-and-wide-spaces"),
    pytest.param('<p>图<img src="a.png" alt="重复的标题" title="重复的标题"></p>', "图", id="image-attributes-dropped"),
]


@pytest.mark.parametrize("markup, expected", HTML)
def test_html_to_text(markup, expected):
    assert html_to_text(markup)[0] == expected


def test_html_title_used_when_no_front_matter():
    document = document_from_text("<html><head><title>标题</title></head><body><p>正文</p></body></html>")
    assert (document.title, document.text) == ("标题", "正文")


def test_malformed_front_matter_kept_as_body_with_warning():
    document = document_from_text("---\ntitle: [unclosed\n---\n正文")
    assert "正文" in document.text and "title" in document.text
    assert "not valid YAML" in document.metadata["warnings"][0]


def test_yaml_is_loaded_safely():
    document = document_from_text("---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n正文")
    assert "warnings" in document.metadata  # the tag is refused, not executed


def test_jsonl_fields_and_metadata(tmp_path):
    corpus = tmp_path / "news.jsonl"
    lines = [
        {"id": "a1", "title": "标题", "text": "正文一", "published": "2021-05-06", "channel": "财经"},
        {"text": "没有编号的正文"},
    ]
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    first, second = list(iter_documents([corpus]))
    assert (first.id, first.title, first.published, first.metadata["channel"]) == ("a1", "标题", "2021-05-06", "财经")
    assert len(second.id) == 16 and second.source.endswith("news.jsonl:2")


def test_jsonl_bad_lines_are_failures_naming_the_line(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"id": "ok", "text": "好"}\n{not json}\n{"id": "x"}\n', encoding="utf-8")
    items = list(iter_documents([corpus]))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure"]
    assert "bad.jsonl:2" in items[1].message and "invalid JSON" in items[1].message
    assert "bad.jsonl:3" in items[2].message and '"text"' in items[2].message


ENCODINGS = [
    pytest.param("utf-8", id="utf-8"),
    pytest.param("utf-8-sig", id="utf-8-bom"),
    pytest.param("utf-16", id="utf-16-bom"),
    pytest.param("gb18030", id="gb18030"),
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_decoding(encoding):
    text = "快手电商服务商生态与区域运营负责人李丛杉介绍，冷启时间平均缩短 20%。" * 3
    decoded, used = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded.lstrip("\ufeff") == text and used


def test_undecodable_bytes_name_file_and_offset():
    with pytest.raises(IngestError, match=r"bad\.txt: .*byte \d+"):
        decode_bytes(b"\x81\xff\xfe\x00abc\xff\xff\xff\xc0\xc1", "bad.txt")


def test_missing_path_and_unknown_type(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        list(iter_documents([tmp_path / "nope.txt"]))
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(IngestError, match="unsupported file type .pdf"):
        list(iter_documents([tmp_path / "a.pdf"]))
