"""The command line: Typer adapters only. Each command parses its options, calls a use case
(`csm_check.assess`, `csm_check.compare`) or the interview, writes the rendered string to
stdout or a file, and turns errors into exit codes in one place (`common.handled`).
GitHub Actions output (step summary, annotations) belongs here too.

The only package that imports Typer; it may import every other part of csm_check. Heavy
modules (yaml, pydantic, rich) are imported inside the commands so that --help and
--version stay fast.
"""

import os
import sys
from typing import Annotated, NoReturn

import typer

from csm_check import __version__
from csm_check.cli.common import handled
from csm_check.cli.lazy import lazy_group

EXIT_CODES = """\b
Exit codes:
  0  ok (also when stdout is closed early, as by `| head`)
  1  the gate failed (knock-out blocker, --fail-under, --require-complete)
  2  usage error or invalid input (FILE:LINE:COL messages on stderr)
  130  interrupted (Ctrl-C)"""

# Each command's module and function, in the order --help lists them. A run imports and
# builds only the command it invokes (cli/lazy.py); `handled` wraps each one.
COMMANDS = {
    "score": ("csm_check.cli.score", "score"),
    "compare": ("csm_check.cli.score", "compare"),
    "trend": ("csm_check.cli.trend", "trend"),
    "validate": ("csm_check.cli.tools", "validate"),
    "template": ("csm_check.cli.tools", "template"),
    "challenges": ("csm_check.cli.tools", "show_challenges"),
    "schema": ("csm_check.cli.tools", "schema"),
    "interactive": ("csm_check.cli.interactive", "interactive"),
    "form": ("csm_check.cli.form", "form"),
    "survey-template": ("csm_check.cli.survey", "survey_template"),  # issue 14: the CSV route
    "import": ("csm_check.cli.survey", "import_survey"),
}

app = typer.Typer(
    name="csm-check",
    cls=lazy_group(COMMANDS, handled),
    help="Readiness checker for customer service managers: ten challenges, "
    "a scorecard and prioritised next steps.\n\n" + EXIT_CODES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def main() -> NoReturn:
    """Console-script entry point."""
    # csm-check uses no pydantic plugins; looking them up costs a scan of all installed
    # distributions on every run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        code = app(prog_name="csm-check", standalone_mode=True) or 0
    except SystemExit as stop:
        code = stop.code
        # Click answers a broken pipe outside our commands (--help, --version) with exit 1
        # after wrapping the streams; a closed stdout is not a failed gate: exit 0.
        if code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            code = 0
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        from csm_check.cli.output import silence_stdout

        silence_stdout()
    raise SystemExit(code)
