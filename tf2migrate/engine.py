"""What one tf2migrate run does, independent of how it is invoked: choose codemods, find files, run them,
and put results on disk. The CLI maps options onto these calls and results onto exit codes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

from tf2migrate.codemod import FixSafety, Settings
from tf2migrate.discover import discover
from tf2migrate.results import FileError, FileResult, Status
from tf2migrate.runner import Chain, run_files
from tf2migrate.source import SourceError
from tf2migrate.writer import write_in_place, write_to_output_dir


class UsageError(ValueError):
    """A request that cannot be carried out as asked (unknown codemod, output dir inside the input, ...)."""


def _normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def select_chain(chain: Chain, select: Iterable[str] = (), ignore: Iterable[str] = (), unsafe: bool = False) -> Chain:
    """The chain, in its own order, narrowed by ``--select`` / ``--ignore``; unsafe codemods need ``unsafe``."""
    by_name = {codemod.NAME: codemod for codemod in chain}
    wanted = [_normalise(n) for n in select if n.strip()]
    unwanted = [_normalise(n) for n in ignore if n.strip()]
    unknown = sorted(set(wanted + unwanted) - set(by_name))
    if unknown:
        raise UsageError(f"unknown codemod(s): {', '.join(unknown)}; known: {', '.join(by_name)}")
    return tuple(
        codemod
        for codemod in chain
        if (not wanted or codemod.NAME in wanted)
        and codemod.NAME not in unwanted
        and (unsafe or codemod.FIX_SAFETY is FixSafety.SAFE)
    )


@dataclass(frozen=True)
class Run:
    results: Tuple[FileResult, ...]
    bad_paths: Tuple[Tuple[Path, str], ...]  # PATH arguments that could not be used

    @property
    def changed(self) -> List[FileResult]:
        return [r for r in self.results if r.status is Status.CHANGED]

    @property
    def failed(self) -> bool:
        return bool(self.bad_paths) or any(r.status is Status.FAILED for r in self.results)


def migrate(
    paths: Sequence[str],
    chain: Chain,
    settings: Settings = Settings(),
    excludes: Sequence[str] = (),
    jobs: int = 0,
    on_file_count: Optional[Callable[[int], None]] = None,
    on_result: Optional[Callable[[FileResult], None]] = None,
) -> Run:
    found = discover(paths, excludes)
    if on_file_count:
        on_file_count(len(found.files))
    results = run_files(found.files, chain, settings, jobs, on_result)
    return Run(tuple(results), tuple(found.errors))


def _write_failed(result: FileResult, message: str) -> FileResult:
    return dataclasses.replace(result, status=Status.FAILED, error=FileError(message))


def write_changes(run: Run) -> Run:
    """Rewrite changed files in place; a file that cannot be written becomes a failure, the others go on."""
    results = []
    for result in run.results:
        if result.status is Status.CHANGED:
            assert result.source is not None and result.new_text is not None
            try:
                write_in_place(result.source, result.new_text)
            except (SourceError, OSError) as exc:
                result = _write_failed(result, getattr(exc, "message", None) or f"cannot write: {exc}")
        results.append(result)
    return dataclasses.replace(run, results=tuple(results))


def check_output_dir(output_dir: Path, paths: Sequence[str]) -> None:
    """Refuse an output directory inside an input tree (or, for a file argument, its own directory): the
    migrated copies would overwrite the originals or be picked up by the next run."""
    target = output_dir.resolve()
    for argument in paths:
        source = Path(argument).resolve()
        if source.is_dir() and (target == source or source in target.parents):
            raise UsageError(f"--output-dir {output_dir} is inside the input tree {argument}; choose one outside it")
        if source.is_file() and target == source.parent:
            raise UsageError(f"--output-dir {output_dir} is the directory of {argument}; the copy would replace it")


def write_output_dir(run: Run, output_dir: Path) -> Run:
    """Mirror every file that was read (migrated where it changed) under ``output_dir``."""
    results = []
    for result in run.results:
        if result.source is not None and result.status is not Status.FAILED:
            try:
                write_to_output_dir(result, output_dir)
            except (SourceError, OSError) as exc:
                result = _write_failed(result, getattr(exc, "message", None) or f"cannot write: {exc}")
        results.append(result)
    return dataclasses.replace(run, results=tuple(results))
