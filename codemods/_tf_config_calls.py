"""ConfigProto fields -> the `tf.config` statements that make the same device settings in TF2.

Pure mapping, no tree walking: ``config-proto-to-tf-config`` finds a configuration, reads its fields into
``{"gpu_options.allow_growth": <expr>, "device_count.GPU": <expr>, ...}`` and asks :func:`tf_config_statements`
for the block that replaces it. A field without an exact (or documented approximate) mapping raises
:class:`Unmappable`, and the caller leaves the whole configuration as it was.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from codemods._names import dotted

ALLOW_GROWTH = "gpu_options.allow_growth"
MEMORY_FRACTION = "gpu_options.per_process_gpu_memory_fraction"
VISIBLE_DEVICES = "gpu_options.visible_device_list"
GPU_COUNT = "device_count.GPU"
CPU_COUNT = "device_count.CPU"
JIT_LEVEL = "graph_options.optimizer_options.global_jit_level"

# Fields set by one call each, in the order they are emitted ("{tf}" is TensorFlow's local name). A literal
# False for the first two is TF2's default already, so nothing is emitted for it.
SIMPLE_FIELDS: Dict[str, str] = {
    "log_device_placement": "{tf}.debugging.set_log_device_placement({value})",
    "allow_soft_placement": "{tf}.config.set_soft_device_placement({value})",
    "intra_op_parallelism_threads": "{tf}.config.threading.set_intra_op_parallelism_threads({value})",
    "inter_op_parallelism_threads": "{tf}.config.threading.set_inter_op_parallelism_threads({value})",
}
DEFAULT_WHEN_FALSE = ("log_device_placement", ALLOW_GROWTH)

# OptimizerOptions.GlobalJitLevel: ON_1 is what `tf.config.optimizer.set_jit("autoclustering")` sets; OFF and
# DEFAULT are TF2's default (no auto-clustering). ON_2 has no tf.config spelling.
JIT_ON = ("tensorflow.OptimizerOptions.ON_1", "1")
JIT_DEFAULT = ("tensorflow.OptimizerOptions.OFF", "tensorflow.OptimizerOptions.DEFAULT", "-1", "0")

MAPPED_FIELDS = (
    ALLOW_GROWTH, MEMORY_FRACTION, VISIBLE_DEVICES, GPU_COUNT, CPU_COUNT, JIT_LEVEL, *SIMPLE_FIELDS,
)
GPU_LIST_NAMES = ("gpus", "gpu_devices", "physical_gpus")
GPU_LOOP_NAMES = ("gpu", "gpu_device", "physical_gpu")


class Unmappable(Exception):
    """The configuration cannot be converted exactly; ``node`` is where, the message says why."""

    def __init__(self, node: cst.CSTNode, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


@dataclass(frozen=True)
class Note:
    """A setting converted approximately: the user must hear what was done instead."""

    node: cst.CSTNode
    message: str
    suggestion: str


@dataclass
class TfConfigBlock:
    statements: List[cst.BaseStatement] = field(default_factory=list)
    notes: List[Note] = field(default_factory=list)


def literal(node: cst.BaseExpression) -> Tuple[bool, object]:
    """(True, value) when ``node`` is a Python literal, else (False, None)."""
    try:
        return True, ast.literal_eval(dotted(node))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def tf_config_statements(
    fields: Dict[str, cst.BaseExpression],
    tf: str,
    is_free: Callable[[str], bool],
    qualify: Callable[[cst.BaseExpression], Optional[str]],
    memory_limit_mb: Optional[int] = None,
) -> TfConfigBlock:
    """The statements that make the settings in ``fields``, in a fixed order: visible devices, memory, the
    simple fields, JIT. ``is_free(name)`` says whether a new variable may take that name; ``qualify`` resolves
    an expression to a dotted name through the module's imports."""
    for path, value in fields.items():
        if path not in MAPPED_FIELDS:
            raise Unmappable(value, f"ConfigProto field `{path}` has no tf.config equivalent; not converted")
    block = TfConfigBlock()
    visible = _visible_devices(fields)
    gpus = _first_free(GPU_LIST_NAMES, is_free) if visible and "{gpus}" in visible else None
    if gpus:
        block.statements.append(_statement(f'{gpus} = {tf}.config.list_physical_devices("GPU")'))
    if visible:
        block.statements.append(_statement(_fill(visible, tf=tf, gpus=gpus or "")))
    memory = _memory_call(fields, tf, memory_limit_mb, block.notes)
    if memory:
        gpu = _first_free(GPU_LOOP_NAMES, is_free)
        # TF1 applied memory settings to the GPUs the session used: the visible ones, when some were hidden.
        devices = f'{tf}.config.get_visible_devices("GPU")' if visible else f'{tf}.config.list_physical_devices("GPU")'
        block.statements.append(_statement(f"for {gpu} in {devices}:\n    " + _fill(memory, gpu=gpu)))
    for path, template in SIMPLE_FIELDS.items():
        if path in fields and not (path in DEFAULT_WHEN_FALSE and literal(fields[path]) == (True, False)):
            block.statements.append(_statement(template.format(tf=tf, value=dotted(fields[path]))))
    if JIT_LEVEL in fields:
        level = fields[JIT_LEVEL]
        name = qualify(level) or dotted(level)
        if name in JIT_ON:
            block.statements.append(_statement(f'{tf}.config.optimizer.set_jit("autoclustering")'))
        elif name not in JIT_DEFAULT:
            raise Unmappable(level, f"JIT level `{dotted(level)}` has no tf.config equivalent (only ON_1 has one)")
    return block


def _visible_devices(fields: Dict[str, cst.BaseExpression]) -> Optional[str]:
    """A ``set_visible_devices`` statement template ("{gpus}": the list of physical GPUs), or None."""
    if CPU_COUNT in fields and literal(fields[CPU_COUNT]) != (True, 1):
        raise Unmappable(fields[CPU_COUNT], "device_count['CPU'] other than 1 has no tf.config equivalent")
    count = fields.get(GPU_COUNT)
    listed = fields.get(VISIBLE_DEVICES)
    if count is not None and listed is not None:
        raise Unmappable(count, "device_count['GPU'] together with visible_device_list is not converted")
    if count is not None:
        ok, value = literal(count)
        if not (ok and isinstance(value, int) and value >= 0):
            raise Unmappable(count, "device_count['GPU'] is not a literal count; not converted")
        return '{tf}.config.set_visible_devices([], "GPU")' if value == 0 else (
            f'{{tf}}.config.set_visible_devices({{gpus}}[:{value}], "GPU")'
        )
    if listed is None:
        return None
    ok, value = literal(listed)
    if not ok:
        chosen = f'[{{gpus}}[int(i)] for i in {dotted(listed)}.split(",")]'
    elif isinstance(value, str) and all(part.strip().isdigit() for part in value.split(",") if value):
        if not value:
            return None  # "" means every GPU: TF2's default
        chosen = "[" + ", ".join(f"{{gpus}}[{int(part)}]" for part in value.split(",")) + "]"
    else:
        raise Unmappable(listed, f"visible_device_list {dotted(listed)} is not a list of GPU indices")
    # Indexing an empty list would fail on a machine without GPUs, where TF1 ignored the list.
    return f'if {{gpus}}:\n    {{tf}}.config.set_visible_devices({chosen}, "GPU")'


def _memory_call(
    fields: Dict[str, cst.BaseExpression], tf: str, limit_mb: Optional[int], notes: List[Note]
) -> Optional[str]:
    """The per-GPU call ("{gpu}": the loop variable) for the memory settings, or None."""
    growth = fields.get(ALLOW_GROWTH)
    fraction = fields.get(MEMORY_FRACTION)
    if fraction is None:
        if growth is None or literal(growth) == (True, False):
            return None
        return f"{tf}.config.experimental.set_memory_growth({{gpu}}, {dotted(growth)})"
    asked = f"per_process_gpu_memory_fraction={dotted(fraction)}"
    if limit_mb is not None:
        dropped = " and without memory growth (TF2 cannot combine a limit with growth)" if growth is not None else ""
        notes.append(Note(
            fraction,
            f"{asked} has no TF2 equivalent: each GPU now gets a fixed limit of {limit_mb} MB (from "
            f"--gpu-memory-limit){dropped}",
            "check that the limit fits the GPUs this program runs on",
        ))
        return (f"{tf}.config.set_logical_device_configuration({{gpu}}, "
                f"[{tf}.config.LogicalDeviceConfiguration(memory_limit={limit_mb})])")
    notes.append(Note(
        fraction,
        f"{asked} has no TF2 equivalent (TF2 cannot cap GPU memory by a fraction): memory growth was enabled "
        "instead, so TensorFlow takes GPU memory as it needs it rather than reserving that share up front",
        "to cap each GPU's memory instead, run tf2migrate with --gpu-memory-limit MB "
        "(emits tf.config.set_logical_device_configuration with that memory_limit)",
    ))
    return f"{tf}.config.experimental.set_memory_growth({{gpu}}, True)"


def _fill(template: str, **names: str) -> str:
    """``str.format`` for the named slots only: user expressions in the template may hold braces."""
    for name, value in names.items():
        template = template.replace("{" + name + "}", value)
    return template


def _first_free(names: Sequence[str], is_free: Callable[[str], bool]) -> str:
    for name in names:
        if is_free(name):
            return name
    stem = names[0]
    return next(f"{stem}_{i}" for i in range(2, 1000) if is_free(f"{stem}_{i}"))


def _statement(code: str) -> cst.BaseStatement:
    return cst.parse_statement(code + "\n")
