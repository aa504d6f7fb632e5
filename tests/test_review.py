import io

from rich.console import Console

from tf2migrate.results import FileResult, Status
from tf2migrate.review import review
from tf2migrate.source import read_source

OLD = "".join(f"x{i} = {i}\n" for i in range(1, 21))
NEW = OLD.replace("x2 = 2\n", "x2 = 'two'\n").replace("x6 = 6\n", "x6 = 'six'\n").replace("x19 = 19\n", "x19 = 'nineteen'\n")
ONLY_2 = OLD.replace("x2 = 2\n", "x2 = 'two'\n")
ONLY_19 = OLD.replace("x19 = 19\n", "x19 = 'nineteen'\n")


def changed(tmp_path, name="a.py", old=OLD, new=NEW):
    path = tmp_path / name
    path.write_bytes(old.encode())
    return FileResult(path, tmp_path, Status.CHANGED, read_source(path), new_text=new)


def run(results, answers):
    out = io.StringIO()
    outcome = review(results, stdin=io.StringIO(answers), console=Console(file=out, no_color=True, width=200))
    return outcome, out.getvalue()


def test_yes_and_no_per_hunk(tmp_path):
    result = changed(tmp_path)
    outcome, shown = run([result], "n\ny\n")
    assert result.path.read_text() == ONLY_19
    assert outcome.written == (result.path,)
    assert "(1/2) Apply this hunk to" in shown and "[Y,n,a,d,A,D,s,q,?]" in shown and "[Y,n,a,d,A,D,q,?]" in shown


def test_enter_takes_yes(tmp_path):
    result = changed(tmp_path)
    run([result], "\n\n")
    assert result.path.read_text() == NEW


def test_split_then_apply_only_the_first_part(tmp_path):
    result = changed(tmp_path)
    run([result], "s\ny\nn\nn\n")
    assert result.path.read_text() == ONLY_2


def test_a_and_d_cover_the_rest_of_the_file_only(tmp_path):
    first, second = changed(tmp_path, "a.py"), changed(tmp_path, "b.py")
    run([first, second], "a\nd\n")
    assert first.path.read_text() == NEW and second.path.read_text() == OLD


def test_capital_a_applies_everything_left(tmp_path):
    first, second = changed(tmp_path, "a.py"), changed(tmp_path, "b.py")
    run([first, second], "n\nA\n")
    assert first.path.read_text() == ONLY_19 and second.path.read_text() == NEW


def test_capital_d_stops_applying(tmp_path):
    first, second = changed(tmp_path, "a.py"), changed(tmp_path, "b.py")
    outcome, _ = run([first, second], "y\nD\n")
    assert first.path.read_text() == OLD.replace("x2 = 2\n", "x2 = 'two'\n").replace("x6 = 6\n", "x6 = 'six'\n")
    assert second.path.read_text() == OLD and outcome.written == (first.path,)


def test_q_writes_what_was_accepted_and_stops(tmp_path):
    first, second = changed(tmp_path, "a.py"), changed(tmp_path, "b.py")
    outcome, _ = run([first, second], "y\nq\n")
    assert outcome.quit
    assert first.path.read_text() == OLD.replace("x2 = 2\n", "x2 = 'two'\n").replace("x6 = 6\n", "x6 = 'six'\n")
    assert second.path.read_text() == OLD


def test_help_unknown_key_and_end_of_input(tmp_path):
    result = changed(tmp_path)
    outcome, shown = run([result], "?\nz\n")
    assert "s - split the current hunk" in shown and "unknown answer 'z'" in shown
    assert outcome.quit and result.path.read_text() == OLD


def test_file_changed_on_disk_is_refused(tmp_path):
    result = changed(tmp_path)
    result.path.write_text(OLD + "# someone else\n")
    outcome, shown = run([result], "y\ny\n")
    assert result.path.read_text() == OLD + "# someone else\n"
    assert outcome.refused and "changed on disk" in outcome.refused[0][1] and "not written" in shown


def test_read_only_file_is_refused(tmp_path):
    result = changed(tmp_path)
    result.path.chmod(0o444)
    outcome, _ = run([result], "y\ny\n")
    assert result.path.read_text() == OLD and "read-only" in outcome.refused[0][1]


def test_accepted_hunks_that_do_not_parse_are_refused(tmp_path):
    old = "def f():\n    return 1\n" + "".join(f"x{i} = {i}\n" for i in range(10)) + "y = 1\n"
    new = "def f():\n    return (1\n" + "".join(f"x{i} = {i}\n" for i in range(10)) + "y = 1)\n"
    result = changed(tmp_path, old=old, new=new)
    outcome, _ = run([result], "y\nn\n")
    assert result.path.read_text() == old and "valid Python" in outcome.refused[0][1]


def test_crlf_is_preserved(tmp_path):
    result = changed(tmp_path, old=OLD.replace("\n", "\r\n"), new=NEW.replace("\n", "\r\n"))
    run([result], "y\ny\n")
    assert result.path.read_bytes() == NEW.replace("\n", "\r\n").encode()
