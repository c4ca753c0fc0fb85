"""Opening an interview session (options checked, files loaded), its settings and its endings."""

from __future__ import annotations

import enum
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.errors import CsmCheckError
from csm_check.i18n import LANGUAGES, Language, choose_language, t
from csm_check.model import Challenge
from csm_check.sanitize import one_line

if TYPE_CHECKING:
    from csm_check.interview import Interview


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
    """The options of one session. `organisation`/`respondent` preset skip their question."""

    path: Path
    language: Language
    challenges: tuple[Challenge, ...]
    organisation: str | None = None
    respondent: str | None = None
    only: str | None = None
    model_file: Path | None = None


def command_line(*words: str) -> str:
    """A shell command a person can copy, with odd file names quoted and cleaned."""
    return one_line(" ".join(shlex.quote(word) for word in words))


def resume_command(settings: Settings) -> str:
    words = ["csm-check", "interactive", "--answers", str(settings.path)]
    if settings.only:
        words += ["--only", settings.only]
    if settings.model_file is not None:
        words += ["--challenges", str(settings.model_file)]
    return command_line(*words)


def next_commands(settings: Settings) -> list[tuple[str, str]]:
    """(what for, command) pairs shown after the scorecard."""
    from csm_check.render import Format

    base = ["csm-check", "score", str(settings.path)]
    if settings.model_file is not None:
        base += ["--challenges", str(settings.model_file)]
    language = settings.language
    found: list[tuple[str, str]] = []
    if "markdown" in Format.__members__:  # once that format exists
        summary = command_line(*base, "--format", "markdown", "-o", "summary.md")
        found.append((t("interview.next_summary", language), summary))
    gate = command_line(*base, "--fail-under", "60")
    found.append((t("interview.next_gate", language), gate))
    return found


def open_session(
    path: Path,
    *,
    lang: str | None = None,
    only: str | None = None,
    model_file: Path | None = None,
    organisation: str | None = None,
    respondent: str | None = None,
) -> Interview:
    """Check the options, load the model and the answers file (strictly), prepare the session.

    Raises CsmCheckError (exit 2) before anything is asked or written: an invalid answers
    file is reported with FILE:LINE:COL and left as it is.
    """
    import os
    from dataclasses import replace

    from csm_check.answers import AnswerSet
    from csm_check.answers_writer import dump_answers
    from csm_check.atomicfile import atomic_write_text
    from csm_check.interview import Interview
    from csm_check.interview_io import console_terminal
    from csm_check.interview_keys import select_challenges
    from csm_check.loading import load_answers, load_model

    option = lang.strip().lower() if lang is not None else None
    if option is not None and option not in LANGUAGES:
        raise CsmCheckError(t("interview.bad_lang", choose_language(None, None), value=lang))
    model = load_model(model_file)
    existing = load_answers(path, model) if path.exists() else None
    language = choose_language(option, existing.language if existing else None)
    selected = select_challenges(model, only, language)
    folder = path.parent
    if not folder.is_dir():
        raise CsmCheckError(t("interview.no_folder", language, folder=folder), str(path))
    if not os.access(folder, os.W_OK) or (existing and not os.access(path, os.W_OK)):
        raise CsmCheckError(t("interview.not_writable", language), str(path))
    settings = Settings(
        path=path,
        language=language,
        challenges=selected,
        organisation=one_line(organisation) if organisation is not None else None,
        respondent=one_line(respondent) if respondent is not None else None,
        only=only,
        model_file=model_file,
    )

    def save(answers: AnswerSet) -> None:
        atomic_write_text(path, dump_answers(answers, model))

    start = existing or AnswerSet(model=model.id)
    start = replace(start, language=start.language or language)
    return Interview(model, start, settings, console_terminal(), save, saved=existing)
