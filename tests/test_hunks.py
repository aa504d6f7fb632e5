import difflib

from tf2migrate.hunks import FileChanges

OLD = "".join(f"line {i}\n" for i in range(1, 21))
NEW = OLD.replace("line 2\n", "LINE 2\n").replace("line 7\n", "").replace("line 19\n", "line 19\nadded\n")


def test_hunks_match_difflib_unified_diff():
    hunks = FileChanges(OLD, NEW).hunks()
    assert [len(h.changes) for h in hunks] == [2, 1]
    expected = [l.rstrip("\n") for l in difflib.unified_diff(OLD.splitlines(True), NEW.splitlines(True), n=3)][2:]
    assert [line for h in hunks for line in h.lines] == expected
    assert hunks[1].lines == ("@@ -17,4 +16,5 @@", " line 17", " line 18", " line 19", "+added", " line 20")


def test_rebuild_all_none_and_some():
    changes = FileChanges(OLD, NEW)
    every = {i for h in changes.hunks() for i in h.changes}
    assert changes.rebuild(every) == NEW
    assert changes.rebuild(set()) == OLD
    first, _ = changes.split(changes.hunks()[0])
    assert changes.rebuild(set(first.changes)) == OLD.replace("line 2\n", "LINE 2\n")


def test_split_gives_one_hunk_per_change_and_single_change_cannot_split():
    changes = FileChanges(OLD, NEW)
    big, small = changes.hunks()
    parts = changes.split(big)
    assert [p.lines[0] for p in parts] == ["@@ -1,5 +1,5 @@", "@@ -4,7 +4,6 @@"]
    assert not small.can_split and changes.split(small) == [small]


def test_crlf_and_missing_final_newline_round_trip():
    old, new = "a\r\nb\r\nc", "a\r\nB\r\nc"
    changes = FileChanges(old, new)
    [hunk] = changes.hunks()
    assert changes.rebuild(set(hunk.changes)) == new and changes.rebuild(set()) == old
    assert hunk.lines[-1] == "\\ No newline at end of file"
