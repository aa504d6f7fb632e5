from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import libcst as cst
import libcst.matchers as m

from codemods._arguments import keyword
from codemods._names import TracksImports, dotted
from codemods._optimizer_arguments import ArgumentList, as_keyword, has_star_arguments, keyword_name
from codemods._walk import find_all
from tf2migrate.codemod import Codemod, FixSafety
from tf2migrate.results import Severity

GENERATOR_METHODS = {"fit_generator": "fit", "evaluate_generator": "evaluate", "predict_generator": "predict"}
# Parameter order of the generator methods. Keras 2.2.4 takes at most three positional arguments and agrees
# with TF 1.15's tf.keras on them for fit_generator; for the other two the third differs (max_queue_size in
# Keras 2.2.4, callbacks in tf.keras), so only two are read.
GENERATOR_POSITIONAL = {
    "fit_generator": (
        "generator", "steps_per_epoch", "epochs", "verbose", "callbacks", "validation_data", "validation_steps",
        "validation_freq", "class_weight", "max_queue_size", "workers", "use_multiprocessing", "shuffle",
        "initial_epoch",
    ),
    "evaluate_generator": ("generator", "steps"),
    "predict_generator": ("generator", "steps"),
}
# Keras 1 names the Keras 2.2.4 generator methods still accepted and renamed as they are here.
KERAS1_RENAMES = {
    "nb_epoch": "epochs",
    "nb_val_samples": "validation_steps",
    "val_samples": "steps",
    "nb_worker": "workers",
    "pickle_safe": "use_multiprocessing",
    "max_q_size": "max_queue_size",
}
# Keras 1 names whose value Keras 2.2.4 took as a number of batches although it had counted samples.
SAMPLES_READ_AS_STEPS = {"nb_val_samples", "val_samples"}
# Arguments Keras 3's fit/evaluate/predict do not take (they belong to keras.utils.PyDataset now), with the
# values that meant "Keras 2's default".
QUEUE_ARGUMENTS = {"workers": "1", "use_multiprocessing": "False", "max_queue_size": "10"}
# Keras 2.2.4's evaluate_generator and predict_generator were silent; Keras 3's evaluate and predict print
# progress bars unless told otherwise.
SILENT_BY_DEFAULT = ("evaluate_generator", "predict_generator")


class FitGeneratorToFit(TracksImports, Codemod):
    """Replace `fit_generator` / `evaluate_generator` / `predict_generator` with `fit` / `evaluate` / `predict`.

    What it does:
    Renames the generator methods to `fit` / `evaluate` / `predict` (on any receiver), passes by name the
    arguments that were positional after the generator (the new methods take `y` and `batch_size` there),
    adds `verbose=0` to `evaluate` / `predict` where the generator method was silent by default, renames
    Keras 1 arguments as Keras 2.2.4 did (`nb_epoch` to `epochs`, also in `fit`; `nb_val_samples` to
    `validation_steps`; `val_samples` to `steps`; `samples_per_epoch` to `steps_per_epoch` for a plain
    generator), and drops `workers`, `use_multiprocessing` and `max_queue_size` (also from `fit`, `evaluate`
    and `predict`), with a finding.

    Why:
    Keras 3 has no generator methods: `fit`, `evaluate` and `predict` take generators and
    `keras.utils.PyDataset` objects themselves, and raise on `workers`, `use_multiprocessing` and
    `max_queue_size`, which moved to the `PyDataset` constructor. Keras 2.2.4's `evaluate_generator` and
    `predict_generator` defaulted to `verbose=0`; `evaluate` and `predict` default to progress bars on stdout.

    Example:
    ```python
    from keras.models import load_model

    model = load_model("model.h5")
    model.fit_generator(batches(), 10, epochs=3, workers=1)
    loss = model.evaluate_generator(batches(), steps=5)
    ```

    Use instead:
    ```python
    from keras.models import load_model

    model = load_model("model.h5")
    model.fit(batches(), steps_per_epoch=10, epochs=3)
    loss = model.evaluate(batches(), steps=5, verbose=0)
    ```

    Fix safety:
    Safe: the new methods read the same batches in the same order and train, evaluate and predict as the
    generator methods did. Dropping `workers`, `use_multiprocessing` and `max_queue_size` only changes how
    batches are fetched (one at a time, in the calling thread); a finding says so (a warning when they were
    not Keras 2's defaults). `samples_per_epoch` is converted only where Keras 2.2.4's reading of it is known.

    Limitations:
    Methods are matched by name, since a model's type cannot be known statically; any object with a
    `fit_generator` method is rewritten. Calls with `*`/`**` arguments, three or more positional arguments to
    `evaluate_generator`/`predict_generator` (Keras 2 and tf.keras disagree on the third), or both a Keras 1
    name and its Keras 2 name are left with a finding. `samples_per_epoch` is converted only when the
    generator is a call of a generator function of the module (Keras 2.2.4 then took the value as a number of
    steps; for objects with a `batch_size` it divided by it). A generator shared between calls may be read
    ahead differently by Keras 3's data pipeline than by Keras 2's queue.
    """

    NAME = "fit-generator-to-fit"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGERS = (
        "_generator(", "nb_epoch", "samples_per_epoch", "nb_val_samples", "val_samples", "workers",
        "use_multiprocessing", "max_queue_size", "max_q_size", "pickle_safe", "nb_worker",
    )

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.generator_functions, self.generator_variables = _plain_generators(node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if not m.matches(original_node.func, m.Attribute(attr=m.Name())):
            return updated_node
        method = original_node.func.attr.value
        if method in GENERATOR_METHODS:
            return self._rewrite_generator_method(original_node, updated_node, method)
        if method in ("fit", "evaluate", "predict"):
            return self._rewrite_plain_method(original_node, updated_node, method)
        return updated_node

    # --- fit_generator / evaluate_generator / predict_generator ---------------------------------------------------

    def _rewrite_generator_method(self, original: cst.Call, updated: cst.Call, method: str) -> cst.Call:
        new_method = GENERATOR_METHODS[method]
        blocker = self._blocker(original, method)
        if blocker is not None:
            self.report(original, f"`{method}` was left as it is: {blocker}; Keras 3 has no `{method}`",
                        f"call `{new_method}` with the generator first and every other argument by name")
            return updated
        args = ArgumentList(updated)
        self._keyword_positionals(args, method)
        args.rename("generator", "x")
        self._keras1_names(original, args, method)
        self._drop_queue_arguments(original, args, new_method)
        if method == "predict_generator":
            self._batches_as_tuples(original, args)
        if method in SILENT_BY_DEFAULT and args.get("verbose") is None:
            args.append(keyword("verbose", cst.Integer("0")))
        call = args.call()
        call = call.with_changes(func=call.func.with_changes(attr=cst.Name(new_method)))
        return self._realigned(original, call, len(method) - len(new_method))

    def _realigned(self, original: cst.Call, call: cst.Call, shift: int) -> cst.Call:
        """Continuation lines aligned with the opening parenthesis move left with the shorter method name."""
        column = self.position(original.args[0])[1] if original.args else 0
        if column <= shift or isinstance(original.whitespace_before_args, cst.ParenthesizedWhitespace):
            return call
        aligned = " " * (column - 1)
        args = []
        for arg in call.args:
            comma = arg.comma
            if (
                isinstance(comma, cst.Comma)
                and isinstance(comma.whitespace_after, cst.ParenthesizedWhitespace)
                and comma.whitespace_after.last_line.value == aligned
            ):
                indent = cst.SimpleWhitespace(aligned[: len(aligned) - shift])
                arg = arg.with_changes(comma=comma.with_changes(
                    whitespace_after=comma.whitespace_after.with_changes(last_line=indent)))
            args.append(arg)
        return call.with_changes(args=args)

    def _blocker(self, call: cst.Call, method: str) -> Optional[str]:
        """Why the call cannot be rewritten, if it cannot."""
        if has_star_arguments(call):
            return "its `*`/`**` arguments cannot be read"
        positional = sum(1 for arg in call.args if arg.keyword is None)
        if positional > len(GENERATOR_POSITIONAL[method]):
            return f"{positional} positional arguments, whose parameters differ between Keras 2 and tf.keras"
        names = {keyword_name(arg) for arg in call.args}
        names.update(GENERATOR_POSITIONAL[method][:positional])
        for old, new in KERAS1_RENAMES.items():
            if old in names and new in names:
                return f"it passes both `{old}` and `{new}` (Keras 2 raised TypeError)"
        if "samples_per_epoch" in names and "steps_per_epoch" in names:
            return "it passes both `samples_per_epoch` and `steps_per_epoch` (Keras 2 raised TypeError)"
        return None

    def _keyword_positionals(self, args: ArgumentList, method: str) -> None:
        """Only the generator keeps its place: `fit`, `evaluate` and `predict` take `y`/`batch_size` next."""
        for position, arg in enumerate(list(args.args)):
            if position > 0 and arg.keyword is None:
                args.replace(position, as_keyword(arg, GENERATOR_POSITIONAL[method][position]))

    def _keras1_names(self, original: cst.Call, args: ArgumentList, method: str) -> None:
        for old, new in KERAS1_RENAMES.items():
            if not args.rename(old, new):
                continue
            if old in SAMPLES_READ_AS_STEPS:
                self.report(
                    _argument_node(original, old),
                    f"`{old}` became `{new}` with the same value, as Keras 2.2.4 read it: a number of batches, "
                    "although Keras 1 counted samples",
                    "if the value is a number of samples, divide it by the batch size",
                    Severity.INFO,
                )
        if method == "fit_generator" and args.get("samples_per_epoch") is not None:
            self._samples_per_epoch(original, args)

    def _samples_per_epoch(self, original: cst.Call, args: ArgumentList) -> None:
        """Keras 2.2.4 set steps_per_epoch = samples_per_epoch // generator.batch_size for an object with a
        batch_size, and steps_per_epoch = samples_per_epoch otherwise. (With steps also passed by position it
        raised TypeError: `_blocker` keeps those calls.)"""
        node = _argument_node(original, "samples_per_epoch")
        generator = args.args[0].value if args.args and args.args[0].keyword is None else None
        if generator is None and args.get("x") is not None:
            generator = args.get("x").value
        if generator is not None and self._is_plain_generator(generator):
            args.rename("samples_per_epoch", "steps_per_epoch")
            self.report(
                node,
                "`samples_per_epoch` became `steps_per_epoch` with the same value, as Keras 2.2.4 read it for a "
                "plain generator: a number of batches, although Keras 1 counted samples",
                "if the value is a number of samples, divide it by the batch size",
                Severity.INFO,
            )
            return
        self.report(
            node,
            "`samples_per_epoch` was left: Keras 2.2.4 took it as a number of batches for a plain generator and "
            "divided it by `batch_size` for an object that has one, and which applies here cannot be told from "
            "the code; Keras 3 raises on it",
            "replace it with `steps_per_epoch=` the number of batches per epoch",
        )

    def _batches_as_tuples(self, original: cst.Call, args: ArgumentList) -> None:
        """Keras 2's predict_generator took a batch that is not a tuple as the inputs themselves; Keras 3's
        predict raises ValueError unless a Python generator yields tuples, `(inputs,)` or `(inputs, targets)`."""
        position = 0 if args.args and args.args[0].keyword is None else args.index("x")
        if position is None:
            return
        generator = args.args[position].value
        only_tuples = self._yields_only_tuples(generator)
        if only_tuples:
            return
        node = original.args[0].value if position == 0 else _argument_node(original, "generator")
        if only_tuples is None:
            self.report(
                node,
                "if this is a Python generator that yields input batches alone (not tuples), Keras 3's `predict` "
                "raises ValueError where Keras 2's `predict_generator` took them as the inputs",
                "yield `(inputs,)` tuples (a keras.utils.Sequence may return bare batches)",
                Severity.INFO,
            )
            return
        wrapped = cst.parse_expression("(batch if isinstance(batch, tuple) else (batch,) for batch in generator)")
        assert isinstance(wrapped, cst.GeneratorExp)
        wrapped = wrapped.with_changes(for_in=wrapped.for_in.with_changes(iter=generator))
        args.replace(position, args.args[position].with_changes(value=wrapped))
        self.report(
            node,
            "this generator yields batches that are not all tuples, which Keras 3's `predict` refuses; its batches "
            "were wrapped in tuples, as Keras 2 read them",
            "or make the generator yield `(inputs,)`",
            Severity.INFO,
        )

    def _is_plain_generator(self, expression: cst.BaseExpression) -> bool:
        return self._yields_only_tuples(expression) is not None

    def _yields_only_tuples(self, expression: cst.BaseExpression) -> Optional[bool]:
        """For a plain generator of the module, whether it yields only tuples; None for anything else."""
        if isinstance(expression, cst.Name):
            return self.generator_variables.get(expression.value)
        if m.matches(expression, m.Call(func=m.Name())):
            return self.generator_functions.get(expression.func.value)
        return None

    # --- fit / evaluate / predict ---------------------------------------------------------------------------------

    def _rewrite_plain_method(self, original: cst.Call, updated: cst.Call, method: str) -> cst.Call:
        args = ArgumentList(updated)
        if method == "fit" and args.get("nb_epoch") is not None:
            if not self._nb_epoch_in_fit(original, args):
                return updated
        self._drop_queue_arguments(original, args, method)
        rebuilt = args.call()
        return updated if rebuilt.deep_equals(updated) else rebuilt

    def _nb_epoch_in_fit(self, original: cst.Call, args: ArgumentList) -> bool:
        """Keras 2's fit took `nb_epoch` over `epochs`."""
        if has_star_arguments(original) or args.positional_count() >= 4:
            self.report(_argument_node(original, "nb_epoch"), "`nb_epoch` was left: the epochs are also passed "
                        "by position or through `*`/`**`; Keras 3 raises on `nb_epoch`",
                        "pass the number of epochs once, as `epochs=`")
            return False
        epochs = args.index("epochs")
        if epochs is not None:
            args.remove(epochs)
            self.report(_argument_node(original, "epochs"), "`epochs` was removed: the call also passed "
                        "`nb_epoch`, which Keras 2 used instead", "", Severity.INFO)
        args.rename("nb_epoch", "epochs")
        return True

    # --- shared ---------------------------------------------------------------------------------------------------

    def _drop_queue_arguments(self, original: cst.Call, args: ArgumentList, method: str) -> None:
        dropped: List[Tuple[str, str]] = []
        for name in QUEUE_ARGUMENTS:
            position = args.index(name)
            if position is not None:
                dropped.append((name, dotted(args.remove(position).value)))
        if not dropped:
            return
        nondefault = [(name, value) for name, value in dropped if QUEUE_ARGUMENTS[name] != value]
        listed = ", ".join(f"`{name}={value}`" for name, value in dropped)
        if nondefault:
            self.report(
                original,
                f"dropped {listed}: Keras 3's `{method}` has no `workers`, `use_multiprocessing` or "
                "`max_queue_size`, so batches are now fetched one at a time in the calling thread",
                "to fetch batches in parallel, subclass keras.utils.PyDataset and pass "
                "workers=/use_multiprocessing=/max_queue_size= to its constructor (super().__init__(...))",
            )
        else:
            self.report(original, f"dropped {listed}: Keras 3's `{method}` has no such arguments, and these were "
                        "Keras 2's defaults", "", Severity.INFO)


def _argument_node(call: cst.Call, name: str) -> cst.CSTNode:
    for arg in call.args:
        if keyword_name(arg) == name:
            return arg
    return call


class _GeneratorFunctions(cst.CSTVisitor):
    """The functions of a module whose own body yields (nested functions' yields do not count), and whether
    every value they yield is written as a tuple."""

    def __init__(self) -> None:
        self.stack: List[List[bool]] = []  # per enclosing function: [yields, yields only tuples]
        self.defined: Dict[str, int] = {}
        self.generators: Dict[str, bool] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.defined[node.name.value] = self.defined.get(node.name.value, 0) + 1
        self.stack.append([False, True])

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        yields, only_tuples = self.stack.pop()
        if yields:
            self.generators[original_node.name.value] = only_tuples
        if self.defined[original_node.name.value] > 1:
            self.generators.pop(original_node.name.value, None)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Yield(self, node: cst.Yield) -> None:
        if self.stack:
            self.stack[-1][0] = True
            self.stack[-1][1] = self.stack[-1][1] and isinstance(node.value, cst.Tuple)


def _plain_generators(module: cst.Module) -> Tuple[Dict[str, bool], Dict[str, bool]]:
    """Generator functions defined once in the module, and variables assigned once, from a call of one: names
    whose calls, or whose values, are plain Python generators (without a `batch_size`); each mapped to whether
    the generator yields only tuples."""
    finder = _GeneratorFunctions()
    module.visit(finder)
    functions = finder.generators
    assigned: Dict[str, int] = {}
    from_generator: Dict[str, bool] = {}
    for assign in find_all(module, cst.Assign, m.Assign(targets=[m.AssignTarget(m.Name())])):
        name = assign.targets[0].target.value
        assigned[name] = assigned.get(name, 0) + 1
        if m.matches(assign.value, m.Call(func=m.Name())) and assign.value.func.value in functions:
            from_generator[name] = functions[assign.value.func.value]
    variables = {
        name: only_tuples
        for name, only_tuples in from_generator.items()
        if assigned[name] == 1 and name not in finder.defined
    }
    return functions, variables
