"""One answer of an answers file checked by hand (a level, `n/a` with a note, a note, the
evidence keys), so that each mistake gets a message a manager understands: YAML's `no` is
a boolean, 2.5 is not a level, `n/a` needs a reason."""

from __future__ import annotations

from typing import Any

from csm_check.answer_values import _SHORT, MAX_NOTE, NOT_APPLICABLE, Answer
from csm_check.answers_evidence import ANSWER_KEYS, parse_evidence
from csm_check.errors import Problem, did_you_mean
from csm_check.frozen import replace
from csm_check.i18n import format_count, message_language, msg
from csm_check.model import MAX_LEVEL
from csm_check.validation import describe
from csm_check.yamlio.read import YamlDocument

_ENTRY_KEYS = frozenset(("level", "note"))


def _quick(raw: Any) -> Answer | None:
    """The answer of a plainly valid value (a level, nothing, or `{level, note}` within the
    limits), else None: `_parse_answer` then checks it and says what is wrong. Most answers of
    a team's thousands of files are plain; the short ones are shared values."""
    if raw is None or type(raw) is int:
        return _SHORT.get(raw)
    if type(raw) is not dict or "level" not in raw or not raw.keys() <= _ENTRY_KEYS:
        return None
    level, note = raw["level"], raw.get("note")
    if note is not None and (type(note) is not str or len(note) > MAX_NOTE):
        return None
    if type(level) is int and 0 <= level <= MAX_LEVEL:
        return Answer("answered", level, note)
    if level == NOT_APPLICABLE and note is not None and note.strip():
        return Answer("not_applicable", None, note)
    return None


def _parse_answer(
    document: YamlDocument, loc: tuple[str, ...], raw: Any, problems: list[Problem]
) -> Answer | None:
    answer = _parse_level(document, loc, raw, problems)
    if not isinstance(raw, dict) or not any(key in raw for key in ANSWER_KEYS[2:]):
        return answer
    evidence = parse_evidence(document, loc, raw, problems)
    if answer is None or evidence is None:
        return None
    return replace(answer, evidence=evidence[0], checked_on=evidence[1], review_by=evidence[2])


def _parse_level(
    document: YamlDocument, loc: tuple[str, ...], raw: Any, problems: list[Problem]
) -> Answer | None:
    note: Any = None
    level_loc = loc
    if isinstance(raw, dict):
        unknown = [k for k in raw if k not in ANSWER_KEYS]
        problems.extend(
            document.problem(
                (*loc, str(key)),
                msg("err.unknown_key", key=key),
                did_you_mean(str(key), ANSWER_KEYS),
                at_key=True,
            )
            for key in unknown
        )
        if "level" not in raw:
            problems.append(
                document.problem(
                    loc, msg("err.missing_key", key="level"), msg("err.missing_level.hint")
                )
            )
            return None
        level_loc, note = (*loc, "level"), raw.get("note")
        raw = raw["level"]
        if unknown:
            return None
    note_ok = _check_note(document, (*loc, "note"), note, problems)
    if raw is None:
        return Answer("unanswered", None, note if note_ok else None)
    if raw == NOT_APPLICABLE:
        if note_ok and (note is None or not note.strip()):
            problems.append(
                document.problem(
                    level_loc,
                    msg("err.na_without_note"),
                    msg("err.na_without_note.hint"),
                )
            )
            return None
        return Answer("not_applicable", None, note) if note_ok else None
    level = _whole(raw)
    if level is not None and 0 <= level <= MAX_LEVEL:
        return Answer("answered", level, note) if note_ok else None
    problems.append(document.problem(level_loc, *_level_message(raw)))
    return None


def _whole(value: Any) -> int | None:
    """A whole number as JSON Schema counts one (2 and 2.0 alike; never true or false), so
    that the answers schema and this loader agree on every file; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _level_message(raw: Any) -> tuple[str, str | None]:
    base = msg("err.level", maximum=MAX_LEVEL, value=describe(raw))
    if isinstance(raw, bool):
        return base, msg("err.level.boolean")
    if isinstance(raw, float):
        return base, msg("err.level.fraction")
    if isinstance(raw, int):
        return base, msg("err.level.range")
    if isinstance(raw, str) and raw.strip().lower() in {"na", "n/a", "n.a.", "none", "-"}:
        return base, msg("err.level.not_applicable")
    return base, None


def _check_note(
    document: YamlDocument, loc: tuple[str, ...], note: Any, problems: list[Problem]
) -> bool:
    if note is None or (isinstance(note, str) and len(note) <= MAX_NOTE):
        return True
    if isinstance(note, str):
        language = message_language()
        length, maximum = format_count(len(note), language), format_count(MAX_NOTE, language)
        problems.append(
            document.problem(loc, msg("err.note_too_long", length=length, maximum=maximum))
        )
    else:
        message = msg("err.note_type", value=describe(note))
        problems.append(document.problem(loc, message, msg("err.note_type.hint")))
    return False
