"""What every command shares: option types and the one place errors become exit codes."""

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer


def _check_lang(value: str | None) -> str | None:
    """--lang takes any registered language (also one registered after start-up)."""
    from csm_check.i18n import is_registered, languages

    if value is None or is_registered(value):
        return value
    choices = ", ".join(f"'{code}'" for code in languages())
    raise typer.BadParameter(f"'{value}' is not one of {choices}.")


def lang_choices() -> str:
    """`en|de`: the languages registered when the CLI is built, for --help (the registry is
    cheap to import: no yaml, pydantic or rich)."""
    from csm_check.i18n import languages

    return "|".join(languages())


F = TypeVar("F", bound=Callable[..., Any])

ChallengesOption = Annotated[
    Path | None,
    typer.Option(
        "--challenges", metavar="FILE", help="Use this model instead of the built-in one."
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar=f"<{lang_choices()}>",
        callback=_check_lang,
        help="Language (default: answers file, CSM_CHECK_LANG, locale, en).",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
    ),
]
OnlyOption = Annotated[
    str | None,
    typer.Option("--only", metavar="IDS", help="Only these challenges, e.g. 2,7 or compliance."),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace an output file that is an input or holds an answers file."
    ),
]


def handled(command: F) -> F:
    """Turn csm-check errors and Ctrl-C into messages and exit codes, never a traceback.

    Error messages are in the language of --lang (when the command has it), else of
    CSM_CHECK_LANG or the locale; chosen before any file is read.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from csm_check.cli.output import err, silence_stdout
        from csm_check.errors import CsmCheckError
        from csm_check.i18n import choose_message_language, message_language, messages_in, t

        lang = kwargs.get("lang")  # checked by --lang, or the interview's free text
        option = str(lang).strip().lower() if lang is not None else None
        with messages_in(choose_message_language(option)):
            try:
                return command(*args, **kwargs)
            except CsmCheckError as error:
                for line in error.lines():
                    err(line)
                if os.environ.get("GITHUB_ACTIONS") == "true":  # github.in_github_actions
                    from csm_check.cli.github import error_commands

                    for line in error_commands([error], message_language()):
                        err(line, command=True)
                raise typer.Exit(error.exit_code) from None
            except KeyboardInterrupt:
                err(t("cli.interrupted", message_language()))
                raise typer.Exit(130) from None
            except BrokenPipeError:
                # The reader of stdout went away (`| head`): not a failure of this command.
                silence_stdout()
                raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
