"""Rule-based entities: people with roles, organisations, programmes, events, products,
works and places, found from context rather than from lists of names.

``match_entities(text, token_bounds, ner_spans)`` returns candidate spans, each with the
rule that proposed it and a score; ``resolve_entities(text, candidates)`` merges them into
entities with a canonical name, aliases, every mention and, for people, their roles.

The rules (tables in ``data/entities.yaml``):
- title + name: 快手高级副总裁、快手电商负责人笑古 gives the person 笑古, the organisations
  快手 and 快手电商 and the roles (高级副总裁, 快手), (负责人, 快手电商);
- quoted names classified by their suffix (…计划 → PROGRAMME, …大会 → EVENT) or by the
  words around them (营销平台“磁力金牛” → PRODUCT, “快粉”联合创始人 → ORG);
- 《…》 → WORK; organisation suffixes (…集团, …有限公司); speech verbs after a name with a
  common surname (李松表示); gazetteers of large companies and places, accepted only where
  the match lines up with word boundaries (美的 in 完美的 is not the company);
- statistical NER proposals (``pipeline.ner``) join with a lower score when no rule agrees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from pipeline.numbers import find_quantities
from pipeline.segment import common_word_tags, is_dictionary_word, word_boundaries
from pipeline.tables import alternation as _alt
from pipeline.tables import load_table

REGEX_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Candidate:
    """One proposed entity mention: ``text[start:end] == name`` (quotes excluded)."""

    start: int
    end: int
    name: str
    type: str
    source: str  # which rule, e.g. "rule:title_name"
    score: float
    roles: tuple[tuple[str, str | None], ...] = ()  # (title, organisation name) for PERSON
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass
class ResolvedEntity:
    """An entity after merging candidates: the record's ``Entity`` without ids."""

    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    confidence: float = 0.0
    sources: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def first_offset(self) -> int:
        return min((s for s, _ in self.mentions), default=10**9)


# --------------------------------------------------------------------------- tables

@dataclass(frozen=True)
class _Tables:
    titles: tuple[str, ...]
    title_re: regex.Pattern
    name_stops: tuple[str, ...]
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    org_suffix_re: regex.Pattern
    known_orgs: frozenset[str]
    known_org_re: regex.Pattern
    locations_re: regex.Pattern
    place_names: frozenset[str]
    quoted_descriptors: dict[str, tuple[str, ...]]
    org_after_quote: tuple[str, ...]
    programme_re: regex.Pattern
    launched_programme_re: regex.Pattern  # 推出青云计划
    acronym_scheme_re: regex.Pattern  # QFII资格, QFII投资额度
    event_re: regex.Pattern
    held_event_re: regex.Pattern  # 举办2023星河电商生态合作伙伴大会, 在…峰会上
    event_suffix_re: regex.Pattern
    event_name_breakers: tuple[str, ...]
    quoted_type_after: dict[str, tuple[str, ...]]
    business_units: tuple[str, ...]
    same_entity_suffixes: tuple[str, ...]
    short_core_forms: tuple[str, ...]  # 耐克 of 耐克集团
    country_prefixes: tuple[str, ...]  # 美国 of 美国耐克集团
    subsidiary_suffixes: frozenset[str]
    governing_bodies: tuple[str, ...]
    org_anaphora: tuple[str, ...]
    generic_org_words: tuple[str, ...]
    non_name_words: frozenset[str]
    group_name_openers: tuple[str, ...]  # 两市封闭式基金: a group of funds, no name
    group_quantifiers: tuple[str, ...]
    org_lead_in_re: regex.Pattern
    title_modifiers: tuple[str, ...]
    title_org_lead_chars: frozenset[str]
    title_scope_suffixes: tuple[str, ...]
    org_generic_modifiers: tuple[str, ...]
    fund_product_words: tuple[str, ...]
    mover_re: regex.Pattern  # 基金安顺下跌3.25%: a security listed with its move
    latin_mover_re: regex.Pattern  # 社交媒体Snap跌18.4%: a company named in Latin with its move
    mover_not_names: tuple[str, ...]
    property_endings: tuple[str, ...]  # 地块, 大厦: a parcel or a building
    property_re: regex.Pattern  # 购入浦江双辉大厦
    mover_name_stop_chars: frozenset[str]
    mover_name_bad_openers: tuple[str, ...]
    fund_market_words: tuple[str, ...]
    org_suffix_continuations: tuple[str, ...]
    ner_only_types: frozenset[str]
    proper_name_tags: frozenset[str]
    lead_in_function_tags: frozenset[str]
    lead_in_adverb_tags: frozenset[str]
    lead_in_verb_tags: frozenset[str]
    lead_in_time_tags: frozenset[str]
    clause_word_tags: frozenset[str]  # tags of words no name runs on into (增长 v, 同比 d)
    listed_product_re: regex.Pattern  # 交银先锋、南方300等6只新基金
    listed_kind_re: regex.Pattern  # 米哈游、叠纸游戏等公司: names listed before their kind
    listed_org_kinds: tuple[str, ...]  # 公司, 企业, 车企
    verb_phrase_chars: frozenset[str]  # 不, 亦, 能: single characters of a verb phrase
    appointing_verbs: tuple[str, ...]  # 任命, 聘任: 任命X为〈title〉
    short_forms: dict[str, str]  # 外汇局 → 国家外汇管理局: usual short forms that are no prefix
    appointed_re: regex.Pattern  # 任命蒋凡为: the person appointed
    opening_prepositions: frozenset[str]  # 据, 向: one-character lead-ins that may open a run
    stake_re: regex.Pattern  # 收购X30%权益: the company a stake is dealt in
    stake_bounds: tuple[str, ...]  # 约, 不超过: bound words between such a name and its percentage
    legal_form_parts: tuple[str, ...]  # 公司, 有限: left to the suffix rule
    not_outlet_endings: tuple[str, ...]  # 来源：公司公告 names no outlet
    own_company_words: frozenset[str]  # 聘任李明为公司总经理: the announcing company
    industry_name_re: regex.Pattern  # an industry word a company's name ends with (微电子, 科技)
    industry_name_endings: tuple[str, ...]
    industry_name_acts: tuple[str, ...]  # what an organisation does after its name (宣布, 成立于)
    announcer_re: regex.Pattern  # 浙能电力公告，: the company a news flash opens with
    ticker_kind_words: tuple[str, ...]  # 玩具制造龙头美泰(MAT.O): the kind ends before the name
    company_kind_words: tuple[str, ...]  # 科创板公司, 预增公司: a market or category of companies
    not_model_codes: frozenset[str]  # IPv6, 5G, USB3: standards, not models
    announcer_not_names: frozenset[str]
    institution_endings: tuple[str, ...]  # what an institution's name may end with (组织, 中心, 会)
    former_marks: frozenset[str]  # 前/原 before an organisation and a title: the title is a past one
    departments: frozenset[str]  # a department before a title (财务副总裁): of the organisation in view
    professional_titles: frozenset[str]  # titles held without an organisation (分析师, 经济学家)
    appointment_re: regex.Pattern  # after a name: (…，)出任/担任
    org_suffix_end_re: regex.Pattern  # an organisation suffix at the end of a text
    kind_model_re: regex.Pattern  # 旗舰手机 X9 Pro: a device kind, then its model
    outlet_name_re: regex.Pattern  # an outlet's name in a report opening (新快报, 每经)
    not_given_name_tags: frozenset[str]


def _model(t: dict) -> str:
    """A device model's code with its suffixes (X9 Pro, W3, Mate 70, Buds 5)."""
    return (r"(?:[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*|[A-Z][a-z]+\ ?[0-9]+[A-Za-z]?)"
            rf"(?:\ ?(?:{_alt(t['model_suffixes'])}))*")


@lru_cache(maxsize=1)
def tables() -> _Tables:
    t = load_table("entities")
    known = list(t["known_orgs"])
    units = t["business_units"]
    return _Tables(
        titles=tuple(t["title_words"]),
        title_re=regex.compile(rf"(?:{_alt(t['title_words'])}|首席\p{{Han}}{{1,4}}官)"),
        name_stops=tuple(sorted(t["name_stops"], key=len, reverse=True)),
        surnames=frozenset(t["surnames"]),
        compound_surnames=tuple(t["compound_surnames"]),
        org_suffix_re=regex.compile(_alt(t["org_suffixes"])),
        known_orgs=frozenset(known),
        known_org_re=regex.compile(
            # a Latin name is no part of a longer Latin word or code; 小鹏汽车10月 is still one
            rf"(?<![A-Za-z0-9])(?:{_alt(known)})(?:{_alt(units)})?(?!(?<=[A-Za-z0-9])[A-Za-z0-9])"
        ),
        locations_re=regex.compile(_alt(t["locations"])),
        place_names=frozenset(t["locations"]),
        quoted_descriptors={k: tuple(v) for k, v in t["quoted_descriptors"].items()},
        org_after_quote=tuple(t["org_after_quote"]),
        programme_re=regex.compile(
            rf"^[\p{{Han}}A-Za-z0-9 ·]{{1,12}}?(?:{_alt(t['programme_suffixes'])})(?: ?[0-9]+(?:\.[0-9]+)*)?$"
        ),
        launched_programme_re=regex.compile(
            rf"(?:{_alt(t['programme_launch_verbs'])})了?(\p{{Han}}{{2,8}}?(?:{_alt(t['unquoted_programme_suffixes'])}))"),
        acronym_scheme_re=regex.compile(
            rf"(?<![A-Za-z])([A-Z]{{3,6}})(?=\ ?(?:{_alt(t['scheme_after_acronym'])}))"),
        held_event_re=regex.compile(
            rf"(?:(?:{_alt(t['event_hold_verbs'])})[了的]?\ ?|在\ ?(?=[^，。；]{{4,30}}?(?:{_alt(t['unquoted_event_suffixes'])})(?:上|期间|现场)))"
            rf"(?P<name>(?:[0-9]{{4}}\ ?)?(?:第[0-9一二三四五六七八九十]+届)?(?:(?![的在])[\p{{Han}}A-Za-z0-9·]){{2,24}}?"
            rf"(?:{_alt(t['unquoted_event_suffixes'])}))"),
        quoted_type_after={k: tuple(v) for k, v in t["quoted_type_after"].items()},
        event_suffix_re=regex.compile(rf"(?:{_alt(t['unquoted_event_suffixes'])})$"),
        event_name_breakers=tuple(t["event_name_breakers"]),
        event_re=regex.compile(
            rf"^(?:[0-9]{{4}} ?)?[\p{{Han}}A-Za-z0-9 ·：:]{{1,24}}?(?:{_alt(t['event_suffixes'])})(?: ?[0-9]{{2,4}})?$"
        ),
        business_units=tuple(units),
        same_entity_suffixes=tuple(t["same_entity_suffixes"]),
        short_core_forms=tuple(t["short_core_forms"]),
        country_prefixes=tuple(t["country_prefixes"]),
        subsidiary_suffixes=frozenset(t["subsidiary_suffixes"]),
        governing_bodies=tuple(t["governing_bodies"]),
        org_anaphora=tuple(sorted(t["org_anaphora"], key=len, reverse=True)),
        generic_org_words=tuple(t["generic_org_words"]),
        non_name_words=frozenset(t["non_name_words"]),
        group_name_openers=tuple(t["group_name_openers"]),
        group_quantifiers=tuple(t["group_quantifiers"]),
        org_lead_in_re=regex.compile(_alt(t["org_lead_ins"])),
        title_modifiers=tuple(sorted(t["title_modifiers"], key=len, reverse=True)),
        title_org_lead_chars=frozenset(t["title_org_lead_chars"]),
        title_scope_suffixes=tuple(t["title_scope_suffixes"]),
        org_generic_modifiers=tuple(t["org_generic_modifiers"]),
        fund_product_words=tuple(t["fund_product_words"]),
        mover_re=regex.compile(
            rf"(?:^|(?<=[，,；;。、：:\s])|(?<={_alt(t['mover_list_openers'])}))"
            rf"(?P<name>[\p{{Han}}A-Za-z0-9]{{2,9}}?)(?:{_alt(t['mover_sessions'])})?(?:{_alt(t['mover_verbs'])})"
            rf"(?:了)?[0-9]+(?:\.[0-9]+)?[%％]", flags=regex.MULTILINE),
        mover_not_names=tuple(t["mover_not_names"]),
        latin_mover_re=regex.compile(
            rf"(?<![A-Za-z0-9.&'-])(?P<name>[A-Z][a-z][A-Za-z]{{1,18}})(?:{_alt(t['mover_sessions'])})?(?:也|则|亦)?"
            rf"(?:{_alt(t['mover_verbs'])})(?:了|超|逾)?[0-9]+(?:\.[0-9]+)?[%％]"),
        property_endings=tuple(t["property_endings"]),
        property_re=regex.compile(
            rf"(?:{_alt(t['property_deal_verbs'])})(?:了)?(?P<name>[\p{{Han}}A-Za-z0-9-]{{2,14}}?(?:{_alt(t['property_endings'])}))"),
        mover_name_stop_chars=frozenset(t["mover_name_stop_chars"]),
        mover_name_bad_openers=tuple(t["mover_name_bad_openers"]),
        fund_market_words=tuple(t["fund_market_words"]),
        org_suffix_continuations=tuple(t["org_suffix_continuations"]),
        ner_only_types=frozenset(t["ner_only_types"]),
        proper_name_tags=frozenset(t["proper_name_tags"]),
        lead_in_function_tags=frozenset(t["lead_in_function_tags"]),
        lead_in_adverb_tags=frozenset(t["lead_in_adverb_tags"]),
        lead_in_verb_tags=frozenset(t["lead_in_verb_tags"]),
        lead_in_time_tags=frozenset(t["lead_in_time_tags"]),
        clause_word_tags=frozenset(t["lead_in_function_tags"] + t["lead_in_adverb_tags"] + t["lead_in_verb_tags"]),
        institution_endings=tuple(t["institution_endings"]),
        former_marks=frozenset(t["former_marks"]),
        departments=frozenset(t["departments"]),
        professional_titles=frozenset(t["professional_titles"]),
        appointment_re=regex.compile(
            rf"[^。；！？\n]{{0,16}}?(?:{_alt(t['appointment_verbs'])})"),
        org_suffix_end_re=regex.compile(rf"(?:{_alt(t['org_suffixes'])})$"),
        outlet_name_re=regex.compile(
            rf"(?:{_alt(t['outlet_short_names'])})|\p{{Han}}{{1,6}}?(?:{_alt(t['outlet_endings'])})"),
        kind_model_re=regex.compile(
            rf"(?:{_alt(t['device_kinds'])})\ ?(?P<model>{_model(t)})(?![A-Za-z0-9])"
            # … or before it, or before 系列 (Mate 70系列手机, Mate 60系列上市以来)
            rf"|(?<![A-Za-z0-9])(?P<model>{_model(t)})\ ?(?:系列|{_alt(t['device_kinds'])})"),
        listed_kind_re=regex.compile(
            r"(?P<items>(?:[\p{Han}A-Za-z0-9]{2,8}(?:、|和|与|及))+[\p{Han}A-Za-z0-9]{2,8})等"
            rf"(?:[0-9一二两三四五六七八九十几多]+[家个])?(?:{_alt(t['listed_org_kinds'])})"),
        listed_product_re=regex.compile(
            r"(?P<items>(?:[\p{Han}A-Za-z0-9]{2,8}(?:、|和|与|及))+[\p{Han}A-Za-z0-9]{2,8})等"
            rf"(?:[0-9一二两三四五六七八九十几多]+[只个])?(?:{_alt(t['listed_product_kinds'])})(?!公司|管理|经理|业|行业)"),
        not_given_name_tags=frozenset(t["not_given_name_tags"]),
        listed_org_kinds=tuple(t["listed_org_kinds"]),
        verb_phrase_chars=frozenset(t["verb_phrase_chars"]),
        appointing_verbs=tuple(t["appointing_verbs"]),
        short_forms={short: full for full, shorts in t["short_forms"].items() for short in shorts},
        opening_prepositions=frozenset(t["opening_prepositions"]),
        stake_re=regex.compile(rf"(?:{_alt(t['stake_verbs'])})(?P<name>[\p{{Han}}A-Za-z]{{2,12}}?)\s?[0-9.]+\s?[%％](?:的)?"
                               rf"(?:{_alt(t['stake_objects'])})"),
        stake_bounds=tuple(sorted(t["stake_bounds"], key=len, reverse=True)),
        legal_form_parts=tuple(t["legal_form_parts"]),
        not_outlet_endings=tuple(t["not_outlet_endings"]),
        own_company_words=frozenset(t["own_company_words"]),
        appointed_re=regex.compile(rf"(?:{_alt(t['appointing_verbs'])})(?P<name>\p{{Han}}{{2,4}}?)为(?!止|主|了)"),
        industry_name_re=regex.compile(_alt(t["industry_name_endings"])),
        industry_name_endings=tuple(t["industry_name_endings"]),
        industry_name_acts=tuple(t["industry_name_acts"]),
        announcer_re=regex.compile(
            rf"(?:^|(?<=[。！？\n】]))[ \t]*(?:[0-9]{{1,2}}月[0-9]{{1,2}}日(?:晚间|晚|早间|午间)?[，,]?\ ?)?"
            rf"(?P<name>\p{{Han}}{{2,6}}?)(?:[0-9]{{1,2}}月[0-9]{{1,2}}日)?(?:{_alt(t['announcer_time_words'])})*"
            rf"(?:{_alt(t['announcer_verbs'])})(?=[，,：:])",
            regex.MULTILINE),
        announcer_not_names=frozenset(t["announcer_not_names"]),
        ticker_kind_words=tuple(t["ticker_kind_words"]),
        company_kind_words=tuple(t["company_kind_words"]),
        not_model_codes=frozenset(t["not_model_codes"]),
    )


# --------------------------------------------------------------------------- helpers

_QUOTED = regex.compile(r"[“「『\"]([^“”「」『』\"\n]{1,40})[”」』\"]")
_WORK = regex.compile(r"《([^《》\n]{1,60})》")
_SENTENCE_PUNCT = "，。；：！？、（）()“”「」《》\n,;:!?"
_HAN_OR_LATIN = regex.compile(r"[\p{Han}A-Za-z0-9]")


def _aligned(start: int, end: int, token_bounds: tuple[set[int], set[int]] | None) -> bool:
    if token_bounds is None:
        return True
    starts, ends = token_bounds
    return start in starts and end in ends


def _strip_name(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _person_name_at(text: str, start: int, tab: _Tables) -> tuple[int, int] | None:
    """The span of a 2-3 character Chinese name starting at ``start``, if one is there, or of
    a transcribed foreign name with its middle dot (科莱特·克雷斯, 山姆·奥特曼)."""
    latin = _LATIN_NAME.match(text, start)
    if latin:  # 德意志银行CEO Sewing表示, CEO Tim Cook称
        return latin.span()
    foreign = _FOREIGN_NAME.match(text, start)
    if foreign:
        family = foreign.group("family")
        tags = word_tags()
        end = next((i for i in range(2, len(family)) if family.startswith(tab.name_stops, i)
                    or any(tags.get(family[i:i + n]) in tab.clause_word_tags | {"t"} for n in (2, 3))), len(family))
        return start, foreign.start("family") + min(end, 4)  # 奥特曼|此前透露, 博尔纳|周一表示
    run = regex.match(r"\p{Han}{2,6}", text[start:start + 6])
    if not run:
        return None
    chars = run.group()
    if any(chars.startswith(stop) for stop in tab.name_stops):
        return None
    stop_at = len(chars)
    for index in range(1, len(chars)):
        if any(chars.startswith(stop, index) for stop in tab.name_stops):
            stop_at = index
            break
    if stop_at < 2:
        return None
    if any(chars.startswith(c) for c in tab.compound_surnames):
        length = min(stop_at, 4 if stop_at >= 4 else 3)
    elif stop_at == 2:
        length = 2
    elif chars[0] in tab.surnames:
        length = 3 if stop_at >= 3 else 2
    else:
        length = 2 if stop_at > 3 or stop_at == 2 else 3
    name = chars[:length]
    if name in tab.non_name_words or any(name.startswith(w) for w in tab.non_name_words if len(w) >= 2):
        return None
    if tab.title_re.match(name):
        return None
    return start, start + length


# Verbs of saying a name comes before (李超表示, Sewing称).
_SPEECH_VERBS = "表示|称|说|认为|指出|介绍|透露|强调|坦言|回应|告诉"
# A Latin name after a title, then a verb of saying or a clause break (a product name goes on:
# 董事长 Apple Pay 业务).
_LATIN_NAME = regex.compile(
    rf"[A-Z][a-z]+(?:\ [A-Z][a-z]+){{0,2}}(?=\ ?(?:{_SPEECH_VERBS}|[，。：、,:])|$)")
# A transcribed foreign name: given name, middle dot, family name (each 1-6 characters).
_FOREIGN_NAME = regex.compile(r"\p{Han}{1,6}[·•・](?:\p{Han}{1,6}[·•・])?(?P<family>\p{Han}{1,6})")


# --------------------------------------------------------------------------- rules

def _has_surname(name: str, tab: _Tables) -> bool:
    """Whether ``name`` opens with a single or compound surname (李, 欧阳)."""
    return name[:1] in tab.surnames or name.startswith(tab.compound_surnames)


_HONORIFIC = regex.compile(r"先生|女士")


def _honorific_candidates(text: str, tab: _Tables, token_bounds) -> Iterable[Candidate]:
    """People named with 先生 / 女士: 王金根先生 is 王金根, 曲先生 (a family name alone) is 曲先生
    (GOLD.md). The segmenter must see the honorific as a word of its own or of the name (not
    先生产)."""
    if token_bounds is None:
        return
    starts, ends = token_bounds
    for match in _HONORIFIC.finditer(text, timeout=REGEX_TIMEOUT_S):
        at = match.start()
        if match.end() not in ends:
            continue
        for length in (3, 2, 1):
            start = at - length
            name = text[start:at]
            if start < 0 or start not in starts or not _has_surname(name, tab) or not regex.fullmatch(r"\p{Han}+", name) \
                    or (length == 3 and (name[0] in tab.title_org_lead_chars or name[:2] in word_tags())) \
                    or (length == 2 and (name in word_tags() or at - 1 in starts)):  # (和刘女士: 和 is no name)
                continue
            full = name + match.group() if length == 1 else name
            yield Candidate(start, start + len(full), full, "PERSON", "rule:honorific", 0.8)
            break


def _quoted_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    for match in _QUOTED.finditer(text, timeout=REGEX_TIMEOUT_S):
        start, end = _strip_name(text, *match.span(1))
        name = text[start:end]
        if not name or any(p in name for p in "，。！？；、,!?;") or not _HAN_OR_LATIN.search(name):
            continue
        if tab.programme_re.match(name):
            yield Candidate(start, end, name, "PROGRAMME", "rule:quoted_programme", 0.95)
            continue
        if tab.event_re.match(name):
            yield Candidate(start, end, name, "EVENT", "rule:quoted_event", 0.9)
            continue
        if len(name) <= 16 and name.endswith(tab.property_endings) and _property_name(name, tab):
            yield Candidate(start, end, name, "LOCATION", "rule:quoted_property", 0.85)  # “亦庄新城III-1街区F地块”
            continue
        if len(name) > 12 or "：" in name:
            continue
        before = text[max(0, match.start() - 6):match.start()]
        after = text[match.end():match.end() + 6]
        label = None
        for entity_type, words in tab.quoted_descriptors.items():
            if any(before.endswith(w) for w in words):
                label = entity_type
                break
        if label is None:
            label = next((entity_type for entity_type, words in tab.quoted_type_after.items()
                          if after.startswith(words)), None)
        if label is None and any(after.startswith(w) for w in tab.org_after_quote):
            label = "ORG"
        if label:
            yield Candidate(start, end, name, label, f"rule:quoted_{label.lower()}", 0.9)


def _property_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """A building or a parcel a deal is about, named after the verb of the deal (以37.7亿元购入
    浦江双辉大厦, 摘得亦庄新城东区地块): LOCATION (GOLD.md). Descriptions (该地块, 一居住地块) are no names."""
    for match in tab.property_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        if _property_name(match.group("name"), tab):
            yield Candidate(match.start("name"), match.end("name"), match.group("name"), "LOCATION", "rule:property", 0.75)


# Property portals tag an estate and a developer with their pages (润泽·悦溪 (论坛 相册 户型 样板间
# 地图搜索), 远洋地产(企业专区,旗下楼盘)): the name before the tag is the estate or the developer.
_PORTAL_TAG = regex.compile(r"(?P<name>[\p{Han}A-Za-z0-9·]{2,16})\s?[（(](?:(?P<estate>论坛\ 相册\ 户型\ 样板间\ 地图搜索)|企业专区,旗下楼盘)[)）]")


def _portal_tag_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Estates (LOCATION, GOLD.md property) and developers (ORG) a property portal tags."""
    for match in _PORTAL_TAG.finditer(text, timeout=REGEX_TIMEOUT_S):
        run = match.group("name").lstrip("0123456789")
        run = run[_after_last_lead_in(run, tab):]
        run = run[_after_last_act(run, tab):]
        name = _without_leading_verbs(run.lstrip(_PORTAL_NAME_LEAD_CHARS), tab)
        if len(name) < 2 or name in tab.non_name_words:
            continue
        start = match.end("name") - len(name)
        kind = "LOCATION" if match.group("estate") else "ORG"
        yield Candidate(start, match.end("name"), name, kind, "rule:portal_tag", 0.8)


_PORTAL_NAME_LEAD_CHARS = "以到仅过如由约而"


def _after_last_act(run: str, tab: _Tables) -> int:
    """Where a name starts in ``run`` after the last verb, adverb or honorific before it
    (购房者曲先生看着润泽·悦溪 → 润泽·悦溪; 高价力挫SOHO中国 → SOHO中国)."""
    cut, position = 0, 0
    for word, tag in _dictionary_words(run):
        position += len(word)
        if (tag in tab.lead_in_verb_tags or tag in ("d", "p", "c") or word in ("先生", "女士")) and len(run) - position >= 2:
            cut = position
    return cut


# 地铁2号线, 10号线, 八通线: a metro line is a place (GOLD.md)
_TRANSIT_LINE = regex.compile(r"(?<![0-9A-Za-z])(?:地铁|轨道交通)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})号线")


def _transit_line_candidates(text: str) -> Iterable[Candidate]:
    for match in _TRANSIT_LINE.finditer(text, timeout=REGEX_TIMEOUT_S):
        yield Candidate(match.start(), match.end(), match.group(), "LOCATION", "rule:transit_line", 0.8)


def _property_name(name: str, tab: _Tables) -> bool:
    """Whether a building's or parcel's name has a name before its ending: not a description
    (一居住地块, 城市后花园), a count (8幅地块) or a clause (手中夺得…地块)."""
    core = name[:-len(next(e for e in tab.property_endings if name.endswith(e)))]
    return len(core) >= 2 and not _common_words_only(core) and not regex.search(r"[的了该这一其此中得后]", core) \
        and not regex.match(r"[0-9一二两三四五六七八九十几多]+[幅块宗个处栋座]", core)


def _work_candidates(text: str) -> Iterable[Candidate]:
    for match in _WORK.finditer(text, timeout=REGEX_TIMEOUT_S):
        start, end = _strip_name(text, *match.span(1))
        if end > start:
            yield Candidate(start, end, text[start:end], "WORK", "rule:book_title_marks", 0.95)


def _gazetteer_candidates(text: str, tab: _Tables, token_bounds) -> Iterable[Candidate]:
    for match in tab.known_org_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group()
        extended = name not in tab.known_orgs
        if extended or _aligned(match.start(), match.end(), token_bounds) or not regex.match(r"\p{Han}", name):
            source = "rule:known_org_unit" if extended else "rule:known_org"
            yield Candidate(match.start(), match.end(), name, "ORG", source, 0.85)
    for match in tab.locations_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        if _aligned(match.start(), match.end(), token_bounds):
            yield Candidate(match.start(), match.end(), match.group(), "LOCATION", "rule:known_place", 0.8)


# A model code after a brand: R10, SD20, HDR-XR500E, GX200 (a capital, then letters, an optional
# hyphen, and at least one digit).
_MODEL_CODE = regex.compile(r"[A-Z][A-Za-z]{0,5}(?:-?[A-Z]{1,5})?[0-9]{1,5}[A-Za-z0-9]{0,4}(?![A-Za-z0-9-])")


# The letters a model code opens with name its product line (R10, R8 → R; XR500E → XR).
_MODEL_LINE = regex.compile(r"[A-Za-z]+")
_LINE_SERIES = regex.compile(r"(?<![A-Za-z0-9-])(?P<line>[A-Z]{1,5})\ ?系列")


def _brand_cores(organisations: set[str], tab: _Tables) -> set[str]:
    """The names organisations sell under: 蓝鲸科技 → 蓝鲸 (its model 蓝鲸X9), the legal form
    dropped; a core of one character names nothing."""
    cores = set()
    for name in organisations:
        for suffix in tab.same_entity_suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                cores.add(name[: -len(suffix)])
    return cores


def _brand_model_candidates(text: str, brands: set[str]) -> Iterable[Candidate]:
    """理光R10, 索尼 HDR-XR500E: a known brand or organisation directly followed by a model code
    is a product; the code alone later in the text is its alias (see ``_alias_of``). Codes are
    found first and the brand looked up before each: no pattern is built per document."""
    if not brands:
        return
    longest = max(len(brand) for brand in brands)
    codes = list(_MODEL_CODE.finditer(text, timeout=REGEX_TIMEOUT_S))
    lines: set[str] = set()
    models: set[str] = set()
    for code in codes:
        brand_end = code.start() - (text[code.start() - 1:code.start()] == " ")
        start = next((brand_end - n for n in range(min(longest, brand_end), 0, -1)
                      if text[brand_end - n:brand_end] in brands), None)
        if start is None or (start > 0 and regex.match(r"[A-Za-z0-9]", text[start - 1])):
            continue  # (a brand inside a longer Latin word)
        yield Candidate(start, code.end(), text[start:code.end()], "PRODUCT", "rule:brand_model", 0.8)
        for short in sorted({code.group(), code.group().rsplit("-", 1)[-1]}):
            lines.add(_MODEL_LINE.match(short).group())
            models.add(short)
            for alone in _occurrences(text, short):
                yield Candidate(alone, alone + len(short), short, "PRODUCT", "rule:brand_model", 0.8)
    if not lines:
        return
    # The brand's other models and its series, named without the brand (理光R10 … 前作R8 … R系列):
    # codes of a product line the text has already tied to a brand.
    for code in codes:
        if code.group() not in models and _MODEL_LINE.match(code.group()).group() in lines \
                and not regex.match(r"[A-Za-z0-9-]", text[code.start() - 1:code.start()] or " "):
            yield Candidate(code.start(), code.end(), code.group(), "PRODUCT", "rule:brand_line", 0.7)
    for series in _LINE_SERIES.finditer(text, timeout=REGEX_TIMEOUT_S):
        if series.group("line") in lines:
            yield Candidate(series.start(), series.end(), series.group(), "PRODUCT", "rule:brand_line", 0.7)


def _occurrences(text: str, code: str) -> Iterable[int]:
    """Where ``code`` stands in ``text`` as a whole code (not inside R100 or HDR-R10)."""
    position = text.find(code)
    while position >= 0:
        end = position + len(code)
        if not regex.match(r"[A-Za-z0-9-]", text[position - 1:position] or " ") \
                and not regex.match(r"[A-Za-z0-9-]", text[end:end + 1] or " "):
            yield position
        position = text.find(code, position + 1)


def _kind_model_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """A model named right after the kind of device it is (旗舰手机 X9 Pro, 智能手表 W3, 无线
    耳机 Buds 5): a product, whoever makes it; the same model later alone is a mention of it."""
    for match in tab.kind_model_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        model = match.group("model").rstrip()
        start = match.start("model")
        if model in tab.not_model_codes:
            continue  # 路由器IPv6支持率: a standard the device supports, no model of it
        yield Candidate(start, start + len(model), model, "PRODUCT", "rule:kind_model", 0.8)


# A listed company named with its stock code: 通产丽星（002243，收盘价8.95元）, 腾讯控股(00700.HK),
# 万科A（000002.SZ）.
_STOCK_CODE_AFTER = regex.compile(
    r"(?P<run>[\p{Han}A-Za-z*]{2,12})\s?[（(]\s?(?:(?:(?:SH|SZ|HK)[:：]?)?\d{5,6}(?:\.(?:SH|SZ|HK|SS))?\s?[，,；;）)\s]"
    r"|\d+\.\d+\s?[,，]\s?[-+]?\d+\.\d+\s?[,，]\s?[-+]?\d+\.\d+%\s?[）)])")  # or a quote: (25.070,0.09,0.36%)


def _listed_company_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Companies named with a stock code in brackets; the name is what follows the last lead-in
    word (据公告，今日通产丽星 → 通产丽星) and is at most 8 characters."""
    for match in _STOCK_CODE_AFTER.finditer(text, timeout=REGEX_TIMEOUT_S):
        run, start = match.group("run"), match.start("run")
        cut = _after_last_lead_in(run, tab)
        run, start = run[cut:], start + cut
        if 2 <= len(run) <= 8 and not run.startswith(tuple(tab.non_name_words)):
            yield Candidate(start, start + len(run), run, "ORG", "rule:stock_code", 0.9)


# A company listed abroad, named with its ticker: 道达尔(TTE.N), SunPower(SPWR.O), Meta Platforms(FB.O)
_TICKER_AFTER = regex.compile(r"\s?[（(]\s?[A-Z]{1,5}\.[A-Z]{1,2}\s?[)）]")
_LATIN_NAME_BEFORE = regex.compile(r"(?:[A-Z][A-Za-z0-9.&'-]*\ )*[A-Z][A-Za-z0-9.&'-]*$")
_HAN_RUN_BEFORE = regex.compile(r"\p{Han}{2,16}$")
_LONGEST_LATIN_NAME = 30
_PASSIVE_MARKS = frozenset("遭受")
_LATIN_WORD_BEFORE = regex.compile(r"[A-Za-z][A-Za-z0-9&.-]*$")


def _ticker_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Companies named with a foreign ticker in brackets: the Latin name before it, or the Han
    name after the last lead-in word or kind of company (光伏组件龙头企业晶科能源 → 晶科能源)."""
    for match in _TICKER_AFTER.finditer(text, timeout=REGEX_TIMEOUT_S):
        before = text[max(0, match.start() - 40):match.start()]
        latin = _LATIN_NAME_BEFORE.search(before)
        latin = latin if latin is not None and len(latin.group()) >= 2 else None
        if latin is not None:
            name = latin.group()
        elif (han := _HAN_RUN_BEFORE.search(before)) is not None:
            run = han.group()
            kinds = [run.rfind(kind) + len(kind) for kind in (*tab.listed_org_kinds, *tab.ticker_kind_words) if kind in run]
            run = run[max(kinds, default=0):]
            known = next((run[i:] for i in range(len(run) - 1) if run[i:] in tab.known_orgs), None)
            name = known or _without_leading_verbs(run[_after_last_lead_in(run, tab):], tab)
            if name == han.group() and (word := _LATIN_WORD_BEFORE.search(before, 0, len(before) - len(name))):
                name = word.group() + name  # CBAK能源科技(CBAT.US)
        else:
            continue
        # (a ticker makes a common word a name: 苹果(AAPL.O))
        if 2 <= len(name) <= (_LONGEST_LATIN_NAME if latin else 8) and name not in tab.non_name_words:
            yield Candidate(match.start() - len(name), match.start(), name, "ORG", "rule:stock_code", 0.9)


def _without_leading_verbs(name: str, tab: _Tables) -> str:
    """``name`` without the dictionary verbs and prepositions it opens with (在苹果, 提到新东方)."""
    for word, tag in _dictionary_words(name):
        opens = tag in tab.lead_in_verb_tags or tag in ("vn", "p") or (
            tag is None and (word in tab.opening_prepositions or word in tab.title_org_lead_chars or word in _PASSIVE_MARKS))
        if not opens or len(name) - len(word) < 2:
            break
        name = name[len(word):]
    return name


def _after_last_lead_in(run: str, tab: _Tables) -> int:
    """Where a name starts in ``run``, the characters before a stock code or a stake: after the
    last lead-in word that leads it in (``_leads_in``), at least two characters before the end
    and not leaving one common word (同和药业 is no 药业); 0 when none does."""
    word_starts = None
    cut = 0
    for lead_in in tab.org_lead_in_re.finditer(run, overlapped=True):
        if len(run) - lead_in.end() < 2 or lead_in.end() <= cut or run[lead_in.end():] in word_tags():
            continue
        if word_starts is None and lead_in.end() - lead_in.start() == 1:
            word_starts = word_boundaries(run)
        if _leads_in(run, lead_in, word_starts, tab):
            cut = lead_in.end()
    return cut


def _leads_in(run: str, lead_in: regex.Match, word_starts: set[int] | None, tab: _Tables) -> bool:
    """Whether a lead-in word found in ``run`` leads the name in. A one-character one does only
    where it is no part of a word of the name: a preposition opening the run (向招商银行, not
    中国环保能源 or 和谐汽车), or inside it a word of its own to the segmenter (消息称比亚迪,
    万股给中信银行), the end of a time word (今日通产丽星) or of a date (13日国泰君安); not
    君正集团. ``word_starts``: ``word_boundaries(run)``, needed for one-character lead-ins."""
    if lead_in.end() - lead_in.start() != 1:
        return True
    if lead_in.start() == 0:
        return run[0] in tab.opening_prepositions and not is_dictionary_word(run[0:2])
    if word_tags().get(run[lead_in.start() - 1:lead_in.end()]) == "t" or run[lead_in.start() - 1].isdigit():
        return True
    return lead_in.start() in word_starts and lead_in.end() in word_starts


def _listed_kind_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Names listed before 等 and the kind they are (米哈游、叠纸游戏等公司, 蔚来和小鹏等3家车企):
    each item is an organisation, or a product before a kind of product (交银先锋、南方300等6只
    新基金). The first item loses the lead-in words before it (包括…)."""
    listed = [(m, "ORG") for m in tab.listed_kind_re.finditer(text, timeout=REGEX_TIMEOUT_S)]
    listed += [(m, "PRODUCT") for m in tab.listed_product_re.finditer(text, timeout=REGEX_TIMEOUT_S)]
    for match, kind in listed:
        position = match.start("items")
        for item in _LIST_SPLIT.split(match.group("items")):
            start, end = position, position + len(item)
            position = end + 1
            if start == match.start("items") and "的" in text[start:end - 2]:
                start = text.rindex("的", start, end - 2) + 1  # 本周发行的交银先锋: the clause before describes it
            while (lead_in := tab.org_lead_in_re.match(text, start, end)) and end - lead_in.end() >= 2 \
                    and not (lead_in.end() - start == 1 and is_dictionary_word(text[start:start + 2])):
                start = lead_in.end()  # 包括米哈游, 以华夏, 通过工行 (not 中航地产, 家居业)
            name = text[start:end]
            if 2 <= len(name) <= 8 and not name.isdigit() and not _runs_into_clause(name, tab) \
                    and not _common_words_only(name) and not regex.search(r"[的了在是]", name):  # (委托理财, 场地租金)
                yield Candidate(start, end, name, kind, "rule:listed_kind", 0.75)


def _stake_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Companies a stake in is dealt in (收购捷星慧旅30%权益, 出售远帆电商60%的股权): the name
    between the verb and the percentage of its equity."""
    for match in tab.stake_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        start, end = match.span("name")
        start += _after_last_lead_in(match.group("name"), tab)  # 收购京东旗下…, 持有的华为海洋 (not 为 of 华为)
        while (bound := next((w for w in tab.stake_bounds if text.endswith(w, start, end)), None)):
            end -= len(bound)  # 减持不超4%股份, 持有公司约5%股份: the bound is no part of the name
        name = text[start:end]
        if 2 <= len(name) <= 10 and name not in tab.non_name_words and not _common_words_only(name) \
                and not name.startswith(tab.org_anaphora) and not any(w in name for w in tab.generic_org_words) \
                and not any(w in name for w in tab.legal_form_parts):  # (限公司, 分拆公司: the suffix rule's)
            yield Candidate(start, end, name, "ORG", "rule:stake", 0.75)


_HAN = regex.compile(r"\p{Han}")
_SHORTEST_NAME_CORE, _LONGEST_NAME_CORE = 2, 4


def _announcer_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """浙能电力公告，… / 新希望发布业绩预告，…: the company a news flash opens with, named
    before its filing at the start of a line or sentence (not 公司公告, 董事会公告)."""
    for match in tab.announcer_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")
        if name in tab.non_name_words or name in tab.announcer_not_names or name in tab.own_company_words \
                or _ends_with_lead_in(name, tab) or tab.org_lead_in_re.match(name) or _common_words_only(name):
            continue
        yield Candidate(match.start("name"), match.end("name"), name, "ORG", "rule:announcer", 0.75)


def _industry_name_candidates(text: str, tab: _Tables, token_bounds) -> Iterable[Candidate]:
    """Companies named by a coined word and their industry (芯擎微电子, 商汤科技): taken when an
    organisation's act follows the name (芯擎微电子宣布, …成立于) or the kind of organisation
    stands right before it (芯片企业芯擎微电子，) and the industry word ends a word there (not
    公司星宇股份智能制造). The coined part is 2-4 Han characters that are not all common words
    (金融科技, 人工智能 are no names) and starts where a clause, a kind word or a lead-in word ends
    (the longest such core, lead-in words inside it cut off)."""
    for match in tab.industry_name_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        # (a day may stand between the name and its act: 云帆汽车11月1日公布)
        acts = text.startswith(tab.industry_name_acts, _DAY_AFTER_NAME.match(text, match.end()).end())
        word_ends = match.end() == len(text) or text[match.end()] in _AFTER_INDUSTRY_NAME
        if not acts and not word_ends:
            continue
        for start in range(match.start() - _LONGEST_NAME_CORE, match.start() - _SHORTEST_NAME_CORE + 1):
            if start < 0 or not all(_HAN.match(c) for c in text[start:match.start()]):
                continue
            before = text[max(0, start - 6):start]
            if not (start == 0 or not _HAN.match(text[start - 1]) or before.endswith(tab.listed_org_kinds)
                    or _ends_with_lead_in(before, tab)):
                continue
            # 对聚飞光电, 持有当虹科技, 本月亮牛半导体: the lead-in words are no part of the name
            while (lead_in := tab.org_lead_in_re.match(text, start, match.start())) \
                    and match.start() - lead_in.end() >= _SHORTEST_NAME_CORE:
                start = lead_in.end()
            if token_bounds is not None:
                start = _after_tagged_lead_in(text, start, match.start(), token_bounds, tab, fund=False)
                start = _after_time_word(text, start, match.start(), token_bounds, tab)
            core = text[start:match.start()]
            kind_before = text[max(0, start - 6):start].endswith(tab.listed_org_kinds)
            if (acts or kind_before) and len(core) >= _SHORTEST_NAME_CORE and _aligned(start, match.end(), token_bounds) \
                    and not tab.org_suffix_re.search(core) and core not in tab.non_name_words \
                    and not _common_words_only(core) and not any(w in core for w in tab.generic_org_words):
                yield Candidate(start, match.end(), text[start:match.end()], "ORG", "rule:industry_name", 0.75)
            break


_DAY_AFTER_NAME = regex.compile(r"\ ?(?:[0-9]{1,2}月[0-9]{1,2}日(?:晚间|早间|午间|晚)?)?")
# What may end the name when no act follows it (芯片企业芯擎微电子，…; …芯擎微电子的产品).
_AFTER_INDUSTRY_NAME = frozenset("，。；：、,;:）)”的和与及在将已等也")


def _after_time_word(text: str, start: int, end: int, token_bounds, tab: _Tables) -> int:
    """``start`` moved past a time word the name opens with (昨日云帆智能 → 云帆智能)."""
    starts, ends = token_bounds
    word_end = next((e for e in range(start + 1, end) if e in ends), None)
    if word_end is not None and word_tags().get(text[start:word_end]) in tab.lead_in_time_tags:
        return word_end
    return start


def _ends_with_lead_in(before: str, tab: _Tables) -> bool:
    return any(m.end() == len(before) for m in tab.org_lead_in_re.finditer(before, overlapped=True))


def _common_words_only(name: str) -> bool:
    """Whether ``name`` is made of jieba's common dictionary words and nothing else."""
    return all(tag is not None for _, tag in _dictionary_words(name))


def _dictionary_words(text: str) -> Iterable[tuple[str, str | None]]:
    """``text`` cut into jieba's common dictionary words, longest first (four characters to
    two), with their tags; a character no such word starts at comes alone, tag None."""
    tags = word_tags()
    position = 0
    while position < len(text):
        size = next((n for n in (4, 3, 2) if text[position:position + n] in tags), 1)
        word = text[position:position + size]
        yield word, tags.get(word) if size > 1 else None
        position += size


_LIST_SPLIT = regex.compile(r"、|和|与|及")


# The funds a fund company runs, named after it: 长盛基金旗下的长盛同德主题增长和长盛中信全债指数基金.
_FAMILY_MEMBER = regex.compile(r"(?P<name>[\p{Han}A-Za-z0-9]{3,14}?)(?=[和与及、，。；]|以及|也|均|都|分别|等|先后)")
_FAMILY_JOINER = regex.compile(r"[和与及、]|以及")


def _mover_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """基金安顺下跌3.25%，瑞福进取跌2.98%: securities a market wrap lists with their moves. A
    fund where the paragraph speaks of funds (基金, ETF), else a listed company; never an index
    or a market (沪基指, 两市基金), a dictionary word or a number."""
    for match in tab.mover_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")
        if name.endswith(tab.mover_not_names) or name in word_tags() or _common_words_only(name) \
                or not tab.mover_name_stop_chars.isdisjoint(name) or name.startswith(tab.mover_name_bad_openers) \
                or text[match.end("name") - 1:match.end("name") + 1] in word_tags() or any(tag == "t" for _, tag in _dictionary_words(name)) \
                or not regex.search(r"\p{Han}{2}|[A-Za-z]", name) or regex.fullmatch(r"[0-9A-Za-z]+", name):
            continue
        paragraph_start, paragraph_end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
        paragraph = text[paragraph_start:paragraph_end if paragraph_end >= 0 else len(text)]
        fund = any(word in paragraph for word in tab.fund_market_words) and not name.endswith(tab.same_entity_suffixes)
        kind = "PRODUCT" if fund else "ORG"
        yield Candidate(match.start("name"), match.end("name"), name, kind, "rule:market_mover", 0.7)
    for match in tab.latin_mover_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        # (a capitalised word, not a code: ETF, LOF and tickers are upper case)
        yield Candidate(match.start("name"), match.end("name"), match.group("name"), "ORG", "rule:market_mover", 0.7)


def _fund_family_candidates(text: str, companies: set[str]) -> Iterable[Candidate]:
    """Products listed after 〈fund company〉旗下的: each coordinated name that begins with the
    company's own name (长盛基金 → 长盛…), so that 旗下的多只产品 names nothing."""
    families = {c: c.removesuffix("公司").removesuffix("基金") for c in companies if c.endswith(("基金", "基金公司"))}
    families = {c: f for c, f in families.items() if len(f) >= 2}
    if not families:
        return
    owner_re = regex.compile(rf"(?:{_alt(families)})旗下的?")
    for owner in owner_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        family = families[owner.group().removesuffix("的").removesuffix("旗下")]
        position = owner.end()
        while (member := _FAMILY_MEMBER.match(text, position, timeout=REGEX_TIMEOUT_S)) and member.group("name").startswith(family):
            yield Candidate(member.start(), member.end(), member.group("name"), "PRODUCT", "rule:fund_family", 0.8)
            joiner = _FAMILY_JOINER.match(text, member.end())
            if joiner is None:
                break
            position = joiner.end()


_NAME_CHAR = regex.compile(r"[\p{Han}A-Za-z·]")
_LONGEST_ORG_NAME = 10


def _suffix_candidates(text: str, tab: _Tables, token_bounds) -> Iterable[Candidate]:
    """``长实集团``, ``上海某某科技有限公司``: a name of 2-10 characters before a legal form.

    The name is the run of name characters before the suffix, cut after its last lead-in
    word (a date, conjunction or verb that cannot start a name) where the segmenter agrees a
    word begins; descriptions (合资基金公司) and runs with no visible left edge are skipped.
    """
    for match in tab.org_suffix_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        run_start = match.start()
        while (run_start > 0 and match.start() - run_start < _LONGEST_ORG_NAME + 4
               and _NAME_CHAR.match(text[run_start - 1])):
            run_start -= 1
        run = text[run_start:match.start()]
        start = run_start
        for lead_in in tab.org_lead_in_re.finditer(run, overlapped=True):
            cut = run_start + lead_in.end()
            if cut > start and (token_bounds is None or cut in token_bounds[0] or cut == match.start()):
                start = cut
        if start == run_start and run_start > 0 and _NAME_CHAR.match(text[run_start - 1]):
            continue  # ran out of room: the real left edge is unknown
        inner = tab.org_suffix_re.search(text, start, match.start())
        if inner is not None and inner.end() < match.start():
            continue  # 长盛基金再次调研公司: a clause between two names, not one name
        tagged_start = start
        if token_bounds is not None:
            fund = _is_fund_product(text[start:match.end()], tab)
            tagged_start = _after_tagged_lead_in(text, start, match.start(), token_bounds, tab, fund)
            if tagged_start > start and _named_alone_elsewhere(text, text[start:match.start()]):
                tagged_start = start  # 希望教育集团 … 希望教育(HK:01765): 希望 is part of the name
        name = text[tagged_start:match.start()]
        if not 2 <= len(name) <= _LONGEST_ORG_NAME or name in tab.non_name_words or name.startswith(tab.group_name_openers):
            continue
        if tagged_start > start and word_tags().get(name) in tab.lead_in_verb_tags:
            continue  # 长期注重基金, 不得担任公司: a verb and its object, not a name (大成基金 is one)
        if match.group() == "公司" and name not in tab.known_orgs and _verb_phrase_only(name, tab):
            continue  # 确认公司为中标单位, 不超过公司总股本: a verb and its object (联想公司 is known)
        if match.group() == "公司" and _kind_of_company(name, tab):
            continue  # 中国公司, 科技公司, 自动驾驶公司: a kind of company, named by its country or trade
        start = tagged_start
        if text.startswith(tab.org_suffix_continuations, match.end()):
            continue  # 证券网, 银行业, 基金类: the suffix is part of another word
        entity_type = "PRODUCT" if _is_fund_product(name + match.group(), tab) else "ORG"
        # 指数 makes 指数基金 generic, but 长盛中信全债指数基金 is a named fund: a fund needs an
        # issuer or a name besides its strategy words.
        modifiers = [w for w in tab.org_generic_modifiers
                     if w in name and not (entity_type == "PRODUCT" and w in tab.fund_product_words)]
        if entity_type == "PRODUCT" and len(regex.sub(_alt(tab.fund_product_words), "", name)) < 2:
            continue
        if _COUNTED_GROUP.match(name):
            continue  # 五大银行, 十家公司: a number of them, not a name
        if _holds_amount(text, start, match.start()):
            continue  # 设立 5 亿元专项基金: the fund's size, not its name
        if any(w in name for w in tab.generic_org_words) or modifiers:
            continue
        yield Candidate(start, match.end(), text[start:match.end()], entity_type, "rule:org_suffix", 0.8)


def _kind_of_company(words: str, tab: _Tables) -> bool:
    """Whether ``words`` before 公司 say what kind of company it is, not which (中国, 科技,
    自动驾驶, 科创板, 业绩预增): a place, common words only, or a market or results category."""
    return words not in tab.known_orgs and (words in tab.place_names or _common_words_only(words)
                                             or any(w in words for w in tab.company_kind_words))


# Measure words a count puts before what it counts (39家科创板公司): no name opens with one
_MEASURE_OPENERS = frozenset("家只个位名")


def _verb_phrase_only(words: str, tab: _Tables) -> bool:
    """Whether ``words`` are dictionary verbs and the adverbs and pronouns of a verb phrase
    only, a verb among them (确认, 不超过, 亦不会导致; not 赫兹汽车租赁 or 丰泽源开发, which hold
    a noun or a name's own characters)."""
    cut = list(_dictionary_words(words))
    return any(tag in tab.lead_in_verb_tags for _, tag in cut) and all(
        tag in tab.lead_in_verb_tags or (tag is None and word in tab.verb_phrase_chars) for word, tag in cut)


def _named_alone_elsewhere(text: str, core: str) -> bool:
    """Whether ``core`` (a name without its legal form) stands alone somewhere in ``text``,
    between punctuation and a stock code or punctuation: the short name of the same
    organisation."""
    return len(core) >= 3 and any(
        text.startswith(_SHORT_NAME_ENDINGS, m.end()) and (m.start() == 0 or not _NAME_CHAR.match(text[m.start() - 1]))
        for m in regex.finditer(regex.escape(core), text))


_SHORT_NAME_ENDINGS = ("(", "（", "，", "。", "、", "”", ")", "）")


def _after_tagged_lead_in(text: str, start: int, end: int, token_bounds, tab: _Tables, fund: bool) -> int:
    """Where a name before a suffix starts once the segmenter's words in ``text[start:end]``
    that jieba's dictionary tags as function words, adverbs or verbs are cut off (随着新基金 →
    新, too short to be a name; 记者致电上海盈谷投资管理有限公司 → 上海盈谷投资管理). A verb
    is cut only when a word that is no verb follows it (登记结算有限责任公司 keeps 登记结算);
    a fund's name keeps the verbs and adverbs after its first name word, which are its
    strategy (嘉实量化阿尔法, 诺德强化收益), and loses only those it opens with (需要保持基金)."""
    starts, ends = token_bounds
    tags = word_tags()
    tokens = []
    position = start
    while position < end:
        token_end = next((e for e in range(position + 1, end + 1) if e in ends or e in starts), end)
        word = text[position:token_end]
        tokens.append((token_end, tags.get(word) if len(word) >= 2 and word not in tab.fund_product_words else None))
        position = token_end
    cut = start
    if fund:
        opening = tab.lead_in_function_tags | tab.lead_in_adverb_tags | tab.lead_in_verb_tags | tab.lead_in_time_tags
        for token_end, tag in tokens:
            if tag not in opening:
                break
            cut = token_end
    for index, (token_end, tag) in enumerate(tokens):
        word_start = tokens[index - 1][0] if index else start
        if tag in tab.lead_in_function_tags or (not fund and tag in tab.lead_in_adverb_tags and (
                token_end < end or tab.org_lead_in_re.match(text, word_start))):
            # an adverb that is the whole name is a name jieba mistags (长实集团), unless it opens
            # with a preposition (对此公司, 为此公司)
            cut = token_end
        elif not fund and tag in tab.lead_in_verb_tags and any(
                later not in tab.lead_in_verb_tags for _, later in tokens[index + 1:]):
            cut = token_end
    return cut


def _holds_amount(text: str, start: int, end: int) -> bool:
    """Whether a sum of money overlaps the would-be name ``text[start:end]`` (5 亿元专项基金,
    设立十亿元产业基金)."""
    window = max(0, start - 12)
    return any(q.unit_kind == "currency" and q.end > start - window and q.start < end - window
               for q in find_quantities(text[window:end]))


# Where a chain of titles in front of a name begins (quotes are not boundaries: “快粉”联合创始人).
_CHAIN_BOUNDARY = regex.compile(r"[，。；！？（）()\n：:]|据|由|的|在|是|对|向|经|称|如|像|被")
_QUOTED_BEFORE_TITLE = regex.compile(r"[“「\"]([^”」\"]{1,20})[”」\"]\s*$")


def _split_title_segment(segment: str, seg_offset: int, known: dict[str, str], tab: _Tables,
                         last_org: Callable[[int], str | None]) -> tuple[str, str | None, Candidate | None]:
    """``(title, organisation name, new ORG candidate)`` of one segment of a title chain."""
    titles = list(tab.title_re.finditer(segment))
    last_title = titles[-1]
    before = segment[:last_title.start()]
    quoted = _QUOTED_BEFORE_TITLE.search(before)
    if quoted:  # “快粉”联合创始人
        return segment[quoted.end():].strip(), quoted.group(1).strip(), None
    for name in sorted(known, key=len, reverse=True):  # 快手电商服务商生态与区域运营负责人
        if known[name] == "ORG" and segment.startswith(name) and len(segment) > len(name):
            return segment[len(name):].strip(), name, None
    for anaphor in tab.org_anaphora:  # 这家女装账号负责人 → the organisation named last
        if len(anaphor) >= 2 and segment.startswith(anaphor):
            return last_title.group(), last_org(seg_offset), None
    head_start = titles[-2].end() if len(titles) > 1 else 0
    title_start = last_title.start()
    while segment.endswith(tab.title_modifiers, head_start, title_start):  # 国土局原局长
        title_start -= len(next(m for m in tab.title_modifiers if segment.endswith(m, head_start, title_start)))
    head = segment[head_start:title_start].strip()
    head = _without_lead_words(head, tab)  # 据国金证券分析师, 甚至有私募经理
    if head.endswith(tab.title_scope_suffixes):  # 亚太地区主席, 中国区总裁: the title's scope
        return segment[head_start:].strip(), None, None
    plausible = (2 <= len(head) <= 8 and regex.fullmatch(r"[\p{Han}A-Za-z0-9·]+", head)
                 and not any(w in head for w in tab.generic_org_words) and head not in tab.non_name_words
                 and head not in word_tags()  # 私募经理: a kind, not a name
                 and not _COUNTED_GROUP.match(head))  # 两位基金经理
    if plausible:  # 中商云搜CEO: an unknown name directly before a title is an organisation
        org_start = seg_offset + segment.index(head, head_start)
        candidate = Candidate(org_start, org_start + len(head), head, "ORG", "rule:title_org", 0.75)
        return segment[title_start:].strip(), head, candidate
    if any(w in before for w in tab.generic_org_words) or not before.strip():
        return segment[last_title.start():].strip() if not before.strip() else segment.strip(), None, None
    if head in tab.departments and last_title.group() not in tab.professional_titles:
        # 由财务副总裁周晓岚暂代: a department's officer, of the organisation the text is about
        return last_title.group(), last_org(seg_offset), None
    return last_title.group(), None, None


def _without_lead_words(head: str, tab: _Tables) -> str:
    """``head`` without the function words, adverbs and verbs it opens with (dictionary words
    by their jieba tag, single characters by the table), as long as two characters remain."""
    tags = word_tags()
    opening = tab.lead_in_function_tags | tab.lead_in_adverb_tags | tab.lead_in_verb_tags
    while len(head) > 2:
        size = next((size for size in (4, 3, 2) if len(head) - size >= 2 and tags.get(head[:size]) in opening), 0)
        if not size and head[0] in tab.title_org_lead_chars:
            size = 1
        if not size and head[0] in tab.former_marks and not is_dictionary_word(head[:2]):
            size = 1  # 前青藤科技高级副总裁: the former one's title, not a name (前程无忧 is a word)
        if not size:
            return head
        head = head[size:]
    return head


_TITLE_COPULA = regex.compile(r"(?:均|仍|现)?(?:是|为|由)\s?")


def _title_name_candidates(text: str, tab: _Tables, known: dict[str, str],
                           org_positions: list[tuple[int, str]], token_bounds=None) -> Iterable[Candidate]:
    """People after a chain of titles, with the organisation each title is held at. A title
    must end where the segmenter ends a word: 会长 in 不会长期下降, 行长 in 银行长久 and 董事
    in 董事会批准 are no titles."""

    def last_org(position: int) -> str | None:
        """The sentence's first organisation (its topic), else the last one named before."""
        sentence_start = max(text.rfind(mark, 0, position) for mark in "。！？\n") + 1
        in_sentence = [name for start, name in org_positions if sentence_start <= start < position]
        if in_sentence:
            return in_sentence[0]
        names = [name for start, name in org_positions if start < position]
        return names[-1] if names else None

    for match in tab.title_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        if text.endswith(tab.group_quantifiers, 0, match.start()):
            continue  # 许多投资人开始…: investors in general, no one's title
        if token_bounds is not None and match.end() not in token_bounds[1]:
            continue
        name_start = match.end()
        while name_start < len(text) and text[name_start] == " ":
            name_start += 1
        copula = _TITLE_COPULA.match(text, name_start)  # 董事长是林志强, 总经理均为黄业华
        if copula:
            name_start = copula.end()
        if tab.title_re.match(text, name_start):
            continue  # 总裁助理: the title goes on
        span = _person_name_at(text, name_start, tab)
        if span is None:
            continue
        chain_start = match.start()
        while chain_start > 0 and not _CHAIN_BOUNDARY.match(text, chain_start - 1):
            chain_start -= 1
        while chain_start < match.start() and text[chain_start] in "”」 ":
            chain_start += 1
        roles: list[tuple[str, str | None]] = []
        cursor = chain_start
        for segment in regex.split(r"、|兼|及", text[chain_start:match.end()]):  # 执行副总裁及亚太地区主席
            seg_offset = text.find(segment, cursor)
            cursor = seg_offset + len(segment)
            if not segment.strip() or not tab.title_re.search(segment):
                continue
            title, org, new_org = _split_title_segment(segment, seg_offset, known, tab, last_org)
            if new_org is not None:
                known[new_org.name] = "ORG"  # a later chain can split at it (星河电商商家运营负责人)
                yield new_org
            if title and org is None and roles:
                org = roles[-1][1]  # 董事长兼CEO: a title with no organisation of its own holds at the one before it
            if title:
                roles.append((title, org))
        if chain_start > 0 and text[chain_start - 1] == "的":  # 三安光电的董事长是林志强
            owner = next((name for s, name in org_positions if s + len(name) == chain_start - 1), None)
            roles = [(title, org or owner) for title, org in roles]
        start, end = span
        yield Candidate(start, end, text[start:end], "PERSON", "rule:title_name", 0.95, roles=tuple(roles))


def _appointment_candidates(text: str, tab: _Tables, people: list[Candidate], known: dict[str, str],
                            org_positions: list[tuple[int, str]]) -> Iterable[Candidate]:
    """Titles a person named before them takes up (韩立峰正式加入公司，出任首席运营官; 张三将
    担任青禾科技总裁): the organisation named between the verb and the title, else the
    sentence's first organisation."""
    for person in people:
        if person.type != "PERSON":
            continue
        appointment = tab.appointment_re.match(text, person.end)
        if appointment is not None:
            appointed_end = appointment.end()
        elif text.endswith(tab.appointing_verbs, 0, person.start) and text.startswith("为", person.end):
            appointed_end = person.end + 1  # 宣布任命蒋凡为阿里巴巴国际数字商业集团CEO
        else:
            continue
        stop = _CLAUSE_STOP.search(text, appointed_end, appointed_end + 20)
        title = tab.title_re.search(text, appointed_end, stop.start() if stop else appointed_end + 20)
        if title is None:
            continue
        held = text[appointed_end:title.start()].strip()
        held = "" if held in tab.own_company_words else held  # 聘任李明为公司总经理: the announcing company's
        org = next((name for name in sorted(known, key=len, reverse=True)
                    if known[name] == "ORG" and held.startswith(name)), None)
        if org is None and not held:
            sentence_start = max(text.rfind(mark, 0, person.start) for mark in "。！？\n") + 1
            org = next((name for start, name in org_positions if sentence_start <= start < appointed_end), None)
        if org is None and held:
            continue  # 出任某某职务: no title of an organisation we know
        yield Candidate(person.start, person.end, person.name, "PERSON", "rule:appointment", person.score,
                        roles=((text[title.start():title.end()], org),))


_CLAUSE_STOP = regex.compile(r"[，。；！？、（(“”\n]")


_SPEECH_PERSON = regex.compile(
    rf"(?:^|(?<=[，。；：“”\"、\s（(]))(\p{{Han}}{{2,4}}?)(?:{_SPEECH_VERBS})"
)
_VIEW_PERSON = regex.compile(r"在(\p{Han}{2,3})看来")


def _appointed_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """People named between a verb of appointing and 为 (任命蒋凡为…CEO, 聘任李明为总经理)."""
    for match in tab.appointed_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")
        name = next((name[:index] for index in range(2, len(name)) if name.startswith(tab.name_stops, index)), name)
        if _has_surname(name, tab) and name not in tab.non_name_words and name not in word_tags():  # (许强先生)
            yield Candidate(match.start("name"), match.start("name") + len(name), name, "PERSON", "rule:appointed", 0.7)


def _speech_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    for pattern in (_SPEECH_PERSON, _VIEW_PERSON):
        for match in pattern.finditer(text, timeout=REGEX_TIMEOUT_S):
            name = match.group(1)
            if len(name) == 3 and any(name.endswith(stop) for stop in tab.name_stops if len(stop) == 1):
                name = name[:2]  # 李超则表示: 则 is not part of the name
            if _has_surname(name, tab) and 2 <= len(name) <= 3 and name not in tab.non_name_words:
                yield Candidate(match.start(1), match.start(1) + len(name), name, "PERSON", "rule:speech_verb", 0.7)


# Bylines: 作者：陈亮, （记者 吴谭）, 文/李明, 本报记者张三. The name runs to a space, bracket,
# punctuation or the end of the line.
_BYLINE = regex.compile(
    r"(?P<title>作者|记者|通讯员|实习生|责任编辑|编辑|撰文|摄影|文)\s*[：:/]?\s*"
    r"(?P<name>\p{Han}{2,3}?)(?=[\s)）\]】,，。;；/]|$)"
)


# A news outlet opening its report: 新快报讯, 上证报中国证券网讯 (two outlets); 本报讯 names no
# one. The outlets run from a visible left edge (line start, space, punctuation) to 讯.
# 新快报讯, 每经AI快讯: a report opening names its outlet(s) before 讯.
_OUTLET_RUN = regex.compile(r"(?:^|(?<=[\s，。；！？、：:（）()【】\[\]]))(?P<run>\p{Han}{2,14})(?:AI)?快?讯", regex.MULTILINE)


def _outlets(text: str) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each outlet name in report openings."""
    for match in _OUTLET_RUN.finditer(text, timeout=REGEX_TIMEOUT_S):
        run, offset = match.group("run"), match.start("run")
        if run.startswith("据"):  # 据新华社讯
            run, offset = run[1:], offset + 1
        if run.endswith(("本报", "该报")):
            continue
        names = [(m.start(), m.end()) for m in tables().outlet_name_re.finditer(run)]
        if not names or names[0][0] != 0 or names[-1][1] != len(run) or any(
                a[1] != b[0] for a, b in zip(names, names[1:])):
            continue  # the run is not a sequence of outlet names
        for start, end in names:
            if end - start >= 2:
                yield offset + start, offset + end
    for match in _APP_DATELINE.finditer(text, timeout=REGEX_TIMEOUT_S):
        yield match.span("name")  # 中新经纬客户端11月5日电: an outlet's app files the report
    for match in _OUTLET_DATELINE.finditer(text, timeout=REGEX_TIMEOUT_S):
        yield match.span("name")  # 挖贝网 8月1日，…: the outlet opens its report with the date
    tab = tables()
    closing = _CLOSING_CREDIT.search(text, timeout=REGEX_TIMEOUT_S)
    if closing is not None and tab.outlet_name_re.fullmatch(closing.group("name")):
        yield closing.span("name")  # …增长12.5%。（经济日报）: the outlet credited at the end
    for match in _SOURCE_CREDIT.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")  # 来源：格隆汇, 来源：界面新闻 (not 来源：公司公告)
        if name not in tab.non_name_words and not name.endswith(tab.not_outlet_endings) and (
                tab.outlet_name_re.fullmatch(name) or name not in word_tags()):
            yield match.span("name")  # (an outlet's name, or no common word: not 来源：网络)


_OUTLET_DATELINE = regex.compile(r"(?:^|(?<=\n))\s*(?P<name>\p{Han}{2,8}?(?:网|报|社|新闻))\s?[0-9]{1,2}月[0-9]{1,2}日")
_CLOSING_CREDIT = regex.compile(r"[（(](?P<name>[\p{Han}A-Za-z]{2,8})[)）]\s*$")
_SOURCE_CREDIT = regex.compile(r"来源[：:]\s?据?(?P<name>[\p{Han}A-Za-z]{2,10}?)(?=\s|$|[，。；)）|｜])", regex.MULTILINE)
_APP_DATELINE = regex.compile(
    r"(?:^|(?<=[\s，。；！？：:（）()【】\[\]]))(?P<name>\p{Han}{2,8})客户端\s?[0-9]{1,2}月[0-9]{1,2}日电")


def _byline_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    outlets: list[tuple[int, str]] = []  # (end, name)
    for start, end in _outlets(text):
        outlets.append((end + 1, text[start:end]))
        yield Candidate(start, end, text[start:end], "ORG", "rule:outlet", 0.8)
    for match in _BYLINE.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")
        if name in tab.non_name_words or not _has_surname(name, tab):
            continue
        # 新快报讯(记者 吴谭): the reporter works for the outlet just named
        outlet = next((o for end, o in outlets if 0 <= match.start() - end <= 3), None)
        yield Candidate(match.start("name"), match.end("name"), name, "PERSON", "rule:byline", 0.8,
                        roles=((match.group("title"), outlet),))
    for match in _DATELINE_BYLINE.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")  # 中新经纬客户端11月5日电 （林琬斯）: the writer, no title given
        if name not in tab.non_name_words and _has_surname(name, tab) and name not in word_tags():
            yield Candidate(match.start("name"), match.end("name"), name, "PERSON", "rule:byline", 0.8)


_DATELINE_BYLINE = regex.compile(r"[0-9]{1,2}日电\s*[（(](?P<name>\p{Han}{2,3})[）)]")


def _programme_event_candidates(text: str, tab: _Tables) -> Iterable[Candidate]:
    """Unquoted programmes after a verb of launching (推出青云计划) and schemes known by an
    acronym, seen by what they grant (获批QFII资格, QFII投资额度)."""
    for match in tab.launched_programme_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group(1)
        if regex.match(r"[该这此本新上相一各]", name) or "的" in name:
            continue  # (宣布的业务重组计划: a relative clause, no name)
        yield Candidate(match.start(1), match.end(1), name, "PROGRAMME", "rule:launch_verb", 0.75)
    for match in tab.acronym_scheme_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        yield Candidate(match.start(1), match.end(1), match.group(1), "PROGRAMME", "rule:acronym_scheme", 0.7)
    for match in tab.held_event_re.finditer(text, timeout=REGEX_TIMEOUT_S):
        name = match.group("name")
        prefix = tab.event_suffix_re.sub("", name)
        if any(word in name for word in tab.event_name_breakers) or _COUNTED_GROUP.match(name):
            continue
        if len(prefix) >= 4 or regex.search(r"[0-9A-Za-z]", prefix):
            yield Candidate(match.start("name"), match.end("name"), name, "EVENT", "rule:held_event", 0.75)


def _ner_candidates(ner_spans, tab: _Tables) -> Iterable[Candidate]:
    """The NER's spans as candidates. A span that does not look like a name keeps score 0: it
    can still confirm a rule's span (raising its confidence) but never stands alone."""
    for span in ner_spans or ():
        if span.label not in ("PERSON", "ORG", "LOCATION", "WORK"):
            continue
        body = next((b for b in tab.governing_bodies if span.text.endswith(b) and len(span.text) - len(b) >= 2), None)
        if span.label == "ORG" and body:  # 蓝海银行董事会建议…: the company, not its board
            span = replace(span, end=span.end - len(body), text=span.text[: -len(body)])
        lead_in = tab.org_lead_in_re.match(span.text) if span.label == "ORG" else None
        if lead_in and len(lead_in.group()) >= 2 and len(span.text) - lead_in.end() >= 2:
            # 股东三安集团: the word before the name (single characters are left: 中国银行)
            span = replace(span, start=span.start + lead_in.end(), text=span.text[lead_in.end():])
        if len(span.text) < 2 or span.text in tab.non_name_words:
            continue
        score = float(span.score) if _looks_like_name(span.text, span.label, tab) else 0.0
        if span.label == "ORG" and _is_fund_product(span.text, tab):
            yield Candidate(span.start, span.end, span.text, "PRODUCT", "ner", score)
            continue
        attributes = (("org_kind", span.fine_label),) if span.label == "ORG" else ()
        yield Candidate(span.start, span.end, span.text, span.label, "ner", score, attributes=attributes)


def _is_fund_product(name: str, tab: _Tables) -> bool:
    """易方达行业领先股票基金 is a fund (a product); 易方达基金 is the fund company."""
    if not name.endswith("基金"):
        return False
    issuer_and_strategy = name[:-2]
    return len(issuer_and_strategy) >= 4 or any(w in issuer_and_strategy for w in tab.fund_product_words)


_COUNTED_GROUP = regex.compile(r"[0-9一二两三四五六七八九十百千几数多]+[大家个只位名场]")
_BRACKETS = regex.compile(r"[（）()【】\[\]《》“”「」]")


def _looks_like_name(text: str, label: str, tab: _Tables) -> bool:
    """Whether an NER span may become an entity without a rule's support (tuned on dev gold:
    the NER alone proposes units, metrics and common nouns as ORG and WORK, and common words
    that open with a surname character, 开始, as PERSON)."""
    if label not in tab.ner_only_types or _BRACKETS.search(text):
        return False
    if label == "PERSON":
        if not (_has_surname(text, tab) and 2 <= len(text) <= 4 and regex.fullmatch(r"\p{Han}+", text)):
            return False
        given = text[2:] if text.startswith(tab.compound_surnames) else text[1:]
        if word_tags().get(given) in tab.not_given_name_tags:
            return False  # 冷启动: a surname character before a verb
    elif not regex.search(r"\p{Han}", text) or text.startswith(tab.generic_org_words) or _COUNTED_GROUP.match(text) \
            or tab.org_suffix_end_re.sub("", text) in tab.non_name_words or text[0] in _MEASURE_OPENERS \
            or (text.endswith("公司") and _kind_of_company(text[:-2], tab)):
        return False  # (高职学院, 私人银行, 家科创板公司 of 39家科创板公司: a kind of institution, no name)
    return text not in word_tags()  # a dictionary word tagged as a common word is no name


def word_tags() -> dict[str, str]:
    """jieba's dictionary words of two characters or more with their part-of-speech tag,
    proper names (``proper_name_tags``) left out: 随着 p, 进行 v, 券商 n."""
    return common_word_tags(tables().proper_name_tags)


# --------------------------------------------------------------------------- match + resolve

def match_entities(text: str, token_bounds: tuple[set[int], set[int]] | None = None,
                   ner_spans=None) -> list[Candidate]:
    """Every candidate mention the rules (and, if given, the NER) propose, unmerged."""
    tab = tables()
    candidates: list[Candidate] = []
    candidates += _quoted_candidates(text, tab)
    candidates += _work_candidates(text)
    candidates += _gazetteer_candidates(text, tab, token_bounds)
    candidates += _suffix_candidates(text, tab, token_bounds)
    candidates += _listed_company_candidates(text, tab)
    candidates += _ticker_candidates(text, tab)
    candidates += _listed_kind_candidates(text, tab)
    candidates += _industry_name_candidates(text, tab, token_bounds)
    candidates += _announcer_candidates(text, tab)
    candidates += _stake_candidates(text, tab)
    candidates += _kind_model_candidates(text, tab)
    candidates += _programme_event_candidates(text, tab)
    candidates += _mover_candidates(text, tab)
    candidates += _property_candidates(text, tab)
    candidates += _transit_line_candidates(text)
    candidates += _portal_tag_candidates(text, tab)
    organisations = {c.name for c in candidates if c.type == "ORG"}
    candidates += _brand_model_candidates(text, organisations | _brand_cores(organisations, tab) | tab.known_orgs)
    candidates += _fund_family_candidates(text, organisations)
    ner = list(_ner_candidates(ner_spans, tab))
    # names the NER alone proposes can still split a title chain (星河电商商家运营负责人)
    known = {c.name: c.type for c in ner if c.score >= NER_ONLY_THRESHOLD} | {c.name: c.type for c in candidates}
    org_positions = sorted((c.start, c.name) for c in [*candidates, *ner] if c.type == "ORG" and c.score > 0)
    people = [*_title_name_candidates(text, tab, known, org_positions, token_bounds), *_speech_candidates(text, tab),
              *_honorific_candidates(text, tab, token_bounds),
              *_byline_candidates(text, tab), *_appointed_candidates(text, tab)]
    # 基金经理进行了座谈, 负责人迅速…, 记者解释说: a common word after a title is no name
    common_words = word_tags()
    people = [c for c in people if c.type != "PERSON" or c.name not in common_words]
    named = people + [c for c in ner if c.type == "PERSON" and c.score >= NER_ONLY_THRESHOLD]
    candidates += people
    candidates += _appointment_candidates(text, tab, named, known, org_positions)
    candidates += ner
    # 智能硬件公司青禾智能: a suffix name right before another name describes it (apposition)
    names = tuple({c.name for c in candidates if c.type in ("ORG", "PRODUCT") and c.score > 0 and len(c.name) >= 2})
    return [_without_country(c, text, tab) for c in candidates
            if not (c.source == "rule:org_suffix" and text.startswith(names, c.end))]


def _without_country(candidate: Candidate, text: str, tab: _Tables) -> Candidate:
    """美国耐克集团 … 耐克: a foreign company named with its country in front once, and by its
    own name elsewhere, is that name (美国银行, never named without 美国, keeps it)."""
    if candidate.type != "ORG":
        return candidate
    country = next((c for c in tab.country_prefixes if candidate.name.startswith(c)), None)
    if country is None:
        return candidate
    rest = candidate.name[len(country):]
    core = next((rest[:-len(s)] for s in tab.same_entity_suffixes if rest.endswith(s) and len(rest) > len(s)), rest)
    if len(rest) < 3 or len(core) < 2 or text.count(core) <= text.count(candidate.name) or core in word_tags():
        return candidate  # (印度外卖公司: 外卖 is a kind of business, no company's own name)
    return replace(candidate, start=candidate.start + len(country), name=rest)


# NER proposals that no rule makes are kept only at or above this score (chosen on dev).
NER_ONLY_THRESHOLD = 0.5
# Precedence when the same name is proposed with different types.
_TYPE_PRIORITY = {"PROGRAMME": 6, "EVENT": 5, "WORK": 5, "PERSON": 4, "PRODUCT": 3, "ORG": 2, "LOCATION": 1}


def _canonical_key(name: str) -> str:
    return regex.sub(r"[\s“”\"'《》「」]", "", name)


def _alias_of(short: str, long: str, entity_type: str, tab: _Tables) -> bool:
    """Whether ``short`` is another surface form of ``long`` (若衣轻奢 → 若衣轻奢定制)."""
    if tab.short_forms.get(short) == long:
        return True  # 外汇局 for 国家外汇管理局, 每经 for 每日经济新闻
    if entity_type == "ORG" and len(short) >= 4 and long.endswith(short) and long[:-len(short)] in tab.place_names:
        return True  # 梅隆银行 for 纽约梅隆银行: the place it is named after left out
    if short == long or not long.startswith(short) or len(short) < 2:
        return False
    rest = long[len(short):].strip()
    if entity_type == "ORG":
        if short in tab.known_orgs and any(rest == unit for unit in tab.business_units) \
                and rest not in tab.same_entity_suffixes:
            return False  # 快手电商 is a unit of 快手, not another name for it
        return rest not in tab.subsidiary_suffixes  # 西部证券研究所 is not 西部证券
    if entity_type in ("EVENT", "PROGRAMME"):
        return regex.fullmatch(r"[0-9. ]+", rest) is not None or len(short) >= 3
    if entity_type == "PRODUCT" and _MODEL_CODE.fullmatch(rest.lstrip("-")):
        return False  # 索尼 is the brand of 索尼 HDR-XR500E, not another name for it
    return entity_type in ("PRODUCT", "WORK")


_TRAILING_MODEL_CODE = regex.compile(r"(?P<brand>.*?) ?(?P<code>(?:[A-Z][A-Za-z]{0,5}-)?" + _MODEL_CODE.pattern + ")$")


def _runs_into_clause(rest: str, tab: _Tables) -> bool:
    """Whether the words after a name hold a verb, adverb or function word of jieba's
    dictionary (出货量同比增长): a clause, not more of the name (集团, 深圳分行)."""
    if rest.endswith((*tab.subsidiary_suffixes, *tab.institution_endings)) or tab.org_suffix_end_re.search(rest):
        return False  # 深圳分行, 开发有限公司, 组织, 促进会: an organisation's name goes on
    return any(tag in tab.clause_word_tags for _, tag in _dictionary_words(rest))


def _model_code_of(short: str, long: str) -> bool:
    """Whether ``short`` names the same model as the product ``long``: its code, or its brand
    with the code's last part (R10 and 理光 R10 for 理光R10; XR500E and 索尼XR500E for
    索尼 HDR-XR500E)."""
    a, b = _TRAILING_MODEL_CODE.match(short), _TRAILING_MODEL_CODE.match(long)
    if a is None or b is None or short == long:
        return False
    same_brand = a["brand"] in ("", b["brand"])
    return same_brand and b["code"].endswith(a["code"])


def resolve_entities(text: str, candidates: list[Candidate]) -> list[ResolvedEntity]:
    """Merge candidates into entities: one per canonical name, aliases folded in, every
    occurrence of a name or alias as a mention (a longer name's occurrence wins)."""
    tab = tables()
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[_canonical_key(candidate.name)].append(candidate)

    entities: dict[str, ResolvedEntity] = {}
    for key, group in by_key.items():
        rule_group = [c for c in group if c.source != "ner"]
        if not rule_group and max(c.score for c in group) < NER_ONLY_THRESHOLD:
            continue
        voting = rule_group or group
        entity_type = max(voting, key=lambda c: (_TYPE_PRIORITY[c.type] if c.source != "ner" else 0, c.score)).type
        sources = sorted({c.source for c in group})
        score = max(c.score for c in group)
        if rule_group and len(sources) > 1:
            score = min(0.99, score + 0.05 * (len(sources) - 1))
        entity = ResolvedEntity(type=entity_type, name=group[0].name.strip(), confidence=round(score, 3), sources=sources)
        for candidate in group:
            for role in candidate.roles:
                if role not in entity.roles:
                    entity.roles.append(role)
            entity.attributes.update(dict(candidate.attributes))
        entities[key] = entity

    # A name only the NER proposes that runs on past a rule's name (传音控股 + 出货量同比增长)
    # swallowed its neighbours: the rule's boundary stands.
    rule_names = [k for k, e in entities.items() if e.sources != ["ner"]]
    for key in [k for k, e in entities.items() if e.sources == ["ner"]]:
        if any(key.startswith(short) and len(key) > len(short) and _runs_into_clause(key[len(short):], tab)
               for short in rule_names):
            del entities[key]

    # Fold aliases into the longest form of the same type.
    keys = sorted(entities, key=len, reverse=True)
    folded: dict[str, str] = {}
    for short in sorted(entities, key=len):
        for long in keys:
            if long in folded or len(long) <= len(short):
                continue
            a, b = entities[short], entities[long]
            same_family = a.type == b.type or {a.type, b.type} <= {"ORG", "PRODUCT"}
            if same_family and (_alias_of(short, long, b.type, tab)
                                or b.type == "PRODUCT" and _model_code_of(short, long)):
                folded[short] = long
                break
    for short, long in folded.items():
        target = long
        while target in folded:
            target = folded[target]
        main, alias = entities[target], entities[short]
        if alias.name not in main.aliases:
            main.aliases.append(alias.name)
        main.sources = sorted(set(main.sources) | set(alias.sources))
        main.confidence = max(main.confidence, alias.confidence)
        for role in alias.roles:
            if role not in main.roles:
                main.roles.append(role)
    for short in folded:
        del entities[short]

    _add_short_forms(text, entities, tab)
    _assign_mentions(text, list(entities.values()))
    resolved = [e for e in entities.values() if e.mentions]
    # Organisation names in roles point at the canonical entity when they were aliases.
    canonical = {}
    for entity in resolved:
        for surface in [entity.name, *entity.aliases]:
            canonical.setdefault(_canonical_key(surface), entity.name)
    for entity in resolved:
        entity.roles = [(title, canonical.get(_canonical_key(org), org) if org else None)
                        for title, org in entity.roles]
    resolved.sort(key=lambda e: e.first_offset)
    return resolved


_TRAILING_NUMBER = regex.compile(r"\s*[0-9]+(?:\.[0-9]+)*$")


def _add_short_forms(text: str, entities: dict[str, ResolvedEntity], tab: _Tables) -> None:
    """Shortened names used later in the text: 若衣轻奢 for 若衣轻奢定制, 引力大会 for
    引力大会 2022. A prefix counts when it stands on its own somewhere else in the text."""
    taken = {_canonical_key(s) for e in entities.values() for s in [e.name, *e.aliases]}
    for entity in entities.values():
        if entity.type not in ("ORG", "EVENT", "PROGRAMME", "PRODUCT"):
            continue
        name = entity.name
        shorter = _TRAILING_NUMBER.sub("", name)
        candidates = [shorter] if shorter != name else []
        if entity.type == "ORG" and name not in tab.known_orgs:
            candidates += [name[:n] for n in range(len(name) - 1, len(name) // 2, -1) if n >= 3]
            # 耐克 for 耐克集团: a two-character core before a group's form (not 公司, which
            # follows descriptions too: 越南公司), when it is no word and no place
            forms = tab.short_core_forms + (tab.industry_name_endings if "rule:industry_name" in entity.sources else ())
            core = next((name[:-len(s)] for s in forms if name.endswith(s)), "")  # (云帆 of 云帆汽车, a coined name)
            if len(core) == 2 and core not in word_tags() and core not in tab.place_names \
                    and not regex.search(r"[^\p{Han}]", core):
                candidates.append(core)
        for prefix in candidates:
            key = _canonical_key(prefix)
            if len(key) < 2 or key in taken or prefix in tab.non_name_words:
                continue
            standalone = text.replace(name, "\0" * len(name)).find(prefix)
            if standalone != -1:
                entity.aliases.append(prefix)
                taken.add(key)
                break


def _assign_mentions(text: str, entities: list[ResolvedEntity]) -> None:
    """Every occurrence of each surface form, longest forms first, without overlaps."""
    surfaces = [(surface, entity) for entity in entities for surface in [entity.name, *entity.aliases]]
    surfaces.sort(key=lambda item: len(item[0]), reverse=True)
    taken = bytearray(len(text))
    for surface, entity in surfaces:
        if not surface:
            continue
        position = text.find(surface)
        while position != -1:
            end = position + len(surface)
            if not any(taken[position:end]) and not _inside_word(text, position, end, surface, entity.type):
                entity.mentions.append((position, end))
                taken[position:end] = b"\x01" * (end - position)
            position = text.find(surface, position + 1)
    for entity in entities:
        entity.mentions.sort()


def _inside_word(text: str, start: int, end: int, surface: str, entity_type: str) -> bool:
    """Latin names must not sit inside a longer Latin word (Meta in Metaverse)."""
    if regex.match(r"[A-Za-z0-9]", surface[0]) and start > 0 and regex.match(r"[A-Za-z0-9]", text[start - 1]):
        return True
    if regex.match(r"[A-Za-z0-9]", surface[-1]) and end < len(text) and regex.match(r"[A-Za-z0-9]", text[end]):
        return True
    return False
