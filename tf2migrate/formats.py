"""Machine-readable renderings of a run for ``--format``: SARIF 2.1.0 for code-scanning UIs and GitHub Actions
workflow commands (annotations). The JSON report (``--report``) lives in :mod:`tf2migrate.report`.

The engine knows no codemods: the CLI turns the chain into :class:`Rule` values and passes them in.
"""

from __future__ import annotations

import enum
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, TextIO, Tuple, Type
from urllib.parse import quote

from tf2migrate import __version__
from tf2migrate.codemod import Codemod
from tf2migrate.engine import Run
from tf2migrate.hunks import FileChanges
from tf2migrate.results import FileResult, Finding, Severity, Status

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ERROR_RULE = "tf2migrate/error"  # a file or PATH argument that could not be processed
REWRITE_RULE = "tf2migrate/rewrite"  # a file the chain rewrites (or rewrote, with --write)
REWRITE_MESSAGE = "legacy TensorFlow/Keras code: tf2migrate rewrites this file (see its diff)"


class OutputFormat(str, enum.Enum):
    TEXT = "text"
    SARIF = "sarif"
    GITHUB = "github"


@dataclass(frozen=True)
class Rule:
    """What a report needs to know about one codemod (or one of the engine's own result kinds)."""

    id: str
    summary: str
    description: str = ""
    help: str = ""
    fix_safety: str = ""

    @classmethod
    def from_codemod(cls, codemod: Type[Codemod]) -> "Rule":
        return cls(
            id=codemod.NAME,
            summary=codemod.summary(),
            description=codemod.doc_section("What it does") or codemod.summary(),
            help=codemod.documentation(),
            fix_safety=codemod.FIX_SAFETY.value,
        )


ENGINE_RULES = (
    Rule(ERROR_RULE, "A file or path tf2migrate could not process (unreadable, unparsable, not writable)."),
    Rule(REWRITE_RULE, "A file with legacy TensorFlow/Keras code that tf2migrate rewrites."),
)


def rules_for_chain(chain: Iterable[Type[Codemod]]) -> List[Rule]:
    return [Rule.from_codemod(codemod) for codemod in chain]


def display_path(path: Path, base: Optional[Path] = None) -> str:
    """``path`` relative to ``base`` (the working directory) with forward slashes; absolute when outside it."""
    base = (base or Path.cwd()).resolve()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def first_changed_line(result: FileResult) -> int:
    """The 1-based line of the first change in a changed file (1 when the change is at the very start)."""
    changes = FileChanges(result.old_text, result.new_text or "")
    for tag, old_start, _, _, _ in changes.opcodes:
        if tag != "equal":
            return old_start + 1
    return 1


def notebook_place(item: object) -> str:
    """``cell 3, line 2: `` for a finding or error in a notebook cell. Cell lines are not lines of the
    notebook's JSON, so formats that point at file lines put the place in the message instead."""
    cell = getattr(item, "cell", None)
    return f"cell {cell}, line {getattr(item, 'line', 0)}: " if cell is not None else ""


def file_place(item: object) -> Tuple[int, int]:
    """(line, column) in the file, or (0, 0) inside a notebook cell."""
    if getattr(item, "cell", None) is not None:
        return (0, 0)
    return (getattr(item, "line", 0), getattr(item, "column", 0))


def finding_message(finding: Finding) -> str:
    text = notebook_place(finding) + finding.text()
    return f"{text}\nhelp: {finding.suggestion}" if finding.suggestion else text


# --- SARIF 2.1.0 --------------------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif_rule(rule: Rule) -> dict:
    document: dict = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": rule.description or rule.summary or rule.id},
    }
    if rule.help:
        document["help"] = {"text": rule.help}
    if rule.fix_safety:
        document["properties"] = {"fixSafety": rule.fix_safety}
    return document


def _artifact_location(uri: str) -> dict:
    """Relative paths resolve against ``%SRCROOT%`` (the working directory); others are file URIs."""
    if Path(uri).is_absolute():
        return {"uri": Path(uri).as_uri()}
    return {"uri": quote(uri), "uriBaseId": "%SRCROOT%"}


def _sarif_location(uri: str, line: int = 0, column: int = 0) -> dict:
    physical: dict = {"artifactLocation": _artifact_location(uri)}
    if line > 0:
        region = {"startLine": line}
        if column > 0:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


class _SarifResults:
    """Collects SARIF results; rule indexes refer to ``rules`` (rules met only in results are appended)."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules: List[Rule] = list(rules)
        self.index: Dict[str, int] = {rule.id: i for i, rule in enumerate(self.rules)}
        self.results: List[dict] = []

    def add(self, rule_id: str, level: str, message: str, location: dict, related: Sequence[dict] = ()) -> None:
        if rule_id not in self.index:
            self.index[rule_id] = len(self.rules)
            self.rules.append(Rule(rule_id, rule_id))
        result = {
            "ruleId": rule_id,
            "ruleIndex": self.index[rule_id],
            "level": level,
            "message": {"text": message},
            "locations": [location],
        }
        if related:
            result["relatedLocations"] = list(related)
        self.results.append(result)


def _related_locations(uri: str, finding: Finding) -> List[dict]:
    related = []
    for number, (line, what) in enumerate(finding.related, start=1):
        location = _sarif_location(uri, line)
        location["id"] = number
        location["message"] = {"text": what}
        related.append(location)
    return related


def sarif_document(run: Run, rules: Sequence[Rule], base: Optional[Path] = None) -> dict:
    """One SARIF run: every finding, every failed file or PATH argument, and every changed file."""
    base = (base or Path.cwd()).resolve()
    collected = _SarifResults([*rules, *ENGINE_RULES])
    for path, message in run.bad_paths:
        collected.add(ERROR_RULE, "error", message, _sarif_location(display_path(path, base)))
    for result in run.results:
        uri = display_path(result.path, base)
        if result.error is not None:
            error = result.error
            message = notebook_place(error) + error.message
            collected.add(ERROR_RULE, "error", message, _sarif_location(uri, *file_place(error)))
        for finding in result.findings:
            collected.add(
                finding.codemod,
                _SARIF_LEVEL[finding.severity],
                finding_message(finding),
                _sarif_location(uri, *file_place(finding)),
                _related_locations(uri, finding) if not notebook_place(finding) else [],
            )
        if result.status is Status.CHANGED:
            collected.add(REWRITE_RULE, "note", REWRITE_MESSAGE, _sarif_location(uri, first_changed_line(result)))
    driver = {
        "name": "tf2migrate",
        "version": __version__,
        "rules": [_sarif_rule(rule) for rule in collected.rules],
    }
    sarif_run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",  # libcst columns count code points
        "invocations": [{"executionSuccessful": not run.failed}],
        "results": collected.results,
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [sarif_run]}


# --- GitHub Actions workflow commands -----------------------------------------------------------------------

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_github_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF are percent-encoded (``%`` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """A workflow command's property value: as the message, plus ``:`` and ``,``, which delimit properties."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(command: str, message: str, file: str, line: int = 0, column: int = 0, title: str = "") -> str:
    properties = [f"file={escape_github_property(file)}"]
    if line > 0:
        properties.append(f"line={line}")
        if column > 0:
            properties.append(f"col={column}")
    if title:
        properties.append(f"title={escape_github_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_github_data(message)}"


def github_annotations(run: Run, base: Optional[Path] = None) -> Iterator[str]:
    """One workflow command per finding, failure and changed file, in the order of the text output."""
    for path, message in run.bad_paths:
        yield github_command("error", message, display_path(path, base), title=ERROR_RULE)
    for result in run.results:
        path = display_path(result.path, base)
        if result.error is not None:
            error = result.error
            message = notebook_place(error) + error.message
            yield github_command("error", message, path, *file_place(error), title=ERROR_RULE)
        for finding in result.findings:
            command = _GITHUB_COMMAND[finding.severity]
            line, column = file_place(finding)
            yield github_command(command, finding_message(finding), path, line, column, finding.codemod)
        if result.status is Status.CHANGED:
            yield github_command("notice", REWRITE_MESSAGE, path, first_changed_line(result), title=REWRITE_RULE)


def write_format(output_format: OutputFormat, run: Run, rules: Sequence[Rule], stream: TextIO) -> None:
    """The run rendered for ``--format sarif`` / ``--format github`` (``text`` is the CLI's own printing)."""
    if output_format is OutputFormat.SARIF:
        stream.write(json.dumps(sarif_document(run, rules), indent=2) + "\n")
    elif output_format is OutputFormat.GITHUB:
        for line in github_annotations(run):
            stream.write(line + "\n")
    stream.flush()
