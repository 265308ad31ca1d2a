"""The number layer: value, unit, qualifier, range and non-claim reason of each quantity."""

from __future__ import annotations

import math

import pytest

from pipeline.numbers import find_quantities, join_bounds, parse_number


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
    pytest.param("监察55亿澳门元救灾款", "55亿澳门元", 5500000000, None, "MOP", "exact", id="mop"),
    # discounts: the price as a percent of the original
    pytest.param("全场商品打八折", "八折", 80, None, "%", "exact", id="discount-one-digit"),
    pytest.param("总价打9.7折", "9.7折", 97, None, "%", "exact", id="discount-decimal"),
    pytest.param("会员享七五折", "七五折", 75, None, "%", "exact", id="discount-two-chinese-digits"),
    pytest.param("机票通常有5~6折的优惠", "5~6折", 50, 60, "%", "exact", id="discount-range"),
    pytest.param("清仓打对折", "对折", 50, None, "%", "exact", id="discount-half"),
    pytest.param("约四成半基金飘红", "四成半", 45, None, "%", "approx", id="cheng-and-a-half"),
    # estimates inside a numeral are ranges
    pytest.param("固定支出要在两三百万元", "两三百万元", 2000000, 3000000, "CNY", "approx", id="estimate-before-magnitude"),
    pytest.param("十七八岁的孩子", "十七八岁", 17, 18, "岁", "approx", id="estimate-in-units"),
    pytest.param("门店一百二三十家", "一百二三十家", 120, 130, "家", "approx", id="estimate-in-tens"),
    pytest.param("占比百分之二三十", "百分之二三十", 20, 30, "%", "approx", id="estimate-percent"),
    # numerals written with small magnitudes, 兆 above 亿, exponents, mixed fractions
    pytest.param("共计1千零20元", "1千零20元", 1020, None, "CNY", "exact", id="arabic-qian-ling"),
    pytest.param("规模5万4千6百人", "5万4千6百人", 54600, None, "人", "exact", id="arabic-small-magnitudes"),
    pytest.param("总额为四十九兆九千五百九十二亿元", "四十九兆九千五百九十二亿元", 49959200000000, None, "CNY", "exact",
                 id="zhao-above-yi"),
    pytest.param("产量达1.2e5吨", "1.2e5吨", 120000, None, "吨", "exact", id="scientific-notation"),
    pytest.param("用时三又二分之一小时", "三又二分之一小时", 3.5, None, "小时", "exact", id="mixed-fraction"),
    pytest.param("含量千分之111.112", "千分之111.112", 11.1112, None, "%", "exact", id="terminating-fraction-exact"),
    # bounds written as symbols or after the unit
    pytest.param("甲醛含量≤1.5毫克/升", "1.5毫克", 1.5, None, "毫克", "at_most", id="symbol-at-most"),
    pytest.param("年薪可达15万美元或以上", "15万美元", 150000, None, "USD", "at_least", id="huo-yishang"),
    pytest.param("价格在10元与20元之间", "10元与20元", 10, 20, "CNY", "exact", id="between-range"),
    # numerals spaced out character by character are one numeral
    pytest.param("共一百 五 十 二人", "一百 五 十 二人", 152, None, "人", "exact", id="spaced-chinese-numeral"),
    pytest.param("投资7 万5 千4 百元", "7 万5 千4 百元", 75400, None, "CNY", "exact", id="spaced-arabic-magnitudes"),
    pytest.param("规模二十 億元", "二十 億元", 2000000000, None, "CNY", "exact", id="spaced-traditional-yi"),
    pytest.param("增长百 分 之2.4", "百 分 之2.4", 2.4, None, "%", "exact", id="spaced-percent"),
    pytest.param("下降六   个 百 分点", "六   个 百 分点", 6, None, "pp", "exact", id="spaced-percentage-points"),
    pytest.param("约六 点 五 成用户", "六 点 五 成", 65, None, "%", "approx", id="spaced-cheng"),
    pytest.param("全场7 2 折", "7 2 折", 72, None, "%", "exact", id="spaced-discount"),
    pytest.param("员工十 余 万人", "十 余 万人", 100000, None, "人", "more_than", id="spaced-inner-qualifier"),
    pytest.param("占比三 百 五 又 三 分之 一", "三 百 五 又 三 分之 一", 350 + 1 / 3, None, None, "exact", id="spaced-mixed-fraction"),
    # Latin thousand and million, with a unit
    pytest.param("提升12k个百分点", "12k个百分点", 12000, None, "pp", "exact", id="k-percentage-points"),
    pytest.param("占比百分之3.2k", "百分之3.2k", 3200, None, "%", "exact", id="k-percent"),
    pytest.param("最高感光度3M像素", "3M像素", 3000000, None, "像素", "exact", id="mega-pixels"),
    # 成 with tenths and halves, 半百, 万万, compound money, 两 as a weight, bits and bytes
    pytest.param("约七成六的受访者", "七成六", 76, None, "%", "approx", id="cheng-tenths"),
    pytest.param("仅半成用户", "半成", 5, None, "%", "exact", id="half-cheng"),
    pytest.param("人口四万万人", "四万万人", 400000000, None, "人", "exact", id="wan-wan-is-yi"),
    pytest.param("手机壳五元三毛", "五元三毛", 5.3, None, "CNY", "exact", id="yuan-and-mao"),
    pytest.param("这台电脑两美元又三美分", "两美元又三美分", 2.03, None, "USD", "exact", id="dollars-and-cents"),
    pytest.param("我有20个比特币", "20个比特币", 20, None, "BTC", "exact", id="bitcoin"),
    pytest.param("黄金三十两", "三十两", 30, None, "两", "exact", id="liang-weight"),
    pytest.param("容量五十兆字节", "五十兆字节", 50, None, "兆字节", "exact", id="megabytes"),
    # bounds: 等于, 之下, 比 N 大, spaced bound words, inner qualifiers between magnitudes
    pytest.param("负荷量等于1535吨", "1535吨", 1535, None, "吨", "exact", id="dengyu"),
    pytest.param("指数在3000点之下", "3000点", 3000, None, "点", "less_than", id="zhixia"),
    pytest.param("身高比 170 厘米低", "170 厘米", 170, None, "厘米", "less_than", id="comparison-lower"),
    pytest.param("数量小于 或 等于100家", "100家", 100, None, "家", "at_most", id="spaced-bound-word"),
    pytest.param("规模达十几万多亿元", "十几万多亿元", 10 ** 13, None, "CNY", "more_than", id="inner-between-magnitudes"),
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
    pytest.param("预计一五年完工", "year", id="two-digit-chinese-year"),
    pytest.param("详见 http://example.com/list?q=30%25&n=20", "url", id="url"),
    pytest.param("联系 ir2020@example.com", "url", id="email"),
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


@pytest.mark.parametrize("sentence", [
    "一切准备就绪", "四川的门店", "唯一一个盈利的季度", "两两配对", "过程一波三折", "三折叠屏手机", "折合人民币",
])
def test_numerals_inside_words_are_not_amounts(sentence):
    """一切, 四川, 唯一一个 (not 11 个), 一波三折 and 三折叠 (not discounts) hold no claim."""
    assert [(q.text, q.unit) for q in find_quantities(sentence) if q.is_claim or q.unit] == []


@pytest.mark.parametrize("sentence, expected", [
    ("2023年 5月", [("2023年", "year"), ("5", "date")]),  # two numbers: a year and a month
    ("1 2 3", [("1", "bare number"), ("2", "bare number"), ("3", "bare number")]),  # digits across a space
    ("支持 3 5G", [("3", "bare number"), ("5G", "code")]),
    ("一 二 三", [("一", "bare number"), ("二", "bare number"), ("三", "bare number")]),
    ("2. 100%", [("2", "bare number"), ("100%", None)]),  # a list number, not 2.100 %
    ("EXP2000 MON300", [("EXP2000", "code"), ("MON300", "code")]),
    ("《四月三周两天》4 Months", [("四", "date"), ("三周", None), ("两天", None), ("4", "bare number")]),
])
def test_spaced_numbers_that_stay_apart(sentence, expected):
    assert [(q.text, q.non_claim) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "4K电视", "支持12K 屏", "24K金", "3M公司", "月薪40k",  # Latin magnitude, no unit: a name or no claim
    "三两句话", "卖了一两天",  # 两 before a word: a numeral, not the weight
    "新大陆打击海盗", "一打开就", "半成品", "年过半百", "千八百里",  # 打, 半, 千 in words
    "将会一次比一次多",  # 比 N 多 on an article 一
])
def test_new_families_make_no_claim_in_words(sentence):
    assert [(q.text, q.value, q.unit) for q in find_quantities(sentence)
            if q.is_claim and q.unit not in ("CNY", "天")] == []


def test_half_of_a_whole_is_fifty_percent_not_a_numeral():
    # 一半成本: half the cost, 50 % (GOLD.md: 近一半 is 50 % approx), never 1 or 1.5 of anything
    assert [(q.text, q.value, q.unit) for q in find_quantities("一半成本") if q.is_claim] == [("一半", 50, "%")]


def test_dozen_and_traditional_numerals_are_read():
    assert [(q.text, q.value) for q in find_quantities("五十打")] == [("五十打", 600)]
    assert [(q.text, q.value) for q in find_quantities("十打蘋果")] == [("十打", 120)]
    assert [(q.text, q.value) for q in find_quantities("百三")] == [("百三", 130)]
    assert [(q.text, q.value) for q in find_quantities("一百零十万")] == [("一百零十万", 1100000)]
    assert [(q.text, q.value) for q in find_quantities("5k-20k")] == [("5k-20k", 5000)]
    assert find_quantities("5k-20k")[0].value_max == 20000


def test_a_smaller_unit_of_money_is_read_only_where_no_word_goes_on():
    assert [(q.text, q.value, q.unit) for q in find_quantities("5元3分钟")] == [("5元", 5, "CNY"), ("3分钟", 3, "分钟")]
    assert [(q.text, q.value) for q in find_quantities("50元6角三分")] == [("50元6角三分", 50.63)]


def test_zhishang_bounds_only_after_zai():
    """在35亿元之上 is a bound; 投入的100亿欧元之上追加 ("on top of") is not."""
    assert find_quantities("营收在35亿元之上")[0].qualifier == "more_than"
    assert find_quantities("在电气化方面投入的100亿欧元之上追加的")[0].qualifier == "exact"


def test_comparison_with_a_difference_is_no_bound():
    """比 N 大 bounds; 比5%低0.5个百分点 compares another amount with 5 %."""
    assert [q.qualifier for q in find_quantities("他的年龄比三十大一些")] == ["more_than"]
    assert [q.qualifier for q in find_quantities("比5%低0.5个百分点")] == ["exact", "exact"]


def test_a_full_width_comma_after_a_latin_currency_sign_breaks_the_number():
    text = "$20，300美圆, ￥300"
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == [
        ("20", 20, "USD"), ("300美圆", 300, "USD"), ("300", 300, "CNY")]
    assert [q.value for q in find_quantities("股份871，021股")] == [871021]


def test_a_number_that_does_not_read_keeps_its_longest_readable_start():
    assert [(q.text, q.value) for q in find_quantities("五十千")] == [("五十", 50)]


def test_bounds_stay_two_quantities_and_join_on_request():
    text = "累计增持金额不低于1000万元，不超过5000万元"
    quantities = find_quantities(text)
    assert [(q.value, q.qualifier) for q in quantities] == [(10000000, "at_least"), (50000000, "at_most")]
    (joined,) = join_bounds(quantities, text)
    assert (joined.value, joined.value_max, joined.unit, joined.text) == (10000000, 50000000, "CNY", text[9:])
    assert text[joined.start:joined.end] == joined.text


@pytest.mark.parametrize("text", [
    "营收不到5亿元，净利润超过1亿元",  # other words between: two facts
    "超过50家，不到12家",  # the lower bound is above the upper
    "超过10万人，不到20%",  # different units
])
def test_bounds_that_do_not_enclose_one_range_stay_apart(text):
    assert len(join_bounds(find_quantities(text), text)) == 2
