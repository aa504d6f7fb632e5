"""What graph-programs-to-eager-functions knows about TF 1.x names: the ops a converted function may compute,
and the `tf.train` optimizers with the Keras optimizer that applies the same update rule.

Names are relative to `tf.` (`nn.conv2d`). The optimizer table was checked numerically on TF 1.15 and TF 2.21
(least squares, 40 steps): GradientDescent, Momentum (also Nesterov), Adam with epsilon given explicitly and
Adagrad agree to 6 decimals or 1e-5. RMSProp agrees once Keras's mean squares (its "velocity" slots, zeros)
start at ones as TF 1's do; both add epsilon under the square root.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from codemods._session_tensors import _is_pure

# Pure ops beyond those remove-session-scaffolding trusts: losses and layers' math that graph programs compute.
_MORE_PURE_OPS = frozenset(
    """
    nn.conv2d nn.conv1d nn.max_pool nn.max_pool2d nn.avg_pool nn.avg_pool2d nn.softmax_cross_entropy_with_logits
    nn.softmax_cross_entropy_with_logits_v2 nn.sparse_softmax_cross_entropy_with_logits
    nn.sigmoid_cross_entropy_with_logits nn.l2_loss nn.leaky_relu squared_difference log_sigmoid
    """.split()
)
# Initial values a kept `tf.Variable(...)` may draw: eager draws them once, as the initializer did.
RANDOM_INITIAL_VALUES = frozenset(
    "random_normal random_uniform truncated_normal random.normal random.uniform random.truncated_normal".split()
)
PLACEHOLDER, PLACEHOLDER_WITH_DEFAULT = "placeholder", "placeholder_with_default"
SESSION_NAMES = frozenset({"Session"})
INITIALIZER_NAMES = frozenset({"global_variables_initializer", "initialize_all_variables"})
DENSE = "layers.dense"
DENSE_KEYWORDS = frozenset({"activation", "use_bias", "kernel_initializer", "bias_initializer", "name"})
VARIABLE_KEYWORDS = frozenset({"name", "dtype", "trainable"})


def is_pure_op(op: str) -> bool:
    return op in _MORE_PURE_OPS or _is_pure(op)


@dataclass(frozen=True)
class OptimizerMapping:
    keras_class: str  # in tf.keras.optimizers
    parameters: Tuple[str, ...]  # the tf.train constructor's parameters, in order
    keywords: Dict[str, str]  # tf.train parameter -> Keras keyword (absent: not carried over, must be default)
    explicit_defaults: Dict[str, str]  # Keras keywords whose default differs from tf.train's: tf.train's value
    proven: bool  # proven by a golden case; otherwise converted only with --unsafe-fixes
    velocities_start_at_one: bool = False  # TF 1 starts these slots at ones; the Keras optimizer at zeros


OPTIMIZERS: Dict[str, OptimizerMapping] = {
    "train.GradientDescentOptimizer": OptimizerMapping(
        "SGD", ("learning_rate", "use_locking", "name"), {"learning_rate": "learning_rate"}, {}, True
    ),
    "train.MomentumOptimizer": OptimizerMapping(
        "SGD",
        ("learning_rate", "momentum", "use_locking", "name", "use_nesterov"),
        {"learning_rate": "learning_rate", "momentum": "momentum", "use_nesterov": "nesterov"},
        {},
        True,
    ),
    "train.AdamOptimizer": OptimizerMapping(
        "Adam",
        ("learning_rate", "beta1", "beta2", "epsilon", "use_locking", "name"),
        {"learning_rate": "learning_rate", "beta1": "beta_1", "beta2": "beta_2", "epsilon": "epsilon"},
        {"learning_rate": "0.001", "epsilon": "1e-08"},
        True,
    ),
    "train.RMSPropOptimizer": OptimizerMapping(
        "RMSprop",
        ("learning_rate", "decay", "momentum", "epsilon", "use_locking", "centered", "name"),
        {
            "learning_rate": "learning_rate",
            "decay": "rho",
            "momentum": "momentum",
            "epsilon": "epsilon",
            "centered": "centered",
        },
        {"epsilon": "1e-10"},
        True,
        velocities_start_at_one=True,
    ),
    "train.AdagradOptimizer": OptimizerMapping(
        "Adagrad",
        ("learning_rate", "initial_accumulator_value", "use_locking", "name"),
        {"learning_rate": "learning_rate", "initial_accumulator_value": "initial_accumulator_value"},
        {},
        False,
    ),
}
# Keyword values that ask for more than the proven update rule.
UNPROVEN_KEYWORD_VALUES = {"use_nesterov": "True", "centered": "True"}
IGNORED_PARAMETERS = frozenset({"use_locking", "name"})


def optimizer_mapping(op: str) -> Optional[OptimizerMapping]:
    return OPTIMIZERS.get(op)
