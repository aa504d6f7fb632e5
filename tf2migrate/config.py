"""Project configuration: the ``[tool.tf2migrate]`` table of the nearest ``pyproject.toml`` that has one,
searched upwards from the first PATH argument (or the working directory). Keys are the ``migrate`` options'
long names; an option given on the command line overrides the file, except ``exclude``, whose command-line
patterns are added to the file's.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Type

from tf2migrate.codemod import FallbackMode, KerasTarget

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9/3.10 only
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
DEFAULT_SOURCE = "default"
COMMAND_LINE_SOURCE = "command line"


class ConfigError(ValueError):
    """A configuration file that cannot be used: not TOML, an unknown key, a value of the wrong kind."""


def _names(value: object) -> Tuple[str, ...]:
    """A list of names, or one comma-separated string (as on the command line)."""
    if isinstance(value, str):
        return tuple(name.strip() for name in value.split(",") if name.strip())
    return _strings(value)


def _strings(value: object) -> Tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError("expected a list of strings")


def _choice(enum_type: Type) -> Callable[[object], object]:
    def parse(value: object) -> object:
        choices = [member.value for member in enum_type]
        text = str(value).lower() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text not in choices:
            raise ValueError(f"expected one of {', '.join(repr(c) for c in choices)}, got {value!r}")
        return enum_type(text)

    return parse


def _integer(minimum: int) -> Callable[[object], int]:
    def parse(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"expected an integer >= {minimum}, got {value!r}")
        return value

    return parse


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


@dataclass(frozen=True)
class Option:
    key: str  # the key in [tool.tf2migrate]: the command-line option without its dashes
    parameter: str  # the migrate command's parameter that the option sets
    parse: Callable[[object], object]  # a TOML value to the value the command uses; ValueError when wrong
    default: object


OPTIONS: Tuple[Option, ...] = (
    Option("select", "select", _names, ()),
    Option("ignore", "ignore", _names, ()),
    Option("exclude", "exclude", _strings, ()),
    Option("fallback", "fallback", _choice(FallbackMode), FallbackMode.COMPAT),
    Option("keras", "keras", _choice(KerasTarget), KerasTarget.KERAS3),
    Option("gpu-memory-limit", "gpu_memory_limit", _integer(1), None),
    Option("unsafe-fixes", "unsafe_fixes", _boolean, False),
    Option("jobs", "jobs", _integer(0), 0),
)
_BY_KEY = {option.key: option for option in OPTIONS}
_ADDITIVE = {"exclude"}  # command-line values extend the file's instead of replacing them


@dataclass(frozen=True)
class Setting:
    value: object
    source: str  # DEFAULT_SOURCE, COMMAND_LINE_SOURCE, the file's path, or "<path> + command line"


@dataclass(frozen=True)
class EffectiveConfig:
    file: Optional[Path]  # the pyproject.toml used; None when none was found
    searched_from: Path
    settings: Dict[str, Setting]  # by key, in OPTIONS order

    def __getitem__(self, key: str) -> object:
        return self.settings[key].value


def search_start(paths: Sequence[str], cwd: Optional[Path] = None) -> Path:
    """Where the search for ``pyproject.toml`` begins: the first PATH argument's directory, or the cwd."""
    cwd = cwd or Path.cwd()
    if not paths:
        return cwd.resolve()
    first = (cwd / paths[0]).resolve()
    return first if first.is_dir() else first.parent


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it as TOML: {exc}") from exc


def _tool_table(document: dict, path: Path) -> Optional[dict]:
    table = document.get("tool", {}).get("tf2migrate") if isinstance(document.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tf2migrate] must be a table")
    return table


def find_config(start: Path) -> Optional[Tuple[Path, dict]]:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.tf2migrate]`` table, and that table."""
    for directory in (start, *start.parents):
        candidate = directory / PYPROJECT
        if candidate.is_file():
            table = _tool_table(_read_toml(candidate), candidate)
            if table is not None:
                return candidate, table
    return None


def parse_table(table: Mapping[str, object], path: Path) -> Dict[str, object]:
    """Checked, converted values of a ``[tool.tf2migrate]`` table; underscores are accepted for dashes."""
    values: Dict[str, object] = {}
    for raw_key, raw_value in table.items():
        key = raw_key.replace("_", "-")
        option = _BY_KEY.get(key)
        if option is None:
            known = ", ".join(_BY_KEY)
            raise ConfigError(f"{path}: unknown key {raw_key!r} in [tool.tf2migrate]; known keys: {known}")
        try:
            values[key] = option.parse(raw_value)
        except ValueError as exc:
            raise ConfigError(f"{path}: [tool.tf2migrate] {raw_key}: {exc}") from None
    return values


def given_on_command_line(ctx: Any) -> Set[str]:
    """The keys of the options the user typed (as opposed to their defaults). ``ctx`` is a click context;
    its ``ParameterSource`` is compared by name since newer typer versions vendor their own click."""
    given = set()
    for option in OPTIONS:
        source = ctx.get_parameter_source(option.parameter)
        if source is not None and source.name != "DEFAULT":
            given.add(option.key)
    return given


def resolve(command_line: Mapping[str, object], given: Set[str], start: Path) -> EffectiveConfig:
    """Each option's value and where it came from: the command line (when ``given``), else the file, else the
    default. ``command_line`` holds the command's values by key, already in the types of :data:`OPTIONS`."""
    found = find_config(start)
    path, from_file = (found[0], parse_table(found[1], found[0])) if found else (None, {})
    settings: Dict[str, Setting] = {}
    for option in OPTIONS:
        key = option.key
        if key in _ADDITIVE and key in given and key in from_file:
            merged = tuple(from_file[key]) + tuple(command_line[key])  # type: ignore[arg-type]
            settings[key] = Setting(merged, f"{path} + {COMMAND_LINE_SOURCE}")
        elif key in given:
            settings[key] = Setting(command_line[key], COMMAND_LINE_SOURCE)
        elif key in from_file:
            settings[key] = Setting(from_file[key], str(path))
        else:
            settings[key] = Setting(option.default, DEFAULT_SOURCE)
    return EffectiveConfig(path, start, settings)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    text = value.value if hasattr(value, "value") else str(value)
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def describe(config: EffectiveConfig) -> List[str]:
    """``--show-config``: a ``[tool.tf2migrate]`` table of the effective values, each with its source."""
    where = str(config.file) if config.file else f"none found (searched upwards from {config.searched_from})"
    lines = [f"# config file: {where}", "[tool.tf2migrate]"]
    assignments = []
    for key, setting in config.settings.items():
        if setting.value is None:
            assignments.append((f"# {key} = (not set)", setting.source))
        else:
            assignments.append((f"{key} = {_toml_value(setting.value)}", setting.source))
    width = max(len(text) for text, _ in assignments)
    lines.extend(f"{text:<{width}}  # {source}" for text, source in assignments)
    return lines


def _command_value(option: Option, value: object) -> object:
    """A migrate parameter's value in the type the file's value has (``--select a,b`` is a comma string)."""
    if option.key in ("select", "ignore"):
        return _names(value or "")
    if option.key == "exclude":
        return tuple(value or ())
    return value


def resolve_command(ctx: Any, paths: Sequence[str]) -> EffectiveConfig:
    """The effective configuration of a ``migrate`` invocation, from its parsed parameters."""
    command_line = {option.key: _command_value(option, ctx.params.get(option.parameter)) for option in OPTIONS}
    return resolve(command_line, given_on_command_line(ctx), search_start(paths))
