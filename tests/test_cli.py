"""The installed console script, end to end, in subprocesses."""

import json
import subprocess
import sys

from codemods import CHAIN
from tests.conftest import REPO, run_cli

LEGACY = (
    "import tensorflow as tf\n"
    "from keras.backend.tensorflow_backend import set_session\n"
    "from keras.models import Sequential\n"
    "\n"
    "config = tf.ConfigProto()\n"
    "config.gpu_options.allow_growth = True\n"
    "sess = tf.Session(config=config)\n"
    "set_session(sess)\n"
    "\n"
    "model = Sequential()\n"
)
MIGRATED = (
    "import tensorflow as tf\n"
    "from tensorflow.keras.models import Sequential\n"
    "\n"
    'for gpu in tf.config.list_physical_devices("GPU"):\n'
    "    tf.config.experimental.set_memory_growth(gpu, True)\n"
    "\n"
    "model = Sequential()\n"
)
CLEAN = "import tensorflow as tf\nprint(tf.constant(1))\n"


def tree(tmp_path, **files):
    root = tmp_path / "project"
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_dry_run_prints_an_applicable_diff_and_writes_nothing(tmp_path):
    root = tree(tmp_path, train_py=LEGACY, clean_py=CLEAN, readme_txt="keras")
    (root / "train_py").rename(root / "train.py")
    (root / "clean_py").rename(root / "clean.py")
    proc = run_cli(".", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("--- a/train.py\n+++ b/train.py\n@@ ")
    assert "-config = tf.ConfigProto()\n" in proc.stdout
    assert "+from tensorflow.keras.models import Sequential\n" in proc.stdout
    assert "2 files scanned: 1 would change, 1 unchanged, 0 skipped" in proc.stderr
    assert (root / "train.py").read_text() == LEGACY
    # The diff is a real patch: git applies it and gets the migrated file.
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply"], cwd=root, input=proc.stdout, text=True, check=True)
    assert (root / "train.py").read_text() == MIGRATED


def test_check_exit_codes(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "clean.py").write_text(CLEAN)
    assert run_cli("--check", str(root)).returncode == 0
    (root / "legacy.py").write_text(LEGACY)
    proc = run_cli("--check", str(root))
    assert proc.returncode == 1
    assert f"would change: {root / 'legacy.py'}" in proc.stdout
    assert (root / "legacy.py").read_text() == LEGACY
    (root / "broken.py").write_text("import keras\ndef f(:\n")
    assert run_cli("--check", str(root)).returncode == 2


def test_write_rewrites_in_place_and_is_idempotent(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "legacy.py").write_text(LEGACY)
    proc = run_cli("--write", str(root))
    assert proc.returncode == 0, proc.stderr
    assert (root / "legacy.py").read_text() == MIGRATED
    assert "1 changed" in proc.stderr
    again = run_cli("--check", str(root))
    assert again.returncode == 0 and "0 would change, 1 unchanged" in again.stderr


def test_output_dir_mirrors_the_tree_and_leaves_input_alone(tmp_path):
    root = tmp_path / "p"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "legacy.py").write_text(LEGACY)
    (root / "pkg" / "__init__.py").write_text("import keras\n")
    (root / "plain.py").write_text("print('no tf here')\n")
    out = tmp_path / "out"
    proc = run_cli(str(root), "--output-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "pkg" / "legacy.py").read_text() == MIGRATED
    assert (out / "pkg" / "__init__.py").read_text() == "from tensorflow import keras\n"
    assert (out / "plain.py").read_text() == "print('no tf here')\n"
    assert (root / "pkg" / "legacy.py").read_text() == LEGACY


def test_output_dir_inside_the_input_is_refused(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "legacy.py").write_text(LEGACY)
    proc = run_cli(str(root), "--output-dir", str(root / "migrated"))
    assert proc.returncode == 2 and "inside the input tree" in proc.stderr
    assert not (root / "migrated").exists()


def test_failures_name_the_file_and_line_and_the_run_goes_on(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "a_py2.py").write_text('import tensorflow as tf\nprint "hello"\n')
    (root / "b_legacy.py").write_text(LEGACY)
    proc = run_cli("--write", str(root))
    assert proc.returncode == 2
    assert f"{root / 'a_py2.py'}:2:" in proc.stderr and "Python 2" in proc.stderr
    assert (root / "a_py2.py").read_text() == 'import tensorflow as tf\nprint "hello"\n'
    assert (root / "b_legacy.py").read_text() == MIGRATED


def test_missing_path_is_an_error(tmp_path):
    proc = run_cli(str(tmp_path / "nope"))
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr


def test_select_and_ignore(tmp_path):
    path = tmp_path / "legacy.py"
    path.write_text(LEGACY)
    only_keras = run_cli("--select", "keras-imports-to-tf-keras", str(path))
    assert "+from tensorflow.keras.models import Sequential" in only_keras.stdout
    assert "-config = tf.ConfigProto()" not in only_keras.stdout
    no_keras = run_cli("--ignore", "keras_imports_to_tf_keras", str(path))
    assert "-config = tf.ConfigProto()" in no_keras.stdout and "tensorflow.keras" not in no_keras.stdout
    unknown = run_cli("--select", "nope", str(path))
    assert unknown.returncode == 2 and "unknown codemod" in unknown.stderr


def test_conflicting_modes_are_a_usage_error(tmp_path):
    proc = run_cli("--write", "--check", str(tmp_path))
    assert proc.returncode == 2 and "exclude each other" in proc.stderr


def test_json_report(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "legacy.py").write_text(LEGACY + "from keras.engine.topology import Network\n")
    (root / "broken.py").write_text("import keras\ndef f(:\n")
    report = tmp_path / "report.json"
    proc = run_cli(str(root), "--report", str(report))
    assert proc.returncode == 2
    document = json.loads(report.read_text())
    assert document["schema_version"] == 1
    assert document["summary"] == {
        "scanned": 2, "changed": 1, "unchanged": 0, "skipped": 0, "failed": 1, "converted": 1, "compat": 0, "tf1": 0,
    }
    files = {f["path"].rsplit("/", 1)[1]: f for f in document["files"]}
    assert files["broken.py"]["status"] == "failed" and files["broken.py"]["error"]["line"] == 2
    [finding] = files["legacy.py"]["findings"]
    assert finding["codemod"] == "keras-imports-to-tf-keras" and finding["line"] == 11
    assert finding["severity"] == "warning"


def test_list_and_explain():
    listing = run_cli("list")
    assert listing.returncode == 0
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    assert names == [codemod.NAME for codemod in CHAIN]
    assert names[:4] == [
        "config-proto-to-tf-config",
        "optimizer-lr-to-learning-rate",
        "graph-programs-to-eager-functions",
        "remove-session-scaffolding",
    ]
    assert names[-1] == "tf1-leftovers-to-compat-v1"
    explained = run_cli("explain", "config-proto-to-tf-config")
    assert explained.returncode == 0
    for heading in ("What it does:", "Why:", "Example:", "Use instead:", "Fix safety:", "Limitations:"):
        assert heading in explained.stdout
    assert run_cli("explain", "nope").returncode == 2


def test_python_dash_m_and_version():
    proc = subprocess.run([sys.executable, "-m", "tf2migrate", "--version"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0 and proc.stdout.startswith("tf2migrate ")
    helped = run_cli("--help")
    assert helped.returncode == 0 and "migrate" in helped.stdout and "explain" in helped.stdout


def test_gpu_memory_limit_turns_a_memory_fraction_into_a_per_gpu_limit(tmp_path):
    legacy = LEGACY.replace("allow_growth = True", "per_process_gpu_memory_fraction = 0.4")
    (tmp_path / "train.py").write_text(legacy)
    proc = run_cli("--write", "--gpu-memory-limit", "3072", "train.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "train.py").read_text() == MIGRATED.replace(
        "tf.config.experimental.set_memory_growth(gpu, True)",
        "tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=3072)])",
    )
    assert "train.py:6:54: warning [config-proto-to-tf-config] per_process_gpu_memory_fraction=0.4" in proc.stderr
    assert "3072 MB" in proc.stderr
    refused = run_cli("--gpu-memory-limit", "0", "train.py", cwd=tmp_path)
    assert refused.returncode == 2
