"""What in a file still needs TF1 graph mode once the sessions are gone: graph-only names (placeholders, the
default graph, initializers, `tf.train`), ops that change state (`tf.assign`, `v.assign_add`, `minimize`), and
sessions that stay. Where one remains, the fallback codemod runs the file in graph mode, and a value turned into an
eager `.numpy()` would break, so no session of that file may be converted."""

from __future__ import annotations

from typing import Callable, Iterable, Optional, Set, Tuple

import libcst as cst

from codemods._compat_names import needs_graph
from codemods._session_tensors import source

# Beyond the fallback's graph constructs (needs_graph): what changes state or only exists in a graph.
_GRAPH_ONLY = frozenset("Graph assign assign_add assign_sub control_dependencies Print py_func".split())
_GRAPH_ONLY_PREFIXES = ("train.", "scatter_", "keras.backend.get_session", "keras.backend.function")
_STATE_CHANGING_METHODS = frozenset(
    """
    assign assign_add assign_sub scatter_update scatter_add scatter_sub scatter_nd_update load minimize
    apply_gradients compute_gradients make_one_shot_iterator make_initializable_iterator
    """.split()
)
_KERAS_SESSION_NAMES = ("keras.backend.get_session", "keras.backend.tensorflow_backend.get_session")

Finding = Tuple[cst.CSTNode, str]


def first_graph_construct(
    module: cst.Module, tf_name: Callable[[cst.BaseExpression], Optional[str]], qualified, skip: Set[cst.CSTNode]
) -> Optional[Finding]:
    """The first call (in file order) outside ``skip`` that needs graph mode, with why."""
    for call in _calls(module, skip):
        op = tf_name(call.func)
        # needs_graph: what makes the fallback choose graph mode, where an eager `.numpy()` would break
        if op is not None and (op in _GRAPH_ONLY or op.startswith(_GRAPH_ONLY_PREFIXES) or needs_graph(op)):
            return call, f"`{source(call)}` needs TF1 graph mode"
        if qualified(call.func) in _KERAS_SESSION_NAMES:
            return call, f"`{source(call)}` still uses Keras's session"
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in _STATE_CHANGING_METHODS:
            return call, f"`{source(call)}` changes state, which a graph program does only when a session runs it"
    return None


def _calls(node: cst.CSTNode, skip: Set[cst.CSTNode]) -> Iterable[cst.Call]:
    if node in skip:
        return
    if isinstance(node, cst.Call):
        yield node
    for child in node.children:
        yield from _calls(child, skip)
