"""Where each Keras 2.2.4 name lives in TF 2.21's tf.keras, read from data/keras_relocations.json.

The table is generated from the real APIs by scripts/generate_keras_relocations.py; paths are relative to
``keras.`` (old) and ``tensorflow.keras.`` (new), ``""`` being the package itself, None meaning no home.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

DATA = Path(__file__).parent / "data" / "keras_relocations.json"
# Extra homes for `--keras legacy`: names Keras 3 dropped that tf_keras still has (scripts/generate_tf_keras_extras.py).
TF_KERAS_EXTRAS = Path(__file__).parent / "data" / "tf_keras_extras.json"
KERAS3_ROOT = "tensorflow.keras"
LEGACY_ROOT = "tf_keras"

Table = Dict[str, Optional[str]]

# What to do instead, for the best-known names without a Keras 3 home (old path prefix -> advice).
NO_HOME_ADVICE = (
    ("utils.multi_gpu_model", "use `tf.distribute.MirroredStrategy()` and build the model in its `scope()`"),
    ("utils.multi_gpu_utils", "use `tf.distribute.MirroredStrategy()` and build the model in its `scope()`"),
    ("utils.training_utils", "use `tf.distribute.MirroredStrategy()` and build the model in its `scope()`"),
    ("wrappers.scikit_learn", "use `keras.wrappers.SKLearnClassifier` / `SKLearnRegressor` (a different API) "
                              "or the `scikeras` package"),
    ("legacy", "replace the Keras 1 layer or interface with its Keras 2 successor first"),
    ("layers.Merge", "use the merge layers: `Concatenate`, `Add`, `Multiply`, `Average`, `Maximum`, `Dot`"),
    ("layers.TimeDistributedDense", "use `TimeDistributed(Dense(...))`"),
    ("layers.CuDNNLSTM", "use `LSTM`: Keras 3 runs it on cuDNN itself when its arguments allow"),
    ("layers.CuDNNGRU", "use `GRU(reset_after=True, recurrent_activation=\"sigmoid\")`: Keras 3 runs it on cuDNN itself"),
    ("backend.tensorflow_backend.get_session", "TF2 has no sessions: remove the session code"),
    ("backend.tensorflow_backend.set_session", "TF2 has no sessions: remove the session code"),
    ("backend.get_session", "TF2 has no sessions: remove the session code"),
    ("backend.set_session", "TF2 has no sessions: remove the session code"),
    ("engine", "subclass `tf.keras.layers.Layer` / `tf.keras.Model`; Keras 3 has no public engine internals"),
)


# Keras 1 layers that Keras 2 had already removed, so they are not in the generated (Keras 2.2.4) table; a
# program importing them did not run on Keras 2.2.4 either. Without this list they would move with their module.
KERAS1_REMOVED = {
    f"layers.{name}": None
    for name in ("Merge", "TimeDistributedDense")
}


@lru_cache(maxsize=None)
def tables() -> Tuple[Table, Table]:
    """(modules, symbols)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return data["modules"], {**KERAS1_REMOVED, **data["symbols"]}


@lru_cache(maxsize=None)
def tf_keras_extras() -> Table:
    return json.loads(TF_KERAS_EXTRAS.read_text(encoding="utf-8"))["symbols"]


@dataclass(frozen=True)
class Relocation:
    """Where a Keras 2 path goes. ``new`` is None when it has no home; ``known`` is the longest prefix of the
    path that the table knows; ``unknown_rest`` says the path goes on past a module into names that are not
    part of Keras 2.2.4's API (so their home is assumed, not known)."""

    old: str
    new: Optional[str]
    known: str
    unknown_rest: bool


def relocate(path: str, legacy: bool = False) -> Relocation:
    """``layers.merge.concatenate`` -> ``layers.concatenate``, through the longest prefix the table knows.
    ``legacy``: the target is tf_keras, which still has some names Keras 3 dropped."""
    modules, symbols = tables()
    extras = tf_keras_extras() if legacy else {}
    parts = path.split(".") if path else []
    for size in range(len(parts), -1, -1):
        prefix = ".".join(parts[:size])
        if prefix in symbols:
            target = symbols[prefix] if symbols[prefix] is not None else extras.get(prefix)
        elif prefix in modules:
            target = modules[prefix]
        else:
            continue
        rest = parts[size:]
        if target is None:
            return Relocation(path, None, prefix, bool(rest))
        new = ".".join(([target] if target else []) + rest)
        return Relocation(path, new, prefix, bool(rest) and prefix in modules)
    raise AssertionError("the table always knows the root module")


def no_home_advice(path: str) -> str:
    for prefix, advice in NO_HOME_ADVICE:
        if path == prefix or path.startswith(prefix + "."):
            return advice
    return "rewrite this code with what Keras 3 offers instead, or remove it"


def tf_keras_module(path: str, root: str = KERAS3_ROOT) -> str:
    """``layers`` -> ``tensorflow.keras.layers``; ``""`` -> ``tensorflow.keras`` (``tf_keras...`` for legacy)."""
    return root + (f".{path}" if path else "")
