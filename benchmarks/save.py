"""Time of one interview save for a full answers file (every criterion answered, with notes).

Not a test: prints medians, the target and PASS/MISS.

    python benchmarks/save.py [--saves 400]

Two cases, as the interview saves: the first save of a new file (`dump_answers`, the whole
file) and a save after each answer into the file on disk (`update_answers_text`: edit the
changed value, read the result back to check it). Only the text is timed; writing it
(`atomic_write_text`: a temporary file, fsync, rename) depends on the disk and is shown
apart, without a target.

Target: <= 1 ms per save for both.
"""

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from csm_check.answers import Answer, AnswerSet
from csm_check.answers_edit import update_answers_text
from csm_check.answers_writer import dump_answers
from csm_check.atomicfile import atomic_write_text
from csm_check.frozen import replace
from csm_check.loading import load_model

TARGET_MS = 1.0


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--saves", type=int, default=400, help="saves per case (default 400)")
    saves = parser.parse_args().saves

    model = load_model()
    ids = model.criterion_ids()
    answers = {
        criterion: Answer("answered", index % 5, f"note {index}: owners set, reviewed quarterly")
        for index, criterion in enumerate(ids)
    }
    full = AnswerSet(
        model=model.id,
        organisation="Beispiel Service GmbH",
        respondent="Jana Muster",
        role="team lead",
        assessed_on=dt.date(2026, 11, 27),
        language="de",
        answers=answers,
    )
    text = dump_answers(full, model)

    first = [timed(lambda: dump_answers(full, model)) for _ in range(saves)]

    after_answer: list[float] = []
    current, state = text, full
    for step in range(saves):  # a session: each save edits the text the last one wrote
        criterion = ids[step % len(ids)]
        level = (state.answers[criterion].level or 0) + 1
        changed = {**state.answers, criterion: Answer("answered", level % 5, f"changed {step}")}
        state = replace(state, answers=changed)
        start = time.perf_counter()
        current = update_answers_text(current, state, model)
        after_answer.append((time.perf_counter() - start) * 1000)

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "answers.yaml"
        writes = [timed(lambda: atomic_write_text(target, current)) for _ in range(50)]

    print(f"full answers file: {len(ids)} criteria, {len(text.encode())} bytes; {saves} saves")
    print(f"{'save':<44}{'median ms':>10}{'target':>9}  verdict")
    misses = 0
    for name, values in (
        ("first save of a new file (dump_answers)", first),
        ("save after an answer (update_answers_text)", after_answer),
    ):
        median = statistics.median(values)
        verdict = "PASS" if median <= TARGET_MS else "MISS"
        misses += verdict == "MISS"
        print(f"{name:<44}{median:>10.3f}{f'<= {TARGET_MS:.1f}':>9}  {verdict}")
    print(f"{'writing the file (atomic, fsync; no target)':<44}{statistics.median(writes):>10.3f}")
    print(f"{misses} MISS" if misses else "all PASS")


if __name__ == "__main__":
    main()
