"""Calendar months and periods of whole months, as METRICS.md uses them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"not a month: {self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read `YYYY-MM`; raise ValueError with the offending text otherwise."""
        match = _MONTH_RE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a month in the form YYYY-MM")
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' is not a month in the form YYYY-MM")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def plus(self, months: int) -> Month:
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Period:
    """Whole months `first .. last`, both included."""

    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the period ends ({self.last}) before it starts ({self.first})")

    @classmethod
    def last_whole_months(cls, today: date, count: int = 12) -> Period:
        """The `count` whole months before the month of `today` (the CLI's default period)."""
        last = Month.of(today).plus(-1)
        return cls(last.plus(-(count - 1)), last)

    @classmethod
    def parse(cls, first: str | None, last: str | None, today: date) -> Period:
        """Period from `--from`/`--to` text; a missing end defaults sensibly."""
        if first is None and last is None:
            return cls.last_whole_months(today)
        if first is None:
            end = Month.parse(last)  # type: ignore[arg-type]
            return cls(end.plus(-11), end)
        start = Month.parse(first)
        end = Month.parse(last) if last is not None else max(start, Month.of(today).plus(-1))
        return cls(start, end)

    @property
    def months(self) -> list[Month]:
        count = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        return [self.first.plus(i) for i in range(count)]

    @property
    def month_count(self) -> int:
        return len(self.months)

    @property
    def first_day(self) -> date:
        return self.first.first_day

    @property
    def last_day(self) -> date:
        return self.last.last_day

    def previous(self) -> Period:
        """The period of the same length just before this one (for comparisons)."""
        count = self.month_count
        return Period(self.first.plus(-count), self.first.plus(-1))
