"""Survey CSV: a template for survey tools and spreadsheets, and its rows as answers files.

Columns: the header fields (organisation, respondent, role, assessed_on, language), then one
column per criterion id. `--questions` adds a second header row with the questions; the
import recognises that row (every cell empty or its column's label or question in a
registered language) and skips it. Read as Excel and survey tools export: UTF-8 with or
without BOM, comma or semicolon (whichever the header line holds more of). A cell is a level
0-4 (also "3,0"), a scale label in any language ("In place", "Umgesetzt"), "n/a: reason"
("n. a.: Grund"), or empty (unanswered). Rows are counted as a spreadsheet shows them, the
header being row 1. Every bad cell is one located problem; nothing is returned unless the
whole file is valid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from csm_check.answers import MAX_NOTE, ROLE_SUGGESTIONS, Answer, AnswerSet
from csm_check.errors import InvalidInputError, Problem, did_you_mean
from csm_check.i18n import Language, is_registered, languages, message_language, msg, t
from csm_check.model import MAX_LEVEL, Model
from csm_check.validation import MAX_SHORT_TEXT

HEADER_FIELDS = ("organisation", "respondent", "role", "assessed_on", "language")
BOM = "\ufeff"
_LEVEL = re.compile(r"^([0-9])(?:[.,]0+)?$")
_NOT_APPLICABLE = re.compile(
    r"^(?:n\s*/\s*a|n\.\s*a\.?|na)\s*(?:[:\-\u2013]\s*(.*))?$", re.I | re.S
)
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass(frozen=True)
class SurveyRow:
    """One imported row: its spreadsheet row number and the answers it holds."""

    row: int
    answers: AnswerSet


def field_label(name: str, language: Language) -> str:
    """A header field's label in the question row; the role's names the suggestions."""
    roles = ", ".join(t(f"role.{role}", language) for role in ROLE_SUGGESTIONS)
    return t(f"survey.field.{name}", language, roles=roles)


def render_survey_template(model: Model, language: Language, *, questions: bool = False) -> str:
    """The empty survey CSV: semicolons for German (what German Excel splits on), commas
    otherwise, with a BOM so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if language == "de" else ",", lineterminator="\r\n")
    ids = [criterion.id for _, criterion in model.criteria()]
    writer.writerow([*HEADER_FIELDS, *ids])
    if questions:
        texts = [criterion.question.get(language) for _, criterion in model.criteria()]
        writer.writerow([*(field_label(f, language) for f in HEADER_FIELDS), *texts])
    return BOM + buffer.getvalue()


def parse_survey(data: bytes, path: str, model: Model) -> list[SurveyRow]:
    """Every row of a survey CSV as answers; raise with every problem found."""
    text = _decode(data, path)
    if not text.strip():
        raise InvalidInputError([Problem(path, 1, 1, msg("err.csv.empty"))])
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    records = _records(text, delimiter, path)
    problems: list[Problem] = []
    header = [cell.strip() for cell in records[0]]
    while header and not header[-1]:  # trailing separators some exports add
        header.pop()
    columns = _columns(header, path, model, problems)
    body = list(enumerate(records[1:], start=2))
    if body and _is_question_row(body[0][1], header, model):
        body = body[1:]
    rows: list[SurveyRow] = []
    labels = _level_labels(model)
    for row, cells in body:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines at the end of an export
        if len(cells) < len(header) or any(c.strip() for c in cells[len(header) :]):
            ragged = msg("err.csv.ragged", found=len(cells), expected=len(header))
            if len(cells) < len(header):  # named by the first column the row lacks
                ragged = msg("err.csv.cell", column=header[len(cells)], message=ragged)
            problems.append(Problem(path, row, min(len(cells), len(header)) + 1, ragged))
            continue
        parsed = _row(row, cells, columns, path, (model, labels), problems)
        if parsed is not None:
            rows.append(SurveyRow(row, parsed))
    if not problems and not rows:
        problems.append(Problem(path, 2, 1, msg("err.csv.no_rows")))
    if problems:
        raise InvalidInputError(problems)
    return rows


def _records(text: str, delimiter: str, path: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as error:  # a NUL character, a stray quote
        row = len(records) + 1
        message = msg("err.csv.syntax", detail=str(error))
        raise InvalidInputError([Problem(path, row, 1, message)]) from None
    return records


def _decode(data: bytes, path: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InvalidInputError(
            [Problem(path, row, column, msg("err.csv.not_utf8"), msg("err.csv.not_utf8.hint"))]
        ) from None
    return text.removeprefix(BOM)


Report = Callable[[str, "str | None"], None]


def _columns(
    header: list[str], path: str, model: Model, problems: list[Problem]
) -> list[str | None]:
    """Each column's name when it is known (None: reported); the model's own id strings."""
    known = {c.id: c.id for _, c in model.criteria()} | {f: f for f in HEADER_FIELDS}
    seen: dict[str, int] = {}
    columns: list[str | None] = []
    for index, name in enumerate(header):
        if not name:
            problems.append(Problem(path, 1, index + 1, msg("err.csv.empty_column")))
            columns.append(None)
        elif name not in known:
            hint = did_you_mean(name, known) or msg("err.csv.unknown_column.hint")
            problems.append(
                Problem(path, 1, index + 1, msg("err.csv.unknown_column", column=name), hint)
            )
            columns.append(None)
        elif name in seen:
            message = msg("err.csv.duplicate_column", column=name, first=seen[name] + 1)
            problems.append(Problem(path, 1, index + 1, message))
            columns.append(None)
        else:
            seen[name] = index
            columns.append(known[name])
    return columns


def _is_question_row(cells: list[str], header: list[str], model: Model) -> bool:
    """Whether the row under the header repeats the labels and questions (a second header)."""
    questions = {c.id: c.question for _, c in model.criteria()}
    matched = False
    for name, cell in zip(header, cells, strict=False):
        value = cell.strip()
        if not value:
            continue
        if name in questions:
            texts = {text for _, text in questions[name].items()}
        elif name in HEADER_FIELDS:
            texts = {field_label(name, language) for language in languages()}
        else:
            return False
        if value not in texts:
            return False
        matched = True
    return matched


def _row(
    row: int,
    cells: list[str],
    columns: list[str | None],
    path: str,
    context: tuple[Model, _Labels],
    problems: list[Problem],
) -> AnswerSet | None:
    model, labels = context
    before = len(problems)
    texts: dict[str, str] = {}
    assessed_on: dt.date | None = None
    answers: dict[str, Answer] = {}
    for index, (column, raw) in enumerate(zip(columns, cells, strict=False)):
        value = raw.strip()
        if column is None or not value:
            continue

        def bad(message: str, hint: str | None, index: int = index, name: str = column) -> None:
            text = msg("err.csv.cell", column=name, message=message)
            problems.append(Problem(path, row, index + 1, text, hint))

        if column == "assessed_on":
            assessed_on = _date(value, bad)
        elif column == "language":
            language = value.lower()
            if is_registered(language):
                texts[column] = language
            else:
                choices = ", ".join(languages())
                bad(
                    msg("err.csv.language", value=value),
                    msg("err.csv.language.hint", choices=choices),
                )
        elif column in HEADER_FIELDS:
            if len(value) > MAX_SHORT_TEXT:
                bad(msg("err.csv.too_long", length=len(value), maximum=MAX_SHORT_TEXT), None)
            else:
                texts[column] = value
        else:
            answer = _answer(value, labels, bad)
            if answer is not None:
                answers[column] = answer
    if len(problems) > before:
        return None
    return AnswerSet(
        model=model.id,
        organisation=texts.get("organisation"),
        respondent=texts.get("respondent"),
        role=texts.get("role"),
        assessed_on=assessed_on,
        language=texts.get("language"),
        answers={c.id: answers[c.id] for _, c in model.criteria() if c.id in answers},
    )


def _date(value: str, bad: Report) -> dt.date | None:
    """ISO (2026-11-27), or as German Excel shows dates (27.11.2026)."""
    german = _GERMAN_DATE.match(value)
    try:
        if german:
            day, month, year = (int(part) for part in german.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    bad(msg("err.csv.date", value=value), msg("err.csv.date.hint"))
    return None


@dataclass(frozen=True)
class _Labels:
    levels: dict[str, int]  # every language's scale label, casefolded, to its level
    hint: str  # "0 Not in place, 1 Ad hoc, ..." in the message language


def _level_labels(model: Model) -> _Labels:
    language = message_language()
    levels = {
        text.casefold(): level.level
        for level in model.scale.levels
        for _, text in level.label.items()
    }
    hint = ", ".join(f"{level.level} {level.label.get(language)}" for level in model.scale.levels)
    return _Labels(levels, hint)


def _answer(value: str, labels: _Labels, bad: Report) -> Answer | None:
    number = _LEVEL.match(value)
    if number is not None and int(number.group(1)) <= MAX_LEVEL:
        return Answer("answered", int(number.group(1)))
    level = labels.levels.get(" ".join(value.split()).casefold())
    if level is not None:
        return Answer("answered", level)
    not_applicable = _NOT_APPLICABLE.match(value)
    if not_applicable is not None:
        reason = (not_applicable.group(1) or "").strip()
        if not reason:
            bad(msg("err.csv.na_reason"), msg("err.csv.na_reason.hint"))
            return None
        if len(reason) > MAX_NOTE:
            bad(msg("err.csv.too_long", length=len(reason), maximum=MAX_NOTE), None)
            return None
        return Answer("not_applicable", None, reason)
    bad(msg("err.csv.level", value=value), msg("err.csv.level.hint", labels=labels.hint))
    return None


def file_names(rows: list[SurveyRow]) -> list[str]:
    """One answers file name per row: the respondent slugified, else `row-N`; duplicates
    numbered (`jana-muster.yaml`, `jana-muster-2.yaml`)."""
    names: list[str] = []
    taken: set[str] = set()
    for item in rows:
        stem = _slug(item.answers.respondent or "") or f"row-{item.row}"
        name, number = stem, 1
        while name in taken:
            number += 1
            name = f"{stem}-{number}"
        taken.add(name)
        names.append(f"{name}.yaml")
    return names


_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = (
        unicodedata.normalize("NFKD", text.lower().translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
