"""The terminal prompt (prompt_toolkit) driven without a terminal: pipe input, no output.

It must answer in the line protocol, so the session understands it with its one parser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from csm_check.interview.keys import Choice, Command, parse_command
from csm_check.interview.prompt import Prompter, pasted

LEVELS = ("none", "ad hoc", "partly", "in place", "measured")
DOWN, UP = "\x1b[B", "\x1b[A"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def ask(keys: PipeInput, typed: str, current: int | None = None, note: str | None = None) -> str:
    prompter = Prompter(input=keys, output=DummyOutput())
    keys.send_text(typed)
    return prompter.choose(Choice("> ", LEVELS, current, note, "keys"))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3\r", Command("level", 3)),
        ("2 some note\r", Command("level", 2, "some note")),
        ("n no bot yet\r", Command("not_applicable", text="no bot yet")),
        ("q\r", Command("quit")),
        ("\r", Command("keep")),
        (DOWN + DOWN + "\r", Command("level", 1)),
        (DOWN + DOWN + DOWN + UP + " monthly\r", Command("level", 1, "monthly")),
        (DOWN + "4\r", Command("level", 4)),  # a typed digit wins over the highlight
        ("\x1bOP", Command("help")),  # F1
        ("\x18", Command("clear")),  # Ctrl-X
    ],
)
def test_keys_become_lines_of_the_protocol(keys: PipeInput, typed: str, expected: Command) -> None:
    assert parse_command(ask(keys, typed)) == expected


def test_revisiting_starts_at_the_current_level_with_its_note(keys: PipeInput) -> None:
    line = ask(keys, DOWN + " (checked)\r", current=2, note="3 teams use it")
    # the note field was pre-filled: a note starting with a digit stays a note
    assert parse_command(line) == Command("level", 2, "3 teams use it (checked)")


def test_a_pasted_block_is_one_line(keys: PipeInput) -> None:
    line = ask(keys, "\x1b[200~1 AHT only\r\n4 teams use it\nnot yet for chat\x1b[201~\r")
    assert parse_command(line) == Command("level", 1, "AHT only 4 teams use it not yet for chat")
    assert pasted("a\r\n\r\n b \r") == "a b"


def test_read_is_a_plain_line_with_paste_made_one_line(keys: PipeInput) -> None:
    prompter = Prompter(input=keys, output=DummyOutput())
    keys.send_text("\x1b[200~ACME\nGmbH\x1b[201~\r")
    assert prompter.read("Organisation: ") == "ACME GmbH"
