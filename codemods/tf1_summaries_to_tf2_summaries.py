from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._assignments import single_assignment
from codemods._blocks import BlockRewriter
from codemods._names import ImportBindings, TracksImportsSkipsTheirNames
from codemods._summaries import (
    FILE_WRITER,
    GET_DEFAULT_GRAPH,
    SUMMARY_PROTOS,
    SUMMARY_VALUES,
    TF1_NAMES,
    TF1_ONLY_NAMES,
    TF1_OPS_WITH_TF2_NAMESAKE,
    graph_mode_evidence,
    is_pure,
    is_tf1_summary_op,
    keyword_or_position,
)
from codemods._walk import find_all
from tf2migrate.codemod import FallbackMode, FixSafety
from tf2migrate.results import Severity



@dataclass(frozen=True)
class Blocker:
    """The node that stops a rewrite, and why."""

    node: cst.CSTNode
    why: str

WRITER_KEYWORDS_KEPT = ("logdir", "max_queue", "filename_suffix")  # same meaning in create_file_writer
WRITER_METHODS_KEPT = ("flush", "close")  # TF2 writers have them too
EAGER_SUGGESTION = (
    "log with `writer = tf.summary.create_file_writer(logdir)` and "
    "`with writer.as_default(): tf.summary.scalar(name, value, step=step)`"
)


class Tf1SummariesToTf2Summaries(TracksImportsSkipsTheirNames, BlockRewriter):
    """Move TF 1.x summaries to TF2's `tf.summary`, or to explicit `tf.compat.v1` names in graph programs.

    What it does:
    In a program that runs eagerly after the chain (no session, placeholder, `feed_dict=` or TF 1.x summary
    op left), a `tf.summary.FileWriter(logdir)` assigned to a name becomes
    `tf.summary.create_file_writer(logdir)`; a graph argument (`sess.graph`, `tf.get_default_graph()`) is
    dropped. Each `writer.add_summary(tf.Summary(value=[tf.Summary.Value(tag=..., simple_value=...)]), step)`
    (the proto built inline, or in the statement just before) becomes
    `with writer.as_default():` around one `tf.summary.scalar(tag, value, step=step)` per value;
    `writer.flush()` and `writer.close()` stay. In a program that stays in graph mode, every TF 1.x summary
    name (`tf.summary.scalar`, `merge_all`, `FileWriter`, `tf.Summary`...) gets its `tf.compat.v1` spelling.

    Why:
    TF 2.21's `tf.summary` is a different API under the same names: `tf.summary.scalar` needs a `step` and a
    default writer, and there is no `FileWriter`, `merge_all` or `tf.Summary`. `tf.compat.v1.summary.FileWriter`
    raises "not compatible with eager execution" in an eager program, so an eager program must use TF2
    writers, and a graph program must say `tf.compat.v1.summary` for the TF 1.x ops it fetches.

    Example:
    ```python
    import tensorflow as tf

    writer = tf.summary.FileWriter("logs", tf.get_default_graph())
    for step in range(3):
        loss = 1.0 / (step + 1)
        summary = tf.Summary(value=[tf.Summary.Value(tag="loss", simple_value=loss)])
        writer.add_summary(summary, step)
    writer.close()
    ```

    Use instead:
    ```python
    import tensorflow as tf

    writer = tf.summary.create_file_writer("logs")
    for step in range(3):
        loss = 1.0 / (step + 1)
        with writer.as_default():
            tf.summary.scalar("loss", loss, step=step)
    writer.close()
    ```

    Fix safety:
    Safe: the rewritten writer records the same tags, values and steps in the same log directory (as TF2
    scalar summaries, which TensorBoard shows the same way); the compat names in graph programs are the very
    TF 1.x functions. A value or step is moved into the `with` only when reading it again changes nothing
    (names, arithmetic, indexing, numeric builtins and numpy).

    Limitations:
    A writer assigned more than once, stored on an object, passed elsewhere, used with methods TF2 writers
    lack (`add_graph`, `add_event`, `get_logdir`...) or created with `graph_def=`/`session=`, and a summary
    proto built away from its `add_summary`, holding images or histograms, or added without a step, are left
    with a finding (the TF 1.x writer does not run eagerly on TF2). `tf.contrib.summary` is only reported:
    its TF2 counterpart records by default and reads the step differently. The graph is no longer written
    with the writer: use `tf.summary.trace_on`/`trace_export` for a `tf.function`'s graph. Names imported
    with `from tensorflow.summary import ...` are reported, not rewritten. TF 2.21 implements
    `tf.summary.scalar` in the `tensorboard` package, which it no longer installs: a converted program needs
    it installed (reported as INFO).
    """

    NAME = "tf1-summaries-to-tf2-summaries"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("summary", "Summary")
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.graph_evidence: Optional[Tuple[cst.CSTNode, str]] = None
        self.writer_arguments: Dict[cst.Call, List[cst.Arg]] = {}  # FileWriter calls -> create_file_writer args
        self.reported_writers: Set[cst.Call] = set()
        self.explained_mode = False
        self.noted_tensorboard = False

    # --- planning, on the whole module before any rewrite ----------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.graph_evidence = graph_mode_evidence(node, self.bindings)
        if self.graph_evidence is None:
            for statement in find_all(node, cst.SimpleStatementLine, _WRITER_ASSIGNMENT):
                self._plan_writer(statement)
        self._report_contrib_summaries(node)
        self._report_from_imports(node)

    def _plan_writer(self, statement: cst.SimpleStatementLine) -> None:
        assign = statement.body[0]
        call, target = assign.value, assign.targets[0].target
        if self.bindings.tf1_qualified(call.func) != FILE_WRITER:
            return
        arguments = self._writer_arguments(call)
        if self._tf_alias() is None:
            arguments = Blocker(call, "`tf` names something other than TensorFlow here")
        rewrites = self._writer_uses(target) if not isinstance(arguments, Blocker) else arguments
        if isinstance(rewrites, Blocker):
            self._report_writer_kept(call, rewrites)
            return
        arguments, dropped_graph = arguments
        self.writer_arguments[call] = arguments
        self.plan.update(rewrites)
        if rewrites and not self.noted_tensorboard:
            self.noted_tensorboard = True
            self.report(
                call,
                "the summaries are now written by `tf.summary.scalar`, which TensorFlow 2.21 implements in the "
                "`tensorboard` package, no longer installed with TensorFlow",
                "install `tensorboard` (`pip install tensorboard` or `tensorflow[tensorboard]`) where the program runs",
                Severity.INFO,
            )
        if dropped_graph is not None:
            self.report(
                dropped_graph,
                "the graph is no longer written with the summaries: TF2's `tf.summary.create_file_writer` takes "
                "no graph, and the converted program runs eagerly",
                "to see a `tf.function`'s graph in TensorBoard, wrap one call in `tf.summary.trace_on(graph=True)` "
                "and `tf.summary.trace_export(name, step=0)`",
                Severity.INFO,
            )

    def _writer_arguments(self, call: cst.Call):
        """(create_file_writer's arguments, the dropped graph argument or None), or a Blocker."""
        graph = keyword_or_position(call, "graph", 1)
        if keyword_or_position(call, "logdir", 0) is None:
            return Blocker(call, "its log directory is not given as `logdir`")
        kept: List[cst.Arg] = []
        for position, arg in enumerate(call.args):
            if arg is graph:
                if not self._is_droppable_graph(arg.value):
                    return Blocker(arg, "its graph argument is not `sess.graph` or `tf.get_default_graph()`")
                continue
            if arg.star or (arg.keyword is None and position > 0):
                return Blocker(arg, "it is passed arguments create_file_writer has no place for")
            if arg.keyword is not None and arg.keyword.value == "flush_secs":
                if not isinstance(arg.value, cst.Integer):
                    return Blocker(arg, "`flush_secs` is not a whole number written in the call")
                millis = str(int(arg.value.value, 0) * 1000)
                arg = _keyword("flush_millis", cst.Integer(millis)).with_changes(comma=arg.comma)
            elif arg.keyword is not None and arg.keyword.value not in WRITER_KEYWORDS_KEPT:
                return Blocker(arg, f"`{arg.keyword.value}=` has no counterpart in TF2's create_file_writer")
            kept.append(arg)
        if kept:
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return kept, graph

    def _is_droppable_graph(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, cst.Attribute) and value.attr.value == "graph":
            return is_pure(value.value, self.bindings)
        is_call = isinstance(value, cst.Call) and not value.args
        return is_call and self.bindings.tf1_qualified(value.func) == GET_DEFAULT_GRAPH

    def _writer_uses(self, target: cst.Name):
        """The statement plan that converts every use of the writer, or a Blocker for the first use that
        cannot be converted."""
        assignment = single_assignment(self, target)
        if assignment is None or assignment.node is not target:
            return Blocker(target, f"`{target.value}` is assigned more than once")
        plan: Dict[cst.BaseStatement, Sequence[cst.BaseStatement]] = {}
        for access in self.in_source_order(assignment.references):
            method = self._parent(access.node)
            call = self._parent(method)
            if not (
                isinstance(method, cst.Attribute)
                and method.value is access.node
                and isinstance(call, cst.Call)
                and call.func is method
            ):
                return Blocker(access.node, f"`{target.value}` is used for more than calling its methods")
            if method.attr.value in WRITER_METHODS_KEPT and not call.args:
                continue
            if method.attr.value != "add_summary":
                return Blocker(method, f"TF2 writers have no `{method.attr.value}()`")
            rewrite = self._add_summary_rewrite(call, target)
            if isinstance(rewrite, Blocker):
                return rewrite
            plan.update(rewrite)
        return plan

    # --- add_summary(proto, step) -> with writer.as_default(): tf.summary.scalar(...) ---------------------------

    def _add_summary_rewrite(self, call: cst.Call, writer: cst.Name):
        statement = self._statement_of(call)
        if statement is None:
            return Blocker(call, "`add_summary` is not a statement of its own")
        summary = keyword_or_position(call, "summary", 0)
        step = keyword_or_position(call, "global_step", 1)
        if summary is None or len(call.args) != (2 if step is not None else 1) or any(a.star for a in call.args):
            return Blocker(call, "`add_summary` is not called as `add_summary(summary, step)`")
        if step is None:
            return Blocker(call, "`add_summary` is given no step, which TF2's `tf.summary.scalar` needs")
        if not is_pure(step.value, self.bindings):
            return Blocker(step, "the step would be computed once per value, and it is not a plain value")
        plan: Dict[cst.BaseStatement, Sequence[cst.BaseStatement]] = {}
        proto = summary.value
        if isinstance(proto, cst.Name):
            built = self._proto_built_just_before(statement, proto)
            if isinstance(built, Blocker):
                return built
            plan[built] = []
            proto = built.body[0].value
        values = self._scalar_values(proto)
        if isinstance(values, Blocker):
            return values
        tf = self._tf_alias()
        if tf is None:
            return Blocker(call, "`tf` names something other than TensorFlow here")
        plan[statement] = [_scalars_in_writer_context(tf, writer, values, step.value)]
        return plan

    def _proto_built_just_before(self, statement: cst.SimpleStatementLine, proto: cst.Name):
        """The statement right before ``statement`` when it is ``proto = ...`` and ``proto`` is used nowhere
        else; else a Blocker."""
        block = self._parent(statement)
        body = list(block.body) if isinstance(block, (cst.Module, cst.IndentedBlock)) else []
        index = next((i for i, s in enumerate(body) if s is statement), 0)
        previous = body[index - 1] if index > 0 else None
        assignment = single_assignment(self, proto)
        if (
            not m.matches(previous, _SINGLE_NAME_ASSIGNMENT)
            or assignment is None
            or assignment.node is not previous.body[0].targets[0].target
            or len(assignment.references) != 1
        ):
            why = f"the summary `{proto.value}` is not built in the statement just before, for this call only"
            return Blocker(proto, why)
        return previous

    def _scalar_values(self, proto: cst.BaseExpression):
        """[(tag, value)] of ``tf.Summary(value=[tf.Summary.Value(tag=..., simple_value=...), ...])``."""
        if not (
            isinstance(proto, cst.Call)
            and self.bindings.tf1_qualified(proto.func) in SUMMARY_PROTOS
            and m.matches(proto, m.Call(args=[m.Arg(keyword=m.Name("value"), value=m.List())]))
        ):
            return Blocker(proto, "the summary is not a `tf.Summary(value=[...])` written here")
        values = []
        for element in proto.args[0].value.elements:
            fields = self._value_fields(element)
            if fields is None:
                return Blocker(element, "a summary value is not a plain `tf.Summary.Value(tag=..., simple_value=...)`")
            values.append(fields)
        if not values:
            return Blocker(proto, "the summary has no value")
        return values

    def _value_fields(self, element: cst.BaseElement) -> Optional[Tuple[cst.BaseExpression, cst.BaseExpression]]:
        value = element.value
        if not (
            isinstance(element, cst.Element)
            and isinstance(value, cst.Call)
            and self.bindings.tf1_qualified(value.func) in SUMMARY_VALUES
        ):
            return None
        fields = {arg.keyword.value: arg.value for arg in value.args if arg.keyword is not None and not arg.star}
        if len(fields) != len(value.args) or set(fields) != {"tag", "simple_value"}:
            return None
        if not (is_pure(fields["tag"], self.bindings) and is_pure(fields["simple_value"], self.bindings)):
            return None
        return fields["tag"], fields["simple_value"]

    # --- helpers -----------------------------------------------------------------------------------------------

    def _parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.get_metadata(ParentNodeProvider, node, None)

    def _statement_of(self, call: cst.Call) -> Optional[cst.SimpleStatementLine]:
        """The statement when ``call`` is all of it."""
        expr = self._parent(call)
        statement = self._parent(expr) if isinstance(expr, cst.Expr) else None
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            return statement
        return None

    def _tf_alias(self) -> Optional[str]:
        """The name TF2 code can use for TensorFlow: its import's alias, or `tf` when that name is free (the
        import is added when a writer is converted)."""
        return self.tensorflow_name(add_import=False)

    def _report_writer_kept(self, call: cst.Call, blocker: Blocker) -> None:
        self.reported_writers.add(call)
        self.report(
            blocker.node,
            f"the `tf.summary.FileWriter` is kept: {blocker.why}. A TF 1.x FileWriter raises in an eager TF2 program",
            EAGER_SUGGESTION,
        )

    def _report_contrib_summaries(self, module: cst.Module) -> None:
        for attribute in find_all(module, cst.Attribute):
            name = self.bindings.tf1_qualified(attribute) or ""
            if name.startswith("tensorflow.contrib.summary."):
                self.report(
                    attribute,
                    "`tf.contrib.summary` does not exist in TensorFlow 2; its TF2 counterpart `tf.summary` "
                    "records summaries by default and takes the step from `tf.summary.experimental.set_step` "
                    "instead of the global step",
                    "use `tf.summary.create_file_writer`, `tf.summary.record_if(...)` and "
                    "`tf.summary.scalar(name, data, step=step)` (`tensor=` is `data=`)",
                )
                return

    def _report_from_imports(self, module: cst.Module) -> None:
        for statement in find_all(module, cst.ImportFrom):
            imported = ImportBindings()
            imported.add(statement)
            for local, bound in imported.names.items():
                if bound in TF1_NAMES or bound == "tensorflow.summary":
                    self.report(
                        statement,
                        f"`{local}` is imported from TensorFlow 1.x's summaries and is left as it is",
                        "import TensorFlow as `tf` and use `tf.summary` (TF2) or `tf.compat.v1.summary` (graph mode)",
                    )

    # --- rewriting -------------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        arguments = self.writer_arguments.get(original_node)
        if arguments is None:
            return updated_node
        tf = self.tensorflow_name()
        self.note_maybe_unused(original_node.func)
        func = cst.parse_expression(f"{tf}.summary.create_file_writer")
        return updated_node.with_changes(func=func, args=arguments)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        name = self.bindings.qualified(original_node)
        graph = self.graph_evidence is not None
        if name not in (TF1_NAMES if graph else TF1_ONLY_NAMES) or self._is_converted_writer(original_node):
            return updated_node
        call = self._parent(original_node)
        if name in TF1_OPS_WITH_TF2_NAMESAKE and isinstance(call, cst.Call) and not is_tf1_summary_op(call, name):
            return updated_node  # a TF2 call already (it has a `step=`)
        if not graph and name == FILE_WRITER and self._parent(original_node) not in self.reported_writers:
            self.report(original_node, "a `tf.summary.FileWriter` raises in an eager TF2 program", EAGER_SUGGESTION)
        if graph:
            self._explain_graph_mode(original_node)
        tf = self.bindings.alias_for("tensorflow")
        if self.settings.fallback is FallbackMode.NONE or tf is None:
            return updated_node
        self.note_maybe_unused(original_node)
        compat = cst.parse_expression(f"{tf}.compat.v1.{name[len('tensorflow.'):]}")
        return compat.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def _is_converted_writer(self, func: cst.Attribute) -> bool:
        return self._parent(func) in self.writer_arguments

    def _explain_graph_mode(self, node: cst.CSTNode) -> None:
        if self.explained_mode:
            return
        self.explained_mode = True
        evidence, what = self.graph_evidence
        only_summary_ops = what.startswith("the graph summary op")
        if self.settings.fallback is FallbackMode.NONE:
            message = f"TF 1.x summaries are left as they are: the program runs in graph mode ({what})"
            self.report(node, message, "convert the program to eager TF2, then " + EAGER_SUGGESTION)
        elif only_summary_ops:
            line, _ = self.position(evidence)
            self.report(
                node,
                f"TF 1.x summary ops (line {line}) are graph ops: they become `tf.compat.v1.summary` names, which "
                "record nothing unless the program runs them in a graph",
                EAGER_SUGGESTION,
            )
        else:
            line, _ = self.position(evidence)
            self.report(
                node,
                f"TF 1.x summaries become `tf.compat.v1.summary` names: the program runs in graph mode ({what} on "
                f"line {line})",
                "once the program is converted to eager TF2, " + EAGER_SUGGESTION,
                Severity.INFO,
            )


_WRITER_ASSIGNMENT = m.SimpleStatementLine(
    body=[m.Assign(targets=[m.AssignTarget(target=m.Name())], value=m.Call())]
)
_SINGLE_NAME_ASSIGNMENT = m.SimpleStatementLine(body=[m.Assign(targets=[m.AssignTarget(target=m.Name())])])


def _scalars_in_writer_context(
    tf: str, writer: cst.Name, values: List[Tuple[cst.BaseExpression, cst.BaseExpression]], step: cst.BaseExpression
) -> cst.With:
    scalar = cst.parse_expression(f"{tf}.summary.scalar")
    calls = [
        cst.SimpleStatementLine(
            [cst.Expr(cst.Call(scalar, [cst.Arg(tag), cst.Arg(value), _keyword("step", step.deep_clone())]))]
        )
        for tag, value in values
    ]
    context = cst.Call(cst.Attribute(cst.Name(writer.value), cst.Name("as_default")))
    return cst.With([cst.WithItem(context)], cst.IndentedBlock(calls))


def _keyword(name: str, value: cst.BaseExpression) -> cst.Arg:
    equal = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
    return cst.Arg(value, keyword=cst.Name(name), equal=equal)
