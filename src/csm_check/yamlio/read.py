"""Strict, safe YAML reading with source locations.

PyYAML is permissive in ways that hurt an assessment tool: duplicate keys silently win,
aliases can multiply data, and invalid dates raise bare exceptions. This module closes
those holes and keeps the composed node tree so that later validation errors can point
at a line and column.
"""

from __future__ import annotations

import errno
import operator
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from csm_check.errors import CsmCheckError, InvalidInputError, Problem, os_reason
from csm_check.frozen import field, frozen
from csm_check.i18n import format_count, message_language, msg, yaml_detail
from csm_check.yamlio.build import Builder

MAX_BYTES = 1024 * 1024
MAP_TAG = "tag:yaml.org,2002:map"
_BOM = b"\xef\xbb\xbf"

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_TAG_CACHE: dict[tuple[object, tuple[bool, bool]], str] = {}
_TAG_CACHE_SIZE = 4096
_resolve = yaml.resolver.BaseResolver.resolve


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader whose scalar constructors never raise: bad values stay text."""

    # Path resolvers (`add_path_resolver`) are never used in safe loading, so tracking the
    # node path for them is work without effect: libyaml calls these two for every node.
    # Built-ins take the place of the no-op methods (no Python frame per call).
    descend_resolver = operator.is_  # (parent, index) -> ignored
    ascend_resolver = int  # () -> ignored

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        """The implicit tag of a node, remembered: team files repeat the same ids and
        levels thousands of times, and the regular-expression lookup dominates otherwise.
        Without path resolvers the tag depends on the scalar's text and style alone (a
        mapping's or sequence's value is None, never text), so the cache cannot change a
        result."""
        key = (value, implicit)
        try:
            return _TAG_CACHE[key]
        except KeyError:
            tag = str(_resolve(self, kind, value, implicit))  # type: ignore[no-untyped-call]
        if kind is yaml.ScalarNode and len(_TAG_CACHE) < _TAG_CACHE_SIZE:
            _TAG_CACHE[key] = tag
        return tag


# Python refuses to turn an int of more than 4,300 digits into text (sys.int_info), and every
# message that quotes a value would then raise. No level, score or count comes near this.
MAX_INT_BITS = 4000 * 3.33  # about 4,000 decimal digits


def _lenient(tag: str) -> None:
    original = _StrictLoader.yaml_constructors[tag]

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            value = original(loader, node)
        except (ValueError, OverflowError, TypeError, AttributeError, KeyError):
            # e.g. 2026-13-45, an int too long to convert, `!!timestamp x` or `!!bool x`:
            # the value stays text and the validator reports it.
            return node.value
        if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            return node.value  # 0x, 0o, 0b or base-60 spelling of a huge number: stays text
        return value

    _StrictLoader.add_constructor(tag, construct)


for _name in ("timestamp", "int", "float", "bool"):
    _lenient(f"tag:yaml.org,2002:{_name}")


@frozen
class YamlDocument:
    """A parsed YAML file: its display name, Python data and node tree."""

    path: str
    data: Any
    root: yaml.Node
    # Problems found while parsing that left the data usable (duplicate keys: the first
    # wins), kept with `keep_going` so that the file's other problems are reported with them.
    problems: tuple[Problem, ...] = ()
    # key -> (key node, value node) of each mapping visited, by id() of the mapping node:
    # built once per mapping, so locating n problems is linear, not n x keys.
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def position(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        return locate(self.root, loc, at_key=at_key, index=self._index)

    def problem(
        self,
        loc: Sequence[str | int],
        message: str,
        hint: str | None = None,
        *,
        at_key: bool = False,
    ) -> Problem:
        line, column = locate(self.root, loc, at_key=at_key, index=self._index)
        return Problem(self.path, line, column, message, hint)


def _read_bounded(path: Path, display: str) -> bytes:
    if str(path) == STDIN:
        return _read_stdin(display)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        if path.is_dir():
            raise CsmCheckError(msg("err.is_folder"), display)
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise CsmCheckError(msg("err.not_found"), display) from None
    except PermissionError:
        raise CsmCheckError(msg("err.permission"), display) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket
            raise CsmCheckError(msg("err.not_a_file"), display) from None
        raise CsmCheckError(msg("err.cannot_read", reason=os_reason(error)), display) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise CsmCheckError(msg("err.is_folder"), display)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_BYTES:
                raise _too_large(display, info.st_size)
            os.set_blocking(descriptor, True)
            raw = _read_up_to(descriptor, MAX_BYTES + 1, None, display)
        else:
            raw = _read_up_to(descriptor, MAX_BYTES + 1, READ_TIMEOUT, display)
    except PermissionError:
        raise CsmCheckError(msg("err.permission"), display) from None
    except OSError as error:
        raise CsmCheckError(msg("err.cannot_read", reason=os_reason(error)), display) from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_BYTES:
        raise _too_large(display, None)
    return raw


def _read_stdin(display: str) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # pragma: no cover - stdin replaced by a text-only object
        data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
    else:
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(display, None)
    return data


def _read_up_to(descriptor: int, limit: int, timeout: float | None, display: str) -> bytes:
    """At most `limit` bytes; with a timeout, wait at most that long for each chunk."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if timeout is not None and not _readable(descriptor, timeout):
            language = message_language()
            seconds = format_count(round(timeout), language)
            raise CsmCheckError(msg("err.read_timeout", seconds=seconds), display)
        try:
            chunk = os.read(descriptor, min(65536, limit - size))
        except BlockingIOError:
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _readable(descriptor: int, timeout: float) -> bool:
    import select

    ready, _, _ = select.select([descriptor], [], [], timeout)
    return bool(ready)


def _too_large(display: str, size: int | None) -> CsmCheckError:
    language = message_language()
    limit = format_count(MAX_BYTES, language)
    if size is None:
        return CsmCheckError(msg("err.too_large_stream", limit=limit), display, 1, 1)
    size_text = format_count(size, language)
    return CsmCheckError(msg("err.too_large", size=size_text, limit=limit), display, 1, 1)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


READ_TIMEOUT = 30.0  # seconds to wait for data from a pipe, FIFO or device
STDIN = "-"
STDIN_DISPLAY = "<stdin>"


def read_text(path: Path, display: str) -> str:
    """Read a UTF-8 file of at most 1 MiB, or raise a located error.

    The one way csm-check reads an input. `-` is standard input. At most MAX_BYTES + 1 bytes
    are read whatever the file is, so /dev/zero or `yes |` cannot grow memory; a FIFO is
    opened without blocking and a pipe or device that sends nothing for READ_TIMEOUT seconds
    (a FIFO no program writes to) is an error, not a hang."""
    raw = _read_bounded(path, display)
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise InvalidInputError(
            [
                Problem(
                    display,
                    line,
                    column,
                    msg("err.not_utf8", byte=f"{raw[error.start]:02x}"),
                    msg("err.not_utf8.hint"),
                )
            ]
        ) from None


def parse_yaml(
    text: str,
    display: str,
    *,
    allow_empty: bool = False,
    trusted: bool = False,
    keep_going: bool = False,
) -> YamlDocument:
    """Parse one YAML document strictly; raise InvalidInputError with every problem found.

    With `allow_empty`, a file of nothing but comments is an empty mapping (a settings file
    whose every line is commented out), not an error. `trusted` text (the shipped model,
    checked by the test suite) skips the anchor pre-scan: a second full parse, triggered by
    every '&' in a title. With `keep_going`, duplicate keys do not raise: the document
    carries them in `problems` (its data keep the first of each) for the caller to report
    with the problems it finds itself."""
    if not trusted and ("&" in text or "*" in text):
        anchors = _anchor_problems(text, display)
        if anchors:
            raise InvalidInputError(anchors)
    try:
        loader = _StrictLoader(text)  # the pure-Python reader checks characters here
    except yaml.reader.ReaderError as error:
        raise InvalidInputError([_reader_problem(text, display, error)]) from None
    try:
        root = loader.get_single_node()
        if root is None:
            if allow_empty:
                start = yaml.Mark(display, 0, 0, 0, None, 0)
                return YamlDocument(display, {}, yaml.MappingNode(MAP_TAG, [], start, start))
            raise InvalidInputError([Problem(display, 1, 1, msg("err.empty"), None)])
        builder = Builder(loader, display)
        data = builder.build(root)
        if builder.problems and keep_going:
            return YamlDocument(display, data, root, tuple(builder.problems))
        if builder.problems:
            raise InvalidInputError(builder.problems)
    except yaml.reader.ReaderError as error:
        raise InvalidInputError([_reader_problem(text, display, error)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = yaml_detail(error.problem) if error.problem else msg("err.yaml_invalid")
        if error.context:
            what = f"{yaml_detail(error.context)}: {what}"
        raise InvalidInputError(
            [Problem(display, line, column, msg("err.yaml_syntax", detail=what))]
        ) from None
    except yaml.YAMLError as error:
        raise InvalidInputError(
            [Problem(display, 1, 1, msg("err.yaml_error", detail=error))]
        ) from None
    except RecursionError:
        raise InvalidInputError(
            [Problem(display, 1, 1, msg("err.too_deep"), msg("err.too_deep.hint"))]
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(display, data, root)


def _reader_problem(text: str, display: str, error: yaml.reader.ReaderError) -> Problem:
    """A located problem for a character YAML does not allow (e.g. a control character)."""
    offset = error.position
    if _BaseLoader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 encoding
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    before = text[:offset]
    line, column = before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, int) else ord(error.character)
    return Problem(
        display,
        line,
        column,
        msg("err.character", code=f"{character:04X}", reason=yaml_detail(error.reason)),
        msg("err.character.hint"),
    )


def load_yaml(
    path: Path, display: str | None = None, *, allow_empty: bool = False, keep_going: bool = False
) -> YamlDocument:
    """Read and parse a YAML file; `display` is the name used in messages."""
    name = display if display is not None else str(path)
    if display is None and str(path) == STDIN:
        name = STDIN_DISPLAY
    return parse_yaml(read_text(path, name), name, allow_empty=allow_empty, keep_going=keep_going)


def _anchor_problems(text: str, display: str) -> list[Problem]:
    problems: list[Problem] = []
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                if mark is None:
                    continue
                problems.append(
                    Problem(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        msg("err.anchor"),
                        msg("err.anchor.hint"),
                    )
                )
    except yaml.YAMLError:
        return problems  # syntax errors are reported by the full parse
    return problems


def key_positions(
    root: yaml.Node, section: str, names: Mapping[str, str] | None = None
) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of every key in the mapping under the top-level key `section`.

    `names` maps a key's text to a string to use instead (the same string object for every
    file of a team: thousands of files then keep one copy of each id)."""
    same = names or {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == section:
            if not isinstance(value, yaml.MappingNode):
                return {"": (key.start_mark.line + 1, key.start_mark.column + 1)}
            positions: dict[str, tuple[int, int]] = {}
            rename = same.get
            for k, _ in value.value:
                if isinstance(k, yaml.ScalarNode):
                    mark = k.start_mark
                    positions[rename(k.value, str(k.value))] = (mark.line + 1, mark.column + 1)
            positions[""] = (key.start_mark.line + 1, key.start_mark.column + 1)
            return positions
    return {}


def locate(
    root: yaml.Node,
    loc: Sequence[str | int],
    *,
    at_key: bool = False,
    index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] | None = None,
) -> tuple[int, int]:
    """1-based line and column of the node at `loc`, or of the deepest node that exists.

    `index` caches each mapping's keys between calls (YamlDocument passes its own)."""
    cache = {} if index is None else index
    node = root
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            keys = cache.get(id(node))
            if keys is None:
                keys = {}
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode):
                        keys.setdefault(key.value, (key, value))  # the first one, as written
                cache[id(node)] = keys
            found = keys.get(str(part))
            if found is not None:
                child = found[0] if (last and at_key) else found[1]
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1
