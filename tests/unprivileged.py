"""Running a piece of a test as a user who is not root: root ignores file modes, so a
read-only file is only read-only to someone else.

As root, `as_unprivileged(fn)` forks, the child drops to the `nobody` user (or another
unprivileged one) and runs `fn` there; what `fn` returns (or the error it raised, as
text) comes back through a pipe. Everything `fn` uses must be imported before: the
child may not read the interpreter's files. Not root: `fn` simply runs."""

from __future__ import annotations

import os
import pickle
import pwd
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def unprivileged_user() -> pwd.struct_passwd | None:
    for name in ("nobody", "daemon", "nfsnobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        if user.pw_uid != 0:
            return user
    return None


def as_unprivileged(fn: Callable[[], Any]) -> Any:
    if os.geteuid() != 0:
        return fn()
    user = unprivileged_user()
    assert user is not None, "no unprivileged user on this machine"
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(reader)
        try:
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
            outcome = ("ok", fn())
        except BaseException as error:  # reported to the parent
            outcome = ("error", f"{type(error).__name__}: {error}")
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(pickle.dumps(outcome))
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data)
    if kind == "error":
        raise AssertionError(f"as an unprivileged user: {value}")
    return value


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user can enter and read (pytest's own are owner-only)."""
    folder = Path(tempfile.mkdtemp(prefix="retention-shared-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder)


def read_only(*paths: Path) -> None:
    """Take write permission away from files and folders (for everyone)."""
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(mode & ~0o222 | (0o555 if path.is_dir() else 0o444))


@contextmanager
def read_only_place(*files: Path) -> Iterator[Path]:
    """A folder with copies of `files` that this process may not write. Not root: by file
    modes. Root (whom modes do not bind): a read-only bind mount of the folder, where the
    machine allows mounting; else the test is skipped, saying why."""
    import subprocess

    import pytest

    with shared_folder() as source:
        for file in files:
            shutil.copyfile(file, source / file.name)
        if os.geteuid() != 0:
            read_only(*(source / f.name for f in files), source)
            yield source
            return
        target = Path(tempfile.mkdtemp(prefix="retention-read-only-"))
        mounted = subprocess.run(["mount", "--bind", str(source), str(target)],
                                 capture_output=True, check=False)  # fmt: skip
        if mounted.returncode != 0:
            target.rmdir()
            pytest.skip(f"root, and no read-only mount here: {mounted.stderr.decode().strip()}")
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)
            yield target
        finally:
            # lazily: a connection still open (closed at the test's teardown) keeps it busy
            subprocess.run(["umount", "-l", str(target)], check=True)
            target.rmdir()


@contextmanager
def small_disk(kilobytes: int) -> Iterator[tuple[Path, Callable[[int], None]]]:
    """A real, small file system (tmpfs) to fill up, and a way to give it more room;
    skipped, saying why, where this machine may not mount one."""
    import subprocess

    import pytest

    folder = Path(tempfile.mkdtemp(prefix="retention-small-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs",
                              str(folder)], capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"no small disk here: {mounted.stderr.decode().strip()}")

    def grow(to_kilobytes: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={to_kilobytes}k", str(folder)], check=True)

    try:
        yield folder, grow
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
        folder.rmdir()


def started_process(*argv: str):
    """A child process, returned once it runs `argv` (until its exec, /proc shows the
    parent's command line)."""
    import subprocess
    import time

    child = subprocess.Popen(list(argv))
    cmdline = Path(f"/proc/{child.pid}/cmdline")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if argv[-1].encode() in cmdline.read_bytes():
                return child
        except OSError:
            pass
        time.sleep(0.005)
    return child
