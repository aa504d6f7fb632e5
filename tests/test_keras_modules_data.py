"""Every tf.keras module the relocation table points at exists in TensorFlow 2.21."""

import importlib

import pytest

from codemods.keras_imports_to_tf_keras import module_moves
from tests.conftest import requires_tf2

TARGETS = sorted({"tensorflow.keras" + (f".{new}" if new else "") for new in module_moves().values()})


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("target", TARGETS)
def test_target_module_imports_on_tf2(target):
    importlib.import_module(target)
