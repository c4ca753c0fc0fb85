"""An interview session's settings, how it can end, and the commands it suggests."""

from __future__ import annotations

import enum
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from csm_check.config import Config
from csm_check.i18n import Language, t
from csm_check.model import Challenge
from csm_check.sanitize import one_line


class Outcome(enum.Enum):
    """How the interview ended."""

    FINISHED = "finished"
    QUIT = "quit"
    END_OF_INPUT = "end of input"
    INTERRUPTED = "interrupted"

    @property
    def exit_code(self) -> int:
        """0 done or quit with q, 1 end of input, 130 Ctrl-C (always after saving)."""
        return {"end of input": 1, "interrupted": 130}.get(self.value, 0)


@dataclass(frozen=True)
class Settings:
    """The options of one session. `organisation`/`respondent`/`role` preset skip their question."""

    path: Path
    language: Language
    challenges: tuple[Challenge, ...]
    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None  # --role: skips the role question (asked only at a terminal)
    only: str | None = None
    model_file: Path | None = None
    config: Config = field(default_factory=Config)  # csm-check.yaml, as `score` reads it
    walk_all: bool = False  # --all: visit every question, not only the open ones


def command_line(*words: str) -> str:
    """A shell command a person can copy, with odd file names quoted and cleaned."""
    return one_line(" ".join(shlex.quote(word) for word in words))


def resume_command(settings: Settings) -> str:
    words = ["csm-check", "interactive", "--answers", str(settings.path)]
    if settings.only:
        words += ["--only", settings.only]
    if settings.walk_all:
        words += ["--all"]
    if settings.model_file is not None:
        words += ["--challenges", str(settings.model_file)]
    return command_line(*words)


def next_commands(settings: Settings) -> list[tuple[str, str]]:
    """(what for, command) pairs shown after the scorecard."""
    base = ["csm-check", "score", str(settings.path)]
    if settings.model_file is not None:
        base += ["--challenges", str(settings.model_file)]
    language = settings.language
    found: list[tuple[str, str]] = []
    summary = command_line(*base, "--format", "markdown", "-o", "summary.md")
    found.append((t("interview.next_summary", language), summary))
    gate = command_line(*base, "--fail-under", "60")
    found.append((t("interview.next_gate", language), gate))
    return found
