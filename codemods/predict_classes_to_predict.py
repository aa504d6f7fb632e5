from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Union

import libcst as cst
import libcst.matchers as m
from libcst.helpers import parse_template_expression
from libcst.metadata import Assignment, ParentNodeProvider, PositionProvider, ScopeProvider

from codemods._assignments import assigned_value, single_assignment
from codemods._names import TracksImports, dotted
from tf2migrate.codemod import Codemod, FixSafety

REMOVED_METHODS = ("predict_classes", "predict_proba")
# Both methods' parameters, in Keras 2.2.4 and in TF 1.15's tf.keras: (x, batch_size=32, verbose=0).
PARAMETERS = ("x", "batch_size", "verbose")
SEQUENTIAL = ("Sequential", "models.Sequential", "engine.Sequential", "engine.sequential.Sequential")
LOAD_MODEL = ("models.load_model", "saving.load_model", "engine.saving.load_model")
# Layers whose output has the last axis of their input, so the width of the Dense before them shows through.
WIDTH_KEEPING_LAYERS = frozenset(
    (
        "Activation", "Dropout", "AlphaDropout", "GaussianDropout", "GaussianNoise", "ActivityRegularization",
        "BatchNormalization", "LayerNormalization", "Softmax", "ReLU", "LeakyReLU", "ELU", "PReLU",
        "ThresholdedReLU",
    )
)
# Methods that take layers off a model (`model.pop()`) or its layer list (`model.layers.pop()`).
LAYER_REMOVERS = frozenset(("pop", "append", "insert", "remove", "extend", "clear"))
WIDTH_KEEPS = -1  # _layer_width: the layer passes its input's width through


@dataclass
class ModelFacts:
    """What the file proves about the model a method is called on."""

    width: Optional[int] = None  # units of the last layer; None when not provable
    why_unknown: str = ""  # why the width is not provable


@dataclass
class SequentialBuild:
    """A ``Sequential`` model assigned once, and the ``add`` calls that build it in the same block."""

    layers: List[cst.BaseExpression] = field(default_factory=list)
    last_statement: Optional[cst.CSTNode] = None  # the assignment, or the last add() statement


class NotKeras:
    """The receiver was made by another library (a scikit-learn estimator, ...)."""


NOT_KERAS = NotKeras()


class PredictClassesToPredict(TracksImports, Codemod):
    """Replace `predict_classes` / `predict_proba`, removed in Keras 3, with `predict`.

    What it does:
    `model.predict_proba(x)` becomes `model.predict(x, verbose=0)`. `model.predict_classes(x)` becomes
    `model.predict(x, verbose=0).argmax(axis=-1)` when the model's last layer has more than one unit, and
    `(model.predict(x, verbose=0) > 0.5).astype("int32")` when it has one. Both apply where `model` is a
    `Sequential` model (from `keras` or TF 1.x's `tf.keras`) assigned once in the file and built there with
    literal layers; `predict_proba` also on a model from `load_model(...)`. `batch_size` and `verbose` given to
    the old method are kept.

    Why:
    Keras 3 removed both methods. In Keras 2.2.4 (and TF 1.15's tf.keras) `predict_classes` returned
    `proba.argmax(axis=-1)` when `proba.shape[-1] > 1`, else `(proba > 0.5).astype('int32')`, and
    `predict_proba` returned `predict`'s result unchanged. Both defaulted to `verbose=0`, while Keras 3's
    `predict` prints a progress bar by default, hence the explicit `verbose=0`. Their `batch_size=32` is
    `predict`'s default batch size in Keras 3 as well.

    Example:
    ```python
    from keras.layers import Dense
    from keras.models import Sequential

    softmax_model = Sequential()
    softmax_model.add(Dense(3, input_dim=4, activation="softmax"))
    sigmoid_model = Sequential([Dense(1, input_dim=4, activation="sigmoid")])
    labels = softmax_model.predict_classes(x)
    flags = sigmoid_model.predict_classes(x, batch_size=64)
    probabilities = softmax_model.predict_proba(x)
    ```

    Use instead:
    ```python
    from keras.layers import Dense
    from keras.models import Sequential

    softmax_model = Sequential()
    softmax_model.add(Dense(3, input_dim=4, activation="softmax"))
    sigmoid_model = Sequential([Dense(1, input_dim=4, activation="sigmoid")])
    labels = softmax_model.predict(x, verbose=0).argmax(axis=-1)
    flags = (sigmoid_model.predict(x, batch_size=64, verbose=0) > 0.5).astype("int32")
    probabilities = softmax_model.predict(x, verbose=0)
    ```

    Fix safety:
    Safe: each rewrite computes what the removed method computed, from the same `predict` call. The one
    difference: `predict_proba` warned (on stderr) when predictions fell outside [0, 1]; `predict` does not.
    Where the file does not prove the model's output width, `predict_classes` is left as it was, with a
    finding giving both forms: the width-independent form needs a temporary variable or a lambda, and the
    code reads better with the one form that fits the model.

    Limitations:
    Methods on models cannot be typed statically: calls are matched by method name, and rewritten only where
    the receiver is a variable assigned once (in its scope) from `Sequential(...)` (or, for `predict_proba`,
    `load_model(...)`). The width is read from the last layer: a `Dense` with a literal unit count, seen through
    shape-keeping layers (`Activation`, `Dropout`, `BatchNormalization`, ...), added by `add()` statements in
    the block that creates the model, before the call. A model handed to a non-Keras function, layers added in
    a loop, a branch or a helper, or removed with `pop()`, make the width unprovable (finding). A receiver made
    by another library (a scikit-learn estimator's `predict_proba`) is left alone without a finding; any other
    receiver gets a finding.
    """

    NAME = "predict-classes-to-predict"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = REMOVED_METHODS
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider, PositionProvider)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        method = _removed_method(original_node)
        if method is None:
            return updated_node
        receiver = original_node.func.value
        facts = self._model_behind(receiver, original_node, needs_width=method == "predict_classes")
        if facts is NOT_KERAS:
            return updated_node
        if not _takes_old_arguments(original_node):
            self._report_arguments(original_node, method)
            return updated_node
        predict = _predict_call(updated_node)
        if method == "predict_proba":
            if isinstance(facts, str):
                self._report_unknown_model(original_node, method, facts, predict)
                return updated_node
            return predict
        if isinstance(facts, str) or facts.width is None:
            why = facts if isinstance(facts, str) else facts.why_unknown
            self._report_unknown_model(original_node, method, why, predict)
            return updated_node
        return _classes_from(predict, facts.width).with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    # --- what the file proves about the model ---------------------------------------------------------------

    def _model_behind(
        self, receiver: cst.BaseExpression, call: cst.Call, needs_width: bool
    ) -> Union[ModelFacts, NotKeras, str]:
        """Facts about the model, ``NOT_KERAS``, or why the receiver is not provably a Keras model."""
        if not isinstance(receiver, cst.Name):
            return f"`{dotted(receiver)}` is not a plain variable"
        assignment = self._single_assignment(receiver)
        if isinstance(assignment, str):
            return assignment
        if isinstance(assignment.node, cst.Param):
            return f"`{receiver.value}` is a function parameter"
        value = assigned_value(self, assignment)
        if not isinstance(value, cst.Call):
            return f"`{receiver.value}` is not assigned from a call here"
        path = self.bindings.keras_qualified(value.func)
        if path in LOAD_MODEL:
            return ModelFacts(why_unknown=f"`{receiver.value}` is loaded from a file")
        if path not in SEQUENTIAL:
            if path is None and self.bindings.qualified(value.func) is not None:
                return NOT_KERAS
            return f"`{receiver.value}` is made by `{dotted(value.func)}(...)`, not by `Sequential(...)` here"
        if not needs_width:
            return ModelFacts()
        build = self._sequential_build(value, assignment)
        if isinstance(build, str):
            return ModelFacts(why_unknown=build)
        if not self._after(call, build.last_statement):
            return ModelFacts(why_unknown=f"the call may run before the last `{receiver.value}.add(...)`")
        return _width_of(self, build.layers)

    def _single_assignment(self, name: cst.Name) -> Union[Assignment, str]:
        assignment = single_assignment(self, name)
        return assignment or f"`{name.value}` is assigned more than once, or not in this file"

    def _sequential_build(self, sequential: cst.Call, assignment: Assignment) -> Union[SequentialBuild, str]:
        """The layers of a ``Sequential`` model in the order they are added, or why they are not provable."""
        initial = _initial_layers(sequential)
        if initial is None:
            return "its layers are not written out in `Sequential(...)`"
        statement = self._statement_of(assignment.node)
        build = SequentialBuild(layers=list(initial), last_statement=statement)
        block = self.get_metadata(ParentNodeProvider, statement, None)
        for access in sorted(assignment.references, key=lambda a: self._start(a.node)):
            use = self._use(access.node)
            if use == "add":
                add_call = self.get_metadata(ParentNodeProvider, self.get_metadata(ParentNodeProvider, access.node))
                add_statement = self._statement_of(add_call)
                if self.get_metadata(ParentNodeProvider, add_statement, None) is not block:
                    return "layers are added in a loop, a branch or a helper"
                if len(add_call.args) != 1 or add_call.args[0].star:
                    return f"`{dotted(add_call)}` does not add one written-out layer"
                build.layers.append(add_call.args[0].value)
                build.last_statement = add_statement
            elif use is not None:
                return use
        return build

    def _use(self, name: cst.Name) -> Optional[str]:
        """``"add"`` for a ``model.add(layer)`` statement; None for a use that leaves the layers alone; else why
        the use may change them."""
        parent = self.get_metadata(ParentNodeProvider, name, None)
        if isinstance(parent, cst.Attribute) and parent.value is name:
            attr = parent.attr.value
            grand = self.get_metadata(ParentNodeProvider, parent, None)
            if attr == "add":
                is_statement = isinstance(grand, cst.Call) and grand.func is parent and isinstance(
                    self.get_metadata(ParentNodeProvider, grand, None), cst.Expr
                )
                return "add" if is_statement else f"`{name.value}.add` is used inside an expression"
            if attr in LAYER_REMOVERS or (
                attr == "layers" and m.matches(grand, m.Attribute(attr=m.Name()))
                and grand.attr.value in LAYER_REMOVERS
            ):
                return f"its layers are changed with `{dotted(grand if attr == 'layers' else parent)}`"
            return None
        if isinstance(parent, cst.Arg):
            caller = self.get_metadata(ParentNodeProvider, parent, None)
            if isinstance(caller, cst.Call) and (
                m.matches(caller.func, m.Name("print")) or self.bindings.keras_qualified(caller.func) is not None
            ):
                return None
            return f"`{name.value}` is handed to code that may add or remove layers"
        return f"`{name.value}` is used as a value that may be changed elsewhere"

    def _statement_of(self, node: cst.CSTNode) -> cst.CSTNode:
        while not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            node = self.get_metadata(ParentNodeProvider, node)
        return node

    def _start(self, node: cst.CSTNode):
        position = self.get_metadata(PositionProvider, node).start
        return (position.line, position.column)

    def _after(self, node: cst.CSTNode, earlier: cst.CSTNode) -> bool:
        end = self.get_metadata(PositionProvider, earlier).end
        return self._start(node) >= (end.line, end.column)

    # --- findings -------------------------------------------------------------------------------------------

    def _report_arguments(self, call: cst.Call, method: str) -> None:
        self.report(
            call,
            f"`{method}` was removed in Keras 3, and this call passes arguments that Keras 2's "
            f"`{method}(x, batch_size=32, verbose=0)` does not take; it was left as it was",
            "call `predict(x, verbose=0)` with the arguments the old method took",
        )

    def _report_unknown_model(self, call: cst.Call, method: str, why: str, predict: cst.Call) -> None:
        predict_code = dotted(predict)
        receiver = dotted(call.func.value)
        if method == "predict_proba":
            self.report(
                call,
                f"`{receiver}.predict_proba()` was removed in Keras 3 and was left as it was: {why}, so it is "
                "not provably a Keras model",
                f"if `{receiver}` is a Keras model, write `{predict_code}` (predict_proba returned predict's "
                "output unchanged); leave it if it is, e.g., a scikit-learn estimator",
            )
            return
        self.report(
            call,
            f"`{receiver}.predict_classes()` was removed in Keras 3 and was left as it was: its result depends on "
            f"the model's output width, which is not provable here ({why})",
            f"write `{predict_code}.argmax(axis=-1)` if the last layer has more than one unit (softmax), or "
            f'`({predict_code} > 0.5).astype("int32")` if it has one (sigmoid)',
        )


def _removed_method(call: cst.Call) -> Optional[str]:
    if m.matches(call.func, m.Attribute(attr=m.Name())) and call.func.attr.value in REMOVED_METHODS:
        return call.func.attr.value
    return None


def _takes_old_arguments(call: cst.Call) -> bool:
    """The arguments fit ``(x, batch_size=32, verbose=0)``, with ``x`` given."""
    if any(arg.star for arg in call.args):
        return False
    positional = [arg for arg in call.args if arg.keyword is None]
    keywords = [arg.keyword.value for arg in call.args if arg.keyword is not None]
    if len(positional) > len(PARAMETERS):
        return False
    named = list(PARAMETERS[: len(positional)]) + keywords
    return "x" in named and len(set(named)) == len(named) and set(named) <= set(PARAMETERS)


def _predict_call(call: cst.Call) -> cst.Call:
    """``model.predict(...)`` with the same arguments, and ``verbose=0`` (the old default) unless given."""
    predict = call.with_changes(func=call.func.with_changes(attr=cst.Name("predict")), lpar=(), rpar=())
    positional = [arg for arg in call.args if arg.keyword is None]
    if len(positional) == len(PARAMETERS) or any(arg.keyword and arg.keyword.value == "verbose" for arg in call.args):
        return predict
    return _with_keyword(predict, "verbose", cst.Integer("0"))


def _with_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    """``call`` with ``name=value`` appended, keeping a trailing comma and the one-argument-per-line layout."""
    no_space = cst.SimpleWhitespace("")
    new = cst.Arg(value=value, keyword=cst.Name(name), equal=cst.AssignEqual(no_space, no_space))
    args = list(call.args)
    last = args[-1]
    if isinstance(last.comma, cst.Comma):  # trailing comma: the new argument goes on its own line, like the others
        args[-1] = last.with_changes(comma=last.comma.with_changes(whitespace_after=call.whitespace_before_args))
        new = new.with_changes(comma=last.comma)
    else:
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    return call.with_changes(args=[*args, new])


def _classes_from(predict: cst.Call, width: int) -> cst.Call:
    """What Keras 2's ``predict_classes`` computed from the predictions: argmax for several units, else a
    threshold at 0.5 as int32."""
    template = "{proba}.argmax(axis=-1)" if width > 1 else '({proba} > 0.5).astype("int32")'
    expression = parse_template_expression(template, proba=predict)
    assert isinstance(expression, cst.Call)
    return expression


def _initial_layers(sequential: cst.Call) -> Optional[Sequence[cst.BaseExpression]]:
    """The layers written in ``Sequential([...])``; ``[]`` for ``Sequential()``; None when not written out."""
    layers = [arg.value for arg in sequential.args if arg.keyword is None or arg.keyword.value == "layers"]
    if any(arg.star for arg in sequential.args):
        return None
    if not layers:
        return []
    if len(layers) == 1 and isinstance(layers[0], (cst.List, cst.Tuple)):
        if any(isinstance(element, cst.StarredElement) for element in layers[0].elements):
            return None
        return [element.value for element in layers[0].elements]
    return None


def _width_of(codemod: PredictClassesToPredict, layers: Sequence[cst.BaseExpression]) -> ModelFacts:
    for layer in reversed(layers):
        width = _layer_width(codemod, layer)
        if width is None:
            return ModelFacts(why_unknown=f"the last layer's width is not a literal: `{dotted(layer)}`")
        if width != WIDTH_KEEPS:
            return ModelFacts(width=width)
    return ModelFacts(why_unknown="no layer with a literal width was added")


def _layer_width(codemod: PredictClassesToPredict, layer: cst.BaseExpression) -> Optional[int]:
    """The units of ``Dense(n, ...)``; ``WIDTH_KEEPS`` for a shape-keeping layer; None when unknown."""
    if not isinstance(layer, cst.Call):
        return None
    path = codemod.bindings.keras_qualified(layer.func) or ""
    if not path.startswith("layers."):
        return None
    name = path.rsplit(".", 1)[1]
    if name in WIDTH_KEEPING_LAYERS:
        return WIDTH_KEEPS
    if name != "Dense":
        return None
    units = [
        arg.value for i, arg in enumerate(layer.args)
        if (arg.keyword is None and i == 0 and not arg.star)
        or (arg.keyword is not None and arg.keyword.value in ("units", "output_dim"))
    ]
    if len(units) == 1 and isinstance(units[0], cst.Integer):
        return int(units[0].evaluated_value)
    return None
