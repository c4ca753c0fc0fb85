"""Languages: which one is chosen, how numbers are written in it, and every UI string.

Model texts (questions, next steps) live in challenges.yaml; the catalogs here hold the
rest. The bottom of the stack: imports nothing of csm_check but `rounding`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from csm_check.i18n.errors import ERROR_STRINGS
from csm_check.i18n.interview import INTERVIEW_STRINGS
from csm_check.i18n.legal import LEGAL_STRINGS

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

STRINGS: dict[str, dict[Language, str]] = {
    # statuses
    "status.ready": {"en": "READY", "de": "BEREIT"},
    "status.developing": {"en": "DEVELOPING", "de": "IM AUFBAU"},
    "status.at_risk": {"en": "AT RISK", "de": "GEFÄHRDET"},
    "status.no_data": {"en": "NO DATA", "de": "KEINE DATEN"},
    # statuses in running text (reports): "🟡 developing"
    "status_name.ready": {"en": "ready", "de": "bereit"},
    "status_name.developing": {"en": "developing", "de": "im Aufbau"},
    "status_name.at_risk": {"en": "at risk", "de": "gefährdet"},
    "status_name.no_data": {"en": "no data", "de": "keine Daten"},
    # scorecard
    "card.title": {"en": "Readiness scorecard", "de": "Readiness-Scorecard"},
    "card.model": {"en": "Model", "de": "Modell"},
    "card.organisation": {"en": "Organisation", "de": "Organisation"},
    "card.respondent": {"en": "Respondent", "de": "Ausgefüllt von"},
    "card.date": {"en": "Assessed on", "de": "Bewertet am"},
    "card.unknown": {"en": "(not given)", "de": "(keine Angabe)"},
    "col.number": {"en": "#", "de": "Nr."},
    "col.challenge": {"en": "Challenge", "de": "Herausforderung"},
    "col.bar": {"en": "Readiness", "de": "Reifegrad"},
    "col.score": {"en": "Score", "de": "Punkte"},
    "col.status": {"en": "Status", "de": "Status"},
    "col.answered": {"en": "Answered", "de": "Beantwortet"},
    "card.overall": {"en": "Overall", "de": "Gesamt"},
    "card.coverage": {
        "en": "{answered} of {total} criteria answered ({coverage}%)",
        "de": "{answered} von {total} Kriterien beantwortet ({coverage} %)",
    },
    "card.blockers": {"en": "Blockers (knock-out criteria)", "de": "Blocker (K.-o.-Kriterien)"},
    "card.no_blockers": {"en": "No blockers.", "de": "Keine Blocker."},
    "card.next_steps": {"en": "Next steps", "de": "Nächste Schritte"},
    "card.next_steps_more": {
        "en": "... and {count} more (see --top or --format json)",
        "de": "... und {count} weitere (siehe --top oder --format json)",
    },
    "card.no_next_steps": {
        "en": "No next steps: no answered criterion is below the target.",
        "de": "Keine nächsten Schritte: Kein beantwortetes Kriterium liegt unter dem Ziel.",
    },
    "card.gate_passed": {"en": "Gate: passed", "de": "Prüfung: bestanden"},
    "card.gate_failed": {"en": "Gate: FAILED", "de": "Prüfung: NICHT BESTANDEN"},
    "card.blocker_tag": {"en": "KNOCK-OUT", "de": "K.-O."},
    # why a next step matters
    "why.level": {"en": "level {level}, target {target}", "de": "Stufe {level}, Ziel {target}"},
    "why.knockout": {
        "en": "knock-out: minimum level {minimum}",
        "de": "K.-o.-Kriterium: mindestens Stufe {minimum}",
    },
    "why.blocks": {"en": "blocks: {challenges}", "de": "bremst: {challenges}"},
    # gate reasons
    "gate.blocker": {
        "en": "knock-out criterion {criterion} is below its minimum level",
        "de": "K.-o.-Kriterium {criterion} liegt unter der Mindeststufe",
    },
    "gate.below_threshold": {
        "en": "overall score {score} is below --fail-under {threshold}",
        "de": "Gesamtpunktzahl {score} liegt unter --fail-under {threshold}",
    },
    "gate.no_score": {
        "en": "no overall score (nothing answered), --fail-under {threshold} cannot be met",
        "de": "keine Gesamtpunktzahl (nichts beantwortet), --fail-under {threshold} nicht erreichbar",
    },
    "gate.incomplete_one": {
        "en": "1 criterion unanswered (--require-complete)",
        "de": "1 Kriterium unbeantwortet (--require-complete)",
    },
    "gate.incomplete": {
        "en": "{count} criteria unanswered (--require-complete)",
        "de": "{count} Kriterien unbeantwortet (--require-complete)",
    },
    "gate.evidence": {
        "en": "{criterion} is at level {score} without a note (require_evidence)",
        "de": "{criterion} steht auf Stufe {score} ohne Notiz (require_evidence)",
    },
    "gate.challenge_below": {
        "en": "challenge {challenge} scores {score}, below its minimum {threshold}",
        "de": "Herausforderung {challenge} erreicht {score}, unter dem Minimum {threshold}",
    },
    "gate.challenge_no_score": {
        "en": "challenge {challenge} has no score, its minimum is {threshold}",
        "de": "Herausforderung {challenge} hat keine Punktzahl, ihr Minimum ist {threshold}",
    },
    "gate.regression": {
        "en": "challenge {challenge} dropped from {previous} to {score} (--max-drop {threshold})",
        "de": "Herausforderung {challenge} fiel von {previous} auf {score} (--max-drop {threshold})",
    },
    "gate.regression_overall": {
        "en": "overall score dropped from {previous} to {score} (--max-drop {threshold})",
        "de": "Gesamtpunktzahl fiel von {previous} auf {score} (--max-drop {threshold})",
    },
    "gate.regression_lost": {
        "en": "challenge {challenge} scored {previous} in the baseline and has no score now",
        "de": "Herausforderung {challenge} hatte in der Vergleichsbasis {previous} und jetzt keine Punktzahl",
    },
    "gate.regression_overall_lost": {
        "en": "overall score was {previous} in the baseline and there is none now",
        "de": "Gesamtpunktzahl war in der Vergleichsbasis {previous} und fehlt jetzt",
    },
    "card.warnings": {"en": "Warnings", "de": "Warnungen"},
    # compare
    "compare.title": {"en": "Readiness then and now", "de": "Readiness damals und heute"},
    "compare.overall": {
        "en": "Overall: {old} {arrow} {new} ({change})",
        "de": "Gesamt: {old} {arrow} {new} ({change})",
    },
    "compare.col.number": {"en": "#", "de": "Nr."},
    "compare.col.challenge": {"en": "Challenge", "de": "Herausforderung"},
    "compare.col.old": {"en": "Before", "de": "Vorher"},
    "compare.col.new": {"en": "Now", "de": "Jetzt"},
    "compare.col.change": {"en": "Change", "de": "Änderung"},
    "compare.col.status": {"en": "Status", "de": "Status"},
    "compare.moved": {"en": "Criteria that moved", "de": "Veränderte Kriterien"},
    "compare.done": {"en": "Next steps now done", "de": "Erledigte nächste Schritte"},
    "compare.none": {"en": "none", "de": "keine"},
    "compare.absent": {"en": "not in model", "de": "nicht im Modell"},
    # team
    "team.title": {
        "en": "Team assessment: {count} respondents",
        "de": "Team-Bewertung: {count} Antwortende",
    },
    "team.discuss": {
        "en": "Discuss first (answers spread by 2 levels or more)",
        "de": "Zuerst besprechen (Antworten liegen 2 Stufen oder mehr auseinander)",
    },
    "team.spread": {
        "en": "levels {minimum} to {maximum}, mean {mean}, {count} answered",
        "de": "Stufen {minimum} bis {maximum}, Mittel {mean}, {count} Antworten",
    },
    "team.no_disagreement": {
        "en": "No disagreements of 2 levels or more.",
        "de": "Keine Abweichungen von 2 Stufen oder mehr.",
    },
    "team.languages": {
        "en": "Respondents answered in different languages: {languages}",
        "de": "Die Antwortenden nutzten verschiedene Sprachen: {languages}",
    },
    # model listing
    "model.weight": {"en": "weight", "de": "Gewicht"},
    "model.depends_on": {"en": "depends on", "de": "baut auf"},
    "model.none": {"en": "none", "de": "keine"},
    "model.knockout": {"en": "knock-out, minimum {minimum}", "de": "K.-o., mindestens {minimum}"},
    "model.scale": {"en": "Scale (target level {target})", "de": "Skala (Zielstufe {target})"},
    "model.bands": {
        "en": "Status: at risk below {developing}, developing from {developing}, ready from {ready}",
        "de": "Status: gefährdet unter {developing}, im Aufbau ab {developing}, bereit ab {ready}",
    },
    "model.summary": {
        "en": "{challenges} challenges, {criteria} criteria",
        "de": "{challenges} Herausforderungen, {criteria} Kriterien",
    },
    # template
    "template.header": {
        "en": "csm-check answers file. Answer each criterion with a level 0-4,\n"
        '{level: 3, note: "..."} to add a note, or {level: n/a, note: "why"}.\n'
        "Leave a value empty for 'not answered yet'. Score it with: csm-check score FILE",
        "de": "csm-check-Antwortdatei. Jedes Kriterium mit einer Stufe 0-4 beantworten,\n"
        '{level: 3, note: "..."} für eine Notiz oder {level: n/a, note: "warum"}.\n'
        "Leer lassen heißt „noch nicht beantwortet“. Auswerten mit: csm-check score DATEI",
    },
    "template.scale": {"en": "Scale", "de": "Skala"},
    # cli messages
    "cli.valid_answers": {
        "en": "{path}: ok ({answered}/{total} answered)",
        "de": "{path}: in Ordnung ({answered}/{total} beantwortet)",
    },
    "cli.valid_model": {"en": "{path}: ok ({summary})", "de": "{path}: in Ordnung ({summary})"},
    "cli.wrote": {"en": "Wrote {path}", "de": "{path} geschrieben"},
    "cli.interrupted": {"en": "Interrupted.", "de": "Abgebrochen."},
    "cli.warning": {"en": "warning: {reason}", "de": "Warnung: {reason}"},
    "junit.not_answered": {
        "en": "{challenge}: not answered",
        "de": "{challenge}: nicht beantwortet",
    },
    # markdown and html reports
    "report.generated": {"en": "Generated by", "de": "Erstellt mit"},
    "report.details": {"en": "Criteria per challenge", "de": "Kriterien je Herausforderung"},
    "report.level": {"en": "Level", "de": "Stufe"},
    "report.level_value": {"en": "{level} ({label})", "de": "{level} ({label})"},
    "report.note": {"en": "Note", "de": "Notiz"},
    "report.unanswered": {"en": "not answered yet", "de": "noch nicht beantwortet"},
    "report.not_applicable": {"en": "not applicable", "de": "trifft nicht zu"},
    "report.answered": {
        "en": "{answered}/{total} answered",
        "de": "{answered}/{total} beantwortet",
    },
    "report.chart_alt": {
        "en": "Radar chart of the challenge scores with the target level as a dashed ring",
        "de": "Netzdiagramm der Punkte je Herausforderung, das Ziel als gestrichelter Ring",
    },
    # radar chart
    "radar.title": {"en": "Readiness radar: {model}", "de": "Readiness-Radar: {model}"},
    "radar.desc": {
        "en": "Score of each challenge from 0 to 100; the dashed ring is the target level.",
        "de": "Punkte je Herausforderung von 0 bis 100; der gestrichelte Ring ist die Zielstufe.",
    },
    "radar.score": {"en": "Score", "de": "Punkte"},
    "radar.target": {
        "en": "Target: level {level} ({score})",
        "de": "Ziel: Stufe {level} ({score})",
    },
    "radar.no_data": {"en": "no data", "de": "keine Daten"},
    "radar.gap": {"en": "no data (gap)", "de": "keine Daten (Lücke)"},
}

STRINGS.update(ERROR_STRINGS)
STRINGS.update(INTERVIEW_STRINGS)
STRINGS.update(LEGAL_STRINGS)


def t(key: str, language: Language, /, **values: object) -> str:
    """The UI string `key` in `language`, with `values` filled in."""
    text = STRINGS[key][language]
    return text.format(**values) if values else text


def is_german_locale(environ: Mapping[str, str]) -> bool:
    """POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set decides."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return value.lower().startswith("de")
    return False


def choose_language(
    option: str | None, file_language: str | None, environ: Mapping[str, str] | None = None
) -> Language:
    """--lang, else the answers file, else CSM_CHECK_LANG, else a German locale, else English."""
    env = os.environ if environ is None else environ
    for candidate in (option, file_language, env.get("CSM_CHECK_LANG", "").strip().lower() or None):
        if candidate in LANGUAGES:
            return candidate
    return "de" if is_german_locale(env) else "en"


def choose_message_language(
    option: str | None, environ: Mapping[str, str] | None = None
) -> Language:
    """The language of error messages: --lang, else CSM_CHECK_LANG, else the locale, else English.

    Chosen before any file is read, so an answers file's own `language` cannot decide: the
    problem to report may be in that very file."""
    return choose_language(option, None, environ)


_message_language: ContextVar[Language] = ContextVar("csm_check_message_language", default="en")


def message_language() -> Language:
    """The language that error messages and hints are written in now (default English)."""
    return _message_language.get()


@contextmanager
def messages_in(language: Language) -> Iterator[None]:
    """Write error messages and hints in `language` inside the block."""
    token = _message_language.set(language)
    try:
        yield
    finally:
        _message_language.reset(token)


def msg(key: str, /, **values: object) -> str:
    """The message or hint `key` in the current message language, with `values` filled in."""
    return t(key, _message_language.get(), **values)


def format_count(value: int, language: Language) -> str:
    """A whole number with thousands separators: 1,048,576 (English), 1.048.576 (German)."""
    text = f"{value:,}"
    return text.replace(",", ".") if language == "de" else text


def format_plain_number(value: object, language: Language) -> str:
    """A number as Python writes it (100.0, 0.5); in German with a decimal comma (100, 0,5)."""
    if language == "de" and isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def format_number(value: float, language: Language, digits: int = 1) -> str:
    """One decimal (or `digits`), rounded half up, with a decimal comma in German."""
    from csm_check.rounding import half_up

    text = f"{half_up(value, digits):.{digits}f}"
    return text.replace(".", ",") if language == "de" else text
