"""Peak-season dates: month-day pairs (domain.seasons computes the seasons' real dates)."""

from __future__ import annotations

import pytest

from retention_desktop.domain.settings import month_day


def test_month_day_reads_any_day_of_a_year():
    assert month_day("02-10") == (2, 10)
    assert month_day("02-29") == (2, 29)
    assert month_day("12-31") == (12, 31)


@pytest.mark.parametrize("text", ["02-30", "13-01", "00-10", "04-31", "0210", "x-y", ""])
def test_month_day_refuses_what_is_no_day(text):
    with pytest.raises(ValueError, match="is not a month and day"):
        month_day(text)
