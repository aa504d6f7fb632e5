from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods._absl import absl_local_name, add_absl_import, dotted_expression
from codemods._blocks import BlockRewriter
from codemods._names import ImportBindings, TracksImportsSkipsTheirNames, identifiers
from tf2migrate.codemod import FixSafety
from tf2migrate.results import Severity

FLAGS_MODULES = ("tensorflow.flags", "tensorflow.app.flags", "tensorflow.python.platform.flags")
TF_APP_RUN = "tensorflow.app.run"
ABSL_APP_RUN = "absl.app.run"
# tf.flags wrapped these to accept TF 1.0's keyword names; absl's take only the new ones.
OLD_KEYWORDS_TAKEN_BY = ("DEFINE_string", "DEFINE_boolean", "DEFINE_bool", "DEFINE_float", "DEFINE_integer")
OLD_KEYWORDS = {"flag_name": "name", "default_value": "default", "docstring": "help"}
# FlagValues methods: calling them is no read of a flag's value, which absl refuses before parsing.
FLAG_VALUES_METHODS = frozenset(
    """append_flag_values append_flags_into_file find_module_defining_flag find_module_id_defining_flag
    flag_values_dict flags_by_module_dict flags_by_module_id_dict flags_into_string get_flag_value
    get_flags_for_module get_help get_key_flags_for_module is_gnu_getopt is_parsed key_flags_by_module_dict
    main_module_help mark_as_parsed module_help read_flags_from_files register_flag_by_module
    register_flag_by_module_id register_key_flag_for_module remove_flag_values set_default set_gnu_getopt
    unparse_flags validate_all_flags write_help_in_xml_format""".split()
)


class FlagsNames:
    """Which expressions of a file stand for TF's flags module, or for something in it."""

    def __init__(self, bindings: ImportBindings) -> None:
        self.bindings = bindings
        self.module_aliases: Dict[str, cst.SimpleStatementLine] = {}  # `flags = tf.app.flags` at module level
        self.flag_values: Set[str] = set()  # `FLAGS = tf.app.flags.FLAGS` at module level

    def path(self, node: cst.CSTNode) -> Optional[str]:
        """``""`` for the flags module itself, ``"FLAGS"`` for ``tf.app.flags.FLAGS``; None for anything else."""
        if not isinstance(node, (cst.Name, cst.Attribute)):
            return None
        head, _, rest = (get_full_name_for_node(node) or "").partition(".")
        if head in self.module_aliases:
            return rest
        qualified = self.bindings.tf1_qualified(node) or ""
        for module in FLAGS_MODULES:
            if qualified == module:
                return ""
            if qualified.startswith(module + "."):
                return qualified[len(module) + 1 :]
        return None

    def is_flag_values(self, node: cst.CSTNode) -> bool:
        return self.path(node) == "FLAGS" or (isinstance(node, cst.Name) and node.value in self.flag_values)

    def collect_aliases(self, module: cst.Module) -> None:
        assigned = _assignment_counts(module)
        for statement in module.body:
            if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
                continue
            small = statement.body[0]
            if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
                continue
            target = small.targets[0].target
            if not isinstance(target, cst.Name) or assigned.get(target.value, 0) != 1:
                continue
            path = self.path(small.value)
            if path == "":
                self.module_aliases[target.value] = statement
            elif path == "FLAGS":
                self.flag_values.add(target.value)


def _assignment_counts(module: cst.Module) -> Dict[str, int]:
    counts: Dict[str, int] = {}

    class Counter(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            if isinstance(node.target, cst.Name):
                counts[node.target.value] = counts.get(node.target.value, 0) + 1

    module.visit(Counter())
    return counts


@dataclass
class FlagsUse:
    """What a file does with its flags, found before anything is rewritten."""

    runs: bool = False  # calls tf.app.run or absl's app.run
    parses: bool = False  # parses the flags itself: FLAGS(argv), FLAGS.mark_as_parsed()
    has_main: bool = False  # defines `main` at module level
    module_level_reads: List[cst.CSTNode] = field(default_factory=list)
    function_reads: List[cst.CSTNode] = field(default_factory=list)


class _FlagsScan(cst.CSTVisitor):
    def __init__(self, names: FlagsNames) -> None:
        self.names = names
        self.use = FlagsUse()
        self.depth = 0
        self.stores: Set[cst.CSTNode] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.depth == 0 and node.name.value == "main":
            self.use.has_main = True
        self.depth += 1

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.depth -= 1

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.depth += 1

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self.depth -= 1

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self.stores.add(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.stores.add(node.target)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if self.names.bindings.tf1_qualified(func) in (TF_APP_RUN, ABSL_APP_RUN):
            self.use.runs = True
        elif self.names.is_flag_values(func) or (
            isinstance(func, cst.Attribute) and func.attr.value == "mark_as_parsed" and self.names.is_flag_values(func.value)
        ):
            self.use.parses = True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        name = node.attr.value
        if name.startswith("_") or name in FLAG_VALUES_METHODS or node in self.stores:
            return
        if self.names.is_flag_values(node.value):
            (self.use.function_reads if self.depth else self.use.module_level_reads).append(node)


class TfFlagsToAbslFlags(TracksImportsSkipsTheirNames, BlockRewriter):
    """Define and read command-line flags with absl's `flags`, and run `main` with absl's `app.run`.

    What it does:
    `tf.flags` and `tf.app.flags` (also through `tf.compat.v1` and `tensorflow.python.platform.flags`) become
    absl's `flags` module (`from absl import flags`): `flags.DEFINE_integer(...)`, `FLAGS = flags.FLAGS`; a
    module-level alias `flags = tf.app.flags` goes. TF 1.0's keyword names that tf.flags still took
    (`flag_name`, `default_value`, `docstring`) become `name`, `default`, `help`. `tf.app.run()`,
    `tf.app.run(main)` and `tf.app.run(main=main, argv=...)` become `app.run(main, ...)` (`from absl import
    app`). When `flags` or `app` already names something else in the file, absl's are imported as
    `absl_flags` / `absl_app`.

    Why:
    `tf.flags` and `tf.app` are gone from TensorFlow 2.21. In TF 1.15 they already were absl: `tf.flags`
    re-exported `absl.flags`, and `tf.app.run` called absl's `app.run`, so absl is their TF2 home.

    Example:
    ```python
    import tensorflow as tf

    tf.app.flags.DEFINE_integer("epochs", 3, "Passes over the data.")
    FLAGS = tf.app.flags.FLAGS


    def main(_):
        print(FLAGS.epochs)


    if __name__ == "__main__":
        tf.app.run()
    ```

    Use instead:
    ```python
    from absl import app, flags

    flags.DEFINE_integer("epochs", 3, "Passes over the data.")
    FLAGS = flags.FLAGS


    def main(_):
        print(FLAGS.epochs)


    if __name__ == "__main__":
        app.run(main)
    ```

    Fix safety:
    Safe for programs started with the flags they define: the same flags are defined in the same registry,
    parsed from the same command line, and `main` gets the same argv.

    Limitations:
    TF 1.15's `tf.app.run` ignored command-line flags nobody defined and passed them on to `main`; absl's
    `app.run` stops with "Unknown command line flag" (a finding marks each converted call). TF 1.15's
    `tf.flags.FLAGS` parsed `sys.argv` the first time a flag was read; absl's raises `UnparsedFlagAccessError`
    until `app.run` or `FLAGS(argv)` parsed them. So the flags of a file that reads a flag outside a
    function, or reads flags but neither runs `app.run` nor parses them itself, are left as they are (they
    run through `tf.compat.v1.flags`), with a finding. `tf.app.run()` without `main` calls the module-level
    `main` of the file, which TF 1.15 looked up in `__main__`; without one the call is left, with a finding.
    """

    NAME = "tf-flags-to-absl-flags"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("flags", "app.run")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.replacements: Dict[cst.CSTNode, cst.BaseExpression] = {}
        self.not_names: Set[cst.Name] = set()
        self.define_calls: Set[cst.Call] = set()
        self.run_calls: Dict[cst.Call, Optional[int]] = {}  # index of main among the arguments, None: add it
        self.uses_flags = self.uses_app = False

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.names = FlagsNames(self.bindings)
        self.names.collect_aliases(node)
        scan = _FlagsScan(self.names)
        node.visit(scan)
        self.use = scan.use
        self.convert_flags = self._flags_can_move(scan.use)
        taken = identifiers(node) - set(self.names.module_aliases)
        self.flags_local = absl_local_name("flags", self.bindings, taken)
        self.app_local = absl_local_name("app", self.bindings, taken)
        if self.convert_flags:
            for statement in self.names.module_aliases.values():
                self.plan[statement] = []

    def _flags_can_move(self, use: FlagsUse) -> bool:
        if use.parses or not (use.module_level_reads or use.function_reads):
            return True
        if use.runs and not use.module_level_reads:
            return True
        first = (use.module_level_reads or use.function_reads)[0]
        self.report(
            first,
            "the flags are left on tf.flags: this flag is read "
            + ("outside any function" if use.module_level_reads else "and the file never runs `tf.app.run`")
            + ", which TF 1.15 allowed by parsing sys.argv on the first read; absl's FLAGS raise "
            "UnparsedFlagAccessError until they are parsed",
            "read flags inside `main(argv)` and start it with `app.run(main)` (from absl), or parse them first "
            "with `FLAGS(sys.argv)`",
        )
        return False

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.not_names.add(node.keyword)

    # --- planning ----------------------------------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        if self.bindings.tf1_qualified(node.func) == TF_APP_RUN:
            self._plan_run(node)
        elif self.convert_flags and self.names.path(node.func) in OLD_KEYWORDS_TAKEN_BY:
            if any(arg.keyword is not None and arg.keyword.value in OLD_KEYWORDS for arg in node.args):
                self.define_calls.add(node)

    def _plan_run(self, call: cst.Call) -> None:
        if any(arg.star for arg in call.args):
            self._keep_run(call, "its arguments are unpacked with * or **", "pass `main` to absl's `app.run(main)`")
            return
        index = next(
            (
                i
                for i, arg in enumerate(call.args)
                if (i == 0 and arg.keyword is None) or (arg.keyword is not None and arg.keyword.value == "main")
            ),
            None,
        )
        given = call.args[index].value if index is not None else None
        if given is None or _is_none(given):
            if not self.use.has_main:
                self._keep_run(
                    call,
                    "it has no `main` argument and the file defines no module-level `main` (TF 1.15 called "
                    "`__main__`'s)",
                    "pass the function to run: `app.run(main)` from absl",
                )
                return
        self.run_calls[call] = index
        self.replacements[call.func] = dotted_expression(f"{self.app_local}.run", call.func)
        self.note_maybe_unused(call.func)
        self.uses_app = True
        self.report(
            call,
            "`tf.app.run` becomes absl's `app.run`: TF 1.15 ignored command-line flags that no one defined and "
            "passed them on to `main`; absl stops with 'Unknown command line flag'",
            "define every flag the program is started with",
            Severity.INFO,
        )

    def _keep_run(self, call: cst.Call, why: str, suggestion: str) -> None:
        self.report(call, f"`tf.app.run` is left as it is: {why}", suggestion)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.not_names.add(node.attr)
        self._plan_use(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node not in self.not_names:
            self._plan_use(node)

    def _plan_use(self, node: cst.BaseExpression) -> None:
        if not self.convert_flags or node in self.replacements:
            return
        path = self.names.path(node)
        if path == "":
            self.replacements[node] = dotted_expression(self.flags_local, node)
        elif path and isinstance(node, cst.Name):  # `FLAGS` imported from the module itself
            self.replacements[node] = dotted_expression(f"{self.flags_local}.{path}", node)
        else:
            return
        self.note_maybe_unused(node)
        self.uses_flags = True

    # --- transformation ----------------------------------------------------------------------------------------

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):
        result = super().on_leave(original_node, updated_node)
        return self.replacements.get(original_node, result)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        if original_node in self.define_calls:
            return updated_node.with_changes(args=[_new_keyword(arg) for arg in updated_node.args])
        if original_node not in self.run_calls:
            return updated_node
        index = self.run_calls[original_node]
        args = list(updated_node.args)
        if index is not None and args[index].keyword is None and not _is_none(args[index].value):
            return updated_node
        main = args.pop(index).value if index is not None else cst.Name("main")
        main = cst.Name("main") if _is_none(main) else main
        others = [arg.with_changes(comma=cst.MaybeSentinel.DEFAULT) for arg in args]
        return updated_node.with_changes(args=[cst.Arg(main), *others])

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if self.uses_flags:
            add_absl_import(self.context, "flags", self.flags_local)
        if self.uses_app:
            add_absl_import(self.context, "app", self.app_local)
        return super().leave_Module(original_node, updated_node)


def _new_keyword(arg: cst.Arg) -> cst.Arg:
    if arg.keyword is None or arg.keyword.value not in OLD_KEYWORDS:
        return arg
    return arg.with_changes(keyword=cst.Name(OLD_KEYWORDS[arg.keyword.value]))


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"
