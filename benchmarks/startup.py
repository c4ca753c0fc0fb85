"""Start-up time of csm-check against the unavoidable floor of each path's own imports.

Not a test: prints median wall times over interleaved runs and their ratios.
    python benchmarks/startup.py [--runs 21]
Targets: --version <= 1.2 x its floor; both score paths <= 1.35 x theirs.

A third column shows a reference: a trivial Typer app with the same options as `score` that
loads a one-line YAML document and validates it with a one-field pydantic model. It shows how
much of the ratio Typer's own option handling costs (Typer >= 0.29 builds a pydantic
TypeAdapter per option at parse time) before csm-check does any work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "beispiel-service.yaml"


def cli() -> list[str]:
    script = shutil.which("csm-check", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "csm_check"]


def floor(code: str) -> list[str]:
    return [sys.executable, "-c", code]


PAIRS = {
    "--version": (
        [*cli(), "--version"],
        floor("import typer"),
    ),
    "score --format json": (
        [*cli(), "score", str(EXAMPLE), "--format", "json"],
        floor("import typer, yaml; from pydantic import BaseModel"),
    ),
    "score (table)": (
        [*cli(), "score", str(EXAMPLE)],
        floor("import typer, yaml, rich.console, rich.table; from pydantic import BaseModel"),
    ),
}
TARGETS = {"--version": 1.2, "score --format json": 1.35, "score (table)": 1.35}


REFERENCE_APP = """
from enum import StrEnum
from pathlib import Path
from typing import Annotated
import typer

app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)

class Fmt(StrEnum):
    table = "table"
    json = "json"

@app.callback()
def root() -> None: ...

@app.command()
def score(
    answers: Path,
    fmt: Annotated[Fmt, typer.Option("--format")] = Fmt.table,
    output: Annotated[Path | None, typer.Option("-o")] = None,
    lang: Annotated[Fmt | None, typer.Option()] = None,
    top: Annotated[int, typer.Option(min=0)] = 5,
    fail_under: Annotated[float | None, typer.Option(min=0, max=100)] = None,
    require_complete: bool = False,
    target: Annotated[int | None, typer.Option(min=0, max=4)] = None,
    challenges: Annotated[Path | None, typer.Option()] = None,
) -> None:
    import yaml
    from pydantic import BaseModel

    class One(BaseModel):
        a: int

    One.model_validate(yaml.safe_load("a: 1"))

app()
"""


def run_once(command: list[str]) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    for command, base in PAIRS.values():  # warm the file cache and .pyc files
        run_once(command)
        run_once(base)
    reference = [sys.executable, "-c", REFERENCE_APP, "score", str(EXAMPLE), "--format", "json"]
    print(f"{'path':<22}{'csm-check':>11}{'floor':>9}{'ratio':>7}{'target':>8}  reference app")
    for name, (command, base) in PAIRS.items():
        ours: list[float] = []
        floors: list[float] = []
        references: list[float] = []
        for _ in range(runs):  # interleaved so drift hits all sides alike
            ours.append(run_once(command))
            floors.append(run_once(base))
            if name != "--version":
                references.append(run_once(reference))
        mine, theirs = statistics.median(ours), statistics.median(floors)
        ratio = mine / theirs
        verdict = "ok" if ratio <= TARGETS[name] else "over"
        ref = f"{statistics.median(references) / theirs:.2f}" if references else "-"
        print(
            f"{name:<22}{mine * 1000:>9.1f}ms{theirs * 1000:>7.1f}ms"
            f"{ratio:>7.2f}{TARGETS[name]:>6.2f} {verdict:<4}  {ref}"
        )


if __name__ == "__main__":
    main()
