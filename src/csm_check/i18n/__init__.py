"""Languages: which one is chosen, how numbers are written in it, and every UI string.

Each language is declared once, as a `LanguageDefinition` in its own module (`en.py`,
`de.py`) and listed in `registry`; `register_language` adds more at run time. Model texts
(questions, next steps) live in challenges.yaml; the catalogs here hold the rest.

The bottom of the stack: imports nothing of csm_check but `rounding`, and nothing heavy
(`field`, the pydantic type for `language:` values, is imported only by those who need it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from csm_check.i18n.choice import (
    choose_language,
    choose_message_language,
    locale_language,
    message_language,
    messages_in,
)
from csm_check.i18n.numbers import format_count, format_date, format_number, format_plain_number
from csm_check.i18n.registry import (
    ENGLISH,
    choices_text,
    definition,
    is_registered,
    languages,
    register_language,
    unregister_language,
)

if TYPE_CHECKING:
    from csm_check.i18n.language import LanguageDefinition

# A registered language code ("en", "de", ...); which codes exist is known only at run time.
Language: TypeAlias = str

__all__ = [
    "ENGLISH",
    "Language",
    "LanguageDefinition",
    "catalog",
    "choices_text",
    "choose_language",
    "choose_message_language",
    "definition",
    "format_count",
    "format_date",
    "format_number",
    "format_plain_number",
    "has_text",
    "is_registered",
    "languages",
    "languages_text",
    "locale_language",
    "message_language",
    "messages_in",
    "msg",
    "register_language",
    "t",
    "unregister_language",
    "yaml_detail",
]


def t(key: str, language: Language, /, **values: object) -> str:
    """The UI string `key` in `language`, with `values` filled in."""
    text = definition(language).catalog[key]
    return text.format(**values) if values else text


def msg(key: str, /, **values: object) -> str:
    """The message or hint `key` in the current message language, with `values` filled in."""
    return t(key, message_language(), **values)


def has_text(key: str) -> bool:
    """Whether `key` is a UI string (every registered catalog has the same keys)."""
    return key in definition(ENGLISH).catalog


def catalog(language: Language) -> Mapping[str, str]:
    """Every UI string of `language`, key -> text."""
    return definition(language).catalog


def languages_text(language: Language) -> str:
    """Every registered code, quoted, as running text: "both 'en' and 'de'" in English."""
    codes = [f"'{code}'" for code in languages()]
    if len(codes) == 2:
        return t("err.languages.two", language, first=codes[0], second=codes[1])
    return t("err.languages.many", language, listed=", ".join(codes[:-1]), last=codes[-1])


def yaml_detail(text: str) -> str:
    """PyYAML's own words about a syntax error, in the message language where known."""
    return definition(message_language()).yaml_details.get(text, text)


def __getattr__(name: str) -> Any:
    """`LanguageDefinition` on first use: the CLI imports this package for --help."""
    if name == "LanguageDefinition":
        from csm_check.i18n.language import LanguageDefinition

        return LanguageDefinition
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
