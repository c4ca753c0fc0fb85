"""How an interview ends: the lines after quitting or an interruption, and the scorecard.

Piped sessions get the whole `score` scorecard, the saved file and the next commands, as
before. At a terminal the first screen holds the overall score, coverage and the challenges
(it fits 24 rows); Enter shows the rest of the same scorecard, then one key each writes the
Markdown and HTML reports next to the answers file. A mixin of `session.Interview`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.answers import AnswerSet
from csm_check.errors import CsmCheckError
from csm_check.frozen import replace
from csm_check.i18n import Language, t
from csm_check.interview import view
from csm_check.interview.settings import Settings, next_commands, resume_command
from csm_check.interview.terminal import Terminal
from csm_check.model import Challenge, Criterion, Model
from csm_check.sanitize import one_line

if TYPE_CHECKING:
    from csm_check.render import RenderOptions
    from csm_check.scoring.results import Scorecard


class Ending:
    """The endings of an interview; the session provides the state and the helpers below."""

    model: Model
    answers: AnswerSet
    settings: Settings
    term: Terminal
    language: Language
    items: list[tuple[Challenge, Criterion]]
    position: int | None

    def save(self) -> None:
        raise NotImplementedError

    def answered(self) -> int:
        raise NotImplementedError

    def _place(self, index: int) -> tuple[Challenge, int, int]:
        raise NotImplementedError

    def _show(self, text: str, style: str = "") -> None:
        raise NotImplementedError

    def _saved_line(self) -> str:
        return t(
            "interview.saved_to",
            self.language,
            path=str(self.settings.path),
            answered=self.answered(),
            total=len(self.items),
        )

    def _stopped(self, *, to_err: bool) -> None:
        if self.position is None:
            where = t("interview.stopped_before", self.language)
        else:
            challenge, number, size = self._place(self.position)
            where = t(
                "interview.stopped_at",
                self.language,
                number=challenge.number,
                index=number,
                size=size,
            )
        again = t("interview.continue_with", self.language, command=resume_command(self.settings))
        for line in (where, self._saved_line(), again):
            self._plain(line, to_err=to_err)

    def _plain(self, line: str, *, to_err: bool = False) -> None:
        """A line with a path or command: never wrapped, so it can be copied as it is."""
        if to_err:
            self.term.err(one_line(line))
        else:
            self.term.raw(one_line(line) + "\n")

    def _finish(self) -> None:
        from csm_check.assess import conclude
        from csm_check.config import Config
        from csm_check.render import RenderOptions
        from csm_check.render.terminal import render_terminal

        self.save()
        left = [
            (challenge, criterion)
            for challenge, criterion in self.items
            if self.answers.get(criterion.id).state == "unanswered"
        ]
        if left:
            numbers = dict.fromkeys(str(challenge.number) for challenge, _ in left)
            values = {"open": len(left), "challenges": ", ".join(numbers)}
            self._show(t("interview.open_left", self.language, **values), "bold yellow")
        else:
            self._show(t("interview.done", self.language), "bold")
        self.term.raw("\n")
        # The same ending as `csm-check score`, in the language the interview ran in.
        in_this_language = Config.model_construct({"language"}, language=self.language)
        config = self.settings.config.overridden_by(in_this_language)
        result = conclude(self.model, self.answers, config, sources=(self.settings.path,))
        options = RenderOptions(
            result.language,
            result.top,
            width=self.term.width,
            color_system=self.term.color_system,
            ascii_only=self.term.ascii_only,
        )
        card_text = render_terminal(result.card, options)
        if self.term.interactive:
            self._end_screen(result.card, card_text, options)
            return
        self.term.raw(card_text)
        self.term.raw("\n")
        self._plain(self._saved_line())
        self._plain(t("interview.next", self.language))
        for purpose, command in next_commands(self.settings):
            self.term.raw(f"  {one_line(purpose)}:\n    {one_line(command)}\n")

    def _end_screen(self, card: Scorecard, card_text: str, options: RenderOptions) -> None:
        """At a terminal: the summary that fits one screen, then (on Enter) the rest of the
        `score` scorecard, then one key each to write the Markdown and HTML reports."""
        summary = view.end_summary(
            card, self.language, ascii_only=self.term.ascii_only, width=self.term.width
        )
        self.term.show(summary)
        self._show(t("interview.more", self.language), "dim")
        if one_line(self.term.read("> ")).strip().lower() != "q":
            # everything after the table and the overall score: blockers, next steps, gate
            rest = card_text.split("\n\n", 1)[1] if "\n\n" in card_text else card_text
            self.term.raw(rest)
        self._plain(self._saved_line())
        self._offer_reports(card, options)

    def _offer_reports(self, card: Scorecard, options: RenderOptions) -> None:
        from csm_check.render.html import render_html
        from csm_check.render.markdown import render_markdown

        path = self.settings.path
        targets = {
            "m": (path.with_name(path.stem + "-report.md"), render_markdown),
            "w": (path.with_name(path.stem + "-report.html"), render_html),
        }
        file_options = replace(options, width=80, color_system=None, ascii_only=False)
        while True:
            self._show(t("interview.offer_reports", self.language), "bold")
            for key, (target, _) in targets.items():
                self._plain(f"  {key}: {target}")
            key = one_line(self.term.read("> ")).strip().lower()
            if key not in targets:
                return
            target, render = targets[key]
            self._write_report(target, render(card, file_options))

    def _write_report(self, target: Path, text: str) -> None:
        from csm_check.atomicfile import atomic_write_text

        try:
            atomic_write_text(target, text)
        except (OSError, CsmCheckError) as error:
            self.term.err(one_line(str(error)))
            return
        self._plain(t("interview.report_written", self.language, path=str(target)))
