"""Frozen values that the runner returns for each file; everything downstream (printer, writer, reviewer,
report) reads these and nothing else."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Tuple

from tf2migrate.source import SourceFile


class Status(str, enum.Enum):
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"  # not parsed: no TensorFlow/Keras code in it
    FAILED = "failed"


class Severity(str, enum.Enum):
    ERROR = "error"  # the file could not be processed
    WARNING = "warning"  # code left as it was that will not work on TF 2.x, or a rewrite that changes behaviour
    INFO = "info"  # what a rewrite did, when the user should know


@dataclass(frozen=True)
class Finding:
    """One thing a codemod (or the engine) wants the user to know about a place in a file."""

    codemod: str
    line: int
    column: int
    severity: Severity
    message: str  # what was found and why it matters
    suggestion: str = ""  # what to do about it

    def as_dict(self) -> dict:
        return {
            "codemod": self.codemod,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class FileError:
    """Why a file failed. ``line`` is 0 when the failure has no place in the file."""

    message: str
    line: int = 0
    column: int = 0
    traceback: str = ""

    def as_dict(self) -> dict:
        return {"message": self.message, "line": self.line, "column": self.column, "traceback": self.traceback}


@dataclass(frozen=True)
class FileResult:
    path: Path  # as discovered (relative to the working directory when the user gave a relative path)
    root: Path  # the PATH argument it was found under; ``--output-dir`` mirrors the tree below it
    status: Status
    source: Optional[SourceFile] = None  # None when the file could not be read
    new_text: Optional[str] = None  # set when status is CHANGED
    findings: Tuple[Finding, ...] = field(default_factory=tuple)
    error: Optional[FileError] = None

    @property
    def old_text(self) -> str:
        return self.source.text if self.source is not None else ""

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "status": self.status.value,
            "findings": [f.as_dict() for f in self.findings],
            "error": self.error.as_dict() if self.error else None,
        }
