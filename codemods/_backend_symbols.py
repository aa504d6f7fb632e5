"""What Keras 3's backend (``tf.keras.backend`` in TF 2.21) lost or changed from Keras 2.2.4's and TF 1.15's
``tf.keras.backend``, found by comparing ``dir()`` and signatures on both runtimes, and what to say about each.
"""

from __future__ import annotations

from typing import Dict, Tuple

# Public names of Keras 2.2.4's `keras.backend` and TF 1.15's `tf.keras.backend` that TF 2.21's `tf.keras.backend`
# does not have. Rewritten or reported one by one below; the rest get a generic finding.
DROPPED = frozenset(
    {
        "Function", "StrictVersion", "absolute_import", "common", "config_pb2", "control_flow_ops",
        "conv3d_transpose", "ctc", "defaultdict", "device_lib", "division", "f", "function", "functional_ops",
        "get_session", "get_variable_shape", "has_arg", "identity", "image_dim_ordering", "importlib",
        "in_test_phase", "in_train_phase", "is_placeholder", "is_tensor", "json", "learning_phase",
        "learning_phase_scope", "local_conv1d", "local_conv2d", "logsumexp", "manual_variable_initialization",
        "moving_averages", "normalize_batch_in_training", "normalize_data_format", "np", "os", "placeholder",
        "print_function", "print_tensor", "py_all", "py_any", "py_slice", "py_sum", "random_binomial",
        "reset_uids", "separable_conv1d", "set_image_dim_ordering", "set_learning_phase", "set_session",
        "slice", "sys", "tensor_array_ops", "tensorflow_backend", "tf", "tf_ops", "transpose_shape",
    }
)

# Handled by other codemods of the chain (image-dim-ordering-to-data-format), or a module path rather than a
# symbol (`keras.backend.tensorflow_backend.X` is read as `keras.backend.X`).
NOT_MINE = frozenset({"image_dim_ordering", "set_image_dim_ordering", "tensorflow_backend"})

# Modules that Keras 2.2.4's backend imported and that code reached through it: K.tf -> tf, K.np -> np.
MODULE_ALIASES: Dict[str, Tuple[str, str]] = {"tf": ("tensorflow", "tf"), "np": ("numpy", "np")}

# Dropped functions with an exact TensorFlow equivalent (Keras 2.2.4's own body):
# name -> (TensorFlow function after the `tf.` alias, keyword renames).
TF_EQUIVALENTS: Dict[str, Tuple[str, Dict[str, str]]] = {
    "logsumexp": ("reduce_logsumexp", {"x": "input_tensor"}),
    "identity": ("identity", {"x": "input"}),
    "slice": ("slice", {"x": "input_", "start": "begin"}),
}

# Dropped functions whose Keras 3 backend successor takes the same arguments.
BACKEND_RENAMES: Dict[str, str] = {
    "get_variable_shape": "int_shape",  # Keras 2.2.4: `return int_shape(x)`
    "random_binomial": "random_bernoulli",  # same body: tf.where(uniform(shape) <= p, ones, zeros)
}

# Functions kept in Keras 3 whose keyword arguments were renamed.
KEYWORD_RENAMES: Dict[str, Dict[str, str]] = {
    "batch_get_value": {"ops": "tensors"},
    "set_epsilon": {"e": "value"},
    "set_floatx": {"floatx": "value"},
}

NO_SESSION = (
    "drop the session: evaluate values directly (`t.numpy()`, `K.get_value(v)`), run graph-building code "
    "under `tf.function`, train with `model.fit` or a `tf.GradientTape` loop, save with `model.save` or "
    "`tf.train.Checkpoint`"
)
TRAINING_ARGUMENT = (
    "pass `training=True` or `training=False` to the model or layer call (`model(x, training=False)`); "
    "`fit` trains in training mode and `predict`/`evaluate` run in inference mode by themselves"
)

# name -> (message, suggestion) for names that have no exact TF2 rewrite.
REPORTED: Dict[str, Tuple[str, str]] = {
    "function": (
        "`K.function` does not exist in Keras 3",
        "build a sub-model, `Model(inputs, outputs)`, call it with `training=False` and take `.numpy()` of "
        "the results",
    ),
    "Function": (
        "`K.Function` does not exist in Keras 3",
        "build a sub-model, `Model(inputs, outputs)`, and call it with `training=False`",
    ),
    "placeholder": (
        "`K.placeholder` does not exist in Keras 3: TF2 has no placeholders to feed",
        "use `keras.Input(shape=...)` (the shape without the batch axis) as a model input, or pass the values "
        "straight to a `tf.function`",
    ),
    "is_placeholder": (
        "`K.is_placeholder` does not exist in Keras 3: TF2 has no placeholders",
        "use `K.is_keras_tensor(x)` for model inputs",
    ),
    "gradients": (
        "`K.gradients` builds TF1 graph gradients; on TF 2.21 it raises `RuntimeError: tf.gradients is not "
        "supported when eager execution is enabled`",
        "compute the loss under `with tf.GradientTape() as tape:` and take `tape.gradient(loss, variables)`",
    ),
    "get_session": ("`K.get_session()` does not exist in Keras 3: TF2 runs eagerly, without sessions", NO_SESSION),
    "set_session": (
        "`K.set_session` does not exist in Keras 3: there is no session to set",
        "convert the session's other uses to eager TF2 (remove-session-scaffolding says which), then remove the "
        "session and this call",
    ),
    "learning_phase": (
        "`K.learning_phase()` does not exist in Keras 3: there is no global learning phase",
        TRAINING_ARGUMENT,
    ),
    "set_learning_phase": (
        "`K.set_learning_phase` does not exist in Keras 3: there is no global learning phase",
        TRAINING_ARGUMENT,
    ),
    "learning_phase_scope": (
        "`K.learning_phase_scope` does not exist in Keras 3: there is no global learning phase",
        TRAINING_ARGUMENT,
    ),
    "in_train_phase": (
        "`K.in_train_phase` does not exist in Keras 3: there is no global learning phase",
        "give the layer's `call` a `training=None` argument and choose with `x if training else alt`",
    ),
    "in_test_phase": (
        "`K.in_test_phase` does not exist in Keras 3: there is no global learning phase",
        "give the layer's `call` a `training=None` argument and choose with `alt if training else x`",
    ),
    "print_tensor": (
        "`K.print_tensor` does not exist in Keras 3",
        "call `tf.print(message, x)` where the value is computed (it prints when it runs, to stderr, as "
        "print_tensor did) and use `x` itself",
    ),
    "normalize_batch_in_training": (
        "`K.normalize_batch_in_training` does not exist in Keras 3",
        "compute `mean, var = tf.nn.moments(x, axes)` and `tf.nn.batch_normalization(x, mean, var, beta, gamma, "
        "epsilon)`",
    ),
    "conv3d_transpose": ("`K.conv3d_transpose` does not exist in Keras 3", "use `tf.nn.conv3d_transpose`"),
    "separable_conv1d": (
        "`K.separable_conv1d` does not exist in Keras 3",
        "use a `SeparableConv1D` layer, or `tf.nn.separable_conv2d` on an expanded axis",
    ),
    "local_conv1d": (
        "`K.local_conv1d` does not exist in Keras 3 (nor do locally connected layers)",
        "compute the patches with `tf.image.extract_patches` and contract them with `tf.einsum`",
    ),
    "local_conv2d": (
        "`K.local_conv2d` does not exist in Keras 3 (nor do locally connected layers)",
        "compute the patches with `tf.image.extract_patches` and contract them with `tf.einsum`",
    ),
    "manual_variable_initialization": (
        "`K.manual_variable_initialization` does not exist in Keras 3: TF2 variables are initialised when "
        "they are created",
        "remove the call; values the program set through a session afterwards need `v.assign(value)`",
    ),
    "reset_uids": (
        "`K.reset_uids` does not exist in Keras 3",
        "`K.clear_session()` resets the layer-name counters (it also forgets the models built so far)",
    ),
    "is_tensor": (
        "`K.is_tensor` does not exist in Keras 3; `tf.is_tensor` is False for Keras 3 symbolic inputs "
        "(`KerasTensor`), which were TF tensors in Keras 2",
        "use `tf.is_tensor(x)` for values, `K.is_keras_tensor(x)` for model inputs and layer outputs",
    ),
    "normalize_data_format": (
        "`K.normalize_data_format` does not exist in Keras 3",
        "use `(value or K.image_data_format()).lower()`",
    ),
    "_get_available_gpus": (
        "`tensorflow_backend._get_available_gpus` does not exist in TF2",
        'use `[d.name for d in tf.config.list_logical_devices("GPU")]`',
    ),
    # Kept in Keras 3, but not as Keras 2 code used them.
    "batch_set_value": (
        "`K.batch_set_value` raises `AttributeError` on Keras 3 variables (layer weights, optimizer state) in "
        "TF 2.21",
        "assign each pair: `for variable, value in pairs: variable.assign(value)`",
    ),
    "update": (
        "Keras 2's `K.update` returned an assign op that ran later (through `add_update` or "
        "`K.function(updates=...)`); Keras 3's assigns at once, and raises `AttributeError` on Keras 3 variables",
        "assign where the update must happen: `x.assign(new_x)`",
    ),
    "update_add": (
        "Keras 2's `K.update_add` returned an assign op that ran later (through `add_update` or "
        "`K.function(updates=...)`); Keras 3's assigns at once, and raises `AttributeError` on Keras 3 variables",
        "assign where the update must happen: `x.assign_add(increment)`",
    ),
    "update_sub": (
        "Keras 2's `K.update_sub` returned an assign op that ran later (through `add_update` or "
        "`K.function(updates=...)`); Keras 3's assigns at once, and raises `AttributeError` on Keras 3 variables",
        "assign where the update must happen: `x.assign_sub(decrement)`",
    ),
    "moving_average_update": (
        "Keras 2.2.4's `K.moving_average_update` zero-debiased the average and returned an op that ran later; "
        "Keras 3's does not debias and assigns at once",
        "update where it must happen: `x.assign(x * momentum + value * (1 - momentum))` (no debiasing)",
    ),
    "batch_dot": (
        "`K.batch_dot` follows its documented axes in Keras 3; Keras 2.2.4 did not for negative axes, for inputs "
        "of rank 4 or more (it multiplied the last two axes), for inputs of different ranks, and for two 2-D "
        "inputs without `axes` (it contracted axes (1, 0)): results can differ silently",
        "check the result's shape; for Keras 2.2.4's rank-4 behaviour write `tf.matmul(x, y, transpose_b=True)` "
        "(or `transpose_a`) explicitly",
    ),
    "categorical_crossentropy": (
        "Keras 2.2.4's `K.categorical_crossentropy` ignored `axis` when `from_logits=True` (it used the last "
        "axis); Keras 3 uses it",
        "remove `axis` to keep the Keras 2.2.4 result, or keep it if the old result was a bug",
    ),
    "set_value": (
        "`K.set_value` raises `AttributeError` on Keras 3 variables (layer weights, optimizer state) in "
        "TF 2.21",
        "use `x.assign(value)`",
    ),
    "get_updates": (
        "`Optimizer.get_updates` does not exist in Keras 3",
        "train with `model.fit`, or compute gradients with `tf.GradientTape` and apply them with "
        "`optimizer.apply_gradients(zip(grads, variables))`",
    ),
    "get_gradients": (
        "`Optimizer.get_gradients` does not exist in Keras 3",
        "compute the gradients with `tf.GradientTape`: `tape.gradient(loss, variables)`",
    ),
    "def get_updates": (
        "a custom optimizer's `get_updates(loss, params)` is never called by Keras 3",
        "subclass `keras.optimizers.Optimizer` and implement `build(var_list)` and "
        "`update_step(gradient, variable, learning_rate)`",
    ),
}


def generic(name: str) -> Tuple[str, str]:
    return (
        f"`K.{name}` does not exist in Keras 3's backend",
        "use the TensorFlow or Python function it stood for",
    )
