"""The words of an exported workbook, in English and Simplified Chinese: sheet names, column
headers, figure names and the words written for yes/no, exit types and action statuses.

Plain dictionaries (the sheets layer has no Qt, so no tr()): each entry maps a language to
its text. The import-format columns take their headers from `HEADERS` of the exchange model,
so an export's Employees sheet has exactly the headers the import recognises. Terms follow
the app's own translations (流失率, 留人措施, 离职时司龄 ...).
"""

from __future__ import annotations

from retention_desktop.domain.seasons import Season
from retention_desktop.sheets.model import HEADERS

# Sheet names, in the order of the workbook (at most 31 characters, none of []:*?/\).
SHEETS: dict[str, dict[str, str]] = {
    "summary": {"en": "Summary", "zh_CN": "汇总"},
    "monthly": {"en": "Monthly", "zh_CN": "月度"},
    "by_reason": {"en": "By reason", "zh_CN": "离职原因"},
    "by_team": {"en": "By team", "zh_CN": "部门"},
    "tenure_at_exit": {"en": "Tenure at exit", "zh_CN": "离职时司龄"},
    "employees": {"en": "Employees", "zh_CN": "员工"},
    "exits": {"en": "Exits", "zh_CN": "离职记录"},
    "actions": {"en": "Actions", "zh_CN": "留人措施"},
    "survival": {"en": "Survival", "zh_CN": "新人留存"},
}

# Column headers of the record sheets: the import format's own, then the others.
COLUMNS: dict[str, dict[str, str]] = {
    **HEADERS,
    "employed": {"en": "Employed", "zh_CN": "在职"},
    "days_employed": {"en": "Days employed", "zh_CN": "在职天数"},
    "notice_date": {"en": "Notice given on", "zh_CN": "提出离职日期"},
    "further_reasons": {"en": "Further reasons", "zh_CN": "其他原因"},
    "regrettable": {"en": "Regrettable loss", "zh_CN": "惋惜流失"},
    "eligible_for_rehire": {"en": "Eligible for rehire", "zh_CN": "可再次录用"},
    "handover_done": {"en": "Handover items done", "zh_CN": "已完成交接项"},
    "handover_items": {"en": "Handover items", "zh_CN": "交接项数"},
    "handover": {"en": "Handover", "zh_CN": "工作交接"},
    "conversation_notes": {"en": "Exit conversation notes", "zh_CN": "离职面谈记录"},
    "keep_tried": {"en": "Tried to keep them", "zh_CN": "挽留过"},
    "keep_offer": {"en": "Offered to keep them", "zh_CN": "挽留措施"},
    "action_type": {"en": "Action type", "zh_CN": "措施类型"},
    "title": {"en": "Title", "zh_CN": "标题"},
    "planned_date": {"en": "Planned date", "zh_CN": "计划日期"},
    "due_date": {"en": "Due date", "zh_CN": "截止日期"},
    "owner": {"en": "Owner", "zh_CN": "负责人"},
    "cost": {"en": "Cost", "zh_CN": "费用"},
    "status": {"en": "Status", "zh_CN": "状态"},
    "done_date": {"en": "Done on", "zh_CN": "完成日期"},
    "outcome": {"en": "Outcome", "zh_CN": "效果"},
}
# The header of the n-th continuation column of a text too long for one cell.
CONTINUED = {"en": "{header} (continued {n})", "zh_CN": "{header}（续 {n}）"}

# Headers of the report tables (keys as in `report --json`).
MONTHLY: dict[str, dict[str, str]] = {
    "month": {"en": "Month", "zh_CN": "月份"},
    "opening": {"en": "Opening headcount", "zh_CN": "月初在职人数"},
    "hires": {"en": "Hires", "zh_CN": "入职人数"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
    "voluntary": {"en": "Voluntary", "zh_CN": "主动离职"},
    "involuntary": {"en": "Involuntary", "zh_CN": "被动离职"},
    "closing": {"en": "Closing headcount", "zh_CN": "月末在职人数"},
    "average_headcount": {"en": "Average headcount", "zh_CN": "平均在职人数"},
    "turnover_rate": {"en": "Turnover rate", "zh_CN": "流失率"},
}
BY_REASON: dict[str, dict[str, str]] = {
    "reason": {"en": "Reason", "zh_CN": "离职原因"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
    "share": {"en": "Share", "zh_CN": "占比"},
}
BY_TEAM: dict[str, dict[str, str]] = {
    "team": {"en": "Team", "zh_CN": "部门"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
    "average_headcount": {"en": "Average headcount", "zh_CN": "平均在职人数"},
    "turnover_rate": {"en": "Turnover rate", "zh_CN": "流失率"},
}
# The Survival sheet: the Kaplan-Meier curve of the period's hires, a row per exit day
SURVIVAL_CURVE: dict[str, dict[str, str]] = {
    "days": {"en": "Days since the hire date", "zh_CN": "入职后的天数"},
    "survival": {"en": "Still employed", "zh_CN": "仍在职比例"},
    "lower": {"en": "95% range from", "zh_CN": "95% 区间下限"},
    "upper": {"en": "95% range to", "zh_CN": "95% 区间上限"},
    "at_risk": {"en": "Still observed", "zh_CN": "仍在观察的人数"},
}
TENURE: dict[str, dict[str, str]] = {
    "band": {"en": "Tenure at exit (days)", "zh_CN": "离职时司龄（天）"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
}

# The Summary sheet: what the workbook is, then the period's key figures.
SUMMARY: dict[str, dict[str, str]] = {
    "title": {"en": "Staff turnover report", "zh_CN": "员工流失报告"},
    "shop": {"en": "Shop", "zh_CN": "店铺"},
    "period": {"en": "Period", "zh_CN": "期间"},
    "team": {"en": "Team", "zh_CN": "部门"},
    "all_teams": {"en": "All teams", "zh_CN": "全部部门"},
    "generated_at": {"en": "Generated", "zh_CN": "生成时间"},
    "figure": {"en": "Figure", "zh_CN": "指标"},
    "value": {"en": "Value", "zh_CN": "数值"},
    "new_hire_survival": {"en": "New-hire survival", "zh_CN": "新人留存"},
    "share": {"en": "Share", "zh_CN": "比例"},
    "seasonality": {"en": "Separations by calendar month", "zh_CN": "按月份统计离职"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
    # each peak season's real dates in the years of the period, and how it is set
    "peak_seasons": {"en": "Peak seasons in the period", "zh_CN": "本期的高峰期"},
    "year": {"en": "Year", "zh_CN": "年份"},
    "season_from": {"en": "From", "zh_CN": "开始"},
    "season_to": {"en": "To", "zh_CN": "结束"},
    "set_as": {"en": "Set as", "zh_CN": "设定"},
    "actions": {"en": "Retention actions planned in the period", "zh_CN": "本期计划的留人措施"},
    "action_type": {"en": "Action", "zh_CN": "措施"},
    "planned": {"en": "Planned", "zh_CN": "已计划"},
    "done": {"en": "Done", "zh_CN": "已完成"},
    "cancelled": {"en": "Cancelled", "zh_CN": "已取消"},
    "actions_total": {"en": "All actions", "zh_CN": "全部措施"},
    "actions_cost": {
        "en": "Cost of the actions done in the period",
        "zh_CN": "本期已完成措施的费用",
    },
    # what the Summary says when texts were split (one line a row)
    "split_note": {
        "en": (
            "Texts longer than the 32,767 characters an Excel cell holds: {count}.\n"
            "Each continues, in order, in the columns headed “(continued)” at the right"
            " of its row;\nthe cells of such a text are shaded."
        ),
        "zh_CN": (
            "超过 Excel 单元格 32,767 个字符上限的文字：{count} 段。\n"
            "其余部分按顺序接在同一行右侧标题为“（续）”的列中，\n相关单元格已加底色。"
        ),
    },
}
# The built-in peak seasons (the app's names; a shop's own season shows its code), and how
# a season is set: days from Spring Festival, or the same month-days every year.
SEASON_NAMES: dict[str, dict[str, str]] = {
    "spring_festival": {"en": "Spring Festival", "zh_CN": "春节后"},
    "year_end_bonus": {"en": "Year-end bonus", "zh_CN": "年终奖后"},
    "618": {"en": "618", "zh_CN": "618"},
    "double_11": {"en": "Double 11", "zh_CN": "双11"},
}
SEASON_SET_AS = {
    "relative": {
        "en": "Spring Festival {start:+d} to {end:+d} days",
        "zh_CN": "春节 {start:+d} 至 {end:+d} 天",
    },
    "fixed": {"en": "Every year {start} to {end}", "zh_CN": "每年 {start} 至 {end}"},
}
# "2025-11 – 2026-10 (12 months)"
PERIOD = {
    "en": "{first} – {last} ({months} months)",
    "zh_CN": "{first} 至 {last}（{months} 个月）",
}
PERIOD_ONE_MONTH = {"en": "{first} (1 month)", "zh_CN": "{first}（1 个月）"}
# The period's figures (keys of `summary` in `report --json`).
FIGURES: dict[str, dict[str, str]] = {
    "opening": {"en": "Headcount at the start", "zh_CN": "期初在职人数"},
    "closing": {"en": "Headcount at the end", "zh_CN": "期末在职人数"},
    "hires": {"en": "Hires", "zh_CN": "入职人数"},
    "separations": {"en": "Separations", "zh_CN": "离职人数"},
    "voluntary": {"en": "Voluntary separations", "zh_CN": "主动离职人数"},
    "involuntary": {"en": "Involuntary separations", "zh_CN": "被动离职人数"},
    "average_headcount": {"en": "Average headcount", "zh_CN": "平均在职人数"},
    "turnover_rate": {"en": "Turnover rate (period)", "zh_CN": "流失率（期间）"},
    "voluntary_turnover_rate": {"en": "Voluntary turnover rate", "zh_CN": "主动流失率"},
    "annualized_turnover_rate": {"en": "Turnover rate (annualized)", "zh_CN": "流失率（年化）"},
    "retention_rate": {"en": "Retention rate", "zh_CN": "留存率"},
    "early_attrition_rate": {
        "en": "Early attrition (left within 90 days)",
        "zh_CN": "早期流失（入职 90 天内离职）",
    },
    "turnover_cost": {"en": "Turnover cost", "zh_CN": "流失成本"},
    "turnover_rate_leavers_plus_closing": {
        "en": "Turnover rate = leavers / (leavers + headcount at the end)",
        "zh_CN": "流失率 = 离职人数 /（离职人数 + 期末人数）",
    },
    "probation_exits": {"en": "Exits in probation", "zh_CN": "试用期内离职人数"},
    "probation_attrition_rate": {  # always shown with its formula (METRICS.md)
        "en": "Probation attrition rate = exits in probation / hires of the period",
        "zh_CN": "试用期离职率 = 试用期内离职人数 / 同期入职人数",
    },
}
SURVIVAL = {
    "en": "New hires still here after {days} days",
    "zh_CN": "新人 {days} 天留存率",
}
MONTH_NAMES = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "zh_CN": tuple(f"{n}月" for n in range(1, 13)),
}  # fmt: skip

# Charts.
CHARTS: dict[str, dict[str, str]] = {
    "monthly_title": {
        "en": "Separations per month and turnover rate",
        "zh_CN": "每月离职人数与流失率",
    },
    "reason_title": {"en": "Separations by reason", "zh_CN": "按原因统计离职"},
    "month_axis": {"en": "Month", "zh_CN": "月份"},
    "reason_axis": {"en": "Reason", "zh_CN": "离职原因"},
    "separations_axis": {"en": "Separations", "zh_CN": "离职人数"},
    "rate_axis": {"en": "Turnover rate", "zh_CN": "流失率"},
    "team_title": {"en": "Turnover rate by team", "zh_CN": "各部门流失率"},
    "team_axis": {"en": "Team", "zh_CN": "部门"},
    "tenure_title": {"en": "Separations by tenure at exit", "zh_CN": "按离职时司龄统计离职"},
    "tenure_axis": {"en": "Tenure at exit (days)", "zh_CN": "离职时司龄（天）"},
    "survival_title": {"en": "New hires still employed", "zh_CN": "新人留存曲线"},
    "days_axis": {"en": "Days since the hire date", "zh_CN": "入职后的天数"},
    "survival_axis": {"en": "Still employed", "zh_CN": "仍在职比例"},
}

# Words written into cells. Exit types use the words the import reads back
# (voluntary / involuntary / 主动 / 被动).
WORDS: dict[str, dict[str, str]] = {
    "yes": {"en": "yes", "zh_CN": "是"},
    "no": {"en": "no", "zh_CN": "否"},
    "voluntary": {"en": "voluntary", "zh_CN": "主动"},
    "involuntary": {"en": "involuntary", "zh_CN": "被动"},
    "planned": {"en": "planned", "zh_CN": "已计划"},
    "done": {"en": "done", "zh_CN": "已完成"},
    "cancelled": {"en": "cancelled", "zh_CN": "已取消"},
}
STATUSES = ("planned", "done", "cancelled")


def language(lang: str) -> str:
    """The labels' language for `lang`: Chinese for any zh locale, else English."""
    return "zh_CN" if lang.startswith("zh") else "en"


def text(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """The label of `key` in `table`, in `lang`."""
    return table[key][language(lang)]


def word(key: str, lang: str) -> str:
    return WORDS[key][language(lang)]


def sheet_names(lang: str) -> list[str]:
    """The workbook's sheet names in order."""
    return [names[language(lang)] for names in SHEETS.values()]


def period_text(first: str, last: str, months: int, lang: str) -> str:
    """'2025-11 – 2026-10 (12 months)' / '2025-11 至 2026-10（12 个月）'."""
    lang = language(lang)
    if months == 1:
        return PERIOD_ONE_MONTH[lang].format(first=first)
    return PERIOD[lang].format(first=first, last=last, months=months)


def season_name(code: str, lang: str) -> str:
    """A built-in peak season's name; a shop's own season's code."""
    names = SEASON_NAMES.get(code)
    return names[language(lang)] if names else code


def season_set_as(season: Season, lang: str) -> str:
    """How a season is set: 'Spring Festival +7 to +35 days' / 'Every year 05-25 to 06-20'."""
    if season.relative:
        rule = SEASON_SET_AS["relative"][language(lang)]
        return rule.format(start=season.start_days, end=season.end_days)
    return SEASON_SET_AS["fixed"][language(lang)].format(start=season.start, end=season.end)
