"""The JSON report contract: one set of types that the JSON renderer fills and writes, that
baselines and comparisons read back, and that `csm-check schema report` describes.

Unknown keys are ignored when reading, so reports from newer versions still load; the keys
listed here are a contract (add, never rename). `score --format json` writes the same data
as plain dicts (`render.json_format.report_data`) and creates none of these classes; code
that compares reports gets them from that data with `construct_report` (`model_construct`:
the values come from a Scorecard, already valid), and `to_data` gives the data back, in field
order, so neither path pays for a validation schema.
"""

import types
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from csm_check.errors import InvalidInputError
from csm_check.i18n import msg
from csm_check.i18n.field import LanguageCode
from csm_check.model import Model
from csm_check.validation import problems_from
from csm_check.yamlio.read import YamlDocument

StatusName = Literal["ready", "developing", "at_risk", "insufficient_data", "no_data"]
# Numbers read back from a report are checked for range: NaN, infinities, negative or huge
# values must not switch off the regression gate or crash rounding (issue 9).
ScoreValue = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
WholeLevel = Annotated[int, Field(ge=0, le=4)]
MeanLevel = Annotated[float, Field(ge=0, le=4, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Weight = Annotated[float, Field(gt=0, le=1e6, allow_inf_nan=False)]
Priority = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data in field order; a part that is absent (None with a None default,
        such as `team`) is left out, as the contract says."""
        data: dict[str, Any] = {}
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if value is None and field.default is None and not field.is_required():
                continue
            data[name] = _data(value)
        return data


def _data(value: Any) -> Any:
    if isinstance(value, _Part):
        return value.to_data()
    if isinstance(value, list):
        return [_data(item) for item in value]
    return value


class ReportModelRef(_Part):
    id: str
    title: str


class ReportOverall(_Part):
    score: ScoreValue | None
    status: StatusName
    answered: Count
    total: Count
    coverage: Percent = Field(description="Criteria answered or n/a, in percent.")


class ReportCriterion(_Part):
    id: str
    state: Literal["answered", "not_applicable", "unanswered"]
    level: WholeLevel | MeanLevel | None  # int as answered; a team's mean level is a float
    score: ScoreValue | None
    note: str | None
    # Evidence that expires: present only when the answer carries evidence fields.
    evidence: str | None = Field(None, description="What shows the level (text or a link).")
    checked_on: str | None = Field(None, description="ISO date the evidence was last checked.")
    review_by: str | None = Field(None, description="ISO date given for the next review.")
    review_due: str | None = Field(
        None, description="ISO date the review is due: review_by, else checked_on + review_months."
    )
    stale: bool | None = Field(
        None, description="The review date passed before the day judged; `level` is then capped."
    )
    claimed_level: WholeLevel | None = Field(
        None, description="For a stale answer: the level the file gives (`level` is what counts)."
    )


class ReportChallenge(_Part):
    id: str
    number: Count
    title: str
    weight: Weight
    score: ScoreValue | None
    status: StatusName
    answered: Count
    total: Count
    blockers: list[str]
    criteria: list[ReportCriterion]


class ReportNextStep(_Part):
    rank: Count
    criterion: str
    challenge: str
    level: WholeLevel | MeanLevel
    target: WholeLevel
    priority: Priority
    blocker: bool
    action: str
    why: str


GateCode = Literal[
    "knock_out",
    "knock_out_unanswered",
    "fail_under",
    "fail_under_no_score",
    "incomplete",
    "evidence_missing",
    "challenge_minimum",
    "challenge_minimum_no_score",
    "drop",
    "stale_evidence",
    "ai_register",
]


class ReportGateDetail(_Part):
    """One gate reason or warning for programs: a stable code, the ids and numbers involved,
    and the translated message (the same text as in `reasons` / `warnings`)."""

    code: GateCode = Field(
        description=(
            "Stable code: knock_out (a knock-out criterion below its minimum), "
            "knock_out_unanswered (a knock-out in force left unanswered), fail_under (overall "
            "score below --fail-under), fail_under_no_score (no overall score to compare), "
            "incomplete (criteria unanswered under --require-complete; see count), "
            "evidence_missing (level >= 3 without a note), challenge_minimum (a challenge "
            "below its minimum in csm-check.yaml), challenge_minimum_no_score, drop (a drop "
            "against --baseline larger than --max-drop; challenge null: the overall score), "
            "stale_evidence (an answer's evidence review date passed, under "
            "--require-fresh-evidence; score: the level claimed, review_due: the date), "
            "ai_register (an error finding of the AI use-case register; see "
            "register_findings)."
        )
    )
    criterion: str | None = Field(description="Criterion id, for knock_out* and evidence_missing.")
    challenge: str | None = Field(description="Challenge id, where the reason has one.")
    score: float | None = Field(
        description="The score (or, for evidence_missing, the level) that failed; null if none."
    )
    threshold: float | None = Field(
        description="--fail-under, the challenge minimum, or --max-drop for drop."
    )
    previous: float | None = Field(description="The baseline's score, for drop.")
    count: Count | None = Field(description="Criteria unanswered, for incomplete.")
    level: WholeLevel | MeanLevel | None = Field(
        description="The criterion's level (a team's mean) for knock_out; else null."
    )
    minimum: WholeLevel | None = Field(description="The knock-out's minimum level, for knock_out*.")
    review_due: str | None = Field(
        None, description="For stale_evidence: the ISO date the review was due."
    )
    message: str = Field(description="The reason in the report's language.")


class ReportGate(_Part):
    passed: bool
    reasons: list[str]
    warnings: list[str] = Field(default_factory=list, description="Challenge minimums at warn.")
    reason_details: list[ReportGateDetail] = Field(
        default_factory=list, description="`reasons` with codes and data, in the same order."
    )
    warning_details: list[ReportGateDetail] = Field(
        default_factory=list, description="`warnings` with codes and data, in the same order."
    )


class ReportLegal(_Part):
    cite: str
    applies_from: str = Field(description="ISO date from which the duty binds.")
    binds: str | None


class ReportKnockout(_Part):
    """A knock-out criterion (a legal must) and where it stands."""

    criterion: str
    challenge: str
    minimum: int
    state: Literal["met", "blocking", "unanswered", "not_applicable", "upcoming"]
    days_until_binding: int | None = Field(description="Set when the law binds only later.")
    legal: list[ReportLegal]


class ReportRespondent(_Part):
    file: str
    organisation: str | None
    respondent: str | None
    language: str | None
    assessed_on: str | None
    role: str | None = Field(
        None, description="Team roles: the id of the role group shown for this respondent."
    )


class ReportNote(_Part):
    respondent: str | None = Field(
        description="The file's `respondent`, else its file name; null when the respondent's "
        "role group is below the minimum group size (the note is then from `other`)."
    )
    note: str


class ReportStale(_Part):
    """A respondent's answer whose evidence review date had passed (capped before the mean)."""

    respondent: str
    claimed_level: WholeLevel
    review_due: str = Field(description="ISO date the review was due.")


class ReportSpread(_Part):
    id: str
    challenge: str
    mean: MeanLevel | None
    min: WholeLevel | None
    max: WholeLevel | None
    answered: Count
    not_applicable: Count
    disagreement: bool = Field(description="Answers spread by 2 levels or more.")
    notes: list[ReportNote] = Field(
        default_factory=list, description="Each respondent's note on the criterion."
    )
    stale: list[ReportStale] | None = Field(
        None, description="Respondents whose evidence was due for review; absent when none."
    )


# --- team roles (issue 14): present only when an answers file of the team names a role ---
class ReportRoleGroup(_Part):
    id: str = Field(
        description="A suggested role's English key, a free-text role casefolded, "
        "'other' (groups below the minimum size) or 'none' (no role given)."
    )
    kind: Literal["suggested", "free", "other", "none"]
    label: str = Field(description="The group's name in the report's language.")
    respondents: Count
    shown: bool = Field(description="False: 'other' below the minimum size, means withheld.")


class ReportRoleGap(_Part):
    high: str = Field(description="Id of the group with the highest mean.")
    low: str = Field(description="Id of the group with the lowest mean.")
    size: MeanLevel = Field(description="Highest minus lowest mean, in levels.")


class ReportRoleMeans(_Part):
    id: str = Field(description="Challenge or criterion id.")
    means: dict[str, MeanLevel | None] = Field(description="Mean level by group id.")
    gap: ReportRoleGap | None = Field(description="Null with fewer than two groups' means.")


class ReportRoles(_Part):
    min_group: Annotated[int, Field(ge=1)] = Field(description="Minimum group size.")
    groups: list[ReportRoleGroup]
    challenges: list[ReportRoleMeans]
    criteria: list[ReportRoleMeans]
    discuss_first: list[str] = Field(description="Criterion ids whose gap is 2 levels or more.")


class ReportTeam(_Part):
    """Present when several answers files were scored as one team."""

    respondents: list[ReportRespondent]
    languages: dict[str, Count] = Field(description="Respondents per answers-file language.")
    criteria: list[ReportSpread]
    discuss_first: list[str] = Field(description="Criterion ids to discuss first.")
    roles: ReportRoles | None = Field(
        None, description="Mean level by role and perception gaps, when roles were given."
    )


class ReportAiUseCase(_Part):
    """An entry of the answers file's AI use-case register."""

    kind: str
    title: str = Field(description="The kind's title in the report's language.")
    name: str | None
    status: Literal["planned", "pilot", "live"]
    since: str | None = Field(description="ISO date.")
    vendor: str | None
    built_or_branded: bool


class ReportDuty(_Part):
    cite: str
    applies_from: str = Field(description="ISO date from which the duty binds.")
    binds: list[Literal["provider", "deployer", "employer", "controller"]]
    yours: list[Literal["provider", "deployer", "employer", "controller"]] = Field(
        description="The roles in which it binds the organisation; empty: the vendor's duty "
        "(a provider duty of a system not built or branded by the organisation)."
    )
    in_force: bool = Field(description="In force on legal_calendar.judged_on.")
    days_left: int | None = Field(description="Days from judged_on until it binds; else null.")
    prohibited: bool
    todo: str
    criteria: list[str] = Field(description="Criteria of the model that cover the duty.")


class ReportCalendarEntry(_Part):
    use_case: Count = Field(description="Index of the entry in ai_use_cases, from 0.")
    kind: str
    status: Literal["planned", "pilot", "live"]
    duties: list[ReportDuty]


class ReportLegalCalendar(_Part):
    """The duties of each AI system on the day judged (assessed_on, else the day scored)."""

    judged_on: str
    legal_reviewed_on: str | None = Field(description="When the model's law was last checked.")
    entries: list[ReportCalendarEntry]


class ReportRegisterFinding(_Part):
    code: Literal[
        "prohibited_practice", "not_applicable_contradicts_register", "duty_not_covered"
    ] = Field(
        description="prohibited_practice (a banned kind of AI in the register), "
        "not_applicable_contradicts_register (a criterion covering a live or pilot system's "
        "duty answered n/a), duty_not_covered (a duty in force whose criterion is below the "
        "level it needs)."
    )
    severity: Literal["error", "warning"] = Field(description="error fails the gate.")
    use_case: Count = Field(description="Index of the entry in ai_use_cases, from 0.")
    kind: str
    criterion: str | None
    cite: str
    message: str


class Report(_Part):
    """A csm-check JSON report (`csm-check score FILE --format json`)."""

    schema_version: Literal[1]
    tool: Literal["csm-check"]
    version: str
    model: ReportModelRef
    language: LanguageCode
    organisation: str | None
    respondent: str | None
    assessed_on: str | None
    overall: ReportOverall
    challenges: list[ReportChallenge]
    next_steps: list[ReportNextStep]
    gate: ReportGate
    knockouts: list[ReportKnockout] = Field(default_factory=list)
    notices: list[str] = Field(
        default_factory=list, description="Things a reader must know, e.g. an overdue legal review."
    )
    team: ReportTeam | None = None
    ai_use_cases: list[ReportAiUseCase] | None = Field(
        default=None, description="The AI use-case register; absent when the answers have none."
    )
    legal_calendar: ReportLegalCalendar | None = None
    register_findings: list[ReportRegisterFinding] | None = None


def construct_report(data: dict[str, Any]) -> Report:
    """`data` (as `render.json_format.report_data` gives it) as a Report, unvalidated."""
    return _construct(Report, data)


_PartT = typing.TypeVar("_PartT", bound=_Part)


def _construct(cls: type[_PartT], data: dict[str, Any]) -> _PartT:
    values = {}
    for name, value in data.items():
        part = _part_of(cls.model_fields[name].annotation)
        if part is not None and part is not ReportNote:  # notes stay dicts, see json_format
            if isinstance(value, dict):
                value = _construct(part, value)
            elif isinstance(value, list):
                value = [_construct(part, item) for item in value]
        values[name] = value
    return typing.cast(_PartT, cls.model_construct(**values))


def _part_of(annotation: Any) -> type[_Part] | None:
    """The report part a field holds (`X`, `X | None`, `list[X]`), else None."""
    if isinstance(annotation, type) and issubclass(annotation, _Part):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            part = _part_of(arg)
            if part is not None:
                return part
    return None


def is_report(document: YamlDocument) -> bool:
    """A JSON report says so in its `tool` key; anything else is treated as an answers file."""
    return isinstance(document.data, dict) and document.data.get("tool") == "csm-check"


def parse_report(document: YamlDocument, model: Model) -> Report:
    """Validate a JSON report read back for `model`; a report of another model is refused,
    since scores of different models are not comparable."""
    try:
        report = Report.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInputError(problems_from(document, error, Report.model_fields)) from None
    if report.model.id != model.id:
        raise InvalidInputError(
            [
                document.problem(
                    ("model", "id"),
                    msg("err.report_model_mismatch", found=report.model.id, model=model.id),
                    msg("err.report_model_mismatch.hint"),
                )
            ]
        )
    return report
