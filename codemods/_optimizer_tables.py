"""What the optimizer classes of standalone Keras 2.2.4, TF 1.15's tf.keras and Keras 3 take, and where their
defaults differ (each entry checked against the installed runtimes by training a small model a few steps).

Keras 2.2.4 (`keras.optimizers`) has its own signatures: `lr` first, `decay` among the positional parameters,
`epsilon=None` meaning `K.epsilon()` (1e-7). TF 1.15's `tf.keras.optimizers` are already the "V2" optimizers,
whose signatures and defaults are Keras 3's, plus the legacy `lr` and `decay` keywords.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

KERAS2 = "keras"  # standalone Keras 2.2.4
TF1_KERAS = "tf.keras"  # TensorFlow 1.15's tf.keras

CLASSES = ("SGD", "RMSprop", "Adagrad", "Adadelta", "Adam", "Adamax", "Nadam")
# `keras.optimizers.adam` and the other lowercase aliases are the same classes; strings name them too.
CLASS_BY_LOWER_NAME = {name.lower(): name for name in CLASSES}


@dataclass(frozen=True)
class Signature:
    positional: Tuple[str, ...]  # parameter order, `lr`/`learning_rate` first
    learning_rate: str  # the default learning rate, as a literal
    # Arguments Keras 3 must be given to behave as this Keras did with the argument left out.
    explicit: Tuple[Tuple[str, str], ...] = ()


KERAS2_SIGNATURES: Dict[str, Signature] = {
    "SGD": Signature(("lr", "momentum", "decay", "nesterov"), "0.01"),
    "RMSprop": Signature(("lr", "rho", "epsilon", "decay"), "0.001"),
    # Keras 2's accumulators start at 0; Keras 3's at 0.1.
    "Adagrad": Signature(("lr", "epsilon", "decay"), "0.01", (("initial_accumulator_value", "0.0"),)),
    "Adadelta": Signature(("lr", "rho", "epsilon", "decay"), "1.0"),
    "Adam": Signature(("lr", "beta_1", "beta_2", "epsilon", "decay", "amsgrad"), "0.001"),
    "Adamax": Signature(("lr", "beta_1", "beta_2", "epsilon", "decay"), "0.002"),
    "Nadam": Signature(("lr", "beta_1", "beta_2", "epsilon", "schedule_decay"), "0.002"),
}

TF1_KERAS_SIGNATURES: Dict[str, Signature] = {
    "SGD": Signature(("learning_rate", "momentum", "nesterov", "name"), "0.01"),
    "RMSprop": Signature(("learning_rate", "rho", "momentum", "epsilon", "centered", "name"), "0.001"),
    "Adagrad": Signature(("learning_rate", "initial_accumulator_value", "epsilon", "name"), "0.001"),
    "Adadelta": Signature(("learning_rate", "rho", "epsilon", "name"), "0.001"),
    "Adam": Signature(("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad", "name"), "0.001"),
    "Adamax": Signature(("learning_rate", "beta_1", "beta_2", "epsilon", "name"), "0.001"),
    "Nadam": Signature(("learning_rate", "beta_1", "beta_2", "epsilon", "name"), "0.001"),
}

SIGNATURES = {KERAS2: KERAS2_SIGNATURES, TF1_KERAS: TF1_KERAS_SIGNATURES}

KERAS3_POSITIONAL: Dict[str, Tuple[str, ...]] = {
    "SGD": ("learning_rate", "momentum", "nesterov"),
    "RMSprop": ("learning_rate", "rho", "momentum", "epsilon", "centered"),
    "Adagrad": ("learning_rate", "initial_accumulator_value", "epsilon"),
    "Adadelta": ("learning_rate", "rho", "epsilon"),
    "Adam": ("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"),
    "Adamax": ("learning_rate", "beta_1", "beta_2", "epsilon"),
    "Nadam": ("learning_rate", "beta_1", "beta_2", "epsilon"),
}
KERAS3_LEARNING_RATE = {name: "0.01" if name == "SGD" else "0.001" for name in CLASSES}

# `compile(optimizer="adagrad")`: TF 1.15's tf.keras builds its Adagrad from a string with accumulators at 0,
# unlike its Adagrad class; Keras 2's strings are its classes called without arguments.
TF1_KERAS_STRING_EXPLICIT: Dict[str, Tuple[Tuple[str, str], ...]] = {"Adagrad": (("initial_accumulator_value", "0.0"),)}


def explicit_arguments(flavour: str, name: str) -> Tuple[Tuple[str, str], ...]:
    """What ``name()`` of this Keras needs in Keras 3 to behave the same: (keyword, literal) pairs."""
    signature = SIGNATURES[flavour][name]
    learning_rate = ()
    if signature.learning_rate != KERAS3_LEARNING_RATE[name]:
        learning_rate = (("learning_rate", signature.learning_rate),)
    return learning_rate + signature.explicit


def string_explicit_arguments(flavour: str, name: str) -> Tuple[Tuple[str, str], ...]:
    if flavour == TF1_KERAS:
        return TF1_KERAS_STRING_EXPLICIT.get(name, ())
    return explicit_arguments(flavour, name)
