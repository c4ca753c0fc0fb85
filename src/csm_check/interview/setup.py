"""Opening an interview session: options checked, files loaded, nothing asked or written yet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.errors import CsmCheckError
from csm_check.i18n import choices_text, choose_language, is_registered, t
from csm_check.interview.settings import Settings
from csm_check.sanitize import one_line

if TYPE_CHECKING:
    from csm_check.interview.session import Interview


def open_session(
    path: Path,
    *,
    lang: str | None = None,
    only: str | None = None,
    model_file: Path | None = None,
    organisation: str | None = None,
    respondent: str | None = None,
) -> Interview:
    """Check the options, load the model and the answers file (strictly), prepare the session.

    Raises CsmCheckError (exit 2) before anything is asked or written: an invalid answers
    file is reported with FILE:LINE:COL and left as it is.
    """
    import os
    from dataclasses import replace

    from csm_check.answers import AnswerSet
    from csm_check.answers_writer import dump_answers
    from csm_check.atomicfile import atomic_write_text
    from csm_check.config import load_config
    from csm_check.interview.keys import select_challenges
    from csm_check.interview.session import Interview
    from csm_check.interview.terminal import console_terminal
    from csm_check.loading import load_answers, load_model

    option = lang.strip().lower() if lang is not None else None
    if option is not None and not is_registered(option):
        language = choose_language(None, None)
        choices = choices_text(t("err.or", language))
        raise CsmCheckError(t("interview.bad_lang", language, choices=choices, value=lang))
    model = load_model(model_file)
    config = load_config(None, model)  # ./csm-check.yaml, checked before anything is asked
    existing = load_answers(path, model) if path.exists() else None
    language = choose_language(option or config.language, existing.language if existing else None)
    selected = select_challenges(model, only, language)
    folder = path.parent
    if not folder.is_dir():
        raise CsmCheckError(t("interview.no_folder", language, folder=folder), str(path))
    if not os.access(folder, os.W_OK) or (existing and not os.access(path, os.W_OK)):
        raise CsmCheckError(t("interview.not_writable", language), str(path))
    settings = Settings(
        path=path,
        language=language,
        challenges=selected,
        organisation=one_line(organisation) if organisation is not None else None,
        respondent=one_line(respondent) if respondent is not None else None,
        only=only,
        model_file=model_file,
        config=config,
    )

    def save(answers: AnswerSet) -> None:
        atomic_write_text(path, dump_answers(answers, model))

    start = existing or AnswerSet(model=model.id)
    start = replace(start, language=start.language or language)
    return Interview(model, start, settings, console_terminal(), save, saved=existing)
