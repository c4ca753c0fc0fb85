"""A team's answers files read and folded one at a time, in file order; many in parallel.

Each file is parsed, validated, added to every fold (`Folds.add`) and dropped, so that
memory grows with the criteria, not with the files. With `jobs` > 1, worker processes
each fold a consecutive run of files and the runs are merged in file order: the result,
and the order of the problems reported, are the same as with one process.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from csm_check.answers import AnswerSet, parse_answers
from csm_check.errors import CsmCheckError, InvalidInputError, Problem
from csm_check.i18n import message_language, messages_in
from csm_check.scoring.places import PlaceIndex
from csm_check.scoring.team import TeamFold
from csm_check.yamlio.read import STDIN, load_yaml

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from csm_check.model import Model

Progress = Callable[[int, int], None]  # files done so far, files in all
PARALLEL_FROM = 500  # files; below this, starting worker processes costs more than it saves
_RUN = 250  # files per run a worker folds: small enough for even work and steady progress
_PROGRESS_EVERY = 50  # files between progress reports in one process


class Folds:
    """Everything folded from a run of files. The one place a new fold is added: create it
    here, feed it in `add` and join two runs in `merge`."""

    def __init__(self, model: Model, locate: bool = True, on: dt.date | None = None) -> None:
        # `on`: the day a file without assessed_on is judged on (evidence that expires).
        self.team = TeamFold(model, on)
        # The places annotations name: only GitHub Actions shows them (see cli/github.py).
        self.places = PlaceIndex(model, on) if locate else None
        self.first: tuple[str, AnswerSet] | None = None
        self.count = 0
        self.warnings: list[str] = []
        self.problems: list[Problem] = []

    def add(self, path: str, answers: AnswerSet) -> None:
        if self.first is None:
            self.first = (path, answers)
        self.count += 1
        self.team.add(path, answers)
        if self.places is not None:
            self.places.add(path, answers)
        self.warnings.extend(answers.warnings)

    def merge(self, other: Folds) -> None:
        """Add the folds of the files that follow this run's."""
        if self.first is None:
            self.first = other.first
        self.count += other.count
        self.team.merge(other.team)
        if self.places is not None and other.places is not None:
            self.places.merge(other.places)
        self.warnings.extend(other.warnings)
        self.problems.extend(other.problems)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """Every usable core for a large team; one process otherwise."""
    return usable_cores() if files > PARALLEL_FROM else 1


def fold_files(
    files: list[Path],
    model: Model,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    locate: bool = True,
    on: dt.date | None = None,
) -> Folds:
    """Read, validate and fold every file; problems of all files are collected in file order
    (the caller raises them). `jobs` None: `default_jobs`; `locate`: also fold the places
    that annotations name; `on`: the day a file without assessed_on is judged on."""
    workers = default_jobs(len(files)) if jobs is None else jobs
    workers = min(workers, max(1, len(files) // _RUN))
    if any(str(path) == STDIN for path in files):
        workers = 1  # standard input belongs to this process
    with _collector_paused():
        if workers <= 1:
            return _fold_here(files, model, progress, locate, on)
        return _fold_in_workers(files, model, workers, progress, locate, on)


def _fold_here(
    files: list[Path], model: Model, progress: Progress | None, locate: bool, on: dt.date | None
) -> Folds:
    folds = Folds(model, locate, on)
    for done, path in enumerate(files, 1):
        _read_into(folds, path, model)
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, len(files))
    if progress is not None:
        progress(len(files), len(files))
    return folds


def _read_into(folds: Folds, path: Path, model: Model) -> None:
    try:
        answers = parse_answers(load_yaml(path, keep_going=True), model)
    except InvalidInputError as error:
        folds.problems.extend(error.problems)
    except CsmCheckError as error:
        folds.problems.append(
            Problem(error.path or str(path), error.line or 1, error.column or 1, error.message)
        )
    else:
        folds.add(str(path), answers)


def _fold_in_workers(
    files: list[Path],
    model: Model,
    workers: int,
    progress: Progress | None,
    locate: bool,
    on: dt.date | None,
) -> Folds:
    runs = [files[start : start + _RUN] for start in range(0, len(files), _RUN)]
    folds = Folds(model, locate, on)
    done = 0
    with _pool(workers, model, locate, on) as pool:
        for run, part in zip(runs, pool.imap(_fold_run, runs), strict=True):
            folds.merge(part)
            done += len(run)
            if progress is not None:
                progress(done, len(files))
    return folds


@contextmanager
def _pool(workers: int, model: Model, locate: bool, on: dt.date | None) -> Iterator[Pool]:
    import multiprocessing

    # fork: workers start in milliseconds with the model already loaded. Only from a
    # process with one thread, where forking is safe; else the platform's default.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if threading.active_count() > 1:
        method = None
    context = multiprocessing.get_context(method)
    pool = context.Pool(workers, _start_worker, (model, message_language(), locate, on))
    try:
        yield pool
        pool.close()
    finally:
        pool.terminate()
        pool.join()


_worker_model: Model | None = None
_worker_language = "en"
_worker_locates = True
_worker_day: dt.date | None = None


def _start_worker(model: Model, language: str, locate: bool, on: dt.date | None) -> None:
    global _worker_model, _worker_language, _worker_locates, _worker_day
    _worker_model, _worker_language, _worker_locates = model, language, locate
    _worker_day = on
    gc.disable()  # see _collector_paused; a worker lives only for this command


def _fold_run(paths: list[Path]) -> Folds:
    assert _worker_model is not None
    folds = Folds(_worker_model, _worker_locates, _worker_day)
    with messages_in(_worker_language):
        for path in paths:
            _read_into(folds, path, _worker_model)
    return folds


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading thousands of files creates millions of small objects and no reference
    cycles; the cyclic garbage collector would rescan the growing heap again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
