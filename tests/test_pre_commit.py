"""The hooks in .pre-commit-hooks.yaml, run by pre-commit itself in a throwaway repository.

pre-commit clones the hook repository at a commit and pip-installs it into a virtualenv of its own. So that the
test sees the working tree as it is (uncommitted changes included) and leaves this repository's git state alone,
the files a pip install needs are copied into a temporary repository and committed there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_cli import LEGACY, MIGRATED

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra (pip install -e '.[test]')")

pytestmark = pytest.mark.slow  # a virtualenv and a pip install of tf2migrate: about a minute

INSTALL_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "tf2migrate", "codemods")
NETWORK_FAILURES = ("No matching distribution", "Could not find a version", "Failed to establish a new connection")
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(*args: str, cwd: Path) -> str:
    env = dict(os.environ, **GIT_IDENTITY)
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_of_the_working_tree(destination: Path) -> str:
    """A one-commit repository with the tracked and untracked (not ignored) files tf2migrate installs from."""
    listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *INSTALL_FILES, cwd=REPO)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is left out, as in the tree
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    git("init", "-q", cwd=destination)
    git("add", "-A", cwd=destination)
    git("commit", "-q", "-m", "snapshot", cwd=destination)
    return git("rev-parse", "HEAD", cwd=destination).strip()


def write_config(project: Path, hooks_repo: Path, rev: str, hook_id: str) -> None:
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks_repo.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: {hook_id}\n"
    )


def pre_commit_run(project: Path, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1", **GIT_IDENTITY)
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )
    log = home / "pre-commit.log"
    details = proc.stdout + proc.stderr + (log.read_text() if log.exists() else "")
    if proc.returncode == 3 and any(failure in details for failure in NETWORK_FAILURES):
        pytest.skip("pre-commit could not pip-install tf2migrate's dependencies (no package index reachable)")
    return proc


def test_check_hook_fails_and_fix_hook_rewrites(tmp_path):
    hooks_repo, project, home = tmp_path / "hooks", tmp_path / "project", tmp_path / "pre-commit-home"
    for directory in (hooks_repo, project):
        directory.mkdir()
    rev = snapshot_of_the_working_tree(hooks_repo)
    git("init", "-q", cwd=project)
    (project / "train.py").write_text(LEGACY)
    (project / "notes.txt").write_text("import keras\n")  # not Python: not handed to the hooks
    write_config(project, hooks_repo, rev, "tf2migrate")
    git("add", "-A", cwd=project)

    check = pre_commit_run(project, home)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "tf2migrate (check)" in check.stdout and "Failed" in check.stdout
    assert "would change: train.py" in check.stdout
    assert "notes.txt" not in check.stdout
    assert (project / "train.py").read_text() == LEGACY

    write_config(project, hooks_repo, rev, "tf2migrate-fix")
    fix = pre_commit_run(project, home)
    assert fix.returncode == 1, fix.stdout + fix.stderr  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in fix.stdout
    assert (project / "train.py").read_text() == MIGRATED

    write_config(project, hooks_repo, rev, "tf2migrate")
    clean = pre_commit_run(project, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "tf2migrate (check)" in clean.stdout and "Passed" in clean.stdout
