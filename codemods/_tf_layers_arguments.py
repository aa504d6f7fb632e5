"""Reading a call's arguments against a known parameter list, and the small literal tests the conversions need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Union

import libcst as cst

from codemods._names import ImportBindings


@dataclass(frozen=True)
class Bound:
    """One argument of a call, bound to its parameter."""

    index: int  # position in the call's argument list
    arg: cst.Arg
    positional: int  # its position among the positional arguments, or -1 for a keyword

    @property
    def value(self) -> cst.BaseExpression:
        return self.arg.value


class CannotBind(Exception):
    """The arguments cannot be read statically (``*args``, an unknown keyword, too many positionals)."""


def bind(call: cst.Call, parameters: Sequence[str]) -> Dict[str, Bound]:
    bound: Dict[str, Bound] = {}
    position = 0
    for index, arg in enumerate(call.args):
        if arg.star:
            raise CannotBind("it passes `*args` or `**kwargs`")
        if arg.keyword is None:
            if position >= len(parameters):
                raise CannotBind("it has more positional arguments than the function takes")
            bound[parameters[position]] = Bound(index, arg, position)
            position += 1
            continue
        name = arg.keyword.value
        if name not in parameters or name in bound:
            raise CannotBind(f"the keyword `{name}` is not one the function takes (once)")
        bound[name] = Bound(index, arg, -1)
    return bound


def is_name(node: cst.BaseExpression, *names: str) -> bool:
    return isinstance(node, cst.Name) and node.value in names


def number(node: cst.BaseExpression) -> Optional[Union[int, float]]:
    """The value of an int or float literal; None for anything else."""
    if isinstance(node, (cst.Integer, cst.Float)):
        try:
            return node.evaluated_value
        except (ValueError, SyntaxError):
            return None
    return None


def string(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def is_float32(node: cst.BaseExpression, bindings: ImportBindings) -> bool:
    return bindings.tf1_qualified(node) == "tensorflow.float32" or string(node) == "float32"


def atom(node: cst.BaseExpression) -> cst.BaseExpression:
    """``node`` parenthesised when it is an operation, so it can be a factor of a product."""
    if isinstance(node, (cst.BinaryOperation, cst.BooleanOperation, cst.IfExp, cst.Lambda, cst.UnaryOperation,
                         cst.Comparison)) and not node.lpar:
        return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return node


def plain(arg: cst.Arg) -> cst.Arg:
    """The argument without its comma and the whitespace after it: the call is laid out again."""
    return arg.with_changes(comma=cst.MaybeSentinel.DEFAULT)
