"""Months and periods of whole months."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.dates import Month, Period


def m(text: str) -> Month:
    return Month.parse(text)


# --- Month ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-01", Month(2024, 1)), ("2024-12", Month(2024, 12)), (" 2026-11 ", Month(2026, 11))],
)
def test_month_parse_good(text, expected):
    assert Month.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["2024-13", "2024-00", "24-01", "abc", "", "2024/01", "2024-01-15", "202401"]
)
def test_month_parse_bad(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse(text)


def test_month_parse_error_names_the_text():
    with pytest.raises(ValueError, match="'24-01'"):
        Month.parse("24-01")


def test_month_constructor_refuses_impossible_months():
    with pytest.raises(ValueError, match="not a month: 2024-13"):
        Month(2024, 13)
    with pytest.raises(ValueError, match="not a month: 2024-0"):
        Month(2024, 0)
    with pytest.raises(ValueError, match="not a month: 0-5"):
        Month(0, 5)


def test_month_str_is_zero_padded():
    assert str(Month(2024, 3)) == "2024-03"
    assert str(Month(987, 11)) == "0987-11"


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2024-01", 0, "2024-01"),
        ("2024-01", 1, "2024-02"),
        ("2024-11", 3, "2025-02"),
        ("2024-12", 1, "2025-01"),
        ("2024-01", -1, "2023-12"),
        ("2024-01", -11, "2023-02"),
        ("2024-01", -12, "2023-01"),
        ("2024-03", -27, "2021-12"),
        ("2024-03", 24, "2026-03"),
    ],
)
def test_month_plus(start, n, expected):
    assert m(start).plus(n) == m(expected)


@pytest.mark.parametrize(
    ("month", "first", "last"),
    [
        ("2024-01", date(2024, 1, 1), date(2024, 1, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),  # divisible by 400: leap
        ("1900-02", date(1900, 2, 1), date(1900, 2, 28)),  # divisible by 100 only: not leap
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2024-04", date(2024, 4, 1), date(2024, 4, 30)),
        ("2024-12", date(2024, 12, 1), date(2024, 12, 31)),
    ],
)
def test_month_first_and_last_day(month, first, last):
    assert m(month).first_day == first
    assert m(month).last_day == last


def test_month_of_and_ordering():
    assert Month.of(date(2024, 2, 29)) == Month(2024, 2)
    assert Month(2023, 12) < Month(2024, 1) < Month(2024, 2)
    assert max(Month(2024, 5), Month(2023, 11)) == Month(2024, 5)


# --- Period -----------------------------------------------------------------------------------


def test_period_months_and_count():
    p = Period(m("2023-11"), m("2024-02"))
    assert p.months == [m("2023-11"), m("2023-12"), m("2024-01"), m("2024-02")]
    assert p.month_count == 4
    assert p.first_day == date(2023, 11, 1)
    assert p.last_day == date(2024, 2, 29)


def test_period_of_one_month():
    p = Period(m("2024-02"), m("2024-02"))
    assert p.months == [m("2024-02")]
    assert p.month_count == 1


def test_period_of_three_years_has_36_months():
    assert Period(m("2024-01"), m("2026-12")).month_count == 36


def test_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        Period(m("2024-05"), m("2024-04"))
    with pytest.raises(ValueError, match="before it starts"):
        Period.parse("2025-01", "2024-12", today=date(2026, 11, 23))


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (date(2026, 11, 23), "2025-11", "2026-10"),
        (date(2026, 1, 1), "2025-01", "2025-12"),
        (date(2026, 12, 31), "2025-12", "2026-11"),
        (date(2024, 3, 1), "2023-03", "2024-02"),
    ],
)
def test_period_parse_defaults_to_last_12_whole_months(today, first, last):
    p = Period.parse(None, None, today=today)
    assert p == Period(m(first), m(last))
    assert p.month_count == 12


def test_period_parse_both_ends():
    p = Period.parse("2024-03", "2024-05", today=date(2026, 11, 23))
    assert p == Period(m("2024-03"), m("2024-05"))


def test_period_parse_only_end_gives_12_months_up_to_it():
    p = Period.parse(None, "2024-05", today=date(2026, 11, 23))
    assert p == Period(m("2023-06"), m("2024-05"))


def test_period_parse_only_start_runs_to_last_whole_month():
    p = Period.parse("2024-03", None, today=date(2026, 11, 23))
    assert p == Period(m("2024-03"), m("2026-10"))
    # Starting in the current month: the period is that month alone.
    p = Period.parse("2026-11", None, today=date(2026, 11, 23))
    assert p == Period(m("2026-11"), m("2026-11"))


def test_period_parse_bad_text():
    with pytest.raises(ValueError, match="YYYY-MM"):
        Period.parse("2024-13", "2024-12", today=date(2026, 11, 23))
    with pytest.raises(ValueError, match="YYYY-MM"):
        Period.parse("2024-01", "abc", today=date(2026, 11, 23))


@pytest.mark.parametrize(
    ("first", "last", "prev_first", "prev_last"),
    [
        ("2024-01", "2024-06", "2023-07", "2023-12"),
        ("2024-01", "2024-12", "2023-01", "2023-12"),
        ("2024-03", "2024-03", "2024-02", "2024-02"),
        ("2024-11", "2025-02", "2024-07", "2024-10"),
    ],
)
def test_period_previous(first, last, prev_first, prev_last):
    prev = Period(m(first), m(last)).previous()
    assert prev == Period(m(prev_first), m(prev_last))
    assert prev.month_count == Period(m(first), m(last)).month_count
