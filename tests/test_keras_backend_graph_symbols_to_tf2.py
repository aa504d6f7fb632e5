import textwrap

from codemods._backend_symbols import (
    BACKEND_RENAMES,
    DROPPED,
    KEYWORD_RENAMES,
    MODULE_ALIASES,
    NOT_MINE,
    REPORTED,
    TF_EQUIVALENTS,
)
from codemods.keras_backend_graph_symbols_to_tf2 import (
    OPTIMIZER_METHODS,
    PLANNERS,
    SYMBOLS,
    KerasBackendGraphSymbolsToTf2,
)
from tests.conftest import rewrite
from tf2migrate.results import Severity, Status


def migrate(source):
    return rewrite(source, KerasBackendGraphSymbolsToTf2)


def only_finding(result, line):
    assert [f.line for f in result.findings] == [line], result.findings
    return result.findings[0]


def assert_idempotent(text):
    assert migrate(text).new_text is None


HEADER = """\
from keras import backend as K
from keras.models import Sequential
model = Sequential()
"""


# --- K.function -> sub-model ------------------------------------------------------------------------------------


def test_function_with_one_output_indexed_becomes_a_sub_model_call_as_numpy():
    result = migrate(
        HEADER
        + """\
get_hidden = K.function([model.input], [model.layers[0].output])
hidden = get_hidden([x])[0]
"""
    )
    assert result.new_text == (
        "from keras.models import Model, Sequential\n"
        "model = Sequential()\n"
        "get_hidden = Model(model.inputs, [model.layers[0].output])\n"
        "hidden = get_hidden([x], training=False).numpy()\n"
    )
    assert result.findings == ()
    assert_idempotent(result.new_text)


def test_function_results_stay_a_list_of_arrays():
    result = migrate(
        HEADER
        + """\
one = K.function([model.input], [model.layers[0].output])
two = K.function([model.input], [model.layers[0].output, model.layers[1].output])
print(one([x]), two([x]), two([x])[-1])
a, b = two([x])
"""
    )
    assert result.new_text.splitlines()[-2:] == [
        "print([one([x], training=False).numpy()], [out.numpy() for out in two([x], training=False)], "
        "two([x], training=False)[-1].numpy())",
        "a, b = [out.numpy() for out in two([x], training=False)]",
    ]


def test_learning_phase_fed_zero_becomes_training_false():
    result = migrate(
        HEADER
        + """\
f = K.function([model.input, K.learning_phase()], [model.layers[1].output])
print(f([x, 0])[0], f((x, 0.0))[0], f([x, False])[0])
"""
    )
    assert result.new_text.splitlines()[-2:] == [
        "f = Model(model.inputs, [model.layers[1].output])",
        "print(f([x], training=False).numpy(), f((x,), training=False).numpy(), f([x], training=False).numpy())",
    ]
    assert "backend" not in result.new_text


def test_learning_phase_between_inputs_and_appended_to_model_inputs():
    result = migrate(
        """\
        from keras import backend as K
        from keras.layers import Input
        from keras.models import Sequential
        a = Input(shape=(2,))
        b = Input(shape=(3,))
        f = K.function([a, K.learning_phase(), b], [out])
        g = K.function(net.inputs + [K.learning_phase()], [out])
        seq = Sequential()
        h = K.function([seq.input] + [K.learning_phase()], [seq.output])
        print(f([x, 0, y])[0], g([x, y, 0])[0], h([x, 0])[0])
        """
    )
    assert result.new_text.splitlines()[-5:] == [
        "f = Model([a, b], [out])",
        "g = Model(net.inputs, [out])",
        "seq = Sequential()",
        "h = Model(seq.inputs, seq.outputs)",
        "print(f([x, y], training=False).numpy(), g([x, y], training=False).numpy(), h([x], training=False).numpy())",
    ]


def test_function_called_at_once():
    result = migrate(HEADER + "out = K.function([model.input], [model.output])([x])[0]\n")
    assert result.new_text.splitlines()[-1] == "out = Model(model.inputs, model.outputs)([x], training=False).numpy()"


def test_first_layer_input_of_a_functional_model_becomes_its_input_and_sequential_keeps_it():
    result = migrate(
        """\
        from keras import backend as K
        from keras.models import Model, Sequential, load_model
        net = load_model("net.h5")
        seq = Sequential()
        f = K.function([net.layers[0].input], [net.layers[2].output])
        g = K.function([seq.layers[0].input], [seq.get_layer("dense").output])
        """
    )
    assert result.new_text.splitlines()[-2:] == [
        "f = Model([net.inputs[0]], [net.layers[2].output])",
        'g = Model([seq.layers[0].input], [seq.get_layer("dense").output])',
    ]


def test_function_reuses_the_imported_model_class_and_tf_keras_imports_from_tensorflow():
    reused = migrate(
        """\
        from keras.models import Model as KModel, Sequential
        import keras.backend as K
        m = Sequential()
        f = K.function([m.input], [m.output])
        """
    )
    assert reused.new_text.splitlines()[-1] == "f = KModel(m.inputs, m.outputs)"
    tf_keras = migrate(
        """\
        import tensorflow as tf
        m = tf.keras.models.Sequential()
        f = tf.keras.backend.function([m.input], [m.output])
        """
    )
    assert tf_keras.new_text == (
        "import tensorflow as tf\n"
        "from tensorflow.keras.models import Model\n"
        "\n"
        "m = tf.keras.models.Sequential()\n"
        "f = Model(m.inputs, m.outputs)\n"
    )


def test_function_that_is_never_called_is_still_built_as_a_model():
    result = migrate(HEADER + "f = K.function([model.input], [model.output])\n")
    assert result.new_text.splitlines()[-1] == "f = Model(model.inputs, model.outputs)"


def test_learning_phase_one_is_reported_not_rewritten():
    source = HEADER + "f = K.function([model.input, K.learning_phase()], [model.output])\ny = f([x, 1])\n"
    result = migrate(source)
    assert result.status is Status.UNCHANGED
    finding = only_finding(result, 5)
    assert "learning phase 1" in finding.message and "BatchNormalization" in finding.message
    assert "training=True" in finding.suggestion


def test_function_not_rewritable_is_reported_where_the_obstacle_is():
    cases = {
        "f = K.function([model.input, K.learning_phase()], [model.output])\ny = f([x, phase])\n": (5, "variable"),
        "f = K.function([model.input], [model.output], updates=ups)\n": (4, "`updates`"),
        "self.f = K.function([model.input], [model.output])\n": (4, "stored"),
        "f = K.function([model.input], [model.output])\ncallbacks.append(f)\n": (5, "more than calling"),
        "f = K.function([model.input], [model.output])\nf = None\n": (4, "more than once"),
        "f = K.function([model.input], outputs)\n": (4, "not a written-out list"),
        "f = K.function([model.input], [K.mean(model.output)])\n": (4, "backend op"),
        "f = K.function([model.input], [model.output])\ny = f(x=[x])\n": (5, "one list"),
    }
    for tail, (line, why) in cases.items():
        result = migrate(HEADER + tail)
        assert result.status is Status.UNCHANGED, tail
        finding = only_finding(result, line)
        assert finding.message.startswith("`K.function` does not exist in Keras 3; not rewritten"), tail
        assert why in finding.message, (tail, finding.message)


def test_function_on_a_parameter_is_reported_since_it_may_be_a_sequential_model():
    result = migrate(
        """\
        from keras import backend as K

        def activations(model, x):
            get = K.function([model.input], [model.layers[1].output])
            return get([x])[0]
        """
    )
    assert result.status is Status.UNCHANGED
    finding = only_finding(result, 4)
    assert finding.column == 23
    assert "cannot tell whether `model` is a model or a layer" in finding.message
    assert "Model(model.inputs, outputs)" in finding.suggestion


def test_function_when_the_program_sets_the_learning_phase_is_reported():
    result = migrate(HEADER + "K.set_learning_phase(1)\nf = K.function([model.input], [model.output])\n")
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == [4, 5]
    assert "sets the learning phase" in result.findings[1].message


def test_function_when_model_names_something_else_is_reported():
    result = migrate(HEADER + "Model = None\nf = K.function([model.input], [model.output])\n")
    assert "`Model` is taken" in only_finding(result, 5).message


# --- K.learning_phase / K.set_learning_phase ------------------------------------------------------------------------


def test_set_learning_phase_zero_is_removed_from_an_inference_only_program():
    result = migrate(
        """\
        import numpy as np
        from keras import backend as K
        from keras.models import load_model

        K.set_learning_phase(0)
        model = load_model("m.h5")
        print(model.predict(np.zeros((1, 2))))
        """
    )
    assert result.new_text == (
        "import numpy as np\n"
        "from keras.models import load_model\n"
        "\n"
        'model = load_model("m.h5")\n'
        "print(model.predict(np.zeros((1, 2))))\n"
    )
    assert result.findings == ()


def test_set_learning_phase_is_kept_and_reported_when_the_program_trains_or_sets_one():
    trains = migrate(HEADER + "K.set_learning_phase(0)\nmodel.fit(x, y)\n")
    assert trains.status is Status.UNCHANGED
    assert "this file trains" in only_finding(trains, 4).message
    one = migrate(HEADER + "K.set_learning_phase(1)\n")
    assert "pass `training=True` or `training=False`" in only_finding(one, 4).suggestion


def test_learning_phase_outside_a_function_is_reported():
    result = migrate(HEADER + "out = K.in_train_phase(a, b, training=K.learning_phase())\n")
    assert [(f.line, f.column) for f in result.findings] == [(4, 7), (4, 39)]


# --- module and function renames ----------------------------------------------------------------------------------


def test_k_tf_becomes_the_module_tensorflow_name_and_k_np_numpy():
    result = migrate(
        """\
        import tensorflow as tfl
        import keras.backend as K
        y = K.tf.reduce_sum(K.tf.abs(x)) + K.np.pi
        """
    )
    assert result.new_text == "import tensorflow as tfl\nimport numpy as np\n\ny = tfl.reduce_sum(tfl.abs(x)) + np.pi\n"


def test_k_tf_adds_the_tensorflow_import_and_keeps_k_when_still_used():
    result = migrate("from keras import backend as K\ny = K.sum(K.tf.nn.relu(x))\n")
    assert result.new_text == "from keras import backend as K\nimport tensorflow as tf\n\ny = K.sum(tf.nn.relu(x))\n"
    assert_idempotent(result.new_text)


def test_k_tf_is_reported_when_the_name_tf_is_taken():
    result = migrate("from keras import backend as K\ntf = 3\ny = K.tf.abs(x)\n")
    assert result.status is Status.UNCHANGED
    assert "the name `tf` is taken" in only_finding(result, 3).message


def test_dropped_helpers_become_their_tensorflow_and_keras_3_equivalents():
    result = migrate(
        """\
        import tensorflow as tf
        from keras import backend as K
        a = K.logsumexp(x=v, axis=1, keepdims=True)
        b = K.identity(v, name="same")
        c = K.slice(x=v, start=(0, 1), size=(1, 1))
        d = K.get_variable_shape(v), K.random_binomial((2,), p=0.3)
        e = K.dtype(v + w), K.batch_get_value(ops=[v])
        K.set_epsilon(e=1e-5)
        K.set_floatx(floatx="float64")
        """
    )
    assert result.new_text.splitlines()[2:] == [
        "a = tf.reduce_logsumexp(input_tensor=v, axis=1, keepdims=True)",
        'b = tf.identity(v, name="same")',
        "c = tf.slice(input_=v, begin=(0, 1), size=(1, 1))",
        "d = K.int_shape(v), K.random_bernoulli((2,), p=0.3)",
        "e = tf.as_dtype((v + w).dtype).name, K.batch_get_value(tensors=[v])",
        "K.set_epsilon(value=1e-5)",
        'K.set_floatx(value="float64")',
    ]
    assert result.findings == ()


def test_from_imported_backend_functions_are_renamed_with_their_imports():
    result = migrate("from keras.backend import dtype, get_variable_shape\nprint(dtype(v), get_variable_shape(v))\n")
    assert result.new_text == (
        "from keras.backend import int_shape\n"
        "import tensorflow as tf\n"
        "\n"
        "print(tf.as_dtype(v.dtype).name, int_shape(v))\n"
    )


def test_set_value_statement_becomes_assign_and_other_uses_are_reported():
    result = migrate(
        """\
        from keras import backend as K
        K.set_value(model.layers[0].bias, [1.0, 2.0])
        K.set_value(x=v, value=np.ones(2))
        done = K.set_value(v, 0.5)
        """
    )
    assert result.new_text.splitlines()[1:3] == ["model.layers[0].bias.assign([1.0, 2.0])", "v.assign(np.ones(2))"]
    finding = only_finding(result, 4)
    assert "AttributeError" in finding.message and finding.suggestion == "use `x.assign(value)`"


# --- reported only ------------------------------------------------------------------------------------------------


def test_graph_symbols_without_a_tf2_form_are_reported_with_one():
    result = migrate(
        """\
        import keras
        import keras.backend as K
        from keras.backend.tensorflow_backend import _get_available_gpus
        p = K.placeholder(shape=(None, 3))
        grads = K.gradients(loss, params)
        sess = K.get_session()
        self.sess = keras.backend.get_session()
        K.set_session(sess)
        y = K.print_tensor(x, "x")
        updates = opt.get_updates(loss, params)
        K.update_add(v, 1.0)
        avg = K.moving_average_update(mean, batch_mean, 0.99)
        K.batch_set_value([(v, 1.0)])
        z = K.py_sum([1, 2])
        gpus = _get_available_gpus()
        """
    )
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == list(range(4, 16))
    assert all(f.severity is Severity.WARNING for f in result.findings)
    by_line = {f.line: f for f in result.findings}
    assert "tf.GradientTape" in by_line[5].suggestion
    assert "sessions" in by_line[6].message and "sessions" in by_line[7].message
    assert "zero-debiased" in by_line[12].message
    assert by_line[14].message == "`K.py_sum` does not exist in Keras 3's backend"
    assert "list_logical_devices" in by_line[15].suggestion


def test_custom_optimizer_get_updates_is_reported():
    result = migrate(
        """\
        import keras

        class Clipped(keras.optimizers.SGD):
            def get_updates(self, loss, params):
                return super().get_updates(loss, params)
        """
    )
    assert [(f.line, f.column) for f in result.findings] == [(4, 9), (5, 16)]
    assert "update_step" in result.findings[0].suggestion


def test_backend_functions_whose_results_changed_are_reported():
    result = migrate(
        """\
        from keras import backend as K
        a = K.batch_dot(x, y, axes=[2, 2])
        b = K.categorical_crossentropy(t, o, from_logits=True, axis=1)
        c = K.categorical_crossentropy(t, o, True, -1)
        """
    )
    assert [f.line for f in result.findings] == [2, 3]
    assert "rank 4" in result.findings[0].message
    assert "ignored `axis`" in result.findings[1].message


def test_backend_code_that_keras_3_still_runs_alike_is_left_alone():
    source = """\
        import numpy as np
        from keras import backend as K
        v = K.variable(np.ones((2, 2)))
        print(K.get_value(v), K.eval(K.sum(v, axis=0, keepdims=True)), K.int_shape(v))
        print(K.dot(v, v), K.mean(v), K.cast(v, "int32"), K.concatenate([v, v]), K.ones_like(v))
        print(K.image_data_format(), K.epsilon(), K.floatx(), K.set_image_dim_ordering("tf"))
        K.set_floatx("float32")
        K.clear_session()
        """
    result = migrate(source)
    assert result.status is Status.UNCHANGED
    assert result.findings == ()


def test_names_that_merely_look_like_backend_symbols_are_left_alone():
    result = migrate(
        """\
        from keras import backend as K
        def function(tf, placeholder):
            return tf.placeholder + model.learning_phase + K.epsilon()
        result = function(tf=1, placeholder=2)
        """
    )
    assert result.status is Status.UNCHANGED
    assert result.findings == ()


def test_k_tf_in_a_function_gets_a_module_import_when_tf_is_only_imported_elsewhere():
    result = migrate(
        """\
        from keras import backend as K

        def setup():
            import tensorflow as tf

        def norm(x):
            return K.tf.abs(x)
        """
    )
    assert result.new_text.splitlines()[:2] == ["import tensorflow as tf", ""]
    assert result.new_text.splitlines()[-1] == "    return tf.abs(x)"


# --- trigger --------------------------------------------------------------------------------------------------------


def test_trigger_skips_a_keras_file_that_uses_no_backend_symbol_it_acts_on():
    source = """\
        import tensorflow as tf
        from keras import backend as K
        from keras.backend import floatx
        from keras.layers import Dense
        from keras.models import Sequential

        model = Sequential([Dense(4, input_shape=(3,))])  # K.floatx() is kept in Keras 3
        x = tf.placeholder(tf.float32)
        print(K.floatx(), K.epsilon(), x.dtype, tf.function, {}.update(a=1), K.set_floatx("float32"))
        """
    assert not KerasBackendGraphSymbolsToTf2.is_triggered_by(textwrap.dedent(source))
    result = migrate(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_trigger_matches_every_symbol_the_tables_name_however_it_is_bound():
    trigger = KerasBackendGraphSymbolsToTf2.is_triggered_by
    tables = (DROPPED - NOT_MINE) | {*PLANNERS, *MODULE_ALIASES, *TF_EQUIVALENTS, *BACKEND_RENAMES}
    assert tables | {n for n in REPORTED if n.isidentifier()} | {"gradients"} == SYMBOLS
    assert all(callable(getattr(KerasBackendGraphSymbolsToTf2, method)) for method in PLANNERS.values())
    for symbol in sorted(SYMBOLS):
        for source in (
            f"from keras import backend as K\ny = K.{symbol}\n",
            f"y = (K .\n  {symbol})\nimport keras.backend as K\n",
            f"import tensorflow as tf\ny = tf.keras.backend.{symbol}\n",
            f"from keras.backend import (floatx,  # )\n    {symbol} as s)\n",
            f"from keras.backend import tensorflow_backend as tb\ntb.{symbol}()\n",
        ):
            assert trigger(source), source
    for function, renames in KEYWORD_RENAMES.items():
        for keyword in renames:
            assert trigger(f"from keras import backend as K\nK.{function}(\n    {keyword}=1)\n")
    for method in OPTIMIZER_METHODS:
        assert trigger(f"updates = optimizer.{method}(loss, params)\n")
    assert trigger("class Opt:\n    def get_updates(self, loss, params):\n        pass\n")
