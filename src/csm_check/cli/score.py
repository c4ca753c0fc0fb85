"""`csm-check score` and `csm-check compare`: the commands people run every quarter and in CI."""

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from csm_check.cli.common import ChallengesOption, ForceOption, LangOption, OutputOption
from csm_check.render import Format

if TYPE_CHECKING:
    from csm_check.assess import Assessment


def score(
    answers: Annotated[
        # Text, made paths once below: Typer converts each value of a list[Path] on its own,
        # which costs about a second for 10,000 files named on the command line.
        list[str],
        typer.Argument(
            metavar="ANSWERS",
            help="Answers file; several files or a folder are scored as one team.",
        ),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: OutputOption = None,
    lang: LangOption = None,
    top: Annotated[
        int | None, typer.Option(min=0, help="Next steps shown in the report (default 5).")
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(min=0, max=100, metavar="SCORE", help="Fail when the overall score is below."),
    ] = None,
    require_complete: Annotated[
        bool | None,
        typer.Option(
            "--require-complete/--no-require-complete", help="Fail when criteria are unanswered."
        ),
    ] = None,
    require_evidence: Annotated[
        bool | None,
        typer.Option(
            "--require-evidence/--no-require-evidence", help="Fail when a level >= 3 has no note."
        ),
    ] = None,
    require_fresh_evidence: Annotated[
        bool | None,
        typer.Option(
            "--require-fresh-evidence/--no-require-fresh-evidence",
            help="Fail when an answer's evidence review date has passed.",
        ),
    ] = None,
    target: Annotated[
        int | None,
        typer.Option(min=0, max=4, metavar="LEVEL", help="Target level (default: model's)."),
    ] = None,
    challenges: ChallengesOption = None,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", metavar="FILE", help="Also write the radar chart as SVG to FILE."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", metavar="FILE", help="Settings file (default: ./csm-check.yaml if present)."
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Fail on drops against this answers file or report."
        ),
    ] = None,
    max_drop: Annotated[
        float | None,
        typer.Option(min=0, max=100, metavar="POINTS", help="Largest allowed drop (default 0)."),
    ] = None,
    history: Annotated[
        list[Path] | None,
        typer.Option(
            "--history",
            metavar="PATH",
            help="Earlier answers files or reports (or a folder): adds the trend to Markdown "
            "and HTML. Repeatable.",
        ),
    ] = None,
    min_group: Annotated[
        int | None,
        typer.Option(
            "--min-group",
            min=1,
            metavar="N",
            help="Team roles: fewer respondents than N in a role are shown as other (default 3).",
        ),
    ] = None,
    force: ForceOption = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Processes reading a team's files (default: every core above 500 files).",
        ),
    ] = None,
) -> None:
    """Score answers: scorecard, blockers, next steps and a gate for CI.

    Several files (or a folder) are scored as a team: mean levels per criterion, and
    criteria where answers spread by 2 levels or more are listed to discuss first. When
    the files say `role:`, the mean level by role and the gaps between roles are shown;
    a role with fewer than --min-group respondents is shown as "other".

    \b
    Examples:
      csm-check score examples/beispiel-service.yaml
      csm-check score answers.yaml --format json -o report.json --fail-under 60
      csm-check score answers.yaml -f markdown -o wiki/readiness.md --chart wiki/radar.svg
      csm-check score answers.yaml --baseline last-quarter.json --max-drop 2
      csm-check score team/ --format html -o team.html
      csm-check score answers.yaml -f html -o report.html --history history/

    \b
    Exit codes: 0 ok, 1 gate failed, 2 invalid input or usage, 130 interrupted.
    """
    from csm_check.assess import ScoreSettings, assess
    from csm_check.cli.output import err, is_stdout, write_all, write_stdout
    from csm_check.cli.progress import reading_progress
    from csm_check.config import Config, find_config
    from csm_check.i18n import message_language, t
    from csm_check.render import RenderOptions, renderer_for
    from csm_check.render.capabilities import terminal_info
    from csm_check.render.common import gate_reason

    given = {
        "language": lang,
        "top": top,
        "fail_under": fail_under,
        "require_complete": require_complete,
        "require_evidence": require_evidence,
        "require_fresh_evidence": require_fresh_evidence,
        "target": target,
        "max_drop": max_drop,
        "min_group_size": min_group,
    }
    # Typer checked each option's range; the fields set are the options given.
    options = Config.model_construct(
        {name for name, value in given.items() if value is not None},
        language=lang,
        top=top,
        fail_under=fail_under,
        require_complete=require_complete,
        require_evidence=require_evidence,
        require_fresh_evidence=require_fresh_evidence,
        target=target,
        max_drop=max_drop,
        min_group_size=min_group,
    )
    output = None if is_stdout(output) else output
    with reading_progress(message_language(), os.environ) as progress:
        in_github = os.environ.get("GITHUB_ACTIONS") == "true"  # annotations need places
        settings = ScoreSettings(challenges, config, baseline, options, progress, jobs, in_github)
        result = assess([Path(name) for name in answers], settings)
    card, language = result.card, result.language
    chart_href = None
    outputs: list[tuple[Path | None, str]] = []
    if chart is not None:
        from csm_check.render.markdown import chart_href as relative_href
        from csm_check.render.radar import render_radar

        outputs.append((chart, render_radar(card, language)))
        chart_href = None if is_stdout(chart) else relative_href(chart, output)
    machine_stdout = output is None and fmt is not Format.table
    info = terminal_info(to_file=output is not None or fmt is not Format.table)
    render_options = RenderOptions(
        language, result.top, info.width, info.color_system, info.ascii_only, chart_href=chart_href
    )
    for warning in result.warnings:  # once, on stderr, whatever the format
        err(t("cli.warning", language, reason=warning))
    text = renderer_for(fmt)(card, render_options)
    if history:
        text = _with_history(text, fmt, history, result)
    outputs.append((output, text))
    inputs = (*result.sources, find_config(config), baseline, challenges, *(history or []))
    write_all(outputs, inputs=inputs, force=force)
    if fmt is not Format.table or output is not None:
        for reason in card.gate.reasons:
            err(gate_reason(reason, language))
        for reason in card.gate.warnings:
            err(t("cli.warning", language, reason=gate_reason(reason, language)))
    if os.environ.get("GITHUB_ACTIONS") == "true":  # github.in_github_actions, without the import
        from csm_check.cli.github import append_step_summary, workflow_commands
        from csm_check.frozen import replace
        from csm_check.render.markdown import render_markdown

        # No image links: the summary cannot hold the --chart file (a relative link is a
        # broken image there) and GitHub strips data: URIs; the emoji table says the same.
        append_step_summary(render_markdown(card, replace(render_options, chart_href=None)))
        commands = workflow_commands(card.gate.reasons, card.gate.warnings, result.places, language)
        for line in commands:
            if machine_stdout:
                err(line, command=True)
            else:
                write_stdout(line + "\n", command=True)
    if not card.gate.passed:
        raise typer.Exit(1)


def _with_history(text: str, fmt: Format, history: list[Path], result: "Assessment") -> str:
    """The report with the trend of the earlier assessments and this one (the last point);
    formats other than Markdown and HTML are left as they are, with a note on stderr."""
    from csm_check.cli.output import err
    from csm_check.i18n import t

    language = result.language
    if fmt not in (Format.markdown, Format.html):
        err(t("cli.warning", language, reason=t("trend.history_ignored", language)))
        return text
    from csm_check.render.json_format import build_report
    from csm_check.trend import history_trend

    card = result.card
    name = ", ".join(str(path) for path in result.sources)
    trend = history_trend(history, build_report(card, language), name, card.model, language)
    if fmt is Format.markdown:
        from csm_check.render.trend_markdown import with_trend

        return with_trend(text, trend, language)
    from csm_check.render.trend_html import with_trend as with_trend_html

    bands = (card.model.bands.developing, card.model.bands.ready)
    return with_trend_html(text, trend, language, bands)


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def compare(
    old: Annotated[
        Path,
        typer.Argument(metavar="OLD", help="Earlier answers file, team folder or JSON report."),
    ],
    new: Annotated[
        Path,
        typer.Argument(metavar="NEW", help="Later answers file, team folder or JSON report."),
    ],
    fmt: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CompareFormat.table,
    output: OutputOption = None,
    lang: LangOption = None,
    challenges: ChallengesOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every challenge, not only those that changed.")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Compare two assessments: score changes, status changes, criteria that moved, steps done.

    \b
    Examples:
      csm-check compare q3-answers.yaml q4-answers.yaml
      csm-check compare q3-report.json q4-answers.yaml -f markdown -o wiki/progress.md
      csm-check compare team-q3/ team-q4/ --all

    \b
    Exit codes: 0 ok, 2 invalid input or usage.
    """
    from csm_check.cli.output import emit
    from csm_check.compare import compare_files
    from csm_check.render.capabilities import terminal_info
    from csm_check.render.comparison import render_comparison

    if str(old) == str(new) == "-":
        from csm_check.errors import CsmCheckError
        from csm_check.i18n import msg

        raise CsmCheckError(msg("err.stdin_twice"))
    result = compare_files(old, new, model_file=challenges, language=lang)
    info = terminal_info(to_file=output is not None or fmt is not CompareFormat.table)
    text = render_comparison(result.comparison, fmt.value, result.language, info, show_all=show_all)
    emit(text, output, inputs=(old, new, challenges), force=force)
