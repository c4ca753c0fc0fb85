"""Make user text safe to show: no control characters, no terminal escape sequences."""

from __future__ import annotations

import re
import unicodedata

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.")


def clean(text: str, *, keep_newlines: bool = True) -> str:
    """Drop escape sequences and every non-printable character except newline and tab."""
    text = _ANSI.sub("", text)
    kept = []
    for char in text:
        if char in "\n\t":
            kept.append(char if keep_newlines else " ")
        elif unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"} or char == "\u200d":
            kept.append(char)
    return "".join(kept)


def one_line(text: str) -> str:
    """Clean and fold onto one line (for table cells and headers)."""
    return " ".join(clean(text, keep_newlines=False).split())
