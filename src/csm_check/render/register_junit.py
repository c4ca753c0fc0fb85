"""The AI use-case register in JUnit XML: one case per registered system, named by its
place and kind so that CI servers track it from run to run. The register's errors (gate
reasons `ai_register`) fail the case of their system; its duties and warnings go to
system-out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from csm_check.i18n import t
from csm_check.render import RenderOptions
from csm_check.render.register_text import (
    duty_binds,
    duty_law,
    duty_when,
    finding_text,
    reviewed_text,
    severity_word,
    system_facts,
    system_name,
)
from csm_check.sanitize import one_line
from csm_check.scoring.results import GateReason, Scorecard

CLASSNAME = "csm-check.ai_register"


def register_cases(
    suite: ET.Element,
    card: Scorecard,
    options: RenderOptions,
    fail: Callable[[ET.Element, GateReason, RenderOptions], None],
) -> None:
    register = card.register
    if register is None:
        return
    language = options.language
    for entry in register.calendar:
        name = f"{entry.index + 1} {entry.kind.id}"
        attributes = {"classname": CLASSNAME, "name": name, "time": "0"}
        case = ET.SubElement(suite, "testcase", attributes)
        for reason in card.gate.reasons:
            if reason.finding is not None and reason.finding.index == entry.index:
                fail(case, reason, options)
        lines = [
            system_name(entry.use_case, entry.kind, language),
            system_facts(entry.use_case, language),
            reviewed_text(card.model, register, language),
        ]
        lines += [
            f"{duty_law(d, language)}: {duty_when(d, language)}; {duty_binds(d, language)}"
            for d in entry.duties
        ]
        findings = [f for f in register.findings if f.index == entry.index]
        lines += [
            f"{severity_word(f, language)}: {finding_text(f, language)}"
            for f in findings
            if f.severity == "warning"
        ]
        if not findings:
            lines.append(t("junit.register_ok", language))
        # one_line: XML 1.0 cannot carry control characters, which user text may hold.
        ET.SubElement(case, "system-out").text = "\n".join(one_line(line) for line in lines)
