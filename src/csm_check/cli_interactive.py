"""`csm-check interactive`: the Typer command; the interview itself lives in interview.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_ANSWERS = Path("csm-answers.yaml")


def interactive(
    answers: Annotated[
        Path, typer.Option("--answers", metavar="FILE", help="Answers file to create or resume.")
    ] = DEFAULT_ANSWERS,
    lang: Annotated[str | None, typer.Option("--lang", help="Language: en or de.")] = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only", metavar="IDS", help="Only these challenges, e.g. 2,7 or compliance."
        ),
    ] = None,
    challenges: Annotated[
        Path | None,
        typer.Option(
            "--challenges", metavar="FILE", help="Use this model instead of the built-in one."
        ),
    ] = None,
    organisation: Annotated[str | None, typer.Option(help="Organisation name.")] = None,
    respondent: Annotated[str | None, typer.Option(help="Who answers.")] = None,
) -> None:
    """Assess your organisation question by question; answers are saved after each one.

    \b
    Examples:
      csm-check interactive
      csm-check interactive --answers q4.yaml --only 2,7 --lang de
    """
    raise NotImplementedError("interactive is being built")
