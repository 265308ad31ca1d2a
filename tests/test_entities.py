"""Rule-based entities on sentences unlike the seed: names from context, roles, aliases."""

from __future__ import annotations

import pytest

from pipeline.entities import match_entities, resolve_entities
from pipeline.segment import get_segmenter


def _entities(text):
    words = get_segmenter("jieba")(text)
    starts, ends, position = set(), set(), 0
    for word in words:
        starts.add(position)
        position += len(word)
        ends.add(position)
    return {e.name: e for e in resolve_entities(text, match_entities(text, (starts, ends)))}


PEOPLE = [
    pytest.param("“我们会继续投入。”美团高级副总裁、到店事业群总裁张川在发布会上说。", "张川",
                 # the business group named in the second title is 美团's: the chain's organisation holds
                 [("高级副总裁", "美团"), ("到店事业群总裁", "美团")], id="title-chain-two-roles"),
    pytest.param("蓝海智造CEO 周一鸣表示，订单已经排到年底。", "周一鸣", [("CEO", "蓝海智造")], id="unknown-org-before-title"),
    pytest.param("“星河优选”联合创始人陈默透露，公司正在筹备新一轮融资。", "陈默", [("联合创始人", "星河优选")], id="quoted-org-before-title"),
    pytest.param("“青禾家居”是一家去年才成立的新品牌，这家公司负责人韩笑曾在宜家工作。", "韩笑",
                 [("负责人", "青禾家居")], id="anaphor-resolves-to-topic"),
    pytest.param("据腾讯云生态合作负责人刘文杰介绍，方案已覆盖全国。", "刘文杰",
                 [("生态合作负责人", "腾讯云")], id="known-org-unit-then-long-title"),
    pytest.param("华夏晨报讯（记者 孙悦）本周多家银行下调存款利率。", "孙悦", [("记者", "华夏晨报")], id="byline-with-outlet"),
    pytest.param("新款手机售价 3999 元    作者：冯启明    该机搭载新芯片。", "冯启明", [("作者", None)], id="byline-author"),
    pytest.param("蓝海集团的总经理是韩立峰，男，44岁。", "韩立峰", [("总经理", "蓝海集团")], id="title-is-name"),
    pytest.param("星野汽车有限公司宣布，前青藤科技有限公司高级副总裁韩立峰正式加入公司，出任首席运营官。", "韩立峰",
                 # 前 marks a former title; the title he takes up is the announcing company's
                 [("高级副总裁", "青藤科技有限公司"), ("首席运营官", "星野汽车有限公司")], id="appointment-after-name"),
    pytest.param("星野汽车有限公司首席财务官辞职，由财务副总裁周晓岚暂代其职务。", "周晓岚",
                 [("副总裁", "星野汽车有限公司")], id="department-officer-of-the-company"),
    pytest.param("星野汽车有限公司回应称，分析师王强的判断有误。", "王强", [("分析师", None)], id="professional-title-no-org"),
    pytest.param("OpenAI首席执行官山姆·奥特曼此前透露，成本超过1亿美元。", "山姆·奥特曼", [("首席执行官", "OpenAI")],
                 id="transcribed-foreign-name"),
    pytest.param("德意志银行CEO Sewing表示，大部分重组成本已被消化。", "Sewing", [("CEO", "德意志银行")],
                 id="latin-name-after-a-title"),
    pytest.param("中新经纬客户端11月5日电 （林晓岚）继昨日跌停后，该股再度大跌。", "林晓岚", [], id="dateline-byline"),
]


@pytest.mark.parametrize("text, person, roles", PEOPLE)
def test_person_with_roles(text, person, roles):
    entities = _entities(text)
    assert entities[person].type == "PERSON"
    assert entities[person].roles == roles


TYPED = [
    pytest.param("公司发布“春笋计划”，扶持中小商家。", "春笋计划", "PROGRAMME", id="quoted-programme"),
    pytest.param("平台宣布推出“繁星计划 3.0”。", "繁星计划 3.0", "PROGRAMME", id="programme-with-version"),
    pytest.param("监管部门今年已将RQFII投资额度上调一倍。", "RQFII", "PROGRAMME", id="acronym-scheme-by-what-it-grants"),
    pytest.param("在“2023 世界人工智能大会”上，多家企业发布新品。", "2023 世界人工智能大会", "EVENT", id="quoted-event"),
    pytest.param("报告《2022 中国新消费品牌发展白皮书》指出。", "2022 中国新消费品牌发展白皮书", "WORK", id="book-marks"),
    pytest.param("商家可通过营销工具“飞鱼推广”获取流量。", "飞鱼推广", "PRODUCT", id="descriptor-product"),
    pytest.param("长实集团斥资收购英国酒馆业务。", "长实集团", "ORG", id="org-suffix"),
    pytest.param("双方在深圳签署协议。", "深圳", "LOCATION", id="known-place"),
    pytest.param("极客湾发布新一代旗舰手机 X9 Pro，起售价 4999 元。", "X9 Pro", "PRODUCT", id="model-after-device-kind"),
    pytest.param("公司自研的“天衡”大模型日均调用量突破 5 亿次。", "天衡", "PRODUCT", id="quoted-model-by-what-follows"),
    pytest.param("本轮由远景创投领投，老股东继续跟投。", "远景创投", "ORG", id="venture-firm-suffix"),
    pytest.param("德意志银行分析师将苹果(AAPL.O)目标价上调至200美元。", "苹果", "ORG", id="ticker-makes-a-common-word-a-name"),
    pytest.param("“元宇宙公司”Meta Platforms(FB.O)盘后跌22.8%。", "Meta Platforms", "ORG", id="latin-name-before-a-ticker"),
    pytest.param("光伏组件龙头企业晶科能源(JKS.N)发布财报。", "晶科能源", "ORG", id="ticker-name-after-its-kind"),
    pytest.param("据悉，CBAK能源科技(CBAT.US)开盘大跌。", "CBAK能源科技", "ORG", id="ticker-name-latin-and-han"),
    pytest.param("Meta拖累社交媒体Snap跌18.4%、约会软件Bumble跌超2.4%。", "Bumble", "ORG", id="latin-company-with-its-move"),
    pytest.param("全年社会消费品零售总额44.1万亿元，增长12.5%。（经济日报）", "经济日报", "ORG", id="outlet-credited-at-the-end"),
    pytest.param("购房者曲先生看着润泽·悦溪 (论坛 相册 户型 样板间 地图搜索)蹦升的价格。", "润泽·悦溪", "LOCATION",
                 id="estate-a-property-portal-tags"),
    pytest.param("远洋地产(企业专区,旗下楼盘)以48.3亿元摘得地块。", "远洋地产", "ORG", id="developer-a-property-portal-tags"),
    pytest.param("就业人数最多的五家公司分别为嘉实基金（197人）、博时基金（127人）。", "嘉实基金", "ORG",
                 id="fund-company-the-segmenter-glues-to-the-word-before"),
    pytest.param("地铁2号线和10号线沿线的租金上涨。", "10号线", "LOCATION", id="metro-line"),
    pytest.param("京城楼市持续升温。", "京城", "LOCATION", id="jingcheng-is-beijing"),
    pytest.param("25日，国新办就商务运行情况举行发布会。", "国新办", "ORG", id="state-council-information-office"),
    pytest.param("柘中股份2月7日晚间公告，公司与三方签订重组框架协议。", "柘中股份", "ORG", id="announcer-with-its-date-after-the-name"),
    pytest.param("具体到个股看，热景生物预计净利润增幅最高。", "热景生物", "ORG", id="industry-name-that-forecasts"),
    pytest.param("鼎丰电力公告，公司第四季度完成发电量3781万千瓦时。", "鼎丰电力", "ORG", id="announcer-opening-a-flash"),
    pytest.param("1月29日，青禾股份晚间发布业绩预告，预计净利润亏损8亿元。", "青禾股份", "ORG", id="announcer-after-date-and-time"),
    pytest.param("金穗通上周五盘后公告，拟回购股份。", "金穗通", "ORG", id="announcer-two-time-words"),
]


@pytest.mark.parametrize("text, name, entity_type", TYPED)
def test_typed_entity(text, name, entity_type):
    assert _entities(text)[name].type == entity_type


def test_a_kind_of_company_is_no_name():
    names = _entities("在发布数据的13家自动驾驶公司中，中国公司占7席，另有两家科技公司入选，国家电网公司中标。"
                      "有39家科创板公司公布了业绩预告，其中预增公司30家。")
    assert not {"自动驾驶公司", "中国公司", "科技公司", "科创板公司", "预增公司"} & set(names)
    assert names["中国"].type == "LOCATION" and names["国家电网公司"].type == "ORG"


def test_a_pen_name_at_the_end_is_no_outlet():
    assert "小林" not in _entities("这款相机的画质表现出色。（小林）")


@pytest.mark.parametrize("text, names", [
    ("持股5%以上股东韩智先生、桂杰先生质押股份。", {"韩智", "桂杰"}),
    ("截至本公告日，王金根先生持有公司股份。", {"王金根"}),
    ("购房者曲先生看着楼盘，张女士表示满意。", {"曲先生", "张女士"}),  # a family name alone keeps its honorific
    ("李明先生和刘女士出席。", {"李明", "刘女士"}),  # (和 is no family name here)
    ("公司先生产后销售。", set()),
])
def test_people_named_with_an_honorific(text, names):
    assert {n for n, e in _entities(text).items() if e.type == "PERSON"} == names


def test_a_standard_after_a_device_is_no_model():
    names = _entities("家庭无线路由器IPv6支持率达16%，旗舰手机 X9 Pro售价4999元。")
    assert "IPv6" not in names and names["X9 Pro"].type == "PRODUCT"


def test_generic_filers_are_no_announcers():
    names = _entities("公司公告，预计净利润1亿元。董事会公告，拟派发股息。")
    assert "公司" not in names and "董事会" not in names


def test_a_sum_of_money_is_no_part_of_a_name():
    entities = _entities("星海资本设立 5 亿元专项基金，并设立十亿元产业基金。")
    assert set(entities) == {"星海资本"}


def test_business_unit_is_distinct_from_parent():
    entities = _entities("阿里巴巴旗下的阿里云发布新模型，阿里云负责人表示将继续投入。")
    assert {"阿里巴巴", "阿里云"} <= set(entities)


def test_short_form_becomes_alias_and_mentions():
    text = "“鲜果工坊连锁”是一家水果零售品牌。鲜果工坊今年新开 80 家门店。"
    entity = _entities(text)["鲜果工坊连锁"]
    assert entity.aliases == ["鲜果工坊"]
    assert [text[s:e] for s, e in entity.mentions] == ["鲜果工坊连锁", "鲜果工坊"]


def test_gazetteer_needs_word_boundaries():
    assert "美的" not in _entities("这是一次完美的发布。")


def test_slogans_and_concepts_in_quotes_are_not_entities():
    entities = _entities("他提出“降本增效，稳中求进”和“信任经济”两个理念。")
    assert entities == {}


def test_mentions_never_overlap():
    text = "快手电商与快手的关系：快手电商是快手的电商业务。"
    spans = sorted(m for e in _entities(text).values() for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# ---------------------------------------------------------------- statistical NER joining the rules

def _ner_span(text, surface, label, fine_label, score=0.75, occurrence=0):
    from pipeline.ner.recognizer import NerSpan

    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return NerSpan(start, start + len(surface), surface, label, fine_label, score)


def _entities_with_ner(text, spans):
    return {e.name: e for e in resolve_entities(text, match_entities(text, None, spans))}


def test_ner_only_person_with_surname_is_kept():
    text = "该协议由双方签署，柯明远持有剩余股份。"
    entities = _entities_with_ner(text, [_ner_span(text, "柯明远", "PERSON", "name")])
    assert entities["柯明远"].type == "PERSON"
    assert entities["柯明远"].sources == ["ner"]


@pytest.mark.parametrize("surface, label, fine_label", [
    ("券商", "ORG", "company"),          # a dictionary common noun
    ("GMV", "ORG", "company"),           # Latin only: metrics and units, not names
    ("华东（长三角）", "LOCATION", "address"),  # the NER alone never makes places or works
    ("观点", "PERSON", "name"),           # no surname
    ("马上", "PERSON", "name"),           # opens with a surname, but a dictionary adverb
    ("冷启动", "PERSON", "name"),         # a surname character before a verb
])
def test_ner_only_spans_that_are_not_names_are_dropped(surface, label, fine_label):
    text = f"本周{surface}的表现引起关注，多家机构发布报告。"
    entities = _entities_with_ner(text, [_ner_span(text, surface, label, fine_label)])
    assert surface not in entities


def test_ner_confirms_a_rule_entity_and_raises_confidence():
    text = "蓝海智造有限公司今日发布公告。"
    alone = _entities_with_ner(text, [])["蓝海智造有限公司"]
    confirmed = _entities_with_ner(text, [_ner_span(text, "蓝海智造有限公司", "ORG", "company", score=0.0)])
    assert confirmed["蓝海智造有限公司"].confidence > alone.confidence
    assert "ner" in confirmed["蓝海智造有限公司"].sources


def test_ner_span_running_past_a_rule_name_into_a_clause_is_dropped():
    text = "传音控股出货量同比增长22%。"
    entities = _entities_with_ner(text, [_ner_span(text, "传音控股出货量同比增长", "ORG", "company", score=0.72)])
    assert "传音控股" in entities
    assert "传音控股出货量同比增长" not in entities


def test_ner_span_extending_a_rule_name_with_more_name_is_kept():
    text = "招商银行深圳分行今日发布公告。"
    entities = _entities_with_ner(text, [_ner_span(text, "招商银行深圳分行", "ORG", "company", score=0.72)])
    assert "招商银行深圳分行" in entities


@pytest.mark.parametrize("text, names, not_names", [
    ("包括米哈游、叠纸游戏等公司都在加快出海。", {"米哈游", "叠纸游戏"}, {"包括米哈游"}),
    ("不乏中关村、中航地产、深天健等房企。", {"中航地产", "深天健"}, {"航地产"}),
    # common words listed before a kind are no names
    ("家居业在生产、物流、人力、场地租金等企业运营成本中占比较高。", set(), {"场地租金", "居业在生产", "物流"}),
])
def test_names_listed_before_their_kind_are_organisations(text, names, not_names):
    found = _entities(text)
    assert names <= set(found) and all(found[n].type == "ORG" for n in names)
    assert not (not_names & set(found))


def test_names_listed_before_a_kind_of_fund_are_funds():
    entities = _entities("加上本周发行的交银先锋、南方300等6只新基金，目前正在发行期的基金高达19只。")
    assert entities["交银先锋"].type == "PRODUCT" and entities["南方300"].type == "PRODUCT"
    entities = _entities("如华夏、嘉实、南方、博时、易方达等基金公司。公司主营业务主要为药品、医疗器械等产品。")
    assert all(e.type == "ORG" for name, e in entities.items() if name in ("华夏", "嘉实", "博时", "易方达"))
    assert "医疗器械" not in entities


def test_known_name_with_its_unit_before_a_number():
    assert "小鹏汽车" in _entities("小鹏汽车10月交付量为20002辆。")


def test_ner_fund_names_are_products():
    text = "新发行的长江精选蓝筹基金首日募集顺利。"
    entities = _entities_with_ner(text, [_ner_span(text, "长江精选蓝筹基金", "ORG", "company")])
    assert entities["长江精选蓝筹基金"].type == "PRODUCT"



def test_ner_span_opening_with_a_lead_in_word_loses_it():
    text = "股东三安集团有限公司将质押的股份解除质押。"
    entities = _entities_with_ner(text, [_ner_span(text, "股东三安集团", "ORG", "company", score=0.72)])
    assert "股东三安集团" not in entities and "三安集团有限公司" in entities


@pytest.mark.parametrize("text, outlets", [
    ("上证报中国证券网讯 潞安集团今日公告。", ["上证报", "中国证券网"]),
    ("首募规模均呈上升趋势本报讯 (记者赵侠)基金发行再度掀起高潮。", []),
    ("据新华社讯，多家银行下调存款利率。", ["新华社"]),
    ("每经AI快讯，三安光电6月2日下午发布公告称。", ["每经"]),  # a short name, AI between it and 讯
])
def test_report_openings_name_their_outlets(text, outlets):
    found = [name for name, e in _entities(text).items() if "rule:outlet" in e.sources]
    assert sorted(found) == sorted(outlets)
    assert all(_entities(text)[name].type == "ORG" for name in outlets)


def test_brand_and_model_code_make_a_product_with_its_code_as_alias():
    text = "理光R10售价1750元。R10搭载了一枚CCD感光元件，而前代R8的镜头基本相同。"
    entities = _entities(text)
    assert entities["理光R10"].type == "PRODUCT"
    assert "R10" in entities["理光R10"].aliases
    assert len(entities["理光R10"].mentions) == 2
    assert "理光" not in entities["理光R10"].aliases


def test_securities_a_market_wrap_lists_with_their_moves():
    text = ("两市封闭式基金近乎全线下挫。下跌基金方面，基金安顺下跌3.25%，其他跌幅较大的有瑞福进取跌2.98%，"
            "基金通乾跌2.93%。上证50ETF跌2.65%，报1.655元；但价格却涨了2%，净利润则同比大跌37%，沪深300暴跌5%。")
    entities = _entities(text)
    for name in ("基金安顺", "瑞福进取", "基金通乾", "上证50ETF"):
        assert entities[name].type == "PRODUCT", name
    assert not {"但价格却", "净利润则同比", "沪深300暴", "两市封闭式基金"} & set(entities)
    entities = _entities("港股午后走低，维亚生物跌5.1%，中集车辆涨2.3%。")
    assert entities["维亚生物"].type == "ORG" and entities["中集车辆"].type == "ORG"  # no fund: listed companies


def test_a_foreign_company_is_its_own_name_without_its_country():
    entities = _entities("据外媒报道，美国耐克集团宣布裁员。耐克第四财季亏损7.9亿美元，耐克股价下跌。")
    assert "耐克集团" in entities and "美国耐克集团" not in entities
    entities = _entities("美国银行宣布裁员，美国银行股价下跌。")
    assert "美国银行" in entities  # never named without 美国: that is its name
    assert "外卖公司" not in _entities("印度外卖公司宣布裁员。外卖市场增长。")


@pytest.mark.parametrize("text, name", [
    ("昨天拍下的“亦庄新城III-1街区F地块”总建筑面积26.8万平方米。", "亦庄新城III-1街区F地块"),
    ("农业银行本月13日以37.7亿元购入浦江双辉大厦，该大厦共37层。", "浦江双辉大厦"),
])
def test_buildings_and_parcels_of_a_deal_are_locations(text, name):
    assert _entities(text)[name].type == "LOCATION"


@pytest.mark.parametrize("text", ["远洋地产以48.3亿元摘得亦庄新城东区一居住地块。", "公司拟出售8幅地块。",
                                  "从开发商手中夺得广渠路15号地块。", "这里是城市的“城市后花园”。"])
def test_descriptions_of_property_are_no_names(text):
    assert not [name for name, e in _entities(text).items() if e.type == "LOCATION"]


def test_a_coined_company_name_acting_after_a_date():
    entities = _entities("云帆汽车11月1日公布，10月共交付新车3.2万辆。截至10月底，云帆已布局超1200座超充站。")
    assert entities["云帆汽车"].type == "ORG" and "云帆" in entities["云帆汽车"].aliases


def test_a_groups_two_character_core_is_its_short_name():
    entities = _entities("据外媒报道，耐克集团宣布裁员。耐克第四财季亏损7.9亿美元，耐克股价下跌。")
    assert "耐克" in entities["耐克集团"].aliases and len(entities["耐克集团"].mentions) == 3
    assert all("越南" not in e.aliases for e in _entities("越南公司宣布裁员。越南市场增长。").values())  # 公司 follows descriptions


def test_an_organisation_named_without_its_place_is_the_same_one():
    entities = _entities("西部证券携手梅隆银行。西部证券正与纽约梅隆银行进行合作，纽约梅隆银行派出了代表。")
    assert "梅隆银行" in entities["纽约梅隆银行"].aliases and "梅隆银行" not in entities


def test_other_models_and_series_of_a_brands_line_are_products():
    text = "理光R10售价1750元。R10的镜头与前代R8相同，R系列一向轻薄；同场的GX200与Q3财报无关。"
    entities = _entities(text)
    assert entities["R8"].type == "PRODUCT" and "理光R10" in entities
    assert entities["R系列"].type == "PRODUCT"
    assert "GX200" not in entities and "Q3" not in entities  # codes of no line the text tied to a brand


@pytest.mark.parametrize("text, name", [
    ("今日，星河丽华（002243，收盘价8.95元）公布了2008年年报。", "星河丽华"),
    ("蓝鲸控股(00700.HK)今日发布公告。", "蓝鲸控股"),
    ("据公告，今日青禾A（000002.SZ）宣布回购。", "青禾A"),
    ("原标题：星海光电(25.070,0.09,0.36%)：控股股东解除质押", "星海光电"),
])
def test_company_named_with_its_stock_code(text, name):
    entity = _entities(text)[name]
    assert entity.type == "ORG"


def test_stock_code_after_a_generic_word_is_no_company():
    assert not any(e.type == "ORG" for e in _entities("公司股票（600888）今日复牌。").values())


def test_time_word_before_a_fund_name_is_cut():
    text = "而年报显示，在第四季度星河同德主题增长基金增持77.1万股。"
    assert _entities(text)["星河同德主题增长基金"].type == "PRODUCT"


@pytest.mark.parametrize("text, name, expected", [
    ("长盛基金旗下的长盛同德主题增长和长盛中信全债指数基金分别新进了21万股。", "长盛中信全债指数基金", "PRODUCT"),
    ("不少投资者转而购买指数基金。", "指数基金", None),
    ("今年以来偏股基金募集规模回升，货币基金也有增长。", "货币基金", None),
    ("今年以来偏股基金募集规模回升。", "偏股基金", None),
])
def test_fund_strategy_words_belong_to_named_funds(text, name, expected):
    entity = _entities(text).get(name)
    assert (entity.type if entity else None) == expected


def test_a_number_of_institutions_is_no_name():
    entities = _entities("纽约梅隆银行按市值计算位列美国前五大银行之列。")
    assert "五大银行" not in entities


@pytest.mark.parametrize("text, products", [
    ("星河基金旗下的星河稳健成长和星河价值精选也分别新进了30万股和20万股。", {"星河稳健成长", "星河价值精选"}),
    ("据悉，云帆基金公司旗下的云帆量化优选、云帆红利先锋与云帆债券增强均有增持。",
     {"云帆量化优选", "云帆红利先锋", "云帆债券增强"}),
    # Names that do not begin with the company's own name are not its funds.
    ("星河基金旗下的多只产品均有增持。", set()),
])
def test_funds_listed_under_their_company(text, products):
    found = {name for name, e in _entities(text).items() if e.type == "PRODUCT"}
    assert found == products


def test_title_word_after_a_quantifier_names_a_group():
    entities = _entities("其亮丽的业绩表现使得许多投资人开始重拾股票型基金。")
    assert not any(e.type in ("PERSON", "ORG") for e in entities.values())


@pytest.mark.parametrize("text, names, not_names", [
    # function words and adverbs in front of a suffix are never part of the name
    ("随着新基金密集发行，渠道压力加大。", set(), {"随着新基金", "新基金"}),
    ("数据表明青禾银行的零售业务增长最快。", {"青禾银行"}, {"数据表明青禾银行", "表明青禾银行"}),
    ("那么这类基金公司该如何应对？", set(), {"那么这类基金公司", "这类基金公司"}),
    ("记者致电上海云帆投资管理有限公司求证。", {"上海云帆投资管理有限公司"}, {"记者致电上海云帆投资管理有限公司"}),
    # a verb and its object are a clause, not a name
    ("他建议投资者长期注重基金的分红能力。", set(), {"注重基金", "长期注重基金"}),
    # names that hold verb-like words stay whole
    ("中央国债登记结算有限责任公司公布了托管数据。", {"中央国债登记结算有限责任公司"}, set()),
    ("星河积极成长基金本周结束募集。", {"星河积极成长基金"}, set()),
    # a fund's name keeps the verbs after its first name word, loses those it opens with
    ("云帆强化收益债券基金今年以来上涨5%。", {"云帆强化收益债券基金"}, set()),
    ("投资者需要保持基金组合的稳定。", set(), {"需要保持基金", "保持基金"}),
    # a time word never opens a fund's name
    ("当下货币基金的收益率持续走低。", set(), {"当下货币基金"}),
    # a word of what comes next is no part of the name after it
    ("王文涛表示，下一步商务部将实施新的工程。", {"商务部"}, {"下一步商务部"}),
    # an adverb opening with a preposition is a lead-in even when it is all there is before the suffix
    ("对此公司回应称，该消息不属实。", set(), {"对此公司", "此公司"}),
])
def test_lead_ins_tagged_by_the_dictionary_are_cut_from_names(text, names, not_names):
    found = set(_entities(text))
    assert names <= found
    assert not (not_names & found)


@pytest.mark.parametrize("text, not_person", [
    ("3月中旬证监会组织多家基金公司总经理进行了座谈。", "进行"),
    ("拿下地块后，该企业负责人迅速被众多媒体包围。", "迅速"),
    ("他因个人原因辞去公司总经理职务。", "职务"),
    ("更多的基金经理重视精选个股的作用。", "重视"),
])
def test_a_common_word_after_a_title_is_no_person(text, not_person):
    entity = _entities(text).get(not_person)
    assert entity is None or entity.type != "PERSON"


def test_a_name_after_a_title_is_still_a_person():
    assert _entities("星河基金总经理王立群表示，今年将加大投入。")["王立群"].type == "PERSON"


@pytest.mark.parametrize("text", [
    "人民币如果不与美元脱钩，就会长期失去货币政策的独立性。",  # 会长 inside 会|长期
    "这一计划已经获得董事会批准。",  # 董事 inside 董事会
    "业绩和规模的同步前进是保证公司长足发展的基石。",  # 司长 inside 公司|长足
])
def test_a_title_inside_a_longer_word_names_no_one(text):
    assert not any(e.type == "PERSON" for e in _entities(text).values())


def test_a_chain_of_titles_keeps_each_organisation():
    person = _entities("全国工商联副主席、伊利资源董事局主席王文彪先生出席会议。")["王文彪"]
    assert ("董事局主席", "伊利资源") in set(person.roles)


@pytest.mark.parametrize("text, org, title", [
    ("远景创投主管合伙人王蕾认为，行业正走向规模化。", "远景创投", "主管合伙人"),
    ("河南温县国土局原局长王某昨日被查。", "河南温县国土局", "原局长"),
    ("中卫市常务副市长李明表示，今年投资将增加。", "中卫市", "常务副市长"),
])
def test_title_modifiers_belong_to_the_title_not_the_organisation(text, org, title):
    entities = _entities(text)
    assert entities[org].type == "ORG"
    person = next(e for e in entities.values() if e.type == "PERSON")
    assert title in {role[0] for role in person.roles}


def test_words_before_a_title_that_are_no_name_make_no_organisation():
    names = set(_entities("甚至有私募经理遭到投资者投诉。"))
    assert not names & {"甚至有私募", "有私募", "私募"}


@pytest.mark.parametrize("text, event", [
    ("3月14日，星河电商在杭州举办2023星河电商生态合作伙伴大会。", "2023星河电商生态合作伙伴大会"),
    ("他出席了在北京举行的第五届数字中国建设峰会。", "第五届数字中国建设峰会"),
    ("在2023世界人工智能大会上，蓝鲸集团发布了新品。", "2023世界人工智能大会"),
])
def test_an_unquoted_event_is_named_after_a_verb_of_holding(text, event):
    assert _entities(text)[event].type == "EVENT"


@pytest.mark.parametrize("text", ["公司将于下月举办新品发布会。", "他在这个新闻发布会上回答了提问。", "今年共举办两场区域巡回峰会。"])
def test_a_described_event_is_no_name(text):
    assert not any(e.type == "EVENT" for e in _entities(text).values())


@pytest.mark.parametrize("text, name, entity_type", [
    ("平台还将推出“千店万播”活动，帮助品牌开播。", "千店万播", "EVENT"),
    ("警方开展“秋风”行动，清查出租屋。", "秋风", "PROGRAMME"),
])
def test_a_word_after_a_quoted_name_says_what_it_is(text, name, entity_type):
    assert _entities(text)[name].type == entity_type


def test_a_quoted_property_project_is_no_programme():
    entity = _entities("开发商推出的“帝苑·花园”项目本周开盘。").get("帝苑·花园")
    assert entity is None or entity.type != "PROGRAMME"


def test_an_organisation_named_before_one_title_splits_a_later_chain():
    text = "星河集团副总裁、星河电商总经理林若溪宣布启动新计划。星河电商商家运营负责人陈一鸣表示，平台将新增服务商。"
    person = _entities(text)["陈一鸣"]
    assert ("商家运营负责人", "星河电商") in set(person.roles)


@pytest.mark.parametrize("text, person, roles", [
    ("云帆科技董事长兼CEO赵明远表示，业绩良好。", "赵明远", {("董事长", "云帆科技"), ("CEO", "云帆科技")}),
    ("纽约梅隆银行执行副总裁及亚太地区主席施戴德表示，合作顺利。", "施戴德",
     {("执行副总裁", "纽约梅隆银行"), ("亚太地区主席", "纽约梅隆银行")}),
])
def test_a_title_in_a_chain_with_no_organisation_of_its_own_holds_at_the_one_before(text, person, roles):
    assert set(_entities(text)[person].roles) == roles


def test_a_descriptor_before_a_name_is_no_organisation():
    names = set(_entities("7月10日，智能硬件公司小米宣布完成新一轮投资，本轮由红杉中国领投，高瓴创投跟投。"))
    assert "智能硬件公司" not in names and "小米" in names
    assert {"红杉中国", "高瓴创投"} <= names


def test_a_board_the_ner_names_is_its_company():
    text = "此外，蓝海银行董事会建议派发中期股息。"
    entities = _entities_with_ner(text, [_ner_span(text, "蓝海银行董事会", "ORG", "organization")])
    assert "蓝海银行" in entities and "蓝海银行董事会" not in entities


@pytest.mark.parametrize("text, names, not_names", [
    pytest.param("芯擎微电子近日宣布完成新一轮融资。", {"芯擎微电子"}, set(), id="act-after-name"),
    pytest.param("云帆智能成立于2019年，总部位于杭州。", {"云帆智能"}, set(), id="founded-after-name"),
    pytest.param("物联网芯片设计公司亮牛半导体，今年完成了融资。", {"亮牛半导体"}, {"物联网芯片设计公司"},
                 id="kind-word-before-name"),
    pytest.param("昨日云帆智能宣布量产。", {"云帆智能"}, {"昨日云帆智能"}, id="lead-in-cut"),
    pytest.param("人工智能宣布了一个新时代的到来。", set(), {"人工智能"}, id="common-words-are-no-name"),
    pytest.param("他看好金融科技方面的机会。", set(), {"金融科技"}, id="common-words-before-act"),
    pytest.param("公司星宇股份智能制造业务增长。", set(), {"股份智能", "星宇股份智能"}, id="ending-inside-a-word"),
    pytest.param("这一领域的新能源汽车发布会上，多款新车亮相。", set(), {"新能源汽车"}, id="no-coined-core"),
])
def test_companies_named_by_a_coined_word_and_their_industry(text, names, not_names):
    entities = _entities(text)
    assert names <= set(entities)
    assert all(entities[name].type == "ORG" for name in names)
    assert not not_names & set(entities)


@pytest.mark.parametrize("text, name", [
    pytest.param("｜中国环保能源(00986.HK)公布中期业绩。", "中国环保能源", id="opening-character-of-a-word-kept"),
    pytest.param("｜君正集团(601216.SH)公布。", "君正集团", id="lead-in-character-inside-the-name-kept"),
    pytest.param("｜同和药业(300636.SZ)公布。", "同和药业", id="cut-leaving-a-common-word-refused"),
    pytest.param("有消息称云帆汽车(002999)将降价。", "云帆汽车", id="last-lead-in-word-cut"),
    pytest.param("股东将所持1000万股质押给青禾银行(601999)。", "青禾银行", id="preposition-inside-the-run-cut"),
    pytest.param("据公告，今日通产丽星(002243)宣布。", "通产丽星", id="time-word-cut"),
])
def test_lead_ins_before_a_stock_code(text, name):
    entities = _entities(text)
    assert name in entities, set(entities)
    assert entities[name].type == "ORG"


@pytest.mark.parametrize("text", ["他在一家私人银行工作，年薪 80 万元。", "投资银行业务收入增长 12%。"])
def test_a_kind_of_bank_is_no_name(text):
    assert not any(name.endswith("银行") for name in _entities(text))


def test_a_verb_opening_a_name_stays_when_the_short_name_stands_alone():
    text = "7月22日，希望教育集团发布公告。截至发稿时，希望教育(HK:01765)股价上涨。"
    assert "希望教育集团" in _entities(text)


@pytest.mark.parametrize("text, not_names", [
    pytest.param("公司第二季度出现亏损因最近宣布的业务重组计划成本令业绩承压。", {"的业务重组计划"}, id="relative-clause-programme"),
    pytest.param("该行基本全面退出证券销售和交易业务。", {"全面退出证券"}, id="suffix-inside-an-activity"),
    pytest.param("收购完成后，远帆文旅成为集团间接全资并表附属公司。", {"并表附属公司", "附属公司"}, id="subsidiary-kind"),
    pytest.param("集团现运营有8所院校，包括3所独立学院及5所高职学院。", {"独立学院", "高职学院"}, id="school-kinds"),
    pytest.param("原CEO戴珊将继续担任集团合伙人。", {"继续担任集团", "担任集团"}, id="verb-before-a-suffix"),
    pytest.param("公司近日收到中标通知书，确认公司为该项目的中标单位，减持不超过公司总股本的1%。",
                 {"确认公司", "不超过公司"}, id="verb-and-its-object-company"),
])
def test_descriptions_are_no_names(text, not_names):
    assert not not_names & set(_entities(text))


def test_an_apps_dateline_names_an_outlet_that_is_no_subject(extractor):
    record = extractor.extract("中新经纬客户端11月5日电 （林晓）继昨日跌停后，星海控股(600999)5日开盘再度大跌，截至发稿跌近10%。")
    names = {e.id: e for e in record.entities}
    outlet = next(e for e in record.entities if e.name == "中新经纬")
    assert "rule:outlet" in outlet.sources
    assert names[record.claims[0].subject].name == "星海控股"


@pytest.mark.parametrize("text, name", [
    pytest.param("赫兹汽车租赁公司申请破产保护。", "赫兹汽车租赁公司", id="a-noun-before-the-verb"),
    pytest.param("丰泽源开发公司竞得该地块。", "丰泽源开发公司", id="a-names-own-characters-before-the-verb"),
    pytest.param("联想公司发布新品。", "联想公司", id="a-known-name-that-is-a-verb"),
])
def test_companies_named_with_a_verb_in_them_are_kept(text, name):
    assert name in _entities(text)


@pytest.mark.parametrize("text, person, roles", [
    pytest.param("阿里巴巴集团宣布任命蒋凡为阿里巴巴国际数字商业集团CEO。", "蒋凡",
                 [("CEO", "阿里巴巴国际数字商业集团")], id="appointed-to-a-named-group"),
    pytest.param("星海控股董事会同意聘任李明为公司总经理，任期三年。", "李明", [("总经理", "星海控股")],
                 id="appointed-by-the-company"),
    pytest.param("公司宣布任命欧阳娜娜为首席营销官。", "欧阳娜娜", [("首席营销官", None)], id="compound-surname"),
])
def test_people_appointed_to_a_title(text, person, roles):
    entities = _entities(text)
    assert entities[person].type == "PERSON"
    assert entities[person].roles == roles


def test_a_latin_product_name_after_a_title_is_no_person():
    assert "Apple Pay" not in _entities("他出任董事长 Apple Pay 业务负责人一职。")


@pytest.mark.parametrize("text, outlet", [
    pytest.param("原标题：星海控股盘前跌4%    来源：格隆汇\n星海控股今日跌4.15%。", "格隆汇", id="source-credit"),
    pytest.param("原标题：收购    来源：界面新闻\n7月22日，星海控股发布公告。", "界面新闻", id="source-credit-of-common-words"),
    pytest.param("挖贝网 8月1日，星海控股（300999）发布公告称。", "挖贝网", id="outlet-dateline"),
])
def test_outlets_credited_or_opening_a_report(text, outlet):
    entity = _entities(text)[outlet]
    assert entity.type == "ORG" and "rule:outlet" in entity.sources


@pytest.mark.parametrize("text", ["数据来源：公司公告", "图片来源：网络", "来源：每经记者"])
def test_source_credits_that_name_no_outlet(text):
    assert not any("rule:outlet" in e.sources for e in _entities(text).values())


@pytest.mark.parametrize("text, name, alias", [
    pytest.param("国家外汇管理局副局长李超表示，外汇局陆续审批新的投资额度。", "国家外汇管理局", "外汇局", id="regulator"),
    pytest.param("来源：每日经济新闻\n每经AI快讯，星海控股发布公告。", "每日经济新闻", "每经", id="outlet"),
])
def test_usual_short_forms_are_aliases(text, name, alias):
    entities = _entities(text)
    assert alias not in entities
    assert entities[name].aliases == [alias]


def test_a_ministry_is_an_organisation():
    assert _entities("经教育部批准，该学院于2014年成立。")["教育部"].type == "ORG"


@pytest.mark.parametrize("text, name, not_names", [
    pytest.param("集团以7800万元进一步收购捷星慧旅30%权益。", "捷星慧旅", set(), id="stake-bought"),
    pytest.param("公司拟收购其控股子公司云帆科技40%股权。", "云帆科技", {"控股子公司云帆科技"}, id="lead-in-words-cut"),
    pytest.param("拟购买华为投资持有的华为海洋51%股权。", "华为海洋", {"海洋"}, id="lead-in-character-inside-a-name"),
    pytest.param("阿里持有圆通大约22.5%的股份。", "圆通", {"圆通大"}, id="bound-word-cut"),
])
def test_companies_a_stake_in_is_dealt_in(text, name, not_names):
    entities = _entities(text)
    assert entities[name].type == "ORG"
    assert not not_names & set(entities)


@pytest.mark.parametrize("text", ["公司拟收购该公司30%股权。", "股东拟减持不超4%股份。", "公司拟出售旗下业务60%的股权。"])
def test_stakes_in_no_named_company(text):
    assert not any("rule:stake" in e.sources for e in _entities(text).values())


@pytest.mark.parametrize("text, model", [
    pytest.param("华为正式发布Mate 70系列手机，起售价5499元。", "Mate 70", id="model-before-series-and-kind"),
    pytest.param("Mate 60系列上市以来累计销量已超过1000万台。", "Mate 60", id="model-before-series"),
])
def test_models_named_before_their_series_or_kind(text, model):
    assert _entities(text)[model].type == "PRODUCT"
