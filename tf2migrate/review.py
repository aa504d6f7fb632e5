"""Interactive per-hunk review, with git add -p's keys. Each file is written as soon as its questions end, so an
interrupt later never loses a file already reviewed; an interrupt during a file writes nothing for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Set, TextIO, Tuple

import libcst as cst
from rich.console import Console

from tf2migrate.diffs import print_diff
from tf2migrate.hunks import Hunk
from tf2migrate.notebook import changes_for
from tf2migrate.results import FileResult, Status
from tf2migrate.source import SourceError
from tf2migrate.writer import write_in_place

HELP = """\
y - apply this hunk
n - do not apply this hunk
a - apply this hunk and all later hunks in the file
d - do not apply this hunk or any later hunk in the file
A - apply this and every remaining hunk in every remaining file
D - apply nothing more, in this file or any remaining one
s - split the current hunk into smaller hunks
q - quit; hunks accepted so far in this file are written
? - print help
Enter takes the default, shown in capitals (Y)."""


@dataclass(frozen=True)
class ReviewOutcome:
    written: Tuple[Path, ...]
    refused: Tuple[Tuple[Path, str], ...]
    quit: bool


class _Reviewer:
    def __init__(self, stdin: TextIO, console: Console) -> None:
        self.stdin = stdin
        self.console = console
        self.all_files: Optional[bool] = None  # set by A (True) or D (False)
        self.quit = False
        self.applied = self.skipped = 0

    def ask(self, prompt: str, keys: str) -> str:
        while True:
            self.console.print(prompt, end="", highlight=False, markup=False)
            self.console.file.flush()
            line = self.stdin.readline()
            if not line:  # end of input: like q
                self.console.print()
                return "q"
            answer = line.strip() or "y"
            if answer == "?":
                self.console.print(HELP, highlight=False, markup=False)
            elif len(answer) == 1 and answer in keys:
                return answer
            else:
                self.console.print(f"unknown answer {answer!r}; ? for help", highlight=False, markup=False)

    def review_file(self, result: FileResult) -> Set[int]:
        """The accepted change indices for one file."""
        assert result.new_text is not None
        changes = changes_for(result)  # a notebook's hunks stay within one cell and name it
        queue: List[Hunk] = changes.hunks()
        accepted: Set[int] = set()
        path = result.path.as_posix().lstrip("/")
        print_diff(self.console, [f"--- a/{path}", f"+++ b/{path}"])
        rest_of_file: Optional[bool] = self.all_files
        shown = 0
        while queue:
            hunk = queue.pop(0)
            answer = {True: "y", False: "n"}.get(rest_of_file) if rest_of_file is not None else None
            if answer is None:
                shown += 1
                print_diff(self.console, hunk.lines)
                keys = "ynadADsq" if hunk.can_split else "ynadADq"
                shown_keys = ",".join(["Y", *keys[1:], "?"])
                answer = self.ask(f"({shown}/{shown + len(queue)}) Apply this hunk to {result.path} [{shown_keys}]? ", keys)
            if answer == "s":
                queue[:0] = changes.split(hunk)
                continue
            if answer == "q":
                self.quit = True
                self.skipped += 1 + len(queue)
                break
            if answer in "aA":
                rest_of_file = True
            if answer in "dD":
                rest_of_file = False
            if answer in "AD":
                self.all_files = answer == "A"
            if answer in "yaA":
                accepted.update(hunk.changes)
                self.applied += 1
            else:
                self.skipped += 1
        return accepted


def review(results: Sequence[FileResult], *, stdin: TextIO, console: Console) -> ReviewOutcome:
    reviewer = _Reviewer(stdin, console)
    written: List[Path] = []
    refused: List[Tuple[Path, str]] = []
    for result in results:
        if result.status is not Status.CHANGED or result.source is None or result.new_text is None:
            continue
        if reviewer.quit:
            break
        accepted = reviewer.review_file(result)
        if not accepted:
            continue
        text = changes_for(result).rebuild(accepted)
        message = _write(result, text)
        if message is None:
            written.append(result.path)
        else:
            refused.append((result.path, message))
            console.print(f"{result.path}: not written: {message}", highlight=False, markup=False)
    console.print(
        f"{len(written)} file(s) written, {reviewer.applied} hunk(s) applied, {reviewer.skipped} skipped",
        highlight=False,
    )
    return ReviewOutcome(tuple(written), tuple(refused), reviewer.quit)


def _write(result: FileResult, text: str) -> Optional[str]:
    try:
        cst.parse_module(text)
    except cst.ParserSyntaxError:
        return "the accepted hunks do not form valid Python; file not written"
    assert result.source is not None
    try:
        write_in_place(result.source, text)
    except SourceError as exc:
        return exc.message
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    return None
