"""Where rendered text goes: stdout or files (all of one command together); messages to stderr.

Files go through `atomicfile.OutputTransaction`: every output is written to a temporary
first and only renamed when all were written. `-` as a file name means stdout. A closed
stdout (`csm-check challenges | head -1`) is not an error: writing stops quietly and the
command ends with the exit code it has otherwise (see README, "Safety").
"""

import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

# A line the GitHub Actions runner would take for a workflow command: `::name::` at the start
# of a line (after blanks), or the old `##[name]` anywhere in it.
_COMMAND_START = re.compile(r"^([ \t]*:):", re.MULTILINE)
_OLD_COMMAND = "##["
_ZERO_WIDTH = "\u200b"


def is_stdout(path: Path | None) -> bool:
    return path is None or str(path) == "-"


def emit(
    text: str,
    output: Path | None,
    *,
    inputs: Sequence[Path | None] = (),
    force: bool = False,
    fresh: bool = False,
) -> None:
    """Write `text` to `output` atomically, or to stdout as it is (no wrapping by Rich)."""
    write_all([(output, text)], inputs=inputs, force=force, fresh=fresh)


def write_all(
    outputs: Sequence[tuple[Path | None, str]],
    *,
    inputs: Sequence[Path | None] = (),
    force: bool = False,
    fresh: bool = False,
) -> None:
    """Every file written or none (stdout last, once the files are in place).

    An existing regular file is refused (exit 2, unless `force`) when it is one of `inputs`,
    holds an answers file, or, with `fresh`, exists at all."""
    if all(path is None or is_stdout(path) for path, _ in outputs):
        for _, text in outputs:  # nothing to stage: no transaction (nor its imports) needed
            write_stdout(text)
        return
    from csm_check.atomicfile import OutputTransaction

    protect = tuple(path for path in inputs if path is not None and not is_stdout(path))
    to_stdout: list[str] = []
    with OutputTransaction(protect=protect, force=force, fresh=fresh) as transaction:
        for path, text in outputs:
            if path is None or is_stdout(path):
                to_stdout.append(text)
            else:
                transaction.stage(path, text)
        transaction.commit()
    for text in to_stdout:
        write_stdout(text)


def inert_for_ci(text: str) -> str:
    """`text` without lines a CI runner would execute as workflow commands: a zero-width
    space after the first colon of a leading `::`, and inside every `##[`. Output that
    csm-check renders never starts a line with `::` itself, so only user text is touched."""
    text = _COMMAND_START.sub(lambda m: m.group(1) + _ZERO_WIDTH + ":", text)
    return text.replace(_OLD_COMMAND, "#" + _ZERO_WIDTH + "#[")


def write_stdout(text: str, *, command: bool = False) -> None:
    """`text` to stdout; a reader that went away (broken pipe) ends the writing quietly.
    `command`: the text is csm-check's own workflow commands, passed as they are."""
    try:
        sys.stdout.write(_encodable(text if command else inert_for_ci(text), sys.stdout))
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def silence_stdout() -> None:
    """After a broken pipe: send the rest (and Python's final flush) to the null device."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def err(line: str, *, command: bool = False) -> None:
    """One message line on stderr; user text in it cannot act as a workflow command unless
    `command` says the line is one of csm-check's own annotations."""
    text = line + "\n"
    with contextlib.suppress(BrokenPipeError):  # stderr closed too: nothing left to tell
        sys.stderr.write(_encodable(text if command else inert_for_ci(text), sys.stderr))


def _encodable(text: str, stream: object) -> str:
    """`text` as the stream's encoding can carry it: on an ASCII terminal (LC_ALL=C) an
    umlaut becomes '?' instead of the whole command failing."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return text.encode(encoding, errors="replace").decode(encoding, errors="replace")
    return text
