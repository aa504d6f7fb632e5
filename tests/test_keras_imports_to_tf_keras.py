from codemods.keras_imports_to_tf_keras import KerasImportsToTfKeras, tf_keras_module
from tests.conftest import rewrite
from tf2migrate.results import Status


def swap(source):
    return rewrite(source, KerasImportsToTfKeras)


def test_every_import_form():
    result = swap(
        "import keras\n"
        "import keras as k\n"
        "from keras import backend as K, layers\n"
        "from keras.models import Model, load_model\n"
        "import keras.backend as KB\n"
        "import keras.layers\n"
        "from keras.layers.convolutional import Conv2D\n"
        "from keras.utils.np_utils import to_categorical\n"
        "import keras.layers.merge as merge\n"
    )
    assert result.new_text == (
        "from tensorflow import keras\n"
        "from tensorflow import keras as k\n"
        "from tensorflow.keras import backend as K, layers\n"
        "from tensorflow.keras.models import Model, load_model\n"
        "from tensorflow.keras import backend as KB\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras.layers import Conv2D\n"
        "from tensorflow.keras.utils import to_categorical\n"
        "from tensorflow.keras import layers as merge\n"
    )
    assert result.findings == ()


def test_mixed_import_statement_is_split_and_comment_kept():
    result = swap("import os, keras  # both\n")
    assert result.new_text == "import os; from tensorflow import keras  # both\n"


def test_parenthesised_multiline_import_keeps_its_layout():
    source = "from keras.layers import (\n    Dense,  # a\n    Dropout,\n)\n"
    assert swap(source).new_text == source.replace("from keras.layers", "from tensorflow.keras.layers")


def test_module_without_a_tf_keras_home_is_left_with_a_finding():
    result = swap("from keras.engine.topology import Layer\nimport keras.backend.tensorflow_backend as KTF\n")
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [1, 2]
    assert "keras.engine.topology" in result.findings[0].message


def test_already_migrated_and_unrelated_imports_are_a_no_op():
    source = "from tensorflow import keras\nfrom tensorflow.keras.layers import Dense\nimport kerasish\nfrom .keras import x\n"
    result = swap(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_module_table_lookup():
    assert tf_keras_module("keras") == "tensorflow.keras"
    assert tf_keras_module("keras.layers.normalization") == "tensorflow.keras.layers"
    assert tf_keras_module("keras.legacy") is None
    assert tf_keras_module("kerastuner") is None
