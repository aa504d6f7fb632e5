from codemods.fit_generator_to_fit import FitGeneratorToFit
from tests.conftest import rewrite
from tf2migrate.results import Status

HEADER = "from keras.models import load_model\n"
GENERATORS = """\
from keras.models import load_model


def batches(size):
    while True:
        yield x[:size], y[:size]


def inputs(size):
    while True:
        yield x[:size]


"""


def migrate(source, header=HEADER):
    return rewrite(header + source, FitGeneratorToFit)


def body(result, header=HEADER):
    assert result.new_text is not None, "nothing was rewritten"
    assert result.new_text.startswith(header)
    return result.new_text[len(header) :]


def findings(result, offset=1):
    """(line, severity) with lines counted from the first line after the header."""
    return [(f.line - offset, f.severity.value) for f in result.findings]


GENERATOR_OFFSET = GENERATORS.count("\n")


# --- the generator methods -----------------------------------------------------------------------------------


def test_fit_generator_becomes_fit_with_positional_steps_and_epochs_by_name():
    result = migrate("model.fit_generator(gen, 10, 3, verbose=0)\n")
    assert body(result) == "model.fit(gen, steps_per_epoch=10, epochs=3, verbose=0)\n"
    assert result.findings == ()


def test_evaluate_and_predict_generator_stay_silent_as_in_keras_2():
    result = migrate(
        "loss = model.evaluate_generator(gen, 5)\n"
        "out = model.predict_generator(data, steps=5, verbose=1)\n"
    )
    assert body(result) == (
        "loss = model.evaluate(gen, steps=5, verbose=0)\n"
        "out = model.predict(data, steps=5, verbose=1)\n"
    )


def test_generator_keyword_becomes_x():
    result = migrate("model.fit_generator(generator=gen, steps_per_epoch=2)\n")
    assert body(result) == "model.fit(x=gen, steps_per_epoch=2)\n"


def test_multi_line_call_keeps_its_layout():
    result = migrate(
        "model.fit_generator(\n"
        "    gen,\n"
        "    steps_per_epoch=10,\n"
        "    workers=1,  # one thread\n"
        "    epochs=2,\n"
        ")\n"
    )
    assert body(result) == (
        "model.fit(\n"
        "    gen,\n"
        "    steps_per_epoch=10,\n"
        "    epochs=2,\n"
        ")\n"
    )


def test_continuation_lines_aligned_with_the_parenthesis_follow_the_shorter_name():
    result = migrate(
        "history = model.fit_generator(gen, steps_per_epoch=3,\n"
        "                              epochs=2)\n"
        "model.evaluate_generator(gen,\n"
        "    steps=2)\n"
    )
    assert body(result) == (
        "history = model.fit(gen, steps_per_epoch=3,\n"
        "                    epochs=2)\n"
        "model.evaluate(gen,\n"
        "    steps=2,\n"
        "    verbose=0)\n"
    )


def test_bare_input_batches_of_a_module_generator_are_wrapped_in_tuples_for_predict():
    result = migrate("out = model.predict_generator(inputs(4), steps=2)\n", GENERATORS)
    assert body(result, GENERATORS) == (
        "out = model.predict((batch if isinstance(batch, tuple) else (batch,) for batch in inputs(4)), steps=2, "
        "verbose=0)\n"
    )
    assert findings(result, GENERATOR_OFFSET) == [(1, "info")]


def test_tuple_batches_are_not_wrapped_and_unknown_generators_get_a_note():
    result = migrate(
        "a = model.predict_generator(batches(4), steps=2)\n"
        "b = model.predict_generator(datagen.flow(x, batch_size=4), steps=2)\n",
        GENERATORS,
    )
    assert body(result, GENERATORS) == (
        "a = model.predict(batches(4), steps=2, verbose=0)\n"
        "b = model.predict(datagen.flow(x, batch_size=4), steps=2, verbose=0)\n"
    )
    assert findings(result, GENERATOR_OFFSET) == [(2, "info")]


# --- workers, use_multiprocessing, max_queue_size ----------------------------------------------------------------


def test_queue_arguments_at_their_defaults_are_dropped_with_an_info():
    result = migrate("model.fit_generator(gen, steps_per_epoch=2, workers=1, use_multiprocessing=False)\n")
    assert body(result) == "model.fit(gen, steps_per_epoch=2)\n"
    assert findings(result) == [(1, "info")]


def test_other_queue_arguments_are_dropped_with_a_warning_naming_pydataset():
    result = migrate("model.evaluate_generator(gen, steps=2, workers=4, max_queue_size=10)\n")
    assert body(result) == "model.evaluate(gen, steps=2, verbose=0)\n"
    assert findings(result) == [(1, "warning")]
    assert "`workers=4`" in result.findings[0].message and "PyDataset" in result.findings[0].suggestion


def test_queue_arguments_are_also_dropped_from_tf_keras_fit_evaluate_and_predict():
    result = migrate(
        "model.fit(x, y, epochs=2, max_queue_size=10)\n"
        "model.predict(x, use_multiprocessing=True)\n"
    )
    assert body(result) == "model.fit(x, y, epochs=2)\nmodel.predict(x)\n"
    assert findings(result) == [(1, "info"), (2, "warning")]


# --- Keras 1 names -------------------------------------------------------------------------------------------------


def test_keras_1_names_are_renamed_as_keras_2_did():
    result = migrate(
        "model.fit_generator(gen, steps_per_epoch=3, nb_epoch=2, validation_data=val, nb_val_samples=4,\n"
        "                    nb_worker=2, pickle_safe=True, max_q_size=5)\n"
        "model.evaluate_generator(gen, val_samples=6)\n"
    )
    assert body(result) == (
        "model.fit(gen, steps_per_epoch=3, epochs=2, validation_data=val, validation_steps=4)\n"
        "model.evaluate(gen, steps=6, verbose=0)\n"
    )
    assert findings(result) == [(1, "warning"), (1, "info"), (3, "info")]


def test_samples_per_epoch_of_a_plain_generator_is_the_number_of_steps_keras_2_ran():
    result = migrate(
        "model.fit_generator(batches(2), samples_per_epoch=100)\n"
        "train = batches(4)\n"
        "model.fit_generator(train, samples_per_epoch=50)\n",
        GENERATORS,
    )
    assert body(result, GENERATORS) == (
        "model.fit(batches(2), steps_per_epoch=100)\n"
        "train = batches(4)\n"
        "model.fit(train, steps_per_epoch=50)\n"
    )
    assert findings(result, GENERATOR_OFFSET) == [(1, "info"), (3, "info")]


def test_samples_per_epoch_of_an_unknown_generator_is_left_with_a_warning():
    result = migrate(
        "model.fit_generator(datagen.flow(x, y, batch_size=32), samples_per_epoch=len(x))\n"
        "other = batches(2)\n"
        "other = batches(3)\n"
        "model.fit_generator(other, samples_per_epoch=10)\n",
        GENERATORS,
    )
    assert body(result, GENERATORS) == (
        "model.fit(datagen.flow(x, y, batch_size=32), samples_per_epoch=len(x))\n"
        "other = batches(2)\n"
        "other = batches(3)\n"
        "model.fit(other, samples_per_epoch=10)\n"
    )
    assert findings(result, GENERATOR_OFFSET) == [(1, "warning"), (4, "warning")]


def test_a_yield_in_a_nested_function_does_not_make_a_generator():
    header = (
        "from keras.models import load_model\n\n\n"
        "def make():\n    def inner():\n        yield 1\n    return inner\n\n\n"
    )
    result = migrate("model.fit_generator(make(), samples_per_epoch=10)\n", header)
    assert "samples_per_epoch=10" in body(result, header)
    assert findings(result, header.count("\n")) == [(1, "warning")]


def test_nb_epoch_in_fit_is_renamed_and_wins_over_epochs_as_in_keras_2():
    result = migrate(
        "model.fit(x, y, nb_epoch=5, batch_size=2)\n"
        "model.fit(x, y, epochs=2, nb_epoch=5)\n"
    )
    assert body(result) == "model.fit(x, y, epochs=5, batch_size=2)\nmodel.fit(x, y, epochs=5)\n"
    assert findings(result) == [(2, "info")]


# --- what is left alone --------------------------------------------------------------------------------------------


def test_calls_that_cannot_be_read_are_left_with_a_warning():
    result = migrate(
        "model.fit_generator(*args)\n"
        "model.predict_generator(gen, 5, 10)\n"
        "model.fit_generator(gen, nb_epoch=2, epochs=3)\n"
        "model.fit(x, y, 2, 3, nb_epoch=5)\n"
    )
    assert result.status is Status.UNCHANGED
    assert findings(result) == [(1, "warning"), (2, "warning"), (3, "warning"), (4, "warning")]


def test_keras_2_calls_that_keras_3_takes_are_left_alone():
    result = migrate(
        "model.fit(x, y, epochs=2, verbose=0)\n"
        "model.evaluate(x, y, verbose=0)\n"
        "clf.fit(features, labels)\n"
    )
    assert result.status is Status.UNCHANGED
    assert result.findings == ()


def test_samples_per_epoch_with_steps_by_position_is_left_since_keras_2_raised_on_it():
    result = migrate("model.fit_generator(batches(2), 3, samples_per_epoch=100)\n", GENERATORS)
    assert result.status is Status.UNCHANGED
    assert findings(result, GENERATOR_OFFSET) == [(1, "warning")]
    assert "samples_per_epoch" in result.findings[0].message
