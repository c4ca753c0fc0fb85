"""What the terminal on stdout can show: width, colour and symbol set.

Kept apart from the Rich console so that commands writing JSON, Markdown or files never
import Rich: it is imported only when stdout is asked about.
"""

from __future__ import annotations

import os
import sys

from csm_check.frozen import frozen


@frozen
class TerminalInfo:
    width: int
    color_system: str | None
    ascii_only: bool


_LOCALE_NAMES = ("LC_ALL", "LC_CTYPE", "LANG")


def _startup_environment() -> dict[str, str] | None:
    """The environment the process started with (Linux), before Python's C-locale coercion
    (PEP 538) set LC_CTYPE=C.UTF-8 in os.environ; None where it cannot be read."""
    try:
        with open("/proc/self/environ", "rb") as stream:
            data = stream.read()
    except OSError:
        return None
    found: dict[str, str] = {}
    for entry in data.split(b"\0"):
        name, _, value = entry.partition(b"=")
        if name.decode("ascii", "replace") in _LOCALE_NAMES:
            found[name.decode("ascii")] = value.decode("utf-8", "replace")
    return found


def locale_is_utf8(
    environ: dict[str, str] | None = None, startup: dict[str, str] | None = None
) -> bool:
    """False when the locale (LC_ALL, else LC_CTYPE, else LANG) names a non-UTF-8 encoding,
    e.g. LANG=C, even where Python's UTF-8 mode or its C-locale coercion hides it; a machine
    with none of them set counts as UTF-8 (the encoding of stdout decides then)."""
    current = dict(os.environ) if environ is None else environ
    original = _startup_environment() if startup is None else startup
    for name in _LOCALE_NAMES:
        value = current.get(name, "")
        if name == "LC_CTYPE" and original is not None and original.get(name) != value:
            value = ""  # set by Python's coercion, not by the person
        if value:
            normal = value.lower().replace("-", "")
            return "utf8" in normal
    return True


PIPE_WIDTH = 80
MAX_WIDTH = 100


def terminal_info(to_file: bool) -> TerminalInfo:
    """Width, colour and symbol set for stdout; files and pipes get 80 plain UTF-8 columns."""
    if to_file:
        return TerminalInfo(PIPE_WIDTH, None, ascii_only=False)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    ascii_only = not encoding.startswith("utf") or not locale_is_utf8()
    from rich.console import Console

    console = Console(file=sys.stdout)
    colour_off = (
        not console.is_terminal
        or console.no_color
        or console.is_dumb_terminal
        or "NO_COLOR" in os.environ
    )
    width = min(console.width, MAX_WIDTH) if console.is_terminal else PIPE_WIDTH
    return TerminalInfo(width, None if colour_off else console.color_system, ascii_only)
