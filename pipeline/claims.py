"""Numeric claims: every quantity bound to what it measures, about whom, and when.

``match_claims(text, sentences, entities, published, token_ends)`` turns the quantities of
``pipeline.numbers`` into ``ClaimDraft`` objects: kind (level, change, share, rank),
direction and basis for changes, metric, subject, period, modality and source, each field
with the words that decided it in ``explanation``. The context words are the tables of
``data/claims.yaml``; the scope of a cue is its clause (between commas), except where a
table says otherwise (预计 governs the rest of its sentence; a period stated once in a
sentence holds for the later numbers of the sentence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import regex

from pipeline.entities import ResolvedEntity, word_tags
from pipeline.numbers import Quantity, find_quantities, grammar
from pipeline.periods import PeriodMention, document_date, find_periods
from pipeline.segment import word_boundaries
from pipeline.tables import alternation as _alt
from pipeline.tables import load_table

REGEX_TIMEOUT_S = 2.0
# A colon between digits is a ratio or a time (16:9, 10:30), no clause break.
# … and a run of spaces separates the items of a list of headlines (小肥羊净利增四成    部分私募两个月连发5新品).
_CLAUSE_BREAK = regex.compile(r"[，,；;]|(?<![0-9])[：:]|[：:](?![0-9])|[ \u3000\xa0]{2,}")
_CLAUSE_BREAK_BACKWARDS = regex.compile(_CLAUSE_BREAK.pattern, flags=regex.REVERSE)
# Entity types a number can be about.
_SUBJECT_TYPES = ("ORG", "PROGRAMME", "PRODUCT", "PERSON")
# What a paragraph or sentence is about when its numbers name nothing: a company, or the
# product a review is about (理光R10售价1750元 … 具有1000万有效像素).
_TOPIC_TYPES = ("ORG", "PRODUCT")
# Places that are assets, named as such (GOLD.md property: an estate's or a parcel's own
# measures are its own): these LOCATIONs can be subjects and topics too.
_ASSET_SOURCES = frozenset({"rule:property", "rule:quoted_property", "rule:portal_tag"})


def _is_asset(entity: ResolvedEntity) -> bool:
    return entity.type == "LOCATION" and not _ASSET_SOURCES.isdisjoint(entity.sources)


@dataclass
class ClaimDraft:
    """A claim before ids are assigned; entity references are indexes into the entity list."""

    quantity: Quantity
    kind: str = "level"
    direction: str | None = None
    basis: str | None = None
    metric: str | None = None
    subject: int | None = None
    subject_text: str | None = None
    metric_start: int | None = None  # where the metric stands, when it is found before the number
    metric_counted: bool = False  # the metric is the noun after a count (10万家中小商家)
    change_from: ClaimDraft | None = None  # the start of the change this number ends (从30天缩短至12天)
    period: PeriodMention | None = None
    modality: str = "reported"
    source: int | None = None
    evidence: tuple[int, int] = (0, 0)
    confidence: float = 0.9
    explanation: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _ClaimTables:
    change_re: regex.Pattern
    direction_of: dict[str, str]
    level_marker_re: regex.Pattern
    level_markers: tuple[str, ...]
    basis_re: regex.Pattern
    basis_of: dict[str, str]
    share_re: regex.Pattern
    linking: tuple[str, ...]
    modality: dict[str, tuple[str, ...]]
    future_jiang_re: regex.Pattern
    future_verb_re: regex.Pattern  # the future verbs of two or more characters, alone
    metric_re: regex.Pattern
    group_head_re: regex.Pattern
    group_lead_ins: tuple[str, ...]
    linking_or_stop_re: regex.Pattern  # adverbs and linking words that end a metric on the left
    metric_after_re: regex.Pattern  # a metric right after the number, past 的 and a Latin modifier
    source_before_re: regex.Pattern
    source_after_re: regex.Pattern
    anaphora_re: regex.Pattern
    anaphora_types: dict[str, tuple[str, ...]]  # 该公司 → ORG; 其 → ORG or PRODUCT
    not_metrics: frozenset[str]
    rate_markers: tuple[str, ...]  # 年均, 每年: a rate's markers before its verb
    same_period_endings: tuple[str, ...]  # 同期: the year before's same period, a comparison
    holding_after_pronoun: tuple[str, ...]  # 其所持: the pronoun is a holder
    quote_openers: tuple[str, ...]  # 报, 收于: the level a move ends at
    quote_verbs: tuple[str, ...]  # 收报, 现报: a quote's verb, no measure
    price_metrics: frozenset[str]  # 售价, 起售价: a price is a product's
    future_span_words: tuple[str, ...]  # 未来, 明年: a period named as still to come
    metric_openers: tuple[str, ...]  # 在手 in 在手订单: the 在 is no function word
    object_verbs: tuple[str, ...]  # one-character verbs whose object a count is (有37名操盘手)
    phrase_noun_tags: frozenset[str]  # dictionary tags of nouns a metric may open with
    tail_noun_tags: frozenset[str]  # a last character that ends a noun of these tags stays (性能)
    describes_re: regex.Pattern  # 的 and a device kind between a number and its product (1299元的智能手表 W3)
    measure_run_re: regex.Pattern  # the rest of a measure after a metric word (投资 + 收益率)
    rank_after_re: regex.Pattern  # a rank word right after a number (5500万部位居第二)
    means_prepositions: tuple[str, ...]  # 以 in 蓝鲸通讯以5500万部位居第二
    verb_tags: frozenset[str]  # dictionary tags of verbs (a future 将 goes before one)
    change_only_re: regex.Pattern  # a clause head that is nothing but a change (同比增长了)
    pledge_re: regex.Pattern  # verbs of putting up resources (将…投入)
    event_time_re: regex.Pattern
    event_day_re: regex.Pattern  # 本月9日发行的: a day that times an issue or a listing
    event_date_verbs: tuple[str, ...]  # 成立于2019年: a date after these dates the event
    metric_stop_re: regex.Pattern
    comparison_re: regex.Pattern
    share_after: tuple[str, ...]
    change_metric_direction: dict[str, str]
    doubling_words: tuple[str, ...]
    forecast_false_friends: tuple[str, ...]
    not_subject_after: tuple[str, ...]
    data_report_re: regex.Pattern  # 的最新数据显示: the name provides the figures
    market_heads: tuple[str, ...]
    price_paid_re: regex.Pattern  # 以28.6亿元竞得: the deal the amount was paid in
    unitless_measure_re: regex.Pattern  # 容积率仅: a ratio written without a unit
    announcing_verbs: tuple[str, ...]  # 友讯达公告，…公司中4个包: 公司 is the announcer
    time_word_endings: tuple[str, ...]  # 天价之后: a point in time, nothing counted
    antecedent_after: tuple[str, ...]  # 据, 从: a source there may still be an anaphor's antecedent
    not_subject_before: tuple[str, ...]
    aside_clause_openers: tuple[str, ...]
    person_units: frozenset[str]
    holding_verb_re: regex.Pattern
    stake_verb_re: regex.Pattern  # 收购, 出售: a stake's share is the dealer's
    share_units: frozenset[str]
    list_end_words: tuple[str, ...]
    count_total_words: tuple[str, ...]
    relative_clause_openers: tuple[str, ...]
    suo_clause_re: regex.Pattern  # 快手电商服务商所服务的 (not 研究所发布的)
    aspect_re: regex.Pattern  # a counted part or side right after the number (五个方面)
    indefinite_re: regex.Pattern  # 一条短视频 right before the metric
    elaborated_types: tuple[str, ...]
    partition_re: regex.Pattern  # 29家中小板公司中， (the whole a later count is part of)
    count_verb_re: regex.Pattern  # a verb right after a count (实现, 跑赢): no counted noun follows
    achieved_re: regex.Pattern  # 实现 GMV 跃迁 right after a count, to the clause's end
    plan_window_re: regex.Pattern  # 计划五年内, 计划年内: a plan with a time window sets a target
    spec_unit_kinds: frozenset[str | None]
    device_part_re: regex.Pattern
    part_stop_re: regex.Pattern
    part_cut_re: regex.Pattern
    linking_only_re: regex.Pattern  # nothing but linking words (总像素为663万)
    counted_group_re: regex.Pattern  # a counted noun ending in a group noun (新基金)
    count_tail_re: regex.Pattern  # linking words between a group and its count (总数已达到)
    group_end_re: regex.Pattern
    first_group_re: regex.Pattern  # the shortest run ending in a group noun
    group_kind_marks: tuple[str, ...]  # 型 in 股票型基金: the group noun before is a modifier
    index_re: regex.Pattern
    index_units: frozenset[str]
    index_quote_words: frozenset[str]  # 收盘, 开盘: in a sentence about an index, its measure
    bare_change_re: regex.Pattern  # ，两年平均增长: a change of the measure before it
    publisher_endings: tuple[str, ...]  # 工信部, 统计局: public bodies …
    publisher_verbs: tuple[str, ...]  # … that publish others' figures (发布, 公布)
    share_dealing_verbs: frozenset[str]
    comparison_openers: tuple[str, ...]
    measure_endings: tuple[str, ...]
    own_groups: frozenset[str]
    owned_name_re: regex.Pattern
    plan_verb_re: regex.Pattern
    plan_adverbs: frozenset[str]
    plan_time_tags: frozenset[str]  # tags of a time word between 计划 and its verb (每年 r, 明年 t)
    plan_noun_markers: frozenset[str]
    counted_noun_stop_tags: frozenset[str]
    counted_noun_stop_chars: frozenset[str]
    not_counted_tags: frozenset[str]
    measure_words: frozenset[str]
    comparison_base_words: tuple[str, ...]
    metric_tail_chars: frozenset[str]
    metric_tail_tags: frozenset[str]
    metric_head_chars: frozenset[str]
    metric_head_tags: frozenset[str]
    metric_plan_openers: tuple[str, ...]  # 计划, 拟: the words of a plan a metric never opens with
    share_dealing_objects: tuple[str, ...]
    dealing_before_re: regex.Pattern  # 增持了公司股票共 right before a share count
    dealing_after_re: regex.Pattern  # 解除质押, 进行了再质押 right after it


@lru_cache(maxsize=1)
def _tables() -> _ClaimTables:
    t = load_table("claims")
    direction_of = {w: d for d, words in t["change_verbs"].items() for w in words}
    comparison_of = {w: d for d, words in t["comparison_verbs"].items() for w in words}
    direction_of.update(comparison_of)
    basis_of = {w: b for b, words in t["basis"].items() for w in words}
    han_metrics = _alt(w for w in t["metrics"] if not w.isascii())
    # Latin metrics (GMV) must not sit inside a Latin word; Han ones may follow a unit (240GB硬盘).
    metric_alt = rf"(?<![A-Za-z])(?:{_alt(w for w in t['metrics'] if w.isascii())})(?![A-Za-z])|(?:{han_metrics})"
    return _ClaimTables(
        change_re=regex.compile(rf"(?:{_alt(direction_of)})了?(?P<marker>{_alt(t['level_markers'])})?\ ?$"),
        direction_of=direction_of,
        level_marker_re=regex.compile(_alt(t["level_markers"])),
        level_markers=tuple(t["level_markers"]),
        basis_re=regex.compile(_alt(basis_of)),
        basis_of=basis_of,
        share_re=regex.compile(rf"(?:{_alt(t['share_cues'])})"),
        linking=tuple(sorted(t["linking_words"], key=len, reverse=True)),
        modality={k: tuple(v) for k, v in t["modality"].items() if k not in ("future_jiang_verbs", "forecast_false_friends")},
        future_jiang_re=regex.compile(
            rf"将(?:会|要)?\ ?(?:{_alt(t['rate_markers'])})?(?:{_alt(t['future_jiang_verbs'])})"),
        future_verb_re=regex.compile(_alt(w for w in t["future_jiang_verbs"] if len(w) >= 2)),
        metric_re=regex.compile(metric_alt),
        # 1/6英寸的CMOS感光元件: a Latin model or type word may stand between 的 and the metric.
        metric_after_re=regex.compile(
            rf"\ ?的?\ ?(?P<m>(?:{_alt(t['funding_rounds'])})?(?:{metric_alt})|[A-Za-z]{{2,6}}\ ?(?:{han_metrics}))"
            # …有效像素为1000万的: the measure of the next number, not of this one
            rf"(?!\ ?(?:为|是|达|约)\ ?[0-9一二三四五六七八九十])"),
        group_head_re=regex.compile(_alt(t["group_heads"])),
        index_re=regex.compile(
            rf"(?:{_alt(t['index_lead_ins'])})?(?P<index>{_alt(t['index_words'])}|\p{{Han}}{{2,4}}?(?:{_alt(t['index_suffixes'])}))(?![型基期])"),
        group_lead_ins=tuple(sorted(t["group_lead_ins"], key=len, reverse=True)),
        linking_or_stop_re=regex.compile(_alt([*t["linking_words"], *t["metric_stop_words"]])),
        source_before_re=regex.compile(rf"(?:{_alt(t['source_before'])})"),
        source_after_re=regex.compile(rf"(?:{_alt(t['source_after'])})"),
        # the false friends bind 其 only (其实, 尤其); 公司实现 is still 公司
        anaphora_re=regex.compile(
            rf"(?:{_alt(w for w in t['anaphora'] if w != '其')}"
            rf"|(?<!{'|'.join(w[:-1] for w in t['anaphora_false_friends'] if w.endswith('其'))})"
            rf"其(?!{'|'.join(w[1:] for w in t['anaphora_false_friends'] if w.startswith('其'))}))"
        ),
        anaphora_types={word: tuple(types) if isinstance(types, list) else (types,) for word, types in t["anaphora"].items()},
        not_metrics=frozenset(t["not_metrics"]) | frozenset(t["rate_markers"]),
        rate_markers=tuple(t["rate_markers"]),
        same_period_endings=tuple(t["same_period_endings"]),
        holding_after_pronoun=tuple(t["holding_after_pronoun"]),
        quote_openers=tuple(t["quote_openers"]),
        quote_verbs=tuple(t["quote_verbs"]),
        price_metrics=frozenset(t["price_metrics"]),
        future_span_words=tuple(t["future_span_words"]),
        metric_openers=tuple(t["metric_openers"]),
        object_verbs=tuple(t["object_verbs"]),
        phrase_noun_tags=frozenset(t["phrase_noun_tags"]),
        tail_noun_tags=frozenset(t["tail_noun_tags"]),
        measure_run_re=regex.compile(
            rf"(?:(?![的了是在和与及或为达至到比较同环上下增减涨跌升降提])\p{{Han}}){{0,3}}?"
            rf"(?:{_alt(e for e in t['measure_endings'] if e != '比')})"
            rf"(?=\P{{Han}}|$|{_alt([*t['linking_words'], *direction_of, *basis_of, *t['measure_run_followers']])})"),
        describes_re=regex.compile(rf"\ ?的\ ?(?:{_alt(load_table('entities')['device_kinds'])})?\ ?"),
        rank_after_re=regex.compile(rf"\ ?(?:{_alt(load_table('quantities')['rank_words'])})\p{{Han}}{{0,4}}?[第首前]"),
        means_prepositions=tuple(t["means_prepositions"]),
        verb_tags=frozenset(t["verb_tags"]),
        change_only_re=regex.compile(rf"(?:{_alt(basis_of)})?\ ?(?:{_alt(direction_of)})了?\ ?"),
        pledge_re=regex.compile(_alt(t["modality"]["pledge_verbs"])),
        metric_stop_re=regex.compile(_alt(t["metric_stop_words"])),
        comparison_re=regex.compile(rf"(?:{_alt(comparison_of)})[^，。；\d]{{1,12}}$"),
        doubling_words=tuple(t["doubling_words"]),
        share_after=tuple(t["share_after"]),
        change_metric_direction={w: d for d, words in t["change_metrics"].items() for w in words},
        forecast_false_friends=tuple(t["modality"]["forecast_false_friends"]),
        not_subject_after=tuple(t["not_subject_after"]),
        antecedent_after=tuple(t["antecedent_after"]),
        not_subject_before=tuple(t["not_subject_before"]),
        market_heads=tuple(sorted(t["market_heads"], key=len, reverse=True)),
        price_paid_re=regex.compile(rf"\ ?(?:{_alt(t['price_paid_verbs'])})"),
        unitless_measure_re=regex.compile(
            rf"(?:{_alt(t['unitless_measure_endings'])})\ ?(?:{_alt(t['unitless_measure_links'])})?\ ?$"),
        announcing_verbs=tuple(t["announcing_verbs"]),
        time_word_endings=tuple(t["time_word_endings"]),
        data_report_re=regex.compile(
            rf"(?:{_alt(t['data_report']['fillers'])}){{0,4}}(?:{_alt(t['data_report']['nouns'])})"
            rf"(?:{_alt([*t['data_report']['fillers'], *t['data_report']['nouns']])}){{0,2}}(?:{_alt(t['data_report']['verbs'])})"),
        aside_clause_openers=tuple(t["aside_clause_openers"]),
        person_units=frozenset(t["person_units"]),
        holding_verb_re=regex.compile(_alt(t["holding_verbs"])),
        stake_verb_re=regex.compile(_alt(t["stake_verbs"])),
        share_units=frozenset(t["share_units"]),
        list_end_words=tuple(t["list_end_words"]),
        count_total_words=tuple(t["count_total_words"]),
        relative_clause_openers=tuple(sorted(t["relative_clause_openers"], key=len, reverse=True)),
        suo_clause_re=regex.compile(
            rf"\s*(?P<clause>[\p{{Han}}A-Za-z0-9]{{2,16}}?(?<!{_alt(w[:-1] for w in t['places_in_suo'])})所\p{{Han}}{{1,3}}?的)"),
        aspect_re=regex.compile(rf"\ ?(?P<noun>{_alt(t['aspect_nouns'])})"),
        indefinite_re=regex.compile(rf"一\ ?(?:{_alt(t['indefinite_classifiers'])})(?P<noun>(?:(?![的了是在])\p{{Han}}){{2,6}})\ ?$"),
        elaborated_types=tuple(t["elaborated_types"]),
        partition_re=regex.compile(
            rf"(?:[0-9０-９一二两三四五六七八九十百千]+\s?[只家个名位款])?(?:{_alt(t['demonstratives'])})?"
            rf"(?P<group>(?:(?![的了是在到和与及为被把将等])\p{{Han}}){{0,6}}(?:{_alt(t['group_heads'])}))中\s*[，,]"),
        count_verb_re=regex.compile(rf"\ ?(?:{_alt([*t['achievement_verbs'], *t['count_outcome_verbs'], *direction_of])})"),
        achieved_re=regex.compile(
            rf"\ ?(?:{_alt(t['achievement_verbs'])})了?\ ?(?P<m>[\p{{Han}}A-Za-z][\p{{Han}}A-Za-z ]{{1,9}}?)\ ?(?:[，。；！？,;!?]|$)"),
        plan_window_re=regex.compile(
            rf"(?:{_alt(t['modality']['plan_leads'])})\ ?(?:[在于到]\ ?)?(?:未来)?\ ?[0-9一二两三四五六七八九十]*\ ?"
            rf"(?:{_alt(t['modality']['plan_windows'])})"),
        spec_unit_kinds=frozenset(t["device_parts"]["unit_kinds"]),
        device_part_re=regex.compile(_alt(t["device_parts"]["parts"])),
        part_stop_re=regex.compile(rf"{_alt(t['device_parts']['stops'])}|\s{{2,}}|[，,。；;、\n]|[：:](?![0-9])"),  # 16:9 is a ratio
        linking_only_re=regex.compile(rf"\ ?(?:(?:{_alt(t['linking_words'])})\ ?)+"),
        part_cut_re=regex.compile(rf"{_alt(t['device_parts']['cut_after'])}|[)）]|[0-9]+[A-Za-z]*"),
        # the longest compound: 8只股票型基金 counts 股票型基金, not 股票
        counted_group_re=regex.compile(
            rf"\ ?(?P<noun>(?:(?![的了是在到和与及为被把将等中])\p{{Han}}){{0,6}}(?:{_alt(t['group_heads'])}))"),
        count_tail_re=regex.compile(rf"(?:{_alt([*t['linking_words'], *t['metric_stop_words'], *t['count_total_words'], *t['count_tail_words']])})+\ ?$"),
        group_end_re=regex.compile(rf"(?:{_alt(t['group_heads'])})$"),
        group_kind_marks=tuple(t["group_kind_marks"]),
        first_group_re=regex.compile(rf"\ ?(?:(?![的了是在到和与及为被把将等中])\p{{Han}}){{0,6}}?(?:{_alt(t['group_heads'])})"),
        index_units=frozenset(t["index_units"]),
        index_quote_words=frozenset(t["index_quote_words"]),
        bare_change_re=regex.compile(rf"[\s，,]*(?:{_alt(t['bare_change']['adverbs'])})*"
                                     rf"(?:{_alt(t['bare_change']['verbs'])})了?(?:约|近|超)?\s*"),
        publisher_endings=tuple(t["publisher_endings"]),
        publisher_verbs=tuple(t["publisher_verbs"]),
        share_dealing_verbs=frozenset(t["share_dealing_verbs"]),
        comparison_openers=tuple(t["comparison_openers"]),
        measure_endings=tuple(t["measure_endings"]),
        own_groups=frozenset(t["own_groups"]),
        owned_name_re=regex.compile(
            rf"(?:{_alt(t['owner_words'])})的?(?:\p{{Han}}{{0,4}}?(?:{_alt(t['owned_kinds'])}))?[“「\"]?"),
        plan_verb_re=regex.compile(_alt(t["modality"]["plan_verbs"])),
        plan_adverbs=frozenset(t["modality"]["plan_adverbs"]),
        plan_time_tags=frozenset(t["modality"]["plan_time_tags"]),
        plan_noun_markers=frozenset(t["modality"]["plan_noun_markers"]),
        counted_noun_stop_tags=frozenset(t["counted_noun_stop_tags"]),
        counted_noun_stop_chars=frozenset(t["counted_noun_stop_chars"]),
        not_counted_tags=frozenset(t["not_counted_tags"]),
        measure_words=frozenset(t["measure_words"]),
        comparison_base_words=tuple(t["comparison_base_words"]),
        metric_tail_chars=frozenset(t["metric_tail_chars"]),
        metric_tail_tags=frozenset(t["metric_tail_tags"]),
        metric_head_chars=frozenset(t["metric_head_chars"]),
        metric_head_tags=frozenset(t["metric_head_tags"]),
        metric_plan_openers=tuple(t["metric_plan_openers"]),
        share_dealing_objects=tuple(t["share_dealing_objects"]),
        dealing_before_re=regex.compile(
            rf"(?P<verb>{_alt(t['share_dealing_verbs'])})了?\ ?(?:{_alt(t['share_dealing_objects'])})?"
            rf"(?:{_alt(t['share_dealing_totals'])})?\ ?$"),
        dealing_after_re=regex.compile(
            rf"(?:进行|办理|完成)?了?"
            rf"(?P<verb>{_alt(t['share_dealing_verbs'])})(?P<object>股份|股票)?"),
        event_date_verbs=tuple(t["event_date_verbs"]),
        event_time_re=regex.compile(
            rf"[^。；]{{0,30}}?(?:(?:{_alt(t['event_time_verbs'])})(?:的|[^。；]*，)|{_alt(t['event_time_places'])})"),
        event_day_re=regex.compile(rf"\ ?(?:{_alt(t['event_day_verbs'])})的"),
    )


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    # searched backwards from the position: a forward scan from the sentence start costs
    # the whole text per mention in a text with no sentence ends
    last_break = _CLAUSE_BREAK_BACKWARDS.search(text, sentence_start, position)
    return last_break.end() if last_break else sentence_start


def _clause_end(text: str, position: int, sentence_end: int) -> int:
    match = _CLAUSE_BREAK.search(text, position, sentence_end)
    return match.start() if match else sentence_end


def _before_colon(text: str, clause_start: int) -> int:
    """Where the words a value after a colon belongs to start: the clause before the colon
    (收盘价：25.07元, 占营收比例为：76.66%); ``clause_start`` itself for any other clause."""
    if text[clause_start - 1:clause_start] not in ("：", ":"):
        return clause_start
    colon = clause_start - 1
    earlier_break = _CLAUSE_BREAK_BACKWARDS.search(text, max(0, colon - 30), colon)
    return earlier_break.end() if earlier_break else max(0, colon - 30)


def _unitless_measure(q: Quantity, text: str, tab: _ClaimTables) -> Quantity:
    """A bare decimal right after a ratio that has no unit (容积率仅1.1, 市净率为1.2, 贝塔系数为
    0.85) is a claim: the ratio says what it is; any other bare number stays none."""
    if q.non_claim != "bare number" or "." not in q.text \
            or not tab.unitless_measure_re.search(text, max(0, q.start - 12), q.start):
        return q
    return replace(q, non_claim=None, explanation=(*q.explanation, "a ratio without a unit"))


def _kind_and_direction(draft: ClaimDraft, text: str, clause_start: int, previous_end: int, tab: _ClaimTables,
                        listed_after: ClaimDraft | None = None) -> None:
    q = draft.quantity
    head_start = max(clause_start, previous_end)
    lead_end = q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start
    head = text[head_start:lead_end]
    if q.kind_hint == "rank":
        draft.kind = "rank"
        draft.explanation.append("kind rank: 位列/排名 第N")
        return
    if listed_after is not None and listed_after.kind == "change" and _SAME_CHANGE_AGAIN.fullmatch(
            text, listed_after.quantity.end, q.start):  # 跌74.16点或2.43%: the same move in percent
        draft.kind, draft.direction, draft.basis = "change", listed_after.direction, listed_after.basis
        draft.explanation.append(f"kind change, direction {draft.direction}: the move of {listed_after.quantity.text} again")
        return
    if listed_after is not None and listed_after.kind == "change" and listed_after.quantity.unit == q.unit \
            and _LIST_SEPARATOR.fullmatch(head):  # 分别增长10.2%、8.5%和6.3%: each item is a change
        draft.kind, draft.direction, draft.basis = "change", listed_after.direction, listed_after.basis
        draft.explanation.append(f"kind change, direction {draft.direction}: listed after {listed_after.quantity.text}")
        return
    if q.unit == "x" and any(w in text[max(clause_start, q.start - 3):q.end] for w in tab.doubling_words):
        draft.kind, draft.direction = "change", "up"
        draft.explanation.append("kind change, direction up: a doubling")
        return
    change = tab.change_re.search(regex.sub(r"的(?=[为是达]\ ?$)", "", head.rstrip(" 了")), timeout=REGEX_TIMEOUT_S)
    if change and change.groupdict().get("marker") and regex.search(r"的[为是达]\ ?$", head):
        change = tab.change_re.search(head.rstrip(" 了")[:-2], timeout=REGEX_TIMEOUT_S)  # 增加的为 28.6 亿: the increase
    if change is None and q.unit in ("%", "x", "pp"):
        change = tab.comparison_re.search(head, timeout=REGEX_TIMEOUT_S)
    if change and not change.groupdict().get("marker"):
        verb = change.group().rstrip(" ")
        word = max((w for w in tab.direction_of if verb.startswith(w) or verb.endswith(w) or w in verb), key=len)
        draft.kind = "change"
        draft.direction = tab.direction_of[word]
        draft.explanation.append(f"kind change, direction {draft.direction}: {word}")
        basis = None
        for match in tab.basis_re.finditer(text, clause_start, q.start, timeout=REGEX_TIMEOUT_S):
            basis = tab.basis_of[match.group()]
        basis = None if basis == "none" else basis
        draft.basis = basis
        if basis:
            draft.explanation.append(f"basis {basis}")
        return
    if draft.metric in tab.change_metric_direction:
        draft.kind, draft.direction = "change", tab.change_metric_direction[draft.metric]
        draft.explanation.append(f"kind change: {draft.metric} measures a change")
        return
    if q.unit in ("%", "pp") and (after := _CHANGE_WORD_AFTER.match(text, q.end)) \
            and after.group("word") in tab.change_metric_direction:
        draft.kind, draft.direction = "change", tab.change_metric_direction[after.group("word")]
        draft.explanation.append(f"kind change: the number is a {after.group('word')}")  # 维持22.8%的跌幅
        return
    if q.unit == "%" and text.startswith(tab.share_after, q.end + (text[q.end:q.end + 1] == " ")):
        draft.kind = "share"
        draft.explanation.append("kind share: a percentage of the shares or the market")
        return
    cue_start = _before_colon(text, clause_start)  # 占营收比例为：76.66%: the colon introduces the value
    if q.unit == "%" and tab.share_re.search(text[cue_start:q.start], timeout=REGEX_TIMEOUT_S):
        draft.kind = "share"
        draft.explanation.append("kind share: 占/占比 before a percentage")
        return
    draft.kind = "level"


def _last(pattern: regex.Pattern, text: str, start: int, end: int) -> regex.Match | None:
    """The last match of ``pattern`` in ``text[start:end]``: the one nearest the number."""
    last = None
    for last in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT_S):
        pass
    return last


def _device_part_after(text: str, start: int, clause_end: int, tab: _ClaimTables) -> str | None:
    """The device part a spec describes, named after it past modifiers, another spec and 的:
    3.0英寸46万有效像素的HVGA液晶显示屏 → HVGA液晶显示屏, 1/2.88英寸663万像素CMOS感光元件 →
    CMOS感光元件, 101小时的高清视频 → 高清视频. Up to the last part word before a
    coordinator or a clause break (1000万像素以及3倍变焦镜头: none)."""
    window = text[start:min(clause_end, start + _PART_WINDOW)]
    stop = tab.part_stop_re.search(window, timeout=REGEX_TIMEOUT_S)
    window = window[:stop.start()] if stop else window
    part = _last(tab.device_part_re, window, 0, len(window))
    if part is None:
        return None
    phrase = window[:part.end()]
    cut = max((m.end() for m in tab.part_cut_re.finditer(phrase[:part.start()], timeout=REGEX_TIMEOUT_S)), default=0)
    phrase = phrase[cut:].strip()
    return phrase or None


def _share_dealing(text: str, clause_start: int, q: Quantity, tab: _ClaimTables) -> str | None:
    """The dealing verb that governs a share count, before it (增持了公司股票共18.7万股 →
    增持) or after it (626万股质押股份 → 质押股份, 555万股进行了再质押 → 再质押)."""
    head_end = q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start
    before = tab.dealing_before_re.search(text, max(clause_start, head_end - 12), head_end, timeout=REGEX_TIMEOUT_S)
    if before:
        return before.group("verb")
    after = tab.dealing_after_re.match(text, _after_number(q), timeout=REGEX_TIMEOUT_S)
    if after:
        return after.group("verb") + (after.group("object") or "")
    return None


# How far after a spec its part may be named (3.2英寸16:9的触摸式混合型液晶屏).
_PART_WINDOW = 20


def _rank_follows(text: str, q: Quantity, tab: _ClaimTables) -> bool:
    """Whether a rank word follows the number (5500万部位居第二; not 18%的份额位列第一)."""
    return tab.rank_after_re.match(text, _after_number(q)) is not None


def _after_number(q: Quantity) -> int:
    """Where the words after a number start: past a trailing qualifier (1500 个以上，…)."""
    if q.qualifier_span and q.qualifier_span[0] >= q.end:
        return q.qualifier_span[1]
    return q.end


def _metric(draft: ClaimDraft, text: str, clause_start: int, clause_end: int, sentence_start: int,
            entities: Sequence[ResolvedEntity], tab: _ClaimTables, previous: ClaimDraft | None = None,
            compared: ClaimDraft | None = None) -> None:
    q = draft.quantity
    if _rank_follows(text, q, tab):  # 以5500万部位居第二: what follows is the rank it earned, not what is counted
        clause_end = _after_number(q)
    aspect = _aspect_counted(text, q, tab)
    if aspect:  # 从精准定位、…、玩转流量、跃迁大场五个方面: what is counted is the 方面
        draft.metric = aspect
        draft.explanation.append(f"metric: the parts counted, {aspect}")
        return
    base = _last(_SHARE_BASE, text, clause_start, q.start) if q.unit == "%" else None
    if base:  # 占社会消费品零售总额的比重为26.7%: a share is measured against its base (GOLD.md)
        draft.metric = base.group("base")
        draft.explanation.append(f"metric: the base of the share, {draft.metric}")
        return
    share_of = _SHARE_OF.search(text, clause_start, q.start) if q.unit == "%" else None
    if share_of:  # 其中研发人员占比超过六成, 海外收入占比从去年的15%提升至35%: the share of X
        draft.metric = share_of.group("m") + "占比"
        draft.explanation.append(f"metric: the share named in the clause, {draft.metric}")
        return
    dealing = _share_dealing(text, clause_start, q, tab) if q.unit in tab.share_units \
        and not text.startswith(tab.share_dealing_objects, _after_number(q)) else None  # 转让3.79亿股股份: 股份
    if dealing:
        draft.metric = dealing
        draft.explanation.append(f"metric: the dealing in the shares counted, {dealing}")
        return
    before = _outside_names(tab.metric_re.finditer(text, _before_colon(text, clause_start), q.start, timeout=REGEX_TIMEOUT_S),
                            entities)
    spec = q.unit_kind in tab.spec_unit_kinds
    if spec and before and tab.linking_only_re.fullmatch(text, before[-1].end(), q.start, timeout=REGEX_TIMEOUT_S):
        # 总像素为663万的CMOS传感器: the spec linked to the number, not the part after it
        draft.metric = before[-1].group()
        draft.metric_start = before[-1].start()
        draft.explanation.append(f"metric linked to the number: {draft.metric}")
        return
    after = text[_after_number(q):clause_end]
    paid = tab.price_paid_re.match(after) if q.unit_kind == "currency" and text.endswith("以", 0, q.start) else None
    if paid:  # 星海置业以28.6亿元竞得12号地块: what the amount measures is the deal
        draft.metric = paid.group()
        draft.explanation.append(f"metric: the deal the amount was paid in, {draft.metric}")
        return
    following = tab.metric_after_re.match(after, timeout=REGEX_TIMEOUT_S)
    if following:
        draft.metric = following.group("m")
        draft.explanation.append(f"metric after the number: {draft.metric}")
        return
    part = _device_part_after(text, _after_number(q), clause_end, tab) if spec else None
    if spec and part is None:
        # 3.0英寸约23万像素带抗反光涂层的TFT材质LCD触摸屏: a second spec straight after this one
        # describes the same part, named after both
        nxt = next(iter(find_quantities(text[_after_number(q):_after_number(q) + 12])), None)
        if nxt is not None and nxt.is_claim and nxt.unit_kind in tab.spec_unit_kinds \
                and regex.fullmatch(r"\ ?\p{Han}?", text[_after_number(q):_after_number(q) + nxt.start]):
            part = _device_part_after(text, _after_number(q) + nxt.end, clause_end, tab)
    if part:
        draft.metric = part
        draft.explanation.append(f"metric: the part the spec describes, {part}")
        return
    if q.unit_kind == "count" and before and regex.fullmatch(r"了?\ ?", text[before[-1].end():q.start]):
        counted = _COUNTED_NOUN.match(text, _after_number(q), timeout=REGEX_TIMEOUT_S)
        if counted and not _clause_word_in(counted.group("noun"), tab):
            # 投资了 26 个项目: the word before is the verb, the count is of 项目
            draft.metric = counted.group("noun")
            draft.explanation.append(f"metric: the counted noun {draft.metric}")
            return
    group = _group_before_count(text, clause_start, q, tab) if before and q.unit_kind == "count" \
        and q.unit not in tab.share_units else None
    if group and text.rfind(group[0], clause_start, q.start) >= before[-1].end():
        before = []  # 年销售额超过1000万元的农产品商家已有86家: the measure describes the group counted
    if before:
        phrase, _ = _words_before(text, q, clause_start, entities, tab)
        if phrase and phrase.endswith(tab.measure_endings) and before[-1].group() not in phrase \
                and text.rfind(phrase, before[-1].end(), q.start) >= 0:
            draft.metric = phrase  # 用户累计行驶里程超过一亿公里: 行驶里程, not the 用户 before it
            draft.explanation.append(f"metric from the words before the number: {phrase}")
            return
        longer = tab.measure_run_re.match(text, before[-1].end(), q.start)
        first = len(before) - 1
        while longer and first > 0 and before[first - 1].end() == before[first].start():
            first -= 1  # 资产 + 负债 + 率: metric words that run together make one measure
        draft.metric = text[before[first].start():before[-1].end()] + (longer.group() if longer else "")  # 投资 + 收益率
        draft.metric_start = before[first].start()
        draft.explanation.append(f"metric before the number: {draft.metric}")
        return
    index = _market_index(text, clause_start, q, tab)
    if index is not None:  # 沪指暴跌7.9%: what moves is the index itself
        draft.metric = index
        draft.explanation.append(f"metric: the market index {index}")
        return
    if q.unit_kind == "count" and q.unit not in tab.share_units:
        group = _group_before_count(text, clause_start, q, tab)
        if group:  # 正在发行期的基金将达到19只: the group described is what is counted
            owned = _owned_group(text, group[0], clause_start, q.start, entities)
            draft.metric = (owned[1] if owned else _group_noun(group[0])) + group[1]  # 外资机构 + 总数; 云帆科技员工 → 员工
            draft.explanation.append(f"metric: the group counted, {draft.metric}")
            return
    if q.unit_kind == "count":
        achieved = tab.achieved_re.match(after, timeout=REGEX_TIMEOUT_S)
        if achieved:  # 其中 352 家实现 GMV 跃迁: the count is of those achieving it
            draft.metric = achieved.group("m")
            draft.explanation.append(f"metric: what the counted achieve, {draft.metric}")
            return
    if q.unit_kind == "count" or q.unit in (None, "x"):
        noun = regex.match(r"\ ?(?:[\p{Han}]{0,6}?的)?(?P<noun>\p{Han}{2,4}?)(?=获得|实现|参与|提供|为|在|加入|入驻|使用|$|[，。；、])", after)
        if noun and not regex.match(r"[的了是在和与及]", noun.group("noun")) \
                and not noun.group("noun").endswith(tab.time_word_endings) \
                and not _clause_word_in(noun.group("noun"), tab) \
                and word_tags().get(noun.group("noun")) not in tab.not_counted_tags:
            draft.metric = noun.group("noun")
            draft.explanation.append(f"metric: the counted noun {draft.metric}")
            return
    if q.unit_kind == "count":
        counted = _nouns_at(text, _after_number(q), clause_end, tab)
        if counted:  # 扶持10万家中小商家成长: the nouns up to the verb
            draft.metric, draft.metric_counted = counted, True
            draft.explanation.append(f"metric: the counted noun {counted}")
            return
    opening = clause_start + (text[clause_start] == " ")
    head_end = q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start
    if compared is not None and compared.metric and (text.startswith(tab.comparison_openers + tab.quote_openers, opening) or (
            compared.kind == "level" and tab.change_only_re.fullmatch(text, opening, head_end, timeout=REGEX_TIMEOUT_S))):
        # 零售额410亿元，比去年增长了19%; 实物商品网上零售额10.4万亿元，增长8.4%: the change of that amount
        draft.metric = compared.metric
        draft.explanation.append(f"metric: what the clause compares, {compared.quantity.text}'s {draft.metric}")
        return
    if q.unit is None and q.kind_hint != "rank":
        group = tab.group_head_re.match(text, _after_number(q) + (text[_after_number(q):_after_number(q) + 1] == " "))
        if group:  # 累计带动超过20万商家首次开播: no measure word, the group counted follows
            draft.metric = group.group()
            draft.explanation.append(f"metric: the group counted after the number, {draft.metric}")
            return
    phrase, why_not = _words_before(text, q, clause_start, entities, tab)
    if previous is not None and _SAME_CHANGE_AGAIN.fullmatch(text, previous.quantity.end, q.start):
        draft.metric = previous.metric  # 跌74.16点或2.43%: the same move's measure
        draft.explanation.append(f"metric: the measure of {previous.quantity.text}, written again")
        return
    if previous is not None and _LIST_NEXT.fullmatch(text, previous.quantity.end, q.start):
        draft.metric = previous.metric  # EPS为0.42/0.52/0.62元: one measure for each year of a list
        draft.explanation.append(f"metric: the measure of the list {previous.quantity.text} opens")
        return
    if previous is not None and previous.metric and previous.metric not in tab.share_dealing_verbs \
            and _FROM_TO.fullmatch(text, previous.quantity.end, q.start):
        draft.metric = previous.metric  # 上证指数从1000点上涨到近6000点: both are the index's
        draft.change_from = previous
        draft.explanation.append(f"metric: the end of a change from {previous.quantity.text}, {draft.metric}")
        return
    in_sentence = _outside_names(tab.metric_re.finditer(text, sentence_start, clause_start, timeout=REGEX_TIMEOUT_S), entities)
    if in_sentence and not (phrase and (phrase.endswith(tab.measure_endings) or tab.group_end_re.search(phrase))):
        # (团队规模约300人，服务商家超过800家: the clause names the group it counts)
        draft.metric = in_sentence[-1].group()
        draft.explanation.append(f"metric earlier in the sentence: {draft.metric}")
        return
    if phrase:  # 零售客户数突破1.6亿户: the clause's own measure beats one named earlier
        draft.metric = phrase
        draft.explanation.append(f"metric from the words before the number: {draft.metric}")
    elif why_not:
        draft.explanation.append(why_not)


def _quoted_metric(draft: ClaimDraft, text: str, sentence: tuple[int, int], tab: _ClaimTables) -> None:
    """A quote's words are no measure: 该股收报94.06元 has none (GOLD.md), 恒盛地产报收 is 恒盛地产's,
    and 沪基指开盘于…，午盘收盘于2980.80点 is the index's the sentence quotes."""
    if draft.metric and draft.metric.endswith(tab.quote_verbs) and draft.metric not in tab.index_quote_words:
        verb = next(v for v in tab.quote_verbs if draft.metric.endswith(v))
        noun = draft.metric[:-len(verb)]
        draft.metric = noun if len(noun) >= 2 else None
        draft.explanation.append(f"metric: {draft.metric}, the quote verb {verb} left out")
    if draft.metric in tab.index_quote_words and draft.quantity.unit in tab.index_units \
            and (index := _last(tab.index_re, text, sentence[0], draft.quantity.start)) is not None:
        draft.metric = index.group("index")
        draft.explanation.append(f"metric: the index the sentence quotes, {draft.metric}")


def _outside_names(matches: Iterable[regex.Match], entities: Sequence[ResolvedEntity]) -> list[regex.Match]:
    """The metric words that are no part of a name (股份 of 星海股份, 科技 of 云帆科技)."""
    spans = [span for entity in entities for span in entity.mentions]
    return [m for m in matches if not any(s <= m.start() and m.end() <= e for s, e in spans)]


def _words_before(text: str, q: Quantity, clause_start: int, entities: Sequence[ResolvedEntity],
                  tab: _ClaimTables) -> tuple[str | None, str | None]:
    """The noun phrase right before a number in its clause, with names, ranks, linking and
    change words taken off (共计操盘 → 操盘), or None and why not."""
    head = text[clause_start:q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start]
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            head = head.replace(name, "，")
    for period in reversed(find_periods(head, None)):  # 今年上半年操盘直播: the period is no part of it
        if not head.endswith(tab.comparison_base_words, max(0, period.start - 2), period.start):  # (较去年同期增长)
            head = head[:period.start] + "，" + head[period.end:]
    head = regex.sub(rf"(?:{grammar().rank_context.pattern}|第\s*$)", "", head.rstrip())  # 位居全国第
    changed = True
    while changed:
        changed = False
        for word in (*tab.linking, *tab.direction_of, *tab.basis_of, *tab.level_markers):  # 缩短至
            if head.endswith(word) and not (len(word) == 1 and head.endswith(tab.measure_endings)):  # 产能 is no 产 + 能
                head = head[: -len(word)].rstrip()
                changed = True
    if head.endswith(tab.means_prepositions) and not _is_word(head[-2:]) \
            and (_rank_follows(text, q, tab) or text.startswith("的", _after_number(q))):
        # X以5500万部位居第二, X以9.34%的绩效领先 (not 可以, 所以; not 贷款以20年期计算)
        return None, "no metric: the words before are who acts, the number is the means (以…位居第二)"
    head = _COMPARED_WITH.sub("", head)  # CPU 性能较上一代(提升): what it is compared with is no part of it
    while ending := next((w for w in tab.not_metrics if head.endswith(w)), None):
        head = head[:-len(ending)].rstrip()  # 国产化率目前(不足), 增加值将年均(增长)
    head = _without_tail(head, tab)  # 股票仓位仍然高 → 股票仓位 before the phrase is cut to size
    candidate = _FALLBACK_METRIC.search(head)
    if candidate:  # 共计操盘 → 操盘: what follows the last adverb or linking word (a word, not 新能源's 能)
        starts = {w - candidate.start() for w in word_boundaries(head, candidate.start() - 4, candidate.end())}
        cut = max((m.start() if candidate.group().startswith(tab.metric_openers, m.start()) else m.end()
                   for m in regex.finditer(tab.linking_or_stop_re, candidate.group(), overlapped=True)
                   if m.end() in starts or m.end() == len(candidate.group())), default=0)
        if 0 < cut <= len(candidate.group()) - 2:
            candidate = _FALLBACK_METRIC.search(head[:candidate.start()] + " " + candidate.group()[cut:])
    if candidate is None:
        return None, None
    if tab.metric_stop_re.search(candidate.group()):
        return None, f"no metric: {candidate.group()} is not a noun phrase"
    if regex.search(r"[的了在是和与]", _without_openers(candidate.group(), tab)) or candidate.group() in tab.not_metrics:
        return None, None
    words = candidate.group()
    broken = candidate.string[candidate.start() - 1:candidate.start() + 1] if candidate.start() > 0 else ""
    counted_before = regex.search(r"[0-9零一二两三四五六七八九十百千万亿]\ ?\p{Han}?\ ?$", candidate.string[:candidate.start() - 1])
    word_starts = word_boundaries(candidate.string, candidate.start() - 4, candidate.end())
    if len(words) == _FALLBACK_WINDOW and _is_word(broken) and candidate.start() - 1 in word_starts \
            and _opens_noun_phrase(broken, words[1:], tab) and not counted_before:
        # (20万家商户线上营业额: 商户 belongs to the count before it; 实现地区…: 现地 is no word there)
        words = broken[0] + words  # 平台服务商数量, 消费品零售总额: the window cut a noun in two
    elif candidate.start() > 0 and candidate.string[candidate.start() - 1].isdigit() and len(words) > 2 \
            and words[0] in tab.measure_words:
        words = words[1:]  # 上市30天订单: 天 is the unit of the number before (沪深300指数 keeps 指)
    else:
        first = candidate.start()
        if _is_word(broken) and not _is_word(words[:2]):
            words, first = words[1:], first + 1  # 计划新增服务商 cut to 划新增服务商: the broken word's half goes
        if first not in word_starts and (earlier := [w for w in word_starts if w < first]):
            # still inside a word (新能源|汽车产销 cut to 能源汽车产销, 规模以上|工业增加值 to 上工业…):
            # a noun is taken whole, any other word's rest goes
            word_start = max(earlier)
            word_end = min((w for w in word_starts if w > first), default=candidate.end())
            if word_tags().get(candidate.string[word_start:word_end]) in tab.phrase_noun_tags and not counted_before:
                words = candidate.string[word_start:candidate.end()]
            elif word_end - first <= 2 and candidate.end() - word_end >= 2:
                words = candidate.string[word_end:candidate.end()]
    opening_period = next((p for p in find_periods(words, None) if p.start == 0), None)
    if opening_period is not None and len(words) - opening_period.end >= 2:
        words = words[opening_period.end:]  # (第)四季度交付量: the period is not the measure
    phrase = _noun_phrase(words, tab)
    if phrase is None:
        return None, f"no metric: {candidate.group()} holds no noun phrase"
    return phrase, None


def _opens_noun_phrase(word: str, rest: str, tab: _ClaimTables) -> bool:
    """Whether dictionary ``word`` is a noun that the words after it (``rest``) go on
    modifying (平台 + 服务商数量), not a verb or a noun used as one (计划 + 新增服务商)."""
    tags = word_tags()
    if tags.get(word) not in tab.phrase_noun_tags:
        return False
    following = next((tags[rest[:size]] for size in (4, 3, 2) if rest[:size] in tags), None)
    return following is None or not following.startswith("v") or following == "vn"


def _nouns_at(text: str, start: int, end: int, tab: _ClaimTables) -> str | None:
    """The run of dictionary nouns (and unknown characters) at ``start``, up to the first word
    jieba tags as a verb or function word: 中小商家成长 → 中小商家. Words are matched longest
    first (four to two characters); at most eight characters; None under two."""
    tags = word_tags()
    first = position = start + (text[start:start + 1] == " ")
    limit = min(end, position + 8)
    while True:
        if position >= limit or not regex.match(r"\p{Han}", text[position]):
            if position >= limit and position < end and regex.match(r"\p{Han}", text[position]):
                # still running at eight characters: no telling where the noun ends, unless a
                # group noun does (20万家商户线上营业额提升 → 商户)
                return _first_group(text, first, limit, tab)
            break
        size = next((size for size in (4, 3, 2) if position + size <= limit and text[position:position + size] in tags), 1)
        tag = tags.get(text[position:position + size]) if size > 1 else None
        if tag in tab.counted_noun_stop_tags and not (position == first and tag == "vn"):
            break  # (a verbal noun may open the noun: 生产基地)
        if size == 1 and text[position] in tab.counted_noun_stop_chars and (position - first >= 2 or text[position] != "中"):
            break  # 基金中, 基金和: a connector after the noun (中小商家 starts with 中)
        position += size
    group = tab.counted_group_re.match(text, first, position)
    if group is not None:  # 24只基金单位净值涨幅, 8只股票型基金: the group counted ends at its head noun
        position = group.end()
    return text[first:position] if position - first >= 2 else None


def _first_group(text: str, start: int, end: int, tab: _ClaimTables) -> str | None:
    """The first group noun in ``text[start:end]`` with what modifies it (偏股型基金 in
    偏股型基金单位净值…, 基金 in 基金先由原基金经理…), a compound head kept whole (基金公司)."""
    group = tab.first_group_re.match(text, start, end, timeout=REGEX_TIMEOUT_S)
    if group is None:
        return None
    position = group.end()
    while True:
        head = tab.group_head_re.match(text, position, end)  # 基金 + 公司
        if head is None and text.startswith(tab.group_kind_marks, position):  # 股票 + 型基金
            head = tab.first_group_re.match(text, position + 1, min(end, position + 4), timeout=REGEX_TIMEOUT_S)
        if head is None:
            return text[start:position].lstrip()
        position = head.end()


def _without_openers(words: str, tab: _ClaimTables) -> str:
    """``words`` with the measure openers (在手, 在线) blanked, so their first character is
    not taken for a function word."""
    for opener in tab.metric_openers:
        words = words.replace(opener, "  ")
    return words


def _noun_phrase(words: str, tab: _ClaimTables) -> str | None:
    """``words`` without the adverbs, particles and pronouns at either end that make them a
    clause rather than a measure (涨幅高 → 涨幅, 其仓位 → 仓位); None when under two
    characters are left."""
    counted = _COUNTED_BEFORE.match(words)
    if counted and len(words) - counted.end() >= 2:
        words = words[counted.end():]  # 新建一座年产能 → 年产能: what the one thing has
    words = _without_tail(words, tab)
    tags = word_tags()
    while len(words) >= 2 and not _is_content_word(words, tab):
        cut = next((words[size:] for size in (4, 3, 2)
                    if len(words) >= size and tags.get(words[:size]) in tab.metric_head_tags), None)
        if cut is None:  # 计划新增贷款 → 新增贷款: the plan is the claim's modality, not its measure
            cut = next((words[len(w):] for w in tab.metric_plan_openers if words.startswith(w)), None)
        if cut is None and len(words) > 2 and (words[0] in tab.metric_head_chars or words[0].isspace()) \
                and not words.startswith(tab.metric_openers):
            cut = words[1:]  # a single character is cut only from three or more
        if cut is None:
            break
        words = cut
    return words if len(words) >= 2 else None


def _without_tail(words: str, tab: _ClaimTables) -> str:
    """``words`` without the adverbs, adjectives, particles and place words they end with
    (仍然高, 只, 中). Dictionary words (longest first) are judged by their jieba tag, then
    single characters by the table; a dictionary noun is never cut into (占比)."""
    tags = word_tags()
    while len(words) >= 2 and not _is_content_word(words, tab):
        cut = next((words[:-size] for size in (4, 3, 2)
                    if len(words) >= size and tags.get(words[-size:]) in tab.metric_tail_tags), None)
        if cut is None and len(words) > 2 and (words[-1].isspace() or (
                words[-1] in tab.metric_tail_chars and not words.endswith(tab.measure_endings)
                and word_tags().get(words[-2:]) not in tab.tail_noun_tags)):  # 总产能, CPU性能 keep their 能
            cut = words[:-1]
        if cut is None:
            break
        words = cut
    return words


def _is_word(words: str) -> bool:
    """Whether ``words`` is a word of jieba's dictionary (common words only)."""
    return words in word_tags()


def _is_content_word(words: str, tab: _ClaimTables) -> bool:
    """Whether ``words`` is one dictionary word whose tag is no function word's."""
    tag = word_tags().get(words)
    return tag is not None and tag not in tab.metric_tail_tags and tag not in tab.metric_head_tags


# The words right before a number that may name its measure: a Latin acronym or up to six Han
# characters after the last 的 (基金的股票仓位 → 股票仓位).
# A comparison at the end of the words before a change (较上一代, 比去年同期, 相比2022年).
_COMPARED_WITH = regex.compile(
    r"\ ?(?:较|相比|相较|(?<![占对无好可])比(?![例重率值价]))[^，。；、]{2,10}?(?:相比|相较)?$")
_FALLBACK_WINDOW = 6  # Han characters; a word the window cuts in two is mended or dropped
_FALLBACK_METRIC = regex.compile(rf"(?:[A-Za-z]{{2,}}|(?:(?!的)\p{{Han}}){{2,{_FALLBACK_WINDOW}}})$")

# The base of a share named with 比重/比例 (占社会消费品零售总额的比重为, 占营收比例提升至).
_SHARE_BASE = regex.compile(r"占(?!比)(?:到|据|了)?(?P<base>(?:(?![的了在是和与其])[\p{Han}A-Za-z]){2,12}?)(?:的?(?:比重|比例)|的\ ?$)")

# A share named in its clause: 其中研发人员占比超过 → 研发人员.
_SHARE_OF = regex.compile(r"(?:其中)?(?P<m>(?:(?!其中|[的了在是和与将把])[\p{Han}A-Za-z]){2,10}?)占比")

# A period opening the from-part of a change dates the number in that part only.
_FROM_WORDS = ("从", "由")
_ANOTHER_NUMBER = regex.compile(r"[0-9０-９]")

# "One X" inside a would-be metric (新建一座年产能): the measure is after it (二套房 is a name).
_COUNTED_BEFORE = regex.compile(r".*一[座个家只项台条间套款名位]")

# Between the two ends of a change: 从1000点附近上涨到了近6000点, 由500人增至800人.
# 跌74.16点或2.43%, 上涨5元（3.2%）: one move written twice, in points and in percent.
_SAME_CHANGE_AGAIN = regex.compile(r"\ ?(?:或|[（(])\ ?")
# 9万辆目标, 100亿元的目标: the number is a goal
_TARGET_AFTER = regex.compile(r"\ ?的?\ ?目标(?!价)")
# A clause going on from the one before with the same actor (计划交付25万辆，并向30万辆冲击)
_CONTINUED_CLAUSE = regex.compile(r"\ ?(?:并且|并将|并|且)(?!非|不|未|没)")
_PLANNED = ("target", "commitment")  # (a forecast cue already holds for its whole sentence)
# 22.8%的跌幅: a percentage named as a change after it
_CHANGE_WORD_AFTER = regex.compile(r"\ ?的\ ?(?P<word>\p{Han}{2})")
# The next member of a slash list (236/333亿元)
_LIST_NEXT = regex.compile(r"\ ?[/／]\ ?")
_FROM_TO = regex.compile(r"[^，。；0-9]{0,8}?(?:到|至)了?\ ?[^，。；0-9]{0,2}")

# What a count counts: 19 只新基金, 5 只债券型基金, 3 家外资机构 (up to a verb or punctuation).
_COUNTED_NOUN = regex.compile(
    r"\ ?(?P<noun>(?![的了是在到和与及为被把将])\p{Han}{2,8}?)(?=获得|实现|参与|提供|为|在|加入|入驻|使用|正在|已|将|均|中|的|共|合计|和|及|与|同时|$|[，。；、：（(])"
)


def _clause_word_in(noun: str, tab: _ClaimTables) -> bool:
    """Whether a would-be counted noun holds a clause word (紧随其后, 累计); single
    characters are left out so that 被投企业 stays a noun."""
    return any(len(m.group()) > 1 for m in tab.metric_stop_re.finditer(noun))


def _mentions_in(entities: Sequence[ResolvedEntity], start: int, end: int) -> list[tuple[int, int]]:
    """``(mention start, entity index)`` of subject-type mentions in ``[start, end)``."""
    found = []
    for index, entity in enumerate(entities):
        if entity.type not in _SUBJECT_TYPES and not _is_asset(entity):
            continue
        for s, e in entity.mentions:
            if start <= s and e <= end:
                found.append((s, index))
    return sorted(found)


def _subjects_in(text: str, entities: Sequence[ResolvedEntity], start: int, end: int,
                 tab: _ClaimTables, antecedents: bool = False) -> list[tuple[int, int]]:
    """Mentions in ``[start, end)`` that can be a subject: not places, sources or counterparts
    introduced by a preposition (在上交所, 据银河证券), not the outlet reporting (新快报讯);
    ``antecedents`` keeps the sources, which an anaphor may point back at."""
    found = []
    listed_with_excluded = -1  # where a name excluded by what follows it starts
    for position, index in reversed(_mentions_in(entities, start, end)):
        mention_end = next(e for s, e in entities[index].mentions if s == position)
        said_at = _DATE_AFTER_NAME.match(text, mention_end).end()  # 国家统计局11月15日发布数据显示
        publishes = entities[index].name.endswith(tab.publisher_endings) and text.startswith(tab.publisher_verbs, said_at)
        if publishes or text.startswith(tab.not_subject_before, said_at) or tab.data_report_re.match(text, said_at) or (
                listed_with_excluded >= 0 and _COORDINATION.fullmatch(text, mention_end, listed_with_excluded)):
            listed_with_excluded = position  # 红杉中国和高瓴资本领投: both are investors
            continue
        before = text[max(0, position - 4):position].rstrip("了 ")
        if (before.endswith(tab.not_subject_after) and not (antecedents and before.endswith(tab.antecedent_after))) \
                or "rule:outlet" in entities[index].sources \
                or text.startswith(tab.aside_clause_openers, _clause_start(text, start, position)):
            continue
        found.append((position, index))
    return found[::-1]


def _topic(text: str, entities: Sequence[ResolvedEntity], start: int, end: int, tab: _ClaimTables) -> int | None:
    """What a stretch of text is about: its first organisation or product that opens a clause
    (理光R10售价1750元 …; not 若加上本月发行的华安强债基金, a name in passing)."""
    for position, index in _subjects_in(text, entities, start, end, tab):
        kind = entities[index].type
        if (kind in _TOPIC_TYPES or _is_asset(entities[index])) and (position == start or text[position - 1] in _CLAUSE_OPENERS):
            return index
    return None


_CONJUNCTION = regex.compile(r"[与和及或]")
# (a stock quote in brackets may stand between: 太平洋(4.560,0.10,2.24%)--拓斯达)
_DATE_AFTER_NAME = regex.compile(r"(?:[（(][0-9.,，%\s+-]+[)）])?\s?(?:[0-9]{1,2}月[0-9]{1,2}日|今天|今日|昨天|昨日|近日|日前)?")
_SENTENCE_END_BACKWARDS = regex.compile(r"[。！？!?\n]", flags=regex.REVERSE)


def _after_name(text: str, mention: tuple[int, int], entities: Sequence[ResolvedEntity]) -> int:
    """Where the words after a mention start, past a stock code or quote and a date."""
    position, index = mention
    end = next(e for s, e in entities[index].mentions if s == position)
    end = _STOCK_CODE_AFTER_NAME.match(text, end).end()
    return _DATE_AFTER_NAME.match(text, end).end()


_STOCK_CODE_AFTER_NAME = regex.compile(r"(?:[（(][A-Za-z]{0,3}[：: ]?[0-9]{3,6}(?:\.[A-Za-z]{2})?[)）])*")


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts: after the last 。！？ or line break
    before it (a ； does not end it)."""
    end = _SENTENCE_END_BACKWARDS.search(text, 0, max(0, position))
    return end.end() if end else 0


_CLOSING_BRACKET = regex.compile(r"[）)】\]]")
_CLAUSE_OPENERS = "，。；：！？\n 　\u00a0（(“"


def _generic_subject(text: str, clause_start: int, metric_start: int, tab: _ClaimTables) -> str | None:
    """A group named before a metric when it is no entity: 偏股型基金的平均募集规模 → 偏股型基金,
    股票型基金平均净值增长率 → 股票型基金. The phrase must end in a group noun (``group_heads``)."""
    head = text[clause_start:metric_start]
    last = _last(tab.group_head_re, head, 0, len(head))
    if last is None or head.startswith(tab.measure_endings, last.end()):
        return None  # 平均月活跃用户数（MAU）为6.1亿: the users are part of the measure, not its subject
    if _CONJUNCTION.search(head, last.end()):
        return None  # 股票销售与交易营收: the group names activities, the measure is not the group's
    if last.end() == len(head) and last.group() in tab.own_groups:
        return None  # 员工规模将扩大至2000人: the company's own staff, a measure of the company
    phrase = regex.search(r"[\p{Han}A-Za-z0-9][\p{Han}A-Za-z0-9 ]{1,12}$", head[:last.end()])
    if phrase is None:
        return None
    words = regex.sub(r"^.*[0-9一二两三四五六七八九十]+\ ?(?:[万亿]\ ?[只家个名位款]?|[只家个名位款])", "", phrase.group())  # 另1只货币型基金, 助力10万农产品商家, 3万家商家
    for lead in tab.group_lead_ins:  # 而2008年上半年基金行业: the lead-in before the period too
        words = words.removeprefix(lead)
    words = regex.sub(r"^(?:[0-9]+\ ?(?:年|月|日)\ ?)+", "", words)  # 2022年中国扫地机器人市场
    opening_period = next((p for p in find_periods(words, None) if p.start == 0), None)
    if opening_period is not None and len(words) - opening_period.end >= 2:
        words = words[opening_period.end:].lstrip()  # (2022 年)全年农产品: the period is no part of the group
    cut = max((m.end() for m in regex.finditer(tab.linking_or_stop_re, words, overlapped=True)), default=0)
    opener = next((w for w in tab.relative_clause_openers if words.endswith(w, 0, cut)), None)
    if opener and "的" in words[cut:cut + 6]:
        cut -= len(opener)  # 被服务的冷启中小商家, 正在募集的理财产品: the clause describes the group
    words = words[cut:].strip()
    for lead in tab.group_lead_ins:
        words = words.removeprefix(lead)
    if len(words) < 2 or words in tab.not_metrics or tab.anaphora_re.search(words):
        return None
    return words


def _object_of_verb(text: str, clause_start: int, q: Quantity, tab: _ClaimTables) -> bool:
    """Whether a count is the object of a verb right before it (帮助100万家商户, 接入超过
    300万名骑手, 有37名操盘手), not what its clause is about (超过60万家商户获得首单)."""
    head_end = q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start
    head = text[clause_start:head_end].rstrip()
    if not head or head.endswith((*tab.linking, *tab.level_markers)):
        return False  # 商户数达到, 总数为: the count is a level of what comes before
    listed = _LISTED_COUNT.search(head)
    if listed is not None:  # 包括3所独立学院及5所高职学院: listed after another object of the verb
        head = head[:listed.start()].rstrip()
    tags = word_tags()
    tag = next((tags[head[-size:]] for size in (4, 3, 2) if head[-size:] in tags), None)
    return (tag or "").startswith("v") or head.endswith(tab.object_verbs)


_LISTED_COUNT = regex.compile(r"[0-9一二两三四五六七八九十百千万亿]+\ ?\p{Han}{1,8}?(?:及|和|与|、|以及)$")


def _counted_things(text: str, q: Quantity, entities: Sequence[ResolvedEntity], tab: _ClaimTables) -> str | None:
    """What a count counts, written after it: up to the first group noun (19只新基金扎堆发行,
    12 家企业入选), else up to a verb or punctuation (37 名认证的操盘手); not a name that
    merely follows."""
    after = _after_number(q)
    if tab.count_verb_re.match(text, after, timeout=REGEX_TIMEOUT_S) or _rank_follows(text, q, tab):
        return None  # 28家实现盈利, 45只跑赢大盘: a verb follows, the counted are named elsewhere
    counted = tab.counted_group_re.match(text, after, timeout=REGEX_TIMEOUT_S)
    if counted is None or _clause_word_in(counted.group("noun"), tab):
        counted = _COUNTED_NOUN.match(text, after, timeout=REGEX_TIMEOUT_S)
    if counted is None or _clause_word_in(counted.group("noun"), tab) \
            or any(s < counted.end() and q.end < e for entity in entities for s, e in entity.mentions) \
            or word_tags().get(counted.group("noun")) in tab.not_counted_tags:
        return None  # (9万至10万辆之间: a place word is nothing counted)
    return counted.group("noun")


def _group_before_count(text: str, clause_start: int, q: Quantity, tab: _ClaimTables) -> tuple[str, str] | None:
    """The group a count counts when it is named before the number and a linking verb, and
    the total word after it if any: 正在发行期的基金将达到19只 → (正在发行期的基金, ""),
    外资机构总数已达到79家 → (外资机构, 总数). The group as ``_generic_subject`` cuts it."""
    end = q.qualifier_span[0] if q.qualifier_span and q.qualifier_span[0] < q.start else q.start
    tail = tab.count_tail_re.search(text, clause_start, end, timeout=REGEX_TIMEOUT_S)
    if tail is None or tab.group_end_re.search(text, clause_start, tail.start(), timeout=REGEX_TIMEOUT_S) is None:
        return None
    group = _generic_subject(text, clause_start, tail.start(), tab)
    total = next((w for w in tab.count_total_words if text.startswith(w, tail.start())), "")
    return (group, total) if group else None


def _owned_group(text: str, group: str, start: int, end: int,
                 entities: Sequence[ResolvedEntity]) -> tuple[int, str] | None:
    """``(entity index, group noun)`` when a group phrase is a name and the group it has
    (云帆科技员工 → 云帆科技's 员工), else None."""
    group_start = text.rfind(group, start, end)
    for position, index in _mentions_in(entities, group_start, group_start + len(group)):
        if position == group_start:
            rest = group[len(entities[index].name):] if group.startswith(entities[index].name) else ""
            if len(rest) >= 2:
                return index, rest
    return None


def _suo_clause_group(text: str, clause_start: int, q: Quantity, tab: _ClaimTables) -> str | None:
    """The group a clause opening with a 所 relative clause describes, its head noun right
    after the clause (X所服务的商家GMV增长) or, when the metric comes first, right after the
    number (快手电商服务商所服务的月 GMV 首次破 50 万商家)."""
    relative = tab.suo_clause_re.match(text, clause_start, q.start, timeout=REGEX_TIMEOUT_S)
    if relative is None:
        return None
    head = tab.counted_group_re.match(text, relative.end(), timeout=REGEX_TIMEOUT_S) \
        or tab.counted_group_re.match(text, _after_number(q), timeout=REGEX_TIMEOUT_S)
    return relative.group("clause") + head.group("noun") if head else None


def _aspect_counted(text: str, q: Quantity, tab: _ClaimTables) -> str | None:
    """The part or side a count counts (五个方面, 3个环节), if that is what follows it."""
    if q.unit_kind != "count":
        return None
    aspect = tab.aspect_re.match(text, _after_number(q))
    return aspect.group("noun") if aspect else None


def _group_noun(group: str) -> str:
    """The group noun with its own modifiers, without the clause before 的: 正在发行期的基金 →
    基金, 获批资格的外资机构 → 外资机构 (as 5 只债券型基金 → 债券型基金)."""
    head = group.rpartition("的")[2]
    return head if len(head) >= 2 else group


def _market_index(text: str, clause_start: int, q: Quantity, tab: _ClaimTables) -> str | None:
    """The market index a number of its clause moves (上证指数从1000点, 上周沪指暴跌7.9%): a
    level in points or a change, with the index named before it in the clause."""
    if q.unit not in tab.index_units:
        return None
    last = _last(tab.index_re, text, clause_start, q.start)
    return None if last is None else last.group("index")


def _holder(text: str, entities: Sequence[ResolvedEntity], sentence: tuple[int, int], position: int,
            tab: _ClaimTables) -> int | None:
    """In a sentence about holding or pledging shares, the holder: the last person or
    organisation named before the holding verb nearest before the number (GOLD.md: pledges
    and holdings are the shareholder's)."""
    verb = _last(tab.holding_verb_re, text, sentence[0], position)  # A增持…，B新进245万股 is B's
    if verb is None:
        return None
    named = [m for m in _subjects_in(text, entities, sentence[0], verb.start(), tab)
             if entities[m[1]].type in ("PERSON", "ORG", "PRODUCT")]
    if not named and (whole_start := _sentence_start(text, sentence[0])) < sentence[0]:
        # 管连平于6月29日质押约282万股；于7月1日将…456万股解除质押: the holder named before the ；
        named = [m for m in _subjects_in(text, entities, whole_start, sentence[0], tab)
                 if entities[m[1]].type in ("PERSON", "ORG", "PRODUCT")]
    return named[-1][1] if named else None


def _subject(draft: ClaimDraft, text: str, entities: Sequence[ResolvedEntity], clause_start: int,
             sentence: tuple[int, int], carried_topic: int | None, tab: _ClaimTables,
             group_before: str | None = None, elaborated: int | None = None,
             sentence_subject: int | None = None) -> None:
    """The entity the number is about: a name in its clause, an anaphor's antecedent, the
    name a colon elaborates (``elaborated``), the group the clause before was about
    (``group_before``), the subject of the sentence's earlier number (``sentence_subject``), the
    sentence's first name, or the topic carried from earlier in the paragraph."""
    q = draft.quantity
    if q.unit in tab.person_units:  # 林志强，男，46岁: an age is a person's
        people = [m for m in _subjects_in(text, entities, sentence[0], q.start, tab) if entities[m[1]].type == "PERSON"]
        if people:
            draft.subject = people[-1][1]
            draft.subject_text = entities[draft.subject].name
            draft.explanation.append("subject: the person whose age it is")
            return
    index = _market_index(text, clause_start, q, tab)
    if index is not None:
        draft.subject_text = index
        draft.explanation.append(f"subject: the market index {index}")
        return
    verb = _last(tab.stake_verb_re, text, sentence[0], q.start) if draft.kind == "share" else None
    buyers = [m for m in _subjects_in(text, entities, sentence[0], verb.start(), tab)
              if entities[m[1]].type in ("ORG", "PERSON")] if verb else []
    if buyers:  # 希望教育集团…收购捷星慧旅30%权益: a stake bought or sold is the dealer's (GOLD.md)
        draft.subject = buyers[-1][1]
        draft.subject_text = entities[draft.subject].name
        draft.explanation.append(f"subject: the one dealing in the stake ({verb.group()})")
        return
    # 前十大流通股股东中8只基金: a count of funds near a holding verb is no holding
    holder = None if q.unit_kind == "count" and q.unit not in tab.share_units else _holder(text, entities, sentence, q.start, tab)
    if holder is not None:  # 薛飞共持有…962万股, 占公司总股本的7.21%: the shareholder's
        draft.subject = holder
        draft.subject_text = entities[holder].name
        draft.explanation.append("subject: the holder of the shares")
        return
    described = _suo_clause_group(text, clause_start, q, tab)
    if described:  # the names inside the 所 clause are its agent
        draft.subject_text = described
        draft.explanation.append(f"subject: the group the relative clause describes, {described}")
        return
    aspect = _aspect_counted(text, q, tab)
    if aspect:
        owner = _clause_owner(text, entities, clause_start, q.start)
        if owner is not None:  # 《…方法论》指导商家从…五个方面: the parts are the guide's
            draft.subject = owner
            draft.subject_text = entities[owner].name
            draft.explanation.append("subject: the name whose parts are counted")
            return
    granted = _programme_after(entities, _after_number(q))
    if granted is not None:  # 外汇局已累计批出了128亿美元QFII额度: the programme's quota
        draft.subject = granted
        draft.subject_text = entities[granted].name
        draft.explanation.append("subject: the programme named right after the amount")
        return
    described = _product_described(text, entities, q, tab)
    if described is not None:  # 推出了售价1299元的智能手表W3: the price is the watch's
        draft.subject = described
        draft.subject_text = entities[described].name
        draft.explanation.append("subject: the product the number describes, named right after it")
        return
    named_in_clause = _subjects_in(text, entities, clause_start, q.start, tab)
    launched = [m for m in _subjects_in(text, entities, sentence[0], clause_start, tab) if entities[m[1]].type == "PRODUCT"] \
        if draft.metric in tab.price_metrics and not named_in_clause else []
    if launched:  # 发布Mate 70系列手机，起售价5499元: the price is the product's named before it
        draft.subject = launched[-1][1]
        draft.subject_text = entities[draft.subject].name
        draft.explanation.append("subject: the product the sentence names before its price")
        return
    in_clause = [m for m in named_in_clause if entities[m[1]].type != "PERSON"]
    if q.unit_kind == "count" and text[clause_start:q.start].rstrip().endswith(tab.list_end_words):
        in_clause = []  # 交银先锋、南方300等6只新基金: the names are examples of what is counted
    counted_group = _group_before_count(text, clause_start, q, tab) if q.unit_kind == "count" else None
    if counted_group and _owned_group(text, counted_group[0], clause_start, q.start, entities):
        counted_group = None  # 云帆科技员工总数为1.2万人: the company's staff, the company's number
    if counted_group:  # 获批QFII资格的外资机构总数已达到79家: QFII describes the group counted
        group_start = text.rfind(counted_group[0], clause_start, q.start)
        in_clause = [m for m in in_clause if m[0] < group_start]
    anaphor = _last(tab.anaphora_re, text, clause_start, q.start)
    if anaphor is not None and (not in_clause or in_clause[-1][0] < anaphor.start()):
        wanted = tab.anaphora_types[anaphor.group()]
        if text.startswith(tab.holding_after_pronoun, anaphor.end()):
            wanted = ("PERSON", "ORG")  # 占其所持股份比例的6.96%: the holder, a person as often as not
        earlier = [m for m in _subjects_in(text, entities, 0, anaphor.start(), tab, antecedents=True)
                   if entities[m[1]].type in wanted]
        # 蔚来宣布获得阿布扎比投资机构…投资。公司…: the last name that opened its clause in this
        # sentence or the one before, the one acting, not a name in the object after it
        acting = [m for m in earlier if m[0] >= _sentence_start(text, sentence[0] - 1)
                  and (m[0] == 0 or text[m[0] - 1] in _CLAUSE_OPENERS)] if len(wanted) == 1 else []
        # 友讯达(SZ300514)公告，国家电网…发布了《…》，公司中4个包: 公司 is the one announcing
        opens_clause = not text[clause_start:anaphor.start()].strip()
        announcing = [m for m in earlier if m[0] >= _sentence_start(text, sentence[0] - 1) and opens_clause
                      and len(wanted) == 1 and text.startswith(tab.announcing_verbs, _after_name(text, m, entities))]
        acting = announcing or acting
        # (其 and 它 point at whatever was named last: 推出新款手机蓝鲸X9，其配置了…)
        if earlier:
            draft.subject = (acting or earlier)[-1][1]
            draft.explanation.append(f"subject: {anaphor.group()} refers to the last {entities[draft.subject].type} named")
    if draft.subject is None and in_clause:
        draft.subject = in_clause[-1][1]
        draft.explanation.append("subject: nearest name in the clause")
    if draft.subject is None and elaborated is not None:
        draft.subject = elaborated
        draft.subject_text = entities[elaborated].name
        draft.explanation.append(f"subject: {draft.subject_text}, which the text after its colon elaborates")
        return
    if draft.subject is None and q.unit_kind == "count":
        if counted_group:  # the group, not a programme named in the sentence
            draft.subject_text = _group_noun(counted_group[0])
            draft.explanation.append(f"subject: the group counted, named before the number, {draft.subject_text}")
            return
        programmes = [m for m in _mentions_in(entities, sentence[0], q.start) if entities[m[1]].type == "PROGRAMME"]
        if programmes:  # 青云计划 … 超过 50 万家商家获得扶持: counted within the programme
            draft.subject = programmes[-1][1]
            draft.subject_text = entities[draft.subject].name
            draft.explanation.append("subject: the programme whose reach is counted")
            return
        # 两个方向 are no group; shares (555万股进行了再质押) are no things a subject could be
        counted = None if aspect or q.unit in tab.share_units else _counted_things(text, q, entities, tab)
        if counted and sentence_subject is not None and _object_of_verb(text, clause_start, q, tab):
            counted = None  # …投入50亿元，帮助100万家商户: the one acting is the subject, 商户 the metric
        if counted:
            draft.subject_text = counted
            draft.explanation.append(f"subject: the things counted, {draft.subject_text}")
            return
        whole = _last(tab.partition_re, text, sentence[0], clause_start)
        if whole:  # 90只债券基金中，59只出现下跌，仅20只实现正收益: parts of that group
            draft.subject_text = whole.group("group")
            draft.explanation.append(f"subject: the group the count is part of, {draft.subject_text}")
            return
    if draft.subject is None and draft.metric_start is not None and draft.metric_start >= clause_start:
        indefinite = tab.indefinite_re.search(text, clause_start, draft.metric_start, timeout=REGEX_TIMEOUT_S)
        if indefinite:  # 一条短视频播放超 100 万
            draft.subject_text = indefinite.group("noun")
            draft.explanation.append(f"subject: the thing the clause opens with, {draft.subject_text}")
            return
        generic = _generic_subject(text, clause_start, draft.metric_start, tab)
        if generic:
            draft.subject_text = generic
            draft.explanation.append(f"subject: the group whose {draft.metric} it is, {generic}")
            return
    if draft.subject is None and group_before is not None:  # …首次破 50 万商家，冷启时间平均缩短 20%
        draft.subject_text = group_before
        draft.explanation.append(f"subject: the group the clause before is about, {group_before}")
        return
    if draft.subject is None:
        in_sentence = [m for m in _subjects_in(text, entities, sentence[0], q.start, tab) if entities[m[1]].type != "PERSON"]
        market = next((m for m in tab.market_heads if draft.metric and draft.metric.startswith(m)
                       and len(draft.metric) - len(m) >= 2 and draft.metric[len(m)] not in tab.metric_head_chars
                       and draft.metric[len(m)] not in "中内里"), None)  # (住宅中通用部品: no 中通用部品)
        if sentence_subject is not None:
            draft.subject = sentence_subject
            draft.explanation.append("subject: the one the sentence's earlier number is about")
        elif in_sentence and entities[in_sentence[-1][1]].type == "PROGRAMME":
            # 宣布推出“燎原计划2.0”，明年将拿出100亿流量: what the programme brings
            draft.subject = in_sentence[-1][1]
            draft.explanation.append("subject: the programme the sentence names last")
        elif in_sentence:
            draft.subject = in_sentence[0][1]
            draft.explanation.append("subject: the sentence's first name")
            owned = _owned_by(text, entities, in_sentence, tab)
            if owned is not None:  # 青禾智能旗下产品“青禾T8”…，累计销量已达20万台
                draft.subject = owned
                draft.explanation.append(f"subject: {entities[owned].name}, which the first name owns")
        elif market:  # 商品房成交套数为6228套: the market's 成交套数, not a company named before
            draft.subject_text, draft.metric = market, draft.metric[len(market):]
            if draft.metric_start is not None:
                draft.metric_start += len(market)
            draft.explanation.append(f"subject: the market the metric opens with, {market}")
            return
        elif carried_topic is not None:
            draft.subject = carried_topic
            draft.explanation.append("subject: the topic carried from earlier in the paragraph")
        if draft.subject is not None:
            draft.subject = _model_of_brand(draft.subject, entities, sentence)
    elif draft.subject is not None and q.unit_kind == "physical":
        # 尼康3.0英寸触摸屏S230: a size or a capacity is the model's, however near the brand stands
        draft.subject = _model_of_brand(draft.subject, entities, sentence)
    if draft.subject is not None:
        draft.subject_text = entities[draft.subject].name


def _product_described(text: str, entities: Sequence[ResolvedEntity], q: Quantity, tab: _ClaimTables) -> int | None:
    """The product a number modifies with 的 (售价1299元的智能手表 W3, 5000mAh的X9): named within
    a few characters after it."""
    if q.unit in ("%", "pp", "x"):
        return None  # 以1.70%的收益率…: a rate describes a measure, not a product
    after = _after_number(q)
    for index, entity in enumerate(entities):
        if entity.type != "PRODUCT":
            continue
        for start, _end in entity.mentions:
            if after < start <= after + 8 and tab.describes_re.fullmatch(text, after, start):
                return index
    return None


def _owned_by(text: str, entities: Sequence[ResolvedEntity], mentions: Sequence[tuple[int, int]],
              tab: _ClaimTables) -> int | None:
    """The name the sentence's first name introduces as its own (X旗下产品“Y”, X旗下的Y): the
    sentence goes on about Y."""
    first_position, first_index = mentions[0]
    first_end = next(e for s, e in entities[first_index].mentions if s == first_position)
    for position, index in mentions[1:]:
        between = text[first_end:position]
        if index != first_index and tab.owned_name_re.fullmatch(between):
            return index
    return None


def _programme_after(entities: Sequence[ResolvedEntity], position: int) -> int | None:
    """A programme named at ``position`` (past one space): the words after an amount."""
    return next((index for index, entity in enumerate(entities) if entity.type == "PROGRAMME"
                 for s, _ in entity.mentions if position <= s <= position + 1), None)


def _clause_owner(text: str, entities: Sequence[ResolvedEntity], start: int, end: int) -> int | None:
    """The first name in ``[start, end)`` a count of parts can belong to, a work included
    (the longest of names starting at the same place), past names that only modify another
    (金穗集团发布的《白皮书》从…三个维度: the white paper's)."""
    named = sorted((s, -e, index) for index, entity in enumerate(entities)
                   if entity.type in (*_SUBJECT_TYPES, "WORK") for s, e in entity.mentions if start <= s and e <= end)
    for _, negative_end, index in named:
        if not _MODIFIER_AFTER_NAME.match(text, -negative_end, end):
            return index
    return None


# A name that modifies the noun after it: 金穗集团发布的…, 快手的…
_MODIFIER_AFTER_NAME = regex.compile(r"\p{Han}{0,3}的")


def _elaborated_name(text: str, entities: Sequence[ResolvedEntity], scope_start: int, position: int,
                     tab: _ClaimTables) -> int | None:
    """The programme or product a colon before ``position`` (in the same sentence, clauses
    joined by ； included) elaborates: 推出“造风者计划 2.0”：一方面…；另一方面…亿级现金."""
    colon = max(text.rfind("：", scope_start, position), text.rfind(":", scope_start, position))
    if colon < 0 or "。" in text[colon:position]:
        return None
    name_end = len(text[scope_start:colon].rstrip("”」\"' "))
    for index, entity in enumerate(entities):
        if entity.type in tab.elaborated_types and any(e == scope_start + name_end for _, e in entity.mentions):
            return index
    return None


def _model_of_brand(index: int, entities: Sequence[ResolvedEntity], sentence: tuple[int, int]) -> int:
    """A review's figures are about the model, not its maker: when the fallback subject is a
    brand (尼康) and the sentence names its product (尼康S230), the product."""
    brand = entities[index]
    if brand.type != "ORG":
        return index
    for other, entity in enumerate(entities):
        if entity.type == "PRODUCT" and entity.name.startswith(brand.name) \
                and any(sentence[0] <= s < sentence[1] for s, _ in entity.mentions):
            return other
    return index


def _period(draft: ClaimDraft, text: str, periods: Sequence[PeriodMention], entities: Sequence[ResolvedEntity],
            sentence: tuple[int, int], clause_end: int, published: date | None, tab: _ClaimTables) -> None:
    """The period the number holds for: the last one before it in the sentence (or the
    first after it in its clause), unless that date only times an event (今年 2 月发布的报告);
    自 X 以来 runs from X to the publication date; 〈event〉期间 is the event's span."""
    q = draft.quantity
    clause_start = _clause_start(text, sentence[0], q.start)
    # 比去年12月份扩大1.7个百分点: a comparison base dates no change, and no number after its
    # clause (较上年末增长7.3%；不良贷款率为1.12%); a level inside its clause is the base's own
    # (比7月的均价1.8万元)
    periods = [p for p in periods if not (text.endswith(tab.comparison_base_words, max(0, p.start - 2), p.start)
                                          and (draft.kind == "change" or p.start < clause_start))]
    before = [p for p in periods if sentence[0] <= p.start and p.end <= q.start
              and not (text[p.start - 1:p.start] in _FROM_WORDS and _ANOTHER_NUMBER.search(text, p.end, q.start))
              # 第二季度净亏损31亿欧元，去年同期净利润4.01亿欧元；总净营收为62.03亿欧元: the year
              # before's same period is its own clause's, the sentence goes on in 第二季度
              and not (p.label.endswith(tab.same_period_endings) and p.start < clause_start)]
    if before:  # …从去年的15%提升至35%: 去年 is the 15%'s, not the 35%'s
        period = before[-1]
        clause_after = text[period.end:_clause_end(text, period.end, q.start)]
        until_number = text[period.end:q.start]
        opener = text[max(sentence[0], period.start - 1):period.start]
        if opener == "自" and "以来" in clause_after and period.start_date is not None:
            close = text.index("以来", period.end) + 2
            draft.period = PeriodMention(period.start - 1, close, text[period.start - 1:close],
                                         period.start_date, published)
            draft.explanation.append(f"period: since {period.label}")
            return
        # 2009年以来成立的15只基金: events counted over a span, not one dated event.
        if not period.label.endswith("以来") and (tab.event_time_re.match(until_number) or (
                period.label.endswith(("日", "号")) and tab.event_day_re.match(until_number)) or text[
                max(sentence[0], period.start - 5):period.start].rstrip().endswith(tab.event_date_verbs)):  # 成立于2019年
            draft.explanation.append(f"period: {period.label} dates an event, not the number")
            return
        draft.period = period
        draft.explanation.append(f"period: {period.label}")
        return
    after = [p for p in periods if q.end <= p.start and p.end <= clause_end
             and not tab.event_time_re.match(text, p.end)  # 25.07元）6月2日下午发布公告: the filing's date
             and not _CLOSING_BRACKET.search(text, q.end, p.start)]  # （收盘价8.95元）公布了2008年年报
    if after:
        draft.period = after[0]
        draft.explanation.append(f"period after the number: {after[0].label}")
        return
    for entity in entities:
        if entity.type != "EVENT":
            continue
        for start, name_end in entity.mentions:
            end = name_end + (text[name_end:name_end + 1] in _CLOSING_QUOTES)  # “…购物节”期间
            if sentence[0] <= start and end <= q.start and text.startswith("期间", end):
                draft.period = PeriodMention(start, end + 2, text[start:name_end] + "期间", None, None)
                draft.explanation.append(f"period: during {entity.name}")
                return


_CLOSING_QUOTES = "”」』\"'"


def _without(text: str, words: Sequence[str]) -> str:
    """``text`` with every occurrence of ``words`` blanked (so 原材料 hides its 料)."""
    for word in words:
        text = text.replace(word, " " * len(word))
    return text


def _modality(draft: ClaimDraft, text: str, clause_start: int, sentence: tuple[int, int], tab: _ClaimTables,
              name_spans: Sequence[tuple[int, int]] = (), published: date | None = None) -> None:
    """Reported unless a cue says otherwise; ``name_spans`` (entity mentions) hold no cue:
    the 计划 of 青云计划今年 is the programme's name, not a plan."""
    q = draft.quantity
    clause = text[clause_start:q.start]
    whole_sentence = text[sentence[0]:sentence[1]]
    denial = min((i for i in (whole_sentence.find(w) for w in tab.modality["denial"]) if i >= 0), default=-1)
    if any(w in whole_sentence for w in tab.modality["denied_rumour"]) and denial >= 0 \
            and (sentence[0] + denial >= q.end or any(w in clause for w in tab.modality["denied_rumour"])):
        # the rumour's numbers come before the denial; 该传闻不实，公司仍计划招聘1500名 is a plan
        draft.modality = "denied"
    elif any(w in text[sentence[0]:q.start] for w in tab.modality["denied_rumour"]) and _denied_next(text, sentence[1], tab):
        draft.modality = "denied"  # 此前有媒体报道称…估值约80亿美元。对此，公司回应称该消息不实
    elif any(w in text[sentence[0]:q.start] for w in tab.modality["sentence_forecast"]) or any(
            w in _without(clause, tab.forecast_false_friends) for w in tab.modality["forecast"]):
        draft.modality = "forecast"
    elif any(w in clause for w in tab.modality["commitment"]) or _pledges(clause, tab):
        draft.modality = "commitment"
    elif any(w in clause for w in tab.modality["target"]) or _plans_an_act(text, clause_start, q.start, name_spans, tab) \
            or _TARGET_AFTER.match(text, q.end) or any(
            w in text[sentence[0]:q.start] for w in tab.modality["sentence_target"]) \
            or any(not any(s <= plan.start() < e for s, e in name_spans)
                   for plan in tab.plan_window_re.finditer(text, sentence[0], q.start, timeout=REGEX_TIMEOUT_S)):
        draft.modality = "target"
    elif any(clause.startswith(w) or w in clause for w in tab.modality["hypothetical"] if len(w) > 1):
        draft.modality = "hypothetical"
    elif tab.future_jiang_re.search(clause, timeout=REGEX_TIMEOUT_S) or _future_jiang(clause, tab):
        draft.modality = "forecast"
    elif _in_the_future(draft.period, published, tab):
        # 公司将继续加大扶持力度，未来三年投入1000亿元: a span still to come is no report
        draft.modality = "commitment" if tab.pledge_re.search(clause) else "forecast"
    if draft.modality != "reported":
        draft.explanation.append(f"modality {draft.modality}")


def _in_the_future(period: PeriodMention | None, published: date | None, tab: _ClaimTables) -> bool:
    """Whether ``period`` says it lies after the day of writing: a span named from it (未来三年,
    明年, 下半年 is not enough: it may be past) or a year after it (2025年 written in 2023). A
    bare month or day is left alone: its year is the reader's guess."""
    if period is None or published is None or period.start_date is None or period.start_date < published:
        return False
    return any(w in period.label for w in tab.future_span_words) or (
        period.year_only and period.start_date.year > published.year)


_SENTENCE_GAP = regex.compile(r"[。！？!?]?[\s”\"’』」]*(?:</?p>)?\s*")
_NEXT_SENTENCE = regex.compile(r"[^。！？!?\n]*")


def _denied_next(text: str, position: int, tab: _ClaimTables) -> bool:
    """Whether the sentence after ``position`` answers the one before with a denial (对此，…
    回应称，“该消息不实”)."""
    opening = _SENTENCE_GAP.match(text, position)
    following = _NEXT_SENTENCE.match(text, opening.end()).group()
    return following.startswith(tab.modality["denial_openers"]) and any(w in following for w in tab.modality["denial"])


def _future_jiang(clause: str, tab: _ClaimTables) -> bool:
    """将 before a word the dictionary tags as a verb (将拿出, 将建设): the future; 将 before a
    noun or pronoun (将该计划升级至) or a verb that modifies a noun (将质押的股份解除质押) is 把."""
    tags = word_tags()
    for jiang in regex.finditer(r"(?<!已|已经|曾|均|都)将(?:会|要)?\ ?", clause):  # 已将质押的股票: 把
        after = jiang.end()
        after += next((len(w) for w in tab.rate_markers if clause.startswith(w, after)), 0)  # 将年均增长
        if any(tags.get(clause[after:after + size]) in tab.verb_tags and clause[after + size:after + size + 1] != "的"
               for size in (3, 2)):
            return True
    return False


def _pledges(clause: str, tab: _ClaimTables) -> bool:
    """A future 将 and, after it in the clause, a verb of putting up resources (将拿出100亿流量和
    5亿元, 将在供应链上投入不少于): a commitment (GOLD.md: 将投入)."""
    return any(tab.pledge_re.search(clause, jiang.end()) for jiang in regex.finditer("将", clause)
               if tab.future_jiang_re.match(clause, jiang.start()) or _future_jiang(clause[jiang.start():], tab))


def _plans_an_act(text: str, start: int, end: int, name_spans: Sequence[tuple[int, int]], tab: _ClaimTables) -> bool:
    """计划 (or 打算, 准备) in ``text[start:end]`` before a verb, past a 新/再 (仍计划新招聘1500名):
    a plan, whatever the verb; 计划 before a noun (计划书), inside a name (青云计划覆盖) or after
    a demonstrative (该计划升级至) is none."""
    verbs = word_tags()
    for plan in tab.plan_verb_re.finditer(text, start, end, timeout=REGEX_TIMEOUT_S):
        if any(s <= plan.start() < e for s, e in name_spans) or text[plan.start() - 1:plan.start()] in tab.plan_noun_markers:
            continue  # 该计划升级至…: the plan named before, a noun
        after = plan.end()
        if verbs.get(text[after:after + 2]) in tab.plan_time_tags:
            after += 2  # 计划每年培训, 计划明年推出: a time word before the verb
        after += len(next((w for w in tab.plan_adverbs if text.startswith(w, after)), ""))
        if verbs.get(text[after:after + 2]) in ("v", "vn", "vd") or tab.future_verb_re.match(text, after):
            return True  # (上线 is a noun to jieba: the future verbs table knows it)
    return False


def _source(draft: ClaimDraft, text: str, entities: Sequence[ResolvedEntity], sentence: tuple[int, int],
            tab: _ClaimTables) -> None:
    """Who states the number: the speaker of a quotation holding it, or a person or
    organisation introduced by 据 / 根据 or followed by 表示 / 数据显示 in the sentence."""
    q = draft.quantity
    open_quote = text.rfind("“", sentence[0], q.start)
    close_quote = text.find("”", q.end, sentence[1] + 1)
    if open_quote != -1 and close_quote != -1 and text.find("”", open_quote, q.start) == -1:
        speakers = [(min(abs(s - open_quote), abs(s - close_quote)), i)
                    for i, e in enumerate(entities) if e.type == "PERSON" for s, _ in e.mentions
                    if open_quote - 20 <= s < open_quote or close_quote < s <= close_quote + 12]
        if speakers:
            draft.source = min(speakers)[1]
            draft.explanation.append("source: the speaker of the quotation")
            return
    stated_by = []
    for index, entity in enumerate(entities):
        if entity.type not in ("PERSON", "ORG"):
            continue
        for s, e in entity.mentions:
            if not sentence[0] <= s < q.start:
                continue
            introduced = tab.source_before_re.search(text[max(sentence[0], s - 2):s]) is not None
            stating = regex.match(rf"[^，。；]{{0,14}}?(?:{tab.source_after_re.pattern})", text[e:q.start]) is not None
            if introduced or stating:
                stated_by.append((s, index))
    if stated_by:
        # The name nearest the verb speaks: 星河科技CEO张明表示 is said by 张明.
        draft.source = max(stated_by)[1]
        draft.explanation.append(f"source: {entities[draft.source].name}")


def _inside_name(q: Quantity, entities: Sequence[ResolvedEntity]) -> bool:
    return any(s < q.end and q.start < e for entity in entities for s, e in entity.mentions)


def match_claims(text: str, sentences: Sequence[tuple[int, int]], entities: Sequence[ResolvedEntity],
                 published: date | None, quantities: Sequence[Quantity] | None = None) -> list[ClaimDraft]:
    """Claims of ``text``: one per quantity that asserts an amount, with its context."""
    tab = _tables()
    quantities = find_quantities(text) if quantities is None else quantities
    # An undated text still has its day of writing in a dateline (…11月5日电): 今日, 近五日 count from it.
    published = published or document_date(text)
    periods = find_periods(text, published)
    name_spans = [span for entity in entities for span in entity.mentions]
    drafts: list[ClaimDraft] = []
    paragraph_topic: int | None = None
    previous_topic: int | None = None
    paragraph_end = -1
    # Clauses split at ； are one sentence for periods: 全年营收…；净利润… share 全年.
    period_scope_start = 0
    for sentence in sentences:
        if not text[max(0, sentence[0] - 8):sentence[0]].rstrip().endswith(("；", ";")):
            period_scope_start = sentence[0]
        if sentence[0] > paragraph_end:  # a new paragraph: its first organisation is its topic
            paragraph_start = sentence[0]
            paragraph_end = text.find("\n", sentence[0])
            paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
            paragraph_topic = None
        if paragraph_topic is None:  # named so far: a topic is never introduced after its numbers
            paragraph_topic = _topic(text, entities, paragraph_start, sentence[1], tab)
        previous_end = sentence[0]
        sentence_quantities = [_unitless_measure(q, text, tab) for q in quantities
                               if sentence[0] <= q.start and q.end <= sentence[1]]
        topic = _topic(text, entities, *sentence, tab)
        for q in sentence_quantities:
            if not q.is_claim or _inside_name(q, entities):
                previous_end = max(previous_end, q.end)
                continue
            clause_start = _clause_start(text, sentence[0], q.start)
            clause_end = _clause_end(text, q.end, sentence[1])
            draft = ClaimDraft(quantity=q, evidence=sentence, explanation=list(q.explanation))
            sentence_drafts = _drafts_since(drafts, sentence[0])
            compared = _compared(sentence_drafts, q, clause_start,
                                 any_unit=text.startswith(tab.quote_openers, clause_start + (text[clause_start] == " ")))
            _metric(draft, text, clause_start, clause_end, sentence[0], entities, tab,
                    drafts[-1] if drafts and drafts[-1].quantity.end > clause_start else None, compared)
            _quoted_metric(draft, text, sentence, tab)
            _kind_and_direction(draft, text, clause_start, previous_end, tab,
                                drafts[-1] if drafts and drafts[-1].quantity.end > clause_start else None)
            if draft.metric in tab.change_metric_direction and compared is not None and compared.metric \
                    and compared.metric not in tab.change_metric_direction and q.unit in ("%", "pp", "x") \
                    and not compared.metric.endswith(tab.quote_openers):  # (现报10.23元，涨幅7.01%: a quote)
                # 减少283套，跌幅为4.35%: the rate of fall of what fell, 成交套数
                draft.explanation.append(f"metric: what {draft.metric} is of, {compared.metric}")
                draft.metric = compared.metric
            _subject(draft, text, entities, clause_start, sentence,
                     _carried_subject(drafts, sentence, text, paragraph_topic, previous_topic), tab,
                     group_before=_previous_clause_group(drafts, sentence, text, clause_start),
                     sentence_subject=_sentence_subject(sentence_drafts, sentence, text, entities),
                     elaborated=_elaborated_name(text, entities, period_scope_start, q.start, tab))
            if draft.change_from is not None and (draft.change_from.subject, draft.change_from.subject_text) != (None, None):
                draft.subject, draft.subject_text = draft.change_from.subject, draft.change_from.subject_text
                draft.explanation.append("subject: the same as the start of the change")
            if (draft.subject, draft.subject_text) == (None, None) and compared is not None and compared.subject is None \
                    and compared.subject_text and draft.kind == "change" and draft.metric == compared.metric:
                # 商品住宅成交2156套，环比上升8.3%: the change of that market's number
                draft.subject_text = compared.subject_text
                draft.explanation.append(f"subject: the group of {compared.quantity.text}, {compared.subject_text}")
            if draft.metric_counted and draft.subject is None and draft.subject_text == draft.metric:
                draft.metric = None  # 12只偏股型基金: the funds are what the count is of, not a measure
                draft.explanation.append("metric: none, the things counted are the subject")
            _period(draft, text, periods, entities, (period_scope_start, sentence[1]), clause_end, published, tab)
            if draft.kind == "change" and draft.metric is None and sentence_drafts and sentence_drafts[-1].metric \
                    and sentence_drafts[-1].kind == "change" and tab.bare_change_re.fullmatch(text, clause_start, q.start):
                draft.metric = sentence_drafts[-1].metric  # 同比增长8.0%，两年平均增长5.1%: the same measure's
                draft.explanation.append(f"metric: the measure of the change before, {draft.metric}")
            _modality(draft, text, clause_start, sentence, tab, name_spans, published)
            if draft.modality == "reported" and sentence_drafts and sentence_drafts[-1].modality in _PLANNED \
                    and _CONTINUED_CLAUSE.match(text, clause_start):
                draft.modality = sentence_drafts[-1].modality  # 计划交付25万辆，并向30万辆冲击: the same plan
                draft.explanation.append(f"modality {draft.modality}: the clause goes on from {sentence_drafts[-1].quantity.text}")
            _source(draft, text, entities, sentence, tab)
            draft.confidence = round(0.95 - 0.1 * (draft.metric is None) - 0.05 * (draft.subject is None), 2)
            drafts.append(draft)
            previous_end = q.end
        if topic is not None:
            previous_topic = topic
        _respectively(text, entities, sentence, _drafts_since(drafts, sentence[0]), tab, periods)
        _slash_list_years(text, sentence, _drafts_since(drafts, sentence[0]), periods)
    return drafts


def _drafts_since(drafts: Sequence[ClaimDraft], start: int) -> Sequence[ClaimDraft]:
    """The drafts of numbers from ``start`` on (drafts are in text order): the current
    sentence's so far, found from the end so that a long text costs no more per number."""
    first = len(drafts)
    while first > 0 and drafts[first - 1].quantity.start >= start:
        first -= 1
    return drafts[first:]


def _compared(sentence_drafts: Sequence[ClaimDraft], q: Quantity, clause_start: int,
              any_unit: bool = False) -> ClaimDraft | None:
    """The earlier number of the sentence a comparison clause (较…, 比去年…) speaks of: for a
    relative change (%, pp, x) the last one (零售额410亿元，比去年增长了19%; 收入15.02亿，同比增长
    106.98%，归母净利润4.00亿，同比增长366.04%), else the last one in the same unit (3.0英寸…，
    较前作的2.7英寸), else, for the level a move ended at (``any_unit``: 上涨1.2%，报3350.8点), the last one."""
    earlier = [d for d in sentence_drafts if d.quantity.end <= clause_start]
    if earlier and q.unit in ("%", "pp", "x"):
        return earlier[-1]  # 归母净利润4.00亿，同比增长366.04%: the level just before, not an older %
    same_unit = [d for d in earlier if d.quantity.unit == q.unit]
    if same_unit:
        return same_unit[-1]
    return earlier[-1] if earlier and any_unit else None


def _carried_subject(drafts: Sequence[ClaimDraft], sentence: tuple[int, int], text: str,
                     paragraph_topic: int | None, previous_topic: int | None) -> int | None:
    """What a number in a sentence that names no one is about: the previous sentence's
    subject, else the paragraph's topic, else the topic of the text so far."""
    previous = _previous_sentence_subject(drafts, sentence, text)
    if previous is not None:
        return previous
    return paragraph_topic if paragraph_topic is not None else previous_topic


def _sentence_subject(sentence_drafts: Sequence[ClaimDraft], sentence: tuple[int, int], text: str,
                      entities: Sequence[ResolvedEntity]) -> int | None:
    """The subject of the last earlier number of the same sentence: a clause that names no one
    goes on about it (该产品单柜容量达5兆瓦时，较上一代提升约四成; “风铃”日均使用时长已超过90分钟，
    较去年同期增加了近20分钟). Not with 分别, where the subjects are shared out, and not a
    person's (梅铎的38岁长子…以2300万澳元: an age is the only number about a person)."""
    if _RESPECTIVELY.search(text, sentence[0], sentence[1]):
        return None
    return next((d.subject for d in reversed(sentence_drafts) if d.subject is not None
                 and entities[d.subject].type != "PERSON"), None)


def _previous_clause_group(drafts: Sequence[ClaimDraft], sentence: tuple[int, int], text: str,
                           clause_start: int) -> str | None:
    """The group (no entity: 快手电商服务商所服务的商家) a non-count claim in the clause just
    before ``clause_start`` was about; a clause that names no one goes on about it. Groups
    only: a named subject is found again as the sentence's first name."""
    if not drafts or drafts[-1].evidence != sentence:
        return None
    previous = drafts[-1]
    if previous.subject is not None or not previous.subject_text or previous.quantity.unit_kind == "count" \
            or len(_CLAUSE_BREAK.findall(text, previous.quantity.end, clause_start)) != 1:
        return None
    return previous.subject_text


def _previous_sentence_subject(drafts: Sequence[ClaimDraft], sentence: tuple[int, int], text: str) -> int | None:
    """The subject of the last claim of the sentence just before ``sentence`` in its
    paragraph: a sentence that names no one goes on about it (…同时快手电商 GMV 达 1751 亿元。
    2021 年，全年活跃买家数超过 2.1 亿: 快手电商's, not the paragraph's first name 快手)."""
    previous = [d for d in drafts if d.evidence != sentence]
    if not previous or not _SAME_PARAGRAPH_GAP.fullmatch(text, previous[-1].evidence[1], sentence[0]):
        return None
    return previous[-1].subject


_SAME_PARAGRAPH_GAP = regex.compile(r"[^\S\n]*")


_RESPECTIVELY = regex.compile("分别|各自")
# What separates the items of a list of numbers or periods (10.2%、8.5%和6.3%; 2003年和2004年).
_LIST_SEPARATOR = regex.compile(r"\s?(?:、|和|与|及|以及|或)\s?")
# What may stand between coordinated names, and between the last of them and 分别.
_COORDINATION = regex.compile(r"\s*(?:[和与及、]|以及)?\s*(?:也|都|则|又)?\s*")


def _listed_periods(text: str, periods: Sequence[PeriodMention], start: int, end: int) -> list[PeriodMention]:
    """The last run of dated periods in ``text[start:end]`` joined by 和/、/与 (2003年和2004年)."""
    inside = [p for p in periods if start <= p.start and p.end <= end and p.start_date and p.end_date]
    run: list[PeriodMention] = []
    for period in inside:
        if run and _LIST_SEPARATOR.fullmatch(text, run[-1].end, period.start):  # (not 7月24日至10月23日)
            run.append(period)
        else:
            run = [period]
    return run if len(run) >= 2 else []


def _slash_list_years(text: str, sentence: tuple[int, int], drafts: Sequence[ClaimDraft],
                      periods: Sequence[PeriodMention]) -> None:
    """上调2022/2023年净利润预测至236/333亿元: the numbers of a slash list take, in order, the
    years of the last slash list of as many years before them in the sentence."""
    groups: list[list[ClaimDraft]] = []
    for draft in drafts:
        if groups and _LIST_NEXT.fullmatch(text, groups[-1][-1].quantity.end, draft.quantity.start):
            groups[-1].append(draft)
        else:
            groups.append([draft])
    year_runs: list[list[PeriodMention]] = []
    for period in (p for p in periods if sentence[0] <= p.start and p.end <= sentence[1]):
        if year_runs and _LIST_NEXT.fullmatch(text, year_runs[-1][-1].end, period.start):
            year_runs[-1].append(period)
        else:
            year_runs.append([period])
    for group in (g for g in groups if len(g) >= 2):
        years = next((run for run in reversed(year_runs) if run[-1].end <= group[0].quantity.start and len(run) == len(group)), None)
        for period, draft in zip(years or (), group):
            draft.period = period
            draft.explanation.append(f"period: {period.label}, the year of its place in the list")


def _years_of_span(text: str, periods: Sequence[PeriodMention], start: int, end: int, count: int) -> list[PeriodMention]:
    """The years of the last span of whole years in ``text[start:end]`` when there are ``count``
    of them (2021年至2023年，营收分别为…、…和…: one number a year), else []."""
    spans = [p for p in periods if start <= p.start and p.end <= end and p.start_date and p.end_date]
    if not spans:
        return []
    span = spans[-1]
    first, last = span.start_date, span.end_date
    if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) or last.year - first.year + 1 != count or count < 2:
        return []
    return [PeriodMention(span.start, span.end, f"{year}年", date(year, 1, 1), date(year, 12, 31))
            for year in range(first.year, last.year + 1)]


_PLURAL_PRONOUN = regex.compile("他们|它们|两者|二者|两家|两只")


def _coordinated_before(text: str, entities: Sequence[ResolvedEntity], clause_start: int, marker: int,
                        tab: _ClaimTables) -> list[int]:
    """The coordinated names right before 分别 (A和B分别), in order."""
    named: list[int] = []
    edge = marker
    for position, index in reversed(_subjects_in(text, entities, clause_start, marker, tab)):
        mention_end = next(e for s, e in entities[index].mentions if s == position)
        if not _COORDINATION.fullmatch(text, mention_end, edge) or index in named:
            break
        named.insert(0, index)
        edge = position
    return named


def _respectively(text: str, entities: Sequence[ResolvedEntity], sentence: tuple[int, int],
                  drafts: Sequence[ClaimDraft], tab: _ClaimTables, periods: Sequence[PeriodMention] = ()) -> None:
    """A和B分别新进了179万股和21万股: as many names before 分别 as numbers after it in the
    clause pair up in order; so do periods listed before it in the sentence (2003年和2004年)."""
    for marker in _RESPECTIVELY.finditer(text, sentence[0], sentence[1], timeout=REGEX_TIMEOUT_S):
        clause_start = _clause_start(text, sentence[0], marker.start())
        clause_end = _clause_end(text, marker.end(), sentence[1])
        named = _coordinated_before(text, entities, clause_start, marker.start(), tab)
        if len(named) < 2 and _PLURAL_PRONOUN.search(text, clause_start, marker.start()):
            # A和B分别新进了…；而在第三季度，他们又分别增持了…: 他们 are the names listed before
            paragraph_start = text.rfind("\n", 0, sentence[0]) + 1
            earlier = [_coordinated_before(text, entities, _clause_start(text, paragraph_start, m.start()), m.start(), tab)
                       for m in _RESPECTIVELY.finditer(text, paragraph_start, sentence[0], timeout=REGEX_TIMEOUT_S)]
            named = next((names for names in reversed(earlier) if len(names) >= 2), named)
        numbers = [d for d in drafts if marker.end() <= d.quantity.start and d.quantity.end <= clause_end]
        listed = _listed_periods(text, periods, sentence[0], marker.start()) or _years_of_span(
            text, periods, _sentence_start(text, sentence[0]), marker.start(), len(numbers))  # (past a ；)
        if len(listed) >= 2 and len(listed) == len(numbers):  # 2003年和2004年…分别达到了13.6%和16.81%
            for period, draft in zip(listed, numbers):
                draft.period = period
                draft.explanation.append(f"period: {period.label}, respectively")
        if len(named) < 2 or len(named) != len(numbers):
            continue
        for index, draft in zip(named, numbers):
            draft.subject = index
            draft.subject_text = entities[index].name
            draft.explanation.append(f"subject: {entities[index].name}, respectively")
        # …分别增持了88.11万股和2.94万股，期末持股量达到267.35万股和23.99万股: the next clause
        # listing as many numbers goes on pairing them with the same names
        following = [d for d in drafts if clause_end <= d.quantity.start and d.quantity.end <= sentence[1]
                     and not _RESPECTIVELY.search(text, clause_end, d.quantity.start)]
        if following:
            next_end = _clause_end(text, following[0].quantity.end, sentence[1])
            listed_numbers = [d for d in following if d.quantity.end <= next_end]
            if len(listed_numbers) == len(named) and all(
                    _LIST_SEPARATOR.fullmatch(text, a.quantity.end, b.quantity.start)
                    for a, b in zip(listed_numbers, listed_numbers[1:])):
                for index, draft in zip(named, listed_numbers):
                    draft.subject = index
                    draft.subject_text = entities[index].name
                    draft.explanation.append(f"subject: {entities[index].name}, respectively (listed on)")
