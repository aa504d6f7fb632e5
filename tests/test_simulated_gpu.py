"""Simulated-GPU lane: which tf.config device calls a migrated program makes on a machine with two GPUs.

CI has no GPU, so tests/gpu_sim.py runs each golden expected.py on the CPU with two fake GPUs and records its
device settings. golden/<codemod>/<case>/expected.gpu, written by hand from input.py, states what the original
ConfigProto asked for, one call per line (`#` lines are comments). The settings are independent of each other,
so both sides are compared as sorted lists of lines.
"""

import shutil
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, requires_tf2, run_python, skip_if_not_for_tf2

GPU_SIM = REPO / "tests" / "gpu_sim.py"
CASES = sorted(p.parent for p in (REPO / "golden").glob("*/*/input.py"))
IDS = [f"{c.parent.name}/{c.name}" for c in CASES]


def run_simulated(program: Path, cwd: Path):
    """Run ``program`` under gpu_sim with run_python's environment; returns (process, recorded calls)."""
    calls_file = cwd / "calls.gpu"
    proc = run_python(GPU_SIM, cwd, {"CUDA_VISIBLE_DEVICES": ""}, args=["--record", str(calls_file), str(program)])
    calls = calls_file.read_text(encoding="utf-8").splitlines() if calls_file.exists() else None
    return proc, calls


def stated_calls(expected_gpu: Path) -> list:
    lines = (line.strip() for line in expected_gpu.read_text(encoding="utf-8").splitlines())
    return sorted(line for line in lines if line and not line.startswith("#"))


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expected_makes_the_tf1_device_settings_with_two_gpus(case, tmp_path):
    skip_if_not_for_tf2(case)
    expected_gpu = case / "expected.gpu"
    if not expected_gpu.exists():
        pytest.fail(
            f"{expected_gpu.relative_to(REPO)} is missing: write by hand, from input.py's ConfigProto, the tf.config "
            "device calls it asks for on a two-GPU machine (a single `#` comment line if there are none)"
        )
    shutil.copy(case / "expected.py", tmp_path / "program.py")
    proc, calls = run_simulated(tmp_path / "program.py", tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == (case / "expected.out").read_text(encoding="utf-8")
    assert sorted(calls) == stated_calls(expected_gpu)


RECORDER_PROGRAM = '''
import tensorflow as tf
import tensorflow.compat.v1 as tf1

gpus = tf.config.list_physical_devices("GPU")
print([g.name for g in gpus])
print([d.device_type for d in tf.config.list_physical_devices("CPU")])
for gpu in tf1.config.experimental.list_physical_devices("GPU"):
    tf1.config.experimental.set_memory_growth(gpu, True)
tf.config.set_visible_devices([gpus[0]], "GPU")
print([g.name for g in tf.config.get_visible_devices("GPU")])
tf.config.experimental.set_virtual_device_configuration(gpus[0], [tf.config.LogicalDeviceConfiguration(memory_limit=2048)])
tf1.config.threading.set_intra_op_parallelism_threads(2)
tf.compat.v2.config.threading.set_inter_op_parallelism_threads(num_threads=1)
tf.config.set_soft_device_placement(True)
tf.config.optimizer.set_jit("autoclustering")
print(tf.config.threading.get_intra_op_parallelism_threads(), tf.config.optimizer.get_jit())
raise SystemExit(3)
'''


@requires_tf2
@pytest.mark.tf2
def test_recorder_sees_two_gpus_and_records_each_setter(tmp_path):
    (tmp_path / "program.py").write_text(textwrap.dedent(RECORDER_PROGRAM), encoding="utf-8")
    proc, calls = run_simulated(tmp_path / "program.py", tmp_path)
    assert proc.returncode == 3, proc.stderr[-3000:]  # the program's exit status, and the calls written regardless
    assert proc.stdout.splitlines() == [
        "['/physical_device:GPU:0', '/physical_device:GPU:1']",
        "['CPU']",
        "['/physical_device:GPU:0']",
        "2 autoclustering",  # forwarded to TF
    ]
    assert calls == [
        "set_memory_growth(GPU:0, True)",
        "set_memory_growth(GPU:1, True)",
        "set_visible_devices([GPU:0], 'GPU')",
        "set_logical_device_configuration(GPU:0, [LogicalDeviceConfiguration(memory_limit=2048)])",
        "set_intra_op_parallelism_threads(2)",
        "set_inter_op_parallelism_threads(num_threads=1)",
        "set_soft_device_placement(True)",
        "set_jit('autoclustering')",  # the public name (its __name__ is set_optimizer_jit)
    ]
