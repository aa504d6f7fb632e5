"""`tf2migrate verify`: names that do not exist in the installed TensorFlow are listed, clean TF2 code gets none.

The scanner (no TensorFlow needed) is tested on its own; everything that resolves names needs TF 2.21.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List, Tuple

import pytest

from tests.conftest import REPO, console_script, requires_tf2, run_cli
from tf2migrate.verify import CALL, CHAIN, IMPORT, check_source, scan_text

GOLDEN = REPO / "golden"
CLEAN = REPO / "tests" / "data" / "verify_clean"
CLEAN_PROGRAMS = sorted(CLEAN.glob("*.py"))
GOLDEN_EXPECTED = sorted(
    path for path in GOLDEN.glob("*/*/expected.py") if not (path.parent / "no_tf2_run").exists()
)

def found(path: Path) -> List[Tuple[int, str]]:
    return [(u.line, u.spelled) for u in check_source(path.read_text(encoding="utf-8"), str(path)).unresolved]


# ------------------------------------------------------------------------------------ scanning (no TensorFlow)


def references(source: str):
    return [(r.kind, r.line, r.spelled, r.targets) for r in scan_text(textwrap.dedent(source)).references]


def test_scan_follows_import_aliases_and_plain_alias_assignments():
    refs = references(
        """\
        import tensorflow as tf
        from tensorflow.keras import layers as L
        K = tf.keras.backend
        K.epsilon()
        L.Dense(2, units=3)
        """
    )
    assert (IMPORT, 1, "tensorflow", ("tensorflow",)) in refs
    assert (CHAIN, 3, "tf.keras.backend", ("tensorflow.keras.backend",)) in refs
    assert (CHAIN, 4, "K.epsilon", ("tensorflow.keras.backend.epsilon",)) in refs
    assert (CALL, 5, "L.Dense", ("tensorflow.keras.layers.Dense",)) in refs


def test_scan_skips_names_bound_another_way_and_attribute_stores():
    refs = references(
        """\
        import tensorflow as tf
        from tensorflow.keras import backend as K
        def f(K):
            return K.whatever
        tf.custom_flag = 1
        """
    )
    spelled = [r[2] for r in refs]
    assert "K.whatever" not in spelled  # K is also a parameter: which one a use sees is not tracked
    assert "tf.custom_flag" not in spelled  # setting a name: only `tf` must exist


def test_scan_ignores_other_packages_and_files_without_tensorflow():
    assert references("import numpy as np\nnp.whatever.deep\n") == []


def test_scan_reports_a_syntax_error_with_its_line():
    scan = scan_text("import tensorflow as tf\nx = (\n")
    assert scan.error.startswith("syntax error") and scan.error_line >= 2


# ------------------------------------------------------------------------------------------- resolving (TF)


@pytest.mark.parametrize(
    "case, expected",
    [
        (
            "tf1_symbols_to_tf2/reductions_keep_dims",
            [
                (5, "tf.enable_eager_execution"),
                (9, "tf.reduce_sum(reduction_indices=)"),
                (9, "tf.reduce_sum(keep_dims=)"),
                (13, "tf.reduce_max(reduction_indices=)"),
                (14, "tf.reduce_min(keep_dims=)"),
                (14, "tf.reduce_min(reduction_indices=)"),
                (15, "tf.reduce_prod(reduction_indices=)"),
                (16, "tf.reduce_any(reduction_indices=)"),
                (17, "tf.reduce_all(keep_dims=)"),
                (18, "tf.reduce_logsumexp(reduction_indices=)"),
                (18, "tf.reduce_logsumexp(keep_dims=)"),
                (20, "tf.count_nonzero"),
                (22, "tf.norm(keep_dims=)"),
                (24, "tf.nn.moments(keep_dims=)"),
            ],
        ),
        (
            "keras_imports_to_tf_keras/keras_backend_module_as_k",
            [(7, "K.constant"), (8, "K.eval"), (8, "K.sum"), (9, "K.eval"), (9, "K.mean"), (16, "K.ndim")],
        ),
        (
            "keras1_arguments_to_keras2/dense_output_dim_model_input_output",
            [
                (10, "Dense(output_dim=)"),
                (10, "Dense(init=)"),
                (11, "Dense(W_regularizer=)"),
                (11, "Dense(b_regularizer=)"),
                (13, "keras.layers.Dense(bias=)"),
                (14, "Dense(output_dim=)"),
            ],
        ),
        ("optimizer_lr_to_learning_rate/sgd_momentum_decay", [(12, "SGD(lr=)")]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
@requires_tf2
@pytest.mark.tf2
def test_known_broken_names_in_legacy_inputs_are_flagged(case, expected):
    assert found(GOLDEN / case / "input.py") == expected


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("path", GOLDEN_EXPECTED, ids=lambda p: p.parent.relative_to(GOLDEN).as_posix())
def test_migrated_golden_outputs_have_no_findings(path):
    assert found(path) == []


def test_there_are_clean_programs_and_golden_outputs():
    assert 5 <= len(CLEAN_PROGRAMS) <= 8
    assert len(GOLDEN_EXPECTED) >= 50


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("path", CLEAN_PROGRAMS, ids=lambda p: p.name)
def test_modern_tf2_programs_have_no_findings(path):
    assert found(path) == []


@requires_tf2
@pytest.mark.tf2
def test_the_clean_programs_really_run_on_tf2(tmp_path):
    """A false-positive check means something only if the clean programs are valid TF 2.21 code."""
    runner = "import runpy, sys\nfor path in sys.argv[1:]:\n    runpy.run_path(path, run_name='__main__')\n"
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", runner, *map(str, CLEAN_PROGRAMS)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


KEYWORD_CASES = [  # (call, whether verify flags it); each is run below to show the verdict is right
    ("tf.keras.optimizers.SGD(lr=0.1)", True),
    ("tf.keras.optimizers.Adam(lr=0.1, beta_1=0.9)", True),
    ("tf.keras.layers.Dense(2, output_dim=3)", True),
    ("tf.keras.layers.Conv2D(4, 3, border_mode='same')", True),
    ("tf.keras.layers.Dense(2, batch_input_shape=(None, 3))", True),
    ("tf.reduce_sum([1.0], keep_dims=True)", True),
    ("tf.keras.callbacks.ModelCheckpoint('m.keras', period=2)", True),
    ("tf.keras.optimizers.SGD(learning_rate=0.1, decay=0.0)", False),  # Keras 3 pops `decay` itself
    ("tf.keras.layers.Dense(2, input_shape=(3,))", False),  # Layer.__init__ pops input_shape
    ("tf.keras.layers.LeakyReLU(alpha=0.2)", False),  # LeakyReLU pops its old name
    ("tf.keras.layers.LSTM(2, implementation=1)", False),
    ("tf.reduce_sum([1.0], keepdims=True)", False),
]


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("call, flagged", KEYWORD_CASES, ids=[c for c, _ in KEYWORD_CASES])
def test_keyword_verdicts_match_what_tensorflow_does(call, flagged):
    import tensorflow as tf

    problems = check_source(f"import tensorflow as tf\nx = {call}\n").unresolved
    assert bool(problems) == flagged, problems
    if flagged:
        with pytest.raises((TypeError, ValueError)):
            eval(call, {"tf": tf})
    else:
        eval(call, {"tf": tf})


@requires_tf2
@pytest.mark.tf2
def test_reference_through_compat_v1_resolves():
    source = "import tensorflow.compat.v1 as tf\nimport tensorflow as tf2\ns = tf.Session\np = tf2.compat.v1.placeholder\n"
    assert check_source(source).unresolved == ()


# ------------------------------------------------------------------------------------------------------- CLI


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@requires_tf2
@pytest.mark.tf2
def test_cli_lists_unresolved_names_and_exits_1(tmp_path):
    write(tmp_path / "legacy.py", "import tensorflow as tf\nsess = tf.Session()\n")
    write(tmp_path / "fine.py", "import tensorflow as tf\nx = tf.constant(1)\n")
    done = run_cli("verify", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        f"legacy.py:2:8: tf.Session — tensorflow has no attribute 'Session' (TF {tf_version()})"
    ]
    assert "2 files checked" in done.stderr and "1 name not resolved in 1 file" in done.stderr


@requires_tf2
@pytest.mark.tf2
def test_cli_exits_0_on_clean_code_and_writes_a_report(tmp_path):
    report = tmp_path / "verify.json"
    done = run_cli("verify", str(CLEAN), "--report", str(report))
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["command"] == "verify"
    assert document["summary"] == {"files": len(CLEAN_PROGRAMS), "unresolved": 0, "files_with_unresolved": 0, "errors": 0}


@requires_tf2
@pytest.mark.tf2
def test_cli_reports_a_syntax_error_and_checks_the_other_files(tmp_path):
    write(tmp_path / "bad.py", "import tensorflow as tf\nx = (\n")
    write(tmp_path / "legacy.py", "import tensorflow as tf\ntf.placeholder(tf.float32)\n")
    write(tmp_path / "skipped" / "legacy.py", "import tensorflow as tf\ntf.Session()\n")
    done = run_cli("verify", ".", "--exclude", "skipped/", cwd=tmp_path)
    assert done.returncode == 2
    assert any(line.startswith("bad.py:") and "syntax error" in line for line in done.stderr.splitlines())
    assert [line.split(" — ")[0] for line in done.stdout.splitlines()] == ["legacy.py:2:1: tf.placeholder"]


def test_cli_says_in_one_line_that_tensorflow_is_missing(tmp_path):
    fake = write(tmp_path / "fake" / "tensorflow.py", "raise ImportError('simulated: no TensorFlow here')\n")
    program = write(tmp_path / "program.py", "import tensorflow as tf\ntf.Session()\n")
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200", PYTHONPATH=str(fake.parent))
    done = subprocess.run(
        [console_script(), "verify", str(program)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "`import tensorflow` failed (simulated: no TensorFlow here)" in lines[0], done.stderr


@requires_tf2
@pytest.mark.tf2
def test_cli_missing_path_is_an_error(tmp_path):
    done = run_cli("verify", str(tmp_path / "nope"), cwd=tmp_path)
    assert done.returncode == 2 and "no such file or directory" in done.stderr


def tf_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    for name in ("tensorflow", "tensorflow-cpu"):
        try:
            return version(name)
        except PackageNotFoundError:
            continue
    return "?"
