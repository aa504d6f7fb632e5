"""Bad and unusual inputs through the installed CLI (`--write`): each gets a clear message with its path (and
line where there is one), the right exit code, its bytes untouched unless it was migrated as expected, and the
other files of the run are still migrated. Engine-level cases that the CLI cannot stage without a race (a file
deleted between reading and writing) are at the end."""

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

import pytest
from rich.console import Console

from codemods import CHAIN
from tf2migrate.engine import Run, write_changes
from tf2migrate.results import Status
from tf2migrate.review import review
from tf2migrate.runner import run_file
from tests.conftest import run_cli

LEGACY = "import tensorflow as tf\nfrom keras.models import Sequential\nx = 1\n"
MIGRATED = "import tensorflow as tf\nfrom tensorflow.keras.models import Sequential\nx = 1\n"
IN_FUNCTION = "import tensorflow as tf\n\ndef f(x):\n\treturn tf.log(x)\n"
IN_FUNCTION_MIGRATED = "import tensorflow as tf\n\ndef f(x):\n\treturn tf.math.log(x)\n"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # creates the bad input under the project root, returns the path to check
    exit_code: int
    message: Optional[str] = None  # expected in stderr, after "<path>:<line>:" (or "<path>:") when set
    line: int = 0
    expected: Optional[bytes] = None  # the file's bytes afterwards; None: untouched
    name_it: bool = False  # name the file on the command line (besides the project directory)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def big_file(call: str) -> bytes:
    """50,000 lines; every 1000th calls ``call`` (a file this size is mostly code nothing rewrites)."""
    body = "".join(f"v{i} = {call}({i})\n" if i % 1000 == 0 else f"v{i} = {i} + 1\n" for i in range(50_000))
    return ("import tensorflow as tf\n" + body).encode()


def fifty_thousand_lines(root: Path) -> Path:
    return write(root / "big.py", big_file("tf.to_float"))


def big_expected() -> bytes:
    return big_file("tf.cast").replace(b"(0)", b"(0, tf.float32)").replace(b"000)", b"000, tf.float32)")


def symlink_to_file(root: Path) -> Path:
    target = write(root.parent / "outside.py", LEGACY.encode())
    link = root / "link.py"
    link.symlink_to(target)
    return link


def directory_loop(root: Path) -> Path:
    (root / "loop").symlink_to(root, target_is_directory=True)
    return root / "loop"


def read_only(root: Path) -> Path:
    path = write(root / "ro.py", LEGACY.encode())
    path.chmod(0o444)
    return path


def unreadable(root: Path) -> Path:
    path = write(root / "secret.py", LEGACY.encode())
    path.chmod(0)
    return path


def fifo(root: Path) -> Path:
    path = root / "pipe.py"
    os.mkfifo(path)
    return path


CASES = [
    Case("invalid-utf8", lambda r: write(r / "bad.py", b"import tensorflow as tf\n# \xff\xfe\n"), 2, "not valid utf-8", 2),
    Case(
        "latin1-cookie",
        lambda r: write(r / "latin.py", ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + LEGACY).encode("latin-1")),
        0,
        expected=("# -*- coding: latin-1 -*-\n# caf\xe9\n" + MIGRATED).encode("latin-1"),
    ),
    Case("utf8-bom", lambda r: write(r / "bom.py", b"\xef\xbb\xbf" + LEGACY.encode()), 0,
         expected=b"\xef\xbb\xbf" + MIGRATED.encode()),
    Case("crlf", lambda r: write(r / "crlf.py", LEGACY.replace("\n", "\r\n").encode()), 0,
         expected=MIGRATED.replace("\n", "\r\n").encode()),
    Case(
        "mixed-newlines",
        lambda r: write(r / "mixed.py", b"import tensorflow as tf\r\nfrom keras.models import Sequential\nx = 1\r\n"),
        0,
        expected=b"import tensorflow as tf\r\nfrom tensorflow.keras.models import Sequential\nx = 1\r\n",
    ),
    Case("tabs", lambda r: write(r / "tabs.py", IN_FUNCTION.encode()), 0, expected=IN_FUNCTION_MIGRATED.encode()),
    Case(
        "form-feeds",
        lambda r: write(r / "ff.py", ("\x0c\n" + IN_FUNCTION.replace("\ndef", "\x0c\ndef")).encode()),
        0,
        expected=("\x0c\n" + IN_FUNCTION_MIGRATED.replace("\ndef", "\x0c\ndef")).encode(),
    ),
    Case("python2", lambda r: write(r / "py2.py", b'import tensorflow as tf\nprint "loss", 1\n'), 2, "Python 2", 2),
    Case("syntax-error", lambda r: write(r / "broken.py", b"import tensorflow as tf\n\ndef f(:\n"), 2, "syntax error", 3),
    Case("empty", lambda r: write(r / "empty.py", b""), 0),
    Case("50k-lines", fifty_thousand_lines, 0, expected=big_expected()),
    Case("binary", lambda r: write(r / "blob.py", b"\x7fELF\x02\x01\x00\x00tensorflow\xff"), 2, "binary file"),
    Case("symlink-walked", symlink_to_file, 0),  # not followed while walking: the link and its target untouched
    Case("symlink-named", symlink_to_file, 0, expected=MIGRATED.encode(), name_it=True),  # written through
    Case("directory-loop", directory_loop, 0),
    Case("read-only", read_only, 2, "read-only"),
    Case("unreadable", unreadable, 2, "cannot read: Permission denied"),
    # libcst prints "x = 1\n\n\t\n\n" as "x = 1\n\t\n\n": a rewrite would drop a trailing line.
    Case("trailing-whitespace-lines-unchanged", lambda r: write(r / "tail.py", b"import tensorflow as tf\nx = 1\n\n\t\n\n"), 0),
    Case(
        "trailing-whitespace-lines-changed",
        lambda r: write(r / "tail.py", LEGACY.encode() + b"\n\t\n\n"),
        2,
        "libcst cannot reproduce this file byte for byte",
        4,
    ),
    Case("fifo", fifo, 2, "not a regular file", name_it=True),
    Case("fifo-walked", fifo, 2, "not a regular file"),
]


def snapshot(path: Path) -> Optional[bytes]:
    return path.read_bytes() if path.is_file() and os.access(path, os.R_OK) else None


# Root reads files without read permission; without the capabilities that let it, it is refused like anyone.
WITHOUT_DAC_OVERRIDE = (
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
)


def permission_checks_apply() -> Sequence[str]:
    """The command prefix under which file permissions bind this process; skips the test where none exists."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") and subprocess.run([*WITHOUT_DAC_OVERRIDE, "true"], capture_output=True).returncode == 0:
        return WITHOUT_DAC_OVERRIDE
    pytest.skip("running as root, and setpriv cannot drop CAP_DAC_OVERRIDE here: root would read the file")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_matrix(tmp_path, case):
    prefix = permission_checks_apply() if case.name == "unreadable" else ()
    root = tmp_path / "project"
    root.mkdir()
    other = write(root / "zz_other.py", LEGACY.encode())
    bad = case.make(root)
    before = snapshot(bad)
    target_before = snapshot(bad.resolve()) if bad.is_symlink() else None

    arguments = ["--write", str(root)] + ([str(bad)] if case.name_it else [])
    proc = run_cli(*arguments, cwd=tmp_path, prefix=prefix)

    assert proc.returncode == case.exit_code, proc.stderr
    if case.message is not None:
        where = f"{bad}:{case.line}:" if case.line else f"{bad}:"
        error_lines = [line for line in proc.stderr.splitlines() if line.startswith(where)]
        assert error_lines and case.message in error_lines[0], proc.stderr
    else:
        assert "error" not in proc.stderr, proc.stderr
    if case.expected is not None:
        assert bad.read_bytes() == case.expected
    elif before is not None:
        assert bad.read_bytes() == before
    if case.name.startswith("symlink") or case.name == "directory-loop":
        assert bad.is_symlink(), "a symbolic link was replaced"
    if case.name == "symlink-walked":
        assert bad.resolve().read_bytes() == target_before
    assert other.read_bytes() == MIGRATED.encode(), "the other file of the run was not migrated"
    assert not [p for p in root.iterdir() if p.name.endswith(".tf2migrate-tmp")]


def test_nonexistent_path_is_named_and_the_other_paths_still_run(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    other = write(root / "other.py", LEGACY.encode())
    missing = tmp_path / "nope.py"
    proc = run_cli("--write", str(missing), str(root), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{missing}: error no such file or directory" in proc.stderr
    assert other.read_bytes() == MIGRATED.encode()
    assert not missing.exists()


def test_file_deleted_between_read_and_write_is_not_recreated(tmp_path):
    path = write(tmp_path / "a.py", LEGACY.encode())
    result = run_file(path, tmp_path, CHAIN)
    path.unlink()
    written = write_changes(Run((result,), ())).results[0]
    assert written.status is Status.FAILED and "No such file or directory" in written.error.message
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_file_deleted_during_interactive_review_is_not_recreated(tmp_path):
    path = write(tmp_path / "a.py", LEGACY.encode())
    result = run_file(path, tmp_path, CHAIN)
    path.unlink()
    console = Console(file=io.StringIO(), no_color=True, width=200)
    outcome = review([result], stdin=io.StringIO("y\n"), console=console)
    assert outcome.written == () and "No such file or directory" in outcome.refused[0][1]
    assert list(tmp_path.iterdir()) == []
