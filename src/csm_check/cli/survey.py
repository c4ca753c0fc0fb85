"""`csm-check survey-template` and `csm-check import`: the CSV route for teams that already
use a survey tool or a spreadsheet (the format is described in csm_check.survey)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from csm_check.cli.common import ChallengesOption, LangOption


def survey_template(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="FILE.csv", help="Write the CSV template to FILE."),
    ],
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    questions: Annotated[
        bool, typer.Option("--questions", help="Add a second header row with the questions.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write a CSV template for a survey tool or spreadsheet: one row per respondent.

    Columns: organisation, respondent, role, assessed_on, language, then one per criterion
    id. A cell holds a level 0-4, a level's name ("In place", "Umgesetzt"), "n/a: reason",
    or stays empty. German (--lang de) uses semicolons, as German Excel does.

    \b
    Examples:
      csm-check survey-template -o survey.csv
      csm-check survey-template -o umfrage.csv --lang de --questions
    """
    from csm_check.cli.output import emit
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model
    from csm_check.survey import render_survey_template

    model = load_model(challenges)
    language = choose_language(lang, None)
    text = render_survey_template(model, language, questions=questions)
    emit(text, output, inputs=(challenges,), force=force, fresh=True)


def import_survey(
    csv_file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="Survey CSV to import.")],
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="DIR", help="Folder for the answers files."),
    ],
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace answers files that exist in DIR.")
    ] = False,
) -> None:
    """Turn each row of a survey CSV into an answers file (then: csm-check score DIR/).

    Nothing is written unless the whole file is valid; every bad cell is reported as
    FILE:ROW:COLUMN (the header is row 1). Existing files are not replaced without --force.

    \b
    Examples:
      csm-check import survey.csv -o team/
      csm-check score team/ --format html -o team.html
    """
    import errno

    from csm_check.answers_writer import dump_answers
    from csm_check.cli.output import err, write_all
    from csm_check.errors import CsmCheckError, os_reason
    from csm_check.i18n import message_language, t
    from csm_check.loading import load_model
    from csm_check.survey import file_names, parse_survey

    model = load_model(challenges)
    try:
        data = csv_file.read_bytes()
    except OSError as error:
        raise CsmCheckError(os_reason(error), str(csv_file)) from None
    rows = parse_survey(data, str(csv_file), model)
    if output.exists() and not output.is_dir():
        raise CsmCheckError(os_reason(NotADirectoryError(errno.ENOTDIR, "")), str(output))
    output.mkdir(parents=True, exist_ok=True)
    files = [
        (output / name, dump_answers(row.answers, model))
        for name, row in zip(file_names(rows), rows, strict=True)
    ]
    # An existing answers file is refused unless --force; all files are written or none.
    write_all(files, inputs=(csv_file, challenges), force=force)
    key = "survey.written_one" if len(files) == 1 else "survey.written"
    err(t(key, message_language(), count=len(files), folder=str(output)))
