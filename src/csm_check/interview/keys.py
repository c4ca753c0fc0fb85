"""What the interview understands: the keys typed at a question, and `--only` selections.

Pure functions, no terminal: easy to test with every odd input a person can type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from csm_check.errors import CsmCheckError, closest
from csm_check.i18n import Language, t
from csm_check.model import Challenge, Model
from csm_check.sanitize import clean, one_line

Kind = Literal[
    "level", "not_applicable", "skip", "back", "help", "quit", "clear", "keep", "invalid"
]

_LEVEL = re.compile(r"([0-4])(?:\s+(.*))?", re.DOTALL)
_NOT_APPLICABLE = re.compile(r"(?:n/a|na|n)(?:\s+(.*))?", re.DOTALL | re.IGNORECASE)
_SINGLE: dict[str, Kind] = {
    "s": "skip",
    "b": "back",
    "?": "help",
    "h": "help",
    "q": "quit",
    "c": "clear",
}


@dataclass(frozen=True)
class Command:
    """One line of input, understood. `text` is the note, the n/a reason, or the bad input."""

    kind: Kind
    level: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class Choice:
    """What a prompt with level selection needs at a question: the levels' texts (0-4),
    the current answer, and a one-line reminder of the keys."""

    prompt: str
    levels: tuple[str, ...]
    current: int | None = None
    note: str | None = None
    hint: str = ""


def clean_note(text: str | None) -> str | None:
    """A note as it is saved: control characters removed, outer blanks trimmed, None if empty."""
    if text is None:
        return None
    note = clean(text).strip()
    return note or None


def is_command_key(text: str) -> bool:
    """A single command letter (`q`, `s`, `b`, `h`, `?`, `n`): never a reason by accident."""
    return text.strip().lower() in {*_SINGLE, "n"}


def name_value(typed: str) -> str:
    """An organisation or respondent as typed; `"q"` in quotes is the name q (bare q quits)."""
    for mark in ('"', "'"):
        if len(typed) >= 2 and typed[0] == typed[-1] == mark and is_command_key(typed[1:-1]):
            return typed[1:-1].strip()
    return typed


def cut_note(note: str, limit: int) -> str:
    """`note` shortened to at most `limit` characters, at a word boundary when there is one
    in its second half (a single endless word is cut at the limit)."""
    if len(note) <= limit:
        return note
    head = note[: limit + 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else note[:limit]).rstrip()


def parse_command(line: str) -> Command:
    """Understand one input line at a question; anything unknown is `invalid`, never an error."""
    text = clean(line).strip()
    if not text:
        return Command("keep")
    if match := _LEVEL.fullmatch(text):
        return Command("level", int(match.group(1)), clean_note(match.group(2)))
    if match := _NOT_APPLICABLE.fullmatch(text):
        return Command("not_applicable", text=clean_note(match.group(1)))
    kind = _SINGLE.get(text.lower())
    if kind is not None:
        return Command(kind)
    return Command("invalid", text=text)


def select_challenges(model: Model, only: str | None, language: Language) -> tuple[Challenge, ...]:
    """The challenges named by `--only` (numbers or ids, comma separated), in model order."""
    if only is None:
        return model.challenges
    tokens = [token.strip() for token in only.split(",") if token.strip()]
    if not tokens:
        raise CsmCheckError(t("interview.only_empty", language))
    by_key: dict[str, Challenge] = {}
    for challenge in model.challenges:
        by_key[str(challenge.number)] = challenge
        by_key[challenge.id] = challenge
    chosen: set[str] = set()
    unknown: list[str] = []
    for token in tokens:
        key = (token.lstrip("0") or "0") if token.isdigit() else token.lower()
        found = by_key.get(key)
        if found is None:
            unknown.append(one_line(token))
        else:
            chosen.add(found.id)
    if unknown:
        lines = [_unknown_message(model, token, language) for token in unknown]
        raise CsmCheckError("\n".join(lines))
    return tuple(c for c in model.challenges if c.id in chosen)


def _unknown_message(model: Model, token: str, language: Language) -> str:
    ids = [challenge.id for challenge in model.challenges]
    numbers = sorted(challenge.number for challenge in model.challenges)
    message = t("interview.only_unknown", language, value=token)
    close = closest(token.lower(), ids)
    if close:
        message += " (" + t("interview.did_you_mean", language, choice=close) + ")"
    choices = t(
        "interview.only_choices", language, first=numbers[0], last=numbers[-1], ids=", ".join(ids)
    )
    return f"{message}; {choices}"
