"""Small libcst builders and readers for keras-backend-graph-symbols-to-tf2: literals, arguments, list
elements, and the expressions that replace a `K.function` call."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import libcst as cst
import libcst.matchers as m

SPACE = cst.SimpleWhitespace(" ")


def code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def int_literal(node: cst.BaseExpression) -> Optional[int]:
    """``3`` -> 3, ``-1`` -> -1; None for anything that is not an integer literal."""
    if isinstance(node, cst.Integer):
        return int(node.evaluated_value)
    if m.matches(node, m.UnaryOperation(operator=m.Minus(), expression=m.Integer())):
        return -int(node.expression.evaluated_value)
    return None


def phase_literal(node: cst.BaseExpression) -> Optional[int]:
    """A learning phase written as a literal: 0/1, 0.0/1.0, False/True; None otherwise."""
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return int(node.value == "True")
    if isinstance(node, (cst.Integer, cst.Float)):
        value = node.evaluated_value
        return int(value) if value in (0, 1) else None
    return None


def single_index(subscript: cst.Subscript) -> Optional[int]:
    """``x[2]`` -> 2; None for slices, several indices or non-literal indices."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Index):
        return None
    return int_literal(subscript.slice[0].slice.value)


def literal_elements(node: cst.BaseExpression) -> Optional[List[cst.BaseExpression]]:
    """The elements of a list or tuple written out without ``*``; None for anything else."""
    if not isinstance(node, (cst.List, cst.Tuple)):
        return None
    if any(isinstance(element, cst.StarredElement) for element in node.elements):
        return None
    return [element.value for element in node.elements]


def bound_arguments(call: cst.Call, names: Sequence[str]) -> Optional[Dict[str, int]]:
    """Parameter name -> index in ``call.args`` for a call of a function with parameters ``names``; None when
    the call passes ``*args``/``**kwargs`` or an argument the function does not take."""
    bound: Dict[str, int] = {}
    for index, arg in enumerate(call.args):
        if arg.star:
            return None
        if arg.keyword is None:
            if index >= len(names):
                return None
            bound[names[index]] = index
        elif arg.keyword.value in names:
            bound[arg.keyword.value] = index
        else:
            return None
    return bound


def then_comma(arg: cst.Arg) -> cst.Arg:
    return arg.with_changes(comma=cst.Comma(whitespace_after=SPACE))


def attribute(value: cst.BaseExpression, name: str) -> cst.Attribute:
    return cst.Attribute(value=atom(value), attr=cst.Name(name))


def index(value: cst.BaseExpression, position: int) -> cst.Subscript:
    return cst.Subscript(value=value, slice=[cst.SubscriptElement(cst.Index(cst.Integer(str(position))))])


def method_call(value: cst.BaseExpression, name: str, args: Sequence[cst.Arg] = ()) -> cst.Call:
    return cst.Call(func=attribute(value, name), args=list(args))


def atom(node: cst.BaseExpression) -> cst.BaseExpression:
    """``node`` parenthesised when an attribute could not follow it as it is (``(a + b).dtype``)."""
    if isinstance(node, (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.List, cst.Tuple)) or node.lpar:
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def without_element(sequence: cst.BaseExpression, position: int) -> cst.BaseExpression:
    """A written-out list or tuple without its element at ``position`` (negative counts from the end)."""
    assert isinstance(sequence, (cst.List, cst.Tuple))
    elements = list(sequence.elements)
    del elements[position]
    return with_elements(sequence, elements)


def with_elements(sequence: cst.BaseExpression, elements: List[cst.BaseElement]) -> cst.BaseExpression:
    """``sequence`` holding ``elements``: no comma after the last one, except in a one-element tuple."""
    assert isinstance(sequence, (cst.List, cst.Tuple))
    if elements:
        one_tuple = isinstance(sequence, cst.Tuple) and len(elements) == 1
        elements[-1] = elements[-1].with_changes(comma=cst.Comma() if one_tuple else cst.MaybeSentinel.DEFAULT)
    return sequence.with_changes(elements=elements)


def keep_parentheses(new: cst.BaseExpression, old: cst.BaseExpression) -> cst.BaseExpression:
    if not old.lpar:
        return new
    return new.with_changes(lpar=old.lpar, rpar=old.rpar)
