"""Numbers in Chinese text: find every quantity, normalise its value, unit and bound.

``find_quantities(text)`` returns every numeric expression in ``text`` in order, as one
``Quantity`` shape. Expressions that are not claims (years, dates, quarters, times, phone
numbers, stock and product codes, versions, ordinals, the article-like 一, bare numbers
with no unit inside names) are returned too, with ``non_claim`` saying why, so a user can
see what was rejected and the claim stage has one place to filter.

Units, magnitudes, qualifier words (with the short verb phrase a bound may reach across:
至少需要 3 亿元; symbols such as ≤), rank words, words that hold a numeral but no amount
(二手, 一切, 四川), discounts and character variants (萬, 壹佰) come from
``data/quantities.yaml``. Also read: 500 余万 / 五百多万 / 二十几万 (a bound before the
magnitude), 3万4000 / 5万4千6百 / 1千零20, 1，234 (a full-width comma before exactly three
digits), -3.5 / 负三十二, 2e5 / 2^5, 1/2.3 英寸, 千分之 / 16分之5, 三又三分之一 / 1 3/5,
五兆六十二亿 (兆 above 亿), 5 千米 (a unit that opens with a magnitude character is the
unit), 三年半 / 三成半 (X unit 半), 八折 / 7.5折 / 5~6折 (a price as a percent of the
original), 三四百万 / 十七八岁 (an estimate: a range, qualifier approx), 10与20之间 (a range),
and X 至 Y after a change verb as two numbers (增持 77.1 万股至 344.45 万股: the change, then
the level). Also: numerals spaced out character by character (一百 五 十 二, 百 分 之 2.4:
``join_spaced_numerals``), k / M after digits (40k, 3M像素; with no unit no claim, as 4K), 打
as a dozen, 半百, 四万万, 七成六, 十几万多亿, compound money (五元三毛, 两美元又三美分), 两 as a
weight at the end of a phrase (三十两), and the bounds 等于, 之下, 比 N 大. A numeral that does
not read as a whole keeps its longest readable start (五十千 is 五十). URLs and e-mail addresses are protected spans. ``join_bounds`` joins two bounds of
one range (大于10小于20) for users who want intervals; the record keeps them apart. Chinese
numerals are converted with cn2an (called on numeral spans only: its ``transform`` would
rewrite ordinary words such as 一样). Every regex runs with a timeout.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an
import regex

from pipeline.tables import alternation as _alternation
from pipeline.tables import load_table

REGEX_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Quantity:
    """One numeric expression. ``text == source[start:end]`` runs from the first digit to
    the end of the unit; qualifier words in front (约, 超过) or behind (以上, 左右) are
    outside it and located by ``qualifier_span``."""

    start: int
    end: int
    text: str
    value: int | float | None  # base units (亿/万 expanded); percent stays in percent units
    value_max: int | float | None = None  # upper end of a range
    unit: str | None = None  # ISO 4217, "%", "pp", "x", physical unit, measure word, or None
    qualifier: str = "exact"  # exact|approx|more_than|at_least|less_than|at_most
    qualifier_span: tuple[int, int] | None = None
    kind_hint: str | None = None  # "rank" for 第N after 位列/排名
    unit_kind: str | None = None  # currency | ratio | physical | duration | count
    non_claim: str | None = None  # why this is not a claim, else None
    explanation: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_claim(self) -> bool:
        return self.non_claim is None


# --------------------------------------------------------------------------- tables

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CN_DIGIT_TO_ARABIC = str.maketrans("〇零一二两三四五六七八九", "001223456789")
# Percent values with at most this many decimals are kept exact (千分之111.112 = 11.1112 %).
_EXACT_PERCENT = Decimal("1e-6")
_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_NUMERAL = _CN_DIGIT + "十百千万亿"


@dataclass(frozen=True)
class _Grammar:
    magnitudes: dict[str, int]
    arabic_magnitudes: dict[str, int]  # magnitudes and the Latin ones (k, M) written after digits
    units: dict[str, tuple[str, str, int | Decimal]]  # surface → (unit code, unit kind, factor)
    prefix_currencies: dict[str, str]
    qualifiers_before: dict[str, str]
    qualifiers_inner: dict[str, str]
    qualifiers_after: dict[str, str]
    before_false_friends: tuple[str, ...]
    numeral_words: regex.Pattern  # words holding a numeral that is not an amount (一切, 四川)
    fold_always: dict[int, str]
    fold_in_numerals: dict[str, str]
    variant_run: regex.Pattern  # a run of numeral characters holding a variant (壹佰, 貳萬)
    half: dict
    index_points: dict
    numeral: regex.Pattern
    unit_pattern: regex.Pattern
    per_unit: regex.Pattern  # 元/平方米: what a price is per (data: quantities.yaml per_units)
    qualifier_before_pattern: regex.Pattern
    qualifier_after_pattern: regex.Pattern
    range_pattern: regex.Pattern
    between_joiner: regex.Pattern
    between_closer: regex.Pattern
    rank_context: regex.Pattern
    discount_halves: tuple[str, ...]
    discount_body: regex.Pattern  # what may stand before 折 (八, 7.5, 75, 七五, 对)
    latin_magnitude: regex.Pattern  # k, K, M after digits
    dozen_word: str
    dozen_factor: int
    standalone_units: frozenset[str]
    minor_currency: dict[str, regex.Pattern]  # currency code → its smaller units after the main one
    #   (a chain: the captures of ``n`` and ``u`` are its parts)
    minor_factors: dict[str, dict[str, Decimal]]
    comparison_before: str
    comparison_after: regex.Pattern
    comparison_qualifiers: dict[str, str]
    tenths_units: tuple[str, ...]
    after_needs_before: dict[str, tuple[str, ...]]


_DIGIT = "0-9０-９"
_MAGNITUDE_CHARS = "十百千万亿"
# Digits after 点 in a Chinese decimal: 两 is never one (一点两小时 is 一 and 两 hours).
_CN_DECIMAL_DIGIT = "零〇一二三四五六七八九"
# 兆 above 亿 (五兆六十二亿): 10¹², read only when a count of 亿 follows; elsewhere 兆 is mega (兆瓦).
_TRILLION = "兆"


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    table = load_table("quantities")
    magnitudes = {k: int(v) for k, v in table["magnitudes"].items()}
    latin_magnitudes = {k: int(v) for k, v in table["latin_magnitudes"].items()}
    latin = rf"(?:{_alternation(latin_magnitudes)})(?![A-Za-z])"
    units: dict[str, tuple[str, str, int]] = {}
    for word in table["measure_words"]:
        units[word] = (word, "count", 1)
    for word in table["durations"]:
        units[word] = (word, "duration", 1)
    for word in table["physical_units"]:
        units[word] = (word, "physical", 1)
    units[table["index_points"]["word"]] = (table["index_points"]["word"], "physical", 1)
    for word, (code, factor) in table["ratios"].items():
        units[word] = (code, "ratio", Decimal(str(factor)))  # 基点: 0.01 pp
    for word, code in table["currencies"]["suffix"].items():
        if not any(word.startswith(m) for m in magnitudes):
            units[word] = (code, "currency", 1)
    qualifiers = table["qualifiers"]
    # A magnitude character that opens a unit word is the unit's (5 千米, 1.2 百分点).
    unit_words_at_magnitude = _alternation(u for u in units if u[0] in _MAGNITUDE_CHARS)
    magnitude = rf"(?!{unit_words_at_magnitude})(?:{_alternation(magnitudes)})"
    magnitude_alt = _alternation(magnitudes)
    inner_alt = _alternation(qualifiers["inner"])
    # 十几万多亿, 500万余亿: an inner qualifier may also stand between two magnitudes
    magnitudes_with_inner = rf"(?:{magnitude}(?:(?:{inner_alt})(?={magnitude}))?)*"
    dozen = table["dozen"]["word"]
    # 1,234 / 1，234 (a full-width comma only before exactly three digits), 3.5, -3.5
    # A minus sign, unless the dash joins two amounts (2005年-2008年, 3万-5万, 15%-20%).
    unit_chars = "".join(sorted(u for u in units if len(u) == 1 and regex.match(r"\p{Han}", u)))
    sign = (rf"(?:(?<![{_DIGIT}A-Za-z.．%％)）{_CN_NUMERAL}{unit_chars}\-－−])[-－−](?=[.．]?[{_DIGIT}])"
            rf"|负(?=[{_DIGIT}]))?")
    # .5 (no integer part) only where no word or number stands before the point
    # After a Latin currency sign ($20，300美圆) only the ASCII comma groups digits: the full-width
    # one is a clause break there.
    latin_signs = "".join(sorted({k[-1] for k in table["currencies"]["prefix"] if not regex.search(r"[\p{Han}A-Za-z￥]", k[-1])}))
    digits = (rf"(?:(?:(?<![{regex.escape(latin_signs)}]\ ?)[{_DIGIT}]{{1,3}}(?:[,，][{_DIGIT}]{{3}}(?![{_DIGIT}]))+"
              rf"|[{_DIGIT}]{{1,3}}(?:,[{_DIGIT}]{{3}}(?![{_DIGIT}]))+|[{_DIGIT}]+)(?:[.．][{_DIGIT}]+)?"
              rf"|(?<![{_DIGIT}A-Za-z.．])(?<![{_DIGIT}]\ )[.．][{_DIGIT}]+)")
    # 2e5, 12.32e+14, 2^5, 2.5^-1: scientific notation and powers
    exponent = rf"(?:[eE][-+－]?[{_DIGIT}]+|\^[-+－]{{0,2}}[{_DIGIT}]+)(?![{_DIGIT}A-Za-z])"
    # 3万4000, 1亿2000万, 5万4千6百, 1千零20: smaller amounts written after a magnitude
    def below(big: str) -> str:
        return rf"(?!{unit_words_at_magnitude})(?:{_alternation(m for m, v in magnitudes.items() if v < magnitudes[big])})"
    step = "|".join(rf"(?<={big})零?[{_DIGIT}]{{1,{width}}}{below(big)}"
                    for big, width in (("亿", 4), ("万", 4), ("千", 3), ("百", 2)))
    continuation = (rf"(?:{step})*(?:(?<=万)[{_DIGIT}]{{4}}(?![{_DIGIT}.．])"
                    rf"|(?<=[千百万亿])零[{_DIGIT}]{{1,3}}(?![{_DIGIT}.．]))?")
    # 两 is a digit before a magnitude (两百, 三千两百), alone (两家) or in the estimate 一两; at
    # the end of a longer numeral it is the weight (三十两 = 30 两, not 32).
    cn_digit = (rf"(?:[{_CN_DIGIT.replace('两', '')}]|两(?=[{_MAGNITUDE_CHARS}])|(?<![{_CN_NUMERAL}])两"
                rf"|(?<=(?<![{_CN_NUMERAL}])一)两)")
    cn_numeral = rf"(?:{cn_digit}|(?!{unit_words_at_magnitude})[{_MAGNITUDE_CHARS}])+"
    # 半百 = 50, 半成 = 5 %: 半 as a numeral only before a magnitude or 成 (not 一半, 半成品)
    cheng_clash = "".join(_UNIT_WORD_CLASH["成"])
    half_numeral = rf"(?<!一)半(?:[百千万亿]+|(?=成(?![{cheng_clash}])))"
    cn_trillions = rf"(?:{cn_numeral}{_TRILLION}(?=[{_CN_NUMERAL}]*亿))?"
    discounts = table["discounts"]
    discount_body = (rf"[1-9１-９](?:[.．][0-9０-９])?(?![0-9０-９])|[1-9１-９]{{2}}"
                     rf"|[一二三四五六七八九]{{2}}|[一二两三四五六七八九](?:点[一二三四五六七八九])?"
                     rf"|{_alternation(discounts['halves'])}")
    numeral = regex.compile(
        rf"""
        (?P<percent_cn>百分之(?P<pc_body>[{_CN_NUMERAL}点]+|{digits}(?:\ ?{latin})?))
      | (?P<mixed>(?P<m_whole>负?[{_CN_NUMERAL}]+|[{_DIGIT}]+)又
            (?P<m_den>[{_CN_NUMERAL}]+|[{_DIGIT}]+)分之(?P<m_num>[{_CN_NUMERAL}]+(?:点[{_CN_DECIMAL_DIGIT}]+)?|{digits})
        | (?P<m_int>(?<![{_DIGIT}.．])[{_DIGIT}]+)\ (?P<m_slash>[{_DIGIT}]+[/／][{_DIGIT}]+)(?![{_DIGIT}/／.．]))
      | (?P<fraction>(?P<den>负?(?:[{_CN_NUMERAL}]+|[{_DIGIT}]+))分之(?P<num>负?(?:[{_CN_NUMERAL}]+(?:点[{_CN_DECIMAL_DIGIT}]+)?|{digits})))
      | (?P<discount>(?<![{_DIGIT}.．{_CN_NUMERAL}点{_alternation(discounts['not_after'])}])(?P<d_body>{discount_body})
            {regex.escape(discounts['word'])}(?![{discounts['not_before']}]))
      | (?P<doubling>翻(?:了)?(?P<times>[一二两三四])?番)
      | (?P<vague>[数几](?:{magnitude_alt})+)
      | (?P<over>上(?:{magnitude_alt}))
      | (?P<level>(?:{magnitude_alt})级)
      | (?P<slash>(?<![{_DIGIT}.．/／])(?:(?<![{_DIGIT}A-Za-z])[-－−])?[{_DIGIT}]+[/／][{_DIGIT}]+(?:[.．][{_DIGIT}]+)?(?![{_DIGIT}/／]))
      | (?P<arabic>(?<![{_DIGIT}.．]){sign}(?<![{_DIGIT}.．]){digits}(?:{exponent})?
            (?:\ ?(?P<a_inner>{inner_alt})(?=\ ?{magnitude}))?(?:\ ?(?:{magnitude}(?:(?:{inner_alt})(?={magnitude}))?|{latin}))*{continuation})
      | (?P<half>{half_numeral})
      | (?P<chinese>(?:负(?=[{_CN_NUMERAL}]))?{cn_trillions}{cn_numeral}(?:点[{_CN_DECIMAL_DIGIT}]+)?
            (?:(?P<c_inner>{inner_alt})(?={magnitude}))?{magnitudes_with_inner}(?P<dozen>{dozen}(?![{_CN_NUMERAL}{_DIGIT}]))?)
        """,
        regex.VERBOSE,
    )
    # A unit word that opens a longer word is no unit (48亿天价: 天价, no days).
    unit_word_openers = "".join(
        rf"|(?<={regex.escape(unit)})[{regex.escape(following)}]" for unit, following in table["unit_word_openers"].items())
    unit_pattern = regex.compile(
        rf"\ ?(?P<inner>{inner_alt})?\ ?(?P<unit>{_alternation(units)})(?!(?<=[A-Za-z])[A-Za-z]{unit_word_openers})")
    prefix_alt = _alternation(table["currencies"]["prefix"])
    bridge = rf"(?:(?:{_alternation(qualifiers['bridge_modals'])})?(?:{_alternation(qualifiers['bridge_verbs'])})?\ ?)"
    # 小于 或 等于100, < = 100: a qualifier word may be spaced out character by character
    spaced_before = "|".join(r"\ *".join(regex.escape(ch) for ch in word)
                             for word in sorted(qualifiers["before"], key=len, reverse=True))
    qualifier_before_pattern = regex.compile(
        rf"(?:(?P<qual>{spaced_before})\ ?{bridge})?(?:(?P<cur>{prefix_alt})\ ?)?$"
    )
    # (not a plus between two numbers: 1+1)
    qualifier_after_pattern = regex.compile(rf"\ ?(?P<qual>{_alternation(qualifiers['after'])})(?![0-9０-９])")
    separators = "".join(regex.escape(s) for s in table["range_separators"] if len(s) == 1)
    range_pattern = regex.compile(rf"\ ?(?:[{separators}]|到)\ ?")
    between = table["between"]
    numeral_char = rf"[{''.join(table['character_variants']['in_numerals'])}{_CN_NUMERAL}负点]"
    rank_context = regex.compile(rf"(?:{_alternation(table['rank_words'])})[^\P{{Han}}的第]{{0,4}}第\ ?$")
    comparison = qualifiers["comparison"]
    minor = table["currencies"]["minor"]
    minor_joiners = _alternation(table["currencies"]["minor_joiners"])
    one_number = rf"(?:[{_DIGIT}]+|[{_CN_DIGIT}])"
    return _Grammar(
        magnitudes=magnitudes,
        arabic_magnitudes={**magnitudes, **latin_magnitudes},
        latin_magnitude=regex.compile(latin),
        dozen_word=dozen,
        dozen_factor=int(table["dozen"]["factor"]),
        standalone_units=frozenset(table["standalone_units"]),
        minor_currency={
            code: regex.compile(rf"(?:\ ?(?:{minor_joiners})?\ ?(?P<n>{one_number})\ ?(?P<u>{_alternation(units_)}))+(?!\p{{Han}})")
            for code, units_ in minor.items()},
        minor_factors={code: {u: Decimal(str(f)) for u, f in units_.items()} for code, units_ in minor.items()},
        comparison_before=comparison["before"],
        comparison_after=regex.compile(
            rf"\ ?(?P<word>{_alternation(comparison['after'])})(?![{comparison['not_before']}])"
            + (rf"(?![{_DIGIT}]|[{_CN_NUMERAL}半](?![些点]))" if comparison.get("not_before_numeral") else "")),
        tenths_units=tuple(table["tenths_after_unit"]),
        after_needs_before={w: tuple(b) for w, b in qualifiers["after_needs_before"].items()},
        comparison_qualifiers=dict(comparison["after"]),
        units=units,
        prefix_currencies=dict(table["currencies"]["prefix"]),
        qualifiers_before=dict(qualifiers["before"]),
        qualifiers_inner=dict(qualifiers["inner"]),
        qualifiers_after=dict(qualifiers["after"]),
        before_false_friends=tuple(qualifiers["before_false_friends"]),
        numeral_words=regex.compile(rf"(?<![{_CN_NUMERAL}])(?:{_alternation(table['numeral_words'])})(?![{_CN_NUMERAL}])"),
        fold_always=str.maketrans(table["character_variants"]["always"]),
        fold_in_numerals=dict(table["character_variants"]["in_numerals"]),
        variant_run=regex.compile(rf"{numeral_char}*分之{numeral_char}+|{numeral_char}{{2,}}"),
        half=dict(table["half_after_unit"]),
        index_points=dict(table["index_points"]),
        numeral=numeral,
        unit_pattern=unit_pattern,
        per_unit=regex.compile(rf"\ ?[/／]\ ?(?P<per>{_alternation(table['per_units'])})"),
        qualifier_before_pattern=qualifier_before_pattern,
        qualifier_after_pattern=qualifier_after_pattern,
        range_pattern=range_pattern,
        between_joiner=regex.compile(rf"\ ?(?:{_alternation(between['joiners'])})\ ?"),
        between_closer=regex.compile(rf"\ ?(?:{_alternation(between['closers'])})"),
        rank_context=rank_context,
        discount_halves=tuple(discounts["halves"]),
        discount_body=regex.compile(discount_body),
    )


# --------------------------------------------------------------------------- values

class NotANumber(ValueError):
    """A span that looks numeric but does not parse (e.g. 万一 in 万一出现)."""


def _to_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_chinese_numeral(text: str) -> Decimal:
    """Value of a Chinese numeral (五千六百二十亿, 两万, 七点五, 二〇二二, 百亿, 四万万, 百三)."""
    text = _normal_chinese_numeral(text)
    if all(ch in "〇零一二三四五六七八九" for ch in text) and len(text) > 1:
        if len(text) == 2 and not any(ch in "〇零" for ch in text):
            raise NotANumber(text)  # 一五年, 九九: a short year or a word, not 15 or 99
        digits = text.translate(_CN_DIGIT_TO_ARABIC)
        return Decimal(digits)  # digit-by-digit form, as in years (二〇二二)
    magnitudes = grammar().magnitudes
    if len(text) > 1 and text in magnitudes:
        return Decimal(magnitudes[text])  # a bare magnitude word: 百亿, 千万
    head, trillion, tail = text.partition(_TRILLION)
    if trillion and head and tail:  # 五兆六十二亿: the 兆s, then what is below them
        rest = parse_chinese_numeral(tail)
        if rest >= 10**12:
            raise NotANumber(text)
        return parse_chinese_numeral(head) * 10**12 + rest
    try:
        return Decimal(str(cn2an.cn2an(text, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation) as error:
        # 三百九十五万四千七百九十一亿一千: 万 inside the count of 亿 (万亿 and above), which
        # cn2an writes but does not read. Read the 亿s and the rest apart.
        head, yi, tail = text.rpartition("亿")
        if yi and head and "万" in head:
            tail = tail.lstrip("零")
            rest = parse_chinese_numeral(tail) if tail else Decimal(0)
            if rest < 10**8:
                return parse_chinese_numeral(head) * 10**8 + rest
        raise NotANumber(text) from error


# 百零十 / 千零十: 零 before a bare 十 (一百零十万 = 110 万); cn2an reads only 一百一十.
_ZERO_TEN = regex.compile(r"(?<=[百千万亿])零十")
# 百三, 千三: a magnitude and one digit count one of it (130, 1300); 千八百 (a thousand or so) is not read so.
_OPENING_MAGNITUDE = regex.compile(r"^(?=[百千][一二三四五六七八九]$)")


def _normal_chinese_numeral(text: str) -> str:
    """``text`` in the form cn2an reads: 万万 is 亿 (四万万), a leading 零 before a magnitude is
    dropped (零十 = 十), 零十 after a magnitude is 一十, an opening 百/千/万 counts one."""
    text = text.replace("万万", "亿")
    if len(text) > 1 and text[0] == "零" and text[1] in _MAGNITUDE_CHARS:
        text = text[1:]
    text = _ZERO_TEN.sub("一十", text)
    return _OPENING_MAGNITUDE.sub("一", text)


def _strip_inner_between(text: str, g: "_Grammar") -> tuple[str, str | None]:
    """``text`` without the inner qualifiers that stand between two magnitudes (十几万多亿,
    500万余亿: 多 and 余), and the first of them."""
    found = None

    def drop(match: regex.Match) -> str:
        nonlocal found
        found = found or match.group()
        return ""

    return _inner_between_pattern().sub(drop, text), found


@lru_cache(maxsize=1)
def _inner_between_pattern() -> regex.Pattern:
    inner = _alternation(grammar().qualifiers_inner)
    return regex.compile(rf"(?<=[{_MAGNITUDE_CHARS}])(?:{inner})(?=[{_MAGNITUDE_CHARS}])")


def _magnitude_product(text: str, magnitudes: dict[str, int]) -> Decimal:
    product, rest = Decimal(1), text.replace(" ", "")
    while rest:
        word = next((w for w in sorted(magnitudes, key=len, reverse=True) if rest.startswith(w)), None)
        if word is None:
            raise NotANumber(text)
        product *= magnitudes[word]
        rest = rest[len(word):]
    return product


def numeral_value(match: regex.Match, g: "_Grammar") -> tuple[Decimal, Decimal, str | None]:
    """``(value, multiplier, inner qualifier word)`` of an ``arabic``, ``chinese`` or
    ``slash`` match of the numeral pattern (500 余万 → 5000000, 10⁴, 余)."""
    kind = match.lastgroup
    text = match.group(kind)
    if kind == "slash":
        return parse_fraction(text), Decimal(1), None
    inner_group = "a_inner" if kind == "arabic" else "c_inner"
    inner = match.group(inner_group)
    if kind == "arabic":
        if inner:
            text = text[:match.start(inner_group) - match.start(kind)] + text[match.end(inner_group) - match.start(kind):]
        text, between = _strip_inner_between(text, g)
        value, multiplier = parse_arabic(text, g.arabic_magnitudes)
        return value, multiplier, inner or between
    dozen = Decimal(1)
    if match.group("dozen"):  # 五十打: 50 dozen
        text, dozen = text[:-len(g.dozen_word)], Decimal(g.dozen_factor)
    keep = match.end("c_inner") - match.start(kind) if inner else 0  # 十几万多亿: 几 is c_inner
    tail, between = _strip_inner_between(text[keep:], g)
    text, inner = text[:keep] + tail, inner or between
    value, multiplier, inner = _chinese_value(match, text, inner, g)
    return value * dozen, multiplier, inner


def _chinese_value(match: regex.Match, text: str, inner: str | None, g: "_Grammar") -> tuple[Decimal, Decimal, str | None]:
    """Value of a ``chinese`` match whose text (dozen and inner words between magnitudes
    already taken out) is ``text``."""
    if match.group("c_inner"):  # 五百多万: the numeral, then the magnitude after 多
        head = text[:match.start("c_inner") - match.start("chinese")]
        tail = text[match.end("c_inner") - match.start("chinese"):]
        sign = Decimal(-1) if head.startswith("负") else Decimal(1)
        multiplier = _magnitude_product(tail, g.magnitudes)
        return sign * parse_chinese_numeral(head.removeprefix("负")) * multiplier, multiplier, inner
    sign = Decimal(1)
    if text.startswith("负"):  # 负三十二
        sign, text = Decimal(-1), text[1:]
    value = parse_chinese_numeral(text)
    # Without a unit, only 万 and 亿 make a Chinese numeral an amount (两万 yes, 十分 no).
    return sign * value, Decimal(10000 if any(ch in "万亿" for ch in text) else 1), inner


def discount_percent(match: regex.Match) -> Decimal:
    """The price ratio, in percent, of a ``discount`` match: 八折 80, 7.5折 75, 75折 / 七五折 75,
    对折 50."""
    return _discount_body_percent(match.group("d_body"))


def _discount_body_percent(body: str) -> Decimal:
    body = body.translate(_FULL_WIDTH_DIGITS)
    if body in grammar().discount_halves:
        return Decimal(50)
    if not body[0].isdigit():
        body = body.translate(_CN_DIGIT_TO_ARABIC).replace("点", ".")
    if len(body) == 2:  # 75折, 七五折: two digits name the percent
        return Decimal(body)
    return Decimal(body) * 10


def mixed_value(match: regex.Match) -> Decimal:
    """Value of a ``mixed`` match: 三百五十又三分之一, 负一又二分之一 (−1.5), 1 3/5."""
    if match.group("m_int") is not None:
        return parse_arabic(match.group("m_int"), {})[0] + parse_fraction(match.group("m_slash"))
    whole_text = match.group("m_whole")
    negative = whole_text.startswith("负")
    whole = _fraction_part(whole_text.removeprefix("负"))
    try:
        part = _fraction_part(match.group("m_num")) / _fraction_part(match.group("m_den"))
    except ArithmeticError as error:
        raise NotANumber(match.group()) from error
    return -(whole + part) if negative else whole + part


def fraction_ratio(match: regex.Match) -> Decimal:
    """``num / den`` of a ``fraction`` match (三分之一, 千分之2.4, 16分之5)."""
    try:
        return _fraction_part(match.group("num")) / _fraction_part(match.group("den"))
    except ArithmeticError as error:  # 0分之2: no such fraction
        raise NotANumber(match.group()) from error


def _fraction_part(text: str) -> Decimal:
    if text.startswith("负"):  # 负3分之负157: each part may carry its sign
        return -_fraction_part(text[1:])
    if regex.match(r"[0-9０-９]", text):
        return parse_arabic(text, grammar().arabic_magnitudes)[0]  # 百分之15k
    magnitudes = grammar().magnitudes
    text = text.replace("万万", "亿")  # 万万分之七: 万万 is 亿
    if text in magnitudes:  # 千分之一, 万分之三: a bare magnitude is the denominator
        return Decimal(magnitudes[text])
    return parse_chinese_numeral(text)


def parse_arabic(text: str, magnitudes: dict[str, int]) -> tuple[Decimal, Decimal]:
    """``(value, multiplier)`` of ``3.46 亿`` / ``1,751`` / ``１２亿`` / ``-3.5`` / ``3万4000``:
    the multiplier is the product of the magnitude words after the first number (10⁸ for
    亿, 1 when there is none). A smaller amount may follow a magnitude (3万4000, 1亿2000万)."""
    core = text.translate(_FULL_WIDTH_DIGITS).replace(" ", "")
    negative = core[:1] in "-－−负"
    rest = core[1:] if negative else core
    words = sorted(magnitudes, key=len, reverse=True)
    parts: list[tuple[Decimal, Decimal]] = []
    while rest:
        if parts and rest.startswith("零"):
            rest = rest[1:]  # 1千零20
        match = _ARABIC_NUMBER.match(rest)
        if not match:
            raise NotANumber(text)
        multiplier = Decimal(1)
        rest = rest[match.end():]
        while rest and not rest[0].isdigit() and not rest.startswith("零"):
            word = next((w for w in words if rest.startswith(w)), None)
            if word is None:
                raise NotANumber(text)
            multiplier *= magnitudes[word]
            rest = rest[len(word):]
        value = _arabic_value(match) * multiplier
        if parts and (parts[-1][1] <= 1 or value >= parts[-1][1]):
            raise NotANumber(text)  # 3万5万: not one amount
        parts.append((value, multiplier))
    if not parts:
        raise NotANumber(text)
    total = sum(value for value, _ in parts)
    return (-total if negative else total), parts[0][1]


_ARABIC_NUMBER = regex.compile(
    r"(?P<mantissa>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(?:(?P<e>[eE])(?P<e_exp>[-+－]?[0-9]+)|\^(?P<p_exp>[-+－]{0,2}[0-9]+))?")
# A power above this is not a number anyone writes; it would only cost time to compute.
_MAX_EXPONENT = 100


def _arabic_value(match: regex.Match) -> Decimal:
    """Value of one ``_ARABIC_NUMBER`` match: 1,751 / .5 / 2e5 / 2.5^-1."""
    mantissa = Decimal(match.group("mantissa").replace(",", ""))
    exponent_text = match.group("e_exp") or match.group("p_exp")
    if exponent_text is None:
        return mantissa
    digits = exponent_text.lstrip("-+－")
    negative_exponent = sum(ch in "-－" for ch in exponent_text[:len(exponent_text) - len(digits)]) % 2 == 1
    exponent = int(digits)
    if exponent > _MAX_EXPONENT:
        raise NotANumber(match.group())
    exponent = -exponent if negative_exponent else exponent
    if match.group("e"):
        return mantissa.scaleb(exponent)
    try:
        return mantissa ** exponent
    except (InvalidOperation, ArithmeticError) as error:  # 0^-1
        raise NotANumber(match.group()) from error


def parse_fraction(text: str) -> Decimal:
    """Value of ``1/2.3`` (a slash fraction, as in 1/2.3 英寸)."""
    numerator, _, denominator = text.translate(_FULL_WIDTH_DIGITS).replace("／", "/").partition("/")
    try:
        return Decimal(numerator) / Decimal(denominator)
    except (InvalidOperation, ArithmeticError) as error:
        raise NotANumber(text) from error


def parse_number(text: str) -> int | float:
    """The value of one numeral string, Arabic, Chinese or mixed (3.46亿, 五千六百二十亿,
    500余万, 3万4000, 1/2.3)."""
    text = text.strip()
    g = grammar()
    match = g.numeral.fullmatch(text, timeout=REGEX_TIMEOUT_S)
    if match and match.lastgroup in ("arabic", "chinese", "slash"):
        return _to_number(numeral_value(match, g)[0])
    if regex.match(r"[0-9０-９]", text):
        value, _multiplier = parse_arabic(text, g.magnitudes)
    else:
        value = parse_chinese_numeral(text)
    return _to_number(value)


# --------------------------------------------------------------------------- non-claim spans

@lru_cache(maxsize=1)
def _protected_pattern() -> regex.Pattern:
    """URLs and e-mail addresses, phones, dates, times, stock and product codes, and the
    share-price quote a news site writes after a company name (圆通速递(16.700,0.69,4.31%):
    price, change, change %):
    spans that are never quantities. Sizes multiplied out (71×75×134mm, 3648×2736) describe
    a shape or a resolution, not one amount.

    A number written straight before a ratio unit (2089.01%) is a quantity, never a date;
    digits followed by a Latin unit of the table (28mm, 3.5GWh) are a quantity, not a code."""
    g = grammar()
    ratio_after = _alternation(w for w, (_code, kind, _f) in g.units.items() if kind == "ratio")
    latin_units = _alternation(w for w in g.units if regex.fullmatch(r"[A-Za-z]+", w))
    latin_magnitudes = _alternation(m for m in g.arabic_magnitudes if m not in g.magnitudes)
    all_units = _alternation(g.units)
    return regex.compile(
        rf"""
    (?P<url>(?:https?://|ftp://|www\.)[^\s\p{{Han}}，。；、）)」』>"'“”]+
      | [A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}})
  | (?P<phone>(?<![0-9])(?:\+?86[-\ ]?)?1[3-9][0-9]{{9}}(?![0-9])
      | (?<![0-9])0[0-9]{{2,3}}[-\ ]?[0-9]{{7,8}}(?![0-9])
      | (?<![0-9])[48]00[-\ ]?[0-9]{{3}}[-\ ]?[0-9]{{4}}(?![0-9])
      | [(（]0[0-9]{{2,3}}[)）][0-9]{{7,8}})
  | (?P<date>(?<![0-9])(?:19|20)[0-9]{{2}}[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12][0-9]|3[01]))?(?![0-9])
        (?!\ ?(?:{ratio_after}))
      | (?<![0-9])[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9]))
  | (?P<quote>[(（]\ ?[0-9]+(?:\.[0-9]+)?\ ?[,，]\ ?[-+]?[0-9]+(?:\.[0-9]+)?\ ?[,，]\ ?[-+]?[0-9]+(?:\.[0-9]+)?[%％]\ ?[)）])
  | (?P<stock>(?<![0-9A-Za-z])[0-9]{{6}}\.(?:SH|SZ|BJ|sh|sz)\b
      | (?<![0-9A-Za-z])[0-9]{{4,5}}\.(?:HK|hk)\b
      | (?:SH|SZ|HK|sh|sz|hk)[0-9]{{4,6}}(?![0-9])
      | (?<=[(（]\ ?)[036][0-9]{{5}}(?=\ ?[)）]))
  | (?P<dimensions>(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:\ ?[×xX*＊]\ ?[0-9]+(?:\.[0-9]+)?)+(?:\ ?(?:{all_units}))?)
  | (?P<code>(?<![0-9])[A-Za-z]+[-_]?[0-9][0-9A-Za-z.]*(?:-[0-9A-Za-z]+)*
      | (?<![0-9.])(?![0-9]+[eE][-+]?[0-9]+(?![0-9A-Za-z]))(?![0-9]+(?:{latin_magnitudes})(?![0-9A-Za-z]))
        [0-9]+(?!\ ?(?:{latin_units})(?![A-Za-z]))[A-Za-z][0-9A-Za-z]*)
    """,
        regex.VERBOSE,
    )


# How far before a number its qualifier may start (最高可获得 500 万元).
_BEFORE_WINDOW = 12
_ORDINAL_CONTEXT = regex.compile(r"第\ ?$")
# 近三年 is a span of time; after a verb (增加了近20分钟, 缩短近一半, 达近5年) 近 is "nearly".
# … and 止 closing an until-date (截至2019年6月30日止六个月: the half-year ending then)
_PERIOD_WORD_BEFORE = regex.compile(r"(?:未来|过去|(?<![了达为至到加少短长升降超增减])近|前|后|最近|这|头|首|[日号]止|[日号]止的)\ ?$")
_VERSION_BEFORE = regex.compile(r"(?:(?<![A-Za-z])[Vv]|版本|版本号)\ ?$")
_AFTER_DATE = regex.compile(r"\ ?(?:月(?!份?[0-9])|日|号|月份)")
_AFTER_QUARTER = regex.compile(r"\ ?(?:季度|季|财季|财年|年度|年代|世纪|届)")
_AFTER_TIME = regex.compile(r"\ ?(?:点(?!击|评|赞|名)|时(?!间|期|代|候|尚))")
# 两三天, 三四家: two neighbouring digits are an estimate, not 23 or 34.
_NEIGHBOUR_PAIRS = "一两|两三|二三|三四|三五|四五|五六|六七|七八|八九"
_NEIGHBOUR_DIGITS = regex.compile(rf"^(?:{_NEIGHBOUR_PAIRS})$")
# Two digit characters and nothing else: 一五年 (2015), 九九 (a name); a neighbouring pair is an estimate.
_DIGIT_PAIR = regex.compile(rf"^(?!{_NEIGHBOUR_PAIRS})[一二三四五六七八九]{{2}}$")
# 三四百万, 二三十, 十七八, 一百二三十: an estimate in a numeral is a range (3..4 百万, 20..30,
# 17..18, 120..130): what stands before the pair, each digit of it, what stands after.
_NEIGHBOUR_ESTIMATE = regex.compile(
    rf"^(?P<head>(?:[一二两三四五六七八九十百千万亿]*[十百千万亿])?)(?P<pair>{_NEIGHBOUR_PAIRS})"
    r"(?P<magnitude>[十百千万亿]*)$")
_AFTER_VERSION = regex.compile(r"\ ?(?:版本|版|代(?!表|理|码))")
_QUARTER_LETTER = regex.compile(r"[QHqh]$")
# A unit immediately followed by these characters starts another word (天猫, 台湾, 手机).
_UNIT_WORD_CLASH = {
    "天": "猫津天河",
    "台": "湾州阶",
    "手": "机游段",
    "户": "外口",
    "门": "店户槛",
    "张": "家江",
    "人": "民员士才均",
    "个": "人性股体",
    "家": "庭居电族长乡",
    "名": "单义称字",
    "部": "门分署",
    "条": "件例款",
    "只": "有是要能",
    "次": "日年",
    "起": "来步",
    "批": "发准",
    "首": "都席先次",
    "店": "铺面",
    "层": "面次级",
    "场": "景合所地",
    "单": "位价独",
    "位": "于置",
    "年": "度代级轻初底末",
    "周": "年边期",
    "件": "事",
    "项": "目",
    "所": "有以在",
    "处": "理于",
    "列": "入",
    "片": "区",
    "轮": "融",
    "笔": "记",
    "例": "如",
    "座": "谈",
    "股": "东份权票价市",
    "成": "为立本功交员果就长熟品",
    "米": "兰",
    "点": "击评赞名",
}
_DURATION_VAGUE_OR_ARTICLE = ("一", "两", "几", "数")


@dataclass(frozen=True)
class _NotAmounts:
    """Context words that make a number something other than an amount (``not_amounts``)."""

    per_basis: regex.Pattern
    reference: regex.Pattern
    ordinal_numerals: tuple[str, ...]
    format_sizes: frozenset[str]
    format_before: regex.Pattern
    format_after: regex.Pattern
    set_phrase_after: tuple[str, ...]
    top_before: regex.Pattern
    top_rank_context: regex.Pattern
    window_after: tuple[str, ...]
    tenor_after: tuple[str, ...]
    window_level_before: regex.Pattern


@lru_cache(maxsize=1)
def _not_amounts() -> _NotAmounts:
    quantities = load_table("quantities")
    table = quantities["not_amounts"]
    formats = table["format_sizes"]
    sets = quantities["set_phrase_counts"]
    return _NotAmounts(
        per_basis=regex.compile(rf"(?:{_alternation(table['per_basis_before'])})\ ?$"),
        reference=regex.compile(rf"(?:{_alternation(table['reference_before'])})\ ?$"),
        ordinal_numerals=tuple(table["ordinal_numerals"]),
        format_sizes=frozenset(size.replace(" ", "") for size in formats["sizes"]),
        format_before=regex.compile(rf"(?:{_alternation(formats['before'])})\ ?$"),
        format_after=regex.compile(rf"\ ?(?:{_alternation(formats['after'])})"),
        set_phrase_after=tuple(sets["after"]),
        top_before=regex.compile(rf"{regex.escape(sets['top_before'])}\ ?$"),
        # as the rank context of 第N (grammar().rank_context), ending in 前: 位列美国前
        top_rank_context=regex.compile(rf"(?:{_alternation(quantities['rank_words'])})"
                                       rf"[^\P{{Han}}的第前]{{0,4}}{regex.escape(sets['top_before'])}\ ?$"),
        window_after=tuple(table["duration_window"]["after"]),
        tenor_after=tuple(table["duration_window"]["tenor_after"]),
        window_level_before=regex.compile(rf"(?:{_alternation(table['duration_window']['level_before'])})\ ?$"),
    )


def _set_phrase_count(core: _Core, text: str) -> bool:
    """九大金融机构, 五连阳: a whole number above one, no unit, straight before a set-phrase word."""
    return (core.unit is None and not core.compared and core.kind in ("arabic", "chinese") and core.multiplier == 1
            and core.value is not None and core.value > 1 and core.value == core.value.to_integral_value()
            and text.startswith(_not_amounts().set_phrase_after, core.end))


def _protected_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup) for m in _protected_pattern().finditer(text, timeout=REGEX_TIMEOUT_S)]


# --------------------------------------------------------------------------- scanning

@dataclass
class _Core:
    start: int
    end: int
    value: Decimal | None
    kind: str  # which numeral alternative matched
    unit: str | None = None
    unit_kind: str | None = None
    factor: int | Decimal = 1
    qualifier: str = "exact"
    qualifier_span: tuple[int, int] | None = None
    multiplier: Decimal = Decimal(1)
    numeral_end: int = 0
    value_max: Decimal | None = None
    compared: bool = False  # 比三十大: the adjective after the number is a comparison's
    notes: list[str] = field(default_factory=list)


def _estimate_range(text: str) -> tuple[Decimal, Decimal] | None:
    """``(low, high)`` of a numeral holding a neighbour-digit estimate, else None."""
    estimate = _NEIGHBOUR_ESTIMATE.match(text)
    if estimate is None or not (estimate.group("head") or estimate.group("magnitude")):
        return None  # 两三 alone: an estimate with no value
    head, magnitude = estimate.group("head"), estimate.group("magnitude")
    try:
        low, high = (parse_chinese_numeral(head + digit + magnitude) for digit in estimate.group("pair"))
    except NotANumber:
        return None
    return (low, high) if low < high else None


# Magnitudes that count one of themselves when written alone after a bound word (十 is read by cn2an)
_LONE_MAGNITUDES = frozenset("百千万亿")


def _read_core(match: regex.Match, g: _Grammar) -> _Core | None:
    kind = match.lastgroup
    text = match.group(kind)
    start, end = match.span(kind)
    try:
        if kind == "percent_cn":
            body = match.group("pc_body")
            if estimate := _estimate_range(body):  # 百分之二三十: 20..30 %
                core = _Core(start, end, estimate[0], kind, unit="%", unit_kind="ratio", qualifier="approx",
                             value_max=estimate[1])
            else:
                core = _Core(start, end, _fraction_part(body), kind, unit="%", unit_kind="ratio")
        elif kind == "fraction":
            value = fraction_ratio(match) * 100
            if value != value.quantize(_EXACT_PERCENT):
                # A repeating share: percent to two decimals (三分之一 = 33.33 %), a tiny one
                # to four significant digits; a terminating one (千分之111.112) stays exact.
                value = value.quantize(Decimal("0.01")) if abs(value) >= 1 else Decimal(f"{value:.4g}")
            core = _Core(start, end, value, kind, unit="%", unit_kind="ratio")
        elif kind == "discount":
            core = _Core(start, end, discount_percent(match), kind, unit="%", unit_kind="ratio")
            core.notes.append(f"discount {text}: the price at {core.value} % of the original")
        elif kind == "mixed":
            core = _Core(start, end, mixed_value(match), kind)
        elif kind == "doubling":
            times = parse_chinese_numeral(match.group("times")) if match.group("times") else Decimal(1)
            core = _Core(start, end, Decimal(2) ** int(times), kind, unit="x", unit_kind="ratio")
        elif kind == "vague":
            core = _Core(start, end, None, kind, qualifier="approx", multiplier=Decimal(10))
            core.notes.append(f"vague amount {text}: no value")
        elif kind in ("over", "level"):
            word = text[1:] if kind == "over" else text[:-1]
            core = _Core(start, end, Decimal(g.magnitudes[word]), kind, qualifier="at_least",
                         multiplier=Decimal(g.magnitudes[word]))
            core.notes.append(f"{text}: at least {word}")
        elif kind == "chinese" and (estimate := _estimate_range(text)):
            low, high = estimate
            core = _Core(start, end, low, kind, qualifier="approx", value_max=high,
                         multiplier=Decimal(10000 if any(ch in "万亿" for ch in text) else 1))
            core.notes.append(f"estimate {text}: {low}..{high}")
        elif kind == "chinese" and _DIGIT_PAIR.match(text):
            core = _Core(start, end, None, kind)
            core.notes.append(f"two digits {text}: a short year (一五年) or part of a word, no value")
        elif kind in ("arabic", "chinese", "slash") and _NEIGHBOUR_DIGITS.match(text):
            core = _Core(start, end, None, kind, qualifier="approx")
            core.notes.append(f"estimate {text}: no value")
        elif kind == "half":  # 半百 = 50; 半 before 成 = 0.5 (半成 = 5 %)
            core = _Core(start, end, Decimal("0.5") * _magnitude_product(text[1:], g.magnitudes), kind,
                         multiplier=Decimal(10000 if any(ch in "万亿" for ch in text) else 1))
            core.notes.append(f"{text}: half of {text[1:] or 'one'}")
        elif kind == "chinese" and text in _LONE_MAGNITUDES:
            # 逾千家, 近百家, 超万人: a magnitude alone is a number only after a bound word
            # (千家万户, 百家号, 万人空巷 are words)
            before = g.qualifier_before_pattern.search(match.string, max(0, start - _BEFORE_WINDOW), start,
                                                       timeout=REGEX_TIMEOUT_S)
            if not (before and before.group("qual") and before.end("qual") == start):
                raise NotANumber(text)
            core = _Core(start, end, Decimal(g.magnitudes[text]), kind,
                         multiplier=Decimal(10000 if text in "万亿" else 1))
            core.notes.append(f"{text} alone after a bound word: one {text}")
        else:
            if kind == "chinese" and match.group("dozen") and _opens_word(match.string, match.start("dozen")):
                raise NotANumber(text)  # 一打开, 十打造: 打 is a verb
            value, multiplier, inner = numeral_value(match, g)
            core = _Core(start, end, value, kind, multiplier=multiplier)
            if match.group("dozen"):
                core.notes.append(f"{g.dozen_word}: a dozen")
            if inner:
                core.qualifier = g.qualifiers_inner[inner]
                group = "a_inner" if kind == "arabic" else "c_inner"
                inner_at = match.start(group) if match.group(group) else match.string.find(inner, start, end)
                core.qualifier_span = (inner_at, inner_at + len(inner))
                core.notes.append(f"qualifier {inner} → {core.qualifier}")
    except NotANumber:
        return None
    return core


def _opens_word(text: str, position: int) -> bool:
    """Whether the character at ``position`` and the next make a dictionary word (打造)."""
    from pipeline.entities import word_tags  # jieba's word list, loaded on first use

    return text[position:position + 2] in word_tags()


def _attach_unit(core: _Core, text: str, g: _Grammar) -> None:
    core.numeral_end = core.numeral_end or core.end
    if core.unit is not None:
        return
    match = g.unit_pattern.match(text, core.end, timeout=REGEX_TIMEOUT_S)
    if not match:
        return
    surface = match.group("unit")
    following = text[match.end():match.end() + 1]
    if following and following in _UNIT_WORD_CLASH.get(surface[-1], "") and len(surface) == 1:
        return
    if surface == "成" and core.kind not in ("chinese", "arabic", "half"):
        return
    if surface in g.standalone_units and regex.match(r"\ *\p{Han}", text[match.end():match.end() + 4]):
        return  # 三两句: 两 is a unit only at the end of a phrase (三十两。)
    if surface == g.index_points["word"] and (
            core.value is None
            or (core.value == core.value.to_integral_value() and core.value <= g.index_points["max_hour"])):
        return  # 下午3点: a time of day, not 3 index points
    code, unit_kind, factor = g.units[surface]
    if unit_kind == "count" and _ORDINAL_CONTEXT.search(text, max(0, core.start - 2), core.start):
        return  # 第 4 位, 第三名: an ordinal counts nothing
    core.unit, core.unit_kind, core.factor, core.end = code, unit_kind, factor, match.end()
    half = g.half
    after_half = text[core.end + len(half["word"]):core.end + len(half["word"]) + 1]
    if ((unit_kind in half["unit_kinds"] or surface in half["units"]) and text.startswith(half["word"], core.end)
            and not (after_half and after_half in half["not_before"])
            and core.value is not None and core.value == core.value.to_integral_value() and core.multiplier == 1):
        core.value += Decimal("0.5")  # 一吨半, 三年半
        core.end += len(half["word"])
        core.notes.append(f"{half['word']} after the unit: and a half")
    elif surface in g.tenths_units and _tenth_after(core, text, g):
        pass  # 七成六 = 76 %
    if unit_kind == "currency" and code in g.minor_currency:
        _attach_minor_currency(core, code, text, g)
    if unit_kind == "currency" and (per := g.per_unit.match(text, core.end)):
        core.end = per.end()  # 5.95万元/平方米: a price per unit keeps its per-unit in the text (GOLD.md)
        core.notes.append(f"per {per.group('per')}")
    if match.group("inner"):
        core.qualifier = g.qualifiers_inner[match.group("inner")]
        core.qualifier_span = match.span("inner")
        core.notes.append(f"qualifier {match.group('inner')} → {core.qualifier}")
    core.notes.append(f"unit {surface} → {code}")


_TENTH_DIGITS = "一二三四五六七八九"


def _tenth_after(core: _Core, text: str, g: _Grammar) -> bool:
    """七成六: one digit after a ratio unit counts tenths of it (7.6 成 = 76 %), where the digit
    ends the numeral (not 三成一致, 三成五家)."""
    digit = text[core.end:core.end + 1]
    if (not digit or digit not in _TENTH_DIGITS or core.value is None or core.multiplier != 1
            or core.value != core.value.to_integral_value()):
        return False
    after = core.end + 1
    if (text[after:after + 1] in _CN_NUMERAL + "点" and text[after:after + 1]
            or g.unit_pattern.match(text, after, timeout=REGEX_TIMEOUT_S)
            or g.numeral_words.match(text, core.end, timeout=REGEX_TIMEOUT_S)):
        return False
    core.value += Decimal(_TENTH_DIGITS.index(digit) + 1) / 10
    core.end = after
    core.notes.append(f"{digit} after the unit: tenths")
    return True


def _attach_minor_currency(core: _Core, code: str, text: str, g: _Grammar) -> None:
    """五元三毛 = 5.3 元, 两美元又三美分 = 2.03 美元: smaller units after the main one."""
    if core.value is None or core.multiplier != 1:
        return
    chain = g.minor_currency[code].match(text, core.end, timeout=REGEX_TIMEOUT_S)
    if chain is None:
        return
    factors = g.minor_factors[code]
    total = Decimal(0)
    for number, unit in zip(chain.captures("n"), chain.captures("u")):
        count = Decimal(number.translate(_FULL_WIDTH_DIGITS).translate(_CN_DIGIT_TO_ARABIC))
        total += count * factors[unit]
    if total >= 1:
        return  # 5元12角: not a smaller part of one 元
    core.value += -total if core.value < 0 else total
    core.end = chain.end()
    core.notes.append(f"smaller units {text[chain.start():chain.end()].strip()}: +{total}")


def _attach_context(core: _Core, text: str, g: _Grammar) -> None:
    offset = max(0, core.start - _BEFORE_WINDOW)
    before = g.qualifier_before_pattern.search(text[offset:core.start], timeout=REGEX_TIMEOUT_S)
    if before and before.group("cur"):
        currency = g.prefix_currencies[before.group("cur")]
        if core.unit is None or core.unit == currency:
            core.unit, core.unit_kind = currency, "currency"
            core.notes.append(f"currency prefix {before.group('cur')} → {currency}")
    if before and before.group("qual") and core.qualifier == "exact":
        word = before.group("qual").replace(" ", "")  # 小于 或 等于
        qual_end = offset + before.end("qual")
        if not any(text.startswith(friend, qual_end - len(friend)) for friend in g.before_false_friends):
            core.qualifier = g.qualifiers_before[word]
            core.qualifier_span = (offset + before.start("qual"), offset + before.end("qual"))
            core.notes.append(f"qualifier {word} → {core.qualifier}")
    if core.qualifier == "exact" and _set_phrase_count(core, text):
        top = _not_amounts().top_before.search(text, max(0, core.start - 2), core.start)
        if top:
            core.qualifier, core.qualifier_span = "at_most", top.span()
            core.notes.append(f"前N大: a top-{text[core.start:core.end]} bound → at_most")
    after = g.qualifier_after_pattern.match(text, core.end, timeout=REGEX_TIMEOUT_S)
    needs = g.after_needs_before.get(after.group("qual")) if after else None
    if needs and not regex.search(rf"(?:{_alternation(needs)})[^，,。；;：:！？!?的]*$", text[offset:core.start]):
        after = None  # 投入的100亿欧元之上追加: "on top of", no bound
    if after and core.qualifier in ("exact", "approx"):
        core.qualifier = g.qualifiers_after[after.group("qual")]
        core.qualifier_span = after.span("qual")
        core.notes.append(f"qualifier {after.group('qual')} → {core.qualifier}")
    if core.qualifier == "exact" and core.qualifier_span is None:
        _attach_comparison(core, text, g)


def _attach_comparison(core: _Core, text: str, g: _Grammar) -> None:
    """比三十大, 比 170 低: 比 straight before the number, the adjective straight after it."""
    lead = core.start - (1 if text[core.start - 1:core.start] == " " else 0)
    if not text.startswith(g.comparison_before, lead - len(g.comparison_before)):
        return
    adjective = g.comparison_after.match(text, core.end, timeout=REGEX_TIMEOUT_S)
    if adjective is None:
        return
    core.qualifier = g.comparison_qualifiers[adjective.group("word")]
    core.compared = True
    core.qualifier_span = (lead - len(g.comparison_before), adjective.end())
    core.notes.append(f"{g.comparison_before}…{adjective.group('word')}: compared → {core.qualifier}")


_OPENING_QUOTES = ("“", "\"", "「", "‘")
# the closing quote straight after the amount, a noun straight after it (“3元”基金; not 应为“73.54%”而非…)
_QUOTED_CATEGORY = regex.compile(r"[”\"」’](?![而和与及或的是为了也都并但则])\p{Han}")


def _non_claim_reason(core: _Core, text: str) -> tuple[str | None, str | None]:
    """``(non_claim reason, kind hint)`` from the words around the number."""
    head = text[max(0, core.start - 10):core.start]
    tail = text[core.end:core.end + 4]
    surface = text[core.start:core.numeral_end or core.end]
    if grammar().rank_context.search(head):
        return None, "rank"
    if _QUOTED_CATEGORY.match(text, core.end) and text[core.start - 1:core.start] in _OPENING_QUOTES:
        return "name", None  # “3元”基金, “1元”店: an amount in quotes naming a kind of thing
    if core.unit is None and core.kind == "arabic" and grammar().latin_magnitude.search(surface):
        return "code", None  # 4K, 12K 屏, 3M: with no unit a Latin magnitude may be a name
    if _set_phrase_count(core, text):
        rules = _not_amounts()
        if not rules.top_before.search(head):
            return None, None  # 九大金融机构: a count
        return (None, "rank") if rules.top_rank_context.search(head) else ("scope", None)
    if _ORDINAL_CONTEXT.search(head):
        return "ordinal", None
    if core.unit is None:
        if _AFTER_DATE.match(tail):
            return "date", None
        if _AFTER_QUARTER.match(tail) or _QUARTER_LETTER.search(head):
            return "period", None
        if _AFTER_TIME.match(tail):
            return "time", None
        if _AFTER_VERSION.match(tail) or _VERSION_BEFORE.search(head):
            return "version", None
    if core.unit == "年" and core.kind == "arabic" and core.value is not None and 1000 <= core.value <= 2100:
        return "year", None
    if core.unit == "年" and core.kind == "arabic" and regex.fullmatch(r"[0０][0-9０-９]", surface):
        return "year", None  # 08年: a year written with two digits (no span of time starts with 0)
    rules = _not_amounts()
    if core.unit is not None and rules.per_basis.search(head):
        return "per basis", None  # 每10股派发现金1.2元: 10 股 is what the rate is per
    if core.value == 1 and core.unit_kind == "count" and rules.reference.search(head):
        return "article", None  # 另1只基金: one thing picked out, not a count
    if core.kind == "chinese" and surface in rules.ordinal_numerals and core.unit_kind == "count":
        return "ordinal", None  # 二次会议: counts say 两
    if (core.unit_kind == "physical" and text[core.start:core.end].replace(" ", "") in rules.format_sizes
            and (rules.format_before.search(head) or rules.format_after.match(text, core.end))):
        return "format name", None  # 等效35mm焦距: the film format, not a length
    if core.unit == "年" and core.kind == "chinese" and (len(surface) == 4 or _DIGIT_PAIR.match(surface)):
        return "year", None
    if core.kind == "chinese" and _DIGIT_PAIR.match(surface):
        return "bare number", None
    if core.unit_kind == "duration" and _PERIOD_WORD_BEFORE.search(head):
        return "period", None
    if core.unit_kind == "duration" and text.startswith(rules.window_after, core.end) \
            and not rules.window_level_before.search(head):
        return "period", None  # 计划五年内, 在30天内, 三年来: a window of time; 缩短至30天内 is a level
    if core.unit_kind == "duration" and text.startswith(rules.tenor_after, core.end):
        return "tenor", None  # 1年期贷款市场报价利率, 10年期国债: the name of a term, not a span measured
    if core.unit_kind == "duration" and core.value is None:
        return "vague duration", None
    if core.kind == "chinese" and surface in _DURATION_VAGUE_OR_ARTICLE[:1] and core.unit_kind in ("count", "duration"):
        return "article", None
    if core.kind == "chinese" and surface == "一" and core.unit is None:
        return "bare number", None
    if core.unit is None and core.kind == "chinese" and all(ch in _MAGNITUDE_CHARS for ch in surface):
        return "bare number", None  # 千万 alone is also an adverb (千万不要)
    if core.unit is None and core.kind == "slash":
        return "bare number", None  # 8/15 without a unit may be a date
    if core.unit is None and core.multiplier == 1 and core.kind in ("arabic", "chinese", "half"):
        digits = regex.sub(r"[^0-9]", "", surface.translate(_FULL_WIDTH_DIGITS))
        if core.kind == "arabic" and len(digits) == 4 and 1900 <= int(digits) <= 2100 and "." not in surface:
            return "year", None
        if core.kind == "arabic" and len(digits) >= 6 and "," not in surface and "." not in surface:
            return "code", None
        return "bare number", None
    return None, None


def _quantity(core: _Core, text: str) -> Quantity:
    value = None if core.value is None else _to_number(core.value * core.factor)
    value_max = None if core.value_max is None else _to_number(core.value_max * core.factor)
    reason, hint = _non_claim_reason(core, text)
    return Quantity(
        start=core.start,
        end=core.end,
        text=text[core.start:core.end],
        value=value,
        value_max=value_max,
        unit=core.unit,
        qualifier=core.qualifier,
        qualifier_span=core.qualifier_span,
        kind_hint=hint,
        unit_kind=core.unit_kind,
        non_claim=reason,
        explanation=tuple(core.notes),
    )


# A forecast gives its change as a range (预计…将减少4861万元到5861万元)
_FORECAST_RANGE_CUE = regex.compile(r"预计|预期|预测|预告")
# A range separator that is also the 至 of 增至: after a change verb it introduces the new level.
_LEVEL_WORDS = ("至", "到")


@lru_cache(maxsize=1)
def _change_verb_pattern() -> regex.Pattern:
    verbs = [w for words in load_table("claims")["change_verbs"].values() for w in words]
    return regex.compile(rf"(?:{_alternation(verbs)})了?\ ?$")


def _change_verb_before(text: str, start: int) -> bool:
    return _change_verb_pattern().search(text, max(0, start - 8), start, timeout=REGEX_TIMEOUT_S) is not None


def _try_range(first: _Core, text: str, g: _Grammar) -> _Core | None:
    """The second half of ``6 亿至 8 亿元`` / ``10-20 万`` / ``10～20%`` / ``10000与20000之间``
    after ``first``."""
    if first.kind not in ("arabic", "chinese") or first.value is None or first.value_max is not None:
        return None
    separator = g.range_pattern.match(text, first.end, timeout=REGEX_TIMEOUT_S)
    between = separator is None
    if between:
        separator = g.between_joiner.match(text, first.end, timeout=REGEX_TIMEOUT_S)
        if not separator:
            return None
    match = g.numeral.match(text, separator.end(), timeout=REGEX_TIMEOUT_S)
    if match and match.lastgroup == "discount" and first.unit is None and not between:
        first_body = text[first.start:first.end]
        if not g.discount_body.fullmatch(first_body):
            return None
        second = _read_core(match, g)  # 5~6折: 50..60 %
        if second is not None:
            first.value, first.unit, first.unit_kind = _discount_body_percent(first_body), "%", "ratio"
        return second
    if not match or match.lastgroup not in ("arabic", "chinese"):
        return None
    second = _read_core(match, g)
    if second is None:
        return None
    _attach_unit(second, text, g)
    if between and second.unit is not None and g.between_closer.match(text, second.numeral_end, timeout=REGEX_TIMEOUT_S):
        # 10000与20000间: 间 closes the range here; it is not the measure word
        second = replace(second, unit=None, unit_kind=None, factor=1, end=second.numeral_end)
    if between and not g.between_closer.match(text, second.end, timeout=REGEX_TIMEOUT_S):
        return None  # 3家和5家: two amounts; only 之间 makes them the ends of one range
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return None
    if first.unit is not None and second.unit is None and (first.unit_kind == "ratio" or second.multiplier != first.multiplier):
        return None  # 按年增18%至3.2亿: a change, then the level it reached (a range writes its unit last)
    if (second.unit is None and first.unit is None and second.multiplier == 1 and not between
            and not (first.kind == second.kind == "chinese")):
        return None  # 2019-2021, 3-4: no sign these are one amount (一千到一千五百 is one)
    if (first.unit is not None and first.unit_kind != "ratio" and separator.group().strip() in _LEVEL_WORDS
            and _change_verb_before(text, first.start)
            and not (separator.group().strip() == "到" and _FORECAST_RANGE_CUE.search(text, max(0, first.start - 40), first.start))):
        # 增持 77.1 万股至 344.45 万股: the change, then the level it reached (but 预计…将减少4861万元到5861万元:
        # a forecast's range of the change)
        return None
    return second


def fold_variants(text: str) -> str:
    """``text`` with traditional and financial numeral characters in their simplified form
    (see ``character_variants`` in the table); the same length, so offsets hold."""
    g = grammar()
    text = text.translate(g.fold_always)

    def fold_run(match: regex.Match) -> str:
        return "".join(g.fold_in_numerals.get(ch, ch) for ch in match.group())

    return g.variant_run.sub(fold_run, text, timeout=REGEX_TIMEOUT_S)


# What a numeral spaced out character by character (一百 五 十 二, 百 分 之 2.4, 六 点 五 成,
# 7 万5 千4 百) is made of: numeral characters, the words of fractions, ratios and bounds
# inside a numeral, digits, and the Latin magnitudes.
_SPACED_CHARS = "零〇一二两三四五六七八九十百千万亿兆点负余多几又分之个成折打半0-9０-９.．kKＫM"
_GAP = "\\ \t\u3000"
_DIGIT_CHARS = "零〇一二两三四五六七八九0123456789０１２３４５６７８９"


@lru_cache(maxsize=1)
def _spaced_pattern() -> tuple[regex.Pattern, regex.Pattern]:
    chars = _SPACED_CHARS + "".join(grammar().fold_in_numerals)
    return (regex.compile(rf"[{chars}]+(?:[{_GAP}]+[{chars}]+)+"), regex.compile(rf"[{chars}]+"))


def join_spaced_numerals(text: str) -> tuple[str, list[int] | None]:
    """``(working text, positions)``: ``text`` with the spaces inside a numeral spaced out
    character by character taken out, and for each working character its index in ``text``
    (one more entry: ``len(text)``); ``None`` when nothing was taken out.

    Pieces are joined only when together they read as one quantity from the first character
    to the last, and never two digits straight across a space (2023 5, 1 2 3 stay apart),
    unless what they make is a discount (7 2 折)."""
    if not any(ch in text for ch in " \t\u3000"):
        return text, None
    run_pattern, piece_pattern = _spaced_pattern()
    removed: list[int] = []
    for run in run_pattern.finditer(text, timeout=REGEX_TIMEOUT_S):
        pieces = [m.span() for m in piece_pattern.finditer(text, run.start(), run.end(), timeout=REGEX_TIMEOUT_S)]
        i = 0
        while i < len(pieces) - 1:
            for j in range(len(pieces) - 1, i, -1):
                if _reads_as_one(text, pieces[i:j + 1]):
                    removed += [k for (_, e), (s, _) in zip(pieces[i:j], pieces[i + 1:j + 1]) for k in range(e, s)]
                    i = j
                    break
            i += 1
    if not removed:
        return text, None
    gone = set(removed)
    positions = [k for k in range(len(text)) if k not in gone] + [len(text)]
    return "".join(text[k] for k in positions[:-1]), positions


def _reads_as_one(text: str, pieces: list[tuple[int, int]]) -> bool:
    first, last = pieces[0][0], pieces[-1][1]
    if regex.match(r"[A-Za-z0-9０-９.．]", text[first - 1:first] if first else "") or regex.match(
            r"[A-Za-z0-9０-９]", text[last:last + 1]):
        return False  # EXP2000 MON300, 4 Months: the pieces are parts of Latin words or codes
    if any(text[e - 1] in _NO_GAP_AFTER for (_, e) in pieces[:-1]):
        return False  # 2. 100%: a list number, not 2.100; 负 and a decimal point hold to what follows
    if first and _opens_word(text, first - 1):
        return False  # 担负 一定: the first piece ends a word
    joined = fold_variants("".join(text[s:e] for s, e in pieces))
    digit_gap = any(text[e - 1] in _DIGIT_CHARS and text[s] in _DIGIT_CHARS
                    for (_, e), (s, _) in zip(pieces, pieces[1:]))
    if digit_gap and not joined.endswith(load_table("quantities")["discounts"]["word"]):
        return False
    # Read in context: the words after the last piece may hold its unit (十 余 万人), or show
    # that the last piece opens a word (500 千伏, 上千亿 两 白银).
    found = [q for q in _scan(joined + fold_variants(text[last:last + 12])) if q.start < len(joined)]
    if len(found) != 1 or found[0].value is None or found[0].start != 0 or found[0].end < len(joined):
        return False
    if found[0].end == len(joined) and _opens_word(text, last - 1):
        return False
    return not digit_gap or found[0].unit == "%"


_NO_GAP_AFTER = ".．负"


def _moved_back(q: Quantity, positions: list[int], original: str) -> Quantity:
    def back(start: int, end: int) -> tuple[int, int]:
        return positions[start], positions[end - 1] + 1 if end > start else positions[start]

    start, end = back(q.start, q.end)
    span = q.qualifier_span
    return replace(q, start=start, end=end, text=original[start:end],
                   qualifier_span=None if span is None else back(*span))


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric expression in ``text``, in order (see the module docstring)."""
    original = text
    working, positions = join_spaced_numerals(fold_variants(text))
    quantities = _scan(fold_variants(working) if positions else working)
    if positions:
        return [_moved_back(q, positions, original) for q in quantities]
    if original != working:
        quantities = [replace(q, text=original[q.start:q.end]) for q in quantities]
    return quantities


# Camera specs written with a Latin prefix (F2.8, F1.8-3.4, F/3.1-5.9, ISO 3200): the prefix
# is part of the text (GOLD.md) and no model code. An F-number has a decimal or a range; an ISO
# speed is no certificate (ISO 9001认证).
_APERTURE = regex.compile(
    r"(?<![A-Za-z0-9])F\ ?/?\ ?(?P<low>[0-9]{1,2}\.[0-9]{1,2}|[0-9]{1,2}(?=\ ?[-~～至到]\ ?F?\ ?/?\ ?[0-9]))"
    r"(?:\ ?[-~～至到]\ ?F?\ ?/?\ ?(?P<high>[0-9]{1,2}(?:\.[0-9]{1,2})?))?(?![0-9A-Za-z.])")
_ISO_SPEED = regex.compile(
    r"(?<![A-Za-z])ISO\ ?(?P<low>[0-9]{2,5})(?:\ ?[-~～至到]\ ?(?P<high>[0-9]{2,6}))?(?![0-9])"
    r"(?!\ ?(?:认证|体系|标准|质量|国际|族|:|：))")
# 一半 is half of a whole, 50 % (近一半, 一半以上); not 一半天 or a time (一点半).
_HALF = regex.compile(r"(?<![0-9零〇一二两三四五六七八九十百千万亿点])一半(?![年天月日时个小])")


@lru_cache(maxsize=1)
def _iso_standards() -> frozenset[str]:
    return frozenset(str(n) for n in load_table("quantities")["iso_standards"])


def _spec_quantities(text: str) -> list[Quantity]:
    """F-numbers, ISO speeds and 一半 (50 %), as claims with their prefix and a bound before
    or after them (最高ISO 3200, 近一半, 一半以上)."""
    g = grammar()
    found = []
    for pattern, unit in ((_APERTURE, None), (_ISO_SPEED, "ISO"), (_HALF, "%")):
        for match in pattern.finditer(text, timeout=REGEX_TIMEOUT_S):
            if unit == "ISO" and match.group("low") in _iso_standards():
                continue
            low = 50.0 if unit == "%" else float(match.group("low"))
            high = float(match.group("high")) if unit != "%" and match.group("high") else None
            if high is not None and high < low:
                low, high = high, low
            offset = max(0, match.start() - _BEFORE_WINDOW)
            before = g.qualifier_before_pattern.search(text[offset:match.start()], timeout=REGEX_TIMEOUT_S)
            qualifier = g.qualifiers_before[before.group("qual").replace(" ", "")] if before and before.group("qual") else "exact"
            span = (offset + before.start("qual"), offset + before.end("qual")) if qualifier != "exact" else None
            after = g.qualifier_after_pattern.match(text, match.end(), timeout=REGEX_TIMEOUT_S)
            if after and qualifier in ("exact", "approx") and not g.after_needs_before.get(after.group("qual")):
                qualifier, span = g.qualifiers_after[after.group("qual")], after.span("qual")  # 一半以上
            found.append(Quantity(match.start(), match.end(), match.group(), value=_plain(low),
                                  value_max=_plain(high) if high is not None else None, unit=unit,
                                  qualifier=qualifier, qualifier_span=span,
                                  unit_kind="ratio" if unit == "%" else "physical",
                                  explanation=("一半 → 50 %" if unit == "%" else "camera spec with its prefix",)))
    return found


def _plain(number: float) -> int | float:
    return int(number) if number == int(number) else number


def _scan(text: str) -> list[Quantity]:
    """The quantities of ``text`` (already folded and joined)."""
    g = grammar()
    specs = _spec_quantities(text)
    protected = [(s, e, why) for s, e, why in _protected_spans(text)
                 if not any(q.start < e and s < q.end for q in specs)]
    quantities: list[Quantity] = list(specs)
    for start, end, reason in protected:
        quantities.append(Quantity(start, end, text[start:end], value=None, non_claim=reason,
                                   explanation=(f"{reason} pattern",)))
    # 二手车, 一切, 四川: words, not 2 手, 1 切, 4 川
    blocked = [(s, e) for s, e, _ in protected] + [(q.start, q.end) for q in specs] + [
        m.span() for m in g.numeral_words.finditer(text, timeout=REGEX_TIMEOUT_S)]
    lists = [m for m in _SLASH_LIST.finditer(text, timeout=REGEX_TIMEOUT_S) if _is_slash_list(m, text, g)]
    position = 0
    while match := g.numeral.search(text, position, timeout=REGEX_TIMEOUT_S):
        position = match.end()
        if any(s <= match.start() < e for s, e in blocked):
            continue
        if opened := next((m for m in lists if m.start() <= match.start() < m.starts("item")[-1]), None):
            position = opened.starts("item")[-1]  # a slash list: its last member is read with the unit
            continue
        core = _read_longest_core(match, text, g)
        if core is None:
            continue
        _attach_unit(core, text, g)
        if core.unit is None and text[core.end:core.end + 1] in ("日", "月") and _STREAK_BEFORE.search(text, max(0, core.start - 4), core.start):
            # 连续五日大跌, 连降两月: a streak of days or months, no date
            core.unit, core.unit_kind = text[core.end], "duration"
            core.end += 1
            core.notes.append(f"streak of {core.unit}")
        second = _try_range(core, text, g)
        if second is not None:
            unit, unit_kind, factor = (second.unit, second.unit_kind, second.factor) if second.unit else (core.unit, core.unit_kind, core.factor)
            low = core.value
            if core.multiplier == 1 and second.kind == core.kind == "arabic":
                low = core.value * second.multiplier  # 10-20 万: the magnitude covers both ends
            core.value, core.unit, core.unit_kind, core.factor = low, unit, unit_kind, factor
            core.value_max = second.value
            core.multiplier = max(core.multiplier, second.multiplier)
            core.end = second.end
            core.notes.append("range")
        elif core.unit and (vague := _VAGUE_UPPER_END.match(text, core.end)) \
                and (written := text[core.numeral_end:core.end].strip()) and text.startswith(written, vague.end()):
            core.end = vague.end() + len(written)  # 一倍至数倍: from one fold up, no upper end
            core.qualifier, core.qualifier_span = "at_least", (vague.start(), vague.end())
            core.notes.append("range to a vague upper end → at_least")
        _attach_context(core, text, g)
        quantity = _quantity(core, text)
        quantities.append(quantity)
        position = quantity.end
    quantities += _slash_list_members(lists, quantities, g)
    quantities.sort(key=lambda q: q.start)
    return quantities


# 236/333亿元, 4.35/10.11/14.28元, 2022/2023年: one number per year or case of a forecast
# (a member may carry its own magnitude: 263.4亿/266.9亿港元)
_SLASH_ITEM = r"[0-9]+(?:\.[0-9]+)?(?:万亿|亿|万)?"
_SLASH_LIST = regex.compile(rf"(?<![0-9./／])(?P<item>{_SLASH_ITEM})(?:\ ?[/／]\ ?(?P<item>{_SLASH_ITEM}))+(?![0-9./／])")


def _is_slash_list(match: regex.Match, text: str, g: _Grammar) -> bool:
    """Whether numbers joined by slashes are a list, not a fraction (1/3, 1/2.3英寸): three or
    more of them, a magnitude after the last (236/333亿元), decimals not opening with 1
    (4.35/10.11元), or years (2022/2023年)."""
    items = match.captures("item")
    if len(items) >= 3 or text[match.end():match.end() + 1] in g.magnitudes or any(i[-1] in "万亿" for i in items):
        return True
    if _is_year_list(match, text):
        return True
    return items[0] != "1" and any("." in item for item in items)


def _is_year_list(match: regex.Match, text: str) -> bool:
    """2022/2023年, 2019/20/21年: years, the later ones perhaps written short."""
    first = match.captures("item")[0]
    return len(first) == 4 and first[:2] in ("19", "20") and text.startswith("年", match.end())


def _slash_list_members(lists: list[regex.Match], quantities: list[Quantity], g: _Grammar) -> list[Quantity]:
    """The members of each slash list before its last, which was read with the list's
    magnitude and unit: each takes them (236 of 236/333亿元 is 236亿元). In a list of years
    the last (21年 of 2019/20/21年) is marked a year in ``quantities`` and nothing is added."""
    members = []
    for match in lists:
        last = next((q for q in quantities if q.start == match.starts("item")[-1]), None)
        if last is not None and _is_year_list(match, match.string):  # (21年 of 2019/20/21年 is no span of years)
            quantities[quantities.index(last)] = replace(last, non_claim="year", explanation=(*last.explanation, "year list"))
            continue
        number, magnitude = _slash_item(match.captures("item")[-1], g)
        if last is None or not last.is_claim or last.value is None or last.value_max is not None or number == 0:
            continue
        # what the unit multiplies by (1 for 元): the last member's value over its number
        scale = Decimal(str(last.value)) / (number * (magnitude or 1))
        for start, item in zip(match.starts("item")[:-1], match.captures("item")[:-1]):
            own, own_magnitude = _slash_item(item, g)  # 236 of 236/333亿元 takes 亿; 263.4亿 keeps its own
            members.append(replace(last, start=start, end=start + len(item), text=item,
                                   value=_to_number(own * (own_magnitude or magnitude or 1) * scale), qualifier_span=None,
                                   explanation=(*last.explanation, f"slash list: {item} with the unit of {last.text}")))
    return members


def _slash_item(item: str, g: _Grammar) -> tuple[Decimal, Decimal | None]:
    """The number of a slash-list member and its own magnitude, if it has one."""
    digits = regex.match(r"[0-9]+(?:\.[0-9]+)?", item).group()
    tail = item[len(digits):]
    return Decimal(digits), Decimal(g.magnitudes[tail]) if tail else None


# 连续五日, 连降两月, 连涨3日: the number before 日/月 counts days or months of a streak.
_STREAK_BEFORE = regex.compile(r"(?:连续|连[降涨跌升增减]|连)\ ?$")
# 一倍至数倍, 十家到几十家: a range whose upper end is vague is a lower bound.
_VAGUE_UPPER_END = regex.compile(r"\ ?(?:至|到)\ ?(?:数|几|若干)")


def _read_longest_core(match: regex.Match, text: str, g: _Grammar) -> _Core | None:
    """The core of ``match``, or of its longest prefix that reads as a number when the whole
    does not (五十千 is 五十 and a stray 千)."""
    core = _read_core(match, g)
    end = match.end()
    while core is None and end - match.start() > 1:
        end -= 1
        shorter = g.numeral.match(text, match.start(), end, timeout=REGEX_TIMEOUT_S)
        if shorter is not None:
            match, end = shorter, shorter.end()
            if _OPENING_MAGNITUDE.match(match.group()):
                return None  # 千八百里: 千八 (1800) only when the numeral ends there
            core = _read_core(match, g)
    return core


_LOWER_BOUNDS = ("more_than", "at_least")
_UPPER_BOUNDS = ("less_than", "at_most")
# What may stand between a lower and an upper bound of one range (大于10并且小于20, 1000以上，1500以下).
_BOUND_JOINER = regex.compile(r"\ *(?:并且|而且|并|且|而|的同时|同时|[，,、])?\ *")


def join_bounds(quantities: list[Quantity], text: str) -> list[Quantity]:
    """``quantities`` (of ``find_quantities(text)``) with two neighbouring bounds that enclose
    one range joined into it: 大于10小于20, 不低于1000万元，不超过5000万元 are 10..20 and
    1000万..5000万 (value the lower end with its qualifier, value_max the upper end).

    A view for users who want intervals: ``find_quantities`` and the record keep the two
    bounds as two quantities, each with its own qualifier, which loses nothing."""
    joined: list[Quantity] = []
    for q in quantities:
        previous = joined[-1] if joined else None
        pair = _bound_pair(previous, q, text) if previous is not None else None
        if pair is None:
            joined.append(q)
            continue
        low, high = pair
        unit = previous.unit or q.unit
        spans = [s for s in (previous.qualifier_span, q.qualifier_span) if s]
        joined[-1] = replace(
            previous, end=q.end, text=text[previous.start:q.end], value=low.value, value_max=high.value,
            unit=unit, unit_kind=previous.unit_kind or q.unit_kind, qualifier=low.qualifier,
            qualifier_span=(min(s[0] for s in spans), max(s[1] for s in spans)),
            non_claim=None if unit else (previous.non_claim or q.non_claim),
            explanation=previous.explanation + q.explanation + ("two bounds: one range",))
    return joined


def _bound_pair(first: Quantity, second: Quantity, text: str) -> tuple[Quantity, Quantity] | None:
    """``(lower, upper)`` when ``first`` and ``second`` are the two bounds of one range."""
    if (first.value is None or second.value is None or first.value_max is not None or second.value_max is not None
            or not first.qualifier_span or not second.qualifier_span):
        return None
    if first.qualifier in _LOWER_BOUNDS and second.qualifier in _UPPER_BOUNDS:
        low, high = first, second
    elif first.qualifier in _UPPER_BOUNDS and second.qualifier in _LOWER_BOUNDS:
        low, high = second, first
    else:
        return None
    if low.value >= high.value or (first.unit and second.unit and first.unit != second.unit):
        return None
    gap_start = max(first.end, first.qualifier_span[1])
    gap_end = min(second.start, second.qualifier_span[0])
    if gap_end < gap_start or not _BOUND_JOINER.fullmatch(text, gap_start, gap_end):
        return None
    return low, high


def claim_quantities(text: str) -> list[Quantity]:
    """Only the quantities that can be claims."""
    return [q for q in find_quantities(text) if q.is_claim]


def with_offset(quantity: Quantity, offset: int) -> Quantity:
    """``quantity`` moved by ``offset`` characters (for text scanned in pieces)."""
    span = quantity.qualifier_span
    return replace(
        quantity,
        start=quantity.start + offset,
        end=quantity.end + offset,
        qualifier_span=None if span is None else (span[0] + offset, span[1] + offset),
    )
