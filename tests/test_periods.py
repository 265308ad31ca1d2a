"""Periods resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.periods import find_periods

PUBLISHED = date(2023, 3, 15)

PERIODS = [
    pytest.param("2022 年第一季度", "2022-01-01", "2022-03-31", id="year-quarter"),
    pytest.param("Q3", "2023-07-01", "2023-09-30", id="q3-this-year"),
    pytest.param("二季度", "2023-04-01", "2023-06-30", id="second-quarter"),
    pytest.param("去年上半年", "2022-01-01", "2022-06-30", id="last-year-h1"),
    pytest.param("下半年", "2023-07-01", "2023-12-31", id="h2"),
    pytest.param("2021 年前三季度", "2021-01-01", "2021-09-30", id="first-three-quarters"),
    pytest.param("今年 6 月", "2023-06-01", "2023-06-30", id="this-year-month"),
    pytest.param("截至 9 月 30 日", None, "2023-09-30", id="until-date-open-start"),
    pytest.param("过去一年", "2022-03-16", "2023-03-15", id="past-year"),
    pytest.param("未来三年", "2023-03-15", "2026-03-15", id="next-three-years"),
    pytest.param("二〇二一年", "2021-01-01", "2021-12-31", id="chinese-year"),
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
