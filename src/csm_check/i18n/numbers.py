"""Numbers and dates as a language writes them, from the separators in its definition."""

from __future__ import annotations

import datetime as dt

from csm_check.i18n.registry import definition


def format_count(value: int, language: str) -> str:
    """A whole number with thousands separators: 1,048,576 (English), 1.048.576 (German)."""
    return f"{value:,}".replace(",", definition(language).thousands_separator)


def format_plain_number(value: object, language: str) -> str:
    """A number as Python writes it (100.0, 0.5); with a decimal comma as 100 and 0,5.

    Languages with a decimal point keep Python's spelling, so English output stays as it
    always was; the others drop a trailing `.0` and use their separator."""
    separator = definition(language).decimal_separator
    if separator != "." and isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", separator)
    return str(value)


def format_number(value: float, language: str, digits: int = 1) -> str:
    """One decimal (or `digits`), rounded half up, with the language's decimal separator."""
    from csm_check.rounding import half_up

    text = f"{half_up(value, digits):.{digits}f}"
    return text.replace(".", definition(language).decimal_separator)


def format_date(value: dt.date, language: str) -> str:
    """A date for people to read (ISO 2026-11-27 in English and German)."""
    return definition(language).format_date(value)
