"""`csm-check trend --format json`: a `csm_check.trend_report.TrendReport` filled from a
Trend (the types are the contract and feed `csm-check schema trend`)."""

from __future__ import annotations

from csm_check import __version__
from csm_check.i18n import Language
from csm_check.render.jsontext import dumps
from csm_check.report import ReportModelRef
from csm_check.scoring.trend import Series, Step, Trend
from csm_check.trend_report import (
    TrendKnockout,
    TrendPointData,
    TrendReport,
    TrendSeries,
    TrendStep,
    TrendValue,
    TrendWorse,
)


def _series(series: Series) -> TrendSeries:
    return TrendSeries.model_construct(
        id=series.id,
        number=series.number,
        title=series.title,
        values=[
            TrendValue.model_construct(
                score=v.score, status=v.status, answered=v.answered, total=v.total
            )
            for v in series.values
        ],
        change=series.change,
    )


def _step(step: Step) -> TrendStep:
    return TrendStep.model_construct(
        challenge=step.series.id,
        start=step.start,
        before=step.before,
        after=step.after,
        change=step.change,
    )


def build_trend_report(trend: Trend, language: Language) -> TrendReport:
    last = trend.points[-1].report
    return TrendReport.model_construct(
        schema_version=1,
        tool="csm-check",
        kind="trend",
        version=__version__,
        model=ReportModelRef.model_construct(id=last.model.id, title=last.model.title),
        language=language,
        points=[
            TrendPointData.model_construct(
                index=index,
                name=point.name,
                date=point.date,
                date_source=point.source,
                commit=point.commit,
                organisation=point.report.organisation,
                respondent=point.report.respondent,
            )
            for index, point in enumerate(trend.points)
        ],
        overall=_series(trend.overall),
        challenges=[_series(s) for s in trend.challenges],
        gains=[_step(s) for s in trend.gains],
        drops=[_step(s) for s in trend.drops],
        criteria_worse=[
            TrendWorse.model_construct(
                criterion=w.criterion,
                challenge=w.challenge,
                start=w.start,
                before=w.before,
                after=w.after,
            )
            for w in trend.worse
        ],
        knockouts_appeared=[
            TrendKnockout.model_construct(
                criterion=k.criterion,
                challenge=k.challenge,
                at=k.at,
                before=k.before,
                still_blocking=k.still_blocking,
            )
            for k in trend.knockouts
        ],
    )


def render_trend_json(trend: Trend, language: Language) -> str:
    return dumps(build_trend_report(trend, language).to_data()) + "\n"
