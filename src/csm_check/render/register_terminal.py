"""The AI use-case register for terminals: the legal calendar per system, then the checks
against the answers. Shown only when the answers file has a register."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from csm_check.i18n import Language, t
from csm_check.render.register_text import (
    duty_binds,
    duty_criteria,
    duty_law,
    duty_todo,
    duty_when,
    finding_text,
    reviewed_text,
    severity_word,
    system_facts,
    system_name,
)
from csm_check.sanitize import one_line
from csm_check.scoring.register import DutyOnDay
from csm_check.scoring.results import Scorecard

_ASCII = str.maketrans(
    {
        "—": "-",
        "\u2013": "-",
        "·": "-",
        "“": '"',
        "”": '"',
        "„": '"',
        "\u2018": "'",
        "\u2019": "'",
        "§": "Sec.",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
    }
)


def _plain(text: str, ascii_only: bool) -> str:
    """One line of `text`; for a terminal that needs ASCII, transliterated (what has no
    spelling in ASCII is dropped, never sent as a byte the terminal cannot show)."""
    line = one_line(text)
    if not ascii_only:
        return line
    import unicodedata

    line = unicodedata.normalize("NFKD", line.translate(_ASCII))
    return line.encode("ascii", "ignore").decode("ascii")


def _grid(rows: list[tuple[Text, Text]], indent: int = 0) -> Table:
    """Marked rows with a hanging indent; marks of one or two cells (● and ⏳) align."""
    grid = Table.grid(padding=(0, 1))
    if indent:
        grid.add_column(width=indent - 1)
    grid.add_column(no_wrap=True, width=2 if indent else None)
    grid.add_column(overflow="fold")
    for marker, body in rows:
        grid.add_row(*([Text()] if indent else []), marker, body)
    return grid


def _duty(on_day: DutyOnDay, language: Language, ascii_only: bool) -> tuple[Text, Text]:
    if on_day.duty.prohibited:
        mark, style = ("x" if ascii_only else "✖"), "bold red"
    elif on_day.in_force:
        mark, style = ("*" if ascii_only else "●"), ""
    else:
        mark, style = ("~" if ascii_only else "⏳"), ""
    dash = " - " if ascii_only else " — "
    body = Text(_plain(duty_law(on_day, language), ascii_only), style="bold")
    body.append(dash + _plain(duty_when(on_day, language), ascii_only))
    body.append(dash + _plain(duty_binds(on_day, language), ascii_only))
    body.append("\n" + _plain(duty_todo(on_day, language), ascii_only))
    body.append(f" ({_plain(duty_criteria(on_day, language), ascii_only)})", style="dim")
    return Text(mark, style=style), body


def register_section(card: Scorecard, language: Language, ascii_only: bool) -> list[RenderableType]:
    """The section's parts, or none without a register."""
    register = card.register
    if register is None:
        return []
    parts: list[RenderableType] = [
        Text(_plain(t("register.title", language), ascii_only), style="bold"),
        Text(_plain(reviewed_text(card.model, register, language), ascii_only), style="dim"),
    ]
    for entry in register.calendar:
        name = system_name(entry.use_case, entry.kind, language)
        head = Text(_plain(name, ascii_only), style="bold")
        head.append("\n" + _plain(system_facts(entry.use_case, language), ascii_only))
        if entry.use_case.status == "planned":
            head.append("\n" + _plain(t("register.go_live", language), ascii_only), style="italic")
        parts.append(_grid([(Text(f"{entry.index + 1}."), head)]))
        parts.append(_grid([_duty(d, language, ascii_only) for d in entry.duties], indent=3))
    parts.append(Text(_plain(t("register.findings", language), ascii_only), style="bold"))
    if not register.findings:
        parts.append(Text(_plain(t("register.no_findings", language), ascii_only)))
    rows = []
    for finding in register.findings:
        error = finding.severity == "error"
        mark = ("x" if ascii_only else "✖") if error else ("~" if ascii_only else "▲")
        word = _plain(severity_word(finding, language), ascii_only)
        body = Text(f"{word}: ", style="bold red" if error else "bold")
        body.append(_plain(finding_text(finding, language), ascii_only))
        rows.append((Text(mark, style="bold red" if error else "bold yellow"), body))
    if rows:
        parts.append(_grid(rows))
    return [*parts, Text()]
