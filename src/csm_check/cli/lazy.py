"""Build only the command that runs.

Typer turns every registered command into Click parameters when the app starts (inspecting
each signature, one converter per option): for csm-check's eleven commands that was about
19 ms of every run, though a run uses one command and `--version` none. `lazy_group` gives
the app a group whose command table knows the names at once and, the first time a command
is looked up, imports its module, registers its function as `app.command(name)` would and
builds it with Typer's own `get_command_from_info`, so each command is exactly what Typer
would have built. The top-level `--help` and shell completion look up all of them.
"""

import importlib
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import typer
import typer.core
import typer.main
from typer.models import CommandInfo

# A command's name -> (module, function name): imported only when the command is looked up.
Specs = dict[str, tuple[str, str]]
Wrap = Callable[[Callable[..., Any]], Callable[..., Any]]


class LazyCommands(MutableMapping[str, Any]):
    """A group's command table: names in registration order, commands built on first use."""

    def __init__(self, specs: Specs, wrap: Wrap, *, pretty_short: bool, markup: Any) -> None:
        self._specs = dict(specs)
        self._wrap = wrap
        self._built: dict[str, Any] = {}
        self._pretty_short = pretty_short
        self._markup = markup

    def __getitem__(self, name: str) -> Any:
        command = self._built.get(name)
        if command is None:
            module, function = self._specs[name]  # KeyError: an unknown command, as in a dict
            callback = getattr(importlib.import_module(module), function)
            registry = typer.Typer()  # records the CommandInfo exactly as app.command does
            registry.command(name)(self._wrap(callback))
            info: CommandInfo = registry.registered_commands[0]
            command = typer.main.get_command_from_info(
                info, pretty_exceptions_short=self._pretty_short, rich_markup_mode=self._markup
            )
            self._built[name] = command
        return command

    def __setitem__(self, name: str, command: Any) -> None:
        self._specs.setdefault(name, ("", ""))
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._specs[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)


def lazy_group(
    specs: Specs, wrap: Wrap, *, pretty_exceptions_short: bool = True
) -> type[typer.core.TyperGroup]:
    """A TyperGroup class whose commands are `specs`, each callback passed through `wrap`,
    built on demand.

    Pass it as `typer.Typer(cls=...)` to an app that registers no commands itself (only its
    callback), so Typer has nothing to build at start.
    """

    class LazyGroup(typer.core.TyperGroup):
        def __init__(self, **attrs: Any) -> None:
            super().__init__(**attrs)
            self.commands = LazyCommands(
                specs, wrap, pretty_short=pretty_exceptions_short, markup=self.rich_markup_mode
            )

    return LazyGroup
