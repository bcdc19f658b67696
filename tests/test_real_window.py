"""The installed program opens a real window: started as the owner starts it (the
`retention-desktop` the install put beside this Python), on a real X server (Xvfb, Qt's
xcb platform, not offscreen) on Linux or the desktop on Windows, in Chinese, it saves a
picture of the screen once its window is drawn. The picture must show a window, not a
blank screen; the program itself refuses (exit 3) when Chinese would come out as boxes.

Linux needs Xvfb (`sh .ci/system-packages.sh` installs it): without it this fails, as it
must when the window does not appear."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from retention_desktop.cli import no_display

BIN = Path(sys.executable).parent
EXE = ".exe" if sys.platform == "win32" else ""
PROGRAM = BIN / f"retention-desktop{EXE}"  # the window (a GUI program on Windows)
CLI = BIN / f"retention-desktop-cli{EXE}"  # the same with a console


def screen_colours(path: Path) -> tuple[int, float]:
    """(distinct colours on a grid of points, share of the points that are not the most
    common colour): a blank screen has one colour, a window has many."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a picture"
    seen: dict[int, int] = {}
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colour = image.pixel(x, y)
            seen[colour] = seen.get(colour, 0) + 1
    points = sum(seen.values())
    return len(seen), 1 - max(seen.values()) / points


def run_window(tmp_path: Path, db: Path, lang: str, extra_env: dict | None = None):
    shot = tmp_path / "screen.png"
    env = dict(os.environ, **(extra_env or {}))
    env.pop("QT_QPA_PLATFORM", None)  # the suite's offscreen: the real platform here
    command = [str(PROGRAM), "--db", str(db), "--lang", lang, "--screenshot", str(shot)]
    if sys.platform.startswith("linux"):
        xvfb = shutil.which("xvfb-run")
        assert xvfb, "Xvfb is needed to open a real window: run sh .ci/system-packages.sh"
        env["QT_QPA_PLATFORM"] = "xcb"
        env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")  # this test's own settings
        command = [xvfb, "-a", "-s", "-screen 0 1280x800x24", *command]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    return done, shot


def test_the_installed_program_shows_its_window_in_chinese(tmp_path):
    assert PROGRAM.exists(), f"{PROGRAM} is not installed: pip install -e ."
    db = tmp_path / "shop.db"
    made = subprocess.run([str(CLI), "demo", "--db", str(db)], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert made.returncode == 0, made.stderr
    done, shot = run_window(tmp_path, db, "zh_CN")
    assert done.returncode == 0, done.stderr
    colours, not_background = screen_colours(shot)
    assert colours > 20, f"the screen is blank ({colours} colours)"
    assert not_background > 0.2, f"the window covers {not_background:.0%} of the screen"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_without_a_display_the_program_says_so_in_one_sentence(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    done = subprocess.run([str(CLI), "--db", str(tmp_path / "x.db"), "--lang", "en"],
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == f"retention-desktop: {no_display('en', {}, 'linux')}\n"
    assert not (tmp_path / "x.db").exists()  # nothing was opened or made


def test_no_display_is_only_said_where_qt_would_need_one():
    assert no_display("en", {}, "linux").startswith("There is no screen")
    assert no_display("zh_CN", {}, "linux").startswith("没有可以显示窗口的屏幕")
    assert no_display("en", {"DISPLAY": ":0"}, "linux") == ""
    assert no_display("en", {"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert no_display("en", {"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert no_display("en", {"QT_QPA_PLATFORM": "xcb"}, "linux").startswith("There is")
    assert no_display("en", {}, "win32") == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig")
def test_chinese_drawn_as_boxes_fails_the_check(tmp_path):
    """With no Chinese font (fontconfig given only DejaVu), the window's Chinese would be
    empty boxes: the program says so and exits 3, so a bundle or machine without the font
    fails its smoke test."""
    fonts = Path("/usr/share/fonts/truetype/dejavu")
    if not fonts.is_dir():
        pytest.skip("no DejaVu fonts to leave alone")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    db = tmp_path / "shop.db"
    subprocess.run([str(CLI), "demo", "--db", str(db)], check=True, capture_output=True)
    done, _ = run_window(tmp_path, db, "zh_CN", {"FONTCONFIG_FILE": str(config)})
    assert done.returncode == 3, done.stderr
    assert "Chinese text is drawn as empty boxes" in done.stderr
