from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._blocks import KEEP, BlockRewriter
from codemods._names import TracksImports, dotted, tf1_name
from codemods._tf_config_calls import Unmappable, literal, tf_config_statements
from codemods._walk import find_all
from tf2migrate.codemod import FixSafety

CONFIG_PROTO = "tensorflow.ConfigProto"
# Messages nested in a ConfigProto, read field by field: keyword -> constructor.
MESSAGES = {
    "gpu_options": "tensorflow.GPUOptions",
    "graph_options": "tensorflow.GraphOptions",
    "optimizer_options": "tensorflow.OptimizerOptions",
}
SESSIONS = ("tensorflow.Session", "tensorflow.InteractiveSession")
# TensorFlow calls that leave the runtime uninitialised, so device settings may still follow them.
RUNTIME_NOT_STARTED_BY = (
    "tensorflow.config.", "tensorflow.debugging.set_log_device_placement", "tensorflow.set_random_seed",
    "tensorflow.random.set_seed", "tensorflow.logging.", "tensorflow.app.", "tensorflow.flags.",
    CONFIG_PROTO, *MESSAGES.values(), *SESSIONS,
)


@dataclass
class Reading:
    """A configuration read from the code: its fields, and the statements that only existed to build it."""

    fields: Dict[str, cst.BaseExpression] = field(default_factory=dict)
    builders: List[cst.BaseStatement] = field(default_factory=list)


class ConfigProtoToTfConfig(TracksImports, BlockRewriter):
    """Turn TF1 `ConfigProto` / `GPUOptions` session configuration into `tf.config` calls.

    What it does:
    Finds a `tf.ConfigProto` (or `tf.compat.v1.ConfigProto`) that configures a `tf.Session` or
    `tf.InteractiveSession` - built in a variable and set field by field, written inline as `config=...`, with
    its `tf.GPUOptions` inline or in a variable of its own - and puts the equivalent `tf.config` calls where the
    session was created, as one block. The configuration's statements go; the session loses its `config=`
    argument, and `remove-session-scaffolding` then removes a session that only existed to be handed to Keras.

    Why:
    TF2 runs eagerly: a `ConfigProto` given to a `tf.compat.v1.Session` does not reach eager code, and
    `set_session` does not exist under Keras 3. Device settings are made with `tf.config` calls, before
    TensorFlow initialises its devices.

    Example:
    ```python
    import tensorflow as tf

    config = tf.ConfigProto(log_device_placement=True)
    config.gpu_options.allow_growth = True
    config.gpu_options.visible_device_list = "0"
    with tf.Session(config=config) as sess:
        pass
    ```

    Use instead:
    ```python
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        tf.config.set_visible_devices([gpus[0]], "GPU")
    for gpu in tf.config.get_visible_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)
    tf.debugging.set_log_device_placement(True)
    with tf.Session() as sess:
        pass
    ```

    Fix safety:
    Safe: each mapped field makes the same device setting in TF2 as in TF1. The one approximation,
    `per_process_gpu_memory_fraction`, always comes with a finding saying what was done instead. A
    configuration with any field that has no mapping is left whole, with a finding naming the field.

    Limitations:
    Mapped exactly: `gpu_options.allow_growth` (memory growth), `gpu_options.visible_device_list`
    (`set_visible_devices`), `device_count` `GPU` (`set_visible_devices`; `CPU: 1` is the default),
    `log_device_placement`, `allow_soft_placement`, `intra_op_parallelism_threads`, `inter_op_parallelism_threads`,
    `graph_options.optimizer_options.global_jit_level` `ON_1` (`set_jit("autoclustering")`).
    Approximated: `per_process_gpu_memory_fraction` has no TF2 equivalent; it becomes memory growth, or with
    `--gpu-memory-limit MB` a fixed per-GPU limit (`set_logical_device_configuration`); never both on one GPU.
    Reported and left whole: any other field (`force_gpu_compatible`, `virtual_devices`, `device_count` `CPU`
    other than 1, ...), a configuration given to something other than a session (`RunConfig`, `test_session`,
    `enable_eager_execution`), a variable assigned more than once or used outside the block that builds it.
    Device settings must run before TensorFlow starts: a block placed after TensorFlow or Keras calls is
    converted and reported, since TF2 raises `RuntimeError` there where TF1 did not.
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

    # --- finding configurations, on the original tree ---------------------------------------------------------

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
        body = self._block_body(statement)
        reading = Reading(builders=[statement])
        self._read_constructor(assign.value, "", body, reading)
        sessions: List[Tuple[cst.BaseStatement, cst.Call]] = []
        for use in self._single_assignment_uses(target):
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
            reading.fields[path] = value
            reading.builders.append(user)
        if not sessions:
            raise Unmappable(target, f"`{name}` is never given to a tf.Session; it has no effect in TF2")
        first_session = min((s for s, _ in sessions), key=body.index)
        self._commit(reading, first_session, assign.value)
        self.strip_config.update(call for _, call in sessions)

    def _convert_inline(self, statement: cst.BaseStatement, session: cst.Call, config: cst.Call) -> None:
        reading = Reading()
        self._read_constructor(config, "", self._block_body(statement), reading)
        self._commit(reading, statement, config)
        self.strip_config.add(session)

    def _commit(self, reading: Reading, session_statement: cst.BaseStatement, config: cst.Call) -> None:
        """Plan the rewrite: the builders go, the tf.config block goes before the session's statement."""
        scope = self.get_metadata(ScopeProvider, session_statement, None)
        block = tf_config_statements(
            reading.fields,
            self._tensorflow_name(config),
            lambda name: scope is None or name not in scope,
            self.bindings.tf1_qualified,
            self.settings.gpu_memory_limit_mb,
        )
        for note in block.notes:
            self.report(note.node, note.message, note.suggestion)
        if block.statements:
            self._report_if_after_tensorflow_code(session_statement)
        for builder in reading.builders:
            self.plan[builder] = []
        self.plan[session_statement] = [*block.statements, KEEP]
        self.converted.add(config)

    # --- reading the configuration --------------------------------------------------------------------------

    def _read_constructor(self, call: cst.Call, prefix: str, body: Sequence[cst.BaseStatement], reading: Reading) -> None:
        for arg in call.args:
            if arg.keyword is None:
                raise Unmappable(arg, "positional or unpacked ConfigProto arguments cannot be read; not converted")
            key, value = arg.keyword.value, arg.value
            if key in MESSAGES and isinstance(value, cst.Name):
                self._read_message_variable(value, MESSAGES[key], prefix + key + ".", body, reading)
            elif key in MESSAGES:
                if not self._is(value, MESSAGES[key]):
                    raise Unmappable(value, f"`{key}=` is not a {MESSAGES[key].split('.')[-1]}(...) call; not converted")
                self._read_constructor(value, prefix + key + ".", body, reading)
            elif key == "device_count":
                reading.fields.update(self._device_count(value, prefix + key))
            else:
                reading.fields[prefix + key] = value

    def _read_message_variable(
        self, use: cst.Name, constructor: str, prefix: str, body: Sequence[cst.BaseStatement], reading: Reading
    ) -> None:
        """``gpu_options = tf.GPUOptions(...)`` (and ``gpu_options.x = v`` lines) handed over by name."""
        consumer = self._statement_of(use)
        scope = self.get_metadata(ScopeProvider, use, None)
        assignments = list(scope.assignments[use.value]) if scope is not None else []
        if len(assignments) != 1:
            raise Unmappable(use, f"`{use.value}` is not assigned exactly once here; not converted")
        statement = self._statement_of(assignments[0].node)
        small = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) else None
        if not (
            statement in body
            and m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name(use.value))]))
            and self._is(small.value, constructor)
        ):
            raise Unmappable(use, f"`{use.value}` is not built by a {constructor.split('.')[-1]}(...) in this block")
        self._read_constructor(small.value, prefix, body, reading)
        reading.builders.append(statement)
        for access in sorted(assignments[0].references, key=lambda a: self.position(a.node)):
            if access.node is use:
                continue
            user = self._statement_of(access.node)
            path, value = self._field_assignment(user, use.value) if user in body else (None, None)
            if path is None or body.index(user) > body.index(consumer):
                raise Unmappable(access.node, f"`{use.value}` is used for more than building this configuration")
            reading.fields[prefix + path] = value
            reading.builders.append(user)

    def _device_count(self, value: cst.BaseExpression, path: str) -> Dict[str, cst.BaseExpression]:
        """``{"GPU": 0}`` or ``dict(GPU=0)`` -> ``{"device_count.GPU": 0}``."""
        entries: Dict[str, cst.BaseExpression] = {}
        if isinstance(value, cst.Dict):
            for element in value.elements:
                ok, key = literal(element.key) if isinstance(element, cst.DictElement) else (False, None)
                if not (ok and isinstance(key, str)):
                    raise Unmappable(element, "device_count has a key that is not a string literal; not converted")
                entries[f"{path}.{key}"] = element.value
        elif m.matches(value, m.Call(func=m.Name("dict"))) and all(a.keyword is not None for a in value.args):
            entries = {f"{path}.{a.keyword.value}": a.value for a in value.args}
        else:
            raise Unmappable(value, "device_count is not a literal dict; not converted")
        return entries

    def _field_assignment(
        self, statement: cst.BaseStatement, name: str
    ) -> Tuple[Optional[str], Optional[cst.BaseExpression]]:
        """``config.gpu_options.allow_growth = True`` -> ("gpu_options.allow_growth", True);
        ``config.device_count["GPU"] = 0`` -> ("device_count.GPU", 0)."""
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            return None, None
        small = statement.body[0]
        if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
            return None, None
        target = small.targets[0].target
        key = ""
        if m.matches(target, m.Subscript(slice=[m.SubscriptElement(m.Index(m.SimpleString()))])):
            key = "." + literal(target.slice[0].slice.value)[1]
            target = target.value
        path = dotted(target)
        head, _, rest = path.partition(".")
        if head != name or not rest or not all(part.isidentifier() for part in rest.split(".")):
            return None, None
        return rest + key, small.value

    def _tensorflow_name(self, node: cst.CSTNode) -> str:
        for module in ("tensorflow", "tensorflow.compat.v1", "tensorflow.compat.v2"):
            alias = self.bindings.alias_for(module)
            if alias is not None:
                return alias
        name = self.tensorflow_name()
        if name is None:
            raise Unmappable(node, "`tf` names something other than TensorFlow; not converted")
        return name

    # --- where the block lands ------------------------------------------------------------------------------

    def _report_if_after_tensorflow_code(self, statement: cst.BaseStatement) -> None:
        for earlier in self._statements_run_before(statement):
            call = self._runtime_starting_call(earlier)
            if call is not None:
                line = self.position(call)[0]
                self.report(
                    statement,
                    f"these tf.config calls run after TensorFlow or Keras code (`{dotted(call.func)}` on line {line}); "
                    "TF2 applies device settings only before its runtime starts and raises RuntimeError after, "
                    "where TF1 took a new session's configuration at any time",
                    "move the device configuration before any TensorFlow or Keras call (e.g. to the top of the program)",
                )
                return

    def _statements_run_before(self, statement: cst.BaseStatement) -> Iterator[cst.BaseStatement]:
        """Statements earlier in the same block and in the blocks around it, up to the enclosing function."""
        node: cst.CSTNode = statement
        while True:
            parent = self.get_metadata(ParentNodeProvider, node, None)
            if parent is None or isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                return
            if isinstance(parent, (cst.Module, cst.IndentedBlock)) and node in parent.body:
                yield from reversed(parent.body[: parent.body.index(node)])
            node = parent

    def _runtime_starting_call(self, statement: cst.BaseStatement) -> Optional[cst.Call]:
        if statement in self.plan or isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            return None
        for call in find_all(statement, cst.Call):
            name = self.bindings.tf1_qualified(call.func) or ""
            if name.split(".")[0] in ("tensorflow", "keras") and not name.startswith(RUNTIME_NOT_STARTED_BY):
                return call
        return None

    # --- tree helpers ---------------------------------------------------------------------------------------

    def _is(self, node: Optional[cst.CSTNode], name: str) -> bool:
        return isinstance(node, cst.Call) and self.bindings.tf1_qualified(node.func) == name

    def _block_body(self, statement: cst.BaseStatement) -> Sequence[cst.BaseStatement]:
        return self.get_metadata(ParentNodeProvider, statement).body

    def _single_assignment_uses(self, target: cst.Name) -> List[cst.CSTNode]:
        scope = self.get_metadata(ScopeProvider, target, None)
        assignments = list(scope.assignments[target.value]) if scope is not None else []
        if len(assignments) != 1:
            raise Unmappable(target, f"`{target.value}` is assigned more than once; its ConfigProto was left as it was")
        return [a.node for a in sorted(assignments[0].references, key=lambda a: self.position(a.node))]

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
        calls = [c for node in where for c in find_all(node, cst.Call, m.Call(args=[m.ZeroOrMore(), m.Arg(keyword=m.Name("config")), m.ZeroOrMore()]))]
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
                if tf1_name(bound) in (CONFIG_PROTO, *MESSAGES.values()) and local == obj:
                    RemoveImportsVisitor.remove_unused_import(self.context, module, obj)
        return super().leave_Module(original_node, updated_node)
