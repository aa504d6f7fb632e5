from __future__ import annotations

import re
from typing import Set

import libcst as cst
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._assignments import single_assigned_value
from codemods._names import TracksImports
from tf2migrate.codemod import Codemod, FixSafety

SEQUENTIAL = ("Sequential", "models.Sequential", "engine.Sequential", "engine.sequential.Sequential")
PLURAL = {"input": "inputs", "output": "outputs"}


class SequentialInputToInputs(TracksImports, Codemod):
    """Read a Sequential model's input and output through `inputs[0]` / `outputs[0]`.

    What it does:
    `model.input` becomes `model.inputs[0]` and `model.output` becomes `model.outputs[0]` where `model` is
    assigned once, in its scope, from Keras's `Sequential(...)` (standalone `keras` or TF 1.x's `tf.keras`).

    Why:
    A Keras 3 `Sequential` model has no `.input` / `.output` ("has never been called and thus has no defined
    input"), even once built, so the common feature-extraction line
    `Model(model.input, model.layers[-2].output)` fails on TF 2.21. `inputs` / `outputs` still hold its
    symbolic tensors, and a Sequential model has exactly one of each, which is what `.input` / `.output`
    returned in Keras 2.

    Example:
    ```python
    from keras.layers import Dense
    from keras.models import Model, Sequential

    model = Sequential([Dense(3, input_dim=2), Dense(1)])
    features = Model(model.input, model.layers[0].output)
    head = Model(inputs=model.input, outputs=model.output)
    ```

    Use instead:
    ```python
    from keras.layers import Dense
    from keras.models import Model, Sequential

    model = Sequential([Dense(3, input_dim=2), Dense(1)])
    features = Model(model.inputs[0], model.layers[0].output)
    head = Model(inputs=model.inputs[0], outputs=model.outputs[0])
    ```

    Fix safety:
    Safe: for a Sequential model, `inputs[0]` and `outputs[0]` are the tensors `.input` and `.output` gave.

    Limitations:
    Only a variable assigned once from `Sequential(...)` in the same scope is recognised; a model returned by a
    function, loaded from a file or passed in as a parameter is left as it is (its `.input` works in Keras 3
    when it is a functional `Model`). Layers' `.input` / `.output` are untouched: they still work.
    """

    NAME = "sequential-input-to-inputs"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = re.compile(r"\.\s*(input|output)\b")  # not `.input_shape`
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rewrite: Set[cst.Attribute] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value not in PLURAL or not isinstance(node.value, cst.Name):
            return
        if isinstance(self.get_metadata(ParentNodeProvider, node, None), cst.AssignTarget):
            return  # `model.input = ...` sets an attribute of the user's own
        value = single_assigned_value(self, node.value)
        if isinstance(value, cst.Call) and self.bindings.keras_qualified(value.func) in SEQUENTIAL:
            self.rewrite.add(node)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if original_node not in self.rewrite:
            return updated_node
        plural = updated_node.with_changes(attr=cst.Name(PLURAL[original_node.attr.value]), lpar=(), rpar=())
        first = cst.Subscript(plural, [cst.SubscriptElement(cst.Index(cst.Integer("0")))])
        return first.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
