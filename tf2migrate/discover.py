"""Which files a run looks at.

Directories are walked with ``.gitignore`` files honoured (those inside the tree and those above it up to the
repository root), default excludes skipped and ``--exclude`` globs applied. A file named on the command line is
always processed. Symbolic links met while walking are not followed (no loops, no file seen twice); a link named
on the command line is read and written through.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pathspec

DEFAULT_EXCLUDES = (
    ".git", "venv", ".venv", "env", "build", "dist", "node_modules", "__pycache__", "site-packages",
    ".ipynb_checkpoints",  # Jupyter's autosaved copies of notebooks
)
PYTHON_SUFFIXES = (".py", ".ipynb")  # notebooks are read by tf2migrate.notebook


@dataclass
class Discovery:
    files: List[Tuple[Path, Path]] = field(default_factory=list)  # (file, the PATH argument it was found under)
    errors: List[Tuple[Path, str]] = field(default_factory=list)  # arguments that could not be used


def _gitignore_spec(directory: Path) -> Optional[pathspec.GitIgnoreSpec]:
    ignore_file = directory / ".gitignore"
    try:
        lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


class _Ignores:
    """The .gitignore specs that apply below one walked root, collected as the walk goes down."""

    def __init__(self, root: Path, excludes: Sequence[str]) -> None:
        self.specs: List[Tuple[Path, pathspec.GitIgnoreSpec]] = []
        for ancestor in reversed(_ancestors_in_repository(root)):
            spec = _gitignore_spec(ancestor)
            if spec is not None:
                self.specs.append((ancestor, spec))
        self.excludes = pathspec.GitIgnoreSpec.from_lines(excludes) if excludes else None
        self.root = root

    def add_directory(self, directory: Path) -> None:
        spec = _gitignore_spec(directory)
        if spec is not None:
            self.specs.append((directory, spec))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        if is_dir and path.name in DEFAULT_EXCLUDES:
            return True
        if self.excludes is not None and self._matches(self.excludes, path.relative_to(self.root), is_dir):
            return True
        verdict = False
        for base, spec in self.specs:  # outermost first, so a deeper .gitignore has the last word
            try:
                relative = path.relative_to(base)
            except ValueError:
                continue
            verdict = self._matches(spec, relative, is_dir) or verdict
        return verdict

    @staticmethod
    def _matches(spec: pathspec.GitIgnoreSpec, relative: Path, is_dir: bool) -> bool:
        text = relative.as_posix()
        return spec.match_file(text + "/" if is_dir else text) or spec.match_file(text)


def _ancestors_in_repository(root: Path) -> List[Path]:
    """``root`` and its parents up to the git work tree's top (only ``root`` when not inside a repository)."""
    chain: List[Path] = []
    for directory in (root, *root.parents):
        chain.append(directory)
        if (directory / ".git").exists():
            return chain
    return [root]


def discover(paths: Sequence[str], excludes: Sequence[str] = ()) -> Discovery:
    found = Discovery()
    seen = set()

    def add(file: Path, root: Path) -> None:
        key = os.path.realpath(file)
        if key not in seen:
            seen.add(key)
            found.files.append((file, root))

    for argument in paths:
        path = Path(argument)
        if path.is_file():
            add(path, path.parent)
        elif path.is_dir():
            for file in _walk(path, excludes):
                add(file, path)
        elif path.is_symlink():
            found.errors.append((path, "broken symbolic link"))
        elif path.exists():
            found.errors.append((path, "not a regular file or directory"))
        else:
            found.errors.append((path, "no such file or directory"))
    return found


def _walk(root: Path, excludes: Sequence[str]) -> List[Path]:
    ignores = _Ignores(root.resolve(), excludes)
    files: List[Path] = []
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        current = Path(directory)
        absolute = current.resolve()
        if current != root:
            ignores.add_directory(absolute)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not (current / d).is_symlink() and not ignores.ignored(absolute / d, is_dir=True)
        )
        for name in sorted(filenames):
            file = current / name
            if not name.endswith(PYTHON_SUFFIXES) or file.is_symlink():
                continue
            if not ignores.ignored(absolute / name, is_dir=False):
                files.append(file)
    return files
