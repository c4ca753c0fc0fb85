"""Turn pydantic validation errors into located, human problems."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Annotated, Any

from pydantic import Field, StrictStr, ValidationError

from csm_check.errors import Problem, did_you_mean
from csm_check.i18n import (
    definition,
    format_count,
    format_plain_number,
    has_text,
    languages_text,
    message_language,
    msg,
)
from csm_check.yamlio.read import YamlDocument

_UNION_TAGS = {"int", "float", "str", "bool", "none", "function-after", "function-before"}
_WHOLE = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]*)?")
_BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off"}

MAX_SHORT_TEXT = 200  # organisation, respondent, role, register names: one line's worth
ShortText = Annotated[StrictStr, Field(max_length=MAX_SHORT_TEXT)]


def iso_date(value: Any) -> Any:
    """A date, from YAML's date or an ISO text; a timestamp is not a date (it is reported)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def describe(value: Any) -> str:
    """A short description of a YAML value for messages (never the whole value)."""
    if value is None:
        return msg("err.value.none")
    if isinstance(value, bool):
        return msg("err.value.boolean", value=str(value).lower())
    if isinstance(value, dict):
        return msg("err.value.mapping")
    if isinstance(value, list):
        return msg("err.value.list")
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        # str() of an int of more than 4,300 digits raises; no such number is worth quoting.
        return msg("err.value.huge_number", digits=_digits(value))
    text = repr(value[:60]) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


_SHOWN_BITS = 128


def _digits(value: int) -> str:
    """About how many decimal digits `value` has, without converting it to text."""
    from math import log10

    return format_count(int(value.bit_length() * log10(2)) + 1, message_language())


def type_hint(value: Any) -> str | None:
    """For a field that takes text: YAML read the value as something else."""
    if isinstance(value, bool):
        return msg("err.hint.quote_boolean")
    if isinstance(value, int | float):
        return msg("err.hint.quote_number")
    return None


def type_hint_number(value: Any, *, whole: bool = False) -> str | None:
    """For a field that takes a number: a boolean from YAML, or a number in quotes."""
    if isinstance(value, bool):
        return msg("err.hint.number_not_boolean")
    if isinstance(value, str) and (_WHOLE if whole else _NUMBER).fullmatch(value):
        return msg("err.hint.unquote")
    return None


def boolean_hint(value: Any) -> str:
    """For a field that takes true or false (`require_complete: "yes"`)."""
    if isinstance(value, str) and value.strip().lower() in _BOOLEAN_WORDS:
        return msg("err.hint.boolean_unquoted")
    return msg("err.hint.boolean")


def problems_from(
    document: YamlDocument, error: ValidationError, known_keys: Iterable[str]
) -> list[Problem]:
    """One problem per failing location; union branches are folded into one message."""
    problems: dict[tuple[int, int], Problem] = {}
    for item in error.errors(include_url=False):
        loc = _data_loc(document.data, item["loc"])
        kind = item["type"]
        value = item.get("input")
        if kind == "too_short" and _long_enough(value, item):
            continue  # only a consequence of its items failing: those are reported
        if kind == "missing":
            name = str(loc[-1])
            problem = document.problem(loc[:-1], msg("err.missing_key", key=name))
        elif kind == "missing_language":  # raised by model.validate_text, at the text
            message = _missing_language((item.get("ctx") or {}).get("language", "?"))
            needs = msg("err.missing_language.hint", languages=languages_text(message_language()))
            problem = document.problem(loc, message, needs)
        elif kind in {"extra_forbidden", "invalid_key", "unknown_language"}:
            # invalid_key: a key that is no text; unknown_language: a text in no known language
            name = str(loc[-1])
            problem = document.problem(
                loc, msg("err.unknown_key", key=name), did_you_mean(name, known_keys), at_key=True
            )
        else:
            message, hint = _message(kind, value, item, loc)
            problem = document.problem(loc, message, hint)
        problems.setdefault((problem.line, problem.column), problem)
    return list(problems.values())


def _missing_language(code: str) -> str:
    """The message for a text without `code`, naming the language as the catalog does.

    The catalogs name English and German (in German as an adjective, "deutsche"); a
    language registered later is named by its definition."""
    key = f"err.language.{code}"
    name = msg(key) if has_text(key) else definition(code).english_name
    return msg("err.missing_language", language=name, key=code)


def _data_loc(data: Any, loc: Iterable[str | int]) -> tuple[str | int, ...]:
    """`loc` without pydantic's union tags; a key that exists in the data is never a tag."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        # Two branches on purpose: mypy narrows `part` to int only in the second.
        if isinstance(node, dict) and part in node:  # noqa: SIM114
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(part, str) and (
            part in _UNION_TAGS or "[" in part or part.startswith("constrained-")
        ):
            continue
        else:
            node = None
        kept.append(part)
    return tuple(kept)


def _long_enough(value: Any, item: Any) -> bool:
    minimum = (item.get("ctx") or {}).get("min_length", 0)
    return isinstance(value, list | tuple | dict) and len(value) >= minimum


# Kinds that name the expected type: kind -> `err.field.<name>`; a hint by name where one helps.
_HINTS: dict[str, Callable[[Any], str | None]] = {
    "text": type_hint,
    "whole_number": partial(type_hint_number, whole=True),
    "number": type_hint_number,
    "boolean": boolean_hint,
}
_KINDS = {
    "string_type": "text",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_parsing_size": "whole_number",
    "int_from_float": "whole_number",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "model_type": "mapping",
    "dict_type": "mapping",
    "model_attributes_type": "mapping",
    "tuple_type": "list",
    "list_type": "list",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
}
_BOUNDS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}


def _message(kind: str, value: Any, item: Any, loc: tuple[Any, ...]) -> tuple[str, str | None]:
    field = str(loc[-1]) if loc else msg("err.value.field")
    ctx = item.get("ctx") or {}
    if kind in _KINDS:
        name = _KINDS[kind]
        hint = _HINTS[name](value) if name in _HINTS else None
        return msg(f"err.field.{name}", field=field, value=describe(value)), hint
    if kind in _BOUNDS:
        bound = format_plain_number(next(iter(ctx.values()), "?"), message_language())
        return msg(f"err.field.{kind}", field=field, bound=bound, value=describe(value)), None
    if kind == "finite_number":
        return msg("err.field.finite", field=field, value=describe(value)), None
    if kind == "string_pattern_mismatch":
        return msg("err.field.id", field=field, value=describe(value)), msg("err.field.id.hint")
    if kind in {"string_too_short", "too_short"}:
        return msg("err.field.empty", field=field), None
    if kind == "string_too_long":
        return msg("err.field.too_long", field=field, maximum=ctx.get("max_length")), None
    if kind == "literal_error":
        expected = str(ctx.get("expected")).replace(" or ", f" {msg('err.or')} ")
        return msg("err.field.literal", field=field, expected=expected, value=describe(value)), None
    return msg("err.field.other", field=field, detail=item["msg"]), None
