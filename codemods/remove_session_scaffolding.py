from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.metadata import Assignment, ParentNodeProvider, ScopeProvider

from codemods._blocks import UNWRAP, BlockRewriter
from codemods._names import TracksImports, dotted
from codemods._session_graph import first_graph_construct
from codemods._session_tensors import INITIALIZER, TENSOR, Proven, TensorProvenance, Unproven, source
from tf2migrate.codemod import FixSafety
from tf2migrate.results import Severity

SESSIONS = ("tensorflow.Session", "tensorflow.InteractiveSession")
INTERACTIVE_SESSION = "tensorflow.InteractiveSession"
KERAS_GET_SESSION = (
    "keras.backend.get_session",
    "keras.backend.tensorflow_backend.get_session",
    "tensorflow.keras.backend.get_session",
    "tensorflow.python.keras.backend.get_session",
)
SET_SESSION = (
    "keras.backend.set_session",
    "keras.backend.tensorflow_backend.set_session",
    "tensorflow.keras.backend.set_session",
    "tensorflow.python.keras.backend.set_session",
)
TENSORFLOW_BACKEND = "keras.backend.tensorflow_backend"
TF_BACKEND_CLEAR_SESSION = TENSORFLOW_BACKEND + ".clear_session"
RESET_DEFAULT_GRAPH = "tensorflow.reset_default_graph"
READ_ONLY_ATTRIBUTES = ("initializer", "eval", "shape", "dtype", "name", "get_shape", "numpy")
RUN, EVAL = "run", "eval"

Blocker = Tuple[cst.CSTNode, str]


@dataclass(eq=False)
class Session:
    """One session of the file and what its removal takes."""

    call: cst.Call  # the call that creates it
    label: str  # how findings name it
    statement: cst.BaseStatement  # the statement that creates it: removed, or unwrapped when it is a `with`
    holder: Optional[cst.Name] = None
    interactive: bool = False
    uses: List[cst.CSTNode] = field(default_factory=list)  # references of `holder`
    default_calls: List[cst.Call] = field(default_factory=list)  # x.eval() / op.run() it runs as the default
    removals: List[cst.BaseStatement] = field(default_factory=list)
    unwraps: List[cst.With] = field(default_factory=list)  # `with sess.as_default():`
    numpy_calls: Dict[cst.Call, str] = field(default_factory=dict)  # sess.run(x) / x.eval() -> eager values
    unused: List[cst.BaseExpression] = field(default_factory=list)
    variables: Set[Assignment] = field(default_factory=set)
    initializer_names: Set[Assignment] = field(default_factory=set)
    needs_eager: bool = False  # its removal turns graph values into eager ones
    blocker: Optional[Blocker] = None


class RemoveSessionScaffolding(TracksImports, BlockRewriter):
    """Remove `tf.Session` scaffolding: values the session fetched become eager values.

    What it does:
    Removes a session (`sess = tf.Session()`, `tf.InteractiveSession()`, `tf.compat.v1.Session()`,
    `sess = K.get_session()`; `with tf.Session() as sess:` has its body dedented, comments kept) when every use
    of it is one it can carry over: `sess.close()`, Keras's `set_session(sess)`, `with sess.as_default():`,
    runs of variable initializers (`sess.run(tf.global_variables_initializer())`, `init.run()`, and
    `init = tf.global_variables_initializer()` itself), and fetches of tensors the file computes with pure ops
    from constants, Python values and variables nothing changes: `sess.run(x)`, `x.eval()` (in the
    InteractiveSession or a `with` session) and `x.eval(session=sess)` become `x.numpy()`, `sess.run([a, b])`
    becomes `[a.numpy(), b.numpy()]` (tuples and dicts likewise). Turns `tf.reset_default_graph()` at the start of
    the program or of a function into `tf.keras.backend.clear_session()`, and `tensorflow_backend.clear_session()`
    into `tf.keras.backend.clear_session()`; a session factory only handed to Keras loses its `return`; imports
    left unused go.

    Why:
    TF2 executes eagerly: `tf.Session`, initializers and `set_session` do not exist in TensorFlow 2.21. A tensor
    built from constants and unchanging variables already holds its value, which is what the session returned.

    Example:
    ```python
    import tensorflow as tf

    a = tf.constant([1.0, 2.0])
    total = tf.reduce_sum(a * 2.0)
    with tf.Session() as sess:
        # one run for both
        a_value, total_value = sess.run([a, total])
        print(total_value)
    ```

    Use instead:
    ```python
    import tensorflow as tf

    a = tf.constant([1.0, 2.0])
    total = tf.reduce_sum(a * 2.0)
    # one run for both
    a_value, total_value = [a.numpy(), total.numpy()]
    print(total_value)
    ```

    Fix safety:
    Safe: a pure op of constants and variables nothing assigns gives in eager, once, the value every session run
    gave; variables are initialized when created. Whatever cannot be shown to be such a value is not converted.

    Limitations:
    Decided per file and per session: a session with one use it cannot carry over (`feed_dict`, a fetch of a
    state-changing, random or placeholder op, of a value from a parameter or an unknown call, a variable that is
    assigned or handed to other code, the session stored on an object such as `self.sess`, passed along or
    created with arguments) is kept with all its uses, with a finding naming that use and its line; then no
    session of the file becomes eager (the file goes on as a graph program through tf.compat.v1), nor when
    other graph-only code (placeholders, `tf.train`, `tf.assign`) remains. A name assigned more than once is not
    followed (`x = sess.run(x)`): a session assigned to such a name is kept, and so is every session of a `with`
    bound to it (`with` sessions that only share their name with each other are followed, each in its block).
    `tf.reset_default_graph()` elsewhere is left, with a finding; so are it and `tensorflow_backend.clear_session()`
    where the file does not import TensorFlow and uses the name `tf` for something else.
    """

    NAME = "remove-session-scaffolding"
    FIX_SAFETY = FixSafety.SAFE
    # What it acts on starts at a session (`Session`, `InteractiveSession`, Keras's `get_session`), a
    # `reset_default_graph()` or a `tensorflow_backend.clear_session()`; `set_session` only with a session.
    TRIGGERS = ("Session", "get_session", "reset_default_graph", "tensorflow_backend")
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.unwrap_set_session: Set[cst.Call] = set()  # set_session(factory()) calls that become factory()
        self.numpy_calls: Dict[cst.Call, str] = {}
        self.resets: Set[cst.Call] = set()  # tf.reset_default_graph() calls that become clear_session()
        self.sessions: List[Session] = []
        self.other_kept: Optional[Blocker] = None  # a session kept outside self.sessions
        self.skip: Set[cst.CSTNode] = set()  # what goes or changes: not looked at for graph constructs

    # --- analysis: every decision is made on the original tree, before anything changes -------------------------

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.provenance = TensorProvenance(self, self.bindings)
        calls = m.findall(node, m.Call())
        for call in calls:
            self._follow_session_call(call)
        self._plan_resets(calls)
        owner_of_use = self._collect_uses()
        unowned = self._assign_default_calls(calls, owner_of_use)
        for session in self.sessions:
            self._classify(session)
        self._check_initializer_names()
        self._check_variables()
        self._decide(node, unowned)

    def _follow_session_call(self, call: cst.Call) -> None:
        """Registers the session ``call`` creates, or plans/reports the forms followed elsewhere."""
        name = self.bindings.tf1_qualified(call.func)
        keras_session = self.bindings.tf1_qualified(call.func) in KERAS_GET_SESSION
        if name not in SESSIONS and not keras_session:
            return
        parent = self._parent(call)
        statement = self._standalone_statement(parent) if isinstance(parent, (cst.Assign, cst.Expr)) else None
        if isinstance(parent, cst.Assign) and statement is not None and len(parent.targets) == 1:
            self._named_session(call, parent.targets[0].target, statement, keras_session)
        elif keras_session:
            return  # `K.get_session().run(...)`: left to the graph-construct scan and the Keras codemods
        elif isinstance(parent, cst.WithItem) and len(self._parent(parent).items) == 1:
            self._with_session(call, parent)
        elif isinstance(parent, cst.Expr) and statement is not None:
            self._add_session(call, "a bare `tf.Session()`", statement)
        elif isinstance(parent, cst.Return):
            self._follow_factory(call, parent)
        elif isinstance(parent, cst.Arg) and self._inline_set_session(call, parent):
            return
        else:
            self._keep_other(call, call, "the session is created where this codemod cannot follow its uses", "the session")

    def _named_session(self, call: cst.Call, target: cst.BaseExpression, statement, keras_session: bool) -> None:
        if not isinstance(target, cst.Name):
            self._keep_other(
                call, target, f"it is stored on an object (`{source(target)}`), where its uses cannot be followed",
                "the session",
            )
            return
        kind = "Keras's session" if keras_session else "tf.Session"
        session = self._add_session(call, f"{kind} `{target.value}`", statement)
        session.holder = target

    def _with_session(self, call: cst.Call, item: cst.WithItem) -> None:
        with_statement = self._parent(item)
        target = item.asname.name if item.asname is not None else None
        label = f"tf.Session `{target.value}`" if isinstance(target, cst.Name) else "the `with tf.Session()` session"
        session = self._add_session(call, label, with_statement)
        if target is not None and not isinstance(target, cst.Name):
            session.blocker = (target, "it is bound to something other than a name")
        session.holder = target if isinstance(target, cst.Name) else None

    def _add_session(self, call: cst.Call, label: str, statement: cst.BaseStatement) -> Session:
        session = Session(call, label, statement, interactive=self.bindings.tf1_qualified(call.func) == INTERACTIVE_SESSION)
        if call.args:
            session.blocker = (call, "it is created with arguments")
        self.sessions.append(session)
        return session

    def _keep_other(self, call: cst.Call, node: cst.CSTNode, why: str, what: str) -> None:
        self.other_kept = self.other_kept or (node, f"{what} at line {self._line(call)} is kept")
        self._report_kept(what, node, why)

    def _inline_set_session(self, call: cst.Call, arg: cst.Arg) -> bool:
        """``set_session(tf.Session())`` alone on its line: planned for removal."""
        outer = self._parent(arg)
        statement = self._standalone_statement(self._parent(outer))
        if statement is None or call.args or self._set_session_argument(statement.body[0]) is not call:
            return False
        self.plan[statement] = []
        self.skip.add(statement)
        self.note_maybe_unused(outer.func, call.func)
        return True

    def _follow_factory(self, session: cst.Call, ret: cst.Return) -> None:
        """A session factory (``def get_session(): ...; return tf.Session()``) whose every caller only hands
        the session to Keras: the return goes, and ``set_session(get_session())`` becomes ``get_session()``."""
        statement = self._parent(ret)
        block = self._parent(statement)
        function = self._parent(block)
        if not (
            isinstance(function, cst.FunctionDef)
            and isinstance(block, cst.IndentedBlock)
            and block.body[-1] is statement
            and len(statement.body) == 1
        ):
            self._keep_other(session, ret, "it is returned from where this codemod cannot follow it", "the session")
            return
        what = f"the session returned by `{function.name.value}()`"
        callers = self._factory_callers(function) if not session.args else (session, "it is created with arguments")
        if isinstance(callers, tuple):
            self._keep_other(session, callers[0], callers[1], what)
            return
        self.plan[statement] = []
        self.skip.add(statement)
        self.unwrap_set_session.update(callers)
        self.note_maybe_unused(session.func, *(c.func for c in callers))
        self.report(
            function.name,
            f"`{function.name.value}()` no longer returns a session: its callers only handed it to Keras, and "
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
        for access in self.in_source_order(assignments[0].references):
            call = self._parent(access.node)
            arg = self._parent(call) if isinstance(call, cst.Call) else None
            outer = self._parent(arg) if isinstance(arg, cst.Arg) else None
            statement = self._parent(outer) if isinstance(outer, cst.Call) else None
            if not (
                isinstance(statement, cst.Expr)
                and self._set_session_argument(statement) is call
                and call.func is access.node
            ):
                return access.node, "it is used for more than Keras's set_session"
            callers.append(outer)
        return callers

    def _plan_resets(self, calls: List[cst.Call]) -> None:
        for call in calls:
            if self.bindings.tf1_qualified(call.func) != RESET_DEFAULT_GRAPH:
                continue
            statement = self._expression_statement(call)
            if self.tensorflow_name(add_import=False) is None:
                self._report_no_tensorflow_name(call)
            elif statement is not None and not call.args and self._starts_program_or_function(statement):
                self.resets.add(call)
                self.skip.add(call)
                self.note_maybe_unused(call.func)
            else:
                self.report(
                    call,
                    "`tf.reset_default_graph()` is left: away from the start of the program or of a function that "
                    "builds a fresh model, what it resets cannot be told from here",
                    "use `tf.keras.backend.clear_session()` where it clears Keras state before a new model; in "
                    "eager TF2 there is no default graph to reset",
                )

    def _starts_program_or_function(self, statement: cst.SimpleStatementLine) -> bool:
        block = self._parent(statement)
        if isinstance(block, cst.IndentedBlock) and isinstance(self._parent(block), cst.FunctionDef):
            before = block.body[: block.body.index(statement)]
            return all(m.matches(s, m.SimpleStatementLine([m.Expr(m.SimpleString())])) for s in before)
        if isinstance(block, cst.Module):
            before = block.body[: block.body.index(statement)]
            return not any(self._runs_tf_or_keras(s) for s in before)
        return False

    def _runs_tf_or_keras(self, statement: cst.BaseStatement) -> bool:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) or m.matches(
            statement, m.SimpleStatementLine([m.Import() | m.ImportFrom()])
        ):
            return False
        for name in m.findall(statement, m.Name()):
            if self.bindings.names.get(name.value, "").split(".")[0] in ("tensorflow", "keras"):
                return True
        return False

    def _collect_uses(self) -> Dict[cst.CSTNode, Session]:
        """Each session's name references (``sess`` in ``sess.run(x)``); returns reference -> session."""
        owner_of_use: Dict[cst.CSTNode, Session] = {}
        for session in self.sessions:
            session.uses = self._references(session) if session.holder is not None else []
            for use in session.uses:
                owner_of_use[use] = session
        return owner_of_use

    def _references(self, session: Session) -> List[cst.CSTNode]:
        holder = session.holder
        scope = self.get_metadata(ScopeProvider, holder, None)
        assignments = list(scope.assignments[holder.value]) if scope is not None else []
        # Scope metadata holds sets: in source order, the first blocking use (the one reported) is the same each run.
        uses = sorted({access.node for a in assignments for access in a.references}, key=self.position)
        if not isinstance(session.statement, cst.With):
            if len(assignments) != 1:
                session.blocker = session.blocker or (holder, "the name is assigned more than once")
            return uses
        others = [a.node for a in assignments if a.node is not holder]
        # A session assigned outside a `with` to the same name is kept (its name is assigned more than once), and
        # so is this one: removing only this one would leave that one's name assigned once, for the next run.
        if any(other is s.holder for other in others for s in self.sessions if not isinstance(s.statement, cst.With)):
            session.blocker = session.blocker or (holder, "the name is assigned more than once")
        body = session.statement.body
        if any(self._inside(node, body) for node in others):
            session.blocker = session.blocker or (holder, "the name is assigned again inside the `with` block")
        # The enclosing `with` session of the same name is kept (above); unwrapping only this one would leave
        # that one's name assigned once, for the next run.
        enclosing = [s for s in self.sessions if s.holder in others and isinstance(s.statement, cst.With)]
        if any(self._inside(session.statement, s.statement.body) for s in enclosing):
            session.blocker = session.blocker or (holder, "an enclosing `with` session binds the same name")
        other_bodies = [self._statement(node) for node in others]
        other_bodies = [w.body for w in other_bodies if isinstance(w, cst.With)]
        return [u for u in uses if self._inside(u, body) or not any(self._inside(u, b) for b in other_bodies)]

    def _assign_default_calls(self, calls: List[cst.Call], owner_of_use) -> List[cst.Call]:
        """``x.eval()`` and ``op.run()`` run in the default session: the one of the `with` around them, else the
        file's InteractiveSession. Returns the calls no session of the file owns."""
        scoped = {s.statement: s for s in self.sessions if isinstance(s.statement, cst.With)}
        for session in self.sessions:
            for use in session.uses:
                with_statement = self._as_default_with(use)
                if with_statement is not None:
                    scoped[with_statement] = session
        interactive = [s for s in self.sessions if s.interactive]
        session_default = interactive[0] if len(interactive) == 1 else None
        unowned = []
        for call in calls:
            if not self._is_default_call(call):
                continue
            owner = self._lexical_owner(call, scoped) or session_default
            if owner is None:
                unowned.append(call)
            else:
                owner.default_calls.append(call)
        return unowned

    def _as_default_with(self, use: cst.CSTNode) -> Optional[cst.With]:
        """The ``with sess.as_default():`` statement ``use`` heads, if it does."""
        attribute = self._parent(use)
        call = self._parent(attribute)
        item = self._parent(call)
        with_statement = self._parent(item)
        if (
            m.matches(attribute, m.Attribute(attr=m.Name("as_default")))
            and m.matches(call, m.Call(args=[]))
            and isinstance(item, cst.WithItem)
            and item.asname is None
            and isinstance(with_statement, cst.With)
            and len(with_statement.items) == 1
        ):
            return with_statement
        return None

    def _lexical_owner(self, call: cst.Call, scoped: Dict[cst.With, Session]) -> Optional[Session]:
        child: cst.CSTNode = call
        node = self._parent(call)
        while node is not None and not isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            if isinstance(node, cst.With) and node in scoped and child is node.body:
                return scoped[node]
            child, node = node, self._parent(node)
        return None

    def _is_default_call(self, call: cst.Call) -> bool:
        func = call.func
        if not isinstance(func, cst.Attribute) or any(a.keyword and a.keyword.value == "session" for a in call.args):
            return False
        if func.attr.value == "eval":
            return True
        return func.attr.value == "run" and not any(a.keyword is None for a in call.args)

    # --- one session's uses ------------------------------------------------------------------------------------

    def _classify(self, session: Session) -> None:
        if session.blocker is not None:
            return
        for use in session.uses:
            session.blocker = self._classify_use(session, use)
            if session.blocker is not None:
                return
        for call in session.default_calls:
            session.blocker = self._classify_default_call(session, call)
            if session.blocker is not None:
                return

    def _classify_use(self, session: Session, use: cst.CSTNode) -> Optional[Blocker]:
        parent = self._parent(use)
        if isinstance(parent, cst.Attribute) and parent.value is use:
            call = self._parent(parent)
            if not (isinstance(call, cst.Call) and call.func is parent):
                return use, f"`{source(parent)}` uses the session object"
            if parent.attr.value == "close" and not call.args:
                return self._remove(session, call, "closes the session")
            if parent.attr.value == "run":
                return self._classify_run(session, call)
            with_statement = self._as_default_with(use)
            if with_statement is not None:
                session.unwraps.append(with_statement)
                return None
            return call, f"`{source(call)}` uses the session for more than running values"
        if isinstance(parent, cst.Arg):
            call = self._parent(parent)
            if m.matches(parent.keyword, m.Name("session")) and isinstance(call.func, cst.Attribute):
                return self._classify_default_call(session, call)
            statement = self._standalone_statement(self._parent(call))
            if statement is not None and self._set_session_argument(statement.body[0]) is use:
                session.removals.append(statement)
                session.unused.append(call.func)
                return None
            return call, f"`{source(call)}` hands the session to `{source(call.func)}`"
        return use, f"`{source(parent)}` uses the session as a value"

    def _remove(self, session: Session, call: cst.Call, what: str) -> Optional[Blocker]:
        statement = self._expression_statement(call)
        if statement is None:
            return call, f"`{source(call)}` {what} inside a larger statement"
        session.removals.append(statement)
        return None

    def _classify_run(self, session: Session, call: cst.Call) -> Optional[Blocker]:
        keywords = [a.keyword.value for a in call.args if a.keyword is not None]
        if "feed_dict" in keywords:
            return call, f"`{source(call)}` feeds placeholders (feed_dict): its values change from run to run"
        if len(call.args) != 1 or keywords or call.args[0].star:
            return call, f"`{source(call)}` passes arguments this codemod cannot carry over"
        fetch = call.args[0].value
        if self._expression_statement(call) is not None:
            verdict = self.provenance.explain(fetch)
            if isinstance(verdict, Unproven):
                return self._unproven(call, verdict)
            self._record(session, verdict)
            if isinstance(fetch, cst.Call):
                session.unused.append(fetch.func)
            return self._remove(session, call, "runs an op")
        blocker = self._check_fetch(session, call, fetch)
        if blocker is None:
            session.numpy_calls[call] = RUN
        return blocker

    def _check_fetch(self, session: Session, call: cst.Call, fetch: cst.BaseExpression) -> Optional[Blocker]:
        """Whether the value of ``fetch`` can be an eager one: lists, tuples and dicts of proven tensors."""
        if isinstance(fetch, (cst.List, cst.Tuple)):
            parts = [e.value for e in fetch.elements if not isinstance(e, cst.StarredElement)]
            if len(parts) != len(fetch.elements):
                return call, f"`{source(call)}` fetches a starred list"
        elif isinstance(fetch, cst.Dict):
            parts = [e.value for e in fetch.elements if isinstance(e, cst.DictElement)]
            if len(parts) != len(fetch.elements):
                return call, f"`{source(call)}` fetches an unpacked dict"
        else:
            verdict = self.provenance.explain(fetch)
            if isinstance(verdict, Unproven):
                return self._unproven(call, verdict)
            if verdict.kind != TENSOR:
                return call, f"`{source(call)}` uses the result of running `{source(fetch)}`, which is not a tensor"
            self._record(session, verdict)
            return None
        for part in parts:
            blocker = self._check_fetch(session, call, part)
            if blocker is not None:
                return blocker
        return None

    def _classify_default_call(self, session: Session, call: cst.Call) -> Optional[Blocker]:
        """``x.eval()`` / ``x.eval(session=sess)`` and ``op.run()`` / ``op.run(session=sess)``."""
        others = [a for a in call.args if not m.matches(a.keyword, m.Name("session"))]
        if others:
            return call, f"`{source(call)}` passes arguments (feed_dict?) this codemod cannot carry over"
        verdict = self.provenance.explain(call.func.value)
        if isinstance(verdict, Unproven):
            return self._unproven(call, verdict)
        if call.func.attr.value == "run":
            if verdict.kind != INITIALIZER:
                return call, f"`{source(call)}` runs an op that is not a variable initializer"
            self._record(session, verdict)
            session.unused.append(call.func)
            return self._remove(session, call, "runs an initializer")
        if verdict.kind != TENSOR:
            return call, f"`{source(call)}` evaluates something that is not a tensor"
        self._record(session, verdict)
        session.numpy_calls[call] = EVAL
        return None

    def _record(self, session: Session, verdict: Proven) -> None:
        session.variables |= verdict.variables
        session.initializer_names |= verdict.initializer_names
        session.needs_eager = True

    def _unproven(self, call: cst.Call, verdict: Unproven) -> Blocker:
        where = self._line(verdict.node)
        at = f" (line {where})" if where != self._line(call) else ""
        return call, f"`{source(call)}` fetches a value that cannot be shown to be the same in eager TF2: {verdict.reason}{at}"

    # --- what the sessions share -------------------------------------------------------------------------------

    def _check_initializer_names(self) -> None:
        """``init = tf.global_variables_initializer()`` goes with the runs of ``init``, if those are all its uses."""
        removed = {s for session in self.sessions if session.blocker is None for s in session.removals}
        for session in self.sessions:
            if session.blocker is not None:
                continue
            for assignment in session.initializer_names:
                statement = self._statement(assignment.node)
                for access in self.in_source_order(assignment.references):
                    if self._statement(access.node) not in removed:
                        session.blocker = (access.node, f"`{assignment.name}` is used for more than being run")
                        break
                else:
                    session.removals.append(statement)
                    session.unused.append(self._parent(self._parent(assignment.node)).value.func)

    def _check_variables(self) -> None:
        for session in self.sessions:
            for assignment in sorted(session.variables, key=lambda a: self._line(a.node)):
                if session.blocker is not None:
                    break
                session.blocker = self._variable_blocker(assignment)

    def _variable_blocker(self, assignment: Assignment) -> Optional[Blocker]:
        """Where a fetched variable is used in a way that may change it (it must keep its first value)."""
        for access in self.in_source_order(assignment.references):
            node = access.node
            parent = self._parent(node)
            while isinstance(parent, (cst.Element, cst.List, cst.Tuple, cst.DictElement, cst.Dict)):
                node, parent = parent, self._parent(parent)
            if isinstance(parent, (cst.BinaryOperation, cst.UnaryOperation, cst.Comparison, cst.ComparisonTarget)):
                continue
            if isinstance(parent, (cst.Subscript, cst.Index, cst.Slice)):
                continue
            if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in READ_ONLY_ATTRIBUTES:
                continue
            if isinstance(parent, cst.Arg) and self._reads_only(self._parent(parent)):
                continue
            return access.node, f"`{source(parent)}` may change the variable `{assignment.name}`"
        return None

    def _reads_only(self, call: cst.Call) -> bool:
        if m.matches(call.func, m.Attribute(attr=m.Name("run"))):
            return True  # a session fetch
        return isinstance(self.provenance.explain(call), Proven)

    def _decide(self, module: cst.Module, unowned: List[cst.Call]) -> None:
        for session in self.sessions:
            if session.blocker is not None:
                self._report_kept(session.label, *session.blocker, line=self._line(session.call))
        leaving = [s for s in self.sessions if s.blocker is None]
        for session in leaving:
            self.skip.update([session.call, *session.removals, *session.numpy_calls])
            if not isinstance(session.statement, cst.With):
                self.skip.add(session.statement)
        # Without its session, an `x.eval()` no session owns fails; an eager value fails in graph mode.
        held_back = [s for s in leaving if s.needs_eager or unowned]
        reason = self._graph_mode_reason(module, unowned) if held_back else None
        for session in leaving:
            if reason is not None and session in held_back:
                self._report_kept(session.label, *reason, line=self._line(session.call))
            else:
                self._apply(session)

    def _graph_mode_reason(self, module: cst.Module, unowned: List[cst.Call]) -> Optional[Blocker]:
        """Why the file will still run in graph mode, where eager values cannot be: the first cause."""
        kept = [(s.call, f"{s.label} at line {self._line(s.call)} is kept") for s in self.sessions if s.blocker]
        if unowned:
            found = unowned[0], f"`{source(unowned[0])}` runs in whatever session is the default when it is called"
        elif kept:
            found = kept[0]
        elif self.other_kept is not None:
            found = self.other_kept
        else:
            found = first_graph_construct(module, self.provenance.tf_name, self.bindings.tf1_qualified, self.skip)
        if found is None:
            return None
        return found[0], f"{found[1]}, so the file will still run in graph mode, where eager values do not exist"

    def _apply(self, session: Session) -> None:
        self.plan[session.statement] = [UNWRAP] if isinstance(session.statement, cst.With) else []
        for statement in session.removals:
            self.plan[statement] = []
        for with_statement in session.unwraps:
            self.plan[with_statement] = [UNWRAP]
        self.numpy_calls.update(session.numpy_calls)
        self.note_maybe_unused(session.call.func, *session.unused)

    def _report_kept(self, what: str, node: cst.CSTNode, why: str, line: Optional[int] = None) -> None:
        where = f" (line {line})" if line is not None else ""
        self.report(
            node,
            f"{what}{where} is kept, with all its uses: line {self._line(node)}: {why}. `tf.Session` does not "
            "exist in TensorFlow 2: the file keeps running as a TF1 graph program (through tf.compat.v1)",
            "make that code eager (run ops directly, update variables with `v.assign_add(...)` in Python, "
            "tf.function for speed), then remove the session",
        )

    # --- small helpers -----------------------------------------------------------------------------------------

    def _parent(self, node: Optional[cst.CSTNode]) -> Optional[cst.CSTNode]:
        return self.get_metadata(ParentNodeProvider, node, None) if node is not None else None

    def _line(self, node: cst.CSTNode) -> int:
        return self.position(node)[0]

    def _inside(self, node: cst.CSTNode, ancestor: cst.CSTNode) -> bool:
        while node is not None:
            if node is ancestor:
                return True
            node = self._parent(node)
        return False

    def _statement(self, node: cst.CSTNode) -> Optional[cst.BaseStatement]:
        while node is not None and not isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            node = self._parent(node)
        return node

    def _standalone_statement(self, small: Optional[cst.CSTNode]) -> Optional[cst.SimpleStatementLine]:
        """The line ``small`` (an ``Expr`` or ``Assign``) is alone on."""
        if not isinstance(small, (cst.Expr, cst.Assign)):
            return None
        statement = self._parent(small)
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            return statement
        return None

    def _expression_statement(self, call: cst.Call) -> Optional[cst.SimpleStatementLine]:
        """The line ``call`` is alone on, as a statement of its own (its value unused)."""
        parent = self._parent(call)
        return self._standalone_statement(parent) if isinstance(parent, cst.Expr) else None

    def _set_session_argument(self, small: cst.BaseSmallStatement) -> Optional[cst.BaseExpression]:
        """``x`` when the statement is ``set_session(x)`` by any of Keras's names for it."""
        if not m.matches(small, m.Expr(m.Call(args=[m.Arg(keyword=None, star="")]))):
            return None
        call = small.value
        if self.bindings.tf1_qualified(call.func) in SET_SESSION:
            return call.args[0].value
        return None

    # --- transformation ----------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if original_node in self.unwrap_set_session:
            return updated_node.args[0].value
        if original_node in self.numpy_calls:
            value = updated_node.args[0].value if self.numpy_calls[original_node] == RUN else updated_node.func.value
            replacement = eager_value(value)
            if updated_node.lpar:
                replacement = replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
            return replacement
        if original_node in self.resets:
            return updated_node.with_changes(func=self._tf_keras_name("clear_session"))
        if self.bindings.qualified(original_node.func) != TF_BACKEND_CLEAR_SESSION:
            return updated_node
        if self.tensorflow_name(add_import=False) is None:
            self._report_no_tensorflow_name(original_node)
            return updated_node
        self.note_maybe_unused(original_node.func)
        return updated_node.with_changes(func=self._tf_keras_name("clear_session"))

    def _report_no_tensorflow_name(self, call: cst.Call) -> None:
        self.report(
            call,
            f"`{dotted(call.func)}()` is left: its TF2 form is `tf.keras.backend.clear_session()`, and this module "
            "does not import TensorFlow while it uses `tf` for something else, which an import would change",
            "import tensorflow under a free name and call its `keras.backend.clear_session()`",
        )

    def _tf_keras_name(self, name: str) -> cst.BaseExpression:
        tf = self.tensorflow_name()
        return cst.parse_expression(f"{tf}.keras.backend.{name}")


def eager_value(fetch: cst.BaseExpression) -> cst.BaseExpression:
    """``[a, b]`` -> ``[a.numpy(), b.numpy()]``; ``x`` -> ``x.numpy()``: what ``sess.run(fetch)`` returned."""
    if isinstance(fetch, (cst.List, cst.Tuple, cst.Dict)):
        elements = [e.with_changes(value=eager_value(e.value)) for e in fetch.elements]
        return fetch.with_changes(elements=elements)
    if not isinstance(fetch, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) and not fetch.lpar:
        fetch = fetch.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.Call(func=cst.Attribute(value=fetch, attr=cst.Name("numpy")))
