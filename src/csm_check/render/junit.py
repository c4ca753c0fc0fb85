"""JUnit XML for CI systems (GitLab, Jenkins, Azure DevOps), valid against Jenkins'
`junit-10.xsd` (tests/schemas/): one test case per challenge and one per knock-out criterion,
always present so that CI servers can track their history, and one failing case per gate
problem that belongs to neither (an overall threshold, a drop, a level without evidence).
A team whose files name roles adds one passing case per perception gap of 2 levels or more.
With an AI use-case register, one case per registered system (`csm-check.ai_register`),
failing on the register's errors, its calendar and warnings in system-out.

Every gate problem is exactly one failure, in exactly one case: a knock-out below its minimum
fails its knock-out case, not its challenge's too. Failures carry the reason's stable code
(as in the JSON report's `gate.reason_details`) as their `type`.

Built with xml.etree so every text and attribute is escaped by the library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from csm_check.i18n import t
from csm_check.render import RenderOptions
from csm_check.render.common import (
    gate_code,
    gate_reason,
    law_text,
    score_text,
    status_word,
)
from csm_check.render.evidence import stale_lines
from csm_check.sanitize import one_line
from csm_check.scoring.results import GateReason, Scorecard

SUITE = "csm-check"
KNOCKOUT_KINDS = ("blocker", "knockout_unanswered")
CHALLENGE_KINDS = ("challenge_below", "challenge_no_score")


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": name, "time": "0"})


def _fail(case: ET.Element, reason: GateReason, options: RenderOptions) -> None:
    message = gate_reason(reason, options.language)
    failure = ET.SubElement(case, "failure", {"message": message, "type": gate_code(reason)})
    failure.text = message


def _own_case(reason: GateReason) -> tuple[str, str] | None:
    """(classname, name) of the case a reason fails on its own; None for reasons that fail a
    challenge's or a knock-out's case."""
    if reason.kind in KNOCKOUT_KINDS or reason.kind in CHALLENGE_KINDS:
        return None
    if reason.kind == "ai_register":  # fails its system's case (render.register_junit)
        return None
    if reason.kind == "regression":
        return f"{SUITE}.drops", reason.challenge or "overall"
    if reason.kind == "evidence":
        return f"{SUITE}.evidence", reason.criterion or ""
    if reason.kind == "stale_evidence":
        return f"{SUITE}.fresh-evidence", reason.criterion or ""
    return f"{SUITE}.overall", gate_code(reason)


def _role_gaps(suite: ET.Element, card: Scorecard, options: RenderOptions) -> None:
    """Team roles: one passing case per criterion whose roles lie 2 levels or more apart, the
    roles named in its output. A finding to discuss, not a gate problem: it never fails."""
    roles = card.team.roles if card.team is not None else None
    if roles is None:
        return
    from csm_check.render.team_roles import role_label

    for means in roles.discuss_first:
        assert means.gap is not None
        gap = means.gap
        text = t(
            "roles.junit_gap",
            options.language,
            gap=score_text(gap.size, options.language),
            high=role_label(roles.groups[gap.high], options.language),
            low=role_label(roles.groups[gap.low], options.language),
        )
        case = _case(suite, f"{SUITE}.role-gaps", means.id)
        ET.SubElement(case, "system-out").text = one_line(text)


def render_junit(card: Scorecard, options: RenderOptions) -> str:
    language = options.language
    suites = ET.Element("testsuites", {"name": SUITE})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE})
    if card.answers.assessed_on:
        suite.set("timestamp", f"{card.answers.assessed_on.isoformat()}T00:00:00")
    reasons, warnings = card.gate.reasons, card.gate.warnings
    # Problems that fail no challenge or knock-out case get a case of their own, only when
    # there are any: a passing report holds exactly one case per challenge and knock-out.
    for reason in reasons:
        place = _own_case(reason)
        if place is not None:
            _fail(_case(suite, *place), reason, options)
    stale = stale_lines(card, language)
    for result in card.challenges:
        challenge = result.challenge
        # The name stays the same from run to run so CI servers can track the test's history.
        case = _case(suite, f"{SUITE}.challenges", f"{challenge.number} {challenge.id}")
        failing = [r for r in reasons if r.challenge == challenge.id and r.kind in CHALLENGE_KINDS]
        for reason in failing[:1]:  # a challenge has one minimum: at most one such reason
            _fail(case, reason, options)
        # one_line: XML 1.0 cannot carry control characters, which a custom model may hold.
        title = one_line(challenge.title.get(language))
        lines = [
            f"{title}: {score_text(result.score, language)} {status_word(result.status, language)}"
        ]
        lines += [
            t("cli.warning", language, reason=gate_reason(r, language))
            for r in warnings
            if r.challenge == challenge.id and r.kind in CHALLENGE_KINDS
        ]
        # Stale evidence is a note here; --require-fresh-evidence makes it a failure above.
        lines += [line for owner, line in stale if owner == challenge.id]
        ET.SubElement(case, "system-out").text = "\n".join(lines)
    upcoming = {r.criterion.id: r.days_until_binding for _, r in card.upcoming}
    for challenge, criterion in card.model.criteria():
        if criterion.minimum_level is None:
            continue
        case = _case(suite, f"{SUITE}.knockouts", criterion.id)
        failing = [r for r in reasons if r.kind in KNOCKOUT_KINDS and r.criterion == criterion.id]
        days = upcoming.get(criterion.id)
        if failing:
            _fail(case, failing[0], options)
        elif days is not None:  # its law binds only later: not yet a test to pass or fail
            key = "law.upcoming_item_one" if days == 1 else "law.upcoming_item"
            law = law_text(criterion.legal, language)
            message = t(key, language, criterion=criterion.id, law=law, days=days)
            ET.SubElement(case, "skipped", {"message": message})
        elif card.answers.get(criterion.id).state == "unanswered":
            skipped = t("junit.not_answered", language, challenge=challenge.id)
            ET.SubElement(case, "skipped", {"message": skipped})
    _role_gaps(suite, card, options)
    if card.register is not None:
        from csm_check.render.register_junit import register_cases

        register_cases(suite, card, options, _fail)
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    # junit-10.xsd allows no `skipped` on <testsuites>: only the three totals it knows.
    for key in ("tests", "failures", "errors"):
        suites.set(key, suite.get(key, "0"))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
