from __future__ import annotations

import ast
import re
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst

from codemods._arguments import keyword
from codemods._blocks import BlockRewriter
from codemods._names import TF, TracksImportsSkipsTheirNames, dotted
from codemods._tf1_symbols_table import OWNED_ELSEWHERE, tf1_symbols
from codemods._trigger_patterns import DOT, TENSORFLOW, alias_use, imported_name, trie
from tf2migrate.codemod import FallbackMode, FixSafety
from tf2migrate.results import Severity

COMPAT_V1 = "tensorflow.compat.v1"
# Statements that only switched TF 1.x to what TF2 always does.
NO_OPS = ("enable_eager_execution", "enable_v2_behavior", "enable_resource_variables", "enable_control_flow_v2",
          "enable_v2_tensorshape")
# Their opposites: a file that switches behaviour back and forth keeps its switches.
SWITCHES_BACK = ("disable_eager_execution", "disable_v2_behavior", "disable_resource_variables",
                 "disable_control_flow_v2", "disable_v2_tensorshape")
# v1 functions that differ only when a branch returns a one-element list or tuple (strict=False unpacks it).
SINGLETON_UNPACKING = {"cond": ("pred", "true_fn", "false_fn")}

def _trigger_pattern() -> "re.Pattern[str]":
    """Every name this codemod rewrites or reports is a table key (or a no-op switch) reached through an import of
    TensorFlow, so its last part, ``<last>``, is written: after ``<prev>.``, where ``<prev>`` is the key's part
    before it or, for a top-level name, `tensorflow`, `v1` or `v2` (`tf.nn.conv2d`, `tf.compat.v1.log`,
    `import tensorflow.nn.conv2d as c`); after an alias imported as ``<prev> as <alias>`` (`import tensorflow as
    tf`, `from tensorflow import nn as n`); or imported by name (`from tensorflow import log`). Names reached
    through a call or subscript (`tf.nn(x).conv2d`) are not TF names (`_is_name_chain`)."""
    table = tf1_symbols()
    keys = {*table.renames, *table.counterparts, *table.arguments, *NO_OPS}
    keys = {key for key in keys if not key.startswith(OWNED_ELSEWHERE)}  # `_tf1_name` leaves them
    lasts_by_prev: Dict[str, Set[str]] = defaultdict(set)  # "" for the top-level names
    for key in keys:
        module, _, last = key.rpartition(".")
        lasts_by_prev[module.rpartition(".")[2]].add(last)

    def words(names: Set[str]) -> str:
        return trie(dict.fromkeys(names, r"\b"))

    top = lasts_by_prev.pop("")
    lasts = words(top.union(*lasts_by_prev.values()))
    written = trie({prev: DOT + words(names) for prev, names in lasts_by_prev.items()})
    modules = rf"(?:{TENSORFLOW}|{trie(dict.fromkeys(lasts_by_prev, ''))})"
    return re.compile(
        rf"{TENSORFLOW}{DOT}{words(top)}|{written}|{imported_name(lasts)}|{alias_use(modules, lasts)}"
    )


class Unmappable(Exception):
    """A call that cannot be rewritten onto the TF2 function; the message says why."""


class Tf1SymbolsToTf2(TracksImportsSkipsTheirNames, BlockRewriter):
    """Rename TF 1.x API names to their TensorFlow 2 names and fix the arguments that changed.

    What it does:
    Renames names TF2 exports elsewhere (`tf.random_normal` -> `tf.random.normal`, `tf.log` -> `tf.math.log`);
    replaces v1-only functions with their TF2 counterparts (`tf.to_float(x)` -> `tf.cast(x, tf.float32)`,
    `tf.set_random_seed` -> `tf.random.set_seed`, `tf.arg_max(x, 1)` -> `tf.math.argmax(x, 1)`); fixes the
    arguments of functions whose TF2 namesake changed its signature (`keep_dims` -> `keepdims`,
    `reduction_indices` / `dim` / `squeeze_dims` -> `axis`, `keep_prob=k` -> `rate=1 - k`, positional
    arguments whose position moved become keywords); removes `tf.enable_eager_execution()` and the other
    switches to behaviour TF2 always has. The table comes from TF 2.21's own export metadata and signatures
    (`scripts/generate_tf1_symbols.py`).

    Why:
    TensorFlow 2 removed the TF 1.x top-level aliases and the deprecated argument names: `tf.log`,
    `tf.to_float` and `tf.reduce_sum(x, keep_dims=True)` fail on TensorFlow 2.21.

    Example:
    ```python
    import tensorflow as tf

    tf.enable_eager_execution()
    tf.set_random_seed(1)
    x = tf.to_float(tf.range(4))
    y = tf.reduce_sum(tf.log(x + 1), reduction_indices=0, keep_dims=True)
    z = tf.expand_dims(y, dim=1)
    ```

    Use instead:
    ```python
    import tensorflow as tf

    tf.random.set_seed(1)
    x = tf.cast(tf.range(4), tf.float32)
    y = tf.reduce_sum(tf.math.log(x + 1), axis=0, keepdims=True)
    z = tf.expand_dims(y, axis=1)
    ```

    Fix safety:
    Safe: a rename keeps the very same function; counterparts are hand-checked to compute the same thing on TF
    1.15 and TF 2.21; argument renames come from the v1 functions' own deprecated-argument lookups. A call
    that passes a TF 1.x-only argument (`tf.constant(..., verify_shape=True)`,
    `tf.Variable(..., collections=[...])`) or calls a function whose TF2 namesake behaves differently
    (`tf.while_loop`, `tf.image.resize`, `tf.nn.embedding_lookup`) is not rewritten: with the compat
    fallback it calls `tf.compat.v1.<name>` (reported as info), otherwise it is left with a warning.
    `tf.nn.softmax_cross_entropy_with_logits` gets `labels=tf.stop_gradient(...)`, as TF 1.x did.

    Limitations:
    Names imported with `from tensorflow import name` are rewritten only where they are called. Calls with
    `*args` / `**kwargs` to a function whose arguments changed are not rewritten. Methods of v1 objects
    (`tf.data.Dataset.make_one_shot_iterator`, `TFLiteConverter.from_session`) are not looked at. A `tf.cond`
    is rewritten only when both branches are lambdas that do not return a list or tuple.
    """

    NAME = "tf1-symbols-to-tf2"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = _trigger_pattern()

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.table = tf1_symbols()
        self.switches_back = any(switch in node.code for switch in SWITCHES_BACK)

    # --- no-op switches --------------------------------------------------------------------------------------

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        if len(node.body) != 1 or not isinstance(node.body[0], cst.Expr):
            return
        call = node.body[0].value
        if not isinstance(call, cst.Call):
            return
        name = self._tf1_name(call.func)
        if name not in NO_OPS:
            return
        if call.args:
            self.report(
                call,
                f"`tf.{name}(...)` is kept: TF2 always runs eagerly, but its arguments (a session config, a "
                "device policy) still configure the runtime",
                "move the configuration to `tf.config` (e.g. `tf.config.experimental.set_memory_growth`) and "
                "remove the call",
            )
        elif self.switches_back:
            self.report(
                call,
                f"`tf.{name}()` is kept: the file also switches TF 2 behaviour off, so the order of the switches "
                "matters",
                "keep a single switch at the program's start",
                Severity.INFO,
            )
        else:
            self.plan[node] = []
            self.note_maybe_unused(call.func)

    # --- names -----------------------------------------------------------------------------------------------

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        name = self._tf1_name(original_node)
        target = self.table.renames.get(name) if name else None
        if target is None:
            return updated_node
        new = self._tf_expression(original_node, target, in_compat_v1=True)
        return updated_node if new is None else new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        name = self._tf1_name(original_node.func)
        if name is None:
            return updated_node
        if isinstance(original_node.func, cst.Name) and name in self.table.renames:
            new = self._tf_expression(original_node.func, self.table.renames[name], in_compat_v1=True)
            return updated_node if new is None else updated_node.with_changes(func=new)
        if name in self.table.counterparts:
            return self._counterpart(original_node, updated_node, name)
        if name in self.table.arguments:
            return self._fix_arguments(original_node, updated_node, name)
        return updated_node

    def _tf1_name(self, node: cst.BaseExpression) -> Optional[str]:
        """``random_normal`` for ``tf.random_normal`` / ``tf.compat.v1.random_normal`` / an imported name."""
        if not _is_name_chain(node):
            return None
        qualified = self.bindings.tf1_qualified(node)
        if not qualified or not qualified.startswith(TF + "."):
            return None
        name = qualified[len(TF) + 1 :]
        return None if name.startswith(OWNED_ELSEWHERE) else name

    def _head_binding(self, node: cst.BaseExpression) -> Tuple[str, str]:
        head = dotted(node).split(".")[0]
        return head, self.bindings.names.get(head, "")

    def _already_compat(self, node: cst.BaseExpression) -> bool:
        """Written as ``tf.compat.v1.x`` or through ``import tensorflow.compat.v1 as tf``: it runs as it is."""
        return (self.bindings.qualified(node) or "").startswith(COMPAT_V1 + ".")

    def _tf_expression(
        self, old: cst.BaseExpression, new_name: str, in_compat_v1: bool
    ) -> Optional[cst.BaseExpression]:
        """``<tf>.<new_name>`` in the spelling of the file; None when it cannot be written here."""
        prefix = self._prefix_for(old, in_compat_v1)
        return None if prefix is None else cst.parse_expression(f"{prefix}.{new_name}")

    def _prefix_for(self, old: cst.BaseExpression, in_compat_v1: bool) -> Optional[str]:
        head, bound = self._head_binding(old)
        if isinstance(old, cst.Attribute) and bound == TF:
            return head
        if isinstance(old, cst.Attribute) and bound == COMPAT_V1:
            return head if in_compat_v1 else None
        prefix = self._tensorflow_alias()
        if prefix is not None:
            self.note_maybe_unused(old)
        return prefix

    def _tensorflow_alias(self) -> Optional[str]:
        # None where `tf` is something else (e.g. tensorflow.compat.v1): no second tensorflow import
        return self.tensorflow_name()

    # --- calls -----------------------------------------------------------------------------------------------

    def _counterpart(self, original: cst.Call, updated: cst.Call, name: str) -> cst.BaseExpression:
        entry = self.table.counterparts[name]
        prefix = self._prefix_for(original.func, entry.get("in_compat_v1", False))
        if prefix is None:
            return updated
        try:
            args = self._mapped_arguments(original, updated, name, entry, prefix)
        except Unmappable as why:
            return self._leave_unmappable(original, updated, name, str(why))
        return updated.with_changes(func=cst.parse_expression(f"{prefix}.{entry['target']}"), args=args)

    def _fix_arguments(self, original: cst.Call, updated: cst.Call, name: str) -> cst.BaseExpression:
        entry = self.table.arguments[name]
        try:
            # A call without arguments (`tf.ones_initializer()`) has nothing whose meaning could differ.
            if "behaviour" in entry and original.args and not self._singleton_safe(original, name, entry):
                raise Unmappable(entry["behaviour"])
            prefix = self._prefix_for(original.func, in_compat_v1=True)
            if prefix is None:
                return updated
            args = self._mapped_arguments(original, updated, name, entry, prefix)
        except Unmappable as why:
            return self._leave_unmappable(original, updated, name, str(why))
        if self._already_compat(original.func) and not self._compat_spelled_by_alias(original.func):
            # `tf.compat.v1.reduce_sum(...)` with arguments TF2 takes: the TF2 function
            return updated.with_changes(func=cst.parse_expression(f"{prefix}.{name}"), args=args)
        return updated.with_changes(args=args)

    def _compat_spelled_by_alias(self, func: cst.BaseExpression) -> bool:
        return self._head_binding(func)[1] == COMPAT_V1

    def _singleton_safe(self, call: cst.Call, name: str, entry: dict) -> bool:
        """``tf.cond(p, lambda: a, lambda: b)``: no branch returns a list or tuple, so strict=False changes nothing."""
        params = SINGLETON_UNPACKING.get(name)
        if params is None:
            return False
        renamed = entry.get("renamed", {})
        branches = {}
        for index, arg in enumerate(call.args):
            param = params[index] if arg.keyword is None and index < len(params) else None
            param = renamed.get(arg.keyword.value, arg.keyword.value) if arg.keyword is not None else param
            branches[param] = arg.value
        return all(
            isinstance(branches.get(p), cst.Lambda) and not isinstance(branches[p].body, (cst.List, cst.Tuple))
            for p in params[1:]
        )

    def _leave_unmappable(self, original: cst.Call, updated: cst.Call, name: str, why: str) -> cst.BaseExpression:
        if self._already_compat(original.func):
            return updated  # tf.compat.v1 keeps TF 1.x behaviour: nothing to do
        alias = self._tensorflow_alias() if self.settings.fallback is FallbackMode.COMPAT else None
        if alias is None:
            self.report(
                original,
                f"`tf.{name}(...)` is left as it is: {why}; TF 2.21's `tf.{name}` would not do what this call did",
                f"rewrite the call for TF2's `tf.{name}`, or call `tf.compat.v1.{name}` to keep TF 1.x behaviour",
            )
            return updated
        if isinstance(original.func, cst.Name):
            self.note_maybe_unused(original.func)
        self.report(
            original,
            f"`tf.{name}(...)` now calls `tf.compat.v1.{name}`: {why}",
            f"rewrite the call for TF2's `tf.{name}` when you can",
            Severity.INFO,
        )
        return updated.with_changes(func=cst.parse_expression(f"{alias}.compat.v1.{name}"))

    def _mapped_arguments(
        self, original: cst.Call, updated: cst.Call, name: str, entry: dict, prefix: str
    ) -> List[cst.Arg]:
        if not entry.get("v1_params"):
            return list(updated.args)
        if any(arg.star for arg in original.args):
            raise Unmappable("its arguments are passed with * or **, so they cannot be checked")
        named = self._named_arguments(updated.args, name, entry, prefix)
        args = self._laid_out(named, entry["v2_params"])
        passed = {param for param, _, _ in named}
        for param, default in entry.get("explicit", {}).items():
            if param not in passed:  # TF2 changed this default: keep TF 1.x's
                args.append(keyword(param, cst.parse_expression(repr(default))))
        for param, dtype in entry.get("add", {}).items():
            args = self._with_added(args, param, cst.parse_expression(f"{prefix}.{dtype}"), entry["v2_params"])
        return self._with_commas(args, updated.args)

    def _named_arguments(self, args: Sequence[cst.Arg], name: str, entry: dict, prefix: str):
        """(TF2 parameter name, value, whether it was positional) for each argument that stays."""
        v1_params, dropped = entry["v1_params"], entry.get("dropped", {})
        renamed, complement = entry.get("renamed", {}), entry.get("complement", {})
        named = []
        for index, arg in enumerate(args):
            if arg.keyword is None and index >= len(v1_params):
                raise Unmappable(f"it passes more positional arguments than TF 1.x's `tf.{name}` takes")
            param = arg.keyword.value if arg.keyword is not None else v1_params[index]
            value = arg.value
            if param in dropped:
                if self._may_drop(value, dropped[param]) or (name in SINGLETON_UNPACKING and param == "strict"):
                    continue
                raise Unmappable(f"TF2's `tf.{name}` has no `{param}` argument")
            if param in complement:  # `rate=1 - keep_prob` reads better as a keyword
                param, value, arg = complement[param], _one_minus(value), arg.with_changes(keyword=cst.Name(param))
            else:
                param = renamed.get(param, param)
            if param == entry.get("stop_gradient") and not _is_stop_gradient(value):
                value = cst.Call(cst.parse_expression(f"{prefix}.stop_gradient"), [cst.Arg(value)])
            named.append((param, value, arg))
        return named

    @staticmethod
    def _may_drop(value: cst.BaseExpression, equivalents: Union[str, list]) -> bool:
        if equivalents == "any":
            return True
        try:
            literal = ast.literal_eval(cst.Module([]).code_for_node(value))
        except (ValueError, SyntaxError):
            return False
        return any(literal == e and type(literal) is type(e) for e in equivalents)

    @staticmethod
    def _laid_out(named, v2_params: Sequence[str]) -> List[cst.Arg]:
        """Positional arguments stay positional while TF2 has the same parameter at that position."""
        args: List[cst.Arg] = []
        positional = True
        for index, (param, value, arg) in enumerate(named):
            was_positional = arg.keyword is None
            positional = positional and was_positional and index < len(v2_params) and v2_params[index] == param
            if positional:
                args.append(arg.with_changes(value=value))
            elif was_positional or arg.keyword.value != param:
                args.append(keyword(param, value))
            else:
                args.append(arg.with_changes(value=value))
        return args

    @staticmethod
    def _with_added(
        args: List[cst.Arg], param: str, value: cst.BaseExpression, v2_params: Sequence[str]
    ) -> List[cst.Arg]:
        position = v2_params.index(param)
        leading = 0
        while leading < len(args) and args[leading].keyword is None:
            leading += 1
        if leading == position:
            return [*args[:position], cst.Arg(value), *args[position:]]
        return [*args, keyword(param, value)]

    @staticmethod
    def _with_commas(args: List[cst.Arg], before: Sequence[cst.Arg]) -> List[cst.Arg]:
        """The original separators in order, and the original last argument's (trailing) comma last."""
        separators = [arg.comma for arg in before[:-1]]
        last = before[-1].comma if before else cst.MaybeSentinel.DEFAULT
        out = []
        for index, arg in enumerate(args):
            if index == len(args) - 1:
                comma = last
            else:
                comma = separators[index] if index < len(separators) else cst.MaybeSentinel.DEFAULT
            out.append(arg.with_changes(comma=comma))
        return out


def _is_name_chain(node: cst.BaseExpression) -> bool:
    """``a.b.c``: libcst's full name would also read ``tf.nn(x).conv2d`` as ``tf.nn.conv2d`` (and the trigger
    looks for names written one after the other)."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def _is_stop_gradient(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Call) and dotted(value.func).split(".")[-1] == "stop_gradient"


def _one_minus(value: cst.BaseExpression) -> cst.BaseExpression:
    needs_parentheses = isinstance(value, (cst.BinaryOperation, cst.BooleanOperation, cst.IfExp, cst.Lambda,
                                           cst.Comparison, cst.UnaryOperation))
    operand = value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]) if needs_parentheses else value
    return cst.BinaryOperation(cst.Integer("1"), cst.Subtract(), operand)
