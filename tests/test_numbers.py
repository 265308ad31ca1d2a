"""The number layer: value, unit, qualifier, range and non-claim reason of each quantity."""

from __future__ import annotations

import math

import pytest

from pipeline.numbers import find_quantities, parse_number


def _only_claim(text):
    claims = [q for q in find_quantities(text) if q.is_claim]
    assert len(claims) == 1, [(q.text, q.non_claim) for q in find_quantities(text)]
    return claims[0]


QUANTITIES = [
    # (sentence, text, value, value_max, unit, qualifier)
    pytest.param("营收 1,234.5 万美元", "1,234.5 万美元", 12345000, None, "USD", "exact", id="thousands-separator-magnitude-usd"),
    pytest.param("净利润１２亿元", "１２亿元", 1200000000, None, "CNY", "exact", id="full-width-digits"),
    pytest.param("员工一万名", "一万名", 10000, None, "名", "exact", id="chinese-numeral-count"),
    pytest.param("规模五千六百二十亿元", "五千六百二十亿元", 562000000000, None, "CNY", "exact", id="long-chinese-numeral"),
    pytest.param("占比百分之七点五", "百分之七点五", 7.5, None, "%", "exact", id="chinese-percent"),
    pytest.param("用户达 3.46 亿", "3.46 亿", 346000000, None, None, "exact", id="decimal-yi-no-unit"),
    pytest.param("市值 1.2 万亿港元", "1.2 万亿港元", 1200000000000, None, "HKD", "exact", id="wan-yi-hkd"),
    pytest.param("约三成用户", "三成", 30, None, "%", "approx", id="cheng-is-ten-percent"),
    pytest.param("超过三分之一", "三分之一", 33.33, None, "%", "more_than", id="fraction"),
    pytest.param("营收 6 亿至 8 亿元", "6 亿至 8 亿元", 600000000, 800000000, "CNY", "exact", id="range-yuan"),
    pytest.param("补贴 10-20 万元", "10-20 万元", 100000, 200000, "CNY", "exact", id="range-magnitude-both-ends"),
    pytest.param("增长 10～20%", "10～20%", 10, 20, "%", "exact", id="range-percent"),
    pytest.param("员工 800 余人", "800 余人", 800, None, "人", "more_than", id="inner-yu"),
    pytest.param("门店 100 多家", "100 多家", 100, None, "家", "more_than", id="inner-duo"),
    pytest.param("售出近 5000 台", "5000 台", 5000, None, "台", "approx", id="jin-approx"),
    pytest.param("投资 2 亿元左右", "2 亿元", 200000000, None, "CNY", "approx", id="zuoyou-after"),
    pytest.param("订单 1500 单以上", "1500 单", 1500, None, "单", "at_least", id="yishang-after"),
    pytest.param("不少于 50 家", "50 家", 50, None, "家", "at_least", id="bushaoyu"),
    pytest.param("不足 10%", "10%", 10, None, "%", "less_than", id="buzu"),
    pytest.param("最高 500 万元", "500 万元", 5000000, None, "CNY", "at_most", id="zuigao"),
    pytest.param("逾 30 亿美元", "30 亿美元", 3000000000, None, "USD", "more_than", id="yu-before"),
    pytest.param("突破 1000 亿元", "1000 亿元", 100000000000, None, "CNY", "more_than", id="tupo"),
    pytest.param("下降 3 个百分点", "3 个百分点", 3, None, "pp", "exact", id="percentage-points"),
    pytest.param("增长 30 倍", "30 倍", 30, None, "x", "exact", id="bei"),
    pytest.param("收入翻了一番", "翻了一番", 2, None, "x", "exact", id="doubling"),
    pytest.param("装机 3.5GWh", "3.5GWh", 3.5, None, "GWh", "exact", id="gwh"),
    pytest.param("产量 20 万吨", "20 万吨", 200000, None, "吨", "exact", id="tonnes"),
    pytest.param("面积 1.5 万平方米", "1.5 万平方米", 15000, None, "平方米", "exact", id="square-metres"),
    pytest.param("接待 300 万人次", "300 万人次", 3000000, None, "人次", "exact", id="person-times"),
    pytest.param("亿级补贴", "亿级", 100000000, None, None, "at_least", id="yi-level"),
    pytest.param("数千家企业", "数千家", None, None, "家", "approx", id="vague-thousands"),
    pytest.param("售价 ¥399", "399", 399, None, "CNY", "exact", id="currency-prefix"),
    pytest.param("股价 55.5 港元", "55.5 港元", 55.5, None, "HKD", "exact", id="hkd-price"),
    pytest.param("欧元区投资 5000 万欧元", "5000 万欧元", 50000000, None, "EUR", "exact", id="eur"),
    pytest.param("获 20 亿日元融资", "20 亿日元", 2000000000, None, "JPY", "exact", id="jpy"),
]


@pytest.mark.parametrize("sentence, text, value, value_max, unit, qualifier", QUANTITIES)
def test_quantity(sentence, text, value, value_max, unit, qualifier):
    q = _only_claim(sentence)
    assert sentence[q.start:q.end] == q.text == text
    assert (q.value is None and value is None) or math.isclose(q.value, value, rel_tol=1e-9)
    assert (q.value_max is None and value_max is None) or math.isclose(q.value_max, value_max)
    assert (q.unit, q.qualifier) == (unit, qualifier)


NOT_CLAIMS = [
    pytest.param("2018 年就开始布局", "year", id="year"),
    pytest.param("今年 6 月入局", "date", id="month"),
    pytest.param("8 月 20 日发布", "date", id="month-day"),
    pytest.param("发布于 2022-08-04", "date", id="iso-date"),
    pytest.param("上午 10 点开幕", "time", id="time"),
    pytest.param("热线 010-12345678", "phone", id="landline"),
    pytest.param("手机 13812345678", "phone", id="mobile"),
    pytest.param("长实集团(1113.HK)", "stock", id="hk-stock-code"),
    pytest.param("股票代码 600888", "code", id="a-share-code"),
    pytest.param("型号 JC-101 的设备", "code", id="product-code"),
    pytest.param("专人 1V1 服务", "code", id="1v1"),
    pytest.param("升级到 3.0 版本", "version", id="version"),
    pytest.param("第四场直播", "ordinal", id="ordinal"),
    pytest.param("一条短视频", "article", id="article-yi"),
    pytest.param("“11 模块”", "bare number", id="number-in-name"),
    pytest.param("未来三年", "period", id="rolling-period"),
    pytest.param("连续两三天", "vague duration", id="vague-duration"),
]


@pytest.mark.parametrize("sentence, reason", NOT_CLAIMS)
def test_not_a_claim(sentence, reason):
    quantities = find_quantities(sentence)
    assert quantities and all(not q.is_claim for q in quantities)
    assert reason in {q.non_claim for q in quantities}


def test_rank_is_a_claim_with_hint():
    (q,) = [q for q in find_quantities("快手位列第三") if q.is_claim]
    assert (q.text, q.value, q.kind_hint) == ("三", 3, "rank")


PARSE = [("两万", 20000), ("十五", 15), ("一百零五", 105), ("3.46亿", 346000000), ("七点五", 7.5), ("二〇二二", 2022)]


@pytest.mark.parametrize("text, value", PARSE, ids=[p[0] for p in PARSE])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_ordinary_words_are_not_numbers():
    assert [q for q in find_quantities("他们一样认为万一出现问题，十分重要") if q.is_claim] == []
