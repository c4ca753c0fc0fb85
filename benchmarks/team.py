"""Team scoring at scale: N answers files scored as one team.

Not a test. Generates realistic answers files in a temporary folder, runs
`csm-check score FOLDER -o FILE` in fresh processes (interleaved, several runs, medians) and
prints against the targets of issue 13, each with PASS or MISS:

- parsing an answers file (read, YAML, validation) <= 1.5x the libyaml compose floor,
  both measured here in this process on the same files (CPU time, medians);
- peak resident memory < 100 MB at the largest size (50,000 files by default);
- aggregation linear: files/s at the largest size >= 0.8x files/s at 10,000;
- --jobs 2 >= 1.6x faster than --jobs 1 at 10,000 files (on 2 idle cores);
- 10,000 files named on the command line cost <= 1.1x a folder of them.

Start-up (scoring one file) is measured and reported separately and taken out of files/s.
The targets are about reading and folding a team, so the default report is the table (a
page, whatever the team's size). JSON, Markdown and HTML list every respondent and note: with
`--format json` the report itself is 94 MB at 50,000 files, and its rendering (one process)
and memory follow that size.
Output goes to files, never to pipes (no deadlock however much is written).

    python benchmarks/team.py                       # 1,000 / 10,000 / 50,000 files, 3 runs
    python benchmarks/team.py --sizes 1000,10000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from csm_check.loading import load_model

NOTES = ("owners set, reviews quarterly", "pilot in one team", "Betriebsrat informiert", "")
PARSE_RATIO = 1.5
PEAK_MB = 100.0
SPEEDUP = 1.6
LINEAR = 0.8
ARGS_RATIO = 1.1


def write_files(folder: Path, count: int, seed: int = 7) -> None:
    """Answers files like real ones: most criteria answered, some notes, some n/a, some empty."""
    rng = random.Random(seed)
    ids = load_model().criterion_ids()
    for index in range(count):
        lines = [
            "schema_version: 1",
            "model: csm-2026",
            "organisation: Beispiel Service GmbH",
            f"respondent: Person {index}",
            "assessed_on: 2026-11-27",
            "language: de",
            "answers:",
        ]
        for criterion in ids:
            roll = rng.random()
            if roll < 0.1:
                lines.append(f"  {criterion}:")
            elif roll < 0.13:
                lines.append(f'  {criterion}: {{level: n/a, note: "not used here"}}')
            elif roll < 0.4:
                note = rng.choice(NOTES) or "measured monthly"
                lines.append(f'  {criterion}: {{level: {rng.randint(0, 4)}, note: "{note}"}}')
            else:
                lines.append(f"  {criterion}: {rng.randint(0, 4)}")
        (folder / f"answers-{index:05d}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


FORMAT = ["table"]  # --format


def run(arguments: list[str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MB, the largest process) and CPU seconds (all
    processes) of one scoring run."""
    command = [sys.executable, "-m", "csm_check", "score", *arguments, "-f", FORMAT[0]]
    command += ["-o", str(out)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"csm-check failed: {errors.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # maxrss: KiB


def cpu_per_file(action: Callable[[Path], object], files: list[Path]) -> float:
    start = time.process_time()
    for path in files:
        action(path)
    return (time.process_time() - start) / len(files) * 1e6


def floors(folder: Path, runs: int) -> dict[str, float]:
    """Microseconds per file in this process: read bytes, libyaml compose with a cached
    resolver, and csm-check's own parse (read, YAML, validation); medians of interleaved runs."""
    import gc

    from csm_check.answers import parse_answers
    from csm_check.yamlio.read import load_yaml

    model = load_model()
    files = sorted(folder.iterdir())[:1000]
    cache: dict[tuple[str, tuple[bool, bool]], str] = {}

    class CachedResolver(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is yaml.ScalarNode and implicit[0]:
                key = (value, implicit)
                if key not in cache:
                    cache[key] = super().resolve(kind, value, implicit)
                return cache[key]
            return str(super().resolve(kind, value, implicit))

    def compose(path: Path) -> None:
        loader = CachedResolver(path.read_bytes())
        loader.get_single_node()
        loader.dispose()

    actions: dict[str, Callable[[Path], object]] = {
        "read": Path.read_bytes,
        "compose": compose,
        "csm-check": lambda path: parse_answers(load_yaml(path, keep_going=True), model),
    }
    found: dict[str, list[float]] = {name: [] for name in actions}
    gc.disable()
    for _ in range(max(runs, 5)):
        for name, action in actions.items():
            found[name].append(cpu_per_file(action, files))
    gc.enable()
    return {name: statistics.median(values) for name, values in found.items()}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated file counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--format", default="table", help="report format scored to a file")
    options = parser.parse_args()
    FORMAT[0] = options.format
    sizes = [int(size) for size in options.sizes.split(",")]
    runs = options.runs
    cores = len(os.sched_getaffinity(0))
    print(f"machine: {cores} usable cores, Python {sys.version.split()[0]}, {runs} runs, medians")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        out = root / "report.json"
        first = root / "one"
        first.mkdir()
        write_files(first, 1)
        startup = statistics.median(run([str(next(first.iterdir()))], out)[0] for _ in range(runs))
        print(f"start-up (scoring one file): {startup * 1000:.0f} ms, taken out of files/s below")
        for count in sizes:
            folder = root / f"team-{count}"
            folder.mkdir()
            write_files(folder, count)
            if count == min(sizes):
                floor = floors(folder, runs)
            measured: dict[str, list[tuple[float, float, float]]] = {"1": [], "2": []}
            for _ in range(runs):  # interleaved, so that a busy moment hits both alike
                for jobs in measured:
                    measured[jobs].append(run([str(folder), "--jobs", jobs], out))
            row: dict[str, float] = {}
            for jobs, values in measured.items():
                row[f"wall{jobs}"] = statistics.median(v[0] for v in values)
                row[f"peak{jobs}"] = max(v[1] for v in values)
                row[f"cpu{jobs}"] = statistics.median(v[2] for v in values)
                row[f"rate{jobs}"] = count / max(row[f"wall{jobs}"] - startup, 1e-9)
            if count == 10000:
                names = sorted(str(p) for p in folder.iterdir())
                args = [run([*names, "--jobs", "1"], out) for _ in range(runs)]
                row["args"] = statistics.median(a[0] for a in args)
                row["args_cpu"] = statistics.median(a[2] for a in args)
            row["report"] = out.stat().st_size / 2**20
            results[count] = row
            shutil_rmtree(folder)
    print()
    print("per file, in this process (CPU time):")
    ratio = floor["csm-check"] / floor["compose"]
    print(f"  read bytes              {floor['read']:8.1f} us")
    print(f"  libyaml compose floor   {floor['compose']:8.1f} us (cached resolver)")
    print(
        f"  csm-check parse         {floor['csm-check']:8.1f} us = {ratio:.2f}x the compose floor"
    )
    print()
    print(f"--format {FORMAT[0]}, -o FILE")
    print(
        f"{'files':>7} {'jobs':>4} {'seconds':>8} {'CPU s':>8} {'files/s':>8} {'peak MB':>8}"
        f" {'report MB':>9}"
    )
    for count, row in results.items():
        for jobs in ("1", "2"):
            print(
                f"{count:>7} {jobs:>4} {row[f'wall{jobs}']:8.2f} {row[f'cpu{jobs}']:8.2f}"
                f" {row[f'rate{jobs}']:8.0f}"
                f" {row[f'peak{jobs}']:8.1f} {row['report']:9.1f}"
            )
    print()
    print("targets:")
    print(f"  parse <= {PARSE_RATIO}x compose floor: {ratio:.2f}x  {verdict(ratio <= PARSE_RATIO)}")
    largest = max(results)
    peak = max(results[largest]["peak1"], results[largest]["peak2"])
    print(
        f"  peak < {PEAK_MB:.0f} MB at {largest:,} files: {peak:.0f} MB  {verdict(peak < PEAK_MB)}"
    )
    if 10000 in results:
        row = results[10000]
        speedup = row["wall1"] / row["wall2"]
        passed = verdict(speedup >= SPEEDUP)
        print(f"  --jobs 2 >= {SPEEDUP}x at 10,000 files: {speedup:.2f}x  {passed}")
        args = row["args"] / row["wall1"]
        args_cpu = row["args_cpu"] / row["cpu1"]
        print(
            f"  10,000 path arguments <= {ARGS_RATIO}x the folder: {args:.2f}x"
            f" (CPU {args_cpu:.2f}x)  {verdict(args <= ARGS_RATIO)}"
        )
        if largest > 10000:
            linear = results[largest]["rate1"] / row["rate1"]
            print(
                f"  linear: files/s at {largest:,} >= {LINEAR}x at 10,000: {linear:.2f}x"
                f"  {verdict(linear >= LINEAR)}"
            )
    print(f"load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


def shutil_rmtree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
