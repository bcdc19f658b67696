"""How and where the demo shop's leavers went, and the notices it turned around.

Decorates the exits the simulation made (domain.demo) with a way of leaving and a
destination that fit their reason, a try to keep the regrettable ones, and a few notices
withdrawn by people who stayed. Its own random stream, so that the simulation's people,
dates and reasons stay what they were.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from retention_desktop.domain.catalog import INVOLUNTARY

if TYPE_CHECKING:
    from retention_desktop.domain.demo import DemoExit, DemoPerson

WALKED_OFF_REASONS = ("absconded", "no_return_after_spring_festival")
DESTINATION_OF = {  # reason -> (destination, weight) to pick from
    "pay": (("competitor", 5), ("ecommerce", 3), ("other_trade", 2)),
    "better_offer": (("competitor", 6), ("ecommerce", 3), ("other_trade", 1)),
    "study": (("study", 1),),
    "family": (("family", 1),),
    "health": (("family", 2), ("unknown", 1)),
    "career_plan": (("other_trade", 3), ("ecommerce", 2)),
    "interest": (("other_trade", 3), ("study", 1)),
}
ANYWHERE = (("competitor", 3), ("ecommerce", 3), ("other_trade", 3), ("unknown", 2))
OFFERS = ("pay_review", "workload_change", "promotion_review", "cross_department")
KEPT_NOTES = {
    "pay": "提出离职，谈过调薪后决定留下。",
    "pressure": "大促后压力大想走，调整排班后留下。",
    "promotion": "想走，约定半年后参加组长评估，留下了。",
}


def _pick(rng: random.Random, weights) -> str:
    return rng.choices([k for k, _ in weights], weights=[w for _, w in weights])[0]


def _way(rng: random.Random, x: DemoExit, tenure: int) -> str:
    if x.reason in WALKED_OFF_REASONS:
        return "walked_off"
    if x.reason == "probation":
        return "failed_probation"
    if x.reason == "misconduct":
        return "dismissal"
    if x.exit_type == INVOLUNTARY:
        return "mutual" if rng.random() < 0.7 else "contract_end"
    return "contract_end" if tenure > 700 and rng.random() < 0.1 else "resignation"


def _destination(rng: random.Random, x: DemoExit) -> str | None:
    if rng.random() < 0.12:
        return None  # nobody asked
    if x.reason in WALKED_OFF_REASONS:
        return "unknown" if rng.random() < 0.7 else "ecommerce"
    return _pick(rng, DESTINATION_OF.get(x.reason, ANYWHERE))


def add_departures(people: list[DemoPerson], today: date, seed: int) -> None:
    rng = random.Random(seed * 31 + 7)
    for person in people:
        for spell in person.spells:
            x = spell.exit
            if x is None:
                continue
            x.way = _way(rng, x, (x.last_day - spell.start).days)
            x.destination = _destination(rng, x)
            if x.regrettable and x.notice_date is not None and rng.random() < 0.6:
                x.keep_tried = True
                x.keep_offer = rng.choice(OFFERS)
            if x.last_day > today and x.reason == "pay":  # on notice: a pay review offered
                x.keep_tried, x.keep_offer = True, "pay_review"
    # Among those still here after more than a year, a few once gave notice and stayed.
    settled = sorted(
        (p for p in people if p.spells[-1].exit is None
         and (today - p.spells[-1].start).days > 420),
        key=lambda p: (p.spells[-1].start, p.name),
    )  # fmt: skip
    for n, person in enumerate(settled[:8:2]):  # four of them, spread over the years
        spell = person.spells[-1]
        notice = today - timedelta(days=60 + 90 * n)
        if notice <= spell.start + timedelta(days=90):
            continue
        reason = ("pay", "pressure", "promotion", "pay")[n]
        spell.kept.append(_kept(notice, reason, ("pay_review", "workload_change",
                                                 "promotion_review", "pay_review")[n]))  # fmt: skip


def _kept(notice: date, reason: str, offer: str):
    from retention_desktop.domain.demo import DemoKept

    return DemoKept(notice_date=notice, last_day=notice + timedelta(days=30),
                    stayed_on=notice + timedelta(days=6), reason=reason, keep_offer=offer,
                    notes=KEPT_NOTES.get(reason, ""))  # fmt: skip
