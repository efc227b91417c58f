"""Every CLI command has help text and is documented in the README."""

from pathlib import Path

import pytest
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


@pytest.mark.slow
def test_the_readme_notebook_example_runs(tmp_path, monkeypatch):
    """The Python block of 'In a notebook', run as written from the repository's data."""
    import shutil

    block = README.split("## In a notebook", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert (tmp_path / "models" / "hcsa" / "manifest.json").is_file()
    assert (tmp_path / "hcsa-quotes.docx").is_file()
    tagged = scope["tagged"]
    result = scope["result"]
    assert list(tagged["primary_theme"]) == list(result.assignments["primary_theme"])
