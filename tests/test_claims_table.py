"""The claim stage, phenomenon by phenomenon (issue 4): one short news sentence per row.

Every row is a sentence written for this table (invented companies and people) and the
claims a reader labels in it by ``evaluation/GOLD.md`` and ``../shared/record-contract.md``
-- decided from the sentence, not from pipeline output. A row lists *all* the claims of
its sentence in order (``[]`` for a sentence with no claim), and for each claim the
fields that matter for that row: ``text``, ``value``, ``unit``, ``qualifier`` always, and
``kind``, ``direction``, ``basis``, ``metric``, ``subject`` (the entity's name),
``subject_text`` (a subject that is no entity: the group, or the things counted),
``period`` ((label, start, end); ``None`` = no period) and ``modality`` where given.

Rows the pipeline does not get right yet are listed in ``KNOWN_FAILURES`` with what it
produced; they run as strict xfails, so a fix shows up as XPASS and the row is removed
from that table.

The records come from the rules-only extractor (``extractor`` fixture, no NER) with the
publication date ``PUBLISHED`` unless a row gives its own.
"""

from __future__ import annotations

import math

import pytest

from pipeline.numbers import NotANumber, find_quantities, parse_number

PUBLISHED = "2023-08-15"
ANY = object()  # a field of a period that the row does not decide


def c(text, value, unit=None, qualifier="exact", **fields):
    """One expected claim: the always-checked fields plus the row's own."""
    return {"text": text, "value": value, "unit": unit, "qualifier": qualifier, **fields}


def P(label, start=ANY, end=ANY):
    return (label, start, end)


def row(id, sentence, *claims, published=PUBLISHED):
    marks = []
    if id in KNOWN_FAILURES:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[id]))
    return pytest.param(sentence, list(claims), published, id=id, marks=marks)


# id → what the pipeline produced instead (for the lead; remove the entry when fixed).
KNOWN_FAILURES: dict[str, str] = {}


CASES = [
    # ------------------------------------------------------------------ numerals
    row("arabic-thousands-separator", "蓝鲸集团上半年营收 1,234.5 万元。",
        c("1,234.5 万元", 12345000, "CNY", metric="营收", subject="蓝鲸集团",
          period=P("上半年", "2023-01-01", "2023-06-30"))),
    row("arabic-decimal-yi", "云帆科技公司月活跃用户达 3.46 亿。",
        c("3.46 亿", 346000000, None, metric="月活跃用户", subject="云帆科技公司")),
    row("full-width-digits", "星海控股去年净利润为１２亿元。",
        c("１２亿元", 1200000000, "CNY", metric="净利润", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("full-width-percent", "今年二季度，鼎新控股毛利率提升至３５．６％。",
        c("３５．６％", 35.6, "%", kind="level", metric="毛利率", period=P("今年二季度", "2023-04-01", "2023-06-30"))),
    row("chinese-wan-count", "华岳集团在华东地区拥有员工一万名。",
        c("一万名", 10000, "名", metric="员工")),
    row("chinese-long-numeral", "上半年全省社会消费品零售总额达五千六百二十亿元。",
        c("五千六百二十亿元", 562000000000, "CNY")),
    row("chinese-liang-wan", "金穗集团的合作农户已超过两万户。",
        c("两万户", 20000, "户", "more_than", subject="金穗集团")),
    row("chinese-liang-yi", "该项目共投入两亿元。", c("两亿元", 200000000, "CNY")),
    row("chinese-bai-yi", "远山资本新设的产业基金规模达百亿元。",
        c("百亿元", 10000000000, "CNY", metric="规模")),
    row("chinese-mixed-units", "朗峰汽车集团 7 月交付新车一万二千辆。",
        c("一万二千辆", 12000, "辆", subject="朗峰汽车集团", period=P("7 月", "2023-07-01", "2023-07-31"))),
    row("chinese-percent", "北辰银行不良贷款率为百分之一点五。", c("百分之一点五", 1.5, "%", subject="北辰银行")),
    row("chinese-percent-integer", "受访企业中，百分之六十表示将扩大投资。", c("百分之六十", 60, "%")),
    row("chinese-decimal-pp", "蓝鲸集团市场份额提升零点五个百分点。",
        c("零点五个百分点", 0.5, "pp", kind="change", direction="up", metric="市场份额")),
    row("mixed-wan-yi", "鼎新控股总资产约 1.2 万亿元。",
        c("1.2 万亿元", 1200000000000, "CNY", "approx", metric="总资产", subject="鼎新控股")),
    row("mixed-no-space", "该市去年 GDP 为1.35万亿元。", c("1.35万亿元", 1350000000000, "CNY", metric="GDP")),
    row("mixed-qian-wan", "星海控股获得 3000 万元天使轮融资。", c("3000 万元", 30000000, "CNY", subject="星海控股")),
    row("cheng-approx", "远山资本约三成的收入来自海外市场。", c("三成", 30, "%", "approx")),
    row("cheng-jin", "近三成受访企业表示订单有所减少。", c("三成", 30, "%", "approx")),
    row("cheng-arabic", "今年以来，华岳集团 7 成的新增订单来自海外。", c("7 成", 70, "%")),
    row("fraction-more-than", "华岳集团超过三分之一的门店位于三四线城市。",
        c("三分之一", pytest.approx(100 / 3, abs=0.01), "%", "more_than")),
    row("fraction-half", "蓝鲸集团二分之一的员工从事研发工作。", c("二分之一", 50, "%")),
    row("vague-yi-level", "蓝鲸集团今年获得亿级融资。",
        c("亿级", 100000000, None, "at_least", metric="融资", period=P("今年", "2023-01-01", "2023-12-31"))),
    row("vague-shu-qian", "数千家中小企业参与了此次活动。", c("数千家", None, "家", "approx")),
    row("vague-ji-shi", "发布会现场吸引了几十名投资人。", c("几十名", None, "名", "approx")),
    row("vague-shang-wan", "该平台入驻商家已达上万家。", c("上万家", 10000, "家", "at_least")),
    row("vague-shu-bai", "星海控股在全国拥有数百家门店。", c("数百家", None, "家", "approx", subject="星海控股")),
    row("vague-shu-bai-wan-no-unit", "该应用已积累数百万用户。", c("数百万", None, None, "approx")),
    row("vague-neighbour-digits", "目前仅有两三家企业进入决赛。", c("两三家", None, "家", "approx")),
    row("shi-yu", "金穗集团在东南亚设立了十余家分公司。", c("十余家", 10, "家", "more_than")),
    row("yu-wan-yuan", "此次活动共发放补贴 500 余万元。", c("500 余万元", 5000000, "CNY", "more_than")),
    row("duo-wan-no-unit", "该应用注册用户已有 1000 多万。", c("1000 多万", 10000000, None, "more_than")),
    row("chinese-duo-wan-yuan", "华岳集团为此投入五百多万元。", c("五百多万元", 5000000, "CNY", "more_than")),
    row("eps-yuan", "鼎新控股上半年每股收益 0.85 元。",
        c("0.85 元", 0.85, "CNY", metric="每股收益", period=P("上半年", "2023-01-01", "2023-06-30"))),
    row("negative-percent", "鼎新控股三季度净利润同比为 -3.5%。", c("-3.5%", -3.5, "%")),
    row("negative-growth-word", "受需求疲软影响，华岳集团营收同比负增长 4%。", c("4%", 4, "%")),
    row("full-width-thousands", "金穗集团去年销售收入为 1，234 万元。", c("1，234 万元", 12340000, "CNY")),
    row("full-width-comma-is-clause", "星海控股门店数达到 12，2023 年新开了其中 8 家。", c("8 家", 8, "家")),
    row("wan-then-thousands", "该项目带动就业 3万4000 人。", c("3万4000 人", 34000, "人")),
    row("yi-then-wan", "星海控股获得 1亿2000万元 授信。", c("1亿2000万元", 120000000, "CNY")),
    row("usd-thousands", "云帆科技公司去年销售额为 8,500 万美元。",
        c("8,500 万美元", 85000000, "USD", metric="销售额", period=P("去年", "2022-01-01", "2022-12-31"))),

    # ------------------------------------------------------------------ bounds and approximations
    row("yue", "蓝鲸集团目前员工约 5000 名。", c("5000 名", 5000, "名", "approx", metric="员工")),
    row("jin", "这款新机的售价近 5000 元。", c("5000 元", 5000, "CNY", "approx", metric="售价")),
    row("zuoyou", "华岳集团计划投资 2 亿元左右建设新工厂。", c("2 亿元", 200000000, "CNY", "approx")),
    row("chao", "启明计划已覆盖超 2000 家服务商。", c("2000 家", 2000, "家", "more_than")),
    row("chaoguo", "星海控股的合作门店超过 1.5 万家。", c("1.5 万家", 15000, "家", "more_than")),
    row("yu", "远山资本此轮募资逾 30 亿美元。", c("30 亿美元", 3000000000, "USD", "more_than", subject="远山资本")),
    row("yu-ren", "蓝鲸集团研发团队共有 800 余人。", c("800 余人", 800, "人", "more_than")),
    row("duo-jia", "该品牌在全国开设了 100 多家门店。", c("100 多家", 100, "家", "more_than", metric="门店")),
    row("yishang", "大促期间单日订单量达 1500 万单以上。", c("1500 万单", 15000000, "单", "at_least", metric="订单量")),
    row("bushaoyu", "新规要求每个城市的服务网点不少于 50 家。", c("50 家", 50, "家", "at_least")),
    row("zhishao", "华岳集团至少需要 3 亿元的流动资金。", c("3 亿元", 300000000, "CNY", "at_least")),
    row("buzu", "该业务线的营收占比不足 10%。", c("10%", 10, "%", "less_than", kind="share")),
    row("budao", "新工厂今年产量不到 1 万台。",
        c("1 万台", 10000, "台", "less_than", metric="产量", period=P("今年", "2023-01-01", "2023-12-31"))),
    row("zuigao", "每家企业最高可获得 500 万元补贴。", c("500 万元", 5000000, "CNY", "at_most")),
    row("zuigao-adjacent", "单个项目的补贴金额最高 500 万元。", c("500 万元", 5000000, "CNY", "at_most")),
    row("zhishao-adjacent", "按新规，单店投资至少 50 万元。", c("50 万元", 500000, "CNY", "at_least")),
    row("zhiduo-adjacent", "每位用户可领取优惠券至多 5 张。", c("5 张", 5, "张", "at_most")),
    row("zuiduo-adjacent", "每个账号可绑定设备最多 3 台。", c("3 台", 3, "台", "at_most")),
    row("yinei", "蓝鲸集团将库存周转误差控制在 0.5% 以内。", c("0.5%", 0.5, "%", "at_most")),
    row("tupo", "今年前两个月，该平台交易额突破 1000 亿元。", c("1000 亿元", 100000000000, "CNY", "more_than", metric="交易额")),
    row("po", "朗峰汽车集团新车型累计销量破 10 万辆。", c("10 万辆", 100000, "辆", "more_than", metric="销量")),
    row("diepo", "北京楼市日均成交上周跌破300套。", c("300套", 300, "套", "less_than", kind="level")),
    row("unit-word-opening-another-word", "继前天奥体文化园商业用地拍出48亿天价之后，昨日又一地王诞生。",
        c("48亿", 4800000000, None)),
    row("jiejin", "该应用日活跃用户接近 2 亿。", c("2 亿", 200000000, None, "approx", metric="日活跃用户")),
    row("dayue", "发布会现场大约 300 人参加。", c("300 人", 300, "人", "approx")),
    row("diyu", "星海控股的坏账率低于 3%。", c("3%", 3, "%", "less_than", subject="星海控股")),
    row("buchaoguo", "单笔贷款金额不超过 20 亿元。", c("20 亿元", 2000000000, "CNY", "at_most")),
    row("zhiduo", "每位用户至多可领取 5 张优惠券。", c("5 张", 5, "张", "at_most")),
    row("jiangjin", "鼎新控股的海外员工将近 4000 人。", c("4000 人", 4000, "人", "approx")),
    row("zuiduo", "每个账号最多绑定 3 台设备。", c("3 台", 3, "台", "at_most")),

    # ------------------------------------------------------------------ ranges
    row("range-yi-zhi-yi-yuan", "华岳集团预计今年净利润为 6 亿至 8 亿元。",
        c("6 亿至 8 亿元", 600000000, "CNY", value_max=800000000, metric="净利润", modality="forecast",
          period=P("今年", "2023-01-01", "2023-12-31"))),
    row("range-dash-wan", "单个门店的装修投入约 10-20 万。", c("10-20 万", 100000, None, "approx", value_max=200000)),
    row("range-tilde-percent", "业内预计明年行业增速在 10～20%。",
        c("10～20%", 10, "%", value_max=20, modality="forecast", period=P("明年", "2024-01-01", "2024-12-31"))),
    row("range-magnitude-second", "星海控股拟募资 50 至 80 亿美元。",
        c("50 至 80 亿美元", 5000000000, "USD", value_max=8000000000, modality="target")),
    row("range-count", "每场直播邀请 3 到 5 家品牌参与。", c("3 到 5 家", 3, "家", value_max=5)),
    row("range-percent-both", "今年以来该板块股价上涨了 15%-20%。",
        c("15%-20%", 15, "%", value_max=20, kind="change", direction="up")),
    row("range-wan-yuan", "该岗位月薪为 1.5 万至 2 万元。", c("1.5 万至 2 万元", 15000, "CNY", value_max=20000)),
    row("range-cheng", "蓝鲸集团二至三成的收入来自会员业务。", c("二至三成", 20, "%", value_max=30)),

    # ------------------------------------------------------------------ currencies and units
    row("rmb-suffix", "云帆科技公司完成 5 亿人民币 B 轮融资。", c("5 亿人民币", 500000000, "CNY", subject="云帆科技公司")),
    row("yuan-rmb-suffix", "鼎新控股拟以 10 亿元人民币收购一家物流公司。", c("10 亿元人民币", 1000000000, "CNY", modality="target")),
    row("rmb-prefix", "该笔交易金额为人民币 3 亿元。", c("3 亿元", 300000000, "CNY")),
    row("usd-wan", "远山资本向该项目投资 3000 万美元。", c("3000 万美元", 30000000, "USD", subject="远山资本")),
    row("usd-yi", "华岳集团去年海外收入达 12 亿美元。",
        c("12 亿美元", 1200000000, "USD", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("hkd", "星海控股昨日收报每股 55.5 港元。", c("55.5 港元", 55.5, "HKD", subject="星海控股")),
    row("hkd-yi", "蓝鲸集团在港上市募资 80 亿港元。", c("80 亿港元", 8000000000, "HKD", metric="募资")),
    row("eur", "朗峰汽车集团在德国投资 5000 万欧元建厂。", c("5000 万欧元", 50000000, "EUR")),
    row("jpy", "北辰银行向东京子公司注资 20 亿日元。", c("20 亿日元", 2000000000, "JPY")),
    row("gbp", "远山资本以 3 亿英镑收购伦敦一家软件公司。", c("3 亿英镑", 300000000, "GBP")),
    row("yen-symbol-prefix", "这款耳机的售价为 ¥399。", c("399", 399, "CNY", metric="售价")),
    row("usd-symbol-prefix", "该公司估值达 US$5 亿。", c("5 亿", 500000000, "USD", metric="估值")),
    row("percentage-points-down", "鼎新控股净利率下降 3 个百分点。",
        c("3 个百分点", 3, "pp", kind="change", direction="down", metric="净利率")),
    row("percentage-points-no-ge", "毛利率同比提升 1.2 百分点。",
        c("1.2 百分点", 1.2, "pp", kind="change", direction="up", basis="yoy", metric="毛利率")),
    row("bei-change", "蓝鲸集团海外订单增长 30 倍。", c("30 倍", 30, "x", kind="change", direction="up")),
    row("bei-level", "今年上半年的销量是去年同期的 3 倍。", c("3 倍", 3, "x", kind="level")),
    row("fanfan", "云帆科技公司的海外收入实现翻番。", c("翻番", 2, "x", kind="change", direction="up")),
    row("fan-le-yi-fan", "星海控股去年利润翻了一番。",
        c("翻了一番", 2, "x", kind="change", direction="up", metric="利润", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("fan-liang-fan", "华岳集团计划五年内营收翻两番。", c("翻两番", 4, "x", modality="target")),
    row("plan-window-is-no-claim", "蓝鲸集团计划三年内开设 1000 家门店。",
        c("1000 家", 1000, "家", modality="target", period=None)),
    row("deadline-window-is-no-claim", "星海控股将在 30 天内完成交付。"),
    row("duration-level-with-nei", "华岳集团交付周期缩短至 30 天内。", c("30 天", 30, "天", metric="交付周期")),
    row("gwh", "北辰储能科技公司上半年装机量达 3.5GWh。", c("3.5GWh", 3.5, "GWh")),
    row("tonnes", "金穗集团去年粮食收购量为 20 万吨。",
        c("20 万吨", 200000, "吨", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("square-metres", "新园区建筑面积为 1.5 万平方米。", c("1.5 万平方米", 15000, "平方米", metric="面积")),
    row("kilometres", "朗峰汽车集团新车的续航里程为 620 公里。", c("620 公里", 620, "公里")),
    row("megawatt", "该风电项目总装机容量 500 兆瓦。", c("500 兆瓦", 500, "兆瓦")),
    row("inch", "这款笔记本电脑配备 14 英寸屏幕。", c("14 英寸", 14, "英寸")),
    row("inch-fraction", "该相机搭载一枚 1/2.3 英寸的感光元件。", c("1/2.3 英寸", pytest.approx(1 / 2.3), "英寸")),
    row("millimetre-range", "新镜头的焦距覆盖 28mm 至 200mm。", c("28mm 至 200mm", 28, "mm", value_max=200)),
    row("centimetre", "云帆手机的微距拍摄距离仅为 1cm。", c("1cm", 1, "cm")),
    row("gigabyte", "该机型内置 256GB 存储空间。", c("256GB", 256, "GB")),
    row("pixels", "北辰影像新款相机拥有 2400 万像素。", c("2400 万像素", 24000000, "像素")),
    row("qian-mi-unit", "朗峰汽车集团的测试车队已累计行驶 80 千米。", c("80 千米", 80, "千米")),
    row("qian-ke-unit", "该款无人机的最大载重为 25 千克。", c("25 千克", 25, "千克")),
    row("qian-wa-shi-unit", "北辰储能电站单日放电 6000 千瓦时。", c("6000 千瓦时", 6000, "千瓦时")),
    row("measure-jia", "蓝鲸集团今年新开 120 家门店。",
        c("120 家", 120, "家", metric="门店", period=P("今年", "2023-01-01", "2023-12-31"))),
    row("measure-ren", "华岳集团目前共有员工 3200 人。", c("3200 人", 3200, "人", metric="员工")),
    row("measure-chang", "品牌方在 8 月共举办直播 45 场。", c("45 场", 45, "场", period=P("8 月", "2023-08-01", "2023-08-31"))),
    row("measure-dan", "该平台日均订单量突破 300 万单。",
        c("300 万单", 3000000, "单", "more_than", metric="日均订单量")),
    row("measure-gu", "董事长张立新增持公司股份 500 万股。", c("500 万股", 5000000, "股", metric="增持")),
    row("share-dealing-after-count", "北辰控股将质押的公司股份约 3000 万股解除质押。",
        c("3000 万股", 30000000, "股", "approx", metric="解除质押", subject="北辰控股")),
    row("share-dealing-noun-after-count", "张立新为 626 万股质押股份办理了解除质押手续，同时对所持的 555 万股进行了再质押。",
        c("626 万股", 6260000, "股", metric="质押股份"), c("555 万股", 5550000, "股", metric="再质押")),
    row("share-dealing-named-shares-win", "华岳集团拟向远山资本转让 1200 万股股份。",
        c("1200 万股", 12000000, "股", metric="股份")),
    row("measure-renci", "暑期景区累计接待游客 300 万人次。", c("300 万人次", 3000000, "人次")),
    row("measure-ge", "远山资本去年投资了 26 个项目。",
        c("26 个", 26, "个", metric="项目", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("measure-liang", "朗峰汽车集团 7 月销量为 2.3 万辆。", c("2.3 万辆", 23000, "辆", metric="销量")),
    row("measure-tai", "该工厂每年可生产 50 万台空调。", c("50 万台", 500000, "台")),
    row("measure-ci", "该功能上线首日被调用 1200 万次。", c("1200 万次", 12000000, "次")),
    row("noun-not-measure-word", "超过 50 万商家在平台上开店。", c("50 万", 500000, None, "more_than")),

    # ------------------------------------------------------------------ changes and levels
    row("yoy-up", "蓝鲸集团上半年营收同比增长 12.5%。",
        c("12.5%", 12.5, "%", kind="change", direction="up", basis="yoy", metric="营收", subject="蓝鲸集团")),
    row("qoq-down", "星海控股二季度净利润环比下降 3.2%。",
        c("3.2%", 3.2, "%", kind="change", direction="down", basis="qoq", metric="净利润")),
    row("yoy-long-form-money", "华岳集团净利润较去年同期减少 2.1 亿元。",
        c("2.1 亿元", 210000000, "CNY", kind="change", direction="down", basis="yoy", metric="净利润")),
    row("qoq-long-form", "该平台活跃用户数较上季度增长 8%。",
        c("8%", 8, "%", kind="change", direction="up", basis="qoq", metric="活跃用户数")),
    row("shorten-percent", "新系统使平均配送时长缩短 20%。",
        c("20%", 20, "%", kind="change", direction="down", basis=None, metric="时长")),
    row("from-to-shorten-days", "审批时间从 45 天缩短至 18 天。",
        c("45 天", 45, "天", kind="level"), c("18 天", 18, "天", kind="level")),
    row("from-to-grow-people", "云帆科技公司的员工人数从 800 人增长至 1200 人。",
        c("800 人", 800, "人", kind="level", metric="员工人数"), c("1200 人", 1200, "人", kind="level", metric="员工人数")),
    row("change-then-level", "该平台 DAU 同比增长 17% 达 3.46 亿。",
        c("17%", 17, "%", kind="change", direction="up", basis="yoy", metric="DAU"),
        c("3.46 亿", 346000000, None, kind="level", metric="DAU")),
    row("change-then-level-zhi", "蓝鲸集团 GMV 同比增长 47.7% 至 1200 亿元。",
        c("47.7%", 47.7, "%", kind="change", direction="up", basis="yoy", metric="GMV", subject="蓝鲸集团"),
        c("1200 亿元", 120000000000, "CNY", kind="level", metric="GMV", subject="蓝鲸集团")),
    row("level-then-change", "华岳集团营收达 50 亿元，同比增长 30%。",
        c("50 亿元", 5000000000, "CNY", kind="level", metric="营收", subject="华岳集团"),
        c("30%", 30, "%", kind="change", direction="up", basis="yoy", metric="营收", subject="华岳集团")),
    row("gaochu", "该产品的转化率高出行业平均水平 35%。", c("35%", 35, "%", kind="change", direction="up")),
    row("xiahua", "受需求疲软影响，鼎新控股出货量同比下滑 8%。",
        c("8%", 8, "%", kind="change", direction="down", basis="yoy", metric="出货量")),
    row("jiangzhi-level", "北辰银行不良贷款率降至 1.5%。", c("1.5%", 1.5, "%", kind="level", direction=None)),
    row("tisheng-dao-level", "星海控股的线上渠道占比提升到 40%。", c("40%", 40, "%", kind="share")),
    row("tigao-zhi-level", "蓝鲸集团将该计划的单店补贴提高至 5000 元。",
        c("5000 元", 5000, "CNY", kind="level", modality="reported")),
    row("bei-yoy", "云帆科技公司海外营收同比增长 1.2 倍。",
        c("1.2 倍", 1.2, "x", kind="change", direction="up", basis="yoy")),
    row("change-count-up", "朗峰汽车集团 7 月销量同比增加 2 万辆。",
        c("2 万辆", 20000, "辆", kind="change", direction="up", basis="yoy", metric="销量")),
    row("change-count-down", "今年鼎新控股员工减少 300 人。",
        c("300 人", 300, "人", kind="change", direction="down", metric="员工")),
    row("change-pp-then-level", "蓝鲸集团市场份额下降 1.5 个百分点至 18.2%。",
        c("1.5 个百分点", 1.5, "pp", kind="change", direction="down", metric="市场份额"),
        c("18.2%", 18.2, "%", metric="市场份额")),
    row("change-down-then-loss-level", "华岳集团营收同比下滑 15%，亏损扩大至 3 亿元。",
        c("15%", 15, "%", kind="change", direction="down", basis="yoy", metric="营收"),
        c("3 亿元", 300000000, "CNY", kind="level", metric="亏损")),
    row("shangzhang", "受利好消息影响，星海控股股价上涨 5.6%。",
        c("5.6%", 5.6, "%", kind="change", direction="up", metric="股价")),
    row("zengzhi-level", "北辰银行总资产增至 2.3 万亿元。", c("2.3 万亿元", 2300000000000, "CNY", kind="level", metric="总资产")),
    row("from-to-money", "蓝鲸集团研发投入从 8 亿元提升至 12 亿元。",
        c("8 亿元", 800000000, "CNY", kind="level", metric="研发投入"),
        c("12 亿元", 1200000000, "CNY", kind="level", metric="研发投入")),
    row("two-changes", "星海控股营收同比增长 20%，净利润同比下降 5%。",
        c("20%", 20, "%", kind="change", direction="up", basis="yoy", metric="营收"),
        c("5%", 5, "%", kind="change", direction="down", basis="yoy", metric="净利润")),

    # ------------------------------------------------------------------ shares and ranks
    row("change-then-level-shares", "长盛基金在四季度增持 77.1 万股至 344.45 万股。",
        c("77.1 万股", 771000, "股", kind="change", direction="up", metric="增持"),
        c("344.45 万股", 3444500, "股", kind="level", metric=None)),
    row("range-after-change-verb", "预计今年营收增长 6 亿至 8 亿元。",
        c("6 亿至 8 亿元", 600000000, "CNY", value_max=800000000, kind="change")),
    row("change-then-level-stores", "蓝鲸集团今年门店减少 3 家至 120 家。",
        c("3 家", 3, "家", kind="change", direction="down"), c("120 家", 120, "家", kind="level")),
    row("share-of-total", "蓝鲸集团海外业务收入占总营收的 65.1%。", c("65.1%", 65.1, "%", kind="share", subject="蓝鲸集团")),
    row("share-zhanbi", "华岳集团女性用户占比达 58%。", c("58%", 58, "%", kind="share")),
    row("share-zhan-cheng", "线上销售额占星海控股总销售额的三成。", c("三成", 30, "%", kind="share")),
    row("share-bizhong", "研发人员比重为 42%。", c("42%", 42, "%", kind="share")),
    row("change-list-after-respectively", "服装、日用品和家电类商品网上销售额分别增长 10.2%、8.5% 和 6.3%。",
        c("10.2%", 10.2, "%", kind="change", direction="up"), c("8.5%", 8.5, "%", kind="change", direction="up"),
        c("6.3%", 6.3, "%", kind="change", direction="up")),
    row("share-of-a-group-opened-by-qizhong", "年度活跃商户超过 400 万家，其中中小商户占比约为 78%。",
        c("400 万家", 4000000, "家", "more_than"), c("78%", 78, "%", "approx", kind="share", metric="中小商户占比")),
    row("rank-weilie", "蓝鲸集团在行业榜单中位列第三。", c("第三", 3, None, kind="rank", subject="蓝鲸集团")),
    row("rank-paiming-arabic", "星海控股的营收规模排名第 5。", c("第 5", 5, None, kind="rank")),
    row("rank-weiju", "华岳集团的市场份额位居第一。", c("第一", 1, None, kind="rank", metric="市场份额")),
    row("rank-with-scope", "金穗集团的出口额位居全国第二。", c("第二", 2, None, kind="rank", metric="出口额")),
    row("rank-jushen", "云帆科技公司跻身行业第 4 位。", c("第 4", 4, None, kind="rank")),

    # ------------------------------------------------------------------ periods
    row("period-year-quarter", "2022 年第一季度，蓝鲸集团营收 12 亿元。",
        c("12 亿元", 1200000000, "CNY", period=P("2022 年第一季度", "2022-01-01", "2022-03-31"), subject="蓝鲸集团")),
    row("period-q-letter", "星海控股 2023 年 Q2 营收 8 亿元。",
        c("8 亿元", 800000000, "CNY", period=P("2023 年 Q2", "2023-04-01", "2023-06-30"))),
    row("period-q-bare", "云帆科技公司 Q1 净利润为 1.2 亿元。",
        c("1.2 亿元", 120000000, "CNY", period=P("Q1", "2023-01-01", "2023-03-31"))),
    row("period-erjidu", "二季度，华岳集团净利润 3 亿元。",
        c("3 亿元", 300000000, "CNY", period=P("二季度", "2023-04-01", "2023-06-30"))),
    row("period-xiabannian", "鼎新控股预计下半年营收将达 20 亿元。",
        c("20 亿元", 2000000000, "CNY", modality="forecast", period=P("下半年", "2023-07-01", "2023-12-31"))),
    row("period-qiansanjidu", "前三季度，金穗集团实现营收 45 亿元。",
        c("45 亿元", 4500000000, "CNY", period=P("前三季度", "2023-01-01", "2023-09-30")), published="2023-10-28"),
    row("period-quannian", "蓝鲸集团预计全年营收将达 100 亿元。",
        c("100 亿元", 10000000000, "CNY", modality="forecast", period=P("全年", "2023-01-01", "2023-12-31"))),
    row("period-jinnian", "今年星海控股计划新开 50 家门店。",
        c("50 家", 50, "家", modality="target", subject="星海控股", period=P("今年", "2023-01-01", "2023-12-31"))),
    row("period-qunian", "去年华岳集团营收 80 亿元。",
        c("80 亿元", 8000000000, "CNY", period=P("去年", "2022-01-01", "2022-12-31"))),
    row("period-jinnian-month", "今年 6 月，朗峰汽车集团交付新车 1.8 万辆。",
        c("1.8 万辆", 18000, "辆", period=P("今年 6 月", "2023-06-01", "2023-06-30"))),
    row("period-jiezhi", "截至 6 月 30 日，北辰银行存款余额为 1.1 万亿元。",
        c("1.1 万亿元", 1100000000000, "CNY", period=P("截至 6 月 30 日", None, "2023-06-30"))),
    row("period-guoqu-yinian", "过去一年，云帆科技公司服务企业客户 1.2 万家。",
        c("1.2 万家", 12000, "家", period=P("过去一年", "2022-08-16", "2023-08-15"))),
    row("period-weilai-sannian", "远山资本承诺未来三年投入 100 亿元。",
        c("100 亿元", 10000000000, "CNY", modality="commitment", period=P("未来三年"))),
    row("period-carry-year", "2022 年，蓝鲸集团营收 50 亿元，净利润 5 亿元。",
        c("50 亿元", 5000000000, "CNY", metric="营收", period=P("2022 年", "2022-01-01", "2022-12-31")),
        c("5 亿元", 500000000, "CNY", metric="净利润", period=P("2022 年", "2022-01-01", "2022-12-31"))),
    row("period-carry-three", "今年上半年，星海控股营收 20 亿元，同比增长 10%，净利润 2 亿元。",
        c("20 亿元", 2000000000, "CNY", period=P("今年上半年", "2023-01-01", "2023-06-30")),
        c("10%", 10, "%", kind="change", period=P("今年上半年", "2023-01-01", "2023-06-30")),
        c("2 亿元", 200000000, "CNY", metric="净利润", period=P("今年上半年", "2023-01-01", "2023-06-30"))),
    row("period-two-in-sentence", "华岳集团去年营收 10 亿元，今年上半年营收 8 亿元。",
        c("10 亿元", 1000000000, "CNY", period=P("去年", "2022-01-01", "2022-12-31")),
        c("8 亿元", 800000000, "CNY", period=P("今年上半年", "2023-01-01", "2023-06-30"))),
    row("period-qunian-q4", "去年第四季度，鼎新控股亏损 1.3 亿元。",
        c("1.3 亿元", 130000000, "CNY", period=P("去年第四季度", "2022-10-01", "2022-12-31"))),
    row("period-year-quannian", "2021 年全年，金穗集团营收 30 亿元。",
        c("30 亿元", 3000000000, "CNY", period=P("2021 年全年", "2021-01-01", "2021-12-31"))),
    row("period-month-fen", "5 月份，该平台新增用户 300 万。",
        c("300 万", 3000000, None, period=P("5 月份", "2023-05-01", "2023-05-31"))),
    row("period-jinnian-qian-n-yue", "今年前 7 个月，朗峰汽车集团累计销量 12 万辆。",
        c("12 万辆", 120000, "辆", period=P("今年前 7 个月", "2023-01-01", "2023-07-31"))),
    row("period-none-muqian", "目前蓝鲸集团员工总数为 6000 人。", c("6000 人", 6000, "人", period=None)),
    row("period-previous-year-published", "去年金穗集团净利润 4 亿元。",
        c("4 亿元", 400000000, "CNY", period=P("去年", "2020-01-01", "2020-12-31")), published="2021-03-02"),

    # ------------------------------------------------------------------ modality
    row("modality-yuji", "云帆物流集团预计明年营收将突破 50 亿元。",
        c("50 亿元", 5000000000, "CNY", "more_than", modality="forecast", period=P("明年", "2024-01-01", "2024-12-31"))),
    row("modality-jiang-future", "星海控股明年将新增 200 家门店。", c("200 家", 200, "家", modality="forecast")),
    row("modality-jihua", "华岳集团计划到 2025 年门店数达到 1000 家。",
        c("1000 家", 1000, "家", modality="target", metric="门店数")),
    row("modality-mubiao", "朗峰汽车集团的目标是年销量达到 50 万辆。", c("50 万辆", 500000, "辆", modality="target", metric="销量")),
    row("modality-chengnuo", "蓝鲸集团承诺为商家减免佣金 10 亿元。", c("10 亿元", 1000000000, "CNY", modality="commitment")),
    row("modality-youwang", "鼎新控股今年有望实现营收 30 亿元。", c("30 亿元", 3000000000, "CNY", modality="forecast")),
    row("modality-jiang-touru", "华岳集团将投入 20 亿元建设研发中心。", c("20 亿元", 2000000000, "CNY", modality="commitment")),
    row("modality-denied", "网传蓝鲸集团将裁员 3000 人，公司回应称消息不实。", c("3000 人", 3000, "人", modality="denied")),
    row("modality-denied-fouren", "有消息称星海控股将以 50 亿元收购对手，星海控股予以否认。",
        c("50 亿元", 5000000000, "CNY", modality="denied")),
    row("modality-hypothetical", "假设原材料价格上涨 10%，公司毛利率将下降约 2 个百分点。",
        c("10%", 10, "%", kind="change", direction="up", modality="hypothetical"),
        c("2 个百分点", 2, "pp", "approx", kind="change", direction="down", metric="毛利率")),
    row("modality-hypothetical-ruguo", "如果年产量达到 50 万吨，该项目将实现盈利。",
        c("50 万吨", 500000, "吨", modality="hypothetical")),
    row("modality-jiang-as-ba", "蓝鲸集团已将员工培训预算提升至 800 万元。", c("800 万元", 8000000, "CNY", modality="reported")),
    row("modality-clause-scope", "金穗集团去年营收 10 亿元，预计今年将达 15 亿元。",
        c("10 亿元", 1000000000, "CNY", modality="reported", period=P("去年", "2022-01-01", "2022-12-31")),
        c("15 亿元", 1500000000, "CNY", modality="forecast", period=P("今年", "2023-01-01", "2023-12-31"))),
    row("modality-ni", "远山资本拟募资 15 亿元。", c("15 亿元", 1500000000, "CNY", modality="target", metric="募资")),
    row("modality-reported-plain", "蓝鲸集团上月完成交付 3 万台。", c("3 万台", 30000, "台", modality="reported")),

    # ------------------------------------------------------------------ subject and metric
    row("metric-of-the-compared-amount", "华岳集团上月实现零售额 410 亿元，比去年同期增长了 19%。",
        c("410 亿元", 41000000000, "CNY", metric="零售额"), c("19%", 19, "%", metric="零售额", kind="change")),
    row("metric-of-the-compared-spec", "北辰X9采用了 3.0 英寸 46 万像素的液晶显示屏，较前代的 2.7 英寸有所提高。",
        c("3.0 英寸", 3.0, "英寸", metric="液晶显示屏"), c("46 万像素", 460000, "像素"),
        c("2.7 英寸", 2.7, "英寸", metric="液晶显示屏")),
    row("metric-past-a-second-spec", "星河X5配备了一块3.0英寸约23万像素带抗反光涂层的TFT材质LCD触摸屏。",
        c("3.0英寸", 3.0, "英寸", metric="TFT材质LCD触摸屏"), c("23万像素", 230000, "像素", "approx", metric="TFT材质LCD触摸屏")),
    row("period-not-the-comparison-base", "华岳集团2022年第四季度营收 328.6 亿元，较去年同期增长 14.2%，去年同期为亏损 8.1 亿元。",
        c("328.6 亿元", 32860000000, "CNY", period=P("2022年第四季度", "2022-10-01", "2022-12-31")),
        c("14.2%", 14.2, "%", kind="change", basis="yoy", period=P("2022年第四季度", "2022-10-01", "2022-12-31")),
        c("8.1 亿元", 810000000, "CNY", period=P("去年同期", "2021-10-01", "2021-12-31"))),
    row("period-of-a-base-level-kept", "8月均价2.5万元，比7月的均价 1.8 万元高出 38.2%。",
        c("2.5万元", 25000, "CNY", period=P("8月", "2023-08-01", "2023-08-31")),
        c("1.8 万元", 18000, "CNY", period=P("7月", "2023-07-01", "2023-07-31")),
        c("38.2%", 38.2, "%", kind="change")),
    row("metric-counted-nouns-up-to-the-verb", "星河电商启动“繁星计划”，未来三年将扶持 10 万家中小商家成长。",
        c("10 万家", 100000, "家", metric="中小商家", subject="繁星计划")),
    row("metric-not-cut-through-a-word", "今年平台计划新增服务商 500 家。", c("500 家", 500, "家", metric="新增服务商")),
    row("metric-share-named-in-clause", "截至9月30日，华岳集团员工总数为 1.2 万人，其中研发人员占比超过六成。",
        c("1.2 万人", 12000, "人", subject="华岳集团"), c("六成", 60, "%", "more_than", kind="share", metric="研发人员占比")),
    row("metric-funding-round", "青禾智能宣布完成 5 亿元C轮融资。", c("5 亿元", 500000000, "CNY", metric="C轮融资")),
    row("metric-and-period-of-a-share-moving", "今年上半年，海外收入占比从去年的 15% 提升至 35%。",
        c("15%", 15, "%", metric="海外收入占比", period=P("去年", "2022-01-01", "2022-12-31")),
        c("35%", 35, "%", metric="海外收入占比", period=P("今年上半年", "2023-01-01", "2023-06-30"))),
    row("subject-a-market", "艾瑞咨询数据显示，2022年中国扫地机器人市场规模约为 150 亿元。",
        c("150 亿元", 15000000000, "CNY", "approx", subject_text="中国扫地机器人市场")),
    row("subject-the-product-a-company-owns", "星海集团旗下产品“星海T8”自上市以来，累计销量已达 20 万台。",
        c("20 万台", 200000, "台", metric="销量", subject="星海T8")),
    row("metric-own-measure-beats-an-earlier-one", "零售金融业务营收占比为 52.3%，零售客户数突破 1.6 亿户。",
        c("52.3%", 52.3, "%", kind="share"), c("1.6 亿户", 160000000, "户", "more_than", metric="零售客户数")),
    row("metric-after-a-target-word", "全年绿色贷款余额力争突破 8000 亿元。",
        c("8000 亿元", 800000000000, "CNY", "more_than", metric="绿色贷款余额", modality="target")),
    row("basis-none-against-year-end", "资产总额达到 10.2 万亿元，较上年末增长 7.3%。",
        c("10.2 万亿元", 10200000000000, "CNY"), c("7.3%", 7.3, "%", kind="change", direction="up", basis=None)),
    row("period-base-of-an-earlier-clause", "截至6月末，资产总额较上年末增长 7.3%；不良贷款率为 1.12%。",
        c("7.3%", 7.3, "%", kind="change", period=P("截至6月末", None, "2023-06-30")),
        c("1.12%", 1.12, "%", metric="不良贷款率", period=P("截至6月末", None, "2023-06-30"))),
    row("subject-continues-through-the-sentence", "北辰集团推出新一代储能系统“能量塔”。该产品单柜容量达 5 兆瓦时，较上一代提升约四成，循环寿命超过一万二千次。",
        c("5 兆瓦时", 5, "兆瓦时", metric="容量", subject="能量塔"), c("四成", 40, "%", "approx", kind="change", subject="能量塔"),
        c("一万二千次", 12000, "次", "more_than", metric="循环寿命", subject="能量塔")),
    row("metric-keeps-a-measure-word-whole", "北辰集团总产能规划达到 30 吉瓦时，将新建一座年产能 10 吉瓦时的工厂。",
        c("30 吉瓦时", 30, "吉瓦时", metric="总产能"), c("10 吉瓦时", 10, "吉瓦时", metric="年产能")),
    row("nearly-after-a-change-verb-is-no-period", "星海视频旗下应用“风铃”日均使用时长已超过 90 分钟，较去年同期增加了近 20 分钟。",
        c("90 分钟", 90, "分钟", "more_than", subject="风铃"),
        c("20 分钟", 20, "分钟", "approx", kind="change", direction="up", subject="风铃")),
    row("target-plan-before-a-listed-verb", "下半年平台计划上线超过 30 部自制剧集。",
        c("30 部", 30, "部", "more_than", modality="target")),
    row("subject-not-the-users-of-a-measure", "星海集团日活跃用户数达到 2 亿。平均月活跃用户数为 6.1 亿。",
        c("2 亿", 200000000, None, subject="星海集团"), c("6.1 亿", 610000000, None, subject="星海集团")),
    row("subject-of-own-staff-measure", "华岳集团预计到2025年营收将达到 30 亿元，员工规模将扩大至 2000 人左右。",
        c("30 亿元", 3000000000, "CNY", subject="华岳集团"), c("2000 人", 2000, "人", "approx", subject="华岳集团")),
    row("period-month-range", "1至9月，远川汽车累计交付量达到 19.6 万辆。",
        c("19.6 万辆", 196000, "辆", metric="交付量", period=P("1至9月", "2023-01-01", "2023-09-30"))),
    row("metric-after-a-duration", "新车型上市30天订单已突破 5 万台。",
        c("30天", 30, "天"), c("5 万台", 50000, "台", "more_than", metric="订单")),
    row("metric-own-measure-after-a-metric-word", "用户累计行驶里程超过一亿公里。",
        c("一亿公里", 100000000, "公里", "more_than", metric="行驶里程")),
    row("metric-not-a-place-word", "公司预计第四季度交付量将在 9 万至 10 万辆之间。",
        c("9 万至 10 万辆", 90000, "辆", value_max=100000, metric="交付量", modality="forecast")),
    row("share-after-a-colon", "华岳集团主营业务为电梯配件、智能车库，占营收比例分别为：93.7%、5.01%。",
        c("93.7%", 93.7, "%", kind="share"), c("5.01%", 5.01, "%", kind="share")),
    row("metric-and-period-around-a-colon", "每经AI快讯，华岳光电（SH 600703，收盘价：25.07元）6月2日下午发布公告称，公司股东将解除质押。",
        c("25.07元", 25.07, "CNY", metric="收盘价", period=None)),
    row("metric-before-trailing-adverbs", "截至年底，星海成长基金的股票仓位仍然高达 85%。",
        c("85%", 85, "%", metric="股票仓位", subject="星海成长基金")),
    row("metric-without-opening-pronoun", "今年以来其仓位已降至 60%。", c("60%", 60, "%", metric="仓位")),
    row("metric-ratio-noun-kept-whole", "华岳集团的储采比为 14 年。", c("14 年", 14, "年", metric="储采比")),
    row("no-metric-from-a-list-connector", "目前有 2 只指数型基金和 12 只偏股型基金。",
        c("2 只", 2, "只", metric=None), c("12 只", 12, "只", metric=None)),
    row("subject-gongsi-anaphora", "华岳控股发布公告，公司上半年净利润 3 亿元。",
        c("3 亿元", 300000000, "CNY", subject="华岳控股", metric="净利润")),
    row("subject-gaigongsi", "记者从远山资本获悉，该公司管理资产规模超过 500 亿元。",
        c("500 亿元", 50000000000, "CNY", "more_than", subject="远山资本")),
    row("subject-qi", "星海控股表示，其海外收入同比增长 40%。",
        c("40%", 40, "%", kind="change", basis="yoy", subject="星海控股")),
    row("subject-qi-product", "蓝鲸集团推出新款手机蓝鲸X9，其配置了 39 个场景模式。",
        c("39 个", 39, "个", metric="场景模式", subject="蓝鲸X9")),
    row("subject-tamen", "金穗集团负责人说，他们今年新增了 30 家门店。", c("30 家", 30, "家", subject="金穗集团")),
    row("subject-two-orgs", "蓝鲸集团营收 20 亿元，星海控股营收 15 亿元。",
        c("20 亿元", 2000000000, "CNY", subject="蓝鲸集团", metric="营收"),
        c("15 亿元", 1500000000, "CNY", subject="星海控股", metric="营收")),
    row("subject-programme-scope", "“启明计划”上线一年来，已有超过 3 万家企业获得扶持。",
        c("3 万家", 30000, "家", "more_than", subject="启明计划")),
    row("subject-programme-anaphora", "蓝鲸集团去年推出“春笋计划”，该计划已覆盖 2 万名创作者。",
        c("2 万名", 20000, "名", subject="春笋计划")),
    row("subject-carried-from-previous-sentence", "蓝鲸集团发布财报，旗下星海控股 GMV 增长 30%。全年活跃买家超过 2000 万。",
        c("30%", 30, "%", kind="change", subject="星海控股"), c("2000 万", 20000000, None, "more_than", subject="星海控股")),
    row("subject-paragraph-topic-after-a-break", "蓝鲸集团发布财报，旗下星海控股 GMV 增长 30%。\n全年活跃买家超过 2000 万。",
        c("30%", 30, "%", kind="change", subject="星海控股"), c("2000 万", 20000000, None, "more_than", subject="蓝鲸集团")),
    row("subject-first-name-in-sentence", "华岳集团表示，上半年新签合同额 80 亿元。",
        c("80 亿元", 8000000000, "CNY", subject="华岳集团")),
    row("subject-not-person", "蓝鲸集团董事长张立新透露，公司今年营收将超过 100 亿元。",
        c("100 亿元", 10000000000, "CNY", "more_than", subject="蓝鲸集团", modality="forecast")),
    row("subject-org-ending-dianzi", "北辰电子有限公司上半年出货量超过 200 万台。",
        c("200 万台", 2000000, "台", "more_than", subject="北辰电子有限公司", metric="出货量")),
    row("metric-gmv", "618 期间，星海控股 GMV 同比增长 35%。",
        c("35%", 35, "%", kind="change", metric="GMV", subject="星海控股")),
    row("metric-dau", "云帆科技公司旗下应用 DAU 达 1.2 亿。", c("1.2 亿", 120000000, None, metric="DAU")),
    row("metric-huoyue-maijia", "该平台活跃买家数超过 5000 万。", c("5000 万", 50000000, None, "more_than", metric="活跃买家数")),
    row("metric-yuangong-renshu", "鼎新控股员工人数达 1.5 万人。", c("1.5 万人", 15000, "人", metric="员工人数")),
    row("metric-yanfa", "金穗集团去年研发投入 12 亿元。", c("12 亿元", 1200000000, "CNY", metric="研发投入")),
    row("metric-maolilv", "华岳集团毛利率为 28.5%。", c("28.5%", 28.5, "%", metric="毛利率")),
    row("metric-guimu", "北辰银行上半年归母净利润 5.6 亿元。", c("5.6 亿元", 560000000, "CNY", metric="归母净利润")),
    row("metric-yingye-shouru", "蓝鲸集团营业收入 30 亿元。", c("30 亿元", 3000000000, "CNY", metric="营业收入")),
    row("metric-counted-noun", "远山资本今年新增 200 家被投企业。", c("200 家", 200, "家", metric="被投企业")),
    row("metric-after-number", "星海控股实现 12 亿元营收。", c("12 亿元", 1200000000, "CNY", metric="营收")),
    row("metric-device-part-after-spec", "该相机配备一块 3.0 英寸 46 万像素的 HVGA 液晶显示屏。",
        c("3.0 英寸", 3, "英寸", metric="HVGA 液晶显示屏"), c("46 万像素", 460000, "像素", metric="HVGA 液晶显示屏")),
    row("metric-device-part-past-de", "这款摄像机可拍摄 101 小时的高清视频。", c("101 小时", 101, "小时", metric="高清视频")),
    row("metric-spec-linked-before", "它采用总像素为 663 万的 CMOS 传感器。", c("663 万", 6630000, None, metric="总像素")),
    row("subject-group-before-count", "目前正在募集的理财产品共有 26 只。",
        c("26 只", 26, "只", subject_text="理财产品", metric="理财产品")),
    row("metric-group-total-before-count", "获批资格的外资机构总数已达到 79 家。",
        c("79 家", 79, "家", subject_text="外资机构", metric="外资机构总数")),
    row("subject-counted-group-after", "本月 17 家新券商扎堆设立营业部。", c("17 家", 17, "家", subject_text="新券商")),
    row("subject-list-of-examples", "蓝鲸集团、星海控股等 12 家企业入选名单。", c("12 家", 12, "家", subject_text="企业")),
    row("subject-count-near-holding-verb", "前十大股东中 6 家机构合计持股 3000 万股。",
        c("6 家", 6, "家", subject_text="机构"), c("3000 万股", 30000000, "股", subject_text="机构")),
    row("subject-suo-clause-head-before-metric", "蓝鲸集团所投资的企业营收平均增长 25%。",
        c("25%", 25, "%", kind="change", metric="营收", subject_text="蓝鲸集团所投资的企业")),
    row("subject-suo-clause-head-after-number", "星海控股所服务的月销售额首次突破 100 万商家，复购率平均提升 12%。",
        c("100 万", 1000000, None, "more_than", subject_text="星海控股所服务的商家"),
        c("12%", 12, "%", kind="change", metric="复购率", subject_text="星海控股所服务的商家")),
    row("subject-count-of-parts-is-the-whole", "金穗集团发布的《绿色工厂白皮书》从能耗、排放、用水三个维度给出评价标准。",
        c("三个", 3, "个", metric="维度", subject="绿色工厂白皮书")),
    row("subject-indefinite-thing", "第二天一条产品测评视频播放量超过 800 万。",
        c("800 万", 8000000, None, "more_than", metric="播放量", subject_text="产品测评视频")),
    row("subject-programme-after-colon", "远山资本启动“星火计划”：一方面为初创团队提供办公空间；另一方面设立 5 亿元专项基金。",
        c("5 亿元", 500000000, "CNY", subject="星火计划")),
    row("metric-what-the-counted-achieve", "已披露年报的 40 家券商中，31 家实现盈利。",
        c("40 家", 40, "家", subject_text="券商"),
        c("31 家", 31, "家", metric="盈利", subject_text="券商")),
    row("metric-opened-by-zai-word", "截至 6 月底，云帆科技公司在手订单金额超过 300 亿元。",
        c("300 亿元", 30000000000, "CNY", "more_than", metric="在手订单金额", subject="云帆科技公司")),
    row("metric-zai-word-after-the-name", "华岳集团在建工程余额为 12 亿元。",
        c("12 亿元", 1200000000, "CNY", metric="在建工程余额", subject="华岳集团")),
    row("subject-investors-are-not-the-raiser", "青禾科技公司去年完成了由远山资本和星河创投领投的5亿元B轮融资。",
        c("5亿元", 500000000, "CNY", metric="B轮融资", subject="青禾科技公司")),
    row("subject-named-after-its-parent-word", "据了解，青禾外卖母公司青禾科技集团成立于 2015 年，2021 年完成15亿美元D轮融资。",
        c("15亿美元", 1500000000, "USD", subject="青禾科技集团", period=P("2021 年", "2021-01-01", "2021-12-31"))),
    row("period-year-of-a-plan-does-not-date-the-report", "新工厂预计将于 2024 年下半年投产。截至 9 月 30 日，公司员工总数为 6800 人。",
        c("6800 人", 6800, "人", period=P("截至 9 月 30 日", None, "2023-09-30")), published="2023-10-30"),
    row("subject-the-actor-of-a-counted-object", "青禾科技公司将投入 5 亿元专项资金，帮助 10 万家中小商户实现数字化经营。",
        c("5 亿元", 500000000, "CNY", subject="青禾科技公司", modality="commitment"),
        c("10 万家", 100000, "家", metric="中小商户", subject="青禾科技公司")),
    row("subject-counted-group-cut-at-its-noun", "平台今年预计帮助 20 万家商户线上营业额提升 30% 以上。",
        c("20 万家", 200000, "家", subject_text="商户"),
        c("30%", 30, "%", "at_least", kind="change", direction="up", metric="线上营业额")),
    row("subject-counted-fund-kind-kept-whole", "同期 167 只股票型基金平均净值增长率为 20.59%。",
        c("167 只", 167, "只", subject_text="股票型基金"), c("20.59%", 20.59, "%")),
    row("metric-window-mends-a-cut-noun", "她还透露，平台服务商数量已增至 4500 家。",
        c("4500 家", 4500, "家", metric="平台服务商数量")),
    row("metric-change-after-a-level-is-its-change", "其中，实物商品网上零售额 10.4 万亿元，增长 8.4%。",
        c("10.4 万亿元", 10400000000000, "CNY", metric="商品网上零售额"),
        c("8.4%", 8.4, "%", kind="change", direction="up", metric="商品网上零售额")),
    row("metric-of-a-share-is-its-base", "实物商品网上零售额占社会消费品零售总额的比重为 26.7%。",
        c("26.7%", 26.7, "%", kind="share", metric="社会消费品零售总额")),
    row("metric-share-of-a-latin-measure", "其中品牌商家GMV占比提升至45%。", c("45%", 45, "%", kind="share", metric="品牌商家GMV占比")),
    row("metric-none-for-the-means-of-a-rank", "蓝鲸通讯以 5500 万部位居第二。",
        c("5500 万部", 55000000, "部", metric=None), c("第二", 2, None, kind="rank")),
    row("metric-keeps-ke-yi", "现在公积金可以最高贷款 80 万元。", c("80 万元", 800000, "CNY", "at_most", metric="公积金")),
    row("subject-programme-launched-in-the-sentence", "青禾电商宣布推出“燎原计划”，明年将拿出 100 亿流量和 5 亿元现金补贴。",
        c("100 亿", 10000000000, None, subject="燎原计划", modality="commitment"),
        c("5 亿元", 500000000, "CNY", subject="燎原计划", modality="commitment")),
    row("subject-the-report-publisher-is-no-subject", "市场研究机构蓝图咨询公司最新发布的报告显示，三季度全球智能手机出货量为 2.97 亿部。",
        c("2.97 亿部", 297000000, "部", subject=None)),
    row("subject-not-the-maker-of-a-part", "云帆X5相机搭载蔡司 16 倍光变镜头，售价 4100 元。",  # the camera's, not 蔡司's
        c("16 倍", 16, "x", subject="X5"), c("4100 元", 4100, "CNY", metric="售价")),
    row("subject-shared-by-both-ends-of-a-change", "新入驻商家的平均冷启动周期从 30 天缩短至 12 天。",
        c("30 天", 30, "天", metric="冷启动周期"), c("12 天", 12, "天", metric="冷启动周期")),
    row("metric-of-a-count-is-the-group-it-describes", "平台上年销售额超过 1000 万元的农产品商家已有 86 家，较去年同期增加了近 40 家。",
        c("1000 万元", 10000000, "CNY", "more_than", metric="销售额", period=None),
        c("86 家", 86, "家", metric="农产品商家"),
        c("40 家", 40, "家", "approx", kind="change", direction="up", metric="农产品商家")),
    row("subject-group-without-its-period", "2022 年全年农产品 GMV 达 58.6 亿元。",
        c("58.6 亿元", 5860000000, "CNY", metric="GMV", subject_text="农产品")),
    row("subject-product-named-after-its-price", "青禾还推出了售价 1299 元的智能手表 W3 和 799 元的无线耳机 Buds 5。",
        c("1299 元", 1299, "CNY", metric="售价", subject="W3"), c("799 元", 799, "CNY", subject="Buds 5")),
    row("metric-without-what-it-is-compared-with", "旗舰手机 X9 Pro 的 CPU 性能较上一代提升 35%，功耗降低约 20%。",
        c("35%", 35, "%", kind="change", direction="up", metric="性能", subject="X9 Pro"),
        c("20%", 20, "%", "approx", kind="change", direction="down", metric="功耗")),
    row("metric-share-after-jiang", "公司目标是在 2025 年将海外收入占比提升至 40% 以上。",
        c("40%", 40, "%", "at_least", kind="share", metric="海外收入占比", modality="target")),
    row("subject-part-of-a-group", "在 120 只偏股型基金中，有 45 只跑赢大盘。",
        c("120 只", 120, "只", subject_text="偏股型基金"), c("45 只", 45, "只", subject_text="偏股型基金")),
    row("subject-programme-after-amount", "截至去年底，监管部门已累计批出 85 亿美元 RQFII 额度。",
        c("85 亿美元", 8500000000, "USD", subject="RQFII", metric="RQFII 额度")),

    # ------------------------------------------------------------------ not claims
    row("non-year", "蓝鲸集团成立于 2015 年。"),
    row("non-year-chinese", "华岳集团创立于二〇〇八年。"),
    row("non-full-date", "星海控股于 2023 年 8 月 1 日发布公告。"),
    row("non-month-day", "新品将于 9 月 20 日正式发布。"),
    row("non-iso-date", "公告发布于 2023-08-04。"),
    row("non-time-dian", "发布会于上午 10 点开始。"),
    row("non-time-colon", "港股于 9:30 开盘。"),
    row("non-phone-mobile", "如需咨询可拨打 13912345678。"),
    row("non-phone-landline", "客服电话 010-88886666。"),
    row("non-phone-400", "服务热线 400-800-1234 全天开通。"),
    row("non-phone-with-claim", "如有疑问请致电 021-66668888，本次补贴总额 500 万元。", c("500 万元", 5000000, "CNY")),
    row("non-stock-code-paren", "华岳集团（600888）今日发布公告。"),
    row("non-stock-code-words", "鼎新控股股票代码为 600888。"),
    row("non-stock-code-hk", "星海控股（01234.HK）股价平稳。"),
    row("non-stock-code-sh", "蓝鲸集团（600519.SH）今日复牌。"),
    row("non-product-code", "型号为 JC-101 的设备已停产。"),
    row("non-model-code-letters", "朗峰汽车集团发布全新 X7 车型。"),
    row("non-5g", "北辰银行已在全部网点部署 5G 网络。"),
    row("non-version-number", "该系统已升级到 3.0 版本。"),
    row("non-version-v", "云帆科技公司推出 V2.1 版客户端。"),
    row("non-programme-version", "蓝鲸集团发布“启航计划 2.0”。"),
    row("non-number-in-event-name", "星海控股将参加“818 好物节”。"),
    row("non-wan-in-programme-name", "华岳集团启动“万店计划”。"),
    row("non-ordinal-chang", "这是星海控股本月的第四场直播。"),
    row("non-ordinal-tian", "活动第一天，现场人头攒动。"),
    row("non-ordinal-qi", "第 3 期培训班已开班。"),
    row("non-article-yi-jia", "蓝鲸集团又收购了一家物流公司。"),
    row("non-article-yi-fangmian", "一方面，公司需要控制成本。"),
    row("non-article-yi-ge-yue", "新店开业仅一个月就实现盈利。"),
    row("non-article-yi-tiao", "一条短视频让这家小店走红。"),
    row("non-tier-cities", "华岳集团正加速布局三四线城市。"),
    row("non-yixian", "鼎新控股在一线城市开设旗舰店。"),
    row("non-ershou", "二手车交易量同比增长 20%。", c("20%", 20, "%", kind="change", direction="up", basis="yoy")),
    row("non-wan-in-company-name", "万象科技公司发布新品。"),
    row("non-shisiwu", "在“十四五”规划中，数字经济被列为重点。"),
    row("non-quarter-alone", "三季度业绩说明会将于下周召开。"),
    row("non-ordinary-words", "万一出现问题，公司会统一处理，一些门店也一样。"),
    row("index-points-range", "沪深300指数从3000点附近上涨到了近3500点。",
        c("3000点", 3000, "点", "approx"), c("3500点", 3500, "点", "approx")),
    row("index-points-decimal", "恒生指数昨日下跌35.5点。", c("35.5点", 35.5, "点", kind="change", direction="down")),
    row("non-hour-dian", "签约仪式于下午3点举行，签约金额5亿元。", c("5亿元", 500000000, "CNY")),
    row("set-phrase-da-count", "星海控股与国内三大运营商达成合作。", c("三", 3, None)),
    row("set-phrase-lian-count", "沪指日K线收出四连阳。", c("四", 4, None)),
    row("rank-top-n-da", "华岳集团按资产规模计算位列全国前五大券商之列。", c("五", 5, None, "at_most", kind="rank")),
    row("non-top-n-scope", "前十大股东中有5家机构投资者。", c("5家", 5, "家")),
    row("age-sui", "云帆科技公司董事长张明，男，52岁，硕士学历。", c("52岁", 52, "岁")),
    row("frame-rate-fps", "该相机可拍摄 24 fps 的高清视频。", c("24 fps", 24, "fps")),
    row("non-share-price-quote", "华岳集团(12.340,0.56,4.75%)今日公告拟投资 2 亿元。", c("2 亿元", 200000000, "CNY")),
    row("non-two-digit-year", "星海控股09年营收小幅增长。"),
    row("non-per-share-basis", "鼎新控股拟每10股派发现金2.5元。", c("2.5元", 2.5, "CNY")),
    row("non-another-one", "蓝鲸集团旗下另1只基金的规模超过20亿元。", c("20亿元", 2000000000, "CNY", "more_than")),
    row("non-er-ci-ordinal", "云帆科技公司正在进行二次创业。"),
    row("non-film-format", "该相机镜头等效35mm焦距为28-300mm。", c("28-300mm", 28, "mm", value_max=300)),
    row("metric-group-after-a-bare-count", "服务商已累计带动超过 20 万商家首次开播，其中近 3 万家商家月 GMV 突破 10 万元。",
        c("20 万", 200000, None, "more_than", metric="商家"), c("3 万家", 30000, "家", "approx"),
        c("10 万元", 100000, "CNY", "more_than", metric="GMV", subject_text="商家")),
    row("metric-own-group-beats-an-earlier-measure", "优品传媒团队规模约 300 人，服务商家超过 800 家。",
        c("300 人", 300, "人", "approx", metric="规模"), c("800 家", 800, "家", "more_than", metric="服务商家")),
    row("metric-without-the-period-before-it", "2004 年全年振幅只有 29.36%。", c("29.36%", 29.36, "%", metric="振幅")),
    row("period-founding-date-dates-no-later-number", "星野汽车公司成立于 2019 年，总部位于合肥，员工总数约 8000 人。",
        c("8000 人", 8000, "人", "approx", metric="员工总数", period=None)),
    row("subject-not-a-change-after-the-count", "公司今年的交付目标为 30 万辆，较 2023 年的 12.6 万辆增长超过一倍。",
        c("30 万辆", 300000, "辆", metric="交付目标", modality="target"),
        c("12.6 万辆", 126000, "辆", subject_text=None), c("一倍", 1, "x", "more_than", kind="change", direction="up")),
    row("period-respectively", "在 2021 年和 2022 年，星海控股的投资收益率分别达到了 13.6% 和 16.81%。",
        c("13.6%", 13.6, "%", metric="投资收益率", period=P("2021 年", "2021-01-01", "2021-12-31")),
        c("16.81%", 16.81, "%", metric="投资收益率", period=P("2022 年", "2022-01-01", "2022-12-31"))),
    row("period-previous-quarter-is-no-first-quarter", "其中四季度收入较上一季度增长 8%。",
        c("8%", 8, "%", kind="change", direction="up", period=P("四季度", "2023-10-01", "2023-12-31"))),
    row("period-not-from-past-a-bracket", "今日，星海控股（收盘价 8.95 元）公布了 2022 年年报。",
        c("8.95 元", 8.95, "CNY", metric="收盘价", period=None)),
    row("metric-word-runs-on-to-its-measure", "纽约梅隆银行托管资产总额超过 20 万亿美元，其资产负债率为 66.65%。",
        c("20 万亿美元", 20000000000000, "USD", "more_than", metric="资产总额"),
        c("66.65%", 66.65, "%", metric="资产负债率")),
    row("modality-rumour-denied-in-the-next-sentence", "此前有媒体报道称星海控股正在筹备上市，估值约 80 亿美元。对此，星海控股回应称该消息不实。",
        c("80 亿美元", 8000000000, "USD", "approx", modality="denied")),
    row("modality-plan-past-a-time-word", "双方计划每年培训 5000 名以上主播。", c("5000 名", 5000, "名", "at_least", modality="target")),
    row("non-years-since", "这是其三年来首次重回国内市场首位。"),
    row("modality-jiang-before-a-verb-is-future", "公司明年将招聘 1000 名员工。", c("1000 名", 1000, "名", modality="forecast")),
    row("modality-pledge-after-jiang", "未来三年，青禾集团将在供应链基础设施上投入不少于 50 亿元。",
        c("50 亿元", 5000000000, "CNY", "at_least", modality="commitment")),
    row("modality-jiang-as-ba-before-a-modifier", "股东将质押的公司股份约 5007 万股解除质押。",
        c("5007 万股", 50070000, "股", "approx", modality="reported")),
    row("non-dimensions", "该机外形尺寸为60×70×120mm，重量为300g。", c("300g", 300, "g")),
    row("metric-without-the-plan-word", "青禾银行计划新增贷款超过 800 亿元。",
        c("800 亿元", 80000000000, "CNY", "more_than", metric="新增贷款", modality="target")),
    row("metric-without-plan-and-rate-words", "云帆集团计划每年投入不少于 5 亿元。",
        c("5 亿元", 500000000, "CNY", "at_least", metric="投入", modality="target")),
    row("metric-without-a-time-adverb-after-it", "国内芯片国产化率目前不足 10%。",
        c("10%", 10, "%", "less_than", metric="芯片国产化率")),
    row("modality-jiang-past-a-rate-word", "到2027年，全省软件产业营业收入将年均增长 10% 以上。",
        c("10%", 10, "%", "at_least", kind="change", direction="up", metric="营业收入", modality="forecast")),
    row("change-higher-than-a-base", "全省服务业增加值增长 8.1%，高于全国平均水平 2.3 个百分点。",
        c("8.1%", 8.1, "%", kind="change", direction="up"),
        c("2.3 个百分点", 2.3, "pp", kind="change", direction="up")),
    row("metric-dividend-words-run-together", "董事会建议派发现金股利每股 0.85 元。", c("0.85 元", 0.85, "CNY", metric="现金股利")),
    row("source-learned-from-is-no-subject", "记者从江南省统计局获悉，全省数字经济规模达 1.2 万亿元。",
        c("1.2 万亿元", 1200000000000, "CNY", subject=None, source="江南省统计局")),
    row("qualifier-plus-after-the-number", "截至目前，平台已服务 16万+ 中小客户。", c("16万", 160000, None, "more_than")),
    row("change-market-value-evaporates", "该公司市值蒸发超 200 亿元。",
        c("200 亿元", 20000000000, "CNY", "more_than", kind="change", direction="down", metric="市值")),
    row("share-of-an-interest-bought", "青禾教育集团以 7800 万元收购远帆文旅 30% 权益。",
        c("7800 万元", 78000000, "CNY"), c("30%", 30, "%", kind="share", metric="权益", subject="青禾教育集团")),
    row("share-bought-is-the-buyers-not-the-targets", "2016年9月，青禾教育集团收购捷星慧旅 70% 权益。",
        c("70%", 70, "%", kind="share", metric="权益", subject="青禾教育集团")),
    row("metric-deviation-of-a-price-fall", "公司股票连续三个交易日内日收盘价格跌幅偏离值累计达 22.98%。",
        c("22.98%", 22.98, "%", metric="跌幅偏离值")),
    row("period-as-of-filing-time", "截至发稿，星海控股股价跌近 10%。",
        c("10%", 10, "%", "approx", kind="change", direction="down", period=P("截至发稿"))),
    row("period-same-period-last-year-stays-in-its-clause",
        "星海银行第二季度净亏损 31 亿欧元，去年同期净利润 4.01 亿欧元；总营收为 62.03 亿欧元。",
        c("31 亿欧元", 3100000000, "EUR", period=P("第二季度")), c("4.01 亿欧元", 401000000, "EUR", period=P("去年同期")),
        c("62.03 亿欧元", 6203000000, "EUR", period=P("第二季度"))),
    row("metric-without-a-comparison-with-the-same-period", "营业外支出较同期增长 210%。",
        c("210%", 210, "%", kind="change", direction="up", metric="营业外支出")),
    row("subject-activities-are-no-group", "星海银行债券交易部门营收下滑 4%，股票销售与交易营收暴跌 32%。",
        c("4%", 4, "%", kind="change", direction="down", subject="星海银行"),
        c("32%", 32, "%", kind="change", direction="down", subject="星海银行")),
    row("subject-qi-before-a-holding-is-the-holder", "星海控股董事长李明解除质押 500 万股。上述股份占其所持股份比例的 6.96%。",
        c("500 万股", 5000000, "股", subject="李明"), c("6.96%", 6.96, "%", kind="share", subject="李明")),
    row("subject-statistics-body-dated-is-a-source", "江南省统计局11月15日发布数据显示，10月份全省社会消费品零售总额 4539 亿元。",
        c("4539 亿元", 453900000000, "CNY", subject=None, source="江南省统计局")),
    row("change-growth-speeds-up", "社会消费品零售总额同比增长 4.8%，增速比上月加快 1.6 个百分点。",
        c("4.8%", 4.8, "%", kind="change", direction="up"), c("1.6 个百分点", 1.6, "pp", kind="change", direction="up")),
    row("modality-plan-to-a-year-covers-the-sentence", "江南市计划到2025年，战略性新兴产业营收达到 8000 亿元。",
        c("8000 亿元", 800000000000, "CNY", modality="target")),
    row("metric-window-cuts-no-word-achieve", "江南市实现地区生产总值 26322.76 亿元。",
        c("26322.76 亿元", 2632276000000, "CNY", metric="地区生产总值")),
    row("metric-window-cuts-no-word-above-scale", "全市规模以上工业增加值增长 12.3%。",
        c("12.3%", 12.3, "%", kind="change", direction="up", metric="工业增加值")),
    row("metric-window-cuts-no-word-restricted-stock", "本次回购注销的限制性股票数量为 84.70 万股。",
        c("84.70 万股", 847000, "股", metric="限制性股票数量")),
    row("metric-window-takes-a-cut-noun-whole", "10月全国新能源汽车产销完成 146.3 万辆。",
        c("146.3 万辆", 1463000, "辆", metric="新能源汽车产销")),
    row("metric-delivered-cars", "小米SU7系列第三季度交付 39790 辆。", c("39790 辆", 39790, "辆", metric="交付")),
    row("metric-index-level-after-its-move", "截至收盘，上证指数上涨 1.2%，报 3350.8 点。",
        c("1.2%", 1.2, "%", kind="change", direction="up", metric="上证指数"), c("3350.8 点", 3350.8, "点", metric="上证指数")),
    row("metric-none-for-a-session-move", "受消息面影响，星海科技(688999)盘中一度涨超 8%。",
        c("8%", 8, "%", "more_than", kind="change", direction="up", metric=None)),
    row("change-turnover-up-on-the-day-before", "两市成交额达 1.86 万亿元，较上一交易日放量 2100 亿元。",
        c("1.86 万亿元", 1860000000000, "CNY", metric="成交额"),
        c("2100 亿元", 210000000000, "CNY", kind="change", direction="up")),
    row("non-a-span-of-days-before-a-window", "远山集团计划自本公告披露之日起 15 个交易日后的 3 个月内减持不超过 1200 万股。",
        c("1200 万股", 12000000, "股", "at_most")),
    row("share-of-the-equity-bought", "海川服饰拟以 6.5 亿元收购远帆电商 60% 的股权。",
        c("6.5 亿元", 650000000, "CNY"), c("60%", 60, "%", kind="share", metric="股权")),
    row("period-years-of-a-span-respectively", "2021年至2023年，星云智算营收分别为 3.2 亿元、5.8 亿元和 9.6 亿元；同期净亏损分别为 1.5 亿元、2.1 亿元和 1.8 亿元。",
        c("3.2 亿元", 320000000, "CNY", period=P("2021年", "2021-01-01", "2021-12-31")),
        c("5.8 亿元", 580000000, "CNY", period=P("2022年", "2022-01-01", "2022-12-31")),
        c("9.6 亿元", 960000000, "CNY", period=P("2023年", "2023-01-01", "2023-12-31")),
        c("1.5 亿元", 150000000, "CNY", period=P("2021年")), c("2.1 亿元", 210000000, "CNY", period=P("2022年")),
        c("1.8 亿元", 180000000, "CNY", period=P("2023年"))),
    row("period-a-span-with-other-counts-stays-whole", "2021年至2023年，公司营收分别为 3.2 亿元和 5.8 亿元。",
        c("3.2 亿元", 320000000, "CNY", period=P("2021年至2023年")), c("5.8 亿元", 580000000, "CNY", period=P("2021年至2023年"))),
    row("modality-a-span-still-to-come-pledged", "公司将继续加大对商家的扶持力度，未来三年投入 1000 亿元。",
        c("1000 亿元", 100000000000, "CNY", modality="commitment")),
    row("modality-a-later-year-is-no-report", "按规划，到2030年，全省耕地保有量不少于 460 万公顷。",
        c("460 万公顷", 4600000, "公顷", "at_least", modality="forecast")),
    row("modality-a-bare-month-after-writing-stays-reported", "9月，全市新房成交 1.2 万套。",
        c("1.2 万套", 12000, "套", modality="reported")),
    row("subject-price-of-the-product-launched-before-it", "星海科技正式发布Mate 70系列手机，起售价 5499 元。",
        c("5499 元", 5499, "CNY", metric="售价", subject="Mate 70")),
    row("subject-counts-listed-as-objects-of-one-verb", "青禾教育集团运营有 8 所院校，包括 3 所独立学院及 5 所高职学院。",
        c("8 所", 8, "所", subject="青禾教育集团"), c("3 所", 3, "所", subject="青禾教育集团"),
        c("5 所", 5, "所", metric="高职学院", subject="青禾教育集团")),
    row("non-the-term-of-a-loan-or-bond", "1年期贷款市场报价利率为 3.1%，5年期以上LPR为 3.6%。",
        c("3.1%", 3.1, "%"), c("3.6%", 3.6, "%")),
    row("non-a-window-written-with-qijian", "三年期间，公司营收增长 50%。", c("50%", 50, "%", kind="change", direction="up")),
    row("metric-a-term-named-before-its-length", "隆基绿能拟投资约 100 亿元建设新项目，项目建设期预计为 2 年。",
        c("100 亿元", 10000000000, "CNY", "approx"), c("2 年", 2, "年", metric="项目建设期")),
    row("units-basis-points-are-hundredths-of-a-point", "央行已于10月将两个品种的LPR各下调 25 个基点。",
        c("两个", 2, "个"), c("25 个基点", 0.25, "pp", kind="change", direction="down", metric="LPR")),
    row("subject-gongsi-the-one-acting-not-the-object", "此前，云帆汽车宣布获得远山资本 20 亿元投资。截至3月底，公司累计研发投入约 45 亿元。",
        c("20 亿元", 2000000000, "CNY"), c("45 亿元", 4500000000, "CNY", "approx", subject="云帆汽车")),
]


def _close(actual, expected) -> bool:
    if expected is None or actual is None:
        return actual is None and expected is None
    if isinstance(expected, (int, float)):
        return math.isclose(actual, expected, rel_tol=1e-9)
    return actual == expected  # pytest.approx


def _period(claim):
    if claim.period is None:
        return None
    p = claim.period
    return (p.label, None if p.start is None else str(p.start), None if p.end is None else str(p.end))


def _describe(record):
    return [
        {"text": c.text, "value": c.value, "value_max": c.value_max, "unit": c.unit, "qualifier": c.qualifier,
         "kind": c.kind, "direction": c.direction, "basis": c.basis, "metric": c.metric,
         "subject": c.subject_text, "period": _period(c), "modality": c.modality}
        for c in record.claims
    ]


def _mismatches(record, expected) -> list[str]:
    claims = record.claims
    problems = []
    if len(claims) != len(expected):
        return [f"{len(claims)} claims, expected {len(expected)}"]
    entity_names = {e.id: e.name for e in record.entities}
    for claim, want in zip(claims, expected):
        text = record.document.text
        if text[claim.start:claim.end] != claim.text:
            problems.append(f"{claim.text}: span does not match text")
        for key, value in want.items():
            if key in ("value", "value_max"):
                ok = _close(getattr(claim, key), value)
                got = getattr(claim, key)
            elif key == "period":
                got = _period(claim)
                ok = (got is None and value is None) or (
                    got is not None and value is not None
                    and all(w is ANY or g == w for g, w in zip(got, value)))
            elif key == "subject":
                got = claim.subject_text
                ok = (value is None and claim.subject is None) or (
                    value is not None and claim.subject is not None and entity_names.get(claim.subject) == value)
            elif key == "source":
                got = entity_names.get(claim.source)
                ok = got == value
            elif key == "subject_text":  # a subject that is no entity: a group or the things counted
                got = claim.subject_text
                ok = claim.subject is None and got == value
            else:
                got = getattr(claim, key)
                ok = got == value
            if not ok:
                problems.append(f"{want['text']}: {key} {got!r}, expected {value!r}")
    return problems


@pytest.mark.parametrize("sentence, expected, published", CASES)
def test_claims(extractor, sentence, expected, published):
    record = extractor.extract(sentence, published=published)
    problems = _mismatches(record, expected)
    assert not problems, f"{problems}\nproduced: {_describe(record)}"


def test_table_size():
    assert len(CASES) >= 160


# ---------------------------------------------------------------------- cn2an edge cases
# Number-only parsing: cn2an's ``transform`` rewrites ordinary words (一样 → 1样), so the
# pipeline calls it on numeral spans only, and ``parse_number`` refuses words that are not
# numerals instead of rewriting them.

@pytest.mark.parametrize("word", ["一样", "一些", "万一", "统一", "一致", "十分", "一直"])
def test_parse_number_refuses_ordinary_words(word):
    with pytest.raises(NotANumber):
        parse_number(word)


@pytest.mark.parametrize("sentence", ["这家公司的看法和去年一样", "一些门店已经恢复营业", "万一出现亏损怎么办", "公司将统一采购原材料"])
def test_ordinary_words_give_no_claim(sentence):
    assert [q for q in find_quantities(sentence) if q.is_claim] == []


@pytest.mark.parametrize("text, value", [
    ("两万", 20000), ("一万二千", 12000), ("五千六百二十亿", 562000000000), ("百分之", None), ("零点五", 0.5),
    ("一百零五", 105), ("１２亿", 1200000000), ("1.2万亿", 1200000000000), ("3.46 亿", 346000000),
])
def test_parse_number_numerals(text, value):
    if value is None:
        with pytest.raises(NotANumber):
            parse_number(text)
    else:
        assert parse_number(text) == value
