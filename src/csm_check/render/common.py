"""What every renderer shares: status words and symbols, the 'why' of a step, the report
header, and escaping user text for Markdown and HTML.

Every piece of user or model text (a custom model given with --challenges is user input)
goes through `md_text` in Markdown or `html_text` in HTML, so that a note can neither break a
table nor inject HTML, links, images or headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from csm_check import __version__
from csm_check.frozen import frozen
from csm_check.i18n import Language, format_date, format_number, t
from csm_check.model import Criterion, LegalReference
from csm_check.render import RenderOptions
from csm_check.rounding import half_up
from csm_check.sanitize import one_line
from csm_check.scoring.results import (
    CriterionResult,
    GateKind,
    GateReason,
    NextStep,
    Scorecard,
    Status,
)

if TYPE_CHECKING:
    from csm_check.report import GateCode

SYMBOLS: dict[Status, tuple[str, str]] = {  # (unicode, ascii)
    "ready": ("✔", "+"),
    "developing": ("▲", "~"),
    "at_risk": ("✖", "x"),
    "insufficient_data": ("…", ".."),
    "no_data": ("?", "?"),
}


# Markdown's status marks (wikis render emoji everywhere); HTML and terminals use SYMBOLS.
EMOJI: dict[Status, str] = {
    "ready": "🟢",
    "developing": "🟡",
    "at_risk": "🔴",
    "insufficient_data": "🔘",
    "no_data": "⚪",
}


def status_word(status: Status, language: Language) -> str:
    return t(f"status.{status}", language)


def status_name(status: Status, language: Language) -> str:
    """The status as a word in running text (reports): 'at risk', 'im Aufbau'."""
    return t(f"status_name.{status}", language)


def status_label(status: Status, language: Language, *, ascii_only: bool = False) -> str:
    symbol = SYMBOLS[status][1 if ascii_only else 0]
    return f"{symbol} {status_word(status, language)}"


def level_text(level: float, language: Language) -> str:
    """A level as people write it: 2, or a team's mean such as 2.3 (2,3 in German)."""
    return str(int(level)) if float(level).is_integer() else format_number(level, language)


def rounded(score: float | None) -> float | None:
    return None if score is None else half_up(score)


def score_text(score: float | None, language: Language) -> str:
    return "-" if score is None else format_number(score, language)


def coverage_text(card: Scorecard, language: Language) -> str:
    """'32 of 41 criteria answered (78.0%)', as every format states it."""
    coverage = format_number(card.coverage, language)
    return t("card.coverage", language, answered=card.answered, total=card.total, coverage=coverage)


def why(step: NextStep, language: Language) -> str:
    """Level and target, the knock-out if any, and which challenges the step holds back."""
    parts = [t("why.level", language, level=level_text(step.level, language), target=step.target)]
    if step.criterion.minimum_level is not None:
        parts.append(t("why.knockout", language, minimum=step.criterion.minimum_level))
    if step.blocks:
        names = ", ".join(f"{c.number} {c.short(language)}" for c in step.blocks)
        parts.append(t("why.blocks", language, challenges=names))
    return "; ".join(parts)


# Stable codes of the gate's reasons for programs (JSON `gate.reason_details`, JUnit types,
# GitHub annotation titles); the JSON report schema lists them. Add codes, never rename.
GATE_CODES: dict[GateKind, GateCode] = {
    "blocker": "knock_out",
    "knockout_unanswered": "knock_out_unanswered",
    "below_threshold": "fail_under",
    "no_score": "fail_under_no_score",
    "incomplete": "incomplete",
    "evidence": "evidence_missing",
    "challenge_below": "challenge_minimum",
    "challenge_no_score": "challenge_minimum_no_score",
    "regression": "drop",
    "stale_evidence": "stale_evidence",
    "ai_register": "ai_register",
}


def gate_code(reason: GateReason) -> GateCode:
    return GATE_CODES[reason.kind]


def gate_reason(
    reason: GateReason, language: Language, *, naming: Callable[[str], str] | None = None
) -> str:
    """The reason in words; `naming` turns a criterion id into what the reader should see (a
    manager-facing report: its short name), else the id is shown."""
    if reason.finding is not None:  # ai_register: the register's finding, worded once
        from csm_check.render.register_text import finding_text

        return t("gate.ai_register", language, finding=finding_text(reason.finding, language))
    criterion = reason.criterion
    values: dict[str, object] = {
        "criterion": naming(criterion) if naming and criterion else criterion,
        "challenge": reason.challenge,
        "count": reason.count,
    }
    for name in ("score", "previous"):
        value = getattr(reason, name)
        if value is not None:
            values[name] = value if reason.kind == "evidence" else format_number(value, language)
    if reason.kind == "stale_evidence" and reason.score is not None:
        values["score"] = level_text(reason.score, language)
        values["date"] = format_date(reason.due, language) if reason.due else "-"
    if reason.threshold is not None:
        values["threshold"] = f"{reason.threshold:g}"
        below = reason.kind in ("below_threshold", "challenge_below")
        if below and reason.score is not None and half_up(reason.score) >= reason.threshold:
            # 59.56 shows as 59.6 but is below 59.6: show the digits that make it so.
            values["score"] = format_number(reason.score, language, digits=2)
    key = f"gate.{reason.kind}"
    suffix = f" ({law_text(reason.legal, language)})" if reason.legal else ""
    if reason.kind == "incomplete" and reason.count == 1:
        key += "_one"
    if reason.kind == "regression":
        key += "_overall" if reason.challenge is None else ""
        key += "_lost" if reason.score is None else ""
    return t(key, language, **values) + suffix


SHORT_NAME = 80  # characters of a criterion's short name, "…" included


def criterion_name(criterion: Criterion, language: Language) -> str:
    """A criterion's short name for managers: its question without the scale's opening
    ("To what extent do you track ..." -> "Do you track ..."), cut at a word boundary.

    The model has no short titles of its own; the question is what the respondent answered,
    so it is the name they recognise. Reports show the id after it in code font."""
    question = one_line(criterion.question.get(language))
    prefix = t("criterion.question_prefix", language)
    if prefix and question.startswith(prefix) and len(question) > len(prefix):
        rest = question[len(prefix) :]
        question = rest[:1].upper() + rest[1:]
    if len(question) <= SHORT_NAME:
        return question
    cut = question[: SHORT_NAME - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-\u2013") + "…"


def criteria_by_id(card: Scorecard) -> dict[str, Criterion]:
    return {criterion.id: criterion for _, criterion in card.model.criteria()}


def law_text(legal: tuple[LegalReference, ...], language: Language) -> str:
    """'EU AI Act Art. 50(1), applies from 2026-08-02; ...' for the references given."""
    return "; ".join(
        t(
            "law.applies_from",
            language,
            cite=ref.cite.get(language),
            date=format_date(ref.applies_from, language),
        )
        for ref in legal
    )


def notices(card: Scorecard, language: Language) -> list[str]:
    """What every output must tell its reader besides the scores (an overdue legal review)."""
    found = []
    if card.legal_review_overdue:
        model, reviewed = card.model, card.model.legal_reviewed_on
        assert reviewed is not None  # legal_review_overdue says so
        date = format_date(reviewed, language)
        found.append(t("law.outdated", language, model=f"{model.id} {model.version}", date=date))
    return found


def upcoming_lines(card: Scorecard, language: Language) -> list[str]:
    """One line per knock-out not met whose law binds later, with the days left."""
    lines = []
    for _, result in card.upcoming:
        days = result.days_until_binding or 0
        key = "law.upcoming_item_one" if days == 1 else "law.upcoming_item"
        law = law_text(result.criterion.legal, language)
        lines.append(t(key, language, criterion=result.criterion.id, law=law, days=days))
    return lines


@frozen
class DiscussItem:
    """A criterion to discuss first: its id, short name and how far the answers lie apart."""

    criterion: str
    name: str
    question: str
    spread: str

    @property
    def text(self) -> str:
        """As one line of plain text (the terminal): 'id: question (spread)'."""
        return f"{self.criterion}: {self.question} ({self.spread})"


def team_text(
    card: Scorecard, language: Language
) -> tuple[str, list[str], list[DiscussItem]] | None:
    """For a team: its heading, notices (mixed languages) and the discuss-first items."""
    team = card.team
    if team is None:
        return None
    heading = t("team.title", language, count=len(team.respondents))
    notices = []
    if team.mixed_languages:
        languages = ", ".join(f"{name} ({count})" for name, count in team.languages)
        notices.append(t("team.languages", language, languages=languages))
    by_id = criteria_by_id(card)
    items = [
        DiscussItem(
            spread.criterion,
            criterion_name(by_id[spread.criterion], language),
            by_id[spread.criterion].question.get(language),
            t(
                "team.spread",
                language,
                minimum=spread.minimum,
                maximum=spread.maximum,
                mean=level_text(spread.mean or 0.0, language),
                count=spread.answered,
            ),
        )
        for spread in team.discuss_first
    ]
    if team.roles is not None:  # roles 2 levels or more apart come first, with the roles named
        from csm_check.render.team_roles import gap_text

        gaps = [
            DiscussItem(
                means.id,
                criterion_name(by_id[means.id], language),
                by_id[means.id].question.get(language),
                t("roles.discuss_gap", language, gap=gap_text(team.roles, means, language)),
            )
            for means in team.roles.discuss_first
        ]
        first = {item.criterion for item in gaps}
        items = [*gaps, *(item for item in items if item.criterion not in first)]
    return heading, notices, items


def team_notes(card: Scorecard, criterion: str, language: Language) -> Sequence[tuple[str, str]]:
    """Each respondent's note on `criterion` in a team, as (respondent, note); a note of a
    respondent whose role group is too small to name is from "other"."""
    if card.team is None:
        return ()
    for spread in card.team.spreads:
        if spread.criterion == criterion:
            return tuple((who or t("roles.other", language), note) for who, note in spread.notes)
    return ()


def respondents_text(card: Scorecard) -> str | None:
    """Who answered: the file's respondent, or a team's respondents by name."""
    if card.answers.respondent:
        return card.answers.respondent
    if card.team is not None:
        return ", ".join(r.name for r in card.team.respondents)
    return None


# CommonMark/GFM punctuation that starts emphasis, code, links, images, tables,
# strikethrough, headings, e-mail autolinks or (on GitHub) maths and @mentions;
# `<`, `>` and `&` become entities instead.
_SPECIAL = re.compile(r"[\\`*_\[\]|~#$@]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LIST_START = re.compile(r"^(?:\d{1,9}(?=[.)](?:\s|$))|(?=[-+]))")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)")


# References that GitHub and GitLab link after Markdown is rendered, in the text itself, so
# no escape reaches them: issues and pull or merge requests (#1, !1, GH-1, group/repo#1),
# mentions (@team), GitLab epics (&1), snippets ($1), milestones (%m, %"q 3"), labels (~bug)
# and emoji shortcodes (:smile:). A WORD JOINER (U+2060, invisible, no width) after the
# sigil keeps each one plain text; "Q&A", "50 %" and e-mail addresses stay as they are.
WORD_JOINER = "\u2060"
_REFERENCE = re.compile(r"[#!&$](?=\d)|[%~](?=[\w\"'])|(?<!\w)@(?=\w)|\bGH(?=-\d)")
# Shortcode names start with a letter, + or - (:+1:), except the numeric :100: and :1234:;
# a time such as 10:15:20 stays as it is.
_SHORTCODE = re.compile(r":(?=(?:[a-z+-][a-z0-9_+-]*|100|1234):)", re.IGNORECASE)


def md_text(text: str | None) -> str:
    """User text made inert for Markdown: one line, every active character escaped."""
    line = one_line(text or "")
    line = _REFERENCE.sub(lambda m: m.group(0) + WORD_JOINER, line)
    line = _SHORTCODE.sub(":" + WORD_JOINER, line)
    line = _SPECIAL.sub(lambda m: "\\" + m.group(0), line)
    line = re.sub(r"[&<>]", lambda m: _ENTITIES[m.group(0)], line)
    # GFM autolinks bare URLs: an escaped colon or dot keeps them plain text.
    line = _AUTOLINK.sub(lambda m: "\\" + m.group(0), line)
    # A leading "1." or "-" would open a list inside a list item.
    return _LIST_START.sub(lambda m: m.group(0) + "\\", line)


# html.escape(text, quote=True) as one table: importing `html` loads html.entities (2,000
# entities, about a millisecond) for a function that needs five.
_HTML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def html_text(text: str | None) -> str:
    """User text for raw HTML (the <summary> line): one line, HTML-escaped."""
    return one_line(text or "").translate(_HTML_ESCAPES)


def meta_rows(card: Scorecard, language: Language) -> list[tuple[str, str]]:
    """(label, raw value) of the report header; values are user text, escape them."""
    answers = card.answers
    unknown = t("card.unknown", language)
    date = format_date(answers.assessed_on, language) if answers.assessed_on else None
    respondent = "card.respondents" if card.team is not None else "card.respondent"
    return [
        (t("card.organisation", language), answers.organisation or unknown),
        (t(respondent, language), respondents_text(card) or unknown),
        (t("card.date", language), date or unknown),
        (t("card.model", language), card.model.id),
        (t("report.generated", language), f"csm-check {__version__}"),
    ]


def answer_text(card: Scorecard, result: CriterionResult, language: Language) -> str:
    """The answered level with its label, n/a, or not answered yet."""
    answer = result.answer
    if answer.state == "not_applicable":
        return t("report.not_applicable", language)
    if answer.level is None:
        return t("report.unanswered", language)
    label = card.model.level_label(result.criterion, answer.level).get(language)
    return t("report.level_value", language, level=level_text(answer.level, language), label=label)


def steps_shown(card: Scorecard, options: RenderOptions) -> tuple[tuple[NextStep, ...], int]:
    """The next steps within --top, and how many more there are."""
    shown = card.next_steps[: max(options.top, 0)]
    return shown, len(card.next_steps) - len(shown)


_MARK = "CSMCHECKCRITERION"  # stands for the criterion while the reason is escaped


def manager_reason(
    card: Scorecard,
    reason: GateReason,
    language: Language,
    escape: Callable[[str], str],
    code: Callable[[str], str],
) -> str:
    """A gate reason for managers, escaped for a report format: the criterion by its short
    name with its id (as `code` writes it) after it."""
    text = escape(gate_reason(reason, language, naming=lambda _: _MARK))
    criterion = criteria_by_id(card).get(reason.criterion or "")
    if criterion is None:
        return text.replace(_MARK, code(reason.criterion or ""))
    name = escape(t("criterion.quoted", language, name=criterion_name(criterion, language)))
    return text.replace(_MARK, f"{name} ({code(criterion.id)})")
