"""Start-up time of csm-check's commands, each against its own floor and against a reference app.

Not a test: prints medians of interleaved whole-process runs, the ratios, the targets and
PASS/MISS.

    python benchmarks/startup.py [--runs 11] [--importtime]

What is compared (all run the same way: a launcher script, bytecode compiled, as after
`pip install`; NO_COLOR=1; the model cache warm in a temporary CSM_CHECK_CACHE_DIR):

- floor: a process that only imports what a path cannot avoid: `import typer` for
  --version; typer, yaml and pydantic's BaseModel for score and validate; rich's console and
  table added for the table format and `challenges`.
- reference app ("typer-yaml-pydantic app"): a plain Typer app, generated at start from the
  real `score` command's parameters (names, types, defaults, option names, ranges), so it
  has exactly the options of `score` whatever options are added. Its `score` reads the YAML
  file with libyaml, validates it into a frozen pydantic model and prints it (as JSON, or
  as a Rich table for the table format). It shows what any Typer app doing that costs,
  Typer's per-option pydantic adapters and pydantic's first use included, before
  csm-check does its own work. It does not import csm_check.

Targets: --version <= 1.15 x `import typer`; every `score` format, `validate` and
`challenges` <= 1.10 x the reference app with the same floor imports.

--importtime shows where the time goes: for each csm-check path, the modules it imports
beyond its floor, largest self time first (one `python -X importtime` run each).
"""

import argparse
import compileall
import datetime as dt
import enum
import inspect
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
import typing
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "beispiel-service.yaml"
FORMATS = ("json", "table", "markdown", "html", "junit")
TARGET_VERSION = 1.15
TARGET_REFERENCE = 1.10

FLOOR_TYPER = "import typer"
FLOOR_PLAIN = "import typer, yaml; from pydantic import BaseModel"
FLOOR_RICH = FLOOR_PLAIN + "; import rich.console, rich.table"


# -- the reference app, generated from the real `score` command --------------------------

_SIMPLE = {int: "int", float: "float", str: "str", bool: "bool", Path: "Path"}
_SIMPLE.update({dt.date: "date", dt.datetime: "datetime"})


def _type_source(hint: object, enums: dict[str, str]) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_source(arg, enums) for arg in typing.get_args(hint))
    if origin is list:
        return f"list[{_type_source(typing.get_args(hint)[0], enums)}]"
    if hint is type(None):
        return "None"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        base = "StrEnum" if issubclass(hint, str) else "Enum"
        members = "".join(f"    {m.name} = {m.value!r}\n" for m in hint)
        enums[hint.__name__] = f"class {hint.__name__}({base}):\n{members}"
        return hint.__name__
    if hint in _SIMPLE:
        return _SIMPLE[hint]
    raise SystemExit(f"startup.py: cannot mirror the option type {hint!r}; extend _type_source")


def _value_source(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, Path):
        return f"Path({str(value)!r})"
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    raise SystemExit(f"startup.py: cannot mirror the default {value!r}")


def _info_source(info: object) -> str:
    import typer.models

    decls = list(getattr(info, "param_decls", ()) or ())
    first = getattr(info, "default", ...)
    if isinstance(first, str) and first.startswith("-"):
        decls.insert(0, first)  # Annotated options take their first name as `default`
    arguments = [repr(decl) for decl in decls]
    for name in ("min", "max", "metavar", "help"):
        value = getattr(info, name, None)
        if value is not None:
            arguments.append(f"{name}={value!r}")
    kind = "Argument" if isinstance(info, typer.models.ArgumentInfo) else "Option"
    return f"typer.{kind}({', '.join(arguments)})"


def reference_source() -> str:
    """The reference app's module text, mirroring `csm-check score`'s parameters."""
    from csm_check.cli.score import score

    enums: dict[str, str] = {}
    parameters: list[str] = []
    files = table_switch = None
    for name, parameter in inspect.signature(score, eval_str=True).parameters.items():
        hint, info = typing.get_args(parameter.annotation)[:2]
        text = f"    {name}: Annotated[{_type_source(hint, enums)}, {_info_source(info)}]"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {_value_source(parameter.default)}"
        parameters.append(text + ",\n")
        if files is None and typing.get_origin(hint) is list:
            files = name
        if isinstance(hint, type) and issubclass(hint, enum.Enum) and "table" in hint.__members__:
            table_switch = name
    if files is None or table_switch is None:
        raise SystemExit("startup.py: `score` has no file list or no --format with table")
    source = REFERENCE_TEMPLATE.format(
        enums="\n\n".join(enums.values()),
        parameters="".join(parameters),
        files=files,
        table_switch=table_switch,
    )
    if "csm_check" in source:
        raise SystemExit("startup.py: the reference app must not import csm_check")
    return source


REFERENCE_TEMPLATE = '''"""A Typer app with the options of `csm-check score`, made by startup.py."""

import sys
from datetime import date, datetime
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False,
    no_args_is_help=True,
)


{enums}


def _version(value: bool) -> None:
    if value:
        typer.echo("reference 1.0")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """Reference app."""


@app.command()
def score(
{parameters}) -> None:
    """Read YAML files into a pydantic model and print them."""
    import yaml
    from pydantic import BaseModel, ConfigDict

    class AnswersFile(BaseModel):
        model_config = ConfigDict(frozen=True, extra="allow")
        schema_version: int
        model: str
        organisation: str | None = None
        respondent: str | None = None
        assessed_on: date | None = None
        language: str | None = None
        answers: dict[str, Any]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in {files}:
        # str or Path, whichever `score` declares (it takes strings since issue 13 item 6)
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
        parsed = AnswersFile.model_validate(data)
        if str({table_switch}) == "table":
            from rich.console import Console
            from rich.table import Table

            table = Table("criterion", "answer")
            for key, value in parsed.answers.items():
                table.add_row(key, str(value))
            Console().print(table)
        else:
            sys.stdout.write(parsed.model_dump_json(indent=2) + "\\n")
'''


# -- running ------------------------------------------------------------------------------


def csm_check_command() -> list[str]:
    script = shutil.which("csm-check", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "csm_check"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process, in seconds."""
    wall, cpu, _ = run_timed(command, env)
    return wall, cpu


def run_timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) in seconds and the exit code of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)  # no pipes: nothing to drain, no deadlock
    wall = time.perf_counter() - start
    process.returncode = 0  # reaped here; keep Popen from waiting again
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def importtime(command: list[str], env: dict[str, str]) -> dict[str, int]:
    """Module -> self microseconds, from one `python -X importtime` run."""
    if command[0] != sys.executable:
        command = [sys.executable, *command]
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found: dict[str, int] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s+(\S+)", line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=11, help="interleaved rounds (default 11)")
    parser.add_argument("--importtime", action="store_true", help="show where the time goes")
    options = parser.parse_args()

    import csm_check

    work = Path(tempfile.mkdtemp(prefix="csm-check-startup-"))
    try:
        (work / "reference_app.py").write_text(reference_source(), encoding="utf-8")
        (work / "reference.py").write_text(
            "from reference_app import app\napp(prog_name='reference')\n", encoding="utf-8"
        )
        compileall.compile_dir(work, quiet=1)
        compileall.compile_dir(Path(csm_check.__file__).parent, quiet=1)  # as pip install does
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
        env["CSM_CHECK_CACHE_DIR"] = str(work / "cache")
        measure(options, work, env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(options: argparse.Namespace, work: Path, env: dict[str, str]) -> None:
    ours = csm_check_command()
    reference = [sys.executable, str(work / "reference.py")]
    example = str(EXAMPLE)
    floors = {name: [sys.executable, "-c", code] for name, code in (
        ("import typer", FLOOR_TYPER),
        ("typer+yaml+pydantic", FLOOR_PLAIN),
        ("typer+yaml+pydantic+rich", FLOOR_RICH),
    )}  # fmt: skip
    references = {
        "reference app (json)": [*reference, "score", example, "--format", "json"],
        "reference app (table)": [*reference, "score", example, "--format", "table"],
    }
    # path -> (command, floor, reference, target)
    paths: dict[str, tuple[list[str], str, str | None, float]] = {
        "--version": ([*ours, "--version"], "import typer", None, TARGET_VERSION),
    }
    for fmt in FORMATS:
        rich = fmt == "table"
        paths[f"score --format {fmt}"] = (
            [*ours, "score", example, "--format", fmt],
            "typer+yaml+pydantic+rich" if rich else "typer+yaml+pydantic",
            "reference app (table)" if rich else "reference app (json)",
            TARGET_REFERENCE,
        )
    paths["validate FILE"] = (
        [*ours, "validate", example],
        "typer+yaml+pydantic",
        "reference app (json)",
        TARGET_REFERENCE,
    )
    paths["challenges"] = (
        [*ours, "challenges"],
        "typer+yaml+pydantic+rich",
        "reference app (table)",
        TARGET_REFERENCE,
    )
    cold_env = {**env}
    commands = {**{name: spec[0] for name, spec in paths.items()}, **floors, **references}
    for name, command in commands.items():  # warm the file cache and the model cache
        # and check that each one works: a failing process (a reference app that crashes on
        # a changed parameter type) would be measured as fast as its traceback.
        if run_timed(command, env)[2] != 0:
            raise SystemExit(f"startup.py: {name} exits non-zero: {' '.join(command)}")
    cold = "score --format json, model cache empty"
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in [*commands, cold]}
    for round_ in range(options.runs):  # interleaved: drift and other load hit all alike
        for name, command in commands.items():
            times[name].append(run_once(command, env))
        cold_env["CSM_CHECK_CACHE_DIR"] = str(work / f"cold-{round_}")
        times[cold].append(run_once(paths["score --format json"][0], cold_env))
    wall = {name: statistics.median(w for w, _ in runs) * 1000 for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) * 1000 for name, runs in times.items()}

    print(f"{options.runs} interleaved runs each, medians; Python {sys.version.split()[0]}")
    print("wall: elapsed time (judged); cpu: user + system time of the process (less")
    print("sensitive to other load on a shared machine; shown to cross-check)")
    print(f"\n{'floor / reference':<36}{'wall ms':>9}{'x floor':>9}{'cpu ms':>9}{'x floor':>9}")
    for name in floors:
        print(f"{'floor: ' + name:<36}{wall[name]:>9.1f}{'':>9}{cpu[name]:>9.1f}")
    for name in references:
        floor = "typer+yaml+pydantic+rich" if "table" in name else "typer+yaml+pydantic"
        print(
            f"{name:<36}{wall[name]:>9.1f}{wall[name] / wall[floor]:>9.2f}"
            f"{cpu[name]:>9.1f}{cpu[name] / cpu[floor]:>9.2f}"
        )
    print(
        f"\n{'csm-check path':<26}{'wall ms':>8}{'x floor':>8}{'x ref':>7}"
        f"{'cpu ms':>8}{'x floor':>8}{'x ref':>7}{'target':>15}  verdict (wall/cpu)"
    )
    misses = 0
    for name, (_, floor, ref, target) in paths.items():
        row = f"{name:<26}"
        verdicts = []
        for clock in (wall, cpu):
            by_floor = clock[name] / clock[floor]
            by_ref = clock[name] / clock[ref] if ref else None
            judged = by_ref if by_ref is not None else by_floor
            verdicts.append("PASS" if judged <= target else "MISS")
            shown_ref = f"{by_ref:>7.2f}" if by_ref is not None else f"{'-':>7}"
            row += f"{clock[name]:>8.1f}{by_floor:>8.2f}{shown_ref}"
        misses += verdicts[0] == "MISS"
        against = "ref" if ref else "floor"
        print(f"{row}{f'<= {target:.2f} {against}':>15}  {verdicts[0]} / {verdicts[1]}")
    print(
        f"\nfirst run after install or upgrade (model cache empty, validated once): "
        f"{wall[cold]:.1f} ms = {wall[cold] / wall['reference app (json)']:.2f} x ref (no target)"
    )
    print(f"{misses} MISS (wall)" if misses else "all PASS (wall)")
    if options.importtime:
        show_importtime(paths, floors, env)


def show_importtime(
    paths: dict[str, tuple[list[str], str, str | None, float]],
    floors: dict[str, list[str]],
    env: dict[str, str],
) -> None:
    floor_modules = {name: importtime(command, env) for name, command in floors.items()}
    for name, (command, floor, _, _) in paths.items():
        extra = {
            m: us for m, us in importtime(command, env).items() if m not in floor_modules[floor]
        }
        total = sum(extra.values()) / 1000
        print(f"\n{name}: {len(extra)} modules beyond its floor, {total:.1f} ms self time")
        for module, us in sorted(extra.items(), key=lambda item: -item[1])[:12]:
            print(f"  {us / 1000:>6.2f} ms  {module}")


if __name__ == "__main__":
    main()
