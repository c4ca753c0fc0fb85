"""GitHub Actions output: the Markdown summary on the run page and annotations on the files.

Only used when GITHUB_ACTIONS=true. Annotations are escaped as the runner requires, and at
most ten of each kind are written, since the runner shows no more per step; when there are
more, one notice says how many. Invalid input (exit 2) becomes `::error` annotations at each
problem's file, line and column.
"""

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from csm_check.errors import CsmCheckError, InvalidInputError, OutputError, Problem, os_reason
from csm_check.i18n import Language, msg, t
from csm_check.render.common import gate_reason
from csm_check.scoring.results import GateReason

MAX_ANNOTATIONS = 10
SUMMARY_LIMIT = 1024 * 1024  # bytes per step
CUT_NOTE = b"\n\n_(summary cut to fit the 1 MiB step summary limit)_\n"
Place = tuple[str, int, int]  # file, line, column
# A locator may return `scoring.places.Places`: the first places and how many there are.
Locator = Callable[[GateReason], Sequence[Place]]


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, place: Place | None, text: str) -> str:
    """One workflow command; `place` None: an annotation without a file (a usage error)."""
    properties = []
    if place is not None:
        file, line, column = place
        properties = [f"file={escape_property(file)}", f"line={line}", f"col={column}"]
    properties.append(f"title={escape_property('csm-check')}")
    return f"::{kind} {','.join(properties)}::{escape_data(text)}"


def _capped(
    kind: str, items: list[tuple[Place | None, str]], language: Language, total: int | None = None
) -> list[str]:
    lines = [annotation(kind, place, text) for place, text in items[:MAX_ANNOTATIONS]]
    hidden = (len(items) if total is None else total) - MAX_ANNOTATIONS
    if hidden > 0:
        key = f"github.more_{kind}s_one" if hidden == 1 else f"github.more_{kind}s"
        lines.append(annotation("notice", None, t(key, language, count=hidden)))
    return lines


def workflow_commands(
    errors: tuple[GateReason, ...],
    warnings: tuple[GateReason, ...],
    locate: Locator,
    language: Language,
) -> list[str]:
    """`::error` / `::warning` workflow commands at every place a reason belongs (a team's
    knock-out in each file that misses it), at most ten of each, then one notice with how
    many more there are."""
    lines: list[str] = []
    for kind, reasons in (("error", errors), ("warning", warnings)):
        items: list[tuple[Place | None, str]] = []
        total = 0
        for reason in reasons:
            places = locate(reason)
            total += getattr(places, "total", len(places))  # a team keeps the first few
            items += [(place, gate_reason(reason, language)) for place in places]
        lines += _capped(kind, items, language, total)
    return lines


def error_commands(errors: list[CsmCheckError], language: Language) -> list[str]:
    """Invalid input or a usage error (exit 2) as `::error` annotations, each at the file,
    line and column of its problem where one is known; at most ten, then a notice."""
    items: list[tuple[Place | None, str]] = []
    for error in errors:
        if isinstance(error, InvalidInputError):
            problems: list[Problem] = list(error.problems)
        elif error.path is not None:
            problems = [Problem(error.path, error.line or 1, error.column or 1, error.message)]
        else:
            items.append((None, error.message))
            continue
        items += [
            (
                (p.path, p.line, p.column),
                msg("err.with_hint", message=p.message, hint=p.hint) if p.hint else p.message,
            )
            for p in problems
        ]
    return _capped("error", items, language)


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
