"""Rewriting one call's arguments the way a Keras 2.2.4 legacy interface converts them at run time.

Each ``keras.legacy.interfaces`` wrapper runs, in order: its preprocessor (code; re-implemented here by name),
its value conversions and its keyword renames (data, from codemods/data/keras1_arguments.json). A rewrite
that cannot be shown to give the same arguments raises :class:`Unconvertible` and the call is left alone.
The premise, as for the whole tool: the program ran on Keras 2.2.4, so a call that Keras 2.2.4 would have
rejected (a TypeError) need not be rewritten faithfully, only never made to look valid when it was not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import libcst as cst

from codemods._keras1_table import Interface, Wrapped


class Unconvertible(Exception):
    def __init__(self, node: Optional[cst.CSTNode], message: str, suggestion: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message
        self.suggestion = suggestion


@dataclass
class Slot:
    """One argument: as written (``origin``, for positions in findings; None for new ones) and as it is now."""

    origin: Optional[cst.Arg]
    arg: cst.Arg

    @property
    def keyword(self) -> Optional[str]:
        return self.arg.keyword.value if self.arg.keyword is not None else None


@dataclass
class Note:
    """An informational finding about a rewrite the user should know of."""

    node: Optional[cst.CSTNode]
    message: str
    suggestion: str


class Arguments:
    """A call's argument list being rewritten; keeps each argument's comma, comments and spacing."""

    def __init__(self, original: Sequence[cst.Arg], updated: Sequence[cst.Arg]) -> None:
        self.slots = [Slot(origin, arg) for origin, arg in zip(original, updated)]
        self.notes: List[Note] = []
        self.changed = False

    def positional(self) -> List[Slot]:
        return [s for s in self.slots if s.arg.keyword is None and s.arg.star == ""]

    def keyword(self, name: str) -> Optional[Slot]:
        for slot in self.slots:
            if slot.keyword == name:
                return slot
        return None

    def has_star(self) -> bool:
        return any(s.arg.star for s in self.slots)

    def remove(self, slot: Slot) -> None:
        index = self.slots.index(slot)
        if index == len(self.slots) - 1 and index > 0:  # the new last argument takes over the trailing comma
            previous = self.slots[index - 1]
            previous.arg = previous.arg.with_changes(comma=slot.arg.comma)
        del self.slots[index]
        self.changed = True

    def set(self, slot: Slot, arg: cst.Arg) -> None:
        slot.arg = arg
        self.changed = True

    def rename(self, slot: Slot, name: str) -> None:
        self.set(slot, slot.arg.with_changes(keyword=cst.Name(name)))

    def insert_after(self, slot: Slot, arg: cst.Arg) -> None:
        """``arg`` right after ``slot``, laid out like ``slot`` (same comma, so the same line breaks)."""
        index = self.slots.index(slot)
        comma = slot.arg.comma
        arg = arg.with_changes(comma=comma)
        if not isinstance(comma, cst.Comma):  # ``slot`` was the last argument: the new one is now
            slot.arg = slot.arg.with_changes(comma=_plain_comma())
        self.slots.insert(index + 1, Slot(None, arg))
        self.changed = True

    def node(self, slot: Optional[Slot]) -> Optional[cst.CSTNode]:
        return slot.origin if slot is not None else None

    def result(self) -> List[cst.Arg]:
        return [s.arg for s in self.slots]


# --------------------------------------------------------------------------- literals


def _plain_comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _has_comment(node: cst.CSTNode) -> bool:
    return "#" in cst.Module([]).code_for_node(node)


def string_value(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def literal_node(value: object, like: Optional[cst.BaseExpression] = None) -> cst.BaseExpression:
    """A literal for a table value; a string keeps the quotes of the string it replaces."""
    if value is None or isinstance(value, bool):
        return cst.Name(repr(value))
    if isinstance(value, int):
        return cst.Integer(str(value))
    if isinstance(value, str):
        quote = like.quote if isinstance(like, cst.SimpleString) and like.quote in ("'", '"') else '"'
        if quote in value or "\\" in value:
            return cst.SimpleString(repr(value))
        return cst.SimpleString(f"{quote}{value}{quote}")
    raise ValueError(f"no literal for {value!r}")


def is_side_effect_free(node: cst.BaseExpression) -> bool:
    """Literals, names, attribute chains, and tuples/lists of them: dropping or repeating them is harmless."""
    if isinstance(node, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString, cst.Name)):
        return True
    if isinstance(node, cst.Attribute):
        return is_side_effect_free(node.value)
    if isinstance(node, cst.UnaryOperation):
        return is_side_effect_free(node.expression)
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(isinstance(e, cst.Element) and is_side_effect_free(e.value) for e in node.elements)
    return False


def tuple_of(values: Sequence[cst.BaseExpression], commas: Sequence[Optional[cst.Comma]] = ()) -> cst.Tuple:
    """``(a, b)``; a comma that carried a comment in the source is kept, the others are written ``, ``."""
    elements = []
    for index, value in enumerate(values):
        if index == len(values) - 1:
            elements.append(cst.Element(value))
            continue
        original = commas[index] if index < len(commas) else None
        keep = isinstance(original, cst.Comma) and _has_comment(original)
        elements.append(cst.Element(value, comma=original if keep else _plain_comma()))
    return cst.Tuple(elements)


# --------------------------------------------------------------------------- preprocessors

Preprocessor = Callable[[Arguments, Wrapped], None]


# Literals that cannot be the integer Keras 2.2.4 checks for (isinstance(..., int)) before it reads Keras 1
# kernel dimensions or a Deconvolution2D output shape.
_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
NOT_AN_INT = (cst.Tuple, cst.List, cst.Dict, cst.Float, *_STRINGS)
NOT_A_TUPLE = (cst.List, cst.Dict, cst.Integer, cst.Float, *_STRINGS)


def _kernel_size(args: Arguments, wrapped: Wrapped, dims: Tuple[str, ...]) -> None:
    """conv2d / conv3d: Keras 1 kernel dimensions (positional after the filters, or ``nb_row=``/``nb_col=``,
    ``kernel_dim1=``...) -> one ``kernel_size`` tuple, where Keras 2.2.4 would build it."""
    positional = args.positional()
    given = [d for d in dims if args.keyword(d) is not None]
    in_position = positional[1:]  # kernel dimensions written positionally, after the filters
    if not given and len(in_position) <= 1:
        return  # a Keras 2 call: Conv2D(64, 3) or Conv2D(64, kernel_size=3)
    needed = dims[len(in_position):]  # the dimensions that must come by keyword
    names = "/".join(dims)
    if len(in_position) > len(dims) or set(given) != set(needed):
        raise Unconvertible(
            args.node(positional[0] if positional else args.keyword(given[0])),
            f"`{wrapped.class_name}` kernel size given as {len(in_position)} positional and "
            f"{len(given)} keyword Keras 1 dimension(s) ({names}), which Keras 2.2.4 rejects",
            f"pass the kernel size once, as `kernel_size=({', '.join(dims)})`",
        )
    for slot in in_position:
        if isinstance(slot.arg.value, NOT_AN_INT):
            raise Unconvertible(
                args.node(slot),
                f"`{wrapped.class_name}` with {len(positional)} positional arguments: Keras 2.2.4 reads the ones "
                f"after the filters as Keras 1 kernel dimensions ({names}) only when they are integers",
                "pass strides and padding by keyword (`strides=`, `padding=`)",
            )
    keyword_slots = [args.keyword(d) for d in needed]
    values = [s.arg.value for s in in_position] + [s.arg.value for s in keyword_slots]
    commas = [s.arg.comma for s in in_position]
    kernel = tuple_of(values, commas)
    if in_position:  # one positional tuple where the dimensions were, followed by the last one's comma
        args.set(in_position[0], in_position[0].arg.with_changes(value=kernel, comma=in_position[-1].arg.comma))
        for slot in in_position[1:]:
            args.remove(slot)
        for slot in keyword_slots:
            args.remove(slot)
        return
    first = min(keyword_slots, key=args.slots.index)
    args.set(first, first.arg.with_changes(keyword=cst.Name("kernel_size"), value=kernel))
    for slot in keyword_slots:
        if slot is not first:
            args.remove(slot)


def conv2d(args: Arguments, wrapped: Wrapped) -> None:
    _kernel_size(args, wrapped, ("nb_row", "nb_col"))


def conv3d(args: Arguments, wrapped: Wrapped) -> None:
    _kernel_size(args, wrapped, ("kernel_dim1", "kernel_dim2", "kernel_dim3"))


def _input_shape(args: Arguments, wrapped: Wrapped) -> None:
    """``input_dim=d[, input_length=n]`` -> ``input_shape=(n, d)`` (``(None, d)`` without a length)."""
    dim = args.keyword("input_dim")
    if dim is None:
        return
    if args.keyword("input_shape") is not None:
        raise Unconvertible(
            args.node(dim), f"`{wrapped.class_name}` given both `input_dim` and `input_shape`: Keras 2.2.4 "
            "silently replaces `input_shape` with `(input_length, input_dim)`",
            "keep only `input_shape=(timesteps, features)`",
        )
    length = args.keyword("input_length")
    length_value = length.arg.value if length is not None else cst.Name("None")
    shape = tuple_of([length_value, dim.arg.value])
    args.set(dim, dim.arg.with_changes(keyword=cst.Name("input_shape"), value=shape))
    if length is not None:
        args.remove(length)


def _forget_bias_init(args: Arguments, wrapped: Wrapped) -> None:
    """``forget_bias_init="one"`` -> ``unit_forget_bias=True``; any other value was ignored by Keras 2.2.4."""
    slot = args.keyword("forget_bias_init")
    if slot is None:
        return
    value = string_value(slot.arg.value)
    if value is None:
        raise Unconvertible(
            args.node(slot), "`forget_bias_init` with a value that is not a string literal: Keras 2.2.4 turns "
            "`'one'` into `unit_forget_bias=True` and ignores anything else",
            "write `unit_forget_bias=True` for a forget-gate bias of one, or remove the argument",
        )
    if value != "one":
        args.notes.append(Note(
            args.node(slot), f"`forget_bias_init={value!r}` removed: Keras 2.2.4 ignored it (with a warning), so "
            "the forget-gate bias was initialised as if it were absent",
            "use `bias_initializer=` / `unit_forget_bias=False` if another forget-gate bias was meant",
        ))
        args.remove(slot)
        return
    if "unit_forget_bias" not in wrapped.parameters:
        raise Unconvertible(
            args.node(slot), "`forget_bias_init='one'` becomes `unit_forget_bias=True` in Keras 2.2.4, which "
            f"`{wrapped.class_name}` does not have (TypeError)", "remove `forget_bias_init`",
        )
    if args.keyword("unit_forget_bias") is not None:
        raise Unconvertible(
            args.node(slot), "`forget_bias_init='one'` together with `unit_forget_bias`: Keras 2.2.4 sets "
            "`unit_forget_bias=True` whatever it was given", "remove `forget_bias_init`",
        )
    args.set(slot, slot.arg.with_changes(keyword=cst.Name("unit_forget_bias"), value=cst.Name("True")))


def _drop(args: Arguments, slot: Slot, wrapped: Wrapped, why: str) -> None:
    if not is_side_effect_free(slot.arg.value):
        raise Unconvertible(
            args.node(slot), f"`{wrapped.class_name}`: Keras 2.2.4 ignores this argument ({why}), but removing "
            "it would also skip evaluating its expression", "remove the argument by hand",
        )
    args.remove(slot)


def recurrent(args: Arguments, wrapped: Wrapped) -> None:
    _forget_bias_init(args, wrapped)
    _input_shape(args, wrapped)


def conv1d(args: Arguments, wrapped: Wrapped) -> None:
    _input_shape(args, wrapped)


def embedding(args: Arguments, wrapped: Wrapped) -> None:
    slot = args.keyword("dropout")
    if slot is None:
        return
    _drop(args, slot, wrapped, "Keras 2 `Embedding` has no dropout")
    args.notes.append(Note(
        args.node(slot), "`Embedding(dropout=...)` removed: Keras 2.2.4 ignored it (with a warning), so the "
        "program never applied that dropout", "for the Keras 1 behaviour add a `SpatialDropout1D` layer after the "
        "`Embedding` (this changes training)",
    ))


def deconv2d(args: Arguments, wrapped: Wrapped) -> None:
    positional = args.positional()
    if len(positional) == 4:  # Deconvolution2D(nb_filter, nb_row, nb_col, output_shape)
        if isinstance(positional[3].arg.value, NOT_A_TUPLE):
            raise Unconvertible(
                args.node(positional[3]), f"`{wrapped.class_name}` with 4 positional arguments: Keras 2.2.4 "
                "drops the fourth as a Keras 1 output shape only when it is a tuple", "pass the others by keyword",
            )
        _drop(args, positional[3], wrapped, "Keras 2 infers the output shape")
    slot = args.keyword("output_shape")
    if slot is not None:
        _drop(args, slot, wrapped, "Keras 2 infers the output shape")
    conv2d(args, wrapped)


def separable_conv2d(args: Arguments, wrapped: Wrapped) -> None:
    slot = args.keyword("init")
    if slot is not None:
        if args.keyword("depthwise_initializer") or args.keyword("pointwise_initializer"):
            raise Unconvertible(
                args.node(slot), "`init` together with `depthwise_initializer`/`pointwise_initializer`: Keras "
                "2.2.4 lets `init` replace both", "keep only `depthwise_initializer=` and `pointwise_initializer=`",
            )
        if not is_side_effect_free(slot.arg.value):
            raise Unconvertible(
                args.node(slot), "Keras 2.2.4 hands the one `init` object to both `depthwise_initializer` and "
                "`pointwise_initializer`; writing the expression twice would build two",
                "assign the initializer to a variable and pass it as both arguments",
            )
        value = slot.arg.value
        args.set(slot, slot.arg.with_changes(keyword=cst.Name("depthwise_initializer")))
        args.insert_after(slot, slot.arg.with_changes(keyword=cst.Name("pointwise_initializer"), value=value))
    conv2d(args, wrapped)


def convlstm2d(args: Arguments, wrapped: Wrapped) -> None:
    _forget_bias_init(args, wrapped)
    conv2d(args, wrapped)


def batchnorm(args: Arguments, wrapped: Wrapped) -> None:
    slot = args.keyword("mode")
    if slot is None:
        return
    value = slot.arg.value
    if isinstance(value, cst.Integer) and value.evaluated_value == 0:
        args.remove(slot)
        return
    raise Unconvertible(
        args.node(slot), "`BatchNormalization(mode=...)`: Keras 2.2.4 accepts only `mode=0` (and drops it); "
        "modes 1 and 2 no longer exist", "remove `mode`; for per-sample normalisation use another layer",
    )


PADDING_KEYS = ("top_pad", "bottom_pad", "left_pad", "right_pad")


def zeropadding2d(args: Arguments, wrapped: Wrapped) -> None:
    """``padding={'top_pad': 1, ...}`` -> ``padding=((top, bottom), (left, right))``, missing sides 0."""
    slot = args.keyword("padding")
    positional = args.positional()
    if slot is None and len(positional) == 1:
        slot = positional[0]
    if slot is None or not isinstance(slot.arg.value, cst.Dict):
        return
    sides: Dict[str, cst.BaseExpression] = {}
    for element in slot.arg.value.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key not in PADDING_KEYS or not is_side_effect_free(element.value):
            raise Unconvertible(
                args.node(slot), "`ZeroPadding2D` padding dictionary that is not made of literal "
                f"{'/'.join(PADDING_KEYS)} keys and plain values",
                "write `padding=((top, bottom), (left, right))`",
            )
        sides[key] = element.value
    top, bottom, left, right = (sides.get(key, cst.Integer("0")) for key in PADDING_KEYS)
    padding = tuple_of([tuple_of([top, bottom]), tuple_of([left, right])])
    args.set(slot, slot.arg.with_changes(value=padding))


PREPROCESSORS: Dict[str, Preprocessor] = {
    "conv1d_args_preprocessor": conv1d,
    "conv2d_args_preprocessor": conv2d,
    "conv3d_args_preprocessor": conv3d,
    "deconv2d_args_preprocessor": deconv2d,
    "separable_conv2d_args_preprocessor": separable_conv2d,
    "convlstm2d_args_preprocessor": convlstm2d,
    "recurrent_args_preprocessor": recurrent,
    "embedding_kwargs_preprocessor": embedding,
    "batchnorm_args_preprocessor": batchnorm,
    "zeropadding2d_args_preprocessor": zeropadding2d,
}

# The keywords without which each preprocessor leaves a call alone; None where positional arguments alone can make
# it act (`Convolution2D(64, 3, 3)`, `ZeroPadding2D({...})`). The codemod's trigger is built from these.
PREPROCESSOR_READS: Dict[str, Optional[Tuple[str, ...]]] = {
    "conv1d_args_preprocessor": ("input_dim",),
    "conv2d_args_preprocessor": None,
    "conv3d_args_preprocessor": None,
    "deconv2d_args_preprocessor": None,
    "separable_conv2d_args_preprocessor": None,
    "convlstm2d_args_preprocessor": None,
    "recurrent_args_preprocessor": ("forget_bias_init", "input_dim"),
    "embedding_kwargs_preprocessor": ("dropout",),
    "batchnorm_args_preprocessor": ("mode",),
    "zeropadding2d_args_preprocessor": None,
}

# Keywords each preprocessor may write into a call (tests check that the Keras 3 targets accept them).
PREPROCESSOR_KEYWORDS: Dict[str, Tuple[str, ...]] = {
    "conv1d_args_preprocessor": ("input_shape",),
    "conv2d_args_preprocessor": ("kernel_size",),
    "conv3d_args_preprocessor": ("kernel_size",),
    "deconv2d_args_preprocessor": ("kernel_size",),
    "separable_conv2d_args_preprocessor": ("kernel_size", "depthwise_initializer", "pointwise_initializer"),
    "convlstm2d_args_preprocessor": ("kernel_size", "unit_forget_bias"),
    "recurrent_args_preprocessor": ("input_shape", "unit_forget_bias"),
    "embedding_kwargs_preprocessor": (),
    "batchnorm_args_preprocessor": (),
    "zeropadding2d_args_preprocessor": ("padding",),
}


# --------------------------------------------------------------------------- value conversions and renames


ValueRewriter = Callable[[cst.BaseExpression, Dict[str, object]], Optional[cst.BaseExpression]]


def convert_values(args: Arguments, wrapped: Wrapped, special: ValueRewriter) -> None:
    """Keras 1 values of Keras 1 keywords (``dim_ordering="th"``) -> their Keras 2 values. A string literal the
    table does not list passes unchanged, as in Keras 2.2.4; anything not a literal is not convertible, unless
    ``special`` knows an equivalent expression."""
    for keyword, values in wrapped.interface.value_conversions.items():
        slot = args.keyword(keyword)
        if slot is None:
            continue
        value = slot.arg.value
        text = string_value(value)
        if text is not None:
            if text in values:
                args.set(slot, slot.arg.with_changes(value=literal_node(values[text], value)))
            continue
        replacement = special(value, values)
        if replacement is None:
            new = wrapped.interface.renamed(keyword) or keyword
            choices = ", ".join(f"{k!r} -> {v!r}" for k, v in values.items())
            raise Unconvertible(
                args.node(slot), f"`{keyword}=` with a value that is not a literal: Keras 2.2.4 converts it at "
                f"run time ({choices})", f"pass `{new}=` with the converted value",
            )
        args.set(slot, slot.arg.with_changes(value=replacement))


def rename_keywords(args: Arguments, wrapped: Wrapped) -> None:
    for old, new in wrapped.interface.conversions:
        slot = args.keyword(old)
        if slot is None:
            continue
        if args.keyword(new) is not None:
            raise Unconvertible(
                args.node(slot), f"`{wrapped.class_name}` given both the Keras 1 `{old}` and the Keras 2 `{new}`: "
                "Keras 2.2.4 raises TypeError", f"keep only `{new}`",
            )
        if new in wrapped.rejected_by_keras2:
            raise Unconvertible(
                args.node(slot), f"`{wrapped.class_name}` given the Keras 1 `{old}`: Keras 2.2.4 turns it into "
                f"`{new}`, which `{wrapped.class_name}` does not have (TypeError)", f"remove `{old}`",
            )
        if new in wrapped.dropped_by_keras2:
            _drop(args, slot, wrapped, f"`{old}` becomes `{new}`, which `{wrapped.class_name}` ignores")
            continue
        args.rename(slot, new)


def convert(args: Arguments, wrapped: Wrapped, special: ValueRewriter) -> None:
    """Everything ``wrapped``'s legacy interface does to the arguments, in Keras 2.2.4's order."""
    interface: Interface = wrapped.interface
    if interface.preprocessor is not None:
        preprocess = PREPROCESSORS.get(interface.preprocessor)
        if preprocess is None:
            raise Unconvertible(
                None, f"no rewrite is known for Keras 2.2.4's `{interface.preprocessor}`",
                "check this call's arguments against the Keras 2 signature",
            )
        preprocess(args, wrapped)
    convert_values(args, wrapped, special)
    rename_keywords(args, wrapped)
