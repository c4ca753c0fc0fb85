"""UI strings of the model's law, levels and versions, in English and German (merged into
the catalogs by i18n)."""

from __future__ import annotations

from typing import Literal

LEGAL_STRINGS: dict[str, dict[Literal["en", "de"], str]] = {
    # model file problems
    "err.criterion_levels": {
        "en": "criterion {criterion} has {count} level texts; it needs exactly one for each level 0-4",
        "de": "Kriterium {criterion} hat {count} Stufentexte; nötig ist genau einer je Stufe 0-4",
    },
    "err.replaces_current": {
        "en": "{criterion} replaces '{old}', which is a criterion of this model",
        "de": "{criterion} ersetzt '{old}', das ein Kriterium dieses Modells ist",
    },
    "err.retired_current": {
        "en": "'{old}' is listed as retired but is a criterion of this model",
        "de": "'{old}' ist als entfallen aufgeführt, ist aber ein Kriterium dieses Modells",
    },
    # law in outputs
    "law.applies_from": {"en": "{cite}, applies from {date}", "de": "{cite}, gilt ab {date}"},
    "law.binds": {"en": "binds: {who}", "de": "verpflichtet: {who}"},
    "law.upcoming": {
        "en": "Upcoming obligations",
        "de": "Kommende Pflichten",
    },
    "law.upcoming_item": {
        "en": "{criterion}: {law}; {days} days left",
        "de": "{criterion}: {law}; noch {days} Tage",
    },
    "law.upcoming_item_one": {
        "en": "{criterion}: {law}; 1 day left",
        "de": "{criterion}: {law}; noch 1 Tag",
    },
    "law.outdated": {
        "en": "The legal content of model {model} was last reviewed on {date}, more than 12 months ago: it may be outdated.",
        "de": "Die rechtlichen Inhalte des Modells {model} wurden zuletzt am {date} geprüft, vor mehr als 12 Monaten: Sie können veraltet sein.",
    },
    # versions
    "version.carried_over": {
        "en": "{path}: answers of an earlier model version: '{old}' is now '{new}'; the answer was carried over",
        "de": "{path}: Antworten einer früheren Modellversion: '{old}' heißt jetzt '{new}'; die Antwort wurde übernommen",
    },
    "version.split": {
        "en": "{path}: '{old}' was split into {new}; its answer was not carried over, please answer these",
        "de": "{path}: '{old}' wurde aufgeteilt in {new}; die Antwort wurde nicht übernommen, bitte diese beantworten",
    },
    "version.retired": {
        "en": "{path}: '{old}' is no longer part of the model; its answer is ignored",
        "de": "{path}: '{old}' gehört nicht mehr zum Modell; die Antwort wird ignoriert",
    },
    # gate
    "gate.knockout_unanswered": {
        "en": "knock-out criterion {criterion} is not answered",
        "de": "K.-o.-Kriterium {criterion} ist nicht beantwortet",
    },
    # coverage guard
    "status.insufficient_data": {"en": "TOO LITTLE DATA", "de": "ZU WENIG DATEN"},
    "status_name.insufficient_data": {"en": "insufficient data", "de": "zu wenig Daten"},
}
