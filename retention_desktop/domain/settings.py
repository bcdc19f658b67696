"""The shop's settings and their defaults."""

from __future__ import annotations

from typing import Any

# Peak seasons the articles name: the weeks after Spring Festival and after the year-end
# bonus, and the 618 and Double 11 sales. Dates are month-day pairs the shop can change.
DEFAULT_PEAK_SEASONS = [
    {"code": "spring_festival", "start": "02-10", "end": "03-15"},
    {"code": "year_end_bonus", "start": "01-15", "end": "02-28"},
    {"code": "618", "start": "05-25", "end": "06-20"},
    {"code": "double_11", "start": "10-20", "end": "11-15"},
]

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    "currency": "¥",
    "recruiting_cost_per_hire": 0.0,
    "training_cost_per_hire": 0.0,
    "show_leavers_plus_closing_rate": False,
    "check_in_interval_days": 60,
    "peak_seasons": DEFAULT_PEAK_SEASONS,
    "demo": False,
}
