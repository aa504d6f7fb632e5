from textwrap import dedent

from codemods.predict_classes_to_predict import PredictClassesToPredict
from tests.conftest import rewrite
from tf2migrate.results import Status

KERAS_IMPORTS = """\
from keras.layers import Activation, Dense, Dropout, Flatten
from keras.models import Sequential, load_model
"""


def migrate(source):
    return rewrite(source, PredictClassesToPredict)


def migrate_body(body):
    """``body`` after the Keras imports; returns (new body or None, findings as (line, message))."""
    result = migrate(KERAS_IMPORTS + dedent(body))
    offset = len(KERAS_IMPORTS.splitlines())
    new_body = None if result.new_text is None else result.new_text[len(KERAS_IMPORTS):]
    return new_body, [(f.line - offset, f.message) for f in result.findings]


def test_softmax_head_becomes_argmax_with_the_old_verbose_default():
    new, findings = migrate_body(
        """\
        model = Sequential()
        model.add(Dense(8, input_dim=4, activation="relu"))
        model.add(Dense(3, activation="softmax"))
        labels = model.predict_classes(x)
        """
    )
    assert new.splitlines()[-1] == "labels = model.predict(x, verbose=0).argmax(axis=-1)"
    assert findings == []


def test_single_unit_head_becomes_a_threshold_at_one_half_as_int32():
    new, findings = migrate_body(
        """\
        model = Sequential([Dense(4, input_dim=2), Dense(units=1, activation="sigmoid")])
        flags = model.predict_classes(x, batch_size=64)
        """
    )
    assert new.splitlines()[-1] == 'flags = (model.predict(x, batch_size=64, verbose=0) > 0.5).astype("int32")'
    assert findings == []


def test_width_shows_through_shape_keeping_layers():
    new, _ = migrate_body(
        """\
        model = Sequential([Dense(1, input_dim=2)])
        model.add(Dense(2))
        model.add(Dropout(0.5))
        model.add(Activation("softmax"))
        print(model.predict_classes(x))
        """
    )
    assert new.splitlines()[-1] == "print(model.predict(x, verbose=0).argmax(axis=-1))"


def test_given_verbose_is_kept_positional_or_keyword():
    new, _ = migrate_body(
        """\
        model = Sequential([Dense(2, input_dim=2)])
        a = model.predict_classes(x, 16, 1)
        b = model.predict_classes(x=x, verbose=2)
        c = model.predict_proba(x, 8, 0)
        """
    )
    assert new.splitlines()[1:] == [
        "a = model.predict(x, 16, 1).argmax(axis=-1)",
        "b = model.predict(x=x, verbose=2).argmax(axis=-1)",
        "c = model.predict(x, 8, 0)",
    ]


def test_result_keeps_its_place_in_larger_expressions():
    new, _ = migrate_body(
        """\
        model = Sequential([Dense(1, input_dim=2)])
        first = model.predict_classes(x)[0]
        wrapped = (model.predict_classes(x))
        """
    )
    assert new.splitlines()[1:] == [
        'first = (model.predict(x, verbose=0) > 0.5).astype("int32")[0]',
        'wrapped = ((model.predict(x, verbose=0) > 0.5).astype("int32"))',
    ]


def test_trailing_comma_layout_gets_verbose_on_its_own_line():
    new, _ = migrate_body(
        """\
        model = Sequential([Dense(3, input_dim=2)])
        labels = model.predict_classes(
            x,
            batch_size=8,
        )
        """
    )
    assert new.splitlines()[1:] == [
        "labels = model.predict(",
        "    x,",
        "    batch_size=8,",
        "    verbose=0,",
        ").argmax(axis=-1)",
    ]


def test_tf_keras_and_keras_module_spellings():
    result = migrate(
        """\
        import keras
        import tensorflow as tf

        def main():
            a = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(2,))])
            b = keras.models.Sequential()
            b.add(keras.layers.core.Dense(1))
            return a.predict_classes(x), b.predict_classes(x), tf.compat.v1.keras.Sequential([]).predict_proba(x)
        """
    )
    last = result.new_text.splitlines()[-1].strip()
    assert last.startswith(
        'return a.predict(x, verbose=0).argmax(axis=-1), (b.predict(x, verbose=0) > 0.5).astype("int32"), '
    )
    # a receiver that is not a variable is not provably a Keras model
    assert [f.line for f in result.findings] == [8]


def test_predict_proba_on_a_sequential_or_loaded_model_becomes_predict():
    new, findings = migrate_body(
        """\
        built = Sequential([Dense(2, input_dim=2), Activation("softmax")])
        loaded = load_model("model.h5")
        p = built.predict_proba(x)
        q = loaded.predict_proba(x, batch_size=4)
        """
    )
    assert new.splitlines()[2:] == ["p = built.predict(x, verbose=0)", "q = loaded.predict(x, batch_size=4, verbose=0)"]
    assert findings == []


def test_predict_proba_of_another_library_is_left_alone_without_a_finding():
    result = migrate(
        """\
        from keras.models import Sequential
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression()
        p = clf.predict_proba(x)
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_model_built_in_a_function_with_a_nested_use_after_the_last_add():
    result = migrate(
        """\
        from keras.layers import Dense
        from keras.models import Sequential

        def main():
            model = Sequential()
            model.add(Dense(5))

            def report():
                print(model.predict_classes(x))
            report()
        """
    )
    assert "print(model.predict(x, verbose=0).argmax(axis=-1))" in result.new_text


def test_file_without_the_methods_is_unchanged():
    result = migrate(
        """\
        from keras.models import Sequential
        model = Sequential()
        print(model.predict(x, verbose=0).argmax(axis=-1))
        """
    )
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_unprovable_widths_are_left_with_findings():
    source = """\
        def evaluate(model):
            return model.predict_classes(x)
        conditional = Sequential()
        conditional.add(Dense(2))
        if wide:
            conditional.add(Dense(3))
        conditional.predict_classes(x)
        popped = Sequential([Dense(2), Dense(1)])
        popped.pop()
        popped.predict_classes(x)
        handed = Sequential([Dense(1)])
        customise(handed)
        handed.predict_classes(x)
        early = Sequential()
        early.predict_classes(x)
        early.add(Dense(2))
        computed = Sequential([Dense(n_classes)])
        computed.predict_classes(x)
        flat = Sequential([Dense(2), Flatten()])
        flat.predict_classes(x)
        loaded = load_model("m.h5")
        loaded.predict_classes(x)
        """
    new, findings = migrate_body(source)
    assert new is None
    assert [line for line, _ in findings] == [2, 7, 10, 13, 15, 18, 20, 22]
    reasons = [message.split("not provable here (", 1)[1] for _, message in findings]
    assert reasons[0].startswith("`model` is a function parameter")
    assert reasons[1].startswith("layers are added in a loop, a branch or a helper")
    assert reasons[2].startswith("its layers are changed with `popped.pop`")
    assert reasons[3].startswith("`handed` is handed to code")
    assert reasons[4].startswith("the call may run before the last `early.add(...)`")
    assert reasons[5].startswith("the last layer's width is not a literal: `Dense(n_classes)`")
    assert reasons[6].startswith("the last layer's width is not a literal: `Flatten()`")
    assert reasons[7].startswith("`loaded` is loaded from a file")


def test_finding_suggests_both_exact_forms():
    result = migrate(KERAS_IMPORTS + 'model = load_model("m.h5")\nmodel.predict_classes(x, batch_size=8)\n')
    [finding] = result.findings
    assert finding.line == 4
    assert "`model.predict(x, batch_size=8, verbose=0).argmax(axis=-1)`" in finding.suggestion
    assert '`(model.predict(x, batch_size=8, verbose=0) > 0.5).astype("int32")`' in finding.suggestion


def test_layers_list_mutation_and_value_uses_make_the_width_unprovable():
    _, findings = migrate_body(
        """\
        trimmed = Sequential([Dense(2), Dense(1)])
        trimmed.layers.pop()
        trimmed.predict_classes(x)
        alias = Sequential([Dense(2)])
        other = alias
        alias.predict_classes(x)
        """
    )
    assert [line for line, _ in findings] == [3, 6]
    assert "`trimmed.layers.pop`" in findings[0][1]
    assert "`alias` is used as a value" in findings[1][1]


def test_keras_functions_and_print_may_see_the_model():
    new, findings = migrate_body(
        """\
        from keras.utils import plot_model
        model = Sequential([Dense(2)])
        plot_model(model)
        print(model)
        model.layers[0].set_weights(w)
        model.predict_classes(x)
        """
    )
    assert new.splitlines()[-1] == "model.predict(x, verbose=0).argmax(axis=-1)"
    assert findings == []


def test_predict_proba_on_an_unknown_receiver_is_reported():
    result = migrate(
        """\
        from keras.models import Sequential
        model = build()
        p = model.predict_proba(x)
        """
    )
    [finding] = result.findings
    assert finding.line == 3 and "not provably a Keras model" in finding.message
    assert "`model.predict(x, verbose=0)`" in finding.suggestion
    assert result.status is Status.UNCHANGED


def test_arguments_the_old_method_did_not_take_are_reported():
    _, findings = migrate_body(
        """\
        model = Sequential([Dense(2)])
        model.predict_classes(x, steps=3)
        model.predict_classes(*args)
        model.predict_classes(x, 1, 0, 5)
        """
    )
    assert [line for line, _ in findings] == [2, 3, 4]
    assert all("does not take" in message for _, message in findings)
