"""Encodings, newlines and broken files: the text round-trips exactly, and bad input is a clear failure."""

import os
import stat

import pytest

from codemods import CHAIN
from tf2migrate.engine import Run, write_changes
from tf2migrate.results import Status
from tf2migrate.runner import run_file
from tf2migrate.source import SourceError, atomic_write, check_writable, read_source

LEGACY = "import tensorflow as tf\nfrom keras.models import Sequential\nx = 1\n"
MIGRATED = "import tensorflow as tf\nfrom tensorflow.keras.models import Sequential\nx = 1\n"


def migrate_in_place(path):
    result = run_file(path, path.parent, CHAIN)
    return write_changes(Run((result,), ())).results[0]


def test_crlf_stays_crlf(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(LEGACY.replace("\n", "\r\n").encode())
    assert migrate_in_place(path).status is Status.CHANGED
    assert path.read_bytes() == MIGRATED.replace("\n", "\r\n").encode()


def test_mixed_newlines_are_kept_line_by_line(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(b"import tensorflow as tf\r\nfrom keras.models import Sequential\nx = 1\r\n")
    migrate_in_place(path)
    assert path.read_bytes() == b"import tensorflow as tf\r\nfrom tensorflow.keras.models import Sequential\nx = 1\r\n"


def test_utf8_bom_is_kept(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(b"\xef\xbb\xbf" + LEGACY.encode())
    migrate_in_place(path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + MIGRATED.encode()


def test_latin1_coding_cookie_is_honoured(tmp_path):
    path = tmp_path / "a.py"
    text = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + LEGACY
    path.write_bytes(text.encode("latin-1"))
    migrate_in_place(path)
    assert path.read_bytes() == ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + MIGRATED).encode("latin-1")


def test_invalid_utf8_fails_with_the_line(tmp_path):
    path = tmp_path / "a.py"
    original = b"import tensorflow as tf\n# \xff\xfe bad\n"
    path.write_bytes(original)
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED
    assert result.error.line == 2 and "utf-8" in result.error.message
    assert path.read_bytes() == original


def test_python2_file_is_named_as_such(tmp_path):
    path = tmp_path / "old.py"
    path.write_text('import tensorflow as tf\nprint "loss", 1\n')
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED
    assert result.error.line == 2
    assert "Python 2" in result.error.message and "2to3" in result.error.message


def test_python2_except_clause(tmp_path):
    path = tmp_path / "old.py"
    path.write_text("import keras\ntry:\n    pass\nexcept ValueError, e:\n    pass\n")
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED and "Python 2" in result.error.message and result.error.line == 4


def test_syntax_error_is_reported_with_line_and_not_called_python2(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("import tensorflow as tf\ndef f(:\n    pass\n")
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED
    assert result.error.line == 2 and "syntax error" in result.error.message and "Python 2" not in result.error.message


def test_binary_file_named_py_fails_cleanly(tmp_path):
    path = tmp_path / "blob.py"
    path.write_bytes(b"tensorflow\x00\x01\x02")
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.FAILED and "binary" in result.error.message


def test_file_without_tensorflow_is_skipped_unparsed(tmp_path):
    path = tmp_path / "plain.py"
    path.write_text("def f(:\n")  # would not even parse
    assert run_file(path, tmp_path, CHAIN).status is Status.SKIPPED


def test_new_python_syntax_parses(tmp_path):
    path = tmp_path / "modern.py"
    path.write_text(
        "import keras\n"
        "def f(a, /, b):\n"
        "    match a:\n"
        "        case [x, *_]:\n"
        "            return (y := x)\n"
        "    return f'{b!r:>{10}}'\n"
    )
    result = run_file(path, tmp_path, CHAIN)
    assert result.status is Status.CHANGED
    assert result.new_text.startswith("from tensorflow import keras\n")


def test_read_only_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "ro.py"
    path.write_text(LEGACY)
    path.chmod(0o444)
    result = migrate_in_place(path)
    assert result.status is Status.FAILED and "read-only" in result.error.message
    assert path.read_text() == LEGACY


def test_unreadable_file_fails_with_a_message(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files without read permission")
    path = tmp_path / "secret.py"
    path.write_text(LEGACY)
    path.chmod(0)
    assert run_file(path, tmp_path, CHAIN).status is Status.FAILED


def test_permission_bits_survive_a_rewrite(tmp_path):
    path = tmp_path / "script.py"
    path.write_text(LEGACY)
    path.chmod(0o755)
    migrate_in_place(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o755
    assert path.read_text() == MIGRATED


def test_file_changed_after_reading_is_not_overwritten(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(LEGACY)
    result = run_file(path, tmp_path, CHAIN)
    path.write_text(LEGACY + "# edited meanwhile\n")
    written = write_changes(Run((result,), ())).results[0]
    assert written.status is Status.FAILED and "changed on disk" in written.error.message
    assert path.read_text() == LEGACY + "# edited meanwhile\n"


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.py"
    target.write_text(LEGACY)
    link = tmp_path / "link.py"
    link.symlink_to(target)
    migrate_in_place(link)
    assert link.is_symlink() and target.read_text() == MIGRATED


def test_atomic_write_leaves_no_temp_file(tmp_path):
    path = tmp_path / "a.py"
    path.write_text("old")
    atomic_write(path, b"new", 0o600)
    assert path.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_check_writable_message(tmp_path):
    path = tmp_path / "a.py"
    path.write_text("x")
    path.chmod(0o400)
    with pytest.raises(SourceError, match="read-only"):
        check_writable(path)


def test_read_source_reports_encoding(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(b"\xef\xbb\xbfx = 1\n")
    source = read_source(path)
    assert source.has_bom and source.text == "x = 1\n"
