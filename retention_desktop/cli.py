"""The command line: the GUI by default, plus demo, report, backup, import and export.

The CLI has no logic of its own: each command calls the same store and domain functions
the GUI calls. Errors are one plain sentence on stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from retention_desktop import __version__
from retention_desktop.domain.dates import Period
from retention_desktop.domain.language import resolve_language
from retention_desktop.domain.metrics import Report
from retention_desktop.sheets.model import DATE_ORDERS, SheetError
from retention_desktop.store.errors import FaultError, StoreError
from retention_desktop.store.faults import FAULTS
from retention_desktop.store.paths import resolve_db_path

PROG = "retention-desktop"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence instead of a usage dump
        raise UsageError(f"{message} (see '{PROG} --help')")


def today() -> date:
    """Today, or the day in RETENTION_TODAY (YYYY-MM-DD) to reproduce a report."""
    fixed = os.environ.get("RETENTION_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def _common(suppress: bool) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    default = argparse.SUPPRESS if suppress else None
    common.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file (default: RETENTION_DB or the user data folder)",
    )
    common.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=default,
        help="language of the app, reason labels and exports",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Retention Desktop (留人): staff retention for small shops.",
        parents=[_common(False)],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="open the window, save a picture of the screen once it is drawn, and quit "
        "(to check that the app shows; the exit status is 0 only if the picture was saved)",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    sub = _common(True)
    commands.add_parser("demo", parents=[sub], help="fill an empty database with a demo shop")
    report = commands.add_parser("report", parents=[sub], help="turnover figures for a period")
    report.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month")
    report.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month")
    report.add_argument("--team", metavar="T", help="one team only")
    report.add_argument("--json", action="store_true", help="print the METRICS.md JSON object")
    commands.add_parser("backup", parents=[sub], help="back up the database now")
    commands.add_parser(
        "backups", parents=[sub], help="list the backups: when, why, size, what they hold"
    )
    restore = commands.add_parser(
        "restore",
        parents=[sub],
        help="put a backup in place of the database (the file as it is now is backed up "
        "first, so restoring that one undoes this)",
    )
    restore.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="its file name, as `backups` lists it "
        "(default: the latest)"
    )  # fmt: skip
    imports = commands.add_parser(
        "import", parents=[sub], help="add employees and exits from an .xlsx or .csv file"
    )
    imports.add_argument("file", metavar="FILE", nargs="?", help="the .xlsx or .csv file")
    imports.add_argument(
        "--dry-run", action="store_true", help="check the file and say what it would add"
    )
    imports.add_argument(
        "--undo", action="store_true", help="take back the last import: remove what it added "
        "(refused when records made since touch it; a backup is taken first)",
    )  # fmt: skip
    imports.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        help="the order of slash dates such as 03/05/2024 when the file does not tell",
    )
    export = commands.add_parser("export", parents=[sub], help="write an .xlsx workbook")
    export.add_argument("file", metavar="FILE.xlsx", help="the workbook to write")
    export.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month")
    export.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month")
    export.add_argument("--team", metavar="T", help="one team only")
    template = commands.add_parser("template", parents=[sub], help="write the import template")
    template.add_argument("file", metavar="FILE.xlsx", help="the template to write")
    return parser


def _open(args, *, create: bool = False, verify: bool = True, writes: bool = False):
    """The database of --db / RETENTION_DB; only `demo` creates one that is not there. A
    command that `writes` refuses a file it may not write before doing anything."""
    from retention_desktop.store.database import is_read_only, open_database
    from retention_desktop.store.errors import FaultError

    path = resolve_db_path(args.db)
    db = open_database(path, create=create, verify=verify)
    if writes and is_read_only(db):
        db.close()
        raise FaultError("read_only", path)
    return db


def _print(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def cmd_demo(args, lang: str) -> int:
    from retention_desktop.store.demo import fill_demo

    db = _open(args, create=True, writes=True)
    try:
        result = fill_demo(db, today())
    finally:
        db.close()
    state = "written to" if result.created else "already in"
    _print(
        f"Demo shop {state} {resolve_db_path(args.db)}: {result.employees} employees, "
        f"{result.spells} employment spells, {result.exits} exits, "
        f"{result.actions} retention actions."
    )
    return 0


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


_REPORT_LINES = {
    "en": (
        "Period {first} .. {last} ({months})",
        "Headcount: {opening} at the start, {closing} at the end, {average:.1f} on average",
        "Hires {hires}, separations {separations} (voluntary {voluntary}, involuntary "
        "{involuntary})",
        "Turnover rate {rate}, annualized {annualized}, voluntary {voluntary_rate}",
        "Retention rate {retention}, early attrition (90 days) {early}",
        "Top reasons: {reasons}",
    ),
    "zh_CN": (
        "统计期间 {first} 至 {last}（{months}）",
        "在职人数：期初 {opening}，期末 {closing}，平均 {average:.1f}",
        "入职 {hires}，离职 {separations}（主动 {voluntary}，被动 {involuntary}）",
        "流失率 {rate}，年化 {annualized}，主动流失率 {voluntary_rate}",
        "留存率 {retention}，新人 90 天内流失率 {early}",
        "主要离职原因：{reasons}",
    ),
}


def _report_text(report: Report, lang: str = "en") -> str:
    """The report's key figures as lines of text, in `lang` (zh_CN or en)."""
    s, n = report.summary, report.period.month_count
    chinese = lang == "zh_CN"
    months = f"{n} 个月" if chinese else f"{n} month" + ("s" if n != 1 else "")
    reasons = ("、" if chinese else ", ").join(
        f"{r.reason} {r.separations}" for r in report.by_reason[:5]
    )
    figures = {
        "first": report.period.first, "last": report.period.last, "months": months,
        "opening": s.opening, "closing": s.closing, "average": s.average_headcount,
        "hires": s.hires, "separations": s.separations, "voluntary": s.voluntary,
        "involuntary": s.involuntary, "rate": _percent(s.turnover_rate),
        "annualized": _percent(s.annualized_turnover_rate),
        "voluntary_rate": _percent(s.voluntary_turnover_rate),
        "retention": _percent(s.retention_rate), "early": _percent(s.early_attrition_rate),
        "reasons": reasons or "-",
    }  # fmt: skip
    lines = _REPORT_LINES["zh_CN" if chinese else "en"]
    return "\n".join(line.format(**figures) for line in lines)


def cmd_report(args, lang: str) -> int:
    from retention_desktop.store.reports import turnover_report

    period = Period.parse(args.first, args.last, today())
    db = _open(args)  # checked whole: figures are never printed from a damaged file
    try:
        report = turnover_report(db, period, lang=lang, today=today(), team=args.team)
    finally:
        db.close()
    if args.json:
        _print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(_report_text(report, lang))
    return 0


def cmd_backup(args, lang: str) -> int:
    from retention_desktop.store.backup import backup_database

    path = resolve_db_path(args.db)
    db = _open(args)
    try:
        target = backup_database(db.conn, path, reason="manual")
    finally:
        db.close()
    _print(f"Backup written to {target}")
    return 0


def cmd_backups(args, lang: str) -> int:
    from retention_desktop.store.backup import (
        backup_folders,
        backup_target,
        describe_backups,
        place,
    )

    path = resolve_db_path(args.db)
    where = place(path)
    target, _ = backup_target(path, where)
    found = describe_backups(path)
    if not found:
        _print(f"No backups of {path} yet (they are kept in {target}).")
        return 0
    folders = " and ".join(str(f) for f in backup_folders(path, where) if f.is_dir())
    lines = [f"Backups of {path}, in {folders}, oldest first (the next goes to {target}):"]
    for info in found:
        held = "?"
        if info.employees is not None:
            held = f"{info.employees} employees, {info.exits} exits, {info.actions} actions"
        lines.append(f"  {info.path.name}  {info.taken:%Y-%m-%d %H:%M:%S}  {info.reason:<15} "
                     f"{info.size / 1024:,.0f} KB  {held}")  # fmt: skip
    _print("\n".join(lines))
    return 0


def cmd_restore(args, lang: str) -> int:
    from retention_desktop.store.backup import find_backup, restore_keeping_current
    from retention_desktop.store.paths import open_in_window

    path = resolve_db_path(args.db)
    backup = find_backup(path, args.backup)
    if backup is None:
        what = f"no backup called {args.backup}" if args.backup else "no backup"
        raise UsageError(f"there is {what} of {path} (see `{PROG} backups`)")
    if open_in_window(path):
        raise UsageError(f"{path} is open in Retention Desktop: close its window, then restore")
    current = restore_keeping_current(backup, path)
    _print(
        f"Restored {backup.name} in place of {path}.\n"
        f"The file as it was is kept as the backup {current.name}: restore it to undo."
    )
    return 0


def cmd_export(args, lang: str) -> int:
    from retention_desktop.sheets.export import write_workbook
    from retention_desktop.store.exporting import export_data

    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"the workbook must be an .xlsx file, not {target.name}")
    period = Period.parse(args.first, args.last, today())
    db = _open(args)  # checked whole, as report
    try:
        data = export_data(db, period, lang=lang, today=today(), team=args.team)
    finally:
        db.close()
    write_workbook(target, data)
    _print(
        f"Exported {period.first} .. {period.last}"
        + (f" (team {args.team})" if args.team else "")
        + f" to {target}: {len(data.employees)} employment spells, {len(data.exits)} exits, "
        f"{len(data.actions)} retention actions."
    )
    return 0


def cmd_template(args, lang: str) -> int:
    from retention_desktop.sheets.template import write_template

    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"the template must be an .xlsx file, not {target.name}")
    write_template(target)
    _print(f"Import template written to {target}.")
    return 0


def _problems(problems, path: Path) -> int:
    for problem in problems:
        sys.stderr.write(f"{PROG}: {path.name}: {problem.message}\n")
    count = len(problems)
    sys.stderr.write(
        f"{PROG}: nothing was written: {count} problem{'s' if count != 1 else ''} in {path.name}.\n"
    )
    return 1


def cmd_import(args, lang: str) -> int:
    from retention_desktop.sheets.importing import read_import
    from retention_desktop.store.importing import import_rows, plan_import

    if args.undo:
        if args.file:
            raise UsageError("give a file to import or --undo, not both")
        return _undo_import(args)
    if not args.file:
        raise UsageError("the file to import is missing")
    path = Path(args.file)
    parsed = read_import(path, date_order=args.date_order)
    if parsed.problems:
        return _problems(parsed.problems, path)
    db = _open(args, create=True, writes=not args.dry_run)  # a roster may start a new file
    try:
        if args.dry_run:
            summary = plan_import(db, parsed.rows, parsed.columns)
        else:
            path_of_db = resolve_db_path(args.db)
            summary = import_rows(
                db, path_of_db, parsed.rows, columns=parsed.columns, source=path.name
            )
    finally:
        db.close()
    if summary.problems:
        return _problems(summary.problems, path)
    done = "would add" if args.dry_run else "added"
    lines = [
        f"{path.name}: {summary.rows} rows; {done} {summary.employees_added} employees, "
        f"{summary.spells_added} employment spells, {summary.exits_added} exits; "
        f"{summary.already_there} rows already in the database."
    ]
    if summary.new_reasons:
        lines.append(
            f"New exit reasons {'to add' if args.dry_run else 'added'}: "
            + ", ".join(summary.new_reasons)
            + "."
        )
    if summary.new_destinations:
        lines.append(
            f"New destinations {'to add' if args.dry_run else 'added'}: "
            + ", ".join(summary.new_destinations)
            + "."
        )
    if summary.backup is not None:
        lines.append(f"Backup taken first: {summary.backup}")
    if args.dry_run:
        lines.append("Dry run: nothing was written.")
    elif not summary.written:
        lines.append("Nothing new: nothing was written.")
    _print("\n".join(lines))
    return 0


def _undo_import(args) -> int:
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.imports import last_import, refusal, undo_last_import

    db = _open(args, writes=not args.dry_run)
    try:
        if args.dry_run:
            last = last_import(db)
            if last is None:
                raise RecordError("there is no import to undo", code="no_import")
            if last.blockers:
                raise RecordError(refusal(last), code="import_changed")
        else:
            last, backup = undo_last_import(db, resolve_db_path(args.db))
    finally:
        db.close()
    did = "would remove" if args.dry_run else "removed"
    lines = [
        f"The import of {last.source} ({last.imported_at:%Y-%m-%d %H:%M}): {did} "
        f"{last.employees} employees, {last.spells} employment spells, {last.exits} exits "
        f"and {last.reasons} exit reasons it added"
        + (f"; {last.closed} employments it ended are open again" if last.closed else "")
        + "."
    ]
    lines.append(
        "Dry run: nothing was written." if args.dry_run else f"Backup taken first: {backup}"
    )
    _print("\n".join(lines))
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "report": cmd_report,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "import": cmd_import,
    "export": cmd_export,
    "template": cmd_template,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args, lang = None, "en"
    try:
        args = build_parser().parse_args(argv)
        lang = resolve_language(args.lang)
        if args.command is None:
            missing = no_display(lang)
            if missing:  # Qt would abort with a core dump: one sentence instead
                sys.stderr.write(f"{PROG}: {missing}\n")
                return 1
            from retention_desktop.app import run_gui

            screenshot = Path(args.screenshot) if args.screenshot else None
            # the language: --lang, else as chosen in Settings, else the system's
            return run_gui(resolve_db_path(args.db), args.lang, screenshot=screenshot)
        return COMMANDS[args.command](args, lang)
    except (UsageError, StoreError, SheetError, ValueError) as error:
        if isinstance(error, FaultError):  # the file or the disk: in the owner's language
            sys.stderr.write(f"{PROG}: {_sentence(error.sentence(lang), lang)}\n")
        else:
            sys.stderr.write(f"{PROG}: {_sentence(str(error))}\n")
        return 2 if isinstance(error, UsageError) else 1
    except FAULTS as error:  # SQLite's or the system's
        sys.stderr.write(f"{PROG}: {_sentence(_fault(error, args, lang), lang)}\n")
        return 1


def no_display(lang: str, environ=os.environ, platform: str = sys.platform) -> str:
    """The sentence to say when the window has no screen to open on (Linux without an X or
    Wayland display and no other Qt platform asked for), else ""."""
    if not platform.startswith("linux"):
        return ""
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked and not asked.startswith(("xcb", "wayland")):
        return ""  # offscreen, vnc, eglfs…: Qt needs no display
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    if lang == "zh_CN":
        return (
            "没有可以显示窗口的屏幕（未设置 DISPLAY）：请在桌面环境中启动，或在终端里使用 "
            "report、export 等命令（见 --help）。"
        )
    return (
        "There is no screen to show the window on (DISPLAY is not set): start it from a "
        "desktop, or use a command such as report or export in a terminal (see --help)."
    )


def _sentence(message: str, lang: str = "en") -> str:
    """`message` as a sentence: a capital first and a full stop (a Chinese one for a
    sentence in Chinese)."""
    message = message.rstrip(".。")
    chinese = lang == "zh_CN"
    return f"{message[:1].upper()}{message[1:]}{'。' if chinese else '.'}"


def _fault(error: Exception, args, lang: str) -> str:
    """One sentence for a fault of a file or the disk, in the owner's language: the
    database's (read-only, disk full, busy…), or another file's (a workbook written, a
    spreadsheet read: disk full, open in Excel, no such file…)."""
    from retention_desktop.store.backup import backups_dir
    from retention_desktop.store.errors import file_sentence
    from retention_desktop.store.faults import fault_of, file_kind_of

    database = resolve_db_path(args.db) if args is not None else None
    if isinstance(error, OSError):
        about = Path(error.filename) if error.filename else database
        backups = backups_dir(database) if database is not None else None
        ours = (
            about is not None
            and database is not None
            and (about.name.startswith(database.name) or about == backups
                 or backups in about.parents)
        )  # the database, its log, its backups: not a spreadsheet read or written  # fmt: skip
        if not ours and about is not None:
            detail = error.strerror or str(error)
            return file_sentence(file_kind_of(error, about), about, detail, lang)
        return fault_of(error, about).sentence(lang)
    return fault_of(error, database).sentence(lang)
