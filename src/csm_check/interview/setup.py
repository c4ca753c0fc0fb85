"""Opening an interview session: options checked, files loaded, nothing asked or written yet."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.errors import CsmCheckError, os_reason, printable
from csm_check.i18n import choices_text, choose_language, is_registered, msg, t
from csm_check.interview.settings import Settings
from csm_check.sanitize import one_line

if TYPE_CHECKING:
    from csm_check.interview.guard import AnswersLock
    from csm_check.interview.session import Interview


def open_session(
    path: Path,
    *,
    lang: str | None = None,
    only: str | None = None,
    model_file: Path | None = None,
    organisation: str | None = None,
    respondent: str | None = None,
    role: str | None = None,
    walk_all: bool = False,
) -> Interview:
    """Check the options, load the model and the answers file (strictly), prepare the session.

    Raises CsmCheckError (exit 2) before anything is asked or written: an invalid answers
    file is reported with FILE:LINE:COL and left as it is.
    """
    import os

    from csm_check.answers import AnswerSet, parse_answers
    from csm_check.answers_edit import update_answers_text
    from csm_check.atomicfile import atomic_write_text
    from csm_check.config import load_config
    from csm_check.frozen import replace
    from csm_check.interview.guard import AnswersLock, conflict_path, disk_text, fingerprint
    from csm_check.interview.keys import select_challenges
    from csm_check.interview.session import Interview
    from csm_check.interview.terminal import console_terminal
    from csm_check.loading import load_model
    from csm_check.yamlio.read import parse_yaml, read_text

    option = lang.strip().lower() if lang is not None else None
    if option is not None and not is_registered(option):
        language = choose_language(None, None)
        choices = choices_text(t("err.or", language))
        raise CsmCheckError(t("interview.bad_lang", language, choices=choices, value=lang))
    model = load_model(model_file)
    config = load_config(None, model)  # ./csm-check.yaml, checked before anything is asked
    _check_path(path)
    folder = path.parent
    usable = folder.is_dir() and os.access(folder, os.W_OK)  # else refused below, unlocked
    lock = AnswersLock.acquire(path, choose_language(option, None)) if usable else None
    try:
        text = read_text(path, str(path)) if os.path.lexists(path) else None
        existing = parse_answers(parse_yaml(text, str(path)), model) if text is not None else None
        file_language = existing.language if existing else None
        language = choose_language(option or config.language, file_language)
        selected = select_challenges(model, only, language)
        if not folder.is_dir():
            raise CsmCheckError(t("interview.no_folder", language, folder=folder), str(path))
        if not os.access(folder, os.W_OK) or (existing and not os.access(path, os.W_OK)):
            raise CsmCheckError(t("interview.not_writable", language), str(path))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    settings = Settings(
        path=path,
        language=language,
        challenges=selected,
        organisation=one_line(organisation) if organisation is not None else None,
        respondent=one_line(respondent) if respondent is not None else None,
        role=one_line(role) if role is not None else None,
        only=only,
        model_file=model_file,
        config=config,
        walk_all=walk_all,
    )
    start = existing or AnswerSet(model=model.id)
    start = replace(start, language=start.language or language)
    last_seen = fingerprint(text)
    written = False
    current = text  # the file as last read or written: edited in place, comments and all

    def save(answers: AnswerSet) -> None:
        """Write the file, unless nothing changed yet (an interview that changed nothing
        writes nothing) or another program changed the file since it was read or written."""
        nonlocal last_seen, written, current
        if not written and answers == start:
            return
        new_text = update_answers_text(current, answers, model)
        if fingerprint(disk_text(path)) != last_seen:
            copy = conflict_path(path)
            atomic_write_text(copy, new_text)
            message = t("interview.conflict", language, copy=printable(str(copy)))
            raise CsmCheckError(message, str(path))
        try:
            atomic_write_text(path, new_text)
        finally:  # also when interrupted just after the rename: the file is ours then
            if fingerprint(disk_text(path)) == fingerprint(new_text):
                last_seen, written, current = fingerprint(new_text), True, new_text

    session = Interview(model, start, settings, console_terminal(), save, saved=existing)
    if lock is not None:
        _LOCKS[session] = lock
        weakref.finalize(session, lock.release)
    return session


def _check_path(path: Path) -> None:
    """A path that cannot be a file (a symlink loop, a folder) is refused before any question."""
    import os

    try:
        os.stat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise CsmCheckError(msg("err.cannot_read", reason=os_reason(error)), str(path)) from None


_LOCKS: weakref.WeakKeyDictionary[Interview, AnswersLock] = weakref.WeakKeyDictionary()


def close_session(session: Interview) -> None:
    """Release the answers file's lock (also done when the session is garbage collected)."""
    lock = _LOCKS.pop(session, None)
    if lock is not None:
        lock.release()
