"""The README's main job: examples/ migrated into another directory runs on TF 2.21 and prints what the
originals printed on TF 1.15 (recorded in tests/data/examples_expected/ by tests/oracle.py)."""

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, requires_tf2, run_cli

EXAMPLES = REPO / "examples"
EXPECTED = REPO / "tests" / "data" / "examples_expected"
ENTRY_POINTS = sorted(p.stem for p in EXPECTED.glob("*.out"))


@pytest.fixture(scope="module")
def migrated_examples(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples_out") / "examples"
    proc = run_cli(str(EXAMPLES), "--output-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    return out, proc


def test_dry_run_shows_a_diff_for_every_example_and_no_failure():
    proc = run_cli("examples/")
    assert proc.returncode == 0, proc.stderr
    python_files = sorted(p.relative_to(REPO).as_posix() for p in EXAMPLES.rglob("*.py"))
    shown = sorted(line[len("--- a/") :] for line in proc.stdout.splitlines() if line.startswith("--- a/"))
    assert shown == python_files
    assert "0 failed" in proc.stderr


def test_there_are_recorded_outputs_for_the_entry_points():
    assert len(ENTRY_POINTS) >= 3


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_migrated_example_prints_the_tf1_output(entry, migrated_examples):
    out, _ = migrated_examples
    command = [sys.executable, "-m", entry] if "." in entry else [sys.executable, f"{entry}.py"]
    env = dict(os.environ, CUDA_VISIBLE_DEVICES="", TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")
    proc = subprocess.run(command, cwd=out, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == (EXPECTED / f"{entry}.out").read_text(encoding="utf-8")
