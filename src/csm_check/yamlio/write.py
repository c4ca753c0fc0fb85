"""Writing YAML by hand: comments and scalars quoted so that they read back unchanged.

Free text is always double-quoted with explicit escapes, so YAML 1.1 can never read it as a
boolean, number or date, and line-break characters (\\x85, U+2028, U+2029) survive the trip.
"""

from __future__ import annotations

import re
import textwrap

from csm_check.sanitize import one_line

WRAP = 80  # yamllint's default line length

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


# Any character YAML does not take literally inside a double-quoted scalar on one line (it
# accepts 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD and above 0xFFFF, minus the line breaks
# \x85, U+2028, U+2029), and the quote and backslash themselves.
_NEEDS_ESCAPE = re.compile(
    r"[^\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar that reads back as exactly `text`."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


# A plain scalar of the identifier alphabet (an ASCII letter or digit, then also '.', '-',
# '_') that a YAML reader resolves as something other than a string: the forms of PyYAML's
# YAML 1.1 resolvers reachable from that alphabet ('<<', '=', '~', '.inf', signs and the
# ':' of times cannot occur), plus what the YAML 1.1 spec (y/n, floats with more dots) and
# the YAML 1.2 core schema (0o octal, 08, 1e5) add, so other tools read the file back the
# same too. tests/test_yaml_write.py checks it against yaml.safe_load on generated keys.
_NOT_A_STRING = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL"
    r"|0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[1-9][0-9_]*"  # ints of 1.1 (with '_')
    r"|0o[0-7]+|[0-9]+"  # ints of 1.2 (08 is one; 08_ is text in both)
    r"|[0-9][0-9_]*\.(?:[0-9_]*|[0-9.]*)(?:[eE]-[0-9]+)?"  # floats: PyYAML, the 1.1 spec
    r"|[0-9]+(?:\.[0-9]*)?[eE]-?[0-9]+"  # floats of 1.2: an exponent without dot or sign
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"  # a date: 2-digit month and day (2026-1-1 is text)
)
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def plain_or_quoted(text: str) -> str:
    """Identifiers stay plain when every YAML reader reads them back as the same string;
    else quoted. Decided by pattern, not by parsing: an interview saves 42 of them."""
    if _IDENTIFIER.fullmatch(text) and not _NOT_A_STRING.fullmatch(text):
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
