"""One error hierarchy for everything csm-check reports to a user.

Domain code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations

import errno

from csm_check.frozen import frozen
from csm_check.i18n import has_text, msg


@frozen(order=True)
class Problem:
    """One problem in an input file, sortable by position."""

    path: str
    line: int
    column: int
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return printable(msg("err.with_hint", message=text, hint=self.hint) if self.hint else text)


def printable(text: str) -> str:
    """One line, no terminal escapes: control and invisible characters shown as escapes.

    Messages quote user text (keys, values, paths); a key like "\\e[31m" or "a\\nb" must not
    colour the terminal or split one problem over two lines.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class CsmCheckError(Exception):
    """Base class: a problem the user can fix. Exit code 2 unless a subclass says otherwise."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def lines(self) -> list[str]:
        """The error as lines for stderr, each with a location where one is known."""
        if self.path is None:
            return [printable(self.message)]
        return [str(Problem(self.path, self.line or 1, self.column or 1, self.message))]


MAX_SHOWN = 200  # problems printed for one run; the rest are counted


class InvalidInputError(CsmCheckError):
    """An input file (model, answers, config) has one or more problems."""

    def __init__(self, problems: list[Problem]) -> None:
        ordered = sorted(
            problems, key=lambda p: (p.path, p.line, p.column, p.message, p.hint or "")
        )
        first = ordered[0]
        super().__init__(first.message, first.path, first.line, first.column)
        self.problems: tuple[Problem, ...] = tuple(ordered)

    def lines(self) -> list[str]:
        """Every problem, up to a screenful too many: then how many more there are."""
        shown = [str(problem) for problem in self.problems[:MAX_SHOWN]]
        hidden = len(self.problems) - len(shown)
        if hidden > 0:
            from csm_check.i18n import msg

            key = "err.more_problems_one" if hidden == 1 else "err.more_problems"
            shown.append(msg(key, count=hidden))
        return shown


class OutputError(CsmCheckError):
    """A result could not be written."""


def closest(word: str, choices: object) -> str | None:
    """The one of `choices` that `word` was probably meant to be, if any is close enough.

    The single rule behind every "did you mean" in csm-check (files, options, keys)."""
    from collections.abc import Iterable
    from difflib import get_close_matches

    if not isinstance(choices, Iterable):
        return None
    matches = get_close_matches(word, sorted(str(choice) for choice in choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: object) -> str | None:
    """A hint naming the closest of `choices` to `word`, in the message language."""
    match = closest(word, choices)
    return msg("err.did_you_mean", choice=match) if match else None


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the message language where the reason is known."""
    key = f"err.os.{errno.errorcode.get(error.errno or 0, '')}"
    return msg(key) if has_text(key) else error.strerror or str(error)
