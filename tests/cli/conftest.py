"""Fixtures for the command-line tests: an isolated environment, a runner for `main(argv)`
and a copy of one demo database per test (built once through the CLI itself)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from retention_desktop.cli import main

# A fixed "today", so that the demo shop and the default period are reproducible.
TODAY = "2026-11-23"

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def isolate(mp: pytest.MonkeyPatch, home: Path) -> None:
    """Point every place the app could look for data at `home`, and fix today and locale."""
    mp.setenv("HOME", str(home))
    mp.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    mp.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    mp.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    mp.setenv("RETENTION_TODAY", TODAY)
    mp.setenv("QT_QPA_PLATFORM", "offscreen")
    mp.delenv("RETENTION_DB", raising=False)
    for var in LOCALE_VARS:
        mp.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    isolate(monkeypatch, home)
    return home


@dataclass
class Result:
    code: int | None
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Call `main(argv)` in-process; return its exit status, stdout and stderr."""

    def call(*argv: str | Path) -> Result:
        capsys.readouterr()  # drop anything printed before
        try:
            code: int | None = main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse's --version / --help
            code = exit_.code if isinstance(exit_.code, int) or exit_.code is None else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database, written by `demo` through the CLI, copied into each test."""
    folder = tmp_path_factory.mktemp("demo-template")
    path = folder / "template.db"
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        isolate(mp, folder)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["demo", "--db", str(path)])
    assert code == 0, err.getvalue()
    assert path.stat().st_size > 0
    for suffix in ("-wal", "-shm"):  # closed cleanly: the file alone holds everything
        assert not path.with_name(path.name + suffix).exists()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "shop.db"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes: a file changed, created or
    removed (a -wal, a backup) shows up as a difference."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def untouched() -> Callable[[Path], contextlib.AbstractContextManager[None]]:
    """`with untouched(folder): ...` fails if anything under `folder` changed."""

    @contextlib.contextmanager
    def check(folder: Path) -> Iterator[None]:
        before = snapshot(folder)
        yield
        assert snapshot(folder) == before

    return check
