"""A notebook's code cells as one Python module, and back.

IPython-only lines (``%magic``, ``!shell``, ``x = !shell``, ``?help`` / ``obj?``, and every line of a ``%%cell``
magic cell) are masked: each becomes ``pass  # tf2migrate:ipython C.K`` with the line's own indentation, a
statement no codemod rewrites or removes, so line counts stay as they were. Cells are joined with a marker
statement ``pass  # tf2migrate:cell N`` between them. A statement (not a comment) is used for both because libcst
keeps comments above a statement as part of it: a codemod removing ``sess = tf.Session()`` would take a comment
marker above it along.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

from tf2migrate.source import SourceError

RESERVED = ("tf2migrate:cell", "tf2migrate:ipython")
_MARKER = "pass  # tf2migrate:cell {}"
_MASK = "pass  # tf2migrate:ipython {}.{}"
_MASK_LINE = re.compile(r"[ \t]*pass  # tf2migrate:ipython (\d+)\.(\d+)")
_ASSIGNED_FROM_IPYTHON = re.compile(r"[\w.]+(\s*,\s*[\w.]+)*\s*=\s*[!%]")


@dataclass(frozen=True)
class CodeCell:
    index: int  # the cell's place in the notebook, counting every cell from 1 (how diffs and findings name it)
    source: str  # as the notebook holds it
    chunk: str  # masked, with a final newline added where the source has none
    hidden: Tuple[Tuple[str, str], ...]  # (mask id "C.K", the original line without its newline)
    cell_magic: bool  # a %%magic cell: masked whole

    @property
    def added_newline(self) -> bool:
        return bool(self.source) and not self.source.endswith("\n")


def mask_cell(index: int, source: str) -> CodeCell:
    lines = source.splitlines(keepends=True)
    first = next((line.strip() for line in lines if line.strip()), "")
    cell_magic = first.startswith("%%")
    masked: List[str] = []
    hidden: List[Tuple[str, str]] = []
    scanner = _StatementScanner()
    for line in lines:
        body = line.rstrip("\r\n")
        if cell_magic or (scanner.at_statement_start() and _is_ipython_line(body)):
            mask_id = f"{index}.{len(hidden) + 1}"
            indent = "" if cell_magic else body[: len(body) - len(body.lstrip())]
            masked.append(indent + _MASK.format(*mask_id.split(".")) + line[len(body):])
            hidden.append((mask_id, body))
        else:
            masked.append(line)
            scanner.feed(body)
    chunk = "".join(masked)
    if chunk and not chunk.endswith("\n"):
        chunk += "\n"
    return CodeCell(index, source, chunk, tuple(hidden), cell_magic)


def _is_ipython_line(body: str) -> bool:
    text = body.strip()
    if text.startswith(("%", "!", "?")):
        return True
    if re.fullmatch(r"[\w.\[\]*]+\?\??", text):  # obj? / obj.attr?? / *pattern*?
        return True
    return bool(_ASSIGNED_FROM_IPYTHON.match(text))


class _StatementScanner:
    """Just enough of Python's lexer to tell whether the next line starts a statement (not inside brackets, a
    string or a backslash continuation): only there can IPython syntax appear."""

    def __init__(self) -> None:
        self.depth = 0
        self.quote = ""  # the open string's quote ("'", '"""', ...), "" outside strings
        self.continued = False

    def at_statement_start(self) -> bool:
        return self.depth == 0 and not self.quote and not self.continued

    def feed(self, line: str) -> None:
        self.continued = False
        i = 0
        while i < len(line):
            char = line[i]
            if self.quote:
                if char == "\\":
                    i += 2
                    continue
                if line.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = ""
                    continue
                i += 1
                continue
            if char == "#":
                break
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            elif char in "'\"":
                triple = line[i : i + 3]
                self.quote = triple if triple in ('"""', "'''") else char
                i += len(self.quote)
                continue
            elif char == "\\" and i == len(line) - 1:
                self.continued = True
            i += 1
        if len(self.quote) == 1 and not line.endswith("\\"):
            self.quote = ""  # an unterminated one-line string: a syntax error, reported by the parser


def join_cells(cells: Sequence[CodeCell], chunks: Sequence[str]) -> str:
    parts: List[str] = []
    for position, (cell, chunk) in enumerate(zip(cells, chunks)):
        if position:
            parts.append(_MARKER.format(cell.index) + "\n")
        parts.append(chunk)
    return "".join(parts)


def split_joined(text: str, cells: Sequence[CodeCell]) -> List[str]:
    """The chunk of each cell; SourceError when the markers are not all there, once each and in order."""
    chunks: List[List[str]] = [[]]
    expected = [_MARKER.format(cell.index) for cell in cells[1:]]
    found: List[str] = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.lstrip().startswith("pass  # tf2migrate:cell "):
            found.append(body)
            chunks.append([])
        else:
            chunks[-1].append(line)
    if found != expected:
        raise SourceError(
            "the cell boundaries were lost while rewriting (a codemod moved code across cells); "
            "the notebook was left as it was"
        )
    return ["".join(lines) for lines in chunks]


def restore_cell(cell: CodeCell, chunk: str) -> str:
    """The cell's new source: masked lines back byte for byte, the final newline as the source had it."""
    originals = dict(cell.hidden)
    seen: List[str] = []
    out: List[str] = []
    for line in chunk.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        match = _MASK_LINE.fullmatch(body)
        if match is None:
            out.append(line)
            continue
        mask_id = f"{match.group(1)}.{match.group(2)}"
        if mask_id not in originals or mask_id in seen:
            raise SourceError(_moved_ipython_line(cell))
        seen.append(mask_id)
        out.append(originals[mask_id] + line[len(body):])
    if sorted(seen) != sorted(originals) or (cell.cell_magic and chunk != cell.chunk):
        raise SourceError(_moved_ipython_line(cell))
    source = "".join(out)
    if cell.added_newline and source.endswith("\n"):
        source = source[:-1]
    return source


def _moved_ipython_line(cell: CodeCell) -> str:
    return (
        f"cell {cell.index}: the rewrite would move or change an IPython line (magic, shell or help); "
        "the notebook was left as it was"
    )


def unmask_for_display(line: str, cells: Sequence[CodeCell]) -> str:
    """A diff body line (" ", "-" or "+" first) with a masked line shown as the user wrote it."""
    match = _MASK_LINE.match(line, 1)
    if match is None:
        return line
    mask_id = f"{match.group(1)}.{match.group(2)}"
    originals: Dict[str, str] = {key: value for cell in cells for key, value in cell.hidden}
    if mask_id not in originals:
        return line
    return line[0] + originals[mask_id] + line[match.end() :]


class CellLines:
    """Maps a line of the joined module to (cell index, line within the cell)."""

    def __init__(self, cells: Sequence[CodeCell]) -> None:
        self.starts: List[int] = []
        self.indices: List[int] = []
        line = 1
        for cell in cells:
            self.starts.append(line)
            self.indices.append(cell.index)
            line += cell.chunk.count("\n") + 1  # the chunk, then the next cell's marker

    def locate(self, line: int) -> Tuple[int, int]:
        position = max(bisect_right(self.starts, line) - 1, 0)
        return self.indices[position], max(line - self.starts[position] + 1, 1)
