"""The interactive interview: ask question by question, save after every answer, resume later.

The flow never prints or reads directly: it talks to a `Terminal` (see interview.terminal) and saves
through a `save` function, so tests can script whole sessions, interruptions and failures.
It never exits either: `run` returns an Outcome and the CLI turns it into an exit code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from csm_check.answers import EVIDENCE_LEVEL, MAX_NOTE, ROLE_SUGGESTIONS, Answer, AnswerSet
from csm_check.errors import CsmCheckError
from csm_check.frozen import replace
from csm_check.i18n import t
from csm_check.interview import view
from csm_check.interview.ending import Ending
from csm_check.interview.evidence import ask_evidence, saved_text
from csm_check.interview.keys import (
    Choice,
    Command,
    clean_note,
    cut_note,
    is_command_key,
    name_value,
    parse_command,
)
from csm_check.interview.settings import Outcome, Settings
from csm_check.interview.terminal import Terminal
from csm_check.model import Challenge, Criterion, Model
from csm_check.sanitize import one_line

MAX_NAME = 200  # organisation and respondent, as the answers file allows


class _QuitAtName(Exception):
    """`q` typed at the organisation or respondent prompt."""


class Interview(Ending):
    """One session. `saved` is what the file on disk holds now (None: no file yet)."""

    def __init__(
        self,
        model: Model,
        answers: AnswerSet,
        settings: Settings,
        terminal: Terminal,
        save: Callable[[AnswerSet], None],
        *,
        saved: AnswerSet | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.model = model
        self.answers = answers
        self.saved = saved
        self.settings = settings
        self.term = terminal
        self.language = settings.language
        self._save = save
        self._today = today
        self.items: list[tuple[Challenge, Criterion]] = [
            (challenge, criterion)
            for challenge in settings.challenges
            for criterion in challenge.criteria
        ]
        self.position: int | None = None  # index into items while a question is asked
        # the questions a walk visits: the open ones when resuming, all with --all
        self.visit: set[int] = set(range(len(self.items)))
        self._stay = False  # ask the same question again (a note was cut to the limit)
        for preset in (settings.organisation, settings.respondent):
            if preset is not None and len(preset) > MAX_NAME:
                limit = t("interview.too_long", self.language, length=len(preset), limit=MAX_NAME)
                raise CsmCheckError(limit)

    # -- running -------------------------------------------------------------------------
    def run(self) -> Outcome:
        try:
            self._welcome()
            try:
                self._ask_names()
            except _QuitAtName:
                outcome = Outcome.QUIT
            else:
                outcome = self._questions()
                if outcome is Outcome.FINISHED and self.term.interactive:
                    outcome = self._review()
        except (KeyboardInterrupt, EOFError) as stop:
            interrupted = isinstance(stop, KeyboardInterrupt)
            self.term.raw("\n")  # the cursor may sit after a prompt
            self.save()
            reason = "cli.interrupted" if interrupted else "interview.end_of_input"
            self.term.err(t(reason, self.language))
            self._stopped(to_err=True)
            return Outcome.INTERRUPTED if interrupted else Outcome.END_OF_INPUT
        if outcome is Outcome.QUIT:
            self.save()
            self._stopped(to_err=False)
        else:
            self._finish()
        return outcome

    def save(self) -> None:
        """Write the whole file when it differs from what is on disk."""
        if self.answers != self.saved:
            self._save(self.answers)
            self.saved = self.answers

    # -- counting ------------------------------------------------------------------------
    def answered(self) -> int:
        return sum(1 for _, c in self.items if self.answers.get(c.id).state != "unanswered")

    def _first_open(self) -> int | None:
        for index, (_, criterion) in enumerate(self.items):
            if self.answers.get(criterion.id).state == "unanswered":
                return index
        return None

    def _place(self, index: int) -> tuple[Challenge, int, int]:
        """The challenge of item `index`, the question's 1-based number in it, and its size."""
        challenge, criterion = self.items[index]
        return challenge, challenge.criteria.index(criterion) + 1, len(challenge.criteria)

    # -- the parts -----------------------------------------------------------------------
    def _show(self, text: str, style: str = "") -> None:
        self.term.show(view.message(text, ascii_only=self.term.ascii_only, style=style))

    def _welcome(self) -> None:
        for warning in self.answers.warnings:  # a file of an earlier model version
            self._show(t("cli.warning", self.language, reason=warning), "yellow")
        total, answered = len(self.items), self.answered()
        self.term.show(
            view.welcome(
                self.model,
                self.language,
                path=str(self.settings.path),
                open_count=total - answered,
                total=total,
            )
        )
        first = self._first_open()
        if first is None:
            self._show(t("interview.all_answered", self.language, total=total))
        elif answered:
            challenge, index, _ = self._place(first)
            values = {"answered": answered, "total": total, "index": index}
            self._show(t("interview.resume", self.language, number=challenge.number, **values))
            if not self.settings.walk_all:  # resume: only the open questions
                self.visit = {
                    i
                    for i, (_, c) in enumerate(self.items)
                    if self.answers.get(c.id).state == "unanswered"
                }
        today = self._today()
        if self.answers.assessed_on != today:
            self._show(t("interview.date_notice", self.language, date=today.isoformat()), "dim")

    def _ask_names(self) -> None:
        organisation = self.settings.organisation
        if organisation is None:
            organisation = self._ask_name("interview.organisation", self.answers.organisation)
        # kept (and saved when quitting) even if q is typed at the next prompt
        self.answers = replace(self.answers, organisation=organisation or None)
        respondent = self.settings.respondent
        if respondent is None:
            respondent = self._ask_name("interview.respondent", self.answers.respondent)
        self.answers = replace(
            self.answers, organisation=organisation or None, respondent=respondent or None
        )
        role = self.settings.role
        if role is None and self.term.interactive:
            # At a terminal only: the piped line protocol (organisation, respondent, keys)
            # stays as it always was; piped sessions give the role with --role.
            suggestions = ", ".join(t(f"role.{r}", self.language) for r in ROLE_SUGGESTIONS)
            self._show(t("interview.role_hint", self.language, roles=suggestions), "dim")
            role = self._ask_name("interview.role", self.answers.role)
        if role is not None:
            self.answers = replace(self.answers, role=role or None)
        self.save()

    def _ask_name(self, key: str, current: str | None) -> str | None:
        label = t(key, self.language)
        if current:
            label += f" ({t('interview.enter_keeps', self.language, value=one_line(current))})"
        while True:
            typed = one_line(self.term.read(f"{label}: "))
            if typed.lower() == "q":
                self._show(t("interview.quote_to_name", self.language), "dim")
                raise _QuitAtName
            value = name_value(typed)
            if not value:
                return current
            if len(value) <= MAX_NAME:
                return value
            self._show(t("interview.too_long", self.language, length=len(value), limit=MAX_NAME))

    def _questions(self) -> Outcome:
        if not self.items:
            return Outcome.FINISHED
        first = self._first_open()
        if first is None and self.term.interactive and not self.settings.walk_all:
            return Outcome.FINISHED  # nothing open: straight to the review screen
        index = 0 if first is None else first
        return self._walk(index)

    def _review(self) -> Outcome:
        """The ten challenges with answered/total; open one, or a question, or finish."""
        while True:
            self.term.show(
                view.review(
                    self.settings.challenges,
                    self.answers,
                    self.language,
                    ascii_only=self.term.ascii_only,
                )
            )
            if self.model.ai_use_case_kinds:  # the AI register step, key a
                self._show(t("interview.register_key", self.language), "dim")
            typed = one_line(self.term.read("> ")).strip()
            key = typed.lower()
            if key in ("", "f"):
                return Outcome.FINISHED
            if key == "q":
                return Outcome.QUIT
            if key == "a" and self.model.ai_use_case_kinds and self._span_of(key) is None:
                self._register()
                continue
            span = self._span_of(key)
            if span is None:
                shown = typed if len(typed) <= 20 else typed[:17] + "..."
                self._show(t("interview.review_unknown", self.language, text=shown), "yellow")
                continue
            first, stop = span
            self.visit |= set(range(first, stop))
            if self._walk(first, stop) is Outcome.QUIT:
                return Outcome.QUIT

    def _register(self) -> None:
        """The AI register step: add or delete entries until the person goes back; each
        change is saved at once."""
        from csm_check.interview.register_step import register_step

        while True:
            changed = register_step(
                self.model, self.answers, self.language, self.term.read, self._show
            )
            if changed is None:
                return
            self.answers = changed
            self.save()

    def _span_of(self, key: str) -> tuple[int, int] | None:
        """The items of a challenge (number or id) or of one question (its id)."""
        for index, (challenge, criterion) in enumerate(self.items):
            if criterion.id == key:
                return index, index + 1
            if key in (str(challenge.number), challenge.id):
                size = len(challenge.criteria)
                return index, index + size
        return None

    def _walk(self, index: int, stop: int | None = None) -> Outcome:
        """Ask from item `index` on, moving forward through `self.visit` (up to `stop`)."""
        end = len(self.items) if stop is None else stop
        shown: str | None = None
        while index < end:
            self.position = index
            challenge, criterion = self.items[index]
            if challenge.id != shown:
                count = len(self.model.challenges)
                self.term.show(view.heading(challenge, count, self.language))
                self.term.show(
                    view.keys(self.language, ascii_only=self.term.ascii_only, width=self.term.width)
                )
                shown = challenge.id
            _, number, size = self._place(index)
            answer = self.answers.get(criterion.id)
            self.term.show(
                view.question(
                    criterion, self.model, self.language, index=number, size=size, answer=answer
                )
            )
            step = self._ask(index)
            if step == "quit":
                return Outcome.QUIT
            if step == "back":
                if index == 0:
                    self._show(t("interview.first_question", self.language), "yellow")
                index = max(index - 1, 0)
                continue
            if step == "again":
                continue
            index += 1
            while index < end and index not in self.visit:
                index += 1
        self.position = None
        return Outcome.FINISHED

    def _prompt(self, index: int) -> str:
        challenge, number, size = self._place(index)
        self.term.show(
            view.progress(
                challenge,
                self.language,
                count=len(self.model.challenges),
                index=number,
                size=size,
                answered=self.answered(),
                total=len(self.items),
                ascii_only=self.term.ascii_only,
            )
        )
        if self.term.choose is None:
            return self.term.read("> ")
        _, criterion = self.items[index]
        answer = self.answers.get(criterion.id)
        levels = tuple(
            one_line(label.get(self.language)) for label in self.model.level_texts(criterion)
        )
        current = int(answer.level) if answer.level is not None else None
        hint = t("interview.prompt_keys", self.language)
        choice = Choice(
            "> ", levels, current, answer.note, view.ascii_text(hint, self.term.ascii_only)
        )
        return self.term.choose(choice)

    def _ask(self, index: int) -> str:
        """Read keys until one moves on: 'next', 'back' or 'quit'."""
        _, criterion = self.items[index]
        while True:
            command = parse_command(self._prompt(index))
            current = self.answers.get(criterion.id)
            if command.kind in ("back", "quit"):
                return command.kind
            if command.kind == "skip":
                self._show(t("interview.skipped", self.language), "dim")
                return "next"
            if command.kind == "clear":
                self._set(criterion.id, Answer("unanswered"))
                self._show(t("interview.cleared", self.language), "dim")
                return "next"
            if command.kind == "help":
                self.term.show(view.help_text(criterion, self.model, self.language))
                continue
            if command.kind == "keep":
                if current.state == "unanswered":
                    self._show(t("interview.hint_empty", self.language), "yellow")
                    continue
                summary = view.answer_summary(current, criterion, self.model, self.language)
                self._show(t("interview.kept", self.language, answer=summary), "dim")
                return "next"
            new = self._answer_for(command, current)
            if new is None:
                continue
            self._set(criterion.id, new)
            summary = view.answer_summary(new, criterion, self.model, self.language)
            self._show(t("interview.saved", self.language, answer=summary), "green")
            self._warn_below_minimum(criterion, new)
            self._evidence(criterion)
            if self._stay:  # the note was cut: the person may fix it before moving on
                self._stay = False
                return "again"
            return "next"

    def _evidence(self, criterion: Criterion) -> None:
        """At a terminal, after a level 3 or 4: the optional evidence prompts."""
        current = self.answers.get(criterion.id)
        if not self.term.interactive or current.level is None or current.level < EVIDENCE_LEVEL:
            return
        found = ask_evidence(
            self.term.read,
            lambda text: self._show(text, "yellow"),
            self.language,
            criterion,
            current,
            self._today(),
        )
        if found is not None:
            self._set(criterion.id, found)
            if (text := saved_text(criterion, found, self.language)) is not None:
                self._show(text, "green")

    def _warn_below_minimum(self, criterion: Criterion, answer: Answer) -> None:
        minimum = criterion.minimum_level
        if minimum is None or answer.state != "answered" or answer.level is None:
            return
        if answer.level < minimum:
            level = int(answer.level)
            warning = t("interview.below_minimum", self.language, level=level, minimum=minimum)
            self._show(warning, "bold red")

    def _answer_for(self, command: Command, current: Answer) -> Answer | None:
        """The answer a command gives, or None after telling the person what to fix."""
        if command.kind == "invalid":
            shown = one_line(command.text or "")
            shown = shown if len(shown) <= 20 else shown[:17] + "..."
            self._show(t("interview.hint", self.language, text=shown), "yellow")
            return None
        note = command.text
        if command.kind == "not_applicable" and note is not None and is_command_key(note):
            self._show(t("interview.reason_is_key", self.language, text=note), "yellow")
            return None
        if command.kind == "not_applicable" and note is None:
            keep = current.note if current.state == "not_applicable" else None
            note = self._ask_reason(keep)
            if note is None:
                self._show(t("interview.reason_cancelled", self.language), "yellow")
                return None
        if note is not None and len(note) > MAX_NOTE:
            kept = cut_note(note, MAX_NOTE)
            values = {"length": len(note), "limit": MAX_NOTE, "kept": len(kept)}
            self._show(t("interview.note_cut", self.language, **values), "yellow")
            note, self._stay = kept, True
        if command.kind == "not_applicable":
            return Answer("not_applicable", None, note)
        # the evidence and its dates stay with the criterion when its level changes
        return replace(
            current,
            state="answered",
            level=command.level,
            note=note if note is not None else current.note,
        )

    def _ask_reason(self, current: str | None) -> str | None:
        prompt = t("interview.reason_prompt", self.language)
        if current:
            prompt = f"{prompt} ({t('interview.enter_keeps', self.language, value=current)})"
        while True:
            reason = clean_note(self.term.read(one_line(prompt) + ": "))
            if reason is None or not is_command_key(reason):
                return reason or current
            self._show(t("interview.reason_is_key", self.language, text=reason), "yellow")

    def _set(self, criterion_id: str, answer: Answer) -> None:
        if self.answers.get(criterion_id) == answer:
            return
        answers = dict(self.answers.answers)
        answers[criterion_id] = answer
        self.answers = replace(self.answers, answers=answers, assessed_on=self._today())
        self.save()
