from __future__ import annotations

import ast
import json
import re
from typing import Callable, Dict, Iterable, List, Optional, Set

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._arguments import keyword
from codemods._keras3_defaults_made_explicit_args import (
    append_args,
    has_star_args,
    has_star_kwargs,
    keyword_arg,
    keywordize,
    passes,
    positional_args,
    remove_arg,
    rename_keyword,
    replace_arg_value,
)
from codemods._keras3_defaults_made_explicit_table import CallFix, semantic_note, table
from codemods._names import TracksImports, keras_path, tf1_name
from codemods._trigger_patterns import GAP, STRING_ESCAPE, called
from tf2migrate.codemod import POSSESSIVE_REGEX, Codemod, FixSafety
from tf2migrate.results import Severity

Op = Callable[[cst.Call], cst.BaseExpression]

# Calls whose result is a Keras model, so that `<name>.predict(...)` is Keras's predict.
MODEL_FACTORIES = {
    "Model", "Sequential", "models.Model", "models.Sequential", "models.load_model", "models.model_from_json",
    "models.model_from_yaml", "models.clone_model", "engine.Model", "engine.training.Model",
    "engine.sequential.Sequential",
}
DATA_FORMAT_SETTERS = {"backend.set_image_data_format", "backend.set_image_dim_ordering"}
MODEL_METHODS = ("predict", "compile", "fit", "evaluate", "train_on_batch", "test_on_batch")
WEIGHTED_METHODS = ("fit", "evaluate", "train_on_batch", "test_on_batch")
ACTIVATION_KEYWORDS = ("activation", "recurrent_activation")
HARD_SIGMOID = "@backend.hard_sigmoid"
BINARY_ACCURACY = "@metrics.BinaryAccuracy"
MODEL_METHOD_PREFIX = "models.Model."

# Pieces of the trigger (with GAP, what stands between two tokens, from _trigger_patterns): a one-line string
# with no escape, a comment, and one argument of a call, read up to its comma or closing parenthesis
# through three levels of brackets; another string, a lambda or a deeper bracket stops it early.
_STRING = r"""(?:"[^"\\\n]*"|'[^'\\\n]*')(?!["'])"""
_COMMENT = r"#[^\n]*"
_PLAIN = r"""(?!lambda\b)[^()\[\]{}"'#,]"""  # a lambda's parameters have commas and `=` of their own


def _argument() -> str:
    inside = rf"{_PLAIN}|,|{_STRING}|{_COMMENT}"
    for _ in range(2):
        inside = rf"{inside}|[(\[{{](?:{inside})*+[)\]}}]"
    return rf"(?:{_PLAIN}|{_STRING}|{_COMMENT}|[(\[{{](?:{inside})*+[)\]}}])*+"


def _keyword(names: Optional[Iterable[str]]) -> str:
    """An argument passed as ``name=`` for one of ``names`` (any keyword when ``names`` is None)."""
    name = r"[^\W\d]\w*" if names is None else "(?:" + "|".join(sorted(names)) + ")"
    return rf"{GAP}\b{name}{GAP}=(?!=)"


def _trigger_pattern() -> "re.Pattern[str]":
    """The codemod acts at a call of a Keras callable of its table (or of a model method): the call, or the
    import of its `... as` alias, writes the callable's last name. Each fix of the table acts only where the call
    does not pass the keyword (add_default: the call is read argument by argument), passes it (rename_keyword,
    findings on a keyword), or has more positional arguments than Keras 3 keeps in place (keywordize_positional:
    all of them come before the first keyword); a call that cannot be read this way triggers. The rest is found
    by name: defaults that depend on a module-wide data format setter, hard_sigmoid, BatchNormalization,
    metrics_names, and the keywords reported at any layer or fitting method; metric strings are matched as
    list or tuple elements, where an escape or line continuation could also spell one."""
    words = {"BatchNormalization", "hard_sigmoid", "metrics_names"}
    keywords = {"activity_regularizer", "sample_weight", "class_weight"}
    lacking: Dict[str, Set[str]] = {}  # keyword -> callables that act when a call lacks it
    passing: Dict[str, Set[str]] = {}  # keyword -> callables that act when a call passes it
    positional: Dict[int, Set[str]] = {}  # position -> callables that act on an argument there
    for path, fixes in table().fixes.items():
        name = path.rpartition(".")[2]
        for fix in fixes:
            if fix.when:  # the module sets the image data format
                words.update(setter.rpartition(".")[2] for setter in DATA_FORMAT_SETTERS)
            elif fix.kind == "add_default":
                lacking.setdefault(fix.keyword, set()).add(name)
            elif fix.kind == "rename_keyword":
                passing.setdefault(fix.keyword, set()).add(name)
            elif fix.kind == "keywordize_positional" and fix.position:
                positional.setdefault(fix.position, set()).add(name)
            else:
                words.add(name)
    for path, findings in table().findings.items():
        name = path.rpartition(".")[2]
        for finding in findings:
            if finding.keyword:
                passing.setdefault(finding.keyword, set()).add(name)
            else:
                words.add(name)
    # The code's own findings on model methods whose receiver is not proven a model.
    lacking.setdefault("verbose", set()).add("predict")
    argument = _argument()
    callables = {name for names in [*lacking.values(), *passing.values(), *positional.values()] for name in names}
    call = lambda names: called("|".join(sorted(names)))
    at_name = [rf"(?:{'|'.join(sorted(words))})\b", rf"(?:{'|'.join(sorted(callables))}){GAP}as\b"]
    for keyword_, names in sorted(lacking.items()):
        given = _keyword([keyword_])
        at_name.append(rf"{call(names)}(?:(?!{given}){argument},)*+(?!{given}){argument}(?!,)")
    given = _keyword(passing)  # any of them: a superset of each callable's own
    at_name.append(rf"{call(set().union(*passing.values()))}(?:(?!{given}){argument},)*+(?:{given}|{argument}[^,)])")
    not_keyword = rf"(?!{_keyword(None)})"
    for position, names in sorted(positional.items()):
        at_name.append(rf"{call(names)}(?:{not_keyword}{argument},){{0,{position - 1}}}+{not_keyword}{argument}[^)]")
    metrics = sorted({"accuracy", "acc", *table().metric_names, *table().rejected_metrics})
    alternatives = [
        # every rule above starts at one of these names: checked once, before the rules
        rf"\b(?=(?:{'|'.join(sorted(words | callables))})\b)(?:{'|'.join(at_name)})",
        rf"\b(?:{'|'.join(sorted(keywords))}){GAP}=(?!=)",
        rf"[\[(,]{GAP}\*?{GAP}[rRuU]?[\"']+(?:{'|'.join(metrics)})[\"']",
        STRING_ESCAPE,  # a string whose value may be one of those names
    ]
    return re.compile("|".join(alternatives))


class Keras3DefaultsMadeExplicit(TracksImports, Codemod):
    """Pass Keras 2's defaults where Keras 3 changed them silently.

    What it does:
    At Keras calls (`keras.*` or TF 1.x `tf.keras.*`), passes explicitly the Keras 2.2.4 values Keras 3
    changed: LSTM / GRU / ConvLSTM2D / LSTMCell / GRUCell get `recurrent_activation=backend.hard_sigmoid`
    (Keras 2's formula) and GRU / GRUCell `reset_after=False`; the string `"hard_sigmoid"` given as a layer's
    activation becomes `backend.hard_sigmoid` too; `l1_l2()` gets `l1=0.01, l2=0.01`; `AveragePooling*D()`
    its pool size; `to_categorical(...)` `.astype("float32")` (or the `dtype=` it was given); 1D layers
    `data_format="channels_last"` where the module sets a global data format; `plot_model` shows layer names;
    renamed keywords (`l=`, `alpha=` of `activations.relu`, `text=`, `y=`...) get their Keras 3 names;
    positional arguments that Keras 3 would bind to another parameter are passed by keyword. On a model
    assigned in the same scope from `Sequential(...)`, `Model(...)` or `load_model(...)`: `predict` gets
    `verbose=0`, and `compile(metrics=[...])` names each metric as Keras 2 logged it (`"accuracy"` ->
    `"acc"`, `"mae"` -> `"mean_absolute_error"`...; with `loss="binary_crossentropy"`, accuracy becomes
    `metrics.BinaryAccuracy(name="acc")`). Every change was found by scripts/compare_keras_signatures.py and
    checked on both runtimes (scripts/keras_default_changes.md).

    Why:
    Keras 3 changed these defaults without an error: a migrated LSTM or GRU computes other outputs from the same
    weights (Keras 3's `"hard_sigmoid"` is even another function, x / 6 + 0.5), Keras 2 GRU weights no longer
    fit, `predict` prints a progress bar, `history.history["acc"]` raises `KeyError`, `l1_l2()` penalises
    nothing: the program prints other things than it printed on TF 1.15.

    Example:
    ```python
    from keras.layers import GRU, LSTM
    from keras.models import Sequential

    model = Sequential()
    model.add(LSTM(8, return_sequences=True, input_shape=(5, 3)))
    model.add(GRU(4))
    model.compile(loss="mse", optimizer="sgd", metrics=["accuracy"])
    print(model.predict(x))
    ```

    Use instead:
    ```python
    from keras.layers import GRU, LSTM
    from keras.models import Sequential
    from keras import backend

    model = Sequential()
    model.add(LSTM(8, return_sequences=True, input_shape=(5, 3), recurrent_activation=backend.hard_sigmoid))
    model.add(GRU(4, recurrent_activation=backend.hard_sigmoid, reset_after=False))
    model.compile(loss="mse", optimizer="sgd", metrics=["acc"])
    print(model.predict(x, verbose=0))
    ```

    Fix safety:
    Safe: each value passed is what Keras 2.2.4 (and TF 1.15's tf.keras, where it agreed) used, and a probe
    showed Keras 3 printing with it what Keras 2 printed. Methods are only touched on a receiver provably a
    Keras model; a call with `*args` or `**kwargs` that may already pass the argument is reported instead.

    Limitations:
    Reported, not fixed, since no argument restores Keras 2: BatchNormalization's moving statistics after
    training (Keras 2.2.4 zero-debiased them), `activity_regularizer=` (Keras 3 divides the penalty by the batch
    size), `sample_weight=` / `class_weight=` with zero weights, `apply_affine_transform`, `model.metrics_names`
    (`['loss', 'compile_metrics']`), and metric strings Keras 3 rejects (`"cosine"`, `"ce"`, ...). Not
    reported: the order of `history.history` keys (Keras 3 sorts them) and the layout of fit / evaluate
    progress bars. Models made elsewhere (`self.model`, a factory function's result) are not provably Keras:
    their `predict` and `compile` get an info finding. The `backend.hard_sigmoid` a model is built with is
    saved by name: a model reloaded from a file gets Keras 3's `hard_sigmoid`. tf.keras code already written
    for TF 2 would get Keras 2's behaviour: run it on legacy code only.
    """

    NAME = "keras3-defaults-made-explicit"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = _trigger_pattern() if POSSESSIVE_REGEX else None
    TRIGGERS = () if POSSESSIVE_REGEX else ("keras",)
    METADATA_DEPENDENCIES = (ScopeProvider, ParentNodeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.plans: Dict[cst.Call, List[Op]] = {}
        self.replaced_references: Dict[cst.CSTNode, cst.BaseExpression] = {}
        self.names_in_module: Set[str] = set()
        self.module_imports: Dict[str, str] = {}
        self.sets_data_format = False

    # --- the module as a whole ------------------------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        scan = _ModuleScan(self)
        node.visit(scan)
        self.names_in_module = scan.names
        self.sets_data_format = scan.sets_data_format
        # What a reference may go through: names imported at module level (and the imports this codemod adds).
        self.module_imports: Dict[str, str] = dict(self.bindings.names)

    # --- planning, on the original tree ---------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        qualified = self.bindings.tf1_qualified(node.func)
        path = keras_path(qualified) if qualified else None
        ops: List[Op] = []
        if path:
            ops = self._plan_keras_call(node, path, _spelling(qualified))
        elif isinstance(node.func, cst.Attribute) and node.func.attr.value in MODEL_METHODS:
            ops = self._plan_method_call(node, node.func.attr.value, node.func.value)
        if ops:
            self.plans[node] = ops

    def _plan_keras_call(self, node: cst.Call, path: str, spelling: str) -> List[Op]:
        ops = self._table_fixes(node, path, spelling)
        if path.startswith("layers."):  # no layer's result is cast: these ops may follow
            ops += self._hard_sigmoid_strings(node, path, spelling)
            self._report_layer_semantics(node, path, spelling)
        self._report_table_findings(node, path, spelling)
        return ops

    def _table_fixes(self, node: cst.Call, path: str, spelling: str) -> List[Op]:
        """Ops on the call's arguments, then (last: it wraps the call) a cast of its result."""
        ops: List[Op] = []
        added: List[cst.Arg] = []
        casts: List[Op] = []
        for fix in table().fixes.get(path, ()):
            if spelling not in fix.spellings:
                continue
            if fix.kind == "keywordize_positional":
                ops += self._keywordize(node, fix)
            elif fix.kind == "rename_keyword" and keyword_arg(node, fix.keyword) is not None:
                ops.append(lambda call, fix=fix: rename_keyword(call, fix.keyword, fix.to))
            elif fix.kind == "add_default":
                added += self._default(node, fix, spelling)
            elif fix.kind == "cast_result":
                casts += self._cast_result(node, fix)
        if added:
            ops.append(lambda call: append_args(call, added))
        return ops + casts

    def _keywordize(self, node: cst.Call, fix: CallFix) -> List[Op]:
        assert fix.position is not None
        if len(positional_args(node)) <= fix.position:
            return []
        if has_star_args(node) or not keywordize(node, fix.position, fix.positional_names)[1]:
            self.report(node, f"Keras 3 binds positional arguments from position {fix.position + 1} on to other "
                        "parameters than Keras 2 did", "pass them by keyword: " + ", ".join(
                            fix.positional_names[fix.position:]))
            return []
        return [lambda call: keywordize(call, fix.position, fix.positional_names)[0]]

    def _default(self, node: cst.Call, fix: CallFix, spelling: str) -> List[cst.Arg]:
        if fix.when and not self.sets_data_format:
            return []
        if passes(node, fix.keyword, fix.position):
            return []
        value = None if has_star_args(node) or has_star_kwargs(node) else self._value(fix.value, spelling)
        if value is None:
            self.report(node, f"Keras 3 changed the default of `{fix.keyword}`: {fix.note}",
                        f"pass `{fix.keyword}={fix.value.lstrip('@')}` if the call does not already")
            return []
        return [keyword(fix.keyword, value)]

    def _cast_result(self, node: cst.Call, fix: CallFix) -> List[Op]:
        if self._is_cast(node):
            return []
        dtype_arg = keyword_arg(node, fix.keyword)
        positional = positional_args(node)
        if dtype_arg is None and fix.position is not None and len(positional) > fix.position:
            dtype_arg = positional[fix.position]
        if has_star_args(node) or has_star_kwargs(node):
            self.report(node, "Keras 3's to_categorical has no dtype and returns float64",
                        "cast the result: `.astype(...)`")
            return []
        index = list(node.args).index(dtype_arg) if dtype_arg is not None else None
        return [lambda call: _cast(call, index, fix.value)]

    def _is_cast(self, node: cst.Call) -> bool:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        return isinstance(parent, cst.Attribute) and parent.attr.value == "astype"

    def _hard_sigmoid_strings(self, node: cst.Call, path: str, spelling: str) -> List[Op]:
        ops: List[Op] = []
        for index, arg in enumerate(node.args):
            is_activation = (arg.keyword is not None and arg.keyword.value in ACTIVATION_KEYWORDS) or (
                index == 0 and arg.keyword is None and _layer_name(path) == "Activation")
            if is_activation and _string_value(arg.value) == "hard_sigmoid":
                value = self._value(HARD_SIGMOID, spelling)
                if value is None:
                    self.report(arg, _HARD_SIGMOID_MESSAGE, "pass `tf.keras.backend.hard_sigmoid`")
                    continue
                ops.append(lambda call, index=index, value=value: replace_arg_value(call, index, value))
        return ops

    def _report_layer_semantics(self, node: cst.Call, path: str, spelling: str) -> None:
        if spelling != "keras":  # TF 1.15's tf.keras already behaved like Keras 3 here
            return
        if _layer_name(path) == "BatchNormalization":
            self.report(node, semantic_note("layers.BatchNormalization", "(moving statistics)"),
                        "nothing restores it: expect other results after training (inference from weights "
                        "trained on Keras 2 is unaffected)")
        regularizer = keyword_arg(node, "activity_regularizer")
        if regularizer is not None and _string_value(regularizer.value) != "None":
            self.report(regularizer, semantic_note("layers.*", "activity_regularizer"),
                        "Keras 2's penalty was batch-size times larger: scale the factor to train as before")

    def _report_table_findings(self, node: cst.Call, path: str, spelling: str) -> None:
        for finding in table().findings.get(path, ()):
            if spelling not in finding.spellings:
                continue
            if finding.keyword:
                arg = keyword_arg(node, finding.keyword)
                if arg is not None:
                    self.report(arg, finding.message, f"remove `{finding.keyword}=` or use its Keras 3 equivalent")
            else:
                self.report(node, finding.message, "check the results of this call on TF 2.21")

    # --- methods of models ----------------------------------------------------------------------------------

    def _plan_method_call(self, node: cst.Call, method: str, receiver: cst.BaseExpression) -> List[Op]:
        spelling = self._model_spelling(receiver)
        if method in WEIGHTED_METHODS:
            self._report_weights(node, spelling)
        if spelling is None:
            self._report_unproven(node, method, receiver)
            return []
        ops = self._table_fixes(node, MODEL_METHOD_PREFIX + method, spelling)
        self._report_table_findings(node, MODEL_METHOD_PREFIX + method, spelling)
        if method == "compile":
            ops += self._metric_names(node, spelling)
        return ops

    def _model_spelling(self, receiver: cst.BaseExpression) -> Optional[str]:
        """'keras' / 'tf.keras' when ``receiver`` is a name only ever assigned a Keras model in its scope."""
        if not isinstance(receiver, cst.Name):
            return None
        scope = self.get_metadata(ScopeProvider, receiver, None)
        if scope is None:
            return None
        assignments = scope.assignments[receiver.value]
        spellings = {self._assigned_model_spelling(a.node) for a in assignments if a.scope is scope}
        if not assignments or len(spellings) != 1:
            return None
        return spellings.pop()

    def _assigned_model_spelling(self, target: cst.CSTNode) -> Optional[str]:
        target_parent = self.get_metadata(ParentNodeProvider, target, None)
        assign = self.get_metadata(ParentNodeProvider, target_parent, None) if target_parent is not None else None
        if not (isinstance(target_parent, cst.AssignTarget) and isinstance(assign, cst.Assign)):
            return None
        if len(assign.targets) != 1 or not isinstance(assign.value, cst.Call):
            return None
        qualified = self.bindings.tf1_qualified(assign.value.func)
        path = keras_path(qualified) if qualified else None
        if path is None or not _is_model_factory(path):
            return None
        return _spelling(qualified)

    def _report_unproven(self, node: cst.Call, method: str, receiver: cst.BaseExpression) -> None:
        if method == "predict" and not passes(node, "verbose", 2):
            self.report(node, f"if `{_code(receiver)}` is a Keras model, Keras 3's predict prints a progress bar "
                        "where Keras 2 printed nothing", "pass `verbose=0`", Severity.INFO)
        elif method == "compile" and self._metric_changes(node):
            self.report(node, f"if `{_code(receiver)}` is a Keras model, Keras 3 logs these metrics under other "
                        "names than Keras 2 did", "name them as Keras 2 logged them: " + ", ".join(
                            f"{old!r} -> {new!r}" for old, new in self._metric_changes(node)), Severity.INFO)

    def _report_weights(self, node: cst.Call, spelling: Optional[str]) -> None:
        if spelling == "tf.keras" or (spelling is None and not self._imports_standalone_keras()):
            return
        for name in ("sample_weight", "class_weight"):
            arg = keyword_arg(node, name)
            if arg is not None:
                self.report(arg, semantic_note("models.Model.fit", "sample_weight / class_weight (zeros)"),
                            "if no weight is 0, nothing changes; else expect other losses and training",
                            Severity.WARNING if spelling else Severity.INFO)

    def _imports_standalone_keras(self) -> bool:
        return any(bound == "keras" or bound.startswith("keras.") for bound in self.bindings.names.values())

    # --- metric names ---------------------------------------------------------------------------------------

    def _metrics_arg(self, node: cst.Call):
        arg = keyword_arg(node, "metrics")
        positional = positional_args(node)
        if arg is None and len(positional) > 2:
            arg = positional[2]
        return arg if arg is not None and isinstance(arg.value, (cst.List, cst.Tuple)) else None

    def _metric_changes(self, node: cst.Call):
        arg = self._metrics_arg(node)
        if arg is None:
            return []
        binary = self._binary_crossentropy(node)
        changes = []
        for element in arg.value.elements:
            name = _string_value(element.value)
            if name in ("accuracy", "acc") and binary:
                changes.append((name, "BinaryAccuracy(name='acc')"))
            elif name in table().metric_names:
                changes.append((name, table().metric_names[name]))
        return changes

    def _binary_crossentropy(self, node: cst.Call) -> bool:
        loss = keyword_arg(node, "loss")
        positional = positional_args(node)
        if loss is None and len(positional) > 1:
            loss = positional[1]
        if loss is None:
            return False
        if _string_value(loss.value) == "binary_crossentropy":
            return True
        qualified = self.bindings.tf1_qualified(loss.value)
        return bool(qualified) and keras_path(qualified) == "losses.binary_crossentropy"

    def _metric_names(self, node: cst.Call, spelling: str) -> List[Op]:
        arg = self._metrics_arg(node)
        if arg is None:
            return []
        arg_index = list(node.args).index(arg)
        binary = self._binary_crossentropy(node)
        replacements: Dict[int, cst.BaseExpression] = {}
        for index, element in enumerate(arg.value.elements):
            name = _string_value(element.value)
            if name is None:
                continue
            if name in ("accuracy", "acc") and binary:
                accuracy = self._binary_accuracy(element.value, spelling)
                if accuracy is not None:
                    replacements[index] = accuracy
            elif name in table().metric_names:
                replacements[index] = _same_quotes(element.value, table().metric_names[name])
            elif name in table().rejected_metrics:
                self.report(element, f"Keras 3 rejects the metric {name!r} (ValueError at fit); "
                            f"{table().rejected_metrics[name]}", "use a metric Keras 3 knows, or drop it")
        if not replacements:
            return []
        return [lambda call: _replace_elements(call, arg_index, replacements)]

    def _binary_accuracy(self, string: cst.BaseExpression, spelling: str) -> Optional[cst.BaseExpression]:
        metric_class = self._value(BINARY_ACCURACY, spelling)
        if metric_class is None:
            self.report(string, semantic_note("models.Model.compile", "metrics (accuracy with binary_crossentropy)"),
                        "pass `metrics=[tf.keras.metrics.BinaryAccuracy(name=\"acc\")]`")
            return None
        return cst.Call(func=metric_class, args=[keyword("name", _same_quotes(string, "acc"))])

    # --- references to Keras objects ------------------------------------------------------------------------

    def _value(self, source: str, spelling: str) -> Optional[cst.BaseExpression]:
        """A fix value: Python source, or ``@module.name``, a Keras object reached through the module's imports
        (an import is added when none reaches it; None when its name is taken)."""
        if not source.startswith("@"):
            return cst.parse_expression(_double_quoted(source))
        module, _, name = source[1:].rpartition(".")
        imports = self.module_imports
        for local, bound in imports.items():
            if keras_path(tf1_name(bound)) == module + "." + name:
                return cst.Name(local)
        for local, bound in imports.items():
            if keras_path(tf1_name(bound)) == module:
                return cst.Attribute(cst.Name(local), cst.Name(name))
        for local, bound in imports.items():
            if keras_path(tf1_name(bound)) == "":
                return cst.parse_expression(f"{local}.{module}.{name}")
        for local, bound in imports.items():
            if tf1_name(bound) == "tensorflow":
                return cst.parse_expression(f"{local}.keras.{module}.{name}")
        if module in self.names_in_module:
            return None
        root = "keras" if spelling == "keras" else "tensorflow.keras"
        AddImportsVisitor.add_needed_import(self.context, root, module)
        self.names_in_module.add(module)
        imports[module] = f"{root}.{module}"
        return cst.Attribute(cst.Name(module), cst.Name(name))

    # --- activations.hard_sigmoid and metrics_names ----------------------------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == "metrics_names":
            self.report(node, semantic_note("models.Model.metrics_names", "(attribute)"),
                        "use `model.evaluate(..., return_dict=True)` for the names with the values, or list "
                        "the names yourself")
            return
        self._plan_hard_sigmoid_reference(node)

    def visit_Name(self, node: cst.Name) -> None:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, (cst.ImportAlias, cst.Attribute)):
            return
        qualified = self.bindings.tf1_qualified(node)
        if qualified and keras_path(qualified) == "activations.hard_sigmoid":
            self.report(node, _HARD_SIGMOID_MESSAGE, "import `hard_sigmoid` from `keras.backend` instead")

    def _plan_hard_sigmoid_reference(self, node: cst.Attribute) -> None:
        qualified = self.bindings.tf1_qualified(node)
        if not qualified or keras_path(qualified) != "activations.hard_sigmoid":
            return
        value = self._value(HARD_SIGMOID, _spelling(qualified))
        if value is None:
            self.report(node, _HARD_SIGMOID_MESSAGE, "use `tf.keras.backend.hard_sigmoid`")
            return
        self.replaced_references[node] = value

    # --- rewriting ------------------------------------------------------------------------------------------

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self.replaced_references.get(original_node, updated_node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        result: cst.BaseExpression = updated_node
        for op in self.plans.get(original_node, ()):
            assert isinstance(result, cst.Call)
            result = op(result)
        return result


_HARD_SIGMOID_MESSAGE = ("Keras 3's hard_sigmoid is relu6(x + 3) / 6, Keras 2's clip(0.2 * x + 0.5, 0, 1): "
                         "the same name computes something else")


class _ModuleScan(cst.CSTVisitor):
    """Names the module binds or reads anywhere (not keywords, not attributes), and whether it sets Keras's global
    image data format."""

    def __init__(self, codemod: Keras3DefaultsMadeExplicit) -> None:
        super().__init__()
        self.codemod = codemod
        self.names: Set[str] = set()
        self.not_variables: Set[cst.Name] = set()
        self.sets_data_format = False

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.not_variables.add(node.keyword)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.not_variables.add(node.attr)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is not None and isinstance(node.name, cst.Name):  # `backend` in `import backend as K`
            self.not_variables.add(node.name)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = node.module
        while isinstance(module, cst.Attribute):
            module = module.value
        if isinstance(module, cst.Name):  # `keras` in `from keras.layers import ...`
            self.not_variables.add(module)

    def visit_Name(self, node: cst.Name) -> None:
        if node not in self.not_variables:
            self.names.add(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        qualified = self.codemod.bindings.tf1_qualified(node.func)
        if qualified and keras_path(qualified) in DATA_FORMAT_SETTERS:
            self.sets_data_format = True


def _spelling(qualified: str) -> str:
    return "keras" if qualified == "keras" or qualified.startswith("keras.") else "tf.keras"


def _layer_name(path: str) -> str:
    return path.rpartition(".")[2]


def _is_model_factory(path: str) -> bool:
    if path in MODEL_FACTORIES:
        return True
    return path.startswith("applications.") and path.rpartition(".")[2][:1].isupper()


def _string_value(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.Name) and node.value == "None":
        return "None"
    return None


def _same_quotes(string: cst.BaseExpression, value: str) -> cst.SimpleString:
    quote = string.quote if isinstance(string, cst.SimpleString) else '"'
    return cst.SimpleString(f"{quote}{value}{quote}")


def _double_quoted(source: str) -> str:
    """``'float32'`` -> ``"float32"``: literal strings from the data file in the quotes most code uses."""
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source
    return json.dumps(value) if isinstance(value, str) else source


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _cast(call: cst.Call, dtype_index: Optional[int], default: str) -> cst.Call:
    if dtype_index is None:
        dtype: cst.BaseExpression = cst.parse_expression(_double_quoted(default))
    else:
        dtype = call.args[dtype_index].value
        call = remove_arg(call, dtype_index)
    return cst.Call(func=cst.Attribute(value=call, attr=cst.Name("astype")), args=[cst.Arg(dtype)])


def _replace_elements(call: cst.Call, arg_index: int, replacements: Dict[int, cst.BaseExpression]) -> cst.Call:
    sequence = call.args[arg_index].value
    assert isinstance(sequence, (cst.List, cst.Tuple))
    elements = [element.with_changes(value=replacements[i]) if i in replacements else element
                for i, element in enumerate(sequence.elements)]
    return replace_arg_value(call, arg_index, sequence.with_changes(elements=elements))
