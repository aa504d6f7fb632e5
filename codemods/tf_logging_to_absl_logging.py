from __future__ import annotations

from typing import Dict, Optional, Set, Union

import libcst as cst

from codemods._absl import absl_local_name, add_absl_import, dotted_expression
from codemods._names import TracksImportsSkipsTheirNames, identifiers
from tf2migrate.codemod import Codemod, FixSafety
from tf2migrate.results import Severity

TF_LOGGING = "tensorflow.logging"
RENAMED = {
    "debug": "debug",
    "info": "info",
    "warning": "warning",
    "warn": "warning",
    "error": "error",
    "TaskLevelStatusMessage": "error",  # TF 1.15's is `error(msg)`
}
LEVEL_PARAMETER = {
    "log": "level",
    "vlog": "level",
    "log_every_n": "level",
    "log_first_n": "level",
    "log_if": "level",
    "set_verbosity": "v",
}
CONSTANTS = {"DEBUG": "DEBUG", "INFO": "INFO", "WARN": "WARNING", "ERROR": "ERROR", "FATAL": "FATAL"}
# tf.logging's constants and the standard library's are Python logging levels; absl's are not.
TF_CONSTANT_VALUES = {"DEBUG": 10, "INFO": 20, "WARN": 30, "ERROR": 40, "FATAL": 50}
STDLIB_CONSTANT_VALUES = {
    "logging.DEBUG": 10,
    "logging.INFO": 20,
    "logging.WARNING": 30,
    "logging.WARN": 30,
    "logging.ERROR": 40,
    "logging.CRITICAL": 50,
    "logging.FATAL": 50,
}
STANDARD_LEVEL_NAMES = {10: "DEBUG", 20: "INFO", 30: "WARNING", 40: "ERROR", 50: "FATAL"}
FATAL = 50
FLIPPED = {
    cst.LessThan: cst.GreaterThan,
    cst.GreaterThan: cst.LessThan,
    cst.LessThanEqual: cst.GreaterThanEqual,
    cst.GreaterThanEqual: cst.LessThanEqual,
}
KEPT = {
    "fatal": (
        "`tf.logging.fatal` only logged at CRITICAL and went on; absl's `logging.fatal` stops the program "
        "under `app.run`",
        "use `logging.error(...)` to go on, or `logging.fatal(...)` if the program should stop here",
    ),
    "flush": (
        "`tf.logging.flush()` raised NotImplementedError in TF 1.15; absl's `logging.flush()` flushes",
        "remove the call, or call absl's `logging.flush()` if flushing is what was meant",
    ),
}
SCALE = (
    "absl levels differ from tf.logging's Python logging levels (absl: FATAL=-3, ERROR=-2, WARNING=-1, INFO=0, "
    "DEBUG=1, higher is more verbose; tf.logging: DEBUG=10 ... FATAL=50, higher is more severe)"
)

Expression = Union[cst.Name, cst.Attribute]


def absl_level_for(python_level: int) -> str:
    """What absl calls the level that logs like Python level ``python_level`` (absl's standard_to_absl)."""
    if python_level < 10:
        return str(10 - max(python_level, 0) + 1)  # a verbose level: vlog(n) logs at Python level 11 - n
    for bound, name in ((20, "DEBUG"), (30, "INFO"), (40, "WARNING"), (50, "ERROR")):
        if python_level < bound:
            return name
    return "FATAL"


class TfLoggingToAbslLogging(TracksImportsSkipsTheirNames, Codemod):
    """Log through absl's `logging` instead of TF 1.x's `tf.logging`.

    What it does:
    `tf.logging.debug/info/warning/error`, `log`, `vlog`, `log_every_n`, `log_first_n`, `log_if`,
    `set_verbosity`, `get_verbosity` and the level constants `DEBUG/INFO/WARN/ERROR/FATAL` become the same
    names of absl's `logging` (`from absl import logging`; `absl_logging` when the file already uses the name
    `logging`, e.g. for the standard library). `warn` becomes `warning` and `TaskLevelStatusMessage` becomes
    `error`, which is what it called. Levels given as Python logging levels (`20`, the standard library's
    `logging.INFO`) become absl's, and a comparison of `get_verbosity()` with a level has its operator turned
    round, since absl's scale runs the other way.

    Why:
    `tf.logging` is gone from TensorFlow 2.21 (only `tf.compat.v1.logging` is left). TensorFlow's migration
    guide points to absl logging: it has every `tf.logging` function, `log_every_n` and `vlog` included, with
    the same arguments in the same order, and works with `absl.app.run`'s `--verbosity` flag, which
    `tf.app.run` programs become. `tf.get_logger()` would keep the `tensorflow` logger, but it is a plain
    Python logger, without `vlog`, `log_every_n` or `log_if`, and it is the logger of TensorFlow's own messages.

    Example:
    ```python
    import tensorflow as tf

    tf.logging.set_verbosity(tf.logging.INFO)
    tf.logging.info("step %d", 1)
    tf.logging.warn("slow")
    if tf.logging.get_verbosity() <= tf.logging.DEBUG:
        tf.logging.debug("details")
    ```

    Use instead:
    ```python
    from absl import logging

    logging.set_verbosity(logging.INFO)
    logging.info("step %d", 1)
    logging.warning("slow")
    if logging.get_verbosity() >= logging.DEBUG:
        logging.debug("details")
    ```

    Fix safety:
    Safe: the same messages are logged at the same levels, and the same ones are dropped at each verbosity;
    absl's default verbosity is WARNING until `app.run` sets INFO, as TF 1.15's was.

    Limitations:
    The messages look different on stderr (absl's `I0101 12:00:00.000 file.py:3] msg` under `app.run`,
    `INFO:absl:msg` before it, instead of `INFO:tensorflow:msg`), and go through the `absl` logger, so handlers
    added to the `tensorflow` logger no longer see them. `tf.logging.fatal` (absl's `fatal` stops the program)
    and `tf.logging.flush` (it raised NotImplementedError) are left, with a finding, as are uses of the module
    itself (`log = tf.logging`) and members absl has no match for; `log(FATAL, ...)` likewise. A level held in a
    variable is passed on unchanged: right when it came from a `tf.logging` constant, which becomes absl's,
    wrong when it is a Python level number (a finding says so); the constants themselves become absl's
    wherever they are used (a finding marks uses outside a logging call). `get_verbosity()` returns an absl
    level: comparisons with a level are turned round, other uses get a finding.
    """

    NAME = "tf-logging-to-absl-logging"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("logging",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.replacements: Dict[cst.CSTNode, cst.BaseExpression] = {}
        self.kept: Set[cst.CSTNode] = set()  # tf.logging uses left as they are (already reported)
        self.called: Set[cst.CSTNode] = set()  # funcs of level-taking calls that are converted
        self.level_positions: Set[cst.CSTNode] = set()  # constants used as a level: no finding
        self.quiet_verbosity: Set[cst.Call] = set()  # get_verbosity() calls whose absl value is fine
        self.flips: Dict[cst.Comparison, type] = {}
        self.not_names: Set[cst.Name] = set()  # attribute and keyword names
        self.chain_values: Set[cst.CSTNode] = set()
        self.converted = False

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.local = absl_local_name("logging", self.bindings, identifiers(node))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.not_names.add(node.keyword)

    # --- planning ----------------------------------------------------------------------------------------------

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) != 1:
            return
        left, right = node.left, node.comparisons[0].comparator
        for verbosity, other in ((left, right), (right, left)):
            if self._is_call_of(verbosity, "get_verbosity"):
                self.quiet_verbosity.add(verbosity)
                self._plan_level(other, node, comparison=True)
                operator = type(node.comparisons[0].operator)
                if operator in FLIPPED:
                    self.flips[node] = FLIPPED[operator]
                return

    def visit_Call(self, node: cst.Call) -> None:
        member = self._member(node.func)
        if member == "get_verbosity":
            self.called.add(node.func)
            if node not in self.quiet_verbosity:
                self.report(
                    node,
                    f"`get_verbosity()` now returns absl's verbosity: {SCALE}",
                    "compare it with absl's constants the other way round, or hand it back to `set_verbosity`",
                    Severity.INFO,
                )
        elif member in LEVEL_PARAMETER:
            self._plan_level_call(node, member)

    def _plan_level_call(self, call: cst.Call, member: str) -> None:
        level = self._level_argument(call, LEVEL_PARAMETER[member])
        if level is None:
            self.kept.add(call.func)
            self.report(
                call,
                f"`tf.logging.{member}` is left: its level argument could not be found",
                f"call absl's `logging.{member}` with an absl level (logging.INFO...) as its first argument",
            )
            return
        python_level = self._python_level(level)
        if member != "set_verbosity" and python_level is not None and python_level >= FATAL:
            self.kept.update((call.func, level))
            self.report(
                call,
                f"`tf.logging.{member}` at FATAL is left: TF 1.15 only logged it, absl stops the program",
                f"use absl's `logging.{member}` at `logging.ERROR` to go on, or `logging.fatal` to stop",
            )
            return
        self.called.add(call.func)
        if self._is_call_of(level, "get_verbosity") and member == "set_verbosity":
            self.quiet_verbosity.add(level)
        else:
            self._plan_level(level, call, comparison=False)

    def _plan_level(self, level: cst.BaseExpression, where: cst.CSTNode, comparison: bool) -> None:
        """A level given to a logging call, or compared with get_verbosity(), in absl's terms."""
        if self._member(level) in CONSTANTS:
            self.level_positions.add(level)
            return
        python_level = self._python_level(level)
        if python_level is None:
            if not comparison and not self._is_call_of(level, "get_verbosity"):
                self.report(
                    level,
                    f"this level is passed on unchanged: {SCALE}",
                    "make sure it holds an absl level, e.g. one of absl's logging.INFO... constants",
                    Severity.INFO,
                )
            return
        name = absl_level_for(python_level)
        self.replacements[level] = dotted_expression(name if name.isdigit() else f"{self.local}.{name}", level)
        if isinstance(level, (cst.Name, cst.Attribute)):
            self.note_maybe_unused(level)
        if python_level not in STANDARD_LEVEL_NAMES:
            self.report(
                level,
                f"Python logging level {python_level} becomes absl level {name}: {SCALE}",
                "check the level: TF 1.15's `vlog(1, ...)` logged below DEBUG, absl's `vlog(1, ...)` logs at DEBUG",
                Severity.INFO,
            )

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.not_names.add(node.attr)
        self.chain_values.add(node.value)
        self._plan_use(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node not in self.not_names:
            self._plan_use(node)

    def _plan_use(self, node: Expression) -> None:
        if node in self.kept or node in self.replacements:
            return
        qualified = self.bindings.tf1_qualified(node)
        if qualified == TF_LOGGING and node not in self.chain_values:
            self._keep(node, "the `tf.logging` module itself is used", "call absl's `logging` functions instead")
            return
        member = self._member(node)
        if member is None:
            return
        if member in CONSTANTS:
            self._replace(node, CONSTANTS[member])
            if node not in self.level_positions:
                self.report(
                    node,
                    f"`tf.logging.{member}` becomes absl's `{self.local}.{CONSTANTS[member]}`: {SCALE}",
                    "where the value goes to a Python logger (`setLevel`), use the standard library's constant",
                    Severity.INFO,
                )
        elif member in RENAMED:
            self._replace(node, RENAMED[member])
        elif member in LEVEL_PARAMETER or member == "get_verbosity":
            if node in self.called:
                self._replace(node, member)
            else:
                self._keep(node, f"`tf.logging.{member}` is used without being called", "call it directly")
        elif member in KEPT:
            self._keep(node, *KEPT[member])
        else:
            self._keep(node, f"`tf.logging.{member}` has no absl counterpart", "use absl's `logging` functions")

    def _keep(self, node: cst.CSTNode, why: str, suggestion: str) -> None:
        self.kept.add(node)
        self.report(node, f"left as it is: {why}", suggestion)

    def _replace(self, node: Expression, absl_member: str) -> None:
        self.replacements[node] = dotted_expression(f"{self.local}.{absl_member}", node)
        self.note_maybe_unused(node)
        self.converted = True

    # --- what things are --------------------------------------------------------------------------------------

    def _member(self, node: cst.CSTNode) -> Optional[str]:
        """``info`` for ``tf.logging.info`` (or ``tf.compat.v1.logging.info``)."""
        if not isinstance(node, (cst.Name, cst.Attribute)):
            return None
        qualified = self.bindings.tf1_qualified(node) or ""
        prefix = TF_LOGGING + "."
        rest = qualified[len(prefix) :] if qualified.startswith(prefix) else ""
        return rest if rest and "." not in rest else None

    def _is_call_of(self, node: cst.CSTNode, member: str) -> bool:
        return isinstance(node, cst.Call) and not node.args and self._member(node.func) == member

    def _python_level(self, node: cst.BaseExpression) -> Optional[int]:
        member = self._member(node)
        if member in TF_CONSTANT_VALUES:
            return TF_CONSTANT_VALUES[member]
        if isinstance(node, (cst.Name, cst.Attribute)):
            return STDLIB_CONSTANT_VALUES.get(self.bindings.qualified(node) or "")
        if isinstance(node, cst.Integer):
            try:
                return int(node.value, 0)
            except ValueError:
                return None
        return None

    @staticmethod
    def _level_argument(call: cst.Call, keyword: str) -> Optional[cst.BaseExpression]:
        if call.args and call.args[0].keyword is None and not call.args[0].star:
            return call.args[0].value
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == keyword:
                return arg.value
        return None

    # --- transformation ----------------------------------------------------------------------------------------

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):
        result = super().on_leave(original_node, updated_node)
        return self.replacements.get(original_node, result)

    def leave_Comparison(self, original_node: cst.Comparison, updated_node: cst.Comparison) -> cst.Comparison:
        flipped = self.flips.get(original_node)
        if flipped is None:
            return updated_node
        target = updated_node.comparisons[0]
        old = target.operator
        operator = flipped(whitespace_before=old.whitespace_before, whitespace_after=old.whitespace_after)
        return updated_node.with_changes(comparisons=[target.with_changes(operator=operator)])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if self.converted:
            add_absl_import(self.context, "logging", self.local)
        return super().leave_Module(original_node, updated_node)
