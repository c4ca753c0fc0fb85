"""GitHub Actions output: the Markdown summary on the run page and annotations on the file.

Only used when GITHUB_ACTIONS=true. Annotations are escaped as the runner requires, and at
most ten of each kind are written, since the runner shows no more per step.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from csm_check.errors import OutputError, os_reason
from csm_check.i18n import Language, msg
from csm_check.render.common import gate_reason
from csm_check.scoring.results import GateReason

MAX_ANNOTATIONS = 10
SUMMARY_LIMIT = 1024 * 1024  # bytes per step
CUT_NOTE = b"\n\n_(summary cut to fit the 1 MiB step summary limit)_\n"
Locator = Callable[[GateReason], tuple[int, int]]


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_commands(
    file: str,
    errors: tuple[GateReason, ...],
    warnings: tuple[GateReason, ...],
    locate: Locator,
    language: Language,
) -> list[str]:
    """`::error` / `::warning` workflow commands, at most ten of each."""
    lines: list[str] = []
    for kind, reasons in (("error", errors), ("warning", warnings)):
        for reason in reasons[:MAX_ANNOTATIONS]:
            line, column = locate(reason)
            properties = ",".join(
                [
                    f"file={escape_property(file)}",
                    f"line={line}",
                    f"col={column}",
                    f"title={escape_property('csm-check')}",
                ]
            )
            lines.append(f"::{kind} {properties}::{escape_data(gate_reason(reason, language))}")
    return lines


def append_step_summary(markdown: str, environ: Mapping[str, str] | None = None) -> bool:
    """Append to $GITHUB_STEP_SUMMARY, cut to stay within the runner's 1 MiB limit."""
    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    path = Path(target)
    used = path.stat().st_size if path.is_file() else 0
    room = SUMMARY_LIMIT - used - 1  # 1: the newline written after the summary
    data = markdown.encode("utf-8")
    if len(data) > room:
        if room < len(CUT_NOTE):
            return False  # not even the note fits; writing more would break the limit
        kept = data[: room - len(CUT_NOTE)].decode("utf-8", errors="ignore").encode("utf-8")
        data = kept + CUT_NOTE
    try:
        with path.open("ab") as handle:
            handle.write(data + b"\n")
    except OSError as error:
        raise OutputError(msg("err.step_summary", reason=os_reason(error)), target) from None
    return True
