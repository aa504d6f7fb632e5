"""Golden cases: golden/<codemod>/<case>/{input.py, expected.py, expected.out}.

expected.py is written and reviewed by hand; expected.out is what input.py printed on the real TF 1.15 + Keras
2.2.4 runtime (tests/oracle.py records it); an optional settings.json holds the run options the case is
migrated with. The chain must turn input.py into expected.py exactly, leave expected.py alone, and expected.py
must print expected.out on TensorFlow 2.21 -- unless the case holds a ``no_tf2_run`` file, whose text says why
expected.py is not meant to run there (e.g. a `--fallback none` case that keeps TF 1.x-only APIs on purpose).
"""

import dataclasses
import enum
import functools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codemods import CHAIN
from tests.conftest import REPO, requires_tf2, run_python, skip_if_not_for_tf2
from tf2migrate.codemod import Settings
from tf2migrate.results import Mode, Status
from tf2migrate.runner import run_file

GOLDEN = REPO / "golden"
CASES = sorted(p.parent for p in GOLDEN.glob("*/*/input.py"))
IDS = [f"{c.parent.name}/{c.name}" for c in CASES]


def case_settings(case: Path) -> Settings:
    """A case's run-wide options: ``settings.json`` holds Settings fields (e.g. gpu_memory_limit_mb); enum fields
    are given by value (``{"fallback": "none"}``)."""
    path = case / "settings.json"
    if not path.exists():
        return Settings()
    values = json.loads(path.read_text(encoding="utf-8"))
    for field in dataclasses.fields(Settings):
        if isinstance(field.default, enum.Enum) and field.name in values:
            values[field.name] = type(field.default)(values[field.name])
    return Settings(**values)


def migrated(path: Path) -> str:
    result = run_file(path, path.parent, CHAIN, case_settings(path.parent))
    assert result.status in (Status.CHANGED, Status.UNCHANGED), result.error
    return result.new_text if result.status is Status.CHANGED else result.old_text


def test_there_are_golden_cases_for_every_codemod_dir():
    codemod_modules = {c.__module__.rsplit(".", 1)[1] for c in CHAIN}
    dirs = {p.name for p in GOLDEN.iterdir() if p.is_dir()}
    assert dirs <= codemod_modules, f"golden dirs not named after a codemod: {dirs - codemod_modules}"
    assert len(CASES) >= 10
    for case in CASES:
        assert {"input.py", "expected.py", "expected.out"} <= {p.name for p in case.iterdir()}, case


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_input_becomes_expected(case):
    assert migrated(case / "input.py") == (case / "expected.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expected_is_left_alone(case):
    result = run_file(case / "expected.py", case, CHAIN, case_settings(case))
    assert result.status in (Status.UNCHANGED, Status.SKIPPED), result.new_text


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_only_declared_fallback_cases_end_in_compat_mode(case):
    """A case whose program keeps TF 1.x semantics through tf.compat.v1 says so in a ``compat_fallback`` file
    (the reason); every other case's expected.py is idiomatic TF2, with no tf.compat.v1 in it."""
    result = run_file(case / "input.py", case, CHAIN, case_settings(case))
    declared = (case / "compat_fallback").exists()
    assert (result.mode is Mode.COMPAT) == declared, result.mode
    if not declared:
        code = [l for l in (case / "expected.py").read_text(encoding="utf-8").splitlines() if not l.lstrip().startswith("#")]
        assert not [l for l in code if "compat.v1" in l]


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expected_prints_the_tf1_output_on_tf2(case, tmp_path):
    skip_if_not_for_tf2(case)
    shutil.copy(case / "expected.py", tmp_path / "program.py")
    proc = run_python(tmp_path / "program.py", tmp_path, {"CUDA_VISIBLE_DEVICES": ""})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == (case / "expected.out").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def gpu_skip_reason():
    if not shutil.which("nvidia-smi") and not os.path.exists("/dev/nvidia0"):
        return "no GPU on this machine (no nvidia-smi, no /dev/nvidia0)"
    probe = "import tensorflow as tf; print(len(tf.config.list_physical_devices('GPU')))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        return f"TensorFlow could not be imported to look for a GPU: {proc.stderr.strip()[-300:]}"
    if proc.stdout.strip() in ("", "0"):
        return "TensorFlow 2.21 sees no GPU (tf.config.list_physical_devices('GPU') is empty; the CPU wheel never does)"
    return None


@pytest.mark.gpu
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expected_prints_the_tf1_output_with_a_gpu_visible(case, tmp_path):
    reason = gpu_skip_reason()
    if reason:
        pytest.skip(reason)
    skip_if_not_for_tf2(case)
    shutil.copy(case / "expected.py", tmp_path / "program.py")
    proc = run_python(tmp_path / "program.py", tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == (case / "expected.out").read_text(encoding="utf-8")
