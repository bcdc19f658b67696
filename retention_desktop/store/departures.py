"""How people left and whether a notice could be turned around: the notices given in a
period and how many were kept (withdrawn, the person stayed) or lost (they left), where the
leavers of a period went, and per kind of action how often it was offered to someone on
notice and kept them.

Definitions (the dashboard, the export and "Does it help?" use these):
- A **notice** is an exit with a notice date, or a kept notice (one withdrawn). It belongs
  to the period its notice date falls in, and to the team of its spell.
- **Kept**: withdrawn (the person stayed). **Lost**: an exit whose last working day is
  before today (they left). **Still on notice**: an exit whose last working day is today or
  ahead (not decided yet). given = kept + lost + still on notice.
- **Where they went**: the separations of the period (spells whose last working day falls
  in it, as the report counts them) by the destination recorded on their exit; none
  recorded counts under "unspecified".
- **Offered on notice** (per action type): the decided notices (kept, or lost) where the
  shop tried to keep the person with that kind of action; **kept** those of them withdrawn.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from retention_desktop.domain.catalog import UNSPECIFIED_REASON
from retention_desktop.domain.dates import Period
from retention_desktop.store.catalog import label_sql


class NoticeFigures(NamedTuple):
    given: int
    kept: int
    lost: int
    open: int  # still on notice: last working day today or ahead
    tried: int  # of the notices given, those where the shop tried to keep the person
    kept_after_try: int


class Destination(NamedTuple):
    destination_id: int | None  # None: none recorded
    label: str
    separations: int


def _team(alias: str, team: str | None) -> tuple[str, list]:
    return (f" AND {alias}.team = ?", [team]) if team is not None else ("", [])


def notice_figures(db: Database, period: Period, team: str | None, today: date) -> NoticeFigures:
    first, last, now = period.first_day.isoformat(), period.last_day.isoformat(), today.isoformat()
    and_team, team_params = _team("s", team)
    gone, still, tried_lost = db.execute(
        f"""SELECT count(*) FILTER (WHERE s.end_date < ?), count(*) FILTER (WHERE s.end_date >= ?),
                   coalesce(sum(x.keep_tried), 0)
            FROM exits x JOIN spells s ON s.id = x.spell_id
            WHERE x.notice_date BETWEEN ? AND ?{and_team}""",
        [now, now, first, last, *team_params],
    ).fetchone()
    kept, tried_kept = db.execute(
        f"""SELECT count(*), coalesce(sum(k.keep_tried), 0)
            FROM kept_notices k JOIN spells s ON s.id = k.spell_id
            WHERE k.notice_date BETWEEN ? AND ?{and_team}""",
        [first, last, *team_params],
    ).fetchone()
    return NoticeFigures(
        given=gone + still + kept,
        kept=kept,
        lost=gone,
        open=still,
        tried=tried_lost + tried_kept,
        kept_after_try=tried_kept,
    )


def destinations(db: Database, lang: str, period: Period, team: str | None) -> list[Destination]:
    """The separations of the period by where they went, most first (unspecified last)."""
    and_team, team_params = _team("s", team)
    rows = db.execute(
        f"""SELECT d.id, d.{label_sql(lang)}, count(*) FROM spells s
            LEFT JOIN exits x ON x.spell_id = s.id
            LEFT JOIN destinations d ON d.id = x.destination_id
            WHERE s.end_date BETWEEN ? AND ?{and_team}
            GROUP BY d.id ORDER BY d.id IS NULL, count(*) DESC, d.position, d.id""",
        [period.first_day.isoformat(), period.last_day.isoformat(), *team_params],
    ).fetchall()
    unspecified = UNSPECIFIED_REASON.label(lang)
    return [Destination(i, label if i is not None else unspecified, n) for i, label, n in rows]


def offered_on_notice(db: Database, today: date) -> dict[int, tuple[int, int]]:
    """action type id -> (decided notices it was offered on, of them kept)."""
    found: dict[int, tuple[int, int]] = {}
    for type_id, offered, kept in db.execute(
        """SELECT offer, count(*), sum(kept) FROM (
               SELECT x.keep_offer_id AS offer, 0 AS kept
               FROM exits x JOIN spells s ON s.id = x.spell_id
               WHERE x.keep_tried = 1 AND x.keep_offer_id IS NOT NULL AND s.end_date < ?
               UNION ALL
               SELECT keep_offer_id, 1 FROM kept_notices
               WHERE keep_tried = 1 AND keep_offer_id IS NOT NULL)
           GROUP BY offer""",
        [today.isoformat()],
    ):
        found[type_id] = (offered, kept)
    return found
