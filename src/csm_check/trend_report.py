"""The JSON trend contract (`csm-check trend --format json`), also `csm-check schema trend`.

Written from these types as `report.Report` is (add keys, never rename). Point indexes are
0-based positions in `points`, which are in time order; scores are rounded as in reports,
and every change is taken between the rounded scores.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from csm_check.report import Count, ReportModelRef, ScoreValue, StatusName, _Part

Change = float  # a difference of two scores: -100..100


class TrendPointData(_Part):
    index: Count
    name: str = Field(description="The file as given, or FILE@COMMIT for a git version.")
    date: str = Field(description="ISO date the point is placed at.")
    date_source: Literal["assessed_on", "commit"] = Field(
        description="assessed_on, or commit: a git version without it takes its commit date."
    )
    commit: str | None = Field(description="Full commit id of a --git version; else null.")
    organisation: str | None
    respondent: str | None


class TrendValue(_Part):
    score: ScoreValue | None
    status: StatusName | None = Field(description="null: not in that assessment's model.")
    answered: Count
    total: Count


class TrendSeries(_Part):
    id: str = Field(description="Challenge id; empty for the overall score.")
    number: Count
    title: str
    values: list[TrendValue] = Field(description="One per point, in the order of `points`.")
    change: Change | None = Field(description="Last score minus first score; null if < 2.")


class TrendStep(_Part):
    challenge: str = Field(description="Challenge id; empty for the overall score.")
    start: Count = Field(description="Index of the earlier point; the later one is start + 1.")
    before: ScoreValue
    after: ScoreValue
    change: Change


class TrendWorse(_Part):
    criterion: str
    challenge: str
    start: Count = Field(description="The level fell between point start and start + 1.")
    before: float
    after: float


class TrendKnockout(_Part):
    criterion: str
    challenge: str
    at: Count = Field(description="Index of the point from which it is blocking.")
    before: str | None = Field(description="Its state at the point before; null: not a knock-out.")
    still_blocking: bool


class TrendReport(_Part):
    """A csm-check trend: series per challenge and overall, and what moved."""

    schema_version: Literal[1]
    tool: Literal["csm-check"]
    kind: Literal["trend"]
    version: str
    model: ReportModelRef
    language: str
    points: list[TrendPointData]
    overall: TrendSeries
    challenges: list[TrendSeries]
    gains: list[TrendStep] = Field(description="Largest rises between consecutive points.")
    drops: list[TrendStep] = Field(description="Largest falls between consecutive points.")
    criteria_worse: list[TrendWorse]
    knockouts_appeared: list[TrendKnockout]
