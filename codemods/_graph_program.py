"""The dependency analysis of graph-programs-to-eager-functions: what each name of a TF 1.x graph program is
(placeholder, variable, tensor, layer output, optimizer, training op, initializer, session), what each tensor
depends on, and what every `sess.run` call fetches and feeds. Anything it cannot see through raises
:class:`Blocked` with the construct and why; the file is then left to the compat fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Union

import libcst as cst
import libcst.matchers as m
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._assignments import single_assignment
from codemods._graph_tables import (
    DENSE,
    DENSE_KEYWORDS,
    IGNORED_PARAMETERS,
    INITIALIZER_NAMES,
    PLACEHOLDER,
    PLACEHOLDER_WITH_DEFAULT,
    RANDOM_INITIAL_VALUES,
    SESSION_NAMES,
    UNPROVEN_KEYWORD_VALUES,
    VARIABLE_KEYWORDS,
    is_pure_op,
    optimizer_mapping,
)
from codemods._session_tensors import source
from codemods._walk import find_all

PLACEHOLDER_KIND, VARIABLE, TENSOR, LAYER, OPTIMIZER, TRAIN, INIT, SESSION = (
    "placeholder variable tensor layer optimizer train init session".split()
)
_PYTHON_MODULES = ("numpy", "math")
_BUILTIN_CALLS = frozenset("float int len range list tuple abs round min max sum".split())
_DTYPES = frozenset("float16 float32 float64 int8 int16 int32 int64 uint8 bool".split())


class Blocked(Exception):
    def __init__(self, node: cst.CSTNode, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why


@dataclass(eq=False)
class GraphName:
    """One name of the graph, bound once by ``statement``."""

    name: str
    kind: str
    statement: cst.SimpleStatementLine
    value: cst.BaseExpression
    order: int
    deps: List[str] = field(default_factory=list)  # graph names its value reads, in order
    dep_nodes: List[cst.Name] = field(default_factory=list)  # those references
    # placeholders
    dtype: Optional[cst.BaseExpression] = None
    shape: Optional[cst.BaseExpression] = None
    default: Optional[cst.BaseExpression] = None
    # variables
    trainable: bool = True
    # layer outputs: the layer object's constructor (code) and what it is called on
    layer_constructor: str = ""
    layer_input: Optional[cst.BaseExpression] = None
    # optimizers (and training ops with the optimizer built inline): the Keras constructor (code)
    keras_optimizer: str = ""
    unproven: str = ""  # why the mapping is not proven by a golden case ("" when it is)
    velocities_start_at_one: bool = False  # RMSProp: the Keras optimizer's mean squares must start at ones
    # training ops
    loss: str = ""
    optimizer: str = ""  # the optimizer's graph name; "" when built inline
    var_list: Optional[List[str]] = None


@dataclass(eq=False)
class Fetch:
    """A `sess.run(...)` call."""

    call: cst.Call
    fetch: cst.BaseExpression
    feed: Dict[str, cst.BaseExpression]
    train: Optional[str] = None  # the training op it runs
    companions: List[str] = field(default_factory=list)  # what it fetches along with the training op
    statement: Optional[cst.SimpleStatementLine] = None  # for initializer runs and training runs
    targets: Optional[List[cst.BaseExpression]] = None  # assignment targets of the companions


@dataclass(eq=False)
class Program:
    owner: Union[cst.Module, cst.FunctionDef]
    names: Dict[str, GraphName] = field(default_factory=dict)
    session: Optional[str] = None
    session_statements: List[cst.BaseStatement] = field(default_factory=list)
    with_statement: Optional[cst.With] = None
    session_call: Optional[cst.Call] = None
    fetches: List[Fetch] = field(default_factory=list)
    removed: List[cst.SimpleStatementLine] = field(default_factory=list)  # `sess.close()`, initializer runs
    allowed_references: Set[cst.Name] = field(default_factory=set)
    unproven: List[str] = field(default_factory=list)

    def placeholders_of(self, name: str) -> List[str]:
        found = self._closure(name, PLACEHOLDER_KIND)
        return sorted(found, key=lambda n: self.names[n].order)

    def trainable_of(self, name: str) -> List[str]:
        found = [n for n in self._closure(name, VARIABLE) if self.names[n].trainable]
        found += self._closure(name, LAYER)
        return sorted(found, key=lambda n: self.names[n].order)

    def is_function(self, name: str) -> bool:
        """Whether the name becomes a function: a tensor or layer output that reads placeholders or state."""
        node = self.names[name]
        if node.kind == LAYER:
            return True
        if node.kind != TENSOR:
            return False
        return bool(self._closure(name, PLACEHOLDER_KIND) or self._closure(name, VARIABLE) or self._closure(name, LAYER))

    def reads_state_outside(self, name: str, computed: Set[str]) -> bool:
        """Whether ``name`` reads a variable other than through the tensors in ``computed``."""
        if name in computed:
            return False
        node = self.names[name]
        if node.kind in (VARIABLE, LAYER):
            return True
        return any(self.reads_state_outside(dep, computed) for dep in node.deps)

    def dependencies(self, name: str) -> Set[str]:
        seen: Set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(self.names[current].deps)
        return seen

    def _closure(self, name: str, kind: str) -> Set[str]:
        return {n for n in self.dependencies(name) if self.names[n].kind == kind}


class GraphAnalysis:
    """Builds the :class:`Program` of a module, or raises :class:`Blocked`. ``codemod`` provides metadata,
    positions and the import bindings."""

    def __init__(self, codemod, bindings) -> None:
        self.codemod = codemod
        self.bindings = bindings

    # --- entry ---------------------------------------------------------------------------------------------------

    def graph_calls(self, module: cst.Module) -> List[cst.Call]:
        """The calls that make the file a graph program: placeholders and `tf.train` optimizers."""
        found = []
        for call in find_all(module, cst.Call):
            op = self.tf_name(call.func) or ""
            if op in (PLACEHOLDER, PLACEHOLDER_WITH_DEFAULT) or (op.startswith("train.") and op.endswith("Optimizer")):
                found.append(call)
        return found

    def analyse(self, module: cst.Module, graph_calls: List[cst.Call]) -> Program:
        program = Program(self._owner(graph_calls))
        self.program = program
        for order, statement in enumerate(self._top_statements(program)):
            self._classify_statement(statement, order)
        for node in list(program.names.values()):
            self._check_value(node)
        self._find_fetches(module)
        self._check_references()
        self._check_training_runs()
        return program

    # --- where the graph is ----------------------------------------------------------------------------------------

    def _owner(self, calls: List[cst.Call]) -> Union[cst.Module, cst.FunctionDef]:
        owners = {id(self._scope_owner(call)): self._scope_owner(call) for call in calls}
        if len(owners) != 1:
            raise Blocked(calls[0], "the graph is built in more than one function: tensors cross function boundaries")
        return next(iter(owners.values()))

    def _scope_owner(self, node: cst.CSTNode) -> Union[cst.Module, cst.FunctionDef]:
        current = self.parent(node)
        while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module, cst.Lambda, cst.ClassDef)):
            current = self.parent(current)
        if not isinstance(current, (cst.FunctionDef, cst.Module)):
            raise Blocked(node, "it is built inside a class or lambda")
        return current

    def _top_statements(self, program: Program) -> List[cst.BaseStatement]:
        """The owner's statements, with those of a `with tf.Session() as sess:` block among them."""
        body = program.owner.body if isinstance(program.owner, cst.Module) else program.owner.body.body
        statements: List[cst.BaseStatement] = []
        for statement in body:
            statements.append(statement)
            if isinstance(statement, cst.With) and self._session_with(statement):
                statements.extend(statement.body.body)
        return statements

    def _session_with(self, statement: cst.With) -> bool:
        if len(statement.items) != 1 or not isinstance(statement.items[0].item, cst.Call):
            return False
        call = statement.items[0].item
        if self.tf_name(call.func) not in SESSION_NAMES:
            return False
        item = statement.items[0]
        if item.asname is None or not isinstance(item.asname.name, cst.Name) or call.args:
            raise Blocked(call, "the session is created with arguments or not bound to a name")
        self._add_session(item.asname.name.value, call)
        self.program.with_statement = statement
        return True

    def _add_session(self, name: str, call: cst.Call) -> None:
        if self.program.session is not None:
            raise Blocked(call, "a second session starts from freshly initialized variables, which eager TF2 has not")
        self.program.session = name
        self.program.session_call = call

    # --- what each name is ---------------------------------------------------------------------------------------

    def _classify_statement(self, statement: cst.BaseStatement, order: int) -> None:
        if not m.matches(statement, m.SimpleStatementLine(body=[m.Assign(targets=[m.AssignTarget(m.Name())])])):
            return
        assign = statement.body[0]
        name = assign.targets[0].target.value
        kind = self._kind(assign.value)
        if kind is None:
            return
        if single_assignment(self.codemod, assign.targets[0].target) is None:
            raise Blocked(assign.targets[0].target, f"`{name}` is assigned more than once")
        if kind == SESSION:
            self._add_session(name, assign.value)
            self.program.session_statements.append(statement)
            return
        self.program.names[name] = GraphName(name, kind, statement, assign.value, order)

    def _kind(self, value: cst.BaseExpression) -> Optional[str]:
        if self._runs_session(value):
            return None  # a value fetched by the session, not a graph value
        if isinstance(value, cst.Call):
            op = self.tf_name(value.func) or ""
            if op in (PLACEHOLDER, PLACEHOLDER_WITH_DEFAULT):
                return PLACEHOLDER_KIND
            if op == "Variable":
                return VARIABLE
            if op.startswith("train.") and op.endswith("Optimizer"):
                return OPTIMIZER
            if op in SESSION_NAMES:
                return SESSION
            if op == "InteractiveSession":
                raise Blocked(value, "an InteractiveSession evaluates tensors wherever `.eval()` is called")
            if op in INITIALIZER_NAMES:
                return INIT
            if op == DENSE or self._keras_layer_call(value):
                return LAYER
            if m.matches(value.func, m.Attribute(attr=m.Name("minimize"))):
                return TRAIN
        return TENSOR if self._touches_graph(value) else None

    def _runs_session(self, value: cst.BaseExpression) -> bool:
        session = self.program.session
        return session is not None and bool(
            find_all(value, cst.Call, m.Call(func=m.Attribute(value=m.Name(session), attr=m.Name("run"))))
        )

    def _keras_layer_call(self, value: cst.Call) -> bool:
        if not isinstance(value.func, cst.Call):
            return False
        return (self.tf_name(value.func.func) or "").startswith("keras.layers.")

    def _touches_graph(self, value: cst.BaseExpression) -> bool:
        for name in find_all(value, cst.Name):
            if name.value in self.program.names:
                return True
        return any(self.tf_name(call.func) for call in find_all(value, cst.Call))

    # --- what each value reads -------------------------------------------------------------------------------------

    def _check_value(self, node: GraphName) -> None:
        check = {
            PLACEHOLDER_KIND: self._check_placeholder,
            VARIABLE: self._check_variable,
            TENSOR: lambda n: self._walk(n, n.value),
            LAYER: self._check_layer,
            OPTIMIZER: self._check_optimizer,
            TRAIN: self._check_train,
            INIT: self._check_initializer,
        }[node.kind]
        check(node)

    def _check_placeholder(self, node: GraphName) -> None:
        call = node.value
        op = self.tf_name(call.func)
        parameters = ("dtype", "shape", "name") if op == PLACEHOLDER else ("input", "shape", "name")
        values = self._bind(call, parameters)
        if op == PLACEHOLDER:
            node.dtype = values.get("dtype")
        else:
            node.default = values.get("input")
            self._python_only(node, node.default)
            self.program.unproven.append(f"`tf.placeholder_with_default` `{node.name}` becomes a default argument")
        node.shape = values.get("shape")
        if node.shape is not None:
            self._python_only(node, node.shape)
        if node.dtype is None and op == PLACEHOLDER:
            raise Blocked(call, "the placeholder's dtype is not given")

    def _check_variable(self, node: GraphName) -> None:
        call = node.value
        positional = [a for a in call.args if a.keyword is None]
        keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
        if len(positional) > 1 or any(a.star for a in call.args) or set(keywords) - VARIABLE_KEYWORDS - {"initial_value"}:
            raise Blocked(call, "`tf.Variable` gets arguments other than its initial value, name, dtype, trainable")
        trainable = keywords.get("trainable")
        if trainable is not None:
            if not isinstance(trainable, cst.Name) or trainable.value not in ("True", "False"):
                raise Blocked(call, "`trainable=` is not a literal")
            node.trainable = trainable.value == "True"
        for arg in call.args:
            self._python_only(node, arg.value, allow_random=True)

    def _check_layer(self, node: GraphName) -> None:
        call = node.value
        if isinstance(call.func, cst.Call):  # tf.keras.layers.Dense(...)(inputs)
            for arg in call.func.args:
                self._python_only(node, arg.value)
            if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
                raise Blocked(call, "the layer is called with more than its inputs")
            node.layer_constructor = source(call.func, limit=10_000)
            node.layer_input = call.args[0].value
        else:
            node.layer_constructor, node.layer_input = self._dense_layer(node, call)
        self._walk(node, node.layer_input)

    def _dense_layer(self, node: GraphName, call: cst.Call):
        positional = [a for a in call.args if a.keyword is None]
        keywords = [a for a in call.args if a.keyword is not None]
        names = {a.keyword.value for a in keywords}
        if len(positional) != 2 or any(a.star for a in call.args) or names - DENSE_KEYWORDS - {"units"}:
            raise Blocked(call, "`tf.layers.dense` gets arguments other than inputs, units, activation, use_bias, "
                          "kernel_initializer, bias_initializer, name")
        for arg in call.args[1:]:
            self._python_only(node, arg.value)
        tf = self.bindings.alias_for("tensorflow") or "tf"
        arguments = ", ".join(source(a.with_changes(comma=cst.MaybeSentinel.DEFAULT), limit=10_000) for a in call.args[1:])
        return f"{tf}.keras.layers.Dense({arguments})", positional[0].value

    def _check_optimizer(self, node: GraphName) -> None:
        self._set_keras_optimizer(node, node.value)

    def _set_keras_optimizer(self, node: GraphName, call: cst.Call) -> None:
        node.keras_optimizer, node.unproven = self._keras_optimizer(call)
        node.velocities_start_at_one = optimizer_mapping(self.tf_name(call.func)).velocities_start_at_one
        if node.unproven:
            self.program.unproven.append(node.unproven)

    def _keras_optimizer(self, call: cst.Call):
        op = self.tf_name(call.func)
        mapping = optimizer_mapping(op)
        if mapping is None:
            raise Blocked(call, f"`tf.{op}` has no Keras optimizer with the same update rule")
        values = self._bind(call, mapping.parameters)
        keywords = dict(mapping.explicit_defaults)
        unproven = "" if mapping.proven else f"`tf.{op}` matched Keras's {mapping.keras_class} on one test problem only"
        for parameter, value in values.items():
            if not isinstance(value, (cst.Integer, cst.Float, cst.Name, cst.Attribute, cst.UnaryOperation)):
                raise Blocked(value, f"`{parameter}=` is not a constant (a tensor or a schedule)")
            if isinstance(value, cst.Name) and value.value in self.program.names:
                raise Blocked(value, f"`{parameter}=` is a graph tensor (a schedule)")
            if parameter in IGNORED_PARAMETERS:
                continue
            if UNPROVEN_KEYWORD_VALUES.get(parameter) == source(value):
                unproven = unproven or f"`{parameter}={source(value)}` is proven by no golden case"
            keywords[mapping.keywords[parameter]] = source(value, limit=10_000)
        if "learning_rate" not in keywords:
            raise Blocked(call, "the optimizer's learning rate is not given")
        tf = self.bindings.alias_for("tensorflow") or "tf"
        order = [mapping.keywords[p] for p in mapping.parameters if p in mapping.keywords]
        arguments = ", ".join(f"{k}={keywords[k]}" for k in sorted(keywords, key=order.index))
        return f"{tf}.keras.optimizers.{mapping.keras_class}({arguments})", unproven

    def _check_train(self, node: GraphName) -> None:
        call = node.value
        owner = call.func.value
        if isinstance(owner, cst.Name) and owner.value in self.program.names:
            if self.program.names[owner.value].kind != OPTIMIZER:
                raise Blocked(call, f"`{owner.value}` is not a tf.train optimizer")
            node.optimizer = owner.value
            self._reference(node, owner)
        elif isinstance(owner, cst.Call) and self._kind(owner) == OPTIMIZER:
            self._set_keras_optimizer(node, owner)
        else:
            raise Blocked(call, "`minimize` is called on something that is not a tf.train optimizer")
        values = self._bind(call, ("loss", "global_step", "var_list"))
        if set(values) - {"loss", "var_list"}:
            raise Blocked(call, "`minimize` gets arguments other than the loss and var_list (a global step?)")
        loss = values.get("loss")
        if not isinstance(loss, cst.Name) or self._graph_kind(loss) not in (TENSOR, LAYER):
            raise Blocked(call, "the loss is not a tensor built here")
        node.loss = loss.value
        self._reference(node, loss)
        if "var_list" in values:
            node.var_list = self._var_list(node, values["var_list"])

    def _var_list(self, node: GraphName, value: cst.BaseExpression) -> List[str]:
        if not isinstance(value, (cst.List, cst.Tuple)):
            raise Blocked(value, "`var_list=` is not a list of variables")
        names = []
        for element in value.elements:
            if not isinstance(element.value, cst.Name) or self._graph_kind(element.value) != VARIABLE:
                raise Blocked(element, "`var_list=` holds something other than a tf.Variable")
            self._reference(node, element.value)
            names.append(element.value.value)
        return names

    def _check_initializer(self, node: GraphName) -> None:
        if node.value.args:
            raise Blocked(node.value, "the initializer gets arguments")

    def _walk(self, node: GraphName, value: cst.BaseExpression) -> None:
        """Checks that a tensor's expression is made of pure ops, graph names and Python values, and records
        the graph names it reads."""
        if isinstance(value, cst.Name):
            self._walk_name(node, value)
        elif isinstance(value, cst.Call):
            self._walk_call(node, value)
        elif isinstance(value, cst.Attribute):
            if self._python_attribute(value):
                return
            raise Blocked(value, f"`{source(value)}` reads an attribute of a graph value")
        elif isinstance(value, (cst.Integer, cst.Float, cst.SimpleString)):
            return
        elif isinstance(value, (cst.BinaryOperation, cst.UnaryOperation, cst.List, cst.Tuple, cst.Subscript, cst.Comparison)):
            for child in _expression_children(value):
                self._walk(node, child)
        elif isinstance(value, cst.Dict):
            raise Blocked(value, "a feed_dict held in a variable is not followed")
        else:
            raise Blocked(value, f"`{source(value)}` is not an expression this codemod can follow")

    def _walk_name(self, node: GraphName, name: cst.Name) -> None:
        kind = self._graph_kind(name)
        if kind in (PLACEHOLDER_KIND, VARIABLE, TENSOR, LAYER):
            self._reference(node, name)
        elif kind is not None:
            raise Blocked(name, f"`{name.value}` (a {kind}) is used as a value")
        else:
            self._python_name(name)

    def _walk_call(self, node: GraphName, call: cst.Call) -> None:
        op = self.tf_name(call.func)
        if op is None:
            self._python_only(node, call)
            return
        if not is_pure_op(op):
            raise Blocked(call, f"`tf.{op}` is not a pure op (graph-only, stateful, random or unknown to this codemod)")
        for arg in call.args:
            if arg.star:
                raise Blocked(call, "it unpacks arguments")
            self._walk(node, arg.value)

    def _python_only(self, node: GraphName, value: cst.BaseExpression, allow_random: bool = False) -> None:
        """``value`` is computed once, when the graph is built: no graph name in it, only known calls."""
        for name in find_all(value, cst.Name):
            if name.value in self.program.names and self._is_reference(name):
                raise Blocked(name, f"`{source(value)}` reads the graph value `{name.value}` where a constant is needed")
        for call in find_all(value, cst.Call):
            op = self.tf_name(call.func)
            if op is not None and not (is_pure_op(op) or op.endswith("_initializer") or op.startswith("nn.")
                                       or (allow_random and op in RANDOM_INITIAL_VALUES)):
                raise Blocked(call, f"`tf.{op}` is not known to be a constant")
            if op is None and not self._python_call(call):
                raise Blocked(call, f"`{source(call)}` calls `{source(call.func)}`, which this codemod cannot see into")

    def _python_call(self, call: cst.Call) -> bool:
        qualified = self.bindings.qualified(call.func) or ""
        if qualified.split(".")[0] in _PYTHON_MODULES:
            return True
        if isinstance(call.func, cst.Name) and call.func.value in _BUILTIN_CALLS:
            return True
        # a method of a Python value (`xs.astype(...)`, `rng.randn(2).astype(...)`)
        if not isinstance(call.func, cst.Attribute):
            return False
        receiver = call.func.value
        if isinstance(receiver, cst.Call):
            return self.tf_name(receiver.func) is None and self._python_call(receiver)
        return self._python_attribute(receiver)

    def _python_attribute(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, cst.Name):
            return value.value not in self.program.names
        if isinstance(value, cst.Attribute):
            if (self.tf_name(value) or "") in _DTYPES or (self.tf_name(value) or "").startswith("nn."):
                return True
            qualified = self.bindings.qualified(value) or ""
            return qualified.split(".")[0] in _PYTHON_MODULES or self._python_attribute(value.value)
        return False

    def _python_name(self, name: cst.Name) -> None:
        if name.value in ("True", "False", "None"):
            return
        scope = self.codemod.get_metadata(ScopeProvider, name, None)
        assignments = list(scope[name.value]) if scope is not None else []
        if len(assignments) > 1:
            raise Blocked(name, f"`{name.value}` is assigned more than once: the graph captured one of its values")

    def _reference(self, node: GraphName, name: cst.Name) -> None:
        if name.value not in node.deps:
            node.deps.append(name.value)
        node.dep_nodes.append(name)
        self.program.allowed_references.add(name)

    def _is_reference(self, name: cst.Name) -> bool:
        parent = self.parent(name)
        if isinstance(parent, cst.Attribute) and parent.attr is name:
            return False
        return not (isinstance(parent, cst.Arg) and parent.keyword is name)

    # --- the session's runs -------------------------------------------------------------------------------------

    def _find_fetches(self, module: cst.Module) -> None:
        session = self.program.session
        if session is None:
            first = next(iter(self.program.names.values()), None)
            raise Blocked(first.value if first is not None else module.body[0],
                          "no session of this graph was found in the same function: the graph's tensors are used "
                          "elsewhere (returned, passed along)")
        for name in self._references(session):
            parent = self.parent(name)
            if not (isinstance(parent, cst.Attribute) and parent.value is name):
                raise Blocked(name, f"the session `{session}` is used as a value")
            call = self.parent(parent)
            if not isinstance(call, cst.Call) or call.func is not parent:
                raise Blocked(parent, f"`{source(parent)}` is not a call")
            if parent.attr.value == "run":
                self._fetch(call)
            elif parent.attr.value == "close" and not call.args and self._statement_of_call(call) is not None:
                self.program.removed.append(self._statement_of_call(call))
            else:
                raise Blocked(call, f"`{source(call)}` uses the session for more than running values")
            self.program.allowed_references.add(name)

    def _fetch(self, call: cst.Call) -> None:
        values = self._bind(call, ("fetches", "feed_dict"))
        if set(values) - {"fetches", "feed_dict"} or "fetches" not in values:
            raise Blocked(call, f"`{source(call)}` passes arguments this codemod cannot carry over")
        fetch = Fetch(call, values["fetches"], self._feed(call, values.get("feed_dict")))
        elements = self._fetched_names(fetch.fetch)
        kinds = [self._graph_kind(e) if isinstance(e, cst.Name) else INIT for e in elements]
        if INIT in kinds:
            self._initializer_run(fetch, elements)
            return
        trains = [e.value for e, kind in zip(elements, kinds) if kind == TRAIN]
        if len(trains) > 1:
            raise Blocked(call, "it runs two training ops at once")
        if trains:
            self._training_run(fetch, trains[0])
        self.program.fetches.append(fetch)

    def _feed(self, call: cst.Call, feed: Optional[cst.BaseExpression]) -> Dict[str, cst.BaseExpression]:
        if feed is None:
            return {}
        if not isinstance(feed, cst.Dict):
            raise Blocked(call, "the feed_dict is not a dict written in the call")
        fed = {}
        for element in feed.elements:
            if not isinstance(element, cst.DictElement) or not isinstance(element.key, cst.Name):
                raise Blocked(element, "a feed_dict key is not a name")
            if self._graph_kind(element.key) != PLACEHOLDER_KIND:
                raise Blocked(element, f"`{source(element.key)}` is fed but is not a placeholder")
            self.program.allowed_references.add(element.key)
            fed[element.key.value] = element.value
        return fed

    def _fetched_names(self, fetch: cst.BaseExpression) -> List[cst.BaseExpression]:
        if isinstance(fetch, (cst.List, cst.Tuple)):
            return [n for e in fetch.elements for n in self._fetched_names(_element_value(e))]
        if isinstance(fetch, cst.Dict):
            return [n for e in fetch.elements for n in self._fetched_names(_element_value(e))]
        if isinstance(fetch, cst.Call) and self.tf_name(fetch.func) in INITIALIZER_NAMES and not fetch.args:
            return [fetch]
        if not isinstance(fetch, cst.Name) or self._graph_kind(fetch) is None:
            raise Blocked(fetch, f"`{source(fetch)}` is fetched but is not a graph value built here")
        if self._graph_kind(fetch) in (PLACEHOLDER_KIND, OPTIMIZER):
            raise Blocked(fetch, f"`{fetch.value}` is fetched but is a {self._graph_kind(fetch)}")
        self.program.allowed_references.add(fetch)
        return [fetch]

    def _initializer_run(self, fetch: Fetch, elements: List[cst.BaseExpression]) -> None:
        statement = self._statement_of_call(fetch.call)
        if len(elements) != 1 or fetch.feed or statement is None:
            raise Blocked(fetch.call, "the initializer is run with other values or inside a larger statement")
        self.program.removed.append(statement)

    def _training_run(self, fetch: Fetch, train: str) -> None:
        """`sess.run(train_op, ...)` alone, or `_, a, b = sess.run([train_op, a, b], ...)`."""
        fetch.train = train
        statement = self._statement_of_call(fetch.call)
        if statement is not None:
            fetch.statement = statement
            return
        parent = self.parent(fetch.call)
        statement = self.parent(parent)
        if not (
            isinstance(parent, cst.Assign)
            and len(parent.targets) == 1
            and isinstance(statement, cst.SimpleStatementLine)
            and len(statement.body) == 1
            and isinstance(fetch.fetch, (cst.List, cst.Tuple))
            and isinstance(parent.targets[0].target, (cst.List, cst.Tuple))
            and len(parent.targets[0].target.elements) == len(fetch.fetch.elements)
        ):
            raise Blocked(fetch.call, "the training op's run is used in a way this codemod cannot carry over (it "
                          "must be a statement, or assign a list of fetches to as many names)")
        fetch.statement = statement
        fetch.targets = []
        for target, element in zip(parent.targets[0].target.elements, fetch.fetch.elements):
            value = element.value
            if isinstance(value, cst.Name) and value.value == train:
                if not m.matches(target.value, m.Name("_")):
                    raise Blocked(target, "the training op's result (None) is assigned to a name other than `_`")
                continue
            if not isinstance(value, cst.Name):
                raise Blocked(value, "it fetches a nested structure along with the training op")
            fetch.companions.append(value.value)
            fetch.targets.append(target.value)

    def _check_training_runs(self) -> None:
        by_train: Dict[str, List[str]] = {}
        for fetch in self.program.fetches:
            if fetch.train is None or fetch.targets is None:
                continue
            node = self.program.names[fetch.train]
            computed = self.program.dependencies(node.loss)
            for companion in fetch.companions:
                if self.program.names[companion].kind == VARIABLE or self.program.reads_state_outside(companion, computed):
                    raise Blocked(fetch.call, f"`{companion}` is fetched with `{fetch.train}` and reads variables the "
                                  "update changes: TF1 gives no order between them")
            if by_train.setdefault(fetch.train, fetch.companions) != fetch.companions:
                raise Blocked(fetch.call, f"`{fetch.train}` is run with different fetches in different places")
        for fetch in self.program.fetches:
            if fetch.train is not None:
                fetch.companions = by_train.get(fetch.train, [])

    # --- every use of a graph name is accounted for ------------------------------------------------------------------

    def _check_references(self) -> None:
        for name in self.program.names:
            for reference in self._references(name):
                if reference not in self.program.allowed_references:
                    statement = self._statement(reference)
                    raise Blocked(reference, f"`{source(statement or reference)}` uses the graph value `{name}` "
                                  "outside sess.run (printed, returned or passed along)")

    def _references(self, name: str) -> List[cst.Name]:
        node = self.program.names.get(name)
        target = node.statement.body[0].targets[0].target if node is not None else None
        if target is None:
            target = self._session_target()
        assignment = single_assignment(self.codemod, target)
        if assignment is None:
            raise Blocked(target, f"`{name}` is assigned more than once")
        references = self.codemod.in_source_order(assignment.references)
        return [access.node for access in references if isinstance(access.node, cst.Name)]

    def _session_target(self) -> cst.Name:
        if self.program.with_statement is not None:
            return self.program.with_statement.items[0].asname.name
        return self.program.session_statements[0].body[0].targets[0].target

    # --- helpers -----------------------------------------------------------------------------------------------

    def _graph_kind(self, name: cst.Name) -> Optional[str]:
        node = self.program.names.get(name.value)
        return node.kind if node is not None else None

    def _bind(self, call: cst.Call, parameters) -> Dict[str, cst.BaseExpression]:
        values: Dict[str, cst.BaseExpression] = {}
        for index, arg in enumerate(call.args):
            if arg.star:
                raise Blocked(call, "it unpacks arguments")
            if arg.keyword is None:
                if index >= len(parameters):
                    raise Blocked(call, "it gets more positional arguments than this codemod knows")
                values[parameters[index]] = arg.value
            else:
                if arg.keyword.value not in parameters:
                    raise Blocked(call, f"`{arg.keyword.value}=` is an argument this codemod does not carry over")
                values[arg.keyword.value] = arg.value
        return values

    def tf_name(self, node: cst.BaseExpression) -> Optional[str]:
        name = self.bindings.tf1_qualified(node)
        return name[len("tensorflow.") :] if name and name.startswith("tensorflow.") else None

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.codemod.get_metadata(ParentNodeProvider, node, None)

    def _statement(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        while node is not None and not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            node = self.parent(node)
        return node

    def _statement_of_call(self, call: cst.Call) -> Optional[cst.SimpleStatementLine]:
        """The line ``call`` stands alone on, its value unused."""
        parent = self.parent(call)
        statement = self.parent(parent) if isinstance(parent, cst.Expr) else None
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            return statement
        return None


def _element_value(element: cst.CSTNode) -> cst.BaseExpression:
    if isinstance(element, (cst.StarredElement, cst.StarredDictElement)):
        raise Blocked(element, "it fetches an unpacked structure")
    return element.value


def _expression_children(value: cst.BaseExpression) -> List[cst.BaseExpression]:
    if isinstance(value, cst.BinaryOperation):
        return [value.left, value.right]
    if isinstance(value, cst.UnaryOperation):
        return [value.expression]
    if isinstance(value, (cst.List, cst.Tuple)):
        return [_element_value(e) for e in value.elements]
    if isinstance(value, cst.Comparison):
        return [value.left, *(c.comparator for c in value.comparisons)]
    parts = [value.value]
    for element in value.slice:
        inner = element.slice
        if isinstance(inner, cst.Index):
            parts.append(inner.value)
        else:
            parts.extend(p for p in (inner.lower, inner.upper, inner.step) if p is not None)
    return parts
