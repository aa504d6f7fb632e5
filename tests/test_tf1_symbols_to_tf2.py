from codemods._tf1_symbols_table import OWNED_ELSEWHERE, tf1_symbols
from codemods.tf1_symbols_to_tf2 import NO_OPS, Tf1SymbolsToTf2
from tests.conftest import rewrite
from tf2migrate.codemod import FallbackMode, Settings
from tf2migrate.results import Severity, Status

NO_FALLBACK = Settings(fallback=FallbackMode.NONE)


def convert(source, settings=Settings()):
    return rewrite(source, Tf1SymbolsToTf2, settings=settings)


def test_renames_keep_the_files_alias():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.log(tf.random_normal([2]))
        b = tf.compat.v1.squared_difference(a, (tf.ceil)(a))
        fn = tf.random_uniform
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.math.log(tf.random.normal([2]))\n"
        "b = tf.math.squared_difference(a, (tf.math.ceil)(a))\n"
        "fn = tf.random.uniform\n"
    )


def test_counterparts_become_their_tf2_calls():
    result = convert(
        """\
        import tensorflow as tf
        tf.set_random_seed(1)
        x = tf.to_float(y)
        z = tf.to_int32(x, name="i")
        w = tf.to_double(x=y)
        m = tf.arg_max(x, dimension=1)
        s = tf.multinomial(logits, 2, output_dtype=tf.int32)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "tf.random.set_seed(1)\n"
        "x = tf.cast(y, tf.float32)\n"
        'z = tf.cast(x, tf.int32, name="i")\n'
        "w = tf.cast(x=y, dtype=tf.float64)\n"
        "m = tf.math.argmax(x, axis=1)\n"
        "s = tf.random.categorical(logits, 2, dtype=tf.int32)\n"
    )


def test_renamed_and_moved_arguments():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.reduce_sum(x, reduction_indices=[1], keep_dims=True)
        b = tf.expand_dims(x, dim=0)
        c = tf.squeeze(x, squeeze_dims=[2])
        d = tf.argmax(x, dimension=1)
        e = tf.transpose(x, [1, 0], "t")
        f = tf.random.poisson(2.0, [3])
        g = tf.nn.softmax(x, dim=-1)
        h = tf.reduce_mean(
            x,
            reduction_indices=1,
        )
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.reduce_sum(x, axis=[1], keepdims=True)\n"
        "b = tf.expand_dims(x, axis=0)\n"
        "c = tf.squeeze(x, axis=[2])\n"
        "d = tf.argmax(x, axis=1)\n"
        'e = tf.transpose(x, [1, 0], name="t")\n'
        "f = tf.random.poisson(lam=2.0, shape=[3])\n"
        "g = tf.nn.softmax(x, axis=-1)\n"
        "h = tf.reduce_mean(\n    x,\n    axis=1,\n)\n"
    )


def test_dropout_keep_prob_and_softmax_cross_entropy_labels():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.nn.dropout(x, 0.8)
        b = tf.nn.dropout(x, keep_prob=p + 0.1)
        c = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=z, dim=1)
        d = tf.nn.softmax_cross_entropy_with_logits(labels=tf.stop_gradient(y), logits=z)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.nn.dropout(x, rate=1 - 0.8)\n"
        "b = tf.nn.dropout(x, rate=1 - (p + 0.1))\n"
        "c = tf.nn.softmax_cross_entropy_with_logits(labels=tf.stop_gradient(y), logits=z, axis=1)\n"
        "d = tf.nn.softmax_cross_entropy_with_logits(labels=tf.stop_gradient(y), logits=z)\n"
    )


def test_initializers_keep_tf1_defaults():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.random_normal_initializer()
        b = tf.random_uniform_initializer(-1.0)
        c = tf.constant_initializer(0.5)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.random_normal_initializer(stddev=1.0)\n"
        "b = tf.random_uniform_initializer(-1.0, maxval=1.0)\n"
        "c = tf.constant_initializer(0.5)\n"
    )


def test_v1_only_arguments_with_their_default_are_dropped():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.constant(1, verify_shape=False)
        v = tf.Variable(0.0, True, None, name="v", use_resource=True)
        g = tf.gradients(y, x, colocate_gradients_with_ops=True)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.constant(1)\n"
        'v = tf.Variable(0.0, True, name="v")\n'
        "g = tf.gradients(y, x)\n"
    )
    assert result.findings == ()


def test_unmappable_calls_use_compat_v1_with_the_compat_fallback():
    result = convert(
        """\
        import tensorflow as tf
        a = tf.constant(1, verify_shape=True)
        v = tf.Variable(0.0, collections=["mine"])
        w = tf.while_loop(c, b, [i])
        q = tf.cond(p, lambda: [a], lambda: [b])
        r = tf.reduce_sum(*args)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "a = tf.compat.v1.constant(1, verify_shape=True)\n"
        'v = tf.compat.v1.Variable(0.0, collections=["mine"])\n'
        "w = tf.compat.v1.while_loop(c, b, [i])\n"
        "q = tf.compat.v1.cond(p, lambda: [a], lambda: [b])\n"
        "r = tf.compat.v1.reduce_sum(*args)\n"
    )
    assert [f.severity for f in result.findings] == [Severity.INFO] * 5
    assert "verify_shape" in result.findings[0].message
    assert "collections" in result.findings[1].message


def test_unmappable_calls_are_left_with_a_warning_without_fallback():
    source = """\
        import tensorflow as tf
        a = tf.constant(1, verify_shape=True)
        v = tf.Variable(0.0, collections=["mine"])
        """
    result = convert(source, NO_FALLBACK)
    assert result.status is Status.UNCHANGED
    assert [f.severity for f in result.findings] == [Severity.WARNING, Severity.WARNING]
    assert [f.line for f in result.findings] == [2, 3]
    assert "`verify_shape`" in result.findings[0].message


def test_cond_with_lambdas_not_returning_lists_migrates():
    result = convert(
        """\
        import tensorflow as tf
        q = tf.cond(p, lambda: a, lambda: b, strict=False)
        r = tf.cond(p, fn1=lambda: a, fn2=lambda: b)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "q = tf.cond(p, lambda: a, lambda: b)\n"
        "r = tf.cond(p, true_fn=lambda: a, false_fn=lambda: b)\n"
    )


def test_eager_switches_are_removed():
    result = convert(
        """\
        import tensorflow as tf

        tf.enable_eager_execution()
        tf.compat.v1.enable_v2_behavior()  # switch
        tf.enable_resource_variables()
        x = tf.constant(1)
        """
    )
    assert result.new_text == "import tensorflow as tf\n\n# switch\nx = tf.constant(1)\n"


def test_eager_switch_with_arguments_or_switches_back_is_kept():
    result = convert(
        """\
        import tensorflow as tf
        tf.enable_eager_execution(config=cfg)
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.severity for f in result.findings] == [Severity.WARNING]
    result = convert(
        """\
        import tensorflow as tf
        tf.compat.v1.disable_eager_execution()
        tf.enable_eager_execution()
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.severity for f in result.findings] == [Severity.INFO]


def test_only_eager_switch_removes_the_unused_import():
    result = convert(
        """\
        import tensorflow as tf
        tf.enable_eager_execution()
        print(1)
        """
    )
    assert result.new_text == "print(1)\n"


def test_compat_v1_alias_keeps_its_alias():
    result = convert(
        """\
        import tensorflow.compat.v1 as tf
        tf.set_random_seed(1)
        x = tf.to_float(tf.log(y))
        s = tf.reduce_sum(x, keep_dims=True)
        c = tf.constant(1, verify_shape=True)
        """
    )
    assert result.new_text == (
        "import tensorflow.compat.v1 as tf\n"
        "tf.set_random_seed(1)\n"  # tf.compat.v1 has no random.set_seed
        "x = tf.cast(tf.math.log(y), tf.float32)\n"
        "s = tf.reduce_sum(x, keepdims=True)\n"
        "c = tf.constant(1, verify_shape=True)\n"
    )
    assert result.findings == ()


def test_names_imported_from_tensorflow_are_rewritten_where_called():
    result = convert(
        """\
        import tensorflow as tf
        from tensorflow import random_normal, to_float
        x = to_float(random_normal([2]))
        """
    )
    assert result.new_text == "import tensorflow as tf\nx = tf.cast(tf.random.normal([2]), tf.float32)\n"


def test_from_import_without_a_tensorflow_import_adds_one():
    result = convert(
        """\
        from tensorflow import log
        y = log(x)
        """
    )
    assert result.new_text == "import tensorflow as tf\n\ny = tf.math.log(x)\n"


def test_tf2_code_and_other_modules_are_left_alone():
    source = """\
        import tensorflow as tf
        import numpy as np
        a = tf.reduce_sum(x, axis=1, keepdims=True)
        b = tf.math.log(x) + np.log(2)
        c = tf.nn.dropout(x, rate=0.5)
        d = tf.summary.scalar("loss", l)
        e = tf.logging.info("x")
        f = tf.placeholder(tf.float32)
        g = obj.log(1)
        def log(v):
            return v
        tf.constant(1)
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_initializer_without_arguments_is_the_tf2_initializer():
    source = "import tensorflow as tf\ninit = tf.ones_initializer()\nzeros = tf.zeros_initializer()\n"
    result = rewrite(source, Tf1SymbolsToTf2)
    assert result.new_text is None and result.findings == ()


KERAS_MODEL = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([layers.Dense(4, activation="relu")])
model.add(layers.Dense(1))
x = np.zeros((8, 3)).reshape(4, 6)
print(x.shape, tf.float32, model.layers[0].name)
"""


def test_trigger_skips_a_file_without_tf1_names():
    assert not Tf1SymbolsToTf2.is_triggered_by(KERAS_MODEL)


def test_trigger_fires_for_every_name_of_the_table():
    table = tf1_symbols()
    for key in {*table.renames, *table.counterparts, *table.arguments, *NO_OPS}:
        if key.startswith(OWNED_ELSEWHERE):
            continue
        module, _, last = key.rpartition(".")
        for text in (
            f"import tensorflow as tf\ny = tf.{key}\n",
            f"y = t1.compat.v1.{key}(x)\nimport tensorflow as t1\n",  # the import after the use
            f"from tensorflow{'.' if module else ''}{module} import (\n    {last} as f,  # c\n)\n",
        ):
            assert Tf1SymbolsToTf2.is_triggered_by(text), text
