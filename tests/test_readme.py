"""The README stays true: its test command is the one CI runs, and it documents the CLI."""

from __future__ import annotations

import re
from pathlib import Path

from retention_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)


def test_quick_start_is_two_commands_in_each_language():
    blocks = _sh_blocks()
    assert len(blocks) == 4  # install-and-open, test: once in Chinese, once in English
    assert all("\n" not in block for block in blocks)
    assert blocks[0] == blocks[2]
    assert blocks[1] == blocks[3]
    assert "retention-desktop demo --db demo.db" in blocks[0]
    assert blocks[0].endswith("retention-desktop --db demo.db")


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _sh_blocks()[1]
    script = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert script[-1] == test_command
    for check in ("ruff check", "ruff format --check", "lint-imports", "pytest"):
        assert check in test_command


def test_every_command_and_option_is_documented():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        assert f"retention-desktop {name}" in README, f"command {name} is not in the README"
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in README, f"option {option} of {name} is not in the README"
    for action in parser._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert option in README, f"option {option} is not in the README"
