from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._blocks import KEEP, BlockRewriter
from codemods._names import TracksImports, dotted, tf1_name
from tf2migrate.codemod import FixSafety

CONFIG_PROTO = "tensorflow.ConfigProto"
GPU_OPTIONS = "tensorflow.GPUOptions"
SESSIONS = ("tensorflow.Session", "tensorflow.InteractiveSession")

MEMORY_GROWTH = "gpu_options.allow_growth"
# ConfigProto field -> the tf.config call that makes the same setting ("{tf}" is TensorFlow's local name).
FIELD_CALLS: Dict[str, str] = {
    "log_device_placement": "{tf}.debugging.set_log_device_placement({value})",
    "allow_soft_placement": "{tf}.config.set_soft_device_placement({value})",
    "intra_op_parallelism_threads": "{tf}.config.threading.set_intra_op_parallelism_threads({value})",
    "inter_op_parallelism_threads": "{tf}.config.threading.set_inter_op_parallelism_threads({value})",
}
# Settings whose TF 2 default already matches; nothing needs emitting for them.
NO_OP_VALUES = {(MEMORY_GROWTH, "False"), ("log_device_placement", "False")}
LOOP_VARIABLE_NAMES = ("gpu", "gpu_device", "physical_gpu")


class Unmappable(Exception):
    """The configuration cannot be converted exactly; ``node`` is where, the message says why."""

    def __init__(self, node: cst.CSTNode, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


class ConfigProtoToTfConfig(TracksImports, BlockRewriter):
    """Turn TF1 `ConfigProto` / `GPUOptions` session configuration into `tf.config` calls.

    What it does:
    Finds a `tf.ConfigProto` (or `tf.compat.v1.ConfigProto`) that configures a `tf.Session`, whether built in a
    variable and set field by field or written inline as `config=...`, and puts the equivalent `tf.config` calls
    where the session was created. The session loses its `config=` argument; `remove-session-scaffolding` then
    removes a session that only existed to be handed to Keras.

    Why:
    TF2 runs eagerly: a `ConfigProto` given to a `tf.compat.v1.Session` does not reach eager code, and
    `set_session` does not exist under Keras 3. Device settings are made with `tf.config` calls, before
    TensorFlow initialises its devices.

    Example:
    ```python
    import tensorflow as tf

    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    config.log_device_placement = True
    with tf.Session(config=config) as sess:
        pass
    ```

    Use instead:
    ```python
    import tensorflow as tf

    for gpu in tf.config.list_physical_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)
    tf.debugging.set_log_device_placement(True)
    with tf.Session() as sess:
        pass
    ```

    Fix safety:
    Safe: each mapped field makes the same device setting in TF2 as in TF1. A configuration with any field
    that has no exact mapping is left whole, with a finding naming the field.

    Limitations:
    Mapped fields: `gpu_options.allow_growth`, `log_device_placement`, `allow_soft_placement`,
    `intra_op_parallelism_threads`, `inter_op_parallelism_threads`. A config variable must be built, set and
    given to its session(s) in one block of statements, be assigned once, and be used for nothing else;
    otherwise it is left as it was with a finding.
    """

    NAME = "config-proto-to-tf-config"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("ConfigProto",)
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.strip_config: Set[cst.Call] = set()  # session calls whose config= argument goes
        self.converted: Set[cst.Call] = set()  # ConfigProto calls turned into tf.config calls
        self.declined: Dict[cst.Call, str] = {}  # ConfigProto calls left, and why
        self.config_calls: List[cst.Call] = []

    # --- analysis, on the original tree -------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        if self._is(node, CONFIG_PROTO):
            self.config_calls.append(node)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._visit_statement(node)

    def visit_With(self, node: cst.With) -> None:
        self._visit_statement(node)

    def _visit_statement(self, statement: cst.BaseStatement) -> None:
        if statement in self.plan:
            return
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            small = statement.body[0]
            if m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name())])) and self._is(small.value, CONFIG_PROTO):
                self._try(small.value, lambda: self._convert_variable(statement, small))
                return
        for session, config in self._inline_session_configs(statement):
            self._try(config, lambda: self._convert_inline(statement, session, config))

    def _try(self, config_call: cst.Call, convert) -> None:
        try:
            convert()
        except Unmappable as exc:
            self.declined[config_call] = exc.message
            self.report(exc.node, exc.message, "convert this setting by hand (see `tf2migrate explain "
                        f"{self.NAME}`), then remove the ConfigProto")

    def _convert_variable(self, statement: cst.SimpleStatementLine, assign: cst.Assign) -> None:
        target = assign.targets[0].target
        assert isinstance(target, cst.Name)
        name = target.value
        scope = self.get_metadata(ScopeProvider, target, None)
        if scope is None:
            return
        assignments = list(scope.assignments[name])
        if len(assignments) != 1:
            raise Unmappable(target, f"`{name}` is assigned more than once; its ConfigProto was left as it was")
        block = self.get_metadata(ParentNodeProvider, statement)
        body = list(block.body)
        fields = self._constructor_fields(assign.value)
        field_statements: List[cst.BaseStatement] = []
        sessions: List[Tuple[cst.BaseStatement, cst.Call]] = []
        for access in sorted(assignments[0].references, key=lambda a: self.position(a.node)):
            use = access.node
            user = self._statement_of(use)
            session = self._session_given(use)
            if user is None or user not in body:
                raise Unmappable(use, f"`{name}` is used outside the block that builds it; not converted")
            if session is not None:
                sessions.append((user, session))
                continue
            path, value = self._field_assignment(user, name)
            if path is None or sessions:
                raise Unmappable(use, f"`{name}` is used for something other than configuring a tf.Session here")
            fields[path] = value
            field_statements.append(user)
        if not sessions:
            raise Unmappable(target, f"`{name}` is never given to a tf.Session; it has no effect in TF2")
        first_session = min((s for s, _ in sessions), key=body.index)
        generated = self._generate(fields, scope)
        self.plan[statement] = []
        for field_statement in field_statements:
            self.plan[field_statement] = []
        self.plan[first_session] = [*generated, KEEP]
        self.strip_config.update(call for _, call in sessions)
        self.converted.add(assign.value)

    def _convert_inline(self, statement: cst.BaseStatement, session: cst.Call, config: cst.Call) -> None:
        fields = self._constructor_fields(config)
        scope = self.get_metadata(ScopeProvider, session, None)
        self.plan[statement] = [*self._generate(fields, scope), KEEP]
        self.strip_config.add(session)
        self.converted.add(config)

    # --- reading the configuration --------------------------------------------------------------------------

    def _constructor_fields(self, call: cst.Call, prefix: str = "") -> Dict[str, cst.BaseExpression]:
        fields: Dict[str, cst.BaseExpression] = {}
        for arg in call.args:
            if arg.keyword is None:
                raise Unmappable(arg, "positional or unpacked ConfigProto arguments cannot be read; not converted")
            key = prefix + arg.keyword.value
            if key == "gpu_options":
                if not (isinstance(arg.value, cst.Call) and self._is(arg.value, GPU_OPTIONS)):
                    raise Unmappable(arg.value, "`gpu_options=` is not an inline tf.GPUOptions(...); not converted")
                fields.update(self._constructor_fields(arg.value, "gpu_options."))
            else:
                fields[key] = arg.value
        return fields

    def _field_assignment(
        self, statement: cst.BaseStatement, name: str
    ) -> Tuple[Optional[str], Optional[cst.BaseExpression]]:
        """``config.gpu_options.allow_growth = True`` -> ("gpu_options.allow_growth", True)."""
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            return None, None
        small = statement.body[0]
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            return None, None
        path = dotted(small.targets[0].target)
        head, _, rest = path.partition(".")
        if head != name or not rest or not all(part.isidentifier() for part in rest.split(".")):
            return None, None
        return rest, small.value

    # --- writing the tf.config calls ----------------------------------------------------------------------

    def _generate(self, fields: Dict[str, cst.BaseExpression], scope) -> List[cst.BaseStatement]:
        for path, value in fields.items():
            if path != MEMORY_GROWTH and path not in FIELD_CALLS:
                raise Unmappable(value, f"ConfigProto field `{path}` has no tf.config mapping here; not converted")
        tf = self._tensorflow_name(next(iter(fields.values()), None))
        statements: List[cst.BaseStatement] = []
        wanted = {path: dotted(value) for path, value in fields.items() if (path, dotted(value)) not in NO_OP_VALUES}
        if MEMORY_GROWTH in wanted:
            gpu = next(n for n in LOOP_VARIABLE_NAMES if scope is None or n not in scope)
            statements.append(
                cst.parse_statement(
                    f'for {gpu} in {tf}.config.list_physical_devices("GPU"):\n'
                    f"    {tf}.config.experimental.set_memory_growth({gpu}, {wanted[MEMORY_GROWTH]})\n"
                )
            )
        for path, template in FIELD_CALLS.items():
            if path in wanted:
                statements.append(cst.parse_statement(template.format(tf=tf, value=wanted[path]) + "\n"))
        return statements

    def _tensorflow_name(self, node: Optional[cst.CSTNode]) -> str:
        for module in ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"):
            alias = self.bindings.alias_for(module)
            if alias is not None:
                return alias
        if "tf" in self.bindings.names:
            raise Unmappable(node or cst.Name("tf"), "`tf` names something other than TensorFlow; not converted")
        AddImportsVisitor.add_needed_import(self.context, "tensorflow", asname="tf")
        return "tf"

    # --- tree helpers ---------------------------------------------------------------------------------------

    def _is(self, node: cst.BaseExpression, name: str) -> bool:
        return isinstance(node, cst.Call) and self.bindings.tf1_qualified(node.func) == name

    def _statement_of(self, node: cst.CSTNode) -> Optional[cst.BaseStatement]:
        while not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            node = self.get_metadata(ParentNodeProvider, node, None)
            if node is None:
                return None
        return node

    def _session_given(self, use: cst.CSTNode) -> Optional[cst.Call]:
        """The session call when ``use`` is the value of its ``config=`` argument."""
        arg = self.get_metadata(ParentNodeProvider, use, None)
        if not (isinstance(arg, cst.Arg) and arg.keyword is not None and arg.keyword.value == "config"):
            return None
        call = self.get_metadata(ParentNodeProvider, arg, None)
        if isinstance(call, cst.Call) and self.bindings.tf1_qualified(call.func) in SESSIONS:
            return call
        return None

    def _inline_session_configs(self, statement: cst.BaseStatement) -> List[Tuple[cst.Call, cst.Call]]:
        """(session call, ConfigProto call) for each ``Session(config=tf.ConfigProto(...))`` in the statement
        (in a ``with`` statement's header only: its body holds statements of their own)."""
        found = []
        where: Sequence[cst.CSTNode] = statement.items if isinstance(statement, cst.With) else [statement]
        calls = [c for node in where for c in m.findall(node, m.Call(args=[m.ZeroOrMore(), m.Arg(keyword=m.Name("config")), m.ZeroOrMore()]))]
        for call in calls:
            assert isinstance(call, cst.Call)
            if self.bindings.tf1_qualified(call.func) not in SESSIONS:
                continue
            value = next(a.value for a in call.args if a.keyword is not None and a.keyword.value == "config")
            if self._is(value, CONFIG_PROTO):
                found.append((call, value))
        return found

    # --- transformation ----------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        if original_node not in self.strip_config:
            return updated_node
        args = [a for a in updated_node.args if not (a.keyword is not None and a.keyword.value == "config")]
        if args:
            args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(args=args)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        for call in self.config_calls:
            if call not in self.converted and call not in self.declined:
                self.report(
                    call,
                    "tf.ConfigProto is not used to configure a tf.Session here; it has no effect on eager TF2 code",
                    "make the settings with tf.config calls before any TensorFlow op runs",
                )
        if self.converted:
            for local, bound in self.bindings.names.items():
                module, _, obj = bound.rpartition(".")
                if tf1_name(bound) in (CONFIG_PROTO, GPU_OPTIONS) and local == obj:
                    RemoveImportsVisitor.remove_unused_import(self.context, module, obj)
        return super().leave_Module(original_node, updated_node)
