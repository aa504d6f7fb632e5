from pathlib import Path

from tf2migrate.discover import discover


def names(discovery, base):
    return sorted(Path(p).relative_to(base).as_posix() for p, _ in discovery.files)


def make(tmp_path, *files):
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("import keras\n")


def test_walk_skips_default_excludes_and_non_python(tmp_path):
    make(tmp_path, "a.py", "pkg/b.py", "venv/c.py", ".venv/d.py", "build/e.py", "node_modules/f.py",
         "pkg/__pycache__/g.py", "lib/site-packages/h.py", "notes.txt")
    assert names(discover([str(tmp_path)]), tmp_path) == ["a.py", "pkg/b.py"]


def test_gitignore_is_honoured_including_nested_and_negation(tmp_path):
    make(tmp_path, "a.py", "gen/x.py", "src/keep.py", "src/skip_me.py", "src/sub/generated.py", "src/sub/special.py")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("gen/\n*_me.py\n")
    (tmp_path / "src" / "sub" / ".gitignore").write_text("*.py\n!special.py\n")
    assert names(discover([str(tmp_path)]), tmp_path) == ["a.py", "src/keep.py", "src/sub/special.py"]


def test_gitignore_above_the_walked_directory_applies_inside_a_repository(tmp_path):
    make(tmp_path, "src/a.py", "src/gen/b.py")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("src/gen/\n")
    assert names(discover([str(tmp_path / "src")]), tmp_path) == ["src/a.py"]


def test_exclude_globs(tmp_path):
    make(tmp_path, "a.py", "tests/test_a.py", "pkg/legacy_old.py")
    found = discover([str(tmp_path)], excludes=["tests/", "*_old.py"])
    assert names(found, tmp_path) == ["a.py"]


def test_explicit_file_is_processed_even_when_excluded(tmp_path):
    make(tmp_path, "venv/c.py")
    (tmp_path / ".gitignore").write_text("venv/\n")
    target = tmp_path / "venv" / "c.py"
    assert [p for p, _ in discover([str(target)], excludes=["*.py"]).files] == [target]


def test_missing_path_is_an_error_and_others_still_found(tmp_path):
    make(tmp_path, "a.py")
    found = discover([str(tmp_path / "nope"), str(tmp_path)])
    assert names(found, tmp_path) == ["a.py"]
    assert [(p.name, m) for p, m in found.errors] == [("nope", "no such file or directory")]


def test_symlinks_are_not_followed_while_walking(tmp_path):
    make(tmp_path, "real/a.py")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "alias.py").symlink_to(tmp_path / "real" / "a.py")
    assert names(discover([str(tmp_path)]), tmp_path) == ["real/a.py"]


def test_file_found_twice_is_listed_once(tmp_path):
    make(tmp_path, "a.py")
    found = discover([str(tmp_path), str(tmp_path / "a.py")])
    assert len(found.files) == 1
