"""`csm-check interactive`: the Typer command; the interview itself lives in csm_check.interview."""

from pathlib import Path
from typing import Annotated

import typer

from csm_check.cli.common import ChallengesOption, OnlyOption, lang_choices

DEFAULT_ANSWERS = Path("csm-answers.yaml")


def interactive(
    answers: Annotated[
        Path, typer.Option("--answers", metavar="FILE", help="Answers file to create or resume.")
    ] = DEFAULT_ANSWERS,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar=lang_choices(), help="Language of the questions."),
    ] = None,
    only: OnlyOption = None,
    challenges: ChallengesOption = None,
    organisation: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Organisation name (skips its question).")
    ] = None,
    respondent: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Who answers (skips its question).")
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT",
            help="Your role, e.g. agent or team lead (skips its question; team scoring "
            "groups by it).",
        ),
    ] = None,
    walk_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Visit every question; by default a resumed interview visits the open ones.",
        ),
    ] = False,
) -> None:
    """Assess your organisation question by question; answers are saved after each one.

    \b
    Keys at every question:
      0-4 answer   0-4 <text> answer with a note   n <reason> not applicable
      s skip   b back   c clear   ? help   q save and quit   Enter keep the answer

    Resumes with the unanswered questions only (--all visits every one); in a terminal a
    review screen follows, from which any challenge or question can be opened again.
    At the organisation/respondent prompts q quits (type "q" in quotes for the name q).
    Piped input is read line by line: organisation, respondent (unless given as options),
    then one key per question; the role is asked only at a terminal (else use --role).

    \b
    Examples:
      csm-check interactive
      csm-check interactive --answers q4.yaml --only 2,7 --lang de

    \b
    Exit codes: 0 done or saved with q, 1 end of input, 2 invalid input or usage,
    130 interrupted (after saving).
    """
    from csm_check.interview.setup import close_session, open_session

    session = open_session(
        answers,
        lang=lang,
        only=only,
        model_file=challenges,
        organisation=organisation,
        respondent=respondent,
        role=role,
        walk_all=walk_all,
    )
    try:
        outcome = session.run()
    finally:
        close_session(session)
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)
