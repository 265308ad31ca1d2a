"""Property-based tests: numerals round-trip, and no input breaks the extractor's invariants.

The extractor property runs ``ZHEXTRACT_HYPOTHESIS_EXAMPLES`` examples per strategy
(default 3,400 each, so every test run tries over 10,000 inputs against the extractor).
"""

from __future__ import annotations

import os
from decimal import Decimal

import cn2an
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models import record_problems
from pipeline.numbers import find_quantities, parse_chinese_numeral, parse_number

EXTRACTOR_EXAMPLES = int(os.environ.get("ZHEXTRACT_HYPOTHESIS_EXAMPLES", "3400"))
extractor_settings = settings(max_examples=EXTRACTOR_EXAMPLES, deadline=None,
                              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


# --------------------------------------------------------------------------- numerals

@given(st.integers(min_value=0, max_value=10**15))
@example(395_479_100_001_011)  # 三百九十五万四千七百九十一亿…: 万 inside the count of 亿
@settings(max_examples=500)
def test_chinese_numeral_round_trip(number):
    assert parse_chinese_numeral(cn2an.an2cn(number)) == number


@given(st.integers(min_value=1, max_value=99999), st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
@settings(max_examples=300)
def test_arabic_with_magnitude(number, magnitude):
    word, factor = magnitude
    assert parse_number(f"{number}{word}") == number * factor


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2))
@settings(max_examples=300)
def test_decimal_percent_in_text(number):
    written = format(number.normalize(), "f")
    quantities = find_quantities(f"营收同比增长{written}%。")
    assert [(Decimal(str(q.value)), q.unit) for q in quantities] == [(Decimal(written), "%")]


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from(["至", "到", "-", "～", "~"]), st.sampled_from([("亿元", 10**8, "CNY"), ("万人", 10**4, "人")]))
@settings(max_examples=300)
def test_ranges_give_both_bounds(low, high, joiner, unit):
    low, high = min(low, high), max(low, high)
    word, factor, code = unit
    text = f"规模预计为{low}{joiner}{high}{word}。"
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.value_max, quantity.unit) == (low * factor, high * factor, code)
    assert text[quantity.start:quantity.end] == quantity.text


@given(st.integers(min_value=1, max_value=10**8))
@settings(max_examples=300)
def test_thousands_separators(number):
    assert parse_number(f"{number:,}") == number


@given(st.integers(min_value=0, max_value=99999))
@settings(max_examples=200)
def test_full_width_digits(number):
    full_width = str(number).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert parse_number(full_width) == number


# --------------------------------------------------------------------------- the extractor

NEWS_PIECES = st.sampled_from([
    "公司", "营收", "同比增长", "下降", "达", "亿元", "万", "%", "个百分点", "约", "超过", "以上",
    "CEO", "董事长", "表示", "计划", "大会", "《", "》", "“", "”", "，", "。", "\n", " ",
    "1", "2.5", "3,000", "一", "两", "十", "百分之", "今年", "去年", "第一季度", "上半年", "至",
    "0", "９", "倍", "翻番", "成", "分之", "第", "2022年", "6月", "1.2.3", "JC-101", "600888",
    "科技", "集团", "有限公司", "张", "李", "明", "华", "预计", "传闻不实", "该公司", "其",
])
NEWS_LIKE = st.lists(st.one_of(NEWS_PIECES, st.text(max_size=3)), max_size=40).map("".join)
HTML_TAGS = st.sampled_from(["<p>", "</p>", "<br>", "<div>", "</div>", "<script>", "</script>", "<style>",
                             "<img title='x'>", "<figcaption>", "</figcaption>", "&amp;", "&#x4e00;", "&nbsp;",
                             "<!--", "-->", "<", ">", "</", "<p", "&"])
HTML_LIKE = st.lists(st.one_of(HTML_TAGS, NEWS_PIECES, st.text(max_size=4)), max_size=40).map("".join)


@given(st.text(max_size=200))
@extractor_settings
def test_any_unicode_keeps_invariants(extractor, text):
    record = extractor.extract(text, published="2022-08-04")
    assert record_problems(record) == []


@given(NEWS_LIKE)
@extractor_settings
def test_news_like_text_keeps_invariants(extractor, text):
    record = extractor.extract(text, published="2022-08-04")
    assert record_problems(record) == []


@given(HTML_LIKE)
@extractor_settings
def test_html_fragments_keep_invariants(extractor, markup):
    from pipeline.ingest import document_from_text

    document = document_from_text(markup, doc_id="fragment", markup="html")
    record = extractor.extract_document(document)
    assert record_problems(record) == []
