from codemods.sequential_input_to_inputs import SequentialInputToInputs
from tests.conftest import rewrite
from tf2migrate.results import Status


def convert(source):
    return rewrite(source, SequentialInputToInputs)


def test_sequential_input_and_output_become_first_of_inputs_and_outputs():
    result = convert(
        """\
        import tensorflow as tf
        from keras.models import Model, Sequential

        def extractor():
            net = tf.keras.Sequential()
            return Model(net.input, (net.output))

        model = Sequential()
        features = Model(inputs=model.input, outputs=model.layers[-2].output)
        """
    )
    assert result.new_text == (
        "import tensorflow as tf\n"
        "from keras.models import Model, Sequential\n\n"
        "def extractor():\n"
        "    net = tf.keras.Sequential()\n"
        "    return Model(net.inputs[0], (net.outputs[0]))\n\n"
        "model = Sequential()\n"
        "features = Model(inputs=model.inputs[0], outputs=model.layers[-2].output)\n"
    )


def test_models_not_provably_sequential_are_left():
    source = """\
        from keras.models import Model, Sequential, load_model
        functional = Model(a, b)
        loaded = load_model("m.h5")
        twice = Sequential()
        twice = Sequential()
        def f(model):
            return model.input, functional.input, loaded.output, twice.input
        twice.input = None
        """
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()
