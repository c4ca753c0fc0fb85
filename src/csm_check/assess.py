"""From command-line settings to a Scorecard: model, config, one or many answers files,
baseline and gate options. No printing; the CLI renders and writes the result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.answers import AnswerSet, parse_answers
from csm_check.config import Config, load_config
from csm_check.errors import CsmCheckError, InvalidInputError
from csm_check.frozen import field, frozen, replace
from csm_check.i18n import ENGLISH, Language, choose_language, msg
from csm_check.loading import load_model
from csm_check.model import Model
from csm_check.scoring.compute import score
from csm_check.scoring.results import (
    Baseline,
    GateOptions,
    GateReason,
    Scorecard,
)
from csm_check.yamlio.read import load_yaml

if TYPE_CHECKING:
    from csm_check.report import Report
    from csm_check.scoring.places import PlaceIndex, Places
    from csm_check.scoring.spread import TeamSummary
    from csm_check.teamload import Folds, Progress

DEFAULT_TOP = 5
ANSWER_SUFFIXES = (".yaml", ".yml")


@frozen
class ScoreSettings:
    """What the command line said. `options` holds the settings given as options, in the
    type csm-check.yaml fills too (`Config`); each one given overrides the file's."""

    challenges: Path | None = None
    config: Path | None = None
    baseline: Path | None = None
    options: Config = field(default_factory=Config)
    progress: Progress | None = None  # called with the number of files read so far
    jobs: int | None = None  # worker processes for a team's files (None: teamload's default)
    locate: bool = True  # fold where gate reasons belong (annotations: GitHub Actions only)


@frozen
class Assessment:
    card: Scorecard
    language: Language
    top: int
    sources: tuple[Path, ...]
    answers: AnswerSet  # the single file's answers, or the first file's in a team
    warnings: tuple[str, ...] = ()  # loading files of an earlier model version
    # Where gate reasons belong in a team's files (folded while reading them); None: the
    # first file's places are found when asked (a single file, or a team outside GitHub).
    located: PlaceIndex | None = None

    def places(self, reason: GateReason) -> Places:
        """Where a gate reason belongs, as (file, line, column): see `PlaceIndex.places`."""
        located = self.located
        if located is None:
            from csm_check.scoring.places import single

            path = str(self.sources[0]) if self.sources else "-"
            located = single(path, self.answers, self.card.model, self.card.judged_on)
        return located.places(reason)


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


def load_team(
    files: list[Path],
    model: Model,
    jobs: int | None = None,
    progress: Progress | None = None,
    locate: bool = True,
    on: dt.date | None = None,
) -> Folds:
    """Every file validated and folded; all problems of all files reported together."""
    from csm_check.teamload import fold_files

    folds = fold_files(files, model, jobs=jobs, progress=progress, locate=locate, on=on)
    if folds.problems:
        raise InvalidInputError(folds.problems)
    return folds


def _min_group(config: Config) -> int:
    from csm_check.scoring.roles import DEFAULT_MIN_GROUP

    return DEFAULT_MIN_GROUP if config.min_group_size is None else config.min_group_size


def gate_options(config: Config, baseline: Baseline | None) -> GateOptions:
    """The gate's input from the merged settings, with the defaults applied."""
    return GateOptions(
        fail_under=config.fail_under,
        require_complete=bool(config.require_complete),
        require_evidence=bool(config.require_evidence),
        require_fresh_evidence=bool(config.require_fresh_evidence),
        minimums=tuple(config.challenges.items()),
        baseline=baseline,
        max_drop=config.max_drop or 0.0,
    )


def load_baseline(path: Path | None, model: Model) -> Baseline | None:
    """The scores of a --baseline report or answers file, rounded as reports store them."""
    if path is None:
        return None
    report = load_report(path, model)
    return Baseline(report.overall.score, tuple((c.id, c.score) for c in report.challenges))


def assess(paths: list[Path], settings: ScoreSettings) -> Assessment:
    """`csm-check score`: load the model, settings and answers files, then conclude."""
    model = load_model(settings.challenges)
    config = load_config(settings.config, model).overridden_by(settings.options)
    files = expand_inputs(paths)
    if len(files) == 1:
        first, located = _load_one(files[0], model, settings, on=dt.date.today())
        answers, team, warnings = first, None, first.warnings
    else:
        folds = load_team(
            files, model, settings.jobs, settings.progress, settings.locate, on=dt.date.today()
        )
        assert folds.first is not None
        first = folds.first[1]
        answers, team = folds.team.finish(_min_group(config))
        warnings, located = tuple(folds.warnings), folds.places
    baseline = load_baseline(settings.baseline, model)
    result = conclude(
        model, answers, config, sources=tuple(files), first=first, team=team, baseline=baseline
    )
    return replace(result, warnings=tuple(warnings), located=located)


def _load_one(
    path: Path, model: Model, settings: ScoreSettings, on: dt.date
) -> tuple[AnswerSet, PlaceIndex | None]:
    """One answers file, read as `load_team` reads each of a team's (the same problems, the
    same places) without importing the team's folds: about 10 ms of every single-file run."""
    from csm_check.errors import Problem
    from csm_check.scoring.places import single

    try:
        answers = parse_answers(load_yaml(path, keep_going=True), model)
    except InvalidInputError as error:
        raise InvalidInputError(list(error.problems)) from None
    except CsmCheckError as error:
        at = (error.path or str(path), error.line or 1, error.column or 1)
        raise InvalidInputError([Problem(*at, error.message)]) from None
    if settings.progress is not None:
        settings.progress(1, 1)
    return answers, single(str(path), answers, model, on) if settings.locate else None


def conclude(
    model: Model,
    answers: AnswerSet,
    config: Config,
    *,
    sources: tuple[Path, ...],
    first: AnswerSet | None = None,
    team: TeamSummary | None = None,
    baseline: Baseline | None = None,
) -> Assessment:
    """Score loaded answers under the merged settings: target, top, language and gate.

    The one ending of `score` and of the interview, so both honour csm-check.yaml alike."""
    language = choose_language(config.language, answers.language)
    options = gate_options(config, baseline)
    card = score(
        model, answers, target=config.target, gate=options, team=team, on=judged_on(answers)
    )
    top = DEFAULT_TOP if config.top is None else config.top
    return Assessment(card, language, top, sources, first or answers)


def judged_on(answers: AnswerSet) -> dt.date:
    """The day the law is judged on: the assessment's date, else today."""
    return answers.assessed_on or dt.date.today()


def load_report(path: Path, model: Model, language: Language | None = None) -> Report:
    """A report from a saved JSON report, or by scoring an answers file (a folder: its files
    as one team) against `model` (texts in `language`, else the answers' own)."""
    from csm_check.render.json_format import build_report
    from csm_check.report import is_report, parse_report

    if path.is_dir():  # a team: its answers files scored as one, as `score FOLDER` does
        answers, team = load_team(
            expand_inputs([path]), model, locate=False, on=dt.date.today()
        ).team.finish()
        card = score(model, answers, on=judged_on(answers), team=team)
        return build_report(card, language or answers.language or ENGLISH)
    document = load_yaml(path)
    if is_report(document):
        return parse_report(document, model)
    answers = parse_answers(document, model)
    card = score(model, answers, on=judged_on(answers))
    chosen = language or answers.language or ENGLISH
    return build_report(card, chosen)
