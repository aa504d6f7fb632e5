"""`--fallback {compat,none}` end to end: the option reaches the codemod, and the summary and the JSON report
count files converted idiomatically, kept in compat mode, and left with TF 1.x-only APIs."""

import json
import os
import subprocess
import sys

from tests.conftest import REPO


def run_cli(*args):
    """``python -m tf2migrate`` from the checkout, so the test does not depend on an installed console script."""
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200", PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "tf2migrate", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )

GRAPH = (
    "import tensorflow as tf\n"
    "\n"
    "x = tf.placeholder(tf.float32, shape=[None])\n"
    "with tf.Session() as sess:\n"
    "    print(sess.run(2.0 * x, feed_dict={x: [1.0]}))\n"
)
GRAPH_COMPAT = (
    "import tensorflow as tf\n"
    "tf.compat.v1.disable_eager_execution()\n"
    "\n"
    "x = tf.compat.v1.placeholder(tf.float32, shape=[None])\n"
    "with tf.compat.v1.Session() as sess:\n"
    "    print(sess.run(2.0 * x, feed_dict={x: [1.0]}))\n"
)
KERAS = "from keras.models import Sequential\n\nmodel = Sequential()\n"
CLEAN = "import tensorflow as tf\nprint(tf.constant(1))\n"


def project(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "graph.py").write_text(GRAPH)
    (root / "keras_model.py").write_text(KERAS)
    (root / "clean.py").write_text(CLEAN)
    return root


def test_default_fallback_is_compat_and_the_summary_counts_modes(tmp_path):
    root = project(tmp_path)
    report = tmp_path / "report.json"
    proc = run_cli("--write", str(root), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    assert (root / "graph.py").read_text() == GRAPH_COMPAT
    assert "3 files scanned: 2 changed, 1 unchanged" in proc.stderr
    assert "1 converted to idiomatic TF2, 1 kept in compat mode (tf.compat.v1)" in proc.stderr
    assert "graph.py:3:5: warning [tf1-leftovers-to-compat-v1] kept in TF 1.x compat mode" in proc.stderr
    assert "tf.placeholder* (line 3), tf.Session* (line 4), feed_dict=* (line 5)" in proc.stderr
    document = json.loads(report.read_text())
    summary = document["summary"]
    assert (summary["converted"], summary["compat"], summary["tf1"], summary["unchanged"]) == (1, 1, 0, 1)
    files = {f["path"].rsplit("/", 1)[1]: f for f in document["files"]}
    assert files["graph.py"]["mode"] == "compat" and files["keras_model.py"]["mode"] is None
    [finding] = [f for f in files["graph.py"]["findings"] if f["codemod"] == "tf1-leftovers-to-compat-v1"]
    assert finding["related"][0] == {"line": 3, "what": "tf.placeholder*"}


def test_fallback_none_leaves_the_file_with_a_finding(tmp_path):
    root = project(tmp_path)
    report = tmp_path / "report.json"
    proc = run_cli("--write", "--fallback", "none", str(root), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    assert (root / "graph.py").read_text() == GRAPH
    assert "1 converted to idiomatic TF2, 0 kept in compat mode (tf.compat.v1), 1 left with TF 1.x-only APIs" in proc.stderr
    assert "TF 1.x-only APIs left as they are (--fallback none)" in proc.stderr
    summary = json.loads(report.read_text())["summary"]
    assert (summary["converted"], summary["compat"], summary["tf1"]) == (1, 0, 1)


def test_fallback_choice_is_validated_and_case_insensitive(tmp_path):
    root = project(tmp_path)
    assert run_cli("--check", "--fallback", "COMPAT", str(root)).returncode == 1
    refused = run_cli("--fallback", "sometimes", str(root))
    assert refused.returncode == 2 and "--fallback" in refused.stderr
