"""Putting new text on disk: in place (after checking the file is writable and unchanged since it was read)
or under an output directory that mirrors the input tree."""

from __future__ import annotations

from pathlib import Path

from tf2migrate.results import FileResult
from tf2migrate.source import SourceError, SourceFile, atomic_write, check_unchanged_on_disk, check_writable


def encode_for(source: SourceFile, text: str) -> bytes:
    try:
        return source.encode(text)
    except UnicodeEncodeError as exc:
        raise SourceError(f"the new text cannot be encoded as {source.encoding}: {exc.reason}") from None


def write_in_place(source: SourceFile, new_text: str) -> None:
    """Raises SourceError (and writes nothing) when the file may not or should not be replaced."""
    check_writable(source.path)
    check_unchanged_on_disk(source)
    atomic_write(source.path, encode_for(source, new_text), source.mode)


def mirrored_path(result: FileResult, output_dir: Path) -> Path:
    return output_dir / result.path.relative_to(result.root)


def write_to_output_dir(result: FileResult, output_dir: Path) -> Path:
    """Write the migrated text (or, for an unchanged file, the original bytes, so the output tree is whole)."""
    assert result.source is not None
    target = mirrored_path(result, output_dir)
    if result.new_text is not None:
        data = encode_for(result.source, result.new_text)
    else:
        data = result.source.raw
    atomic_write(target, data, result.source.mode)
    return target


def is_inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
    except ValueError:
        return False
    return True
