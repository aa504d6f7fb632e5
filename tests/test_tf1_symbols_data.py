"""The TF 1.x symbol table (codemods/data/tf1_symbols.json): well formed, up to date with TF 2.21, and every
TF2 name it rewrites to exists on TensorFlow 2.21."""

import json
import subprocess
import sys

import pytest

from codemods._tf1_symbols_table import DATA, OWNED_ELSEWHERE, tf1_symbols
from tests.conftest import REPO, requires_tf2

TABLE = tf1_symbols()
KEYS = ("renames", "v1_only", "arguments", "counterparts")
CALL_KEYS = {"renamed", "dropped", "v1_params", "v2_params", "behaviour", "complement", "stop_gradient", "explicit"}


def test_table_is_sorted_and_documented():
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    assert list(raw) == ["_comment", *KEYS]
    assert "scripts/generate_tf1_symbols.py" in raw["_comment"]
    for key in KEYS:
        assert key in raw["_comment"]
        assert list(raw[key]) == sorted(raw[key]), key
    assert len(TABLE.renames) > 150 and len(TABLE.v1_only) > 700


def test_argument_entries_are_well_formed():
    for name, entry in TABLE.arguments.items():
        assert TABLE.v1_only[name] == name, name  # only for names TF2 spells the same way
        assert not name.startswith(OWNED_ELSEWHERE), name
        assert set(entry) <= CALL_KEYS and {"v1_params", "v2_params"} <= set(entry), name
        for old, new in entry.get("renamed", {}).items():
            assert old in entry["v1_params"] and new in entry["v2_params"], (name, old, new)
        for param, values in entry.get("dropped", {}).items():
            assert param in entry["v1_params"] and param not in entry["v2_params"], (name, param)
            assert values == "any" or isinstance(values, list), (name, param)


def test_counterparts_are_v1_only_names_without_a_tf2_home():
    for name, entry in TABLE.counterparts.items():
        assert name in TABLE.v1_only and TABLE.v1_only[name] is None, name
        assert set(entry) <= CALL_KEYS | {"target", "add", "in_compat_v1"}, name
        assert "behaviour" not in entry, name


def test_renames_and_v1_only_do_not_overlap():
    assert not set(TABLE.renames) & set(TABLE.v1_only)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("random_normal", "random.normal"),
        ("random_uniform", "random.uniform"),
        ("log", "math.log"),
        ("squared_difference", "math.squared_difference"),
        ("matrix_inverse", "linalg.inv"),
    ],
)
def test_pinned_renames(name, expected):
    assert TABLE.renames[name] == expected


def test_pinned_v1_only_and_arguments():
    assert TABLE.v1_only["placeholder"] is None
    assert TABLE.v1_only["Session"] is None
    assert TABLE.v1_only["reduce_sum"] == "reduce_sum"
    assert TABLE.arguments["reduce_sum"]["renamed"] == {"keep_dims": "keepdims", "reduction_indices": "axis"}
    assert TABLE.arguments["expand_dims"]["renamed"] == {"dim": "axis"}
    assert TABLE.arguments["squeeze"]["renamed"] == {"squeeze_dims": "axis"}
    assert TABLE.arguments["nn.softmax_cross_entropy_with_logits"]["renamed"] == {"dim": "axis"}
    assert TABLE.arguments["nn.softmax_cross_entropy_with_logits"]["stop_gradient"] == "labels"
    assert TABLE.arguments["nn.dropout"]["complement"] == {"keep_prob": "rate"}
    assert TABLE.arguments["constant"]["dropped"] == {"verify_shape": [False]}
    assert TABLE.arguments["Variable"]["v1_params"][2] == "collections"
    assert "behaviour" in TABLE.arguments["while_loop"]
    assert TABLE.counterparts["to_float"] == {
        "target": "cast",
        "add": {"dtype": "float32"},
        "v1_params": ["x", "name"],
        "v2_params": ["x", "dtype", "name"],
        "in_compat_v1": True,
    }
    assert TABLE.counterparts["set_random_seed"]["target"] == "random.set_seed"
    assert TABLE.counterparts["arg_max"]["renamed"] == {"dimension": "axis"}


@requires_tf2
@pytest.mark.tf2
def test_generated_file_is_up_to_date():
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_tf1_symbols.py"), "--check"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


@requires_tf2
@pytest.mark.tf2
def test_every_target_resolves_on_tf2():
    import tensorflow as tf

    def resolve(root, dotted):
        for part in dotted.split("."):
            root = getattr(root, part)
        return root

    import inspect

    for old, new in TABLE.renames.items():
        same = inspect.unwrap(resolve(tf, new)) is inspect.unwrap(resolve(tf.compat.v1, old))
        assert same, old  # the same function (two names may carry different dispatch wrappers)
        resolve(tf.compat.v1, new)  # also spelled so in files that import tensorflow.compat.v1 as tf
    for name, entry in TABLE.counterparts.items():
        resolve(tf, entry["target"])
        for dtype in entry.get("add", {}).values():
            resolve(tf, dtype)
    for name in TABLE.arguments:
        assert callable(resolve(tf, name)) and callable(resolve(tf.compat.v1, name)), name
