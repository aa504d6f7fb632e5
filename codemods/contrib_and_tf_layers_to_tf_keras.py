from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Set

import libcst as cst
from libcst.metadata import ParentNodeProvider, ScopeProvider

from codemods._arguments import keyword
from codemods._assignments import single_assigned_value
from codemods._names import ImportBindings, TracksImports, dotted
from codemods._tf_layers_arguments import (
    Bound,
    CannotBind,
    atom,
    bind,
    is_float32,
    is_name,
    number,
    plain,
    string,
)
from codemods._tf_layers_table import (
    BATCH_NORMALIZATION,
    CALL_ARGUMENTS,
    IGNORED,
    LAYER_CLASSES,
    TRUNCATED_NORMAL_SCALE,
    UNSUPPORTED,
    LayerFunction,
    contrib_home,
    layer_function,
)
from codemods._trigger_patterns import DOT, TENSORFLOW, alias_use, imported_name
from tf2migrate.codemod import Codemod, FixSafety
from tf2migrate.results import Severity

LAYERS = "tensorflow.layers."
CONTRIB = "tensorflow.contrib"
CONTRIB_LAYERS = "tensorflow.contrib.layers."
XAVIER = ("xavier_initializer", "xavier_initializer_conv2d")
VARIANCE_SCALING = "variance_scaling_initializer"
REGULARIZERS = ("l1_regularizer", "l2_regularizer", "l1_l2_regularizer")
FAN_MODES = {"FAN_IN": "fan_in", "FAN_OUT": "fan_out", "FAN_AVG": "fan_avg"}
VARIABLE_SCOPE = "tensorflow.variable_scope"
EAGER_SWITCHES = ("tensorflow.enable_eager_execution", "tensorflow.enable_v2_behavior")
NO_TENSORFLOW_NAME = (
    "not converted: this module does not import TensorFlow itself and uses the name `tensorflow` for something "
    "else, which an import would change",
    "import tensorflow under a free name, then convert it to that name's `keras` by hand",
)

Plan = Callable[[cst.Call], cst.BaseExpression]


class Blocked(Exception):
    """A call that is left as it was: ``message`` says why, ``suggestion`` what to do."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True)
class FileTraits:
    """What the whole file says about how its layers behave."""

    eager: bool  # it enables eager execution, so no `training=` value is a graph tensor
    shares_variables: bool  # variable-scope reuse: functional layers may share variables by name
    reads_update_ops: bool  # batch normalization statistics are updated through the UPDATE_OPS collection
    reads_regularization_collection: bool  # regularization losses are read from the graph collection
    sets_data_format: bool  # Keras's global image data format is set or read: pass data_format explicitly

    @classmethod
    def of(cls, module: cst.Module, bindings: ImportBindings) -> "FileTraits":
        text = module.code
        calls = _CallNames(bindings)
        module.visit(calls)
        return cls(
            eager=any(name in calls.names for name in EAGER_SWITCHES),
            shares_variables=calls.reusing_scope or any(
                word in text for word in ("AUTO_REUSE", "reuse_variables", "make_template")
            ),
            reads_update_ops="UPDATE_OPS" in text,
            reads_regularization_collection="REGULARIZATION_LOSSES" in text or "get_regularization_loss" in text,
            sets_data_format="image_data_format" in text or "image_dim_ordering" in text,
        )


class _CallNames(cst.CSTVisitor):
    def __init__(self, bindings: ImportBindings) -> None:
        self.bindings = bindings
        self.names: Set[str] = set()
        self.reusing_scope = False

    def visit_Call(self, node: cst.Call) -> None:
        name = self.bindings.tf1_qualified(node.func)
        if not name:
            return
        self.names.add(name)
        if name == VARIABLE_SCOPE and any(
            a.keyword is not None and a.keyword.value == "reuse" and not is_name(a.value, "None", "False")
            for a in node.args
        ):
            self.reusing_scope = True


def _layers_pattern() -> "re.Pattern[str]":
    """Every way to write a name that reaches `tensorflow.layers` (or `tensorflow.compat.v1.layers`); not
    `keras.layers`, in every Keras file, unless `keras` is an alias of TensorFlow."""
    layers = r"layers\b"
    return re.compile("|".join([
        TENSORFLOW + DOT + layers,  # tf.compat.v1.layers, tensorflow.layers, import tensorflow.layers
        r"[)\]]" + DOT + layers,  # libcst's full names read through calls and subscripts: tf(x).layers
        r"(?<!keras\s)" + imported_name("layers"),  # from tensorflow import layers (not from keras import layers)
        alias_use(TENSORFLOW, layers),  # import tensorflow as tf (or as keras): tf.layers
    ]))


class ContribAndTfLayersToTfKeras(TracksImports, Codemod):
    """Move `tf.layers` and the `tf.contrib` initializers and regularizers to tf.keras; report the rest of
    `tf.contrib`.

    What it does:
    A functional `tf.layers` call (`dense`, `conv1d/2d/3d`, `conv2d/3d_transpose`, `separable_conv1d/2d`,
    `max_pooling1d/2d/3d`, `average_pooling1d/2d/3d`, `flatten`, `dropout`, `batch_normalization`) becomes the
    Keras layer called on its input: `tf.layers.dense(x, 10, tf.nn.relu)` ->
    `tf.keras.layers.Dense(10, activation=tf.nn.relu)(x)`, with `training=` moved to the layer call and
    arguments after the first one or two made keywords. The `tf.layers` classes (`tf.layers.Dense`, ...)
    become their `tf.keras.layers` namesakes. `tf.contrib.layers.xavier_initializer()` becomes
    `tf.keras.initializers.GlorotUniform()`, `variance_scaling_initializer` a `VarianceScaling` with the same
    distribution, and `l1_regularizer` / `l2_regularizer` / `l1_l2_regularizer` become
    `tf.keras.regularizers.L1` / `L2` / `L1L2` computing the same penalty (TF 1.x's L2 penalty was
    `scale * sum(w ** 2) / 2`, Keras's is `l2 * sum(w ** 2)`, so the factor is halved). Every other `tf.contrib`
    or `tf.layers` reference gets a finding naming its TF 2 home.

    Why:
    TensorFlow 2 has neither `tf.contrib` nor, under Keras 3, `tf.layers` (also not as `tf.compat.v1.layers`),
    so such a program fails with AttributeError.

    Example:
    ```python
    import tensorflow as tf

    x = tf.ones([2, 4])
    h = tf.layers.dense(x, 8, tf.nn.relu, kernel_initializer=tf.contrib.layers.xavier_initializer())
    h = tf.layers.dropout(h, 0.3, training=False)
    y = tf.layers.dense(h, 1, kernel_regularizer=tf.contrib.layers.l2_regularizer(0.01))
    ```

    Use instead:
    ```python
    import tensorflow as tf

    x = tf.ones([2, 4])
    h = tf.keras.layers.Dense(8, activation=tf.nn.relu, kernel_initializer=tf.keras.initializers.GlorotUniform())(x)
    h = tf.keras.layers.Dropout(0.3)(h, training=False)
    y = tf.keras.layers.Dense(1, kernel_regularizer=tf.keras.regularizers.L2(0.005))(h)
    ```

    Fix safety:
    Safe: each Keras layer has TF 1.15's defaults (also BatchNormalization's momentum 0.99 and epsilon 1e-3,
    and Dropout's rate 0.5, written out since Keras requires it), a functional call creates a new layer with
    new variables as TF 1.x did, and Keras 3 layers run in graph mode too (their variables are initialized by
    `global_variables_initializer` and trained by TF 1.x optimizers). Calls whose behaviour would change are
    left with a finding: variables shared through `reuse=` or a reusing `variable_scope` (Keras layers share by
    object, not by name); batch normalization in a file that runs the `UPDATE_OPS` collection (Keras 3 does
    not fill it); regularized layers in a file that reads the `REGULARIZATION_LOSSES` collection (Keras keeps
    the losses on the layer); a `training=` value that may be a graph tensor (Keras 3 needs a Python bool in
    graph mode) in a file that does not enable eager execution; `virtual_batch_size` and `adjustment`.

    Limitations:
    `tf.contrib.rnn` cells are only reported: Keras 3 cells do not work with `tf.nn.dynamic_rnn`, and
    `tf.keras.layers.RNN` returns the LSTM state as `[h, c]` where TF 1.x returned `LSTMStateTuple(c, h)`.
    `tf.contrib.layers.fully_connected` / `conv2d` / `batch_norm` and the other contrib modules are only
    reported. Reuse set up by a caller in another function or file is not seen. Variable names no longer carry
    the enclosing `variable_scope`, so checkpoints saved by TF 1.x do not restore by name. A zero regularizer
    scale made TF 1.x add no loss at all; Keras adds a zero loss. Names imported with
    `from tensorflow.contrib import ...` are reported at the import, not converted.
    """

    NAME = "contrib-and-tf-layers-to-tf-keras"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = ("contrib",)
    TRIGGER_PATTERN = _layers_pattern()
    METADATA_DEPENDENCIES = (ParentNodeProvider, ScopeProvider)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.plans: Dict[cst.Call, Plan] = {}
        self.claimed: Set[cst.CSTNode] = set()  # references this codemod converts or already reported
        self.blocked: Set[cst.CSTNode] = set()  # class references left as they were

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.traits = FileTraits.of(node, self.bindings)

    # --- calls ------------------------------------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        name = self.bindings.tf1_qualified(node.func)
        if not name:
            return
        try:
            plan = self._plan(node, name)
        except CannotBind as exc:
            self._leave(node, f"`{dotted(node.func)}` is not converted: {exc}",
                        "call it with plain arguments, or convert it by hand")
            return
        except Blocked as exc:
            self._leave(node, exc.message, exc.suggestion)
            return
        if plan is not None and self._tensorflow_name() is None:
            self._leave(node, *NO_TENSORFLOW_NAME)
        elif plan is not None:
            self.plans[node] = plan
            self.claimed.add(node.func)

    def _leave(self, call: cst.Call, message: str, suggestion: str) -> None:
        self.report(call, message, suggestion)
        self.claimed.add(call.func)
        self.blocked.add(call.func)

    def _plan(self, call: cst.Call, name: str) -> Optional[Plan]:
        function = layer_function(name)
        if function is not None:
            return self._layer_function_plan(call, *function)
        if name.startswith(LAYERS) and name[len(LAYERS):] in LAYER_CLASSES:
            return self._layer_class_plan(call, name[len(LAYERS):])
        if name.startswith(CONTRIB_LAYERS):
            short = name[len(CONTRIB_LAYERS):]
            if short in XAVIER or short == VARIANCE_SCALING:
                return self._initializer_plan(call, short)
            if short in REGULARIZERS:
                return self._regularizer_plan(call, short)
        return None

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        plan = self.plans.get(original_node)
        return plan(updated_node) if plan is not None else updated_node

    # --- functional tf.layers ---------------------------------------------------------------------------------

    def _layer_function_plan(self, call: cst.Call, short: str, function: LayerFunction) -> Plan:
        bound = bind(call, ("inputs",) + function.parameters)
        if "inputs" not in bound:
            raise CannotBind("its input is missing")
        self._check_reuse(call, short, bound)
        self._check_layer_arguments(function.keras_class, bound)
        if "training" in bound and not self._is_python_bool(bound["training"].value):
            raise Blocked(
                f"`tf.layers.{short}` with a `training=` value that may be a graph tensor: Keras 3 layers need a "
                "Python bool for it in graph mode (OperatorNotAllowedInGraphError), and this file does not "
                "enable eager execution",
                f"pass a Python bool (build the model twice, or use `tf.keras.layers.{function.keras_class}` in an "
                "eager TF 2 program), then convert the call",
            )
        layer = self._keras("layers", function.keras_class)
        return lambda updated: self._layer_call(layer, function, bound, updated)

    def _check_reuse(self, call: cst.Call, short: str, bound: Dict[str, Bound]) -> None:
        reuse = bound.get("reuse")
        if reuse is not None and not is_name(reuse.value, "None", "False"):
            why = "`reuse=` shares its variables with an earlier call of the same name"
        elif self.traits.shares_variables:
            why = "this file reuses variable scopes (`reuse=`, AUTO_REUSE, reuse_variables or make_template)"
        else:
            return
        raise Blocked(
            f"`tf.layers.{short}` is not converted: {why}, and Keras layers share variables by object, not by "
            "name; `tf.layers` does not exist in TF 2",
            "create the tf.keras layer once and call the same layer object wherever the variables were shared",
        )

    def _check_layer_arguments(self, keras_class: str, bound: Dict[str, Bound]) -> None:
        for name in UNSUPPORTED:
            if name in bound and not is_name(bound[name].value, "None"):
                raise Blocked(f"`{name}=` has no Keras 3 equivalent, so the batch normalization is not converted",
                              "drop it if the model does not depend on it, or implement it in a custom layer")
        if keras_class == BATCH_NORMALIZATION and self.traits.reads_update_ops:
            raise Blocked(
                "batch normalization in a file that runs the UPDATE_OPS collection: Keras 3 layers do not add "
                "their moving-average updates to it, so the converted layer would never update its statistics",
                "train with `tf.GradientTape` in eager TF 2 (the layer then updates itself when called with "
                "training=True), then convert the call to `tf.keras.layers.BatchNormalization`",
            )
        regularized = [n for n in bound if n.endswith("_regularizer") and not is_name(bound[n].value, "None")]
        if regularized and self.traits.reads_regularization_collection:
            raise Blocked(
                f"regularized layer ({', '.join(regularized)}) in a file that reads the REGULARIZATION_LOSSES "
                "collection: Keras 3 keeps regularization losses on the layer (`layer.losses`), not in the "
                "collection",
                "keep the layer object and add `sum(layer.losses)` to the loss, then convert the call",
            )

    def _is_python_bool(self, value: cst.BaseExpression) -> bool:
        if self.traits.eager or is_name(value, "True", "False"):
            return True
        assigned = single_assigned_value(self, value)
        return assigned is not None and is_name(assigned, "True", "False")

    def _layer_call(
        self, layer: cst.BaseExpression, function: LayerFunction, bound: Dict[str, Bound], updated: cst.Call
    ) -> cst.Call:
        constructor: List[cst.Arg] = []
        if function.default_rate and "rate" not in bound:
            constructor.append(cst.Arg(cst.Float("0.5")))
        for name, argument in sorted(bound.items(), key=lambda item: item[1].index):
            if name in ("inputs", "reuse") + CALL_ARGUMENTS + IGNORED:
                continue
            arg = updated.args[argument.index]
            if 0 <= argument.positional - 1 < function.kept_positional:
                constructor.append(plain(arg))
            elif argument.positional >= 0:
                constructor.append(keyword(name, arg.value))
            else:
                constructor.append(plain(arg))
        if self.traits.sets_data_format and function.has("data_format") and "data_format" not in bound:
            constructor.append(keyword("data_format", cst.SimpleString('"channels_last"')))
        inputs = updated.args[bound["inputs"].index]
        call_args = [cst.Arg(inputs.value)]
        for name in CALL_ARGUMENTS:
            if name in bound:
                call_args.append(keyword(name, updated.args[bound[name].index].value))
        self.note_maybe_unused(updated.func)
        return cst.Call(cst.Call(layer, constructor), call_args, lpar=updated.lpar, rpar=updated.rpar)

    # --- tf.layers classes ------------------------------------------------------------------------------------

    def _layer_class_plan(self, call: cst.Call, keras_class: str) -> Optional[Plan]:
        if any(arg.star for arg in call.args):
            return None
        bound = {arg.keyword.value: Bound(index, arg, -1) for index, arg in enumerate(call.args) if arg.keyword}
        self._check_layer_arguments(keras_class, bound)
        private = [name for name in bound if name.startswith("_")]
        if private:
            raise Blocked(f"`tf.layers.{keras_class}` with TF 1.x's private {', '.join(private)}: variable "
                          "scoping that Keras does not have", "share the layer object instead")
        has_positional = any(arg.keyword is None for arg in call.args)
        needs_rate = keras_class == "Dropout" and "rate" not in bound and not has_positional
        dropped = {bound[name].index for name in IGNORED if name in bound}
        if not needs_rate and not dropped:
            return None

        def rewrite(updated: cst.Call) -> cst.Call:
            args = [plain(arg) for index, arg in enumerate(updated.args) if index not in dropped]
            if needs_rate:
                args.insert(0, cst.Arg(cst.Float("0.5")))
            return updated.with_changes(args=args)

        return rewrite

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if original_node in self.blocked:
            return updated_node
        name = self.bindings.tf1_qualified(original_node) or ""
        if name.startswith(LAYERS) and name[len(LAYERS):] in LAYER_CLASSES:
            if self._tensorflow_name() is None:
                self.report(original_node, *NO_TENSORFLOW_NAME)
                return updated_node
            self.note_maybe_unused(original_node)
            return self._keras("layers", name[len(LAYERS):]).with_changes(
                lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node

    # --- contrib initializers and regularizers ----------------------------------------------------------------

    def _initializer_plan(self, call: cst.Call, short: str) -> Plan:
        if short == VARIANCE_SCALING:
            bound = bind(call, ("factor", "mode", "uniform", "seed", "dtype"))
        else:
            bound = bind(call, ("uniform", "seed", "dtype"))
        dtype = bound.get("dtype")
        if dtype is not None and not is_float32(dtype.value, self.bindings):
            raise Blocked(f"`{short}` with a dtype other than float32: Keras initializers take the dtype when "
                          "called, not when built", "convert it by hand (the layer's dtype picks the dtype)")
        default_uniform = "False" if short == VARIANCE_SCALING else "True"
        uniform = bound["uniform"].value if "uniform" in bound else cst.Name(default_uniform)
        if not is_name(uniform, "True", "False"):
            raise Blocked(f"`{short}` with `uniform=` known only at run time: the Keras distribution cannot be "
                          "chosen", "pass `uniform=True` or `uniform=False`")
        is_uniform = uniform.value == "True"
        mode = "fan_avg"
        if short == VARIANCE_SCALING:
            mode_value = string(bound["mode"].value) if "mode" in bound else "FAN_IN"
            if mode_value not in FAN_MODES:
                raise Blocked(f"`{short}` with a `mode=` that is not a literal FAN_IN, FAN_OUT or FAN_AVG",
                              "pass the mode as a string literal")
            mode = FAN_MODES[mode_value]
        if short != VARIANCE_SCALING and is_uniform:
            return lambda updated: self._initializer(updated, bound, "GlorotUniform", [])
        if not is_uniform:
            self.report(call, f"`{short}(uniform=False)` becomes VarianceScaling with scale multiplied by "
                        f"{TRUNCATED_NORMAL_SCALE}: TF 1.x drew from a normal truncated at two standard deviations "
                        "of sqrt(1.3 * factor / fan), Keras divides its standard deviation by 0.8796 instead",
                        "", Severity.INFO)

        def rewrite(updated: cst.Call) -> cst.Call:
            if "factor" in bound:
                factor = updated.args[bound["factor"].index].value
            else:  # xavier's factor is 1.0, variance_scaling_initializer's 2.0
                factor = cst.Float("2.0") if short == VARIANCE_SCALING else None
            scale = self._scale(factor, is_uniform)
            return self._initializer(updated, bound, "VarianceScaling", [
                keyword("scale", scale),
                keyword("mode", cst.SimpleString(f'"{mode}"')),
                keyword("distribution", cst.SimpleString('"uniform"' if is_uniform else '"truncated_normal"')),
            ])

        return rewrite

    @staticmethod
    def _scale(factor: Optional[cst.BaseExpression], is_uniform: bool) -> cst.BaseExpression:
        if is_uniform:
            return factor if factor is not None else cst.Float("1.0")
        truncated = cst.parse_expression(TRUNCATED_NORMAL_SCALE)
        if factor is None:
            return truncated
        return cst.BinaryOperation(atom(factor), cst.Multiply(), truncated)

    def _initializer(self, updated: cst.Call, bound: Dict[str, Bound], keras_class: str,
                     args: List[cst.Arg]) -> cst.Call:
        if "seed" in bound:
            args = args + [keyword("seed", updated.args[bound["seed"].index].value)]
        self.note_maybe_unused(updated.func)
        return cst.Call(self._keras("initializers", keras_class), args, lpar=updated.lpar, rpar=updated.rpar)

    def _regularizer_plan(self, call: cst.Call, short: str) -> Plan:
        if short == "l1_l2_regularizer":
            bound = bind(call, ("scale_l1", "scale_l2", "scope"))
        else:
            bound = bind(call, ("scale", "scope"))
            if "scale" not in bound:
                raise CannotBind("its scale is missing")
            if number(bound["scale"].value) == 0:
                raise Blocked(f"`{short}(0)` adds no loss at all in TF 1.x, while a Keras regularizer adds a zero "
                              "loss", "drop the regularizer")

        def rewrite(updated: cst.Call) -> cst.Call:
            def value(name: str) -> Optional[cst.BaseExpression]:
                return updated.args[bound[name].index].value if name in bound else None

            if short == "l1_regularizer":
                keras_class, args = "L1", [cst.Arg(value("scale"))]
            elif short == "l2_regularizer":
                keras_class, args = "L2", [cst.Arg(self._half(value("scale")))]
            else:
                l1 = value("scale_l1") or cst.Float("1.0")
                l2 = self._half(value("scale_l2") or cst.Float("1.0"))
                keras_class, args = "L1L2", [keyword("l1", l1), keyword("l2", l2)]
            self.note_maybe_unused(updated.func)
            return cst.Call(self._keras("regularizers", keras_class), args, lpar=updated.lpar, rpar=updated.rpar)

        return rewrite

    @staticmethod
    def _half(scale: cst.BaseExpression) -> cst.BaseExpression:
        """TF 1.x's `scale * sum(w ** 2) / 2` as Keras's `l2 * sum(w ** 2)`: l2 is half the scale."""
        value = number(scale)
        if value is not None:
            return cst.Float(repr(value / 2))
        return cst.BinaryOperation(cst.Float("0.5"), cst.Multiply(), atom(scale))

    # --- everything else: findings ----------------------------------------------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node in self.claimed or self._inside_longer_name(node):
            return
        name = self.bindings.tf1_qualified(node) or ""
        if name.startswith(LAYERS) and name[len(LAYERS):] in LAYER_CLASSES:
            return
        if name.startswith(LAYERS) or name == LAYERS[:-1]:
            self._report_layers(node, name)
        elif name == CONTRIB or name.startswith(CONTRIB + "."):
            self._report_contrib(node, name)

    def _inside_longer_name(self, node: cst.Attribute) -> bool:
        parent = self.get_metadata(ParentNodeProvider, node, None)
        return isinstance(parent, cst.Attribute) and parent.value is node

    def _report_layers(self, node: cst.CSTNode, name: str) -> None:
        self.report(node, f"`{self._shown(node, name)}`: tf.layers does not exist "
                    "in TF 2 with Keras 3 (not even as tf.compat.v1.layers)",
                    "use the tf.keras.layers class (call `tf.keras.layers.<Layer>(...)` on the input; subclass "
                    "`tf.keras.layers.Layer` with `add_weight` in place of `tf.layers.Layer`)")

    def _report_contrib(self, node: cst.CSTNode, name: str) -> None:
        path = name[len(CONTRIB) + 1:]
        self.report(node, f"`{self._shown(node, name)}`: tf.contrib was removed in TF 2", contrib_home(path))

    def visit_Import(self, node: cst.Import) -> None:
        super().visit_Import(node)
        for alias in node.names:
            self._report_import(alias.name, dotted(alias.name))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        super().visit_ImportFrom(node)
        if node.module is None or node.relative:
            return
        module = dotted(node.module)
        if isinstance(node.names, cst.ImportStar):
            self._report_import(node.module, module)
            return
        for alias in node.names:
            self._report_import(alias, f"{module}.{dotted(alias.name)}")

    def _report_import(self, node: cst.CSTNode, module: str) -> None:
        if module.startswith("tensorflow.compat.v1."):
            module = "tensorflow." + module[len("tensorflow.compat.v1."):]
        if module == CONTRIB or module.startswith(CONTRIB + "."):
            self.claimed.add(node)
            self._report_contrib(node, module)
        elif module == LAYERS[:-1] or module.startswith(LAYERS):
            self.claimed.add(node)
            self._report_layers(node, module)

    # --- helpers ----------------------------------------------------------------------------------------------

    @staticmethod
    def _shown(node: cst.CSTNode, name: str) -> str:
        """How the finding names the reference: as written for a use, the full name for an import."""
        return dotted(node) if isinstance(node, cst.Attribute) else name

    def _tensorflow_name(self) -> Optional[str]:
        return self.tensorflow_name(("tensorflow",), add_import=False)

    def _keras(self, module: str, name: str) -> cst.BaseExpression:
        root = self.tensorflow_name(("tensorflow",))
        return cst.parse_expression(f"{root}.keras.{module}.{name}")
