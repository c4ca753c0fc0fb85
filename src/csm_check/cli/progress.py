"""A progress bar on stderr while a large team's files are read: for a person at a terminal.

Shown only when stderr is a terminal outside CI (`CI`, `GITHUB_ACTIONS`, `TERM=dumb`) and
only once reading has taken more than about a second, so that pipes, files and CI logs never
get one and a small team never flickers. The bar is removed when reading is done.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, Task
    from rich.text import Text

SHOW_AFTER = 1.0  # seconds of reading before the bar appears
_FALSE = ("", "0", "false", "no")


def progress_wanted(stream: IO[str], environ: Mapping[str, str]) -> bool:
    """Whether a progress bar may go to `stream`: a terminal, and not a CI log."""
    if environ.get("CI", "").strip().lower() not in _FALSE:
        return False
    if environ.get("GITHUB_ACTIONS") or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class ProgressBar:
    """The callback the team's fold reports to with (files done, files in all)."""

    def __init__(
        self,
        language: str,
        stream: IO[str],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.language = language
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.bar: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if done >= total or self.clock() - self.started < SHOW_AFTER:
                return
            self.bar = self._start(total, done)
            return
        self.bar.update(self.bar.task_ids[0], completed=done)

    def _start(self, total: int, done: int) -> Progress:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        from csm_check.i18n import format_count, t

        language = self.language

        class RateColumn(ProgressColumn):
            """Files per second, as the language writes numbers."""

            def render(self, task: Task) -> Text:
                speed = task.finished_speed or task.speed
                rate = format_count(round(speed), language) if speed else "-"
                return Text(t("progress.rate", language, rate=rate))

        console = Console(file=self.stream, markup=False, highlight=False, emoji=False)
        bar = Progress(
            t("progress.reading", self.language),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        bar.add_task("", total=total, completed=done)
        bar.start()
        return bar

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


@contextmanager
def reading_progress(
    language: str, environ: Mapping[str, str], stream: IO[str] | None = None
) -> Iterator[ProgressBar | None]:
    """A progress callback for reading answers files, or None where no bar may be shown."""
    target = sys.stderr if stream is None else stream
    if not progress_wanted(target, environ):
        yield None
        return
    bar = ProgressBar(language, target)
    try:
        yield bar
    finally:
        bar.close()
