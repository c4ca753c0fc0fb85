"""JSON text that is safe to show in a terminal or a CI log, and reads back unchanged.

`json.dumps(ensure_ascii=False)` keeps every character but `"`, `\\` and C0 controls as it
is, so a note could carry DEL, C1 controls (U+009B is a one-byte CSI: terminal escapes),
bidi overrides (U+202E turns text around) or line separators into a log. Those are written
as \\uXXXX escapes; so is the `[` of `##[`, which the GitHub Actions runner reads as a
workflow command anywhere in a line. All of them can only occur inside strings, so the
substitution never touches the structure, and `json.loads` gives the same data back.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: Any) -> str:
    """`data` as indented UTF-8 JSON (no trailing newline), unsafe characters escaped."""
    # json.dumps with an indent joins a list of every small piece (about 40 bytes each, more
    # than the text itself in list slots and string headers); writing the pieces to one
    # buffer gives the same text without that list: a large team's report in a fraction.
    buffer = io.StringIO()
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        buffer.write(piece)
    text = buffer.getvalue()
    text = _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text.replace("##[", "##\\u005b")
