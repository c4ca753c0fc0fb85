"""The answers file: who assessed what, and one answer per criterion.

The values (`Answer`, `AnswerSet`, the limits) live in answer_values.py and one answer's
checks in answer_entry.py; this module is the file's schema and `parse_answers`.

`AnswersFile` is the file's one schema: the loader validates the header with it and
`csm-check schema answers` is generated from it. The answers themselves (and the
schema_version) are checked here by hand, against the same limits, so that each mistake
gets a message a manager understands (YAML's `no` is a boolean, ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, ValidationError

from csm_check.answer_entry import _parse_answer, _quick, _whole
from csm_check.answer_values import (
    EVIDENCE_LEVEL,
    MAX_NOTE,
    NOT_APPLICABLE,
    ROLE_SUGGESTIONS,
    SCHEMA_VERSION,
    UNANSWERED,
    Answer,
    AnswerSet,
    State,
)
from csm_check.answers_evidence import MAX_EVIDENCE
from csm_check.errors import InvalidInputError, Problem, did_you_mean
from csm_check.i18n import msg
from csm_check.i18n.field import LanguageCode
from csm_check.i18n.registry import is_registered
from csm_check.model import MAX_LEVEL, Model
from csm_check.use_cases import AiUseCaseEntry, UseCaseStatus, parse_use_cases
from csm_check.validation import MAX_SHORT_TEXT, ShortText, describe, iso_date, problems_from
from csm_check.yamlio.read import YamlDocument, key_positions

__all__ = [  # the values, re-exported: most callers import them from here
    "EVIDENCE_LEVEL",
    "MAX_NOTE",
    "NOT_APPLICABLE",
    "ROLE_SUGGESTIONS",
    "SCHEMA_VERSION",
    "UNANSWERED",
    "Answer",
    "AnswerSet",
    "AnswersFile",
    "State",
    "parse_answers",
]

HINTED_UNKNOWN_IDS = 50

_to_date = iso_date  # a date, from YAML's date or an ISO text (see validation.iso_date)


LevelValue = Annotated[int, Field(ge=0, le=MAX_LEVEL)]


class AnswerEntry(BaseModel):
    """An answer with a note; n/a needs a note saying why."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    level: LevelValue | Literal["n/a"] | None
    note: Annotated[str, Field(max_length=MAX_NOTE)] | None = None
    evidence: Annotated[str, Field(max_length=MAX_EVIDENCE)] | None = Field(
        default=None, description="What shows the level: a document, a link, a report."
    )
    checked_on: Annotated[dt.date | None, BeforeValidator(_to_date)] = Field(
        default=None, description="When the evidence was last checked (ISO date)."
    )
    review_by: Annotated[dt.date | None, BeforeValidator(_to_date)] = Field(
        default=None, description="When it must be checked again (ISO date)."
    )


# The short form is a level or empty: `n/a` needs a note, so it only exists as a mapping.
AnswerValue = LevelValue | AnswerEntry | None


class AnswersFile(BaseModel):
    """A csm-check answers file."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    schema_version: Literal[1]
    model: StrictStr | None = None
    organisation: ShortText | None = None
    respondent: ShortText | None = None
    role: ShortText | None = None
    assessed_on: Annotated[dt.date | None, BeforeValidator(_to_date)] = None
    language: LanguageCode | None = None
    ai_use_cases: list[AiUseCaseEntry] | None = None
    answers: dict[str, AnswerValue] | None = None


KNOWN_KEYS = (*AnswersFile.model_fields, *AnswerEntry.model_fields, *AiUseCaseEntry.model_fields)


def parse_answers(document: YamlDocument, model: Model) -> AnswerSet:
    """Validate a parsed answers file against `model`; raise with every problem found."""
    data = document.data
    if not isinstance(data, dict):
        raise InvalidInputError(
            [
                document.problem(
                    (),
                    msg("err.answers_not_mapping", value=describe(data)),
                    msg("err.answers_not_mapping.hint"),
                )
            ]
        )
    problems: list[Problem] = list(document.problems)  # duplicate keys, when kept going
    header_data = dict(data)
    if "schema_version" in header_data:  # checked by hand below, with a clearer message
        header_data["schema_version"] = SCHEMA_VERSION
    if isinstance(header_data.get("answers"), dict):  # checked one by one below
        header_data["answers"] = {}
    header = _quick_header(header_data)
    if header is None:  # something unusual: pydantic's validation, with its messages
        try:
            header = AnswersFile.model_validate(header_data)
        except ValidationError as error:
            problems.extend(problems_from(document, error, KNOWN_KEYS))
    version = _whole(data.get("schema_version", SCHEMA_VERSION))
    if version != SCHEMA_VERSION:  # not true, not 1.5; 1.0 is 1, as in the JSON Schema
        problems.append(
            document.problem(
                ("schema_version",),
                msg(
                    "err.schema_version",
                    value=describe(data["schema_version"]),
                    version=SCHEMA_VERSION,
                ),
                msg("err.schema_version.hint"),
            )
        )
    if isinstance(data.get("model"), str) and data["model"] != model.id:
        problems.append(
            document.problem(
                ("model",),
                msg("err.model_mismatch", found=data["model"], model=model.id),
                msg("err.model_mismatch.hint"),
            )
        )
    raw_answers = data.get("answers")
    answers: dict[str, Answer] = {}
    # The model's own id strings as keys: a team of thousands of files keeps one copy each.
    known = _known_ids(model)
    positions = key_positions(document.root, "answers", known)
    earlier: dict[str, Answer] = {}  # answers to criteria of an earlier model version
    if isinstance(raw_answers, dict):
        successors: dict[str, tuple[str, ...]] | None = None  # built at the first unknown id
        unknown = 0
        for key, raw in raw_answers.items():
            loc = ("answers", str(key))
            if isinstance(key, str) and key in known:
                answer = _quick(raw) or _parse_answer(document, loc, raw, problems)
                if answer is not None:
                    answers[known[key]] = answer
                continue
            if successors is None:
                successors = model.successors()
            if isinstance(key, str) and (key in successors or key in model.retired):
                answer = _parse_answer(document, loc, raw, problems)
                if answer is not None:
                    earlier[key] = answer
                continue
            # Positions come from one walk of the mapping and hints stop after a while:
            # a file of thousands of unknown ids must not take quadratic time.
            unknown += 1
            line, column = positions.get(str(key)) or document.position(loc, at_key=True)
            hint = did_you_mean(str(key), known) if unknown <= HINTED_UNKNOWN_IDS else None
            problems.append(
                Problem(document.path, line, column, msg("err.unknown_criterion", key=key), hint)
            )
    entries = header.ai_use_cases if header is not None else None
    use_cases = parse_use_cases(document, entries or [], model, problems)
    if problems:
        raise InvalidInputError(sorted(problems, key=lambda p: (p.line, p.column)))
    assert header is not None
    warnings = _carry_over(document.path, model, earlier, answers) if earlier else ()
    return AnswerSet(
        schema_version=SCHEMA_VERSION,
        model=header.model,
        organisation=header.organisation,
        respondent=header.respondent,
        role=header.role,
        assessed_on=header.assessed_on,
        language=header.language,
        answers=answers,
        ai_use_cases=use_cases,
        locations=positions,
        warnings=warnings,
    )


_HEADER_TEXT = frozenset(("organisation", "respondent", "role"))
_ENTRY_TEXT = frozenset(("name", "vendor"))
_STATUSES = frozenset(get_args(UseCaseStatus))


def _short(value: Any) -> bool:
    return value is None or (type(value) is str and len(value) <= MAX_SHORT_TEXT)


def _quick_header(data: dict[Any, Any]) -> AnswersFile | None:
    """The header of a plainly valid file, built without pydantic's validator: its first use
    compiles the answers file's schema (about 30 ms of every `score` run). Anything this does
    not recognise as plainly valid returns None, and the caller validates with pydantic,
    whose messages then say what is wrong; both accept the same plainly valid files (tested)."""
    if "schema_version" not in data:  # required: pydantic says so
        return None
    entries: list[AiUseCaseEntry] = []
    for key, value in data.items():
        if key == "schema_version":
            continue  # checked by hand, with its own message
        if key in _HEADER_TEXT:
            ok = _short(value)
        elif key == "model":
            ok = value is None or type(value) is str
        elif key == "assessed_on":
            ok = value is None or type(value) is dt.date
        elif key == "language":
            ok = value is None or (type(value) is str and is_registered(value))
        elif key == "answers":
            ok = value is None or type(value) is dict
        elif key == "ai_use_cases":
            found = _quick_entries(value)
            ok = found is not None
            entries = found or []
        else:
            ok = False
        if not ok:
            return None
    return AnswersFile.model_construct(
        schema_version=1,
        **{k: data.get(k) for k in ("model", *_HEADER_TEXT, "assessed_on", "language")},
        answers=None,
        ai_use_cases=entries if data.get("ai_use_cases") is not None else None,
    )


def _quick_entries(value: Any) -> list[AiUseCaseEntry] | None:
    if value is None:
        return []
    if type(value) is not list:
        return None
    entries = []
    for raw in value:
        if type(raw) is not dict or not set(raw) <= set(AiUseCaseEntry.model_fields):
            return None
        if type(raw.get("kind")) is not str or raw.get("status") not in _STATUSES:
            return None
        if not all(_short(raw.get(k)) for k in _ENTRY_TEXT):
            return None
        since, built = raw.get("since"), raw.get("built_or_branded", False)
        if not (since is None or type(since) is dt.date) or type(built) is not bool:
            return None
        entries.append(AiUseCaseEntry.model_construct(**{**raw, "built_or_branded": built}))
    return entries


_KNOWN: dict[int, tuple[Model, dict[str, str]]] = {}


def _known_ids(model: Model) -> dict[str, str]:
    """Each criterion id of `model` mapped to itself, built once per model (not per file of a
    team); read only."""
    found = _KNOWN.get(id(model))
    if found is None or found[0] is not model:
        if len(_KNOWN) > 8:
            _KNOWN.clear()
        found = (model, {criterion_id: criterion_id for criterion_id in model.criterion_ids()})
        _KNOWN[id(model)] = found
    return found[1]


def _carry_over(
    path: str, model: Model, earlier: dict[str, Answer], answers: dict[str, Answer]
) -> tuple[str, ...]:
    """Move answers of renamed criteria to their new id (unless the file answers the new id
    too); say once per old id what happened to it."""
    successors = model.successors()
    warnings: list[str] = []
    for old, answer in earlier.items():
        new = successors.get(old, ())
        if len(new) == 1:
            if new[0] not in answers and answer.state != "unanswered":
                answers[new[0]] = answer
            warnings.append(msg("version.carried_over", path=path, old=old, new=new[0]))
        elif new:
            warnings.append(msg("version.split", path=path, old=old, new=", ".join(new)))
        else:
            warnings.append(msg("version.retired", path=path, old=old))
    return tuple(warnings)
