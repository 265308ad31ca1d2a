"""Conformance of the number layer against Microsoft Recognizers-Text's Chinese test specs.

``../shared/data/recognizers_text_zh_specs/`` (see ``evaluation.corpora.data_root``) holds
the reference project's own Chinese specs. Each case is an ``Input`` with the expected
``Results`` (``Text``, ``TypeName``, ``Resolution``, ``Start``, ``End``) and optional
``NotSupported`` / ``NotSupportedByDesign`` flags naming the implementations (dotnet,
java, javascript, python) that fail it.

What is compared, per file (our side is ``pipeline.numbers.find_quantities``):

- Spans. The spec's ``End`` is **inclusive** (``"15元"`` in ``"江苏彩民15元…"`` has Start 4,
  End 6); it is turned into a half-open ``[Start, End + 1)`` before comparing. When a result
  has no Start/End (some phone cases) the span is where ``Text`` occurs in ``Input``.
- NumberModel: every numeral we find. Our quantities carry their unit ("3.46 亿元"), the
  reference's numbers do not, so each quantity is cut back to its numeral (the numeral
  pattern of ``pipeline.numbers`` matched at the quantity's start; a range gives both of
  its numerals). Value of a fraction is the plain ratio (五分之一 = 0.2), of 百分之N the N.
  A case passes when the list of (span, value) equals the expected list.
- PercentModel: our quantities with unit "%" (incl. 成) or "pp" (the reference resolves
  个百分点 as a percentage too). Value in percent units; span must be equal.
- CurrencyModel: our quantities whose unit is a currency. Value, span, and our ISO code
  against ``isoCurrency`` when the reference gives one ("Dollar" for a bare "$" has none).
  Two normalisations, both from the record contract: a currency symbol or word written
  *before* the number (¥, $, 人民币) is outside our span, so the expected start may be earlier
  by exactly that prefix; and an expected result without a value (a bare "人民币") is not a
  quantity and is left out.
- DimensionModel: our quantities of unit kind "physical". Value, span, and the unit through
  ``DIMENSION_UNITS`` (our unit as written → the reference's unit name); when our unit is
  not in the map the unit is not compared.
- NumberRangeModel: two neighbouring bounds of one range (大于10小于20) are first joined
  (``pipeline.numbers.join_bounds``; the record keeps them as two quantities). Then every
  quantity with a bound or a range becomes an interval
  (more_than / at_least → lower end, less_than / at_most → upper end, a range → both);
  the lower and upper ends must equal the reference's (open/closed brackets are not
  compared: the reference writes 五百以上 as "(500,)" where our contract says at_least).
  The span is the quantity together with its bound word (大概 of 大概有20~100个 is not part
  of the reference's span); for a between-range (位于20和30之间) the reference's span also
  holds 位于/在/介于 and 之间, which ours leaves out.
- OrdinalModel: quantities marked ordinal (non-claim) or rank; 第 is outside our span, so
  the expected start may be earlier by that one character.
- PhoneNumberModel: a case passes when none of our *claim* quantities
  (``claim_quantities``) overlaps an expected phone number. Only cases with at least one
  phone number are scored.

A case is "supported by the reference" unless its flags name ``dotnet``, the reference
implementation; the pass rate is on those. ``not_supported`` counts cases with any flag.
The DateTime specs test date/time resolution, not the number layer, and are not run here.

    .venv/bin/python -m evaluation.conformance   # prints the table, writes benchmarks/conformance.json
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import regex

from pipeline.numbers import (Quantity, claim_quantities, find_quantities, fold_variants, fraction_ratio, grammar,
                              join_bounds, join_spaced_numerals, mixed_value, numeral_value, parse_number)

SPECS_DIR = "recognizers_text_zh_specs"
OUTPUT = Path(__file__).resolve().parent / "benchmarks" / "conformance.json"
MAX_FAILURES_KEPT = 40

# Our physical unit (as written) → Recognizers-Text dimension unit name.
DIMENSION_UNITS = {
    "亩": "Mu",
    "公斤": "Kilogram",
    "千克": "Kilogram",
    "kg": "Kilogram",
    "克": "Gram",
    "斤": "Jin",
    "吨": "Ton",
    "万吨": "Ton",
    "米": "Meter",
    "千米": "Kilometer",
    "公里": "Kilometer",
    "km": "Kilometer",
    "厘米": "Centimeter",
    "毫米": "Millimeter",
    "平方米": "Square meter",
    "平方公里": "Square kilometer",
    "平方千米": "Square kilometer",
    "立方米": "Cubic meter",
    "公顷": "Hectare",
    "升": "Liter",
    "毫升": "Milliliter",
    "千瓦": "Kilowatt",
    "兆瓦": "Megawatt",
    "瓦": "Watt",
}

_PREFIX_CURRENCY = ("人民币", "RMB", "US$", "HK$", "￥", "¥", "$", "€", "£")


# --------------------------------------------------------------------------- spec reading

def _flags(case: dict) -> set[str]:
    words = set()
    for key in ("NotSupported", "NotSupportedByDesign"):
        for word in str(case.get(key) or "").split(","):
            if word.strip():
                words.add(word.strip().lower())
    return words


def _span(case_input: str, result: dict) -> tuple[int, int] | None:
    """Half-open span of a result: the spec's End is inclusive."""
    if "Start" in result and "End" in result:
        return result["Start"], result["End"] + 1
    if "Start" in result and "Length" in result:
        return result["Start"], result["Start"] + result["Length"]
    found = case_input.find(result.get("Text", ""))
    if result.get("Text") and found != -1:
        return found, found + len(result["Text"])
    return None


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(str(text).rstrip("%"))
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


# --------------------------------------------------------------------------- our side

def _numeral_items(text: str, q: Quantity) -> list[tuple[tuple[int, int], float | None]]:
    """The bare numerals inside one quantity: ((start, end), value)."""
    g = grammar()
    # the layer reads 萬 as 万, 壹佰 as 一百, and 一百 五 十 二 with its spaces taken out
    text, positions = join_spaced_numerals(fold_variants(text))
    text = fold_variants(text)
    if positions:
        working = {original: index for index, original in enumerate(positions)}
        items = _numeral_items_in(text, replace(q, start=working[q.start], end=working[q.end - 1] + 1))
        return [((positions[s], positions[e - 1] + 1), v) for (s, e), v in items]
    return _numeral_items_in(text, q)


def _numeral_items_in(text: str, q: Quantity) -> list[tuple[tuple[int, int], float | None]]:
    g = grammar()
    match = g.numeral.match(text, q.start, q.end)  # within the quantity: 五十千 was read as 五十
    if match is None:
        return []
    kind = match.lastgroup
    items = []
    try:
        if kind in ("arabic", "chinese", "slash"):
            items.append((match.span(), float(numeral_value(match, g)[0])))
        elif kind == "mixed":
            items.append((match.span(), float(mixed_value(match))))
        elif kind == "fraction":
            items.append((match.span(), float(fraction_ratio(match))))
        elif kind == "percent_cn":
            body = match.group("pc_body")
            items.append((match.span("pc_body"), parse_number(body)))
        else:
            items.append((match.span(), q.value))
    except (ValueError, ArithmeticError):
        items.append((match.span(), None))
    if q.value_max is not None:  # a range: the second numeral too
        for second in g.numeral.finditer(text, match.end(), q.end):
            if second.lastgroup in ("arabic", "chinese"):
                try:
                    items.append((second.span(), parse_number(second.group())))
                except (ValueError, ArithmeticError):
                    items.append((second.span(), None))
                break
    return items


def _describe(q: Quantity) -> str:
    extra = f"..{q.value_max}" if q.value_max is not None else ""
    return f"{q.text}[{q.start},{q.end})={q.value}{extra} {q.unit or ''} {q.qualifier}{' non_claim=' + q.non_claim if q.non_claim else ''}".strip()


# --------------------------------------------------------------------------- per-model checks
# Each returns (passed, what we produced) for one case.

def _check_numbers(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = []
    for q in find_quantities(text):
        if q.value is None and q.non_claim in ("phone", "date", "stock", "code"):
            continue  # protected spans: not parsed as numbers by design
        ours.extend(_numeral_items(text, q))
    ours.sort(key=lambda item: item[0])
    expected = sorted((_span(text, r), _number(r["Resolution"].get("value"))) for r in case["Results"])
    passed = len(ours) == len(expected) and all(
        a[0] == b[0] and _close(a[1], b[1]) for a, b in zip(ours, expected))
    return passed, [f"{text[s:e]}[{s},{e})={v}" for (s, e), v in ours]


def _check_percent(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = [q for q in find_quantities(text) if q.unit in ("%", "pp")]
    expected = [(_span(text, r), _number(r["Resolution"].get("value"))) for r in case["Results"]]
    passed = len(ours) == len(expected) and all(
        (q.start, q.end) == span and _close(q.value, value) for q, (span, value) in zip(ours, expected))
    return passed, [_describe(q) for q in ours]


def _check_currency(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = [q for q in find_quantities(text) if q.unit_kind == "currency"]
    expected = [r for r in case["Results"] if r["Resolution"].get("value") is not None]
    if len(ours) != len(expected):
        return False, [_describe(q) for q in ours]
    for q, r in zip(ours, expected):
        start, end = _span(text, r)
        prefix = text[start:q.start].strip()
        if end != q.end or not (start == q.start or prefix in _PREFIX_CURRENCY):
            return False, [_describe(q) for q in ours]
        if not _close(q.value, _number(r["Resolution"]["value"])):
            return False, [_describe(q) for q in ours]
        iso = r["Resolution"].get("isoCurrency")
        if iso and q.unit != iso:
            return False, [_describe(q) for q in ours]
    return True, [_describe(q) for q in ours]


def _check_dimension(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = [q for q in find_quantities(text) if q.unit_kind == "physical"]
    expected = case["Results"]
    if len(ours) != len(expected):
        return False, [_describe(q) for q in ours]
    for q, r in zip(ours, expected):
        if (q.start, q.end) != _span(text, r) or not _close(q.value, _number(r["Resolution"].get("value"))):
            return False, [_describe(q) for q in ours]
        if q.unit in DIMENSION_UNITS and DIMENSION_UNITS[q.unit] != r["Resolution"].get("unit"):
            return False, [_describe(q) for q in ours]
    return True, [_describe(q) for q in ours]


def _interval(q: Quantity) -> tuple[float | None, float | None] | None:
    if "分之" in q.text and "百分之" not in q.text and q.unit == "%":
        # 比四分之一大: the reference resolves a fraction as the ratio (0.25), we as 25 %
        q = replace(q, value=q.value / 100, value_max=None if q.value_max is None else q.value_max / 100)
    if q.value_max is not None:
        return q.value, q.value_max
    if q.qualifier == "exact" and q.qualifier_span:  # 等于1535: a stated exact value
        return q.value, q.value
    if q.qualifier in ("more_than", "at_least"):
        return q.value, None
    if q.qualifier in ("less_than", "at_most"):
        return None, q.value
    return None


def _parse_interval(value: str) -> tuple[float | None, float | None]:
    low, _, high = value.strip("[]()").partition(",")
    return (float(low) if low.strip() else None), (float(high) if high.strip() else None)


_BETWEEN_LEAD = regex.compile(r"(?:位于|介于|在)\ ?$")
_BETWEEN_CLOSE = regex.compile(r"\ ?(?:之间|间)")


def _check_range(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = []
    for q in join_bounds(find_quantities(text), text):
        interval = _interval(q)
        if interval is None:
            continue
        start, end = q.start, q.end
        if q.qualifier_span and q.qualifier != "approx":  # 大概有20~100个: 大概 is not part of the range
            start, end = min(start, q.qualifier_span[0]), max(end, q.qualifier_span[1])
        spans = [(start, end)]
        lead = _BETWEEN_LEAD.search(text, 0, start)
        close = _BETWEEN_CLOSE.match(text, end)
        if close:  # 位于20和30之间: the reference's span holds the words around a between-range
            spans += [(start, close.end())] + ([(lead.start(), close.end())] if lead else [])
        if q.unit_kind == "count" and q.unit and q.text.endswith(q.unit):
            spans.append((start, end - len(q.unit)))  # the reference leaves a measure word out (三十岁)
        ours.append((spans, interval, _describe(q)))
    expected = [(_span(text, r), _parse_interval(r["Resolution"]["value"])) for r in case["Results"]]
    passed = len(ours) == len(expected) and all(
        b[0] in a[0] and _close(a[1][0], b[1][0]) and _close(a[1][1], b[1][1]) for a, b in zip(ours, expected))
    return passed, [o[2] for o in ours]


def _check_ordinal(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    ours = [q for q in find_quantities(text) if q.non_claim == "ordinal" or q.kind_hint == "rank"]
    items = [(_numeral_items(text, q) or [((q.start, q.end), q.value)])[0] for q in ours]
    expected = [(_span(text, r), _number(r["Resolution"].get("value"))) for r in case["Results"]]
    passed = len(items) == len(expected) and all(
        ours_span[1] == span[1] and span[0] in (ours_span[0], ours_span[0] - 1) and _close(value, expected_value)
        for (ours_span, value), (span, expected_value) in zip(items, expected))
    return passed, [_describe(q) for q in ours]


def _check_phone(case: dict) -> tuple[bool, list]:
    text = case["Input"]
    phones = [s for s in (_span(text, r) for r in case["Results"]) if s is not None]
    claims = claim_quantities(text)
    overlapping = [q for q in claims if any(q.start < e and s < q.end for s, e in phones)]
    return not overlapping, [_describe(q) for q in overlapping]


MODELS: dict[str, Callable[[dict], tuple[bool, list]]] = {
    "Number_Chinese_NumberModel.json": _check_numbers,
    "Number_Chinese_PercentModel.json": _check_percent,
    "Number_Chinese_NumberRangeModel.json": _check_range,
    "Number_Chinese_OrdinalModel.json": _check_ordinal,
    "NumberWithUnit_Chinese_CurrencyModel.json": _check_currency,
    "NumberWithUnit_Chinese_DimensionModel.json": _check_dimension,
    "Sequence_Chinese_PhoneNumberModel.json": _check_phone,
}
PHONE_FILE = "Sequence_Chinese_PhoneNumberModel.json"


def specs_dir(root: Path | str | None = None) -> Path:
    if root is None:
        from evaluation.corpora import data_root

        root = data_root()
    root = Path(root)
    return root if root.name == SPECS_DIR else root / SPECS_DIR


def load_cases(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def run_file(path: Path) -> dict:
    check = MODELS[path.name]
    cases = load_cases(path)
    if path.name == PHONE_FILE:
        cases = [c for c in cases if c["Results"]]  # only inputs that hold a phone number are scored
    total = supported = passed = passed_all = not_supported = 0
    failures = []
    for index, case in enumerate(cases):
        flags = _flags(case)
        by_reference = "dotnet" not in flags
        not_supported += bool(flags)
        try:
            ok, produced = check(case)
        except Exception as error:  # noqa: BLE001 - a crash on a spec input is a failed case
            ok, produced = False, [f"error: {type(error).__name__}: {error}"]
        total += 1
        passed_all += ok
        if by_reference:
            supported += 1
            passed += ok
        if not ok and len(failures) < MAX_FAILURES_KEPT:
            failures.append({
                "index": index,
                "input": case["Input"],
                "supported_by_reference": by_reference,
                "expected": [f"{r.get('Text')}@{_span(case['Input'], r)}={(r.get('Resolution') or {}).get('value')}"
                             f"{' ' + str((r.get('Resolution') or {}).get('isoCurrency') or (r.get('Resolution') or {}).get('unit') or '') if path.name != PHONE_FILE else ''}".rstrip()
                             for r in case["Results"]],
                "ours": produced,
            })
    return {
        "total": total,
        "supported": supported,
        "passed": passed,
        "pass_rate": round(passed / supported, 4) if supported else None,
        "passed_all": passed_all,
        "not_supported": not_supported,
        "not_supported_by_dotnet": total - supported,
        "failures": failures,
    }


def run_conformance(root: Path | str | None = None) -> dict:
    """Per spec file: total, supported (by the reference), passed, pass rate on supported,
    NotSupported count, and a sample of failures. ``root`` is the data folder or the specs
    folder itself; by default ``evaluation.corpora.data_root()``."""
    directory = specs_dir(root)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory} not found")
    return {name: run_file(directory / name) for name in MODELS if (directory / name).is_file()}


def format_conformance_table(result: dict) -> str:
    header = "| spec file | cases | supported by reference | passed | pass rate (supported) | NotSupported (any impl.) |"
    lines = [header, "|---|---:|---:|---:|---:|---:|"]
    for name, row in result.items():
        rate = "n/a" if row["pass_rate"] is None else f"{100 * row['pass_rate']:.1f} %"
        lines.append(f"| {name.removesuffix('.json')} | {row['total']} | {row['supported']} | {row['passed']} | {rate} | {row['not_supported']} |")
    return "\n".join(lines)


def main() -> None:
    result = run_conformance()
    print(format_conformance_table(result))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten {OUTPUT}")


if __name__ == "__main__":
    main()
