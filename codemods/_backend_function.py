"""`K.function([...], [...])` -> `Model([...], [...])`, called with `training=False` and its results turned into
NumPy arrays, as K.function returned them. A mixin of keras-backend-graph-symbols-to-tf2: it reads the host's
import bindings and metadata and records edits that the host applies on the way out of the tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Set, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor
from libcst.helpers import parse_template_expression
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._arguments import keyword
from codemods._assignments import single_assigned_value
from codemods._backend_nodes import (
    attribute,
    bound_arguments,
    code,
    index,
    keep_parentheses,
    literal_elements,
    method_call,
    phase_literal,
    single_index,
    then_comma,
    with_elements,
    without_element,
)
from codemods._backend_symbols import REPORTED
from codemods._names import keras_path, tf1_name

MODEL, LAYER, UNKNOWN, FIRST_LAYER = "model", "layer", "unknown", "first layer"
SEQUENTIAL = ("models.Sequential", "Sequential", "engine.sequential.Sequential")
MODEL_CLASSES = ("models.Model", "Model", "engine.training.Model", "engine.Model")
MODEL_FACTORIES = (
    *SEQUENTIAL, *MODEL_CLASSES, "models.load_model", "models.model_from_json", "models.model_from_yaml",
    "models.model_from_config", "models.clone_model",
)
LAST = -1  # the learning phase is the last input: `model.inputs + [K.learning_phase()]`


class Withheld(Exception):
    """The K.function stays as it is: ``why`` it cannot be rewritten exactly, reported at ``node``."""

    def __init__(self, node: cst.CSTNode, why: str, suggestion: str = "") -> None:
        super().__init__(why)
        self.node, self.why, self.suggestion = node, why, suggestion


@dataclass
class Use:
    """One call of the function: ``call``, or ``subscript`` when only one result is taken (``f([x])[0]``)."""

    call: cst.Call
    subscript: Optional[cst.Subscript] = None


@dataclass
class FunctionPlan:
    call: cst.Call
    inputs_at: int  # index of the inputs argument in call.args
    outputs_at: int
    learning_phase_at: Optional[int] = None  # in the fed list; LAST for `inputs + [K.learning_phase()]`
    # element position -> MODEL (`model.input` -> `model.inputs`) or FIRST_LAYER (`model.layers[0].input`)
    input_edits: Dict[int, str] = field(default_factory=dict)
    output_edits: Dict[int, str] = field(default_factory=dict)
    output_count: int = 0
    uses: List[Use] = field(default_factory=list)
    phase_calls: List[cst.Call] = field(default_factory=list)
    model_class: str = "Model"
    model_import: Optional[str] = None


class FunctionToSubModel:
    """Host requirements: ``bindings``, ``edits``, ``consumed``, ``program`` (ProgramFacts), ``report``,
    ``get_metadata``, ``context``, ``note_maybe_unused`` and ``backend_symbol``."""

    edits: Dict[cst.CSTNode, Callable[[cst.CSTNode], cst.CSTNode]]
    consumed: Set[cst.CSTNode]

    def plan_function(self, call: cst.Call) -> None:
        phase_calls = [c for c in m.findall(call, m.Call()) if self.backend_symbol(c.func) == "learning_phase"]
        self.consumed.update(phase_calls)  # reported with the K.function, or rewritten with it
        try:
            plan = self._function_plan(call, phase_calls)
        except Withheld as withheld:
            message, suggestion = REPORTED["function"]
            self.report(withheld.node, f"{message}; not rewritten: {withheld.why}", withheld.suggestion or suggestion)
            return
        self._commit(plan)

    # --- reading the K.function and its uses, on the original tree --------------------------------------------

    def _function_plan(self, call: cst.Call, phase_calls: List[cst.Call]) -> FunctionPlan:
        bound = bound_arguments(call, ("inputs", "outputs"))
        if bound is None or set(bound) != {"inputs", "outputs"}:
            raise Withheld(
                call,
                "it is given `updates` or session arguments (a TF1 training step)",
                "write the step with `tf.GradientTape` and `optimizer.apply_gradients`, or use `model.fit`",
            )
        plan = FunctionPlan(call, bound["inputs"], bound["outputs"], phase_calls=phase_calls)
        self._read_inputs(plan, call.args[plan.inputs_at].value)
        self._read_outputs(plan, call.args[plan.outputs_at].value)
        if plan.learning_phase_at is not None and self.program.phase_calls:
            raise Withheld(call, "this file also calls `K.set_learning_phase`, which fixes the learning phase")
        if plan.learning_phase_at is None and not self.program.runs_in_inference():
            raise Withheld(call, "this file sets the learning phase with `K.set_learning_phase`")
        plan.uses = [self._use(use, plan) for use in self._calls_of(call)]
        plan.model_class, plan.model_import = self._model_class(call)
        return plan

    def _read_inputs(self, plan: FunctionPlan, inputs: cst.BaseExpression) -> None:
        """Where the learning phase is among the inputs, and how each other input changes."""
        phases = plan.phase_calls
        if m.matches(inputs, m.BinaryOperation(operator=m.Add(), right=m.List([m.Element(m.Call())]))):
            if inputs.right.elements[0].value in phases and len(phases) == 1:  # `model.inputs + [K.learning_phase()]`
                plan.learning_phase_at = LAST
                self._read_input_elements(plan, literal_elements(inputs.left) or [])
                return
        elements = literal_elements(inputs)
        if elements is None:
            if phases:
                raise Withheld(inputs, "the learning phase is not an element of a written-out list of inputs")
            return
        for position, element in enumerate(elements):
            if element in phases:
                if plan.learning_phase_at is not None:
                    raise Withheld(element, "the learning phase is an input twice")
                plan.learning_phase_at = position
        self._read_input_elements(plan, elements)

    def _read_input_elements(self, plan: FunctionPlan, elements: List[cst.BaseExpression]) -> None:
        for position, element in enumerate(elements):
            edit = self._input_edit(element) if element not in plan.phase_calls else None
            if edit is not None:
                plan.input_edits[position] = edit

    def _input_edit(self, element: cst.BaseExpression) -> Optional[str]:
        """How an input survives Keras 3, where Sequential models have no `.input` and an InputLayer's `.input`
        is empty: ``model.input`` -> ``model.inputs``; ``model.layers[0].input`` -> ``model.inputs[0]`` (the
        model's input in Keras 2, whether the first layer is an InputLayer or a Sequential model's first
        layer)."""
        if not m.matches(element, m.Attribute(attr=m.Name("input"))):
            return None
        owner = element.value
        if m.matches(owner, m.Subscript(value=m.Attribute(attr=m.Name("layers")))):
            model = owner.value.value
            if self._model_kind(model) in SEQUENTIAL:
                return None
            if single_index(owner) == 0:
                return FIRST_LAYER
            raise Withheld(
                element,
                f"`{code(owner)}` may be an InputLayer of a functional model, whose `.input` is empty in Keras 3",
                f"use `{code(model)}.inputs[i]` for a model input, the layer's `.input` otherwise",
            )
        kind = self._kind(owner)
        if kind != UNKNOWN:
            return MODEL if kind == MODEL else None
        raise Withheld(
            element,
            f"cannot tell whether `{code(owner)}` is a model or a layer (a Keras 3 Sequential model has no "
            "`.input`: use `.inputs`)",
            f"build `Model({code(owner)}.inputs, outputs)` if it is a model, `Model([{code(element)}], outputs)` "
            "if it is a layer, and call it with `training=False`",
        )

    def _read_outputs(self, plan: FunctionPlan, outputs: cst.BaseExpression) -> None:
        elements = literal_elements(outputs)
        if elements is None:
            raise Withheld(outputs, "its outputs are not a written-out list, so how many arrays it returns is unknown")
        for position, element in enumerate(elements):
            if isinstance(element, cst.Call) and self.backend_symbol(element.func) is not None:
                raise Withheld(
                    element,
                    "an output is a backend op on a symbolic tensor, which Keras 3 does not allow",
                    "compute it in a `Lambda` layer of the model, or with TensorFlow on the returned arrays",
                )
            if not m.matches(element, m.Attribute(attr=m.Name("output"))):
                continue
            kind = self._kind(element.value)
            if kind == MODEL:
                plan.output_edits[position] = MODEL
            elif kind == UNKNOWN:
                raise Withheld(
                    element,
                    f"cannot tell whether `{code(element.value)}` is a model or a layer (a Keras 3 Sequential "
                    "model has no `.output`: use `.outputs`)",
                )
        plan.output_count = len(elements)

    def _calls_of(self, call: cst.Call) -> List[cst.Call]:
        """The calls of the function object: called at once, or assigned to a name that is only called."""
        parent = self.get_metadata(ParentNodeProvider, call)
        if isinstance(parent, cst.Call) and parent.func is call:
            return [parent]
        if not m.matches(parent, m.Assign(targets=[m.AssignTarget(m.Name())])) or parent.value is not call:
            raise Withheld(call, "the function is stored where its uses cannot be followed")
        name = parent.targets[0].target
        scope = self.get_metadata(ScopeProvider, name, None)
        assignments = list(scope.assignments[name.value]) if scope is not None else []
        if len(assignments) != 1:
            raise Withheld(name, f"`{name.value}` is assigned more than once")
        uses = []
        for access in self.in_source_order(assignments[0].references):
            use = self.get_metadata(ParentNodeProvider, access.node)
            if not (isinstance(use, cst.Call) and use.func is access.node):
                raise Withheld(access.node, f"`{name.value}` is used for more than calling it")
            uses.append(use)
        return uses

    def _use(self, call: cst.Call, plan: FunctionPlan) -> Use:
        if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
            raise Withheld(call, "it is called with other than one list of inputs")
        if plan.learning_phase_at is not None:
            self._check_fed_phase(call, plan)
        use = Use(call)
        parent = self.get_metadata(ParentNodeProvider, call)
        if isinstance(parent, cst.Subscript) and parent.value is call:
            position = single_index(parent)
            if position is not None and -plan.output_count <= position < plan.output_count:
                use.subscript = parent
        return use

    def _check_fed_phase(self, call: cst.Call, plan: FunctionPlan) -> None:
        fed = literal_elements(call.args[0].value)
        inputs = literal_elements(plan.call.args[plan.inputs_at].value)
        if fed is None or (inputs is not None and len(fed) != len(inputs)):
            raise Withheld(call, "the learning phase is not fed in a written-out list of inputs")
        phase = phase_literal(fed[plan.learning_phase_at])
        if phase is None:
            raise Withheld(call, "the learning phase is fed from a variable, not a literal 0 or 1")
        if phase == 1:
            raise Withheld(
                call,
                "it runs in training mode (learning phase 1); a Keras 3 call with `training=True` also updates "
                "BatchNormalization's moving statistics, which K.function did not",
                "if the model has no BatchNormalization, build `Model(inputs, outputs)` and call it with "
                "`training=True`",
            )

    def _kind(self, node: cst.BaseExpression, depth: int = 0) -> str:
        """Whether ``node`` is a Keras model, a layer, or unknown, from how it was made."""
        if m.matches(node, m.Subscript(value=m.Attribute(attr=m.Name("layers")))):
            return LAYER
        if m.matches(node, m.Call(func=m.Attribute(attr=m.Name("get_layer")))):
            return LAYER
        if isinstance(node, cst.Call):
            path = self.bindings.keras_qualified(node.func) or ""
            if path in MODEL_FACTORIES or path.startswith("applications."):
                return MODEL
            return LAYER if path.startswith("layers.") and path != "layers.Input" else UNKNOWN
        value = self._assigned_value(node) if depth < 4 else None
        return self._kind(value, depth + 1) if value is not None else UNKNOWN

    def _model_kind(self, node: cst.BaseExpression) -> Optional[str]:
        """The Keras path of the class or function that made the model ``node`` names."""
        value = self._assigned_value(node)
        return self.bindings.keras_qualified(value.func) if isinstance(value, cst.Call) else None

    def _assigned_value(self, node: cst.BaseExpression) -> Optional[cst.BaseExpression]:
        """The value of ``name = value``, the only assignment of the name ``node``."""
        return single_assigned_value(self, node)

    def _model_class(self, call: cst.Call) -> Tuple[str, Optional[str]]:
        """The local name for Keras's Model class, and the module to import it from when none is imported."""
        for local, bound in self.bindings.names.items():
            if keras_path(tf1_name(bound)) in MODEL_CLASSES:
                return local, None
        scope = self.get_metadata(ScopeProvider, call, None)
        if "Model" in self.bindings.names or (scope is not None and "Model" in scope):
            raise Withheld(call, "the name `Model` is taken by something else here")
        standalone = (self.bindings.tf1_qualified(call.func) or "").startswith("keras.")
        return "Model", "keras.models" if standalone else "tensorflow.keras.models"

    # --- the rewrite ---------------------------------------------------------------------------------------------

    def _commit(self, plan: FunctionPlan) -> None:
        self.edits[plan.call] = lambda updated: self._sub_model(updated, plan)
        for use in plan.uses:
            target = use.subscript if use.subscript is not None else use.call
            self.edits[target] = lambda updated, use=use: self._arrays(updated, use, plan)
        if plan.model_import is not None:
            AddImportsVisitor.add_needed_import(self.context, plan.model_import, "Model")
        self.note_maybe_unused(plan.call.func, *(c.func for c in plan.phase_calls))

    def _sub_model(self, call: cst.Call, plan: FunctionPlan) -> cst.Call:
        args = list(call.args)
        inputs = args[plan.inputs_at].value
        args[plan.inputs_at] = args[plan.inputs_at].with_changes(value=self._new_inputs(inputs, plan))
        outputs = args[plan.outputs_at].value
        args[plan.outputs_at] = args[plan.outputs_at].with_changes(
            value=_edited(outputs, plan.output_edits, "outputs")
        )
        return call.with_changes(func=cst.Name(plan.model_class), args=args)

    def _new_inputs(self, inputs: cst.BaseExpression, plan: FunctionPlan) -> cst.BaseExpression:
        if plan.learning_phase_at == LAST:
            assert isinstance(inputs, cst.BinaryOperation)
            return keep_parentheses(_edited(inputs.left, plan.input_edits, "inputs"), inputs)
        if plan.learning_phase_at is not None:
            edits = {(p - 1 if p > plan.learning_phase_at else p): e for p, e in plan.input_edits.items()}
            return _edited(without_element(inputs, plan.learning_phase_at), edits, "inputs")
        return _edited(inputs, plan.input_edits, "inputs")

    def _arrays(self, updated: cst.BaseExpression, use: Use, plan: FunctionPlan) -> cst.BaseExpression:
        """The use as K.function answered it: a list of NumPy arrays, or one array when indexed. A Keras 3 model
        returns a tensor for one output, a list of tensors for several."""
        if isinstance(updated, cst.Subscript):
            call = self._called_with_training(updated.value, plan)
            picked = call if plan.output_count == 1 else updated.with_changes(value=call)
            return keep_parentheses(method_call(picked, "numpy"), updated)
        call = self._called_with_training(updated, plan)
        if plan.output_count == 1:
            return keep_parentheses(cst.List([cst.Element(method_call(call, "numpy"))]), updated)
        return keep_parentheses(parse_template_expression("[out.numpy() for out in {call}]", call=call), updated)

    def _called_with_training(self, call: cst.Call, plan: FunctionPlan) -> cst.Call:
        fed = call.args[0]
        if plan.learning_phase_at is not None:
            fed = fed.with_changes(value=without_element(fed.value, plan.learning_phase_at))
        return call.with_changes(args=[then_comma(fed), keyword("training", cst.Name("False"))])


def _edited(sequence: cst.BaseExpression, edits: Dict[int, str], plural: str) -> cst.BaseExpression:
    """Apply input/output edits to a written-out list: ``[model.input]`` -> ``model.inputs``; in a longer list,
    ``model.input`` -> ``model.inputs[0]``; ``model.layers[0].input`` -> ``model.inputs[0]``."""
    if not edits:
        return sequence
    assert isinstance(sequence, (cst.List, cst.Tuple))
    elements = list(sequence.elements)
    if len(elements) == 1 and edits.get(0) == MODEL:
        return keep_parentheses(attribute(elements[0].value.value, plural), sequence)
    for position, kind in edits.items():
        value = elements[position].value  # model.input, or model.layers[0].input
        model = value.value if kind == MODEL else value.value.value.value
        elements[position] = elements[position].with_changes(value=index(attribute(model, plural), 0))
    return with_elements(sequence, elements)
