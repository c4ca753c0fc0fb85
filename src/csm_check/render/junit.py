"""JUnit XML for CI systems (GitLab, Jenkins, Azure DevOps): one test case per challenge and
one per knock-out criterion, plus one "overall" case when the gate fails for a reason that
belongs to no challenge (e.g. --fail-under); failures carry the reason.

Built with xml.etree so every text and attribute is escaped by the library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from csm_check.i18n import t
from csm_check.render import RenderOptions
from csm_check.render.common import gate_reason, score_text, status_word
from csm_check.sanitize import one_line
from csm_check.scoring.results import GateReason, Scorecard

SUITE = "csm-check"


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": name, "time": "0"})


def _fail(
    case: ET.Element, reasons: list[GateReason], options: RenderOptions, *, warn: bool
) -> None:
    messages = [gate_reason(reason, options.language) for reason in reasons]
    if not warn:
        failure = ET.SubElement(case, "failure", {"message": messages[0], "type": "gate"})
        failure.text = "\n".join(messages)
    else:
        out = case.find("system-out")
        if out is None:
            out = ET.SubElement(case, "system-out")
        lines = [t("cli.warning", options.language, reason=message) for message in messages]
        out.text = "\n".join([out.text or "", *lines])


def render_junit(card: Scorecard, options: RenderOptions) -> str:
    language = options.language
    suites = ET.Element("testsuites", {"name": SUITE})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE})
    if card.answers.assessed_on:
        suite.set("timestamp", f"{card.answers.assessed_on.isoformat()}T00:00:00")
    reasons, warnings = card.gate.reasons, card.gate.warnings
    # Reasons that belong to no challenge (--fail-under, --require-complete, an overall drop)
    # get a test case of their own, only when there are any: a passing report holds exactly
    # one case per challenge and per knock-out criterion.
    overall_reasons = [r for r in reasons if r.challenge is None and r.criterion is None]
    if overall_reasons:
        _fail(_case(suite, f"{SUITE}.overall", "overall"), overall_reasons, options, warn=False)
    for result in card.challenges:
        challenge = result.challenge
        # The name stays the same from run to run so CI servers can track the test's history.
        case = _case(suite, f"{SUITE}.challenges", f"{challenge.number} {challenge.id}")
        # one_line: XML 1.0 cannot carry control characters, which a custom model may hold.
        title = one_line(challenge.title.get(language))
        summary = f"{title}: {score_text(result.score, language)} "
        ET.SubElement(case, "system-out").text = summary + status_word(result.status, language)
        failing = [r for r in reasons if r.challenge == challenge.id]
        warned = [r for r in warnings if r.challenge == challenge.id]
        if failing:
            _fail(case, failing, options, warn=False)
        elif warned:
            _fail(case, warned, options, warn=True)
    for challenge, criterion in card.model.criteria():
        if criterion.minimum_level is None:
            continue
        case = _case(suite, f"{SUITE}.knockouts", criterion.id)
        failing = [r for r in reasons if r.kind == "blocker" and r.criterion == criterion.id]
        if failing:
            _fail(case, failing, options, warn=False)
        elif card.answers.get(criterion.id).state == "unanswered":
            skipped = t("junit.not_answered", language, challenge=challenge.id)
            ET.SubElement(case, "skipped", {"message": skipped})
    cases = suite.findall("testcase")
    for case in cases:  # the JUnit schema wants failure/skipped before system-out
        case[:] = sorted(case, key=lambda child: child.tag == "system-out")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    for key in ("tests", "failures", "errors", "skipped"):
        suites.set(key, suite.get(key, "0"))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
