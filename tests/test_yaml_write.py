"""Identifiers are written plain exactly when YAML reads them back as the same string.

`plain_or_quoted` decides by pattern; here the pattern is checked against PyYAML itself
(YAML 1.1) on generated keys, and against the YAML 1.1 spec's and the YAML 1.2 core
schema's own resolution rules (copied from the specs, not from the code under test).
"""

from __future__ import annotations

import re
import string

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csm_check.yamlio.write import plain_or_quoted, quote

# YAML 1.2.2, 10.3.2 (core schema) and the YAML 1.1 type repository (bool, int, float).
YAML_1_2_CORE = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)
YAML_1_1_SPEC = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?"
)

ALPHABET = string.ascii_letters + string.digits + "._-"
PIECES = [
    *"0123456789", "00", "0b", "0o", "0x", "e", "E", "e-", "_", ".", "-", "a", "f", "F",
    "y", "Y", "n", "N", "yes", "No", "ON", "off", "true", "False", "null", "NULL",
    "2026", "12", "31", "-12-", "nan", "inf", "csm", "talent",
]  # fmt: skip


class PristineLoader(yaml.SafeLoader):
    """PyYAML's own safe loader, whatever else the test run imports: yamllint adds a YAML 1.2
    int pattern to yaml.resolver.Resolver when it is imported (a global change, broader than
    1.2's core schema: it reads `0o_` as a number), which would change this test's oracle."""


PristineLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if not (tag == "tag:yaml.org,2002:int" and "0o?" in regexp.pattern)
    ]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}


def pyyaml_reads_something_else(text: str) -> bool:
    try:
        return bool(yaml.load(text, Loader=PristineLoader) != text)
    except ValueError:  # resolved as a date that does not exist (2026-13-45)
        return True


def expected_plain(text: str) -> bool:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
        return False
    return not (
        pyyaml_reads_something_else(text)
        or YAML_1_2_CORE.fullmatch(text)
        or YAML_1_1_SPEC.fullmatch(text)
    )


keys = st.one_of(
    st.text(alphabet=ALPHABET, min_size=1, max_size=12),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join),
)


@settings(max_examples=3000, deadline=None)
@given(keys)
@example("talent.attrition-rate")
@example("csm-2026")
@example("2026-11-27")
@example("2026-13-45")
@example("0000-0-0")  # a date needs a 2-digit month and day: text in every reader
@example("2026-1-1")
@example("1_000")
@example("1.5e-3")
@example("1e5")
@example("0o17")
@example("08")
@example("08_")
@example("0_7")
@example("0x1F")
@example("0b101")
@example("1.2.3")
@example("y")
@example("Off")
@example("NULL")
def test_plain_exactly_when_yaml_reads_back_the_same_string(text: str) -> None:
    written = plain_or_quoted(text)
    assert (written == text) == expected_plain(text), written
    assert yaml.load(f"key: {written}", Loader=PristineLoader) == {"key": text}


def test_known_answers() -> None:
    assert plain_or_quoted("talent.attrition-rate") == "talent.attrition-rate"
    assert plain_or_quoted("csm-2026") == "csm-2026"
    for tricky in ("yes", "No", "null", "1_000", "2026-11-27", "1e5", "0o17", "y", "1.2.3"):
        assert plain_or_quoted(tricky) == f'"{tricky}"'
    assert plain_or_quoted("a b") == quote("a b")
    assert plain_or_quoted("") == '""'
    assert plain_or_quoted("ümlaut") == '"ümlaut"'


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote_char_by_char(text: str) -> str:
    """The former writer, one character at a time: the reference for `quote`."""
    parts: list[str] = []
    for char in text:
        code = ord(char)
        if char in _ESCAPES:
            parts.append(_ESCAPES[char])
        elif char not in "\x85\u2028\u2029" and (
            0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        ):
            parts.append(char)
        else:
            parts.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(parts) + '"'


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(codec=None)))
@example('say "hi"\\ \t\n\r\x00\x7f\x85\x9f\xa0\u2027\u2028\u2029\u202a\ud7ff\ufffe\U0001f600')
def test_quote_escapes_as_before_and_reads_back(text: str) -> None:
    assert quote(text) == quote_char_by_char(text)
    if max(text, default="a") < "\ud800" or not any("\ud800" <= c <= "\udfff" for c in text):
        assert yaml.safe_load(quote(text)) == text
