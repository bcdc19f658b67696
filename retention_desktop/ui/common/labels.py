"""Names the screens show for codes kept in the file: risk levels and peak seasons (the
reason list and the action library carry their own labels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retention_desktop.domain.actions import HIGH, LOW, MEDIUM


def level_names() -> dict[str, str]:
    """Risk level code -> its name."""
    return {
        LOW: QCoreApplication.translate("RiskFlags", "Low"),
        MEDIUM: QCoreApplication.translate("RiskFlags", "Medium"),
        HIGH: QCoreApplication.translate("RiskFlags", "High"),
    }


def season_name(code: str) -> str:
    """The name of a built-in peak season (an owner's own season shows its code)."""
    names = {
        "spring_festival": QCoreApplication.translate("Labels", "Spring Festival"),
        "year_end_bonus": QCoreApplication.translate("Labels", "Year-end bonus"),
        "618": QCoreApplication.translate("Labels", "618"),
        "double_11": QCoreApplication.translate("Labels", "Double 11"),
    }
    return names.get(code, code)


def run_text(run) -> str:
    """A peak season's real dates of one year (domain.seasons.Run) as "02-24 – 03-24"; a
    day in another year than the run's shows its year ("12-20 – 2027-01-10")."""
    return " – ".join(
        day.strftime("%m-%d") if day.year == run.year else day.isoformat()
        for day in (run.start, run.end)
    )


def backup_reason(reason: str) -> str:
    """Why a backup was taken (store.backup's reasons), in the user's words."""
    texts = {
        "daily": QCoreApplication.translate("Labels", "Daily"),
        "manual": QCoreApplication.translate("Labels", "Backed up by hand"),
        "import": QCoreApplication.translate("Labels", "Before an import"),
        "before-migration": QCoreApplication.translate("Labels", "Before an update"),
        "before-restore": QCoreApplication.translate("Labels", "Before a restore"),
        "undo-import": QCoreApplication.translate("Labels", "Before undoing an import"),
    }
    return texts.get(reason, reason)
