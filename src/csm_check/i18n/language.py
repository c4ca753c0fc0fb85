"""What csm-check needs to know about one language, in one frozen value.

Each language is declared once, as a `LanguageDefinition` (the built-in ones in `en.py` and
`de.py`); everything else (the language choice, number formatting, the catalogs behind `t`,
the valid values of `language:` fields) reads the registry of these definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from csm_check.frozen import field, frozen


@frozen
class LanguageDefinition:
    """One language: its code, names, number and date conventions, locales and UI catalog.

    `catalog` maps every UI string key (the English catalog's keys) to its text, with the
    same `{fields}` as the English text. `yaml_details` translates PyYAML's fixed English
    phrases in syntax errors; phrases not listed stay English (English itself lists none).
    """

    code: str
    english_name: str
    native_name: str
    catalog: Mapping[str, str]
    decimal_separator: str = "."
    thousands_separator: str = ","
    date_format: str = "%Y-%m-%d"
    locale_prefixes: tuple[str, ...] = ()
    yaml_details: Mapping[str, str] = field(default_factory=dict)

    def matches_locale(self, value: str) -> bool:
        """Whether a locale setting such as `de_DE.UTF-8` selects this language."""
        lowered = value.lower()
        return any(lowered.startswith(prefix) for prefix in self.locale_prefixes)

    def format_date(self, value: dt.date) -> str:
        return value.strftime(self.date_format)
