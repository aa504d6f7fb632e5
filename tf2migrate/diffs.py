"""Unified diffs of a result, as text that ``git apply`` / ``patch -p1`` accept, and their coloured display."""

from __future__ import annotations

import difflib
from typing import Iterable, List

from rich.console import Console
from rich.text import Text

from tf2migrate.results import FileResult

NO_NEWLINE_MARKER = "\\ No newline at end of file"


def diff_lines(old_lines: List[str], new_lines: List[str], path: str, context: int = 3) -> List[str]:
    """Unified diff lines, each without its line ending. ``old_lines``/``new_lines`` keep their endings
    (``splitlines(keepends=True)``) so a missing final newline is marked the way git marks it."""
    out: List[str] = []
    raw = difflib.unified_diff(old_lines, new_lines, f"a/{path}", f"b/{path}", n=context, lineterm="\n")
    for line in raw:
        if line.startswith(("---", "+++", "@@")):
            out.append(line.rstrip("\n"))
            continue
        # Keep a CR so the patch applies to a CRLF file; the terminal display drops it.
        out.append(line[:-1] if line.endswith("\n") else line)
        if not line.endswith("\n"):
            out.append(NO_NEWLINE_MARKER)
    return out


def result_diff(result: FileResult) -> List[str]:
    if result.new_text is None:
        return []
    from tf2migrate.notebook import is_notebook, notebook_diff  # the notebook module builds on this one

    if is_notebook(result.source):
        return notebook_diff(result)
    return diff_lines(
        result.old_text.splitlines(keepends=True),
        result.new_text.splitlines(keepends=True),
        result.path.as_posix().lstrip("/"),
    )


def line_style(line: str) -> str:
    if line.startswith(("---", "+++")):
        return "bold"
    if line.startswith("@@"):
        return "cyan"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return ""


def print_diff(console: Console, lines: Iterable[str]) -> None:
    """Coloured where the console is a colour terminal; otherwise the exact patch text."""
    if console.no_color or not console.is_terminal:
        console.file.write("".join(line + "\n" for line in lines))
        return
    for line in lines:
        console.print(Text(line.rstrip("\r"), style=line_style(line)), soft_wrap=True, highlight=False)
