"""From command-line settings to a Scorecard: model, config, one or many answers files,
baseline and gate options. No printing; the CLI renders and writes the result.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.answers import Answer, AnswerSet, parse_answers
from csm_check.config import Config, load_config
from csm_check.errors import CsmCheckError, InvalidInputError, Problem
from csm_check.frozen import field, frozen, replace
from csm_check.i18n import ENGLISH, Language, choose_language, msg
from csm_check.loading import load_model
from csm_check.model import Model
from csm_check.scoring.compute import score
from csm_check.scoring.freshness import is_stale
from csm_check.scoring.results import (
    Baseline,
    GateOptions,
    GateReason,
    Scorecard,
)
from csm_check.yamlio.read import load_yaml

if TYPE_CHECKING:
    from csm_check.report import Report
    from csm_check.scoring.spread import TeamSummary

DEFAULT_TOP = 5
Place = tuple[str, int, int]  # file, line, column
ANSWER_SUFFIXES = (".yaml", ".yml")


@frozen
class ScoreSettings:
    """What the command line said. `options` holds the settings given as options, in the
    type csm-check.yaml fills too (`Config`); each one given overrides the file's."""

    challenges: Path | None = None
    config: Path | None = None
    baseline: Path | None = None
    options: Config = field(default_factory=Config)


@frozen
class Assessment:
    card: Scorecard
    language: Language
    top: int
    sources: tuple[Path, ...]
    answers: AnswerSet  # the single file's answers, or the first file's in a team
    warnings: tuple[str, ...] = ()  # loading files of an earlier model version
    files: tuple[tuple[str, AnswerSet], ...] = ()  # every respondent's file and answers

    def places(self, reason: GateReason) -> list[Place]:
        """Where a gate reason belongs, as (file, line, column), in every file that causes it.

        A register finding points at its system's entry in `ai_use_cases`.
        A reason about a criterion (knock-out, evidence) points at that answer in each file
        whose answer causes it (below the minimum, unanswered, a level >= 3 without a note).
        A reason about a challenge points at its lowest answered level over all files (the
        answer that pulls the score down; the first file on ties). Anything else, or a
        challenge nobody answered, at the `answers:` line of the first file."""
        files = self.files or ((str(self.sources[0]) if self.sources else "-", self.answers),)
        first_path, first = files[0]
        top = (first_path, *first.locations.get("", (1, 1)))
        if reason.finding is not None:  # the register's entry, in the first file (which has it)
            return [(first_path, *reason.finding.use_case.location)]
        if reason.criterion is not None:
            criterion = reason.criterion
            model_criterion = next(
                (c for _, c in self.card.model.criteria() if c.id == criterion), None
            )
            minimum = model_criterion.minimum_level if model_criterion else None

            def causes(answer: Answer) -> bool:
                if reason.kind == "blocker":
                    return answer.level is not None and answer.level < (minimum or 0)
                if reason.kind == "knockout_unanswered":
                    return answer.state == "unanswered"
                if reason.kind == "stale_evidence":
                    day = self.card.judged_on
                    return model_criterion is not None and is_stale(model_criterion, answer, day)
                return answer.lacks_evidence

            found = [
                (path, *answers.locations.get(criterion, answers.locations.get("", (1, 1))))
                for path, answers in files
                if causes(answers.get(criterion))
            ]
            return found or [top]
        if reason.challenge is not None:
            lowest: tuple[float, Place] | None = None
            for path, answers in files:
                for key, (line, column) in answers.locations.items():
                    level = (
                        answers.get(key).level if key.startswith(f"{reason.challenge}.") else None
                    )
                    if level is not None and (lowest is None or level < lowest[0]):
                        lowest = (level, (path, line, column))
            if lowest is not None:
                return [lowest[1]]
        return [top]


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
            sets.append(parse_answers(load_yaml(path, keep_going=True), model))
        except InvalidInputError as error:
            problems.extend(error.problems)
        except CsmCheckError as error:
            problems.append(
                Problem(error.path or str(path), error.line or 1, error.column or 1, error.message)
            )


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
    sets = load_all(files, model)
    team = None
    if len(sets) == 1:
        answers = sets[0]
    else:
        from csm_check.scoring.team import aggregate

        pairs = list(zip(files, sets, strict=True))
        if config.min_group_size is None:
            answers, team = aggregate(model, pairs, on=dt.date.today())
        else:
            answers, team = aggregate(
                model, pairs, on=dt.date.today(), min_group=config.min_group_size
            )
    baseline = load_baseline(settings.baseline, model)
    result = conclude(
        model, answers, config, sources=tuple(files), first=sets[0], team=team, baseline=baseline
    )
    return replace(
        result,
        warnings=tuple(w for s in sets for w in s.warnings),
        files=tuple((str(path), answers) for path, answers in zip(files, sets, strict=True)),
    )


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
        from csm_check.scoring.team import aggregate

        files = expand_inputs([path])
        sets = load_all(files, model)
        answers, team = aggregate(model, list(zip(files, sets, strict=True)), on=dt.date.today())
        card = score(model, answers, on=judged_on(answers), team=team)
        return build_report(card, language or answers.language or ENGLISH)
    document = load_yaml(path)
    if is_report(document):
        return parse_report(document, model)
    answers = parse_answers(document, model)
    card = score(model, answers, on=judged_on(answers))
    chosen = language or answers.language or ENGLISH
    return build_report(card, chosen)
