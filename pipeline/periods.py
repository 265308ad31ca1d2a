"""Time periods in Chinese news, resolved to dates against the publication date.

``find_periods(text, published)`` returns every period expression with its label (as
written) and start and end dates: 2022 年第一季度, Q3, 二季度, 上半年, 下半年, 前三季度,
全年, 今年, 去年, 今年 6 月, 截至 9 月 30 日 (open start), 过去一年, 未来三年. Relative
expressions (今年, 去年, 过去一年) need ``published``; without it, years count from the year
the text itself makes plain (``document_year``: 2009年以来, 今年（2009年）, 刚刚过去的2008年),
and otherwise their dates are null and the label is kept; ``document_date`` finds the day of
writing of an undated text in its dateline (格隆汇7月24日丨). 本周, 上周, 首日, 发行一周内,
截至昨天 and trading sessions (午盘) are kept by label, dated only where the publication date
allows; parts of months (9月上半月, 中旬), months counted from today (本月, 上月), spans ended on
an until-date (截至2019年6月30日止六个月) and a company's interim (2019年中期, label only) are
read too. The word tables are in ``data/periods.yaml``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import regex

from pipeline.numbers import NotANumber, parse_chinese_numeral
from pipeline.tables import alternation, load_table

REGEX_TIMEOUT_S = 2.0
_CN_SMALL = "一二两三四五六七八九十"


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    label: str
    start_date: date | None
    end_date: date | None
    year_only: bool = False  # "2021 年" alone: also sets the year for later expressions
    of_present: bool = False  # a bare month after 本月 / 今天: the current year, never carried


def _small_number(text: str) -> int | None:
    """A month, day or count written in digits or Chinese numerals; None if it is not one
    (一两 is an estimate, not a number)."""
    if text.isdigit():
        return int(text)
    try:
        value = parse_chinese_numeral(text)
    except NotANumber:
        return None
    return int(value) if value == int(value) else None


def _year_value(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int(text.translate(str.maketrans("〇零一二三四五六七八九", "00123456789")))


@dataclass(frozen=True)
class _PeriodTables:
    relative_years: dict[str, int]
    this_year_words: tuple[str, ...]  # 今年: the year of writing, that bare months after it belong to
    relative_months: dict[str, int]  # 上月 → -1
    month_parts: dict[str, tuple[int, int]]  # 上旬 → (1, 10); 31 is the month's last day
    spans: dict[str, tuple[int, int]]  # word → (first month, last month)
    past_words: frozenset[str]  # rolling words that look back (过去, 近)
    week_offsets: dict[str, int]  # 本周 → 0, 上周 → -1
    weekdays: dict[str, int]  # 一 → 0 (Monday)
    until_days: dict[str, int]  # 昨天 → -1
    pattern: regex.Pattern
    rolling: regex.Pattern
    weeks: regex.Pattern  # 本周, 上周 and event spans (首日, 发行一周内)
    until_day: regex.Pattern  # 截至昨天, 截至目前
    session: regex.Pattern  # 午盘, 半日: a trading session of the day of writing
    fiscal: regex.Pattern  # 2024财年第三财季: a company's fiscal calendar, label only
    fiscal_year_offsets: dict[str, int]  # 本财年 → 0, 上一财年 → -1: dated once the text gives the calendar
    interim_label: regex.Pattern  # 中期, 2019年中期
    present: regex.Pattern
    future: regex.Pattern
    same_period_last_year: regex.Pattern
    report_period: regex.Pattern
    report_words: tuple[str, ...]
    report_after: tuple[str, ...]  # 2019年第三季度报告: the words after a period that make it a report's
    the_period_words: frozenset[str]  # 期内: the period just reported
    year_cues: tuple[tuple[regex.Pattern, int, bool], ...]
    dateline: regex.Pattern  # 中新经纬客户端11月5日电: the day of writing


@lru_cache(maxsize=1)
def _tables() -> _PeriodTables:
    t = load_table("periods")
    relative = {k: int(v) for k, v in t["relative_years"].items()}
    spans = {k: (int(v[0]), int(v[1])) for k, v in t["month_spans"].items()}
    number = rf"[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}}"
    year_digits = r"(?:19|20)[0-9]{2}|[二〇零一三四五六七八九]{4}"
    # 2005年-2008年, 2005-2008年: one period from the first year to the last.
    year = (rf"(?:(?P<year>{year_digits})(?:\ ?年?\ ?[-－—–~～至到]\ ?(?P<year2>{year_digits}))?\ ?(?:年度|财年|年)"
            rf"|(?P<rel>{alternation(relative)}))")
    # 1至9月, 1-8月, 7月至9月: the months from the first to the last
    part = rf"(?P<part>{alternation(t['month_parts'])})"
    month = (rf"(?:(?P<month_from>{number})\ ?月?\ ?[-－—–~～至到]\ ?)?"
             rf"(?P<month>{number})\ ?月(?:份)?(?:\ ?(?P<day>{number})\ ?[日号]|{part})?"
             rf"|(?P<relmonth>{alternation(t['relative_months'])})(?:\ ?(?P<day>{number})\ ?[日号]|{part})?")
    # Every alternative consumes text: an all-optional pattern would match at every character.
    # A span word straight after a numeral is part of a duration (五年内 is no 年内).
    first_months = rf"前\ ?(?P<months>{number})\ ?个月"
    span_alt = alternation(spans)
    pattern = regex.compile(
        rf"(?P<until>截至|截止到|截止|至)?\ ?"
        rf"(?:{year}\ ?(?:(?P<span>{span_alt})|{first_months}|{month})?|(?<![0-9{_CN_SMALL}])(?P<span>{span_alt})"
        rf"|{first_months}|{month})"
        rf"(?P<edge>末|底|初)?(?P<since>以来)?"
    )
    rolling = regex.compile(
        rf"(?P<dir>{alternation([*t['rolling']['past'], *t['rolling']['future']])})"
        rf"\ ?(?P<n>[0-9]+|[{_CN_SMALL}]{{1,3}})\ ?(?P<unit>年|个月|个季度|周|天|日)"
    )
    events = t["event_spans"]
    weeks = regex.compile(
        rf"(?P<week>{alternation(t['week_words'])})(?![期边围刊报])"
        rf"(?P<weekday>[{''.join(t['weekdays'])}](?![0-9一二三四五六七八九十]))?"
        rf"|(?:{alternation(events['verbs'])})?(?:{alternation(events['words'])})"
        rf"|(?:{alternation(events['verbs'])})\ ?(?:{number})\ ?(?:{alternation(events['within'])})内"
    )
    fiscal = regex.compile(
        rf"(?:(?:19|20)[0-9]{{2}}\ ?财年\ ?)?(?:第\ ?[一二三四1-4]\ ?财季|[一二三四1-4]\ ?财季|(?:{alternation([*t['fiscal_words'], *t['fiscal_year_offsets']])}))"
        rf"|(?:19|20)[0-9]{{2}}\ ?财年"
        rf"|(?:19|20)[0-9]{{2}}\ ?年(?:度)?\ ?{t['interim_word']}(?!{alternation(t['interim_not_before'])})"
        rf"|{t['interim_word']}(?=(?:{alternation(t['interim_report_words'])}))")
    until_day = regex.compile(
        rf"(?:截至|截止到|截止)\ ?(?:(?P<day>{alternation(t['until_days'])})|(?P<filing>{alternation(t['filing_days'])}))")
    cues = tuple((regex.compile(c["pattern"]), int(c["offset"]), bool(c["latest_only"])) for c in t["document_year_cues"])
    return _PeriodTables(
        relative_years=relative,
        this_year_words=tuple(t["this_year_words"]),
        relative_months={k: int(v) for k, v in t["relative_months"].items()},
        month_parts={k: (int(v[0]), int(v[1])) for k, v in t["month_parts"].items()},
        spans=spans,
        past_words=frozenset(t["rolling"]["past"]),
        week_offsets={k: int(v) for k, v in t["week_words"].items()},
        weekdays={k: int(v) for k, v in t["weekdays"].items()},
        until_days={k: int(v) for k, v in t["until_days"].items()},
        pattern=pattern,
        rolling=rolling,
        weeks=weeks,
        until_day=until_day,
        session=regex.compile(rf"(?<![\p{{Han}}])(?:今日|今天|当日|当天)?(?:{alternation(t['trading_sessions'])})|"
                              rf"(?:{alternation(t['trading_sessions'])})"),
        fiscal=fiscal,
        fiscal_year_offsets={k: int(v) for k, v in t["fiscal_year_offsets"].items()},
        interim_label=regex.compile(rf"(?:(?P<year>(?:19|20)[0-9]{{2}})\ ?年(?:度)?\ ?)?{t['interim_word']}"),
        present=regex.compile(alternation(t["present_markers"])),
        future=regex.compile(alternation(t["future_markers"])),
        same_period_last_year=regex.compile(alternation(t["same_period_last_year"])),
        report_period=regex.compile(rf"(?P<to_end>(?:(?:19|20)[0-9]{{2}}\ ?年|本年|今年)?\ ?年?初至(?:本)?报告期末)"
                                    rf"|(?P<end>(?:本)?报告期末)"
                                    rf"|(?:{alternation(t['report_period_words'])})"
                                    rf"|(?<![\p{{Han}}])(?:{alternation(t['the_period_words'])})"),
        report_after=tuple(t["report_after"]),
        the_period_words=frozenset(t["the_period_words"]),
        report_words=tuple(t["report_words"]),
        year_cues=cues,
        dateline=regex.compile(
            rf"(?m)^[^\n]{{0,{int(t['dateline_reach'])}}}?(?:(?<![0-9])(?P<year>(?:19|20)[0-9]{{2}})\ ?年\ ?|(?<![0-9年]))"
            rf"(?P<month>1[0-2]|0?[1-9])\ ?月\ ?(?P<day>[12][0-9]|3[01]|0?[1-9])\ ?日\ ?"
            rf"(?:{alternation(t['dateline_endings'])})"),
    )


_NAMED_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*(?:财?年|[-－—–~～]\s*(?:19|20)[0-9]{2}\s*年))")


def document_year(text: str) -> int | None:
    """The year ``text`` was written in, when the text says it plainly (see
    ``document_year_cues`` in ``data/periods.yaml``); None when no cue fires or cues disagree."""
    tab = _tables()
    named = [int(y) for y in _NAMED_YEAR.findall(text, timeout=REGEX_TIMEOUT_S)]
    latest = max(named, default=None)
    years = set()
    for cue, offset, latest_only in tab.year_cues:
        for match in cue.finditer(text, timeout=REGEX_TIMEOUT_S):
            year = int(match.group("year"))
            if latest_only and year != latest:
                continue
            years.add(year + offset)
    return years.pop() if len(years) == 1 else None


# A dateline opens the story, within its first lines (a title and a credit line may come first).
_DATELINE_REACH = 300


def document_date(text: str) -> date | None:
    """The day ``text`` was written on, from a dateline opening one of its first lines
    (中新经纬客户端11月5日电, 格隆汇7月24日丨) with the year it names or the year of
    ``document_year``; None without a dateline or a year."""
    match = _tables().dateline.search(text[:_DATELINE_REACH], timeout=REGEX_TIMEOUT_S)
    if match is None:
        return None
    month, day = int(match.group("month")), int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else document_year(text) or _year_of_recent_dates(text, month, day)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FULL_DATE = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\ ?年\ ?(1[0-2]|0?[1-9])\ ?月\ ?([12][0-9]|3[01]|0?[1-9])\ ?日")
# A filing the story reports on is dated at most this long before the dateline.
_RECENT_DAYS = 62


def _year_of_recent_dates(text: str, month: int, day: int) -> int | None:
    """The year of the full dates in ``text`` that fall shortly before a dateline's month and
    day (11月5日电 … 公司于2020年11月3日收到…): the year of writing, when they agree."""
    years = set()
    for match in _FULL_DATE.finditer(text, timeout=REGEX_TIMEOUT_S):
        year = int(match.group(1))
        for dateline_year in (year, year + 1):  # a filing of 12月30日 in a story of 1月3日
            try:
                named, dateline = date(year, int(match.group(2)), int(match.group(3))), date(dateline_year, month, day)
            except ValueError:
                continue
            if timedelta(0) <= dateline - named <= timedelta(days=_RECENT_DAYS):
                years.add(dateline_year)
    return years.pop() if len(years) == 1 else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_part(year: int, month: int, part: str | None, tab: _PeriodTables) -> tuple[date, date]:
    """The days of a month, or of the part of it named (上半月, 下旬)."""
    last_day = calendar.monthrange(year, month)[1]
    first_day, end_day = tab.month_parts[part] if part else (1, last_day)
    return date(year, month, first_day), date(year, month, min(end_day, last_day))


def _shift(day: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    month_index = day.month - 1 + months + 12 * years
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])) + timedelta(days=days)


# How far past the publication date an until-date without a year may lie and still be this
# year's (a date line a few days off, figures up to the end of the month).
_UNTIL_DATE_SLACK = timedelta(days=31)


_LONGEST_ROLLING_MONTHS = 1200
# 2025年前 / 2025年之前 / 2025年以前: a deadline or the years before (not 2025年前三季度, read as a span)
_BY_YEAR_END = regex.compile(r"(?:之前|以前|前)(?![0-9一二两三四五六七八九十个])")


def find_periods(text: str, published: date | None) -> list[PeriodMention]:
    """Every period expression in ``text``, in order, with dates where they can be known."""
    tab = _tables()
    found: list[PeriodMention] = []
    # The year of the last explicit "2008 年": a bare 第四季度 or 11 月 after it belongs to
    # it (and to the publication year only when the text has named none).
    anchor: int | None = None
    # The year relative words count from: the publication year, else the year the text states.
    reference = published.year if published else document_year(text)
    for match in tab.pattern.finditer(text, timeout=REGEX_TIMEOUT_S):
        if not (match.group("year") or match.group("rel") or match.group("span") or match.group("month")
                or match.group("months") or match.group("relmonth")):
            continue
        start, end = match.span()
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start > 0 and text[start] in "上下" and _place_word(text[start - 1:start + 1]):
            continue  # 平台上年销售额: 平台上 / 年销售额, not 上年
        if start > 0 and text[start - 1] in "上下" and text.startswith("一", start) and match.group("span"):
            continue  # 较上一季度: the quarter before, not the first quarter
        label = text[start:end]
        if match.group("until") == "至" and not match.group("day"):
            label = label[1:].lstrip()
            start = end - len(label)
        year = None
        of_present = False
        if match.group("year"):
            year = anchor = _year_value(match.group("year"))
        elif match.group("rel"):
            if reference is not None:
                year = reference + tab.relative_years[match.group("rel")]
            if match.group("rel") in tab.this_year_words:
                # 继2007年年底…，今年3月起…，9月份: a bare month after 今年 is this year's, not 2007's
                anchor = year
        elif match.group("span") or match.group("month") or match.group("months"):
            of_present = anchor is not None and (_speaks_of_present(text, start, tab) or (
                reference is not None and anchor < reference and _speaks_of_future(text, start, tab))
                or (reference is not None and anchor > reference and not _speaks_of_future(text, start, tab)))
            year = anchor if anchor is not None and not of_present else reference
        first = last = None
        if year is not None:
            if match.group("months"):
                count = _small_number(match.group("months"))
                if count is None or not 1 <= count <= 12:
                    continue
                first, last = date(year, 1, 1), _month_end(year, count)
            elif match.group("span"):
                m1, m2 = tab.spans[match.group("span")]
                first, last = date(year, m1, 1), _month_end(year, m2)
            elif match.group("month"):
                month = _small_number(match.group("month"))
                if month is None or not 1 <= month <= 12:
                    continue
                if match.group("day"):
                    day = _small_number(match.group("day"))
                    if day is None:
                        continue
                    try:
                        first = last = date(year, month, day)
                    except ValueError:
                        continue
                else:
                    first, last = _month_part(year, month, match.group("part"), tab)
                month_from = _small_number(match.group("month_from")) if match.group("month_from") else None
                if month_from is not None and 1 <= month_from < month and not match.group("day"):
                    first = date(year, month_from, 1)
            else:
                last_year = _year_value(match.group("year2")) if match.group("year2") else year
                if last_year < year:
                    continue  # 2008-2005年 is not a period
                first, last = date(year, 1, 1), date(last_year, 12, 31)
        elif match.group("relmonth") and published is not None:
            of_present = True  # counted from the day of writing, whatever year was named before
            this_month = _shift(published.replace(day=1), months=tab.relative_months[match.group("relmonth")])
            first, last = _month_part(this_month.year, this_month.month, match.group("part"), tab)
            if match.group("day"):
                day = _small_number(match.group("day"))
                try:
                    first = last = this_month.replace(day=day) if day else None
                except ValueError:
                    continue
        if match.group("edge") == "初" and first is not None:
            last = None  # 今年初: from its first day, the end left open (GOLD.md)
        elif match.group("edge") and last is not None:
            first = last  # 三季度末, 去年底: the last day
        if match.group("since"):
            last = published  # 今年以来: up to the day of writing
        if match.group("until") in ("截至", "截止到", "截止"):
            first = None
            if (last is not None and published is not None and last > published + _UNTIL_DATE_SLACK
                    and not match.group("year") and not match.group("rel") and not _speaks_of_future(text, start, tab)):
                last = _shift(last, years=-1)  # 截至12月31日 written in March: the last year-end
        year_only = bool(match.group("year")) and not (match.group("span") or match.group("month")
                                                       or match.group("months") or match.group("since"))
        if year_only and not match.group("year2") and (by := _BY_YEAR_END.match(text, end)):
            # 将于2025年前: by the end of that year (a deadline); 2006年之前，入驻率是90%: up to the year before
            end, label, first = by.end(), text[start:by.end()], None
            if not ((reference is not None and year > reference) or _speaks_of_future(text, start, tab)):
                last = date(year - 1, 12, 31)
        found.append(PeriodMention(start, end, label, first, last, year_only, of_present))
    for match in tab.rolling.finditer(text, timeout=REGEX_TIMEOUT_S):
        n = _small_number(match.group("n"))
        unit = match.group("unit")
        if n is None or (match.group("dir") == "前" and unit == "个月"):
            continue  # 前 9 个月 counts from January (above), not back from today
        if match.group("dir") == "前" and match.start() > 0 and regex.match(r"\p{Han}", text[match.start() - 1]):
            continue  # 本周前四日, 上市前三天: the first days of a span or the days before an event
        months = {"年": 12 * n, "个月": n, "个季度": 3 * n}.get(unit, 0)
        days = {"周": 7 * n, "天": n, "日": n}.get(unit, 0)
        if months > _LONGEST_ROLLING_MONTHS or days > _LONGEST_ROLLING_MONTHS * 31:
            continue  # 前2022年: a year written after 前, no window of two thousand years
        first = last = None
        if published:
            if match.group("dir") in tab.past_words:
                first = _shift(published, months=-months, days=-days + 1) if days else _shift(published, months=-months) + timedelta(days=1)
                last = published
            else:
                first = published
                last = _shift(published, months=months, days=days)
        # counted back or forward from the day of writing: no year the text names moves it
        found.append(PeriodMention(match.start(), match.end(), match.group(), first, last, of_present=True))
    found.extend(_label_only_periods(text, published, tab))
    periods = _same_period_last_year(text, _bound_since(text, _carry_years(_year_lists(text, _drop_nested(found)), tab)), tab)
    periods = _filing_days(text, _day_ranges(text, _spans_ended(text, periods)), tab)
    return _interim_calendar(_fiscal_calendar(text, _report_periods(text, periods, tab), tab), tab)


def _place_word(word: str) -> bool:
    """Whether ``word`` is a place or direction word of jieba's dictionary (台上, 网上, 以下)."""
    from pipeline.entities import word_tags  # (entities reads numbers, which reads periods)

    return word_tags().get(word) in ("s", "f")


def _report_periods(text: str, periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """报告期内 after a report named with its period (2023年半年度报告) holds that period;
    期内 (the period just reported: 截至9月30日止第三季度…。期内，…) the last dated period
    before it that is a stretch of time, not a day."""
    reports = [p for p in periods if p.start_date and p.end_date
               and (p.label.endswith(tab.report_words) or text.startswith(tab.report_after, p.end))]
    spans = [p for p in periods if p.start_date and p.end_date and p.start_date < p.end_date]
    added = []
    for match in tab.report_period.finditer(text, timeout=REGEX_TIMEOUT_S):
        candidates = spans if match.group() in tab.the_period_words else reports
        report = next((p for p in reversed(candidates) if p.end <= match.start()), None)
        if report is None:
            continue
        if match.group("to_end"):  # 2019年初至报告期末: from the start of the report's year to its end
            first = date(report.end_date.year, 1, 1)
            periods = [p for p in periods if not (match.start() <= p.start < match.end())]
        elif match.group("end"):  # 本报告期末: the report's last day
            first = report.end_date
        else:
            first = report.start_date
        added.append(PeriodMention(match.start(), match.end(), match.group(), first, report.end_date))
    return sorted([*periods, *added], key=lambda p: p.start) if added else periods


def _same_period_last_year(text: str, periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """去年同期 after a dated period (2022年第四季度营收…，去年同期为…) is that period a year
    earlier, not the whole of last year; without one before it, it stays 去年."""
    result: list[PeriodMention] = []
    for period in periods:
        same = tab.same_period_last_year.match(text, period.start)
        earlier = next((p for p in reversed(result) if p.start_date and p.end_date
                        and not tab.same_period_last_year.fullmatch(p.label)), None)
        if same and earlier is not None:
            period = PeriodMention(period.start, same.end(), same.group(), _shift(earlier.start_date, years=-1),
                                   _shift(earlier.end_date, years=-1))
        result.append(period)
    return result


def _bound_since(text: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """截至3月18日，今年以来…: a since-period right after an until-date ends on that date."""
    bounded: list[PeriodMention] = []
    for period in periods:
        if (bounded and period.label.endswith("以来") and bounded[-1].start_date is None
                and bounded[-1].end_date is not None and text[bounded[-1].end:period.start].strip(" ，,") == ""):
            end = _in_year_of(bounded[-1].end_date, period.start_date)
            if end is not None:
                period = replace(period, end_date=end)
        bounded.append(period)
    return bounded


def _in_year_of(until: date, since: date | None) -> date | None:
    """The until-date a since-period ends on. An until-date before the start took the year
    of an earlier mention (截至2月28日，2009年以来 in a text that last named 2008): the day
    is meant in the since-period's year, or, where that cannot be, bounds nothing."""
    if since is None or until >= since:
        return until
    try:
        moved = until.replace(year=since.year)
    except ValueError:  # 2月29日 of a year without one
        return None
    return moved if moved >= since else None


def _speaks_of_future(text: str, position: int, tab: _PeriodTables) -> bool:
    """Whether the sentence before ``position`` speaks of what is to come (还将推出…，目标是在年底前)."""
    return _said_before(text, position, tab.future)


def _speaks_of_present(text: str, position: int, tab: _PeriodTables) -> bool:
    """Whether the sentence before ``position`` speaks of the present (本月9日公布, 今天):
    a bare month or quarter after it is this year's, not the year the text named last."""
    return _said_before(text, position, tab.present)


def _said_before(text: str, position: int, words: regex.Pattern) -> bool:
    """Whether ``words`` occur in the sentence before ``position``."""
    sentence_start = max(text.rfind(mark, 0, position) for mark in "。！？\n") + 1
    return words.search(text, sentence_start, position, timeout=REGEX_TIMEOUT_S) is not None


def _label_only_periods(text: str, published: date | None, tab: _PeriodTables) -> list[PeriodMention]:
    """本周 / 上周 (the calendar week, when the publication date is known), 首日 / 发行一周内
    (counted from an event the text rarely dates: label only) and 截至昨天 (up to the day
    before publication)."""
    found = []
    for match in tab.weeks.finditer(text, timeout=REGEX_TIMEOUT_S):
        first = last = None
        if match.group("week") and published:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=tab.week_offsets[match.group("week")])
            first, last = monday, monday + timedelta(days=6)
            if match.group("weekday"):
                first = last = monday + timedelta(days=tab.weekdays[match.group("weekday")])
        # counted back or forward from the day of writing: no year the text names moves it
        found.append(PeriodMention(match.start(), match.end(), match.group(), first, last, of_present=True))
    from pipeline.segment import is_dictionary_word  # (loads the segmenter: only when a text is read)

    for match in tab.session.finditer(text, timeout=REGEX_TIMEOUT_S):
        if match.start() > 0 and is_dictionary_word(text[match.start() - 1:match.start() + 1]):
            continue  # 楼盘后, 大盘中: the session word's first character ends another word
        found.append(PeriodMention(match.start(), match.end(), match.group(), published, published, of_present=True))
    for match in tab.fiscal.finditer(text, timeout=REGEX_TIMEOUT_S):
        # a company's own fiscal calendar (英伟达2024财年第三财季 ended in October): label only
        found.append(PeriodMention(match.start(), match.end(), match.group(), None, None))
    for match in tab.until_day.finditer(text, timeout=REGEX_TIMEOUT_S):
        if match.group("filing"):  # filled in once the dates before it are known (_filing_days)
            found.append(PeriodMention(match.start(), match.end(), match.group(), None, published))
            continue
        last = published + timedelta(days=tab.until_days[match.group("day")]) if published else None
        found.append(PeriodMention(match.start(), match.end(), match.group(), None, last))
    return found


def _day_ranges(text: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """10月31日至11月11日: two days joined by 至/到/- are one period from the first to the
    second (the second in the next year when it would fall before the first)."""
    result: list[PeriodMention] = []
    for period in periods:
        first = result[-1] if result else None
        if (first is not None and first.start_date and first.start_date == first.end_date
                and period.end_date and period.start_date in (None, period.end_date)
                and _DAY_RANGE_JOIN.fullmatch(text, first.end, period.start + _until_prefix(period.label))):
            end = period.end_date if period.end_date >= first.start_date else _shift(period.end_date, years=1)
            result[-1] = PeriodMention(first.start, period.end, text[first.start:period.end], first.start_date, end)
            continue
        result.append(period)
    return [_to_bare_day(text, p) for p in result]


# 11月18日至24日: the second day written without its month
_TO_BARE_DAY = regex.compile(r"\s?(?:至|到|-|－|—|～|~)\s?(?P<day>[12][0-9]|3[01]|0?[1-9])\s?[日号]")


def _to_bare_day(text: str, period: PeriodMention) -> PeriodMention:
    """A single day followed by 至 and a later day of the same month is the days between."""
    if not (period.start_date and period.start_date == period.end_date):
        return period
    match = _TO_BARE_DAY.match(text, period.end)
    if match is None or not period.label.endswith(("日", "号")):
        return period
    day = int(match.group("day"))
    if day <= period.start_date.day or day > calendar.monthrange(period.start_date.year, period.start_date.month)[1]:
        return period
    return PeriodMention(period.start, match.end(), text[period.start:match.end()], period.start_date,
                         period.start_date.replace(day=day))


_SPAN_ENDED = regex.compile(
    rf"\ ?止(?:之|的)?\ ?(?:(?P<months>[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})\ ?个月|(?P<year>年度|财政年度|财年|全年|一年))")


def _spans_ended(text: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """截至2019年6月30日止六个月 (止年度): the months ending on an until-date, as filings
    write their reporting periods; the date alone leaves the start open."""
    result = []
    for period in periods:
        match = _SPAN_ENDED.match(text, period.end) if period.start_date is None and period.end_date else None
        months = (12 if match.group("year") else _small_number(match.group("months"))) if match else None
        if months is not None and 1 <= months <= 12:
            first = _shift(period.end_date + timedelta(days=1), months=-months)
            period = replace(period, end=match.end(), label=text[period.start:match.end()], start_date=first)
        result.append(period)
    return result


# 2020财年第四财季, 第三财季: a fiscal quarter (and the fiscal year it belongs to)
_FISCAL_QUARTER = regex.compile(r"(?:(?P<year>(?:19|20)[0-9]{2})\ ?财年\ ?)?第?\ ?(?P<quarter>[一二三四1-4])\ ?财季")
_FISCAL_YEAR = regex.compile(r"(?P<year>(?:19|20)[0-9]{2})\ ?财年")
# The until-date beside a fiscal quarter: 截至今年5月底，2020财年第四财季 / 第三财季（截至10月29日）
_BESIDE_UNTIL = regex.compile(r"[\ ，,的]*")
_BEFORE_BRACKETED_UNTIL = regex.compile(r"\ ?[（(]\ ?")
_UNTIL_MONTH_DAY = regex.compile(r"(?P<month>1[0-2]|0?[1-9])\ ?月(?:\ ?(?P<day>[12][0-9]|3[01]|0?[1-9])\ ?[日号])?")


@dataclass(frozen=True)
class _FiscalCalendar:
    """A company's fiscal year as the text gives it: its last day and, when named, its number."""

    year_end: date
    number: int | None

    def year_span(self, years_later: int = 0) -> tuple[date, date]:
        end = _shift_month_ends(self.year_end, 12 * years_later)
        return _shift(end + timedelta(days=1), months=-12), end

    def quarter_span(self, quarter: int) -> tuple[date, date]:
        end = _shift_month_ends(self.year_end, -3 * (4 - quarter))
        return _shift(end + timedelta(days=1), months=-3), end


def _shift_month_ends(day: date, months: int) -> date:
    """``day`` moved by whole months, a month's last day staying the last."""
    moved = _shift(day, months=months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return _month_end(moved.year, moved.month)
    return moved


def _quarter_of(period: PeriodMention) -> int:
    """The quarter a fiscal-quarter label names (第四财季 → 4)."""
    number = _FISCAL_QUARTER.fullmatch(period.label).group("quarter")
    return {"一": 1, "二": 2, "三": 3, "四": 4}.get(number) or int(number)


def _fiscal_calendar(text: str, periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """A fiscal quarter written beside the date it ended on (截至今年5月底，2020财年第四财季;
    第三财季（截至2023年10月29日）) gives the company's calendar: that quarter, the other
    fiscal quarters, 本财年 and the numbered fiscal year of the text are dated by it. A
    fiscal year is numbered by the calendar year it ends in (2020财年 ended in May 2020), which
    also dates an until-month written without its year. Label only when the text gives no
    such date; when it gives two calendars, each dates only the quarter beside it."""
    calendars: dict[int, _FiscalCalendar] = {}  # the index of a quarter written beside its end date → its calendar
    for index, period in enumerate(periods):
        quarter = _FISCAL_QUARTER.fullmatch(period.label)
        if quarter is None or period.start_date is not None:
            continue
        until = None
        if index > 0 and _BESIDE_UNTIL.fullmatch(text, periods[index - 1].end, period.start):
            until = periods[index - 1]
        elif index + 1 < len(periods) and _BEFORE_BRACKETED_UNTIL.fullmatch(text, period.end, periods[index + 1].start):
            until = periods[index + 1]
        if until is None or not until.label.startswith(("截至", "截止")):
            continue
        number = int(quarter.group("year")) if quarter.group("year") else None
        year_end = _fiscal_year_end(until, _quarter_of(period), number)
        if year_end is not None:
            calendars[index] = _FiscalCalendar(year_end, number)
    if not calendars:  # 2022财年 of a company whose calendar the text does not give: label only
        return [_dated(p, (None, None)) if _FISCAL_YEAR.fullmatch(p.label) else p for p in periods]
    if len({c.year_end for c in calendars.values()}) > 1:  # two companies' calendars: each dates its own quarter
        return [_dated(p, calendars[i].quarter_span(_quarter_of(p))) if i in calendars else p
                for i, p in enumerate(periods)]
    fiscal = max(calendars.values(), key=lambda c: c.number is not None)
    dated = []
    for period in periods:
        quarter = _FISCAL_QUARTER.fullmatch(period.label)
        year = _FISCAL_YEAR.fullmatch(period.label)
        span = None
        if quarter and period.start_date is None and (not quarter.group("year") or int(quarter.group("year")) == fiscal.number):
            span = fiscal.quarter_span(_quarter_of(period))
        elif period.label in tab.fiscal_year_offsets and period.start_date is None:
            span = fiscal.year_span(tab.fiscal_year_offsets[period.label])
        elif year and fiscal.number is not None:
            span = fiscal.year_span(int(year.group("year")) - fiscal.number)
        elif period.label.startswith(("截至", "截止")) and period.end_date is None and _UNTIL_MONTH_DAY.search(period.label):
            end = _fiscal_until_day(period, fiscal.year_end)
            span = (None, end) if end else None
        dated.append(_dated(period, span) if span else period)
    return dated


def _dated(period: PeriodMention, span: tuple[date | None, date | None]) -> PeriodMention:
    return replace(period, start_date=span[0], end_date=span[1])


def _fiscal_until_day(until: PeriodMention, year_end: date) -> date | None:
    """The last day an until-date names (截至5月底, 截至10月29日), in the year that puts it
    in the fiscal year ending on ``year_end``; its own date when it has one."""
    if until.end_date is not None:
        return until.end_date
    match = _UNTIL_MONTH_DAY.search(until.label)
    month, day = int(match.group("month")), match.group("day")
    year = year_end.year if month <= year_end.month else year_end.year - 1
    try:
        return date(year, month, int(day)) if day else _month_end(year, month)
    except ValueError:
        return None


def _fiscal_year_end(until: PeriodMention, quarter: int, number: int | None) -> date | None:
    """The last day of the fiscal year whose ``quarter`` ended on the until-date."""
    if until.end_date is not None:
        quarter_end = until.end_date
    elif number is not None and (match := _UNTIL_MONTH_DAY.search(until.label)):
        # the month without its year: the one that ends fiscal year ``number`` in that year
        month = int(match.group("month"))
        year_end_month = (month - 1 + 3 * (4 - quarter)) % 12 + 1
        year = number if month <= year_end_month else number - 1
        try:
            quarter_end = date(year, month, int(match.group("day"))) if match.group("day") else _month_end(year, month)
        except ValueError:
            return None
    else:
        return None
    return _shift_month_ends(quarter_end, 3 * (4 - quarter))


def _interim_calendar(periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """A company's interim (中期, 2019年中期) is the six months the text ends on an until-date
    (截至2019年6月30日止六个月), when it gives exactly one such span."""
    halves = {(p.start_date, p.end_date) for p in periods
              if p.start_date and p.end_date and _SPAN_ENDED.search(p.label) and _shift(p.start_date, months=6) == p.end_date + timedelta(days=1)}
    if len(halves) != 1:
        return periods
    first, last = halves.pop()
    dated = []
    for period in periods:
        interim = tab.interim_label.fullmatch(period.label)
        if interim and period.start_date is None and (
                not interim.group("year") or int(interim.group("year")) in (first.year, last.year)):
            period = replace(period, start_date=first, end_date=last)
        dated.append(period)
    return dated


def _until_prefix(label: str) -> int:
    """How many characters of a period's label are the 至/到 that joins it to the one before."""
    return 1 if label.startswith(("至", "到")) else 0


_DAY_RANGE_JOIN = regex.compile(r"\s?(?:至|到|-|－|—|～|~)?\s?")


def _filing_days(text: str, periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """截至公告日 ends on the day the filing is dated: the last single day the text names
    before it (华菱精工5月13日晚间发布公告…截至公告日), else the publication date (GOLD.md)."""
    result: list[PeriodMention] = []
    for period in periods:
        match = tab.until_day.match(text, period.start)
        if match and match.group("filing") and match.end() == period.end:
            day = next((p.end_date for p in reversed(result) if p.start_date and p.start_date == p.end_date), None)
            if day is not None:
                period = replace(period, end_date=day)
        result.append(period)
    return result


# 2022/2023年, 2019/20/21年: a forecast's years, one per number of the slash list that follows
_YEAR_LIST = regex.compile(r"(?<![0-9/／])(?P<year>(?:19|20)[0-9]{2})(?:[/／](?P<year>(?:19|20)?[0-9]{2}))+\ ?年(?![0-9])")


def _year_lists(text: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """Each year of a slash list of years as a period of its own (label 2022年), in place of
    the last year alone that the year pattern read."""
    lists = list(_YEAR_LIST.finditer(text, timeout=REGEX_TIMEOUT_S))
    if not lists:
        return periods
    kept = [p for p in periods if not any(m.start() < p.end and p.start < m.end() for m in lists)]
    for match in lists:
        century = match.captures("year")[0][:2]
        for (start, end), written in zip(match.spans("year"), match.captures("year")):
            year = int(written if len(written) == 4 else century + written)
            end = match.end() if end == match.spans("year")[-1][1] else end
            kept.append(PeriodMention(start, end, f"{year}年", date(year, 1, 1), date(year, 12, 31), year_only=True))
    return sorted(kept, key=lambda p: p.start)


def _drop_nested(periods: list[PeriodMention]) -> list[PeriodMention]:
    """One period per stretch of text: a mention inside a longer one (今天 in 截至今天) goes."""
    kept: list[PeriodMention] = []
    for period in sorted(periods, key=lambda p: (p.start, -(p.end - p.start))):
        if kept and period.start < kept[-1].end:
            continue
        kept.append(period)
    return kept


def _shift_month_end(day: date, years: int) -> date:
    """``day`` moved by whole years, a month's last day staying the last (2010-02-28 → 2008-02-29)."""
    return _shift_month_ends(day, 12 * years)


def _carry_years(periods: list[PeriodMention], tab: _PeriodTables) -> list[PeriodMention]:
    """A year stated alone ("2021 年，全年…") anchors the year-less expression after it."""
    carried: list[PeriodMention] = []
    anchor: int | None = None
    for period in periods:
        if period.year_only and period.start_date:
            anchor = period.start_date.year
        elif period.label.startswith(tab.this_year_words):
            anchor = period.start_date.year if period.start_date else None  # 今年3月起…，9月份: this year's
        elif anchor is not None and period.start_date and not period.of_present and not regex.search(r"(?:19|20)[0-9]{2}|[今去明前本上同]年", period.label):
            shift = anchor - period.start_date.year
            if shift:
                period = PeriodMention(
                    period.start, period.end, period.label,
                    _shift(period.start_date, years=shift), _shift_month_end(period.end_date, shift) if period.end_date else None,
                )
        carried.append(period)
    return carried
