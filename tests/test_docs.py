"""Every CLI command has help text and is documented in the README."""

from pathlib import Path

import typer.main

from themesift.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_is_in_the_readme():
    group = typer.main.get_group(app)
    assert group.commands
    for name, command in group.commands.items():
        assert command.help, name
        assert f"themesift {name}" in README, name
        for param in command.params:
            if isinstance(param, __import__("click").Option):
                assert param.help, f"{name} {param.name}"


def test_readme_names_the_two_commands():
    assert "make run" in README and "make test" in README
