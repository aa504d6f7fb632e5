"""Reading a Python file as the user wrote it, and writing it back the same way.

The text handed to the codemods is the decoded file with its newlines as they are (libcst keeps CRLF, LF and
mixed newlines byte for byte). Encoding back uses the file's own encoding, so a coding cookie, a latin-1 file or
a UTF-8 BOM survives a rewrite.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Tuple


class SourceError(Exception):
    """A file that cannot be read as Python source; ``line`` is 0 when the problem has no line."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class SourceFile:
    path: Path
    raw: bytes
    encoding: str  # as Python's tokenizer names it; "utf-8-sig" means the file starts with a BOM
    text: str
    mode: int  # permission bits, restored on the rewritten file

    @property
    def has_bom(self) -> bool:
        return self.encoding == "utf-8-sig"

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


def decode_source(path: Path, raw: bytes, mode: int = 0o644) -> SourceFile:
    if b"\x00" in raw:
        raise SourceError("binary file (contains NUL bytes), not Python source")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as exc:  # unknown or conflicting coding cookie
        raise SourceError(f"cannot determine the encoding: {exc}", getattr(exc, "lineno", 0) or 0) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"not valid {encoding} (byte {raw[exc.start]:#04x} at offset {exc.start}); "
            "add a coding cookie naming the file's real encoding",
            line,
        ) from None
    return SourceFile(path=path, raw=raw, encoding=encoding, text=text, mode=mode)


def read_source(path: Path) -> SourceFile:
    raw, mode = read_bytes(path)
    return decode_source(path, raw, mode)


def read_bytes(path: Path) -> Tuple[bytes, int]:
    """The file's bytes and permission bits."""
    try:
        # Non-blocking, so that a FIFO named *.py met while walking cannot hang the run (no effect on files).
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise SourceError("not a regular file (a FIFO, socket or device); not read")
            mode = stat.S_IMODE(status.st_mode)
            raw = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    return raw, mode


def check_writable(path: Path) -> None:
    """Refuse files the user marked read-only, even where the directory would let a rename replace them."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise SourceError(f"cannot write: {exc.strerror or exc}") from None
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise SourceError("file is read-only; left as it was (make it writable to migrate it)")


def check_unchanged_on_disk(source: SourceFile) -> None:
    """The file must still hold what was read, or the rewrite would drop someone else's edit."""
    try:
        current = Path(source.path).read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot re-read before writing: {exc.strerror or exc}") from None
    if current != source.raw:
        raise SourceError("file changed on disk since it was read; not written (run tf2migrate again)")


def atomic_write(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to ``path`` so that a reader (or a crash) sees either the old file or the whole new one.

    A symbolic link is written through: its target gets the new content and the link stays a link.
    """
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tf2migrate-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
