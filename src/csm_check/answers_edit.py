"""Saving answers into an existing file without touching anything else in it.

`update_answers_text` changes only the values that differ: it replaces the value span of a
changed answer (or header key) using the positions of PyYAML's composed nodes, and inserts a
missing answer after the closest earlier criterion in model order (a missing header key
before `answers:`). A changed AI use-case register replaces the `ai_use_cases:` block as a
whole (or is inserted before `answers:`). Every other byte stays: the user's comments, the
template's question comments, blank lines, key order, quoting.

Values are written as `answers_writer` writes them (free text always double-quoted). The
result is read back and compared with what was meant to be saved; when a file is shaped in a
way this editor does not handle (no `answers` mapping yet, flow style at the top), or the
read-back differs, the whole file is written by `dump_answers` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from csm_check.answers import Answer, AnswerSet, parse_answers
from csm_check.answers_writer import answer_lines, answer_value, dump_answers, use_case_lines
from csm_check.errors import CsmCheckError
from csm_check.model import Model
from csm_check.yamlio.read import YamlDocument, parse_yaml
from csm_check.yamlio.write import plain_or_quoted, quote

_HEADER = (
    "schema_version",
    "model",
    "organisation",
    "respondent",
    "role",
    "assessed_on",
    "language",
)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def _header_value(answers: AnswerSet, key: str, model: Model) -> str:
    if key == "schema_version":
        return str(answers.schema_version)
    if key == "model":
        return plain_or_quoted(answers.model or model.id)
    if key in ("organisation", "respondent", "role"):
        value = getattr(answers, key)
        return "" if value is None else quote(value)
    if key == "assessed_on":
        return answers.assessed_on.isoformat() if answers.assessed_on else ""
    return answers.language or ""


def _end(node: yaml.Node) -> int:
    """Where a value ends in the text: for a block collection, the end of its last scalar
    (its own end mark lies after the comments and blank lines that follow it)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.index)
    if isinstance(node, yaml.MappingNode) and node.value:
        return _end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _end(node.value[-1])
    return int(node.end_mark.index)


def _replace(text: str, value: yaml.Node, new: str) -> _Edit:
    start, end = int(value.start_mark.index), _end(value)
    if start == end:  # an empty value: right after the colon
        return _Edit(start, end, f" {new}" if new else "")
    if not new:  # drop the value and the blanks before it on its line
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return _Edit(start, end, new)


def _line_end(text: str, index: int) -> int:
    """The index just after the line break of the line holding `index` (or the text's end)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _entry(key: str, value: str, indent: int) -> str:
    return " " * indent + (f"{key}: {value}" if value else f"{key}:") + "\n"


def _answer_entry(criterion_id: str, answer: Answer, indent: int) -> str:
    """An answer's lines as `dump_answers` writes them (a long note folded in the block
    form), at the indentation of the file's answers: the interview, the form and `template`
    write the same bytes for the same answers."""
    lines = answer_lines(plain_or_quoted(criterion_id), answer)  # at the writer's 2 spaces
    return "".join(" " * indent + line[2:] + "\n" for line in lines)


def _plan(text: str, root: yaml.Node, old: AnswerSet, new: AnswerSet, model: Model) -> list[_Edit]:
    """The edits that turn `text` (holding `old`) into a file holding `new`; raises
    LookupError when the file's shape needs a full rewrite."""
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise LookupError("not a block mapping")
    top = {str(k.value): (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    if "answers" not in top:
        raise LookupError("no answers mapping yet")
    answers_key, answers_node = top["answers"]
    edits: list[_Edit] = []
    for key in _HEADER:
        wanted = _header_value(new, key, model)
        if key in top:
            if _header_value(old, key, model) != wanted:
                edits.append(_replace(text, top[key][1], wanted))
        elif _header_value(old, key, model) != wanted:
            at = _line_start(text, int(answers_key.start_mark.index))
            edits.append(_Edit(at, at, _entry(key, wanted, answers_key.start_mark.column)))
    if old.ai_use_cases != new.ai_use_cases:
        edits.append(_register_edit(text, top, answers_key, new))
    changed = [c.id for _, c in model.criteria() if old.get(c.id) != new.get(c.id)]
    if not changed:
        return edits
    if isinstance(answers_node, yaml.ScalarNode) and answers_node.value == "":
        raise LookupError("answers mapping is empty")  # nothing to place entries by
    if not isinstance(answers_node, yaml.MappingNode) or not answers_node.value:
        raise LookupError("answers is not a mapping with entries")
    entries = {
        str(k.value): (k, v) for k, v in answers_node.value if isinstance(k, yaml.ScalarNode)
    }
    order = [c.id for _, c in model.criteria()]
    indent = min(int(k.start_mark.column) for k, _ in answers_node.value)
    for criterion_id in changed:
        if criterion_id in entries:
            key_node, node = entries[criterion_id]
            column = int(key_node.start_mark.column)
            entry = _answer_entry(criterion_id, new.get(criterion_id), column)
            if answers_node.flow_style:  # `answers: {a: 2}`: the value, on its one line
                edits.append(_replace(text, node, answer_value(new.get(criterion_id))))
                continue
            # the whole entry, key and value: a block mapping may become one line and back
            edits.append(_Edit(int(key_node.start_mark.index), _end(node), entry[column:-1]))
            continue
        if answers_node.flow_style:
            raise LookupError("cannot insert into a flow mapping")
        earlier = [c for c in order[: order.index(criterion_id)] if c in entries]
        if earlier:
            at = _line_end(text, _end(entries[earlier[-1]][1]))
        else:
            first = min(answers_node.value, key=lambda kv: int(kv[0].start_mark.index))[0]
            at = _line_start(text, int(first.start_mark.index))
        line = _answer_entry(criterion_id, new.get(criterion_id), indent)
        if at == len(text) and text and not text.endswith("\n"):
            line = "\n" + line
        edits.append(_Edit(at, at, line))
    return edits


def _register_edit(
    text: str,
    top: Mapping[str, tuple[yaml.Node, yaml.Node]],
    answers_key: yaml.Node,
    new: AnswerSet,
) -> _Edit:
    """The `ai_use_cases:` block rewritten as a whole (comments inside it are not kept),
    or inserted before `answers:`; an empty register removes the block."""
    if int(answers_key.start_mark.column) != 0:
        raise LookupError("top-level keys are indented")
    block = "".join(line + "\n" for line in use_case_lines(new.ai_use_cases))
    if "ai_use_cases" in top:
        key, value = top["ai_use_cases"]
        start = _line_start(text, int(key.start_mark.index))
        return _Edit(start, _line_end(text, _end(value)), block)
    at = _line_start(text, int(answers_key.start_mark.index))
    return _Edit(at, at, block)


def _ordered(edits: list[_Edit]) -> list[_Edit]:
    """Edits by position; applied from the back, same-place inserts keep their planned order."""
    indexed = sorted(enumerate(edits), key=lambda item: (item[1].start, item[0]))
    return [edit for _, edit in indexed]


def _same(one: AnswerSet, other: AnswerSet, model: Model) -> bool:
    """Whether two answer sets save the same: header values and every criterion's answer."""
    return (
        all(_header_value(one, key, model) == _header_value(other, key, model) for key in _HEADER)
        and one.ai_use_cases == other.ai_use_cases
        and all(one.get(c.id) == other.get(c.id) for _, c in model.criteria())
    )


def update_answers_text(text: str | None, answers: AnswerSet, model: Model) -> str:
    """The file's new text: `text` with only the changed values edited (see the module
    docstring), or the whole file from `dump_answers` when there is no file or its shape
    needs a rewrite."""
    if text is None:
        return dump_answers(answers, model)
    try:
        document, old = _read(text, model)
        edits = _plan(text, document.root, old, answers, model)
    except (CsmCheckError, LookupError):
        return dump_answers(answers, model)
    result = text
    for edit in reversed(_ordered(edits)):
        result = result[: edit.start] + edit.text + result[edit.end :]
    try:
        if _same(_read(result, model)[1], answers, model):
            return result
    except CsmCheckError:
        pass
    return dump_answers(answers, model)


# The last text read back, with what it holds: an interview saves after every answer, and
# the text it edits next is the one read back at the previous save, so one parse per save
# is enough (a full file takes about 0.7 ms to parse).
_last_read: list[tuple[str, Model, YamlDocument, AnswerSet]] = []


def _read(text: str, model: Model) -> tuple[YamlDocument, AnswerSet]:
    for seen, seen_model, document, parsed in _last_read:
        if seen_model is model and seen == text:
            return document, parsed
    document = parse_yaml(text, "answers")
    parsed = parse_answers(document, model)
    _last_read[:] = [(text, model, document, parsed)]
    return document, parsed
