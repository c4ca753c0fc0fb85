"""Turn pydantic validation errors into located, human problems."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from csm_check.errors import Problem, did_you_mean
from csm_check.yamlio import YamlDocument

_UNION_TAGS = {"int", "float", "str", "bool", "none", "function-after", "function-before"}
LANGUAGE_NAMES = {"en": "English", "de": "German"}


def describe(value: Any) -> str:
    """A short description of a YAML value for messages (never the whole value)."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def type_hint(value: Any) -> str | None:
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off/true/false as booleans: quote it to keep it text"
    if isinstance(value, int | float):
        return "quote it to keep it text"
    return None


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
            parent = loc[:-1]
            if name in LANGUAGE_NAMES:
                message = f"text is missing its {LANGUAGE_NAMES[name]} version ('{name}')"
                hint = "every text needs both 'en' and 'de'"
            else:
                message, hint = f"missing key '{name}'", None
            problem = document.problem(parent, message, hint)
        elif kind in {"extra_forbidden", "invalid_key"}:  # invalid_key: a key that is no text
            name = str(loc[-1])
            problem = document.problem(
                loc, f"unknown key '{name}'", did_you_mean(name, known_keys), at_key=True
            )
        else:
            message, hint = _message(kind, value, item, loc)
            problem = document.problem(loc, message, hint)
        problems.setdefault((problem.line, problem.column), problem)
    return list(problems.values())


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
        elif isinstance(part, str) and (part in _UNION_TAGS or "[" in part):
            continue
        else:
            node = None
        kept.append(part)
    return tuple(kept)


def _long_enough(value: Any, item: Any) -> bool:
    minimum = (item.get("ctx") or {}).get("min_length", 0)
    return isinstance(value, list | tuple | dict) and len(value) >= minimum


def _message(kind: str, value: Any, item: Any, loc: tuple[Any, ...]) -> tuple[str, str | None]:
    field = str(loc[-1]) if loc else "value"
    ctx = item.get("ctx") or {}
    if kind in {"string_type"}:
        return f"'{field}' must be text, got {describe(value)}", type_hint(value)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"'{field}' must be a whole number, got {describe(value)}", type_hint_number(value)
    if kind in {"float_type", "float_parsing"}:
        return f"'{field}' must be a number, got {describe(value)}", type_hint_number(value)
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(ctx.values()), "?")
        words = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }
        return f"'{field}' must be {words[kind]} {bound}, got {describe(value)}", None
    if kind == "string_pattern_mismatch":
        return (
            f"'{field}' {describe(value)} is not a valid id",
            "use lowercase letters, digits and hyphens (criterion ids: '<challenge>.<name>')",
        )
    if kind == "string_too_short":
        return f"'{field}' must not be empty", None
    if kind == "string_too_long":
        return f"'{field}' is too long (at most {ctx.get('max_length')} characters)", None
    if kind == "too_short":
        return f"'{field}' must not be empty", None
    if kind == "literal_error":
        return f"'{field}' must be {ctx.get('expected')}, got {describe(value)}", None
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"'{field}' must be a mapping of keys, got {describe(value)}", None
    if kind in {"tuple_type", "list_type"}:
        return f"'{field}' must be a list, got {describe(value)}", None
    if kind in {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    }:
        return f"'{field}' must be a date like 2026-11-27, got {describe(value)}", None
    return f"'{field}': {item['msg']}", None


def type_hint_number(value: Any) -> str | None:
    if isinstance(value, bool):
        return "YAML reads unquoted yes/no/on/off as booleans: write a number"
    return None
