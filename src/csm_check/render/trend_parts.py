"""What every trend format says, as plain text: the points, the series rows, the gains and
drops, criteria that got worse and knock-outs that appeared. Each format escapes it."""

from __future__ import annotations

from pathlib import Path

from csm_check.i18n import Language, format_date, t
from csm_check.render.common import level_text, score_text
from csm_check.render.trend_charts import sparkline
from csm_check.sanitize import one_line
from csm_check.scoring.trend import Series, Step, Trend, TrendPoint, Value


def date_text(iso: str, language: Language) -> str:
    import datetime as dt

    return format_date(dt.date.fromisoformat(iso), language)


def point_label(point: TrendPoint, language: Language) -> str:
    return date_text(point.date, language)


def point_line(number: int, point: TrendPoint, language: Language) -> str:
    """'1. 2026-02-13: q1.yaml · Beispiel GmbH · Ann · 4 of 5 answered'."""
    return f"{number}. {point_text(point, language)}"


def point_text(point: TrendPoint, language: Language) -> str:
    """'2026-02-13: q1.yaml · Beispiel GmbH · Ann · 4 of 5 answered'."""
    report = point.report
    date = point_label(point, language)
    if point.source == "commit":
        date = t("trend.commit_date", language, date=date)
    respondents = report.respondent
    if report.team is not None:
        respondents = ", ".join(r.respondent or Path(r.file).stem for r in report.team.respondents)
    answered = t(
        "report.answered",
        language,
        answered=report.overall.answered,
        total=report.overall.total,
    )
    parts = [point.name, report.organisation, respondents, answered]
    side = " · ".join(one_line(part) for part in parts if part)
    return f"{date}: {side}"


def series_name(series: Series, language: Language) -> str:
    return t("trend.overall", language) if not series.id else one_line(series.title)


def value_text(value: Value, language: Language) -> str:
    """'58.3 (2/2)': the score and the coverage at that point; '-' when absent."""
    if value.status is None:
        return "-"
    return f"{score_text(value.score, language)} ({value.answered}/{value.total})"


def change_text(change: float | None, language: Language) -> str:
    if change is None:
        return "-"
    return ("+" if change > 0 else "") + score_text(change, language)


def headers(trend: Trend, language: Language) -> list[str]:
    dates = [point_label(p, language) for p in trend.points]
    return [
        t("trend.col.number", language),
        t("trend.col.challenge", language),
        *dates,
        t("trend.col.trend", language),
        t("trend.col.change", language),
    ]


def rows(trend: Trend, language: Language, *, ascii_only: bool = False) -> list[list[str]]:
    """The overall row, then one row per challenge."""
    return [
        [
            str(series.number) if series.id else "",
            series_name(series, language),
            *(value_text(v, language) for v in series.values),
            sparkline([v.score for v in series.values], ascii_only=ascii_only),
            change_text(series.change, language),
        ]
        for series in (trend.overall, *trend.challenges)
    ]


def _arrow(ascii_only: bool) -> str:
    return "->" if ascii_only else "→"


def step_line(trend: Trend, step: Step, language: Language, ascii_only: bool = False) -> str:
    name = series_name(step.series, language)
    if step.series.id:
        name = f"{step.series.number} {name}"
    return t(
        "trend.step",
        language,
        name=name,
        before=score_text(step.before, language),
        after=score_text(step.after, language),
        arrow=_arrow(ascii_only),
        change=change_text(step.change, language),
        start=point_label(trend.points[step.start], language),
        end=point_label(trend.points[step.start + 1], language),
    )


def sections(
    trend: Trend, language: Language, ascii_only: bool = False
) -> list[tuple[str, list[str]]]:
    """(heading, lines) for gains, drops, criteria that got worse and knock-outs."""
    arrow = _arrow(ascii_only)
    worse = [
        t(
            "trend.worse_item",
            language,
            criterion=w.criterion,
            before=level_text(w.before, language),
            after=level_text(w.after, language),
            arrow=arrow,
            start=point_label(trend.points[w.start], language),
            end=point_label(trend.points[w.start + 1], language),
        )
        for w in trend.worse
    ]
    knockouts = []
    for k in trend.knockouts:
        before = (
            t(f"knockout.{k.before}", language) if k.before else t("trend.not_knockout", language)
        )
        line = t(
            "trend.knockout_item",
            language,
            criterion=k.criterion,
            date=point_label(trend.points[k.at], language),
            before=before,
        )
        if not k.still_blocking:
            line += "; " + t("trend.knockout_cleared", language)
        knockouts.append(line)
    none = [t("trend.none", language)]
    return [
        (
            t("trend.gains", language),
            [step_line(trend, s, language, ascii_only) for s in trend.gains] or none,
        ),
        (
            t("trend.drops", language),
            [step_line(trend, s, language, ascii_only) for s in trend.drops] or none,
        ),
        (t("trend.worse", language), worse or none),
        (t("trend.knockouts", language), knockouts or none),
    ]
