"""Input-validation messages and hints (`err.*`), in English and German; merged into i18n.STRINGS.

Messages follow `FILE:LINE:COL: ` and start lowercase in English (as compilers write them);
German starts with a capital, as German tools do. Values quoted from the file (keys, ids,
numbers as written) stay as they are in both languages.
"""

from __future__ import annotations

from typing import Literal

ERROR_STRINGS: dict[str, dict[Literal["en", "de"], str]] = {
    # the frame of every problem line
    "err.with_hint": {"en": "{message} (hint: {hint})", "de": "{message} (Hinweis: {hint})"},
    "err.did_you_mean": {"en": "did you mean '{choice}'?", "de": "Meinten Sie '{choice}'?"},
    # reading files
    "err.not_found": {"en": "file not found", "de": "Datei nicht gefunden"},
    "err.permission": {"en": "permission denied", "de": "Zugriff verweigert"},
    "err.is_folder": {"en": "is a folder, not a file", "de": "Ist ein Ordner, keine Datei"},
    "err.too_large": {
        "en": "file is {size} bytes; the limit is {limit} bytes (1 MiB)",
        "de": "Datei hat {size} Bytes; erlaubt sind höchstens {limit} Bytes (1 MiB)",
    },
    "err.cannot_read": {
        "en": "cannot read file: {reason}",
        "de": "Datei kann nicht gelesen werden: {reason}",
    },
    "err.cannot_write": {
        "en": "cannot write file: {reason}",
        "de": "Datei kann nicht geschrieben werden: {reason}",
    },
    "err.step_summary": {
        "en": "cannot write the step summary: {reason}",
        "de": "Zusammenfassung für GitHub kann nicht geschrieben werden: {reason}",
    },
    "err.no_answers_files": {
        "en": "folder holds no answers files (*.yaml, *.yml)",
        "de": "Ordner enthält keine Antwortdateien (*.yaml, *.yml)",
    },
    "err.not_utf8": {
        "en": "not valid UTF-8 (byte 0x{byte})",
        "de": "Kein gültiges UTF-8 (Byte 0x{byte})",
    },
    "err.not_utf8.hint": {
        "en": "save the file with UTF-8 encoding",
        "de": "Datei mit der Kodierung UTF-8 speichern",
    },
    # operating-system reasons (English as Linux words them)
    "err.os.ENOENT": {"en": "No such file or directory", "de": "Datei oder Ordner nicht vorhanden"},
    "err.os.EACCES": {"en": "Permission denied", "de": "Zugriff verweigert"},
    "err.os.EPERM": {"en": "Operation not permitted", "de": "Vorgang nicht erlaubt"},
    "err.os.ENOSPC": {"en": "No space left on device", "de": "Kein Speicherplatz mehr frei"},
    "err.os.EDQUOT": {"en": "Disk quota exceeded", "de": "Speicherkontingent überschritten"},
    "err.os.EROFS": {"en": "Read-only file system", "de": "Dateisystem ist schreibgeschützt"},
    "err.os.EISDIR": {"en": "Is a directory", "de": "Ist ein Ordner"},
    "err.os.ENOTDIR": {"en": "Not a directory", "de": "Ist kein Ordner"},
    "err.os.ENAMETOOLONG": {"en": "File name too long", "de": "Dateiname zu lang"},
    "err.os.EIO": {"en": "Input/output error", "de": "Ein-/Ausgabefehler"},
    # YAML
    "err.empty": {"en": "file is empty", "de": "Datei ist leer"},
    "err.yaml_syntax": {"en": "YAML syntax error, {detail}", "de": "YAML-Syntaxfehler, {detail}"},
    "err.yaml_invalid": {"en": "invalid YAML", "de": "ungültiges YAML"},
    "err.yaml_error": {"en": "YAML error: {detail}", "de": "YAML-Fehler: {detail}"},
    "err.too_deep": {"en": "nesting too deep to read", "de": "Zu tief verschachtelt zum Lesen"},
    "err.too_deep.hint": {"en": "flatten the structure", "de": "Struktur flacher anlegen"},
    "err.character": {
        "en": "character U+{code} is not allowed in YAML ({reason})",
        "de": "Zeichen U+{code} ist in YAML nicht erlaubt ({reason})",
    },
    "err.character.hint": {
        "en": "remove it, or write it as an escape inside double quotes",
        "de": "Zeichen entfernen oder als Escape-Sequenz in doppelten Anführungszeichen schreiben",
    },
    "err.anchor": {
        "en": "anchors and aliases (&, *) are not allowed",
        "de": "Anker und Aliase (&, *) sind nicht erlaubt",
    },
    "err.anchor.hint": {"en": "write each value out in full", "de": "Jeden Wert ausschreiben"},
    "err.merge_key": {
        "en": "merge keys (<<) are not allowed",
        "de": "Merge-Schlüssel (<<) sind nicht erlaubt",
    },
    "err.merge_key.hint": {"en": "write the keys out", "de": "Die Schlüssel einzeln ausschreiben"},
    "err.complex_key": {
        "en": "a key must be a plain value, not a list or mapping",
        "de": "Ein Schlüssel muss ein einfacher Wert sein, keine Liste oder Zuordnung",
    },
    "err.duplicate_key": {
        "en": "duplicate key '{key}' (first defined on line {line})",
        "de": "Schlüssel '{key}' doppelt (zuerst in Zeile {line})",
    },
    "err.duplicate_key.hint": {"en": "keep one of the two", "de": "Nur einen der beiden behalten"},
    # values as messages describe them
    "err.value.none": {"en": "an empty value", "de": "ein leerer Wert"},
    "err.value.boolean": {"en": "the boolean {value}", "de": "das boolesche {value}"},
    "err.value.mapping": {"en": "a mapping", "de": "eine Zuordnung"},
    "err.value.list": {"en": "a list", "de": "eine Liste"},
    "err.value.field": {"en": "value", "de": "Wert"},
    "err.or": {"en": "or", "de": "oder"},
    # structure (pydantic error kinds)
    "err.unknown_key": {"en": "unknown key '{key}'", "de": "Unbekannter Schlüssel '{key}'"},
    "err.missing_key": {"en": "missing key '{key}'", "de": "Schlüssel '{key}' fehlt"},
    "err.missing_language": {
        "en": "text is missing its {language} version ('{key}')",
        "de": "Dem Text fehlt die {language} Fassung ('{key}')",
    },
    "err.missing_language.hint": {
        "en": "every text needs both 'en' and 'de'",
        "de": "Jeder Text braucht 'en' und 'de'",
    },
    "err.language.en": {"en": "English", "de": "englische"},
    "err.language.de": {"en": "German", "de": "deutsche"},
    "err.field.text": {
        "en": "'{field}' must be text, got {value}",
        "de": "'{field}' muss Text sein, gefunden: {value}",
    },
    "err.field.whole_number": {
        "en": "'{field}' must be a whole number, got {value}",
        "de": "'{field}' muss eine ganze Zahl sein, gefunden: {value}",
    },
    "err.field.number": {
        "en": "'{field}' must be a number, got {value}",
        "de": "'{field}' muss eine Zahl sein, gefunden: {value}",
    },
    "err.field.boolean": {
        "en": "'{field}' must be true or false, got {value}",
        "de": "'{field}' muss true oder false sein, gefunden: {value}",
    },
    "err.field.greater_than": {
        "en": "'{field}' must be greater than {bound}, got {value}",
        "de": "'{field}' muss größer als {bound} sein, gefunden: {value}",
    },
    "err.field.greater_than_equal": {
        "en": "'{field}' must be at least {bound}, got {value}",
        "de": "'{field}' muss mindestens {bound} sein, gefunden: {value}",
    },
    "err.field.less_than": {
        "en": "'{field}' must be less than {bound}, got {value}",
        "de": "'{field}' muss kleiner als {bound} sein, gefunden: {value}",
    },
    "err.field.less_than_equal": {
        "en": "'{field}' must be at most {bound}, got {value}",
        "de": "'{field}' darf höchstens {bound} sein, gefunden: {value}",
    },
    "err.field.id": {
        "en": "'{field}' {value} is not a valid id",
        "de": "'{field}' {value} ist keine gültige ID",
    },
    "err.field.id.hint": {
        "en": "use lowercase letters, digits and hyphens (criterion ids: '<challenge>.<name>')",
        "de": "Kleinbuchstaben, Ziffern und Bindestriche verwenden (Kriterien-IDs: '<challenge>.<name>')",
    },
    "err.field.empty": {
        "en": "'{field}' must not be empty",
        "de": "'{field}' darf nicht leer sein",
    },
    "err.field.too_long": {
        "en": "'{field}' is too long (at most {maximum} characters)",
        "de": "'{field}' ist zu lang (höchstens {maximum} Zeichen)",
    },
    "err.field.literal": {
        "en": "'{field}' must be {expected}, got {value}",
        "de": "'{field}' muss {expected} sein, gefunden: {value}",
    },
    "err.field.mapping": {
        "en": "'{field}' must be a mapping of keys, got {value}",
        "de": "'{field}' muss aus Schlüsseln mit Werten bestehen, gefunden: {value}",
    },
    "err.field.list": {
        "en": "'{field}' must be a list, got {value}",
        "de": "'{field}' muss eine Liste sein, gefunden: {value}",
    },
    "err.field.date": {
        "en": "'{field}' must be a date like 2026-11-27, got {value}",
        "de": "'{field}' muss ein Datum wie 2026-11-27 sein, gefunden: {value}",
    },
    # pydantic's own (English) text in a translated frame
    "err.field.other": {"en": "'{field}': {detail}", "de": "'{field}': {detail}"},
    "err.hint.quote_boolean": {
        "en": "YAML reads unquoted yes/no/on/off/true/false as booleans: quote it to keep it text",
        "de": "YAML liest yes/no/on/off/true/false ohne Anführungszeichen als Wahrheitswerte: in Anführungszeichen setzen, damit es Text bleibt",
    },
    "err.hint.quote_number": {
        "en": "quote it to keep it text",
        "de": "In Anführungszeichen setzen, damit es Text bleibt",
    },
    "err.hint.number_not_boolean": {
        "en": "YAML reads unquoted yes/no/on/off as booleans: write a number",
        "de": "YAML liest yes/no/on/off ohne Anführungszeichen als Wahrheitswerte: eine Zahl schreiben",
    },
    "err.hint.unquote": {"en": "remove the quotes", "de": "Anführungszeichen entfernen"},
    "err.hint.boolean_unquoted": {
        "en": "write true or false without quotes",
        "de": "true oder false ohne Anführungszeichen schreiben",
    },
    "err.hint.boolean": {"en": "write true or false", "de": "true oder false schreiben"},
    # answers files
    "err.answers_not_mapping": {
        "en": "an answers file must be a mapping of keys, got {value}",
        "de": "Eine Antwortdatei muss aus Schlüsseln mit Werten bestehen, gefunden: {value}",
    },
    "err.answers_not_mapping.hint": {
        "en": "start with 'schema_version: 1' and 'answers:'",
        "de": "Mit 'schema_version: 1' und 'answers:' beginnen",
    },
    "err.schema_version": {
        "en": "unsupported schema_version {value}; this csm-check reads version {version}",
        "de": "schema_version wird nicht unterstützt, gefunden: {value}; dieses csm-check liest Version {version}",
    },
    "err.schema_version.hint": {
        "en": "write 'schema_version: 1'",
        "de": "'schema_version: 1' schreiben",
    },
    "err.model_mismatch": {
        "en": "answers are for model '{found}', but the loaded model is '{model}'",
        "de": "Die Antworten gehören zum Modell '{found}', geladen ist aber das Modell '{model}'",
    },
    "err.more_problems_one": {
        "en": "... and 1 more problem",
        "de": "... und 1 weiteres Problem",
    },
    "err.more_problems": {
        "en": "... and {count} more problems",
        "de": "... und {count} weitere Probleme",
    },
    "err.report_model_mismatch": {
        "en": "report is for model '{found}', but the loaded model is '{model}'",
        "de": "Der Bericht gehört zum Modell '{found}', geladen ist aber das Modell '{model}'",
    },
    "err.report_model_mismatch.hint": {
        "en": "pass the model the report was made with, using --challenges",
        "de": "Das Modell, mit dem der Bericht erstellt wurde, mit --challenges angeben",
    },
    "err.model_mismatch.hint": {
        "en": "pass the matching model with --challenges, or remove the 'model' line",
        "de": "Das passende Modell mit --challenges angeben oder die Zeile 'model' entfernen",
    },
    "err.unknown_criterion": {
        "en": "unknown criterion id '{key}'",
        "de": "Unbekannte Kriterien-ID '{key}'",
    },
    "err.missing_level.hint": {
        "en": "write 'level:' empty to leave it unanswered",
        "de": "'level:' ohne Wert schreiben, um das Kriterium offen zu lassen",
    },
    "err.na_without_note": {
        "en": "n/a needs a note saying why the criterion does not apply",
        "de": "n/a braucht eine Notiz, warum das Kriterium nicht zutrifft",
    },
    "err.na_without_note.hint": {
        "en": 'write {level: n/a, note: "..."}',
        "de": '{level: n/a, note: "..."} schreiben',
    },
    "err.level": {
        "en": "level must be a whole number from 0 to {maximum} or n/a, got {value}",
        "de": "Stufe muss eine ganze Zahl von 0 bis {maximum} oder n/a sein, gefunden: {value}",
    },
    "err.level.boolean": {
        "en": "YAML reads unquoted no/yes/off/on as booleans: write a number such as 0 instead",
        "de": "YAML liest yes/no/on/off ohne Anführungszeichen als Wahrheitswerte: eine Zahl wie 0 schreiben",
    },
    "err.level.fraction": {
        "en": "levels are whole numbers; round to the level that is fully met",
        "de": "Stufen sind ganze Zahlen; auf die Stufe abrunden, die ganz erreicht ist",
    },
    "err.level.range": {
        "en": "levels run from 0 (not in place) to 4 (measured and improving)",
        "de": "Stufen reichen von 0 (nicht vorhanden) bis 4 (gemessen und verbessert)",
    },
    "err.level.not_applicable": {
        "en": "write n/a exactly, with a note",
        "de": "Genau n/a schreiben, mit einer Notiz",
    },
    "err.note_too_long": {
        "en": "note is {length} characters; at most {maximum} are allowed",
        "de": "Notiz hat {length} Zeichen; erlaubt sind höchstens {maximum}",
    },
    "err.note_type": {
        "en": "note must be text, got {value}",
        "de": "Notiz muss Text sein, gefunden: {value}",
    },
    "err.note_type.hint": {
        "en": "quote the note to keep it text",
        "de": "Notiz in Anführungszeichen setzen, damit sie Text bleibt",
    },
    # model files
    "err.model_not_mapping": {
        "en": "a model file must be a mapping of keys, got {value}",
        "de": "Eine Modelldatei muss aus Schlüsseln mit Werten bestehen, gefunden: {value}",
    },
    "err.scale_levels": {
        "en": "scale must list levels 0 to 4 in order, got {levels}",
        "de": "Die Skala muss die Stufen 0 bis 4 der Reihe nach auflisten, gefunden: {levels}",
    },
    "err.bands_order": {
        "en": "bands must ascend: developing ({developing}) must be below ready ({ready})",
        "de": "Die Grenzen in bands müssen aufsteigen: developing ({developing}) muss unter ready ({ready}) liegen",
    },
    "err.duplicate_challenge_id": {
        "en": "duplicate challenge id '{id}'",
        "de": "Herausforderungs-ID '{id}' doppelt",
    },
    "err.duplicate_challenge_number": {
        "en": "duplicate challenge number {number}",
        "de": "Herausforderungsnummer {number} doppelt",
    },
    "err.duplicate_criterion_id": {
        "en": "duplicate criterion id '{id}'",
        "de": "Kriterien-ID '{id}' doppelt",
    },
    "err.unknown_dependency": {
        "en": "unknown challenge '{id}' in depends_on",
        "de": "Unbekannte Herausforderung '{id}' in depends_on",
    },
    "err.self_dependency": {
        "en": "a challenge cannot depend on itself",
        "de": "Eine Herausforderung kann nicht von sich selbst abhängen",
    },
    "err.criterion_prefix": {
        "en": "criterion id '{criterion}' must start with '{challenge}.'",
        "de": "Kriterien-ID '{criterion}' muss mit '{challenge}.' beginnen",
    },
    "err.cycle": {
        "en": "depends_on forms a cycle: {cycle}",
        "de": "depends_on bildet einen Zyklus: {cycle}",
    },
    # config files
    "err.config_not_mapping": {
        "en": "a config file must be a mapping of keys, got {value}",
        "de": "Eine Konfigurationsdatei muss aus Schlüsseln mit Werten bestehen, gefunden: {value}",
    },
    "err.unknown_challenge_id": {
        "en": "unknown challenge id '{key}'",
        "de": "Unbekannte Herausforderungs-ID '{key}'",
    },
    "err.gate_level": {
        "en": "'level' must be 'off', 'warn' or 'error', got {value}",
        "de": "'level' muss 'off', 'warn' oder 'error' sein, gefunden: {value}",
    },
    "err.gate_level.hint": {
        "en": "YAML reads unquoted off/on/no/yes as booleans: quote it, as in level: 'off'",
        "de": "YAML liest off/on/no/yes ohne Anführungszeichen als Wahrheitswerte: in Anführungszeichen setzen, etwa level: 'off'",
    },
    # safety (issue 9): output targets, bounded reads, numbers
    "err.os.ELOOP": {
        "en": "Too many levels of symbolic links",
        "de": "Zu viele Ebenen symbolischer Links",
    },
    "err.os.ENXIO": {"en": "No such device or address", "de": "Gerät oder Adresse nicht vorhanden"},
    "err.output_twice": {
        "en": "named twice as an output of this command",
        "de": "Zweimal als Ausgabe dieses Befehls angegeben",
    },
    "err.output_is_input": {
        "en": "is an input of this command; writing the output would replace it",
        "de": "Ist eine Eingabe dieses Befehls; die Ausgabe würde sie ersetzen",
    },
    "err.output_exists": {
        "en": "exists already; an empty template would replace it",
        "de": "Existiert bereits; eine leere Vorlage würde sie ersetzen",
    },
    "err.output_is_answers": {
        "en": "holds an answers file; the output would replace it",
        "de": "Enthält eine Antwortdatei; die Ausgabe würde sie ersetzen",
    },
    "err.output_force.hint": {
        "en": "choose another file, or add --force to replace it",
        "de": "eine andere Datei wählen oder --force angeben, um sie zu ersetzen",
    },
    "err.fifo_no_reader": {
        "en": "cannot write: no program reads from this pipe (FIFO)",
        "de": "Kann nicht schreiben: Kein Programm liest aus dieser Pipe (FIFO)",
    },
    "err.too_large_stream": {
        "en": "input is more than {limit} bytes (1 MiB), the limit",
        "de": "Eingabe hat mehr als {limit} Bytes (1 MiB), die Grenze",
    },
    "err.read_timeout": {
        "en": "no data within {seconds} seconds (a pipe that no program writes to?)",
        "de": "Keine Daten innerhalb von {seconds} Sekunden (eine Pipe, in die kein Programm schreibt?)",
    },
    "err.not_a_file": {
        "en": "is not a file that can be read (a socket or similar)",
        "de": "Ist keine lesbare Datei (ein Socket oder Ähnliches)",
    },
    "err.stdin_twice": {
        "en": "standard input (-) can be read only once",
        "de": "Die Standardeingabe (-) kann nur einmal gelesen werden",
    },
    "err.field.finite": {
        "en": "'{field}' must be a finite number, got {value}",
        "de": "'{field}' muss eine endliche Zahl sein, gefunden: {value}",
    },
    "err.value.huge_number": {
        "en": "a number of about {digits} digits",
        "de": "eine Zahl mit etwa {digits} Stellen",
    },
}

# What PyYAML and libyaml say about a syntax error, in German. Their wording is fixed inside
# the libraries; phrases not listed here (e.g. with a character or tag in them) stay English.
YAML_DETAILS_DE: dict[str, str] = {
    "while parsing a block mapping": "beim Lesen einer Zuordnung",
    "while parsing a flow mapping": "beim Lesen einer Zuordnung in { }",
    "while parsing a block collection": "beim Lesen einer Liste",
    "while parsing a flow sequence": "beim Lesen einer Liste in [ ]",
    "while parsing a block node": "beim Lesen eines Werts",
    "while parsing a flow node": "beim Lesen eines Werts",
    "while parsing a node": "beim Lesen eines Werts",
    "while scanning a simple key": "beim Lesen eines Schlüssels",
    "while scanning a quoted scalar": "beim Lesen eines Texts in Anführungszeichen",
    "while scanning a plain scalar": "beim Lesen eines Werts",
    "while scanning a block scalar": "beim Lesen eines mehrzeiligen Texts",
    "while scanning for the next token": "beim Lesen des nächsten Zeichens",
    "expected a single document in the stream": "nur ein YAML-Dokument erwartet",
    "but found another document": "aber ein weiteres gefunden",
    "mapping values are not allowed here": "hier ist kein Schlüssel mit Wert erlaubt",
    "mapping values are not allowed in this context": "hier ist kein Schlüssel mit Wert erlaubt",
    "could not find expected ':'": "erwartetes ':' fehlt",
    "did not find expected key": "erwarteter Schlüssel fehlt",
    "did not find expected '-' indicator": "erwartetes '-' fehlt",
    "did not find expected ',' or ']'": "erwartetes ',' oder ']' fehlt",
    "did not find expected ',' or '}'": "erwartetes ',' oder '}' fehlt",
    "did not find expected node content": "erwarteter Wert fehlt",
    "found unexpected end of stream": "Datei endet unerwartet",
    "found unexpected document separator": "unerwarteter Dokumenttrenner (---)",
    "found character that cannot start any token": "Zeichen an dieser Stelle nicht erlaubt",
    "found character '\\t' that cannot start any token": "Tabulator an dieser Stelle nicht erlaubt",
    "found a tab character that violates indentation": "Tabulator in der Einrückung",
    "found a tab character where an indentation space is expected": "Tabulator in der Einrückung",
    "block sequence entries are not allowed in this context": "hier ist kein Listeneintrag erlaubt",
    "block sequence entries are not allowed here": "hier ist kein Listeneintrag erlaubt",
    "control characters are not allowed": "Steuerzeichen sind nicht erlaubt",
    "special characters are not allowed": "Sonderzeichen sind nicht erlaubt",
}
