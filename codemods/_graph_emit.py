"""The code graph-programs-to-eager-functions writes for an analysed :class:`Program`: a `tf.function` per tensor
that reads placeholders or state (the placeholders become its arguments, with their TensorSpecs), layer objects
created once, Keras optimizers, a training function per training op (GradientTape + apply_gradients, returning
what its runs fetch along with it, computed before the update as in TF1), and the eager values of the fetches.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set

import libcst as cst

from codemods._graph_program import (
    INIT,
    LAYER,
    OPTIMIZER,
    PLACEHOLDER_KIND,
    TENSOR,
    TRAIN,
    VARIABLE,
    Blocked,
    Fetch,
    GraphName,
    Program,
)
from codemods._session_tensors import source

_V2_CROSS_ENTROPY = "softmax_cross_entropy_with_logits_v2"
_SIMPLE_FEEDS = (cst.Name, cst.Attribute, cst.Subscript, cst.Integer, cst.Float, cst.SimpleString)


class Emitter:
    def __init__(self, program: Program, tf: str, config: cst.PartialParserConfig, taken: Set[str]) -> None:
        self.program = program
        self.tf = tf
        self.config = config
        self.taken = set(taken)
        self.generated_functions: Set[str] = set()

    # --- statements that replace graph statements -------------------------------------------------------------

    def statement_plan(self) -> Dict[cst.BaseStatement, List[cst.BaseStatement]]:
        plan: Dict[cst.BaseStatement, List[cst.BaseStatement]] = {}
        for node in self.program.names.values():
            replacement = self._replacement(node)
            if replacement is not None:
                plan[node.statement] = replacement
        for statement in [*self.program.session_statements, *self.program.removed]:
            plan[statement] = []
        return plan

    def _replacement(self, node: GraphName) -> Optional[List[cst.BaseStatement]]:
        if node.kind in (PLACEHOLDER_KIND, INIT):
            return []
        if node.kind == VARIABLE or (node.kind == TENSOR and not self.program.is_function(node.name)):
            return None
        if node.kind == OPTIMIZER:
            return [self._parse(f"{node.name} = {node.keras_optimizer}\n")]
        if node.kind == TRAIN:
            return self._training(node)
        statements = []
        if node.kind == LAYER:
            statements.append(self._parse(f"{self._layer_object(node)} = {node.layer_constructor}\n"))
        statements.append(self._function(node.name, self.program.placeholders_of(node.name), self._body(node)))
        return statements

    def _layer_object(self, node: GraphName) -> str:
        return f"{node.name}_layer"

    def _body(self, node: GraphName) -> str:
        if node.kind == LAYER:
            return f"return {self._layer_object(node)}({self._expression(node, node.layer_input)})"
        return f"return {self._expression(node, node.value)}"

    def _expression(self, node: GraphName, value: cst.BaseExpression) -> str:
        calls = {ref for ref in node.dep_nodes if self.program.is_function(ref.value)}
        rewritten = value.visit(_CallFunctions(calls, self.program))
        return cst.Module([]).code_for_node(rewritten)

    def _function(self, name: str, parameters: Sequence[str], body: str) -> cst.BaseStatement:
        self.generated_functions.add(name)
        lines = [self._decorator(parameters), f"def {name}({self._parameters(parameters)}):"]
        lines += ["    " + line for line in body.splitlines()]
        function = self._parse("\n".join(lines) + "\n")
        return function.with_changes(leading_lines=[cst.EmptyLine(indent=False)])

    def _decorator(self, parameters: Sequence[str]) -> str:
        placeholders = [self.program.names[p] for p in parameters]
        if not placeholders or any(p.default is not None for p in placeholders):
            return f"@{self.tf}.function"
        specs = ", ".join(
            f"{self.tf}.TensorSpec({_code(p.shape) if p.shape is not None else 'None'}, {_code(p.dtype)})"
            for p in placeholders
        )
        return f"@{self.tf}.function(input_signature=[{specs}])"

    def _parameters(self, parameters: Sequence[str]) -> str:
        parts = []
        for parameter in parameters:
            default = self.program.names[parameter].default
            parts.append(f"{parameter}={_code(default)}" if default is not None else parameter)
        return ", ".join(parts)

    # --- training ---------------------------------------------------------------------------------------------

    def _training(self, node: GraphName) -> List[cst.BaseStatement]:
        statements: List[cst.BaseStatement] = []
        optimizer = node.optimizer
        if not optimizer:
            optimizer = self._free_name("optimizer", f"{node.name}_optimizer")
            statements.append(self._parse(f"{optimizer} = {node.keras_optimizer}\n"))
        companions = self._companions(node.name)
        parameters = self._training_parameters(node, companions)
        body = self._training_body(node, optimizer, companions, parameters)
        statements.append(self._function(node.name, parameters, body))
        if (self.program.names[node.optimizer] if node.optimizer else node).velocities_start_at_one:
            statements += self._velocities_at_one(node, optimizer)
        return statements

    def _velocities_at_one(self, node: GraphName, optimizer: str) -> List[cst.BaseStatement]:
        """TF 1's RMSProp starts its mean squares at one, Keras's RMSprop (its "velocity" slots) at zero: build
        the optimizer's slots for the variables now and start them where TF 1 did."""
        if node.optimizer and sum(n.optimizer == node.optimizer for n in self.program.names.values()) > 1:
            raise Blocked(node.value, f"the RMSProp optimizer `{node.optimizer}` minimizes more than one loss")
        if any(self.program.names[n].kind == LAYER for n in self._variable_names(node)):
            raise Blocked(node.value, "RMSProp over a layer's variables: they do not exist before its first call, "
                          "so its mean squares cannot be started at one")
        slot = self._free_name("slot", "optimizer_slot")
        code = (
            f"{optimizer}.build({self._variables(node)})\n"
            f"for {slot} in {optimizer}.variables:  # TF 1's RMSProp starts its mean squares at one, Keras's at zero\n"
            f"    if {slot}.name.endswith(\"_velocity\"):\n"
            f"        {slot}.assign({self.tf}.ones({slot}.shape, {slot}.dtype))\n"
        )
        return list(cst.parse_module(code, self.config).body)

    def _companions(self, train: str) -> List[str]:
        for fetch in self.program.fetches:
            if fetch.train == train:
                return fetch.companions
        return []

    def _training_parameters(self, node: GraphName, companions: List[str]) -> List[str]:
        found: List[str] = []
        for name in [node.loss, *companions]:
            found += [p for p in self.program.placeholders_of(name) if p not in found]
        return sorted(found, key=lambda n: self.program.names[n].order)

    def _training_body(self, node: GraphName, optimizer: str, companions: List[str], parameters: List[str]) -> str:
        loss_value = self._local(f"{node.loss}_value", parameters)
        tape, gradients = self._local("tape", parameters), self._local("gradients", parameters)
        variables = self._variables(node)
        lines = [f"with {self.tf}.GradientTape() as {tape}:", f"    {loss_value} = {self._value_of(node.loss)}"]
        returned = []
        for companion in companions:
            if companion == node.loss:
                returned.append(loss_value)
                continue
            value = self._local(f"{companion}_value", parameters)
            lines.append(f"{value} = {self._value_of(companion)}")
            returned.append(value)
        lines.append(f"{gradients} = {tape}.gradient({loss_value}, {variables})")
        lines.append(f"{optimizer}.apply_gradients(zip({gradients}, {variables}))")
        if returned:
            lines.append(f"return {', '.join(returned)}")
        return "\n".join(lines)

    def _variable_names(self, node: GraphName) -> List[str]:
        """The graph names (variables, layer outputs) whose variables the training op updates."""
        names = node.var_list if node.var_list is not None else self.program.trainable_of(node.loss)
        if not names:
            raise Blocked(node.value, f"`{node.loss}` reads no trainable variable")
        return names

    def _variables(self, node: GraphName) -> str:
        names = self._variable_names(node)
        parts = [
            f"*{self._layer_object(self.program.names[n])}.trainable_variables"
            if self.program.names[n].kind == LAYER
            else n
            for n in names
        ]
        return f"[{', '.join(parts)}]"

    def _value_of(self, name: str) -> str:
        if not self.program.is_function(name):
            return name
        return f"{name}({', '.join(self.program.placeholders_of(name))})"

    def _local(self, name: str, parameters: List[str]) -> str:
        if name in parameters:
            raise Blocked(self.program.names[parameters[0]].value, f"the placeholder `{name}` clashes with a local name")
        return name

    def _free_name(self, *candidates: str) -> str:
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        raise Blocked(self.program.owner, "no free name for the Keras optimizer")

    # --- runs ---------------------------------------------------------------------------------------------------

    def call_replacements(self) -> Dict[cst.Call, cst.BaseExpression]:
        return {
            fetch.call: self._eager(fetch, fetch.fetch, _Uses())
            for fetch in self.program.fetches
            if fetch.train is None
        }

    def line_replacements(self) -> Dict[cst.SimpleStatementLine, cst.BaseSmallStatement]:
        replacements = {}
        for fetch in self.program.fetches:
            if fetch.train is None:
                continue
            call = f"{fetch.train}({self._arguments(fetch, self.parameters_of_training(fetch.train), _Uses())})"
            if fetch.targets is None:
                code = call
            elif len(fetch.targets) == 1:
                code = f"{_code(fetch.targets[0])} = {call}.numpy()"
            else:
                targets = ", ".join(_code(t) for t in fetch.targets)
                code = f"{targets} = [value.numpy() for value in {call}]"
            replacements[fetch.statement] = cst.parse_statement(code + "\n", self.config).body[0]
        return replacements

    def parameters_of_training(self, train: str) -> List[str]:
        node = self.program.names[train]
        return self._training_parameters(node, self._companions(train))

    def _eager(self, fetch: Fetch, value: cst.BaseExpression, uses: "_Uses") -> cst.BaseExpression:
        if isinstance(value, (cst.List, cst.Tuple, cst.Dict)):
            elements = [e.with_changes(value=self._eager(fetch, e.value, uses)) for e in value.elements]
            return value.with_changes(elements=elements)
        name = value.value
        if self.program.is_function(name):
            code = f"{name}({self._arguments(fetch, self.program.placeholders_of(name), uses)}).numpy()"
        else:
            code = f"{name}.numpy()"
        return cst.parse_expression(code, self.config)

    def _arguments(self, fetch: Fetch, parameters: Sequence[str], uses: "_Uses") -> str:
        parts = []
        by_keyword = False
        for parameter in parameters:
            fed = fetch.feed.get(parameter)
            if fed is None:
                if self.program.names[parameter].default is None:
                    raise Blocked(fetch.call, f"`{source(fetch.call)}` does not feed `{parameter}`, which it needs")
                by_keyword = True
                continue
            uses.add(fetch, fed)
            parts.append(f"{parameter}={_code(fed)}" if by_keyword else _code(fed))
        return ", ".join(parts)

    # --- helpers ------------------------------------------------------------------------------------------------

    def _parse(self, code: str) -> cst.BaseStatement:
        return cst.parse_statement(code, self.config)


class _Uses:
    """A feed value written more than once in the converted run must be one that evaluates to the same thing."""

    def __init__(self) -> None:
        self.seen: Set[cst.BaseExpression] = set()

    def add(self, fetch: Fetch, value: cst.BaseExpression) -> None:
        if value in self.seen and not _simple(value):
            raise Blocked(value, f"`{source(value)}` is fed once but would be computed for each fetched value")
        self.seen.add(value)


def _simple(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Subscript):
        return _simple(value.value)
    return isinstance(value, _SIMPLE_FEEDS)


class _CallFunctions(cst.CSTTransformer):
    """Graph names that became functions are called with their placeholders; TF1's `_v2` cross-entropy takes its
    TF2 name (the same function)."""

    def __init__(self, names: Set[cst.Name], program: Program) -> None:
        super().__init__()
        self.names = names
        self.program = program

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node not in self.names:
            return updated_node
        arguments = [cst.Arg(cst.Name(p)) for p in self.program.placeholders_of(original_node.value)]
        return cst.Call(func=updated_node, args=_with_commas(arguments))

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.Attribute:
        if updated_node.attr.value == _V2_CROSS_ENTROPY and _code(updated_node.value).endswith("nn"):
            return updated_node.with_changes(attr=cst.Name(_V2_CROSS_ENTROPY[: -len("_v2")]))
        return updated_node


def _with_commas(arguments: List[cst.Arg]) -> List[cst.Arg]:
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return [a.with_changes(comma=comma) for a in arguments[:-1]] + arguments[-1:]


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)
