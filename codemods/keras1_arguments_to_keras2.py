from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from codemods._keras1_arguments import PREPROCESSOR_READS, Arguments, Unconvertible, convert, string_value
from codemods._keras1_table import Wrapped, method_interface, table, wrapped
from codemods._names import TracksImports, dotted
from codemods._trigger_patterns import GAP
from tf2migrate.codemod import Codemod, FixSafety
from tf2migrate.results import Severity

# Keras 1's functional `merge` and its `Merge` layer: Keras 2.2.4 has neither (keras.layers.merge is a module
# there, so calling it raises TypeError, and `Merge` cannot be imported).
MERGE_FUNCTIONS = ("layers.merge", "engine.merge", "engine.topology.merge")
MERGE_CLASSES = ("layers.Merge", "engine.Merge", "engine.topology.Merge")
# Keras 1 merge mode -> (Keras 2 function, Keras 2 layer, how the extra argument is spelled there).
MERGE_MODES = {
    "sum": ("add", "Add", ""),
    "mul": ("multiply", "Multiply", ""),
    "concat": ("concatenate", "Concatenate", "axis=<concat_axis>"),
    "ave": ("average", "Average", ""),
    "max": ("maximum", "Maximum", ""),
    "dot": ("dot", "Dot", "axes=<dot_axes>"),
    "cos": ("dot", "Dot", "axes=<dot_axes>, normalize=True"),
}
IMAGE_DIM_ORDERING = "backend.image_dim_ordering"
# Methods of Keras 2.2.4 that a legacy interface wraps and that this codemod looks at; the generator methods
# (fit_generator & co.) belong to fit-generator-to-fit.
ADD_WEIGHT, GET_UPDATES = "add_weight", "get_updates"


def _trigger_pattern() -> "re.Pattern[str]":
    """Where this codemod may act. A constructor it converts or reports is reached through an import of `keras`,
    and is only touched for a Keras 1 keyword (renamed or value-converted, whatever the class; read by a
    preprocessor, with the name of a class it wraps), or, where positional arguments alone are Keras 1
    (`Convolution2D(64, 3, 3)`) and for `merge`/`Merge`, for the last part of its Keras path where it is called
    or imported under another name. A keyword argument follows `(` or `,`; between tokens, inside brackets, may
    stand spaces, newlines, backslashes and comments. The methods are matched by name, whatever the receiver."""

    def words(names) -> str:
        return rf"\b(?:{'|'.join(sorted(names))})\b"

    def keyword(names) -> str:
        return rf"[(,]{GAP}{words(names)}{GAP}="

    keywords, positional = set(), {path.rsplit(".", 1)[1] for path in MERGE_FUNCTIONS + MERGE_CLASSES}
    read_by = {}  # preprocessor -> the classes it runs for
    for path in table()["callables"]:
        interface = wrapped(path).interface
        keywords.update(old for old, _ in interface.conversions)
        keywords.update(interface.value_conversions)
        if interface.preprocessor is None:
            continue
        if PREPROCESSOR_READS.get(interface.preprocessor) is None:  # positional, or not known to the codemod
            positional.add(path.rsplit(".", 1)[-1])
        else:
            read_by.setdefault(interface.preprocessor, set()).add(path.rsplit(".", 1)[-1])
    # a class named where it is called, imported under another name, or bracketed: `(layers.Conv2D)(...)`
    called = rf"{words(positional)}{GAP}(?:[(\[)]|as\b)"
    branches = [rf"[\s\S]*?(?:{keyword(keywords)}|{called})"]
    branches += [
        rf"(?=[\s\S]*?{words(classes)})[\s\S]*?{keyword(PREPROCESSOR_READS[preprocessor])}"
        for preprocessor, classes in sorted(read_by.items())
    ]
    return re.compile(
        rf"\A(?:(?=[\s\S]*?(?:{ADD_WEIGHT}|{GET_UPDATES}))|(?=[\s\S]*?keras)(?:{'|'.join(branches)}))"
    )


class Keras1ArgumentsToKeras2(TracksImports, Codemod):
    """Rewrite Keras 1 call signatures, which Keras 2.2.4 still accepted, into their Keras 2 form.

    What it does:
    Keras 2.2.4 converted Keras 1 arguments at run time (`keras.legacy.interfaces`). For every layer and model
    constructor that Keras 2.2.4 wrapped that way (the table in `codemods/data/keras1_arguments.json`,
    generated from Keras 2.2.4 itself), this makes the same conversion in the source: renames Keras 1 keywords
    (`output_dim` -> `units`, `init` -> `kernel_initializer`, `W_regularizer` -> `kernel_regularizer`,
    `border_mode` -> `padding`, `subsample` -> `strides`, `p` -> `rate`, `input`/`output` -> `inputs`/`outputs`,
    `dropout_W`/`dropout_U` -> `dropout`/`recurrent_dropout`, `pool_length` -> `pool_size`, ...), converts
    Keras 1 values (`dim_ordering="th"` -> `data_format="channels_first"`, `consume_less="gpu"` ->
    `implementation=2`), and rebuilds what Keras 2.2.4's preprocessors rebuilt: `Convolution2D(64, 3, 3)` ->
    `Convolution2D(64, (3, 3))` (also `nb_row=`/`nb_col=` and Conv3D's `kernel_dim1..3`),
    `input_dim=`/`input_length=` of recurrent and 1D convolution layers -> `input_shape=(length, dim)`,
    `forget_bias_init="one"` -> `unit_forget_bias=True`, SeparableConv2D's `init` -> both initializers, a
    ZeroPadding2D padding dict -> a tuple. Arguments that Keras 2.2.4 dropped without effect go
    (`Embedding(dropout=)`, Deconvolution2D's `output_shape`, `BatchNormalization(mode=0)`, SimpleRNN's
    `consume_less`), with a finding when the user meant something by them. A Layer's
    `add_weight(name, shape)` / Keras 1 `add_weight(shape, name)` positional call gets keywords.

    Why:
    Keras 3 (`tf.keras` in TF 2.21) has no legacy interfaces: it rejects every Keras 1 keyword, and reads
    `Conv2D(64, 3, 3)` as `strides=3`.

    Example:
    ```python
    from keras.layers import Convolution2D, Dense, Dropout, Flatten, Input
    from keras.models import Model

    images = Input(shape=(1, 28, 28))
    x = Convolution2D(32, 3, 3, border_mode="same", subsample=(2, 2), dim_ordering="th")(images)
    x = Dropout(p=0.25)(Flatten()(x))
    scores = Dense(output_dim=10, init="he_normal", W_regularizer=None)(x)
    model = Model(input=images, output=scores)
    ```

    Use instead:
    ```python
    from keras.layers import Convolution2D, Dense, Dropout, Flatten, Input
    from keras.models import Model

    images = Input(shape=(1, 28, 28))
    x = Convolution2D(32, (3, 3), padding="same", strides=(2, 2), data_format="channels_first")(images)
    x = Dropout(rate=0.25)(Flatten()(x))
    scores = Dense(units=10, kernel_initializer="he_normal", kernel_regularizer=None)(x)
    model = Model(inputs=images, outputs=scores)
    ```

    Fix safety:
    Safe: each rewrite gives the constructor the arguments Keras 2.2.4 itself gave it, so the program builds
    the same layers on Keras 2.2.4 and on Keras 3. A value Keras 2.2.4 converted at run time that is not a
    literal (`dim_ordering=ordering`), and argument combinations Keras 2.2.4 rejected, leave the call as it was,
    with a finding. `dim_ordering=K.image_dim_ordering()` becomes `data_format=K.image_data_format()` (the
    same setting).

    Limitations:
    Only names bound by imports from the standalone `keras` package are rewritten: TF 1.x's `tf.keras` had no
    Keras 1 interface (it reads `Conv2D(64, 3, 3)` as strides 3, as Keras 3 does), so Keras 1 keywords given to
    `tf.keras` are only reported. Calls through `*args`/`**kwargs`, subclasses calling `super().__init__`, and
    names from star imports are not seen. `add_weight` is matched by method name (its receiver cannot be
    typed statically). Keras 1's `merge(..., mode=)` and `Merge` were already gone in Keras 2.2.4 (calling
    `keras.layers.merge` raises TypeError there): they get a finding naming the Keras 2 function
    (`concatenate`, `add`, ...), no rewrite. `LocallyConnected1D/2D` get their arguments converted but keep
    their names, which Keras 3 lacks; Keras 1 layers outside the table (`Highway`, `MaxoutDense`,
    `AtrousConvolution2D`) are not touched. Optimizers' `get_updates(params, constraints, loss)` is only
    reported; `nb_epoch` and the generator methods are left to `fit-generator-to-fit`.
    """

    NAME = "keras1-arguments-to-keras2"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = _trigger_pattern()

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        func = original_node.func
        path = self.bindings.keras_qualified(func)
        if path is None:
            if isinstance(func, cst.Attribute):
                return self._method_call(original_node, updated_node, func.attr.value)
            return updated_node
        if path in MERGE_FUNCTIONS or path in MERGE_CLASSES:
            self._report_merge(original_node, path in MERGE_CLASSES)
            return updated_node
        target = wrapped(path)
        if target is None:
            return updated_node
        if not (self.bindings.tf1_qualified(func) or "").startswith("keras."):
            self._report_tf_keras(original_node, target)
            return updated_node
        return self._convert(original_node, updated_node, target)

    # --- constructors -----------------------------------------------------------------------------------------

    def _convert(self, original: cst.Call, updated: cst.Call, target: Wrapped) -> cst.Call:
        args = Arguments(original.args, updated.args)
        if args.has_star():
            legacy = self._legacy_keywords(original, target)
            if legacy:
                self.report(original, f"`{target.class_name}` call with `*args`/`**kwargs` and the Keras 1 "
                            f"argument(s) {', '.join(legacy)}: the arguments cannot all be seen",
                            "convert the Keras 1 arguments by hand (see `tf2migrate explain "
                            f"{self.NAME}`)")
            return updated
        try:
            convert(args, target, self._image_data_format)
        except Unconvertible as exc:
            self.report(exc.node or original, exc.message + "; the call is left as it was", exc.suggestion)
            return updated
        for note in args.notes:
            self.report(note.node or original, note.message, note.suggestion, Severity.INFO)
        return updated.with_changes(args=args.result()) if args.changed else updated

    def _image_data_format(self, value: cst.BaseExpression, values: dict) -> Optional[cst.BaseExpression]:
        """``K.image_dim_ordering()`` as a `dim_ordering` value -> ``K.image_data_format()``: Keras 2.2.4 derives
        one from the other ('th' <-> 'channels_first', 'tf' <-> 'channels_last')."""
        if values.get("th") != "channels_first" or not isinstance(value, cst.Call) or value.args:
            return None
        func = value.func
        if isinstance(func, cst.Attribute) and self.bindings.keras_qualified(func) == IMAGE_DIM_ORDERING:
            return value.with_changes(func=func.with_changes(attr=cst.Name("image_data_format")))
        return None

    @staticmethod
    def _legacy_keywords(call: cst.Call, target: Wrapped):
        old_names = {old for old, _ in target.interface.conversions}
        return [f"`{a.keyword.value}`" for a in call.args if a.keyword is not None and a.keyword.value in old_names]

    def _report_tf_keras(self, call: cst.Call, target: Wrapped) -> None:
        legacy = self._legacy_keywords(call, target)
        if legacy:
            self.report(call, f"Keras 1 argument(s) {', '.join(legacy)} given to TF 1.x's `{dotted(call.func)}`, "
                        "which never accepted them (TypeError on TF 1.15); left as is",
                        "use the Keras 2 names: " + ", ".join(
                            f"`{old}` -> `{new}`" for old, new in target.interface.conversions
                            if f"`{old}`" in legacy))

    def _report_merge(self, call: cst.Call, is_layer: bool) -> None:
        mode_arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == "mode"), None)
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if mode_arg is None and len(positional) > 1:  # merge(inputs, mode, ...) / Merge(layers, mode, ...)
            mode_arg = positional[1]
        mode = string_value(mode_arg.value) if mode_arg is not None else "sum"  # Keras 1's default mode
        kind = "`Merge` layer" if is_layer else "functional `merge`"
        if mode in MERGE_MODES:
            function, layer, extra = MERGE_MODES[mode]
            replacement = f"`{layer}({extra})`" if is_layer else f"`{function}([...]{', ' + extra if extra else ''})`"
            suggestion = f"use {replacement} from keras.layers for mode {mode!r}"
        else:
            suggestion = ("use the Keras 2 merge functions (`add`, `multiply`, `concatenate`, `average`, "
                          "`maximum`, `dot`), or a `Lambda` layer for a custom mode")
        self.report(call, f"Keras 1 {kind}: removed in Keras 2 (Keras 2.2.4 already raised an error for it), "
                    "so it is not rewritten", suggestion)

    # --- methods ----------------------------------------------------------------------------------------------

    def _method_call(self, original: cst.Call, updated: cst.Call, method: str) -> cst.Call:
        if method_interface(method) is None:
            return updated
        if method == ADD_WEIGHT:
            return self._add_weight(original, updated)
        if method == GET_UPDATES:
            self._report_get_updates(original)
        return updated

    def _add_weight(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        """Keras 2.2.4's ``add_weight(name, shape)``, and Keras 1's ``add_weight(shape_tuple[, name])`` that its
        preprocessor recognised by the tuple, -> keywords (Keras 3 reads its first positional as the shape and
        its second as the initializer)."""
        args = Arguments(original.args, updated.args)
        positional = args.positional()
        if not positional or args.has_star():
            return updated
        first = positional[0].arg.value
        if isinstance(first, (cst.Tuple, cst.List)):
            names = ("shape", "name")  # Keras 1 order, as the preprocessor turned it into keywords
        elif string_value(first) is not None:
            names = ("name", "shape")  # Keras 2 order
        else:
            self.report(original, "`add_weight` with a positional first argument that is neither a string nor a "
                        "tuple/list literal: Keras 2.2.4 reads it as the shape when it is a tuple or list at run "
                        "time, else as the name; Keras 3 always reads it as the shape",
                        "pass `shape=` and `name=` as keywords")
            return updated
        clashes = [n for n in names[: len(positional)] if args.keyword(n) is not None]
        if len(positional) > 2 or clashes:
            self.report(original, "`add_weight` call that Keras 2.2.4 rejects (too many positional arguments, or "
                        "one also given by keyword); left as is", "pass `shape=` and `name=` as keywords")
            return updated
        for slot, name in zip(positional, names):
            args.set(slot, slot.arg.with_changes(
                keyword=cst.Name(name),
                equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                      whitespace_after=cst.SimpleWhitespace("")),
            ))
        return updated.with_changes(args=args.result())

    def _report_get_updates(self, call: cst.Call) -> None:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        has_loss = any(a.keyword is not None and a.keyword.value == "loss" for a in call.args)
        if len(positional) == 3 or (len(positional) == 2 and has_loss):
            self.report(call, "Keras 1 `get_updates(params, constraints, loss)`: Keras 2.2.4 reordered it to "
                        "`get_updates(loss, params)`, and Keras 3 optimizers have no `get_updates`",
                        "compute gradients with `tf.GradientTape` and call `optimizer.apply_gradients`")
