"""The Keras relocation table (codemods/data/keras_relocations.json): well formed, and every home it names is
importable on TensorFlow 2.21 the way the codemod imports it (``from tensorflow.keras.<module> import <name>``)."""

import importlib
import json
import subprocess
import sys

import pytest

from codemods._keras_imports_to_tf_keras_table import DATA, tables
from tests.conftest import REPO, requires_tf2
from tests.oracle import oracle_python

MODULES, SYMBOLS = tables()
TARGETS = sorted({new for new in [*MODULES.values(), *SYMBOLS.values()] if new is not None})


def test_table_is_sorted_documented_and_relative():
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    assert set(raw) == {"_comment", "modules", "symbols"}
    assert "scripts/generate_keras_relocations.py" in raw["_comment"]
    for table in (raw["modules"], raw["symbols"]):
        assert list(table) == sorted(table)
        assert not any(p.startswith(("keras.", "tensorflow.")) for p in [*table, *filter(None, table.values())])
    assert len(SYMBOLS) > 1000 and MODULES[""] == ""


def test_every_submodule_symbol_goes_where_its_module_goes():
    submodules = [path for path in MODULES if path in SYMBOLS]
    assert len(submodules) >= 75  # all but the theano/cntk backends, which did not import on the oracle
    for path in submodules:
        assert SYMBOLS[path] == MODULES[path], path


@pytest.mark.parametrize(
    "old, new",
    [
        ("layers.core.Dense", "layers.Dense"),
        ("layers.merge.concatenate", "layers.concatenate"),
        ("layers.advanced_activations.LeakyReLU", "layers.LeakyReLU"),
        ("layers.normalization.BatchNormalization", "layers.BatchNormalization"),
        ("utils.np_utils.to_categorical", "utils.to_categorical"),
        ("utils.generic_utils.get_custom_objects", "utils.get_custom_objects"),
        ("engine.topology.Layer", "layers.Layer"),
        ("engine.training.Model", "models.Model"),
        ("engine.input_layer.Input", "layers.Input"),
        ("optimizers.adam", "optimizers.Adam"),
        ("layers.Convolution2D", "layers.Convolution2D"),
        ("layers.convolutional.Convolution2D", "layers.Convolution2D"),
        ("preprocessing.sequence.pad_sequences", "preprocessing.sequence.pad_sequences"),
        ("applications.mobilenetv2.preprocess_input", "applications.mobilenet_v2.preprocess_input"),
        ("layers.core", "layers"),
        ("utils.multi_gpu_model", None),
        ("utils.multi_gpu_utils", None),
        ("legacy", None),
        ("legacy.layers.Highway", None),
        ("wrappers.scikit_learn.KerasClassifier", None),
        ("backend.get_session", None),
        # the same name elsewhere is a different function: never a home
        ("utils.layer_utils.count_params", None),
    ],
)
def test_known_relocations(old, new):
    assert {**MODULES, **SYMBOLS}[old] == new


def _import_as_the_codemod_does(target):
    parent, _, name = target.rpartition(".")
    if not target:
        return importlib.import_module("tensorflow.keras")
    module = importlib.import_module("tensorflow.keras" + (f".{parent}" if parent else ""))
    return getattr(module, name)


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("target", TARGETS)
def test_target_imports_on_tf2(target):
    assert _import_as_the_codemod_does(target) is not None


@pytest.mark.oracle
@requires_tf2
@pytest.mark.tf2
def test_table_is_what_the_generator_produces_from_the_real_apis():
    if oracle_python() is None:
        pytest.skip("the TF 1.15 oracle is unavailable (python tests/oracle.py setup)")
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_keras_relocations.py"), "--check"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
