"""Argument surgery on calls for keras3-defaults-made-explicit: add a keyword, rename one, pass positionals by
keyword, keeping the call's layout (one argument per line stays one argument per line)."""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import libcst as cst
from codemods._arguments import NO_SPACE



def positional_args(call: cst.Call) -> List[cst.Arg]:
    return [arg for arg in call.args if arg.keyword is None and not arg.star]


def has_star_args(call: cst.Call) -> bool:
    return any(arg.star == "*" for arg in call.args)


def has_star_kwargs(call: cst.Call) -> bool:
    return any(arg.star == "**" for arg in call.args)


def keyword_arg(call: cst.Call, name: str) -> Optional[cst.Arg]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def passes(call: cst.Call, name: str, position: Optional[int]) -> bool:
    """Whether the call gives parameter ``name`` (Keras 2 took it at ``position``), or might through a splat."""
    if keyword_arg(call, name) is not None:
        return True
    return position is not None and len(positional_args(call)) > position


def append_args(call: cst.Call, new_args: Sequence[cst.Arg]) -> cst.Call:
    """``call`` with ``new_args`` after its arguments (before a ``**kwargs``), laid out like the ones it has."""
    if not new_args:
        return call
    args = list(call.args)
    insert_at = len(args)
    while insert_at and args[insert_at - 1].star == "**":
        insert_at -= 1
    before, after = args[:insert_at], args[insert_at:]
    if not before:
        joined = _joined(list(new_args), after[0].comma if after else cst.MaybeSentinel.DEFAULT, call)
        return call.with_changes(args=[*joined, *after])
    last = before[-1]
    multiline = isinstance(last.comma, cst.Comma) and isinstance(last.comma.whitespace_after,
                                                                cst.ParenthesizedWhitespace)
    if multiline:  # one argument per line, trailing comma: new lines, same indentation
        separator = _separator(before, call)
        new = [arg.with_changes(comma=separator) for arg in new_args]
        new[-1] = new[-1].with_changes(comma=last.comma)
        before[-1] = last.with_changes(comma=separator)
        return call.with_changes(args=[*before, *new, *after])
    end_comma = last.comma if after else cst.MaybeSentinel.DEFAULT
    wrapped = _line_break(before)  # arguments wrapped over lines: the new ones go on a line of their own
    before[-1] = last.with_changes(comma=wrapped if wrapped is not None else _comma())
    return call.with_changes(args=[*before, *_joined(list(new_args), end_comma, call), *after])


def _line_break(args: List[cst.Arg]) -> Optional[cst.Comma]:
    for arg in reversed(args[:-1]):
        if isinstance(arg.comma, cst.Comma) and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return arg.comma.with_changes(whitespace_before=NO_SPACE)
    return None


def _comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _joined(new_args: List[cst.Arg], last_comma, call: cst.Call) -> List[cst.Arg]:
    joined = [arg.with_changes(comma=_comma()) for arg in new_args]
    joined[-1] = joined[-1].with_changes(comma=last_comma)
    return joined


def _separator(args: List[cst.Arg], call: cst.Call) -> cst.Comma:
    """The comma-and-newline between two arguments of a one-per-line call."""
    for arg in args[:-1]:
        if isinstance(arg.comma, cst.Comma) and isinstance(arg.comma.whitespace_after, cst.ParenthesizedWhitespace):
            return arg.comma
    return cst.Comma(whitespace_after=call.whitespace_before_args)


def keywordize(call: cst.Call, start: int, names: Sequence[str]) -> Tuple[cst.Call, bool]:
    """Positional arguments from ``start`` on passed by their (Keras 2) names. False when one has no name."""
    args = list(call.args)
    positions = [i for i, arg in enumerate(args) if arg.keyword is None and not arg.star]
    if len(positions) <= start:
        return call, True
    if len(positions) > len(names):
        return call, False
    for position_index, arg_index in enumerate(positions):
        if position_index >= start:
            arg = args[arg_index]
            args[arg_index] = arg.with_changes(
                keyword=cst.Name(names[position_index]),
                equal=cst.AssignEqual(whitespace_before=NO_SPACE, whitespace_after=NO_SPACE))
    return call.with_changes(args=args), True


def rename_keyword(call: cst.Call, old: str, new: str) -> cst.Call:
    if keyword_arg(call, new) is not None:
        return call
    return call.with_changes(args=[
        arg.with_changes(keyword=cst.Name(new)) if arg.keyword is not None and arg.keyword.value == old else arg
        for arg in call.args])


def replace_arg_value(call: cst.Call, index: int, value: cst.BaseExpression) -> cst.Call:
    args = list(call.args)
    args[index] = args[index].with_changes(value=value)
    return call.with_changes(args=args)


def remove_arg(call: cst.Call, index: int) -> cst.Call:
    args = list(call.args)
    removed = args.pop(index)
    if args and index == len(args):  # the last one went: the new last keeps its ending
        args[-1] = args[-1].with_changes(comma=removed.comma)
    return call.with_changes(args=args)
