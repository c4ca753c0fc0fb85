"""Team scoring at scale: N answers files scored as one team.

Not a test. Generates N realistic answers files in a temporary folder, runs
`csm-check score FOLDER --format json` in a fresh process for each N, and prints files per
second and the peak memory of that process.
    python benchmarks/team.py [--sizes 100 1000 10000]
Target on a 2-core machine: >= 2,000 files/s and < 300 MB at 10,000 files.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from csm_check.loading import load_model

NOTES = ("owners set, reviews quarterly", "pilot in one team", "Betriebsrat informiert", "")


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


def run(folder: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one scoring process."""
    command = [
        sys.executable,
        "-m",
        "csm_check",
        "score",
        str(folder),
        "--format",
        "json",
        "-o",
        str(out),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(
            f"csm-check failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    sizes = parser.parse_args().sizes
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'files':>7}{'seconds':>10}{'files/s':>10}{'peak MB':>10}")
    for count in sizes:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp) / "team"
            folder.mkdir()
            write_files(folder, count)
            wall, peak = run(folder, Path(temp) / "report.json")
        print(f"{count:>7}{wall:>10.2f}{count / wall:>10.0f}{peak:>10.1f}")


if __name__ == "__main__":
    main()
