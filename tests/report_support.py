"""Helpers for the report tests: the example's scorecard, and models and answers poisoned with
hostile text in every place where user text reaches a report."""

from __future__ import annotations

from conftest import EXAMPLE
from csm_check.answers import Answer, AnswerSet
from csm_check.frozen import replace
from csm_check.i18n import Language
from csm_check.loading import load_answers, load_model
from csm_check.model import Model, Text
from csm_check.render import RenderOptions
from csm_check.scoring.compute import score
from csm_check.scoring.results import GateOptions, Scorecard

# Each one tries to break a table, open HTML, a link, an image, a heading, code or a list.
HOSTILE = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "| a | b |",
    "line1\n# heading",
    "```",
    "![i](http://x/y.png)",
    "</summary></details><img src=x onerror=alert(1)>",
    "<details open><summary>x",
    "1. item",
    "- item\n---",
    "> quote",
    "*emph* __strong__ ~~gone~~ `code`",
    "&lt;b&gt; &amp; &#60;",
    "<!-- comment",
    "http://example.com www.example.com <http://x>",
    "mail me@example.com or @everyone",
    "[^1] [ref]\n\n[ref]: http://x",
    "$x^2$ \\",
    "tab\there\r\nCR \x1b[31mred\x1b[0m \x07bell",
)


def example_answers(model: Model) -> AnswerSet:
    """The example's answers without its AI use-case register: the report tests and golden
    files pin the output of a file without one, which must stay byte for byte the same;
    the register's sections have their own tests (test_register_reports.py)."""
    return replace(load_answers(EXAMPLE, model), ai_use_cases=())


def example_card(model: Model | None = None, answers: AnswerSet | None = None) -> Scorecard:
    chosen = model or load_model()
    return score(chosen, answers or example_answers(chosen))


TEAM = sorted((EXAMPLE.parent / "team").glob("*.yaml"))


def team_card(gate: GateOptions | None = None) -> Scorecard:
    """examples/team/ scored as one team (paths as given relative to the repository)."""
    from csm_check.scoring.team import aggregate

    model = load_model()
    files = [(path.relative_to(EXAMPLE.parents[1]), load_answers(path, model)) for path in TEAM]
    answers, team = aggregate(model, files)
    return score(model, answers, team=team, gate=gate)


def options(language: Language, top: int = 5, chart_href: str | None = None) -> RenderOptions:
    return RenderOptions(language, top=top, chart_href=chart_href)


def poison_model(model: Model, text: str) -> Model:
    """Every model text that reaches a report replaced by `text` (a custom model is user input)."""
    both = Text({"en": text, "de": text})
    levels = tuple(level.model_copy(update={"label": both}) for level in model.scale.levels)
    challenges = tuple(
        challenge.model_copy(
            update={
                "title": both,
                "short_title": both,
                "criteria": tuple(
                    criterion.model_copy(update={"question": both, "next_step": both})
                    for criterion in challenge.criteria
                ),
            }
        )
        for challenge in model.challenges
    )
    scale = model.scale.model_copy(update={"levels": levels})
    return model.model_copy(update={"title": both, "scale": scale, "challenges": challenges})


def poison_answers(answers: AnswerSet, text: str) -> AnswerSet:
    """Organisation, respondent and a note on every answered or n/a criterion set to `text`."""
    notes = {
        key: answer if answer.state == "unanswered" else Answer(answer.state, answer.level, text)
        for key, answer in answers.answers.items()
    }
    return replace(answers, organisation=text, respondent=text, answers=notes)


def hostile_card(text: str) -> Scorecard:
    model = load_model()
    answers = example_answers(model)
    return example_card(poison_model(model, text), poison_answers(answers, text))
