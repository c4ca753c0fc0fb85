"""Python data from a composed YAML node tree, checking duplicate keys on the way.

PyYAML's constructor is pure Python and generic; for the plain mappings, strings and
small integers of answers files this walk is several times faster (scoring thousands of
team files is dominated by it). Tags it does not handle itself (floats, timestamps,
unusual integer spellings, binary, sets) go to the loader's own safe constructors, so
the result is the same as PyYAML's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from csm_check.errors import Problem
from csm_check.i18n import msg

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"
_BOOL_VALUES = yaml.constructor.SafeConstructor.bool_values
_MISSING = object()
# Converted plain values by (tag, text); only types whose objects cannot change.
_VALUES: dict[tuple[str, str], Any] = {}
_VALUES_SIZE = 4096
_IMMUTABLE = frozenset({type(None), bool, int, float, dt.date, dt.datetime})


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Builder:
    """One document's conversion; collects problems instead of stopping at the first."""

    def __init__(self, loader: yaml.SafeLoader, display: str) -> None:
        self.loader = loader
        self.display = display
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, column = _position(node)
        self.problems.append(Problem(self.display, line, column, message, hint))

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        return self.loader.construct_object(node, deep=True)  # pragma: no cover - no other kinds

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        known = _VALUES.get((tag, value), _MISSING)
        if known is not _MISSING:
            return known
        if tag == _NULL:
            result: Any = None
        elif tag == _BOOL:
            result = _BOOL_VALUES[value.lower()]
        elif (
            tag == _INT
            and value.isdigit()
            and len(value) < 19
            and (len(value) == 1 or value[0] != "0")
        ):
            result = int(
                value
            )  # short plain decimal; 012 (octal), 0x.., 1_000, huge go the long way
        else:
            result = self.loader.construct_object(node, deep=True)
        # Team files repeat the same levels, dates and booleans thousands of times; these
        # values are immutable, so one object serves every file.
        if type(result) in _IMMUTABLE and len(_VALUES) < _VALUES_SIZE:
            _VALUES[tag, value] = result
        return result

    def mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STR and type(key_node) is yaml.ScalarNode:
                key: Any = key_node.value  # the usual case: a plain text key
            elif key_node.tag == _MERGE:
                self.problem(key_node, msg("err.merge_key"), msg("err.merge_key.hint"))
                continue
            else:
                key = self.build(key_node)
            if isinstance(key, list | dict):
                self.problem(key_node, msg("err.complex_key"))
                continue
            if key in first_line:
                self.problem(
                    key_node,
                    msg("err.duplicate_key", key=key_node.value, line=first_line[key]),
                    msg("err.duplicate_key.hint"),
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            if value_node.tag == _STR and type(value_node) is yaml.ScalarNode:
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node)
        return result
