"""The csm-check command line: parse options, call the domain, write the result.

Heavy modules (yaml, pydantic, rich) are imported inside the commands so that --help and
--version stay fast. All errors become exit codes in `_handled`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from csm_check import __version__
from csm_check.errors import CsmCheckError
from csm_check.render import Format

EXIT_CODES = """\b
Exit codes:
  0  ok
  1  the gate failed (knock-out blocker, --fail-under, --require-complete)
  2  usage error or invalid input (FILE:LINE:COL messages on stderr)
  130  interrupted (Ctrl-C)"""

app = typer.Typer(
    name="csm-check",
    help="Readiness checker for customer service managers: ten challenges, "
    "a scorecard and prioritised next steps.\n\n" + EXIT_CODES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(StrEnum):
    en = "en"
    de = "de"


F = TypeVar("F", bound=Callable[..., Any])

ChallengesOption = Annotated[
    Path | None,
    typer.Option(
        "--challenges", metavar="FILE", help="Use this model instead of the built-in one."
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language (default: answers file, CSM_CHECK_LANG, locale, en)."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
    ),
]


def _handled(command: F) -> F:
    """Turn csm-check errors and Ctrl-C into messages and exit codes, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from csm_check.output import err

        try:
            return command(*args, **kwargs)
        except CsmCheckError as error:
            for line in error.lines():
                err(line)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            err("Interrupted.")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"csm-check {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Readiness checker for customer service managers."""


@app.command()
@_handled
def score(
    answers: Annotated[Path, typer.Argument(metavar="ANSWERS", help="Answers file (YAML).")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: OutputOption = None,
    lang: LangOption = None,
    top: Annotated[int, typer.Option(min=0, help="Next steps shown in the report.")] = 5,
    fail_under: Annotated[
        float | None,
        typer.Option(min=0, max=100, metavar="SCORE", help="Fail when the overall score is below."),
    ] = None,
    require_complete: Annotated[
        bool, typer.Option("--require-complete", help="Fail when criteria are unanswered.")
    ] = False,
    target: Annotated[
        int | None,
        typer.Option(min=0, max=4, metavar="LEVEL", help="Target level (default: model's)."),
    ] = None,
    challenges: ChallengesOption = None,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", metavar="FILE", help="Also write the radar chart as SVG to FILE."),
    ] = None,
) -> None:
    """Score an answers file: scorecard, blockers, next steps and a gate for CI.

    \b
    Examples:
      csm-check score examples/beispiel-service.yaml
      csm-check score answers.yaml --format json -o report.json --fail-under 60
      csm-check score answers.yaml -f markdown -o wiki/readiness.md --chart wiki/radar.svg
      csm-check score answers.yaml -f html -o report.html

    \b
    Exit codes: 0 ok, 1 gate failed, 2 invalid input or usage, 130 interrupted.
    """
    from csm_check.i18n import choose_language
    from csm_check.loading import load_answers, load_model
    from csm_check.output import emit, err, terminal_info
    from csm_check.render import RenderOptions, renderer_for
    from csm_check.render.common import gate_reason
    from csm_check.scorecard import GateOptions
    from csm_check.scoring import score as compute

    model = load_model(challenges)
    answer_set = load_answers(answers, model)
    language = choose_language(lang.value if lang else None, answer_set.language)
    card = compute(
        model,
        answer_set,
        target=target,
        gate=GateOptions(fail_under=fail_under, require_complete=require_complete),
    )
    chart_href = None
    if chart is not None:
        from csm_check.render.markdown import chart_href as relative_href
        from csm_check.render.radar import render_radar
        from csm_check.yamlio import atomic_write_text

        atomic_write_text(chart, render_radar(card, language))
        chart_href = relative_href(chart, output)
    info = terminal_info(to_file=output is not None or fmt is not Format.table)
    options = RenderOptions(
        language, top, info.width, info.color_system, info.ascii_only, chart_href=chart_href
    )
    emit(renderer_for(fmt)(card, options), output)
    if output is not None or fmt is not Format.table:
        for reason in card.gate.reasons:
            err(gate_reason(reason, language))
    if not card.gate.passed:
        raise typer.Exit(1)


@app.command()
@_handled
def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(metavar="[FILES]...", help="Answers files to check.")
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
    from csm_check.i18n import choose_language, t
    from csm_check.loading import load_answers, load_model
    from csm_check.output import err

    language = choose_language(lang.value if lang else None, None)
    model = load_model(challenges, validate_builtin=True)
    total = len(model.criterion_ids())
    if not files:
        summary = t("model.summary", language, challenges=len(model.challenges), criteria=total)
        typer.echo(
            t("cli.valid_model", language, path=challenges or "challenges.yaml", summary=summary)
        )
        return
    failed = False
    for path in files:
        try:
            answer_set = load_answers(path, model)
        except CsmCheckError as error:
            failed = True
            for line in error.lines():
                err(line)
            continue
        answered = sum(1 for a in answer_set.answers.values() if a.state != "unanswered")
        typer.echo(t("cli.valid_answers", language, path=path, answered=answered, total=total))
    if failed:
        raise typer.Exit(2)


@app.command()
@_handled
def template(
    output: OutputOption = None,
    lang: LangOption = None,
    challenges: ChallengesOption = None,
) -> None:
    """Write an empty answers file with every question and the scale as comments.

    \b
    Examples:
      csm-check template -o csm-answers.yaml
      csm-check template --lang de > antworten.yaml
    """
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model
    from csm_check.output import emit
    from csm_check.template import render_template

    model = load_model(challenges)
    language = choose_language(lang.value if lang else None, None)
    emit(render_template(model, language), output)


@app.command("challenges")
@_handled
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
    from csm_check.i18n import choose_language
    from csm_check.loading import load_model
    from csm_check.output import emit, terminal_info
    from csm_check.render.model_listing import render_model

    model = load_model(challenges)
    language = choose_language(lang.value if lang else None, None)
    info = terminal_info(to_file=False)
    emit(render_model(model, language, info), None)


from csm_check.cli_interactive import interactive  # noqa: E402  (registered after the helpers)

app.command("interactive")(_handled(interactive))


def main() -> NoReturn:
    """Console-script entry point."""
    # csm-check uses no pydantic plugins; looking them up costs a scan of all installed
    # distributions on every run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    raise SystemExit(app(prog_name="csm-check", standalone_mode=True) or 0)
