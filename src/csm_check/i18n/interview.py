"""UI strings of `csm-check interactive`, in English and German (merged into i18n.STRINGS)."""

from __future__ import annotations

from typing import Literal

INTERVIEW_STRINGS: dict[str, dict[Literal["en", "de"], str]] = {
    "interview.title": {"en": "csm-check interview: {title}", "de": "csm-check-Befragung: {title}"},
    "interview.welcome": {
        "en": "Open questions: {open} of {total}. Each answer is saved to {path} right away.",
        "de": "Offene Fragen: {open} von {total}. Jede Antwort wird sofort in {path} gespeichert.",
    },
    "interview.how_to_stop": {
        "en": "Type q to stop (or press Ctrl-C); run the same command again to continue.",
        "de": "Mit q (oder Strg+C) hören Sie auf; mit demselben Befehl machen Sie später weiter.",
    },
    "interview.resume": {
        "en": "{answered} of {total} already answered; continuing with challenge {number}, question {index}.",
        "de": "{answered} von {total} bereits beantwortet; weiter mit Herausforderung {number}, Frage {index}.",
    },
    "interview.all_answered": {
        "en": "All {total} questions are answered. Enter keeps an answer, a new one replaces it.",
        "de": "Alle {total} Fragen sind beantwortet. Enter behält eine Antwort, eine neue Eingabe ersetzt sie.",
    },
    "interview.organisation": {"en": "Organisation", "de": "Organisation"},
    "interview.respondent": {"en": "Your name or role", "de": "Ihr Name oder Ihre Rolle"},
    "interview.enter_keeps": {"en": "Enter keeps: {value}", "de": "Enter behält: {value}"},
    "interview.too_long": {
        "en": "That is {length} characters; at most {limit} are allowed. Please shorten it.",
        "de": "Das sind {length} Zeichen; erlaubt sind höchstens {limit}. Bitte kürzen Sie den Text.",
    },
    "interview.heading": {
        "en": "Challenge {number}/{count}: {title}",
        "de": "Herausforderung {number}/{count}: {title}",
    },
    "interview.keys": {
        "en": "Keys: 0-4 answer · 0-4 <text> answer with a note · n <reason> not applicable\ns skip · b back · ? help · q save and quit · Enter keeps the current answer",
        "de": "Tasten: 0-4 antworten · 0-4 <Text> mit Notiz · n <Grund> trifft nicht zu\ns überspringen · b zurück · ? Hilfe · q speichern und beenden · Enter behalten",
    },
    "interview.question": {"en": "Question {index}/{size}", "de": "Frage {index}/{size}"},
    "interview.current": {"en": "Current answer: {answer}", "de": "Aktuelle Antwort: {answer}"},
    "interview.not_applicable": {"en": "n/a", "de": "trifft nicht zu"},
    "interview.note": {"en": "note", "de": "Notiz"},
    "interview.reason": {"en": "reason", "de": "Grund"},
    "interview.progress": {
        "en": "[{number}/{count} {challenge}] question {index}/{size} · {answered}/{total} answered",
        "de": "[{number}/{count} {challenge}] Frage {index}/{size} · {answered}/{total} beantwortet",
    },
    "interview.saved": {"en": "Saved: {answer}", "de": "Gespeichert: {answer}"},
    "interview.kept": {"en": "Kept: {answer}", "de": "Beibehalten: {answer}"},
    "interview.skipped": {"en": "Skipped.", "de": "Übersprungen."},
    "interview.reason_prompt": {
        "en": "Why does it not apply? (Enter cancels)",
        "de": "Warum trifft es nicht zu? (Enter bricht ab)",
    },
    "interview.reason_cancelled": {
        "en": "Not saved: n/a needs a reason.",
        "de": "Nicht gespeichert: „trifft nicht zu“ braucht einen Grund.",
    },
    "interview.hint": {
        "en": 'Not understood: "{text}". Keys: 0-4 (plus a note), n <reason>, s, b, ?, q',
        "de": "Nicht verstanden: „{text}“. Tasten: 0-4 (plus Notiz), n <Grund>, s, b, ?, q",
    },
    "interview.hint_empty": {
        "en": "No answer yet: type 0-4, n <reason>, or s to skip.",
        "de": "Noch keine Antwort: Bitte 0-4, n <Grund> oder s zum Überspringen eingeben.",
    },
    "interview.first_question": {
        "en": "This is the first question.",
        "de": "Das ist die erste Frage.",
    },
    "interview.help": {"en": "Help", "de": "Hilfe"},
    "interview.levels": {"en": "Levels", "de": "Stufen"},
    "interview.help_note": {
        "en": "A level without text keeps the current note; n/a needs a reason.",
        "de": "Eine Stufe ohne Text behält die bisherige Notiz; „trifft nicht zu“ braucht einen Grund.",
    },
    "interview.done": {
        "en": "All selected questions are done.",
        "de": "Alle ausgewählten Fragen sind bearbeitet.",
    },
    "interview.saved_to": {
        "en": "Answers saved to {path} ({answered}/{total} answered).",
        "de": "Antworten in {path} gespeichert ({answered}/{total} beantwortet).",
    },
    "interview.next": {"en": "Next:", "de": "Als Nächstes:"},
    "interview.next_summary": {"en": "summary for your team", "de": "Zusammenfassung für Ihr Team"},
    "interview.next_gate": {"en": "check in CI", "de": "Prüfung in der CI"},
    "interview.continue_with": {"en": "Continue with: {command}", "de": "Weiter mit: {command}"},
    "interview.stopped_at": {
        "en": "Stopped at challenge {number}, question {index}/{size}.",
        "de": "Angehalten bei Herausforderung {number}, Frage {index}/{size}.",
    },
    "interview.stopped_before": {
        "en": "Stopped before the first question.",
        "de": "Angehalten vor der ersten Frage.",
    },
    "interview.end_of_input": {
        "en": "End of input: no more answers to read.",
        "de": "Ende der Eingabe: Es gibt keine weiteren Antworten zu lesen.",
    },
    "interview.bad_lang": {
        "en": "--lang must be en or de, got '{value}'",
        "de": "--lang muss en oder de sein, nicht '{value}'",
    },
    "interview.only_empty": {
        "en": "--only needs challenge numbers or ids, e.g. --only 2,7 or --only compliance",
        "de": "--only braucht Nummern oder IDs von Herausforderungen, z. B. --only 2,7 oder --only compliance",
    },
    "interview.only_unknown": {
        "en": "--only: unknown challenge '{value}'",
        "de": "--only: unbekannte Herausforderung '{value}'",
    },
    "interview.did_you_mean": {"en": "did you mean '{choice}'?", "de": "meinten Sie '{choice}'?"},
    "interview.only_choices": {
        "en": "use numbers {first}-{last} or ids: {ids}",
        "de": "möglich sind die Nummern {first}-{last} oder die IDs: {ids}",
    },
    "interview.no_folder": {
        "en": "cannot save answers: the folder {folder} does not exist",
        "de": "Antworten können nicht gespeichert werden: Der Ordner {folder} existiert nicht",
    },
    "interview.not_writable": {
        "en": "cannot save answers here: permission denied",
        "de": "Antworten können hier nicht gespeichert werden: keine Schreibberechtigung",
    },
    "interview.locked": {
        "en": "another interview is using this file (lock {lock}, process {pid}); finish it first",
        "de": "Ein anderes Interview verwendet diese Datei (Sperre {lock}, Prozess {pid}); erst jenes beenden",
    },
    "interview.conflict": {
        "en": "another program changed this file during the interview; it was left as it is, and this interview's answers were saved to {copy}",
        "de": "Ein anderes Programm hat diese Datei während des Interviews geändert; sie bleibt unverändert, die Antworten dieses Interviews stehen in {copy}",
    },
}
