"""The roster's risk filter: the current flag of each person, by level or at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from retention_desktop.ui.roster.model import RISK_ANY, RISK_NONE

CURRENT = """
    SELECT e.id, (SELECT level FROM risk_flags f WHERE f.employee_id = e.id
                  AND f.cleared_on IS NULL ORDER BY flagged_on DESC, id DESC LIMIT 1)
    FROM employees e
    WHERE EXISTS (SELECT 1 FROM spells s WHERE s.employee_id = e.id AND s.hire_date <= :today
                  AND (s.end_date IS NULL OR s.end_date >= :today))
"""  # employed today (METRICS.md "On a given day"): the roster's Active


@pytest.mark.parametrize("risk", [None, RISK_ANY, "high", "medium", "low", RISK_NONE])
def test_the_risk_filter_shows_who_is_flagged(make_window, demo_db_path, qtbot, risk):
    window = make_window(demo_db_path)
    window.show()
    page = window.roster.page
    combo = page.risk_combo
    expected_ids = set()
    today = {"today": page.session.today().isoformat()}
    for employee_id, level in page.session.db.execute(CURRENT, today):
        if (
            risk is None
            or (risk == RISK_ANY and level is not None)
            or (risk == RISK_NONE and level is None)
            or level == risk
        ):
            expected_ids.add(employee_id)
    if risk in ("high", RISK_ANY):
        assert expected_ids, "the demo shop has people at high risk"
    # choose it the way a user does: open the box, pick the entry
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.findData(risk)):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == risk
    model = page.model
    shown = {model.row_at(r).employee_id for r in range(model.rowCount())}
    assert shown == expected_ids  # the roster opens on the active people
    assert all(
        (model.row_at(r).risk is not None) == (risk not in (None, RISK_NONE))
        for r in range(model.rowCount())
        if risk is not None
    )
