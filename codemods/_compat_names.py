"""Which TF 1.x names only exist as `tf.compat.v1.*` on TensorFlow 2.21, and which of them need graph mode.

Names are relative to `tf.` (`train.AdamOptimizer`). The v1-only table is `v1_only` in
`codemods/data/tf1_symbols.json`: a name mapped to null has no TF2 spelling at all.
"""

from __future__ import annotations

import functools
import re
from typing import FrozenSet

from codemods._tf1_symbols_table import tf1_symbols

# Never prefixed: `tf.compat.v1.layers` and `tf.compat.v1.keras` do not exist under Keras 3, `tf.contrib` and the
# tutorials package are gone from TF2 altogether.
NO_COMPAT_HOME = {
    "layers": "`tf.layers` has no TF 2.21 home (`tf.compat.v1.layers` went with Keras 3)",
    "keras": "`tf.compat.v1.keras` does not exist on TF 2.21 (Keras 3)",
    "contrib": "`tf.contrib` does not exist in TF 2",
    "examples": "`tensorflow.examples` (the tutorials' MNIST reader) does not exist in TF 2",
}
NO_COMPAT_HOME_ADVICE = {
    "layers": "use the tf.keras.layers counterpart (Dense, Conv2D, ...) as a layer object",
    "keras": "use tf.keras (Keras 3) directly",
    "contrib": "find the TF2 or TensorFlow Addons home of this API, or reimplement it",
    "examples": "load MNIST with tf.keras.datasets.mnist.load_data(); read_data_sets gave float32 images in [0, 1] "
    "flattened to 784 (x.reshape(-1, 784).astype('float32') / 255) and, with one_hot=True, one-hot labels "
    "(np.eye(10)[y])",
}

# Constructs that only mean something with a graph and a session: with them, the file runs in graph mode.
_GRAPH_NAMES = frozenset(
    {
        "Session",
        "InteractiveSession",
        "get_default_session",
        "placeholder",
        "placeholder_with_default",
        "sparse_placeholder",
        "get_default_graph",
        "reset_default_graph",
        "get_collection",
        "get_collection_ref",
        "add_to_collection",
        "add_to_collections",
        "GraphKeys",
        "global_variables",
        "local_variables",
        "trainable_variables",
        "model_variables",
        "moving_average_variables",
        "all_variables",
        "global_variables_initializer",
        "local_variables_initializer",
        "variables_initializer",
        "tables_initializer",
        "initialize_all_variables",
        "initialize_local_variables",
        "initialize_variables",
        "initialize_all_tables",
        "initializers.global_variables",
        "initializers.local_variables",
        "initializers.variables",
        "initializers.tables_initializer",
        "variable_scope",
        "get_variable",
        "get_local_variable",
        "gradients",
        "hessians",
        "train.Saver",
        "train.import_meta_graph",
        "train.export_meta_graph",
        "train.start_queue_runners",
        "train.queue_runner.start_queue_runners",
        "train.QueueRunner",
        "train.queue_runner.QueueRunner",
        "train.add_queue_runner",
        "train.queue_runner.add_queue_runner",
        "train.MonitoredSession",
        "train.MonitoredTrainingSession",
        "train.SingularMonitoredSession",
        "train.Supervisor",
        "train.Scaffold",
        "data.make_initializable_iterator",
        "summary.FileWriter",
        "summary.merge_all",
        "summary.merge",
    }
)
_GRAPH_PATTERNS = (
    re.compile(r"train\.\w*Optimizer$"),  # minimize() on a v1 optimizer builds a training op
    re.compile(r"train\.(\w+_input_producer|(maybe_)?(shuffle_)?batch(_join)?)$"),  # queue-based input
    re.compile(r"metrics\.\w+$"),  # v1 streaming metrics: local variables and update ops
)


@functools.lru_cache(maxsize=None)
def v1_only_names() -> FrozenSet[str]:
    """Names (relative to `tf.`) that TF 2.21 has only as `tf.compat.v1.<name>`."""
    return frozenset(name for name, tf2_name in tf1_symbols().v1_only.items() if tf2_name is None)


def no_compat_home(relative: str) -> str:
    """The key of NO_COMPAT_HOME that ``relative`` falls under, or ""."""
    head = relative.split(".", 1)[0]
    return head if head in NO_COMPAT_HOME else ""


def needs_graph(relative: str) -> bool:
    return relative in _GRAPH_NAMES or any(p.match(relative) for p in _GRAPH_PATTERNS)
