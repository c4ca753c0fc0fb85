"""Use case `trend`: several assessments of one service over time, and `score --history`.

Points are answers files (scored first), saved JSON reports, the files directly inside a
folder (each one point: a folder of quarters, not a team; save a team's quarters as JSON
reports), and the committed versions of one answers file (`--git`). They are ordered by
`assessed_on`, ties by name. A file without `assessed_on` cannot be placed in time and is
an error (a file's modification time says when it was copied, not when it was assessed); a
git version without it takes its commit date. A git version that does not load is skipped
with a warning that names the commit: one broken commit in the past must not block every
later trend.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from csm_check.assess import judged_on, load_report
from csm_check.errors import CsmCheckError, InvalidInputError, Problem
from csm_check.frozen import replace
from csm_check.i18n import ENGLISH, Language, choose_language, msg
from csm_check.loading import load_model
from csm_check.model import Model
from csm_check.report import Report
from csm_check.scoring.trend import Trend, TrendPoint, build_trend, ordered

POINT_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class TrendResult:
    trend: Trend
    language: Language
    warnings: tuple[str, ...] = ()
    sources: tuple[Path, ...] = ()  # the files read (outputs may not replace them)
    bands: tuple[float, float] = (40.0, 70.0)  # the model's developing and ready bounds


def point_files(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the answers files and reports directly inside.
    A file named twice (also through a folder) is one point."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix in POINT_SUFFIXES and p.is_file() and p.name != "csm-check.yaml"
            )
            if not found:
                raise CsmCheckError(msg("err.no_trend_files"), str(path))
            files.extend(found)
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve() if str(file) != "-" else file
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _file_points(files: list[Path], model: Model, language: Language | None) -> list[TrendPoint]:
    points: list[TrendPoint] = []
    problems: list[Problem] = []
    for path in files:
        try:
            report = load_report(path, model, language)
        except InvalidInputError as error:
            problems.extend(error.problems)
            continue
        except CsmCheckError as error:
            problems.append(Problem(error.path or str(path), 1, 1, error.message))
            continue
        if report.assessed_on is None:
            problems.append(
                Problem(str(path), 1, 1, msg("err.trend_no_date"), msg("err.trend_no_date.hint"))
            )
            continue
        points.append(TrendPoint(str(path), report.assessed_on, report))
    if problems:
        raise InvalidInputError(problems)
    return points


def _git_points(
    file: Path, model: Model, language: Language | None
) -> tuple[list[TrendPoint], list[str]]:
    from csm_check.answers import parse_answers
    from csm_check.githistory import is_shallow, versions
    from csm_check.render.json_format import build_report
    from csm_check.report import is_report, parse_report
    from csm_check.scoring.compute import score
    from csm_check.yamlio.read import parse_yaml

    points: list[TrendPoint] = []
    warnings: list[str] = []
    source: Literal["assessed_on", "commit"]
    found = versions(file)
    if is_shallow(file):
        warnings.append(msg("trend.shallow"))
    for version in found:
        name = f"{file}@{version.commit[:7]}"
        try:
            document = parse_yaml(_decoded(version.data, name), name)
            if is_report(document):
                report = parse_report(document, model)
                source = "assessed_on" if report.assessed_on else "commit"
                report = report.model_copy(
                    update={"assessed_on": report.assessed_on or version.committed_on}
                )
            else:
                answers = parse_answers(document, model)
                source = "assessed_on" if answers.assessed_on else "commit"
                if answers.assessed_on is None:
                    committed = dt.date.fromisoformat(version.committed_on)
                    answers = replace(answers, assessed_on=committed)
                card = score(model, answers, on=judged_on(answers))
                report = build_report(card, language or answers.language or ENGLISH)
        except CsmCheckError as error:
            first = error.lines()[0] if error.lines() else error.message
            warnings.append(msg("trend.skipped", commit=version.commit[:7], problem=first))
            continue
        assert report.assessed_on is not None
        points.append(TrendPoint(name, report.assessed_on, report, source, version.commit))
    return points, warnings


def _decoded(data: bytes, name: str) -> str:
    """A committed version as text, within the limits every input has (1 MiB, UTF-8)."""
    from csm_check.yamlio.read import MAX_BYTES

    if len(data) > MAX_BYTES:
        raise CsmCheckError(msg("err.too_large", size=len(data), limit=MAX_BYTES), name)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        byte = f"{data[error.start]:02x}"
        raise CsmCheckError(msg("err.not_utf8", byte=byte), name) from None


def trend_files(
    paths: list[Path],
    *,
    git_file: Path | None = None,
    model_file: Path | None = None,
    language: str | None = None,
) -> TrendResult:
    """`csm-check trend`: every point loaded, ordered and compared; at least two needed."""
    model = load_model(model_file)
    fixed = choose_language(language, None) if language else None
    files = point_files(paths)
    points = _file_points(files, model, fixed)
    warnings: list[str] = []
    if git_file is not None:
        found, warnings = _git_points(git_file, model, fixed)
        points += found
    if len(points) < 2:  # the warnings (a shallow clone, skipped commits) may say why
        message = msg("err.trend_too_few", count=len(points))
        for warning in warnings:
            message = msg("err.with_hint", message=message, hint=warning)
        raise CsmCheckError(message)
    points = ordered(points)
    chosen = choose_language(language, points[-1].report.language)
    return TrendResult(
        build_trend(points),
        chosen,
        tuple(warnings),
        tuple(files),
        (model.bands.developing, model.bands.ready),
    )


def history_trend(
    paths: list[Path], current: Report, name: str, model: Model, language: Language
) -> Trend:
    """`score --history`: the earlier points, ordered, then the current scoring as the last
    point (dated by its `assessed_on`, else today, the day it is judged on)."""
    earlier = ordered(_file_points(point_files(paths), model, language))
    date = current.assessed_on or dt.date.today().isoformat()
    return build_trend([*earlier, TrendPoint(name, date, current)])
