"""Claim context beyond the number: subjects when a sentence names several things, event
periods, metrics named after the number."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import requires_corpora

CASES = [
    pytest.param("星海光电股份有限公司发布半年报。2020H1公司实现收入15.02亿，同比增长106.98%。", "15.02亿", "星海光电股份有限公司",
                 id="gongsi-before-shixian-is-the-company"),
    pytest.param("原标题：太平洋(4.560,0.10,2.24%)--星海光电(45.610,0.24,0.53%)：业绩高增长。公司上半年实现收入15.02亿。",
                 "15.02亿", "星海光电",
                 id="the-broker-of-a-research-note-is-no-subject"),
    pytest.param("星海电气(603050)中标国家电网，中标金额合计8703万元。", "8703万元", "星海电气",
                 id="the-client-of-a-tender-is-no-subject"),
    pytest.param("星海科技公告，公司股东、董事长李明远于2020年6月29日质押约282万股；"
                 "于2020年7月1日将原质押给远山证券股份有限公司的公司股份456万股解除质押。", "456万股", "李明远",
                 id="the-pledgee-is-no-subject-the-holder-before-the-semicolon-is"),
    pytest.param("金穗·花园 (论坛 相册 户型 样板间 地图搜索)开盘均价8300元/平方米，半年后涨到16800元/平方米。",
                 "16800元/平方米", "金穗·花园", id="an-estate-is-the-subject-of-its-prices"),
    pytest.param("工信部发布2021年行业运行情况，2021年我国精炼钴产量12.8万吨。", "12.8万吨", None,
                 id="a-public-body-publishing-statistics-is-no-subject"),
    pytest.param("25日，国新办就2021年商务运行情况举行发布会。全年社会消费品零售总额44.1万亿元。", "44.1万亿元", None,
                 id="a-public-body-briefing-on-statistics-is-no-subject"),
    pytest.param("友讯达(SZ300514)公告，国家电网有限公司电子商务平台发布了《招标公示》，公司中4个包，中标金额约为1.19亿元。",
                 "1.19亿元", "友讯达", id="gongsi-of-a-filing-is-the-announcer"),
    pytest.param("尼康S230卡片机上市，尼康3.0英寸触摸屏S230售1600元。", "3.0英寸", "尼康S230", id="a-size-is-the-models-not-the-brands"),
    pytest.param("理光R10售价1750元。R10采用了同R8相同的7.1倍光学变焦镜头。", "7.1倍", "理光R10",
                 id="what-it-is-likened-to-is-no-subject"),
    pytest.param("理光R10售价1750元，仅比R8贵出不足200元。", "200元", "理光R10", id="the-base-of-a-comparison-is-no-subject"),
    pytest.param("蓝海集团通过星辰证券公司累计增持公司股份435.37万股。", "435.37万股", "蓝海集团",
                 id="broker-after-tongguo-is-a-counterpart"),
    pytest.param("青禾家居股份有限公司发布半年报。\n据星辰证券统计，上半年营收为12亿元。", "12亿元", "青禾家居股份有限公司",
                 id="source-after-ju-is-not-the-subject"),
    pytest.param("华夏晨报讯 累计增持金额为2573万元，如期完成了增持计划。", "2573万元", None,
                 id="outlet-is-never-the-subject"),
    pytest.param("理光R10售价1750元。\n该机具有1000万有效像素，屏幕为3.0英寸。", "1000万", "理光R10",
                 id="product-is-the-paragraph-topic"),
    pytest.param("星河量化基金上周六发布了成立公告，该基金首发规模达到29.6亿份。", "29.6亿份", "星河量化基金",
                 id="gai-jijin-is-the-last-fund"),
    pytest.param("佳能推出的新卡片机 佳能A1200配备了触摸屏，目前售价为999元。", "999元", "佳能A1200",
                 id="the-model-not-its-brand"),
    pytest.param("云帆科技的董事长是韩立峰，男，46岁，大学学历。", "46岁", "韩立峰", id="age-is-the-persons"),
    pytest.param("截至目前，董事长韩立峰共持有青禾家居股份有限公司股份1200万股，占公司总股本的7.21%。", "7.21%", "韩立峰",
                 id="share-of-capital-is-the-holders"),
    pytest.param("星河量化基金持有云帆科技股份有限公司350万股，占该公司流通股的3.5%。", "3.5%", "星河量化基金",
                 id="a-fund-holds-shares-too"),
]

# Subjects that are groups, not entities: subject null, subject_text the phrase.
GROUPS = [
    pytest.param("星辰证券的数据显示，今年以来股票型基金平均净值增长率达到17.90%。", "17.90%", "股票型基金",
                 id="group-before-metric"),
    pytest.param("其中，偏股型基金的平均募集规模为9.41亿元。", "9.41亿元", "偏股型基金", id="group-de-metric"),
    pytest.param("被扶持的中小商家较未被扶持的GMV增速高出35%。", "35%", "被扶持的中小商家", id="passive-group"),
    pytest.param("星河基金今年发行了三只新品。\n另1只货币型基金的规模也超过了30亿元。", "30亿元", "货币型基金",
                 id="count-before-group-is-dropped"),
    pytest.param("而2008年上半年基金行业现金薪酬总额较上年增长了57.1%。", "57.1%", "基金行业",
                 id="lead-in-and-period-before-a-group"),
    pytest.param("青禾地产交易网的最新数据显示，本月上半月商品房成交7026套。", "7026套", "商品房",
                 id="market-the-metric-opens-with-not-the-data-source"),
    pytest.param("星海地产股份有限公司公布年报。据星辰研究院发布的调查报告指出，二手房成交均价为14350元。", "14350元", "二手房",
                 id="market-not-a-company-carried-from-before"),
]


@pytest.mark.parametrize("text, claim_text, subject_text", GROUPS)
def test_group_subject(extractor, text, claim_text, subject_text):
    record = extractor.extract(text, published="2009-03-20")
    claim = next(c for c in record.claims if c.text == claim_text)
    assert (claim.subject, claim.subject_text) == (None, subject_text)


def test_product_in_passing_is_not_the_topic(extractor):
    text = "基金发行处于密集期，若加上本月发行的星河强债基金，正在发行的基金将达到19只。\n平均募集规模为9.41亿元。"
    record = extractor.extract(text, published="2009-03-20")
    names = {entity.id: entity.name for entity in record.entities}
    claim = next(c for c in record.claims if c.text == "9.41亿元")
    assert names.get(claim.subject) != "星河强债基金"


@pytest.mark.parametrize("text, claim_text, subject", CASES)
def test_subject(extractor, text, claim_text, subject):
    record = extractor.extract(text, published="2023-08-15")
    names = {entity.id: entity.name for entity in record.entities}
    claim = next(c for c in record.claims if c.text == claim_text)
    assert (names.get(claim.subject) if claim.subject else None) == subject


def test_event_period_through_closing_quote(extractor):
    text = "“星河双十一狂欢节”期间，全平台成交额就超过 5000 万元。"
    record = extractor.extract(text, published="2023-11-20")
    claim = next(c for c in record.claims if c.value == 5e7)
    assert claim.period is not None
    assert (claim.period.label, claim.period.start, claim.period.end) == ("星河双十一狂欢节期间", None, None)


def test_the_day_a_fund_is_issued_dates_the_fund_not_the_count(extractor):
    record = extractor.extract("若加上本月9日发行的星河强债基金，目前正在发行期的基金将达到19只。", published="2009-03-20")
    assert next(c for c in record.claims if c.text == "19只").period is None
    record = extractor.extract("加上本周发行的星河先锋等6只新基金，目前正在发行期的基金高达19只。", published="2009-03-20")
    assert next(c for c in record.claims if c.text == "6只").period.label == "本周"


def test_an_undated_story_counts_today_from_its_dateline(extractor):
    text = ("格隆汇7月24日丨星海银行今日盘前跌4.15%。公司第二季度净亏损31亿欧元。"
            "星海银行预计2019财年收入较去年将有所下降。")
    record = extractor.extract(text)
    periods = {c.text: (c.period.start, c.period.end) for c in record.claims if c.period}
    assert periods["4.15%"] == (date(2019, 7, 24), date(2019, 7, 24))
    assert periods["31亿欧元"] == (date(2019, 4, 1), date(2019, 6, 30))


@pytest.mark.parametrize("text, claim_text, metric", [
    pytest.param("新机采用了1/2.3英寸的CCD感光元件。", "1/2.3英寸", "CCD感光元件", id="latin-type-then-metric"),
    pytest.param("新机配备了3.0英寸的液晶显示屏。", "3.0英寸", "液晶显示屏", id="metric-after-de"),
    pytest.param("新机配备一块3.2英寸16:9的触摸式液晶屏，显示细腻。", "3.2英寸", "触摸式液晶屏", id="part-after-a-ratio"),
    pytest.param("可拍摄最高像素为600万的静态图像，而动态可拍摄约415万像素(16:9)的视频。", "415万像素", "视频",
                 id="ratio-in-brackets-before-the-part"),
    pytest.param("门店现在每天的订单量 300 单以上，后续再扩品类。", "300 单", "订单量", id="qualifier-after-count-is-no-noun"),
    pytest.param("今年上半年，团队共计操盘 120 场，服务品牌 40 个。", "120 场", "操盘", id="adverb-before-verb-metric"),
    pytest.param("这款摄像机内置240GB硬盘，可连续拍摄。", "240GB", "硬盘", id="han-metric-right-after-latin-unit"),
])
def test_metric_named_after_the_number(extractor, text, claim_text, metric):
    record = extractor.extract(text, published="2009-03-01")
    claim = next(c for c in record.claims if c.text == claim_text)
    assert claim.metric == metric


def test_period_carries_across_semicolon_clauses(extractor):
    record = extractor.extract("报告显示，公司全年实现营业收入5.74亿元；净利润4735万元，同比增长7.5%。", published="2009-03-20")
    periods = {c.text: c.period and (str(c.period.start), str(c.period.end)) for c in record.claims}
    assert periods["4735万元"] == periods["7.5%"] == ("2009-01-01", "2009-12-31")


def test_events_counted_since_a_year_take_the_period(extractor):
    record = extractor.extract("截至3月19日，2009年以来已经成立的15只基金共募集295亿元。", published="2009-03-20")
    claim = next(c for c in record.claims if c.text == "15只")
    assert (claim.period.label, str(claim.period.start), str(claim.period.end)) == ("2009年以来", "2009-01-01", "2009-03-19")


# A market index is what moves and what the number is about; index funds are not indices.
INDEX_CASES = [
    pytest.param("2005年-2008年，上证指数从1000点附近上涨到了近6000点。", "6000点", "上证指数", "上证指数",
                 id="end-of-a-change-in-points"),
    pytest.param("春节过后，上周沪指暴跌7.9%，创下年内最大周跌幅。", "7.9%", "沪指", "沪指", id="index-change"),
    pytest.param("昨日深证成指收于9000点。", "9000点", "深证成指", "深证成指", id="time-word-is-not-the-index"),
    pytest.param("华夏成长指数基金今年以来上涨5%。", "5%", None, None, id="index-fund-is-no-index"),
]


@pytest.mark.parametrize("text, claim_text, subject_text, metric", INDEX_CASES)
def test_market_index(extractor, text, claim_text, subject_text, metric):
    claim = next(c for c in extractor.extract(text, published="2009-03-20").claims if c.text == claim_text)
    if subject_text is None:
        assert "market index" not in " ".join(claim.explanation)
    else:
        assert (claim.subject_text, claim.metric) == (subject_text, metric)


def test_end_of_a_change_takes_the_metric_of_its_start(extractor):
    record = extractor.extract("票价由500元增至800元。", published="2009-03-20")
    assert [(c.text, c.metric) for c in record.claims] == [("500元", "票价"), ("800元", "票价")]


RESPECTIVELY = [
    pytest.param("星河科技有限公司和云帆科技有限公司分别实现营收5亿元和3亿元。",
                 {"5亿元": "星河科技有限公司", "3亿元": "云帆科技有限公司"}, id="two-companies"),
    pytest.param("华夏基金与南方基金也分别新进了120万股和80万股。",
                 {"120万股": "华夏基金", "80万股": "南方基金"}, id="holders-with-ye"),
    # The owner before 旗下 is not one of the coordinated names.
    pytest.param("星河基金旗下的星河成长和星河量化基金分别新进了120万股和80万股。",
                 {"120万股": "星河成长", "80万股": "星河量化基金"}, id="owner-is-not-coordinated"),
    # 他们 in a later sentence are the names paired before; a clause listing as many numbers goes on
    pytest.param("华夏基金与南方基金分别新进了120万股和80万股；而在第三季度，他们又分别增持了8.1万股和2.9万股，"
                 "期末持股量达到128.1万股和82.9万股。",
                 {"8.1万股": "华夏基金", "2.9万股": "南方基金", "128.1万股": "华夏基金", "82.9万股": "南方基金"},
                 id="they-respectively-and-listed-on"),
]


@pytest.mark.parametrize("text, subjects", RESPECTIVELY)
def test_respectively_pairs_names_with_numbers(extractor, text, subjects):
    record = extractor.extract(text, published="2009-03-20")
    assert {c.text: c.subject_text for c in record.claims if c.text in subjects} == subjects


def test_data_provider_is_neither_subject_nor_topic(extractor):
    text = "星辰证券的数据显示，截至3月18日，今年以来近两成的个股涨幅超过了50%。"
    claim = next(c for c in extractor.extract(text, published="2009-03-20").claims if c.text == "50%")
    assert claim.subject_text != "星辰证券"


def test_topic_named_after_the_number_is_not_carried_back(extractor):
    text = "今年以来募集额逾300亿元。星河量化基金上周六发布了成立公告。"
    claim = next(c for c in extractor.extract(text, published="2009-03-20").claims if c.text == "300亿元")
    assert claim.subject_text != "星河量化基金"


@requires_corpora
def test_the_broker_of_a_research_note_is_no_subject_of_its_forecasts(extractor):
    # 中信证券研报指出，…宁德时代…。…考虑到…公司产能快速释放，上调2022/2023年净利润预测至236/333亿元: the
    # broker named before its note forecasts the company's profit, its own is not at issue
    from evaluation.corpora import resolve_reference

    record = extractor.extract(resolve_reference("bbt_cfleb_fin_news/finna/eval_list.json#2784"))
    names = {e.id: e.name for e in record.entities}
    subjects = {c.text: names.get(c.subject) for c in record.claims}
    assert subjects["236"] == subjects["333亿元"] == "宁德时代"
