"""What an export reads from the file: here, the peak seasons of the period's years."""

from __future__ import annotations

from datetime import date

from retention_desktop.domain.dates import Month, Period
from retention_desktop.store.exporting import export_data
from retention_desktop.store.settings import set_setting


def test_the_export_has_each_seasons_real_dates_in_the_years_of_the_period(db) -> None:
    # one season relative to Spring Festival, one kept as an old file has it (month-days)
    set_setting(db, "peak_seasons", [
        {"code": "spring_festival", "anchor": "spring_festival", "start_days": -10,
         "end_days": 25},
        {"code": "winter", "start": "12-20", "end": "01-10"},
    ])  # fmt: skip
    period = Period(Month(2026, 1), Month(2027, 12))
    data = export_data(db, period, lang="en", today=date(2028, 1, 5))
    found = [(s.code, run.year, run.start, run.end) for s, run in data.peak_seasons]
    assert found == [
        # Spring Festival 2026-02-17 and 2027-02-06: ten days before to 25 after
        ("spring_festival", 2026, date(2026, 2, 7), date(2026, 3, 14)),
        ("spring_festival", 2027, date(2027, 1, 27), date(2027, 3, 3)),
        # over the new year: the run of 2025 ends in January 2026, the period's first month
        ("winter", 2025, date(2025, 12, 20), date(2026, 1, 10)),
        ("winter", 2026, date(2026, 12, 20), date(2027, 1, 10)),
        ("winter", 2027, date(2027, 12, 20), date(2028, 1, 10)),
    ]
