"""Writing YAML by hand: comments and scalars quoted so that they read back unchanged.

Free text is always double-quoted with explicit escapes, so YAML 1.1 can never read it as a
boolean, number or date, and line-break characters (\\x85, U+2028, U+2029) survive the trip.
"""

from __future__ import annotations

import textwrap

import yaml

from csm_check.sanitize import one_line

WRAP = 80  # yamllint's default line length

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAKS = {"\x85", "\u2028", "\u2029"}


def _printable(char: str) -> bool:
    """Characters YAML accepts literally inside a double-quoted scalar on one line."""
    code = ord(char)
    if char in _LINE_BREAKS:
        return False
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back as exactly `text`."""
    parts: list[str] = []
    for char in text:
        if char in _ESCAPES:
            parts.append(_ESCAPES[char])
        elif _printable(char):
            parts.append(char)
        else:
            code = ord(char)
            parts.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(parts) + '"'


def plain_or_quoted(text: str) -> str:
    """Identifiers stay plain when YAML reads them back as the same string; else quoted."""
    simple = text != "" and text[0].isalnum() and all(c.isalnum() or c in ".-_" for c in text)
    if simple and text.isascii() and yaml.safe_load(text) == text:
        return text
    return quote(text)


def comment_lines(text: str, indent: str = "") -> list[str]:
    """`text` as YAML comment lines, wrapped, one paragraph per line of `text`."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(one_line(paragraph), WRAP - len(indent) - 2) or [""]
        lines.extend(f"{indent}# {line}".rstrip() for line in wrapped)
    return lines


def folded(prefix: str, quoted: str, indent: str, width: int = WRAP) -> list[str]:
    """`prefix` and a double-quoted scalar (from `quote`) as lines of at most `width`
    characters where the words allow, continued at `indent`.

    It reads back unchanged: YAML folds a line break inside double quotes into one space and
    drops the indentation after it, so the scalar is only broken at a single space between
    two other characters (never after a backslash, which could start an escape)."""
    words: list[str] = []
    start = 0
    for i in range(1, len(quoted) - 1):
        if quoted[i] == " " and quoted[i - 1] not in " \\" and quoted[i + 1] != " ":
            words.append(quoted[start:i])
            start = i + 1
    words.append(quoted[start:])
    lines, current = [], prefix + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = indent + word
    return [*lines, current]
