"""What every command shares: option types and the one place errors become exit codes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer


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


def lang_value(lang: Lang | None) -> str | None:
    return lang.value if lang else None


def handled(command: F) -> F:
    """Turn csm-check errors and Ctrl-C into messages and exit codes, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from csm_check.errors import CsmCheckError
        from csm_check.output import err

        try:
            return command(*args, **kwargs)
        except CsmCheckError as error:
            for line in error.lines():
                err(line)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            from csm_check.i18n import choose_language, t

            err(t("cli.interrupted", choose_language(None, None)))
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]
