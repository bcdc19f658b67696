"""Does it help? Of the people who received an action of one action type, how many were still
employed 90 and 180 days later, beside the same figure for comparable people who did not.
A comparison of counts, not a measure of cause: the two groups differ in more than the
action (who was chosen for it, and why).

The definition, per action type (only actions for one employee; team actions are left out):

Received. An employee received the type on day D, the done date of their first DONE action
of that type. They count only if they were employed on D (a spell with hire date <= D
and no last working day or one >= D); that spell is "the spell containing D". Each
employee counts once per type.

Eligible for the N-day figure (N = 90 or 180): D + N <= today. Still employed after N
days: the spell containing D has no last working day or one >= D + N (a rehire later does
not count).

Comparison. For each distinct day D of the counted receivers of the type, every employee
employed on D who has no DONE action of that type at all (before or after D) is one
comparison case, (employee, D); a person employed on several such days is a case for each,
so the comparison's sample size counts person-days and grows with the number of distinct
days. For the N-day figure only the days with D + N <= today count, and a case is still
employed when the spell containing D runs to D + N or beyond (or is open).

Rates: still employed / eligible, None when nobody is eligible. Sample sizes are given
beside each rate.

Counting: the receivers come from one grouped read of the done actions' index and one
read of every spell; nothing loops over people x days. For the comparison, the people
employed on each day and those of them still employed N days later are running counts
over the days (hires on or before the day, less ends before it; less the ends in
[D, D + N), plus the spells that started after D and ended before D + N, each of which
counts for the days [end - N + 1, hire - 1]), made once for everybody and once for each
type's receivers (all their spells), whose counts are taken off everybody's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import accumulate
from typing import NamedTuple

from sqlite_utils import Database

from retention_desktop.domain.actions import EFFECT_DAYS
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection
from retention_desktop.store.departures import offered_on_notice

_ORDINAL = "CAST(julianday({}) - 1721424.5 AS INTEGER)"
_OPEN = 10**9  # the end day of an open spell: after any day


class EffectRow(NamedTuple):
    action_type_id: int
    action_type: str
    received: int  # employees who received it while employed (eligible or not yet)
    n_received_90: int
    still_90: int
    rate_90: float | None
    n_comparison_90: int
    comparison_still_90: int
    comparison_rate_90: float | None
    n_received_180: int
    still_180: int
    rate_180: float | None
    n_comparison_180: int
    comparison_still_180: int
    comparison_rate_180: float | None
    # notices (decided: kept or lost) where the shop offered this kind of action to keep
    # the person, and of them those kept (store.departures.offered_on_notice)
    offered_on_notice: int = 0
    kept_on_notice: int = 0


class _Counts:
    """Spells as counts per day: employed[k] is how many were employed on day first + k,
    still[n][k] how many of those were still employed n days later (the same spell)."""

    def __init__(self, spells: list[tuple[int, int | None]], first: int, last: int) -> None:
        self.first = first

        def running(days: list[int]) -> list[int]:
            """[how many of `days` fall on or before first + k for k in 0..size-1]"""
            counts = Counter(days)
            return list(accumulate(counts.get(day, 0) for day in range(first, last + 1)))

        def before(on_or_before: list[int]) -> list[int]:
            return [0, *on_or_before[:-1]]

        hired = running([h for h, _ in spells])
        ended_before = before(running([x for _, x in spells if x is not None]))
        # employed on a day: hired on or before it, less those who ended before it
        self.employed = [h - x for h, x in zip(hired, ended_before, strict=True)]
        self.still = {}
        for n in EFFECT_DAYS:
            # of them, those still employed n days later: less those who ended in
            # [day, day + n), plus those hired after the day who ended before day + n
            # (such a spell counts for each day in [end - n + 1, hire - 1])
            pairs = [(x - n + 1, h - 1) for h, x in spells if x is not None and x - n + 1 < h]
            starts = running([p[0] for p in pairs])
            stops_before = before(running([p[1] for p in pairs]))
            ended_later = ended_before[n:] + [ended_before[-1]] * n
            self.still[n] = [
                e - (later - gone) + (s - t)
                for e, later, gone, s, t in zip(
                    self.employed, ended_later, ended_before, starts, stops_before, strict=True
                )
            ]


def _rate(still: int, n: int) -> float | None:
    return still / n if n else None


def action_effect(db: Database, lang: str, today: date) -> list[EffectRow]:
    """The figures of each action type with at least one receiver (an employee with a
    done action of it, employed that day) or offered on a decided notice, in the order of
    the action library."""
    now = today.toordinal()
    with no_collection():
        spells_of: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
        everybody = []
        for employee_id, hire, end in db.execute(
            f"SELECT employee_id, {_ORDINAL.format('hire_date')}, {_ORDINAL.format('end_date')}"
            " FROM spells"
        ):
            spells_of[employee_id].append((hire, end))
            everybody.append((hire, end))
        # Each person's first done day of each type (from the done actions' index alone):
        # the spell containing it, and all their spells (the comparison leaves them out).
        received: dict[int, list[tuple[int, int]]] = defaultdict(list)
        receivers: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
        for type_id, employee_id, first in db.execute(
            f"""SELECT action_type_id, employee_id, {_ORDINAL.format("min(done_date)")}
                FROM retention_actions INDEXED BY retention_actions_done
                WHERE status = 'done' AND employee_id IS NOT NULL
                GROUP BY action_type_id, employee_id"""
        ):
            spells = spells_of[employee_id]
            receivers[type_id] += spells
            for hire, end in spells:
                if hire <= first and (end is None or end >= first):
                    received[type_id].append((first, _OPEN if end is None else end))
        types = db.execute(
            f"SELECT id, {label_sql(lang)} FROM action_types ORDER BY position, id"
        ).fetchall()
        offers = offered_on_notice(db, today)
    if not received and not offers:
        return []
    days = [h for h, _ in everybody] + [x for _, x in everybody if x is not None] or [now]
    first_day = min(days) - max(EFFECT_DAYS)
    last_day = max(*days, now) + max(EFFECT_DAYS)
    everyone = _Counts(everybody, first_day, last_day)
    rows = []
    for type_id, label in types:
        cases = received.get(type_id, [])
        offered, kept = offers.get(type_id, (0, 0))
        if not cases and not offered:
            continue
        own = _Counts(receivers[type_id], first_day, last_day)
        figures: list = []
        for n in EFFECT_DAYS:
            eligible = [(d, end) for d, end in cases if d + n <= now]
            still = sum(1 for d, end in eligible if end >= d + n)
            offsets = [d - first_day for d in {d for d, _ in eligible}]
            all_employed, own_employed = everyone.employed, own.employed
            all_still, own_still = everyone.still[n], own.still[n]
            n_comparison = sum(all_employed[k] - own_employed[k] for k in offsets)
            comparison_still = sum(all_still[k] - own_still[k] for k in offsets)
            figures += [
                len(eligible),
                still,
                _rate(still, len(eligible)),
                n_comparison,
                comparison_still,
                _rate(comparison_still, n_comparison),
            ]
        rows.append(EffectRow(type_id, label, len(cases), *figures, offered, kept))
    return rows
