from __future__ import annotations

import ast
import re
from typing import Dict, Optional, Tuple

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor

from codemods._arguments import keyword
from codemods._names import TracksImports, keras_path, tf1_name
from codemods._optimizer_arguments import (
    ArgumentList,
    as_keyword,
    has_star_arguments,
    is_positional,
    keyword_name,
)
from codemods._optimizer_tables import (
    CLASS_BY_LOWER_NAME,
    CLASSES,
    KERAS2,
    KERAS3_POSITIONAL,
    SIGNATURES,
    TF1_KERAS,
    explicit_arguments,
    string_explicit_arguments,
)
from codemods._trigger_patterns import GAP, STRING_ESCAPE, called
from tf2migrate.codemod import POSSESSIVE_REGEX, Codemod, FixSafety
from tf2migrate.results import Severity

SCHEDULE = "keras.optimizers.schedules.InverseTimeDecay"
# Names whose presence means the learning rate is changed while training, which a schedule refuses.
RUNTIME_LEARNING_RATE_CHANGES = ("LearningRateScheduler", "ReduceLROnPlateau")
EPSILON_INSIDE_ROOT = ("RMSprop", "Adagrad")
# The keywords a call of an optimizer class may be rewritten or reported for.
KEYWORDS = ("lr", "decay", "epsilon", "clipnorm")


def _trigger_pattern() -> "re.Pattern[str]":
    """A call of an optimizer class needs `optimizers` in the module (its import or the call writes it), an
    optimizer string a `.compile` call. The classes that always act in Keras 2, and the only strings that ever
    act, are then found by name, in any case (strings are matched lowered; an escape or line continuation in a
    string could spell one otherwise). The other classes act only on a keyword of KEYWORDS, an integer learning
    rate, a `*` argument or more positional arguments than Keras 3 keeps in place, in a call that writes the
    class's name (or under an alias that an `... as` import names): commas after `Name(` are counted up to a
    `*`, bracket, quote or comment that could hide where the call ends."""
    acting = [n for n in CLASSES if n == "Nadam" or n in EPSILON_INSIDE_ROOT or explicit_arguments(KERAS2, n)
              or any(string_explicit_arguments(flavour, n) for flavour in SIGNATURES)]
    others = "|".join(n for name in CLASSES if name not in acting for n in (name, name.lower()))
    in_place = min(_positions_kept(SIGNATURES[flavour][name].positional, KERAS3_POSITIONAL[name])
                   for flavour in SIGNATURES for name in CLASSES if name not in acting)
    integer = r"(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*)(?![\w.])"
    other_call = called(others)
    acts = "|".join((
        rf"(?:{'|'.join(KEYWORDS)}){GAP}=(?!=)",
        rf"learning_rate{GAP}=(?:{GAP}\()*{GAP}{integer}",
        rf"{other_call}(?:{GAP}\()*{GAP}{integer}",
        # `in_place` commas, or a `*`, bracket, quote or comment before them
        rf"{other_call}(?:[^()\"'#,*]*+,){{0,{in_place - 1}}}+[^()\"'#,*]*+[,(\"'#*]",
        rf"(?:{others}){GAP}as\b",
    ))
    # each of `acts` starts at one of these names: checked once, before them
    acts = rf"\b(?=(?:{'|'.join(KEYWORDS)}|learning_rate|{others})\b)(?:{acts})"
    required = r"\A(?=[\s\S]*?(?:optimizers|compile))"
    return re.compile(rf"{required}[\s\S]*?(?:(?i:{'|'.join(acting)})|{acts}|{STRING_ESCAPE})")


def _positions_kept(source: Tuple[str, ...], target: Tuple[str, ...]) -> int:
    """How many leading positional arguments Keras 3 takes at the same place."""
    renamed = ["learning_rate" if parameter == "lr" else parameter for parameter in source]
    kept = 0
    while kept < min(len(renamed), len(target)) and renamed[kept] == target[kept]:
        kept += 1
    return kept


class OptimizerLrToLearningRate(TracksImports, Codemod):
    """Give Keras optimizers the arguments Keras 3 needs to train as Keras 2 did (`lr`, `decay`, defaults).

    What it does:
    In calls of the Keras optimizer classes (`SGD`, `RMSprop`, `Adagrad`, `Adadelta`, `Adam`, `Adamax`,
    `Nadam` and their lowercase aliases, from standalone `keras` or TF 1.x's `tf.keras`): renames `lr=` to
    `learning_rate=`; turns a non-zero `decay=d` into
    `learning_rate=tf.keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=d)` and drops
    `decay=0`; drops `epsilon=None`; writes an integer learning rate as a float; passes by keyword the
    positional arguments whose position Keras 3 changed. For standalone Keras 2 it also makes explicit the
    defaults Keras 3 changed (`Adagrad`: `learning_rate=0.01, initial_accumulator_value=0.0`; `Adadelta`:
    `learning_rate=1.0`; `Adamax`, `Nadam`: `learning_rate=0.002`) and renames `clipnorm` to `global_clipnorm`.
    `compile(optimizer="adagrad")` and the other optimizer strings whose Keras 3 defaults differ become the
    explicit optimizer object.

    Why:
    Keras 3 raises on `lr`, ignores `decay` with only a warning (training then runs at the undecayed rate),
    raises on `epsilon=None` and on an integer learning rate, and changed default learning rates and Adagrad's
    initial accumulator. Keras 2's `clipnorm` clips all gradients by their global norm, which Keras 3 calls
    `global_clipnorm` (its `clipnorm` clips each gradient alone). Keras 2's time-based decay,
    `lr / (1 + decay * iterations)`, is exactly `InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`.

    Example:
    ```python
    from keras.optimizers import SGD, Adagrad

    sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9)
    adagrad = Adagrad(epsilon=None)
    ```

    Use instead:
    ```python
    from keras.optimizers import SGD, Adagrad
    import tensorflow as tf

    sgd = SGD(learning_rate=tf.keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-6), momentum=0.9)
    adagrad = Adagrad(learning_rate=0.01, initial_accumulator_value=0.0)
    ```

    Fix safety:
    Safe: each rewrite gives the Keras 3 optimizer the update rule and hyper-parameters the Keras 2 one had
    (checked by training the same model on TF 1.15 + Keras 2.2.4 and TF 2.21 + Keras 3). What Keras 3 cannot
    express is reported and left as it was: Nadam's momentum schedule (always reported), RMSprop's and
    Adagrad's epsilon, which Keras 3 adds inside the square root (info), `clipnorm` together with `clipvalue`,
    `decay` in a module that also changes the learning rate while training (`LearningRateScheduler`,
    `ReduceLROnPlateau`, `optimizer.lr`), since a Keras 3 optimizer built on a schedule refuses such changes.

    Limitations:
    Classes are recognised through the module's imports; an optimizer reached any other way, or built from
    `*args`/`**kwargs`, is not rewritten (the latter with a finding). `tensorflow.keras` code is read as TF 1.x's
    tf.keras (so `compile(optimizer="adagrad")` there keeps TF 1.x's zero accumulators, and Nadam is reported
    only when the call has `lr` or `decay`); the Keras-2-style classes of the private
    `tensorflow.python.keras.optimizers` are read as tf.keras's. A negative `decay`, which Keras 2 ignored,
    becomes a growing learning rate. `epsilon=None` becomes Keras 3's 1e-7, which is `K.epsilon()` unless the
    program changed it. Optimizer strings are matched in `compile(...)` calls by method name, and read as
    standalone Keras 2 or tf.keras strings after which of the two the module imports. Keras 2.2.4 on TF 1.x
    reads its step counter (for `decay`, and in Adam's, Adamax's and Nadam's bias correction) while the same
    step increments it, so some graphs (Adam with `decay`, SGD with `nesterov=True` and `decay`) train as if
    each step were one later, and others vary from run to run; Keras 3 follows the documented rule. The schedule
    needs TensorFlow: a module that does not import it gets `import tensorflow as tf`, or `import tensorflow` where
    it uses the name `tf` for something else (a star import's `tf`, say); where it uses both names, `decay` is
    kept, with a finding.
    """

    NAME = "optimizer-lr-to-learning-rate"
    FIX_SAFETY = FixSafety.SAFE
    TRIGGER_PATTERN = _trigger_pattern() if POSSESSIVE_REGEX else None
    TRIGGERS = () if POSSESSIVE_REGEX else ("optimizers", "compile")  # what the pattern requires first

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self.learning_rate_changed_by: Optional[str] = _runtime_learning_rate_change(node)
        self.module_flavours = self._module_flavours(node)

    # --- optimizer classes --------------------------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        optimizer = self._optimizer_class(original_node.func)
        if optimizer is not None:
            return self._rewrite_optimizer(original_node, updated_node, *optimizer)
        return self._rewrite_compile_string(original_node, updated_node)

    def _optimizer_class(self, func: cst.BaseExpression) -> Optional[Tuple[str, str]]:
        """(class name, KERAS2 or TF1_KERAS) when ``func`` names a Keras optimizer class."""
        path = self.bindings.keras_qualified(func) or ""
        module, _, attribute = path.partition(".")
        name = attribute if attribute in CLASSES else CLASS_BY_LOWER_NAME.get(attribute)
        if module != "optimizers" or name is None:
            return None
        flavour = KERAS2 if (self.bindings.tf1_qualified(func) or "").startswith("keras.") else TF1_KERAS
        return name, flavour

    def _rewrite_optimizer(self, original: cst.Call, updated: cst.Call, name: str, flavour: str) -> cst.Call:
        if has_star_arguments(updated):
            self.report(
                original,
                f"`{name}` is built from `*`/`**` arguments, which cannot be read: `lr`, `decay` and the defaults "
                "Keras 3 changed were not converted",
                "pass the optimizer's arguments by name, or rename `lr`/`decay` in the unpacked mapping by hand",
            )
            return updated
        args = ArgumentList(updated)
        if not self._keyword_moved_positionals(original, args, name, flavour):
            return updated
        legacy = args.get("lr") is not None or args.get("decay") is not None
        if args.get("lr") is not None and args.get("learning_rate") is not None:
            self.report(original, f"`{name}` is given both `lr` and `learning_rate`", "keep one of them")
            return updated
        args.rename("lr", "learning_rate")
        self._float_learning_rate(args)
        self._drop_epsilon_none(args)
        self._clipping(original, args, flavour)
        if name == "Nadam":
            if flavour == KERAS2 or legacy:
                self._report_nadam(original, flavour)
        else:
            self._decay_to_schedule(original, args, name, flavour)
        if flavour == KERAS2:
            self._make_defaults_explicit(args, explicit_arguments(flavour, name))
        if name in EPSILON_INSIDE_ROOT and (flavour == KERAS2 or _passes(args, "epsilon", KERAS3_POSITIONAL[name])):
            self._report_epsilon_inside_root(original, name)
        rebuilt = args.call()
        return updated if rebuilt.deep_equals(updated) else rebuilt

    def _keyword_moved_positionals(self, original: cst.Call, args: ArgumentList, name: str, flavour: str) -> bool:
        """Positional arguments stay positional while Keras 3 has the same parameter at the same place; from the
        first that moved on they are passed by name. False (with a finding) when there are too many."""
        source = SIGNATURES[flavour][name].positional
        target = KERAS3_POSITIONAL[name]
        if args.positional_count() > len(source):
            self.report(original, f"`{name}` takes at most {len(source)} positional arguments in this Keras",
                        "pass the arguments by name")
            return False
        same_place = True
        for position, arg in enumerate(list(args.args)):
            if not is_positional(arg):
                continue
            parameter = source[position]
            renamed = "learning_rate" if parameter == "lr" else parameter
            same_place = same_place and position < len(target) and target[position] == renamed
            if not same_place:
                args.replace(position, as_keyword(arg, parameter))
        return True

    def _float_learning_rate(self, args: ArgumentList) -> None:
        """Keras 3 refuses an integer learning rate."""
        position = _learning_rate_position(args)
        if position is None:
            return
        arg = args.args[position]
        if isinstance(arg.value, cst.Integer):
            args.replace(position, arg.with_changes(value=_float_literal(arg.value)))

    def _drop_epsilon_none(self, args: ArgumentList) -> None:
        """Keras 2 read `epsilon=None` as K.epsilon() (1e-7), Keras 3's default; Keras 3 raises on None."""
        position = args.index("epsilon")
        if position is not None and m.matches(args.args[position].value, m.Name("None")):
            args.remove(position)

    def _clipping(self, original: cst.Call, args: ArgumentList, flavour: str) -> None:
        """Keras 2's `clipnorm` clipped all gradients by their global norm: Keras 3's `global_clipnorm`.
        (TF 1.x's tf.keras clipped each gradient alone, as Keras 3's `clipnorm` does.)"""
        if args.get("clipnorm") is None:
            return
        if args.get("clipvalue") is not None:
            self.report(
                original,
                "`clipnorm` and `clipvalue` were both applied before; a Keras 3 optimizer accepts only one of "
                "`clipnorm`, `clipvalue` and `global_clipnorm` and raises ValueError",
                "keep one of them (Keras 2's `clipnorm` is Keras 3's `global_clipnorm`), or clip the gradients "
                "in a custom train step",
            )
            return
        if flavour == KERAS2:
            args.rename("clipnorm", "global_clipnorm")

    def _decay_to_schedule(self, original: cst.Call, args: ArgumentList, name: str, flavour: str) -> None:
        position = args.index("decay")
        if position is None:
            return
        decay = args.args[position]
        if _is_zero(decay.value):
            args.remove(position)
            return
        if self.learning_rate_changed_by is not None:
            self.report(
                original,
                f"`decay` was kept: this module changes the learning rate while training "
                f"(`{self.learning_rate_changed_by}`), which a Keras 3 optimizer built on a learning-rate schedule "
                "refuses; Keras 3 ignores `decay` (with a warning)",
                "fold Keras 2's decay, lr / (1 + decay * iterations), into the callback that sets the learning "
                "rate, then remove `decay`",
            )
            return
        tensorflow = self._tensorflow()
        if tensorflow is None:
            self.report(original, "`decay` was kept: no name is free to import TensorFlow under",
                        "import tensorflow as tf, then rerun")
            return
        lr_position = _learning_rate_position(args)
        lr_value = args.args[lr_position].value if lr_position is not None else _default_learning_rate(flavour, name)
        schedule = cst.Call(
            func=cst.parse_expression(f"{tensorflow}.{SCHEDULE}"),
            args=[
                cst.Arg(_as_float(lr_value), comma=_comma()),
                keyword("decay_steps", cst.Integer("1")).with_changes(comma=_comma()),
                keyword("decay_rate", decay.value),
            ],
        )
        if lr_position is None:
            args.replace(position, as_keyword(decay, "learning_rate").with_changes(value=schedule))
            return
        args.replace(lr_position, args.args[lr_position].with_changes(value=schedule))
        args.remove(args.index("decay"))

    def _make_defaults_explicit(self, args: ArgumentList, explicit: Tuple[Tuple[str, str], ...]) -> None:
        for name, literal in explicit:
            if name == "learning_rate":
                if _learning_rate_position(args) is None:
                    args.insert(args.positional_count(), keyword(name, cst.parse_expression(literal)))
            elif args.get(name) is None:
                args.append(keyword(name, cst.parse_expression(literal)))

    def _tensorflow(self) -> Optional[str]:
        """The module's name for TensorFlow, imported as ``tf`` (or ``tensorflow`` where the code uses ``tf``)."""
        return self.tensorflow_name(("tf", "tensorflow"))

    # --- findings -----------------------------------------------------------------------------------------------

    def _report_nadam(self, node: cst.CSTNode, flavour: str) -> None:
        old = "Keras 2" if flavour == KERAS2 else "TF 1.x's tf.keras"
        self.report(
            node,
            f"Keras 3's Nadam warms its momentum up as 0.96 ** t where {old} used 0.96 ** (t * schedule_decay) "
            "(0.004 by default), and has no argument for the old schedule: training gives different numbers",
            "accept the difference (re-check the results), or keep Keras 2's Nadam in a custom optimizer",
        )

    def _report_epsilon_inside_root(self, node: cst.CSTNode, name: str) -> None:
        self.report(
            node,
            f"Keras 3's {name} adds epsilon inside the square root, g / sqrt(v + epsilon), where Keras 2 and TF "
            "1.x's tf.keras added it outside, g / (sqrt(v) + epsilon); updates differ where gradients are small "
            "next to sqrt(epsilon)",
            "nothing to do for typical gradients with the default epsilon; a large epsilon needs re-tuning "
            "(sqrt(v + epsilon**2) is close to Keras 2's denominator)",
            Severity.INFO,
        )

    # --- optimizer strings in compile() ---------------------------------------------------------------------------

    def _rewrite_compile_string(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        position = _compile_optimizer_position(original)
        if position is None or self._is_regex_compile(original):
            return updated
        text = original.args[position].value
        name = CLASS_BY_LOWER_NAME.get(str(text.evaluated_value).lower())
        if name is None:
            return updated
        flavour = self._string_flavour(original, name)
        if flavour is None:
            return updated
        explicit = string_explicit_arguments(flavour, name)
        if name == "Nadam":
            self._report_nadam(original.args[position], flavour)
        if name in EPSILON_INSIDE_ROOT and flavour == KERAS2:
            self._report_epsilon_inside_root(original.args[position], name)
        if not explicit:
            return updated
        reference = self._class_reference(flavour, name)
        if reference is None:
            self.report(text, f"optimizer {text.value} has other defaults in Keras 3; no name is free to import "
                        f"`{name}` under", f"pass `{name}({_arguments_text(explicit)})` instead of the string")
            return updated
        optimizer = cst.parse_expression(f"{reference}({_arguments_text(explicit)})")
        arg = updated.args[position]
        return updated.with_changes(args=[*updated.args[:position], arg.with_changes(value=optimizer),
                                          *updated.args[position + 1 :]])

    def _string_flavour(self, original: cst.Call, name: str) -> Optional[str]:
        """Which Keras reads the string: the one the module imports; None (with a finding when it matters)
        when that is unclear."""
        if len(self.module_flavours) == 1:
            return next(iter(self.module_flavours))
        if any(string_explicit_arguments(f, name) for f in (KERAS2, TF1_KERAS)):
            position = _compile_optimizer_position(original)
            self.report(
                original.args[position],
                f"optimizer string for {name}: its defaults differ between Keras 2 and Keras 3, and this module "
                "imports both standalone Keras and tf.keras (or neither), so the Keras that reads it is unknown",
                f"pass the optimizer object with its Keras 2 defaults explicit (see `tf2migrate explain {self.NAME}`)",
            )
        return None

    def _class_reference(self, flavour: str, name: str) -> Optional[str]:
        """How to write the optimizer class in this module, importing it when nothing names it yet."""
        package = "keras" if flavour == KERAS2 else "tensorflow.keras"
        by_target: Dict[str, str] = {}
        for local, bound in self.bindings.names.items():
            by_target.setdefault(tf1_name(bound), local)
        for target, suffix in ((f"{package}.optimizers.{name}", ""), (f"{package}.optimizers", f".{name}"),
                               (package, f".optimizers.{name}")):
            if target in by_target:
                return by_target[target] + suffix
        if flavour == TF1_KERAS:
            tensorflow = self._tensorflow()
            return f"{tensorflow}.keras.optimizers.{name}" if tensorflow else None
        if not self.free_to_import_as(name):
            return None
        AddImportsVisitor.add_needed_import(self.context, "keras.optimizers", name)
        self.bindings.names[name] = f"keras.optimizers.{name}"
        return name

    def _is_regex_compile(self, call: cst.Call) -> bool:
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
        return receiver is not None and self.bindings.qualified(receiver) in ("re", "regex")

    def _module_flavours(self, module: cst.Module) -> set:
        flavours = set()
        for bound in self.bindings.names.values():
            path = keras_path(tf1_name(bound))
            if path is not None:
                flavours.add(KERAS2 if bound == "keras" or bound.startswith("keras.") else TF1_KERAS)
        for attribute in m.findall(module, m.Attribute(attr=m.Name("keras"))):
            if keras_path(self.bindings.tf1_qualified(attribute) or "") == "":
                flavours.add(TF1_KERAS)
        return flavours


def _compile_optimizer_position(call: cst.Call) -> Optional[int]:
    """Where a `compile(...)` call passes its optimizer as a string literal: `optimizer="..."`, or the first
    positional argument when a loss follows (by name or position)."""
    if not m.matches(call.func, m.Attribute(attr=m.Name("compile"))):
        return None
    for position, arg in enumerate(call.args):
        if keyword_name(arg) == "optimizer":
            return position if isinstance(arg.value, cst.SimpleString) else None
    positional = [arg for arg in call.args if is_positional(arg)]
    has_loss = len(positional) >= 2 or any(keyword_name(arg) == "loss" for arg in call.args)
    if positional and has_loss and isinstance(positional[0].value, cst.SimpleString):
        return call.args.index(positional[0])
    return None


def _runtime_learning_rate_change(module: cst.Module) -> Optional[str]:
    """What in the module changes an optimizer's learning rate while training, if anything: the Keras callbacks
    that do, `model.optimizer.lr`, or `set_value(opt.lr, ...)` (`args.lr` and the like are not)."""
    for name in RUNTIME_LEARNING_RATE_CHANGES:
        if m.findall(module, m.Name(name)):
            return name
    lr = m.Attribute(attr=m.Name("lr"))
    if m.findall(module, m.Attribute(value=m.Attribute(attr=m.Name("optimizer")), attr=m.Name("lr"))):
        return "optimizer.lr"
    set_value = m.Call(
        func=m.Name("set_value") | m.Attribute(attr=m.Name("set_value")), args=[m.Arg(lr), m.ZeroOrMore()]
    )
    if m.findall(module, set_value):
        return "set_value(....lr, ...)"
    return None


def _passes(args: ArgumentList, name: str, positional: Tuple[str, ...]) -> bool:
    """Whether the call passes ``name``, by keyword or (``positional`` being its parameter order) by position."""
    return args.get(name) is not None or (name in positional and positional.index(name) < args.positional_count())


def _learning_rate_position(args: ArgumentList) -> Optional[int]:
    position = args.index("learning_rate")
    if position is None and args.args and is_positional(args.args[0]):
        return 0
    return position


def _default_learning_rate(flavour: str, name: str) -> cst.BaseExpression:
    return cst.parse_expression(SIGNATURES[flavour][name].learning_rate)


def _float_literal(value: cst.Integer) -> cst.Float:
    return cst.Float(f"{ast.literal_eval(value.value)}.0")


def _as_float(value: cst.BaseExpression) -> cst.BaseExpression:
    """The schedule computes in its initial rate's dtype: an integer rate would turn the decay into integer
    arithmetic, so anything not plainly a float is passed through float()."""
    if isinstance(value, cst.Integer):
        return _float_literal(value)
    if _is_float_expression(value):
        return value
    return cst.Call(func=cst.Name("float"), args=[cst.Arg(value)])


def _is_float_expression(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Float):
        return True
    if isinstance(value, cst.UnaryOperation):
        return _is_float_expression(value.expression)
    if isinstance(value, cst.BinaryOperation):
        return isinstance(value.operator, cst.Divide) or _is_float_expression(value.left) or _is_float_expression(
            value.right
        )
    return False


def _is_zero(value: cst.BaseExpression) -> bool:
    return isinstance(value, (cst.Integer, cst.Float)) and ast.literal_eval(value.value) == 0


def _comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _arguments_text(explicit: Tuple[Tuple[str, str], ...]) -> str:
    return ", ".join(f"{name}={literal}" for name, literal in explicit)
