"""The command line on a file its user may not write (run as a user who is not root):
`report` and `export` work and create nothing beside the file; `import`, `demo` and
`backup` refuse in one sentence and change nothing."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

from unprivileged import as_unprivileged, read_only, shared_folder

from retention_desktop.cli import main

YEAR = ("--from", "2024-01", "--to", "2024-12")


def call(*argv) -> tuple[int, str, str]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # the CLI writes UTF-8 bytes
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def test_reading_commands_work_and_writing_ones_refuse(demo_db: Path, run, tmp_path) -> None:
    expected = json.loads(run("report", "--db", demo_db, *YEAR, "--json").out)
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,入职日期\n新同事,2026-03-01\n", encoding="utf-8")
    # every module the commands use, imported before the child gives up root
    for warm_up in (("export", "--db", demo_db, *YEAR, tmp_path / "warm.xlsx"),
                    ("import", "--db", demo_db, "--dry-run", roster)):  # fmt: skip
        assert run(*warm_up).code == 0
    with shared_folder() as folder:
        path = folder / "shop.db"
        shutil.copyfile(demo_db, path)
        path.chmod(0o644)
        roster = Path(shutil.copy(roster, folder / "roster.csv"))
        roster.chmod(0o644)
        outside = folder / "out"
        outside.mkdir()
        read_only(path, folder)

        def as_the_owner():
            return {
                "report": call("report", "--db", path, *YEAR, "--json"),
                "export": call("export", "--db", path, *YEAR, outside / "shop.xlsx"),
                "import": call("import", "--db", path, roster),
                "backup": call("backup", "--db", path),
                "beside": sorted(p.name for p in folder.iterdir()),
            }

        outside.chmod(0o777)
        seen = as_unprivileged(as_the_owner)
    code, out, err = seen["report"]
    assert (code, err) == (0, "")
    assert json.loads(out) == expected
    assert seen["export"][0] == 0, seen["export"][2]
    for command in ("import", "backup"):
        code, out, err = seen[command]
        assert code == 1, (command, out, err)
        assert err.count("\n") == 1, err
        assert f"{path if command == 'import' else folder / 'backups'}" in err, err
        assert "read-only" in err or "not allowed" in err, err
        assert "Traceback" not in err
    assert seen["beside"] == ["out", "roster.csv", "shop.db"]
