"""Every command and option of the CLI is documented in the README and has help text."""

from __future__ import annotations

import click
import pytest
from conftest import REPO

from pipeline.cli import cli

README = (REPO / "README.md").read_text("utf-8")


def commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix}{name} ")
    return found


@pytest.mark.parametrize(("name", "command"), commands(cli), ids=[n for n, _ in commands(cli)])
def test_command_is_documented(name: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"'pipeline {name}' has no help text"
    top = name.split(" ")[0]
    assert f"pipeline {top}" in README, f"'pipeline {top}' is missing from the README"
    for option in command.params:
        if isinstance(option, click.Option):
            longest = max(option.opts, key=len)
            assert longest in README, f"'pipeline {name} {longest}' is missing from the README"
