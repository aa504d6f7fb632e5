"""What tf1-summaries-to-tf2-summaries needs to know about TF 1.x summaries: their names, whether a file still
runs in graph mode, and which expressions may be evaluated more than once without changing the program."""

from __future__ import annotations

from typing import Optional, Tuple

import libcst as cst
import libcst.matchers as m

from codemods._names import ImportBindings
from codemods._walk import find_all

# TF 1.15's `tf.summary` namespace; each has the same name under `tf.compat.v1.summary` in TF 2.21.
TF1_SUMMARY_MODULE = (
    "Event",
    "FileWriter",
    "FileWriterCache",
    "SessionLog",
    "Summary",
    "SummaryDescription",
    "TaggedRunMetadata",
    "all_v2_summary_ops",
    "audio",
    "get_summary_description",
    "histogram",
    "image",
    "initialize",
    "merge",
    "merge_all",
    "scalar",
    "tensor_summary",
    "text",
)
# Summary protos TF 1.x also had at the top level.
TF1_TOP_LEVEL = ("Summary", "SummaryMetadata")
TF1_NAMES = frozenset(
    [f"tensorflow.summary.{name}" for name in TF1_SUMMARY_MODULE] + [f"tensorflow.{name}" for name in TF1_TOP_LEVEL]
)
# Ops whose TF2 namesakes take a `step` and write to the default writer.
TF1_OPS_WITH_TF2_NAMESAKE = frozenset(
    f"tensorflow.summary.{name}" for name in ("scalar", "histogram", "image", "audio", "text")
)
# Graph ops with no TF2 namesake at all.
TF1_GRAPH_OPS = frozenset(f"tensorflow.summary.{name}" for name in ("merge", "merge_all", "tensor_summary"))
# Names the eager conversion leaves alone: the ops are TF2 code in an eager file (they have a `step=`).
TF1_ONLY_NAMES = TF1_NAMES - TF1_OPS_WITH_TF2_NAMESAKE

FILE_WRITER = "tensorflow.summary.FileWriter"
SUMMARY_PROTOS = ("tensorflow.Summary", "tensorflow.summary.Summary")
SUMMARY_VALUES = tuple(f"{proto}.Value" for proto in SUMMARY_PROTOS)
GET_DEFAULT_GRAPH = "tensorflow.get_default_graph"

# Calls that keep a program in graph mode once the chain has run (the session codemod ran before this one).
GRAPH_CALLS = frozenset(
    {
        "tensorflow.Session",
        "tensorflow.InteractiveSession",
        "tensorflow.placeholder",
        "tensorflow.placeholder_with_default",
        "tensorflow.sparse_placeholder",
        "tensorflow.Graph",
        "tensorflow.disable_eager_execution",
        "tensorflow.disable_v2_behavior",
        "tensorflow.train.MonitoredTrainingSession",
        "tensorflow.train.MonitoredSession",
        "tensorflow.train.SingularMonitoredSession",
        "tensorflow.train.Supervisor",
        "keras.backend.get_session",
        "tensorflow.keras.backend.get_session",
    }
)

# Builtins and methods that compute a number from their arguments and change nothing.
PURE_BUILTINS = frozenset({"float", "int", "round", "abs", "len", "min", "max", "sum"})
PURE_METHODS = frozenset({"item", "mean", "sum", "numpy"})


def graph_mode_evidence(module: cst.Module, bindings: ImportBindings) -> Optional[Tuple[cst.CSTNode, str]]:
    """(node, what it is) for the first construct that keeps the file in graph mode; None for an eager file.
    TF 1.x summary ops count: they are graph ops, fetched through a session or a hook."""
    for call in find_all(module, cst.Call):
        name = bindings.tf1_qualified(call.func)
        if name in GRAPH_CALLS:
            return call, f"`{name.replace('tensorflow.', 'tf.', 1)}`"
        if any(m.matches(arg, m.Arg(keyword=m.Name("feed_dict"))) for arg in call.args):
            return call, "`feed_dict=`"
        if is_tf1_summary_op(call, name):
            return call, f"the graph summary op `{name.replace('tensorflow.', 'tf.', 1)}`"
    return None


def is_tf1_summary_op(call: cst.Call, name: Optional[str]) -> bool:
    """A TF 1.x summary op call: merge ops, or a scalar/histogram/... without TF2's `step=`."""
    if name in TF1_GRAPH_OPS:
        return True
    if name not in TF1_OPS_WITH_TF2_NAMESAKE:
        return False
    return not any(m.matches(arg, m.Arg(keyword=m.Name("step"))) for arg in call.args)


def is_pure(node: cst.BaseExpression, bindings: ImportBindings) -> bool:
    """True when evaluating ``node`` twice, or later than written, gives the same value and changes nothing:
    names, constants, attribute and index reads, arithmetic, and calls to numeric builtins and numpy."""
    if isinstance(node, (cst.Name, cst.BaseNumber, cst.SimpleString)):
        return True
    if isinstance(node, cst.Attribute):
        return is_pure(node.value, bindings)
    if isinstance(node, cst.Subscript):
        return is_pure(node.value, bindings) and all(
            isinstance(element.slice, cst.Index) and is_pure(element.slice.value, bindings)
            for element in node.slice
        )
    if isinstance(node, cst.UnaryOperation):
        return is_pure(node.expression, bindings)
    if isinstance(node, cst.BinaryOperation):
        return is_pure(node.left, bindings) and is_pure(node.right, bindings)
    if isinstance(node, cst.Call):
        return _is_pure_function(node.func, bindings) and all(
            arg.star == "" and is_pure(arg.value, bindings) for arg in node.args
        )
    return False


def _is_pure_function(func: cst.BaseExpression, bindings: ImportBindings) -> bool:
    if isinstance(func, cst.Name) and func.value in PURE_BUILTINS and func.value not in bindings.names:
        return True
    name = bindings.qualified(func) or ""
    if name.startswith("numpy.") and not name.startswith("numpy.random."):
        return True
    return isinstance(func, cst.Attribute) and func.attr.value in PURE_METHODS and is_pure(func.value, bindings)


def keyword_or_position(call: cst.Call, keyword: str, position: int) -> Optional[cst.Arg]:
    """The argument passed as ``keyword=`` or at ``position`` (0-based) among the positional ones."""
    positional = [arg for arg in call.args if arg.keyword is None and arg.star == ""]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg
    return positional[position] if position < len(positional) else None
