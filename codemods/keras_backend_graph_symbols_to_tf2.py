from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Set, Union

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor
from libcst.helpers import parse_template_expression
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._backend_function import FunctionToSubModel
from codemods._backend_nodes import atom, attribute, bound_arguments, code, method_call, phase_literal
from codemods._backend_symbols import (
    BACKEND_RENAMES,
    DROPPED,
    KEYWORD_RENAMES,
    MODULE_ALIASES,
    NOT_MINE,
    REPORTED,
    TF_EQUIVALENTS,
    generic,
)
from codemods._blocks import BlockRewriter
from codemods._names import ImportBindings, TracksImports
from codemods._trigger_patterns import GAP, alias_use
from tf2migrate.codemod import FixSafety

BACKEND_PREFIXES = ("backend.tensorflow_backend.", "backend.")
LEARNING_PHASE_SYMBOLS = ("learning_phase", "in_train_phase", "in_test_phase", "learning_phase_scope")
TRAINING_METHODS = ("fit", "fit_generator", "train_on_batch", "get_updates")
OPTIMIZER_METHODS = ("get_updates", "get_gradients")
# Backend calls with a planner of their own: symbol -> method name.
PLANNERS = {
    "function": "plan_function",
    "set_learning_phase": "_plan_set_learning_phase",
    "set_value": "_plan_set_value",
    "dtype": "_plan_dtype",
    "categorical_crossentropy": "_check_crossentropy",
}
# Every backend symbol the codemod rewrites or reports whatever its arguments (`def get_updates` is a method,
# not a symbol); KEYWORD_RENAMES' functions are only touched for their keywords.
SYMBOLS = frozenset(
    {*DROPPED, *PLANNERS, "gradients", *MODULE_ALIASES, *TF_EQUIVALENTS, *BACKEND_RENAMES}
    | {name for name in REPORTED if name.isidentifier()}
) - NOT_MINE
RENAMED_KEYWORDS = frozenset(old for renames in KEYWORD_RENAMES.values() for old in renames)


def _trigger_pattern() -> "re.Pattern[str]":
    """Where this codemod may act. A backend symbol is an imported name (`from keras.backend import function`)
    or an attribute of a name bound to a backend module: `backend` itself (`keras.backend.function`,
    `tensorflow_backend.set_session`), or an alias imported `backend as K` (its use may come before the import;
    the first ALIASES aliases are followed, a file with more always runs).
    Name resolution also sees through calls, subscripts and parentheses (`(K).function`), hence any symbol right
    after a closing bracket in a file that names `backend`; functions whose keywords were renamed are touched
    only for those keywords, a keyword argument following `(` or `,`. Between tokens, inside brackets, may stand
    spaces, newlines, backslashes and comments. Optimizer methods are matched by name, whatever the receiver."""
    symbols = rf"\b(?:{'|'.join(sorted(SYMBOLS))})\b"
    use = rf"{GAP}\.{GAP}{symbols}"
    inline = r"(?:[ \t\f]|\\\r?\n)*"  # within one logical line, outside brackets
    # `from <...>backend import`, and the names it imports, in brackets or on its logical line
    imported = rf"{inline}import{inline}(?:\((?:[^)#]|#[^\n]*)*?|(?:[^\n\\]|\\[\s\S])*?)"
    # `K.function` after (or before) `from keras import backend as K`, or `import ...tensorflow_backend as KTF`
    aliases = alias_use(r"\w*backend", symbols)
    return re.compile(
        rf"\A(?:(?=[\s\S]*?(?:{'|'.join(OPTIMIZER_METHODS)}))|(?=[\s\S]*?backend)(?:"
        rf"[\s\S]*?backend(?:{use}|{imported}{symbols})"
        rf"|[\s\S]*?[)\]]{use}|[\s\S]*?[(,]{GAP}\b(?:{'|'.join(sorted(RENAMED_KEYWORDS))}){GAP}=|{aliases}))"
    )


def backend_symbol(bindings: ImportBindings, node: cst.BaseExpression) -> Optional[str]:
    """``K.function`` (any Keras's backend, or ``keras.backend.tensorflow_backend``) -> ``"function"``."""
    path = bindings.keras_qualified(node)
    for prefix in BACKEND_PREFIXES:
        if path and path.startswith(prefix):
            rest = path[len(prefix) :]
            return rest if rest and "." not in rest else None
    return None


@dataclass
class ProgramFacts:
    """What the whole file does with the learning phase, read before the traversal."""

    phase_calls: List[Optional[int]] = field(default_factory=list)  # K.set_learning_phase literal values
    trains: bool = False  # fit, train_on_batch, get_updates, K.gradients, K.function(updates=...)
    reads_phase: bool = False  # K.learning_phase(), K.in_train_phase(...)

    @classmethod
    def scan(cls, module: cst.Module) -> "ProgramFacts":
        bindings = ImportBindings()
        for statement in m.findall(module, m.Import() | m.ImportFrom()):
            bindings.add(statement)
        facts = cls()
        for call in m.findall(module, m.Call()):
            symbol = backend_symbol(bindings, call.func)
            if symbol == "set_learning_phase":
                facts.phase_calls.append(phase_literal(call.args[0].value) if call.args else None)
            elif symbol in LEARNING_PHASE_SYMBOLS:
                facts.reads_phase = True
            elif symbol == "gradients" or (symbol == "function" and len(call.args) > 2):
                facts.trains = True
            elif m.matches(call.func, m.Attribute(attr=m.OneOf(*(m.Name(n) for n in TRAINING_METHODS)))):
                facts.trains = True
        return facts

    def runs_in_inference(self) -> bool:
        """Whether every K.function call without a learning-phase input runs in inference mode."""
        return all(value == 0 for value in self.phase_calls)


class KerasBackendGraphSymbolsToTf2(FunctionToSubModel, TracksImports, BlockRewriter):
    """Rewrite Keras backend symbols that Keras 3 dropped (`K.function`, `K.tf`, ...) into TF2, or report them.

    What it does:
    `K.function([model.input, K.learning_phase()], [model.layers[i].output])` whose object is only called,
    with a literal learning phase 0 (or none), becomes a sub-model `Model(model.inputs, [...])`; each call
    `f([x, 0])` becomes `f([x], training=False)`, and its result the list of NumPy arrays K.function returned
    (`f([x])[0]` becomes `f([x], training=False).numpy()`). `K.tf` and `K.np` become the module's TensorFlow
    and NumPy names; `K.logsumexp`, `K.identity` and `K.slice` become the TensorFlow functions they called;
    `K.get_variable_shape` becomes `K.int_shape`, `K.random_binomial` `K.random_bernoulli`; `K.set_value(x, v)`
    becomes `x.assign(v)`, `K.dtype(x)` `tf.as_dtype(x.dtype).name`; renamed keywords follow Keras 3
    (`batch_get_value(ops=)`, `set_epsilon(e=)`, `set_floatx(floatx=)`). `K.set_learning_phase(0)` is removed
    from a program that never trains. Everything else Keras 3 dropped is reported with the TF2 form to use:
    `K.placeholder`, `K.gradients`, `K.get_session`, `K.set_session`, `K.learning_phase` outside a
    K.function, `K.in_train_phase`, `K.print_tensor`, `optimizer.get_updates`, ...; so are backend functions
    whose results changed (`K.batch_dot`, `K.update*`, `K.moving_average_update`, `K.batch_set_value`,
    `K.categorical_crossentropy` with `from_logits=True` and `axis`).

    Why:
    Keras 3 (`tf.keras` in TF 2.21) runs eagerly, without sessions, placeholders or a global learning phase:
    its backend has no `function`, `placeholder`, `learning_phase`, `get_session` or `tf`, and its
    `set_value` raises `AttributeError` on Keras 3 variables such as layer weights.

    Example:
    ```python
    from keras import backend as K
    from keras.layers import Dense, Dropout
    from keras.models import Sequential

    model = Sequential([Dense(4, input_shape=(3,)), Dropout(0.5), Dense(1)])
    hidden = K.function([model.input, K.learning_phase()], [model.layers[1].output])
    features = hidden([x, 0])[0]
    print(K.tf.reduce_sum(features))
    K.set_value(model.layers[0].bias, [0.0, 1.0, 2.0, 3.0])
    ```

    Use instead:
    ```python
    from keras.layers import Dense, Dropout
    from keras.models import Model, Sequential
    import tensorflow as tf

    model = Sequential([Dense(4, input_shape=(3,)), Dropout(0.5), Dense(1)])
    hidden = Model(model.inputs, [model.layers[1].output])
    features = hidden([x], training=False).numpy()
    print(tf.reduce_sum(features))
    model.layers[0].bias.assign([0.0, 1.0, 2.0, 3.0])
    ```

    Fix safety:
    Safe: each rewrite computes what Keras 2.2.4 computed. The sub-model runs the same layers in inference
    mode, K.function's default, and its results are turned into the same NumPy arrays; `K.tf` is the module
    TensorFlow itself; the renamed functions have Keras 2.2.4's bodies. Anything not provably the same is left
    as it was, with a finding: a learning phase of 1 (a Keras 3 call with `training=True` also updates
    BatchNormalization's moving statistics), a K.function with `updates`, stored on an object or passed
    around, a model input whose kind (model or layer) cannot be told.

    Limitations:
    Methods are matched by name, since objects cannot be typed statically: `.get_updates(...)` and
    `.get_gradients(...)` calls are reported whatever their receiver, and any `.fit`, `.fit_generator` or
    `.train_on_batch` call counts as training. A model is told from a layer by how its name was made
    (`Sequential(...)`, `Model(...)`, `load_model(...)`, `model.layers[i]`, `get_layer(...)`): Keras 3
    Sequential models have no `.input`/`.output`, so a model's become `.inputs`/`.outputs`; a function
    parameter is unknown, and its K.function is reported. `model.layers[0].input` becomes `model.inputs[0]`
    unless the model is a Sequential one (a Keras 3 InputLayer's `.input` is empty), exact for single-input
    models; `model.layers[i].input` for another `i` is reported unless the model is a Sequential one. The
    K.function's outputs must be a written-out list, so that the number of arrays is known.
    `K.set_value(x, v)` becomes `x.assign(v)` only as a statement; assigning a fractional value to an integer
    variable now raises instead of truncating. `K.set_learning_phase(0)` is removed only when the file never
    trains (`fit`, `fit_generator`, `train_on_batch`, `get_updates`, `K.gradients`, `K.function(updates=)`)
    nor reads the learning phase; a program spread over several files is judged file by file. `K.softmax` of
    a 1-D tensor, which Keras 3 refuses, is not detected.
    """

    NAME = "keras-backend-graph-symbols-to-tf2"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = _trigger_pattern()
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Original node -> how to rebuild it from its updated form, applied on the way out of the tree.
        self.edits: Dict[cst.CSTNode, Callable[[cst.CSTNode], cst.CSTNode]] = {}
        self.consumed: Set[cst.CSTNode] = set()  # calls already accounted for by a K.function plan
        self.program = ProgramFacts()

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.program = ProgramFacts.scan(node)

    def visit_Import(self, node: cst.Import) -> bool:
        super().visit_Import(node)
        return False  # imported names are not uses

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        super().visit_ImportFrom(node)
        return False

    def backend_symbol(self, node: cst.BaseExpression) -> Optional[str]:
        return backend_symbol(self.bindings, node)

    # --- finding backend symbols, on the original tree ----------------------------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._visit_symbol(node)

    def visit_Name(self, node: cst.Name) -> None:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            return
        if isinstance(parent, (cst.Arg, cst.Param, cst.FunctionDef, cst.ClassDef)):
            if node is not getattr(parent, "value", None):  # a keyword, parameter or definition name
                return
        self._visit_symbol(node)

    def _visit_symbol(self, node: cst.BaseExpression) -> None:
        symbol = self.backend_symbol(node)
        if symbol is None or symbol in NOT_MINE:
            return
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.Call) and parent.func is node:
            if parent not in self.consumed:
                self._visit_backend_call(symbol, parent)
        elif symbol in MODULE_ALIASES:
            self._replace_module_alias(node, *MODULE_ALIASES[symbol])
        elif symbol in DROPPED or symbol == "gradients":
            self.report(node, *REPORTED.get(symbol, generic(symbol)))

    def _visit_backend_call(self, symbol: str, call: cst.Call) -> None:
        if symbol in PLANNERS:
            getattr(self, PLANNERS[symbol])(call)
        elif symbol in TF_EQUIVALENTS:
            self._plan_tf_equivalent(call, *TF_EQUIVALENTS[symbol])
        elif symbol in BACKEND_RENAMES:
            self._plan_backend_rename(call, BACKEND_RENAMES[symbol])
        elif symbol in KEYWORD_RENAMES:
            self._plan_keyword_renames(call, KEYWORD_RENAMES[symbol])
        elif symbol in REPORTED:
            self.report(call, *REPORTED[symbol])
        elif symbol in DROPPED:
            self.report(call, *generic(symbol))

    def visit_Call(self, node: cst.Call) -> None:
        if m.matches(node.func, m.Attribute(attr=m.OneOf(*(m.Name(n) for n in OPTIMIZER_METHODS)))):
            self.report(node, *REPORTED[node.func.attr.value])

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        block = self.get_metadata(ParentNodeProvider, node, None)
        owner = self.get_metadata(ParentNodeProvider, block, None) if block is not None else None
        if node.name.value == "get_updates" and isinstance(owner, cst.ClassDef):
            self.report(node.name, *REPORTED["def get_updates"])

    # --- plans for single calls ----------------------------------------------------------------------------------

    def _plan_set_learning_phase(self, call: cst.Call) -> None:
        statement = self._statement_of_call(call)
        value = phase_literal(call.args[0].value) if len(call.args) == 1 and not call.args[0].keyword else None
        message, suggestion = REPORTED["set_learning_phase"]
        if value != 0 or statement is None:
            self.report(call, message, suggestion)
        elif self.program.trains:
            self.report(
                call,
                f"{message}; not removed: this file trains, and after `K.set_learning_phase(0)` Keras 2 trained "
                "in inference mode (no dropout, frozen BatchNormalization statistics)",
                suggestion,
            )
        elif self.program.reads_phase or any(v != 0 for v in self.program.phase_calls):
            self.report(call, f"{message}; not removed: this file also reads or sets the learning phase", suggestion)
        else:
            self.plan[statement] = []  # predict, evaluate and K.function already ran in inference mode
            self.note_maybe_unused(call.func)

    def _plan_set_value(self, call: cst.Call) -> None:
        bound = bound_arguments(call, ("x", "value"))
        parent = self.get_metadata(ParentNodeProvider, call, None)
        if bound is None or len(bound) != 2 or not isinstance(parent, cst.Expr):
            self.report(call, *REPORTED["set_value"])
            return
        self.edits[call] = lambda updated: method_call(
            updated.args[bound["x"]].value, "assign", [cst.Arg(updated.args[bound["value"]].value)]
        )
        self.note_maybe_unused(call.func)

    def _plan_dtype(self, call: cst.Call) -> None:
        """``K.dtype(x)`` -> ``tf.as_dtype(x.dtype).name``: Keras 3's K.dtype reads ``x.dtype.base_dtype``, which a
        Keras 3 variable's string dtype lacks."""
        tf = self._module_name("tensorflow", "tf", call) if bound_arguments(call, ("x",)) == {"x": 0} else None
        if tf is None:
            self.report(
                call, "`K.dtype` raises `AttributeError` on Keras 3 variables", "use `tf.as_dtype(x.dtype).name`"
            )
            return
        self.edits[call] = lambda updated: attribute(
            parse_template_expression(f"{tf}.as_dtype({{x}}.dtype)", x=atom(updated.args[0].value)), "name"
        )
        self.note_maybe_unused(call.func)

    def _check_crossentropy(self, call: cst.Call) -> None:
        bound = bound_arguments(call, ("target", "output", "from_logits", "axis")) or {}
        if "from_logits" not in bound or "axis" not in bound:
            return
        from_logits = call.args[bound["from_logits"]].value
        axis = call.args[bound["axis"]].value
        if m.matches(from_logits, m.Name("True")) and code(axis) != "-1":
            self.report(call, *REPORTED["categorical_crossentropy"])

    def _plan_tf_equivalent(self, call: cst.Call, function: str, keywords: Dict[str, str]) -> None:
        tf = self._module_name("tensorflow", "tf", call)
        if tf is None:
            symbol = self.backend_symbol(call.func)
            self.report(
                call, f"`K.{symbol}` does not exist in Keras 3", f"use `tf.{function}` (the name `tf` is taken here)"
            )
            return
        self.edits[call] = lambda updated: _renamed_keywords(
            updated.with_changes(func=cst.Attribute(cst.Name(tf), cst.Name(function))), keywords
        )
        self.note_maybe_unused(call.func)

    def _plan_backend_rename(self, call: cst.Call, new: str) -> None:
        new_func = self._renamed_backend_function(call.func, new)
        if new_func is None:
            symbol = self.backend_symbol(call.func)
            self.report(
                call, f"`K.{symbol}` does not exist in Keras 3", f"use `K.{new}` (the name `{new}` is taken here)"
            )
            return
        self.edits[call] = lambda updated: updated.with_changes(func=new_func(updated.func))

    def _plan_keyword_renames(self, call: cst.Call, keywords: Dict[str, str]) -> None:
        if any(arg.keyword is not None and arg.keyword.value in keywords for arg in call.args):
            self.edits[call] = lambda updated: _renamed_keywords(updated, keywords)

    def _replace_module_alias(self, node: cst.BaseExpression, module: str, preferred: str) -> None:
        name = self._module_name(module, preferred, node)
        if name is None:
            self.report(
                node,
                f"`{code(node)}` does not exist in Keras 3; not rewritten: the name `{preferred}` is taken here",
                f"import {module} under another name and use it directly",
            )
            return
        self.edits[node] = lambda updated: cst.Name(name, lpar=updated.lpar, rpar=updated.rpar)
        self.note_maybe_unused(node)

    # --- names -----------------------------------------------------------------------------------------------------

    def _module_name(self, module: str, preferred: str, node: cst.CSTNode) -> Optional[str]:
        """The local name of ``module`` (imported as ``preferred`` when it is not imported); None when
        ``preferred`` already names something else."""
        alias = self.bindings.alias_for(module)
        scope = self.get_metadata(ScopeProvider, node, None)
        if alias is not None and (scope is None or alias in scope):
            return alias
        if (scope is not None and preferred in scope) or self.bindings.names.get(preferred, module) != module:
            return None
        AddImportsVisitor.add_needed_import(self.context, module, asname=preferred)
        return preferred

    def _renamed_backend_function(self, func: cst.BaseExpression, new: str):
        """How to rename a backend function reference: ``K.old`` -> ``K.new``; a from-imported ``old`` ->
        ``new``, imported from the same module. None when ``new`` is taken."""
        self.note_maybe_unused(func)
        if isinstance(func, cst.Attribute):
            return lambda updated: updated.with_changes(attr=cst.Name(new))
        module = self.bindings.names[func.value].rpartition(".")[0]
        taken = self.bindings.names.get(new)
        if taken is not None and taken != f"{module}.{new}":
            return None
        AddImportsVisitor.add_needed_import(self.context, module, new)
        return lambda updated: cst.Name(new)

    def _statement_of_call(self, call: cst.Call) -> Optional[cst.SimpleStatementLine]:
        """The statement when it is nothing but ``call``."""
        expr = self.get_metadata(ParentNodeProvider, call, None)
        statement = self.get_metadata(ParentNodeProvider, expr, None) if isinstance(expr, cst.Expr) else None
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            return statement
        return None

    # --- transformation ----------------------------------------------------------------------------------------

    def on_leave(
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> Union[cst.CSTNode, cst.RemovalSentinel]:
        result = super().on_leave(original_node, updated_node)
        edit = self.edits.get(original_node)
        if edit is not None and isinstance(result, cst.CSTNode):
            return edit(result)
        return result

def _renamed_keywords(call: cst.Call, renames: Dict[str, str]) -> cst.Call:
    args = [
        arg.with_changes(keyword=cst.Name(renames[arg.keyword.value]))
        if arg.keyword is not None and arg.keyword.value in renames
        else arg
        for arg in call.args
    ]
    return call.with_changes(args=args)
