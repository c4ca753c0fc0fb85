"""Progress over time: several assessments of one service as series, and what moved.

Works on reports (like `comparison`), so a point can be an answers file (scored first), a
saved JSON report or a version from git history. Every change is taken between scores as
reports show them (one decimal), so a reader can check each one with the numbers printed.

- Gains and drops are steps between consecutive points (which quarter moved what), per
  challenge and overall, largest first; the net change first -> last is in each series.
- A criterion got worse when its level fell from one point to the next (both answered).
- A knock-out appeared when it is blocking at a point and was not at the point before.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from csm_check.report import Report, ReportChallenge, StatusName
from csm_check.rounding import half_up

LARGEST = 3  # gains and drops listed


@dataclass(frozen=True)
class TrendPoint:
    """One assessment in time. `source` says where its date came from: `assessed_on`, or
    `commit` for a version from git history that has none (the commit date)."""

    name: str
    date: str  # ISO date
    report: Report
    source: Literal["assessed_on", "commit"] = "assessed_on"
    commit: str | None = None


@dataclass(frozen=True)
class Value:
    """A score with its status and coverage at one point (None: not in that assessment)."""

    score: float | None
    status: StatusName | None
    answered: int
    total: int


@dataclass(frozen=True)
class Series:
    id: str  # "" for the overall score
    number: int
    title: str
    values: tuple[Value, ...]

    @property
    def change(self) -> float | None:
        """Net change from the first point with a score to the last one with a score."""
        scores = [v.score for v in self.values if v.score is not None]
        return half_up(scores[-1] - scores[0]) if len(scores) >= 2 else None


@dataclass(frozen=True)
class Step:
    """A score change between point `start` and point `start + 1`."""

    series: Series
    start: int
    before: float
    after: float

    @property
    def change(self) -> float:
        return half_up(self.after - self.before)


@dataclass(frozen=True)
class Worse:
    criterion: str
    challenge: str
    start: int  # the level fell between point `start` and `start + 1`
    before: float
    after: float


@dataclass(frozen=True)
class Appeared:
    criterion: str
    challenge: str
    at: int  # first point of this stretch of blocking
    before: str | None  # its state at the point before (None: not a knock-out then)
    still_blocking: bool  # blocking at the last point


@dataclass(frozen=True)
class Trend:
    points: tuple[TrendPoint, ...]
    overall: Series
    challenges: tuple[Series, ...]
    gains: tuple[Step, ...]
    drops: tuple[Step, ...]
    worse: tuple[Worse, ...]
    knockouts: tuple[Appeared, ...]


def ordered(points: list[TrendPoint]) -> list[TrendPoint]:
    """By date, then by name (files of the same day keep their names' order)."""
    return sorted(points, key=lambda p: (p.date, p.name))


def build_trend(points: list[TrendPoint]) -> Trend:
    """The trend of `points`, taken in the order given (see `ordered`)."""
    reports = [p.report for p in points]
    overall = Series(
        "",
        0,
        "",
        tuple(
            Value(r.overall.score, r.overall.status, r.overall.answered, r.overall.total)
            for r in reports
        ),
    )
    challenges = tuple(_challenge_series(reports))
    steps = [step for series in (overall, *challenges) for step in _steps(series)]
    gains = sorted((s for s in steps if s.change > 0), key=lambda s: (-s.change, s.start))
    drops = sorted((s for s in steps if s.change < 0), key=lambda s: (s.change, s.start))
    return Trend(
        tuple(points),
        overall,
        challenges,
        tuple(gains[:LARGEST]),
        tuple(drops[:LARGEST]),
        _worse(reports),
        _appeared(reports),
    )


def _challenge_series(reports: list[Report]) -> list[Series]:
    """Challenges in the last report's order, then any that only earlier reports hold."""
    known: dict[str, tuple[int, str]] = {}
    for report in reversed(reports):
        for c in report.challenges:
            known.setdefault(c.id, (c.number, c.title))
    found = []
    for challenge_id, (number, title) in known.items():
        values = []
        for report in reports:
            found_c: ReportChallenge | None = next(
                (c for c in report.challenges if c.id == challenge_id), None
            )
            values.append(
                Value(found_c.score, found_c.status, found_c.answered, found_c.total)
                if found_c
                else Value(None, None, 0, 0)
            )
        found.append(Series(challenge_id, number, title, tuple(values)))
    return found


def _steps(series: Series) -> list[Step]:
    pairs = pairwise(series.values)
    return [
        Step(series, index, old.score, new.score)
        for index, (old, new) in enumerate(pairs)
        if old.score is not None and new.score is not None
    ]


def _levels(report: Report) -> dict[str, tuple[str, float | None]]:
    return {k.id: (c.id, k.level) for c in report.challenges for k in c.criteria}


def _worse(reports: list[Report]) -> tuple[Worse, ...]:
    found = []
    for index, (old, new) in enumerate(pairwise(reports)):
        before, after = _levels(old), _levels(new)
        for criterion, (challenge, level) in after.items():
            then = before.get(criterion, ("", None))[1]
            if level is not None and then is not None and level < then:
                found.append(Worse(criterion, challenge, index, then, level))
    return tuple(found)


def _appeared(reports: list[Report]) -> tuple[Appeared, ...]:
    states = [{k.criterion: k for k in r.knockouts} for r in reports]
    last = states[-1] if states else {}
    found = []
    for index in range(1, len(states)):
        for criterion, knockout in states[index].items():
            before = states[index - 1].get(criterion)
            if knockout.state == "blocking" and (before is None or before.state != "blocking"):
                still = criterion in last and last[criterion].state == "blocking"
                found.append(
                    Appeared(
                        criterion,
                        knockout.challenge,
                        index,
                        before.state if before else None,
                        still,
                    )
                )
    return tuple(found)
