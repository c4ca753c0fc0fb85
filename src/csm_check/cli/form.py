"""`csm-check form`: the Typer command that writes the HTML answers form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csm_check.cli.common import ChallengesOption, ForceOption, LangOption, OnlyOption, OutputOption


def form(
    output: OutputOption = None,
    lang: LangOption = None,
    only: OnlyOption = None,
    challenges: ChallengesOption = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Start from the answers in FILE."),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option("--role", metavar="ROLE", help="Fill in the role, e.g. 'team lead'."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write one HTML file in which anyone answers the questions in a browser.

    The file works offline (e-mail attachment, file share): no network, no other file.
    Answers are kept in the browser while working; "Download answers" saves an answers
    file that `csm-check validate` and `score` read, "Load answers" continues from one.

    \b
    Examples:
      csm-check form -o csm-form.html
      csm-check form --lang de --only 2,7 --role "team lead" -o form-team-leads.html
      csm-check form --answers q3.yaml -o q4-form.html

    \b
    Exit codes: 0 written, 2 invalid input or usage.
    """
    from csm_check.cli.output import emit
    from csm_check.errors import CsmCheckError
    from csm_check.i18n import choose_language, msg
    from csm_check.interview.keys import select_challenges
    from csm_check.loading import load_answers, load_model
    from csm_check.render.form import render_form
    from csm_check.sanitize import one_line

    model = load_model(challenges)
    start = load_answers(answers, model) if answers is not None else None
    language = choose_language(lang, start.language if start else None)
    selected = select_challenges(model, only, language)
    if role is not None:
        role = one_line(role)
        if len(role) > 200:
            raise CsmCheckError(msg("form.role_too_long", length=len(role)))
    text = render_form(model, language, tuple(c.id for c in selected), start, role or None)
    emit(text, output, inputs=(challenges, answers), force=force)
