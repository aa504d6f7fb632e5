"""[tool.tf2migrate] in pyproject.toml: found upwards from the first PATH, checked, overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_cli import LEGACY
from tf2migrate.codemod import FallbackMode, KerasTarget
from tf2migrate.config import ConfigError, find_config, parse_table, resolve, search_start

FRACTION = LEGACY.replace("allow_growth = True", "per_process_gpu_memory_fraction = 0.4")


def write_project(root: Path, table: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "demo"\n\n[tool.tf2migrate]\n{table}')
    return root


def test_every_key_is_read_and_converted(tmp_path):
    table = {
        "select": "a, b", "ignore": ["c"], "exclude": ["old/"], "fallback": "none", "keras": 3,
        "gpu-memory-limit": 2048, "unsafe_fixes": True, "jobs": 2,
    }
    assert parse_table(table, tmp_path / "pyproject.toml") == {
        "select": ("a", "b"), "ignore": ("c",), "exclude": ("old/",), "fallback": FallbackMode.NONE,
        "keras": KerasTarget.KERAS3, "gpu-memory-limit": 2048, "unsafe-fixes": True, "jobs": 2,
    }


@pytest.mark.parametrize(
    "table, words",
    [
        ({"colour": True}, ["unknown key 'colour'", "known keys: select"]),
        ({"keras": "2"}, ["keras", "'3', 'legacy'"]),
        ({"gpu-memory-limit": 0}, ["gpu-memory-limit", ">= 1"]),
        ({"jobs": True}, ["jobs", "integer"]),
        ({"unsafe-fixes": "yes"}, ["unsafe-fixes", "true or false"]),
        ({"exclude": [1]}, ["exclude", "list of strings"]),
    ],
)
def test_wrong_keys_and_values_name_the_file_and_the_key(tmp_path, table, words):
    path = tmp_path / "pyproject.toml"
    with pytest.raises(ConfigError) as caught:
        parse_table(table, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for word in words:
        assert word in message


def test_the_nearest_pyproject_with_the_table_wins(tmp_path):
    outer = write_project(tmp_path, 'keras = "legacy"\n')
    inner = tmp_path / "sub" / "pkg"
    inner.mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "no-table"\n')  # passed over
    assert find_config(inner) == (outer / "pyproject.toml", {"keras": "legacy"})


def test_search_starts_at_the_first_path_argument(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    assert search_start(["src/a.py", "elsewhere"], cwd=tmp_path) == (tmp_path / "src").resolve()
    assert search_start(["src"], cwd=tmp_path) == (tmp_path / "src").resolve()
    assert search_start([], cwd=tmp_path) == tmp_path.resolve()


def test_command_line_overrides_and_exclude_adds(tmp_path):
    write_project(tmp_path, 'keras = "legacy"\njobs = 3\nexclude = ["old/"]\n')
    command_line = {
        "select": (), "ignore": (), "exclude": ("new/",), "fallback": FallbackMode.COMPAT,
        "keras": KerasTarget.KERAS3, "gpu-memory-limit": None, "unsafe-fixes": False, "jobs": 0,
    }
    config = resolve(command_line, {"keras", "exclude"}, tmp_path)
    path = str(tmp_path / "pyproject.toml")
    assert config["keras"] is KerasTarget.KERAS3 and config.settings["keras"].source == "command line"
    assert config["jobs"] == 3 and config.settings["jobs"].source == path
    assert config["exclude"] == ("old/", "new/") and config.settings["exclude"].source == f"{path} + command line"
    assert config["fallback"] is FallbackMode.COMPAT and config.settings["fallback"].source == "default"


def test_the_cli_uses_the_projects_settings(tmp_path):
    root = write_project(tmp_path / "p", "gpu-memory-limit = 3072\nexclude = ['vendored/']\n")
    (root / "src" / "vendored").mkdir(parents=True)
    (root / "src" / "train.py").write_text(FRACTION)
    (root / "src" / "vendored" / "lib.py").write_text(LEGACY)
    proc = run_cli("src", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "memory_limit=3072" in proc.stdout
    assert "vendored" not in proc.stdout and "1 file scanned" in proc.stderr
    # A flag beats the file.
    overridden = run_cli("src", "--gpu-memory-limit", "1024", cwd=root)
    assert "memory_limit=1024" in overridden.stdout and "3072" not in overridden.stdout


def test_select_from_the_config_narrows_the_chain(tmp_path):
    root = write_project(tmp_path / "p", "select = ['keras-imports-to-tf-keras']\n")
    (root / "train.py").write_text(LEGACY)
    proc = run_cli("train.py", cwd=root)
    assert "+from tensorflow.keras.models import Sequential" in proc.stdout
    assert "-config = tf.ConfigProto()" not in proc.stdout
    everything = run_cli("train.py", "--select", "config-proto-to-tf-config", cwd=root)
    assert "-config = tf.ConfigProto()" in everything.stdout and "tensorflow.keras" not in everything.stdout


def test_an_unknown_key_is_a_usage_error(tmp_path):
    root = write_project(tmp_path / "p", "colour = true\n")
    (root / "train.py").write_text(LEGACY)
    proc = run_cli("train.py", cwd=root)
    assert proc.returncode == 2
    assert f"error: {root / 'pyproject.toml'}: unknown key 'colour' in [tool.tf2migrate]" in proc.stderr
    broken = write_project(tmp_path / "q", "keras = \n")
    assert "cannot read it as TOML" in run_cli(".", cwd=broken).stderr


def test_show_config_prints_values_and_where_they_came_from(tmp_path):
    root = write_project(tmp_path / "p", 'keras = "legacy"\nignore = ["predict-classes-to-predict"]\n')
    proc = run_cli("--show-config", "--jobs", "2", cwd=root)
    assert proc.returncode == 0, proc.stderr
    path = root / "pyproject.toml"
    lines = proc.stdout.splitlines()
    assert lines[0] == f"# config file: {path}"
    assert lines[1] == "[tool.tf2migrate]"
    settings = {line.split(" = ")[0]: line for line in lines[2:]}
    assert settings["keras"].split("#")[0].strip() == 'keras = "legacy"'
    assert settings["keras"].endswith(f"# {path}")
    assert settings["jobs"].split("#")[0].strip() == "jobs = 2" and settings["jobs"].endswith("# command line")
    assert settings["fallback"].endswith("# default")
    assert "# gpu-memory-limit" in proc.stdout  # unset: shown commented out
    nothing = run_cli("--show-config", cwd=tmp_path)
    assert "# config file: none found" in nothing.stdout


def test_a_missing_path_is_still_a_usage_error(tmp_path):
    proc = run_cli(cwd=tmp_path)
    assert proc.returncode == 2 and "missing PATH" in proc.stderr
