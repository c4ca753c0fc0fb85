"""Language choice and every user-visible UI string, in English and German.

Model texts (questions, next steps) live in challenges.yaml; this module holds the rest.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

STRINGS: dict[str, dict[Language, str]] = {
    # statuses
    "status.ready": {"en": "READY", "de": "BEREIT"},
    "status.developing": {"en": "DEVELOPING", "de": "IM AUFBAU"},
    "status.at_risk": {"en": "AT RISK", "de": "GEFÄHRDET"},
    "status.no_data": {"en": "NO DATA", "de": "KEINE DATEN"},
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
        "en": "No next steps: every answered criterion meets the target.",
        "de": "Keine nächsten Schritte: Jedes beantwortete Kriterium erreicht das Ziel.",
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
    "gate.incomplete": {
        "en": "{count} criteria unanswered (--require-complete)",
        "de": "{count} Kriterien unbeantwortet (--require-complete)",
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
}


def t(key: str, language: Language, **values: object) -> str:
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


def format_number(value: float, language: Language) -> str:
    """One decimal, with a decimal comma in German."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "de" else text
