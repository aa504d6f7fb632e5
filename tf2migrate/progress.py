"""A progress bar on stderr that appears only on a terminal, and only once a run has taken a few seconds."""

from __future__ import annotations

import time
from typing import Optional

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

SHOW_AFTER_SECONDS = 2.0


class LazyProgress:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.total = 0
        self.done = 0
        self.started = time.monotonic()
        self.bar: Optional[Progress] = None
        self.task = None

    def set_total(self, total: int) -> None:
        self.total = total

    def advance(self, _result: object = None) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)
        elif self.console.is_terminal and time.monotonic() - self.started > SHOW_AFTER_SECONDS:
            self.bar = Progress(
                TextColumn("migrating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=self.console, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("migrating", total=self.total, completed=self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
