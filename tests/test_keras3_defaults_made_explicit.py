import json
import subprocess
import sys

import pytest

from codemods._keras3_defaults_made_explicit_table import DATA, table
from codemods.keras3_defaults_made_explicit import Keras3DefaultsMadeExplicit
from tests.conftest import REPO, force_every_trigger, rewrite
from tf2migrate.results import Severity, Status


def explicit(source):
    return rewrite(source, Keras3DefaultsMadeExplicit)


def assert_rewrites(source, expected):
    result = explicit(source)
    assert result.new_text == expected
    assert explicit(expected).new_text is None  # idempotent
    return result


def assert_unchanged(source):
    result = explicit(source)
    assert result.status is Status.UNCHANGED, result.new_text
    return result


def lines(result, severity=None):
    return [f.line for f in result.findings if severity is None or f.severity is severity]


# --- recurrent layers ---------------------------------------------------------------------------------------


def test_lstm_and_gru_get_keras2_gates_through_an_added_backend_import():
    assert_rewrites(
        "from keras.layers import GRU, LSTM\n"
        "a = LSTM(4)\n"
        "b = GRU(2, return_sequences=True)\n",
        "from keras.layers import GRU, LSTM\n"
        "from keras import backend\n"
        "\n"
        "a = LSTM(4, recurrent_activation=backend.hard_sigmoid)\n"
        "b = GRU(2, return_sequences=True, recurrent_activation=backend.hard_sigmoid, reset_after=False)\n",
    )


def test_existing_backend_alias_and_submodule_spelling():
    assert_rewrites(
        "from keras import backend as K\n"
        "from keras.layers.recurrent import LSTM\n"
        "from keras.layers.convolutional_recurrent import ConvLSTM2D\n"
        "LSTM(4)\n"
        "ConvLSTM2D(1, (2, 2))\n",
        "from keras import backend as K\n"
        "from keras.layers.recurrent import LSTM\n"
        "from keras.layers.convolutional_recurrent import ConvLSTM2D\n"
        "LSTM(4, recurrent_activation=K.hard_sigmoid)\n"
        "ConvLSTM2D(1, (2, 2), recurrent_activation=K.hard_sigmoid)\n",
    )


def test_tf_keras_spelling_uses_tf_keras_backend():
    assert_rewrites(
        "import tensorflow as tf\n"
        "cell = tf.keras.layers.GRUCell(3)\n"
        "layer = tf.keras.layers.RNN(\n"
        "    tf.keras.layers.LSTMCell(3))\n",
        "import tensorflow as tf\n"
        "cell = tf.keras.layers.GRUCell(3, recurrent_activation=tf.keras.backend.hard_sigmoid, reset_after=False)\n"
        "layer = tf.keras.layers.RNN(\n"
        "    tf.keras.layers.LSTMCell(3, recurrent_activation=tf.keras.backend.hard_sigmoid))\n",
    )


def test_import_keras_root_alias():
    assert_rewrites(
        "import keras as k\nk.layers.LSTM(4)\n",
        "import keras as k\nk.layers.LSTM(4, recurrent_activation=k.backend.hard_sigmoid)\n",
    )


def test_explicit_or_positional_recurrent_activation_is_kept():
    assert_unchanged(
        "from keras.layers import LSTM\n"
        "LSTM(4, recurrent_activation='sigmoid')\n"
        "LSTM(4, 'tanh', 'sigmoid')\n"
    )


def test_string_hard_sigmoid_becomes_keras2_function():
    assert_rewrites(
        "from keras import backend as K\n"
        "from keras.layers import Activation, Dense, LSTM\n"
        "Dense(3, activation='hard_sigmoid')\n"
        "Activation('hard_sigmoid')\n"
        "LSTM(2, recurrent_activation=\"hard_sigmoid\")\n",
        "from keras import backend as K\n"
        "from keras.layers import Activation, Dense, LSTM\n"
        "Dense(3, activation=K.hard_sigmoid)\n"
        "Activation(K.hard_sigmoid)\n"
        "LSTM(2, recurrent_activation=K.hard_sigmoid)\n",
    )


def test_activations_hard_sigmoid_reference():
    result = explicit(
        "import keras\n"
        "from keras.activations import hard_sigmoid\n"
        "f = keras.activations.hard_sigmoid\n"
        "g = hard_sigmoid\n"
    )
    assert result.new_text == (
        "import keras\n"
        "from keras.activations import hard_sigmoid\n"
        "f = keras.backend.hard_sigmoid\n"
        "g = hard_sigmoid\n"
    )
    assert lines(result) == [4]


def test_one_argument_per_line_layout_is_kept():
    assert_rewrites(
        "from keras import backend as K\n"
        "from keras.layers import LSTM\n"
        "LSTM(\n"
        "    4,\n"
        "    return_sequences=True,\n"
        ")\n",
        "from keras import backend as K\n"
        "from keras.layers import LSTM\n"
        "LSTM(\n"
        "    4,\n"
        "    return_sequences=True,\n"
        "    recurrent_activation=K.hard_sigmoid,\n"
        ")\n",
    )


def test_kwargs_splat_is_reported_not_guessed():
    result = assert_unchanged("from keras.layers import LSTM\nLSTM(4, **options)\n")
    assert lines(result) == [2]
    assert "recurrent_activation" in result.findings[0].message


def test_taken_backend_name_is_reported_not_shadowed():
    result = assert_unchanged("from keras.layers import LSTM\nbackend = 'cpu'\nLSTM(4)\n")
    assert lines(result) == [3]


# --- model methods ------------------------------------------------------------------------------------------


def test_predict_on_models_assigned_in_the_same_scope():
    assert_rewrites(
        "from keras.models import Model, Sequential, load_model\n"
        "net = Sequential()\n"
        "net.predict(x)\n"
        "def run():\n"
        "    m = load_model('m.h5')\n"
        "    return m.predict(x, batch_size=8)\n"
        "functional = Model(a, b)\n"
        "print(functional.predict(x))\n",
        "from keras.models import Model, Sequential, load_model\n"
        "net = Sequential()\n"
        "net.predict(x, verbose=0)\n"
        "def run():\n"
        "    m = load_model('m.h5')\n"
        "    return m.predict(x, batch_size=8, verbose=0)\n"
        "functional = Model(a, b)\n"
        "print(functional.predict(x, verbose=0))\n",
    )


def test_predict_of_anything_else_is_only_an_info_finding():
    result = assert_unchanged(
        "from keras.models import Sequential\n"
        "from sklearn.linear_model import LinearRegression\n"
        "clf = LinearRegression()\n"
        "clf.predict(x)\n"
        "def score(model):\n"
        "    return model.predict(x)\n"
        "mixed = Sequential()\n"
        "mixed = LinearRegression()\n"
        "mixed.predict(x)\n"
        "model = Sequential()\n"
        "model.predict(x, 32, 1)\n"
        "model.predict(x, verbose=2)\n"
    )
    assert lines(result, Severity.INFO) == [4, 6, 9]
    assert lines(result, Severity.WARNING) == []


def test_compile_metric_names_as_keras2_logged_them():
    assert_rewrites(
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "model.compile(loss='categorical_crossentropy', metrics=['accuracy', 'mae', 'hinge'])\n"
        "model.compile('sgd', 'mse', ('MSE',))\n",
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "model.compile(loss='categorical_crossentropy', metrics=['acc', 'mean_absolute_error', 'hinge'])\n"
        "model.compile('sgd', 'mse', metrics=('mean_squared_error',))\n",
    )


def test_binary_crossentropy_accuracy_stays_binary():
    assert_rewrites(
        "from keras import metrics\n"
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "model.compile(loss='binary_crossentropy', optimizer='sgd', metrics=['accuracy'])\n",
        "from keras import metrics\n"
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "model.compile(loss='binary_crossentropy', optimizer='sgd', metrics=[metrics.BinaryAccuracy(name='acc')])\n",
    )


def test_metrics_keras3_rejects_and_unproven_compile_are_reported():
    result = assert_unchanged(
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "model.compile(loss='mse', optimizer='sgd', metrics=['cosine'])\n"
        "self.model.compile(loss='mse', optimizer='sgd', metrics=['accuracy'])\n"
    )
    assert lines(result, Severity.WARNING) == [3]
    assert lines(result, Severity.INFO) == [4]


def test_metrics_names_and_zero_weights_are_reported():
    result = assert_unchanged(
        "from keras.models import Sequential\n"
        "model = Sequential()\n"
        "print(model.metrics_names)\n"
        "model.fit(x, y, sample_weight=w)\n"
        "model.evaluate(x, y, verbose=0)\n"
    )
    assert lines(result) == [3, 4]


def test_zero_weights_are_not_reported_for_tf1_tf_keras():
    assert_unchanged("import tensorflow as tf\nmodel = tf.keras.Sequential()\nmodel.fit(x, y, class_weight=w)\n")


# --- other callables ------------------------------------------------------------------------------------------


def test_regularizer_defaults_and_renamed_keywords():
    assert_rewrites(
        "from keras import regularizers\n"
        "from keras.activations import relu\n"
        "regularizers.l1_l2()\n"
        "regularizers.l1_l2(0.1)\n"
        "regularizers.l2(l=0.001)\n"
        "relu(x, alpha=0.1)\n",
        "from keras import regularizers\n"
        "from keras.activations import relu\n"
        "regularizers.l1_l2(l1=0.01, l2=0.01)\n"
        "regularizers.l1_l2(0.1, l2=0.01)\n"
        "regularizers.l2(l2=0.001)\n"
        "relu(x, negative_slope=0.1)\n",
    )


def test_to_categorical_result_keeps_keras2_dtype():
    assert_rewrites(
        "from keras.utils import to_categorical\n"
        "a = to_categorical(y)\n"
        "b = to_categorical(y, 3, dtype='int32')\n"
        "c = to_categorical(y, 3, 'int32')\n"
        "d = to_categorical(y).astype('int64')\n"
        "e = to_categorical(y=labels, dtype='int32')\n",
        "from keras.utils import to_categorical\n"
        "a = to_categorical(y).astype(\"float32\")\n"
        "b = to_categorical(y, 3).astype('int32')\n"
        "c = to_categorical(y, 3).astype('int32')\n"
        "d = to_categorical(y).astype('int64')\n"
        "e = to_categorical(x=labels).astype('int32')\n",
    )


def test_average_pooling_gets_its_keras2_pool_size():
    assert_rewrites(
        "from keras.layers import AveragePooling1D, AveragePooling2D\n"
        "AveragePooling1D()\nAveragePooling2D(padding='same')\nAveragePooling1D(3)\n",
        "from keras.layers import AveragePooling1D, AveragePooling2D\n"
        "AveragePooling1D(pool_size=2)\nAveragePooling2D(padding='same', pool_size=(2, 2))\nAveragePooling1D(3)\n",
    )


def test_1d_data_format_only_where_the_module_sets_one():
    assert_unchanged("from keras.layers import Conv1D\nConv1D(2, 3)\n")
    assert_rewrites(
        "import tensorflow as tf\n"
        "from keras import backend as K\n"
        "from keras.layers import Conv1D, SeparableConv1D\n"
        "K.set_image_data_format('channels_first')\n"
        "Conv1D(2, 3)\n"
        "SeparableConv1D(2, 3)\n"
        "tf.keras.layers.SeparableConv1D(2, 3)\n",
        "import tensorflow as tf\n"
        "from keras import backend as K\n"
        "from keras.layers import Conv1D, SeparableConv1D\n"
        "K.set_image_data_format('channels_first')\n"
        "Conv1D(2, 3, data_format=\"channels_last\")\n"
        "SeparableConv1D(2, 3, data_format=\"channels_last\")\n"
        "tf.keras.layers.SeparableConv1D(2, 3)\n",
    )


def test_positional_arguments_keras3_binds_elsewhere_go_by_keyword():
    assert_rewrites(
        "import tensorflow as tf\n"
        "from keras.callbacks import LambdaCallback\n"
        "from keras.layers import Conv2D, Input\n"
        "inp = Input((3,), None, 'features')\n"
        "cb = LambdaCallback(None, None, on_batch)\n"
        "Conv2D(1, 2, 1, 'valid', None, 1, 'relu')\n"
        "tf.keras.layers.Conv2D(1, 2, 1, 'valid', None, 1, 'relu')\n",
        "import tensorflow as tf\n"
        "from keras.callbacks import LambdaCallback\n"
        "from keras.layers import Conv2D, Input\n"
        "inp = Input((3,), batch_shape=None, name='features')\n"
        "cb = LambdaCallback(None, None, on_batch_begin=on_batch)\n"
        "Conv2D(1, 2, 1, 'valid', None, 1, 'relu')\n"
        "tf.keras.layers.Conv2D(1, 2, 1, 'valid', None, 1, activation='relu')\n",
    )


def test_changes_no_argument_undoes_are_reported_at_each_call():
    result = assert_unchanged(
        "import tensorflow as tf\n"
        "from keras.callbacks import TensorBoard\n"
        "from keras.layers import BatchNormalization, Dense\n"
        "from keras.preprocessing.image import apply_affine_transform\n"
        "BatchNormalization()\n"
        "tf.keras.layers.BatchNormalization()\n"
        "Dense(2, activity_regularizer='l2')\n"
        "apply_affine_transform(img, theta=30)\n"
        "TensorBoard(log_dir='logs', batch_size=32)\n"
    )
    assert lines(result) == [5, 7, 8, 9]
    assert "zero-debias" in result.findings[0].message
    assert "batch_size" in result.findings[3].message


def test_code_without_changed_defaults_is_a_no_op():
    result = assert_unchanged(
        "from keras.layers import Dense, LeakyReLU, LSTM\n"
        "from keras.models import Sequential\n"
        "model = Sequential([Dense(3), LeakyReLU(), LSTM(2, recurrent_activation='sigmoid', reset_after=True)])\n"
        "model.compile(loss='mse', optimizer='sgd', metrics=['acc'])\n"
        "model.predict(x, verbose=0)\n"
    )
    assert result.findings == ()


# --- the data file ------------------------------------------------------------------------------------------


def test_data_file_loads_without_tensorflow():
    probe = ("import sys; from codemods._keras3_defaults_made_explicit_table import table; t = table(); "
             "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules; "
             "print(sorted(f.keyword for f in t.fixes['layers.recurrent.GRU'] if f.keyword))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['recurrent_activation', 'reset_after']"


def test_every_difference_has_a_verdict_and_fixes_name_whom_they_restore():
    rows = json.loads(DATA.read_text(encoding="utf-8"))["differences"]
    assert all(row["verdict"] and "unconfirmed" not in row["verdict"] for row in rows)
    assert all(row["fixed_spellings"] for row in rows if row["fix"] and "fixable" in row["verdict"])
    assert table().metric_names["accuracy"] == "acc"
    assert "cosine" in table().rejected_metrics


@pytest.mark.parametrize("path", ["layers.LSTM", "layers.GRU", "models.Model.predict", "regularizers.l1_l2"])
def test_probe_confirmed_fixes_are_in_the_table(path):
    assert any(fix.kind == "add_default" for fix in table().fixes[path])


def test_a_function_local_import_is_not_used_at_module_level():
    assert_rewrites(
        "from keras.layers import LSTM\n"
        "def helper():\n"
        "    from keras import backend as K\n"
        "    return K.epsilon()\n"
        "LSTM(4)\n",
        "from keras.layers import LSTM\n"
        "from keras import backend\n"
        "\n"
        "def helper():\n"
        "    from keras import backend as K\n"
        "    return K.epsilon()\n"
        "LSTM(4, recurrent_activation=backend.hard_sigmoid)\n",
    )


# --- trigger --------------------------------------------------------------------------------------------------

PLAIN_KERAS = """\
from keras.models import Sequential
from keras.layers import Dense, Dropout, Conv2D
model = Sequential([Conv2D(8, (3, 3), padding="same", input_shape=(8, 8, 1)),  # (3, 3) kernel
                    Dense(8, activation="relu"), Dropout(0.5), Dense(1)])
model.compile(loss="mse", optimizer="sgd")
model.fit(x, y, epochs=2, batch_size=8, verbose=0)
print(model.predict(x, verbose=0), model.evaluate(x, y, verbose=0))
"""


def test_a_keras_file_with_nothing_to_make_explicit_does_not_trigger(monkeypatch):
    assert not Keras3DefaultsMadeExplicit.is_triggered_by(PLAIN_KERAS)
    force_every_trigger(monkeypatch)
    result = explicit(PLAIN_KERAS)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_every_fix_finding_and_metric_of_the_table_triggers():
    triggered = Keras3DefaultsMadeExplicit.is_triggered_by
    for path, fixes in table().fixes.items():
        for fix in fixes:
            if fix.when:  # acts only in a module that sets the image data format
                assert triggered("from keras import backend as K\nK.set_image_data_format('channels_first')\n")
                continue
            assert triggered(f"from keras.layers import {path.rpartition('.')[2]} as Alias\n")
            if fix.kind == "rename_keyword":
                assert triggered(f"x = keras.{path}(a, {fix.keyword} = 1)\n")
            elif fix.kind == "keywordize_positional":
                assert triggered(f"x = keras.{path}({', '.join(['(1, 2)'] * (fix.position + 1))})\n")
            else:
                assert triggered(f"x = keras.{path}(a, b=[1, (2, 3)])\n")
    for path, findings in table().findings.items():
        for finding in findings:
            assert triggered(f"x = keras.{path}({finding.keyword + '=1' if finding.keyword else ''})\n")
    for metric in {"accuracy", "acc", *table().metric_names, *table().rejected_metrics}:
        assert triggered(f"model.compile(loss='mse', metrics=['mse', {metric!r}])\n")
