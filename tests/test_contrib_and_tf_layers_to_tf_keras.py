import textwrap

from codemods._tf_layers_table import CONTRIB_HOMES, LAYER_CLASSES, LAYER_FUNCTIONS
from codemods.contrib_and_tf_layers_to_tf_keras import ContribAndTfLayersToTfKeras
from tests.conftest import rewrite
from tf2migrate.results import Severity, Status


def convert(source):
    return rewrite(source, ContribAndTfLayersToTfKeras)


def converts(before, after):
    result = convert(before)
    assert result.new_text == textwrap.dedent(after)
    return result


def left_alone(source, *lines):
    result = convert(source)
    assert result.status is Status.UNCHANGED, result.new_text
    assert [f.line for f in result.findings] == list(lines)
    assert all(f.severity is Severity.WARNING for f in result.findings)
    return result.findings


def test_functional_layers_become_keras_layers_called_on_their_input():
    converts(
        """\
        import tensorflow as tf
        tf.enable_eager_execution()
        a = tf.layers.dense(x, 10, tf.nn.relu, name="fc")
        b = tf.layers.conv2d(inputs=x, filters=8, kernel_size=3, strides=(2, 2), padding="same")
        c = tf.layers.conv2d(x, 8, 3, (2, 2), "same")
        d = tf.layers.max_pooling2d(x, 2, 2)
        e = tf.layers.flatten(tf.layers.average_pooling2d(x, pool_size=2, strides=1))
        f = tf.layers.dropout(x, training=is_training)
        g = tf.layers.batch_normalization(x, momentum=0.9, training=True, fused=True)
        h = tf.compat.v1.layers.conv2d_transpose(x, 4, 3, reuse=None)
        """,
        """\
        import tensorflow as tf
        tf.enable_eager_execution()
        a = tf.keras.layers.Dense(10, activation=tf.nn.relu, name="fc")(x)
        b = tf.keras.layers.Conv2D(filters=8, kernel_size=3, strides=(2, 2), padding="same")(x)
        c = tf.keras.layers.Conv2D(8, 3, strides=(2, 2), padding="same")(x)
        d = tf.keras.layers.MaxPooling2D(2, 2)(x)
        e = tf.keras.layers.Flatten()(tf.keras.layers.AveragePooling2D(pool_size=2, strides=1)(x))
        f = tf.keras.layers.Dropout(0.5)(x, training=is_training)
        g = tf.keras.layers.BatchNormalization(momentum=0.9)(x, training=True)
        h = tf.keras.layers.Conv2DTranspose(4, 3)(x)
        """,
    )


def test_layer_classes_become_their_keras_namesakes():
    converts(
        """\
        import tensorflow as tf
        dense = tf.layers.Dense(3, activation="relu")
        drop = tf.layers.Dropout()
        norm = tf.layers.BatchNormalization(axis=1, fused=False)
        kind = tf.layers.Conv2D
        """,
        """\
        import tensorflow as tf
        dense = tf.keras.layers.Dense(3, activation="relu")
        drop = tf.keras.layers.Dropout(0.5)
        norm = tf.keras.layers.BatchNormalization(axis=1)
        kind = tf.keras.layers.Conv2D
        """,
    )


def test_contrib_initializers_keep_their_distribution():
    result = converts(
        """\
        import tensorflow as tf
        a = tf.contrib.layers.xavier_initializer()
        b = tf.contrib.layers.xavier_initializer_conv2d(seed=4, dtype=tf.float32)
        c = tf.contrib.layers.xavier_initializer(uniform=False)
        d = tf.contrib.layers.variance_scaling_initializer()
        e = tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode="FAN_AVG", uniform=True)
        """,
        """\
        import tensorflow as tf
        a = tf.keras.initializers.GlorotUniform()
        b = tf.keras.initializers.GlorotUniform(seed=4)
        c = tf.keras.initializers.VarianceScaling(scale=1.3 * 0.87962566103423978 ** 2, mode="fan_avg", distribution="truncated_normal")
        d = tf.keras.initializers.VarianceScaling(scale=2.0 * 1.3 * 0.87962566103423978 ** 2, mode="fan_in", distribution="truncated_normal")
        e = tf.keras.initializers.VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform")
        """,
    )
    assert [(f.line, f.severity) for f in result.findings] == [(4, Severity.INFO), (5, Severity.INFO)]


def test_contrib_regularizers_compute_the_same_penalty():
    converts(
        """\
        import tensorflow as tf
        a = tf.contrib.layers.l2_regularizer(0.01)
        b = tf.contrib.layers.l2_regularizer(scale=weight_decay + 1)
        c = tf.contrib.layers.l1_regularizer(1e-4, scope="l1")
        d = tf.contrib.layers.l1_l2_regularizer(scale_l2=0.3)
        """,
        """\
        import tensorflow as tf
        a = tf.keras.regularizers.L2(0.005)
        b = tf.keras.regularizers.L2(0.5 * (weight_decay + 1))
        c = tf.keras.regularizers.L1(1e-4)
        d = tf.keras.regularizers.L1L2(l1=1.0, l2=0.15)
        """,
    )


def test_compat_v1_only_import_is_replaced_by_a_tensorflow_import():
    result = convert("import tensorflow.compat.v1 as tf\ny = tf.layers.dense(x, 2)\n")
    assert result.new_text == "import tensorflow\n\ny = tensorflow.keras.layers.Dense(2)(x)\n"


def test_graph_mode_training_tensor_is_left_with_a_finding():
    (finding,) = left_alone(
        """\
        import tensorflow as tf
        is_training = tf.placeholder(tf.bool)
        y = tf.layers.dropout(x, 0.5, training=is_training)
        """,
        3,
    )
    assert "Python bool" in finding.message


def test_graph_mode_training_bound_to_a_python_bool_is_converted():
    converts(
        "import tensorflow as tf\nflag = False\ny = tf.layers.dropout(x, training=flag)\n",
        "import tensorflow as tf\nflag = False\ny = tf.keras.layers.Dropout(0.5)(x, training=flag)\n",
    )


def test_variable_sharing_is_left_with_a_finding():
    findings = left_alone(
        """\
        import tensorflow as tf
        a = tf.layers.dense(x, 2, name="fc", reuse=True)
        with tf.variable_scope("net", reuse=tf.AUTO_REUSE):
            b = tf.layers.dense(x, 2)
        """,
        2,
        4,
    )
    assert "reuse" in findings[0].message and "AUTO_REUSE" in findings[1].message


def test_update_ops_and_regularization_collections_block_the_conversion():
    findings = left_alone(
        """\
        import tensorflow as tf
        y = tf.layers.batch_normalization(x, training=True)
        z = tf.layers.dense(x, 2, kernel_regularizer=reg)
        updates = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        total = tf.losses.get_regularization_loss()
        """,
        2,
        3,
    )
    assert "UPDATE_OPS" in findings[0].message and "REGULARIZATION_LOSSES" in findings[1].message


def test_unsupported_or_unreadable_arguments_are_left_with_a_finding():
    left_alone(
        """\
        import tensorflow as tf
        a = tf.layers.batch_normalization(x, virtual_batch_size=8)
        b = tf.layers.dense(x, *sizes)
        c = tf.layers.dense(x, 2, bogus=1)
        d = tf.contrib.layers.xavier_initializer(uniform=flag)
        e = tf.contrib.layers.l2_regularizer(0.0)
        f = tf.contrib.layers.xavier_initializer(dtype=tf.float16)
        """,
        2, 3, 4, 5, 6, 7,
    )


def test_other_contrib_and_tf_layers_references_are_reported():
    findings = left_alone(
        """\
        import tensorflow as tf
        import tensorflow.contrib.slim as slim
        from tensorflow.contrib import rnn
        cell = tf.contrib.rnn.BasicLSTMCell(4)
        y = tf.contrib.layers.fully_connected(x, 3)
        class Mine(tf.layers.Layer):
            pass
        """,
        2, 3, 4, 5, 6,
    )
    assert "tf_slim" in findings[0].suggestion
    assert "LSTMStateTuple" in findings[1].suggestion and "tf.contrib.rnn.BasicLSTMCell" in findings[2].message
    assert "Dense" in findings[3].suggestion
    assert "tf.layers.Layer" in findings[4].message


def test_code_without_tf_layers_or_contrib_is_untouched():
    result = convert(
        """\
        import tensorflow as tf
        from keras import layers
        y = layers.Dense(3)(x)
        my.layers.dense(x, 3)
        contrib = tf.keras.layers.Dense(2)
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


KERAS_MODEL = """\
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([layers.Dense(4), tf.keras.layers.Dropout(0.5)])
print(len(model.layers), model.layers[0].name)
"""


def test_trigger_skips_a_keras_file():
    assert not ContribAndTfLayersToTfKeras.is_triggered_by(KERAS_MODEL)


def test_trigger_fires_for_every_tf_layers_name_and_contrib_module():
    for name in [*LAYER_FUNCTIONS, *LAYER_CLASSES]:
        for text in (
            f"import tensorflow as tf\ny = tf.layers.{name}\n",
            f"import tensorflow as keras\ny = keras.layers.{name}\n",
            f"y = v1.layers.{name}\nfrom tensorflow.compat import v1\n",
            f"from tensorflow.compat.v1 import (\n    layers,  # c\n)\ny = layers.{name}\n",
        ):
            assert ContribAndTfLayersToTfKeras.is_triggered_by(text), text
    for module in CONTRIB_HOMES:
        assert ContribAndTfLayersToTfKeras.is_triggered_by(f"import tensorflow as tf\ny = tf.contrib.{module}\n")
