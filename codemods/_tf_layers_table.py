"""TF 1.15's `tf.layers` functions and classes, and the `tf.contrib` modules' TF 2 homes.

The parameter lists are TF 1.15's own (tensorflow_core/python/layers/), in order, after `inputs`; every name in
them is also a Keras 3 constructor keyword with the same meaning and default, except those listed in
``CALL_ARGUMENTS``, ``IGNORED`` and ``UNSUPPORTED``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

_CONV_TAIL = (
    "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
    "activity_regularizer", "kernel_constraint", "bias_constraint", "trainable", "name", "reuse",
)
_CONV = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate") + _CONV_TAIL
_CONV_TRANSPOSE = ("filters", "kernel_size", "strides", "padding", "data_format") + _CONV_TAIL
_SEPARABLE = (
    "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "depth_multiplier",
    "activation", "use_bias", "depthwise_initializer", "pointwise_initializer", "bias_initializer",
    "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer", "activity_regularizer",
    "depthwise_constraint", "pointwise_constraint", "bias_constraint", "trainable", "name", "reuse",
)
_POOLING = ("pool_size", "strides", "padding", "data_format", "name")
_BATCH_NORMALIZATION = (
    "axis", "momentum", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
    "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer", "gamma_regularizer",
    "beta_constraint", "gamma_constraint", "training", "trainable", "name", "reuse", "renorm",
    "renorm_clipping", "renorm_momentum", "fused", "virtual_batch_size", "adjustment",
)


@dataclass(frozen=True)
class LayerFunction:
    """A functional `tf.layers.<name>(inputs, ...)` and the Keras layer class that does the same."""

    keras_class: str
    parameters: Tuple[str, ...]  # TF 1.15's parameters after `inputs`, in order
    kept_positional: int = 0  # how many leading parameters stay positional in the Keras constructor
    default_rate: bool = False  # Dropout: TF 1.15 defaults rate to 0.5, Keras 3 requires it

    def has(self, parameter: str) -> bool:
        return parameter in self.parameters


LAYER_FUNCTIONS: Dict[str, LayerFunction] = {
    "dense": LayerFunction("Dense", ("units",) + _CONV_TAIL, 1),
    "conv1d": LayerFunction("Conv1D", _CONV, 2),
    "conv2d": LayerFunction("Conv2D", _CONV, 2),
    "conv3d": LayerFunction("Conv3D", _CONV, 2),
    "conv2d_transpose": LayerFunction("Conv2DTranspose", _CONV_TRANSPOSE, 2),
    "conv3d_transpose": LayerFunction("Conv3DTranspose", _CONV_TRANSPOSE, 2),
    "separable_conv1d": LayerFunction("SeparableConv1D", _SEPARABLE, 2),
    "separable_conv2d": LayerFunction("SeparableConv2D", _SEPARABLE, 2),
    "max_pooling1d": LayerFunction("MaxPooling1D", _POOLING, 2),
    "max_pooling2d": LayerFunction("MaxPooling2D", _POOLING, 2),
    "max_pooling3d": LayerFunction("MaxPooling3D", _POOLING, 2),
    "average_pooling1d": LayerFunction("AveragePooling1D", _POOLING, 2),
    "average_pooling2d": LayerFunction("AveragePooling2D", _POOLING, 2),
    "average_pooling3d": LayerFunction("AveragePooling3D", _POOLING, 2),
    "flatten": LayerFunction("Flatten", ("name", "data_format")),
    "dropout": LayerFunction("Dropout", ("rate", "noise_shape", "seed", "training", "name"), 1, default_rate=True),
    "batch_normalization": LayerFunction("BatchNormalization", _BATCH_NORMALIZATION),
}

# `tf.layers` classes that are Keras layers with TF 1.x variable scoping added; Keras 3 has each under the
# same name and constructor keywords.
LAYER_CLASSES = frozenset(
    {function.keras_class for function in LAYER_FUNCTIONS.values()} | {"InputSpec"}
)

# Arguments of the functional form that belong to the layer call, not the constructor.
CALL_ARGUMENTS = ("training",)
# Arguments Keras 3 lacks that change nothing the program sees: BatchNormalization's `fused` picks a kernel.
IGNORED = ("fused",)
# Arguments Keras 3 lacks, when given a value other than None.
UNSUPPORTED = ("virtual_batch_size", "adjustment")
# Normalization layers: their moving statistics were updated through the UPDATE_OPS collection.
BATCH_NORMALIZATION = "BatchNormalization"

# Keras's truncated normal is rescaled to keep the requested variance (stddev = sqrt(scale / n) / 0.8796...);
# TF 1.x contrib's was not (stddev = sqrt(1.3 * factor / n)). This factor turns one scale into the other.
TRUNCATED_NORMAL_SCALE = "1.3 * 0.87962566103423978 ** 2"

# What became of a `tf.contrib` module in TF 2 (the longest matching prefix wins).
CONTRIB_HOMES: Dict[str, str] = {
    "slim": "install the tf-slim package and use `import tf_slim as slim`",
    "framework.arg_scope": "install the tf-slim package and use `tf_slim.arg_scope`",
    "learn": "rewrite with tf.keras (Model.fit / evaluate / predict): tf.contrib.learn and tf.estimator are gone",
    "estimator": "rewrite with tf.keras: estimators are gone from TensorFlow 2.16+",
    "rnn": (
        "use a Keras cell (`tf.keras.layers.LSTMCell`, `GRUCell(reset_after=False)`, `SimpleRNNCell`, "
        "`StackedRNNCells`) inside `tf.keras.layers.RNN(cell, return_sequences=True, return_state=True)(x)` in "
        "place of `tf.nn.dynamic_rnn`; mind that Keras returns the LSTM state as [h, c] (TF 1.x: "
        "LSTMStateTuple(c, h)), orders the gates i, f, c, o (TF 1.x: i, c, f, o) and keeps the forget bias in "
        "the bias (`unit_forget_bias=True`) where BasicLSTMCell added `forget_bias` at run time"
    ),
    "layers": (
        "use the tf.keras.layers class (`fully_connected` -> `Dense`, with contrib's default "
        "`activation='relu'` made explicit; `conv2d` -> `Conv2D`; `batch_norm` -> `BatchNormalization`), "
        "`tf.keras.initializers` and `tf.keras.regularizers`"
    ),
    "data": "use `tf.data` (most of tf.contrib.data moved there, e.g. `tf.data.experimental`)",
    "distributions": "install tensorflow-probability and use `tfp.distributions`",
    "metrics": "use `tf.keras.metrics`",
    "losses": "use `tf.keras.losses`",
    "opt": "use a `tf.keras.optimizers` optimizer",
    "eager": "drop it: TF 2 runs eagerly (use `tf.GradientTape`, `tf.function`)",
    "summary": "use `tf.summary` (TF 2's summary API)",
    "lookup": "use `tf.lookup`",
    "image": "use `tf.image` or the tf.keras.layers preprocessing layers",
    "predictor": "load the SavedModel with `tf.saved_model.load`",
    "tpu": "use `tf.distribute.TPUStrategy`",
    "distribute": "use `tf.distribute`",
    "seq2seq": "rewrite with tf.keras layers (tensorflow-addons, which carried seq2seq, is no longer maintained)",
    "crf": "rewrite with tf.keras layers (tensorflow-addons, which carried the CRF, is no longer maintained)",
}
CONTRIB_FALLBACK = "rewrite it with TF 2 / tf.keras API, or find the maintained package it moved to"


def contrib_home(path: str) -> str:
    """What to use instead of `tf.contrib.<path>`."""
    parts = path.split(".")
    for length in range(len(parts), 0, -1):
        home = CONTRIB_HOMES.get(".".join(parts[:length]))
        if home is not None:
            return home
    return CONTRIB_FALLBACK


def layer_function(qualified: Optional[str]) -> Optional[Tuple[str, LayerFunction]]:
    """``tensorflow.layers.dense`` -> ("dense", its entry)."""
    if qualified and qualified.startswith("tensorflow.layers."):
        name = qualified[len("tensorflow.layers."):]
        if name in LAYER_FUNCTIONS:
            return name, LAYER_FUNCTIONS[name]
    return None
