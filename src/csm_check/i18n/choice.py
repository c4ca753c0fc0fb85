"""Which language to use: from --lang, an answers file, CSM_CHECK_LANG or the locale.

Also the language of error messages, kept in a context variable so that code deep in the
loaders can write messages without passing a language through every call.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from csm_check.i18n.registry import ENGLISH, definition, is_registered, languages


def locale_language(environ: Mapping[str, str]) -> str:
    """POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set decides.

    A setting that selects no registered language (C, fr_FR.UTF-8) means English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            for code in languages():
                if definition(code).matches_locale(value):
                    return code
            return ENGLISH
    return ENGLISH


def choose_language(
    option: str | None, file_language: str | None, environ: Mapping[str, str] | None = None
) -> str:
    """--lang, else the answers file, else CSM_CHECK_LANG, else the locale, else English.

    Each source counts only with a registered code; an unknown one is passed over."""
    env = os.environ if environ is None else environ
    for candidate in (option, file_language, env.get("CSM_CHECK_LANG", "").strip().lower() or None):
        if is_registered(candidate):
            assert candidate is not None  # for mypy: is_registered() is False for None
            return candidate
    return locale_language(env)


def choose_message_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of error messages: --lang, else CSM_CHECK_LANG, else the locale, else English.

    Chosen before any file is read, so an answers file's own `language` cannot decide: the
    problem to report may be in that very file."""
    return choose_language(option, None, environ)


_message_language: ContextVar[str] = ContextVar("csm_check_message_language", default=ENGLISH)


def message_language() -> str:
    """The language that error messages and hints are written in now (default English)."""
    return _message_language.get()


@contextmanager
def messages_in(language: str) -> Iterator[None]:
    """Write error messages and hints in `language` inside the block."""
    token = _message_language.set(language)
    try:
        yield
    finally:
        _message_language.reset(token)
