"""The shop's settings and their defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

from retention_desktop.domain.probation import DEFAULT_PROBATION_MONTHS

# Peak seasons the articles name: the weeks after Spring Festival and after the year-end
# bonus, and the 618 and Double 11 sales; the shop can change each (domain.seasons says
# how they are kept and computed). 春节后 follows the lunar calendar: from 7 days after
# Spring Festival (the end of the statutory holiday, when people are due back) to 35 days
# after (past the Lantern Festival at +14, when those who are not coming back say so,
# and into the spring hiring season, when the rest find other jobs). The others are fixed
# dates: the bonus is paid in January, the sales are on the shopping calendar.
DEFAULT_PEAK_SEASONS = [
    {"code": "spring_festival", "anchor": "spring_festival", "start_days": 7, "end_days": 35},
    {"code": "year_end_bonus", "start": "01-15", "end": "02-28"},
    {"code": "618", "start": "05-25", "end": "06-20"},
    {"code": "double_11", "start": "10-20", "end": "11-15"},
]

# The Today panel's "no check-in for N days": a week at least, a year at most.
MIN_CHECK_IN_DAYS, MAX_CHECK_IN_DAYS = 7, 365

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    "currency": "¥",
    "recruiting_cost_per_hire": 0.0,
    "training_cost_per_hire": 0.0,
    "show_leavers_plus_closing_rate": False,
    "check_in_interval_days": 60,
    "probation_months": DEFAULT_PROBATION_MONTHS,
    "peak_seasons": DEFAULT_PEAK_SEASONS,
    "demo": False,
    # where backups go ("": the backups folder beside the file) and how many are kept;
    # `file_id` names this file's own subfolder in a chosen folder (made when one is chosen)
    "backup_folder": "",
    "backups_kept": 14,
    "file_id": "",
}

MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT = 1, 365


def month_day(text: str) -> tuple[int, int]:
    """'MM-DD' as (month, day); ValueError when it is no day of a year (02-29 is one)."""
    try:
        month, day = (int(part) for part in text.split("-"))
        date(2000, month, day)  # a leap year: 02-29 is a day some years have
    except ValueError as error:
        raise ValueError(f"{text!r} is not a month and day (MM-DD)") from error
    return month, day
