from __future__ import annotations

from typing import List, Optional, Set

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._blocks import UNWRAP, BlockRewriter
from codemods._names import TracksImports
from tf2migrate.codemod import FixSafety
from tf2migrate.results import Severity

SESSIONS = ("tensorflow.Session", "tensorflow.InteractiveSession")
SET_SESSION = (
    "keras.backend.set_session",
    "keras.backend.tensorflow_backend.set_session",
    "tensorflow.keras.backend.set_session",
    "tensorflow.python.keras.backend.set_session",
)
TENSORFLOW_BACKEND = "keras.backend.tensorflow_backend"
TF_BACKEND_CLEAR_SESSION = TENSORFLOW_BACKEND + ".clear_session"


class RemoveSessionScaffolding(TracksImports, BlockRewriter):
    """Remove `tf.Session` objects that only existed to be handed to Keras.

    What it does:
    Removes a session created without arguments whose only uses are `set_session(sess)` (from
    `keras.backend`, `keras.backend.tensorflow_backend` or `tf.keras.backend`) and `sess.close()`, together
    with those calls; removes `set_session(tf.Session())`; turns `tensorflow_backend.clear_session()` into
    `tf.keras.backend.clear_session()`; removes the imports this leaves unused.

    Why:
    TF2 executes eagerly and Keras 3 has no session to set: `tf.Session` and `set_session` do not exist in
    TensorFlow 2.21, and a program that still calls them fails on import or at the first call.

    Example:
    ```python
    import tensorflow as tf
    from keras import backend as K

    sess = tf.Session()
    K.set_session(sess)
    model_output = K.constant(1.0)
    sess.close()
    ```

    Use instead:
    ```python
    from keras import backend as K

    model_output = K.constant(1.0)
    ```

    Fix safety:
    Safe: a session that only Keras saw, set as Keras's default and closed, does nothing an eager program
    needs.

    Limitations:
    A session used any other way (`sess.run`, `with sess.as_default()`, stored on an object, created with
    arguments) is left as it is, with a finding; converting such programs needs the graph-to-eager
    rewrites. The session must be assigned once.
    """

    NAME = "remove-session-scaffolding"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("Session", "set_session", "clear_session")
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.unwrap_set_session: Set[cst.Call] = set()  # set_session(factory()) calls that become factory()

    def visit_With(self, node: cst.With) -> None:
        if len(node.items) != 1 or not self._is_session(node.items[0].item):
            return
        session = node.items[0].item
        target = node.items[0].asname.name if node.items[0].asname is not None else None
        uses_to_remove: List[cst.SimpleStatementLine] = []
        if isinstance(target, cst.Name):
            blocker = self._blocker(session, target, uses_to_remove)
        elif target is None:
            blocker = (session, "it is created with arguments") if session.args else None
        else:
            blocker = (target, "it is bound to something other than a name")
        if blocker is not None:
            self._report_kept(*blocker, "the session")
            return
        self.plan[node] = [UNWRAP]
        self._remove_uses(uses_to_remove)
        self.note_maybe_unused(session.func)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        """A session factory (``def get_session(): ...; return tf.Session()``) whose every caller only hands
        the session to Keras: the return goes, and ``set_session(get_session())`` becomes ``get_session()``."""
        body = node.body.body
        last = body[-1] if isinstance(node.body, cst.IndentedBlock) and body else None
        if not m.matches(last, m.SimpleStatementLine([m.Return()])) or not self._is_session(last.body[0].value):
            return
        session = last.body[0].value
        callers = self._factory_callers(node)
        if isinstance(callers, tuple):
            self._report_kept(*callers, f"the session returned by `{node.name.value}()`")
            return
        self.plan[last] = []
        self.unwrap_set_session.update(callers)
        self.note_maybe_unused(session.func, *(c.func for c in callers))
        self.report(
            node.name,
            f"`{node.name.value}()` no longer returns a session: its callers only handed it to Keras, and "
            "the session is gone",
            "rename the function after what it does now (e.g. `configure_gpus`)",
            Severity.INFO,
        )

    def _factory_callers(self, function: cst.FunctionDef):
        """The ``set_session(function())`` calls, when they are the only uses of the function; else
        (node, why) for the use that is not."""
        if m.findall(function.body, m.Return()) != [function.body.body[-1].body[0]]:
            return function, "it returns from more than one place"
        scope = self.get_metadata(ScopeProvider, function, None)
        assignments = list(scope.assignments[function.name.value]) if scope is not None else []
        if len(assignments) != 1 or not assignments[0].references:
            return function.name, "the function name is rebound, or never called here"
        callers = []
        for access in assignments[0].references:
            call = self.get_metadata(ParentNodeProvider, access.node, None)
            arg = self.get_metadata(ParentNodeProvider, call, None) if isinstance(call, cst.Call) else None
            outer = self.get_metadata(ParentNodeProvider, arg, None) if isinstance(arg, cst.Arg) else None
            statement = self.get_metadata(ParentNodeProvider, outer, None) if isinstance(outer, cst.Call) else None
            if not (
                isinstance(statement, cst.Expr)
                and self._set_session_argument(statement) is call
                and call.func is access.node
            ):
                return access.node, "it is used for more than Keras's set_session"
            callers.append(outer)
        return callers

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if node in self.plan or len(node.body) != 1:
            return
        small = node.body[0]
        if m.matches(small, m.Assign(targets=[m.AssignTarget(m.Name())])) and self._is_session(small.value):
            self._remove_session_variable(node, small)
        elif self._set_session_argument(small) is not None and self._is_session(self._set_session_argument(small), bare=True):
            self.plan[node] = []
            self.note_maybe_unused(small.value.func, self._set_session_argument(small).func)

    def _remove_session_variable(self, statement: cst.SimpleStatementLine, assign: cst.Assign) -> None:
        target = assign.targets[0].target
        assert isinstance(target, cst.Name) and isinstance(assign.value, cst.Call)
        uses_to_remove: List[cst.SimpleStatementLine] = []
        blocker = self._blocker(assign.value, target, uses_to_remove)
        if blocker is not None:
            self._report_kept(*blocker, f"tf.Session `{target.value}`")
            return
        self.plan[statement] = []
        self._remove_uses(uses_to_remove)
        self.note_maybe_unused(assign.value.func)

    def _remove_uses(self, uses: List[cst.SimpleStatementLine]) -> None:
        for use in uses:
            self.plan[use] = []
            if self._set_session_argument(use.body[0]) is not None:
                self.note_maybe_unused(use.body[0].value.func)

    def _report_kept(self, node: cst.CSTNode, why: str, what: str) -> None:
        self.report(
            node,
            f"{what} is kept: {why}. `tf.Session` does not exist in TensorFlow 2",
            "convert the code that uses the session to eager TF2 (run ops directly, tf.function for graphs)",
        )

    def _blocker(self, call: cst.Call, target: cst.Name, uses_to_remove: List[cst.SimpleStatementLine]):
        """Why the session cannot go, as (node, reason); None when every use is removable."""
        if call.args:
            return call, "it is created with arguments"
        scope = self.get_metadata(ScopeProvider, target, None)
        assignments = list(scope.assignments[target.value]) if scope is not None else []
        if len(assignments) != 1:
            return target, "the name is assigned more than once"
        for access in assignments[0].references:
            statement = self._removable_use(access.node)
            if statement is None:
                return access.node, "it is used for more than Keras's set_session and close()"
            uses_to_remove.append(statement)
        return None

    def _removable_use(self, use: cst.CSTNode) -> Optional[cst.SimpleStatementLine]:
        """The statement, when it is ``set_session(sess)`` or ``sess.close()`` standing alone."""
        parent = self.get_metadata(ParentNodeProvider, use, None)
        statement = parent
        while statement is not None and not isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            statement = self.get_metadata(ParentNodeProvider, statement, None)
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            return None
        small = statement.body[0]
        if self._set_session_argument(small) is use:
            return statement
        if m.matches(small, m.Expr(m.Call(func=m.Attribute(attr=m.Name("close")), args=[]))) and small.value.func.value is use:
            return statement
        return None

    def _set_session_argument(self, small: cst.BaseSmallStatement) -> Optional[cst.BaseExpression]:
        """``x`` when the statement is ``set_session(x)`` by any of Keras's names for it."""
        if not m.matches(small, m.Expr(m.Call(args=[m.Arg(keyword=None, star="")]))):
            return None
        call = small.value
        if self.bindings.tf1_qualified(call.func) in SET_SESSION:
            return call.args[0].value
        return None

    def _is_session(self, node: cst.BaseExpression, bare: bool = False) -> bool:
        return (
            isinstance(node, cst.Call)
            and self.bindings.tf1_qualified(node.func) in SESSIONS
            and not (bare and node.args)
        )

    # --- transformation ----------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if original_node in self.unwrap_set_session:
            return updated_node.args[0].value
        if self.bindings.qualified(original_node.func) != TF_BACKEND_CLEAR_SESSION:
            return updated_node
        self.note_maybe_unused(original_node.func)
        tf = self.bindings.alias_for("tensorflow")
        if tf is None:
            tf = "tf"
            AddImportsVisitor.add_needed_import(self.context, "tensorflow", asname="tf")
        return updated_node.with_changes(func=cst.parse_expression(f"{tf}.keras.backend.clear_session"))

