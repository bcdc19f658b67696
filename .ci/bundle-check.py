"""Build the PyInstaller bundle (build.spec) and run what it holds, as an owner would.

    .venv/bin/python .ci/bundle-check.py            # build, then check dist/retention-desktop
    .venv/bin/python .ci/bundle-check.py --no-build # check the bundle already in dist/

Needs the `bundle` extra (pip install -e '.[bundle]'). On Linux the window is opened on
Xvfb (xvfb-run, from .ci/system-packages.sh) with Qt's xcb platform; with strace it also
checks that the translations and plugins are read from inside the bundle, and with xdotool
it opens the dashboard (pyqtgraph, numpy) and pictures it too; without them those two steps
say they are skipped. Prints sizes and timings; the first failure ends it with a line
`bundle-check: FAIL: ...` and exit status 1. Pictures and files go to build/bundle-check/.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
SCREEN = "-screen 0 1280x800x24"
# loaded once the dashboard has drawn: numpy's C code and BLAS, pyqtgraph's Qt modules
DASHBOARD_LIBRARIES = ("_multiarray_umath", "libscipy_openblas", "QtOpenGLWidgets.abi3.so")


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def step(name: str):
    print(f"-- {name}", flush=True)
    return time.perf_counter()


def done(started: float, what: str = "ok") -> None:
    print(f"   {what} ({time.perf_counter() - started:.1f} s)", flush=True)


def run(command: list[str], *, env: dict | None = None, timeout: int = 180, what: str = ""):
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
    )
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-15:]
        raise Failed(f"{what or command[0]} exited {result.returncode}:\n" + "\n".join(tail))
    return result


def size_report(bundle: Path) -> float:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    print(f"   {bundle}: {total / 2**20:.1f} MiB in {len(files)} files")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:15]:
        print(f"   {path.stat().st_size / 2**20:7.1f} MiB  {path.relative_to(bundle)}")
    return total / 2**20


def screen_colours(path: Path) -> tuple[int, float]:
    """(distinct colours on a grid of points, share of points not the commonest colour):
    a blank screen has one colour, a window has many (as tests/test_real_window.py)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    check(not image.isNull(), f"{path} is not a picture")
    seen: dict[int, int] = {}
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colour = image.pixel(x, y)
            seen[colour] = seen.get(colour, 0) + 1
    return len(seen), 1 - max(seen.values()) / sum(seen.values())


def check_picture(path: Path, what: str) -> None:
    colours, covered = screen_colours(path)
    print(f"   {what}: {colours} colours, the window covers {covered:.0%} of the screen")
    check(colours > 20, f"{what}: the screen is blank ({colours} colours)")
    check(covered > 0.2, f"{what}: the window covers only {covered:.0%} of the screen")


def check_contents(bundle: Path) -> None:
    inside = bundle / "_internal"
    wanted = [
        "resources/translations/retention_desktop_zh_CN.qm",
        "resources/translations/retention_desktop_en.qm",
        "resources/help/guide_zh_CN.html",
        "resources/help/guide_en.html",
        "resources/icons/app.svg",
        "resources/app.ico",
    ]
    qt = inside / "PySide6" / ("" if WINDOWS else "Qt")  # the wheels' layouts differ
    check((qt / "translations" / "qtbase_zh_CN.qm").is_file(), "qtbase_zh_CN.qm is missing")
    plugins = {
        "imageformats": "qsvg",
        "iconengines": "qsvgicon",
        "platforms": "qwindows" if WINDOWS else "qxcb",
    }
    for path in wanted:
        check((inside / path).is_file(), f"{path} is not in the bundle")
    for kind, name in plugins.items():
        found = list((qt / "plugins" / kind).glob(f"*{name}.*"))
        check(bool(found), f"the Qt plugin {kind}/{name} is not in the bundle")
    check(
        len(list((inside / "resources" / "icons" / "lucide").glob("*.svg"))) > 10,
        "the toolbar icons (resources/icons/lucide) are not in the bundle",
    )
    left = sorted(p.name for p in (qt / "translations").glob("*.qm"))
    print(f"   resources, help, icons and plugins present; Qt translations: {', '.join(left)}")


def check_version_files(build_dir: Path, version: str) -> None:
    """The Windows version resources that build.spec made: read back by PyInstaller's own
    parser and turned into the binary resource (what it embeds on Windows)."""
    import PyInstaller.compat

    # Off Windows these two are absent; only writing into an .exe uses them, not parsing.
    sys.modules.setdefault("pefile", types.ModuleType("pefile"))
    if not hasattr(PyInstaller.compat, "win32api"):
        PyInstaller.compat.win32api = None
    from PyInstaller.utils.win32 import versioninfo

    for name in ("retention-desktop", "retention-desktop-cli"):
        path = build_dir / f"{name}-version.txt"
        check(path.is_file(), f"{path} was not made")
        info = versioninfo.load_version_info_from_text_file(str(path))
        raw = info.toRaw()
        text = str(info)
        check(f"'{name}.exe'" in text, f"{path}: OriginalFilename is not {name}.exe")
        numeric = re.match(r"\d+(\.\d+){0,3}", version).group(0)
        four = ".".join((numeric.split(".") + ["0"] * 4)[:4])
        check(f"'{four}'" in text, f"{path}: the version is not {four}")
        print(f"   {path.name}: FileVersion {four}, {len(raw)} bytes of resource")


def check_cli(cli: Path, work: Path, version: str) -> None:
    started = step("retention-desktop-cli --version")
    out = run([str(cli), "--version"], what="--version").stdout.strip()
    check(out == f"retention-desktop {version}", f"--version said {out!r}")
    done(started, out)

    db = work / "shop.db"
    started = step("demo --db shop.db")
    print("   " + run([str(cli), "demo", "--db", str(db)], what="demo").stdout.strip())
    done(started)

    started = step("report --json")
    report = json.loads(run([str(cli), "report", "--json", "--db", str(db)]).stdout)
    summary = report["summary"]
    check(summary["closing"] > 0 and summary["separations"] > 0, f"report: {summary}")
    done(started, f"closing headcount {summary['closing']}, {summary['separations']} exits")

    import openpyxl

    books = {}
    for lang in ("en", "zh_CN"):
        started = step(f"export --lang {lang}")
        books[lang] = work / f"export-{lang}.xlsx"
        run([str(cli), "export", str(books[lang]), "--db", str(db), "--lang", lang])
        book = openpyxl.load_workbook(books[lang])
        check(len(book.worksheets) >= 5, f"{books[lang].name}: only {book.sheetnames}")
        done(started, f"{books[lang].name}: {', '.join(book.sheetnames)}")

    started = step("import the workbook into a new database, then report")
    fresh = work / "fresh.db"
    said = run([str(cli), "import", str(books["en"]), "--db", str(fresh)], what="import")
    print("   " + said.stdout.strip().splitlines()[0])
    again = json.loads(run([str(cli), "report", "--json", "--db", str(fresh)]).stdout)
    counts = ("opening", "closing", "hires", "separations", "voluntary", "involuntary")
    check(
        all(again["summary"][k] == summary[k] for k in counts),
        f"the imported shop reports {again['summary']}, the original {summary}",
    )
    done(started, "same figures as the original")

    started = step("import a GB18030 CSV with Chinese headers")
    english = openpyxl.load_workbook(books["en"], read_only=True)
    index = english.sheetnames.index("Employees")
    sheet = openpyxl.load_workbook(books["zh_CN"], read_only=True).worksheets[index]
    rows = list(sheet.iter_rows(max_row=11, values_only=True))
    check(any("\u4e00" <= ch <= "\u9fff" for ch in str(rows[0][0])), f"headers {rows[0]}")
    table = work / "员工.csv"
    with table.open("w", encoding="gb18030", newline="") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([v.date().isoformat() if hasattr(v, "date") else v for v in row])
    small = work / "small.db"
    said = run([str(cli), "import", str(table), "--db", str(small)], what="import CSV")
    print("   " + said.stdout.strip().splitlines()[0])
    check(re.search(r"added 10 employees", said.stdout) is not None, said.stdout)
    report = json.loads(run([str(cli), "report", "--json", "--db", str(small)]).stdout)
    done(started, f"report on it: {report['summary']['closing']} employed at the end")


def opened_files(trace: Path) -> list[str]:
    return re.findall(r'open(?:at)?\(.*?"([^"]+)".*\) = \d', trace.read_text(errors="replace"))


def check_window(gui: Path, work: Path, db: Path) -> None:
    shot = work / "window-zh_CN.png"
    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "xdg"))
    command = [str(gui), "--db", str(db), "--lang", "zh_CN", "--screenshot", str(shot)]
    trace = work / "window.strace"
    if not WINDOWS:
        env["QT_QPA_PLATFORM"] = "xcb"
        check(shutil.which("xvfb-run") is not None, "xvfb-run is missing (.ci/system-packages.sh)")
        if shutil.which("strace"):
            command = ["strace", "-f", "-qq", "-e", "trace=open,openat", "-o", str(trace), *command]
        command = ["xvfb-run", "-a", "-s", SCREEN, *command]
    started = step("the window, in Chinese, on " + ("the desktop" if WINDOWS else "Xvfb (xcb)"))
    run(command, env=env, timeout=120, what="retention-desktop --screenshot")
    check_picture(shot, shot.name)
    done(started, f"picture: {shot}")

    if trace.exists():
        started = step("what the window read from the bundle (strace)")
        inside = str(gui.parent.resolve() / "_internal")
        read = [p for p in opened_files(trace) if p.startswith(inside)]
        for wanted in (
            "resources/translations/retention_desktop_zh_CN.qm",
            "PySide6/Qt/translations/qtbase_zh_CN.qm",
            "resources/icons/lucide/",
            "platforms/libqxcb.so",
            "iconengines/libqsvgicon.so",
        ):
            check(any(wanted in p for p in read), f"the window did not read {wanted} from {inside}")
        done(started, f"{len(read)} files, translations, icons and plugins among them")
    else:
        print("-- what the window read from the bundle: skipped (no strace)")


def check_dashboard(gui: Path, work: Path, db: Path) -> None:
    if WINDOWS or not shutil.which("xdotool"):
        print("-- the dashboard: skipped (needs Linux, xvfb-run and xdotool)")
        return
    started = step("the dashboard (Ctrl+4: pyqtgraph and numpy) on Xvfb")
    shot = work / "dashboard-zh_CN.png"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(work / "xdg"))
    run(
        [
            "xvfb-run",
            "-a",
            "-s",
            SCREEN,
            sys.executable,
            __file__,
            "--dashboard-inside-x",
            str(gui),
            str(db),
            str(shot),
        ],
        env=env,
        timeout=180,
        what="the dashboard run",
    )
    check_picture(shot, shot.name)
    done(started, f"picture: {shot}")


def dashboard_inside_x(gui: str, db: str, shot: str) -> int:
    """Run on the Xvfb display: start the window, press Ctrl+4, picture the screen."""
    log = Path(shot).with_suffix(".log")
    with log.open("w", encoding="utf-8") as err:
        app = subprocess.Popen([gui, "--db", db, "--lang", "zh_CN"], stderr=err)
        try:
            for _ in range(120):  # the window, within a minute
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--class", "retention"],
                    capture_output=True,
                    text=True,
                )
                if found.stdout.strip() or app.poll() is not None:
                    break
                time.sleep(0.5)
            if app.poll() is not None or not found.stdout.strip():
                print("the window did not appear", file=sys.stderr)
                return 1
            window = found.stdout.split()[0]
            time.sleep(2)
            subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False)
            subprocess.run(["xdotool", "key", "ctrl+4"], check=True)  # as typed (XTEST)
            time.sleep(4)  # the charts are drawn in the background
            from PySide6.QtGui import QGuiApplication

            qt = QGuiApplication(["bundle-check"])
            saved = qt.primaryScreen().grabWindow(0).save(shot)
            alive = app.poll() is None
            # The dashboard shows a failure (such as numpy's C code failing to load) as a
            # message, not on stderr: its libraries must be loaded in the running program.
            maps = Path(f"/proc/{app.pid}/maps").read_text() if alive else ""
            missing = [lib for lib in DASHBOARD_LIBRARIES if lib not in maps]
        finally:
            app.terminate()
            app.wait(30)
    errors = log.read_text(encoding="utf-8", errors="replace")
    if not saved or not alive or missing or "Traceback" in errors:
        print(
            f"picture saved: {saved}, still running: {alive}, libraries not loaded: "
            f"{missing}\n{errors[-3000:]}",
            file=sys.stderr,
        )
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check dist/ as it is")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="PyInstaller's dist folder")
    parser.add_argument("--dashboard-inside-x", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dashboard_inside_x:
        return dashboard_inside_x(*args.dashboard_inside_x)

    version = re.search(
        r'__version__ = "([^"]+)"', (ROOT / "retention_desktop" / "__init__.py").read_text("utf-8")
    ).group(1)
    bundle = Path(args.dist) / "retention-desktop"
    work = ROOT / "build" / "bundle-check"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    begun = time.perf_counter()
    try:
        if not args.no_build:
            started = step("pyinstaller --noconfirm build.spec")
            pyinstaller = Path(sys.executable).parent / f"pyinstaller{EXE}"
            built = run(
                [
                    str(pyinstaller),
                    "--noconfirm",
                    "--distpath",
                    args.dist,
                    str(ROOT / "build.spec"),
                ],
                timeout=1800,
                what="pyinstaller",
            )
            (work / "pyinstaller.log").write_text(built.stdout + built.stderr, encoding="utf-8")
            for line in built.stdout.splitlines():  # what build.spec says it left out
                if line.startswith(("Stripped", "Bundle:", "retention-desktop-cli ->")):
                    print("   " + line)
            done(started, "built")
        check(bundle.is_dir(), f"{bundle} is missing: build it first (without --no-build)")
        started = step("size and contents")
        size_report(bundle)
        check_contents(bundle)
        if (ROOT / "build" / "build" / "retention-desktop-version.txt").exists():
            check_version_files(ROOT / "build" / "build", version)
        done(started)
        check_cli(bundle / f"retention-desktop-cli{EXE}", work, version)
        check_window(bundle / f"retention-desktop{EXE}", work, work / "shop.db")
        check_dashboard(bundle / f"retention-desktop{EXE}", work, work / "shop.db")
    except (Failed, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as failure:
        print(f"bundle-check: FAIL: {failure}", file=sys.stderr)
        return 1
    print(f"bundle-check: all passed in {time.perf_counter() - begun:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
