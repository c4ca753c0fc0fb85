"""The README states what the model and the CLI do; these tests keep the two in step."""

from __future__ import annotations

import re

from conftest import REPO
from csm_check.i18n import t
from csm_check.model import Model

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_bands_line_is_generated_from_the_model(model: Model) -> None:
    line = t(
        "model.bands",
        "en",
        developing=f"{model.bands.developing:g}",
        ready=f"{model.bands.ready:g}",
    )
    assert line in README


def test_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "pip install ." in commands[0] and "csm-check" in commands[0]
    assert "pip install '.[test]'" in commands[1] and commands[1].endswith("pytest")


def test_example_in_quick_start_exists() -> None:
    for path in re.findall(r"examples/[\w.-]+/?", README):
        assert (REPO / path).exists(), path
