"""The codemods run under libcst's own CLI, found through the repository's .libcst.codemod.yaml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from codemods import CHAIN
from tests.conftest import REPO

LEGACY = "import tensorflow as tf\nx = tf.log(tf.to_float(3))  # keep me\n"
MIGRATED = "import tensorflow as tf\nx = tf.math.log(tf.cast(3, tf.float32))  # keep me\n"


def libcst_tool(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "libcst.tool", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_a_codemod_runs_under_libcst_tool_from_the_repository(tmp_path):
    target = tmp_path / "legacy.py"
    target.write_text(LEGACY)
    proc = libcst_tool("codemod", "--no-format", "tf1_symbols_to_tf2.Tf1SymbolsToTf2", str(target), cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "Transformed 1 files successfully" in proc.stderr
    assert target.read_text() == MIGRATED  # comments and spacing kept: no formatter ran


def test_a_project_with_a_copy_of_the_config_finds_the_installed_codemods(tmp_path):
    shutil.copy(REPO / ".libcst.codemod.yaml", tmp_path / ".libcst.codemod.yaml")
    (tmp_path / "legacy.py").write_text(LEGACY)
    proc = libcst_tool("codemod", "--no-format", "tf1_symbols_to_tf2.Tf1SymbolsToTf2", "legacy.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "legacy.py").read_text() == MIGRATED


def test_libcst_tool_lists_every_codemod_with_its_summary():
    proc = libcst_tool("list", cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    for codemod in CHAIN:
        assert f".{codemod.__name__} - {codemod.summary()}" in proc.stdout
