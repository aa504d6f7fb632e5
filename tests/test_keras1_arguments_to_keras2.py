"""keras1-arguments-to-keras2: Keras 1 call signatures that Keras 2.2.4 converted at run time."""

import importlib
import inspect
import json
import subprocess
import sys

import pytest

from codemods import _keras1_table
from codemods._keras1_arguments import PREPROCESSOR_KEYWORDS, PREPROCESSOR_READS, PREPROCESSORS
from codemods.keras1_arguments_to_keras2 import Keras1ArgumentsToKeras2
from tests.conftest import REPO, requires_tf2, rewrite
from tf2migrate.results import Severity, Status



def layer_source(call):
    """A program that imports the class ``call`` constructs from keras.layers and calls it on line 2."""
    return f"from keras.layers import {call.split('(')[0]}\nlayer = {call}\n"


def convert(source):
    return rewrite(source, Keras1ArgumentsToKeras2)


def assert_rewrites(before, after):
    result = convert(before)
    assert result.new_text == after
    assert result.findings == ()
    assert convert(after).new_text is None  # idempotent


def assert_left_alone(source, *lines):
    """Unchanged, with one warning per listed line."""
    result = convert(source)
    assert result.status is Status.UNCHANGED
    assert [f.line for f in result.findings] == list(lines)
    assert all(f.severity is Severity.WARNING for f in result.findings)
    return result.findings


# --------------------------------------------------------------------------- keyword renames and values


def test_convolution2d_of_the_brief():
    assert_rewrites(
        "from keras.layers import Convolution2D\n"
        "from keras.regularizers import l2\n"
        'c = Convolution2D(64, 3, 3, border_mode="same", subsample=(2, 2), init="he_normal",\n'
        '                  W_regularizer=l2(0.01), b_regularizer=l2(0.1), dim_ordering="th")\n',
        "from keras.layers import Convolution2D\n"
        "from keras.regularizers import l2\n"
        'c = Convolution2D(64, (3, 3), padding="same", strides=(2, 2), kernel_initializer="he_normal",\n'
        '                  kernel_regularizer=l2(0.01), bias_regularizer=l2(0.1), data_format="channels_first")\n',
    )


def test_dense_model_dropout_and_every_import_spelling():
    assert_rewrites(
        "import keras\n"
        "from keras import layers as L\n"
        "from keras.layers.core import Dropout\n"
        "from keras.models import Model\n"
        "d = keras.layers.Dense(output_dim=10, bias=False)\n"
        "e = L.Dropout(p=0.5)\n"
        "f = Dropout(p=0.25)\n"
        "m = Model(input=a, output=[b, c], name='m')\n"
        "n = keras.models.Model(inputs=a, output=b)\n",
        "import keras\n"
        "from keras import layers as L\n"
        "from keras.layers.core import Dropout\n"
        "from keras.models import Model\n"
        "d = keras.layers.Dense(units=10, use_bias=False)\n"
        "e = L.Dropout(rate=0.5)\n"
        "f = Dropout(rate=0.25)\n"
        "m = Model(inputs=a, outputs=[b, c], name='m')\n"
        "n = keras.models.Model(inputs=a, outputs=b)\n",
    )


def test_imports_inside_a_function_are_seen():
    assert_rewrites(
        "def build():\n    from keras.layers import Dense\n    return Dense(output_dim=3)\n",
        "def build():\n    from keras.layers import Dense\n    return Dense(units=3)\n",
    )


def test_value_conversions_keep_the_quotes_and_pass_unknown_values_through():
    assert_rewrites(
        "from keras.layers import MaxPooling2D, LSTM, GlobalMaxPooling2D, UpSampling2D\n"
        "a = MaxPooling2D((2, 2), dim_ordering='tf')\n"
        "b = GlobalMaxPooling2D(dim_ordering='default')\n"
        "c = UpSampling2D(dim_ordering='channels_first')\n"
        "d = LSTM(4, consume_less='gpu')\n",
        "from keras.layers import MaxPooling2D, LSTM, GlobalMaxPooling2D, UpSampling2D\n"
        "a = MaxPooling2D((2, 2), data_format='channels_last')\n"
        "b = GlobalMaxPooling2D(data_format=None)\n"
        "c = UpSampling2D(data_format='channels_first')\n"
        "d = LSTM(4, implementation=2)\n",
    )


def test_image_dim_ordering_call_becomes_image_data_format():
    assert_rewrites(
        "from keras import backend as K\nfrom keras.layers import Conv2D\n"
        "c = Conv2D(8, 3, dim_ordering=K.image_dim_ordering())\n",
        "from keras import backend as K\nfrom keras.layers import Conv2D\n"
        "c = Conv2D(8, 3, data_format=K.image_data_format())\n",
    )


def test_value_known_only_at_run_time_leaves_the_call_with_a_finding():
    source = (
        "from keras.layers import Conv2D\n"
        "ordering = 'th'\n"
        "c = Conv2D(8, 3, 3, border_mode='same',\n"
        "           dim_ordering=ordering)\n"
    )
    (finding,) = assert_left_alone(source, 4)
    assert "dim_ordering" in finding.message and "data_format" in finding.suggestion


def test_old_and_new_keyword_together_is_reported():
    (finding,) = assert_left_alone("from keras.layers import Dense\nd = Dense(units=3, output_dim=3)\n", 2)
    assert "TypeError" in finding.message


def test_pooling1d_and_noise_keywords():
    assert_rewrites(
        "from keras.layers import MaxPooling1D, AveragePooling1D, GaussianNoise, GaussianDropout, UpSampling1D\n"
        "a = MaxPooling1D(pool_length=2, stride=1, border_mode='same')\n"
        "b = AveragePooling1D(pool_length=3)\n"
        "c = GaussianNoise(sigma=0.1)\n"
        "d = GaussianDropout(p=0.2)\n"
        "e = UpSampling1D(length=2)\n",
        "from keras.layers import MaxPooling1D, AveragePooling1D, GaussianNoise, GaussianDropout, UpSampling1D\n"
        "a = MaxPooling1D(pool_size=2, strides=1, padding='same')\n"
        "b = AveragePooling1D(pool_size=3)\n"
        "c = GaussianNoise(stddev=0.1)\n"
        "d = GaussianDropout(rate=0.2)\n"
        "e = UpSampling1D(size=2)\n",
    )


def test_input_layer_and_prelu_and_batchnorm_keywords():
    assert_rewrites(
        "from keras.layers import InputLayer, PReLU, BatchNormalization\n"
        "a = InputLayer(input_shape=(3,), input_dtype='float32')\n"
        "b = PReLU(init='zero')\n"
        "c = BatchNormalization(mode=0, beta_init='zero', gamma_init='one')\n",
        "from keras.layers import InputLayer, PReLU, BatchNormalization\n"
        "a = InputLayer(input_shape=(3,), dtype='float32')\n"
        "b = PReLU(alpha_initializer='zero')\n"
        "c = BatchNormalization(beta_initializer='zero', gamma_initializer='one')\n",
    )


def test_batchnorm_mode_other_than_zero_is_reported():
    assert_left_alone("from keras.layers import BatchNormalization\nb = BatchNormalization(mode=2)\n", 2)


# --------------------------------------------------------------------------- kernel sizes (conv2d / conv3d)


@pytest.mark.parametrize(
    "before, after",
    [
        ("Convolution2D(64, 3, 3)", "Convolution2D(64, (3, 3))"),
        ("Conv2D(64, rows, cols, activation='relu')", "Conv2D(64, (rows, cols), activation='relu')"),
        ("Conv2D(64, 3, nb_col=5)", "Conv2D(64, (3, 5))"),
        ("Conv2D(64, nb_col=5, nb_row=3, padding='same')", "Conv2D(64, kernel_size=(3, 5), padding='same')"),
        ("Conv2D(nb_filter=8, nb_row=3, nb_col=3)", "Conv2D(filters=8, kernel_size=(3, 3))"),
        ("Convolution3D(4, 3, 3, 3, border_mode='same')", "Convolution3D(4, (3, 3, 3), padding='same')"),
        ("Conv3D(4, 1, kernel_dim2=2, kernel_dim3=3)", "Conv3D(4, (1, 2, 3))"),
        ("Conv3D(4, kernel_dim1=1, kernel_dim2=2, kernel_dim3=3)", "Conv3D(4, kernel_size=(1, 2, 3))"),
        ("LocallyConnected2D(4, 2, 2, subsample=(1, 1))", "LocallyConnected2D(4, (2, 2), strides=(1, 1))"),
        ("Deconvolution2D(8, 3, 3, (None, 14, 14, 8), subsample=(2, 2))", "Deconvolution2D(8, (3, 3), strides=(2, 2))"),
        ("Conv2DTranspose(8, 3, 3, output_shape=shape)", "Conv2DTranspose(8, (3, 3))"),
        ("SeparableConv2D(8, 3, 3, init='one', depth_multiplier=2)",
         "SeparableConv2D(8, (3, 3), depthwise_initializer='one', pointwise_initializer='one', depth_multiplier=2)"),
        ("SeparableConv2D(8, 3, 3, init=init)",
         "SeparableConv2D(8, (3, 3), depthwise_initializer=init, pointwise_initializer=init)"),
        ("ConvLSTM2D(4, 3, 3, forget_bias_init='one', inner_activation='sigmoid')",
         "ConvLSTM2D(4, (3, 3), unit_forget_bias=True, recurrent_activation='sigmoid')"),
    ],
)
def test_keras1_kernel_size(before, after):
    assert_rewrites(layer_source(before), layer_source(after))


def test_keras2_convolutions_are_left_alone():
    source = (
        "from keras.layers import Conv2D, Conv3D\n"
        "a = Conv2D(64, 3)\nb = Conv2D(64, (3, 3), strides=2)\nc = Conv2D(64, kernel_size=3)\n"
        "d = Conv3D(4, 3, padding='same')\ne = Conv2D(filters=4, kernel_size=(1, 2))\n"
    )
    result = convert(source)
    assert result.new_text is None and result.findings == ()


def test_multiline_kernel_keeps_comments_and_layout():
    assert_rewrites(
        "from keras.layers import Convolution2D\n"
        "c = Convolution2D(\n"
        "    64,\n"
        "    3,  # rows\n"
        "    3,  # cols\n"
        "    border_mode='same',  # keep the size\n"
        ")\n",
        "from keras.layers import Convolution2D\n"
        "c = Convolution2D(\n"
        "    64,\n"
        "    (3,  # rows\n"
        "    3),  # cols\n"
        "    padding='same',  # keep the size\n"
        ")\n",
    )


@pytest.mark.parametrize(
    "call",
    [
        "Conv2D(64, nb_row=3)",  # half a kernel size: Keras 2.2.4 raised TypeError
        "Conv2D(64, 3, 3, nb_col=3)",
        "Conv2D(64, (3, 3), (2, 2))",  # Keras 2 positional strides: Keras 2.2.4 raised TypeError
        "Conv2DTranspose(8, 3, 3, make_shape())",
        "Conv2DTranspose(8, 3, 3, 'same')",  # Keras 2.2.4 drops only a tuple, then raises TypeError
        "Conv2D(64, 3.0, 3.0)",
        "SeparableConv2D(8, 3, 3, init=RandomNormal(seed=1))",
    ],
)
def test_kernel_size_combinations_keras_2_2_4_rejected_are_reported(call):
    assert_left_alone(layer_source(call), 2)


# --------------------------------------------------------------------------- other preprocessors


def test_recurrent_layers():
    assert_rewrites(
        "from keras.layers import LSTM, SimpleRNN\n"
        "a = LSTM(output_dim=8, input_dim=4, input_length=10, consume_less='mem', dropout_W=0.1, dropout_U=0.2,\n"
        "         forget_bias_init='one', inner_activation='sigmoid', init='he_normal', inner_init='orthogonal')\n"
        "b = SimpleRNN(8, input_dim=3, U_regularizer=None, consume_less='gpu')\n",
        "from keras.layers import LSTM, SimpleRNN\n"
        "a = LSTM(units=8, input_shape=(10, 4), implementation=1, dropout=0.1, recurrent_dropout=0.2,\n"
        "         unit_forget_bias=True, recurrent_activation='sigmoid', kernel_initializer='he_normal', "
        "recurrent_initializer='orthogonal')\n"
        "b = SimpleRNN(8, input_shape=(None, 3), recurrent_regularizer=None)\n",
    )


def test_forget_bias_init_other_than_one_is_removed_with_an_info_finding():
    result = convert("from keras.layers import GRU\ng = GRU(8,\n        forget_bias_init='zero')\n")
    assert result.new_text == "from keras.layers import GRU\ng = GRU(8)\n"
    (finding,) = result.findings
    assert (finding.line, finding.severity) == (3, Severity.INFO)
    assert "ignored" in finding.message


def test_keyword_the_keras2_class_rejects_is_reported():
    (finding,) = assert_left_alone("from keras.layers import SimpleRNN\nr = SimpleRNN(4, inner_activation='relu')\n", 2)
    assert "recurrent_activation" in finding.message


def test_forget_bias_init_one_on_a_layer_without_unit_forget_bias_is_reported():
    (finding,) = assert_left_alone("from keras.layers import GRU\ng = GRU(8, forget_bias_init='one')\n", 2)
    assert "unit_forget_bias" in finding.message and "TypeError" in finding.message


def test_forget_bias_init_with_unit_forget_bias_or_a_runtime_value_is_reported():
    assert_left_alone("from keras.layers import LSTM\n"
                      "a = LSTM(8, forget_bias_init='one', unit_forget_bias=False)\n"
                      "b = LSTM(8, forget_bias_init=choice)\n", 2, 3)


def test_conv1d_keywords_and_input_dim():
    assert_rewrites(
        "from keras.layers import Convolution1D\n"
        "c = Convolution1D(nb_filter=4, filter_length=3, subsample_length=2, input_dim=8)\n"
        "d = Convolution1D(4, 3, input_dim=8, input_length=20, W_constraint=None, b_constraint=None)\n",
        "from keras.layers import Convolution1D\n"
        "c = Convolution1D(filters=4, kernel_size=3, strides=2, input_shape=(None, 8))\n"
        "d = Convolution1D(4, 3, input_shape=(20, 8), kernel_constraint=None, bias_constraint=None)\n",
    )


def test_input_dim_with_input_shape_is_reported():
    assert_left_alone("from keras.layers import LSTM\nl = LSTM(4, input_dim=3, input_shape=(5, 3))\n", 2)


def test_embedding_dropout_is_removed_with_an_info_finding():
    result = convert(
        "from keras.layers import Embedding\n"
        "e = Embedding(100, 8, init='uniform', W_regularizer=None,\n"
        "              dropout=0.2)\n"
    )
    assert result.new_text == (
        "from keras.layers import Embedding\n"
        "e = Embedding(100, 8, embeddings_initializer='uniform', embeddings_regularizer=None)\n"
    )
    (finding,) = result.findings
    assert (finding.line, finding.severity) == (3, Severity.INFO)
    assert "SpatialDropout1D" in finding.suggestion


def test_zero_padding_dictionary():
    assert_rewrites(
        "from keras.layers import ZeroPadding2D\n"
        "a = ZeroPadding2D(padding={'top_pad': 1, 'bottom_pad': 2, 'left_pad': 3, 'right_pad': 4})\n"
        "b = ZeroPadding2D({'left_pad': 2}, dim_ordering='th')\n",
        "from keras.layers import ZeroPadding2D\n"
        "a = ZeroPadding2D(padding=((1, 2), (3, 4)))\n"
        "b = ZeroPadding2D(((0, 0), (2, 0)), data_format='channels_first')\n",
    )


def test_zero_padding_dictionary_with_other_keys_is_reported():
    assert_left_alone("from keras.layers import ZeroPadding2D\nz = ZeroPadding2D(padding={'top': 1})\n", 2)


# --------------------------------------------------------------------------- what is left alone


def test_tf_keras_of_tf1_is_never_rewritten_and_keras1_keywords_are_reported():
    source = (
        "import tensorflow as tf\n"
        "a = tf.keras.layers.Conv2D(64, 3, 3)\n"  # TF 1.x tf.keras: kernel 3, strides 3, as in Keras 3
        "b = tf.keras.layers.Dense(output_dim=3)\n"
    )
    (finding,) = assert_left_alone(source, 3)
    assert "tf.keras.layers.Dense" in finding.message and "`units`" in finding.suggestion


def test_unrelated_and_keras2_calls_are_a_no_op():
    source = (
        "from keras.layers import Dense, Dropout, Flatten\n"
        "from mylib import Conv2D\n"
        "a = Dense(10, kernel_initializer='he_normal')\n"
        "b = Dropout(0.5)\n"
        "c = Conv2D(64, 3, 3, border_mode='same')\n"  # not Keras
        "d = Flatten()\n"
        "e = model.fit(x, y, nb_epoch=3)\n"  # fit-generator-to-fit's business
        "f = model.fit_generator(gen, samples_per_epoch=10)\n"
    )
    result = convert(source)
    assert result.new_text is None and result.findings == ()


def test_star_arguments_with_keras1_keywords_are_reported():
    (finding,) = assert_left_alone(
        "from keras.layers import Dense\nd = Dense(output_dim=3, **options)\ne = Dense(3, **options)\n", 2)
    assert "`output_dim`" in finding.message


@pytest.mark.parametrize(
    "call, suggestion",
    [
        ("merge([a, b], mode='concat', concat_axis=1)", "concatenate([...], axis=<concat_axis>)"),
        ("merge([a, b])", "add([...])"),  # Keras 1's default mode is 'sum'
        ("merge([a, b], 'ave')", "average([...])"),
        ("merge([a, b], mode='cos', dot_axes=1)", "normalize=True"),
        ("merge([a, b], mode=lambda xs: xs[0])", "Lambda"),
        ("Merge([left, right], mode='mul')", "Multiply()"),
    ],
)
def test_keras1_merge_is_only_reported(call, suggestion):
    name = call.split("(")[0]
    (finding,) = assert_left_alone(f"from keras.layers import {name}\nm = {call}\n", 2)
    assert suggestion in finding.suggestion
    assert "Keras 2.2.4" in finding.message


# --------------------------------------------------------------------------- methods


def test_add_weight_positional_arguments_become_keywords():
    assert_rewrites(
        "import keras\n"
        "class Scale(keras.layers.Layer):\n"
        "    def build(self, input_shape):\n"
        "        self.w = self.add_weight('w', (input_shape[-1],), initializer='ones')\n"
        "        self.v = self.add_weight((3, 4), 'v', initializer='zeros')\n"
        "        self.u = self.add_weight([2], initializer='zeros')\n"
        "        self.b = self.add_weight(name='b', shape=(1,), initializer='zeros')\n",
        "import keras\n"
        "class Scale(keras.layers.Layer):\n"
        "    def build(self, input_shape):\n"
        "        self.w = self.add_weight(name='w', shape=(input_shape[-1],), initializer='ones')\n"
        "        self.v = self.add_weight(shape=(3, 4), name='v', initializer='zeros')\n"
        "        self.u = self.add_weight(shape=[2], initializer='zeros')\n"
        "        self.b = self.add_weight(name='b', shape=(1,), initializer='zeros')\n",
    )


def test_add_weight_with_an_ambiguous_first_argument_is_reported():
    assert_left_alone("import keras\nclass L(keras.layers.Layer):\n    def build(self, s):\n"
                      "        self.w = self.add_weight(shape_or_name, initializer='ones')\n", 4)


def test_keras1_get_updates_is_reported():
    (finding,) = assert_left_alone("import keras\nu = opt.get_updates(params, constraints, loss)\n"
                                   "v = opt.get_updates(loss, params)\n", 2)
    assert "apply_gradients" in finding.suggestion


# --------------------------------------------------------------------------- the data


def test_data_loads_without_tensorflow():
    probe = (
        "import sys\n"
        "sys.modules['tensorflow'] = None\nsys.modules['keras'] = None\n"  # any import of them fails
        "from codemods._keras1_table import wrapped\n"
        "import codemods.keras1_arguments_to_keras2\n"
        "print(wrapped('layers.Convolution2D').interface.name)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "legacy_conv2d_support"


def test_data_has_a_regeneration_comment_and_every_preprocessor_is_implemented():
    table = json.loads(_keras1_table.DATA.read_text(encoding="utf-8"))
    assert "scripts/generate_keras1_arguments.py" in table["_comment"]
    assert table["keras_version"] == "2.2.4"
    class_preprocessors = {
        table["interfaces"][entry["interface"]]["preprocessor"] for entry in table["classes"].values()
    } - {None}
    assert class_preprocessors == set(PREPROCESSORS) == set(PREPROCESSOR_KEYWORDS)
    for path in table["callables"]:
        assert _keras1_table.wrapped(path) is not None


def test_generator_renders_the_committed_layout():
    """The script's renderer reproduces the file from its own data (regenerating needs the oracle)."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        generator = importlib.import_module("generate_keras1_arguments")
    finally:
        sys.path.remove(str(REPO / "scripts"))
    text = _keras1_table.DATA.read_text(encoding="utf-8")
    assert generator.render(json.loads(text)) == text


# --------------------------------------------------------------------------- against Keras 3 (TF 2.21)

# Keras 2.2.4 classes with no Keras 3 counterpart of the same name: the codemod still fixes their arguments,
# keras-imports-to-tf-keras reports the names.
NO_KERAS3_CLASS = {"LocallyConnected1D", "LocallyConnected2D"}


def _keras3_target(qualified):
    if qualified in ("keras.engine.training.Model", "keras.engine.network.Network"):
        # Model(inputs=, outputs=) is dispatched to Functional, whose __init__ takes the arguments.
        return importlib.import_module("keras.src.models.functional").Functional
    layers = importlib.import_module("tensorflow.keras.layers")
    return getattr(layers, qualified.rsplit(".", 1)[1], None)


def _accepts(cls, keyword):
    """A named parameter of some __init__ in the class's MRO, or a keyword one of them pops from **kwargs."""
    for klass in inspect.getmro(cls):
        init = vars(klass).get("__init__")
        if init is None:
            continue
        if keyword in inspect.signature(init).parameters:
            return True
        try:
            source = inspect.getsource(init)
        except (OSError, TypeError):
            continue
        if f'kwargs.pop("{keyword}"' in source or f"kwargs.pop('{keyword}'" in source:
            return True
    return False


def _written_keywords(entry):
    interface = entry.interface
    names = {new for _, new in interface.conversions
             if new not in entry.dropped_by_keras2 and new not in entry.rejected_by_keras2}
    # unit_forget_bias is only written where the Keras 2.2.4 class has it; input_shape goes to the base Layer.
    names |= {k for k in PREPROCESSOR_KEYWORDS.get(interface.preprocessor, ())
              if k in entry.parameters or k == "input_shape"}
    return names


CLASSES = sorted(json.loads(_keras1_table.DATA.read_text(encoding="utf-8"))["classes"])


def _entry(qualified):
    path = next(p for p, q in _keras1_table.table()["callables"].items() if q == qualified)
    return _keras1_table.wrapped(path)


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("qualified", CLASSES)
def test_every_keyword_written_is_accepted_by_the_keras3_class(qualified):
    entry = _entry(qualified)
    target = _keras3_target(qualified)
    if target is None:
        assert entry.class_name in NO_KERAS3_CLASS
        pytest.skip(f"{entry.class_name} does not exist in Keras 3")
    rejected = sorted(k for k in _written_keywords(entry) if not _accepts(target, k))
    assert rejected == []


@requires_tf2
@pytest.mark.tf2
@pytest.mark.parametrize("qualified", CLASSES)
def test_positional_arguments_keep_their_meaning_in_keras3(qualified):
    """Keras 2.2.4 allowed only these positionally; Keras 3 must read them in the same order."""
    entry = _entry(qualified)
    target = _keras3_target(qualified)
    allowed = entry.interface.allowed_positional
    if target is None or not allowed:
        pytest.skip("nothing positional to compare")
    parameters = [p for p in inspect.signature(target.__init__).parameters if p != "self"]
    assert parameters[: len(allowed)] == list(allowed)


@requires_tf2
@pytest.mark.tf2
def test_add_weight_keywords_are_accepted_by_keras3():
    layer = importlib.import_module("tensorflow.keras.layers").Layer
    parameters = inspect.signature(layer.add_weight).parameters
    assert {"name", "shape"} <= set(parameters)


# --- trigger --------------------------------------------------------------------------------------------------------


def test_trigger_skips_a_keras2_file():
    source = (
        "from keras.layers import Conv2D, Dense, Dropout\n"
        "from keras.models import Model, Sequential\n"
        "bias = 0.5  # Conv2D, merge and output_dim in a comment\n"
        "model = Sequential([Dense(8, input_dim=4, use_bias=True), Dropout(rate=0.2), Dense(1)])\n"
        "model.compile(optimizer='sgd', loss='mse')\n"
        "fh = open('log.txt', mode='w')\n"
    )
    assert not Keras1ArgumentsToKeras2.is_triggered_by(source)
    result = convert(source)
    assert result.status is Status.UNCHANGED and result.findings == ()


def test_trigger_matches_every_keyword_and_class_of_the_table():
    trigger = Keras1ArgumentsToKeras2.is_triggered_by
    for path in _keras1_table.table()["callables"]:
        entry = _keras1_table.wrapped(path)
        module, _, name = path.rpartition(".")
        interface = entry.interface
        for keyword in {old for old, _ in interface.conversions} | set(interface.value_conversions):
            assert trigger(f"import keras\nlayer = keras.{path}(8,\n    {keyword} =2)\n"), (path, keyword)
        reads = PREPROCESSOR_READS.get(interface.preprocessor, ()) if interface.preprocessor else ()
        if reads is None:  # positional arguments alone may be Keras 1
            assert trigger(f"from keras.{module} import {name} as C\nlayer = C(64, 3, 3)\n"), path
            assert trigger(f"import tensorflow as tf\nlayer = (tf.keras.{path})(64, 3, 3)\n"), path
        for keyword in reads or ():
            assert trigger(f"from keras.{module} import {name}\nlayer = {name}(8, {keyword}=2)\n"), (path, keyword)
    assert set(PREPROCESSOR_READS) == set(PREPROCESSORS)
    for source in ("from keras.layers import merge\nx = merge([a, b], mode='sum')\n",
                   "from keras.layers import Merge as M\n", "self.add_weight((3,), 'w')\n",
                   "updates = optimizer.get_updates(params, constraints, loss)\n"):
        assert trigger(source), source
