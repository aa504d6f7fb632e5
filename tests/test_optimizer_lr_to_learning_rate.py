from textwrap import dedent

from codemods._optimizer_tables import CLASSES, KERAS3_POSITIONAL, SIGNATURES, string_explicit_arguments
from codemods.optimizer_lr_to_learning_rate import (
    EPSILON_INSIDE_ROOT,
    KEYWORDS,
    OptimizerLrToLearningRate,
    _positions_kept,
)
from tests.conftest import force_every_trigger, rewrite
from tf2migrate.results import Status

SCHEDULE = "tf.keras.optimizers.schedules.InverseTimeDecay"


def migrate(source):
    return rewrite(source, OptimizerLrToLearningRate)


def body(result):
    """The rewritten text without its import lines."""
    return "".join(line for line in result.new_text.splitlines(True) if not line.startswith(("import ", "from ")))


def findings(result):
    return [(f.line, f.severity.value) for f in result.findings]


# --- lr and decay ---------------------------------------------------------------------------------------------


def test_lr_keyword_becomes_learning_rate():
    result = migrate(
        """\
        from keras.optimizers import SGD
        opt = SGD(lr=0.1, momentum=0.9)
        """
    )
    assert result.new_text == "from keras.optimizers import SGD\nopt = SGD(learning_rate=0.1, momentum=0.9)\n"
    assert result.findings == ()


def test_positional_learning_rate_and_defaults_kept_by_keras_3_are_left_alone():
    result = migrate(
        """\
        from keras.optimizers import SGD, Adam
        a = SGD(0.5)
        b = Adam(0.01, 0.8, 0.99)
        """
    )
    assert result.status is Status.UNCHANGED


def test_decay_becomes_an_inverse_time_decay_schedule_with_the_modules_tensorflow_alias():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import SGD
        opt = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
        """
    )
    assert body(result) == (
        f"opt = SGD(learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=1e-6), momentum=0.9, nesterov=True)\n"
    )
    assert result.new_text.count("import tensorflow as tf") == 1


def test_decay_imports_tensorflow_when_the_module_has_no_name_for_it():
    result = migrate(
        """\
        from keras import optimizers
        opt = optimizers.RMSprop(lr=0.001, decay=0.01)
        """
    )
    assert result.new_text == (
        "from keras import optimizers\n"
        "import tensorflow as tf\n"
        "\n"
        f"opt = optimizers.RMSprop(learning_rate={SCHEDULE}(0.001, decay_steps=1, decay_rate=0.01))\n"
    )


def test_decay_imports_plain_tensorflow_when_tf_is_taken():
    result = migrate(
        """\
        import tensorflow.compat.v1 as tf
        from keras.optimizers import SGD
        opt = SGD(lr=0.1, decay=0.5)
        """
    )
    assert "import tensorflow\n" in result.new_text
    assert body(result) == (
        "\nopt = SGD(learning_rate=tensorflow.keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=1, "
        "decay_rate=0.5))\n"
    )



def test_decay_imports_plain_tensorflow_when_tf_is_a_free_name():
    """`tf` read but never bound (a star import's, say) is not TensorFlow here: importing TensorFlow as `tf` would
    change what it means, and make the next run read `tf.to_float` as TensorFlow's."""
    result = migrate(
        """\
        from keras.optimizers import SGD
        opt = SGD(lr=0.01, decay=1e-6)
        x = tf.to_float(1)
        """
    )
    assert result.new_text == (
        "from keras.optimizers import SGD\n"
        "import tensorflow\n"
        "\n"
        "opt = SGD(learning_rate=tensorflow.keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, "
        "decay_rate=1e-6))\n"
        "x = tf.to_float(1)\n"
    )
    assert result.findings == ()


def test_decay_is_kept_with_a_finding_when_tf_and_tensorflow_are_both_used_for_something_else():
    source = """\
        from keras.optimizers import SGD
        tensorflow = load_plugin()
        opt = SGD(lr=0.01, decay=1e-6)
        x = tf.to_float(1)
        """
    result = migrate(source)
    assert body(result) == "tensorflow = load_plugin()\nopt = SGD(learning_rate=0.01, decay=1e-6)\nx = tf.to_float(1)\n"
    assert findings(result) == [(3, "warning")]
    assert "no name is free to import TensorFlow under" in result.findings[0].message

def test_decay_without_lr_starts_the_schedule_at_the_keras_2_default_rate():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import Adamax
        opt = Adamax(decay=1e-4)
        """
    )
    assert body(result) == f"opt = Adamax(learning_rate={SCHEDULE}(0.002, decay_steps=1, decay_rate=1e-4))\n"


def test_positional_decay_goes_into_the_schedule_of_the_positional_learning_rate():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import SGD
        opt = SGD(0.1, 0.9, 0.5)
        """
    )
    assert body(result) == f"opt = SGD({SCHEDULE}(0.1, decay_steps=1, decay_rate=0.5), 0.9)\n"


def test_zero_decay_is_dropped():
    result = migrate(
        """\
        from keras.optimizers import SGD, RMSprop
        a = SGD(lr=0.1, decay=0.0)
        b = SGD(lr=0.1, decay=0)
        """
    )
    assert body(result) == "a = SGD(learning_rate=0.1)\nb = SGD(learning_rate=0.1)\n"


def test_integer_learning_rates_become_floats_and_a_non_literal_rate_is_floated_in_the_schedule():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import SGD
        a = SGD(lr=1)
        b = SGD(lr=1, decay=0.1)
        c = SGD(lr=base_rate, decay=0.1)
        d = SGD(lr=base_rate / 10, decay=0.1)
        """
    )
    assert body(result) == (
        "a = SGD(learning_rate=1.0)\n"
        f"b = SGD(learning_rate={SCHEDULE}(1.0, decay_steps=1, decay_rate=0.1))\n"
        f"c = SGD(learning_rate={SCHEDULE}(float(base_rate), decay_steps=1, decay_rate=0.1))\n"
        f"d = SGD(learning_rate={SCHEDULE}(base_rate / 10, decay_steps=1, decay_rate=0.1))\n"
    )


def test_decay_is_kept_with_a_finding_when_the_module_changes_the_learning_rate_while_training():
    result = migrate(
        """\
        from keras.callbacks import LearningRateScheduler
        from keras.optimizers import SGD

        opt = SGD(lr=0.1, decay=1e-3)
        """
    )
    assert body(result) == "\nopt = SGD(learning_rate=0.1, decay=1e-3)\n"
    assert findings(result) == [(4, "warning")]
    assert "LearningRateScheduler" in result.findings[0].message


def test_optimizer_lr_attribute_blocks_the_schedule_but_an_argparse_lr_does_not():
    blocked = migrate(
        """\
        from keras import backend as K
        from keras.optimizers import SGD
        opt = SGD(lr=0.1, decay=1e-3)
        K.set_value(model.optimizer.lr, 0.01)
        """
    )
    assert "decay=1e-3" in blocked.new_text and findings(blocked) == [(3, "warning")]
    converted = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import SGD
        opt = SGD(lr=args.lr, decay=args.decay)
        """
    )
    assert body(converted) == (
        f"opt = SGD(learning_rate={SCHEDULE}(float(args.lr), decay_steps=1, decay_rate=args.decay))\n"
    )


def test_multi_line_call_keeps_its_layout():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.optimizers import SGD
        opt = SGD(
            lr=0.01,  # tuned
            momentum=0.9,
            decay=1e-6,
        )
        """
    )
    assert body(result) == (
        "opt = SGD(\n"
        f"    learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=1e-6),  # tuned\n"
        "    momentum=0.9,\n"
        ")\n"
    )


# --- other arguments and Keras 2 defaults ------------------------------------------------------------------------


def test_epsilon_none_is_dropped():
    result = migrate(
        """\
        from keras.optimizers import Adam
        opt = Adam(lr=0.001, epsilon=None)
        """
    )
    assert body(result) == "opt = Adam(learning_rate=0.001)\n"


def test_keras_2_defaults_that_keras_3_changed_are_made_explicit():
    result = migrate(
        """\
        from keras import optimizers
        a = optimizers.Adagrad()
        b = optimizers.Adadelta()
        c = optimizers.Adamax()
        d = optimizers.Adagrad(lr=0.1)
        """
    )
    assert body(result) == (
        "a = optimizers.Adagrad(learning_rate=0.01, initial_accumulator_value=0.0)\n"
        "b = optimizers.Adadelta(learning_rate=1.0)\n"
        "c = optimizers.Adamax(learning_rate=0.002)\n"
        "d = optimizers.Adagrad(learning_rate=0.1, initial_accumulator_value=0.0)\n"
    )
    assert findings(result) == [(2, "info"), (5, "info")]  # Adagrad's epsilon sits inside the square root


def test_nadam_gets_its_keras_2_rate_and_a_warning_about_its_schedule():
    result = migrate(
        """\
        from keras.optimizers import Nadam
        opt = Nadam(schedule_decay=0.004)
        """
    )
    assert body(result) == "opt = Nadam(learning_rate=0.002, schedule_decay=0.004)\n"
    assert findings(result) == [(2, "warning")]
    assert "schedule" in result.findings[0].message


def test_rmsprop_reports_where_keras_3_puts_epsilon():
    result = migrate(
        """\
        from keras.optimizers import RMSprop
        opt = RMSprop(lr=0.01)
        """
    )
    assert findings(result) == [(2, "info")]
    assert "inside the square root" in result.findings[0].message


def test_positional_arguments_that_moved_in_keras_3_are_passed_by_name():
    result = migrate(
        """\
        from keras.optimizers import Adagrad, Adam
        a = Adagrad(0.05, 1e-6)
        b = Adam(0.01, 0.8, 0.99, 1e-6, 0.0, True)
        """
    )
    assert body(result) == (
        "a = Adagrad(0.05, epsilon=1e-6, initial_accumulator_value=0.0)\n"
        "b = Adam(0.01, 0.8, 0.99, 1e-6, amsgrad=True)\n"
    )


def test_keras_2_clipnorm_is_keras_3_global_clipnorm():
    result = migrate(
        """\
        from keras.optimizers import SGD
        opt = SGD(lr=0.1, clipnorm=1.0)
        """
    )
    assert body(result) == "opt = SGD(learning_rate=0.1, global_clipnorm=1.0)\n"


def test_clipnorm_with_clipvalue_is_left_with_a_finding():
    result = migrate(
        """\
        from keras.optimizers import SGD
        opt = SGD(lr=0.1, clipnorm=1.0, clipvalue=0.5)
        """
    )
    assert body(result) == "opt = SGD(learning_rate=0.1, clipnorm=1.0, clipvalue=0.5)\n"
    assert findings(result) == [(2, "warning")]


def test_lowercase_alias_and_attribute_spellings():
    result = migrate(
        """\
        import keras
        from keras.optimizers import adam
        a = adam(lr=0.1)
        b = keras.optimizers.sgd(lr=0.2)
        """
    )
    assert body(result) == "a = adam(learning_rate=0.1)\nb = keras.optimizers.sgd(learning_rate=0.2)\n"


# --- TF 1.x tf.keras -------------------------------------------------------------------------------------------


def test_tf_keras_optimizers_get_lr_and_decay_converted_but_keep_their_clipnorm_and_defaults():
    result = migrate(
        """\
        import tensorflow as tf
        a = tf.keras.optimizers.Adam(lr=0.01, decay=0.1, clipnorm=1.0)
        b = tf.keras.optimizers.Adagrad(lr=2)
        c = tf.keras.optimizers.Adamax()
        """
    )
    assert body(result) == (
        f"a = tf.keras.optimizers.Adam(learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=0.1), clipnorm=1.0)\n"
        "b = tf.keras.optimizers.Adagrad(learning_rate=2.0)\n"
        "c = tf.keras.optimizers.Adamax()\n"
    )
    assert result.findings == ()


def test_tf_keras_nadam_decay_is_its_schedule_decay_and_is_left_with_a_warning():
    result = migrate(
        """\
        import tensorflow as tf
        opt = tf.keras.optimizers.Nadam(lr=0.01, decay=0.004)
        """
    )
    assert body(result) == "opt = tf.keras.optimizers.Nadam(learning_rate=0.01, decay=0.004)\n"
    assert findings(result) == [(2, "warning")]


def test_tf_keras_positional_name_is_passed_by_name():
    result = migrate(
        """\
        import tensorflow as tf
        opt = tf.keras.optimizers.SGD(0.1, 0.9, False, "sgd")
        """
    )
    assert body(result) == 'opt = tf.keras.optimizers.SGD(0.1, 0.9, False, name="sgd")\n'


def test_tensorflow_2_code_is_left_alone():
    result = migrate(
        """\
        import tensorflow as tf
        from tensorflow.keras.optimizers import SGD, Adagrad
        a = SGD(learning_rate=tf.keras.optimizers.schedules.InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.5))
        b = Adagrad(learning_rate=0.01, initial_accumulator_value=0.0)
        c = tf.keras.optimizers.Nadam()
        """
    )
    assert result.status is Status.UNCHANGED
    assert result.findings == ()


# --- what is left alone --------------------------------------------------------------------------------------------


def test_optimizers_of_other_libraries_are_left_alone():
    result = migrate(
        """\
        import keras
        from torch.optim import SGD
        opt = SGD(params, lr=0.1)
        """
    )
    assert result.status is Status.UNCHANGED


def test_star_arguments_are_reported():
    result = migrate(
        """\
        from keras.optimizers import Adam
        opt = Adam(**config)
        """
    )
    assert result.status is Status.UNCHANGED
    assert findings(result) == [(2, "warning")]


def test_too_many_positional_arguments_and_both_rate_spellings_are_reported():
    result = migrate(
        """\
        from keras.optimizers import SGD
        a = SGD(0.1, 0.9, 0.0, True, 1)
        b = SGD(lr=0.1, learning_rate=0.2)
        """
    )
    assert result.status is Status.UNCHANGED
    assert findings(result) == [(2, "warning"), (3, "warning")]


# --- optimizer strings ---------------------------------------------------------------------------------------------


def test_keras_2_strings_with_other_keras_3_defaults_become_objects():
    result = migrate(
        """\
        from keras.models import Sequential
        model = Sequential()
        model.compile(loss="mse", optimizer="adagrad")
        model.compile("Adadelta", "mse")
        model.compile(optimizer="adamax", loss="mse")
        model.compile(optimizer="sgd", loss="mse")
        model.compile(optimizer="adam", loss="mse")
        """
    )
    assert result.new_text == dedent(
        """\
        from keras.models import Sequential
        from keras.optimizers import Adadelta, Adagrad, Adamax

        model = Sequential()
        model.compile(loss="mse", optimizer=Adagrad(learning_rate=0.01, initial_accumulator_value=0.0))
        model.compile(Adadelta(learning_rate=1.0), "mse")
        model.compile(optimizer=Adamax(learning_rate=0.002), loss="mse")
        model.compile(optimizer="sgd", loss="mse")
        model.compile(optimizer="adam", loss="mse")
        """
    )
    assert findings(result) == [(3, "info")]


def test_strings_use_the_modules_own_name_for_the_optimizers():
    result = migrate(
        """\
        from keras import optimizers
        model.compile(loss="mse", optimizer="adadelta")
        """
    )
    assert body(result) == 'model.compile(loss="mse", optimizer=optimizers.Adadelta(learning_rate=1.0))\n'


def test_nadam_string_is_converted_with_a_warning():
    result = migrate(
        """\
        import keras
        model.compile(loss="mse", optimizer="nadam")
        """
    )
    assert body(result) == 'model.compile(loss="mse", optimizer=keras.optimizers.Nadam(learning_rate=0.002))\n'
    assert findings(result) == [(2, "warning")]


def test_tf_keras_adagrad_string_keeps_tf_1_accumulators():
    result = migrate(
        """\
        import tensorflow as tf
        model = tf.keras.Sequential()
        model.compile(loss="mse", optimizer="adagrad")
        model.compile(loss="mse", optimizer="adadelta")
        """
    )
    assert body(result) == (
        "model = tf.keras.Sequential()\n"
        'model.compile(loss="mse", optimizer=tf.keras.optimizers.Adagrad(initial_accumulator_value=0.0))\n'
        'model.compile(loss="mse", optimizer="adadelta")\n'
    )


def test_strings_in_a_module_with_both_kerases_are_reported():
    result = migrate(
        """\
        import tensorflow as tf
        from keras.models import Sequential
        model = tf.keras.Sequential()
        model.compile(loss="mse", optimizer="adagrad")
        """
    )
    assert result.status is Status.UNCHANGED
    assert findings(result) == [(4, "warning")]


def test_regex_compile_and_compile_without_a_loss_are_left_alone():
    result = migrate(
        """\
        import re
        from keras.models import Sequential
        pattern = re.compile("adagrad")
        other = builder.compile("adagrad")
        """
    )
    assert result.status is Status.UNCHANGED
    assert result.findings == ()


def test_tf_keras_clipnorm_with_clipvalue_is_reported_too():
    result = migrate(
        """\
        import tensorflow as tf
        opt = tf.keras.optimizers.SGD(lr=0.1, clipnorm=1.0, clipvalue=0.5)
        """
    )
    assert body(result) == "opt = tf.keras.optimizers.SGD(learning_rate=0.1, clipnorm=1.0, clipvalue=0.5)\n"
    assert findings(result) == [(2, "warning")]


# --- trigger ----------------------------------------------------------------------------------------------------

PLAIN_KERAS = """\
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD, Adam
model = Sequential([Dense(1, input_shape=(3,))])
model.compile(loss="mse", optimizer=SGD(0.05, momentum=0.9), metrics=["mae"])
model.compile(loss="mse", optimizer=Adam(learning_rate=0.001))
model.compile(loss="mse", optimizer="sgd")
model.fit(x, y, epochs=2, verbose=0)
"""


def test_a_keras_file_with_nothing_to_convert_does_not_trigger(monkeypatch):
    assert not OptimizerLrToLearningRate.is_triggered_by(PLAIN_KERAS)
    force_every_trigger(monkeypatch)
    result = migrate(PLAIN_KERAS)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_every_class_string_keyword_and_moved_position_of_the_tables_triggers():
    triggered = OptimizerLrToLearningRate.is_triggered_by
    for name in CLASSES:
        for spelling in (name, name.lower()):
            assert triggered(f"from keras import optimizers\nopt = optimizers.{spelling}(lr=0.1)\n")
            assert triggered(f"from keras.optimizers import {spelling} as Opt\n")
            assert triggered(f"from keras import optimizers\nopt = optimizers.{spelling}(1)\n")
            for flavour in SIGNATURES:
                kept = _positions_kept(SIGNATURES[flavour][name].positional, KERAS3_POSITIONAL[name])
                assert triggered(f"import keras.optimizers\nopt = {spelling}({', '.join(['0.5'] * (kept + 1))})\n")
        acts_as_string = any(string_explicit_arguments(flavour, name) for flavour in SIGNATURES)
        if name == "Nadam" or name in EPSILON_INSIDE_ROOT or acts_as_string:
            assert triggered(f"model.compile(loss='mse', optimizer='{name.upper()}')\n")
    for keyword in KEYWORDS:
        assert triggered(f"import keras.optimizers\nopt = SGD({keyword} = 0.1)\n")
