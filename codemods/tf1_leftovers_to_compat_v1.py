from __future__ import annotations

from typing import Dict, List, NamedTuple, Optional, Sequence

import libcst as cst
import libcst.matchers as m
from libcst.metadata import ScopeProvider

from codemods._compat_names import (
    NO_COMPAT_HOME,
    NO_COMPAT_HOME_ADVICE,
    needs_graph,
    no_compat_home,
    v1_only_names,
)
from codemods._names import TF, ImportBindings, TracksImports, tf1_name
from codemods._walk import find_all
from tf2migrate.codemod import Codemod, FallbackMode, FixSafety
from tf2migrate.results import MODE_KEY, Finding, Mode, Severity

TF_PREFIX = TF + "."
COMPAT_MODULE = "tensorflow.compat.v1"
COMPAT_PREFIX = COMPAT_MODULE + "."
GRAPH_MODE_CALLS = ("disable_eager_execution", "disable_v2_behavior")  # relative to tf.
DISABLE_EAGER = "disable_eager_execution"
GRAPH_MARK = "*"

TO_EAGER = (
    "convert the code to eager TF2 to drop tf.compat.v1: plain function arguments instead of placeholders and "
    "feed_dict, ops run directly (tf.function for speed) instead of sess.run, tf.GradientTape with a "
    "tf.keras.optimizers optimizer instead of tf.train optimizers' minimize, tf.Variable objects kept in Python "
    "instead of get_variable and collections, tf.train.Checkpoint instead of Saver"
)


class Use(NamedTuple):
    node: cst.CSTNode
    label: str  # as the user would write it in TF 1.x: `tf.placeholder`, `feed_dict=`
    graph: bool  # needs graph mode
    compat: bool  # spelled through tf.compat.v1 (or rewritten to it here), or not a name at all (`feed_dict=`)


class Tf1LeftoversToCompatV1(TracksImports, Codemod):
    """Run what is left of TF 1.x through `tf.compat.v1`, in graph mode where it needs graph semantics.

    What it does:
    Last in the chain: every remaining use of a TF 1.x name that TF 2.21 has only as `tf.compat.v1.<name>`
    (`tf.placeholder`, `tf.Session`, `tf.train.AdamOptimizer`, `tf.get_collection`, names imported with
    `from tensorflow import ...`) is spelled `tf.compat.v1.<name>`, with the file's alias of `tensorflow`.
    When graph constructs remain (sessions, placeholders, `feed_dict=`, collections, variable initializers,
    `tf.train` optimizers, `Saver`, queue runners, `variable_scope` / `get_variable`, `tf.Graph().as_default()`,
    `Tensor.eval()` next to a session), `tf.compat.v1.disable_eager_execution()` is inserted right after the
    import of TensorFlow (after the imports that directly follow it, so no import comes after code), unless the
    file already disables eager execution or v2 behaviour. The file gets one
    finding listing the constructs that kept it in compat mode (`*` marks those that need graph mode) and is
    counted as kept in compat mode. With `--fallback none` nothing changes: the file gets one finding listing
    the TF 1.x-only APIs that will fail on TF 2.21. `tf.layers`, `tf.contrib`, `tensorflow.examples` and
    `tf.compat.v1.keras` are never prefixed (none exists on TF 2.21); each use gets a finding.

    Why:
    Graph-mode programs built on placeholders, `feed_dict` and sessions have no mechanical eager equivalent;
    the earlier codemods convert what they can prove and leave the rest. Without `tf.compat.v1` the rest fails
    on TF 2.21 with `AttributeError: module 'tensorflow' has no attribute 'placeholder'`; with it, and with eager
    execution disabled, the program keeps TF 1.x semantics and prints what it printed before.

    Example:
    ```python
    import tensorflow as tf

    x = tf.placeholder(tf.float32, shape=[None])
    doubled = 2.0 * x
    with tf.Session() as sess:
        print(sess.run(doubled, feed_dict={x: [1.0, 2.0]}))
    ```

    Use instead:
    ```python
    import tensorflow as tf
    tf.compat.v1.disable_eager_execution()

    x = tf.compat.v1.placeholder(tf.float32, shape=[None])
    doubled = 2.0 * x
    with tf.compat.v1.Session() as sess:
        print(sess.run(doubled, feed_dict={x: [1.0, 2.0]}))
    ```

    Fix safety:
    Safe: `tf.compat.v1.<name>` is the TF 1.x API itself, and graph mode gives back the TF 1.x execution model.
    The result runs but is not idiomatic TF2; the finding says what to convert.

    Limitations:
    Keras 3 does not run with eager execution disabled: a file that mixes graph constructs with `tf.keras`
    gets graph mode anyway and a finding saying so. Names bound by imports inside functions are not
    prefixed, nor names missing from the v1-only table (constants such as `tf.logging.INFO`, left to the
    codemods before). `feed_dict=` counts only on `.run(...)` / `.eval(...)` calls. `tf.layers`, `tf.contrib`
    and the tutorials' MNIST reader are left for the user.
    """

    NAME = "tf1-leftovers-to-compat-v1"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("tensorflow",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.uses: List[Use] = []
        self.rewrites: Dict[cst.CSTNode, str] = {}  # original Attribute / Name -> name relative to tf.
        self.imported_v1_names: Dict[cst.Name, str] = {}  # uses of `from tensorflow import placeholder`
        self.eval_calls: List[cst.Call] = []
        self.graph_mode_set = False
        self.compat_seen = False  # `tf.compat.v1.X` spelled out
        self.compat_alias_uses = False  # `tf.X` where `tf` is `tensorflow.compat.v1`
        self.compat_import: Optional[cst.Import] = None
        self.uses_keras = False
        self._prefix: Optional[str] = None

    @property
    def rewriting(self) -> bool:
        return self.settings.fallback == FallbackMode.COMPAT

    # --- collecting ----------------------------------------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.uses_keras = any(
            bound == "keras" or bound.startswith(("keras.", "tensorflow.keras"))
            for bound in self.bindings.names.values()
        )
        self._find_imported_v1_names(node)

    def _find_imported_v1_names(self, module: cst.Module) -> None:
        """Uses of v1-only names bound by `from tensorflow import ...` (ScopeProvider only when there are some)."""
        imported = {
            local: bound
            for local, bound in self.bindings.names.items()
            if local != bound.split(".")[0] and self._is_tf1_only(_relative(tf1_name(bound)))
        }
        wrapper = self.context.wrapper
        if not imported or wrapper is None:
            return
        scope = wrapper.resolve(ScopeProvider).get(module)
        if scope is None:
            return
        for local, bound in imported.items():
            for assignment in scope.assignments[local]:
                if not isinstance(getattr(assignment, "node", None), (cst.Import, cst.ImportFrom)):
                    continue
                for access in assignment.references:
                    if isinstance(access.node, cst.Name):
                        self.imported_v1_names[access.node] = bound

    def visit_Import(self, node: cst.Import) -> bool:
        super().visit_Import(node)
        for alias in node.names:
            self._report_no_home_import(alias, _dotted_name(alias.name))
            if alias.asname is not None and _dotted_name(alias.name) == COMPAT_MODULE and self.compat_import is None:
                self.compat_import = node
        return False  # import lines are never rewritten here

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        super().visit_ImportFrom(node)
        if node.relative or node.module is None:
            return False
        module = _dotted_name(node.module)
        self._report_no_home_import(node, module)
        if not isinstance(node.names, cst.ImportStar) and module in (TF, "tensorflow.compat.v1"):
            for alias in node.names:
                self._report_no_home_import(alias, f"{module}.{_dotted_name(alias.name)}")
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if not _is_dotted(node):
            return True
        raw = self.bindings.qualified(node)
        if raw is None or not raw.startswith(TF_PREFIX):
            return True
        return not self._classify(node, raw, spelled_out=self._head_is_tensorflow(node))

    def visit_Name(self, node: cst.Name) -> None:
        bound = self.imported_v1_names.get(node)
        if bound is not None:
            self._classify(node, bound, spelled_out=False)

    def visit_Call(self, node: cst.Call) -> None:
        if m.matches(node.func, m.Attribute(attr=m.Name("run") | m.Name("eval") | m.Name("partial_run_setup"))):
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value == "feed_dict":
                    self.uses.append(Use(arg, "feed_dict=", graph=True, compat=True))
        if m.matches(node.func, m.Attribute(attr=m.Name("eval"))):
            self.eval_calls.append(node)
        if m.matches(node.func, m.Attribute(value=m.Call(), attr=m.Name("as_default"))):
            graph = node.func.value
            if self.bindings.tf1_qualified(graph.func) == "tensorflow.Graph":
                self.uses.append(Use(node, "tf.Graph().as_default()", graph=True, compat=True))
        name = self.bindings.tf1_qualified(node.func)
        if name is not None and _relative(name) in GRAPH_MODE_CALLS:
            self.graph_mode_set = True

    def _classify(self, node: cst.CSTNode, raw: str, spelled_out: bool) -> bool:
        """Record a TF name; True when it is a whole API name (its parts need no look)."""
        compat = raw.startswith(COMPAT_PREFIX)
        relative = _relative(tf1_name(raw))
        if not relative:
            return False
        home = no_compat_home(relative)
        if home:
            self.uses_keras = self.uses_keras or home == "keras"
            if spelled_out and (compat or home != "keras"):
                self._report_no_home(node, _dotted_name(node), home)
            return True
        graph = needs_graph(relative)
        v1_only = relative in v1_only_names()
        if compat and self._head_binding(node) == COMPAT_MODULE:
            self.compat_alias_uses = True
        elif compat:
            self.compat_seen = True
        elif v1_only:
            self.rewrites[node] = relative
        if (v1_only or graph) and relative not in GRAPH_MODE_CALLS:
            self.uses.append(Use(node, f"tf.{relative}", graph, compat or self.rewriting))
        return v1_only or graph or compat

    def _head_is_tensorflow(self, node: cst.Attribute) -> bool:
        return self._head_binding(node) in (TF, COMPAT_MODULE)

    def _head_binding(self, node: cst.CSTNode) -> Optional[str]:
        head = node
        while isinstance(head, cst.Attribute):
            head = head.value
        return self.bindings.names.get(head.value) if isinstance(head, cst.Name) else None

    def _is_tf1_only(self, relative: str) -> bool:
        return bool(relative) and (relative in v1_only_names() or needs_graph(relative))

    # --- findings for names with no TF 2.21 home ----------------------------------------------------------------

    def _report_no_home_import(self, node: cst.CSTNode, name: str) -> None:
        relative = _relative(tf1_name(name))
        home = no_compat_home(relative) if relative else ""
        if home and (home != "keras" or name.startswith(COMPAT_PREFIX)):
            self._report_no_home(node, name, home)

    def _report_no_home(self, node: cst.CSTNode, spelled: str, home: str) -> None:
        self.report(
            node,
            f"`{spelled}` is left as it is: {NO_COMPAT_HOME[home]}, and no codemod could convert this use",
            NO_COMPAT_HOME_ADVICE[home],
        )

    # --- rewriting -----------------------------------------------------------------------------------------------

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._compat_name(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._compat_name(original_node, updated_node)

    def _compat_name(self, original_node: cst.CSTNode, updated_node: cst.BaseExpression) -> cst.BaseExpression:
        relative = self.rewrites.get(original_node)
        if relative is None or not self.rewriting or self.prefix() is None:
            return updated_node
        if isinstance(original_node, cst.Name) or self.bindings.qualified(original_node.value) != TF:
            self.note_maybe_unused(original_node)  # `placeholder` from `from tensorflow import placeholder`
        name = cst.parse_expression(f"{self.prefix()}{relative}")
        return name.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def prefix(self) -> Optional[str]:
        """What goes before a v1 name: `tf.compat.v1.` with the file's alias of tensorflow, or the alias of
        `tensorflow.compat.v1`; `import tensorflow as tf` is added when the file has neither."""
        if self._prefix is None:
            tf = self.bindings.alias_for(TF)
            compat = self.bindings.alias_for("tensorflow.compat.v1")
            if tf is not None:
                self._prefix = f"{tf}.compat.v1."
            elif compat is not None:
                self._prefix = f"{compat}."
            elif self.tensorflow_name() is not None:
                self._prefix = "tf.compat.v1."
        return self._prefix

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        uses = sorted(self.uses + self._eval_uses(), key=lambda use: self.position(use.node))
        graph = [use for use in uses if use.graph]
        if not self.rewriting:
            self._leave_as_tf1(uses)
        elif self._compat_alias_is_unneeded(uses):
            updated_node = updated_node.visit(_CompatAliasToTensorflow())
            self.report(
                self.compat_import or original_node,
                "`import tensorflow.compat.v1 as ...` became `import tensorflow as ...`: nothing left in the file "
                "needs TF 1.x",
                severity=Severity.INFO,
            )
        elif uses or self.compat_seen or self.compat_alias_uses or self.rewrites:
            inserted = False
            if graph and not self.graph_mode_set and self.prefix() is not None:
                updated_node, inserted = self._disable_eager(original_node, updated_node)
            self._report_compat(uses, graph, inserted)
            self.context.scratch[MODE_KEY] = Mode.COMPAT
        return super().leave_Module(original_node, updated_node)

    def _compat_alias_is_unneeded(self, uses: Sequence[Use]) -> bool:
        """The file reaches TensorFlow only through `import tensorflow.compat.v1 as tf`, and every name it uses
        through it is a TF2 name too (the codemods before fixed the rest), with no graph mode asked for."""
        return (
            self.compat_alias_uses
            and not (uses or self.compat_seen or self.rewrites or self.graph_mode_set)
            and self.bindings.alias_for(TF) is None
            and not any(bound.startswith(COMPAT_PREFIX) for bound in self.bindings.names.values())
        )

    def _eval_uses(self) -> List[Use]:
        """`x.eval()` needs a default session: a graph construct where the file has one."""
        has_session = any(use.label in ("tf.Session", "tf.InteractiveSession") for use in self.uses)
        if not has_session:
            return []
        return [Use(call, "Tensor.eval()", graph=True, compat=True) for call in self.eval_calls]

    def _disable_eager(self, original: cst.Module, updated: cst.Module) -> "tuple[cst.Module, bool]":
        index = self._tf_import_index(original)
        if index is None:
            return updated, False
        statement = cst.parse_statement(f"{self.prefix()}{DISABLE_EAGER}()\n")
        body = list(updated.body)
        body.insert(index + 1, statement)
        return updated.with_changes(body=body), True

    def _tf_import_index(self, module: cst.Module) -> Optional[int]:
        """Where graph mode goes: after the module-level statement that binds the name the prefix starts with
        (the first that imports tensorflow, when this codemod adds that import), and after the imports that
        directly follow it, so that no import comes after code."""
        index = self._binding_import_index(module)
        if index is None:
            return None
        while index + 1 < len(module.body) and _is_import_line(module.body[index + 1]):
            index += 1
        return index

    def _binding_import_index(self, module: cst.Module) -> Optional[int]:
        head = (self.prefix() or "").split(".")[0]
        bound = self.bindings.names.get(head)
        first_tensorflow_import = None
        for index, statement in enumerate(module.body):
            if not isinstance(statement, (cst.SimpleStatementLine, cst.Try)):
                continue
            for node in find_all(statement, (cst.Import, cst.ImportFrom)):
                names = ImportBindings()
                names.add(node)
                if bound is not None and names.names.get(head) == bound:
                    return index
                if first_tensorflow_import is None and any(
                    v == TF or v.startswith(TF_PREFIX) for v in names.names.values()
                ):
                    first_tensorflow_import = index
        if bound is None and first_tensorflow_import is not None:
            return first_tensorflow_import
        # The import binding the prefix is the one this codemod adds: AddImportsVisitor puts it after the leading
        # imports (after a docstring), which is where the caller's walk over import lines ends from here.
        docstring = m.SimpleStatementLine(body=[m.Expr(m.SimpleString() | m.ConcatenatedString())])
        return 0 if module.body and m.matches(module.body[0], docstring) else -1

    # --- the one finding per file --------------------------------------------------------------------------------

    def _report_compat(self, uses: Sequence[Use], graph: Sequence[Use], inserted: bool) -> None:
        if graph and inserted:
            how = f"graph mode (`{self.prefix()}{DISABLE_EAGER}()` inserted after the TensorFlow import)"
        elif graph and self.graph_mode_set:
            how = "graph mode (the file disables eager execution itself)"
        elif graph:
            how = "graph mode, but eager execution could not be disabled (no module-level TensorFlow import)"
        else:
            how = "eager mode"
        message = f"kept in TF 1.x compat mode: tf.compat.v1 names, {how}"
        suggestion = TO_EAGER
        if graph:
            message += f"; {GRAPH_MARK} marks what needs graph mode"
            if self.uses_keras:
                suggestion = "Keras 3 does not run with eager execution disabled, so the Keras code here fails: " + suggestion
        self._file_finding(uses, message, suggestion, Severity.WARNING)

    def _leave_as_tf1(self, uses: Sequence[Use]) -> None:
        failing = [use for use in uses if not use.compat or (use.graph and not self.graph_mode_set)]
        if failing:
            self._file_finding(
                failing,
                "TF 1.x-only APIs left as they are (--fallback none); they fail on TensorFlow 2.21",
                TO_EAGER + "; or run with --fallback compat to get tf.compat.v1 names and graph mode",
                Severity.WARNING,
            )
            self.context.scratch[MODE_KEY] = Mode.TF1
        elif uses or self.compat_seen:
            self.context.scratch[MODE_KEY] = Mode.COMPAT

    def _file_finding(self, uses: Sequence[Use], message: str, suggestion: str, severity: Severity) -> None:
        related = tuple((self.position(u.node)[0], u.label + (GRAPH_MARK if u.graph else "")) for u in uses)
        line, column = self.position(uses[0].node) if uses else (1, 1)
        self.findings.append(Finding(self.NAME, line, column, severity, message, suggestion, related))


def _relative(name: str) -> str:
    return name[len(TF_PREFIX) :] if name.startswith(TF_PREFIX) else ""


def _dotted_name(node: cst.BaseExpression) -> str:
    return cst.Module([]).code_for_node(node)


def _is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _is_dotted(node: cst.BaseExpression) -> bool:
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


class _CompatAliasToTensorflow(cst.CSTTransformer):
    """`import tensorflow.compat.v1 as tf` -> `import tensorflow as tf` (module level and inside blocks)."""

    def leave_ImportAlias(self, original_node: cst.ImportAlias, updated_node: cst.ImportAlias) -> cst.ImportAlias:
        if original_node.asname is not None and _dotted_name(original_node.name) == COMPAT_MODULE:
            return updated_node.with_changes(name=cst.Name(TF))
        return updated_node
