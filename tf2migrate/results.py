"""Frozen values that the runner returns for each file; everything downstream (printer, writer, reviewer,
report) reads these and nothing else."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

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


class Mode(str, enum.Enum):
    """How a file ended up when it still needed TF 1.x after the idiomatic rewrites. A file no codemod marked
    is idiomatic TF2 (when it changed) or was already fine."""

    COMPAT = "compat"  # runs on TF 2.x through tf.compat.v1 names (in graph mode where it needs it)
    TF1 = "tf1"  # still uses TF 1.x-only APIs, left as they were (--fallback none): fails on TF 2.x


# A codemod marks the file it transformed by setting ``self.context.scratch[MODE_KEY]`` to a :class:`Mode`
# (libcst's scratch dict is the codemod's channel to its caller); the runner keeps the last mark of the chain.
MODE_KEY = "tf2migrate.mode"


@dataclass(frozen=True)
class Finding:
    """One thing a codemod (or the engine) wants the user to know about a place in a file."""

    codemod: str
    line: int
    column: int
    severity: Severity
    message: str  # what was found and why it matters
    suggestion: str = ""  # what to do about it
    # Other places the finding is about, as (line, what), e.g. every construct that kept a file in graph mode.
    related: Tuple[Tuple[int, str], ...] = ()
    cell: Optional[int] = None  # in a notebook: the cell (counting every cell from 1); ``line`` is within it

    def text(self) -> str:
        """The message, followed by the related places grouped by what they are: ``a (lines 3, 9), b (line 5)``."""
        if not self.related:
            return self.message
        lines_of: Dict[str, List[int]] = {}
        for line, what in self.related:
            lines_of.setdefault(what, []).append(line)
        places = ", ".join(
            f"{what} (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})" for what, lines in lines_of.items()
        )
        return f"{self.message}: {places}"

    def as_dict(self) -> dict:
        return {
            "codemod": self.codemod,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "related": [{"line": line, "what": what} for line, what in self.related],
            **({"cell": self.cell} if self.cell is not None else {}),
        }


@dataclass(frozen=True)
class FileError:
    """Why a file failed. ``line`` is 0 when the failure has no place in the file."""

    message: str
    line: int = 0
    column: int = 0
    traceback: str = ""
    cell: Optional[int] = None  # in a notebook: the cell (counting every cell from 1); ``line`` is within it

    def as_dict(self) -> dict:
        place = {"cell": self.cell} if self.cell is not None else {}
        return {"message": self.message, "line": self.line, "column": self.column, **place, "traceback": self.traceback}


def location(path: Path, line: int, column: int, cell: Optional[int] = None) -> str:
    """``path:line:col``, or ``nb.ipynb:cell 3:line:col`` in a notebook; the line part only where there is one."""
    where = f"{path}:cell {cell}" if cell is not None else f"{path}"
    return f"{where}:{line}:{column}" if line else where


@dataclass(frozen=True)
class FileResult:
    path: Path  # as discovered (relative to the working directory when the user gave a relative path)
    root: Path  # the PATH argument it was found under; ``--output-dir`` mirrors the tree below it
    status: Status
    source: Optional[SourceFile] = None  # None when the file could not be read
    new_text: Optional[str] = None  # set when status is CHANGED
    findings: Tuple[Finding, ...] = field(default_factory=tuple)
    error: Optional[FileError] = None
    mode: Optional[Mode] = None  # None: idiomatic TF2 (or nothing to migrate)

    @property
    def old_text(self) -> str:
        return self.source.text if self.source is not None else ""

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "status": self.status.value,
            "findings": [f.as_dict() for f in self.findings],
            "error": self.error.as_dict() if self.error else None,
            "mode": self.mode.value if self.mode else None,
        }
