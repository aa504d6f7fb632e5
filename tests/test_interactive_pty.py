"""`tf2migrate --interactive` driven through a pseudo-terminal, as a person would use it."""

import os

import pexpect
import pytest

from tests.conftest import console_script

LEGACY = (
    "import tensorflow as tf\n"
    "from keras.models import Sequential\n"
    "\n"
    "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\n"
    "from keras.layers import Dense\n"
)
PROMPT = r"Apply this hunk to .*\[Y,n,a,d,A,D,(s,)?q,\?\]\? "


def spawn(path):
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200", TERM="dumb")
    return pexpect.spawn(console_script(), ["--interactive", "--no-color", str(path)], env=env, encoding="utf-8", timeout=60)


@pytest.fixture
def legacy(tmp_path):
    path = tmp_path / "legacy.py"
    path.write_text(LEGACY)
    return path


def test_yes_then_no(legacy):
    child = spawn(legacy)
    child.expect(PROMPT)
    child.sendline("y")
    child.expect(PROMPT)
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert legacy.read_text() == LEGACY.replace("from keras.models", "from tensorflow.keras.models")


def test_quit_writes_what_was_accepted(legacy):
    child = spawn(legacy)
    child.expect(PROMPT)
    child.sendline("n")
    child.expect(PROMPT)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert legacy.read_text() == LEGACY


def test_split_a_hunk(tmp_path):
    path = tmp_path / "close.py"
    text = "from keras.models import Sequential\nx = 1\nfrom keras.layers import Dense\n"
    path.write_text(text)
    child = spawn(path)
    child.expect(r"\[Y,n,a,d,A,D,s,q,\?\]\? ")
    child.sendline("s")
    child.expect(PROMPT)
    child.sendline("n")
    child.expect(PROMPT)
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert path.read_text() == "from keras.models import Sequential\nx = 1\nfrom tensorflow.keras.layers import Dense\n"


def test_ctrl_c_writes_nothing_for_the_file_under_review(tmp_path):
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("from keras.models import Sequential\n")
    second.write_text(LEGACY)
    child = spawn(tmp_path)
    child.expect(PROMPT)
    child.sendline("y")  # a.py's only hunk: a.py is written before b.py's questions
    child.expect(PROMPT)
    child.sendline("y")  # b.py's first hunk accepted ...
    child.expect(PROMPT)
    child.sendintr()  # ... then Ctrl-C at its second
    child.expect("interrupted: nothing written for the file under review")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert first.read_text() == "from tensorflow.keras.models import Sequential\n"
    assert second.read_text() == LEGACY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py", "b.py"]


def test_file_edited_while_its_hunks_are_reviewed_is_not_overwritten(legacy):
    child = spawn(legacy)
    child.expect(PROMPT)
    legacy.write_text(LEGACY + "# edited in another window\n")
    child.sendline("a")
    child.expect(r"not\s+written:\s+file\s+changed\s+on\s+disk")  # rich wraps at the pty width
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert legacy.read_text() == LEGACY + "# edited in another window\n"
