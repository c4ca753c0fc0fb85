"""Commands around the model and answers files: validate, template, challenges, schema."""

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csm_check.cli.common import ChallengesOption, ForceOption, LangOption, OutputOption


def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(metavar="FILES", help="Answers files to check.")
    ] = None,
    challenges: ChallengesOption = None,
    lang: LangOption = None,
) -> None:
    """Check the model and answers files; report every problem as FILE:LINE:COL.

    \b
    Examples:
      csm-check validate answers.yaml other.yaml
      csm-check validate --challenges my-model.yaml

    \b
    Exit codes: 0 all valid, 2 a problem was found.
    """
    from csm_check.cli.output import err, write_stdout
    from csm_check.errors import CsmCheckError, printable
    from csm_check.i18n import choose_language, t
    from csm_check.loading import load_answers, load_model

    language = choose_language(lang, None)
    model = load_model(challenges, validate_builtin=True)
    total = len(model.criterion_ids())
    if not files:
        summary = t("model.summary", language, challenges=len(model.challenges), criteria=total)
        write_stdout(
            t(
                "cli.valid_model",
                language,
                path=printable(str(challenges or "challenges.yaml")),
                summary=summary,
            )
            + "\n"
        )
        return
    failed: list[CsmCheckError] = []
    for path in files:
        try:
            answer_set = load_answers(path, model)
        except CsmCheckError as error:
            failed.append(error)
            for line in error.lines():
                err(line)
            continue
        for warning in answer_set.warnings:
            err(t("cli.warning", language, reason=warning))
        answered = sum(1 for a in answer_set.answers.values() if a.state != "unanswered")
        write_stdout(
            t(
                "cli.valid_answers",
                language,
                path=printable(str(path)),
                answered=answered,
                total=total,
            )
            + "\n"
        )
    if failed:
        if os.environ.get("GITHUB_ACTIONS") == "true":  # github.in_github_actions
            from csm_check.cli.github import error_commands

            for line in error_commands(failed, language):
                err(line, command=True)
        raise typer.Exit(2)


def template(
    output: OutputOption = None,
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    schema_path: Annotated[
        str | None,
        typer.Option(
            "--schema-path",
            metavar="PATH",
            help="Add a yaml-language-server line for this schema (see csm-check schema).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists (answers are lost).")
    ] = False,
) -> None:
    """Write an empty answers file with every question and the scale as comments.

    \b
    Examples:
      csm-check template -o csm-answers.yaml
      csm-check template --lang de > antworten.yaml
      csm-check template -o csm-answers.yaml --schema-path answers.schema.json
    """
    from csm_check.answers_writer import render_template
    from csm_check.cli.output import emit
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model

    model = load_model(challenges)
    language = choose_language(lang, None)
    text = render_template(model, language, schema_path=schema_path)
    emit(text, output, inputs=(challenges,), force=force, fresh=True)


def show_challenges(
    lang: LangOption = None,
    challenges: ChallengesOption = None,
) -> None:
    """Show the model: challenges, weights, dependencies and criteria.

    \b
    Examples:
      csm-check challenges --lang de
      csm-check challenges --challenges my-model.yaml | less
    """
    from csm_check.cli.output import emit
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model
    from csm_check.render.capabilities import terminal_info
    from csm_check.render.model_listing import render_model

    model = load_model(challenges)
    language = choose_language(lang, None)
    info = terminal_info(to_file=False)
    emit(render_model(model, language, info), None)


class SchemaKind(StrEnum):
    answers = "answers"
    report = "report"
    config = "config"
    trend = "trend"


def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help="answers, report, config or trend.")
    ],
    output: OutputOption = None,
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    force: ForceOption = False,
) -> None:
    """Print a JSON Schema for answers files, JSON reports, csm-check.yaml or trend JSON.

    Editors use it for completion and checks while typing (the answers schema lists
    every criterion id of the model with its question).

    \b
    Examples:
      csm-check schema answers -o answers.schema.json
      csm-check schema config > csm-check.schema.json
    """
    from csm_check.cli.output import emit
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model
    from csm_check.schemas import render_schema

    model = load_model(challenges)
    text = render_schema(kind.value, model, choose_language(lang, None))
    emit(text, output, inputs=(challenges,), force=force)
