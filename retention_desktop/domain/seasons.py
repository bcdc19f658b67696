"""Peak seasons as each year's calendar has them.

A season is set either as fixed dates (month-days: 618, Double 11, the year-end bonus
payout) or as days before and after Spring Festival, which moves every year (between 21
January and 20 February). Stored in the setting `peak_seasons` as
    {"code": "618", "start": "05-25", "end": "06-20"}                      fixed
    {"code": "spring_festival", "anchor": "spring_festival",
     "start_days": 7, "end_days": 35}                                      relative
An entry with only "start"/"end" (every file written before relative seasons) is fixed.

A season's run of year Y: a fixed season starts on its start month-day of Y and ends on
its end month-day, in Y + 1 when that comes before the start (12-20 to 01-10 runs over the
new year); a relative season counts its days from the Spring Festival of Y (lunar new
year's day, from `lunardate`), so its run may begin in December of Y - 1 or end in the
spring after. `lunardate` knows the years 1900 to 2099: a relative season has no run in a
year outside them (it is not shown for that year), never an error.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from lunardate import LunarDate

from retention_desktop.domain.settings import month_day

SPRING_FESTIVAL = "spring_festival"  # the one anchor a relative season counts from
FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR = 1900, 2099  # the years lunardate knows
# Days from Spring Festival a relative season may start or end: two months before (the
# run-up, year-end bonus talks) to four months after (past the spring hiring season).
MIN_DAYS, MAX_DAYS = -60, 120
PEAK_SEASON_DAYS_AHEAD = 30  # Today shows a peak season from 30 days before it starts


@functools.cache  # the Today panel and the dashboard ask for the same few years again
def spring_festival(year: int) -> date | None:
    """The Spring Festival (lunar new year's day) of `year`; None outside 1900-2099."""
    if not FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR:
        return None
    return LunarDate(year, 1, 1).to_solar_date()


def _month_day_in(year: int, text: str) -> date:
    month, day = month_day(text)
    if (month, day) == (2, 29) and not calendar.isleap(year):
        day = 28  # 02-29 falls on 02-28 in a common year
    return date(year, month, day)


def _is_days(n: object) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and MIN_DAYS <= n <= MAX_DAYS


class Run(NamedTuple):
    """A season's real dates in one year (both days inside)."""

    year: int
    start: date
    end: date


@dataclass(frozen=True)
class Season:
    """One peak season: fixed month-days (`start`, `end`: "MM-DD") or, when `relative`,
    days from Spring Festival (`start_days`, `end_days`; negative: before it)."""

    code: str
    relative: bool = False
    start: str = ""
    end: str = ""
    start_days: int = 0
    end_days: int = 0

    @classmethod
    def from_setting(cls, entry: dict) -> Season:
        """The season an entry of the setting holds; ValueError (or KeyError, TypeError)
        for one that is no season."""
        code = str(entry.get("code", ""))
        if entry.get("anchor", "") == SPRING_FESTIVAL:
            first, last = entry["start_days"], entry["end_days"]
            if not all(_is_days(n) for n in (first, last)):
                raise ValueError(f"days from Spring Festival out of range: {first}, {last}")
            if first > last:
                raise ValueError(f"a season ending before it starts: {first} to {last}")
            return cls(code, relative=True, start_days=first, end_days=last)
        if entry.get("anchor", ""):
            raise ValueError(f"unknown anchor {entry['anchor']!r}")
        month_day(entry["start"])  # a ValueError for what is no day of a year
        month_day(entry["end"])
        return cls(code, start=entry["start"], end=entry["end"])

    def to_setting(self) -> dict:
        if self.relative:
            return {"code": self.code, "anchor": SPRING_FESTIVAL,
                    "start_days": self.start_days, "end_days": self.end_days}  # fmt: skip
        return {"code": self.code, "start": self.start, "end": self.end}

    def run(self, year: int) -> Run | None:
        """The season's real dates of `year`; None when the calendar does not know them."""
        if self.relative:
            day = spring_festival(year)
            if day is None:
                return None
            return Run(year, day + timedelta(self.start_days), day + timedelta(self.end_days))
        if not 1 <= year < 9999:
            return None
        over_new_year = month_day(self.end) < month_day(self.start)
        return Run(
            year, _month_day_in(year, self.start), _month_day_in(year + over_new_year, self.end)
        )

    def as_fixed(self, year: int) -> Season:
        """The same season as fixed dates: those of its run of `year` (itself when fixed or
        when the calendar does not know that year)."""
        run = self.run(year) if self.relative else None
        if run is None:
            return self
        return Season(self.code, start=run.start.strftime("%m-%d"), end=run.end.strftime("%m-%d"))

    def as_relative(self, year: int) -> Season:
        """The same season counted from Spring Festival: its run of `year` as days from
        that year's festival, within MIN_DAYS..MAX_DAYS (itself when relative or when the
        calendar does not know that year)."""
        day, run = spring_festival(year), self.run(year)
        if self.relative or day is None or run is None:
            return self
        first, last = (min(MAX_DAYS, max(MIN_DAYS, (d - day).days)) for d in (run.start, run.end))
        return Season(self.code, relative=True, start_days=first, end_days=max(first, last))

    def runs_between(self, first: date, last: date) -> list[Run]:
        """The runs with a day in [first, last], earliest first."""
        runs = (self.run(year) for year in range(first.year - 1, last.year + 2))
        return [r for r in runs if r is not None and r.start <= last and r.end >= first]

    def current_or_next(self, day: date) -> Run | None:
        """The run going on on `day`, or else the next one to start; None when the calendar
        knows neither."""
        runs = self.runs_between(day, day + timedelta(days=366 + MAX_DAYS - MIN_DAYS))
        return runs[0] if runs else None


def read_seasons(entries: object) -> list[Season]:
    """The seasons of the setting `peak_seasons`, in its order; an entry that is no season
    (a file edited by hand, a damaged value) is skipped."""
    seasons = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            seasons.append(Season.from_setting(entry))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return seasons


def runs_in_period(entries: object, first: date, last: date) -> list[tuple[Season, Run]]:
    """Each season of the setting with each of its runs that has a day in [first, last]:
    season by season in the setting's order, each season's earliest run first."""
    return [(s, run) for s in read_seasons(entries) for run in s.runs_between(first, last)]


def seasons_on(seasons: list[Season], day: date) -> list[Season]:
    """The seasons in force on `day`."""
    return [s for s in seasons if s.runs_between(day, day)]


class SeasonDates(NamedTuple):
    """One peak season as it falls around today; days_until <= 0 means it is on now."""

    code: str
    start: date
    end: date
    days_until: int

    @property
    def in_progress(self) -> bool:
        return self.days_until <= 0


def season_dates(season: dict | Season, today: date) -> SeasonDates | None:
    """The season's run going on today, or else its next one, counted from `today`."""
    if not isinstance(season, Season):
        season = Season.from_setting(season)
    run = season.current_or_next(today)
    if run is None:
        return None
    return SeasonDates(season.code, run.start, run.end, (run.start - today).days)


def upcoming_seasons(
    entries: object, today: date, days_ahead: int = PEAK_SEASON_DAYS_AHEAD
) -> list[SeasonDates]:
    """The peak seasons of the setting in progress today or starting within `days_ahead`
    days, by start. An entry that is not a valid season is skipped."""
    found = [season_dates(season, today) for season in read_seasons(entries)]
    ahead = [s for s in found if s is not None and s.days_until <= days_ahead]
    return sorted(ahead, key=lambda s: (s.start, s.end, s.code))
