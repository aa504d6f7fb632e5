from __future__ import annotations

from typing import Dict, List, Optional, Set

import libcst as cst
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._blocks import UNWRAP, BlockRewriter
from codemods._graph_emit import Emitter
from codemods._graph_program import Blocked, GraphAnalysis, Program
from codemods._names import TracksImports
from codemods._session_graph import first_graph_construct
from codemods._session_tensors import source
from codemods._walk import find_all
from tf2migrate.codemod import FixSafety
from tf2migrate.results import Severity

TO_EAGER = (
    "make the graph eager by hand: placeholders become function arguments, tensors become functions of them, "
    "`minimize` becomes tf.GradientTape + a tf.keras.optimizers optimizer, `sess.run(t, feed_dict=...)` becomes "
    "`t(...).numpy()`"
)


class GraphProgramsToEagerFunctions(TracksImports, BlockRewriter):
    """Turn a TF1 graph program (placeholders, feed_dict, a tf.train optimizer, sess.run) into eager functions.

    What it does:
    For a file whose graph is built at module level or in one function, with one session: each placeholder
    becomes an argument of the functions that need it (its dtype and shape kept in a `tf.TensorSpec` input
    signature); each tensor that reads placeholders or variables becomes a `tf.function` of its placeholders (so
    it is recomputed on every call, as `sess.run` recomputed it); `tf.Variable`s stay, created once;
    `tf.layers.dense(x, n, ...)` and `tf.keras.layers.X(...)(x)` become a layer object created once where the
    graph was built and called inside the function; `tf.train.GradientDescentOptimizer / MomentumOptimizer /
    AdamOptimizer / RMSPropOptimizer` become `tf.keras.optimizers.SGD / SGD(momentum=) / Adam(epsilon=1e-08) /
    RMSprop(epsilon=1e-10)` (RMSprop built for its variables and its mean squares started at one, as TF 1's), and
    `train_op = optimizer.minimize(loss, var_list=...)` a function that computes the loss under a
    `tf.GradientTape` and applies the gradients to `var_list` (by default the trainable variables the loss
    reads, in creation order). `sess.run(t, feed_dict={x: xs})` becomes `t(xs).numpy()` (lists, tuples and dicts
    of fetches element-wise, a variable `v.numpy()`), `_, l = sess.run([train_op, loss], feed_dict=...)` becomes
    `l = train_op(...).numpy()` with the loss computed before the update, as TF1 returned it. The session, its
    `close()`, `tf.global_variables_initializer()` and its runs go.

    Why:
    TensorFlow 2 has no placeholders, sessions or `tf.train` optimizers; without this codemod such a program
    only runs through `tf.compat.v1` in graph mode.

    Example:
    ```python
    import numpy as np
    import tensorflow as tf

    xs = np.array([[0.0], [1.0], [2.0]], dtype=np.float32)
    ys = 2.0 * xs + 1.0
    x = tf.placeholder(tf.float32, shape=[None, 1])
    y = tf.placeholder(tf.float32, shape=[None, 1])
    w = tf.Variable(tf.zeros([1, 1]))
    b = tf.Variable(tf.zeros([1]))
    prediction = tf.matmul(x, w) + b
    loss = tf.reduce_mean(tf.square(prediction - y))
    train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(20):
            _, loss_value = sess.run([train_op, loss], feed_dict={x: xs, y: ys})
        print("%.4f" % loss_value, sess.run(w)[0, 0])
    ```

    Use instead:
    ```python
    import numpy as np
    import tensorflow as tf

    xs = np.array([[0.0], [1.0], [2.0]], dtype=np.float32)
    ys = 2.0 * xs + 1.0
    w = tf.Variable(tf.zeros([1, 1]))
    b = tf.Variable(tf.zeros([1]))

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32)])
    def prediction(x):
        return tf.matmul(x, w) + b

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
    def loss(x, y):
        return tf.reduce_mean(tf.square(prediction(x) - y))

    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)

    @tf.function(input_signature=[tf.TensorSpec([None, 1], tf.float32), tf.TensorSpec([None, 1], tf.float32)])
    def train_op(x, y):
        with tf.GradientTape() as tape:
            loss_value = loss(x, y)
        gradients = tape.gradient(loss_value, [w, b])
        optimizer.apply_gradients(zip(gradients, [w, b]))
        return loss_value

    for step in range(20):
        loss_value = train_op(xs, ys).numpy()
    print("%.4f" % loss_value, w.numpy()[0, 0])
    ```

    Fix safety:
    Safe for the shapes the golden cases prove, converted by default: module-level and single-function programs
    with one session (`with tf.Session() as sess:` or `sess = tf.Session()`); placeholders with a dtype (and
    shape); variables with constant or numpy initial values; tensors of pure ops (math, matmul, reductions,
    `tf.nn` activations, conv2d / max_pool, `tf.nn` cross-entropy losses, argmax / equal / cast accuracy);
    `tf.layers.dense`; GradientDescent, Momentum, Adam and RMSProp (also with momentum) optimizers with constant
    hyper-parameters; `minimize` with or without `var_list=`; runs of the training op alone or with tensors its
    loss computes; runs that feed only the placeholders a fetch needs. The Keras optimizers apply the same update
    rule (TF1's epsilons passed explicitly, RMSprop's mean squares started at one); a golden case per optimizer
    compares the printed values of TF 1.15 and TF 2.21. Only with `--unsafe-fixes` (and an INFO finding): `tf.train.AdagradOptimizer` and Nesterov
    momentum, centered RMSProp (matched on one test problem, no golden case), `tf.placeholder_with_default` (a
    default argument).

    Limitations:
    All or nothing per file: whatever the analysis cannot see through keeps the whole file for the compat
    fallback (tf.compat.v1 in graph mode), with one finding naming the construct and its line: a graph value
    used outside `sess.run` (printed, returned from a function, passed along), graph names assigned more than
    once or built in several functions, collections, `tf.cond` / `tf.while_loop`, control dependencies,
    queues, `tf.get_variable` / variable scopes, random ops or dropout inside the graph, other optimizers,
    RMSProp over a layer's variables (not built before its first call), learning-rate tensors, `global_step`,
    `tf.train.Saver`, a `feed_dict` held in a variable, feeding a tensor that is not a placeholder, `tensor.eval()`, an InteractiveSession, a second session. Random
    initial values are kept as written, but TF 2 draws other numbers than TF 1 for the same seed.
    """

    NAME = "graph-programs-to-eager-functions"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("placeholder", "Optimizer")
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.call_replacements: Dict[cst.Call, cst.BaseExpression] = {}
        self.line_replacements: Dict[cst.SimpleStatementLine, cst.BaseSmallStatement] = {}
        self.generated_functions: Set[str] = set()

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        analysis = GraphAnalysis(self, self.bindings)
        graph_calls = analysis.graph_calls(node)
        if not graph_calls:
            return
        try:
            self._convert(node, analysis, graph_calls)
        except Blocked as blocked:
            self._decline(blocked)

    def _convert(self, module: cst.Module, analysis: GraphAnalysis, graph_calls: List[cst.Call]) -> None:
        tf = self.bindings.alias_for("tensorflow")
        if tf is None:
            raise Blocked(graph_calls[0], "TensorFlow is not imported as a module name (`import tensorflow as tf`)")
        program = analysis.analyse(module, graph_calls)
        if program.unproven and not self.settings.unsafe_fixes:
            raise Blocked(graph_calls[0], f"{program.unproven[0]}, a shape no golden case proves (--unsafe-fixes "
                          "converts it)")
        emitter = Emitter(program, tf, module.config_for_parsing, {n.value for n in find_all(module, cst.Name)})
        plan = emitter.statement_plan()
        calls = emitter.call_replacements()
        lines = emitter.line_replacements()
        self._check_nothing_graph_remains(module, analysis, program, plan, calls, lines)
        self.plan.update(plan)
        if program.with_statement is not None:
            self.plan[program.with_statement] = [UNWRAP]
        self.call_replacements, self.line_replacements = calls, lines
        self.generated_functions = emitter.generated_functions
        for why in program.unproven:
            self.report(graph_calls[0], f"graph program converted with --unsafe-fixes: {why}",
                        "compare the converted program's output with the TF1 one", Severity.INFO)

    def _check_nothing_graph_remains(self, module, analysis, program: Program, plan, calls, lines) -> None:
        skip: Set[cst.CSTNode] = {*plan, *calls, *lines}
        if program.session_call is not None:
            skip.add(program.session_call)
        found = first_graph_construct(module, analysis.tf_name, self.bindings.tf1_qualified, skip)
        if found is not None:
            raise Blocked(found[0], f"{found[1]}, and it stays once the graph is converted")

    def _decline(self, blocked: Blocked) -> None:
        line = self.position(blocked.node)[0]
        self.report(
            blocked.node,
            f"graph program kept for the compat fallback: `{source(blocked.node)}` at line {line} cannot be converted "
            f"because {blocked.why}",
            TO_EAGER,
        )

    # --- transformation -------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        replacement = self.call_replacements.get(original_node)
        if replacement is None:
            return updated_node
        return replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar) if updated_node.lpar else replacement

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine:
        replacement = self.line_replacements.get(original_node)
        return updated_node.with_changes(body=[replacement]) if replacement is not None else updated_node

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock) -> cst.IndentedBlock:
        updated_node = super().leave_IndentedBlock(original_node, updated_node)
        return updated_node.with_changes(body=self._separate_functions(updated_node.body))

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        updated_node = super().leave_Module(original_node, updated_node)
        return updated_node.with_changes(body=self._separate_functions(updated_node.body))

    def _separate_functions(self, body) -> List[cst.BaseStatement]:
        """A blank line after each generated function, where code follows it directly."""
        if not self.generated_functions:
            return list(body)
        separated = []
        previous: Optional[cst.BaseStatement] = None
        for statement in body:
            if (
                isinstance(previous, cst.FunctionDef)
                and previous.name.value in self.generated_functions
                and not isinstance(statement, cst.FunctionDef)
                and not any(line.comment is None for line in statement.leading_lines)
            ):
                statement = statement.with_changes(leading_lines=[cst.EmptyLine(indent=False), *statement.leading_lines])
            separated.append(statement)
            previous = statement
        return separated
