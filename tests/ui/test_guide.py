"""Help > Guide (F1): the built-in guide in the app's language, opened at the part about
the page shown; it explains every figure the dashboard shows, under the same name."""

from __future__ import annotations

import re

import pytest
from driving import activate, type_text
from PySide6.QtCore import Qt

from retention_desktop.ui.common.assets import get_asset
from retention_desktop.ui.dashboard import wording
from retention_desktop.ui.help.controller import SECTIONS

FIGURES = ["headcount_now", "separations", "turnover_rate", "annualized_turnover_rate",
           "turnover_rate_leavers_plus_closing", "voluntary_turnover_rate",
           "early_attrition_rate", "survival_30", "probation_attrition_rate", "retention_rate",
           "turnover_cost"]  # fmt: skip


@pytest.fixture
def window(make_window, demo_db_path, qtbot):
    window = make_window(demo_db_path)
    window.show()
    activate(window, qtbot)
    return window


def press_f1(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    return guide


def test_f1_opens_the_guide_at_the_part_about_the_page_shown(window, qtbot):
    guide = press_f1(qtbot, window)
    assert guide.windowTitle() == "Retention Desktop Guide"
    assert guide.browser.source().toLocalFile().endswith("guide_en.html")
    assert "Everyday tasks" in guide.section_text()
    roster_at = guide.browser.verticalScrollBar().value()
    assert roster_at > 0  # not the top: the roster's part

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Dashboard
    assert press_f1(qtbot, window) is guide  # the same window, brought forward
    assert guide.browser.verticalScrollBar().value() > roster_at  # the figures, further on


def test_the_guide_finds_a_word(window, qtbot):
    guide = press_f1(qtbot, window)
    type_text(qtbot, guide.find_edit, "handover")
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText().lower() == "handover"
    assert guide.found_label.text() == ""
    type_text(qtbot, guide.find_edit, "zzzz")
    qtbot.keyClick(guide.find_edit, Qt.Key.Key_Return)
    assert guide.found_label.text() == "Not found"


def test_the_guide_is_in_chinese_for_a_chinese_window(chinese, make_window, demo_db_path, qtbot):
    window = make_window(demo_db_path, "zh_CN")
    window.show()
    activate(window, qtbot)
    guide = press_f1(qtbot, window)
    assert guide.windowTitle() == "留人 使用指南"
    assert "日常操作，一步一步来" in guide.section_text()
    text = guide.section_text()
    missing = [wording.title(key) for key in FIGURES if wording.title(key) not in text]
    assert missing == []


def test_the_guide_explains_every_dashboard_figure_by_its_name():
    text = get_asset("help", "guide_en.html").read_text("utf-8")
    missing = [wording.title(key) for key in FIGURES if wording.title(key) not in text]
    assert missing == []


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_both_guides_have_every_part_the_app_opens(lang):
    text = get_asset("help", f"guide_{lang}.html").read_text("utf-8")
    anchors = re.findall(r'<a name="([a-z]+)">', text)
    assert set(SECTIONS.values()) | {"start"} <= set(anchors)
    english = re.findall(r'<a name="([a-z]+)">', get_asset("help", "guide_en.html").read_text())
    assert anchors == english
