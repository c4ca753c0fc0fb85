"""From command-line settings to a Scorecard: model, config, one or many answers files,
baseline and gate options. No printing; the CLI renders and writes the result.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from csm_check.answers import AnswerSet, parse_answers
from csm_check.config import Config, load_config
from csm_check.errors import CsmCheckError, InvalidInputError, Problem
from csm_check.i18n import Language, choose_language, msg
from csm_check.loading import load_model
from csm_check.model import Model
from csm_check.scorecard import ChallengeMinimum, Gate, GateOptions, GateReason, Scorecard
from csm_check.scoring import score
from csm_check.yamlio import load_yaml

if TYPE_CHECKING:
    from csm_check.team import TeamSummary

DEFAULT_TOP = 5
ANSWER_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ScoreSettings:
    """What the command line said; None means 'not given' (the config file or default decides)."""

    challenges: Path | None = None
    config: Path | None = None
    language: str | None = None
    top: int | None = None
    fail_under: float | None = None
    require_complete: bool | None = None
    require_evidence: bool | None = None
    target: int | None = None
    baseline: Path | None = None
    max_drop: float | None = None


@dataclass(frozen=True)
class Assessment:
    card: Scorecard
    language: Language
    top: int
    sources: tuple[Path, ...]
    answers: AnswerSet  # the single file's answers, or the first file's in a team

    def locate(self, reason: GateReason) -> tuple[int, int]:
        """Where in the (first) answers file a gate reason belongs: its criterion, else the
        first answered criterion of its challenge, else the `answers:` line, else line 1."""
        places = self.answers.locations
        if reason.criterion and reason.criterion in places:
            return places[reason.criterion]
        if reason.challenge:
            for key, place in places.items():
                if key.startswith(f"{reason.challenge}."):
                    return place
        return places.get("", (1, 1))


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the answers files directly inside it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix in ANSWER_SUFFIXES and p.is_file() and p.name != "csm-check.yaml"
            )
            if not found:
                raise CsmCheckError(msg("err.no_answers_files"), str(path))
            files.extend(found)
        else:
            files.append(path)
    return files


def load_all(files: list[Path], model: Model) -> list[AnswerSet]:
    """Every file validated; all problems of all files reported together."""
    sets: list[AnswerSet] = []
    problems: list[Problem] = []
    with _collector_paused():
        _load_into(sets, problems, files, model)
    if problems:
        raise InvalidInputError(problems)
    return sets


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading thousands of files creates millions of small objects and no reference
    cycles; the cyclic garbage collector would rescan the growing heap again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_into(
    sets: list[AnswerSet], problems: list[Problem], files: list[Path], model: Model
) -> None:
    for path in files:
        try:
            sets.append(parse_answers(load_yaml(path), model))
        except InvalidInputError as error:
            problems.extend(error.problems)
        except CsmCheckError as error:
            problems.append(
                Problem(error.path or str(path), error.line or 1, error.column or 1, error.message)
            )


T = TypeVar("T")


def _first(*values: T | None) -> T | None:
    """The first value that was given: command line before config file."""
    return next((value for value in values if value is not None), None)


def gate_options(settings: ScoreSettings, config: Config, model: Model) -> GateOptions:
    baseline = None
    if settings.baseline is not None:
        from csm_check.report import baseline_from, report_from_path

        baseline = baseline_from(report_from_path(settings.baseline, model))
    return GateOptions(
        fail_under=_first(settings.fail_under, config.fail_under),
        require_complete=bool(_first(settings.require_complete, config.require_complete)),
        require_evidence=bool(_first(settings.require_evidence, config.require_evidence)),
        minimums=tuple(
            ChallengeMinimum(challenge_id, gate.minimum, gate.level)
            for challenge_id, gate in config.challenges.items()
        ),
        baseline=baseline,
        max_drop=_first(settings.max_drop, config.max_drop) or 0.0,
    )


def _team_evidence(gate: Gate, team: TeamSummary) -> Gate:
    """The gate with one `evidence` reason per criterion that some respondent rated 3 or
    more without a note, in the place single scoring puts them (before challenge minimums)."""
    found = [
        GateReason("evidence", criterion=s.criterion, challenge=s.challenge, score=s.unevidenced)
        for s in team.spreads
        if s.unevidenced is not None
    ]
    later = {"challenge_below", "challenge_no_score", "regression"}
    at = next((i for i, r in enumerate(gate.reasons) if r.kind in later), len(gate.reasons))
    reasons = (*gate.reasons[:at], *found, *gate.reasons[at:])
    return Gate(not reasons, reasons, gate.warnings)


def assess(paths: list[Path], settings: ScoreSettings) -> Assessment:
    model = load_model(settings.challenges)
    config = load_config(settings.config, model)
    files = expand_inputs(paths)
    sets = load_all(files, model)
    team = None
    if len(sets) == 1:
        answers = sets[0]
    else:
        from csm_check.team import aggregate

        answers, team = aggregate(model, list(zip(files, sets, strict=True)))
    language = choose_language(settings.language or config.language, answers.language)
    target = _first(settings.target, config.target)
    options = gate_options(settings, config, model)
    if team is not None:  # evidence is a property of each respondent's answers, not of a mean
        card = score(model, answers, target=target, gate=replace(options, require_evidence=False))
        gate = _team_evidence(card.gate, team) if options.require_evidence else card.gate
        card = replace(card, team=team, gate=gate)
    else:
        card = score(model, answers, target=target, gate=options)
    top = _first(settings.top, config.top, DEFAULT_TOP)
    assert top is not None
    return Assessment(card, language, top, tuple(files), sets[0])
