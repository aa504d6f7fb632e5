"""What a value fetched by `sess.run` is, when the file proves it: a tensor computed by pure TensorFlow ops from
constants, Python values and variables (then its eager value is the same as the session's), an initializer op, or
something this module cannot vouch for (with the node and the reason).

Pure ops give the same value whenever they run as long as their inputs do not change; the codemod checks the
variables separately. Random ops, placeholders and anything stateful are not pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, Optional, Union

import libcst as cst
from libcst.metadata import Assignment, BuiltinAssignment, ScopeProvider

from codemods._assignments import assigned_value, single_assignment
from codemods._names import dotted
from codemods._tf1_symbols_table import tf1_symbols
from tf2migrate.codemod import Codemod

TENSOR = "tensor"
PYTHON = "python"  # a value captured when the graph is built (literal, numpy array): the same in eager
INITIALIZER = "initializer"

_PURE_OPS = frozenset(
    """
    constant add subtract multiply divide truediv floordiv mod pow matmul negative abs square sqrt rsqrt exp log
    log1p sin cos tan tanh sigmoid sign round floor ceil maximum minimum add_n reduce_sum reduce_mean reduce_max
    reduce_min reduce_prod reduce_all reduce_any argmax argmin cast to_float to_double to_int32 to_int64 zeros ones
    zeros_like ones_like fill eye range linspace lin_space reshape transpose concat stack squeeze expand_dims tile
    slice gather gather_nd shape size rank identity equal not_equal less less_equal greater greater_equal
    logical_and logical_or logical_not where clip_by_value cumsum cumprod einsum tensordot one_hot norm reverse
    sort argsort convert_to_tensor nn.relu nn.relu6 nn.elu nn.selu nn.softplus nn.sigmoid nn.tanh nn.softmax
    nn.log_softmax nn.l2_normalize nn.bias_add
    """.split()
)
_PURE_PREFIXES = ("math.", "linalg.")
_DTYPES = frozenset(
    "float16 float32 float64 bfloat16 int8 int16 int32 int64 uint8 uint16 bool string complex64 complex128".split()
)
_INITIALIZERS = frozenset(
    """
    global_variables_initializer local_variables_initializer initialize_all_variables initialize_local_variables
    variables_initializer
    """.split()
)
_PLAIN_BUILTINS = frozenset("range list tuple float int len abs round sum min max bool".split())
_PYTHON_MODULES = ("numpy", "math")


@dataclass(frozen=True)
class Proven:
    kind: str  # TENSOR, PYTHON or INITIALIZER
    variables: FrozenSet[Assignment] = frozenset()  # the tf.Variable names the value reads
    initializer_names: FrozenSet[Assignment] = frozenset()  # `init = tf.global_variables_initializer()` names


@dataclass(frozen=True)
class Unproven:
    node: cst.CSTNode
    reason: str


Verdict = Union[Proven, Unproven]


def source(node: cst.CSTNode, limit: int = 60) -> str:
    text = " ".join(cst.Module([]).code_for_node(node).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class TensorProvenance:
    """Answers, for an expression of the file, what it is (see the module docstring). Memoised per node."""

    def __init__(self, codemod: Codemod, bindings) -> None:
        self.codemod = codemod
        self.bindings = bindings
        self._memo: Dict[cst.CSTNode, Verdict] = {}

    def explain(self, node: cst.BaseExpression) -> Verdict:
        if node not in self._memo:
            self._memo[node] = Unproven(node, f"`{source(node)}` is defined in terms of itself")
            self._memo[node] = self._explain(node)
        return self._memo[node]

    def tf_name(self, node: cst.BaseExpression) -> Optional[str]:
        """``add`` for ``tf.add`` / ``tf.compat.v1.add``; None when not a TensorFlow name."""
        name = self.bindings.tf1_qualified(node)
        return name[len("tensorflow.") :] if name and name.startswith("tensorflow.") else None

    def _explain(self, node: cst.BaseExpression) -> Verdict:
        if isinstance(node, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
            return Proven(PYTHON)
        if isinstance(node, cst.Name):
            return self._name(node)
        if isinstance(node, cst.Attribute):
            return self._attribute(node)
        if isinstance(node, cst.Call):
            return self._call(node)
        if isinstance(node, (cst.List, cst.Tuple)):
            return self._combined(node, [e.value for e in node.elements], PYTHON)
        if isinstance(node, cst.UnaryOperation):
            return self._combined(node, [node.expression], PYTHON)
        if isinstance(node, cst.BinaryOperation):
            return self._combined(node, [node.left, node.right], PYTHON)
        if isinstance(node, cst.Comparison):
            return self._combined(node, [node.left, *(c.comparator for c in node.comparisons)], PYTHON)
        if isinstance(node, cst.Subscript):
            return self._subscript(node)
        return Unproven(node, f"`{source(node)}` is not an expression this codemod can follow")

    def _combined(self, node: cst.CSTNode, parts, kind_when_no_tensor: str) -> Verdict:
        """A value made of ``parts``: a tensor when one of them is, as long as each part is proven."""
        verdicts = [self.explain(part) for part in parts]
        for verdict in verdicts:
            if isinstance(verdict, Unproven):
                return verdict
            if verdict.kind == INITIALIZER:
                return Unproven(node, f"`{source(node)}` mixes an initializer op with values")
        kind = TENSOR if any(v.kind == TENSOR for v in verdicts) else kind_when_no_tensor
        return Proven(kind, frozenset().union(*(v.variables for v in verdicts)))

    def _subscript(self, node: cst.Subscript) -> Verdict:
        parts = [node.value]
        for element in node.slice:
            if isinstance(element.slice, cst.Index):
                parts.append(element.slice.value)
            else:
                parts.extend(p for p in (element.slice.lower, element.slice.upper, element.slice.step) if p is not None)
        return self._combined(node, parts, PYTHON)

    def _name(self, name: cst.Name) -> Verdict:
        if self._is_builtin(name) and name.value in ("True", "False", "None"):
            return Proven(PYTHON)
        assignment = single_assignment(self.codemod, name)
        if assignment is None:
            return Unproven(name, f"`{name.value}` is not assigned exactly once in this file")
        value = assigned_value(self.codemod, assignment)
        if value is None:
            return Unproven(
                name,
                f"`{name.value}` is not built by a plain `{name.value} = ...` here (a parameter, loop variable, "
                "import or unpacked value)",
            )
        verdict = self.explain(value)
        if isinstance(verdict, Unproven):
            return verdict
        if self._is_variable(value):
            return Proven(TENSOR, verdict.variables | {assignment}, verdict.initializer_names)
        if verdict.kind == INITIALIZER:
            return Proven(INITIALIZER, initializer_names=verdict.initializer_names | {assignment})
        return verdict

    def _is_variable(self, value: cst.BaseExpression) -> bool:
        return isinstance(value, cst.Call) and self.tf_name(value.func) == "Variable"

    def _is_builtin(self, name: cst.Name) -> bool:
        scope = self.codemod.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return False
        assignments = list(scope[name.value])
        return bool(assignments) and all(isinstance(a, BuiltinAssignment) for a in assignments)

    def _attribute(self, node: cst.Attribute) -> Verdict:
        if self.tf_name(node) in _DTYPES:
            return Proven(PYTHON)
        qualified = self.bindings.qualified(node) or ""
        if qualified.split(".")[0] in _PYTHON_MODULES:
            return Proven(PYTHON)
        if node.attr.value == "initializer":
            owner = self.explain(node.value)
            if isinstance(owner, Proven) and owner.variables and owner.kind == TENSOR:
                return Proven(INITIALIZER)
        return Unproven(node, f"`{source(node)}` is not a value built in this file")

    def _call(self, call: cst.Call) -> Verdict:
        op = self.tf_name(call.func)
        if op is not None:
            return self._tf_call(call, op)
        qualified = self.bindings.qualified(call.func) or ""
        plain_builtin = isinstance(call.func, cst.Name) and call.func.value in _PLAIN_BUILTINS and self._is_builtin(call.func)
        if qualified.split(".")[0] in _PYTHON_MODULES or plain_builtin:
            verdict = self._combined(call, [a.value for a in call.args], PYTHON)
            if isinstance(verdict, Proven) and verdict.kind == TENSOR:
                return Unproven(call, f"`{source(call)}` hands a tensor to a Python function")
            return verdict
        return Unproven(call, f"`{source(call)}` calls `{dotted(call.func)}`, which this codemod cannot see into")

    def _tf_call(self, call: cst.Call, op: str) -> Verdict:
        if op in _INITIALIZERS:
            return Proven(INITIALIZER)
        if op == "Variable" or _is_pure(op):
            verdict = self._combined(call, [a.value for a in call.args], TENSOR)
            return Proven(TENSOR, verdict.variables) if isinstance(verdict, Proven) else verdict
        if op.startswith("random") or op in ("multinomial", "truncated_normal"):
            why = "draws new random numbers on every run, where eager draws them once"
        elif op.startswith(("assign", "scatter_")):
            why = "changes a variable each time it runs: what a run gives depends on the runs before it"
        elif "placeholder" in op:
            why = "is a placeholder, fed on each run"
        else:
            why = "is not known to be a pure op (stateful, random or graph-only)"
        return Unproven(call, f"`{source(call)}`: `tf.{op}` {why}")


def _is_pure(op: str) -> bool:
    """A pure op by its TF 1.x name, or by the TF2 name it was renamed to (`squared_difference` is
    `math.squared_difference`)."""
    return any(
        name in _PURE_OPS or name.startswith(_PURE_PREFIXES) for name in (op, tf1_symbols().renames.get(op, op))
    )
