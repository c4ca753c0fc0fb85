"""The prompt a person gets at a real terminal, on prompt_toolkit: line editing and history,
paste-safe, and the level chosen with the arrow keys.

It answers in the line protocol (`3`, `2 a note`, `n reason`, `b`, `q`, ...): the session
understands one language only, so the piped protocol and this prompt cannot drift apart.

- Up/Down highlight a level (the current answer is highlighted first); its own description
  is shown on the line above the input. Once a level is highlighted, the line is its note field (the
  current note pre-filled), and Enter saves level and note. Before a level is highlighted
  the line above the prompt shows the current answer's level, or the keys.
- Typed keys work as in the line protocol: `3` Enter, `2 some note` Enter, `n reason`, `q`.
- Esc goes back (like `b`), F1 is help (like `?`), Ctrl-X clears the answer (like `c`).
- A pasted block (bracketed paste) goes into the line as one piece, line breaks turned into
  spaces: it can never answer the questions that follow.

prompt_toolkit is imported only here, and only when a person is at a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys

from csm_check.interview.keys import Choice, parse_command
from csm_check.sanitize import one_line


def pasted(data: str) -> str:
    """A pasted block as one line: line breaks become spaces, outer blanks trimmed."""
    text = data.replace("\r\n", "\n").replace("\r", "\n")
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _paste_bindings() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(Keys.BracketedPaste)
    def _(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text(pasted(event.data))

    return bindings


class Prompter:
    """One prompt_toolkit session for the whole interview (its history spans questions)."""

    def __init__(self, *, ascii_only: bool = False, **session_options: Any) -> None:
        self.ascii_only = ascii_only
        self._session: PromptSession[str] = PromptSession(
            history=InMemoryHistory(), **session_options
        )
        self._paste = _paste_bindings()

    def read(self, prompt: str) -> str:
        """A line with editing and history; Ctrl-C raises KeyboardInterrupt, Ctrl-D EOFError."""
        return self._session.prompt(prompt, key_bindings=self._paste)

    def choose(self, choice: Choice) -> str:
        """The answer to one question, as a line of the line protocol."""
        state: dict[str, int | None] = {"selected": None}
        bindings = _paste_bindings()
        arrow = ">" if self.ascii_only else "▶"

        def move(event: KeyPressEvent, step: int) -> None:
            selected = state["selected"]
            if selected is None:
                selected = choice.current if choice.current is not None else (0 if step > 0 else 4)
                buffer = event.current_buffer
                if not buffer.text and choice.note:
                    buffer.insert_text(choice.note)  # the note field, pre-filled
            else:
                selected = min(max(selected + step, 0), len(choice.levels) - 1)
            state["selected"] = selected

        @bindings.add("up")
        def _(event: KeyPressEvent) -> None:
            move(event, -1)

        @bindings.add("down")
        def _(event: KeyPressEvent) -> None:
            move(event, +1)

        def finish(line: str) -> Callable[[KeyPressEvent], None]:
            def handler(event: KeyPressEvent) -> None:
                event.app.exit(result=line)

            return handler

        bindings.add("escape", eager=True)(finish("b"))
        bindings.add("f1")(finish("?"))
        bindings.add("c-x")(finish("c"))

        @bindings.add("enter")
        def _(event: KeyPressEvent) -> None:
            text = event.current_buffer.text
            selected = state["selected"]
            kind = parse_command(text).kind
            typed_level = kind == "level" and text.strip().isdigit()
            if selected is not None and kind in ("keep", "invalid", "level") and not typed_level:
                text = f"{selected} {text}".strip()  # the highlighted level, the field its note
            event.current_buffer.append_to_history()
            event.app.exit(result=text)

        def message() -> str:
            """Above the input line: the highlighted level's own text, or the keys."""
            selected = state["selected"]
            shown = selected if selected is not None else choice.current
            if shown is None:
                head = one_line(choice.hint)
            else:
                mark = arrow if selected is not None else " "
                head = f"{mark} {shown} {one_line(choice.levels[shown])}"
            width = get_app().output.get_size().columns
            if len(head) >= width:  # the prompt does not wrap this line: cut it, visibly
                head = head[: max(width - 4, 1)].rstrip() + "..."
            return f"{head}\n{choice.prompt}"

        return self._session.prompt(message, key_bindings=bindings)
