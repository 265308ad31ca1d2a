"""Periods resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.periods import document_date, document_year, find_periods

PUBLISHED = date(2023, 3, 15)

PERIODS = [
    pytest.param("2022 年第一季度", "2022-01-01", "2022-03-31", id="year-quarter"),
    pytest.param("Q3", "2023-07-01", "2023-09-30", id="q3-this-year"),
    pytest.param("二季度", "2023-04-01", "2023-06-30", id="second-quarter"),
    pytest.param("去年上半年", "2022-01-01", "2022-06-30", id="last-year-h1"),
    pytest.param("下半年", "2023-07-01", "2023-12-31", id="h2"),
    pytest.param("2021 年前三季度", "2021-01-01", "2021-09-30", id="first-three-quarters"),
    pytest.param("今年 6 月", "2023-06-01", "2023-06-30", id="this-year-month"),
    pytest.param("截至 2 月 28 日", None, "2023-02-28", id="until-date-open-start"),
    # written in March: the last 31 December, not one still to come
    pytest.param("截至 12 月 31 日", None, "2022-12-31", id="until-date-before-publication"),
    pytest.param("过去一年", "2022-03-16", "2023-03-15", id="past-year"),
    pytest.param("未来三年", "2023-03-15", "2026-03-15", id="next-three-years"),
    pytest.param("二〇二一年", "2021-01-01", "2021-12-31", id="chinese-year"),
    pytest.param("2005年-2008年", "2005-01-01", "2008-12-31", id="year-range"),
    pytest.param("2005-2008年", "2005-01-01", "2008-12-31", id="year-range-one-nian"),
    pytest.param("2008年当年", "2008-01-01", "2008-12-31", id="that-very-year"),
    pytest.param("本周", "2023-03-13", "2023-03-19", id="this-week-monday-to-sunday"),
    pytest.param("上周", "2023-03-06", "2023-03-12", id="last-week"),
    pytest.param("上周六", "2023-03-11", "2023-03-11", id="last-saturday"),
    pytest.param("截至昨天", None, "2023-03-14", id="until-yesterday"),
    pytest.param("1至9月", "2023-01-01", "2023-09-30", id="month-range"),
    pytest.param("2009年1~8月", "2009-01-01", "2009-08-31", id="year-month-range"),
    pytest.param("7月至9月", "2023-07-01", "2023-09-30", id="month-to-month"),
    pytest.param("9月上半月", "2023-09-01", "2023-09-15", id="first-half-of-a-month"),
    pytest.param("2月下旬", "2023-02-21", "2023-02-28", id="last-third-of-february"),
    pytest.param("本月上半月", "2023-03-01", "2023-03-15", id="this-months-first-half"),
    pytest.param("上月", "2023-02-01", "2023-02-28", id="last-month"),
    pytest.param("本月13日", "2023-03-13", "2023-03-13", id="a-day-of-this-month"),
    pytest.param("截至2019年6月30日止六个月", "2019-01-01", "2019-06-30", id="six-months-ended"),
    pytest.param("截至2019年12月31日止年度", "2019-01-01", "2019-12-31", id="year-ended"),
    pytest.param("截至2月28日止的3个月", "2022-12-01", "2023-02-28", id="three-months-ended-last-february"),
    pytest.param("午盘", "2023-03-15", "2023-03-15", id="trading-session-of-the-day"),
]


@pytest.mark.parametrize("text, start, end", PERIODS)
def test_period_resolution(text, start, end):
    (period,) = find_periods(text, PUBLISHED)
    assert period.label == text
    assert (str(period.start_date) if period.start_date else None, str(period.end_date)) == (start, end)


def test_relative_period_without_publication_date_keeps_label():
    (period,) = find_periods("今年第四季度", None)
    assert (period.label, period.start_date, period.end_date) == ("今年第四季度", None, None)


def test_year_alone_anchors_following_span_word():
    periods = find_periods("2021 年，全年活跃买家数超过 2.1 亿", PUBLISHED)
    assert [(p.label, str(p.start_date), str(p.end_date)) for p in periods] == [
        ("2021 年", "2021-01-01", "2021-12-31"), ("全年", "2021-01-01", "2021-12-31")]


def _dated(periods):
    return [(p.label, p.start_date and str(p.start_date), p.end_date and str(p.end_date)) for p in periods]



# Without a publication date, relative years count from the year the text states plainly.
DOCUMENT_YEARS = [
    pytest.param("今年（2009年）以来，新基金募集额逾300亿元。", 2009, id="year-in-brackets"),
    pytest.param("刚刚过去的2008年，净利润增长7.5%。", 2009, id="the-year-just-past"),
    pytest.param("继去年900多家公司实施回购之后，进入2022年不到一个月，就有134家公司实施回购。", 2022, id="the-year-entered"),
    pytest.param("1月份以来的北京租赁市场在经历2009年的不温不火后初现回暖。", 2010, id="the-year-gone-through"),
    pytest.param("公司经历2008年金融危机后，2010年营收增长。", None, id="a-year-gone-through-before-a-later-one"),
    pytest.param("截至3月19日，2009年以来已成立15只基金。", 2009, id="since-the-latest-year"),
    pytest.param("2008年以来的数据，与2009年一季度相比。", None, id="since-an-earlier-year-says-nothing"),
    pytest.param("今年（2009年）以来，刚刚过去的2010年。", None, id="cues-that-disagree"),
    pytest.param("公司2008年营收增长。", None, id="a-year-alone-is-not-the-year-of-writing"),
    pytest.param("公司第二季度净亏损。预计2019财年收入较去年将有所下降。", 2019, id="a-year-set-against-last-year"),
    pytest.param("2019财年收入较去年下降，2021年目标翻番。", None, id="set-against-last-year-but-not-the-latest"),
]


@pytest.mark.parametrize("text, year", DOCUMENT_YEARS)
def test_document_year(text, year):
    assert document_year(text) == year


def test_relative_years_count_from_the_stated_year_without_publication_date():
    periods = find_periods("刚刚过去的2008年，行业回落。去年5月21日成立21只，今年以来募集300亿元。", None)
    assert ("去年5月21日", "2008-05-21", "2008-05-21") in _dated(periods)
    assert ("今年以来", "2009-01-01", None) in _dated(periods)


def test_week_inside_a_word_is_no_period():
    assert find_periods("本周期内销量稳定，上周边地区", PUBLISHED) == []


def test_label_only_periods_without_dates():
    periods = _dated(find_periods("上周有四只基金结束募集，发行首日募集2亿元，发行一周内达7亿元。", None))
    assert periods == [("上周", None, None), ("发行首日", None, None), ("发行一周内", None, None)]


def test_since_period_ends_at_the_until_date_before_it():
    periods = _dated(find_periods("截至3月18日，今年以来股票型基金平均净值增长率达到17.90%。", PUBLISHED))
    assert periods == [("截至3月18日", None, "2023-03-18"), ("今年以来", "2023-01-01", "2023-03-18")]


def test_until_date_dated_by_an_earlier_year_ends_a_later_since_period_in_its_year():
    # without a publication date 2月28日 takes the year named last (2008); the since-period
    # it bounds starts in 2009, so the day is 2009's, never an end before the start
    periods = _dated(find_periods("2008年发行了99只新基金。而截至2月28日，2009年以来已有25只新基金发行。", None))
    assert ("2009年以来", "2009-01-01", "2009-02-28") in periods


def test_same_period_last_year_is_the_period_just_named_a_year_earlier():
    periods = _dated(find_periods("2022年第四季度营收为328.6亿元，去年同期为亏损8.1亿元。", PUBLISHED))
    assert ("去年同期", "2021-10-01", "2021-12-31") in periods
    assert _dated(find_periods("去年同期营收为5亿元。", PUBLISHED)) == [("去年", "2022-01-01", "2022-12-31")]


def test_a_bare_span_in_a_sentence_about_the_future_is_this_years():
    periods = _dated(find_periods("2022年直播间数量增长70%。平台还将推出新活动，目标是在年底前覆盖千家店铺。", PUBLISHED))
    assert ("年底", "2023-12-01", "2023-12-31") in periods
    past = _dated(find_periods("2022年直播间数量增长70%。年底时店铺数达到千家。", PUBLISHED))
    assert ("年底", "2022-12-01", "2022-12-31") in past


def test_a_rolling_period_counts_from_the_day_of_writing_whatever_year_was_named():
    periods = _dated(find_periods("2022年市场规模约为150亿元，近三年年均复合增长率达到20%以上。", PUBLISHED))
    assert ("近三年", "2020-03-16", "2023-03-15") in periods


def test_the_reporting_period_is_the_period_of_the_report_named_before():
    periods = _dated(find_periods("蓝海银行发布2023年半年度报告。报告期内，该行实现营业收入812.5亿元。", PUBLISHED))
    assert ("报告期内", "2023-01-01", "2023-06-30") in periods
    assert _dated(find_periods("报告期内营收100亿元。", PUBLISHED)) == []


def test_month_after_words_of_the_present_is_this_years():
    periods = _dated(find_periods("2008年净流入28.6亿美元。本月9日公布的数据显示，2月份有3家获批。", PUBLISHED))
    assert ("2月份", "2023-02-01", "2023-02-28") in periods
    carried = _dated(find_periods("2008年净流入28.6亿美元。数据显示，2月份有3家获批。", PUBLISHED))
    assert ("2月份", "2008-02-01", "2008-02-29") in carried


def test_until_the_filing_day_ends_on_the_day_the_filing_is_dated():
    text = "星海控股5月13日晚间发布公告称，公司于2020年5月13日收到股东通知。截至公告日，股东共持有约962万股。"
    (*_, filing) = find_periods(text, None)
    assert (filing.label, filing.start_date, str(filing.end_date)) == ("截至公告日", None, "2020-05-13")


def test_until_the_filing_day_without_a_date_before_is_the_publication_date():
    (filing,) = find_periods("截至本公告披露日，公司持有5%股份。", PUBLISHED)
    assert (filing.start_date, filing.end_date) == (None, PUBLISHED)


def test_the_period_just_reported_holds_for_qi_nei():
    text = "截至2023年9月30日止第三季度，公司收入增长10%。期内，微信月活跃账户数达13.36亿。短期内难以改变。"
    periods = {p.label: (str(p.start_date), str(p.end_date)) for p in find_periods(text, PUBLISHED)}
    assert periods["期内"] == ("2023-07-01", "2023-09-30")
    assert "短期内" not in periods and sum(label == "期内" for label in periods) == 1


@pytest.mark.parametrize("text, label", [
    ("国微控股2019年中期收益1758.37万美元。", "2019年中期"),
    ("公司中期亏损258.93万美元。", "中期"),
])
def test_an_interim_is_the_companys_half_year_by_label(text, label):
    (period,) = find_periods(text, PUBLISHED)
    assert (period.label, period.start_date, period.end_date) == (label, None, None)


def test_medium_term_is_no_interim():
    assert [p.label for p in find_periods("2020年中期票据发行，央行中期借贷便利操作。", PUBLISHED)] == ["2020年"]


def test_fiscal_periods_keep_their_label_without_calendar_dates():
    periods = [(p.label, p.start_date, p.end_date) for p in find_periods("英伟达公布2024财年第三财季财报，预计第四财季营收增长。", PUBLISHED)]
    assert periods == [("2024财年第三财季", None, None), ("第四财季", None, None)]


@pytest.mark.parametrize("text, expected", [
    # the quarter's end written before it, the month without its year: 2020财年 ends in 2020
    ("此前一日公布了2020财年的财报，本财年销售额为374亿美元。截至今年5月底，2020财年第四财季的销售额为63亿美元。",
     {"2020财年": ("2019-06-01", "2020-05-31"), "本财年": ("2019-06-01", "2020-05-31"),
      "截至今年5月底": (None, "2020-05-31"), "2020财年第四财季": ("2020-03-01", "2020-05-31")}),
    # in brackets after it; the other quarters of the same year follow the calendar
    ("英伟达2024财年第三财季（截至2023年10月29日）营收181亿美元，上一财年营收270亿美元，第二财季营收135亿美元。",
     {"2024财年第三财季": ("2023-07-30", "2023-10-29"), "上一财年": ("2022-01-30", "2023-01-29"),
      "第二财季": ("2023-04-30", "2023-07-29")}),
    ("苹果2023财年第四财季（截至9月30日）营收895亿美元。", {"2023财年第四财季": ("2023-07-01", "2023-09-30")}),
])
def test_a_fiscal_quarter_beside_its_end_date_gives_the_companys_calendar(text, expected):
    periods = {p.label: (p.start_date and str(p.start_date), p.end_date and str(p.end_date)) for p in find_periods(text, None)}
    assert {label: periods.get(label) for label in expected} == expected


def test_from_the_year_start_to_the_end_of_the_report_period():
    text = "国旅联合发布2019年第三季度报告：2019年初至报告期末营业收入增长30.59%。本报告期末总资产为7.98亿元。"
    periods = {p.label: (str(p.start_date), str(p.end_date)) for p in find_periods(text, None)}
    assert periods["2019年初至报告期末"] == ("2019-01-01", "2019-09-30")
    assert periods["本报告期末"] == ("2019-09-30", "2019-09-30")


@pytest.mark.parametrize("text, label, start, end", [
    ("今年初均价9200元。", "今年初", "2023-01-01", "None"),  # from its first day, the end open
    ("今年2月初以来降价1500元。", "今年2月初以来", "2023-02-01", "2023-03-15"),
    ("4月初发布新品。", "4月初", "2023-04-01", "2023-04-10"),
])
def test_the_beginning_of_a_year_or_month(text, label, start, end):
    (period,) = find_periods(text, PUBLISHED)
    assert (period.label, str(period.start_date), str(period.end_date)) == (label, start, end)


def test_each_year_of_a_slash_list_is_a_period():
    periods = [(p.label, str(p.start_date), str(p.end_date)) for p in find_periods("上调2022/23年净利润预测", None)]
    assert periods == [("2022年", "2022-01-01", "2022-12-31"), ("2023年", "2023-01-01", "2023-12-31")]


def test_a_fiscal_year_without_its_calendar_keeps_only_its_label():
    assert [(p.label, p.start_date, p.end_date) for p in find_periods("华尔街对苹果2022财年营收增长5%的预期", None)] \
        == [("2022财年", None, None)]


@pytest.mark.parametrize("text, label, end", [
    ("默克将于2025年前在中国追加投资至少10亿元。", "2025年前", "2025-12-31"),  # a deadline: by that year's end
    ("2006年之前，区域楼宇入驻率是90%左右。", "2006年之前", "2005-12-31"),  # the years before it
])
def test_a_year_before_qian_is_open_ended(text, label, end):
    (period,) = find_periods(text, None)
    assert (period.label, period.start_date, str(period.end_date)) == (label, None, end)


def test_two_fiscal_calendars_date_only_their_own_quarters():
    text = "甲公司第四财季（截至5月31日）营收增长，乙公司第一财季（截至3月31日）营收下降。本财年营收增长。"
    periods = [(p.label, p.start_date and str(p.start_date), p.end_date and str(p.end_date)) for p in find_periods(text, None)]
    assert ("第四财季", None, None) in periods and ("本财年", None, None) in periods  # no year anywhere: label only
    text = text.replace("甲公司第四财季", "甲公司2023财年第四财季").replace("乙公司第一财季", "乙公司2023财年第一财季")
    periods = [(p.label, p.start_date and str(p.start_date), p.end_date and str(p.end_date)) for p in find_periods(text, None)]
    assert ("2023财年第四财季", "2023-03-01", "2023-05-31") in periods
    assert ("2023财年第一财季", "2023-01-01", "2023-03-31") in periods  # a fiscal year ending in December
    assert ("本财年", None, None) in periods


def test_an_interim_is_dated_by_the_six_months_the_text_ends():
    text = "交大慧谷中期亏损扩大。公司公告，截至2019年6月30日止六个月，取得营业额1618.8万元。"
    periods = {p.label: (str(p.start_date), str(p.end_date)) for p in find_periods(text, None)}
    assert periods["中期"] == ("2019-01-01", "2019-06-30")


@pytest.mark.parametrize("text, label, start, end", [
    ("今年双11期间（10月31日至11月11日），成交额增长。", "10月31日至11月11日", "2023-10-31", "2023-11-11"),
    ("活动于12月25日-1月5日举行。", "12月25日-1月5日", "2023-12-25", "2024-01-05"),  # into the next year
    ("在2020年7月24日至2020年10月23日期间减持。", "2020年7月24日至2020年10月23日", "2020-07-24", "2020-10-23"),
    ("上周（11月18日至24日）全市成交2156套。", "11月18日至24日", "2023-11-18", "2023-11-24"),  # the second day's month left out
])
def test_two_days_joined_by_zhi_are_one_period(text, label, start, end):
    (*_, period) = find_periods(text, PUBLISHED)
    assert (period.label, str(period.start_date), str(period.end_date)) == (label, start, end)


def test_a_year_after_qian_is_no_rolling_window():
    # hypothesis found 前2022年 read as the 2022 years before publication (year 0: a crash)
    assert all(p.label != "前2022年" for p in find_periods("前2022年", date(2023, 8, 15)))


def test_filing_day_written_with_zhi_is_dated_by_the_filing_link_year():
    text = ("8月1日，星海控股发布公告。截至公告披露之日，李明共持有公司股份1000股。"
            "来源链接：http://www.cninfo.com.cn/new/disclosure/detail?announcementTime=2019-08-01%2017:43")
    filing = next(p for p in find_periods(text, None) if p.label == "截至公告披露之日")
    assert (filing.start_date, filing.end_date) == (None, date(2019, 8, 1))


# An undated story's day of writing: a dateline opening one of its first lines, its year named
# there, stated plainly elsewhere, or that of filings dated shortly before.
DOCUMENT_DATES = [
    pytest.param("原标题：德银净亏32亿欧元  来源：格隆汇\n格隆汇7月24日丨德银今日盘前跌4.15%。"
                 "德银预计2019财年收入较去年将有所下降。", date(2019, 7, 24), id="dateline-bar-year-cue"),
    pytest.param("中新经纬客户端11月5日电 （林琬斯）股价再度大跌。\n公司于2020年11月3日收到股东通知。",
                 date(2020, 11, 5), id="dateline-year-of-a-recent-filing"),
    pytest.param("财经网1月3日电 公司于2019年12月30日收到通知。", date(2020, 1, 3), id="filing-of-the-year-before"),
    pytest.param("新华社北京2021年3月2日电 国务院发布通知。", date(2021, 3, 2), id="dateline-with-its-year"),
    pytest.param("中新经纬客户端11月5日电 股价再度大跌。公司成立于2015年6月1日。", None, id="an-old-date-says-nothing"),
    pytest.param("格隆汇7月24日丨德银今日盘前跌4.15%。", None, id="dateline-without-a-year"),
    pytest.param("9月1日，圆通速递发布公告称，2020年8月30日签署协议。", None, id="an-event-date-is-no-dateline"),
]


@pytest.mark.parametrize("text, day", DOCUMENT_DATES)
def test_document_date(text, day):
    assert document_date(text) == day


def test_days_counted_back_from_the_day_of_writing():
    (period,) = find_periods("近五日市值蒸发超200亿元", date(2020, 11, 5))
    assert (period.label, period.start_date, period.end_date) == ("近五日", date(2020, 11, 1), date(2020, 11, 5))
    assert all(p.label != "前四日" for p in find_periods("本周前四日成交额33.8亿元", date(2010, 6, 1)))


def test_a_bare_month_after_this_year_is_not_the_earlier_year_named():
    text = "继2007年年底楼市出现拐点，今年3月起楼市持续回暖，9月上半月均价下跌1.37%。"
    *_, september = find_periods(text, date(2008, 9, 20))
    assert (september.label, september.start_date) == ("9月上半月", date(2008, 9, 1))
    # without a publication date the year of 今年 is unknown, and so is September's
    *_, september = find_periods(text, None)
    assert (september.start_date, september.end_date) == (None, None)
    # 去年 is a year compared with: the story stays in the year it named
    *_, august = find_periods("2009年前8月销售额增长，去年同期为负，8月单月增长33%。", date(2010, 6, 1))
    assert august.start_date == date(2009, 8, 1)


def test_until_the_middle_of_a_month_ends_on_its_twentieth():
    text = "截至2月中旬，今年以来近两成的A股反弹幅度超过50%。"
    since = next(p for p in find_periods(text, date(2009, 3, 20)) if p.label == "今年以来")
    assert (since.start_date, since.end_date) == (date(2009, 1, 1), date(2009, 2, 20))
