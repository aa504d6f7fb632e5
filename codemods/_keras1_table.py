"""The Keras 1 call signatures Keras 2.2.4 still accepts, read from codemods/data/keras1_arguments.json.

The data is generated on the real Keras 2.2.4 by scripts/generate_keras1_arguments.py; loading it needs no
TensorFlow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

DATA = Path(__file__).parent / "data" / "keras1_arguments.json"


@dataclass(frozen=True)
class Interface:
    """One ``keras.legacy.interfaces`` wrapper: what it does to a call's arguments, in Keras's own order
    (preprocessor, value conversions, keyword renames)."""

    name: str
    allowed_positional: Optional[Tuple[str, ...]]
    conversions: Tuple[Tuple[str, str], ...]  # (Keras 1 keyword, Keras 2 keyword)
    value_conversions: Dict[str, Dict[str, object]]  # Keras 1 keyword -> {Keras 1 value: Keras 2 value}
    preprocessor: Optional[str]

    def renamed(self, keyword: str) -> Optional[str]:
        for old, new in self.conversions:
            if old == keyword:
                return new
        return None


@dataclass(frozen=True)
class Wrapped:
    """A constructor (or function) that a legacy interface wraps."""

    qualified: str  # where Keras 2.2.4 defines it: keras.layers.convolutional.Conv2D
    interface: Interface
    parameters: Tuple[str, ...]  # its Keras 2.2.4 parameters, in order
    dropped_by_keras2: Tuple[str, ...]  # Keras 2 keywords it pops and ignores (SimpleRNN's implementation)
    rejected_by_keras2: Tuple[str, ...]  # Keras 2 keywords it raises TypeError for (SimpleRNN's recurrent_activation)

    @property
    def class_name(self) -> str:
        return self.qualified.rsplit(".", 1)[1]


@lru_cache(maxsize=None)
def table() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def interface(name: str) -> Interface:
    raw = table()["interfaces"][name]
    allowed = raw["allowed_positional"]
    return Interface(
        name=name,
        allowed_positional=tuple(allowed) if allowed is not None else None,
        conversions=tuple((old, new) for old, new in raw["conversions"]),
        value_conversions={key: dict(values) for key, values in raw["value_conversions"].items()},
        preprocessor=raw["preprocessor"],
    )


@lru_cache(maxsize=None)
def wrapped(keras_path: str) -> Optional[Wrapped]:
    """The wrapped class or function a Keras path (``layers.Convolution2D``, ``models.Model``) names, if any."""
    qualified = table()["callables"].get(keras_path)
    if qualified is None:
        return None
    raw = table()["classes"].get(qualified) or table()["functions"][qualified]
    return Wrapped(
        qualified=qualified,
        interface=interface(raw["interface"]),
        parameters=tuple(raw["parameters"]),
        dropped_by_keras2=tuple(raw.get("dropped_by_keras2", ())),
        rejected_by_keras2=tuple(raw.get("rejected_by_keras2", ())),
    )


def method_interface(method_name: str) -> Optional[Interface]:
    entry = table()["methods"].get(method_name)
    return interface(entry["interface"]) if entry else None
