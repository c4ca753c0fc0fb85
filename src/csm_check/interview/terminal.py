"""The interview's terminal: read a line, show text. Injectable, so tests can script a session.

Reading uses the built-in `input()`, so it works in a terminal, with a pipe (one answer per
line, useful for scripts), under pexpect and under Typer's CliRunner. Undecodable bytes become
U+FFFD instead of an exception; a closed or broken stdin counts as end of input.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from rich.console import RenderableType

from csm_check.interview.keys import Choice
from csm_check.sanitize import clean


@dataclass(frozen=True)
class Terminal:
    """Where the interview talks to a person.

    read: show the prompt, return one line without its line ending; raise EOFError at the
          end of input and KeyboardInterrupt on Ctrl-C.
    show: print styled text or another Rich renderable (a line break is added).
    raw:  print text rendered elsewhere (the scorecard), as it is.
    err:  print a line to the error stream.
    interactive: stdin and stdout are terminals and TERM is not dumb. Without it (pipes,
          scripts, TERM=dumb) the session is exactly the line protocol.
    choose: ask one question with level selection (see interview.prompt); returns a line of
          the line protocol. None: `read` asks it, as in the line protocol.
    """

    read: Callable[[str], str]
    show: Callable[[RenderableType], None]
    raw: Callable[[str], None]
    err: Callable[[str], None]
    width: int = 80
    color_system: str | None = None
    ascii_only: bool = False
    interactive: bool = False  # a person at a terminal: the review screen, the paged ending
    choose: Callable[[Choice], str] | None = None  # the question prompt with arrow selection


def _tolerant(stream: TextIO | None) -> None:
    """Replace undecodable input and unencodable output instead of raising."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    with contextlib.suppress(ValueError, OSError, TypeError):  # e.g. a stream in use
        reconfigure(errors="replace")


def _is_tty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


def read_line(prompt: str) -> str:
    """One line from stdin after `prompt`; echoed when stdin is not a terminal (pipes, scripts)."""
    stdin = sys.stdin
    if stdin is None:
        raise EOFError
    try:
        line = input(prompt)
    except (OSError, ValueError):  # closed or broken stdin
        raise EOFError from None
    line = line.rstrip("\r")
    if not _is_tty(stdin):
        sys.stdout.write(clean(line, keep_newlines=False) + "\n")
        sys.stdout.flush()
    return line


def console_terminal() -> Terminal:
    """The real terminal: stdout through Rich (no markup), stdin line by line."""
    from csm_check.render.capabilities import terminal_info
    from csm_check.render.console import make_console

    _tolerant(sys.stdin)
    _tolerant(sys.stdout)
    info = terminal_info(to_file=False)
    console = make_console(sys.stdout, info.width, info.color_system)

    def show(text: RenderableType) -> None:
        console.print(text)

    def raw(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    def err(line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    interactive = is_interactive()
    read: Callable[[str], str] = read_line
    choose: Callable[[Choice], str] | None = None
    if interactive and uses_prompt():
        from csm_check.interview.prompt import Prompter

        prompter = Prompter(ascii_only=info.ascii_only)
        read, choose = prompter.read, prompter.choose
    return Terminal(
        read=read,
        show=show,
        raw=raw,
        err=err,
        width=info.width,
        color_system=info.color_system,
        ascii_only=info.ascii_only,
        interactive=interactive,
        choose=choose,
    )


def uses_prompt() -> bool:
    """The prompt_toolkit prompt at a terminal, unless CSM_CHECK_PROMPT=plain asks for the
    line prompt (no escape sequences at all). NO_COLOR means no colour (no-color.org), not no
    line editing: prompt_toolkit then draws in monochrome."""
    import os

    return os.environ.get("CSM_CHECK_PROMPT", "").strip().lower() != "plain"


def is_interactive() -> bool:
    """A person at a real terminal: stdin and stdout are terminals and TERM is not dumb."""
    import os

    term = os.environ.get("TERM", "")
    return _is_tty(sys.stdin) and _is_tty(sys.stdout) and term not in ("", "dumb")
