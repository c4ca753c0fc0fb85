"""`csm-check trend`: several assessments over time, from files, folders or git history."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from csm_check.cli.common import ChallengesOption, ForceOption, LangOption, OutputOption


class TrendFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def trend(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Answers files, JSON reports, or folders of them (each file one assessment).",
        ),
    ] = None,
    fmt: Annotated[
        TrendFormat, typer.Option("--format", "-f", help="Output format.")
    ] = TrendFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    git: Annotated[
        Path | None,
        typer.Option(
            "--git", metavar="FILE", help="Also use every committed version of this answers file."
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Show progress over time: a series per challenge, largest gains and drops, criteria
    that got worse and knock-outs that appeared.

    Assessments are ordered by assessed_on (ties: by name); a file without it is an error,
    a git version without it takes its commit date. A folder stands for every answers file
    and JSON report directly inside it, each one assessment.

    \b
    Examples:
      csm-check trend history/
      csm-check trend q1.yaml q2.yaml q3-report.json -f markdown -o wiki/progress.md
      csm-check trend --git csm-answers.yaml -f html -o progress.html

    \b
    Exit codes: 0 ok, 2 invalid input or usage (also: git missing, not a repository).
    """
    from csm_check.cli.output import emit, err
    from csm_check.i18n import t
    from csm_check.render.capabilities import terminal_info
    from csm_check.trend import trend_files

    result = trend_files(list(paths or []), git_file=git, model_file=challenges, language=lang)
    language = result.language
    for warning in result.warnings:
        err(t("cli.warning", language, reason=warning))
    if fmt is TrendFormat.json:
        from csm_check.render.trend_json import render_trend_json

        text = render_trend_json(result.trend, language)
    elif fmt is TrendFormat.markdown:
        from csm_check.render.trend_markdown import render_trend_markdown

        text = render_trend_markdown(result.trend, language)
    elif fmt is TrendFormat.html:
        from csm_check.render.trend_html import render_trend_html

        text = render_trend_html(result.trend, language, result.bands)
    else:
        from csm_check.render.trend_table import render_trend_table

        info = terminal_info(to_file=output is not None)
        text = render_trend_table(result.trend, language, info)
    emit(text, output, inputs=(*result.sources, git, challenges), force=force)
